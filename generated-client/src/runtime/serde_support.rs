//! Serde helpers the generated models call: string enums that keep unknown values, and tagged
//! unions that keep unknown tags but reject a known tag with a malformed body.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// Deserializes a string into an enum through its `From<&str>` (which maps unknown values to
/// `Unknown`).
pub fn deserialize_str_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct StrVisitor<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str>> Visitor<'_> for StrVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok(T::from(value))
        }
    }

    deserializer.deserialize_str(StrVisitor(PhantomData))
}

/// Deserializes a union tagged by the string property `tag`. `known` decodes the variant for a
/// tag it knows, or hands the value back for an unknown tag, which `unknown` then keeps.
pub fn deserialize_tagged<'de, D, T>(
    deserializer: D,
    tag: &'static str,
    known: impl FnOnce(&str, Value) -> Result<Result<T, serde_json::Error>, Value>,
    unknown: fn(Value) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let mut value = Value::deserialize(deserializer)?;
    let Value::Object(map) = &mut value else {
        return Err(de::Error::custom(format_args!(
            "expected an object with a `{tag}` property, found {value}"
        )));
    };
    // Like serde's internally tagged enums, a variant decodes the body without its tag (so a
    // variant keeping unknown keys does not hold the tag twice); `Unknown` keeps it whole.
    let name = match map.remove(tag) {
        Some(Value::String(name)) => name,
        Some(other) => {
            return Err(de::Error::custom(format_args!(
                "`{tag}` must be a string, found {other}"
            )))
        }
        None => return Err(de::Error::missing_field(tag)),
    };
    match known(&name, value) {
        Ok(Ok(decoded)) => Ok(decoded),
        Ok(Err(e)) => Err(de::Error::custom(format_args!("{e} (in `{tag}: {name}`)"))),
        Err(mut value) => {
            if let Value::Object(map) = &mut value {
                map.insert(tag.to_owned(), Value::String(name));
            }
            Ok(unknown(value))
        }
    }
}

/// Decodes a variant body from the buffered value. A failure's message starts with the path of
/// the failing field inside the variant (`` at `createdAt`: … ``), so the caller's decode error
/// can name the full path even though the body went through a `Value`.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, serde_json::Error> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        let (full, message) = match split_path(&inner) {
            Some((deeper, rest)) => (join_path(&path, deeper), rest.to_owned()),
            None => (path, inner),
        };
        de::Error::custom(format_args!("at `{full}`: {message}"))
    })
}

/// Splits `` at `path`: message `` into its path and message.
pub(crate) fn split_path(message: &str) -> Option<(&str, &str)> {
    let rest = message.strip_prefix("at `")?;
    let (path, rest) = rest.split_once("`: ")?;
    Some((path, rest))
}

/// `outer` followed by `inner` (`results[0]` + `createdAt` → `results[0].createdAt`).
pub(crate) fn join_path(outer: &str, inner: &str) -> String {
    match (outer, inner) {
        (".", inner) | ("", inner) => inner.to_owned(),
        (outer, ".") | (outer, "") => outer.to_owned(),
        (outer, inner) if inner.starts_with('[') => format!("{outer}{inner}"),
        (outer, inner) => format!("{outer}.{inner}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_split() {
        assert_eq!(join_path("results[0]", "createdAt"), "results[0].createdAt");
        assert_eq!(join_path("results", "[2].id"), "results[2].id");
        assert_eq!(join_path(".", "id"), "id");
        assert_eq!(split_path("at `a.b[1]`: bad"), Some(("a.b[1]", "bad")));
        assert_eq!(split_path("bad"), None);
    }
}
