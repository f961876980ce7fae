//! GitHub's spec as served to Prism, with three changes, none to what goes over the wire:
//! - no examples: GitHub's contradict its schemas (an `issue` example wrapped in a second
//!   `value`, dates quoted twice such as `"\"2007-10-29T02:42:39.000-07:00\""`, required
//!   properties missing), and Prism's static responses serve examples first; without them it
//!   builds every response from the schemas;
//! - redirects lead somewhere: the `Location` of a 3xx response would be made up from its schema
//!   (`"string"`, a path that leads nowhere), so it is [`REDIRECT_TARGET`], an operation that
//!   serves bytes, and the client's followed redirects can be smoke-tested;
//! - parameter unions are `anyOf`: a path or query value is text, so `161335` for a `oneOf` of
//!   an integer and a string matches both branches once Prism coerces it, and Prism refuses it
//!   for matching more than one; either branch is what GitHub accepts.

use std::path::Path;

use serde_json::Value;

/// Keys whose value maps names (property names, paths, status codes, media types, …) to spec
/// nodes: a key there is a name, never the `example` keyword.
const NAME_MAPS: [&str; 17] = [
    "callbacks",
    "content",
    "encoding",
    "headers",
    "links",
    "mapping",
    "parameters",
    "pathItems",
    "paths",
    "patternProperties",
    "properties",
    "requestBodies",
    "responses",
    "schemas",
    "securitySchemes",
    "webhooks",
    // GitHub's webhooks, before OpenAPI 3.1 had them: their examples point into the dropped
    // `components/examples` too.
    "x-webhooks",
];

/// Where the served redirects point: `GET /octocat` (`meta/get-octocat`) serves bytes.
pub const REDIRECT_TARGET: &str = "/octocat";

/// What [`for_prism`] changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rewrites {
    /// `example` and `examples` keywords dropped.
    pub examples: usize,
    /// Redirect responses pointed at [`REDIRECT_TARGET`].
    pub redirects: usize,
    /// Parameter schemas whose `oneOf` became `anyOf`.
    pub unions: usize,
}

/// Keys whose value is data (a default, enum values, a constant, an extension other than
/// `x-webhooks`): left as is.
const DATA: [&str; 3] = ["const", "default", "enum"];

/// Writes to `served` the copy of the JSON spec at `spec` Prism serves; returns what changed.
pub fn write(spec: &Path, served: &Path) -> Result<Rewrites, String> {
    let text = std::fs::read(spec).map_err(|e| format!("cannot read {}: {e}", spec.display()))?;
    let mut document: Value = serde_json::from_slice(&text)
        .map_err(|e| format!("{} is not JSON: {e}", spec.display()))?;
    let rewrites = for_prism(&mut document);
    let text = serde_json::to_vec(&document).map_err(|e| format!("cannot encode: {e}"))?;
    std::fs::write(served, text).map_err(|e| format!("cannot write {}: {e}", served.display()))?;
    Ok(rewrites)
}

/// The three changes, examples first (the redirects' `Location` gets one).
pub fn for_prism(spec: &mut Value) -> Rewrites {
    let examples = drop_examples(spec);
    let redirects = point_redirects(spec);
    let unions = any_of_parameters(spec);
    Rewrites {
        examples,
        redirects,
        unions,
    }
}

/// Removes every `example` and `examples` keyword (with `components/examples`) from the spec
/// node `node`; returns how many.
pub fn drop_examples(node: &mut Value) -> usize {
    match node {
        Value::Object(object) => {
            let mut dropped = usize::from(object.remove("example").is_some())
                + usize::from(object.remove("examples").is_some());
            for (key, child) in object.iter_mut() {
                dropped += if NAME_MAPS.contains(&key.as_str()) {
                    drop_in_map(child)
                } else if DATA.contains(&key.as_str()) || key.starts_with("x-") {
                    // `x-webhooks` is a name map, handled above.
                    0
                } else {
                    drop_examples(child)
                };
            }
            dropped
        }
        Value::Array(items) => items.iter_mut().map(drop_examples).sum(),
        _ => 0,
    }
}

