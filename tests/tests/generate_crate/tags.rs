//! A crate split by tag (`tags.yaml` generated with `features_by_tag`) passes `cargo check`
//! warning-free with no tag, each tag alone and every tag, and a crate using a model only one
//! tag reaches compiles with that tag and fails without it.

use std::path::Path;
use std::process::{Command, Output};

use super::workspace_root;

/// The crate's features that are not tags, all on in every check: the dependencies are then
/// built with the features `the_vendored_spec_generates_a_crate_that_checks_without_warnings`
/// (`--all-features --all-targets`) builds them with, in the same target directory, so only the
/// crates under test are checked here.
const NOT_TAGS: &str = "rustls,rustls-native-roots,native-tls,http2,gzip,testing";

/// The probe: a dependent naming `PetPage`, a model only the `pets` tag's operations use.
const PROBE_MANIFEST: &str = r#"[package]
name = "probe"
version = "0.1.0"
edition = "2021"
publish = false

[features]
pets = ["tags-client/pets"]
store = ["tags-client/store"]

[dependencies]
tags-client = { path = "../tags-client", default-features = false, features = ["rustls", "rustls-native-roots", "native-tls", "http2", "gzip", "testing"] }

[dev-dependencies]
tokio = { version = "1", features = ["macros", "rt-multi-thread", "test-util"] }
"#;

#[test]
fn a_crate_split_by_tag_checks_with_each_tag_alone_and_a_tag_only_model_needs_its_tag() {
    let root = workspace_root();
    let dir = std::env::temp_dir().join(format!("tag-features-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let options = codegen::CrateOptions {
        crate_name: Some("tags-client".to_owned()),
        strict: true,
        features_by_tag: true,
    };
    let spec = root.join("tests/fixtures/specs/tags.yaml");
    let files = codegen::generate_crate(&spec, &options).unwrap().files;
    let crate_dir = dir.join("tags-client");
    codegen::ownership::write_crate(&crate_dir, &files, codegen::ownership::Edited::Refuse)
        .unwrap();
    let manifest = std::fs::read_to_string(crate_dir.join("Cargo.toml")).unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        manifest.replace("\n[workspace]\n", "\n"),
    )
    .unwrap();
    let probe = dir.join("probe");
    std::fs::create_dir_all(probe.join("src")).unwrap();
    std::fs::write(probe.join("Cargo.toml"), PROBE_MANIFEST).unwrap();
    std::fs::write(
        probe.join("src/lib.rs"),
        "//! Names a model of the `pets` tag.\n\npub use tags_client::models::PetPage;\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"tags-client\", \"probe\"]\n",
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();

    let tags = ["admin-tools", "pets", "store", "testing2", "untagged"];
    assert!(
        manifest.contains(&format!("\nfull = [\"{}\"]\n", tags.join("\", \""))),
        "{manifest}"
    );
    let configurations = std::iter::once(String::new())
        .chain(tags.iter().map(|t| format!(",{t}")))
        .chain(std::iter::once(",full".to_owned()));
    for tag in configurations {
        let features = format!("{NOT_TAGS}{tag}");
        let output = check(&dir, "tags-client", &features);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "features {features}:\n{stderr}");
        assert!(
            !stderr.contains("warning"),
            "features {features}:\n{stderr}"
        );
    }
    let with_pets = check(&dir, "probe", "pets");
    let stderr = String::from_utf8_lossy(&with_pets.stderr);
    assert!(with_pets.status.success(), "{stderr}");
    let with_store = check(&dir, "probe", "store");
    let stderr = String::from_utf8_lossy(&with_store.stderr);
    assert!(
        !with_store.status.success(),
        "PetPage compiled without `pets`"
    );
    assert!(
        stderr.contains("unresolved import `tags_client::models::PetPage`"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `cargo check` of `package` in the workspace at `dir` with exactly `features`.
fn check(dir: &Path, package: &str, features: &str) -> Output {
    Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--quiet",
            "--all-targets",
            "-p",
            package,
        ])
        .args(["--no-default-features", "--features", features])
        .current_dir(dir)
        .env("RUSTFLAGS", "-D warnings")
        .env(
            "CARGO_TARGET_DIR",
            workspace_root().join("target/generated-crates"),
        )
        .output()
        .unwrap()
}
