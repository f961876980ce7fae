//! Operations: collecting them from a document (method + path, path-level and operation-level
//! parameters merged, `$ref`s followed) and comparing two matched operations' parameters,
//! request bodies and responses. Not compared: operation IDs, tags, `deprecated`, callbacks,
//! response headers, multipart `encoding`, links, path- and operation-level `servers`, and a
//! parameter's `default`, `deprecated`, `allowEmptyValue` and examples.

use std::collections::BTreeMap;

use serde_json::Value;

use super::compare::{required_word, slot_or_parent, Comparer};
use super::difference::Kind;
use super::document::Document;
use super::grammar::METHODS;
use crate::pointer::Pointer;

/// One operation of a document.
#[derive(Debug, Clone)]
pub(super) struct Operation {
    /// `get`, `post`…
    pub method: String,
    /// The path template as written, e.g. `/threads/{threadId}`.
    pub path: String,
    /// The path item (after following its `$ref`).
    pub item: Pointer,
    /// The operation.
    pub at: Pointer,
}

impl Operation {
    /// How operations are matched: the method and the path with parameter names blanked
    /// (`/threads/{}`), since a path parameter's name is not on the wire.
    pub fn key(&self) -> (String, String) {
        (template_shape(&self.path), self.method.clone())
    }

    /// E.g. `GET /threads/{threadId}`.
    pub fn label(&self) -> String {
        format!("{} {}", self.method.to_uppercase(), self.path)
    }
}

/// Every operation of `doc`, in document order.
pub(super) fn collect(doc: &Document) -> Vec<Operation> {
    let mut operations = Vec::new();
    let paths = Pointer::root().push("paths");
    let Some(Value::Object(items)) = doc.get(&paths) else {
        return operations;
    };
    for path in items.keys().filter(|k| !k.starts_with("x-")) {
        let Some((item, value)) = doc.resolve(&paths.push(path)) else {
            continue;
        };
        for method in METHODS {
            if value.get(method).is_some_and(Value::is_object) {
                operations.push(Operation {
                    method: method.to_owned(),
                    path: path.clone(),
                    at: item.push(method),
                    item: item.clone(),
                });
            }
        }
    }
    operations
}

/// `/a/{x}/b/{y}` → `/a/{}/b/{}`.
fn template_shape(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_name = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_name = true;
                out.push_str("{}");
            }
            '}' => in_name = false,
            _ if !in_name => out.push(c),
            _ => {}
        }
    }
    out
}

/// The names of a path template's parameters, in order.
fn template_names(path: &str) -> Vec<&str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

/// A parameter after merging and following `$ref`s.
struct Parameter<'d> {
    /// Its name as declared.
    name: String,
    /// `query`, `path`, `header` or `cookie`.
    location: String,
    /// The parameter object.
    at: Pointer,
    value: &'d Value,
}

impl Parameter<'_> {
    fn required(&self) -> bool {
        self.location == "path" || self.value.get("required") == Some(&Value::Bool(true))
    }

    /// `style`, `explode` and `allowReserved` with OpenAPI's defaults applied.
    fn encoding(&self) -> String {
        let default_style = match self.location.as_str() {
            "query" | "cookie" => "form",
            _ => "simple",
        };
        let style = self
            .value
            .get("style")
            .and_then(Value::as_str)
            .unwrap_or(default_style);
        let explode = self
            .value
            .get("explode")
            .and_then(Value::as_bool)
            .unwrap_or(style == "form");
        let reserved = self.value.get("allowReserved") == Some(&Value::Bool(true));
        let mut text = format!("style {style}, explode {explode}");
        if reserved {
            text.push_str(", allowReserved");
        }
        text
    }
}

