//! Operations: method, path template, parameters (path → query → header → cookie), request body,
//! success responses by status, and the error body.

use std::collections::BTreeSet;

use openapiv3::{
    MediaType, Parameter, ParameterSchemaOrContent, PathStyle, QueryStyle, ReferenceOr, StatusCode,
};

use super::Resolver;
use crate::ir::{
    Body, Encoding, Method, Operation, Param, ParamLocation, ParamShape, ParamStyle, Primitive,
    Response, Status, TypeRef,
};
use crate::naming;
use crate::pointer::Pointer;

/// Names the builder struct uses for itself; parameters must not take them.
const RESERVED_PARAM_NAMES: &[&str] = &[
    "client",
    "body",
    "send",
    "send_with_response",
    "pages",
    "into_stream",
];

/// Methods the runtime's `Client` defines itself; operations must not take these names.
const RESERVED_METHOD_NAMES: &[&str] = &[
    "new",
    "builder",
    "execute",
    "request",
    "base_url",
    "with_base_url",
    "with_http_client",
];

impl<'a> Resolver<'a> {
    /// Converts every operation, in spec order.
    pub(super) fn convert_operations(&mut self) -> Vec<Operation> {
        let mut method_names: BTreeSet<String> = RESERVED_METHOD_NAMES
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut builder_names = BTreeSet::new();
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
                if let Some(declared) = &op.operation_id {
                    if let Some(first) = operation_ids.get(declared) {
                        self.problem(
                            &op_at.push("operationId"),
                            format!("operationId `{declared}` is already used by {first}: expected unique operationIds"),
                        );
                    } else {
                        operation_ids.insert(declared.clone(), op_at.to_string());
                    }
                }
                let id = op.operation_id.clone().unwrap_or_else(|| {
                    format!("{} {}", method.as_str().to_ascii_lowercase(), path)
                });
                let method_name = naming::unique(naming::field_name(&id), &mut method_names);
                let builder_name = naming::unique(naming::type_name(&id), &mut builder_names);
                let response_name =
                    naming::unique(format!("{builder_name}Response"), &mut builder_names);
                let params = self.params(
                    path,
                    (&item.parameters, &at),
                    &op.parameters,
                    &op_at,
                    &builder_name,
                );
                let body = op
                    .request_body
                    .as_ref()
                    .and_then(|b| self.body(b, &op_at.push("requestBody"), &builder_name));
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
                    path: path.clone(),
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
            }
        }
        out
    }

    fn params(
        &mut self,
        path: &str,
        (shared, path_at): (&'a [ReferenceOr<Parameter>], &Pointer),
        own: &'a [ReferenceOr<Parameter>],
        op_at: &Pointer,
        builder: &str,
    ) -> Vec<Param> {
        // Operation-level parameters override path-level ones with the same name and location.
        let mut found: Vec<(ParamLocation, Param)> = Vec::new();
        let sources = shared
            .iter()
            .enumerate()
            .map(|(i, p)| (p, path_at.push("parameters").push(i.to_string())))
            .chain(
                own.iter()
                    .enumerate()
                    .map(|(i, p)| (p, op_at.push("parameters").push(i.to_string()))),
            );
        let mut winners: Vec<(&'a Parameter, Pointer)> = Vec::new();
        for (param, at) in sources {
            let Some((param, at)) = self.parameter(param, &at) else {
                continue;
            };
            let key = |p: &Parameter| {
                (
                    std::mem::discriminant(p),
                    p.parameter_data_ref().name.clone(),
                )
            };
            winners.retain(|(p, _)| key(p) != key(param));
            winners.push((param, at));
        }
        let mut used: BTreeSet<String> =
            RESERVED_PARAM_NAMES.iter().map(|s| s.to_string()).collect();
        for (param, at) in winners {
            if let Some(converted) = self.param(param, &at, builder, &mut used) {
                found.push((converted.location, converted));
            }
        }
        // Path parameters in template order, then the rest by location, each in spec order.
        let template: Vec<&str> = path_template_names(path);
        for name in &template {
            if !found
                .iter()
                .any(|(loc, p)| *loc == ParamLocation::Path && p.wire_name == *name)
            {
                self.problem(op_at, format!("path template names `{{{name}}}` but no path parameter `{name}` is declared"));
            }
        }
        for (loc, p) in &found {
            if *loc == ParamLocation::Path && !template.contains(&p.wire_name.as_str()) {
                let message = format!(
                    "path parameter `{}` does not appear in the path template `{path}`",
                    p.wire_name
                );
                self.problem(op_at, message);
            }
        }
        let rank = |p: &Param| match p.location {
            ParamLocation::Path => template
                .iter()
                .position(|n| *n == p.wire_name)
                .unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        let mut params: Vec<Param> = found.into_iter().map(|(_, p)| p).collect();
        params.sort_by_key(|p| (p.location, rank(p)));
        params
    }

    fn param(
        &mut self,
        param: &'a Parameter,
        at: &Pointer,
        builder: &str,
        used: &mut BTreeSet<String>,
    ) -> Option<Param> {
        let data = param.parameter_data_ref();
        let (location, style, default_explode) = match param {
            Parameter::Path { style, .. } => (
                ParamLocation::Path,
                match style {
                    PathStyle::Simple => ParamStyle::Simple,
                    PathStyle::Label => ParamStyle::Label,
                    PathStyle::Matrix => ParamStyle::Matrix,
                },
                false,
            ),
            Parameter::Query { style, .. } => {
                let style = match style {
                    QueryStyle::Form => ParamStyle::Form,
                    QueryStyle::SpaceDelimited => ParamStyle::SpaceDelimited,
                    QueryStyle::PipeDelimited => ParamStyle::PipeDelimited,
                    QueryStyle::DeepObject => ParamStyle::DeepObject,
                };
                (ParamLocation::Query, style, style == ParamStyle::Form)
            }
            Parameter::Header { .. } => (ParamLocation::Header, ParamStyle::Simple, false),
            Parameter::Cookie { .. } => (ParamLocation::Cookie, ParamStyle::Form, true),
        };
        if location == ParamLocation::Path && !data.required {
            self.problem(at, "path parameters must be `required: true`");
        }
        let ty = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let hint = format!("{builder}{}", naming::type_name(&data.name));
                self.type_of(schema.into(), &at.push("schema"), &hint)
            }
            ParameterSchemaOrContent::Content(_) => {
                self.problem(
                    at,
                    "parameters described by `content` are not supported: expected `schema`",
                );
                return None;
            }
        };
        let shape = match self.encodable(&ty, location, style) {
            Ok(shape) => shape,
            Err(expected) => {
                self.problem(
                    at,
                    format!(
                        "this parameter's type cannot be sent with its style: expected {expected}"
                    ),
                );
                // Still returned, so the path template check does not report it a second time.
                ParamShape::Scalar
            }
        };
        Some(Param {
            wire_name: data.name.clone(),
            rust_name: naming::unique(naming::field_name(&data.name), used),
            location,
            ty,
            required: data.required,
            style,
            explode: data.explode.unwrap_or(default_explode),
            shape,
            docs: data.description.clone(),
        })
    }

    /// Whether the operation is safe to send twice: by method, or as its `x-idempotent` says.
    fn idempotent(&mut self, method: Method, op: &openapiv3::Operation, at: &Pointer) -> bool {
        let by_method = !matches!(method, Method::Post | Method::Patch);
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

    /// Whether values of `ty` can be written as a parameter in `location` with `style`; the
    /// error says what is accepted there.
    fn encodable(
        &self,
        ty: &TypeRef,
        location: ParamLocation,
        style: ParamStyle,
    ) -> Result<ParamShape, &'static str> {
        use crate::ir::{Primitive, TypeKind};
        let kind = |ty: &TypeRef| match ty {
            TypeRef::Named(name) => self.types.get(name).map(|d| &d.kind),
            _ => None,
        };
        let scalar = |ty: &TypeRef| match ty {
            TypeRef::Primitive(p) => *p != Primitive::Binary,
            other => matches!(
                kind(other),
                Some(TypeKind::Enum(_) | TypeKind::NumericEnum(_))
            ),
        };
        let object = |ty: &TypeRef| {
            matches!(ty, TypeRef::Map(_)) || matches!(kind(ty), Some(TypeKind::Struct(_)))
        };
        let list_of_scalars = |ty: &TypeRef| matches!(ty, TypeRef::List(item) if scalar(item));
        let ok = match (location, style) {
            (ParamLocation::Path, ParamStyle::Simple | ParamStyle::Label | ParamStyle::Matrix) => {
                scalar(ty)
            }
            (ParamLocation::Query, ParamStyle::Form) => {
                scalar(ty) || list_of_scalars(ty) || object(ty)
            }
            (ParamLocation::Query, ParamStyle::SpaceDelimited | ParamStyle::PipeDelimited) => {
                scalar(ty) || list_of_scalars(ty)
            }
            (ParamLocation::Query, ParamStyle::DeepObject) => object(ty),
            (ParamLocation::Header, _) => scalar(ty) || list_of_scalars(ty),
            (ParamLocation::Cookie, _) => scalar(ty),
            _ => false,
        };
        if ok {
            return Ok(if scalar(ty) {
                ParamShape::Scalar
            } else if object(ty) {
                ParamShape::Object
            } else {
                ParamShape::List
            });
        }
        Err(match (location, style) {
            (ParamLocation::Path, ParamStyle::Simple | ParamStyle::Label | ParamStyle::Matrix) => {
                "a string, number, boolean or enum in a path parameter"
            }
            (ParamLocation::Path, _) => "style `simple`, `label` or `matrix` in a path parameter",
            (ParamLocation::Query, ParamStyle::DeepObject) => "an object with `deepObject`",
            (ParamLocation::Query, ParamStyle::Form) => {
                "a string, number, boolean, enum, an array of those, or an object"
            }
            (ParamLocation::Query, _) => {
                "a string, number, boolean, enum or an array of those with a delimited style"
            }
            (ParamLocation::Header, _) => {
                "a string, number, boolean, enum or an array of those in a header"
            }
            (ParamLocation::Cookie, _) => "a string, number, boolean or enum in a cookie",
        })
    }

    fn body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        at: &Pointer,
        builder: &str,
    ) -> Option<Body> {
        let (body, at) = self.request_body(body, at)?;
        let content_at = at.push("content");
        let Some((media_type, media)) = pick(&body.content, REQUEST_PREFERENCE) else {
            self.problem(&content_at, "a request body needs at least one media type");
            return None;
        };
        let media_at = content_at.push(media_type);
        let (encoding, ty) = self.content(media_type, media, &media_at, &format!("{builder}Body"));
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
            let is_success = matches!(
                status,
                Some(Status::Code(200..=299)) | Some(Status::Range(2))
            );
            let content_at = response_at.push("content");
            let body = match pick(&response.content, RESPONSE_PREFERENCE) {
                None => None,
                Some((media_type, media)) => {
                    let hint = if is_success {
                        format!("{builder}Response{key}")
                    } else {
                        format!("{builder}Error")
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
            match (is_success, status) {
                (true, Some(status)) => success.push(Response {
                    status,
                    media_type: body.as_ref().map(|(m, ..)| m.clone()),
                    encoding: body.as_ref().map_or(Encoding::Json, |(_, e, _)| *e),
                    ty: body.map(|(.., t)| t),
                    docs: Some(response.description.clone()).filter(|d| !d.is_empty()),
                }),
                _ => {
                    if error.is_none() {
                        error = body
                            .filter(|(_, e, _)| *e == Encoding::Json)
                            .map(|(.., t)| t);
                    }
                }
            }
        }
        if success.is_empty() {
            self.problem(at, "no success (2xx) response is declared");
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

fn parse_method(method: &str) -> Option<Method> {
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

/// Names inside `{...}` of a path template, in order.
pub(crate) fn path_template_names(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::path_template_names;

    #[test]
    fn template_names_in_order() {
        assert_eq!(
            path_template_names("/t/{threadId}/m/{messageId}"),
            ["threadId", "messageId"]
        );
        assert!(path_template_names("/inboxes").is_empty());
    }
}
