//! Operations of the IR: one HTTP call each, with typed parameters, body and responses.

use super::{PathTemplate, SecurityAlternative, TypeRef};

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
    /// The path template, e.g. `/threads/{threadId}`.
    pub path: PathTemplate,
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
    /// Safe to send twice: as its method says ([`Method::idempotent_by_default`]) unless the
    /// spec marks it `x-idempotent: true` or `false` (e.g. a read sent as POST).
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

    /// The types the operation sends: its parameters' and its request body's.
    pub fn request_types(&self) -> impl Iterator<Item = &TypeRef> {
        let params = self.params.iter().map(|p| &p.ty);
        params.chain(self.body.iter().map(|b| &b.ty))
    }

    /// The types the operation receives: its success and error response bodies.
    pub fn response_types(&self) -> impl Iterator<Item = &TypeRef> {
        let responses = self.responses.iter().filter_map(|r| r.ty.as_ref());
        responses.chain(self.error.iter())
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

    /// Whether a request with this method is safe to send twice when the spec does not say.
    /// This is the runtime's own rule, compiled here from the runtime's source file, so the
    /// generator and the runtime cannot disagree.
    pub fn idempotent_by_default(self) -> bool {
        idempotency::idempotent_by_default(self.as_str())
    }
}

#[path = "../../../generated-client/src/runtime/idempotency.rs"]
mod idempotency;

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

/// One operation parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// The name on the wire.
    pub wire_name: String,
    /// The Rust argument / setter name.
    pub rust_name: String,
    /// Its type.
    pub ty: TypeRef,
    /// Whether the caller must give it.
    pub required: bool,
    /// Where and how its value is written.
    pub encoding: ParamEncoding,
    /// Its value is a union of scalars and arrays of them ([`crate::ir::ValueShape::ScalarOrList`]):
    /// the branch it holds is turned into a list first, and `encoding` is a list encoding.
    pub one_or_many: bool,
    /// Documentation from the spec.
    pub docs: Option<String>,
}

impl Param {
    /// Where it goes.
    pub fn location(&self) -> ParamLocation {
        self.encoding.location()
    }
}

/// How a parameter's value is written on the wire — its location, OpenAPI `style` and
/// `explode`, and the shape of its value (scalar, array or object) — decided once by the
/// resolver from what the spec declares. Each encoding has exactly one runtime writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamEncoding {
    /// A path segment in the given style.
    Path(PathStyle),
    /// A query scalar: `name=value`.
    Query,
    /// A query array in `form` style: `name=a&name=b` when `explode`, else `name=a,b`.
    QueryList {
        /// Whether each value repeats the name.
        explode: bool,
    },
    /// A query array joined by a literal delimiter (`spaceDelimited` or `pipeDelimited`, not
    /// exploded).
    QueryDelimited(Delimiter),
    /// A query object (a struct or a map).
    QueryObject(ObjectStyle),
    /// A header scalar.
    Header,
    /// A header array, comma-joined (`simple` style).
    HeaderList,
    /// A cookie scalar.
    Cookie,
}

impl ParamEncoding {
    /// Where the value goes.
    pub fn location(self) -> ParamLocation {
        match self {
            ParamEncoding::Path(_) => ParamLocation::Path,
            ParamEncoding::Query
            | ParamEncoding::QueryList { .. }
            | ParamEncoding::QueryDelimited(_)
            | ParamEncoding::QueryObject(_) => ParamLocation::Query,
            ParamEncoding::Header | ParamEncoding::HeaderList => ParamLocation::Header,
            ParamEncoding::Cookie => ParamLocation::Cookie,
        }
    }

    /// The style as OpenAPI names it, with `explode` where it matters: `form, explode`,
    /// `deepObject`, `matrix`.
    pub fn describe(self) -> &'static str {
        match self {
            ParamEncoding::Path(PathStyle::Simple) => "simple",
            ParamEncoding::Path(PathStyle::Label) => "label",
            ParamEncoding::Path(PathStyle::Matrix) => "matrix",
            ParamEncoding::Query | ParamEncoding::Cookie => "form",
            ParamEncoding::QueryList { explode: true }
            | ParamEncoding::QueryObject(ObjectStyle::Form { explode: true }) => "form, explode",
            ParamEncoding::QueryList { explode: false }
            | ParamEncoding::QueryObject(ObjectStyle::Form { explode: false }) => {
                "form, not exploded"
            }
            ParamEncoding::QueryDelimited(Delimiter::Space) => "spaceDelimited",
            ParamEncoding::QueryDelimited(Delimiter::Pipe) => "pipeDelimited",
            ParamEncoding::QueryObject(ObjectStyle::DeepObject) => "deepObject",
            ParamEncoding::Header | ParamEncoding::HeaderList => "simple",
        }
    }
}

/// How a path parameter is written into the path (OpenAPI path `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathStyle {
    /// `simple`: `value`.
    Simple,
    /// `label`: `.value`.
    Label,
    /// `matrix`: `;name=value`.
    Matrix,
}

/// The literal delimiter of a delimited query array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delimiter {
    /// `spaceDelimited`: a space (sent as `%20`).
    Space,
    /// `pipeDelimited`: `|`.
    Pipe,
}

impl Delimiter {
    /// The delimiter itself.
    pub fn as_str(self) -> &'static str {
        match self {
            Delimiter::Space => " ",
            Delimiter::Pipe => "|",
        }
    }
}

/// How a query object is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectStyle {
    /// `form`: `a=1&b=2` when `explode`, else `name=a,1,b,2`.
    Form {
        /// Whether each property is its own pair.
        explode: bool,
    },
    /// `deepObject`: `name[a]=1&name[b]=2`.
    DeepObject,
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

impl Status {
    /// The first digit: `2` for `201` and for `2XX`.
    pub fn class(self) -> u16 {
        match self {
            Status::Code(code) => code / 100,
            Status::Range(first) => first,
        }
    }
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
