//! Measurements outside criterion: the `generate` process's wall time, the generated crate's
//! size in lines, a cold build of `generated-client` in a scratch target dir with its dependency
//! tree, and the size of a release-mode example binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::cargo;

/// Process runs timed (after one warm-up run).
const GENERATE_RUNS: usize = 15;

/// Wall times of `xtask generate` on the vendored spec, run as a separate process each time.
pub struct GenerateTimes {
    pub median: Duration,
    pub min: Duration,
    pub runs: usize,
    /// Mean CPU time (user and system, all threads) per run, in seconds.
    pub cpu_seconds: Option<f64>,
}

/// Times this very binary (`xtask`, as `cargo xtask` built it) generating a crate from `spec`
/// into `out`, as a fresh process each run.
pub fn generate_times(spec: &Path, out: &Path) -> Result<GenerateTimes, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let run = || -> Result<Duration, String> {
        let started = Instant::now();
        let output = Command::new(&exe)
            .arg("generate")
            .arg("--spec")
            .arg(spec)
            .arg("--out")
            .arg(out)
            .output()
            .map_err(|e| e.to_string())?;
        let elapsed = started.elapsed();
        if !output.status.success() {
            return Err(format!(
                "xtask generate failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        Ok(elapsed)
    };
    run()?;
    let cpu_before = cargo::children_cpu_seconds();
    let mut times = (0..GENERATE_RUNS)
        .map(|_| run())
        .collect::<Result<Vec<_>, _>>()?;
    let cpu = cpu_before.zip(cargo::children_cpu_seconds());
    times.sort();
    Ok(GenerateTimes {
        median: times[times.len() / 2],
        min: times[0],
        runs: times.len(),
        cpu_seconds: cpu.map(|(before, after)| (after - before) / GENERATE_RUNS as f64),
    })
}

/// Files and lines under a folder.
#[derive(Default, Clone, Copy)]
pub struct Lines {
    pub files: usize,
    pub lines: usize,
}

/// Counts the files and lines under `dir` whose names end in one of `extensions` (all when empty).
pub fn count_lines(dir: &Path, extensions: &[&str]) -> Result<Lines, String> {
    let mut total = Lines::default();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            let inner = count_lines(&path, extensions)?;
            total.files += inner.files;
            total.lines += inner.lines;
        } else if extensions.is_empty()
            || extensions
                .iter()
                .any(|ext| path.extension().is_some_and(|e| e == *ext))
        {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            total.files += 1;
            total.lines += text.lines().count();
        }
    }
    Ok(total)
}

/// A cold build: its wall time, CPU time and how many crates it compiled.
pub struct ColdBuild {
    pub seconds: f64,
    /// User and system time of cargo and every compiler it ran.
    pub cpu_seconds: Option<f64>,
    pub crates_compiled: usize,
}

/// `cargo <args>` in `root` with `CARGO_TARGET_DIR=target_dir`, timed; counts `Compiling` lines.
pub fn timed_cargo(root: &Path, target_dir: &Path, args: &[&str]) -> Result<ColdBuild, String> {
    println!(
        "$ CARGO_TARGET_DIR={} cargo {}",
        target_dir.display(),
        args.join(" ")
    );
    let cpu_before = cargo::children_cpu_seconds();
    let started = Instant::now();
    let output = cargo::command(root)
        .env("CARGO_TARGET_DIR", target_dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    let cpu_seconds = cpu_before
        .zip(cargo::children_cpu_seconds())
        .map(|(before, after)| after - before);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("cargo {} failed:\n{stderr}", args.join(" ")));
    }
    let crates_compiled = stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("Compiling "))
        .count();
    println!(
        "   {seconds:.1} s wall, {} CPU, {crates_compiled} crates compiled",
        cpu_seconds.map_or_else(|| "unknown".to_owned(), |c| format!("{c:.1} s"))
    );
    Ok(ColdBuild {
        seconds,
        cpu_seconds,
        crates_compiled,
    })
}

/// The dependency tree of a package.
pub struct Dependencies {
    /// Distinct packages the package depends on (normal and build dependencies, this platform).
    pub count: usize,
    /// Packages of any platform's tree that bring OpenSSL ([`brings_openssl`]).
    pub openssl: Vec<String>,
}

