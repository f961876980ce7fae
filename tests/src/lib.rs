//! Test-only crate: the tests live in `tests/tests/`; this library holds what several of them
//! share. The workspace README's code examples are compiled here as doctests so they stay true.

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub mod captured;
pub mod http;

/// The fixture `tests/fixtures/models/<dir>/<file>` as JSON.
///
/// # Panics
///
/// When the file is missing or is not JSON: a broken fixture is a test failure.
pub fn fixture(dir: &str, file: &str) -> serde_json::Value {
    let text = fixture_text(dir, file);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{dir}/{file} is not JSON: {e}"))
}

/// The fixture `tests/fixtures/models/<dir>/<file>` decoded as `T`, with its JSON: a request
/// body to send and what the server must receive.
///
/// # Panics
///
/// When the file is missing or does not decode as `T`.
pub fn typed_fixture<T: DeserializeOwned>(dir: &str, file: &str) -> (T, serde_json::Value) {
    let json = fixture(dir, file);
    let typed = serde_json::from_value(json.clone())
        .unwrap_or_else(|e| panic!("{dir}/{file} does not decode: {e}"));
    (typed, json)
}

/// The fixture `tests/fixtures/models/<dir>/<file>` as written (keys in HubSpot's order).
///
/// # Panics
///
/// When the file is missing.
pub fn fixture_text(dir: &str, file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/models")
        .join(dir)
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every spec (`.yaml` or `.json`) in `tests/fixtures/<dir>/`, sorted by name.
///
/// # Panics
///
/// When the folder cannot be read.
pub fn fixture_specs(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(dir);
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "json")
            )
        })
        .collect();
    specs.sort();
    specs
}

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
