//! Operations of the IR: one HTTP call each, with typed parameters, body and responses.

use super::{SecurityAlternative, TypeRef};

/// One API operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The spec's `operationId` (or one derived from method and path).
    pub id: String,
    /// The Rust method name on the client (snake case).
    pub method_name: String,
    /// The Rust name of the request builder (upper camel case).
    pub builder_name: String,
    /// The Rust name of the enum of success responses, used when there are several.
    pub response_name: String,
    /// HTTP method.
    pub method: Method,
    /// Path template as written in the spec, e.g. `/threads/{threadId}`.
    pub path: String,
    /// JSON pointer of the operation.
    pub pointer: String,
    /// `summary`.
    pub summary: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Parameters sorted path (in template order) → query → header → cookie.
    pub params: Vec<Param>,
    /// The request body, if any.
    pub body: Option<Body>,
    /// Success responses (2xx), by ascending status.
    pub responses: Vec<Response>,
    /// Body type of the error responses (`default`, 4xx, 5xx), when declared.
    pub error: Option<TypeRef>,
    /// The credentials it accepts, in the spec's order: any one alternative suffices. Never
    /// empty: an operation without security has one anonymous alternative.
    pub security: Vec<SecurityAlternative>,
    /// Safe to send twice: GET, HEAD, PUT, DELETE and OPTIONS, or any operation marked
    /// `x-idempotent: true` (e.g. a read sent as POST).
    pub idempotent: bool,
    /// How to walk the pages of a cursor-paged list operation.
    pub pagination: Option<Pagination>,
}

impl Operation {
    /// Every OAuth scope any alternative lists, each once, in the spec's order.
    pub fn scopes(&self) -> Vec<&str> {
        let mut scopes: Vec<&str> = Vec::new();
        let listed = self.security.iter().flat_map(|a| &a.schemes);
        for scope in listed.flat_map(|s| &s.scopes) {
            if !scopes.contains(&scope.as_str()) {
                scopes.push(scope);
            }
        }
        scopes
    }

    /// Whether some alternative the spec declares needs credentials.
    pub fn needs_credentials(&self) -> bool {
        self.security
            .iter()
            .any(|a| !a.is_anonymous() && !a.is_undeclared())
    }
}

/// A cursor-paged list operation: the response holds `results` and `paging.next.after`, and the
/// `after` query parameter asks for the page after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// Rust name of the cursor parameter.
    pub cursor_param: String,
    /// Rust name of the page's item list field.
    pub items_field: String,
    /// Type of one item.
    pub item_type: TypeRef,
    /// Type of one page.
    pub page_type: TypeRef,
    /// Fields leading from a page to the next cursor, e.g. `paging` → `next` → `after`.
    pub next_cursor: Vec<CursorStep>,
}

/// One field on the way from a page to its next cursor.
#[derive(Debug, Clone, PartialEq)]
pub struct CursorStep {
    /// Rust field name.
    pub field: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
}

/// HTTP methods, in the order operations of one path are emitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The method as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ParamLocation {
    /// In the path template.
    Path,
    /// In the query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

/// How a parameter value is serialized (OpenAPI `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `form` (query default).
    Form,
    /// `simple` (path and header default).
    Simple,
    /// `spaceDelimited`.
    SpaceDelimited,
    /// `pipeDelimited`.
    PipeDelimited,
    /// `deepObject`.
    DeepObject,
    /// `label`.
    Label,
    /// `matrix`.
    Matrix,
}

/// What kind of value a parameter carries, which decides how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamShape {
    /// A string, number, boolean or enum.
    Scalar,
    /// An array of scalars.
    List,
    /// An object (a struct or a map).
    Object,
}

/// One operation parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust argument / setter name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the caller must give it.
    pub required: bool,
    /// Serialization style.
    pub style: ParamStyle,
    /// Whether arrays repeat the parameter (`true`) or join values (`false`).
    pub explode: bool,
    /// Whether the value is a scalar, an array or an object.
    pub shape: ParamShape,
    /// Documentation from the spec.
    pub docs: Option<String>,
}

/// How a body is written or read, from its media type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// JSON (`application/json`, `*+json`, and `*/*` with a non-binary schema).
    Json,
    /// Text (`text/*`): a `String`.
    Text,
    /// Raw bytes (`application/octet-stream`, images, and any other media type).
    Binary,
    /// `application/x-www-form-urlencoded`: an object's properties as pairs.
    Form,
    /// `multipart/form-data`: an object's properties as parts, binary ones as files.
    Multipart,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The media type sent as `Content-Type`, e.g. `application/json`.
    pub media_type: String,
    /// How the body is encoded.
    pub encoding: Encoding,
    /// The body type.
    pub ty: TypeRef,
    /// `required: true`.
    pub required: bool,
    /// Documentation from the spec.
    pub docs: Option<String>,
}

/// A response status code or range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// One exact status code.
    Code(u16),
    /// A range such as `2XX`, given by its first digit.
    Range(u16),
}

/// One success response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// Its status.
    pub status: Status,
    /// The body type; `None` when the response has no content.
    pub ty: Option<TypeRef>,
    /// The media type of the body.
    pub media_type: Option<String>,
    /// How the body is decoded (meaningful when `ty` is set).
    pub encoding: Encoding,
    /// Documentation from the spec.
    pub docs: Option<String>,
}
