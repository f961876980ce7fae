//! OpenAPI 3.1 → 3.0: rewrites the raw tree of a 3.1 document into the 3.0 model `openapiv3`
//! reads, so 3.1 specs go through the same pipeline. Every rewrite keeps the meaning:
//!
//! - `type: [T, "null"]` → `type: T` + `nullable: true`;
//! - `oneOf`/`anyOf` with a `{type: "null"}` branch → the other branches + `nullable: true`;
//! - `const: v` → `enum: [v]`;
//! - numeric `exclusiveMinimum`/`exclusiveMaximum` → `minimum`/`maximum` + the 3.0 boolean;
//! - `examples: [..]` in a schema → `example: <first>`;
//! - keywords beside `$ref` (other than `description`/`summary`) → `allOf: [{$ref}]` + them;
//! - `contentMediaType` / `contentEncoding: base64` → `format: binary` / `format: byte`;
//! - boolean schemas: `true` → `{}`;
//! - `webhooks` stay where they are (the resolver reads them from the raw tree) and are
//!   normalised like `paths`;
//! - `mutualTLS` security schemes are dropped; a security requirement naming one is a problem
//!   (the runtime cannot present a client certificate on its own).
//!
//! What has no 3.0 equivalent that a client could honour (`prefixItems`, `if`/`then`/`else`,
//! `$dynamicRef`, `patternProperties`, `$defs`, a schema of several types, a `false` schema) is
//! reported as a problem at its JSON pointer.

use serde_yaml::{Mapping, Value};

use super::problem;
use crate::error::SpecProblem;
use crate::pointer::Pointer;

/// Keywords that change the shape of values and have no 3.0 form, with what to write instead.
const UNMAPPABLE: &[(&str, &str)] = &[
    (
        "prefixItems",
        "tuple arrays cannot be expressed in OpenAPI 3.0: expected `items`",
    ),
    (
        "if",
        "conditional schemas cannot be expressed in OpenAPI 3.0: expected `oneOf`",
    ),
    (
        "then",
        "conditional schemas cannot be expressed in OpenAPI 3.0: expected `oneOf`",
    ),
    (
        "else",
        "conditional schemas cannot be expressed in OpenAPI 3.0: expected `oneOf`",
    ),
    (
        "$dynamicRef",
        "`$dynamicRef` cannot be followed: expected `$ref`",
    ),
    (
        "patternProperties",
        "`patternProperties` cannot be expressed in OpenAPI 3.0: expected `additionalProperties`",
    ),
    (
        "$defs",
        "schemas nested in `$defs` cannot be referenced: expected them under `components/schemas`",
    ),
    (
        "dependentSchemas",
        "`dependentSchemas` cannot be expressed in OpenAPI 3.0: expected `oneOf`",
    ),
];

/// Keywords that only validate (or annotate) and are dropped.
const DROPPED: &[&str] = &[
    "$schema",
    "$id",
    "$anchor",
    "$comment",
    "$dynamicAnchor",
    "contains",
    "minContains",
    "maxContains",
    "propertyNames",
    "dependentRequired",
    "unevaluatedItems",
    "contentSchema",
];

/// Rewrites a 3.1 document in place into 3.0 form; returns what could not be mapped.
pub fn normalize_3_1(doc: &mut Value) -> Vec<SpecProblem> {
    let mut problems = Vec::new();
    let Value::Mapping(root) = doc else {
        return vec![problem(
            &Pointer::root(),
            "expected the document to be a mapping",
        )];
    };
    root.insert("openapi".into(), "3.0.3".into());
    root.remove("jsonSchemaDialect");
    if !root.contains_key("paths") {
        root.insert("paths".into(), Value::Mapping(Mapping::new()));
    }
    if let Some(Value::Mapping(components)) = root.get_mut("components") {
        components.remove("pathItems");
    }
    mutual_tls(root, &mut problems);
    walk(doc, &Pointer::root(), &mut problems);
    problems.sort();
    problems
}

