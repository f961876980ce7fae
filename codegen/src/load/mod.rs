//! Stage 1 — load: read a YAML or JSON file into an [`openapiv3::OpenAPI`]. OpenAPI 3.1
//! documents are first rewritten into the 3.0 model (see [`normalize`]).

mod normalize;

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_yaml::Value;

use crate::error::{Error, Location, SpecProblem};
use crate::pointer::Pointer;

pub use normalize::normalize_3_1;

/// A parsed spec together with its raw tree, which keeps what the typed model drops (such as a
/// `description` written beside a `$ref`).
#[derive(Debug, Clone)]
pub struct Document {
    /// The typed OpenAPI model.
    pub spec: openapiv3::OpenAPI,
    /// The same document as a plain tree (after 3.1 normalisation).
    pub raw: Value,
}

/// Reads and parses the spec at `path`, keeping its raw tree too. Errors name the file and,
/// where the parser knows it, the line and column.
pub fn load_document(path: &Path) -> Result<Document, Error> {
    parse_document(path, &read(path)?)
}

/// Parses spec text (YAML, or JSON when the file ends in `.json` or the text starts with `{`)
/// into the typed model and the raw tree.
pub fn parse_document(path: &Path, text: &str) -> Result<Document, Error> {
    let json = is_json(path, text);
    let parse_error = |location: Location, message: String| Error::Parse {
        path: path.to_owned(),
        location,
        message,
    };
    let mut raw: Value = parse_tree(path, text)?;
    let version = match raw.get("openapi") {
        Some(Value::String(v)) => v.clone(),
        Some(other) => {
            return Err(parse_error(
                Location::default(),
                format!("`openapi` is {other:?}: expected a version string such as \"3.0.3\""),
            ))
        }
        None if raw.get("swagger").is_some() => {
            return Err(parse_error(
                Location::default(),
                "Swagger 2.0 documents are not supported: expected OpenAPI 3.0.x or 3.1.x".into(),
            ))
        }
        None => {
            return Err(parse_error(
                Location::default(),
                "missing `openapi` version: expected an OpenAPI 3.0.x or 3.1.x document".into(),
            ))
        }
    };
    let spec = if version.starts_with("3.0") {
        // Read from the tree already parsed (borrowed: a giant spec's tree is not copied); only
        // a spec that does not fit the model is parsed again from the text, so its error gets a
        // line and column.
        if let Ok(spec) = openapiv3::OpenAPI::deserialize(&raw) {
            spec
        } else if json {
            let mut de = serde_json::Deserializer::from_str(text);
            serde_path_to_error::deserialize(&mut de).map_err(|e| {
                let at = pointer_of(e.path());
                let inner = e.into_inner();
                let location = Location(Some((inner.line(), inner.column())));
                parse_error(location, format!("at {at}: {inner}"))
            })?
        } else {
            serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(text)).map_err(
                |e| {
                    let at = pointer_of(e.path());
                    let inner = e.into_inner();
                    let location = Location(inner.location().map(|l| (l.line(), l.column())));
                    parse_error(location, format!("at {at}: {inner}"))
                },
            )?
        }
    } else if version.starts_with("3.1") {
        let problems = normalize_3_1(&mut raw);
        if !problems.is_empty() {
            return Err(Error::Spec {
                path: path.to_owned(),
                problems,
            });
        }
        serde_path_to_error::deserialize(raw.clone()).map_err(|e| {
            let at = pointer_of(e.path());
            parse_error(Location::default(), format!("at {at}: {}", e.into_inner()))
        })?
    } else {
        return Err(parse_error(
            Location::default(),
            format!("unsupported OpenAPI version `{version}`: expected 3.0.x or 3.1.x"),
        ));
    };
    Ok(Document { spec, raw })
}

/// Reads the file at `path`; the error names it.
pub(crate) fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })
}

/// Whether spec text is JSON: the file ends in `.json` or the text starts with `{`.
fn is_json(path: &Path, text: &str) -> bool {
    path.extension().is_some_and(|e| e == "json") || text.trim_start().starts_with('{')
}

/// Parses spec text (JSON as [`is_json`] tells, else YAML) into a plain tree: a
/// `serde_yaml::Value`, or a `serde_json::Value`, where YAML keys such as an unquoted `200:`
/// become the strings JSON would have. Errors name the file and, where the parser knows it, the
/// line and column.
pub(crate) fn parse_tree<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Error> {
    let parse_error = |location: Location, message: String| Error::Parse {
        path: path.to_owned(),
        location,
        message,
    };
    if is_json(path, text) {
        serde_json::from_str(text)
            .map_err(|e| parse_error(Location(Some((e.line(), e.column()))), e.to_string()))
    } else {
        serde_yaml::from_str(text).map_err(|e| {
            let location = Location(e.location().map(|l| (l.line(), l.column())));
            parse_error(location, e.to_string())
        })
    }
}

/// The JSON pointer of a serde path.
fn pointer_of(path: &serde_path_to_error::Path) -> Pointer {
    use serde_path_to_error::Segment;
    let mut pointer = Pointer::root();
    for segment in path.iter() {
        pointer = match segment {
            Segment::Seq { index } => pointer.push(index.to_string()),
            Segment::Map { key } => pointer.push(key),
            Segment::Enum { variant } => pointer.push(variant),
            Segment::Unknown => pointer.push("?"),
        };
    }
    pointer
}

/// A problem at `pointer`, for normalisation.
fn problem(pointer: &Pointer, message: impl Into<String>) -> SpecProblem {
    SpecProblem {
        pointer: pointer.to_string(),
        message: message.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_column_and_pointer_of_a_type_error() {
        let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a: 7\n";
        let err = parse_document(Path::new("spec.yaml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("spec.yaml:6:"), "{err}");
        assert!(err.contains("at #/paths"), "{err}");
    }

    #[test]
    fn rejects_other_versions() {
        let text = "openapi: 2.0.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";
        let err = parse_document(Path::new("s.yaml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected 3.0.x or 3.1.x"), "{err}");
        let swagger = "swagger: '2.0'\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";
        let err = parse_document(Path::new("s.yaml"), swagger)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Swagger 2.0"), "{err}");
    }

    #[test]
    fn reads_json_with_line_numbers() {
        let ok = r#"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}}"#;
        assert_eq!(
            parse_document(Path::new("s.json"), ok)
                .unwrap()
                .spec
                .info
                .title,
            "t"
        );
        let bad = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": \"t\", \"version\": \"1\"},\n  \"paths\": {\"/a\": 7}\n}";
        let err = parse_document(Path::new("s.json"), bad)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("s.json:4:"), "{err}");
        assert!(err.contains("at #/paths"), "{err}");
        let broken = "{\"openapi\": \"3.0.3\",\n \"info\": }";
        let err = parse_document(Path::new("s.json"), broken)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("s.json:2:"), "{err}");
    }

    #[test]
    fn reports_missing_file() {
        let err = load_document(Path::new("/nonexistent/spec.yaml")).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("cannot read /nonexistent/spec.yaml"));
    }
}
