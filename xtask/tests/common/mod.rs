//! Helpers shared by the xtask test files: the real binary run as a user runs it, and scratch
//! folders it works in. Each test file uses only some of them.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The vendored spec, relative to the workspace root.
pub const SPEC: &str = "spec/hubspot-conversations.yaml";
/// The checked-in generated code, relative to the workspace root.
pub const OUT: &str = "generated-client/src/generated";
/// The checked-in copy of the spec Prism serves, relative to the workspace root.
pub const PRISM: &str = "generated-client/prism/hubspot-conversations.json";

/// The workspace root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// `xtask ARGS`.
pub fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .output()
        .unwrap()
}

/// `xtask upstream --spec SPEC --deviations DEVIATIONS --published PUBLISHED… EXTRA…`.
pub fn upstream<P: AsRef<OsStr>>(
    spec: &Path,
    deviations: &Path,
    published: &[P],
    extra: &[&str],
) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("upstream")
        .arg("--spec")
        .arg(spec)
        .arg("--deviations")
        .arg(deviations)
        .arg("--published")
        .args(published)
        .args(extra)
        .output()
        .unwrap()
}

/// What the command printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the command printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `path` as a command-line argument.
pub fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A scratch folder, `xtask-<test file>-<name>-<process id>` in the temporary folder: emptied
/// when made, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    /// An empty scratch folder for the test `name`.
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "xtask-{}-{name}-{}",
            env!("CARGO_CRATE_NAME"),
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    /// A workspace copy: the vendored spec and the checked-in generated code.
    pub fn workspace(name: &str) -> Self {
        let scratch = Scratch::new(name);
        std::fs::create_dir_all(scratch.path("spec")).unwrap();
        std::fs::create_dir_all(scratch.path(OUT)).unwrap();
        std::fs::copy(repo().join(SPEC), scratch.path(SPEC)).unwrap();
        for entry in std::fs::read_dir(repo().join(OUT)).unwrap() {
            let entry = entry.unwrap();
            std::fs::copy(entry.path(), scratch.path(OUT).join(entry.file_name())).unwrap();
        }
        std::fs::create_dir_all(scratch.path(PRISM).parent().unwrap()).unwrap();
        std::fs::copy(repo().join(PRISM), scratch.path(PRISM)).unwrap();
        scratch
    }

    /// The path of `relative` in this folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.0.join(relative)
    }

    /// The text of the file `relative` in this folder.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).unwrap()
    }

    /// Writes `text` to `relative` (making its folders) and returns its path.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    /// Runs `xtask ARGS --root <this folder>`; git never looks above the scratch folder and
    /// reads no user or system configuration.
    pub fn xtask(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args(args)
            .arg("--root")
            .arg(&self.0)
            .env("GIT_CEILING_DIRECTORIES", std::env::temp_dir())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .output()
            .unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
