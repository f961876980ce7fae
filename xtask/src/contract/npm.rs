//! Installs a folder's npm packages from its `package-lock.json` with `npm ci`, only when
//! `node_modules` is missing or was installed from another lock: Prism for the contract suite
//! (`tests/contract`), GitHub's spec for `cargo xtask github` (`tests/github`).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where a successful install leaves a copy of the lock it installed from.
const STAMP: &str = "node_modules/.installed-package-lock.json";

/// Prism's launcher inside the install.
const PRISM: &str = "node_modules/.bin/prism";

/// Installs Prism into `dir` if needed and returns the path of its launcher.
pub fn ensure_prism(dir: &Path) -> Result<PathBuf, String> {
    ensure_installed(dir, PRISM, |tool, program| {
        format!(
            "`cargo xtask contract` needs {tool} (`{program}` on PATH) to install and run \
             Prism; install Node.js 18.20 or later with npm, or set CONTRACT_BASE_URL to test \
             an already-running server"
        )
    })
}

/// Runs `npm ci` in `dir` unless its `node_modules` was installed from the current lock and
/// holds `installed` (a path relative to `dir`); returns `dir/installed`. `missing_node` gives
/// the error when Node.js or npm is missing, from the tool's name and its program.
pub fn ensure_installed(
    dir: &Path,
    installed: &str,
    missing_node: fn(&str, &str) -> String,
) -> Result<PathBuf, String> {
    check_node(missing_node)?;
    let lock_path = dir.join("package-lock.json");
    let lock = std::fs::read(&lock_path)
        .map_err(|e| format!("cannot read {}: {e}", lock_path.display()))?;
    let wanted = dir.join(installed);
    let stamp = dir.join(STAMP);
    if wanted.exists() && std::fs::read(&stamp).is_ok_and(|done| done == lock) {
        return Ok(wanted);
    }
    println!(
        "== npm ci in {} ({installed} missing or stale)",
        dir.display()
    );
    let status = Command::new(npm())
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("`npm ci` in {} failed ({status})", dir.display()));
    }
    if !wanted.exists() {
        return Err(format!("`npm ci` did not install {}", wanted.display()));
    }
    std::fs::write(&stamp, lock).map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    Ok(wanted)
}

/// Fails with `missing_node`'s message when Node.js or npm is missing.
fn check_node(missing_node: fn(&str, &str) -> String) -> Result<(), String> {
    for (tool, program) in [("Node.js", "node"), ("npm", npm())] {
        let found = Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success());
        if !found {
            return Err(missing_node(tool, program));
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
