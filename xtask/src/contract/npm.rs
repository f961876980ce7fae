//! Installs Prism from `tests/contract/package-lock.json` with `npm ci`, only when
//! `node_modules` is missing or was installed from another lock.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where a successful install leaves a copy of the lock it installed from.
const STAMP: &str = "node_modules/.installed-package-lock.json";

/// Prism's launcher inside the install.
const PRISM: &str = "node_modules/.bin/prism";

/// Installs Prism into `dir` if needed and returns the path of its launcher.
pub fn ensure_prism(dir: &Path) -> Result<PathBuf, String> {
    check_node()?;
    let lock_path = dir.join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let prism = dir.join(PRISM);
    let stamp = dir.join(STAMP);
    if prism.exists() && std::fs::read(&stamp).is_ok_and(|installed| installed == lock) {
        return Ok(prism);
    }
    println!("== npm ci in {} (Prism missing or stale)", dir.display());
    let status = Command::new(npm())
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("`npm ci` in {} failed ({status})", dir.display()));
    }
    if !prism.exists() {
        return Err(format!("`npm ci` did not install {}", prism.display()));
    }
    std::fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(prism)
}

/// Fails clearly when Node.js or npm is missing.
fn check_node() -> Result<(), String> {
    for (tool, program) in [("Node.js", "node"), ("npm", npm())] {
        let found = Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success());
        if !found {
            return Err(format!(
                "`cargo xtask contract` needs {tool} (`{program}` on PATH) to install and run \
                 Prism; install Node.js 18.20 or later with npm, or set CONTRACT_BASE_URL to test \
                 an already-running server"
            ));
        }
    }
    Ok(())
}

fn npm() -> &'static str {
    if cfg!(windows) {
        "npm.cmd"
    } else {
        "npm"
    }
}