/// Drops `mutualTLS` security schemes (3.0 has no such type); every requirement that names one,
/// at the document or an operation, is a problem at its pointer.
fn mutual_tls(root: &mut Mapping, problems: &mut Vec<SpecProblem>) {
    let mut dropped = Vec::new();
    if let Some(Value::Mapping(schemes)) = root
        .get_mut("components")
        .and_then(|c| c.get_mut("securitySchemes"))
    {
        schemes.retain(|name, scheme| {
            let mtls = scheme.get("type").and_then(Value::as_str) == Some("mutualTLS");
            if mtls {
                dropped.extend(name.as_str().map(str::to_owned));
            }
            !mtls
        });
    }
    if dropped.is_empty() {
        return;
    }
    let mut requirements = vec![(root.get("security"), Pointer::root().push("security"))];
    if let Some(Value::Mapping(paths)) = root.get("paths") {
        for (path, item) in paths {
            let (Some(path), Value::Mapping(item)) = (path.as_str(), item) else {
                continue;
            };
            for (method, operation) in item {
                let Some(method) = method.as_str() else {
                    continue;
                };
                let at = Pointer::root().push("paths").push(path).push(method);
                requirements.push((operation.get("security"), at.push("security")));
            }
        }
    }
    for (security, at) in requirements {
        let Some(Value::Sequence(alternatives)) = security else {
            continue;
        };
        for (i, alternative) in alternatives.iter().enumerate() {
            let Value::Mapping(alternative) = alternative else {
                continue;
            };
            for name in alternative.keys().filter_map(Value::as_str) {
                if dropped.iter().any(|d| d == name) {
                    problems.push(problem(
                        &at.push(i.to_string()).push(name),
                        format!(
                            "security scheme `{name}` is `mutualTLS`, which the generated client                              cannot send: expected `type: apiKey`, `oauth2`, `openIdConnect`, or                              `http` with `scheme: bearer` or `basic`"
                        ),
                    ));
                }
            }
        }
    }
}

/// Walks the document outside schemas, normalising every schema it finds.
fn walk(value: &mut Value, at: &Pointer, problems: &mut Vec<SpecProblem>) {
    let Value::Mapping(map) = value else {
        if let Value::Sequence(items) = value {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, &at.push(i.to_string()), problems);
            }
        }
        return;
    };
    let in_schemas = at.as_str() == "#/components/schemas";
    for (key, child) in map.iter_mut() {
        let Some(key) = key.as_str() else { continue };
        let child_at = at.push(key);
        if in_schemas || key == "schema" {
            schema(child, &child_at, problems);
        } else if key != "example"
            && key != "examples"
            && (!key.starts_with("x-") || (key == "x-webhooks" && at.as_str() == "#"))
        {
            walk(child, &child_at, problems);
        }
    }
}

/// Normalises one schema and, recursively, the schemas inside it.
fn schema(value: &mut Value, at: &Pointer, problems: &mut Vec<SpecProblem>) {
    match value {
        Value::Bool(true) => {
            *value = Value::Mapping(Mapping::new());
            return;
        }
        Value::Bool(false) => {
            problems.push(problem(
                at,
                "the `false` schema (no value allowed) cannot be expressed in OpenAPI 3.0",
            ));
            return;
        }
        Value::Mapping(_) => {}
        _ => return,
    }
    let Value::Mapping(map) = value else { return };
    for (keyword, message) in UNMAPPABLE {
        if map.contains_key(*keyword) {
            problems.push(problem(&at.push(keyword), *message));
        }
    }
    for keyword in DROPPED {
        map.remove(*keyword);
    }
    types(map, at, problems);
    null_branches(map);
    if let Some(constant) = map.remove("const") {
        if !map.contains_key("enum") {
            map.insert("enum".into(), Value::Sequence(vec![constant]));
        }
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(limit @ Value::Number(_)) = map.get(exclusive).cloned() {
            map.insert(bound.into(), limit);
            map.insert(exclusive.into(), Value::Bool(true));
        }
    }
    if let Some(Value::Sequence(examples)) = map.get("examples").cloned() {
        map.remove("examples");
        if let (false, Some(first)) = (map.contains_key("example"), examples.into_iter().next()) {
            map.insert("example".into(), first);
        }
    }
    if map.contains_key("contentMediaType") || map.contains_key("contentEncoding") {
        let encoding = map.remove("contentEncoding");
        let media = map.remove("contentMediaType");
        let is_json = media
            .as_ref()
            .and_then(Value::as_str)
            .is_some_and(|m| m.contains("json"));
        if !map.contains_key("format") && !is_json {
            let format = if encoding.as_ref().and_then(Value::as_str) == Some("base64") {
                "byte"
            } else {
                "binary"
            };
            map.insert("format".into(), format.into());
        }
    }
    if map.contains_key("unevaluatedProperties") {
        let unevaluated = map.remove("unevaluatedProperties");
        if !map.contains_key("additionalProperties") {
            if let Some(value) = unevaluated {
                map.insert("additionalProperties".into(), value);
            }
        }
    }
    ref_siblings(map);
    children(map, at, problems);
}

