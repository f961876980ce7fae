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

/// Reads and parses the spec at `path`, keeping its raw tree too.
pub fn load_document(path: &Path) -> Result<Document, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_document(path, &text)
}

/// Parses spec text, keeping its raw tree too; `path` names it in error messages (a file, or
/// e.g. `HEAD:spec.yaml` for text read from git).
pub fn parse_document(path: &Path, text: &str) -> Result<Document, Error> {
    let spec = parse(path, text)?;
    let raw = serde_yaml::from_str(text).map_err(|e| Error::Parse {
        path: path.to_owned(),
        location: Location(e.location().map(|l| (l.line(), l.column()))),
        message: e.to_string(),
    })?;
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
    if !spec.openapi.starts_with("3.0") {
        return Err(parse_error(
            Location::default(),
            format!(
                "unsupported OpenAPI version `{}`: expected 3.0.x",
                spec.openapi
            ),
        ));
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
