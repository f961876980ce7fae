//! `cargo xtask github`: the proof on a giant real-world spec. GitHub's REST API description
//! (`@octokit/openapi`, pinned by `tests/github/package-lock.json`) is generated into
//! `target/github/crate` with partial generation and `cargo check`ed with warnings denied (every
//! feature; with one feature per tag, also one tag alone); then `tests/github/smoke`, built
//! against a crate of the operations it calls, calls them against Prism (pinned by
//! `tests/contract`) serving GitHub's whole spec.
//! Each step's wall time, CPU time and peak memory is printed.

mod cargo;
pub(crate) mod generate;
pub(crate) mod measure;
mod restrict;
mod served;
mod smoke;
pub(crate) mod spec;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::contract::{cleanup, npm};
use measure::Usage;

/// The tag checked alone (the crate gets one cargo feature per tag).
const ONE_TAG: &str = "issues";

/// The command's folder, relative to the workspace root.
const SCRATCH: &str = "target/github";

/// Options of `cargo xtask github`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Generate this spec instead of the pinned package's (for trying the command on another
    /// copy; the smoke test expects GitHub's operations).
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
}

/// One measured step.
pub struct Step {
    name: String,
    usage: Usage,
}

impl Step {
    fn new(name: impl Into<String>, usage: Usage) -> Step {
        Step {
            name: name.into(),
            usage,
        }
    }
}

/// Runs the command from the workspace `root`.
pub fn run(root: &Path, args: &Args) -> Result<ExitCode, String> {
    cleanup::on_interrupt()?;
    let spec = match &args.spec {
        Some(spec) => spec.clone(),
        None => spec::ensure(&root.join("tests/github"))?,
    };
    let scratch = root.join(SCRATCH);
    let krate = scratch.join("crate");
    let target = scratch.join("target");
    println!("== generating {} into {}", spec.display(), krate.display());
    let generated = generate::generate(root, &spec, &krate, true)?;
    println!(
        "generated {} lines with {} warning(s): {}",
        generated.lines, generated.warnings, generated.usage
    );
    let mut steps = vec![Step::new("generate (in process)", generated.usage)];
    let prism = npm::ensure_prism(&root.join("tests/contract"))?;
    let manifest = krate.join("Cargo.toml");
    let all = cargo::run(&manifest, &target, &["check", "--all-features"])?;
    steps.push(Step::new("cargo check --all-features", all));
    let features = format!("rustls,{ONE_TAG}");
    let args = ["check", "--no-default-features", "--features", &features];
    let one = cargo::run(&manifest, &target, &args)?;
    steps.push(Step::new(
        format!("cargo check, tag `{ONE_TAG}` alone"),
        one,
    ));
    let paths = smoke::Paths {
        root,
        spec: &spec,
        prism: &prism,
        scratch: &scratch,
        target: &target,
    };
    steps.extend(smoke::run(&paths)?);
    print_steps(&steps);
    Ok(ExitCode::SUCCESS)
}

/// The table of what each step cost.
fn print_steps(steps: &[Step]) {
    println!(
        "\n== cargo xtask github: every step passed (≤: no more than this command's own peak)"
    );
    println!("| step | wall | CPU | peak memory |\n| --- | --- | --- | --- |");
    for Step { name, usage } in steps {
        let cpu = usage
            .cpu
            .map_or("?".to_owned(), |cpu| format!("{:.1} s", cpu.as_secs_f64()));
        let at_most = if usage.peak_at_most { "≤ " } else { "" };
        let peak = usage.peak_bytes.map_or("?".to_owned(), |peak| {
            format!("{at_most}{:.2} GB", peak as f64 / 1e9)
        });
        println!(
            "| {name} | {:.1} s | {cpu} | {peak} |",
            usage.wall.as_secs_f64()
        );
    }
}
