//! The `send()` of a request builder: path, query, headers and body into a runtime `Request`,
//! then the response decoded by status.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::operations::{ident, is_argument, single_success};
use super::paths;
use crate::ir::{Operation, Param, ParamLocation, Response, Status, TypeRef};
use crate::resolve::path_template_names;

/// The `send` and `send_with_response` methods of an operation's builder.
pub(super) fn send(op: &Operation, output: &TokenStream) -> TokenStream {
    let runtime = paths::runtime();
    let method = ident(op.method.as_str());
    let mut format_string = op.path.clone();
    let mut path_args = Vec::new();
    for name in path_template_names(&op.path) {
        format_string = format_string.replacen(&format!("{{{name}}}"), "{}", 1);
        if let Some(p) = op
            .params
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire_name == name)
        {
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
            quote!(request.json(&self.body)?;)
        } else {
            quote! {
                if let ::std::option::Option::Some(body) = &self.body {
                    request.json(body)?;
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
            #binding = #runtime::Request::new(#runtime::Method::#method, #path)
                .operation(#operation, #template)
                #idempotent;
            #(#steps)*
            let response = self.client.execute(request).await?;
            #decode
        }
    }
}

fn param_step(p: &Param) -> TokenStream {
    let field = ident(&p.rust_name);
    let wire = &p.wire_name;
    let explode = p.explode;
    let call = |value: TokenStream| match (&p.ty, p.location) {
        (TypeRef::List(_), ParamLocation::Query) => {
            quote!(request.query_list(#wire, #value, #explode);)
        }
        (TypeRef::List(_), _) => quote!(request.header_list(#wire, #value)?;),
        (_, ParamLocation::Query) => quote!(request.query(#wire, #value);),
        (_, ParamLocation::Header) => quote!(request.header(#wire, #value)?;),
        (_, _) => quote!(request.cookie(#wire, #value)?;),
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

fn decode(op: &Operation) -> TokenStream {
    let runtime = paths::runtime();
    if let Some(ty) = single_success(op) {
        return match ty {
            Some(_) => quote! {
                let body = response.json()?;
                ::std::result::Result::Ok(response.into_api_response(body))
            },
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
            Some(_) => quote!(#pattern => #name::#variant(response.json()?),),
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
