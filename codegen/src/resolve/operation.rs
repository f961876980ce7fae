//! Operations: method, path template, parameters (path → query → header → cookie), request body,
//! success responses by status, and the error body.

use openapiv3::{MediaType, ReferenceOr, StatusCode};

use super::Resolver;
use crate::ir::{
    Body, Encoding, Method, Operation, PathTemplate, Primitive, Response, Status, TypeRef,
};
use crate::naming;
use crate::pointer::Pointer;

impl<'a> Resolver<'a> {
    /// Converts every operation, in spec order.
    pub(super) fn convert_operations(&mut self) -> Vec<Operation> {
        // One name for the client method and the test support's mock method.
        let mut method_names = naming::Names::from(naming::client_members());
        method_names.extend(naming::mock_members());
        let mut builder_names = naming::Names::default();
        let mut operation_ids: std::collections::BTreeMap<String, String> = Default::default();
        let mut out = Vec::new();
        let paths = Pointer::root().push("paths");
        for (path, item) in &self.spec.paths.paths {
            let at = paths.push(path);
            let item = match item {
                ReferenceOr::Item(item) => item,
                ReferenceOr::Reference { reference } => {
                    self.problem(&at, format!("path item `$ref: {reference}` is not supported: expected the operations inline"));
                    continue;
                }
            };
            for (method, op) in item.iter() {
                let Some(method) = parse_method(method) else {
                    continue;
                };
                let op_at = at.push(method.as_str().to_ascii_lowercase());
                let start = self.problems.len();
                self.unique_operation_id(op, &op_at, &mut operation_ids);
                let template = self.path_template(path, &at);
                let id = op.operation_id.clone().unwrap_or_else(|| {
                    format!("{} {}", method.as_str().to_ascii_lowercase(), path)
                });
                let method_name = naming::unique(naming::field_name(&id), &mut method_names);
                let builder_name = naming::unique(naming::type_name(&id), &mut builder_names);
                let response_name = naming::unique(
                    naming::synthetic::response_enum(&builder_name),
                    &mut builder_names,
                );
                let params = self.params(
                    template.as_ref(),
                    (&item.parameters, &at),
                    (&op.parameters, &op_at),
                    &builder_name,
                );
                let body = op.request_body.as_ref().and_then(|b| {
                    let hint = naming::synthetic::request_body(&builder_name);
                    self.body(b, &op_at.push("requestBody"), &hint)
                });
                let (responses, error) =
                    self.responses(&op.responses, &op_at.push("responses"), &builder_name);
                let security = self.operation_security(op.security.as_ref(), &op_at);
                self.check_key_parameters(&params, &security, &op_at);
                out.push(Operation {
                    id,
                    method_name,
                    builder_name,
                    response_name,
                    method,
                    path: template.unwrap_or_else(PathTemplate::empty),
                    pointer: op_at.to_string(),
                    summary: op.summary.clone(),
                    description: op.description.clone(),
                    tags: op.tags.clone(),
                    deprecated: op.deprecated,
                    params,
                    body,
                    responses,
                    error,
                    security,
                    idempotent: self.idempotent(method, op, &op_at),
                    pagination: None,
                });
                self.charge(op_at.as_str(), start);
            }
        }
        out
    }

    /// Records `op`'s declared `operationId`; one already used by another operation is a problem.
    fn unique_operation_id(
        &mut self,
        op: &openapiv3::Operation,
        op_at: &Pointer,
        seen: &mut std::collections::BTreeMap<String, String>,
    ) {
        let Some(declared) = &op.operation_id else {
            return;
        };
        match seen.get(declared) {
            Some(first) => self.problem(
                &op_at.push("operationId"),
                format!("operationId `{declared}` is already used by {first}: expected unique operationIds"),
            ),
            None => {
                seen.insert(declared.clone(), op_at.to_string());
            }
        }
    }

    /// The parsed path template, or `None` (a problem reported) when it is malformed.
    fn path_template(&mut self, path: &str, at: &Pointer) -> Option<PathTemplate> {
        PathTemplate::parse(path)
            .map_err(|message| self.problem(at, message))
            .ok()
    }

    /// Whether the operation is safe to send twice: by method, or as its `x-idempotent` says.
    fn idempotent(&mut self, method: Method, op: &openapiv3::Operation, at: &Pointer) -> bool {
        let by_method = method.idempotent_by_default();
        match op.extensions.get("x-idempotent") {
            None => by_method,
            Some(serde_json::Value::Bool(marked)) => *marked,
            Some(other) => {
                self.problem(
                    &at.push("x-idempotent"),
                    format!("expected `true` or `false`, found {other}"),
                );
                by_method
            }
        }
    }

