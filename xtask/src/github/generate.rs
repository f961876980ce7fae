//! GitHub's crate, generated with `codegen::generate_crate` (partial generation: what cannot be
//! expressed is a warning, printed) into the scratch folder, with this workspace's `Cargo.lock`
//! so building it fetches nothing and resolves the versions this workspace is tested with.

use std::path::Path;

use codegen::ownership::{self, Edited};

use super::measure::{self, Usage};

/// The generated crates' name.
const CRATE_NAME: &str = "github";

/// What generation gave.
pub struct Generated {
    pub warnings: usize,
    pub lines: usize,
    pub usage: Usage,
}

/// Generates `spec` into `out` (the command's own folder: files edited there are overwritten).
pub fn generate(
    root: &Path,
    spec: &Path,
    out: &Path,
    features_by_tag: bool,
) -> Result<Generated, String> {
    let options = codegen::CrateOptions {
        crate_name: Some(CRATE_NAME.to_owned()),
        features_by_tag,
        ..codegen::CrateOptions::default()
    };
    let (generated, usage) = measure::in_process(|| codegen::generate_crate(spec, &options));
    let codegen::GeneratedCrate { files, warnings } = generated.map_err(|e| e.to_string())?;
    for warning in &warnings {
        println!("warning: {warning}");
    }
    ownership::write_crate(out, &files, Edited::Overwrite)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    copy_lock(root, out)?;
    Ok(Generated {
        warnings: warnings.len(),
        lines: files.iter().map(|f| f.contents.lines().count()).sum(),
        usage,
    })
}

/// Copies this workspace's `Cargo.lock` into the crate folder `dir`.
pub fn copy_lock(root: &Path, dir: &Path) -> Result<(), String> {
    let lock = root.join("Cargo.lock");
    std::fs::copy(&lock, dir.join("Cargo.lock"))
        .map(drop)
        .map_err(|e| format!("cannot copy {} into {}: {e}", lock.display(), dir.display()))
}
