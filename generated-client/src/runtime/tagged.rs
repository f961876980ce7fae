//! Tagged unions decoded in one pass: the object's entries stream into the variant's own
//! deserializer, so a union costs no more than its variant. Only entries written before the tag
//! (HubSpot writes the tag first) are buffered, and an unknown tag's object is kept whole.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use super::serde_support::{join_path, split_path};

/// A union tagged by a string property; generated unions implement it and call
/// [`deserialize_tagged`] from their `Deserialize`.
pub trait TaggedUnion: Sized {
    /// The tag property, e.g. `type`.
    const TAG: &'static str;

    /// Decodes the variant named `tag` from `body`, or keeps an unknown tag's object whole
    /// ([`VariantBody::unknown`]).
    fn decode_variant<'de, A: MapAccess<'de>>(
        tag: &str,
        body: VariantBody<'_, 'de, A>,
    ) -> Result<Self, A::Error>;
}

/// Deserializes a [`TaggedUnion`] from an object: finds the tag, then decodes the rest of the
/// object as the tagged variant without buffering it.
pub fn deserialize_tagged<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: TaggedUnion,
{
    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

/// The object of a tagged union, past its tag: what the variant decodes.
pub struct VariantBody<'a, 'de, A> {
    tag: &'static str,
    name: &'a str,
    before: Vec<(String, Value)>,
    rest: A,
    marker: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> VariantBody<'_, 'de, A> {
    /// Decodes the object, without its tag, as `T`; a failure names the variant.
    pub fn decode<T: Deserialize<'de>>(self) -> Result<T, A::Error> {
        let (tag, name) = (self.tag, self.name);
        let entries = Entries {
            before: self.before.into_iter(),
            value: None,
            rest: self.rest,
            marker: PhantomData,
        };
        T::deserialize(MapAccessDeserializer::new(entries))
            .map_err(|e| de::Error::custom(format_args!("{e} (in `{tag}: {name}`)")))
    }

    /// The whole object, tag included, for a tag this client does not know.
    pub fn unknown(mut self) -> Result<Value, A::Error> {
        let mut object: Map<String, Value> = self.before.into_iter().collect();
        object.insert(self.tag.to_owned(), Value::String(self.name.to_owned()));
        while let Some((key, value)) = self.rest.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

struct UnionVisitor<T>(PhantomData<T>);

impl<'de, T: TaggedUnion> Visitor<'de> for UnionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `{}` property", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut before = Vec::new();
        let name = loop {
            let Some(Text(key)) = map.next_key::<Text<'de>>()? else {
                return Err(de::Error::missing_field(T::TAG));
            };
            if key == T::TAG {
                break map.next_value::<Text<'de>>()?.0;
            }
            before.push((key.into_owned(), map.next_value::<Value>()?));
        };
        let body = VariantBody {
            tag: T::TAG,
            name: &name,
            before,
            rest: map,
            marker: PhantomData,
        };
        T::decode_variant(&name, body)
    }
}

/// A string, borrowed from the input when the input allows it.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(value)))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(value.to_owned())))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(value)))
            }
        }

        deserializer.deserialize_str(TextVisitor)
    }
}

/// The entries buffered before the tag, then the rest of the object as it streams in.
struct Entries<'de, A> {
    before: std::vec::IntoIter<(String, Value)>,
    value: Option<(String, Value)>,
    rest: A,
    marker: PhantomData<&'de ()>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Entries<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.before.next() {
            Some((key, value)) => {
                let decoded = seed.deserialize(StrDeserializer::<A::Error>::new(&key))?;
                self.value = Some((key, value));
                Ok(Some(decoded))
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some((key, value)) => buffered(seed, &key, value),
            None => self.rest.next_value_seed(seed),
        }
    }
}

