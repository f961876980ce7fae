//! OpenAPI 3.0 (and 3.1) → typed Rust client generator.
//!
//! The pipeline, one crate-private module per stage: `load` (YAML/JSON file → `openapiv3`),
//! `resolve` (every `$ref` followed and every name settled → [`ir::Api`]) and `emit` (IR →
//! formatted Rust files). The façade is small:
//!
//! - [`load_api`] / [`parse_api`] — a spec file or text → [`ir::Api`] (or [`Spec`] to run the
//!   stages one at a time);
//! - [`generate`] — an [`ir::Api`] → the generated module's files;
//! - [`generate_crate`] — a spec file → a complete standalone crate.
//!
//! Beside the pipeline: [`diff`] (what a spec change does to the generated API), [`upstream`]
//! (do our spec's wire facts match the vendor's published spec), [`sync`] (compare and write
//! generated files) and [`ownership`] (write a crate into a folder, touching only the files
//! generation owns).

pub mod diff;
mod emit;
pub mod error;
mod header;
pub mod ir;
mod load;
mod naming;
pub mod ownership;
mod package;
mod pointer;
mod resolve;
mod runtime;
pub mod sync;
pub mod upstream;
pub mod vendored;

use std::path::{Path, PathBuf};

pub use emit::GeneratedFile;
pub use error::Error;
pub use header::Provenance;

/// A spec read and parsed but not yet resolved: the first stage, for callers that time or
/// reuse the stages apart.
#[derive(Debug, Clone)]
pub struct Spec {
    path: PathBuf,
    document: load::Document,
}

impl Spec {
    /// Reads and parses the spec at `path` (YAML or JSON; OpenAPI 3.1 is normalised to 3.0).
    pub fn load(path: &Path) -> Result<Spec, Error> {
        Ok(Spec {
            path: path.to_owned(),
            document: load::load_document(path)?,
        })
    }

    /// Parses spec text; `path` names it in errors (a file, or e.g. `HEAD:spec.yaml`).
    pub fn parse(path: &Path, text: &str) -> Result<Spec, Error> {
        Ok(Spec {
            path: path.to_owned(),
            document: load::parse_document(path, text)?,
        })
    }

    /// Resolves it into the IR, or returns every problem found, each with its JSON pointer.
    pub fn resolve(&self) -> Result<ir::Api, Error> {
        self.resolve_with(true)
    }

    /// Resolves it into the IR, leaving out each operation and turning into any JSON value each
    /// component schema that has a problem ([`ir::Api::omissions`] lists them); fails only on
    /// problems that belong to neither (servers, security schemes).
    pub fn resolve_partial(&self) -> Result<ir::Api, Error> {
        self.resolve_with(false)
    }

    fn resolve_with(&self, strict: bool) -> Result<ir::Api, Error> {
        resolve::resolve_document(&self.document, strict).map_err(|problems| Error::Spec {
            path: self.path.clone(),
            problems,
        })
    }
}

/// Loads the spec at `path` and resolves it into the IR.
pub fn load_api(path: &Path) -> Result<ir::Api, Error> {
    Spec::load(path)?.resolve()
}

/// Parses and resolves spec text; `path` names it in errors.
pub fn parse_api(path: &Path, text: &str) -> Result<ir::Api, Error> {
    Spec::parse(path, text)?.resolve()
}

/// The generated module's files for `api` (`mod.rs`, `models.rs`, `operations.rs`,
/// `security.rs`, `testing.rs`), each under a header naming `provenance`.
pub fn generate(api: &ir::Api, provenance: &Provenance) -> Result<Vec<GeneratedFile>, Error> {
    emit::emit(api, provenance)
}

/// [`generate`] in its two halves, for benchmarks: the token streams of every file, then
/// [`Emitted::format`].
pub fn emit_tokens(api: &ir::Api) -> Emitted {
    Emitted(emit::tokens(api))
}

/// Every generated file as unformatted tokens ([`emit_tokens`]).
#[derive(Debug, Clone)]
pub struct Emitted(Vec<(&'static str, proc_macro2::TokenStream)>);

impl Emitted {
    /// Formats each file under its header.
    pub fn format(self, provenance: &Provenance) -> Result<Vec<GeneratedFile>, Error> {
        self.0
            .into_iter()
            .map(|(path, tokens)| emit::format(path, tokens, provenance))
            .collect()
    }
}

/// How [`generate_crate`] treats its spec and shapes the crate.
#[derive(Debug, Clone, Default)]
pub struct CrateOptions {
    /// The crate's name (default: derived from the spec's title).
    pub crate_name: Option<String>,
    /// Refuse the whole spec on any problem, instead of generating every operation and schema
    /// that can be expressed and reporting the rest as warnings.
    pub strict: bool,
    /// One cargo feature per operation tag, so users compile only the tags they enable.
    pub features_by_tag: bool,
}

/// A generated crate: its files, and what of the spec it could not express exactly.
#[derive(Debug, Clone)]
pub struct GeneratedCrate {
    /// Every file, with paths relative to the crate root.
    pub files: Vec<GeneratedFile>,
    /// Each operation left out and each schema generated as any JSON value, located in the spec
    /// (always empty under [`CrateOptions::strict`]); also listed in the crate's docs.
    pub warnings: Vec<ir::Omission>,
}

/// Loads the spec at `spec_path` and generates a complete, self-contained crate (manifest,
/// `lib.rs`, runtime and generated modules).
pub fn generate_crate(spec_path: &Path, options: &CrateOptions) -> Result<GeneratedCrate, Error> {
    let crate_name = options.crate_name.as_deref();
    if let Some(name) = crate_name {
        package::check_crate_name(name).map_err(|rule| Error::CrateName {
            name: name.to_owned(),
            rule,
        })?;
    }
    let spec = Spec::load(spec_path)?;
    let api = match options.strict {
        true => spec.resolve()?,
        false => spec.resolve_partial()?,
    };
    let provenance = Provenance {
        spec: spec_path.display().to_string(),
        command: header::GENERATE_COMMAND.to_owned(),
    };
    let files = emit::emit(&api, &provenance)?;
    let name = crate_name.map_or_else(|| naming::crate_name(&api.title), str::to_owned);
    package::check_crate_name(&name).map_err(|rule| Error::CrateName {
        name: name.clone(),
        rule,
    })?;
    let description = format!(
        "Typed async client for {} {}, generated from its OpenAPI spec.",
        api.title, api.version
    );
    let features = api.runtime_features();
    let facts = package::Facts {
        provenance: &provenance,
        features: &features,
        nesting_depth: resolve::nesting_depth(&api.types),
    };
    Ok(GeneratedCrate {
        files: package::package(&name, &description, &facts, files),
        warnings: api.omissions,
    })
}
