//! The `send()` of a request builder: path, query, headers and body into a runtime `Request`,
//! then the response decoded by status.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::operations::{ident, is_argument, single_success};
use super::{paths, security};
use crate::ir::{
    Api, Body, Encoding, Operation, Param, ParamLocation, ParamShape, ParamStyle, Primitive,
    Response, Status, TypeKind, TypeRef,
};
use crate::resolve::path_template_names;

/// The `send` and `send_with_response` methods of an operation's builder.
pub(super) fn send(api: &Api, op: &Operation, output: &TokenStream) -> TokenStream {
    let runtime = paths::runtime();
    let method = ident(op.method.as_str());
    let mut format_string = op.path.clone();
    let mut path_args = Vec::new();
    for name in path_template_names(&op.path) {
        if let Some(p) = op
            .params
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire_name == name)
        {
            let placeholder = match p.style {
                ParamStyle::Label => ".{}".to_owned(),
                ParamStyle::Matrix => format!(";{name}={{}}"),
                _ => "{}".to_owned(),
            };
            format_string = format_string.replacen(&format!("{{{name}}}"), &placeholder, 1);
            let field = ident(&p.rust_name);
            path_args.push(quote!(#runtime::encode_path(&self.#field)));
        }
    }
    let path = if path_args.is_empty() {
        quote!(::std::string::String::from(#format_string))
    } else {
        quote!(::std::format!(#format_string, #(#path_args),*))
    };
    let mut steps = Vec::new();
    for p in op
        .params
        .iter()
        .filter(|p| p.location != ParamLocation::Path)
    {
        steps.push(param_step(p));
    }
    if let Some(body) = &op.body {
        steps.push(if body.required {
            body_step(api, body, quote!(&self.body))
        } else {
            let write = body_step(api, body, quote!(body));
            quote! {
                if let ::std::option::Option::Some(body) = &self.body {
                    #write
                }
            }
        });
    }
    let binding = if steps.is_empty() {
        quote!(let request)
    } else {
        quote!(let mut request)
    };
    let decode = decode(op);
    let alternatives = security::alternatives(op);
    let operation = &op.id;
    let template = &op.path;
    let by_method = !matches!(
        op.method,
        crate::ir::Method::Post | crate::ir::Method::Patch
    );
    let idempotent = (op.idempotent != by_method).then(|| {
        let value = op.idempotent;
        quote!(.idempotent(#value))
    });
    quote! {
        /// Sends the request and decodes the response.
        pub async fn send(self) -> ::std::result::Result<#output, #runtime::Error> {
            self.send_with_response().await.map(#runtime::ApiResponse::into_body)
        }

        /// Sends the request; returns the decoded body with the status, the headers and the
        /// parsed rate-limit headers.
        pub async fn send_with_response(
            self,
        ) -> ::std::result::Result<#runtime::ApiResponse<#output>, #runtime::Error> {
            const SECURITY: &[&[#runtime::Scheme]] = #alternatives;
            #binding = #runtime::Request::new(#runtime::Method::#method, #path)
                .operation(#operation, #template)
                .security(SECURITY)
                #idempotent;
            #(#steps)*
            let response = self.client.execute(request).await?;
            #decode
        }
    }
}

fn param_step(p: &Param) -> TokenStream {
    let runtime = paths::runtime();
    let field = ident(&p.rust_name);
    let wire = &p.wire_name;
    let explode = p.explode;
    let call = |value: TokenStream| match (p.shape, p.location, p.style) {
        (ParamShape::Object, _, ParamStyle::DeepObject) => quote! {
            request.query_object(#wire, #value, #runtime::ObjectStyle::DeepObject)?;
        },
        (ParamShape::Object, _, _) => quote! {
            request.query_object(#wire, #value, #runtime::ObjectStyle::Form { explode: #explode })?;
        },
        (ParamShape::List, ParamLocation::Query, ParamStyle::SpaceDelimited) if !explode => {
            quote!(request.query_delimited(#wire, #value, " ");)
        }
        (ParamShape::List, ParamLocation::Query, ParamStyle::PipeDelimited) if !explode => {
            quote!(request.query_delimited(#wire, #value, "|");)
        }
        (ParamShape::List, ParamLocation::Query, _) => {
            quote!(request.query_list(#wire, #value, #explode);)
        }
        (ParamShape::List, _, _) => quote!(request.header_list(#wire, #value)?;),
        (_, ParamLocation::Query, _) => quote!(request.query(#wire, #value);),
        (_, ParamLocation::Header, _) => quote!(request.header(#wire, #value)?;),
        (_, _, _) => quote!(request.cookie(#wire, #value)?;),
    };
    if is_argument(p) {
        call(quote!(&self.#field))
    } else {
        let step = call(quote!(value));
        quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                #step
            }
        }
    }
}

/// Statements writing the body `value` (an expression of a reference to it) into `request`.
fn body_step(api: &Api, body: &Body, value: TokenStream) -> TokenStream {
    let media_type = &body.media_type;
    match body.encoding {
        Encoding::Json => quote!(request.json(#value)?;),
        Encoding::Text => quote!(request.text(#media_type, #value)?;),
        Encoding::Binary => {
            quote!(request.bytes(#media_type, ::std::clone::Clone::clone(#value))?;)
        }
        Encoding::Form => quote!(request.form(#value)?;),
        Encoding::Multipart => {
            let runtime = paths::runtime();
            let parts = multipart_parts(api, &body.ty);
            quote! {
                let mut form = #runtime::Multipart::new();
                {
                    let body = #value;
                    #parts
                }
                request.multipart(&form)?;
            }
        }
    }
}

/// Statements adding the parts of a multipart body `body` to `form`: binary values as files,
/// scalars as text, anything else as JSON.
fn multipart_parts(api: &Api, ty: &TypeRef) -> TokenStream {
    let def = match ty {
        TypeRef::Named(name) => api.types.get(name),
        _ => None,
    };
    let Some(TypeKind::Struct(s)) = def.map(|d| &d.kind) else {
        // A map: every entry a part.
        let value = match ty {
            TypeRef::Map(value) => value.as_ref(),
            _ => &TypeRef::Any,
        };
        let add = part(api, value, quote!(name), quote!(value));
        return quote! {
            for (name, value) in body {
                #add
            }
        };
    };
    let mut steps = Vec::new();
    for f in &s.fields {
        let field = ident(&f.rust_name);
        let wire = &f.wire_name;
        let add = if f.boxed {
            quote!(form.json(#wire, value)?;)
        } else {
            part(api, &f.ty, quote!(#wire), quote!(value))
        };
        steps.push(if f.optional() || f.nullable {
            quote! {
                if let ::std::option::Option::Some(value) = &body.#field {
                    #add
                }
            }
        } else {
            quote! {
                let value = &body.#field;
                #add
            }
        });
    }
    if let Some(value) = &s.additional {
        let add = part(api, value, quote!(name), quote!(value));
        steps.push(quote! {
            for (name, value) in &body.additional_properties {
                #add
            }
        });
    }
    quote!(#(#steps)*)
}

/// One part (or one per item of an array) named `name` holding `value` of type `ty`.
fn part(api: &Api, ty: &TypeRef, name: TokenStream, value: TokenStream) -> TokenStream {
    let scalar = |ty: &TypeRef| match ty {
        TypeRef::Primitive(p) => *p != Primitive::Binary,
        TypeRef::Named(n) => matches!(
            api.types.get(n).map(|d| &d.kind),
            Some(TypeKind::Enum(_) | TypeKind::NumericEnum(_))
        ),
        _ => false,
    };
    match ty {
        TypeRef::Primitive(Primitive::Binary) => quote!(form.file(#name, #value);),
        ty if scalar(ty) => quote!(form.text(#name, #value);),
        TypeRef::List(item) if scalar(item) || **item == TypeRef::Primitive(Primitive::Binary) => {
            let each = part(api, item, name.clone(), quote!(item));
            quote! {
                for item in #value {
                    #each
                }
            }
        }
        _ => quote!(form.json(#name, #value)?;),
    }
}

/// The expression decoding `response` as a body read with `encoding`.
fn read(encoding: Encoding) -> TokenStream {
    match encoding {
        Encoding::Text => quote!(response.text()?),
        Encoding::Binary => quote!(response.bytes()),
        _ => quote!(response.json()?),
    }
}

fn decode(op: &Operation) -> TokenStream {
    let runtime = paths::runtime();
    if let Some(response) = single_success(op) {
        return match response.ty {
            Some(_) => {
                let read = read(response.encoding);
                quote! {
                    let body = #read;
                    ::std::result::Result::Ok(response.into_api_response(body))
                }
            }
            None => quote!(::std::result::Result::Ok(response.into_api_response(()))),
        };
    }
    let name = ident(&op.response_name);
    let arms = op.responses.iter().map(|r: &Response| {
        let pattern = match r.status {
            Status::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                quote!(#code)
            }
            Status::Range(first) => {
                let low = Literal::u16_unsuffixed(first * 100);
                let high = Literal::u16_unsuffixed(first * 100 + 99);
                quote!(#low..=#high)
            }
        };
        let variant = ident(&status_variant(r.status));
        match r.ty {
            Some(_) => {
                let read = read(r.encoding);
                quote!(#pattern => #name::#variant(#read),)
            }
            None => quote!(#pattern => #name::#variant,),
        }
    });
    quote! {
        let body = match response.status().as_u16() {
            #(#arms)*
            _ => return ::std::result::Result::Err(#runtime::Error::unexpected_status(response)),
        };
        ::std::result::Result::Ok(response.into_api_response(body))
    }
}

/// The status shown in docs, e.g. `207` or `2XX`.
pub(super) fn status_label(status: Status) -> String {
    match status {
        Status::Code(code) => code.to_string(),
        Status::Range(first) => format!("{first}XX"),
    }
}

/// A readable variant name for a success status.
pub(super) fn status_variant(status: Status) -> String {
    match status {
        Status::Code(200) => "Ok".into(),
        Status::Code(201) => "Created".into(),
        Status::Code(202) => "Accepted".into(),
        Status::Code(203) => "NonAuthoritative".into(),
        Status::Code(204) => "NoContent".into(),
        Status::Code(205) => "ResetContent".into(),
        Status::Code(206) => "PartialContent".into(),
        Status::Code(207) => "MultiStatus".into(),
        Status::Code(208) => "AlreadyReported".into(),
        Status::Code(code) => format!("Status{code}"),
        Status::Range(first) => format!("Other{first}xx"),
    }
}
