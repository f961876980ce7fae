//! Random valid specs (`support/random_spec.rs`) resolve without a problem, to the same IR twice,
//! for many seeds, and one in ten generates the same bytes twice; a few of them are also
//! compiled, by `tests/tests/generate_crate`.

#[path = "support/random_spec.rs"]
mod random_spec;

use std::path::Path;

use codegen::ir::Api;
use codegen::{GeneratedFile, Provenance};

/// How many seeds are resolved twice here (a few milliseconds each).
const SEEDS: u64 = 500;

/// Every how many seeds one is also generated twice (emitting and formatting are the slow part).
const GENERATE_EVERY: usize = 10;

fn resolve(seed: u64, text: &str) -> Api {
    codegen::parse_api(Path::new("random.json"), text)
        .unwrap_or_else(|e| panic!("seed {seed}: the spec does not resolve: {e}\n{text}"))
}

fn generate(seed: u64, text: &str, api: &Api) -> Vec<GeneratedFile> {
    let provenance = Provenance {
        spec: format!("random-{seed}.json"),
        command: "random_spec::spec".to_owned(),
    };
    codegen::generate(api, &provenance)
        .unwrap_or_else(|e| panic!("seed {seed}: the spec does not generate: {e}\n{text}"))
}

#[test]
fn the_same_seed_gives_the_same_spec_and_different_seeds_differ() {
    assert_eq!(random_spec::spec(7), random_spec::spec(7));
    assert_ne!(random_spec::spec(7), random_spec::spec(8));
}

#[test]
fn random_specs_resolve_to_the_same_ir_twice() {
    for seed in 0..SEEDS {
        let text = random_spec::spec(seed);
        let api = resolve(seed, &text);
        assert!(
            api == resolve(seed, &text),
            "seed {seed}: two resolutions differ\n{text}"
        );
    }
}

#[test]
fn random_specs_generate_the_same_bytes_twice() {
    for seed in (0..SEEDS).step_by(GENERATE_EVERY) {
        let text = random_spec::spec(seed);
        let first = generate(seed, &text, &resolve(seed, &text));
        let second = generate(seed, &text, &resolve(seed, &text));
        assert_eq!(first.len(), second.len(), "seed {seed}");
        for (a, b) in first.iter().zip(&second) {
            assert_eq!(a.path, b.path, "seed {seed}");
            assert!(
                a.contents == b.contents,
                "seed {seed}: {} differs between two runs\n{text}",
                a.path
            );
        }
    }
}

#[test]
fn random_specs_cover_the_grammar() {
    // The property above means little if the grammar's rules are never drawn.
    let all: String = (0..SEEDS).map(random_spec::spec).collect();
    for construct in [
        "\"allOf\"",
        "\"discriminator\"",
        "\"mapping\"",
        "\"oneOf\"",
        "\"additionalProperties\"",
        "\"nullable\"",
        "\"date-time\"",
        "\"int64\"",
        "\"binary\"",
        "\"deepObject\"",
        "\"spaceDelimited\"",
        "\"pipeDelimited\"",
        "\"label\"",
        "\"matrix\"",
        "\"header\"",
        "multipart/form-data",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        "\"default\"",
    ] {
        assert!(all.contains(construct), "no seed draws {construct}");
    }
}
