//! `cargo xtask prism-spec [--out FILE]`: the copy of the spec Prism can serve, as the contract
//! tests serve it (`contract/served.rs`: nothing that goes over the wire changes), for teams
//! that mock HubSpot with `npx @stoplight/prism-cli mock FILE`. The copy checked in as
//! [`PRISM_SPEC`] ships in the crate; `cargo xtask regen` rewrites it with the generated code and
//! `cargo xtask check` fails when it is stale.

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

/// Where the checked-in copy stands against the vendored spec.
pub enum Freshness {
    /// The checked-in copy is what the vendored spec gives.
    Fresh,
    /// It differs (or is missing); holds the text it should have.
    Stale(String),
}

/// Compares the checked-in copy with the one the vendored spec gives.
pub fn freshness(root: &Path) -> Result<Freshness, String> {
    let expected = crate::contract::served_text(&root.join(codegen::vendored::SPEC))?;
    let current = std::fs::read_to_string(root.join(PRISM_SPEC)).ok();
    Ok(if current.as_deref() == Some(expected.as_str()) {
        Freshness::Fresh
    } else {
        Freshness::Stale(expected)
    })
}

/// Rewrites the checked-in copy when it is stale; says whether it did.
pub fn refresh(root: &Path) -> Result<bool, String> {
    match freshness(root)? {
        Freshness::Fresh => Ok(false),
        Freshness::Stale(text) => {
            let path = root.join(PRISM_SPEC);
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)
                    .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
            }
            std::fs::write(&path, text)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            Ok(true)
        }
    }
}