/// [`drop_examples`] on each value of a name map (or each item of a list in a name-map
/// position, such as an operation's `parameters`).
fn drop_in_map(map: &mut Value) -> usize {
    match map {
        Value::Object(entries) => entries.values_mut().map(drop_examples).sum(),
        Value::Array(_) => drop_examples(map),
        _ => 0,
    }
}

/// Gives the `Location` header of every 3xx response of an operation (inline or a
/// `components/responses` reference) the example [`REDIRECT_TARGET`]; returns how many.
fn point_redirects(spec: &mut Value) -> usize {
    let mut referenced = Vec::new();
    let mut pointed = 0;
    let operations = spec
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for operation in operations {
        let Some(responses) = operation
            .get_mut("responses")
            .and_then(Value::as_object_mut)
        else {
            continue;
        };
        for (_, response) in responses.iter_mut().filter(|(s, _)| s.starts_with('3')) {
            match response.get("$ref").and_then(Value::as_str) {
                Some(reference) => referenced.push(reference.to_owned()),
                None => pointed += point_location(response),
            }
        }
    }
    referenced.sort();
    referenced.dedup();
    for reference in referenced {
        let pointer = reference.trim_start_matches('#');
        pointed += spec.pointer_mut(pointer).map_or(0, point_location);
    }
    pointed
}

/// Sets the example of `response`'s `Location` header (any case); 1 when it has one.
fn point_location(response: &mut Value) -> usize {
    let headers = response.get_mut("headers").and_then(Value::as_object_mut);
    let location = headers.and_then(|headers| {
        headers
            .iter_mut()
            .find(|(name, _)| name.eq_ignore_ascii_case("location"))
            .and_then(|(_, header)| header.as_object_mut())
    });
    match location {
        Some(header) => {
            header.insert("example".to_owned(), Value::from(REDIRECT_TARGET));
            1
        }
        None => 0,
    }
}

/// Turns the `oneOf` of every parameter's own schema into `anyOf` (parameters of
/// `components/parameters`, path items and operations); returns how many.
fn any_of_parameters(spec: &mut Value) -> usize {
    let mut unions = spec
        .pointer_mut("/components/parameters")
        .and_then(Value::as_object_mut)
        .map_or(0, |shared| shared.values_mut().map(any_of).sum());
    let items = spec
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut);
    for item in items {
        for (key, value) in item.iter_mut() {
            let list = if key == "parameters" {
                Some(value)
            } else {
                value.get_mut("parameters")
            };
            if let Some(list) = list.and_then(Value::as_array_mut) {
                unions += list.iter_mut().map(any_of).sum::<usize>();
            }
        }
    }
    unions
}

