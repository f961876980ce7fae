//! OpenAPI 3.0 → typed Rust client generator.
//!
//! The pipeline, one module per stage:
//! 1. [`load`] — YAML/JSON file → [`openapiv3::OpenAPI`];
//! 2. [`resolve`] — every `$ref` followed and every name settled → [`ir::Api`];
//! 3. [`emit`] — IR → formatted Rust files.
//!
//! [`generate`] runs all three. Beside the pipeline: [`diff`] (what a spec change does to the
//! generated API) and [`upstream`] (do our spec's wire facts match the vendor's published spec).

pub mod diff;
pub mod emit;
pub mod error;
pub mod ir;
pub mod load;
pub mod naming;
pub mod package;
pub mod pointer;
pub mod resolve;
pub mod sync;
pub mod upstream;
pub mod vendored;

use std::path::Path;

pub use emit::{GeneratedFile, Provenance};
pub use error::Error;

/// Loads the spec at `spec_path` and generates a complete, self-contained crate (manifest,
/// `lib.rs`, runtime and generated modules). `crate_name` defaults to one derived from the
/// spec's title. Paths in the result are relative to the crate root.
pub fn generate_crate(
    spec_path: &Path,
    crate_name: Option<&str>,
) -> Result<Vec<GeneratedFile>, Error> {
    let document = load::load_document(spec_path)?;
    let api = resolve::resolve_document(&document).map_err(|problems| Error::Spec {
        path: spec_path.to_owned(),
        problems,
    })?;
    let provenance = Provenance {
        spec: spec_path.display().to_string(),
        command: "cargo xtask generate".to_owned(),
    };
    let files = emit::emit(&api, &provenance)?;
    let name = crate_name.map_or_else(|| package::crate_name_from_title(&api.title), str::to_owned);
    let description = format!(
        "Typed async client for {} {}, generated from its OpenAPI spec.",
        api.title, api.version
    );
    Ok(package::package(&name, &description, files))
}

/// Loads the spec at `path` and resolves it into the IR.
pub fn load_api(path: &Path) -> Result<ir::Api, Error> {
    let document = load::load_document(path)?;
    resolve::resolve_document(&document).map_err(|problems| Error::Spec {
        path: path.to_owned(),
        problems,
    })
}

/// Resolves spec text into the IR; `path` names it in errors (a file, or e.g. `HEAD:spec.yaml`).
pub fn resolve_text(path: &Path, text: &str) -> Result<ir::Api, Error> {
    let document = load::parse_document(path, text)?;
    resolve::resolve_document(&document).map_err(|problems| Error::Spec {
        path: path.to_owned(),
        problems,
    })
}

/// Loads the spec at `spec_path`, resolves it and emits the generated module's files.
pub fn generate(spec_path: &Path, provenance: &Provenance) -> Result<Vec<GeneratedFile>, Error> {
    let document = load::load_document(spec_path)?;
    let api = resolve::resolve_document(&document).map_err(|problems| Error::Spec {
        path: spec_path.to_owned(),
        problems,
    })?;
    emit::emit(&api, provenance)
}
