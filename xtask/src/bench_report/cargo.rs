//! Cargo commands for the workspace, run from inside `cargo xtask`.

use std::path::Path;
use std::process::Command;

/// `cargo` in `root`, without the variables `cargo run` set for xtask itself: build scripts such
/// as ring's track `CARGO_PKG_NAME` and friends, so leaving them in would rebuild those crates
/// (and everything above them) in every later plain `cargo` run.
pub fn command(root: &Path) -> Command {
    let mut command = Command::new("cargo");
    command.current_dir(root);
    for (name, _) in std::env::vars_os() {
        let Some(name) = name.to_str() else { continue };
        if name.starts_with("CARGO_PKG_")
            || name.starts_with("CARGO_MANIFEST_")
            || matches!(
                name,
                "CARGO_CRATE_NAME" | "CARGO_BIN_NAME" | "CARGO_PRIMARY_PACKAGE"
            )
        {
            command.env_remove(name);
        }
    }
    command
}

/// CPU time (user and system, seconds) of this process's finished, waited-for children so far,
/// from `/proc/self/stat`; `None` where that is not available.
pub fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which ends at the last `)`: state is field 3, cutime 16,
    // cstime 17, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(13)?.parse::<f64>().ok()? + fields.get(14)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}
