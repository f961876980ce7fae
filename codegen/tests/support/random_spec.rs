//! Random valid OpenAPI 3.0.3 specs from a seed (issue 14's property test), written from a small
//! grammar rather than mutated from our specs: objects with required, optional and nullable
//! fields, string and integer enums, `oneOf` with and without a discriminator, `allOf`, arrays,
//! maps, recursion through object fields, formats, path/query/header parameters in every style,
//! JSON, form, multipart, octet-stream and text bodies, several responses. The same seed always
//! gives the same text (a hand-written PRNG, no dependency). Shared by the codegen tests (many
//! seeds resolved and generated twice) and `tests/tests/generate_crate` (a few seeds compiled).

#![allow(dead_code)]

use serde_json::{json, Map, Value};

/// The spec for `seed`, as JSON text.
pub fn spec(seed: u64) -> String {
    let mut gen = Gen {
        rng: Rng(seed),
        kinds: Vec::new(),
        names: Vec::new(),
        schemas: Map::new(),
        fresh: 0,
    };
    gen.plan_schemas();
    for i in 0..gen.kinds.len() {
        let schema = gen.schema(i);
        gen.schemas.insert(gen.names[i].clone(), schema);
    }
    let mut paths = Map::new();
    for k in 0..2 + gen.rng.below(5) {
        let (path, item) = gen.path_item(k);
        paths.insert(path, item);
    }
    let document = json!({
        "openapi": "3.0.3",
        "info": {"title": format!("Random {seed}"), "version": "1"},
        "paths": paths,
        "components": {"schemas": gen.schemas},
    });
    serde_json::to_string_pretty(&document).expect("a JSON value serialises")
}

/// SplitMix64: small, fast and good enough to pick grammar rules.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

/// What a component schema is; planned before any is written so fields can refer forward.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Object,
    AllOf,
    StringEnum,
    IntEnum,
    Untagged,
    Tagged,
    Array,
    Map,
}

/// Names that are also Rust or prelude names, used bare once and then with a number.
const WORDS: &[&str] = &[
    "Account", "Thread", "Message", "Item", "Node", "Event", "Owner", "Tag", "Result", "Error",
    "Option", "Box", "Vec", "String", "Self", "Type", "Client", "Request",
];

const FIELD_WORDS: &[&str] = &[
    "id",
    "name",
    "type",
    "created-at",
    "self",
    "ref",
    "value",
    "Count",
    "x_y",
    "items",
    "next",
    "status",
    "2fa",
    "crate",
    "default",
];

const ENUM_VALUES: &[&str] = &[
    "open",
    "closed",
    "OPEN",
    "in-progress",
    "in_progress",
    "1st",
    "self",
    "Unknown",
    "a b",
    "",
];

struct Gen {
    rng: Rng,
    kinds: Vec<Kind>,
    names: Vec<String>,
    schemas: Map<String, Value>,
    /// A counter making property and parameter names unique within the spec.
    fresh: usize,
}

impl Gen {
    fn plan_schemas(&mut self) {
        let kinds = [
            Kind::Object,
            Kind::Object,
            Kind::Object,
            Kind::AllOf,
            Kind::StringEnum,
            Kind::IntEnum,
            Kind::Untagged,
            Kind::Tagged,
            Kind::Array,
            Kind::Map,
        ];
        for i in 0..3 + self.rng.below(8) {
            // The first schema is an object so every reference has a target.
            let kind = if i == 0 {
                Kind::Object
            } else {
                self.rng.pick(&kinds)
            };
            let word = self.rng.pick(WORDS);
            let name = if self.names.iter().any(|n| n == word) {
                format!("{word}{i}")
            } else {
                word.to_owned()
            };
            self.kinds.push(kind);
            self.names.push(name);
        }
    }

    fn reference(&self, i: usize) -> Value {
        json!({"$ref": format!("#/components/schemas/{}", self.names[i])})
    }

    fn fresh_name(&mut self, words: &[&str]) -> String {
        self.fresh += 1;
        format!("{}{}", self.rng.pick(words), self.fresh)
    }

    fn is_struct(&self, i: usize) -> bool {
        matches!(self.kinds[i], Kind::Object | Kind::AllOf)
    }

    /// Component schema `i`. Only object fields refer forward (or to `i` itself): every cycle
    /// goes through an object field, as in a real recursive model.
    fn schema(&mut self, i: usize) -> Value {
        match self.kinds[i] {
            Kind::Object => {
                let count = 1 + self.rng.below(5);
                self.object(i, count)
            }
            Kind::AllOf => match (0..i).rfind(|&j| self.is_struct(j)) {
                Some(parent) => {
                    let count = 1 + self.rng.below(3);
                    let own = self.object(i, count);
                    json!({"allOf": [self.reference(parent), own]})
                }
                None => self.object(i, 2),
            },
            Kind::StringEnum => {
                let count = 1 + self.rng.below(5);
                let mut values: Vec<&str> =
                    (0..count).map(|_| self.rng.pick(ENUM_VALUES)).collect();
                values.dedup();
                json!({"type": "string", "enum": values})
            }
            Kind::IntEnum => {
                let values: Vec<i64> = (0..1 + self.rng.below(4) as i64)
                    .map(|v| v * 3 - 1)
                    .collect();
                json!({"type": "integer", "format": self.rng.pick(&["int32", "int64"]), "enum": values})
            }
            Kind::Untagged => self.untagged(i),
            Kind::Tagged => self.tagged(i),
            Kind::Array => json!({"type": "array", "items": self.field(i, 1, false)}),
            Kind::Map => json!({"type": "object", "additionalProperties": self.field(i, 1, false)}),
        }
    }