/// Decodes a buffered entry. The outer decoder cannot see inside a buffered value, so a failure's
/// message leads with the failing field's path (`` at `createdAt`: … ``), which
/// [`super::Response::json`] joins to the path it tracked.
fn buffered<'de, V: DeserializeSeed<'de>, E: de::Error>(
    seed: V,
    key: &str,
    value: Value,
) -> Result<V::Value, E> {
    let mut track = serde_path_to_error::Track::new();
    let result = seed.deserialize(serde_path_to_error::Deserializer::new(value, &mut track));
    result.map_err(|e| {
        let path = join_path(key, &track.path().to_string());
        let inner = e.to_string();
        let (full, message) = match split_path(&inner) {
            Some((deeper, rest)) => (join_path(&path, deeper), rest),
            None => (path, inner.as_str()),
        };
        E::custom(format_args!("at `{full}`: {message}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Point {
        x: i32,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Label {
        text: String,
    }

    #[derive(Debug, PartialEq)]
    enum Shape {
        Point(Point),
        Label(Label),
        Unknown(Value),
    }

    impl TaggedUnion for Shape {
        const TAG: &'static str = "kind";

        fn decode_variant<'de, A: MapAccess<'de>>(
            tag: &str,
            body: VariantBody<'_, 'de, A>,
        ) -> Result<Self, A::Error> {
            Ok(match tag {
                "POINT" => Shape::Point(body.decode()?),
                "LABEL" => Shape::Label(body.decode()?),
                _ => Shape::Unknown(body.unknown()?),
            })
        }
    }

    impl<'de> Deserialize<'de> for Shape {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserialize_tagged(deserializer)
        }
    }

    fn path_error(text: &str) -> (String, String) {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let err = serde_path_to_error::deserialize::<_, Vec<Shape>>(&mut deserializer).unwrap_err();
        (err.path().to_string(), err.inner().to_string())
    }

    #[test]
    fn the_tag_may_stand_anywhere() {
        for text in [
            r#"{"kind":"POINT","x":3}"#,
            r#"{"x":3,"kind":"POINT"}"#,
            r#"{"x":3,"kind":"POINT","extra":[1]}"#,
        ] {
            let shape: Shape = serde_json::from_str(text).unwrap();
            assert_eq!(shape, Shape::Point(Point { x: 3 }), "{text}");
            let from_value: Shape = serde_json::from_str::<Value>(text)
                .and_then(serde_json::from_value)
                .unwrap();
            assert_eq!(from_value, shape, "{text}");
        }
    }

    #[test]
    fn an_unknown_tag_keeps_the_whole_object() {
        let shape: Shape = serde_json::from_str(r#"{"a":1,"kind":"CIRCLE","r":2}"#).unwrap();
        assert_eq!(
            shape,
            Shape::Unknown(json!({"a": 1, "kind": "CIRCLE", "r": 2}))
        );
    }

    #[test]
    fn a_missing_or_non_string_tag_is_an_error() {
        let err = serde_json::from_str::<Shape>(r#"{"x":1}"#).unwrap_err();
        assert!(err.to_string().contains("missing field `kind`"), "{err}");
        let err = serde_json::from_str::<Shape>(r#"{"kind":7,"x":1}"#).unwrap_err();
        assert!(err.to_string().contains("expected a string"), "{err}");
        let err = serde_json::from_str::<Shape>("[1]").unwrap_err();
        assert!(err.to_string().contains("an object with a `kind`"), "{err}");
    }

    #[test]
    fn a_streamed_variant_error_is_tracked_by_the_outer_path() {
        let (path, message) =
            path_error(r#"[{"kind":"LABEL","text":"a"},{"kind":"POINT","x":"no"}]"#);
        assert_eq!(path, "[1].x");
        assert!(message.contains("(in `kind: POINT`)"), "{message}");
    }

    #[test]
    fn a_buffered_entry_error_leads_with_its_own_path() {
        let (path, message) = path_error(r#"[{"x":"no","kind":"POINT"}]"#);
        assert_eq!(path, "[0]");
        let (inner, rest) = split_path(&message).unwrap();
        assert_eq!(inner, "x");
        assert!(rest.contains("(in `kind: POINT`)"), "{message}");
    }
}