/// `type: [T, "null"]` → `type: T, nullable: true`; several non-null types are a problem.
fn types(map: &mut Mapping, at: &Pointer, problems: &mut Vec<SpecProblem>) {
    let listed = match map.get("type") {
        Some(Value::Sequence(types)) => types.clone(),
        Some(Value::String(t)) if t == "null" => vec![Value::from("null")],
        _ => return,
    };
    let mut names: Vec<&str> = listed.iter().filter_map(Value::as_str).collect();
    let nullable = names.contains(&"null");
    names.retain(|t| *t != "null");
    match names.as_slice() {
        [single] => {
            map.insert("type".into(), (*single).into());
        }
        [] => {
            problems.push(problem(
                &at.push("type"),
                "a schema whose only type is `null` cannot be expressed in OpenAPI 3.0: expected it as a `oneOf`/`anyOf` branch or `type: [T, \"null\"]`",
            ));
            map.remove("type");
        }
        _ => {
            problems.push(problem(
                &at.push("type"),
                format!(
                    "a schema of several types {names:?} cannot be expressed in OpenAPI 3.0: expected one type, or `oneOf` with one branch per type"
                ),
            ));
            map.remove("type");
        }
    }
    if nullable {
        map.insert("nullable".into(), Value::Bool(true));
    }
}

/// Drops `{type: "null"}` branches of `oneOf`/`anyOf`, making the schema nullable; a single
/// remaining branch becomes `allOf: [branch]`.
fn null_branches(map: &mut Mapping) {
    for keyword in ["oneOf", "anyOf"] {
        let Some(Value::Sequence(branches)) = map.get(keyword).cloned() else {
            continue;
        };
        let is_null = |b: &Value| {
            b.get("type").and_then(Value::as_str) == Some("null")
                || b.get("type")
                    .and_then(Value::as_sequence)
                    .is_some_and(|t| t.len() == 1 && t[0].as_str() == Some("null"))
        };
        if !branches.iter().any(is_null) {
            continue;
        }
        let rest: Vec<Value> = branches.into_iter().filter(|b| !is_null(b)).collect();
        map.insert("nullable".into(), Value::Bool(true));
        if rest.len() == 1 && !map.contains_key("allOf") {
            map.remove(keyword);
            map.insert("allOf".into(), Value::Sequence(rest));
        } else {
            map.insert(keyword.into(), Value::Sequence(rest));
        }
    }
}

/// Keywords beside `$ref` apply in 3.1 but are ignored in 3.0: move the reference into an
/// `allOf` so they keep applying. A lone `description`/`summary` stays (the resolver reads it).
fn ref_siblings(map: &mut Mapping) {
    let Some(reference) = map.get("$ref").cloned() else {
        return;
    };
    let annotates_only = map
        .keys()
        .filter_map(Value::as_str)
        .all(|k| matches!(k, "$ref" | "description" | "summary"));
    if annotates_only {
        return;
    }
    map.remove("$ref");
    let mut target = Mapping::new();
    target.insert("$ref".into(), reference);
    let mut all_of = match map.remove("allOf") {
        Some(Value::Sequence(items)) => items,
        _ => Vec::new(),
    };
    all_of.insert(0, Value::Mapping(target));
    map.insert("allOf".into(), Value::Sequence(all_of));
}