    fn object(&mut self, owner: usize, count: usize) -> Value {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for _ in 0..count {
            let name = self.fresh_name(FIELD_WORDS);
            properties.insert(name.clone(), self.field(owner, 0, true));
            if self.rng.chance(40) {
                required.push(name);
            }
        }
        let mut object = json!({"type": "object", "properties": properties});
        if !required.is_empty() {
            object["required"] = json!(required);
        }
        if self.rng.chance(10) {
            object["description"] = json!("An object with `*/` and \"quotes\" in its docs.");
        }
        object
    }

    /// A field's schema; `forward` lets a `$ref` name any struct, not only earlier schemas.
    fn field(&mut self, owner: usize, depth: usize, forward: bool) -> Value {
        let choice = self.rng.below(if depth < 2 { 12 } else { 7 });
        let mut schema = match choice {
            0 => json!({"type": "string"}),
            1 => {
                json!({"type": "string", "format": self.rng.pick(&["date-time", "date", "uuid", "byte", "email"])})
            }
            2 => json!({"type": "integer", "format": self.rng.pick(&["int32", "int64"])}),
            3 => json!({"type": "number", "format": self.rng.pick(&["float", "double"])}),
            4 => json!({"type": "boolean"}),
            5 => json!({"type": "integer"}),
            6 => json!({"type": "string", "enum": ["on", "off"]}),
            7 => json!({"type": "array", "items": self.field(owner, depth + 1, forward)}),
            8 => {
                json!({"type": "object", "additionalProperties": self.field(owner, depth + 1, forward)})
            }
            9 => {
                let name = self.fresh_name(FIELD_WORDS);
                json!({"type": "object", "properties": {name: self.field(owner, depth + 1, forward)}})
            }
            _ => return self.target(owner, forward),
        };
        if choice < 7 && self.rng.chance(20) {
            schema["nullable"] = json!(true);
        }
        schema
    }

    /// A `$ref` to an earlier schema, or with `forward` to any struct (itself included).
    fn target(&mut self, owner: usize, forward: bool) -> Value {
        let structs: Vec<usize> = (0..self.kinds.len())
            .filter(|&j| self.is_struct(j))
            .collect();
        if forward && self.rng.chance(50) {
            let j = self.rng.pick(&structs);
            return self.reference(j);
        }
        if owner == 0 {
            return json!({"type": "string"});
        }
        let j = self.rng.below(owner);
        self.reference(j)
    }

    /// `oneOf` of distinct kinds of value, so each variant decodes differently.
    fn untagged(&mut self, owner: usize) -> Value {
        let mut variants = vec![json!({"type": "string"})];
        if self.rng.chance(60) {
            variants.push(json!({"type": "integer", "format": "int64"}));
        }
        if self.rng.chance(50) {
            variants.push(json!({"type": "array", "items": {"type": "boolean"}}));
        }
        if let Some(j) = (0..owner).rfind(|&j| self.is_struct(j)) {
            variants.push(self.reference(j));
        }
        json!({"oneOf": variants})
    }

    /// `oneOf` of variant objects that each carry the tag, with or without a mapping.
    fn tagged(&mut self, owner: usize) -> Value {
        let tag = self.rng.pick(&["kind", "type", "eventType", "@type"]);
        let mut variants = Vec::new();
        let mut mapping = Map::new();
        for v in 0..1 + self.rng.below(3) {
            let name = format!("{}Variant{v}", self.names[owner]);
            let count = 1 + self.rng.below(2);
            let mut object = self.object(owner.saturating_sub(1), count);
            object["properties"][tag] = json!({"type": "string"});
            let mut required = object["required"].as_array().cloned().unwrap_or_default();
            required.push(json!(tag));
            object["required"] = Value::Array(required);
            let pointer = format!("#/components/schemas/{name}");
            mapping.insert(
                format!("{}.v{v}", self.names[owner].to_lowercase()),
                json!(pointer),
            );
            variants.push(json!({"$ref": pointer}));
            self.schemas.insert(name, object);
        }
        let mut discriminator = json!({"propertyName": tag});
        if self.rng.chance(50) {
            discriminator["mapping"] = Value::Object(mapping);
        }
        json!({"oneOf": variants, "discriminator": discriminator})
    }

    fn path_item(&mut self, k: usize) -> (String, Value) {
        let mut path = format!("/r{k}");
        let mut path_params = Vec::new();
        for _ in 0..self.rng.below(3) {
            let name = self.fresh_name(&["id", "itemId", "type", "self", "name"]);
            path.push_str(&format!("/{{{name}}}/s"));
            path_params.push(name);
        }
        let mut item = Map::new();
        let methods = ["get", "post", "put", "patch", "delete"];
        for _ in 0..1 + self.rng.below(3) {
            let method = self.rng.pick(&methods);
            if item.contains_key(method) {
                continue;
            }
            let operation = self.operation(method, &path_params);
            item.insert(method.to_owned(), operation);
        }
        (path, Value::Object(item))
    }