    /// The request body at `at` (a webhook's payload too); `hint` names an inline schema.
    pub(super) fn body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        at: &Pointer,
        hint: &str,
    ) -> Option<Body> {
        let (body, at) = self.request_body(body, at)?;
        let content_at = at.push("content");
        let Some((media_type, media)) = pick(&body.content, REQUEST_PREFERENCE) else {
            self.problem(&content_at, "a request body needs at least one media type");
            return None;
        };
        let media_at = content_at.push(media_type);
        let (encoding, ty) = self.content(media_type, media, &media_at, hint);
        if matches!(encoding, Encoding::Form | Encoding::Multipart) && !self.is_object(&ty) {
            self.problem(
                &media_at.push("schema"),
                format!("a `{media_type}` body must be an object: expected `type: object` with properties"),
            );
            return None;
        }
        Some(Body {
            media_type: concrete_media_type(media_type, encoding),
            encoding,
            ty,
            required: body.required,
            docs: body.description.clone(),
        })
    }

    /// The encoding and type of one media type's content; `hint` names an inline schema.
    fn content(
        &mut self,
        media_type: &str,
        media: &'a MediaType,
        at: &Pointer,
        hint: &str,
    ) -> (Encoding, TypeRef) {
        match classify(media_type) {
            Class::Text => (Encoding::Text, TypeRef::Primitive(Primitive::String)),
            Class::Binary => (Encoding::Binary, TypeRef::Primitive(Primitive::Binary)),
            class => {
                let ty = self.media_type(media, at, hint);
                let encoding = match class {
                    Class::Form => Encoding::Form,
                    Class::Multipart => Encoding::Multipart,
                    _ if ty == TypeRef::Primitive(Primitive::Binary) => Encoding::Binary,
                    _ => Encoding::Json,
                };
                (encoding, ty)
            }
        }
    }

    /// Whether `ty` is written as a JSON object (a struct or a map).
    fn is_object(&self, ty: &TypeRef) -> bool {
        match ty {
            TypeRef::Map(_) => true,
            TypeRef::Named(name) => matches!(
                self.types.get(name).map(|d| &d.kind),
                Some(crate::ir::TypeKind::Struct(_))
            ),
            _ => false,
        }
    }

    fn responses(
        &mut self,
        responses: &'a openapiv3::Responses,
        at: &Pointer,
        builder: &str,
    ) -> (Vec<Response>, Option<TypeRef>) {
        let mut success = Vec::new();
        let mut error = None;
        let declares = |wanted: fn(&StatusCode) -> bool| responses.responses.keys().any(wanted);
        // `default` covers every status not listed, success included: with no 2xx listed, it is
        // the success response too.
        let default_succeeds = !declares(|c| status_class(c) == 2);
        let listed = responses.responses.iter().map(|(code, r)| {
            let (key, status) = match code {
                StatusCode::Code(c) => (c.to_string(), Some(Status::Code(*c))),
                StatusCode::Range(r) => (format!("{r}XX"), Some(Status::Range(*r))),
            };
            (key, status, r)
        });
        let default = responses
            .default
            .iter()
            .map(|r| ("default".to_owned(), None, r));
        for (key, status, response) in listed.chain(default) {
            let Some((response, response_at)) = self.response(response, &at.push(&key)) else {
                continue;
            };
            let is_success = match status {
                Some(status) => status.class() == 2,
                None => default_succeeds,
            };
            let content_at = response_at.push("content");
            let body = match pick(&response.content, RESPONSE_PREFERENCE) {
                None => None,
                Some((media_type, media)) => {
                    let hint = if is_success {
                        naming::synthetic::response_body(builder, &key)
                    } else {
                        naming::synthetic::error_body(builder)
                    };
                    let media_at = content_at.push(media_type);
                    let (encoding, ty) = match classify(media_type) {
                        // A form or multipart response is handed over as its raw bytes.
                        Class::Form | Class::Multipart => {
                            (Encoding::Binary, TypeRef::Primitive(Primitive::Binary))
                        }
                        _ => self.content(media_type, media, &media_at, &hint),
                    };
                    Some((media_type.to_owned(), encoding, ty))
                }
            };
            if is_success {
                success.push(Response {
                    status: status.unwrap_or(Status::Range(2)),
                    media_type: body.as_ref().map(|(m, ..)| m.clone()),
                    encoding: body.as_ref().map_or(Encoding::Json, |(_, e, _)| *e),
                    ty: body.as_ref().map(|(.., t)| t.clone()),
                    docs: Some(response.description.clone()).filter(|d| !d.is_empty()),
                });
            }
            // A `default` that is the success response describes the errors too.
            if (!is_success || status.is_none()) && error.is_none() {
                error = body
                    .filter(|(_, e, _)| *e == Encoding::Json)
                    .map(|(.., t)| t);
            }
        }
        if success.is_empty() && declares(|c| status_class(c) == 3) {
            success.push(followed_redirect());
        }
        if success.is_empty() {
            self.problem(
                at,
                "no success (2xx), redirect (3xx) or `default` response is declared",
            );
        }
        success.sort_by_key(|r| r.status);
        (success, error)
    }

    fn media_type(&mut self, media: &'a MediaType, at: &Pointer, hint: &str) -> TypeRef {
        match &media.schema {
            Some(schema) => self.type_of(schema.into(), &at.push("schema"), hint),
            None => TypeRef::Any,
        }
    }
}

