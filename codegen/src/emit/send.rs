//! The `send()` of a request builder: path, query, headers and body into a runtime `Request`,
//! then the response decoded by status.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::contract::{self, Part};
use super::responses::single_success;
use super::security;
use super::types::{ident, is_argument};
use crate::ir::{
    Api, Body, Encoding, Operation, Param, ParamEncoding, ParamLocation, PathSegment, Primitive,
    Response, Status, TypeKind, TypeRef,
};
use crate::naming;

/// The `send` and `send_with_response` methods of an operation's builder.
pub(super) fn send(api: &Api, op: &Operation, output: &TokenStream) -> TokenStream {
    let error = contract::error();
    let into_body = contract::into_body();
    let api_response = contract::api_response(output);
    let scheme = contract::scheme();
    let path = path(op, |field| quote!(&self.#field));
    let mut steps: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|p| p.location() != ParamLocation::Path)
        .map(param_step)
        .collect();
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
    let alternatives = security::alternatives(op);
    let idempotent = (op.idempotent != op.method.idempotent_by_default()).then_some(op.idempotent);
    let request = contract::new_request(
        op.method.as_str(),
        &quote!(path),
        (&op.id, op.path.as_str()),
        idempotent,
    );
    let execute = contract::execute();
    let decode = decode(op);
    quote! {
        /// Sends the request and decodes the response.
        pub async fn send(self) -> ::std::result::Result<#output, #error> {
            self.send_with_response().await.map(#into_body)
        }

        /// Sends the request; returns the decoded body with the status, the headers and the
        /// parsed rate-limit headers.
        pub async fn send_with_response(
            self,
        ) -> ::std::result::Result<#api_response, #error> {
            const SECURITY: &[&[#scheme]] = #alternatives;
            #path
            #binding = #request;
            #(#steps)*
            let response = #execute;
            #decode
        }
    }
}

/// Statements binding `path`, the encoded path: each path parameter's encoded value bound to a
/// local of its name first (once, however often the template places it), then named in the
/// `format!` string, so the path reads as one line. `value` gives the expression of a reference
/// to the value of the parameter whose Rust name is its argument.
pub(super) fn path(op: &Operation, value: impl Fn(&Ident) -> TokenStream) -> TokenStream {
    let mut format_string = String::new();
    let mut locals = Vec::new();
    let mut bound = Vec::new();
    for segment in op.path.segments() {
        match segment {
            PathSegment::Literal(text) => {
                format_string.push_str(&text.replace('{', "{{").replace('}', "}}"));
            }
            PathSegment::Param(name) => {
                let param = op
                    .params
                    .iter()
                    .find(|p| p.location() == ParamLocation::Path && p.wire_name == *name);
                match param.map(|p| (p, p.encoding)) {
                    Some((p, ParamEncoding::Path(style))) => {
                        let placeholder = contract::path_placeholder(style, name, &p.rust_name);
                        format_string.push_str(&placeholder);
                        if !bound.contains(&p.rust_name) {
                            bound.push(p.rust_name.clone());
                            let field = ident(&p.rust_name);
                            let encoded = contract::encode_path(value(&field));
                            locals.push(quote!(let #field = #encoded;));
                        }
                    }
                    // The resolver reports a placeholder without its parameter.
                    _ => format_string.push_str(&format!("{{{{{name}}}}}")),
                }
            }
        }
    }
    let path = if locals.is_empty() {
        quote!(::std::string::String::from(#format_string))
    } else {
        quote!(::std::format!(#format_string))
    };
    quote! {
        #(#locals)*
        let path = #path;
    }
}

/// The statement writing one non-path parameter, when set.
fn param_step(p: &Param) -> TokenStream {
    let field = ident(&p.rust_name);
    let value = |value: TokenStream| {
        if p.one_or_many {
            contract::as_param_values(value)
        } else {
            value
        }
    };
    if is_argument(p) {
        contract::write_param(p.encoding, &p.wire_name, value(quote!(&self.#field)))
    } else {
        let step = contract::write_param(p.encoding, &p.wire_name, value(quote!(value)));
        quote! {
            if let ::std::option::Option::Some(value) = &self.#field {
                #step
            }
        }
    }
}

/// Statements writing the body `value` (an expression of a reference to it) into `request`.
fn body_step(api: &Api, body: &Body, value: TokenStream) -> TokenStream {
    if body.encoding != Encoding::Multipart {
        return contract::write_body(body.encoding, &body.media_type, value);
    }
    let new = contract::new_multipart();
    let parts = multipart_parts(api, &body.ty);
    let write = contract::write_multipart();
    quote! {
        #new
        {
            let body = #value;
            #parts
        }
        #write
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
            contract::multipart_part(Part::Json, &quote!(#wire), &quote!(value))
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
            Some(TypeKind::Enum(_) | TypeKind::NumericEnum(_) | TypeKind::Id(_))
        ),
        _ => false,
    };
    match ty {
        TypeRef::Primitive(Primitive::Binary) => {
            contract::multipart_part(Part::File, &name, &value)
        }
        ty if scalar(ty) => contract::multipart_part(Part::Text, &name, &value),
        TypeRef::List(item) if scalar(item) || **item == TypeRef::Primitive(Primitive::Binary) => {
            let each = part(api, item, name, quote!(item));
            quote! {
                for item in #value {
                    #each
                }
            }
        }
        _ => contract::multipart_part(Part::Json, &name, &value),
    }
}

/// Statements decoding `response` into the builder's output.
fn decode(op: &Operation) -> TokenStream {
    if let Some(response) = single_success(op) {
        return match response.ty {
            Some(_) => {
                let read = contract::read_body(response.encoding);
                let ok = contract::into_api_response(quote!(body));
                quote! {
                    let body = #read;
                    #ok
                }
            }
            None => contract::into_api_response(quote!(())),
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
        let variant = ident(&naming::status_variant(r.status));
        match r.ty {
            Some(_) => {
                let read = contract::read_body(r.encoding);
                quote!(#pattern => #name::#variant(#read),)
            }
            None => quote!(#pattern => #name::#variant,),
        }
    });
    let status = contract::response_status();
    let unexpected = contract::unexpected_status();
    let ok = contract::into_api_response(quote!(body));
    quote! {
        let body = match #status {
            #(#arms)*
            _ => #unexpected,
        };
        #ok
    }
}
