//! `cargo xtask generate`'s output: a self-contained crate that compiles without warnings and
//! without this workspace, carrying the whole runtime.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn every_runtime_file_is_packaged() {
    let mut on_disk: Vec<String> =
        std::fs::read_dir(workspace_root().join("generated-client/src/runtime"))
            .unwrap()
            .map(|e| format!("src/runtime/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
    on_disk.sort();
    let mut packaged: Vec<String> = codegen::package::runtime_files()
        .map(str::to_owned)
        .collect();
    packaged.sort();
    assert_eq!(on_disk, packaged);
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
    codegen::sync::replace_dir(&out, &files).unwrap();
    // Same dependency versions as this workspace, so the check needs no network.
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--all-targets", "--quiet"])
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
