//! `multipart/form-data` request bodies (feature `multipart`).
//!
//! Only generated code of a spec whose operations send such bodies calls it, so a crate built
//! with the feature but without such operations leaves it unused.
#![allow(dead_code)]

use std::hash::{Hash, Hasher};

use bytes::{BufMut, Bytes, BytesMut};
use serde::Serialize;

use super::{Binary, Error, ParamValue};

/// A `multipart/form-data` body under construction.
#[derive(Debug, Clone, Default)]
pub(crate) struct Multipart {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
struct Part {
    name: String,
    file_name: Option<String>,
    content_type: Option<String>,
    data: Bytes,
}

impl Multipart {
    /// An empty body.
    pub fn new() -> Self {
        Multipart::default()
    }

    /// Adds a text part.
    pub fn text<T: ParamValue + ?Sized>(&mut self, name: &str, value: &T) {
        self.push(name, None, None, Bytes::from(value.to_param().into_owned()));
    }

    /// Adds a part holding `value` as JSON.
    pub fn json<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(value).map_err(|e| {
            Error::InvalidArgument(format!("multipart part `{name}` does not serialize: {e}"))
        })?;
        self.push(
            name,
            None,
            Some("application/json".to_owned()),
            Bytes::from(bytes),
        );
        Ok(())
    }

    /// Adds a file part.
    pub fn file(&mut self, name: &str, file: &Binary) {
        let file_name = Some(file.file_name.clone().unwrap_or_else(|| name.to_owned()));
        let content_type = Some(
            file.content_type
                .clone()
                .unwrap_or_else(|| "application/octet-stream".to_owned()),
        );
        self.push(name, file_name, content_type, file.bytes.clone());
    }

    fn push(
        &mut self,
        name: &str,
        file_name: Option<String>,
        content_type: Option<String>,
        data: Bytes,
    ) {
        self.parts.push(Part {
            name: name.to_owned(),
            file_name,
            content_type,
            data,
        });
    }

    /// The `Content-Type` header value and the encoded body. The boundary is derived from the
    /// content (so the same body always encodes the same way) and never occurs inside it.
    pub fn encode(&self) -> (String, Bytes) {
        let boundary = self.boundary();
        let mut out = BytesMut::new();
        for part in &self.parts {
            out.put_slice(b"--");
            out.put_slice(boundary.as_bytes());
            out.put_slice(b"\r\nContent-Disposition: form-data; name=\"");
            out.put_slice(quote(&part.name).as_bytes());
            out.put_slice(b"\"");
            if let Some(file_name) = &part.file_name {
                out.put_slice(b"; filename=\"");
                out.put_slice(quote(file_name).as_bytes());
                out.put_slice(b"\"");
            }
            out.put_slice(b"\r\n");
            if let Some(content_type) = &part.content_type {
                out.put_slice(b"Content-Type: ");
                out.put_slice(strip_line_breaks(content_type).as_bytes());
                out.put_slice(b"\r\n");
            }
            out.put_slice(b"\r\n");
            out.put_slice(&part.data);
            out.put_slice(b"\r\n");
        }
        out.put_slice(b"--");
        out.put_slice(boundary.as_bytes());
        out.put_slice(b"--\r\n");
        (
            format!("multipart/form-data; boundary={boundary}"),
            out.freeze(),
        )
    }

    fn boundary(&self) -> String {
        let mut salt = 0u64;
        loop {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut hasher);
            for part in &self.parts {
                part.name.hash(&mut hasher);
                part.data.hash(&mut hasher);
            }
            let boundary = format!("rust-client-boundary-{:016x}", hasher.finish());
            let clashes = self.parts.iter().any(|p| {
                contains(&p.data, boundary.as_bytes())
                    || p.name.contains(&boundary)
                    || p.file_name
                        .as_deref()
                        .is_some_and(|f| f.contains(&boundary))
            });
            if !clashes {
                return boundary;
            }
            salt += 1;
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Escapes a name for a quoted header parameter (RFC 7578: `"` and line breaks percent-encoded).
fn quote(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn strip_line_breaks(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn multipart_encodes_text_json_and_file_parts() {
        let mut form = Multipart::new();
        form.text("title", "hello");
        form.json("meta", &serde_json::json!({"a": 1})).unwrap();
        form.file(
            "file",
            &Binary::new(&b"\x00\x01"[..])
                .file_name("a\"b.bin")
                .content_type("image/png"),
        );
        let (content_type, body) = form.encode();
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap();
        let expected = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"a\":1}}\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a%22b.bin\"\r\nContent-Type: image/png\r\n\r\n\x00\x01\r\n\
             --{b}--\r\n",
            b = boundary
        );
        assert_eq!(std::str::from_utf8(&body).unwrap(), expected);
        // The same content always gets the same boundary.
        assert_eq!(form.encode().0, content_type);
    }

    #[test]
    fn boundary_only_delimits() {
        let mut form = Multipart::new();
        form.text("a", "rust-client-boundary-");
        form.file("b", &Binary::new(vec![b'-'; 64]));
        let (content_type, body) = form.encode();
        let boundary = content_type.rsplit('=').next().unwrap();
        let occurrences = body
            .windows(boundary.len())
            .filter(|w| *w == boundary.as_bytes())
            .count();
        assert_eq!(occurrences, 3, "two part delimiters and the closing one");
    }
}
