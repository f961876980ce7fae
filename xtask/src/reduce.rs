//! `cargo xtask reduce-published --out DIR FILE…`: writes a copy of each published spec reduced
//! to its wire facts (see `codegen::upstream::reduce`), as `DIR/<file stem>.json`, so vendors'
//! prose is never checked in. Each copy is compared with its original before it is written: a
//! reduction that changed a wire fact is an error, not a file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::upstream::{self, reduce, Document};

/// Arguments of `cargo xtask reduce-published`.
#[derive(clap::Args)]
pub struct Args {
    /// The folder to write the reduced copies to (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The published spec files (JSON or YAML).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// Runs `cargo xtask reduce-published`.
pub fn run(args: &Args) -> Result<ExitCode, String> {
    let mut names = BTreeSet::new();
    let mut outputs = Vec::new();
    for file in &args.files {
        let name = output_name(file)?;
        if !names.insert(name.clone()) {
            return Err(format!(
                "two inputs would both be written to {}: rename one",
                args.out.join(&name).display()
            ));
        }
        let label = file.display().to_string();
        let original = Document::load(file, &label).map_err(|e| e.to_string())?;
        let reduced = reduce::reduce(&original);
        check_unchanged(&original, &reduced, &name)?;
        outputs.push((name, original, reduced));
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;
    for (name, original, reduced) in outputs {
        let path = args.out.join(&name);
        std::fs::write(&path, &reduced)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let before = original.root.to_string().len();
        println!(
            "wrote {} ({} → {} bytes of compact JSON) from {}",
            path.display(),
            before,
            reduced_size(&reduced),
            original.label
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// `DIR/<stem>.json` for an input file.
fn output_name(file: &Path) -> Result<String, String> {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or_else(|| format!("{}: expected a file name", file.display()))?;
    Ok(format!("{stem}.json"))
}

/// Fails when the reduced copy's wire facts differ from the original's (a bug in the reduction).
fn check_unchanged(original: &Document, reduced: &str, name: &str) -> Result<(), String> {
    let copy = Document::parse(Path::new(name), name, reduced).map_err(|e| {
        format!(
            "bug: the reduced copy of {} is invalid: {e}",
            original.label
        )
    })?;
    let differences =
        upstream::compare(original, std::slice::from_ref(&copy)).map_err(|e| e.to_string())?;
    match differences.first() {
        None => Ok(()),
        Some(first) => Err(format!(
            "bug: reducing {} changed {} wire fact(s), first: {first}",
            original.label,
            differences.len()
        )),
    }
}

fn reduced_size(text: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|v| v.to_string().len())
        .unwrap_or(text.len())
}
