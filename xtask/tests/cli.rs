//! `cargo xtask regen` / `check` run as a user runs them, on a scratch copy of the workspace's
//! spec and generated code (`--root`), so the real checkout is never touched.

use std::process::Output;

mod common;

use common::{repo, stdout, xtask, Scratch, OUT, PRISM, SPEC};

impl Scratch {
    /// `xtask COMMAND --root <this folder>`.
    fn run(&self, command: &str) -> Output {
        self.xtask(&[command])
    }

    /// Replaces the first `from` in `path` with `to`; `from` must occur.
    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} does not contain {from:?}");
        std::fs::write(self.path(path), text.replacen(from, to, 1)).unwrap();
    }
}

#[test]
fn check_passes_on_fresh_code() {
    let scratch = Scratch::workspace("fresh");
    let output = scratch.run("check");
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(stdout(&output).contains("is up to date"));
}

#[test]
fn check_names_a_hand_edited_file_and_regen_repairs_it() {
    let scratch = Scratch::workspace("hand-edit");
    let models = format!("{OUT}/models.rs");
    let original = scratch.read(&models);
    scratch.edit(
        &models,
        "pub struct Thread {",
        "pub struct Thread { // local tweak",
    );
    let output = scratch.run("check");
    assert!(!output.status.success());
    let out = stdout(&output);
    assert!(out.contains(&format!("stale: {models}")), "{out}");
    assert!(
        out.contains("+pub struct Thread {") && out.contains("-pub struct Thread { // local tweak"),
        "{out}"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("run `cargo xtask regen`"));

    assert!(scratch.run("regen").status.success());
    assert_eq!(scratch.read(&models), original);
    assert!(scratch.run("check").status.success());
}

#[test]
fn check_fails_after_a_spec_edit_without_regen() {
    let scratch = Scratch::workspace("spec-edit");
    scratch.edit(SPEC, "Whether a thread is open or closed.\n      type: string\n      enum:\n        - CLOSED\n        - OPEN\n", "Whether a thread is open or closed.\n      type: string\n      enum:\n        - CLOSED\n        - OPEN\n        - SNOOZED\n");
    let output = scratch.run("check");
    assert!(!output.status.success());
    let out = stdout(&output);
    assert!(out.contains(&format!("stale: {OUT}/models.rs")), "{out}");
    assert!(out.contains("+    Snoozed,"), "{out}");
    // The copy Prism serves follows the spec too: one `regen` refreshes both.
    assert!(out.contains(&format!("stale: {PRISM}")), "{out}");
    let regen = scratch.run("regen");
    assert!(regen.status.success(), "{}", stdout(&regen));
    assert!(stdout(&regen).contains(&format!("updated {PRISM}")));
    assert!(scratch.read(PRISM).contains("\"SNOOZED\""));
    assert!(scratch.run("check").status.success());
}

#[test]
fn regen_twice_gives_identical_bytes_and_removes_orphans() {
    let scratch = Scratch::workspace("twice");
    std::fs::write(scratch.0.join(OUT).join("orphan.rs"), "// left over\n").unwrap();
    assert!(scratch.run("regen").status.success());
    let first: Vec<String> = ["mod.rs", "models.rs", "operations.rs", "security.rs"]
        .iter()
        .map(|f| scratch.read(&format!("{OUT}/{f}")))
        .collect();
    assert!(!scratch.0.join(OUT).join("orphan.rs").exists());
    let output = scratch.run("regen");
    assert!(
        stdout(&output).contains("is up to date"),
        "{}",
        stdout(&output)
    );
    let second: Vec<String> = ["mod.rs", "models.rs", "operations.rs", "security.rs"]
        .iter()
        .map(|f| scratch.read(&format!("{OUT}/{f}")))
        .collect();
    assert_eq!(first, second);
}

#[test]
fn a_broken_spec_is_reported_with_its_location_and_nothing_is_written() {
    let scratch = Scratch::workspace("broken");
    let models = format!("{OUT}/models.rs");
    let before = scratch.read(&models);
    scratch.edit(
        SPEC,
        "$ref: '#/components/schemas/ThreadAssociationType'",
        "$ref: '#/components/schemas/NoSuchType'",
    );
    let output = scratch.run("regen");
    assert!(!output.status.success());
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("#/components/schemas/NoSuchType"), "{err}");
    assert!(
        err.contains("#/paths/~1conversations~1conversations~12026-09~1threads/get/parameters/"),
        "{err}"
    );
    assert_eq!(scratch.read(&models), before);
}

#[test]
fn generate_writes_a_crate_and_reports_its_time() {
    let scratch = Scratch::new("generate");
    let dir = &scratch.0;
    let out = dir.join("client");
    let spec = repo().join(SPEC);
    let args = [
        "generate",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--crate-name",
        "my-client",
    ];
    let output = xtask(&args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = stdout(&output);
    assert!(said.contains(" ms; wrote "), "{said}");
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"my-client\""));
    assert!(out.join("src/runtime/client.rs").exists());
    assert!(out.join("src/generated/operations.rs").exists());
    // Running again replaces the crate it generated.
    assert!(xtask(&args).status.success());
}

