//! `cargo xtask`: project automation.
//!
//! - `cargo xtask regen` rewrites `generated-client/src/generated/` from the vendored spec;
//! - `cargo xtask check` regenerates in memory and fails, showing a diff, when the checked-in
//!   files are stale (CI runs it);
//! - `cargo xtask generate --spec PATH --out DIR` writes a self-contained client crate for any
//!   OpenAPI 3.0 spec;
//! - `cargo xtask diff --old FILE|REV` shows what a spec change does to the generated Rust API and
//!   which release it needs;
//! - `cargo xtask upstream --published FILE…` checks that the wire facts of the vendored spec
//!   match the vendor's published spec(s), but for the deviations `spec/upstream-deviations.yaml`
//!   justifies (exit 1 on any other difference, 2 on bad input);
//! - `cargo xtask reduce-published --out DIR FILE…` writes copies of published specs reduced to
//!   wire facts (no descriptions, summaries or examples), as checked in under `spec/published/`;
//! - `cargo xtask contract` runs the contract suite against Prism (see `contract`);
//! - `cargo xtask github` generates GitHub's REST API crate, checks it and smoke-tests it
//!   against Prism (see `github`);
//! - `cargo xtask prism-spec --out FILE` writes the copy of the spec Prism can serve;
//! - `cargo xtask bench-report` runs the benchmarks and writes `BENCHMARKS.md`.

mod bench_report;
mod contract;
mod diff;
mod github;
mod prism_spec;
mod reduce;
mod spec_source;
mod upstream;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use codegen::ownership;
use codegen::sync::{self, Change};
use codegen::vendored;

/// Longest diff printed per stale file.
const MAX_DIFF_LINES: usize = 80;

