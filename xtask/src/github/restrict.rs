//! GitHub's spec restricted to the smoke test's operations and the components they reach, for
//! the small crate the smoke test builds against (the whole crate is proven by `cargo check`;
//! building all of it for 34 operations would cost most of the command's time).

use std::collections::BTreeSet;

use serde_json::Value;

/// Component maps pruned to what the kept operations reach (security schemes are named, not
/// referenced, and stay).
const PRUNED: [&str; 6] = [
    "examples",
    "headers",
    "parameters",
    "requestBodies",
    "responses",
    "schemas",
];

/// Keeps only the operations of `spec` whose operationId is in `operations` (and their path
/// items' shared parameters), drops webhooks, and prunes unreached components. Fails naming any
/// operation the spec does not have.
pub fn restrict(spec: &mut Value, operations: &[&str]) -> Result<(), String> {
    let wanted: BTreeSet<&str> = operations.iter().copied().collect();
    let mut found = BTreeSet::new();
    if let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            // Operations are the objects; `parameters`, `servers` and prose are not.
            item.retain(
                |_, value| match value.get("operationId").and_then(Value::as_str) {
                    Some(id) => {
                        let keep = wanted.contains(id);
                        if keep {
                            found.insert(id.to_owned());
                        }
                        keep
                    }
                    None => !value.is_object(),
                },
            );
        }
        paths.retain(|_, item| {
            item.as_object()
                .is_some_and(|item| item.values().any(|v| v.get("operationId").is_some()))
        });
    }
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|id| !found.contains(**id))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the spec has no operation {} (the smoke test's list is stale)",
            missing.join(", ")
        ));
    }
    if let Some(document) = spec.as_object_mut() {
        document.remove("webhooks");
        document.remove("x-webhooks");
    }
    prune_components(spec);
    Ok(())
}

/// Removes the entries of the [`PRUNED`] component maps that `paths` does not reach.
fn prune_components(spec: &mut Value) {
    let mut reached = BTreeSet::new();
    let mut pending = Vec::new();
    references(spec.get("paths").unwrap_or(&Value::Null), &mut pending);
    while let Some(reference) = pending.pop() {
        if reached.insert(reference.clone()) {
            let pointer = reference.trim_start_matches('#');
            if let Some(target) = spec.pointer(pointer) {
                references(target, &mut pending);
            }
        }
    }
    let Some(components) = spec.get_mut("components").and_then(Value::as_object_mut) else {
        return;
    };
    for (kind, entries) in components.iter_mut() {
        if !PRUNED.contains(&kind.as_str()) {
            continue;
        }
        if let Some(entries) = entries.as_object_mut() {
            entries.retain(|name, _| reached.contains(&format!("#/components/{kind}/{name}")));
        }
    }
}

/// Pushes every local `$ref` under `node`.
fn references(node: &Value, found: &mut Vec<String>) {
    match node {
        Value::Object(object) => {
            if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
                if reference.starts_with("#/") {
                    found.push(reference.to_owned());
                }
            }
            object.values().for_each(|child| references(child, found));
        }
        Value::Array(items) => items.iter().for_each(|child| references(child, found)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Value {
        json!({
            "paths": {
                "/repos/{owner}": {
                    "parameters": [{"$ref": "#/components/parameters/owner"}],
                    "get": {"operationId": "repos/get", "responses": {"200": {
                        "$ref": "#/components/responses/repo"}}},
                    "delete": {"operationId": "repos/delete", "responses": {"204": {}}}
                },
                "/zen": {"get": {"operationId": "meta/get-zen", "responses": {"200": {
                    "content": {"text/plain": {"schema": {"$ref": "#/components/schemas/zen"}}}
                }}}}
            },
            "x-webhooks": {"push": {"post": {"requestBody": {"$ref": "#/components/schemas/push"}}}},
            "components": {
                "parameters": {"owner": {"name": "owner", "in": "path", "required": true,
                                         "schema": {"type": "string"}}},
                "responses": {"repo": {"description": "", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/repo"}}}}},
                "schemas": {
                    "repo": {"type": "object", "properties": {
                        "owner": {"$ref": "#/components/schemas/user"}}},
                    "user": {"type": "object", "properties": {
                        "repos": {"type": "array", "items": {"$ref": "#/components/schemas/repo"}}}},
                    "zen": {"type": "string"},
                    "push": {"type": "object"}
                },
                "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}
            }
        })
    }

    #[test]
    fn only_the_listed_operations_and_what_they_reach_are_kept() {
        let mut spec = spec();
        restrict(&mut spec, &["repos/get"]).unwrap();
        let keys = |node: &Value| -> BTreeSet<String> {
            node.as_object().unwrap().keys().cloned().collect()
        };
        assert_eq!(
            keys(&spec["paths"]),
            BTreeSet::from(["/repos/{owner}".to_owned()])
        );
        let kept = keys(&spec["paths"]["/repos/{owner}"]);
        assert_eq!(
            kept,
            BTreeSet::from(["get".to_owned(), "parameters".to_owned()])
        );
        let schemas = keys(&spec["components"]["schemas"]);
        assert_eq!(
            schemas,
            BTreeSet::from(["repo".to_owned(), "user".to_owned()])
        );
        assert!(spec["components"]["parameters"].get("owner").is_some());
        assert!(spec["components"]["responses"].get("repo").is_some());
        assert!(spec["components"]["securitySchemes"].get("token").is_some());
        assert!(spec.get("x-webhooks").is_none());
    }

    #[test]
    fn an_operation_the_spec_lacks_is_named() {
        let mut spec = spec();
        let error = restrict(&mut spec, &["meta/get-zen", "repos/gone"]).unwrap_err();
        assert!(error.contains("no operation repos/gone"), "{error}");
    }
}