/// The parameters of `operation`, keyed by location and name: header names lower-cased, path
/// parameters by their position in the template. `Accept`, `Content-Type` and `Authorization`
/// headers are left out, as OpenAPI says they are ignored.
fn parameters<'d>(
    doc: &'d Document,
    operation: &Operation,
) -> BTreeMap<(String, String), Parameter<'d>> {
    let names = template_names(&operation.path);
    let mut merged = BTreeMap::new();
    for list in [
        operation.item.push("parameters"),
        operation.at.push("parameters"),
    ] {
        let Some(Value::Array(entries)) = doc.get(&list) else {
            continue;
        };
        for i in 0..entries.len() {
            let Some((at, value)) = doc.resolve(&list.push(i.to_string())) else {
                continue;
            };
            let field = |key| value.get(key).and_then(Value::as_str).map(str::to_owned);
            let (Some(name), Some(location)) = (field("name"), field("in")) else {
                continue;
            };
            let key_name = match location.as_str() {
                "header" => {
                    let lower = name.to_ascii_lowercase();
                    if matches!(lower.as_str(), "accept" | "content-type" | "authorization") {
                        continue;
                    }
                    lower
                }
                "path" => match names.iter().position(|n| *n == name) {
                    Some(index) => format!("{{#{index}}}"),
                    None => name.clone(),
                },
                _ => name.clone(),
            };
            let parameter = Parameter {
                name,
                location: location.clone(),
                at,
                value,
            };
            merged.insert((location, key_name), parameter);
        }
    }
    merged
}

impl Comparer<'_> {
    /// Compares two operations matched by method and path.
    pub fn operation(&mut self, ours: &Operation, theirs: &Operation) {
        let context = theirs.label();
        self.parameters(ours, theirs, &context);
        self.request_body(ours, theirs, &context);
        self.responses(ours, theirs, &context);
        self.security(ours, theirs, &context);
    }

    fn parameters(&mut self, ours: &Operation, theirs: &Operation, context: &str) {
        let mine = parameters(self.ours, ours);
        let published = parameters(self.theirs, theirs);
        let ours_list = slot_or_parent(self.ours, &ours.at, "parameters");
        let theirs_list = slot_or_parent(self.theirs, &theirs.at, "parameters");
        for (key, p) in &published {
            if !mine.contains_key(key) {
                let required = if p.required() { "required" } else { "optional" };
                self.report(
                    Kind::ParameterMissing,
                    &ours_list,
                    &p.at,
                    context,
                    format!(
                        "{} {} parameter `{}` is published, not in ours",
                        required, p.location, p.name
                    ),
                );
            }
        }
        for (key, o) in &mine {
            let Some(t) = published.get(key) else {
                self.report(
                    Kind::ParameterExtra,
                    &o.at,
                    &theirs_list,
                    context,
                    format!(
                        "{} parameter `{}` is in ours, not published",
                        o.location, o.name
                    ),
                );
                continue;
            };
            let here = format!("{context} {} parameter `{}`", t.location, t.name);
            self.parameter(o, t, &here);
        }
    }

    fn parameter(&mut self, ours: &Parameter, theirs: &Parameter, context: &str) {
        if ours.required() != theirs.required() {
            self.report(
                Kind::ParameterRequired,
                &ours.at,
                &theirs.at,
                context,
                format!(
                    "{} in ours, {} in the published spec",
                    required_word(ours.required()),
                    required_word(theirs.required())
                ),
            );
        }
        let (mine, published) = (ours.encoding(), theirs.encoding());
        if mine != published {
            self.report(
                Kind::ParameterStyle,
                &ours.at,
                &theirs.at,
                context,
                format!("{mine} in ours, {published} in the published spec"),
            );
        }
        let has = |p: &Parameter, key| p.value.get(key).is_some();
        match (has(ours, "content"), has(theirs, "content")) {
            (false, false) => self.schema_slots(
                self.ours
                    .get(&ours.at.push("schema"))
                    .map(|_| ours.at.push("schema")),
                &ours.at,
                self.theirs
                    .get(&theirs.at.push("schema"))
                    .map(|_| theirs.at.push("schema")),
                &theirs.at,
                &format!("{context} $"),
            ),
            (true, true) => self.content(&ours.at, &theirs.at, context),
            (mine, _) => self.report(
                Kind::ParameterStyle,
                &ours.at,
                &theirs.at,
                context,
                format!(
                    "serialised by {} in ours, by {} in the published spec",
                    serialised_by(mine),
                    serialised_by(!mine)
                ),
            ),
        }
    }

    fn request_body(&mut self, ours: &Operation, theirs: &Operation, context: &str) {
        let context = format!("{context} request body");
        let mine = self.ours.resolve(&ours.at.push("requestBody"));
        let published = self.theirs.resolve(&theirs.at.push("requestBody"));
        let required = |v: &Value| v.get("required") == Some(&Value::Bool(true));
        match (mine, published) {
            (None, None) => {}
            (None, Some((at, _))) => self.report(
                Kind::RequestBodyMissing,
                &ours.at,
                &at,
                &context,
                "the published operation takes a request body, ours does not",
            ),
            (Some((at, _)), None) => self.report(
                Kind::RequestBodyExtra,
                &at,
                &theirs.at,
                &context,
                "our operation takes a request body, the published one does not",
            ),
            (Some((o, ov)), Some((t, tv))) => {
                if required(ov) != required(tv) {
                    self.report(
                        Kind::RequestBodyRequired,
                        &o,
                        &t,
                        &context,
                        format!(
                            "{} in ours, {} in the published spec",
                            required_word(required(ov)),
                            required_word(required(tv))
                        ),
                    );
                }
                self.content(&o, &t, &context);
            }
        }
    }

    fn responses(&mut self, ours: &Operation, theirs: &Operation, context: &str) {
        let mine = statuses(self.ours, &ours.at);
        let published = statuses(self.theirs, &theirs.at);
        let ours_map = slot_or_parent(self.ours, &ours.at, "responses");
        let theirs_map = slot_or_parent(self.theirs, &theirs.at, "responses");
        for (status, at) in &published {
            if !mine.contains_key(status) {
                self.report(
                    Kind::ResponseMissing,
                    &ours_map,
                    at,
                    context,
                    format!("response {status} is published, not in ours"),
                );
            }
        }
        for (status, at) in &mine {
            match published.get(status) {
                None => self.report(
                    Kind::ResponseExtra,
                    at,
                    &theirs_map,
                    context,
                    format!("response {status} is in ours, not published"),
                ),
                Some(theirs_at) => {
                    let (Some((o, _)), Some((t, _))) =
                        (self.ours.resolve(at), self.theirs.resolve(theirs_at))
                    else {
                        continue;
                    };
                    self.content(&o, &t, &format!("{context} {status}"));
                }
            }
        }
    }

    /// Compares the `content` maps of two parameters, bodies or responses: media types matched
    /// case-insensitively, then their schemas.
    fn content(&mut self, ours: &Pointer, theirs: &Pointer, context: &str) {
        let mine = media_types(self.ours, ours);
        let published = media_types(self.theirs, theirs);
        let ours_map = slot_or_parent(self.ours, ours, "content");
        let theirs_map = slot_or_parent(self.theirs, theirs, "content");
        for (key, (name, at)) in &published {
            if !mine.contains_key(key) {
                self.report(
                    Kind::MediaTypeMissing,
                    &ours_map,
                    at,
                    context,
                    format!("media type `{name}` is published, not in ours"),
                );
            }
        }
        for (key, (name, at)) in &mine {
            let Some((_, theirs_at)) = published.get(key) else {
                self.report(
                    Kind::MediaTypeExtra,
                    at,
                    &theirs_map,
                    context,
                    format!("media type `{name}` is in ours, not published"),
                );
                continue;
            };
            let schema = |doc: &Document, at: &Pointer| {
                let slot = at.push("schema");
                doc.get(&slot).map(|_| slot)
            };
            self.schema_slots(
                schema(self.ours, at),
                at,
                schema(self.theirs, theirs_at),
                theirs_at,
                &format!("{context} {name} $"),
            );
        }
    }
}

