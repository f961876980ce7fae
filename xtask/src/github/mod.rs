//! `cargo xtask github`: the proof on a giant real-world spec. GitHub's REST API description
//! (`@octokit/openapi`, pinned by `tests/github/package-lock.json`) is generated into
//! `target/github/crate` with partial generation, `cargo check`ed with warnings denied (every
//! feature; with one feature per tag, also one tag alone), and smoke-tested: `tests/github/smoke`
//! calls its operations against Prism (pinned by `tests/contract`) serving GitHub's spec.
//! Each step's wall time, CPU time and peak memory is printed.

mod cargo;
pub(crate) mod generate;
pub(crate) mod measure;
mod served;
mod smoke;
pub(crate) mod spec;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::contract::{cleanup, npm};
use measure::Usage;

/// Whether the crate gets one cargo feature per tag (`CrateOptions::features_by_tag`). With it,
/// the command also checks [`ONE_TAG`] alone and builds the smoke test with [`SMOKE_TAGS`] only.
const FEATURES_BY_TAG: bool = false;

/// The tag checked alone.
const ONE_TAG: &str = "issues";

/// The tags of the operations the smoke test calls.
const SMOKE_TAGS: [&str; 19] = [
    "actions",
    "activity",
    "agent-tasks",
    "dependabot",
    "emojis",
    "gists",
    "git",
    "issues",
    "licenses",
    "markdown",
    "meta",
    "migrations",
    "orgs",
    "rate-limit",
    "reactions",
    "repos",
    "search",
    "security-advisories",
    "users",
];

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
    let generated = generate::generate(root, &spec, &krate, FEATURES_BY_TAG)?;
    println!(
        "generated {} lines with {} warning(s): {}",
        generated.lines, generated.warnings, generated.usage
    );
    let mut steps = vec![Step::new("generate (in process)", generated.usage)];
    let prism = npm::ensure_prism(&root.join("tests/contract"))?;
    let manifest = krate.join("Cargo.toml");
    let all = cargo::run(&manifest, &target, &["check", "--all-features"])?;
    steps.push(Step::new("cargo check --all-features", all));
    if FEATURES_BY_TAG {
        let features = format!("rustls,{ONE_TAG}");
        let args = ["check", "--no-default-features", "--features", &features];
        let one = cargo::run(&manifest, &target, &args)?;
        steps.push(Step::new(
            format!("cargo check, tag `{ONE_TAG}` alone"),
            one,
        ));
    }
    let features: Vec<String> = if FEATURES_BY_TAG {
        let crate_feature = |tag: &&str| format!("{}/{tag}", generate::CRATE_NAME);
        SMOKE_TAGS.iter().map(crate_feature).collect()
    } else {
        Vec::new()
    };
    let paths = smoke::Paths {
        root,
        spec: &spec,
        prism: &prism,
        scratch: &scratch,
        target: &target,
    };
    steps.extend(smoke::run(&paths, &features)?);
    print_steps(&steps);
    Ok(ExitCode::SUCCESS)
}

/// The table of what each step cost.
fn print_steps(steps: &[Step]) {
    println!("\n== cargo xtask github: every step passed");
    println!("| step | wall | CPU | peak memory |\n| --- | --- | --- | --- |");
    for Step { name, usage } in steps {
        let cpu = usage
            .cpu
            .map_or("?".to_owned(), |cpu| format!("{:.1} s", cpu.as_secs_f64()));
        let peak = usage.peak_bytes.map_or("?".to_owned(), |peak| {
            format!("{:.2} GB", peak as f64 / 1e9)
        });
        println!(
            "| {name} | {:.1} s | {cpu} | {peak} |",
            usage.wall.as_secs_f64()
        );
    }
}
