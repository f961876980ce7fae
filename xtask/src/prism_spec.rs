//! `cargo xtask prism-spec [--out FILE]`: the copy of the spec Prism can serve, as the contract
//! tests serve it (`contract/served.rs`: nothing that goes over the wire changes), for teams
//! that mock HubSpot with `npx @stoplight/prism-cli mock FILE`. The copy checked in as
//! [`PRISM_SPEC`] ships in the crate and is kept fresh by a test (`xtask/tests/prism_spec.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The checked-in served copy of the vendored spec, relative to the workspace root.
pub const PRISM_SPEC: &str = "generated-client/prism/hubspot-conversations.json";

/// Options of `cargo xtask prism-spec`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The spec to rewrite (default: the vendored spec).
    #[arg(long, value_name = "PATH")]
    spec: Option<PathBuf>,
    /// Where to write the copy (JSON; default: the checked-in
    /// generated-client/prism/hubspot-conversations.json).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Runs the command from the workspace `root`.
pub fn run(root: &Path, args: &Args) -> Result<ExitCode, String> {
    let spec = args
        .spec
        .clone()
        .unwrap_or_else(|| root.join(codegen::vendored::SPEC));
    let out = args.out.clone().unwrap_or_else(|| root.join(PRISM_SPEC));
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    let rewrites = crate::contract::write_served(&spec, &out)?;
    println!(
        "wrote {} from {}: {} union back-reference(s) dropped, {} `*/*` response(s) served as \
         application/json; serve it with `npx @stoplight/prism-cli mock {}`",
        out.display(),
        spec.display(),
        rewrites.back_references,
        rewrites.any_media_types,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}
