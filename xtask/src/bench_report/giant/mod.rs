//! The giant-spec section: our generator and ploidy side by side on GitHub's REST spec (pinned by
//! `tests/github`), each through its own CLI, then a `cargo check` of each generated crate, and
//! both generators on the vendored spec. Every child's wall time, CPU time and peak memory comes
//! from `wait4` (`crate::github::measure`).

mod ploidy;

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::vendored;

use super::measure::{count_lines, Lines};
use crate::github::measure::{self, Usage};
use crate::github::{generate::copy_lock, spec};

/// Whether ours is also generated with one cargo feature per tag and checked with each of
/// [`ONE_TAG`] alone (`cargo xtask generate --features-by-tag`).
const FEATURES_BY_TAG: bool = true;

/// The tags checked alone: a small one and a big one.
const ONE_TAG: [&str; 2] = ["meta", "repos"];

/// Runs of each generator on the vendored spec (the median CPU time is shown).
const VENDORED_RUNS: usize = 5;

/// The pinned spec package, as the section names it.
pub const SPEC_PACKAGE: &str = "@octokit/openapi 23.0.2, generated/api.github.com.json";

/// One generator on GitHub's spec.
pub struct Side {
    pub generate: Usage,
    /// `.rs` files and lines of the generated crate.
    pub lines: Lines,
    /// `cargo check --all-features` of the generated crate, dependencies already checked.
    pub check: Usage,
}

/// Everything the giant-spec section shows.
pub struct Giant {
    pub commit: String,
    /// `ploidy --version`.
    pub ploidy_version: String,
    pub ours: Side,
    pub ploidy: Side,
    /// Ours with one feature per tag: each tag of [`ONE_TAG`] checked alone (empty when
    /// [`FEATURES_BY_TAG`] is off).
    pub one_tag: Vec<(String, Usage)>,
    /// Generating the vendored spec: ours and ploidy's median run.
    pub vendored: (Usage, Usage),
    /// The 1-minute load average when the measurements ended (Linux's `/proc/loadavg`).
    pub load_average: Option<f64>,
}

/// Takes the section's measurements in `target_dir/giant` (removed afterwards), with ploidy
/// installed once into `target_dir/anchors/ploidy`.
pub fn measure(root: &Path, target_dir: &Path, commit: String) -> Result<Giant, String> {
    let github = spec::ensure(&root.join("tests/github"))?;
    let hubspot = root.join(vendored::SPEC);
    let scratch = target_dir.join("giant");
    let _ = std::fs::remove_dir_all(&scratch);
    let ours_exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let ours = |spec: &Path, out: &Path| {
        let mut command = Command::new(&ours_exe);
        command
            .arg("generate")
            .arg("--spec")
            .arg(spec)
            .arg("--out")
            .arg(out);
        command
    };
    println!("== ours on the vendored spec ({VENDORED_RUNS} runs), then on GitHub's spec");
    let ours_vendored = median_run(&ours, &hubspot, &scratch.join("ours-hubspot"))?;
    let ours_side = Sides::ours(root, &scratch).side(&ours, &github)?;
    let one_tag = if FEATURES_BY_TAG {
        one_tag(root, &ours_exe, &github, &scratch)?
    } else {
        Vec::new()
    };

    let ploidy = ploidy::install(&target_dir.join("anchors/ploidy"))?;
    let ploidy_version = ploidy::version(&ploidy)?;
    let theirs = |spec: &Path, out: &Path| {
        let mut command = Command::new(&ploidy);
        command
            .args(["generate", "rust"])
            .arg(spec)
            .arg("-o")
            .arg(out);
        command
    };
    println!("== ploidy on the vendored spec ({VENDORED_RUNS} runs), then on GitHub's spec");
    let ploidy_vendored = median_run(&theirs, &hubspot, &scratch.join("ploidy-hubspot"))?;
    let ploidy_side = Sides::ploidy(&scratch).side(&theirs, &github)?;
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(Giant {
        commit,
        ploidy_version,
        ours: ours_side,
        ploidy: ploidy_side,
        one_tag,
        vendored: (ours_vendored, ploidy_vendored),
        load_average: load_average(),
    })
}

/// Where one generator's crates go and how they get a lock file.
struct Sides<'a> {
    name: &'static str,
    scratch: &'a Path,
    /// Our workspace root, whose `Cargo.lock` our crates get (checked `--offline`); ploidy's
    /// crates resolve their own.
    lock_from: Option<&'a Path>,
}

impl<'a> Sides<'a> {
    fn ours(root: &'a Path, scratch: &'a Path) -> Self {
        Sides {
            name: "ours",
            scratch,
            lock_from: Some(root),
        }
    }

    fn ploidy(scratch: &'a Path) -> Self {
        Sides {
            name: "ploidy",
            scratch,
            lock_from: None,
        }
    }

