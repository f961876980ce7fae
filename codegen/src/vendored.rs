//! The project's own job: the vendored HubSpot spec and where its generated code lives, relative
//! to the workspace root. `cargo xtask regen`/`check` and the freshness test use these.

use std::path::Path;

use crate::{generate, load_api, Error, GeneratedFile, Provenance};

/// The vendored spec, relative to the workspace root.
pub const SPEC: &str = "spec/hubspot-conversations.yaml";

/// The folder the generated module is written to, relative to the workspace root.
pub const OUT_DIR: &str = "generated-client/src/generated";

/// Generates the files for the vendored spec under `workspace_root`.
pub fn generate_vendored(workspace_root: &Path) -> Result<Vec<GeneratedFile>, Error> {
    let provenance = Provenance {
        spec: SPEC.to_owned(),
        command: "cargo xtask regen".to_owned(),
    };
    generate(&load_api(&workspace_root.join(SPEC))?, &provenance)
}

/// The reviewed list of deliberate differences from HubSpot's published specs, relative to the
/// workspace root (`cargo xtask upstream`).
pub const UPSTREAM_DEVIATIONS: &str = "spec/upstream-deviations.yaml";
