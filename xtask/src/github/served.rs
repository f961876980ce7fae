//! GitHub's spec as served to Prism: without its examples. GitHub's examples contradict its
//! schemas (an `issue` example wrapped in a second `value`, dates quoted twice such as
//! `"\"2007-10-29T02:42:39.000-07:00\""`, required properties missing), and Prism's static
//! responses serve examples first; without them it builds every response from the schemas.
//! Examples are documentation: nothing that goes over the wire changes.

use std::path::Path;

use serde_json::Value;

/// Keys whose value maps names (property names, paths, status codes, media types, …) to spec
/// nodes: a key there is a name, never the `example` keyword.
const NAME_MAPS: [&str; 16] = [
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
];

/// Keys whose value is data (a default, enum values, a constant, an extension): left as is.
const DATA: [&str; 3] = ["const", "default", "enum"];

/// Writes to `served` the copy of the JSON spec at `spec` Prism serves; returns how many
/// `example`/`examples` keywords it dropped.
pub fn write(spec: &Path, served: &Path) -> Result<usize, String> {
    let text = std::fs::read(spec).map_err(|e| format!("cannot read {}: {e}", spec.display()))?;
    let mut document: Value = serde_json::from_slice(&text)
        .map_err(|e| format!("{} is not JSON: {e}", spec.display()))?;
    let dropped = drop_examples(&mut document);
    let text = serde_json::to_vec(&document).map_err(|e| format!("cannot encode: {e}"))?;
    std::fs::write(served, text).map_err(|e| format!("cannot write {}: {e}", served.display()))?;
    Ok(dropped)
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
}