/// Renames the `oneOf` of `parameter`'s schema `anyOf`; 1 when it had one.
fn any_of(parameter: &mut Value) -> usize {
    let schema = parameter.get_mut("schema").and_then(Value::as_object_mut);
    match schema.and_then(|schema| Some((schema.remove("oneOf")?, schema))) {
        Some((branches, schema)) => {
            schema.insert("anyOf".to_owned(), branches);
            1
        }
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn examples_of_media_types_parameters_and_schemas_are_dropped() {
        let mut spec = json!({
            "paths": {"/issues": {"get": {
                "parameters": [{"name": "state", "in": "query", "example": "open",
                                "schema": {"type": "string", "example": "open"}}],
                "responses": {"200": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/issue"},
                    "examples": {"default": {"$ref": "#/components/examples/issue"}}
                }}}}
            }}},
            "components": {
                "schemas": {"issue": {"type": "object", "properties": {
                    "date": {"type": "string", "format": "date-time",
                             "example": "\"2007-10-29T02:42:39.000-07:00\""}
                }}},
                "examples": {"issue": {"value": {"date": "yesterday"}}}
            }
        });
        assert_eq!(drop_examples(&mut spec), 5);
        let text = spec.to_string();
        assert!(!text.contains("example"), "{text}");
        assert_eq!(
            spec.pointer("/components/schemas/issue/properties/date"),
            Some(&json!({"type": "string", "format": "date-time"}))
        );
    }

    #[test]
    fn names_and_data_that_say_example_are_kept() {
        let mut spec = json!({"components": {"schemas": {
            "example": {"type": "object", "properties": {
                "example": {"type": "string", "example": "x"},
                "examples": {"type": "array", "items": {"type": "string"}},
                "properties": {"type": "object", "example": {}, "properties": {
                    "example": {"type": "integer"}
                }}
            }, "default": {"example": "kept"}, "x-example": {"example": 1}}
        }}});
        assert_eq!(drop_examples(&mut spec), 2);
        let kept = json!({"components": {"schemas": {
            "example": {"type": "object", "properties": {
                "example": {"type": "string"},
                "examples": {"type": "array", "items": {"type": "string"}},
                "properties": {"type": "object", "properties": {
                    "example": {"type": "integer"}
                }}
            }, "default": {"example": "kept"}, "x-example": {"example": 1}}
        }}});
        assert_eq!(spec, kept);
    }

    #[test]
    fn redirects_point_at_an_operation_that_serves_bytes() {
        let location = json!({"Location": {"schema": {"type": "string"},
                                           "example": "https://codeload.github.com/x"}});
        let mut spec = json!({
            "paths": {"/tarball": {"get": {"responses": {
                "302": {"description": "Response", "headers": location}
            }}}, "/repo": {"get": {"responses": {
                "200": {"description": "Response", "headers": location},
                "301": {"$ref": "#/components/responses/moved_permanently"}
            }}}},
            "components": {"responses": {"moved_permanently": {
                "description": "Moved", "headers": {"location": {"schema": {"type": "string"}}}
            }}}
        });
        let rewrites = for_prism(&mut spec);
        assert_eq!(
            rewrites,
            Rewrites {
                examples: 2,
                redirects: 2,
                unions: 0
            }
        );
        let target = Some(&json!(REDIRECT_TARGET));
        let tarball = "/paths/~1tarball/get/responses/302/headers/Location/example";
        assert_eq!(spec.pointer(tarball), target);
        let moved = "/components/responses/moved_permanently/headers/location/example";
        assert_eq!(spec.pointer(moved), target);
        let ok = "/paths/~1repo/get/responses/200/headers/Location";
        assert_eq!(
            spec.pointer(ok),
            Some(&json!({"schema": {"type": "string"}}))
        );
    }

    #[test]
    fn parameter_unions_become_any_of() {
        let union = json!({"oneOf": [{"type": "integer"}, {"type": "string"}]});
        let any_of = json!({"anyOf": [{"type": "integer"}, {"type": "string"}]});
        let body = json!({"content": {"application/json": {"schema": union}}});
        let mut spec = json!({
            "paths": {"/workflows/{workflow_id}": {
                "parameters": [{"name": "workflow_id", "in": "path", "schema": union}],
                "post": {
                    "parameters": [{"name": "has", "in": "query", "schema": union},
                                   {"$ref": "#/components/parameters/tool"}],
                    "requestBody": body,
                    "responses": {}
                }
            }},
            "components": {"parameters": {"tool": {"name": "tool", "in": "query", "schema": union}}}
        });
        assert_eq!(for_prism(&mut spec).unions, 3);
        let path = spec.pointer("/paths/~1workflows~1{workflow_id}").unwrap();
        assert_eq!(path.pointer("/parameters/0/schema"), Some(&any_of));
        assert_eq!(path.pointer("/post/parameters/0/schema"), Some(&any_of));
        let shared = spec.pointer("/components/parameters/tool/schema");
        assert_eq!(shared, Some(&any_of));
        // Bodies are JSON, where the branches do not overlap: left as they are.
        let path = spec.pointer("/paths/~1workflows~1{workflow_id}").unwrap();
        assert_eq!(path.pointer("/post/requestBody"), Some(&body));
    }

    #[test]
    fn webhook_examples_are_dropped_with_the_components_they_point_at() {
        let mut spec = json!({
            "x-webhooks": {"check-run-completed": {"post": {"requestBody": {"content": {
                "application/json": {"examples": {"default": {
                    "$ref": "#/components/examples/check-run-completed"}}}
            }}}}},
            "components": {"examples": {"check-run-completed": {"value": {}}}}
        });
        assert_eq!(drop_examples(&mut spec), 2);
        assert!(!spec.to_string().contains("examples"), "{spec}");
    }
}