#[test]
fn generate_fails_cleanly_on_a_bad_spec_and_writes_nothing() {
    let scratch = Scratch::new("generate-bad");
    let dir = &scratch.0;
    let spec = dir.join("bad.yaml");
    let text = std::fs::read_to_string(repo().join(SPEC))
        .unwrap()
        .replacen(
            "$ref: '#/components/schemas/ThreadAssociationType'",
            "$ref: '#/components/schemas/Missing'",
            1,
        );
    std::fs::write(&spec, text).unwrap();
    let out = dir.join("client");
    let output = xtask(&[
        "generate",
        "--strict",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("bad.yaml") && err.contains("#/components/schemas/Missing"),
        "{err}"
    );
    assert!(!out.exists());
    let entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(entries, ["bad.yaml"], "no staging folder left behind");

    // A folder it did not generate is never replaced.
    let mine = dir.join("mine");
    std::fs::create_dir_all(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "keep").unwrap();
    let output = xtask(&[
        "generate",
        "--spec",
        repo().join(SPEC).to_str().unwrap(),
        "--out",
        mine.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("was not generated by this tool"));
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep"
    );
}

#[test]
fn generate_without_strict_warns_at_each_omission_and_writes_the_rest() {
    let scratch = Scratch::new("generate-partial");
    let dir = &scratch.0;
    let spec = repo().join("tests/fixtures/partial/inexpressible.yaml");
    let out = dir.join("client");
    let output = xtask(&[
        "generate",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{err}");
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
    assert_eq!(warnings.len(), 8, "{err}");
    assert!(
        warnings
            .iter()
            .all(|w| w.contains("inexpressible.yaml: #/")),
        "{err}"
    );
    assert!(
        err.contains("operation `createThing` (POST /things) left out"),
        "{err}"
    );
    let docs = std::fs::read_to_string(out.join("src/generated/mod.rs")).unwrap();
    assert!(docs.contains("# Not generated exactly"), "{docs}");
}

#[test]
fn generate_works_on_every_fixture_and_fails_cleanly_on_every_invalid_one() {
    let scratch = Scratch::new("fixtures");
    let dir = &scratch.0;
    for (folder, valid) in [("specs", true), ("invalid", false)] {
        let mut specs: Vec<_> = std::fs::read_dir(repo().join("tests/fixtures").join(folder))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        specs.sort();
        assert!(specs.len() >= 10, "{specs:?}");
        for spec in specs {
            let name = spec.file_name().unwrap().to_string_lossy().into_owned();
            let out = dir.join(&name);
            // Strictly: an invalid spec is refused whole.
            let output = xtask(&[
                "generate",
                "--strict",
                "--spec",
                spec.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
            ]);
            let err = String::from_utf8_lossy(&output.stderr);
            if valid {
                assert!(output.status.success(), "{name}: {err}");
                assert!(out.join("src/generated/models.rs").exists(), "{name}");
            } else {
                assert_eq!(output.status.code(), Some(1), "{name}: {err}");
                assert!(err.starts_with("error: "), "{name}: {err}");
                assert!(err.contains(&name), "{name}: {err}");
                assert!(!out.exists(), "{name}: nothing is written");
            }
        }
    }
}

/// Regenerating into a crate folder keeps what the user added (`.git/`, `target/`, their own
/// sources, the spec itself), refuses to overwrite a hand-edited generated file unless
/// `--force`, and writes the same bytes twice.
#[test]
fn generate_again_keeps_the_users_files_and_refuses_hand_edits() {
    let scratch = Scratch::new("generate-again");
    let out = scratch.path("client");
    let out_arg = out.to_str().unwrap();
    let first = xtask(&[
        "generate",
        "--spec",
        repo().join(SPEC).to_str().unwrap(),
        "--out",
        out_arg,
    ]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    scratch.write("client/.git/HEAD", "ref: refs/heads/main\n");
    scratch.write("client/target/debug/.fingerprint", "x");
    scratch.write("client/src/extra.rs", "// mine\n");
    std::fs::copy(repo().join(SPEC), out.join("api.yaml")).unwrap();
    let spec = out.join("api.yaml");
    let args = [
        "generate",
        "--spec",
        spec.to_str().unwrap(),
        "--out",
        out_arg,
    ];
    let again = xtask(&args);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(scratch.read("client/.git/HEAD"), "ref: refs/heads/main\n");
    assert_eq!(scratch.read("client/target/debug/.fingerprint"), "x");
    assert_eq!(scratch.read("client/src/extra.rs"), "// mine\n");
    assert!(spec.exists(), "the input spec is kept");
    let models = "client/src/generated/models.rs";
    let generated = scratch.read(models);

    assert!(xtask(&args).status.success());
    assert_eq!(
        scratch.read(models),
        generated,
        "same bytes on a second run"
    );

    scratch.write(models, "// my fix\n");
    let refused = xtask(&args);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("src/generated/models.rs") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(scratch.read(models), "// my fix\n");

    let forced = xtask(&[&args[..], &["--force"]].concat());
    assert!(
        forced.status.success(),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert_eq!(scratch.read(models), generated);
}

/// A crate name that breaks cargo's rules is refused before anything is written: a crafted one
/// cannot add keys (a `build =` script) to the generated `Cargo.toml`.
#[test]
fn generate_refuses_an_invalid_crate_name_and_writes_nothing() {
    let scratch = Scratch::new("generate-name");
    let out = scratch.path("client");
    let spec = repo().join(SPEC);
    for (name, rule) in [
        (
            "x\"\nbuild = \"evil.rs",
            "ASCII letters, digits, `-` and `_`",
        ),
        ("", "empty"),
        ("1client", "digit"),
        ("test", "reserved"),
        ("self", "reserved"),
        (&"a".repeat(65), "64"),
    ] {
        let output = xtask(&[
            "generate",
            "--spec",
            spec.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--crate-name",
            name,
        ]);
        assert_eq!(output.status.code(), Some(1), "{name:?}");
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.contains("crate name") && err.contains(rule),
            "{name:?}: {err}"
        );
        assert!(!out.exists(), "{name:?}: nothing is written");
    }
}
