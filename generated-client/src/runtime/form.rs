//! `application/x-www-form-urlencoded` request bodies (feature `form`).
//!
//! Only generated code of a spec whose operations send such bodies calls it, so a crate built
//! with the feature but without such operations leaves it unused.
#![allow(dead_code)]

use serde::Serialize;
use serde_json::Value;

use super::body::scalar_text;
use super::Error;

/// Encodes an object as `application/x-www-form-urlencoded`: one pair per property, arrays
/// repeated (`explode`), nested objects as JSON text, `null` and absent properties left out.
pub(crate) fn form_urlencoded<T: Serialize + ?Sized>(body: &T) -> Result<String, Error> {
    let value = serde_json::to_value(body)
        .map_err(|e| Error::InvalidArgument(format!("form body does not serialize: {e}")))?;
    let Value::Object(properties) = value else {
        return Err(Error::InvalidArgument(
            "a form body must be an object".to_owned(),
        ));
    };
    let mut form = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &properties {
        match value {
            Value::Array(items) => {
                for item in items {
                    form.append_pair(name, &scalar_text(item));
                }
            }
            Value::Null => {}
            other => {
                form.append_pair(name, &scalar_text(other));
            }
        }
    }
    Ok(form.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn form_repeats_arrays_and_skips_nulls() {
        let body = serde_json::json!({
            "name": "a b&c",
            "tags": ["x", "y"],
            "count": 3,
            "missing": null,
            "nested": {"k": 1}
        });
        assert_eq!(
            form_urlencoded(&body).unwrap(),
            "count=3&name=a+b%26c&nested=%7B%22k%22%3A1%7D&tags=x&tags=y"
        );
        assert!(form_urlencoded(&3).is_err());
    }
}
