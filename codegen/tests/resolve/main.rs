//! The resolve stage end to end: small OpenAPI 3.0.3 specs written inline (see `common`),
//! resolved into the IR, and the IR or the located problems checked; one module per concern of
//! the resolver. What the emitter writes from the IR is tested in `tests/emit/`.

#[path = "../common/mod.rs"]
mod common;

mod adversarial;
mod all_of;
mod bodies;
mod errors;
mod ids;
mod naming;
mod operations;
mod parameters;
mod recursion;
mod schemas;
mod security;
mod servers;
mod unions;
mod usage;
mod webhooks;
