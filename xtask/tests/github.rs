//! `cargo xtask github` failing early and clearly, before anything slow runs (the whole command
//! fetches GitHub's spec and compiles a giant crate: `.ci/run` runs it, not `cargo test`).

mod common;

use common::{stderr, text, Scratch};

#[test]
fn a_missing_spec_is_named_and_nothing_is_generated() {
    let scratch = Scratch::new("missing-spec");
    let missing = scratch.path("nowhere/api.github.com.json");
    let output = scratch.xtask(&["github", "--spec", text(&missing)]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(
        error.contains(&format!("cannot read {}", missing.display())),
        "{error}"
    );
    assert!(!scratch.path("target/github").exists());
}

#[test]
fn a_spec_that_does_not_parse_is_located() {
    let scratch = Scratch::new("bad-spec");
    let spec = scratch.write("api.yaml", "openapi: [\n");
    let output = scratch.xtask(&["github", "--spec", text(&spec)]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    assert!(
        error.contains(&format!("{}:2:1", spec.display())),
        "{error}"
    );
    assert!(!scratch.path("target/github").exists());
}

#[test]
fn without_the_pinned_package_lock_the_install_names_it() {
    let scratch = Scratch::new("no-lock");
    let output = scratch.xtask(&["github"]);
    assert_eq!(output.status.code(), Some(1));
    let error = stderr(&output);
    let lock = scratch.path("tests/github/package-lock.json");
    // Without Node.js the install stops one step earlier, naming what to install.
    assert!(
        error.contains(&format!("cannot read {}", lock.display()))
            || error.contains("`cargo xtask github` needs Node.js"),
        "{error}"
    );
}
