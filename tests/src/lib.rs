//! Test-only crate: the tests live in `tests/tests/`. The workspace README's code examples are
//! compiled here as doctests so they stay true.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
