//! Did decoding keep what the server sent? The decoded value is encoded again and compared with
//! the received JSON. Instants are compared as instants (`…:03.0Z` equals `…:03Z`) and a `null`
//! counts as an absent field.

use serde_json::{Map, Value};

/// How strictly the re-encoded value must match the received one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Same fields, same values: the server sends only fields the spec declares (Prism's static
    /// examples), so a missing field is one the client dropped.
    Exact,
    /// Every re-encoded field was received with the same value; the server may have sent more
    /// (Prism's dynamic responses add undeclared properties).
    Subset,
}

/// The first difference between `received` and `reencoded`, as `path: what`.
pub fn difference(received: &Value, reencoded: &Value, mode: Match) -> Option<String> {
    compare("$", received, reencoded, mode)
}

fn compare(path: &str, received: &Value, reencoded: &Value, mode: Match) -> Option<String> {
    match (received, reencoded) {
        (Value::Object(got), Value::Object(kept)) => compare_objects(path, got, kept, mode),
        (Value::Array(got), Value::Array(kept)) => {
            if got.len() != kept.len() {
                return Some(format!(
                    "{path}: {} items received, {} after decoding",
                    got.len(),
                    kept.len()
                ));
            }
            got.iter()
                .zip(kept)
                .enumerate()
                .find_map(|(i, (g, k))| compare(&format!("{path}[{i}]"), g, k, mode))
        }
        (Value::Number(got), Value::Number(kept)) => {
            let same = match (got.as_i64(), kept.as_i64()) {
                (Some(a), Some(b)) => a == b,
                _ => got.as_f64() == kept.as_f64(),
            };
            (!same).then(|| format!("{path}: received {got}, decoded as {kept}"))
        }
        (Value::String(got), Value::String(kept)) if same_instant(got, kept) => None,
        _ if received == reencoded => None,
        _ => Some(format!(
            "{path}: received {}, decoded as {}",
            short(received),
            short(reencoded)
        )),
    }
}

fn compare_objects(
    path: &str,
    received: &Map<String, Value>,
    reencoded: &Map<String, Value>,
    mode: Match,
) -> Option<String> {
    for (key, kept) in reencoded {
        let here = format!("{path}.{key}");
        match received.get(key) {
            Some(got) if !got.is_null() => {
                if let Some(problem) = compare(&here, got, kept, mode) {
                    return Some(problem);
                }
            }
            _ if kept.is_null() => {}
            _ => {
                return Some(format!(
                    "{here}: not received, but decoded as {}",
                    short(kept)
                ))
            }
        }
    }
    if mode == Match::Exact {
        let dropped = received
            .iter()
            .find(|(key, value)| !value.is_null() && !reencoded.contains_key(*key));
        if let Some((key, value)) = dropped {
            return Some(format!(
                "{path}.{key}: received {}, lost in decoding",
                short(value)
            ));
        }
    }
    None
}

fn same_instant(a: &str, b: &str) -> bool {
    match (
        chrono::DateTime::parse_from_rfc3339(a),
        chrono::DateTime::parse_from_rfc3339(b),
    ) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    match text.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_values_and_equal_instants_match() {
        let got = json!({"at": "1941-09-28T03:52:03.0Z", "n": [1, 2.5], "gone": null});
        let kept = json!({"at": "1941-09-28T03:52:03Z", "n": [1, 2.5]});
        assert_eq!(difference(&got, &kept, Match::Exact), None);
    }

    #[test]
    fn a_dropped_field_fails_only_an_exact_match() {
        let got = json!({"id": "1", "extra": {"x": 1}});
        let kept = json!({"id": "1"});
        assert_eq!(difference(&got, &kept, Match::Subset), None);
        let problem = difference(&got, &kept, Match::Exact).unwrap();
        assert!(problem.starts_with("$.extra: received"), "{problem}");
    }

    #[test]
    fn changed_or_invented_values_fail_both_matches() {
        for mode in [Match::Exact, Match::Subset] {
            let problem = difference(&json!({"a": [{"b": 1}]}), &json!({"a": [{"b": 2}]}), mode);
            assert_eq!(
                problem.as_deref(),
                Some("$.a[0].b: received 1, decoded as 2")
            );
            let problem = difference(&json!({}), &json!({"c": []}), mode);
            assert_eq!(
                problem.as_deref(),
                Some("$.c: not received, but decoded as []")
            );
            let problem = difference(&json!([1, 2]), &json!([1]), mode);
            assert_eq!(
                problem.as_deref(),
                Some("$: 2 items received, 1 after decoding")
            );
            let problem = difference(
                &json!("2020-01-01T00:00:00Z"),
                &json!("2020-01-01T00:00:01Z"),
                mode,
            );
            assert!(problem.is_some());
        }
    }
}