/// The first digit of a status code or range (`2` for `201` and `2XX`).
fn status_class(code: &StatusCode) -> u16 {
    match code {
        StatusCode::Code(c) => c / 100,
        StatusCode::Range(r) => *r,
    }
}

/// The success of an operation whose only responses are redirects (a download that answers
/// `302 Found` with the file's `Location`): the client follows redirects, so the caller gets the
/// content at the `Location`, as bytes of whatever media type it has.
fn followed_redirect() -> Response {
    Response {
        status: Status::Range(2),
        ty: Some(TypeRef::Primitive(Primitive::Binary)),
        media_type: None,
        encoding: Encoding::Binary,
        docs: Some(
            "The content at the redirect's `Location`, as raw bytes: the spec declares only \
             redirects, and the client follows them (credentials are not sent to another host)."
                .to_owned(),
        ),
    }
}

pub(super) fn parse_method(method: &str) -> Option<Method> {
    Some(match method {
        "get" => Method::Get,
        "put" => Method::Put,
        "post" => Method::Post,
        "delete" => Method::Delete,
        "options" => Method::Options,
        "head" => Method::Head,
        "patch" => Method::Patch,
        "trace" => Method::Trace,
        _ => return None,
    })
}

/// What a media type says about how its content is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Json,
    Form,
    Multipart,
    Text,
    /// `*/*` or `application/*`: JSON unless the schema is binary.
    Wildcard,
    Binary,
}

/// Preferred classes when a request body offers several media types.
const REQUEST_PREFERENCE: &[Class] = &[
    Class::Json,
    Class::Form,
    Class::Multipart,
    Class::Wildcard,
    Class::Text,
    Class::Binary,
];

/// Preferred classes when a response offers several media types.
const RESPONSE_PREFERENCE: &[Class] = &[
    Class::Json,
    Class::Wildcard,
    Class::Text,
    Class::Binary,
    Class::Form,
    Class::Multipart,
];

fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn classify(media_type: &str) -> Class {
    let essence = essence(media_type);
    match essence.as_str() {
        "application/json" => Class::Json,
        e if e.ends_with("+json") => Class::Json,
        "application/x-www-form-urlencoded" => Class::Form,
        e if e.starts_with("multipart/") => Class::Multipart,
        e if e.starts_with("text/") => Class::Text,
        "*/*" | "application/*" | "" => Class::Wildcard,
        _ => Class::Binary,
    }
}

/// The media type of a content map to use: the first of the most preferred class.
fn pick<'c>(
    content: &'c indexmap::IndexMap<String, MediaType>,
    preference: &[Class],
) -> Option<(&'c str, &'c MediaType)> {
    content
        .iter()
        .min_by_key(|(k, _)| {
            let class = classify(k);
            preference.iter().position(|c| *c == class)
        })
        .map(|(k, v)| (k.as_str(), v))
}

/// The `Content-Type` to send: the spec's media type, or a concrete one for a wildcard.
fn concrete_media_type(media_type: &str, encoding: Encoding) -> String {
    if !media_type.contains('*') {
        return media_type.to_owned();
    }
    match encoding {
        Encoding::Json => "application/json",
        Encoding::Text => "text/plain",
        Encoding::Form => "application/x-www-form-urlencoded",
        Encoding::Multipart => "multipart/form-data",
        Encoding::Binary => "application/octet-stream",
    }
    .to_owned()
}
