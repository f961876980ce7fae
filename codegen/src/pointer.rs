//! JSON pointers (RFC 6901) naming nodes of the spec, used in every error and IR node.

/// A JSON pointer under construction, always starting at the document root (`#`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pointer(String);

impl Pointer {
    /// The document root, `#`.
    pub fn root() -> Self {
        Pointer("#".to_owned())
    }

    /// Parses a local `$ref` such as `#/components/schemas/Thread`.
    pub fn from_ref(reference: &str) -> Option<Self> {
        reference
            .starts_with("#/")
            .then(|| Pointer(reference.to_owned()))
    }

    /// This pointer extended by one segment, escaping `~` and `/` as RFC 6901 requires.
    pub fn push(&self, segment: impl AsRef<str>) -> Self {
        let segment = segment.as_ref();
        let mut text = String::with_capacity(self.0.len() + 1 + segment.len());
        text.push_str(&self.0);
        text.push('/');
        if segment.contains(['~', '/']) {
            text.push_str(&segment.replace('~', "~0").replace('/', "~1"));
        } else {
            text.push_str(segment);
        }
        Pointer(text)
    }

    /// The pointer's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last segment, unescaped.
    pub fn last(&self) -> Option<String> {
        let (_, last) = self.0.rsplit_once('/')?;
        Some(last.replace("~1", "/").replace("~0", "~"))
    }
}

impl std::fmt::Display for Pointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Pointer;

    #[test]
    fn escapes_slashes_and_tildes() {
        let p = Pointer::root().push("paths").push("/a/{b}~c").push("get");
        assert_eq!(p.as_str(), "#/paths/~1a~1{b}~0c/get");
        assert_eq!(p.last().as_deref(), Some("get"));
        assert_eq!(
            Pointer::root().push("x~1/y").last().as_deref(),
            Some("x~1/y")
        );
    }
}
