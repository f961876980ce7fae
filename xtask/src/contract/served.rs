//! The spec as served to Prism: read as JSON, with two constructs Prism cannot handle rewritten
//! (nothing that changes what goes over the wire), and the self-test's deliberate mismatches.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const SCHEMA_REF: &str = "#/components/schemas/";

/// Reads a YAML or JSON spec.
pub fn load(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the spec {}: {e}", path.display()))?;
    serde_yaml::from_str(&text).map_err(|e| format!("{} is not YAML or JSON: {e}", path.display()))
}

/// Writes `spec` as JSON, ending with a newline.
pub fn write(spec: &Value, path: &Path) -> Result<(), String> {
    std::fs::write(path, text(spec)?).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The text [`write`] writes: pretty JSON ending in a newline.
pub fn text(spec: &Value) -> Result<String, String> {
    let mut text =
        serde_json::to_string_pretty(spec).map_err(|e| format!("cannot encode the spec: {e}"))?;
    text.push('\n');
    Ok(text)
}

/// What [`for_prism`] rewrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Rewrites {
    /// `allOf` references from a union's variant back to the union.
    pub back_references: usize,
    /// Responses served as `application/json` instead of `*/*`.
    pub any_media_types: usize,
}

/// Rewrites what Prism cannot serve:
/// - a variant that lists its own union in `allOf` (`AgentActor: allOf: [Actor, {…}]` while
///   `Actor: oneOf: [AgentActor, …]`, the shape our generator reads as "is a variant of") makes
///   Prism's response generator recurse until the stack overflows; the reference adds nothing
///   to the variant's shape, so it is dropped;
/// - Prism cannot encode a response whose only media type is `*/*` (HubSpot's error response),
///   so it answers 500 instead of the 401/422 that names a rejected request; it becomes
///   `application/json`.
pub fn for_prism(spec: &mut Value) -> Rewrites {
    let mut rewrites = Rewrites::default();
    let unions = unions_by_variant(spec);
    if let Some(schemas) = spec
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for (name, schema) in schemas.iter_mut() {
            let (Some(parents), Some(all_of)) = (
                unions.get(name),
                schema.get_mut("allOf").and_then(Value::as_array_mut),
            ) else {
                continue;
            };
            let before = all_of.len();
            all_of.retain(|part| !schema_ref(part).is_some_and(|r| parents.contains(r)));
            rewrites.back_references += before - all_of.len();
        }
    }
    rewrites.any_media_types = serve_any_as_json(spec);
    rewrites
}

