//! `cargo xtask diff` and the summary `cargo xtask check` prints, run as a user runs them: the real
//! binary on scratch copies of the vendored spec (and of the generated code), some of them in a
//! throwaway git repository.

use std::path::PathBuf;
use std::process::Command;

mod common;

use common::{repo, stderr, stdout, text, Scratch, OUT, SPEC};

/// A spec edit adding a value to the `ThreadStatus` enum: additive.
const ADD_STATUS: (&str, &str) = (
    "        - CLOSED\n        - OPEN\n",
    "        - CLOSED\n        - OPEN\n        - SNOOZED\n",
);
const STATUS_LINE: &str = "  additive   new value `SNOOZED` (`Snoozed`): string enums are";

/// A spec edit making `Thread.assignedTo` required: breaking.
const REQUIRE_ASSIGNEE: (&str, &str) = (
    "        - archived\n        - associatedContactId\n",
    "        - archived\n        - assignedTo\n        - associatedContactId\n",
);
const ASSIGNEE_LINE: &str = "  breaking   field `assignedTo` (`assigned_to`) became required (`Option<String>` → `String`): construction (struct literals; `new` gains an argument and the `with_` setter is gone) and reads written for `Option<T>` no longer type-check\n";

impl Scratch {
    /// Writes the vendored spec with `edits` applied to `relative`.
    fn spec(&self, relative: &str, edits: &[(&str, &str)]) -> PathBuf {
        let mut text = std::fs::read_to_string(repo().join(SPEC)).unwrap();
        for (from, to) in edits {
            assert!(text.contains(from), "the spec does not contain {from:?}");
            text = text.replacen(from, to, 1);
        }
        self.write(relative, &text)
    }

