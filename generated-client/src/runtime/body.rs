//! Shared text forms of body and query values.

use serde_json::Value;

/// The text of a form or query value: strings as they are, other scalars in JSON notation,
/// arrays and objects as JSON text.
#[allow(dead_code)] // Used by object query parameters and form bodies only.
pub(crate) fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
