//! What the served spec declares: each operation's query parameter names. Prism accepts query
//! parameters a spec does not declare, so the suite checks names itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Query parameter names by operationId.
#[derive(Debug, Default)]
pub struct Declared {
    query: BTreeMap<String, BTreeSet<String>>,
}

impl Declared {
    /// Reads the spec (YAML or JSON) at `path`.
    pub fn load(path: &Path) -> Result<Declared, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the spec {}: {e}", path.display()))?;
        let spec: Value = serde_yaml::from_str(&text)
            .map_err(|e| format!("{} is not YAML or JSON: {e}", path.display()))?;
        Declared::from_spec(&spec).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Collects the query parameters of every operation of `spec`, path-level ones included.
    pub fn from_spec(spec: &Value) -> Result<Declared, String> {
        let paths = spec
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("the spec has no `paths` object")?;
        let mut declared = Declared::default();
        for (path, item) in paths {
            let shared = item.get("parameters");
            for method in METHODS {
                let Some(operation) = item.get(method) else {
                    continue;
                };
                let id = operation
                    .get("operationId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| format!("{method} {path} has no operationId"))?;
                let mut names = BTreeSet::new();
                for parameter in [shared, operation.get("parameters")]
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_array)
                    .flatten()
                {
                    let parameter = resolve(spec, parameter)?;
                    if parameter.get("in").and_then(Value::as_str) == Some("query") {
                        let name = parameter
                            .get("name")
                            .and_then(Value::as_str)
                            .ok_or_else(|| format!("a parameter of {id} has no name"))?;
                        names.insert(name.to_owned());
                    }
                }
                declared.query.insert(id.to_owned(), names);
            }
        }
        Ok(declared)
    }

    /// The query parameter names of `operation`, or `None` when the spec has no such operation.
    pub fn query(&self, operation: &str) -> Option<&BTreeSet<String>> {
        self.query.get(operation)
    }

    /// Every operation with its query parameter names, by operationId.
    pub fn operations(&self) -> impl Iterator<Item = (&String, &BTreeSet<String>)> {
        self.query.iter()
    }
}

/// Follows a local `$ref` (`#/components/parameters/X`).
fn resolve<'a>(spec: &'a Value, value: &'a Value) -> Result<&'a Value, String> {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix('#')
            .and_then(|pointer| spec.pointer(pointer))
            .ok_or_else(|| format!("cannot resolve `{reference}`")),
        None => Ok(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn collects_inline_shared_and_referenced_query_parameters() {
        let spec = json!({
            "paths": {"/t/{id}": {
                "parameters": [{"name": "shared", "in": "query"}],
                "get": {"operationId": "getT", "parameters": [
                    {"name": "id", "in": "path"},
                    {"$ref": "#/components/parameters/Limit"}
                ]}
            }},
            "components": {"parameters": {"Limit": {"name": "limit", "in": "query"}}}
        });
        let declared = Declared::from_spec(&spec).unwrap();
        let names: Vec<_> = declared.query("getT").unwrap().iter().cloned().collect();
        assert_eq!(names, ["limit", "shared"]);
        assert!(declared.query("other").is_none());
    }

    #[test]
    fn a_dangling_reference_is_an_error() {
        let spec = json!({"paths": {"/t": {"get": {"operationId": "t", "parameters": [
            {"$ref": "#/components/parameters/Nope"}
        ]}}}});
        let err = Declared::from_spec(&spec).unwrap_err();
        assert!(err.contains("#/components/parameters/Nope"), "{err}");
    }
}
