//! A synthetic spec: the vendored one with its paths and component schemas copied `factor` times
//! under fresh names, so operations and schemas grow together and every copy is resolved and
//! emitted like the original.

use serde_yaml::{Mapping, Value};

const SCHEMA_REF: &str = "#/components/schemas/";

/// `spec_text` with its paths and schemas repeated `factor` times (`factor` 1: unchanged).
pub fn scaled(spec_text: &str, factor: usize) -> String {
    let mut root: Value = serde_yaml::from_str(spec_text).expect("the spec is YAML");
    let paths = mapping(&root, &["paths"]);
    let schemas = mapping(&root, &["components", "schemas"]);
    let (mut all_paths, mut all_schemas) = (paths.clone(), schemas.clone());
    for copy in 2..=factor {
        let suffix = format!("Copy{copy}");
        for (path, item) in &paths {
            let path = format!("/copy{copy}{}", path.as_str().expect("paths are strings"));
            all_paths.insert(path.into(), renamed(item, &suffix));
        }
        for (name, schema) in &schemas {
            let name = format!("{}{suffix}", name.as_str().expect("names are strings"));
            all_schemas.insert(name.into(), renamed(schema, &suffix));
        }
    }
    root["paths"] = Value::Mapping(all_paths);
    root["components"]["schemas"] = Value::Mapping(all_schemas);
    serde_yaml::to_string(&root).expect("YAML serializes")
}

/// How many operations `spec_text` declares.
pub fn operation_count(spec_text: &str) -> usize {
    spec_text.matches("operationId:").count()
}

fn mapping(root: &Value, keys: &[&str]) -> Mapping {
    let node = keys.iter().fold(root, |node, key| &node[*key]);
    node.as_mapping().expect("a mapping").clone()
}

/// A copy of `node` whose schema references, operation ids and id kinds carry `suffix`.
fn renamed(node: &Value, suffix: &str) -> Value {
    match node {
        Value::String(text) if text.starts_with(SCHEMA_REF) => {
            Value::String(format!("{text}{suffix}"))
        }
        Value::Sequence(items) => items.iter().map(|v| renamed(v, suffix)).collect(),
        Value::Mapping(map) => Value::Mapping(
            map.iter()
                .map(|(key, value)| {
                    let value = match (key.as_str(), value) {
                        // Each copy has its own operations and its own id kinds.
                        (Some("operationId" | "x-id"), Value::String(id)) => {
                            Value::String(format!("{id}{suffix}"))
                        }
                        _ => renamed(value, suffix),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}
