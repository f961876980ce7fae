//! The smoke test: `tests/github/smoke` built against a crate generated from GitHub's spec
//! restricted to the operations it calls (`restrict.rs`), while Prism loads the whole spec
//! (rewritten, see `served.rs`); then run against it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use super::measure::{self, Usage};
use super::{cargo, generate, restrict, served, Step};
use crate::contract::prism::{Launch, Prism, Responses};

/// The smoke test's sources, relative to the workspace root.
const SOURCES: &str = "tests/github/smoke";

/// The operations the smoke test calls: its crate is generated with these alone.
const OPERATIONS: [&str; 34] = [
    "actions/get-workflow",
    "activity/mark-notifications-as-read",
    "activity/star-repo-for-authenticated-user",
    "agent-tasks/list-tasks-for-repo",
    "dependabot/list-alerts-for-org",
    "emojis/get",
    "gists/create",
    "git/create-tree",
    "issues/add-labels",
    "issues/create",
    "issues/get",
    "issues/list-for-repo",
    "issues/lock",
    "issues/unlock",
    "issues/update",
    "licenses/get-all-commonly-used",
    "markdown/render",
    "markdown/render-raw",
    "meta/get-octocat",
    "meta/get-zen",
    "meta/root",
    "migrations/list-for-org",
    "orgs/list-pat-grant-requests",
    "rate-limit/get",
    "reactions/create-for-issue",
    "repos/delete",
    "repos/download-tarball-archive",
    "repos/get",
    "repos/get-commit",
    "repos/upload-release-asset",
    "search/issues-and-pull-requests",
    "security-advisories/list-global-advisories",
    "users/get-by-username",
    "users/list",
];

/// How long Prism may take to load GitHub's spec (about 25 s on a quiet 2-core machine).
const PRISM_STARTUP: Duration = Duration::from_secs(600);

/// Where things are.
pub struct Paths<'a> {
    pub root: &'a Path,
    pub spec: &'a Path,
    pub prism: &'a Path,
    /// The command's folder: the smoke test's crate goes to `smoke-crate/`, the smoke test to
    /// `smoke/`.
    pub scratch: &'a Path,
    /// Cargo's target folder for the generated crates.
    pub target: &'a Path,
}

/// Generates the smoke test's crate, builds the smoke test and runs it against Prism; returns
/// the measured steps.
pub fn run(paths: &Paths<'_>) -> Result<Vec<Step>, String> {
    let served = paths.scratch.join("served.json");
    let rewrites = served::write(paths.spec, &served)?;
    println!(
        "== Prism serving {} without its {} examples, {} redirect(s) to {} and {} parameter \
         union(s) as anyOf (see xtask/src/github/served.rs)",
        paths.spec.display(),
        rewrites.examples,
        rewrites.redirects,
        served::REDIRECT_TARGET,
        rewrites.unions
    );
    let log = paths.scratch.join("prism.log");
    let mut prism = Prism::spawn(Launch {
        bin: paths.prism.to_owned(),
        spec: served,
        responses: Responses::Static,
        log: log.clone(),
    })?;
    let spawned = Instant::now();
    let generated = generate_crate(paths)?;
    let dir = copy_sources(paths.root, paths.scratch)?;
    let (build, ready) = std::thread::scope(|scope| {
        let ready = scope.spawn(|| {
            let url = prism.ready_within(PRISM_STARTUP)?;
            Ok::<_, String>((url, spawned.elapsed()))
        });
        let build = cargo::run(&dir.join("Cargo.toml"), paths.target, &["build"]);
        let ready = ready
            .join()
            .unwrap_or_else(|_| Err("waiting for Prism panicked".to_owned()));
        (build, ready)
    });
    let build = build?;
    let (url, startup) = ready?;
    println!(
        "Prism answered {:.1} s after it started",
        startup.as_secs_f64()
    );
    let smoke = run_binary(paths.target, &url, &log)?;
    drop(prism);
    Ok(vec![
        Step::new("smoke test: generate its crate", generated),
        Step::new("smoke test: build", build),
        Step::new("smoke test: run against Prism", smoke),
    ])
}

/// Generates the crate of [`OPERATIONS`] into `scratch/smoke-crate`.
fn generate_crate(paths: &Paths<'_>) -> Result<Usage, String> {
    let text = std::fs::read(paths.spec)
        .map_err(|e| format!("cannot read {}: {e}", paths.spec.display()))?;
    let mut spec: Value = serde_json::from_slice(&text)
        .map_err(|e| format!("{} is not JSON: {e}", paths.spec.display()))?;
    restrict::restrict(&mut spec, &OPERATIONS)?;
    let restricted = paths.scratch.join("smoke-spec.json");
    let text = serde_json::to_vec(&spec).map_err(|e| format!("cannot encode: {e}"))?;
    std::fs::write(&restricted, text)
        .map_err(|e| format!("cannot write {}: {e}", restricted.display()))?;
    let out = paths.scratch.join("smoke-crate");
    println!(
        "== generating the {} operations the smoke test calls into {}",
        OPERATIONS.len(),
        out.display()
    );
    let generated = generate::generate(paths.root, &restricted, &out, false)?;
    println!(
        "generated {} lines with {} warning(s): {}",
        generated.lines, generated.warnings, generated.usage
    );
    Ok(generated.usage)
}

/// Copies the smoke test's manifest and sources to `scratch/smoke`, beside the generated crate
/// it depends on, with this workspace's `Cargo.lock`; returns the folder.
fn copy_sources(root: &Path, scratch: &Path) -> Result<PathBuf, String> {
    let from = root.join(SOURCES);
    let to = scratch.join("smoke");
    let _ = std::fs::remove_dir_all(&to);
    for folder in ["", "src"] {
        let (from, to) = (from.join(folder), to.join(folder));
        std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
        let entries =
            std::fs::read_dir(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_file() {
                let target = to.join(path.file_name().unwrap_or_default());
                std::fs::copy(&path, &target)
                    .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
            }
        }
    }
    generate::copy_lock(root, &to)?;
    Ok(to)
}

/// Runs the built smoke test against `url`.
fn run_binary(target: &Path, url: &str, log: &Path) -> Result<Usage, String> {
    let binary = target
        .join("debug")
        .join(format!("github-smoke{}", std::env::consts::EXE_SUFFIX));
    println!("== {} {url}", binary.display());
    let (status, usage) = measure::run(Command::new(&binary).arg(url))?;
    if status.success() {
        Ok(usage)
    } else {
        Err(format!(
            "the smoke test failed ({status}); Prism's log: {}",
            log.display()
        ))
    }
}
