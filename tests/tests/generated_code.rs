//! The generated code for the vendored spec: which files it is, freshness of the checked-in copy
//! in `generated-client/src/generated/` (where a spec change shows up as a diff after
//! `cargo xtask regen`), and byte-for-byte determinism.

use std::path::{Path, PathBuf};

use codegen::sync::{self, Change};
use codegen::vendored;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_path_buf()
}

fn generate() -> Vec<codegen::GeneratedFile> {
    vendored::generate_vendored(&workspace_root()).expect("the vendored spec generates")
}

#[test]
fn the_vendored_spec_generates_the_six_module_files() {
    let files = generate();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "mod.rs",
            "models.rs",
            "operations.rs",
            "security.rs",
            "testing.rs",
            "webhooks.rs"
        ]
    );
}

#[test]
fn checked_in_generated_code_is_fresh() {
    let out_dir = workspace_root().join(vendored::OUT_DIR);
    let changes = sync::compare(&out_dir, &generate()).unwrap();
    let stale: Vec<&str> = changes.iter().map(Change::path).collect();
    assert!(
        stale.is_empty(),
        "stale generated files {stale:?} in {}: run `cargo xtask regen`",
        vendored::OUT_DIR
    );
}

#[test]
fn generation_is_deterministic_and_independent_of_location() {
    let first = generate();
    let second = generate();
    assert_eq!(first, second);

    // The same spec read from elsewhere gives the same bytes (no paths, times or hashes leak in).
    let dir = std::env::temp_dir().join(format!("codegen-determinism-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    std::fs::copy(
        workspace_root().join(vendored::SPEC),
        dir.join(vendored::SPEC),
    )
    .unwrap();
    let elsewhere = vendored::generate_vendored(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(first, elsewhere);
}

#[test]
fn a_hand_edit_to_a_generated_file_is_reported_by_name() {
    let dir = std::env::temp_dir().join(format!("codegen-hand-edit-{}", std::process::id()));
    let files = generate();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for file in &files {
        std::fs::write(dir.join(&file.path), &file.contents).unwrap();
    }
    assert!(sync::compare(&dir, &files).unwrap().is_empty());
    let models = dir.join("models.rs");
    let edited = std::fs::read_to_string(&models)
        .unwrap()
        .replace("pub struct Thread {", "pub struct Thread { // tweak");
    std::fs::write(&models, edited).unwrap();
    let changes = sync::compare(&dir, &files).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        changes.iter().map(Change::path).collect::<Vec<_>>(),
        ["models.rs"]
    );
}

#[test]
fn a_spec_edit_without_regen_makes_the_checked_in_code_stale() {
    let dir = std::env::temp_dir().join(format!("codegen-spec-edit-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("spec")).unwrap();
    let spec = std::fs::read_to_string(workspace_root().join(vendored::SPEC)).unwrap();
    let edited = spec.replacen(
        "Kind of CRM record a thread can be linked to.",
        "Linked record kind.",
        1,
    );
    assert_ne!(spec, edited, "the edit must change the spec");
    std::fs::write(dir.join(vendored::SPEC), edited).unwrap();
    let files = vendored::generate_vendored(&dir).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let changes = sync::compare(&workspace_root().join(vendored::OUT_DIR), &files).unwrap();
    assert_eq!(
        changes.iter().map(Change::path).collect::<Vec<_>>(),
        ["models.rs"]
    );
}
