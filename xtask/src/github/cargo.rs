//! Cargo runs on the generated crates, warnings denied, offline (their `Cargo.lock` is this
//! workspace's), not incremental (they are rebuilt from scratch when they change, and the whole
//! GitHub crate's incremental state ran this machine's disk out of space), in a target folder of
//! their own so they never invalidate the workspace's build.

use std::path::Path;
use std::process::Command;

use super::measure::{self, Usage};

/// A cargo subcommand on the crate whose manifest is `manifest`, with `args`, measured.
pub fn run(manifest: &Path, target: &Path, args: &[&str]) -> Result<Usage, String> {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .args(args)
        .arg("--offline")
        .arg("--manifest-path")
        .arg(manifest)
        .env("CARGO_TARGET_DIR", target)
        .env("RUSTFLAGS", "-D warnings")
        .env("CARGO_INCREMENTAL", "0")
        // Would take precedence over RUSTFLAGS.
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    let shown = format!(
        "cargo {} --manifest-path {}",
        args.join(" "),
        manifest.display()
    );
    println!("== {shown} (RUSTFLAGS=\"-D warnings\")");
    let (status, usage) = measure::run(&mut command)?;
    if status.success() {
        println!("{shown}: {usage}");
        Ok(usage)
    } else {
        Err(format!("`{shown}` failed ({status}) after {usage}"))
    }
}
