//! `cargo xtask generate`'s output: a self-contained crate that compiles without warnings and
//! without this workspace, carrying the whole runtime (and, with its `testing` feature, the test
//! support).

use std::path::{Path, PathBuf};
use std::process::Command;

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
    let files = codegen::generate_crate(
        &root.join(codegen::vendored::SPEC),
        Some("conversations-check"),
    )
    .unwrap();
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

/// One scratch workspace holding a crate per fixture spec (`crates/<stem>`) and the end-to-end
/// tests of `tests/e2e`, built with one target directory: every crate must compile without
/// warnings, and the end-to-end tests must pass.
#[test]
fn every_fixture_generates_a_crate_that_builds_without_warnings_and_passes_e2e_tests() {
    let root = workspace_root();
    let out = std::env::temp_dir().join(format!("fixture-crates-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let mut members = Vec::new();
    for spec in conversations_tests::fixture_specs("specs") {
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let files = codegen::generate_crate(&spec, None)
            .unwrap_or_else(|e| panic!("{} does not generate: {e}", spec.display()));
        let dir = out.join("crates").join(&stem);
        codegen::ownership::write_crate(&dir, &files, codegen::ownership::Edited::Refuse).unwrap();
        // A member of the scratch workspace rather than a workspace of its own.
        let manifest = dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        assert!(text.contains("\n[workspace]\n"), "{text}");
        std::fs::write(&manifest, text.replace("\n[workspace]\n", "\n")).unwrap();
        members.push(format!("\"crates/{stem}\""));
    }
    copy_dir(&root.join("tests/e2e"), &out.join("e2e"));
    members.push("\"e2e\"".to_owned());
    std::fs::write(
        out.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args([
            "test",
            "--offline",
            "--workspace",
            "--all-targets",
            "--quiet",
        ])
        .current_dir(&out)
        .env("RUSTFLAGS", "-D warnings")
        .env("CARGO_TARGET_DIR", root.join("target/generated-crates"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    std::fs::remove_dir_all(&out).unwrap();
    assert!(
        output.status.success(),
        "building or testing the fixture crates failed:\n{stdout}\n{stderr}"
    );
    assert!(!stderr.contains("warning"), "{stderr}");
    // The end-to-end tests ran (a workspace without them would pass vacuously).
    assert!(stdout.contains("test result: ok"), "{stdout}");
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
