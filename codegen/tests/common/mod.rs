//! Helpers shared by the generator's test files: small specs written inline, parsed and resolved
//! into the IR and emitted through the crate's façade; lookups in the IR; a seeded random source.
//! Each test file uses only some of them.

#![allow(dead_code)]

use std::path::Path;

use codegen::error::SpecProblem;
use codegen::ir::{Api, Operation, TypeDef};
use codegen::{GeneratedFile, Provenance};

/// The `openapi` and `info` lines every inline spec starts with.
pub const HEADER: &str = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n";

/// A complete spec from its `paths` and/or `components` sections (`paths: {}` when absent).
pub fn full(body: &str) -> String {
    let mut text = String::from(HEADER);
    if !body.lines().any(|l| l.starts_with("paths:")) {
        text.push_str("paths: {}\n");
    }
    text.push_str(body);
    text
}

/// The spec [`full`] makes of `body`, named `t.yaml`, resolved; panics when it does not parse.
pub fn try_resolve(body: &str) -> Result<Api, Vec<SpecProblem>> {
    let text = full(body);
    let spec = codegen::Spec::parse(Path::new("t.yaml"), &text)
        .unwrap_or_else(|e| panic!("test spec does not parse: {e}\n{text}"));
    match spec.resolve() {
        Ok(api) => Ok(api),
        Err(codegen::Error::Spec { problems, .. }) => Err(problems),
        Err(other) => panic!("resolving failed without spec problems: {other}"),
    }
}

/// The resolved API; panics with every problem when the spec does not resolve.
pub fn api(body: &str) -> Api {
    try_resolve(body).unwrap_or_else(|problems| panic!("unexpected problems: {problems:#?}"))
}

/// The problems of a spec that must not resolve.
pub fn problems(body: &str) -> Vec<SpecProblem> {
    match try_resolve(body) {
        Ok(api) => panic!(
            "expected problems, got an API with types {:?}",
            type_names(&api)
        ),
        Err(problems) => problems,
    }
}

/// Every file emitted for `api`.
pub fn emit(api: &Api) -> Vec<GeneratedFile> {
    codegen::generate(
        api,
        &Provenance {
            spec: "t.yaml".into(),
            command: "test".into(),
        },
    )
    .unwrap_or_else(|e| panic!("emit failed: {e}"))
}

/// The contents of the generated file `path` among `files`.
pub fn file<'f>(files: &'f [GeneratedFile], path: &str) -> &'f str {
    &files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no generated file {path}"))
        .contents
}

/// One emitted file of `api`.
pub fn emitted(api: &Api, path: &str) -> String {
    file(&emit(api), path).to_owned()
}

/// Whitespace-free text, so assertions do not depend on prettyplease's line breaking.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The names of every type, in IR order.
pub fn type_names(api: &Api) -> Vec<&str> {
    api.types.keys().map(String::as_str).collect()
}

/// The type `name`; panics naming every type when there is none.
pub fn def<'a>(api: &'a Api, name: &str) -> &'a TypeDef {
    api.types
        .get(name)
        .unwrap_or_else(|| panic!("no type `{name}`; types: {:?}", type_names(api)))
}

/// The operation with ID `id`.
pub fn op<'a>(api: &'a Api, id: &str) -> &'a Operation {
    api.operations
        .iter()
        .find(|o| o.id == id)
        .unwrap_or_else(|| panic!("no operation `{id}`"))
}

/// xorshift64*: small, fast, reproducible.
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
