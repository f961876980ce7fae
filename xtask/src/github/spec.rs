//! GitHub's spec: `@octokit/openapi`, pinned by `tests/github/package-lock.json` and installed
//! there with `npm ci` when missing or stale.

use std::path::{Path, PathBuf};

use crate::contract::npm;

/// The spec inside the install.
const SPEC: &str = "node_modules/@octokit/openapi/generated/api.github.com.json";

/// Installs the pinned package into `dir` if needed and returns the spec's path.
pub fn ensure(dir: &Path) -> Result<PathBuf, String> {
    npm::ensure_installed(dir, SPEC, |tool, program| {
        format!(
            "`cargo xtask github` needs {tool} (`{program}` on PATH) to install GitHub's spec \
             (@octokit/openapi) and run Prism; install Node.js 18.20 or later with npm"
        )
    })
}
