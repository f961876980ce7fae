//! The generator's contract with the runtime: every runtime type, function and method the
//! emitted code names is spelled here and nowhere else in `emit`. Generated code fully qualifies
//! std, serde and runtime items so a spec may define its own `Result`, `Option`, `Error` or
//! `Client`.
//!
//! The compiler holds the runtime to this contract: `generated-client` and every fixture crate
//! compile the emitted code against the runtime's source. The names generated methods must avoid
//! come from that source too ([`crate::naming::client_members`]).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ir::{Encoding, ObjectStyle, ParamEncoding, PathStyle};

/// Path of the hand-written runtime module.
pub(super) fn runtime() -> TokenStream {
    quote!(crate::runtime)
}

/// The runtime item `name` (a type, a function or a module path such as `pagination::pages`).
fn item(name: TokenStream) -> TokenStream {
    let runtime = runtime();
    quote!(#runtime::#name)
}

/// `Client`: the handle every request builder holds a clone of.
pub(super) fn client() -> TokenStream {
    item(quote!(Client))
}

/// `Error`: what every `send` returns on failure.
pub(super) fn error() -> TokenStream {
    item(quote!(Error))
}

/// `ApiResponse<T>`: a decoded body with status and headers.
pub(super) fn api_response(body: &TokenStream) -> TokenStream {
    item(quote!(ApiResponse<#body>))
}

/// The expression turning an `ApiResponse` result into its body.
pub(super) fn into_body() -> TokenStream {
    item(quote!(ApiResponse::into_body))
}

/// `Webhook`: the trait every generated webhook type implements.
pub(super) fn webhook_trait() -> TokenStream {
    item(quote!(Webhook))
}

/// `WebhookDecodeError`: what decoding a webhook call's body fails with.
pub(super) fn webhook_decode_error() -> TokenStream {
    item(quote!(WebhookDecodeError))
}

/// `Method::<METHOD>`: an HTTP method constant, e.g. `Method::POST`.
pub(super) fn method_const(method: &str) -> TokenStream {
    let method = format_ident!("{}", method);
    item(quote!(Method::#method))
}

/// `Method`: the type of [`method_const`].
pub(super) fn method() -> TokenStream {
    item(quote!(Method))
}

/// The decoders of webhook bodies, by encoding: JSON and text take the webhook's name and the
/// body and return a `Result`; binary takes the body and cannot fail.
pub(super) fn webhook_decoders() -> (TokenStream, TokenStream, TokenStream) {
    (
        item(quote!(webhook::decode_json)),
        item(quote!(webhook::decode_text)),
        item(quote!(webhook::decode_binary)),
    )
}

/// `Bytes`: binary bodies.
pub(super) fn bytes() -> TokenStream {
    item(quote!(Bytes))
}

/// `Binary`: binary model fields.
pub(super) fn binary() -> TokenStream {
    item(quote!(Binary))
}

/// `Pages<P>` and `Items<T>`: the streams `pages()` and `into_stream()` return, each with
/// `max_pages`.
pub(super) fn page_streams(
    page: &TokenStream,
    item_type: &TokenStream,
) -> (TokenStream, TokenStream) {
    (item(quote!(Pages<#page>)), item(quote!(Items<#item_type>)))
}

/// Doc links to `Pages::max_pages` and `Items::max_pages`.
pub(super) fn max_pages_links() -> (&'static str, &'static str) {
    (
        "crate::runtime::Pages::max_pages",
        "crate::runtime::Items::max_pages",
    )
}

/// `ParamValue`: how a generated enum is written into a path, query or header.
pub(super) fn param_value() -> TokenStream {
    item(quote!(ParamValue))
}

/// `ParamValues`: how a union of scalars and arrays of them becomes a list of parameter values.
pub(super) fn param_values() -> TokenStream {
    item(quote!(ParamValues))
}

/// The expression of a reference to the list of parameter values of `value` (a reference to a
/// union implementing [`param_values`]).
pub(super) fn as_param_values(value: TokenStream) -> TokenStream {
    let trait_ = param_values();
    quote!(&#trait_::param_values(#value))
}

/// `Scheme`: one credential a request accepts.
pub(super) fn scheme() -> TokenStream {
    item(quote!(Scheme))
}

/// `Scheme::<variant>(<args>)`: `Bearer`, `Basic` or `ApiKey`.
pub(super) fn scheme_value(variant: &str, args: TokenStream) -> TokenStream {
    let variant = format_ident!("{}", variant);
    item(quote!(Scheme::#variant(#args)))
}

/// `ApiKeyScheme` and the constructor call of one, with its location variant (`Query`,
/// `Header` or `Cookie`).
pub(super) fn api_key_scheme(
    scheme: &str,
    location: &str,
    name: &str,
) -> (TokenStream, TokenStream) {
    let location = format_ident!("{}", location);
    let ty = item(quote!(ApiKeyScheme));
    let location = item(quote!(ApiKeyLocation::#location));
    let value = quote!(#ty::new(#scheme, #location, #name));
    (ty, value)
}

/// The expression percent-encoding one path parameter value.
pub(super) fn encode_path(value: TokenStream) -> TokenStream {
    let encode = item(quote!(encode_path));
    quote!(#encode(#value))
}

/// The placeholder path parameter `name` takes in the `format!` string of its path, its encoded
/// value bound to the local `local`.
pub(super) fn path_placeholder(style: PathStyle, name: &str, local: &str) -> String {
    match style {
        PathStyle::Simple => format!("{{{local}}}"),
        PathStyle::Label => format!(".{{{local}}}"),
        PathStyle::Matrix => format!(
            ";{name}={{{local}}}",
            name = name.replace('{', "{{").replace('}', "}}")
        ),
    }
}

/// The expression of a new `Request`: method, encoded path, operation id and template, accepted
/// credentials (a `SECURITY` constant in scope) and, when it differs from the method's default,
/// whether it may be sent twice.
pub(super) fn new_request(
    method: &str,
    path: &TokenStream,
    (operation, template): (&str, &str),
    idempotent: Option<bool>,
) -> TokenStream {
    let method = format_ident!("{}", method);
    let new = item(quote!(Request::new));
    let verb = item(quote!(Method::#method));
    let idempotent = idempotent.map(|value| quote!(.idempotent(#value)));
    quote! {
        #new(#verb, #path)
            .operation(#operation, #template)
            .security(SECURITY)
            #idempotent
    }
}

/// The statement writing a non-path parameter `wire` from `value` (a reference) into `request`.
/// Path parameters go into the path itself ([`encode_path`]).
pub(super) fn write_param(encoding: ParamEncoding, wire: &str, value: TokenStream) -> TokenStream {
    match encoding {
        ParamEncoding::Path(_) => quote!(),
        ParamEncoding::Query => quote!(request.query(#wire, #value);),
        ParamEncoding::QueryList { explode } => {
            quote!(request.query_list(#wire, #value, #explode);)
        }
        ParamEncoding::QueryDelimited(delimiter) => {
            let delimiter = delimiter.as_str();
            quote!(request.query_delimited(#wire, #value, #delimiter);)
        }
        ParamEncoding::QueryObject(style) => {
            let style = match style {
                ObjectStyle::DeepObject => item(quote!(ObjectStyle::DeepObject)),
                ObjectStyle::Form { explode } => {
                    item(quote!(ObjectStyle::Form { explode: #explode }))
                }
            };
            quote!(request.query_object(#wire, #value, #style)?;)
        }
        ParamEncoding::Header => quote!(request.header(#wire, #value)?;),
        ParamEncoding::HeaderList => quote!(request.header_list(#wire, #value)?;),
        ParamEncoding::Cookie => quote!(request.cookie(#wire, #value)?;),
    }
}

/// The statement writing a body (`value`, a reference) into `request`; multipart bodies are built
/// with [`new_multipart`] and [`multipart_part`] and written with [`write_multipart`].
pub(super) fn write_body(encoding: Encoding, media_type: &str, value: TokenStream) -> TokenStream {
    match encoding {
        Encoding::Json => quote!(request.json(#value)?;),
        Encoding::Text => quote!(request.text(#media_type, #value)?;),
        Encoding::Binary => {
            quote!(request.bytes(#media_type, ::std::clone::Clone::clone(#value))?;)
        }
        Encoding::Form => quote!(request.form(#value)?;),
        Encoding::Multipart => write_multipart(),
    }
}

/// The statement creating the multipart `form`.
pub(super) fn new_multipart() -> TokenStream {
    let new = item(quote!(Multipart::new));
    quote!(let mut form = #new();)
}

/// The statement writing the multipart `form` into `request`.
pub(super) fn write_multipart() -> TokenStream {
    quote!(request.multipart(&form)?;)
}

/// How one multipart part is written.
#[derive(Debug, Clone, Copy)]
pub(super) enum Part {
    /// A file (binary content).
    File,
    /// A scalar as text.
    Text,
    /// Anything else as JSON.
    Json,
}

/// The statement adding part `name` holding `value` to the multipart `form`.
pub(super) fn multipart_part(part: Part, name: &TokenStream, value: &TokenStream) -> TokenStream {
    match part {
        Part::File => quote!(form.file(#name, #value);),
        Part::Text => quote!(form.text(#name, #value);),
        Part::Json => quote!(form.json(#name, #value)?;),
    }
}

/// The expression sending `request` through the builder's client.
pub(super) fn execute() -> TokenStream {
    quote!(self.client.execute(request).await?)
}

/// The expression decoding `response`'s body read with `encoding`.
pub(super) fn read_body(encoding: Encoding) -> TokenStream {
    match encoding {
        Encoding::Text => quote!(response.text()?),
        Encoding::Binary => quote!(response.bytes()),
        _ => quote!(response.json()?),
    }
}

/// The expression of `response`'s status code as a `u16`.
pub(super) fn response_status() -> TokenStream {
    quote!(response.status().as_u16())
}

/// The `Ok` result pairing `body` with `response`'s status and headers.
pub(super) fn into_api_response(body: TokenStream) -> TokenStream {
    quote!(::std::result::Result::Ok(response.into_api_response(#body)))
}

/// The early return of an undeclared success status.
pub(super) fn unexpected_status() -> TokenStream {
    let error = error();
    quote!(return ::std::result::Result::Err(#error::unexpected_status(response)))
}

/// The runtime's `pagination::pages` and `pagination::items` functions.
pub(super) fn paginators() -> (TokenStream, TokenStream) {
    (
        item(quote!(pagination::pages)),
        item(quote!(pagination::items)),
    )
}

/// The runtime's serde helpers for tagged unions: the `TaggedUnion` trait, its `VariantBody`,
/// and `deserialize_tagged`. A `VariantBody` has `decode()` (a known variant) and `unknown()`.
pub(super) fn tagged_union() -> (TokenStream, TokenStream, TokenStream) {
    (
        item(quote!(serde_support::TaggedUnion)),
        item(quote!(serde_support::VariantBody)),
        item(quote!(serde_support::deserialize_tagged)),
    )
}

/// The runtime's serde helper decoding a string enum.
pub(super) fn deserialize_str_enum() -> TokenStream {
    item(quote!(serde_support::deserialize_str_enum))
}

/// The runtime's serde helpers for ids: reading one from a JSON string or integer, and writing
/// one as a JSON integer.
pub(super) fn id_serde() -> (TokenStream, TokenStream) {
    (
        item(quote!(serde_support::deserialize_id)),
        item(quote!(serde_support::serialize_integer_id)),
    )
}

/// `UnknownVariant`: the error of parsing an enum from text that is none of its values, and the
/// expression making one for the enum `type_name`, the text `value` and the known values
/// `expected` (a `&'static [&'static str]`).
pub(super) fn unknown_variant(
    type_name: &str,
    value: TokenStream,
    expected: TokenStream,
) -> (TokenStream, TokenStream) {
    let ty = item(quote!(UnknownVariant));
    let error = quote!(#ty::new(#type_name, #value, #expected));
    (ty, error)
}

/// Rustdoc link targets into the runtime, e.g. `crate::runtime::Auth::api_key`.
pub(super) fn doc_path(path: &str) -> String {
    format!("crate::runtime::{path}")
}

/// The test support's items the generated `testing` module re-exports: the mock server, its
/// expectations and the test credentials (the runtime's, re-exported there for users).
pub(super) fn testing_exports() -> TokenStream {
    let runtime = runtime();
    quote! {
        pub use #runtime::{
            Expectation, MockApi, NotPaged, Paged, TEST_API_KEY, TEST_PASSWORD, TEST_TOKEN,
            TEST_USERNAME,
        };
        pub use ::wiremock;
    }
}

/// The expression of the credentials a `MockApi` hands its clients: the test bearer token, the
/// test key for each API-key scheme constant in `api_keys` and, when `basic`, test basic
/// credentials.
pub(super) fn test_credentials(api_keys: &[TokenStream], basic: bool) -> TokenStream {
    let auth = item(quote!(Auth));
    let (token, key) = (item(quote!(TEST_TOKEN)), item(quote!(TEST_API_KEY)));
    let basic = basic.then(|| {
        let (user, password) = (item(quote!(TEST_USERNAME)), item(quote!(TEST_PASSWORD)));
        quote!(.with_basic(#user, #password))
    });
    quote! {
        #auth::private_app_token(#token)
            #(.with_api_key(#api_keys, #key))*
            #basic
    }
}

/// The expression starting a `MockApi` whose clients hold `credentials`.
pub(super) fn start_mock(credentials: TokenStream) -> TokenStream {
    quote!(Self::start_with(#credentials).await)
}

/// `MockApi`: the type the generated `testing` module adds one method per operation to.
pub(super) fn mock_api() -> TokenStream {
    item(quote!(MockApi))
}

/// The expectation type of an operation answering `response`; `paged` when it walks pages.
pub(super) fn expectation(response: &TokenStream, paged: bool) -> TokenStream {
    if paged {
        let paging = item(quote!(Paged<#response>));
        item(quote!(Expectation<'_, #response, #paging>))
    } else {
        item(quote!(Expectation<'_, #response>))
    }
}

/// The expression of a new expectation (in a `MockApi` method) of `operation` sent as `method`
/// to the encoded `path` (a local), answering with `respond` (a function of the response).
pub(super) fn new_expectation(
    (operation, method): (&str, &str),
    respond: TokenStream,
) -> TokenStream {
    let new = item(quote!(Expectation::new));
    quote!(#new(self, (#operation, #method), path, #respond))
}

/// The call turning an expectation into a paged one: `cursor` is the cursor query parameter's
/// wire name, `next` the function reading a page's next cursor.
pub(super) fn paged_expectation(cursor: &str, next: TokenStream) -> TokenStream {
    quote!(.paged(#cursor, #next))
}

/// `wiremock::ResponseTemplate`: what an expectation answers.
pub(super) fn response_template() -> TokenStream {
    quote!(::wiremock::ResponseTemplate)
}

/// The expression of a mock response with `status`: `value` (a local) as the body read with
/// `encoding` and sent as `media_type`, or no body when `encoding` is `None`.
pub(super) fn mock_response(
    status: u16,
    body: Option<(Encoding, &str)>,
    value: TokenStream,
) -> TokenStream {
    let status = proc_macro2::Literal::u16_unsuffixed(status);
    let Some((encoding, media_type)) = body else {
        let empty = item(quote!(empty_response));
        return quote!(#empty(#status));
    };
    let (function, value) = match encoding {
        Encoding::Text => (quote!(text_response), value),
        Encoding::Binary => (quote!(bytes_response), value),
        _ => (quote!(json_response), quote!(&#value)),
    };
    let function = item(function);
    quote!(#function(#status, #media_type, #value))
}
