//! Serde helpers the generated models call: string enums that keep unknown values, and tagged
//! unions (see [`TaggedUnion`]) that keep unknown tags but reject a known tag with a malformed
//! body.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

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
