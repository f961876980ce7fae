//! Serde helpers the generated models call: string enums that keep unknown values, and tagged
//! unions (see [`TaggedUnion`]) that keep unknown tags but reject a known tag with a malformed
//! body.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

#[allow(unused_imports)] // Used by specs with tagged unions only.
pub use super::tagged::{deserialize_tagged, TaggedUnion, VariantBody};

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

/// Deserializes an id's text from a JSON string or integer (HubSpot writes some ids as numbers).
pub fn deserialize_id<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    struct IdVisitor;

    impl Visitor<'_> for IdVisitor {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an id (a string or an integer)")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<String, E> {
            Ok(value.to_owned())
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<String, E> {
            Ok(value)
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<String, E> {
            Ok(value.to_string())
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<String, E> {
            Ok(value.to_string())
        }
    }

    deserializer.deserialize_any(IdVisitor)
}

/// Serializes an id whose JSON form is an integer; an id whose text is not one is an error.
/// Generated code calls it only for specs with such id kinds.
#[allow(dead_code)]
pub fn serialize_integer_id<S: serde::Serializer>(
    id: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match id.parse::<i64>() {
        Ok(number) => serializer.serialize_i64(number),
        Err(_) => match id.parse::<u64>() {
            Ok(number) => serializer.serialize_u64(number),
            Err(_) => Err(serde::ser::Error::custom(format!(
                "id `{id}` is written as a JSON integer but is not one"
            ))),
        },
    }
}

/// The JSON path of the value in `body` that does not decode as `T` (`.` when it decodes): a
/// second, path-tracking pass, run only after a failure. Entries a tagged union buffered (those
/// before its tag) lead their message with their own path (see `runtime/tagged.rs`).
pub(crate) fn failure_path<T: serde::de::DeserializeOwned>(body: &[u8]) -> String {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => match split_path(&e.inner().to_string()) {
            Some((inner, _)) => join_path(&e.path().to_string(), inner),
            None => e.path().to_string(),
        },
        Ok(_) => String::from("."),
    }
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
