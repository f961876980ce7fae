//! The upstream comparison (`codegen::upstream`): `fixtures/upstream/ours.yaml` and
//! `published.json` say the same on the wire with different names, prose and `$ref` layout;
//! each test edits one wire fact of ours and expects exactly the differences it causes, named
//! by kind and by the pointer on both sides. Then the deviations file, bad input, the
//! reduction and random mutations. This file holds the helpers the modules share.

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod deviations;
mod mutations;
mod operations;
mod reduction;
mod schemas;
mod security;

use std::path::{Path, PathBuf};

use codegen::upstream::{compare, Difference, Document};
use codegen::Error;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upstream")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn parse(label: &str, text: &str) -> Result<Document, Error> {
    Document::parse(Path::new(label), label, text)
}

fn doc(label: &str, text: &str) -> Document {
    parse(label, text).unwrap_or_else(|e| panic!("{label} does not load: {e}"))
}

fn published() -> Document {
    doc("published.json", &read("published.json"))
}

/// Ours with each `(from, to)` applied; `from` must occur exactly once.
fn ours_edited(edits: &[(&str, &str)]) -> Document {
    let mut text = read("ours.yaml");
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "ours.yaml: {from:?}");
        text = text.replacen(from, to, 1);
    }
    doc("ours.yaml", &text)
}

/// `(kind, ours pointer, published pointer)` of each difference.
fn keys(differences: &[Difference]) -> Vec<(&'static str, String, String)> {
    differences
        .iter()
        .map(|d| {
            (
                d.kind.as_str(),
                d.ours.pointer.clone(),
                d.published.pointer.clone(),
            )
        })
        .collect()
}

fn key(kind: &'static str, ours: &str, published: &str) -> (&'static str, String, String) {
    (kind, ours.to_owned(), published.to_owned())
}

/// The differences an edit of ours causes against the published fixture.
fn after(edits: &[(&str, &str)]) -> Vec<Difference> {
    compare(&ours_edited(edits), &[published()]).unwrap()
}

/// Our `GET /things/{thingId}`.
const OURS_GET: &str = "/paths/~1things~1{thingId}/get";
/// The published `GET /things/{id}`.
const THEIRS_GET: &str = "/paths/~1things~1{id}/get";
