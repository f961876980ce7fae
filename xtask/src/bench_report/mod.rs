//! `cargo xtask bench-report`: runs the criterion benches, measures what criterion cannot (the
//! `generate` process, generated lines, a cold build, dependencies, binary size) and writes
//! `BENCHMARKS.md` with the machine, the targets and the commands to reproduce each figure.

mod cargo;
mod criterion;
mod giant;
mod machine;
mod markdown;
mod measure;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::vendored;

pub use self::criterion::{Curve, DecodePaired, Estimate, Load, Paired, PeakMemory};
pub use self::giant::{Giant, Side};
pub use self::machine::Machine;
pub use self::measure::{Dependencies, GenerateTimes, Lines};

/// Options of `cargo xtask bench-report`.
#[derive(clap::Args)]
pub struct Args {
    /// Shorter criterion runs (1 s warm-up, 2 s measurement), to try the command quickly.
    #[arg(long)]
    quick: bool,
    /// The file to write (default: BENCHMARKS.md at the workspace root).
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
    /// Measure only this section and rewrite it alone in the existing file, leaving the rest
    /// byte for byte.
    #[arg(long, value_name = "SECTION")]
    only: Option<Section>,
}

/// A section `--only` measures alone.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Section {
    /// Ours against ploidy on GitHub's REST spec: generation and `cargo check` of each crate.
    Giant,
}

