//! What the served spec declares: each operation's query parameter names, and the query
//! parameters its security accepts (an API key sent as a query parameter, such as `hapikey`).
//! Prism accepts query parameters a spec does not declare, so the suite checks names itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The query parameter names of one operation.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Query {
    /// Its parameters (`in: query`), path-level ones included.
    pub parameters: BTreeSet<String>,
    /// The query parameters of the API-key schemes its security accepts: declared, but sent
    /// only when the client picks that alternative, so never required to be sent.
    pub credentials: BTreeSet<String>,
}

impl Query {
    /// Whether the operation may be sent query parameter `name`.
    pub fn declares(&self, name: &str) -> bool {
        self.parameters.contains(name) || self.credentials.contains(name)
    }
}

/// Query parameter names by operationId.
#[derive(Debug, Default)]
pub struct Declared {
    query: BTreeMap<String, Query>,
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

    /// Collects the query parameters of every operation of `spec`, path-level ones included,
    /// and those of the API-key schemes its security (or the spec's default) accepts.
    pub fn from_spec(spec: &Value) -> Result<Declared, String> {
        let paths = spec
            .get("paths")
            .and_then(Value::as_object)
            .ok_or("the spec has no `paths` object")?;
        let keys = query_keys(spec)?;
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
                let mut query = Query::default();
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
                        query.parameters.insert(name.to_owned());
                    }
                }
                let security = operation.get("security").or_else(|| spec.get("security"));
                query.credentials = accepted_keys(security, &keys, id)?;
                declared.query.insert(id.to_owned(), query);
            }
        }
        Ok(declared)
    }

    /// The query parameter names of `operation`, or `None` when the spec has no such operation.
    pub fn query(&self, operation: &str) -> Option<&Query> {
        self.query.get(operation)
    }

    /// Every operation with its query parameter names, by operationId.
    pub fn operations(&self) -> impl Iterator<Item = (&String, &Query)> {
        self.query.iter()
    }
}

/// The query parameter name of every `apiKey` scheme sent `in: query`, by scheme name.
fn query_keys(spec: &Value) -> Result<BTreeMap<String, String>, String> {
    let mut keys = BTreeMap::new();
    let schemes = spec
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .into_iter()
        .flatten();
    for (name, scheme) in schemes {
        let scheme = resolve(spec, scheme)?;
        let is_query_key = scheme.get("type").and_then(Value::as_str) == Some("apiKey")
            && scheme.get("in").and_then(Value::as_str) == Some("query");
        if is_query_key {
            let parameter = scheme.get("name").and_then(Value::as_str).ok_or_else(|| {
                format!("security scheme `{name}` is an apiKey in the query without a `name`")
            })?;
            keys.insert(name.clone(), parameter.to_owned());
        }
    }
    Ok(keys)
}

/// The query parameters of the API-key schemes that some alternative of `security` names.
fn accepted_keys(
    security: Option<&Value>,
    keys: &BTreeMap<String, String>,
    id: &str,
) -> Result<BTreeSet<String>, String> {
    let Some(security) = security else {
        return Ok(BTreeSet::new());
    };
    let alternatives = security
        .as_array()
        .ok_or_else(|| format!("the security of {id} is not a list"))?;
    let mut accepted = BTreeSet::new();
    for alternative in alternatives {
        let schemes = alternative
            .as_object()
            .ok_or_else(|| format!("a security alternative of {id} is not an object"))?;
        accepted.extend(schemes.keys().filter_map(|s| keys.get(s)).cloned());
    }
    Ok(accepted)
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

    fn names(set: &BTreeSet<String>) -> Vec<&str> {
        set.iter().map(String::as_str).collect()
    }

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
        let query = declared.query("getT").unwrap();
        assert_eq!(names(&query.parameters), ["limit", "shared"]);
        assert!(query.credentials.is_empty());
        assert!(declared.query("other").is_none());
    }

    #[test]
    fn query_api_keys_are_declared_only_where_security_accepts_them() {
        let spec = json!({
            "security": [{"bearer": []}],
            "paths": {
                "/default": {"get": {"operationId": "byDefault"}},
                "/key": {"get": {"operationId": "keyOnly", "security": [{"dev": []}]}},
                "/either": {"get": {"operationId": "either",
                    "security": [{"bearer": []}, {"dev": [], "header": []}]}},
                "/open": {"get": {"operationId": "open", "security": []}}
            },
            "components": {"securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "dev": {"type": "apiKey", "in": "query", "name": "hapikey"},
                "header": {"type": "apiKey", "in": "header", "name": "X-Key"}
            }}
        });
        let declared = Declared::from_spec(&spec).unwrap();
        for (operation, credentials) in [
            ("byDefault", vec![]),
            ("keyOnly", vec!["hapikey"]),
            ("either", vec!["hapikey"]),
            ("open", vec![]),
        ] {
            let query = declared.query(operation).unwrap();
            assert_eq!(names(&query.credentials), credentials, "{operation}");
            assert_eq!(query.declares("hapikey"), !credentials.is_empty());
            assert!(query.parameters.is_empty(), "{operation}");
        }
    }

    #[test]
    fn a_dangling_reference_is_an_error() {
        let spec = json!({"paths": {"/t": {"get": {"operationId": "t", "parameters": [
            {"$ref": "#/components/parameters/Nope"}
        ]}}}});
        let err = Declared::from_spec(&spec).unwrap_err();
        assert!(err.contains("#/components/parameters/Nope"), "{err}");
    }

    #[test]
    fn a_query_key_without_a_name_is_an_error() {
        let spec = json!({"paths": {}, "components": {"securitySchemes": {
            "dev": {"type": "apiKey", "in": "query"}
        }}});
        let err = Declared::from_spec(&spec).unwrap_err();
        assert_eq!(
            err,
            "security scheme `dev` is an apiKey in the query without a `name`"
        );
    }
}
