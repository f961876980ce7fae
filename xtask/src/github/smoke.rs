//! The smoke test: `tests/github/smoke` copied beside the generated crate and built, while Prism
//! loads GitHub's spec (served without examples, see `served.rs`); then run against it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::measure::{self, Usage};
use super::{cargo, generate, served, Step};
use crate::contract::prism::{Launch, Prism, Responses};

/// The smoke test's sources, relative to the workspace root.
const SOURCES: &str = "tests/github/smoke";

/// How long Prism may take to load GitHub's spec (about 25 s on a quiet 2-core machine).
const PRISM_STARTUP: Duration = Duration::from_secs(600);

/// Where things are.
pub struct Paths<'a> {
    pub root: &'a Path,
    pub spec: &'a Path,
    pub prism: &'a Path,
    /// The command's folder: the generated crate is in `crate/`.
    pub scratch: &'a Path,
    /// Cargo's target folder for the generated crates.
    pub target: &'a Path,
}

/// Builds and runs the smoke test against Prism; `features` are the generated crate's features
/// it needs (none when the crate has no optional parts). Returns the measured steps.
pub fn run(paths: &Paths<'_>, features: &[String]) -> Result<Vec<Step>, String> {
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
    let dir = copy_sources(paths.root, paths.scratch)?;
    let mut args = vec!["build".to_owned()];
    if !features.is_empty() {
        args.push("--features".to_owned());
        args.push(features.join(","));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (build, ready) = std::thread::scope(|scope| {
        let ready = scope.spawn(|| {
            let url = prism.ready_within(PRISM_STARTUP)?;
            Ok::<_, String>((url, spawned.elapsed()))
        });
        let build = cargo::run(&dir.join("Cargo.toml"), paths.target, &args);
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
        Step::new("smoke test: build", build),
        Step::new("smoke test: run against Prism", smoke),
    ])
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
