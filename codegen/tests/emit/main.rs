//! The emit stage: small OpenAPI 3.0.3 specs written inline (see `common`), resolved and
//! emitted, and the generated Rust checked; one module per part of the output. The IR those
//! files come from is tested in `tests/resolve/`.

#[path = "../common/mod.rs"]
mod common;

mod constructors;
mod determinism;
mod docs;
mod models;
mod operations;
mod security;
mod testing;
mod union_methods;
mod unions;