    fn operation(&mut self, method: &str, path_params: &[String]) -> Value {
        let mut parameters: Vec<Value> = path_params
            .iter()
            .map(|name| self.path_param(name))
            .collect();
        for _ in 0..self.rng.below(4) {
            let parameter = self.query_param();
            parameters.push(parameter);
        }
        for _ in 0..self.rng.below(2) {
            let name = self.fresh_name(&["X-Trace", "X-Request-Id", "If-Match"]);
            let schema = self.rng.pick(&[
                json!({"type": "string"}),
                json!({"type": "integer", "format": "int64"}),
                json!({"type": "array", "items": {"type": "string"}}),
            ]);
            parameters.push(json!({"name": name, "in": "header", "required": self.rng.chance(30), "schema": schema}));
        }
        let mut operation = json!({"parameters": parameters, "responses": self.responses()});
        if self.rng.chance(85) {
            operation["operationId"] = json!(self.fresh_name(&[
                "list",
                "getThing",
                "create_thing",
                "execute",
                "new",
                "clone",
                "send",
                "with_base_url",
                "attempt",
            ]));
        }
        if method != "get" && method != "delete" && self.rng.chance(75) {
            operation["requestBody"] = self.request_body();
        }
        operation
    }

    fn path_param(&mut self, name: &str) -> Value {
        let schema = match self.rng.below(4) {
            0 => json!({"type": "integer", "format": "int64"}),
            1 => json!({"type": "integer", "format": "int32"}),
            2 => json!({"type": "string", "enum": ["a", "b-c"]}),
            _ => json!({"type": "string"}),
        };
        let style = self.rng.pick(&["simple", "label", "matrix"]);
        json!({"name": name, "in": "path", "required": true, "style": style, "schema": schema})
    }

    fn query_param(&mut self) -> Value {
        let name = self.fresh_name(&["filter", "limit", "after", "type", "fields", "q"]);
        let strings = json!({"type": "array", "items": {"type": "string"}});
        let ints = json!({"type": "array", "items": {"type": "integer", "format": "int64"}});
        let object = json!({"type": "object", "properties": {"min": {"type": "integer"}, "label": {"type": "string"}}});
        let (style, explode, schema) = match self.rng.below(7) {
            0 => ("form", true, strings),
            1 => ("form", false, ints),
            2 => ("spaceDelimited", false, strings),
            3 => ("pipeDelimited", false, ints),
            4 => ("deepObject", true, object),
            5 => ("form", true, object),
            _ => (
                "form",
                true,
                self.rng.pick(&[
                    json!({"type": "string", "format": "date-time"}),
                    json!({"type": "boolean"}),
                    json!({"type": "number"}),
                    json!({"type": "integer", "enum": [1, 2]}),
                ]),
            ),
        };
        json!({"name": name, "in": "query", "required": self.rng.chance(20), "style": style, "explode": explode, "schema": schema})
    }

    fn request_body(&mut self) -> Value {
        let (media, schema) = match self.rng.below(5) {
            0 | 1 => {
                let j = self.rng.below(self.kinds.len());
                let schema = self.reference(j);
                (
                    "application/json",
                    if self.rng.chance(20) {
                        json!({"type": "array", "items": schema})
                    } else {
                        schema
                    },
                )
            }
            2 => {
                let name = self.fresh_name(&["username", "scope", "count"]);
                (
                    "application/x-www-form-urlencoded",
                    json!({
                        "type": "object",
                        "required": [name],
                        "properties": {name: {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}, "n": {"type": "integer"}},
                    }),
                )
            }
            3 => (
                "multipart/form-data",
                json!({
                    "type": "object",
                    "required": ["file"],
                    "properties": {
                        "file": {"type": "string", "format": "binary"},
                        "title": {"type": "string"},
                        "parts": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    },
                }),
            ),
            _ => (
                "application/octet-stream",
                json!({"type": "string", "format": "binary"}),
            ),
        };
        json!({"required": self.rng.chance(70), "content": {media: {"schema": schema}}})
    }

    fn responses(&mut self) -> Value {
        let mut responses = Map::new();
        let statuses = ["200", "201", "202", "204", "207", "404", "default"];
        for n in 0..1 + self.rng.below(3) {
            // The first is a success: an operation needs one.
            let status = self.rng.pick(&statuses[..if n == 0 { 5 } else { 7 }]);
            let response = match self.rng.below(5) {
                0 => json!({"description": "Nothing."}),
                1 => {
                    json!({"description": "Bytes.", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}})
                }
                _ => {
                    let j = self.rng.below(self.kinds.len());
                    json!({"description": "A value.", "content": {"application/json": {"schema": self.reference(j)}}})
                }
            };
            responses.insert(status.to_owned(), response);
        }
        Value::Object(responses)
    }
}