#[derive(Parser)]
#[command(about = "Project automation for the HubSpot Conversations client generator")]
struct Cli {
    /// Workspace root to work in (default: this checkout).
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate generated-client/src/generated/ (and the Prism copy in generated-client/prism/)
    /// from spec/hubspot-conversations.yaml.
    Regen,
    /// Fail (exit 1) with a diff when the checked-in generated code (or the Prism copy) differs
    /// from fresh generation.
    Check,
    /// Generate a self-contained client crate for any OpenAPI 3.0.x spec (YAML or JSON).
    Generate {
        /// The spec file.
        #[arg(long, value_name = "PATH")]
        spec: PathBuf,
        /// The crate folder to write: new, empty, or generated before. Only the files listed in
        /// its `.generated-files` are rewritten or removed; every other file is kept.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The crate's name (default: derived from the spec's title).
        #[arg(long, value_name = "NAME")]
        crate_name: Option<String>,
        /// Overwrite (or remove) generated files even when they were edited by hand.
        #[arg(long)]
        force: bool,
        /// Refuse the whole spec on any problem (default: generate everything expressible and
        /// print the rest as warnings, also listed in the crate's docs).
        #[arg(long)]
        strict: bool,
        /// One cargo feature per operation tag, so users compile only the tags they enable.
        #[arg(long)]
        features_by_tag: bool,
    },
    /// Show what a spec change does to the generated Rust API, and whether it is breaking.
    Diff(diff::DiffArgs),
    /// Check the vendored spec's wire facts against the vendor's published spec(s): exit 0 when
    /// every difference is listed in the deviations file with a reason, 1 on any other
    /// difference or a stale deviation, 2 on bad input.
    ///
    /// Compared, whatever the schema names, prose and `$ref` layout: operations (method +
    /// path), servers, parameters (location + name: required, schema, style/explode), request
    /// bodies and responses (status, media type, then field by field: type, format, required,
    /// nullable, enum values, union variants), and security (schemes, alternatives, scopes).
    /// Each difference is printed on one line with the JSON pointer on both sides; a deviations
    /// entry names one by `kind`, `ours` and `published` pointers, with a non-empty `reason`.
    Upstream(upstream::Args),
    /// Write copies of published specs reduced to wire facts (prose and examples stripped),
    /// one DIR/<stem>.json per FILE, deterministic.
    ReducePublished(reduce::Args),
    /// Contract tests: every operation against Prism serving the spec (needs Node.js and npm).
    Contract(contract::Args),
    /// Generate GitHub's REST API crate from the pinned @octokit/openapi, `cargo check` it
    /// with warnings denied and smoke-test it against Prism (needs Node.js and npm).
    Github(github::Args),
    /// Write the copy of the spec Prism can serve (as the contract tests serve it), for mocking
    /// the API with `npx @stoplight/prism-cli mock FILE`.
    PrismSpec(prism_spec::Args),
    /// Run the benchmarks and measurements and write BENCHMARKS.md (see that file).
    BenchReport(bench_report::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = cli.root.unwrap_or_else(workspace_root);
    let result = match cli.command {
        Command::Regen => regen(&root),
        Command::Check => check(&root),
        Command::Generate {
            spec,
            out,
            crate_name,
            force,
            strict,
            features_by_tag,
        } => {
            let options = codegen::CrateOptions {
                crate_name,
                strict,
                features_by_tag,
            };
            generate(&spec, &out, &options, force)
        }
        Command::Diff(args) => diff::run(&root, &args),
        Command::Upstream(args) => upstream::run(&root, &args),
        Command::ReducePublished(args) => reduce::run(&args),
        Command::Contract(args) => contract::run(&root, &args),
        Command::Github(args) => github::run(&root, &args),
        Command::PrismSpec(args) => prism_spec::run(&root, &args),
        Command::BenchReport(args) => bench_report::run(&root, &args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Generates the vendored spec and compares it with the checked-in files.
fn changes(root: &Path) -> Result<Vec<Change>, String> {
    let started = Instant::now();
    let files = vendored::generate_vendored(root).map_err(|e| e.to_string())?;
    println!(
        "generated {} files from {} in {:.1} ms",
        files.len(),
        vendored::SPEC,
        started.elapsed().as_secs_f64() * 1000.0
    );
    sync::compare(&root.join(vendored::OUT_DIR), &files).map_err(|e| e.to_string())
}

fn regen(root: &Path) -> Result<ExitCode, String> {
    let changes = changes(root)?;
    sync::apply(&root.join(vendored::OUT_DIR), &changes).map_err(|e| e.to_string())?;
    if changes.is_empty() {
        println!("{} is up to date", vendored::OUT_DIR);
    }
    for change in &changes {
        let verb = match change {
            Change::Modified { .. } => "updated",
            Change::Added { .. } => "created",
            Change::Removed { .. } => "removed",
        };
        println!("{verb} {}/{}", vendored::OUT_DIR, change.path());
    }
    if prism_spec::refresh(root)? {
        println!("updated {}", prism_spec::PRISM_SPEC);
    }
    Ok(ExitCode::SUCCESS)
}

fn generate(
    spec: &Path,
    out: &Path,
    options: &codegen::CrateOptions,
    force: bool,
) -> Result<ExitCode, String> {
    let started = Instant::now();
    let codegen::GeneratedCrate { files, warnings } =
        codegen::generate_crate(spec, options).map_err(|e| e.to_string())?;
    for warning in &warnings {
        eprintln!("warning: {}: {warning}", spec.display());
    }
    let generated = started.elapsed();
    let edited = if force {
        ownership::Edited::Overwrite
    } else {
        ownership::Edited::Refuse
    };
    let written = ownership::write_crate(out, &files, edited)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "generated {} files from {} in {:.1} ms; wrote {} ({} changed, {} removed)",
        files.len(),
        spec.display(),
        generated.as_secs_f64() * 1000.0,
        out.display(),
        written.written.len(),
        written.removed.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn check(root: &Path) -> Result<ExitCode, String> {
    let changes = changes(root)?;
    let prism_fresh = matches!(prism_spec::freshness(root)?, prism_spec::Freshness::Fresh);
    if !prism_fresh {
        println!(
            "stale: {} (the spec as Prism serves it)",
            prism_spec::PRISM_SPEC
        );
    }
    if changes.is_empty() && prism_fresh {
        println!("{} is up to date", vendored::OUT_DIR);
        return Ok(ExitCode::SUCCESS);
    }
    for change in &changes {
        let path = format!("{}/{}", vendored::OUT_DIR, change.path());
        match change {
            Change::Modified { old, new, .. } => {
                println!("stale: {path}");
                print_diff(&path, old, new);
            }
            Change::Added { .. } => println!("missing: {path} (generation creates it)"),
            Change::Removed { .. } => println!("extra: {path} (nothing generates it any more)"),
        }
    }
    diff::print_check_summary(root);
    eprintln!(
        "error: {} generated file(s) are stale; run `cargo xtask regen` and commit the result",
        changes.len() + usize::from(!prism_fresh)
    );
    Ok(ExitCode::FAILURE)
}

fn print_diff(path: &str, old: &str, new: &str) {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{path} (checked in)"),
            &format!("{path} (generated)"),
        )
        .to_string();
    let total = text.lines().count();
    for line in text.lines().take(MAX_DIFF_LINES) {
        println!("    {line}");
    }
    if total > MAX_DIFF_LINES {
        println!("    … {} more diff lines", total - MAX_DIFF_LINES);
    }
}
