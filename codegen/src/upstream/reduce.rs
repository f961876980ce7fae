//! Reducing a published spec to its wire facts, so a vendor's file can be checked in without
//! its prose: by position in the OpenAPI structure ([`grammar`](super::grammar)), never by key
//! name alone, so a field or parameter *named* `description` or `title` stays.
//!
//! Removed: `description`, `summary`, `example`, `examples` and `externalDocs` wherever they are
//! OpenAPI keywords; schema `title` and `$comment`; `info` down to its `title` and `version` (a
//! name and a version, not prose; contact, licence and terms go); tag descriptions;
//! `components/examples`; every `x-` extension. Blanked (kept as `""`, because OpenAPI
//! requires them): response descriptions and OAuth scope descriptions. Everything else is kept
//! as it is. The output is pretty JSON with keys in sorted order, so it is byte-identical for
//! the same input.

use serde_json::{Map, Value};

use super::document::Document;
use super::grammar::{self, Node, Slot};

/// `doc` without its prose, as pretty JSON ending in a newline.
pub fn reduce(doc: &Document) -> String {
    let reduced = node(Node::Document, &doc.root);
    let mut text = serde_json::to_string_pretty(&reduced).unwrap_or_default();
    text.push('\n');
    text
}

/// The reduced copy of an object of kind `kind` (a non-object value is kept as it is).
fn node(kind: Node, value: &Value) -> Value {
    match value {
        Value::Object(object) => {
            // Beside a `$ref`, no prose is required.
            let reference = object.contains_key("$ref");
            let mut out = Map::new();
            for (key, child) in object {
                let reduced = match grammar::slot(kind, key) {
                    Slot::Node(child_kind) => Some(node(child_kind, child)),
                    Slot::Map(child_kind) => Some(map(child_kind, child)),
                    Slot::List(child_kind) => Some(list(child_kind, child)),
                    Slot::Prose | Slot::Extension => None,
                    Slot::RequiredProse if reference => None,
                    Slot::RequiredProse => Some(Value::String(String::new())),
                    Slot::Scopes => Some(blank_values(child)),
                    Slot::Data | Slot::Wire => Some(child.clone()),
                };
                if let Some(reduced) = reduced {
                    out.insert(key.clone(), reduced);
                }
            }
            Value::Object(out)
        }
        // A schema's `items` may be a list of schemas (tuple validation).
        Value::Array(_) if kind == Node::Schema => list(kind, value),
        other => other.clone(),
    }
}

fn map(kind: Node, value: &Value) -> Value {
    match value {
        Value::Object(entries) => Value::Object(
            entries
                .iter()
                .map(|(name, entry)| (name.clone(), node(kind, entry)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn list(kind: Node, value: &Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.iter().map(|item| node(kind, item)).collect()),
        other => other.clone(),
    }
}

/// OAuth scopes: the names stay, their descriptions become `""`.
fn blank_values(value: &Value) -> Value {
    match value {
        Value::Object(scopes) => Value::Object(
            scopes
                .keys()
                .map(|name| (name.clone(), Value::String(String::new())))
                .collect(),
        ),
        other => other.clone(),
    }
}
