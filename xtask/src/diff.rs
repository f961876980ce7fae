//! `cargo xtask diff`: what a spec update changes in the generated Rust API, classified
//! breaking / additive / behaviour / docs, ending with the release it needs; and the same summary
//! for `cargo xtask check` when the generated code is stale.

use std::path::Path;
use std::process::ExitCode;

use codegen::diff::render::{self, Sources};
use codegen::diff::Impact;
use codegen::vendored;

use crate::spec_source;

/// Arguments of `cargo xtask diff`.
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old spec: a file, else a git revision whose spec/hubspot-conversations.yaml is read.
    #[arg(long, value_name = "FILE|REV")]
    old: String,
    /// The new spec, a file or revision (default: the working tree's
    /// spec/hubspot-conversations.yaml).
    #[arg(long, value_name = "FILE|REV")]
    new: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with status 1 when such a change is found (for CI).
    #[arg(long, value_enum, value_name = "WHAT")]
    fail_on: Option<FailOn>,
}

/// How to print the report.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Readable text grouped by operation and type.
    Text,
    /// JSON for tools.
    Json,
    /// A changelog section.
    Markdown,
}

/// What makes the command fail.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    /// Any breaking change (a major release).
    Breaking,
}

/// Runs `cargo xtask diff`.
pub fn run(root: &Path, args: &DiffArgs) -> Result<ExitCode, String> {
    let old = spec_source::load(root, &args.old)?;
    let new = match &args.new {
        Some(arg) => spec_source::load(root, arg)?,
        None => spec_source::load_file(&root.join(vendored::SPEC), vendored::SPEC)?,
    };
    let report = codegen::diff::diff(&old.api, &new.api);
    let sources = Sources {
        old: &old.label,
        new: &new.label,
    };
    let output = match args.format {
        Format::Text => render::text(&report, sources),
        Format::Json => render::json(&report, sources),
        Format::Markdown => render::markdown(&report),
    };
    print!("{output}");
    if args.fail_on == Some(FailOn::Breaking) && report.has_breaking() {
        eprintln!(
            "error: {} breaking change(s) found (--fail-on breaking)",
            report.count(Impact::Breaking)
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints what the working tree's spec changes since the spec the checked-in generated code came
/// from: the spec as of the last commit that touched the generated code. When git or that history
/// is unavailable, says so in one line instead; never fails.
pub fn print_check_summary(root: &Path) {
    match check_summary(root) {
        Ok(text) => print!("\n{text}"),
        Err(why) => println!("spec diff skipped: {why}"),
    }
}

fn check_summary(root: &Path) -> Result<String, String> {
    let first_line = |e: String| e.lines().next().unwrap_or_default().to_owned();
    let rev = spec_source::last_commit(root, vendored::OUT_DIR)?;
    let old = spec_source::at_revision(root, &rev).map_err(first_line)?;
    let new =
        spec_source::load_file(&root.join(vendored::SPEC), vendored::SPEC).map_err(first_line)?;
    let report = codegen::diff::diff(&old.api, &new.api);
    let sources = Sources {
        old: &old.label,
        new: &new.label,
    };
    Ok(format!(
        "What the spec changes since {rev}, the last commit of {}:\n{}",
        vendored::OUT_DIR,
        render::text(&report, sources)
    ))
}