/// Reads `cargo tree` for `package`.
pub fn dependencies(root: &Path, package: &str) -> Result<Dependencies, String> {
    let tree = |extra: &[&str]| -> Result<Vec<String>, String> {
        let output = cargo::command(root)
            .args(["tree", "--locked", "-p", package, "--prefix", "none"])
            .args(["-e", "normal,build"])
            .args(extra)
            .output()
            .map_err(|e| format!("cannot run cargo tree: {e}"))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).into_owned());
        }
        let mut packages: Vec<String> = String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                Some(format!("{} {}", words.next()?, words.next()?))
            })
            .collect();
        packages.sort();
        packages.dedup();
        Ok(packages)
    };
    let here = tree(&[])?;
    let openssl = tree(&["--target", "all"])?
        .into_iter()
        .filter(|p| brings_openssl(p))
        .collect();
    Ok(Dependencies {
        // The package itself is not one of its dependencies.
        count: here
            .iter()
            .filter(|p| !p.starts_with(&format!("{package} ")))
            .count(),
        openssl,
    })
}

/// Whether a `cargo tree` package (`name version`) links or builds OpenSSL: the `openssl`
/// bindings, their `-sys` and `-src` crates, or `native-tls`. `openssl-probe`, which rustls'
/// native roots use to find the system's certificate files, links nothing.
fn brings_openssl(package: &str) -> bool {
    let name = package.split_whitespace().next().unwrap_or_default();
    matches!(
        name,
        "openssl" | "openssl-sys" | "openssl-src" | "native-tls"
    )
}

/// Crates of the TLS stack, whose share of the cold build the report shows.
pub const TLS_CRATES: [&str; 12] = [
    "aws-lc-rs",
    "aws-lc-sys",
    "cc",
    "cmake",
    "rustls",
    "rustls-webpki",
    "rustls-pki-types",
    "rustls-platform-verifier",
    "rustls-native-certs",
    "webpki-root-certs",
    "tokio-rustls",
    "hyper-rustls",
];

/// Per-crate compile times of a build run with `--timings`: (crate, seconds), summed over each
/// crate's units (build script, library), longest first. Empty when cargo's report has no
/// `UNIT_DATA` (its format is cargo's own and may change).
pub fn crate_timings(target_dir: &Path) -> Vec<(String, f64)> {
    let Ok(html) = std::fs::read_to_string(target_dir.join("cargo-timings/cargo-timing.html"))
    else {
        return Vec::new();
    };
    let Some(start) = html.find("UNIT_DATA = ") else {
        return Vec::new();
    };
    let mut values =
        serde_json::Deserializer::from_str(&html[start + 12..]).into_iter::<serde_json::Value>();
    let Some(Ok(serde_json::Value::Array(units))) = values.next() else {
        return Vec::new();
    };
    let mut totals: Vec<(String, f64)> = Vec::new();
    for unit in &units {
        let (Some(name), Some(duration)) = (unit["name"].as_str(), unit["duration"].as_f64())
        else {
            continue;
        };
        match totals.iter_mut().find(|(n, _)| n == name) {
            Some((_, total)) => *total += duration,
            None => totals.push((name.to_owned(), duration)),
        }
    }
    totals.sort_by(|a, b| b.1.total_cmp(&a.1));
    totals
}

/// The size in bytes of the release example `name` built in `target_dir`.
pub fn example_size(target_dir: &Path, name: &str) -> Result<u64, String> {
    let path: PathBuf = target_dir.join("release/examples").join(name);
    std::fs::metadata(&path)
        .map(|m| m.len())
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod openssl_tests {
    use super::brings_openssl;

    #[test]
    fn only_packages_that_link_or_build_openssl_count() {
        for linked in [
            "openssl v0.10.1",
            "openssl-sys v0.9.1",
            "openssl-src v300.0.0",
            "native-tls v0.2.1",
        ] {
            assert!(brings_openssl(linked), "{linked}");
        }
        for other in [
            "openssl-probe v0.2.2",
            "rustls v0.23.0",
            "openssl-macros v0.1.0",
        ] {
            assert!(!brings_openssl(other), "{other}");
        }
    }
}
