//! The contract suite: calls every operation of `generated-client` against a server that
//! validates requests against the spec (Prism, started by `cargo xtask contract`) and checks
//! that each request was accepted, named only declared query parameters, and that each answer
//! decoded without losing or changing anything.

pub mod calls;
pub mod decoded;
pub mod proxy;
pub mod report;
pub mod round;
pub mod roundtrip;
pub mod spec;
