//! `cargo xtask generate`'s output: a self-contained crate that compiles without warnings and
//! without this workspace, carrying the whole runtime (and, with its `testing` feature, the test
//! support). Every fixture spec, the adversarial corpus (`corpus.rs`) and random specs
//! (`random.rs`) generate crates compiled together in one scratch workspace (`scratch.rs`).

mod corpus;
mod random;
#[path = "../../../codegen/tests/support/random_spec.rs"]
mod random_spec;
mod scratch;
#[path = "../../../codegen/benches/support/adversarial.rs"]
mod shapes;

use std::path::{Path, PathBuf};
use std::process::Command;

use scratch::Scratch;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn the_vendored_spec_generates_a_crate_that_checks_without_warnings() {
    let root = workspace_root();
    let out = std::env::temp_dir().join(format!("generated-crate-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let options = codegen::CrateOptions {
        crate_name: Some("conversations-check".to_owned()),
        strict: true,
        ..Default::default()
    };
    let files = codegen::generate_crate(&root.join(codegen::vendored::SPEC), &options)
        .unwrap()
        .files;
    codegen::ownership::write_crate(&out, &files, codegen::ownership::Edited::Refuse).unwrap();
    // Same dependency versions as this workspace, so the check needs no network.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--all-targets",
            "--all-features",
            "--quiet",
        ])
        .current_dir(&out)
        .env("RUSTFLAGS", "-D warnings")
        .env("CARGO_TARGET_DIR", root.join("target/generated-crates"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    std::fs::remove_dir_all(&out).unwrap();
    assert!(
        output.status.success(),
        "cargo check of the generated crate failed:\n{stderr}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");
}

/// One scratch workspace holding a crate per fixture spec (`crates/<stem>`), the end-to-end
/// tests of `tests/e2e`, the adversarial corpus's crates and crates of random specs, built with
/// one target directory: every crate must compile without warnings, and the end-to-end and smoke
/// tests must pass.
#[test]
fn every_fixture_generates_a_crate_that_builds_without_warnings_and_passes_e2e_tests() {
    let root = workspace_root();
    let mut scratch = Scratch::new("fixture-crates");
    for spec in conversations_tests::fixture_specs("specs") {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        scratch.add_spec(&stem, &spec, None);
    }
    // Partial generation: what is left compiles.
    for spec in conversations_tests::fixture_specs("partial") {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        scratch.add_spec_with(&format!("partial_{stem}"), &spec, &Default::default());
    }
    scratch.copy_member(&root.join("tests/e2e"), "e2e");
    for case in corpus::cases() {
        if let corpus::Expect::Crate { smoke } = &case.expect {
            scratch.add_spec_text(case.name, "yaml", &case.spec, smoke);
        }
    }
    let random = random::add_crates(&mut scratch);
    let output = scratch.test();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // Kept on failure: the specs in it reproduce the failure.
    let kept = format!(
        "the scratch workspace is kept at {}; random specs:\n{}",
        scratch.dir.display(),
        random.join("\n")
    );
    if output.status.success() && !stderr.contains("warning") {
        scratch.remove();
    }
    assert!(
        output.status.success(),
        "building or testing the fixture crates failed:\n{stdout}\n{stderr}\n{kept}"
    );
    assert!(!stderr.contains("warning"), "{stderr}\n{kept}");
    // The end-to-end tests ran (a workspace without them would pass vacuously).
    assert!(stdout.contains("test result: ok"), "{stdout}");
    // And so did every smoke test: one `a_client_takes_a_base_url` per corpus and random crate.
    let smoke_crates = corpus::cases()
        .iter()
        .filter(|c| matches!(c.expect, corpus::Expect::Crate { .. }))
        .count()
        + random.len();
    assert_eq!(
        stdout
            .matches("test a_client_takes_a_base_url ... ok")
            .count(),
        smoke_crates,
        "{stdout}"
    );
}

/// The corpus's cases that must not generate give their located problem.
#[test]
fn adversarial_specs_that_cannot_generate_give_located_problems() {
    for case in corpus::cases() {
        let corpus::Expect::Problem { pointer, message } = case.expect else {
            continue;
        };
        let spec = codegen::Spec::parse(Path::new(case.name), &case.spec)
            .unwrap_or_else(|e| panic!("{}: the spec does not parse: {e}", case.name));
        let problems = match spec.resolve() {
            Err(codegen::Error::Spec { problems, .. }) => problems,
            Err(other) => panic!("{}: not a spec problem: {other}", case.name),
            Ok(_) => panic!("{}: resolved, expected a problem at {pointer}", case.name),
        };
        assert!(
            problems
                .iter()
                .any(|p| p.pointer.starts_with(pointer) && p.message.contains(message)),
            "{}: expected a problem at {pointer} saying {message:?}, got {problems:#?}",
            case.name
        );
    }
}
