//! The scratch workspace the generated crates are compiled in: one folder, one `Cargo.lock` (this
//! workspace's, so nothing is fetched), one `cargo test` and one target directory for every
//! fixture, corpus and random crate and the end-to-end tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::workspace_root;

/// A scratch workspace being filled with members.
pub struct Scratch {
    pub dir: PathBuf,
    members: Vec<String>,
}

impl Scratch {
    /// An empty workspace in a fresh folder of the temporary directory named `name`.
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch {
            dir,
            members: Vec::new(),
        }
    }

    /// Generates the spec at `spec` into `crates/<stem>`, a member of the workspace, and returns
    /// the crate's folder. Panics when the spec does not generate.
    pub fn add_spec(&mut self, stem: &str, spec: &Path, crate_name: Option<&str>) -> PathBuf {
        let options = codegen::CrateOptions {
            crate_name: crate_name.map(str::to_owned),
            strict: true,
            ..Default::default()
        };
        self.add_spec_with(stem, spec, &options)
    }

    /// [`Scratch::add_spec`] with any options (partial generation, features by tag).
    pub fn add_spec_with(
        &mut self,
        stem: &str,
        spec: &Path,
        options: &codegen::CrateOptions,
    ) -> PathBuf {
        let files = codegen::generate_crate(spec, options)
            .unwrap_or_else(|e| panic!("{} does not generate: {e}", spec.display()))
            .files;
        let dir = self.dir.join("crates").join(stem);
        codegen::ownership::write_crate(&dir, &files, codegen::ownership::Edited::Refuse).unwrap();
        // A member of the scratch workspace rather than a workspace of its own.
        let manifest = dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        assert!(text.contains("\n[workspace]\n"), "{text}");
        std::fs::write(&manifest, text.replace("\n[workspace]\n", "\n")).unwrap();
        self.members.push(format!("crates/{stem}"));
        dir
    }

    /// Writes `text` to `specs/<stem>.<extension>` and generates it as [`Scratch::add_spec`] does,
    /// with the `testing` feature on, no unit tests of the runtime (the fixture crates run them)
    /// and `smoke` as its integration test `tests/smoke.rs`. Returns the spec's path.
    pub fn add_spec_text(
        &mut self,
        stem: &str,
        extension: &str,
        text: &str,
        smoke: &str,
    ) -> PathBuf {
        let specs = self.dir.join("specs");
        std::fs::create_dir_all(&specs).unwrap();
        let spec = specs.join(format!("{stem}.{extension}"));
        std::fs::write(&spec, text).unwrap();
        let dir = self.add_spec(stem, &spec, Some(stem));
        let manifest = dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        assert!(text.contains("\ndefault = ["), "{text}");
        let text = text.replace("\ndefault = [", "\ndefault = [\"testing\", ");
        let text = format!("{text}\n[lib]\ntest = false\ndoctest = false\n");
        std::fs::write(&manifest, text).unwrap();
        std::fs::create_dir_all(dir.join("tests")).unwrap();
        // Deeply nested types need the recursion limit the crate's docs ask users for.
        let lib = std::fs::read_to_string(dir.join("src/lib.rs")).unwrap();
        let limit = lib
            .lines()
            .find(|l| l.starts_with("#![recursion_limit"))
            .map_or(String::new(), |l| format!("{l}\n"));
        std::fs::write(dir.join("tests/smoke.rs"), format!("{limit}{smoke}")).unwrap();
        spec
    }

    /// Copies the crate at `from` into the workspace as the member `name`.
    pub fn copy_member(&mut self, from: &Path, name: &str) {
        copy_dir(from, &self.dir.join(name));
        self.members.push(name.to_owned());
    }

    /// Runs `cargo test` on every member with `-D warnings`; the output names every test run.
    pub fn test(&self) -> Output {
        let members: Vec<String> = self.members.iter().map(|m| format!("\"{m}\"")).collect();
        std::fs::write(
            self.dir.join("Cargo.toml"),
            format!(
                "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
                members.join(", ")
            ),
        )
        .unwrap();
        let root = workspace_root();
        std::fs::copy(root.join("Cargo.lock"), self.dir.join("Cargo.lock")).unwrap();
        Command::new(env!("CARGO"))
            .args([
                "test",
                "--offline",
                "--workspace",
                "--all-targets",
                "--quiet",
                // Each test's name and outcome, even under `--quiet`.
                "--",
                "--format",
                "pretty",
            ])
            .current_dir(&self.dir)
            .env("RUSTFLAGS", "-D warnings")
            .env("CARGO_TARGET_DIR", root.join("target/generated-crates"))
            .output()
            .unwrap()
    }

    /// Removes the workspace's folder.
    pub fn remove(&self) {
        std::fs::remove_dir_all(&self.dir).unwrap();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