    /// Runs `git` here with a throwaway identity and no user or system configuration.
    fn git(&self, args: &[&str]) {
        let output = Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(&self.0)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .expect("git runs");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Makes this folder a git repository with everything in it committed.
    fn commit_all(&self, message: &str) {
        if !self.path(".git").exists() {
            self.git(&["init", "-q"]);
        }
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
    }
}

#[test]
fn two_files_an_additive_change_is_a_minor_release() {
    let scratch = Scratch::new("files");
    let old = scratch.spec("old.yaml", &[]);
    let new = scratch.spec("new.yaml", &[ADD_STATUS]);
    for fail_on in [&[][..], &["--fail-on", "breaking"][..]] {
        let mut args = vec!["diff", "--old", text(&old), "--new", text(&new)];
        args.extend(fail_on);
        let output = scratch.xtask(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let out = stdout(&output);
        assert!(
            out.starts_with(&format!("Spec diff: {} → {}\n", text(&old), text(&new))),
            "{out}"
        );
        assert!(
            out.contains("\ntype `ThreadStatus` (string enum, used in requests and responses)\n"),
            "{out}"
        );
        assert!(out.contains(STATUS_LINE), "{out}");
        assert!(
            out.ends_with("\nVerdict: minor (0 breaking, 1 additive, 0 behaviour, 0 docs)\n"),
            "{out}"
        );
    }
}

#[test]
fn fail_on_breaking_exits_1_only_when_something_breaks() {
    let scratch = Scratch::new("fail-on");
    let old = scratch.spec("old.yaml", &[]);
    let new = scratch.spec("new.yaml", &[ADD_STATUS, REQUIRE_ASSIGNEE]);
    let args = ["diff", "--old", text(&old), "--new", text(&new)];

    let output = scratch.xtask(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains(ASSIGNEE_LINE), "{out}");
    assert!(
        out.ends_with("\nVerdict: major (1 breaking, 1 additive, 0 behaviour, 0 docs)\n"),
        "{out}"
    );

    let output = scratch.xtask(&[&args[..], &["--fail-on", "breaking"]].concat());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), out, "the report is printed all the same");
    assert!(
        stderr(&output).contains("1 breaking change(s) found (--fail-on breaking)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn json_and_markdown_formats() {
    let scratch = Scratch::new("formats");
    let old = scratch.spec("old.yaml", &[]);
    let new = scratch.spec("new.yaml", &[ADD_STATUS, REQUIRE_ASSIGNEE]);
    let args = ["diff", "--old", text(&old), "--new", text(&new), "--format"];

    let output = scratch.xtask(&[&args[..], &["json"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["release"], "major");
    let kinds: Vec<(&str, &str, &str)> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
                c["impact"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("Thread", "field_became_required", "breaking"),
            ("ThreadStatus", "enum_value_added", "additive"),
        ]
    );

    let output = scratch.xtask(&[&args[..], &["markdown"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("### API changes (major release)\n\n#### Breaking changes\n\n- `Thread`: field `assignedTo`"), "{markdown}");
    assert!(
        markdown
            .contains("\n#### Additions\n\n- `ThreadStatus`: new value `SNOOZED` (`Snoozed`) — "),
        "{markdown}"
    );
}

#[test]
fn a_git_revision_as_old_and_new() {
    let scratch = Scratch::new("git-rev");
    scratch.spec(SPEC, &[]);
    scratch.commit_all("vendored spec");
    scratch.spec(SPEC, &[ADD_STATUS]);

    // The new spec defaults to the working tree's.
    let output = scratch.xtask(&["diff", "--old", "HEAD"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("Spec diff: HEAD:{SPEC} → {SPEC}\n")),
        "{out}"
    );
    assert!(out.contains(STATUS_LINE), "{out}");

    scratch.commit_all("SNOOZED threads");
    let output = scratch.xtask(&["diff", "--old", "HEAD~1", "--new", "HEAD"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("Spec diff: HEAD~1:{SPEC} → HEAD:{SPEC}\n")),
        "{out}"
    );
    assert!(out.contains(STATUS_LINE), "{out}");
    assert!(out.contains("Verdict: minor"), "{out}");

    let output = scratch.xtask(&["diff", "--old", "HEAD"]);
    assert!(
        stdout(&output).contains("No changes to the generated API."),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_revision_from_before_the_spec_was_renamed_reads_the_spec_under_its_former_name() {
    let scratch = Scratch::new("git-renamed");
    let former = "spec/conversations-former-name.yaml";
    scratch.spec(former, &[]);
    scratch.commit_all("vendored spec under its former name");
    std::fs::remove_file(scratch.path(former)).unwrap();
    scratch.spec(SPEC, &[ADD_STATUS]);
    scratch.commit_all("renamed, SNOOZED threads");

    let output = scratch.xtask(&["diff", "--old", "HEAD~1", "--new", "HEAD"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.starts_with(&format!("Spec diff: HEAD~1:{former} → HEAD:{SPEC}\n")),
        "{out}"
    );
    assert!(out.contains(STATUS_LINE), "{out}");
}

#[test]
fn neither_a_file_nor_a_revision_is_a_clear_error() {
    let scratch = Scratch::new("bad-old");
    scratch.spec(SPEC, &[]);
    scratch.commit_all("vendored spec");
    let output = scratch.xtask(&["diff", "--old", "no-such-rev"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with(&format!(
            "error: `no-such-rev` is neither a file nor a git revision holding {SPEC}: git show no-such-rev:./{SPEC} failed: fatal: "
        )),
        "{err}"
    );
    assert!(stdout(&output).is_empty());

    // A directory is neither either.
    let dir = scratch.path("spec");
    let output = scratch.xtask(&["diff", "--old", text(&dir)]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("is a directory: expected a spec file or a git revision"));

    // A spec that does not resolve is reported with its file and the problem's location.
    let broken = scratch.spec(
        "broken.yaml",
        &[(
            "$ref: '#/components/schemas/ThreadAssociationType'",
            "$ref: '#/components/schemas/Missing'",
        )],
    );
    let output = scratch.xtask(&["diff", "--old", text(&broken)]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("broken.yaml") && err.contains("#/components/schemas/Missing"),
        "{err}"
    );
}

#[test]
fn check_prints_what_the_spec_changes_when_the_code_is_stale() {
    let scratch = Scratch::workspace("check-git");
    scratch.commit_all("spec and generated code");
    scratch.spec(SPEC, &[ADD_STATUS]);
    let output = scratch.xtask(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains(&format!("stale: {OUT}/models.rs")), "{out}");
    assert!(
        out.contains(&format!(", the last commit of {OUT}:\nSpec diff: ")),
        "{out}"
    );
    assert!(out.contains(STATUS_LINE), "{out}");
    assert!(
        out.ends_with("\nVerdict: minor (0 breaking, 1 additive, 0 behaviour, 0 docs)\n"),
        "{out}"
    );
    assert!(stderr(&output).contains("run `cargo xtask regen`"));

    // Regenerated and committed: check passes and prints no diff.
    assert!(scratch.xtask(&["regen"]).status.success());
    scratch.commit_all("regen");
    let output = scratch.xtask(&["check"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(!stdout(&output).contains("Spec diff"));
}

#[test]
fn check_without_git_history_skips_the_summary_in_one_line() {
    let scratch = Scratch::workspace("check-no-git");
    scratch.spec(SPEC, &[ADD_STATUS]);
    let output = scratch.xtask(&["check"]);
    assert_eq!(output.status.code(), Some(1), "stale, as before");
    let out = stdout(&output);
    let skipped: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("spec diff skipped: "))
        .collect();
    assert_eq!(skipped.len(), 1, "{out}");
    assert!(skipped[0].contains("not a git repository"), "{out}");
    assert!(!out.contains("Verdict"), "{out}");
    assert!(stderr(&output).contains("run `cargo xtask regen`"));

    // A repository whose history never touched the generated code: skipped too.
    scratch.git(&["init", "-q"]);
    std::fs::write(scratch.path("notes.txt"), "notes").unwrap();
    scratch.git(&["add", "notes.txt"]);
    scratch.git(&["commit", "-q", "-m", "notes"]);
    let output = scratch.xtask(&["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains(&format!("spec diff skipped: no git commit touches {OUT}\n")),
        "{}",
        stdout(&output)
    );
}
