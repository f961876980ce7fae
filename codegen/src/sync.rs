//! Comparing generated files with a folder on disk, and bringing the folder up to date.
//! `regen` and `check` share this one code path: both compute the same [`Change`] list.

use std::io;
use std::path::{Path, PathBuf};

use crate::GeneratedFile;

/// How one file on disk differs from fresh generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The file exists with other contents.
    Modified {
        /// Relative path.
        path: String,
        /// Contents on disk.
        old: String,
        /// Freshly generated contents.
        new: String,
    },
    /// Generation makes a file that is not on disk.
    Added {
        /// Relative path.
        path: String,
        /// Freshly generated contents.
        new: String,
    },
    /// A `.rs` file in the folder that nothing generates any more.
    Removed {
        /// Relative path.
        path: String,
    },
}

impl Change {
    /// The relative path of the file concerned.
    pub fn path(&self) -> &str {
        match self {
            Change::Modified { path, .. }
            | Change::Added { path, .. }
            | Change::Removed { path } => path,
        }
    }
}

/// Line endings normalized so a checkout with CRLF conversion is not reported stale.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Every difference between `files` and the folder `dir` (which may not exist yet).
pub fn compare(dir: &Path, files: &[GeneratedFile]) -> io::Result<Vec<Change>> {
    let mut changes = Vec::new();
    for file in files {
        let on_disk = dir.join(&file.path);
        match std::fs::read_to_string(&on_disk) {
            Ok(old) if normalize(&old) == file.contents => {}
            Ok(old) => changes.push(Change::Modified {
                path: file.path.clone(),
                old: normalize(&old),
                new: file.contents.clone(),
            }),
            Err(e) if e.kind() == io::ErrorKind::NotFound => changes.push(Change::Added {
                path: file.path.clone(),
                new: file.contents.clone(),
            }),
            Err(e) => {
                return Err(io::Error::new(
                    e.kind(),
                    format!("{}: {e}", on_disk.display()),
                ))
            }
        }
    }
    for path in rust_files(dir)? {
        if !files.iter().any(|f| f.path == path) {
            changes.push(Change::Removed { path });
        }
    }
    changes.sort_by(|a, b| a.path().cmp(b.path()));
    Ok(changes)
}

/// Applies `changes` to `dir`: each file is written to a temporary sibling and renamed into
/// place, so an interrupted run never leaves a half-written file.
pub fn apply(dir: &Path, changes: &[Change]) -> io::Result<()> {
    for change in changes {
        let target = dir.join(change.path());
        match change {
            Change::Modified { new, .. } | Change::Added { new, .. } => {
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent)?;
                }
                let temporary = temporary_sibling(&target);
                std::fs::write(&temporary, new)?;
                std::fs::rename(&temporary, &target)?;
            }
            Change::Removed { .. } => std::fs::remove_file(&target)?,
        }
    }
    Ok(())
}

fn temporary_sibling(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    target.with_file_name(name)
}

/// `.rs` files under `dir`, relative and `/`-separated, sorted.
fn rust_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if let Ok(relative) = path.strip_prefix(dir) {
                    let parts: Vec<String> = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy().into_owned())
                        .collect();
                    out.push(parts.join("/"));
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    #[test]
    fn finds_modified_added_and_removed_files_then_applies_them() {
        let dir = std::env::temp_dir().join(format!("codegen-sync-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("same.rs"), "a\r\n").unwrap();
        std::fs::write(dir.join("old.rs"), "x\n").unwrap();
        std::fs::write(dir.join("sub/gone.rs"), "y\n").unwrap();
        std::fs::write(dir.join("notes.txt"), "kept\n").unwrap();
        let files = [
            file("same.rs", "a\n"),
            file("old.rs", "z\n"),
            file("new.rs", "n\n"),
        ];
        let changes = compare(&dir, &files).unwrap();
        let paths: Vec<&str> = changes.iter().map(Change::path).collect();
        assert_eq!(paths, ["new.rs", "old.rs", "sub/gone.rs"]);
        assert!(
            matches!(&changes[1], Change::Modified { old, new, .. } if old == "x\n" && new == "z\n")
        );
        apply(&dir, &changes).unwrap();
        assert!(compare(&dir, &files).unwrap().is_empty());
        assert!(dir.join("notes.txt").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
