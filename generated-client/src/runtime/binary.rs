//! [`Binary`]: the value of a `format: binary` string — a file's bytes with, optionally, the
//! file name and media type a multipart upload sends with it.

use bytes::Bytes;

/// Bytes of a file or blob, as uploaded in a `multipart/form-data` part.
///
/// Inside a JSON document a binary value is a string; it is written and read as that string's
/// UTF-8 bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Binary {
    /// The content.
    pub bytes: Bytes,
    /// The file name a multipart part announces (`filename=`).
    pub file_name: Option<String>,
    /// The media type a multipart part announces (default `application/octet-stream`).
    pub content_type: Option<String>,
}

impl Binary {
    /// Content without a file name or media type.
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        Binary {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name sent with a multipart part.
    #[must_use]
    pub fn file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// Sets the media type sent with a multipart part.
    #[must_use]
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }
}

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Binary::new(bytes)
    }
}

impl From<Bytes> for Binary {
    fn from(bytes: Bytes) -> Self {
        Binary::new(bytes)
    }
}

impl From<&'static [u8]> for Binary {
    fn from(bytes: &'static [u8]) -> Self {
        Binary::new(bytes)
    }
}

impl serde::Serialize for Binary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(&self.bytes) {
            Ok(text) => serializer.serialize_str(text),
            Err(_) => Err(serde::ser::Error::custom(
                "binary content that is not UTF-8 cannot be written into a JSON string",
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Binary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|text| Binary::new(text.into_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_form_is_the_utf8_string() {
        let value = Binary::new(b"hello".to_vec()).file_name("a.txt");
        assert_eq!(serde_json::to_string(&value).unwrap(), "\"hello\"");
        let back: Binary = serde_json::from_str("\"hello\"").unwrap();
        assert_eq!(back, Binary::new(&b"hello"[..]));
        assert!(serde_json::to_string(&Binary::new(vec![0xff])).is_err());
    }
}