/// Normalises the schemas a schema contains.
fn children(map: &mut Mapping, at: &Pointer, problems: &mut Vec<SpecProblem>) {
    for keyword in ["items", "additionalProperties", "not"] {
        if let Some(child) = map.get_mut(keyword) {
            if keyword == "additionalProperties" && child.is_bool() {
                continue;
            }
            schema(child, &at.push(keyword), problems);
        }
    }
    for keyword in ["properties"] {
        if let Some(Value::Mapping(properties)) = map.get_mut(keyword) {
            for (name, child) in properties.iter_mut() {
                let name = name.as_str().unwrap_or_default().to_owned();
                schema(child, &at.push(keyword).push(name), problems);
            }
        }
    }
    for keyword in ["allOf", "oneOf", "anyOf"] {
        if let Some(Value::Sequence(branches)) = map.get_mut(keyword) {
            for (i, child) in branches.iter_mut().enumerate() {
                schema(child, &at.push(keyword).push(i.to_string()), problems);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalized(schema_yaml: &str) -> (Value, Vec<SpecProblem>) {
        let text = format!(
            "openapi: 3.1.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    S:\n{}",
            schema_yaml
                .lines()
                .map(|l| format!("      {l}\n"))
                .collect::<String>()
        );
        let mut doc: Value = serde_yaml::from_str(&text).unwrap();
        let problems = normalize_3_1(&mut doc);
        (doc["components"]["schemas"]["S"].clone(), problems)
    }

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap()
    }

    #[test]
    fn nullable_types_and_null_branches() {
        let (s, p) = normalized("type: [string, 'null']\nmaxLength: 3");
        assert!(p.is_empty());
        assert_eq!(s, yaml("type: string\nmaxLength: 3\nnullable: true"));
        let (s, _) = normalized("oneOf:\n  - $ref: '#/components/schemas/T'\n  - type: 'null'");
        assert_eq!(
            s,
            yaml("nullable: true\nallOf:\n  - $ref: '#/components/schemas/T'")
        );
    }

    #[test]
    fn const_bounds_examples_and_ref_siblings() {
        let (s, _) = normalized("const: fixed");
        assert_eq!(s, yaml("enum: [fixed]"));
        let (s, _) = normalized("type: integer\nexclusiveMinimum: 0\nexamples: [1, 2]");
        assert_eq!(
            s,
            yaml("type: integer\nexclusiveMinimum: true\nminimum: 0\nexample: 1")
        );
        let (s, _) = normalized("$ref: '#/components/schemas/T'\nnullable: true");
        assert_eq!(
            s,
            yaml("nullable: true\nallOf:\n  - $ref: '#/components/schemas/T'")
        );
        let (s, _) = normalized("$ref: '#/components/schemas/T'\ndescription: kept");
        assert_eq!(s, yaml("$ref: '#/components/schemas/T'\ndescription: kept"));
    }

    #[test]
    fn nested_schemas_and_binary_content() {
        let (s, _) = normalized(
            "type: object\nproperties:\n  a:\n    type: [integer, 'null']\n  f:\n    type: string\n    contentMediaType: image/png\n  any: true",
        );
        assert_eq!(
            s,
            yaml("type: object\nproperties:\n  a:\n    type: integer\n    nullable: true\n  f:\n    type: string\n    format: binary\n  any: {}")
        );
    }

    #[test]
    fn unmappable_constructs_are_problems_at_their_pointer() {
        let (_, p) = normalized(
            "type: object\nproperties:\n  t:\n    type: array\n    prefixItems: [{type: string}]\n  m:\n    type: [string, integer]\n  n: false",
        );
        let pointers: Vec<&str> = p.iter().map(|p| p.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "#/components/schemas/S/properties/m/type",
                "#/components/schemas/S/properties/n",
                "#/components/schemas/S/properties/t/prefixItems",
            ]
        );
    }

    #[test]
    fn mutual_tls_schemes_are_dropped_and_requirements_naming_them_are_problems() {
        let mut doc = yaml(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nsecurity:\n  - mtls: []\npaths:\n  /a:\n    get:\n      security:\n        - key: []\n        - mtls: []\n      responses:\n        '204':\n          description: ok\n    post:\n      security:\n        - key: []\n      responses:\n        '204':\n          description: ok\ncomponents:\n  securitySchemes:\n    mtls:\n      type: mutualTLS\n    key:\n      type: apiKey\n      in: header\n      name: X-Key",
        );
        let problems = normalize_3_1(&mut doc);
        let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            ["#/paths/~1a/get/security/1/mtls", "#/security/0/mtls"]
        );
        assert!(problems[0].message.contains("`mutualTLS`"), "{problems:?}");
        let schemes = &doc["components"]["securitySchemes"];
        assert!(schemes.get("mtls").is_none() && schemes.get("key").is_some());
    }

    #[test]
    fn document_level_rewrites() {
        let mut doc = yaml(
            "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks: {}\npaths:\n  /a:\n    get:\n      parameters:\n        - name: q\n          in: query\n          schema:\n            type: [string, 'null']\n      responses:\n        '200':\n          description: ok",
        );
        assert!(normalize_3_1(&mut doc).is_empty());
        assert_eq!(doc["openapi"], Value::from("3.0.3"));
        assert!(doc.get("webhooks").is_some());
        let schema = &doc["paths"]["/a"]["get"]["parameters"][0]["schema"];
        assert_eq!(schema, &yaml("type: string\nnullable: true"));
        let mut bare = yaml("openapi: 3.1.0\ninfo: {title: t, version: '1'}");
        assert!(normalize_3_1(&mut bare).is_empty());
        assert!(bare.get("paths").is_some());
    }
}