/// For each schema, the unions (`oneOf` of references) that list it.
fn unions_by_variant(spec: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let mut unions: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let Some(schemas) = spec
        .pointer("/components/schemas")
        .and_then(Value::as_object)
    else {
        return unions;
    };
    for (name, schema) in schemas {
        let variants = schema
            .get("oneOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten();
        for variant in variants.filter_map(schema_ref) {
            unions
                .entry(variant.to_owned())
                .or_default()
                .insert(name.clone());
        }
    }
    unions
}

fn schema_ref(value: &Value) -> Option<&str> {
    value.get("$ref")?.as_str()?.strip_prefix(SCHEMA_REF)
}

fn serve_any_as_json(value: &mut Value) -> usize {
    match value {
        Value::Object(map) => {
            let mut count = 0;
            if let Some(Value::Object(content)) = map.get_mut("content") {
                if !content.contains_key("application/json") {
                    if let Some(media) = content.remove("*/*") {
                        content.insert("application/json".to_owned(), media);
                        count += 1;
                    }
                }
            }
            count + map.values_mut().map(serve_any_as_json).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(serve_any_as_json).sum(),
        _ => 0,
    }
}

/// The operations the self-test's mismatches must make fail.
pub const SELF_TEST_FAILS: [&str; 2] = ["listThreads", "assignThread"];

/// The self-test's mismatches: `listThreads`' query parameter `inboxId` becomes `inboxIds`
/// (Prism accepts undeclared query parameters, so the suite's own check must notice), and the
/// required `actorId` of `assignThread`'s body becomes `assigneeId` (Prism must reject it).
pub fn self_test_mismatches(spec: &mut Value) -> Result<(), String> {
    let list_threads = operation_mut(spec, "listThreads")?;
    let parameter = list_threads
        .get_mut("parameters")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "inboxId" && p["in"] == "query")
        .ok_or("listThreads has no inline query parameter `inboxId`")?;
    parameter["name"] = Value::from("inboxIds");

    let body = operation_mut(spec, "assignThread")?
        .pointer("/requestBody/content/application~1json/schema/$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .map(str::to_owned)
        .ok_or("assignThread has no JSON request body schema reference")?;
    let schema = spec
        .pointer_mut(&body)
        .ok_or_else(|| format!("cannot resolve #{body}"))?;
    let properties = schema
        .get_mut("properties")
        .and_then(Value::as_object_mut)
        .ok_or("assignThread's body has no properties")?;
    let actor_id = properties
        .remove("actorId")
        .ok_or("assignThread's body has no property `actorId`")?;
    properties.insert("assigneeId".to_owned(), actor_id);
    for required in schema
        .get_mut("required")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
    {
        if required == "actorId" {
            *required = Value::from("assigneeId");
        }
    }
    Ok(())
}

fn operation_mut<'a>(spec: &'a mut Value, id: &str) -> Result<&'a mut Value, String> {
    spec.get_mut("paths")
        .and_then(Value::as_object_mut)
        .into_iter()
        .flat_map(|paths| paths.values_mut())
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .find(|operation| operation.get("operationId").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| format!("the spec has no operation `{id}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn drops_only_back_references_and_serves_any_as_json() {
        let mut spec = json!({
            "paths": {"/a": {"get": {"responses": {"default": {"content": {"*/*": {"schema": {}}}}}}}},
            "components": {"schemas": {
                "Actor": {"oneOf": [{"$ref": "#/components/schemas/Agent"}]},
                "Agent": {"allOf": [
                    {"$ref": "#/components/schemas/Actor"},
                    {"$ref": "#/components/schemas/Named"},
                    {"type": "object"}
                ]},
                "Named": {"type": "object"}
            }}
        });
        let rewrites = for_prism(&mut spec);
        assert_eq!(
            rewrites,
            Rewrites {
                back_references: 1,
                any_media_types: 1
            }
        );
        assert_eq!(
            spec["components"]["schemas"]["Agent"]["allOf"],
            json!([{"$ref": "#/components/schemas/Named"}, {"type": "object"}])
        );
        let content = &spec["paths"]["/a"]["get"]["responses"]["default"]["content"];
        assert_eq!(content, &json!({"application/json": {"schema": {}}}));
    }

    #[test]
    fn mismatches_rename_the_parameter_and_the_required_property() {
        let mut spec = json!({
            "paths": {
                "/t": {"get": {"operationId": "listThreads", "parameters": [
                    {"name": "inboxId", "in": "query"}, {"name": "limit", "in": "query"}
                ]}},
                "/t/{id}/assignee": {"put": {"operationId": "assignThread", "requestBody": {"content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Assign"}}
                }}}}
            },
            "components": {"schemas": {"Assign": {
                "required": ["actorId"], "properties": {"actorId": {"type": "string"}}
            }}}
        });
        self_test_mismatches(&mut spec).unwrap();
        assert_eq!(
            spec["paths"]["/t"]["get"]["parameters"][0]["name"],
            "inboxIds"
        );
        assert_eq!(
            spec["components"]["schemas"]["Assign"],
            json!({"required": ["assigneeId"], "properties": {"assigneeId": {"type": "string"}}})
        );
    }

    #[test]
    fn mismatches_name_what_is_missing() {
        let mut spec = json!({"paths": {}});
        let err = self_test_mismatches(&mut spec).unwrap_err();
        assert_eq!(err, "the spec has no operation `listThreads`");
    }

    #[test]
    fn the_vendored_spec_is_rewritten_and_takes_the_self_test_mismatches() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut spec = load(&root.join(codegen::vendored::SPEC)).unwrap();
        let mut mismatched = spec.clone();
        let rewrites = for_prism(&mut spec);
        assert!(rewrites.back_references > 0 && rewrites.any_media_types > 0);
        assert_eq!(
            for_prism(&mut spec),
            Rewrites::default(),
            "nothing left to rewrite"
        );
        assert!(!spec.to_string().contains("*/*"));
        self_test_mismatches(&mut mismatched).unwrap();
    }
}