/// Everything the report shows.
pub struct Report {
    pub machine: Machine,
    pub commit: String,
    /// Operations in the vendored spec (the ×1 of the scaling bench).
    pub operations: usize,
    pub quick: bool,
    pub generate: GenerateTimes,
    pub generated_code: Lines,
    pub generated_crate: Lines,
    pub dependencies: Dependencies,
    pub cold_build_seconds: f64,
    pub cold_build_cpu_seconds: Option<f64>,
    /// Compile time per crate in the cold build, longest first.
    pub crate_timings: Vec<(String, f64)>,
    pub crates_compiled: usize,
    pub example_bytes: u64,
    pub stages: Vec<(&'static str, Estimate)>,
    pub scaling: Vec<(usize, Estimate)>,
    /// The resolver on each adversarial shape, by schema count.
    pub adversarial: Vec<Curve>,
    pub get_thread: (Estimate, Estimate),
    pub paired: Paired,
    /// `get_thread` under concurrent load, one per concurrency (none where the bench could not
    /// read per-thread CPU times).
    pub load: Vec<Load>,
    pub decode: Vec<(&'static str, Estimate)>,
    pub decode_paired: DecodePaired,
    pub stream: Estimate,
    pub peak_memory: Vec<PeakMemory>,
    /// Ours against ploidy on GitHub's spec.
    pub giant: Giant,
}

/// The pipeline stages benched, as criterion names them under `pipeline/`.
pub const STAGES: [&str; 5] = ["load", "resolve", "emit", "format", "end_to_end"];

/// The decode benches, as criterion names them under `decode_message_page/`.
pub const DECODES: [&str; 4] = [
    "generated_client",
    "serde_json_from_slice",
    "plain_structs_no_union",
    "via_serde_json_value",
];

/// Copy counts of the scaling bench (see `codegen/benches/scaling.rs`).
pub const SCALING: [usize; 3] = [1, 4, 16];

/// The example whose release binary is weighed.
pub const EXAMPLE: &str = "list_open_threads";

/// Runs everything and writes the report.
pub fn run(root: &Path, args: &Args) -> Result<ExitCode, String> {
    let target_dir =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let scratch = target_dir.join("bench-report");
    let _ = std::fs::remove_dir_all(&scratch);

    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("BENCHMARKS.md"));
    let text = match args.only {
        Some(Section::Giant) => {
            let existing = std::fs::read_to_string(&out)
                .map_err(|e| format!("cannot read {}: {e}", out.display()))?;
            let giant = giant::measure(root, &target_dir, commit(root))?;
            markdown::giant::splice(&existing, &markdown::giant::section(&giant))?
        }
        None => markdown::render(&measure_all(root, &target_dir, &scratch, args.quick)?),
    };
    std::fs::write(&out, text).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let _ = std::fs::remove_dir_all(&scratch);
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// Takes every measurement the report shows, announcing each step on stdout.
fn measure_all(
    root: &Path,
    target_dir: &Path,
    scratch: &Path,
    quick: bool,
) -> Result<Report, String> {
    let machine = Machine::describe();
    let commit = commit(root);

    println!("== generate: the xtask process on {}", vendored::SPEC);
    let generated = Generated::measure(root, scratch)?;

    println!("== dependencies and a cold build of generated-client");
    let dependencies = measure::dependencies(root, "generated-client")?;
    let cold = Cold::measure(root, scratch)?;

    println!("== criterion benches");
    let benches = Benches::run(root, target_dir, quick)?;

    println!("== giant spec: ours and ploidy on GitHub's REST spec");
    let giant = giant::measure(root, target_dir, commit.clone())?;

    Ok(Report {
        machine,
        commit,
        operations: generated.operations,
        quick,
        generate: generated.times,
        generated_code: generated.code,
        generated_crate: generated.whole_crate,
        dependencies,
        cold_build_seconds: cold.build.seconds,
        cold_build_cpu_seconds: cold.build.cpu_seconds,
        crate_timings: cold.crate_timings,
        crates_compiled: cold.build.crates_compiled,
        example_bytes: cold.example_bytes,
        stages: benches.stages,
        scaling: benches.scaling,
        adversarial: benches.adversarial,
        get_thread: benches.get_thread,
        paired: benches.paired,
        load: benches.load,
        decode: benches.decode,
        decode_paired: benches.decode_paired,
        stream: benches.stream,
        peak_memory: benches.peak_memory,
        giant,
    })
}

/// The short hash of the checked-out commit.
fn commit(root: &Path) -> String {
    let root = root.display().to_string();
    machine::output("git", &["-C", &root, "rev-parse", "--short", "HEAD"])
}

/// The `generate` process on the vendored spec and what it wrote.
struct Generated {
    /// Operations in the vendored spec.
    operations: usize,
    times: GenerateTimes,
    whole_crate: Lines,
    /// Lines under the crate's `src/generated`.
    code: Lines,
}

impl Generated {
    /// Times `generate` into `scratch/generated-crate` and counts the lines it wrote.
    fn measure(root: &Path, scratch: &Path) -> Result<Self, String> {
        let crate_dir = scratch.join("generated-crate");
        let spec_text =
            std::fs::read_to_string(root.join(vendored::SPEC)).map_err(|e| e.to_string())?;
        let operations = spec_text.matches("operationId:").count();
        let times = measure::generate_times(&root.join(vendored::SPEC), &crate_dir)?;
        let whole_crate = measure::count_lines(&crate_dir, &[])?;
        let code = measure::count_lines(&crate_dir.join("src/generated"), &["rs"])?;
        Ok(Generated {
            operations,
            times,
            whole_crate,
            code,
        })
    }
}

/// A cold dev build of generated-client and the size of a release example.
struct Cold {
    build: measure::ColdBuild,
    /// Compile time per crate, longest first.
    crate_timings: Vec<(String, f64)>,
    example_bytes: u64,
}

impl Cold {
    /// Builds in `scratch/cold` (removed afterwards): the dev build with `--timings`, then
    /// [`EXAMPLE`] in release.
    fn measure(root: &Path, scratch: &Path) -> Result<Self, String> {
        let cold_dir = scratch.join("cold");
        let build = measure::timed_cargo(
            root,
            &cold_dir,
            &["build", "--locked", "-p", "generated-client", "--timings"],
        )?;
        let crate_timings = measure::crate_timings(&cold_dir);
        measure::timed_cargo(
            root,
            &cold_dir,
            &[
                "build",
                "--locked",
                "--release",
                "-p",
                "generated-client",
                "--example",
                EXAMPLE,
            ],
        )?;
        let example_bytes = measure::example_size(&cold_dir, EXAMPLE)?;
        let _ = std::fs::remove_dir_all(&cold_dir);
        Ok(Cold {
            build,
            crate_timings,
            example_bytes,
        })
    }
}

/// The criterion benches' medians and the figures they print.
struct Benches {
    stages: Vec<(&'static str, Estimate)>,
    scaling: Vec<(usize, Estimate)>,
    adversarial: Vec<Curve>,
    get_thread: (Estimate, Estimate),
    decode: Vec<(&'static str, Estimate)>,
    stream: Estimate,
    peak_memory: Vec<PeakMemory>,
    paired: Paired,
    load: Vec<Load>,
    decode_paired: DecodePaired,
}

impl Benches {
    /// Runs the criterion benches and reads their results.
    fn run(root: &Path, target_dir: &Path, quick: bool) -> Result<Self, String> {
        let stdout = criterion::run(root, target_dir, quick)?;
        let results = criterion::Results::new(target_dir);
        let stages = STAGES
            .iter()
            .map(|stage| Ok((*stage, results.median(&format!("pipeline/{stage}"))?)))
            .collect::<Result<_, String>>()?;
        let scaling = SCALING
            .iter()
            .map(|factor| {
                Ok((
                    *factor,
                    results.median(&format!("scaling/end_to_end/{factor}"))?,
                ))
            })
            .collect::<Result<_, String>>()?;
        let adversarial = results.sized_group("adversarial")?;
        let get_thread = (
            results.median("get_thread/generated_client")?,
            results.median("get_thread/hand_written_reqwest")?,
        );
        let decode = DECODES
            .iter()
            .map(|name| {
                Ok((
                    *name,
                    results.median(&format!("decode_message_page/{name}"))?,
                ))
            })
            .collect::<Result<_, String>>()?;
        let stream = results.median("stream_threads/into_stream_100_pages")?;
        let peak_memory = criterion::peak_memory(&stdout);
        let paired = criterion::paired(&stdout)
            .ok_or("the request bench printed no get-thread-paired line")?;
        let load = criterion::load(&stdout);
        let decode_paired = criterion::decode_paired(&stdout)
            .ok_or("the decode bench printed no decode-paired line")?;
        Ok(Benches {
            stages,
            scaling,
            adversarial,
            get_thread,
            decode,
            stream,
            peak_memory,
            paired,
            load,
            decode_paired,
        })
    }
}
