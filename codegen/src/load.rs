//! Stage 1 — load: read a YAML or JSON file into an [`openapiv3::OpenAPI`].

use std::path::Path;

use crate::error::{Error, Location};

/// A parsed spec together with its raw YAML tree, which keeps what the typed model drops
/// (such as a `description` written beside a `$ref`).
#[derive(Debug, Clone)]
pub struct Document {
    /// The typed OpenAPI model.
    pub spec: openapiv3::OpenAPI,
    /// The same document as a plain YAML tree.
    pub raw: serde_yaml::Value,
}

/// Reads and parses the spec at `path`, keeping its raw tree too. The text is parsed once, into
/// the raw tree, and the typed model is read from that tree; only a spec that does not fit the
/// model is parsed again, for an error with its line and column.
pub fn load_document(path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    let raw: serde_yaml::Value = serde_yaml::from_str(&text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        location: Location(e.location().map(|l| (l.line(), l.column()))),
        message: e.to_string(),
    })?;
    let spec = match serde_yaml::from_value::<openapiv3::OpenAPI>(raw.clone()) {
        Ok(spec) => check_version(path, spec)?,
        Err(_) => parse(path, &text)?,
    };
    Ok(Document { spec, raw })
}

/// Reads and parses the spec at `path`. Errors name the file and, where the parser knows it,
/// the line and column.
pub fn load(path: &Path) -> Result<openapiv3::OpenAPI, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    parse(path, &text)
}

/// Parses spec text; `path` is only used in error messages.
pub fn parse(path: &Path, text: &str) -> Result<openapiv3::OpenAPI, Error> {
    let parse_error = |location: Location, message: String| Error::Parse {
        path: path.to_owned(),
        location,
        message,
    };
    let spec: openapiv3::OpenAPI = serde_yaml::from_str(text).map_err(|e| {
        let location = Location(e.location().map(|l| (l.line(), l.column())));
        parse_error(location, e.to_string())
    })?;
    check_version(path, spec)
}

/// `spec` if it is OpenAPI 3.0.x.
fn check_version(path: &Path, spec: openapiv3::OpenAPI) -> Result<openapiv3::OpenAPI, Error> {
    if !spec.openapi.starts_with("3.0") {
        return Err(Error::Parse {
            path: path.to_owned(),
            location: Location::default(),
            message: format!(
                "unsupported OpenAPI version `{}`: expected 3.0.x",
                spec.openapi
            ),
        });
    }
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_column_of_a_type_error() {
        let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a: 7\n";
        let err = parse(Path::new("spec.yaml"), text).unwrap_err().to_string();
        assert!(err.starts_with("spec.yaml:6:"), "{err}");
    }

    #[test]
    fn rejects_other_versions() {
        let text = "openapi: 2.0.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";
        let err = parse(Path::new("s.yaml"), text).unwrap_err().to_string();
        assert!(err.contains("expected 3.0.x"), "{err}");
    }

    #[test]
    fn reports_missing_file() {
        let err = load(Path::new("/nonexistent/spec.yaml")).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("cannot read /nonexistent/spec.yaml"));
    }
}
