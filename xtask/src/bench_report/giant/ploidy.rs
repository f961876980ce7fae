//! ploidy, the Rust OpenAPI generator we compare with on GitHub's spec: installed by
//! `cargo install` into the target folder once (re-runs find it there), then run through its CLI.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The version requirement installed (the report names the version it ran).
pub const VERSION: &str = "~0.15";

/// Installs ploidy under `root` (`root/bin/ploidy`) unless it is there; returns the binary.
pub fn install(root: &Path) -> Result<PathBuf, String> {
    let binary = root.join("bin").join("ploidy");
    if binary.exists() {
        return Ok(binary);
    }
    println!(
        "== cargo install ploidy --version {VERSION} --locked --root {}",
        root.display()
    );
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([
            "install",
            "ploidy",
            "--version",
            VERSION,
            "--locked",
            "--root",
        ])
        .arg(root)
        // Kept until the install succeeds, so an interrupted install resumes.
        .arg("--target-dir")
        .arg(root.join("build"))
        .status()
        .map_err(|e| format!("cannot run cargo install: {e}"))?;
    if !status.success() || !binary.exists() {
        return Err(format!("cargo install ploidy failed ({status})"));
    }
    let _ = std::fs::remove_dir_all(root.join("build"));
    Ok(binary)
}

/// `ploidy --version`, e.g. `ploidy 0.15.0`.
pub fn version(binary: &Path) -> Result<String, String> {
    let output = Command::new(binary)
        .arg("--version")
        .output()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}
