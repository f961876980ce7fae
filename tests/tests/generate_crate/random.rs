//! Random valid specs (`codegen/tests/support/random_spec.rs`, issue 14's property test)
//! compiled: a few fixed seeds, each a crate of the scratch workspace whose smoke test builds a
//! client. The codegen tests resolve and generate many more seeds without compiling them.

use super::random_spec;
use super::scratch::Scratch;

/// The seeds compiled. Every seed must compile: a failing one is a generator bug.
pub const SEEDS: std::ops::Range<u64> = 0..12;

/// Adds a crate per seed to `scratch`; returns, per seed, how to reproduce it.
pub fn add_crates(scratch: &mut Scratch) -> Vec<String> {
    SEEDS
        .map(|seed| {
            let name = format!("random-{seed}");
            let smoke = format!(
                "//! Smoke test of a crate generated from a random spec.\n\n\
                 #[test]\n\
                 fn a_client_takes_a_base_url() {{\n    \
                     let client = random_{seed}::Client::new(random_{seed}::Auth::none())\n        \
                         .with_base_url(\"http://127.0.0.1:9\");\n    \
                     assert!(client.base_url().starts_with(\"http://127.0.0.1:9\"));\n\
                 }}\n"
            );
            let spec = scratch.add_spec_text(&name, "json", &random_spec::spec(seed), &smoke);
            format!("seed {seed}: crate `{name}`, spec {}", spec.display())
        })
        .collect()
}
