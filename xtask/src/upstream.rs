//! `cargo xtask upstream`: compares the wire facts of our spec with a vendor's published
//! spec(s), allowing the differences `spec/upstream-deviations.yaml` lists with a reason.
//! Exit status: 0 when every difference is listed and no listed one is stale, 1 otherwise, 2 on
//! bad input (an unreadable or invalid file, a dangling `$ref`, an operation published twice).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::upstream::deviations::{Deviations, Report};
use codegen::upstream::{self, render, Document};
use codegen::vendored;

/// Arguments of `cargo xtask upstream`.
#[derive(clap::Args)]
pub struct Args {
    /// The published spec files (JSON or YAML); together they are the published side.
    #[arg(long, value_name = "FILE", num_args = 1.., required = true)]
    published: Vec<PathBuf>,
    /// Our spec (default: the vendored spec).
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// The reviewed deviations file (default: spec/upstream-deviations.yaml).
    #[arg(long, value_name = "PATH")]
    deviations: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// How to print the report.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// One line per difference, for people.
    Text,
    /// JSON for tools (shape documented in `codegen::upstream::render`).
    Json,
}

/// Exit status for bad input, distinct from "differences found" (1).
const BAD_INPUT: u8 = 2;

/// Runs `cargo xtask upstream`.
pub fn run(root: &Path, args: &Args) -> Result<ExitCode, String> {
    let report = match report(root, args) {
        Ok(report) => report,
        Err(message) => {
            eprintln!("error: {message}");
            return Ok(ExitCode::from(BAD_INPUT));
        }
    };
    let output = match args.format {
        Format::Text => render::text(&report),
        Format::Json => render::json(&report),
    };
    print!("{output}");
    Ok(if report.passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn report(root: &Path, args: &Args) -> Result<Report, String> {
    let (spec, spec_label) = given_or_default(root, args.spec.as_deref(), vendored::SPEC);
    let (deviations, deviations_label) = given_or_default(
        root,
        args.deviations.as_deref(),
        vendored::UPSTREAM_DEVIATIONS,
    );
    let ours = Document::load(&spec, &spec_label).map_err(|e| e.to_string())?;
    let published = args
        .published
        .iter()
        .map(|path| Document::load(path, &path.display().to_string()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())?;
    let deviations = Deviations::load(&deviations, &deviations_label).map_err(|e| e.to_string())?;
    let differences = upstream::compare(&ours, &published).map_err(|e| e.to_string())?;
    let labels: Vec<&str> = published.iter().map(|d| d.label.as_str()).collect();
    Ok(Report::new(&spec_label, &labels, &deviations, differences))
}

/// The path the user gave (labelled as given), else `default` under the workspace root
/// (labelled relative to it).
fn given_or_default(root: &Path, given: Option<&Path>, default: &str) -> (PathBuf, String) {
    match given {
        Some(path) => (path.to_owned(), path.display().to_string()),
        None => (root.join(default), default.to_owned()),
    }
}