    /// Checks the vendored spec's crate first (its dependencies are the giant crate's, so the
    /// giant crate's check is its own), then generates GitHub's crate and checks it.
    fn side(
        &self,
        generator: &dyn Fn(&Path, &Path) -> Command,
        spec: &Path,
    ) -> Result<Side, String> {
        let target = self.scratch.join(format!("{}-target", self.name));
        let small = self.scratch.join(format!("{}-hubspot", self.name));
        println!("dependencies, checked with the vendored spec's crate:");
        self.check(&small, &target, &["--all-features"])?;
        let out = self.scratch.join(format!("{}-github", self.name));
        let generate = run(&mut generator(spec, &out), "generate")?;
        let lines = count_lines(&out, &["rs"])?;
        println!("generated {} lines in {} files", lines.lines, lines.files);
        if self.lock_from.is_none() {
            // The versions the vendored spec's crate resolved, so its checked dependencies serve.
            copy_lock(&small, &out)?;
        }
        let check = self.check(&out, &target, &["--all-features"])?;
        Ok(Side {
            generate,
            lines,
            check,
        })
    }

    /// `cargo check` of the crate in `dir` with `args`, in `target`.
    fn check(&self, dir: &Path, target: &Path, args: &[&str]) -> Result<Usage, String> {
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command.arg("check").args(args);
        if let Some(root) = self.lock_from {
            copy_lock(root, dir)?;
            command.arg("--offline");
        } else {
            standalone(&dir.join("Cargo.toml"))?;
        }
        command
            .arg("--manifest-path")
            .arg(dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        run(&mut command, "cargo check")
    }
}

/// Gives the manifest at `path` an empty `[workspace]` table unless it has one, so cargo does
/// not take the crate for a member of the workspace around the scratch folder (ploidy's crates
/// declare none; ours do).
fn standalone(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let with_workspace = with_workspace_table(&text);
    if with_workspace != text {
        std::fs::write(path, with_workspace).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// `manifest` ending with an empty `[workspace]` table, unless it has one.
fn with_workspace_table(manifest: &str) -> String {
    if manifest.lines().any(|line| line.trim() == "[workspace]") {
        return manifest.to_owned();
    }
    let newline = if manifest.ends_with('\n') { "" } else { "\n" };
    format!("{manifest}{newline}\n[workspace]\n")
}

/// Ours generated with `--features-by-tag`, each tag of [`ONE_TAG`] checked alone (with the
/// default TLS backend) after the dependencies with the same features.
fn one_tag(
    root: &Path,
    exe: &Path,
    spec: &Path,
    scratch: &Path,
) -> Result<Vec<(String, Usage)>, String> {
    let sides = Sides::ours(root, scratch);
    let target = scratch.join("ours-target");
    let out = scratch.join("ours-tags");
    let mut generate = Command::new(exe);
    generate
        .arg("generate")
        .arg("--features-by-tag")
        .arg("--spec")
        .arg(spec)
        .arg("--out")
        .arg(&out);
    run(&mut generate, "generate --features-by-tag")?;
    let tls_only = ["--no-default-features", "--features", "rustls"];
    sides.check(&scratch.join("ours-hubspot"), &target, &tls_only)?;
    ONE_TAG
        .iter()
        .map(|tag| {
            let features = format!("rustls,{tag}");
            let args = ["--no-default-features", "--features", &features];
            Ok(((*tag).to_owned(), sides.check(&out, &target, &args)?))
        })
        .collect()
}

/// Runs `generator` on `spec` into a fresh `out` [`VENDORED_RUNS`] times; the run of median CPU
/// time.
fn median_run(
    generator: &dyn Fn(&Path, &Path) -> Command,
    spec: &Path,
    out: &Path,
) -> Result<Usage, String> {
    let mut runs = (0..VENDORED_RUNS)
        .map(|_| {
            let _ = std::fs::remove_dir_all(out);
            run(&mut generator(spec, out), "generate")
        })
        .collect::<Result<Vec<_>, _>>()?;
    runs.sort_by_key(|usage| usage.cpu.unwrap_or(usage.wall));
    Ok(runs[runs.len() / 2])
}

/// The 1-minute load average, where Linux tells it.
fn load_average() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

/// Runs `command`, failing with its name unless it succeeds; prints what it cost.
fn run(command: &mut Command, what: &str) -> Result<Usage, String> {
    let shown = format!("{} {what}", PathBuf::from(command.get_program()).display());
    let (status, usage) = measure::run(command)?;
    println!("{shown}: {usage}");
    if status.success() {
        Ok(usage)
    } else {
        Err(format!("`{shown}` failed ({status}) after {usage}"))
    }
}

#[cfg(test)]
mod tests {
    use super::with_workspace_table;

    #[test]
    fn a_manifest_without_a_workspace_table_gets_an_empty_one_once() {
        let ploidy = "[package]\nname = \"hubspot\"\n\n[dependencies]\nploidy-util = \"0.15.0\"\n";
        let standalone = with_workspace_table(ploidy);
        assert_eq!(standalone, format!("{ploidy}\n[workspace]\n"));
        assert_eq!(with_workspace_table(&standalone), standalone);
        assert_eq!(
            with_workspace_table("[package]"),
            "[package]\n\n[workspace]\n"
        );
    }
}