/// Status code (`200`, `2XX`, `default`) → the response's pointer.
fn statuses(doc: &Document, operation: &Pointer) -> BTreeMap<String, Pointer> {
    let at = operation.push("responses");
    let Some(Value::Object(responses)) = doc.get(&at) else {
        return BTreeMap::new();
    };
    responses
        .keys()
        .filter(|k| !k.starts_with("x-"))
        .map(|k| {
            (
                k.to_ascii_uppercase().replace("DEFAULT", "default"),
                at.push(k),
            )
        })
        .collect()
}

/// Lower-cased media type → (the media type as written, its pointer).
fn media_types(doc: &Document, parent: &Pointer) -> BTreeMap<String, (String, Pointer)> {
    let at = parent.push("content");
    let Some(Value::Object(content)) = doc.get(&at) else {
        return BTreeMap::new();
    };
    content
        .keys()
        .map(|k| (k.to_ascii_lowercase(), (k.clone(), at.push(k))))
        .collect()
}

fn serialised_by(content: bool) -> &'static str {
    if content {
        "`content` (a media type)"
    } else {
        "`schema`"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        assert_eq!(template_shape("/a/{x}/b/{y}.json"), "/a/{}/b/{}.json");
        assert_eq!(template_names("/a/{x}/b/{y}"), vec!["x", "y"]);
        assert!(template_names("/a").is_empty());
    }
}
