//! A scratch folder for the served spec copies, Prism's logs and the rounds' reports: removed
//! when the command passes or is interrupted, kept for reading when it fails.

use std::path::{Path, PathBuf};

use super::cleanup;

/// The scratch folder; removed on drop unless [`WorkDir::keep`] was called.
pub struct WorkDir {
    path: PathBuf,
    keep: bool,
}

impl WorkDir {
    /// Creates a fresh folder under the system's temporary folder.
    pub fn create() -> Result<WorkDir, String> {
        let path = std::env::temp_dir().join(format!("xtask-contract-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        cleanup::scratch(Some(path.clone()));
        Ok(WorkDir { path, keep: false })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Leaves the folder in place when dropped.
    pub fn keep(&mut self) {
        cleanup::scratch(None);
        self.keep = true;
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}
