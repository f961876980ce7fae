//! `cargo xtask bench-report`: runs the criterion benches, measures what criterion cannot (the
//! `generate` process, generated lines, a cold build, dependencies, binary size) and writes
//! `BENCHMARKS.md` with the machine, the targets and the commands to reproduce each figure.

mod cargo;
mod criterion;
mod machine;
mod markdown;
mod measure;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use codegen::vendored;

pub use self::criterion::{DecodePaired, Estimate, Paired, PeakMemory};
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
    pub get_thread: (Estimate, Estimate),
    pub paired: Paired,
    pub decode: Vec<(&'static str, Estimate)>,
    pub decode_paired: DecodePaired,
    pub stream: Estimate,
    pub peak_memory: Vec<PeakMemory>,
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

    let machine = Machine::describe();
    let commit = machine::output(
        "git",
        &[
            "-C",
            &root.display().to_string(),
            "rev-parse",
            "--short",
            "HEAD",
        ],
    );

    println!("== generate: the xtask process on {}", vendored::SPEC);
    let crate_dir = scratch.join("generated-crate");
    let spec_text =
        std::fs::read_to_string(root.join(vendored::SPEC)).map_err(|e| e.to_string())?;
    let operations = spec_text.matches("operationId:").count();
    let generate = measure::generate_times(&root.join(vendored::SPEC), &crate_dir)?;
    let generated_crate = measure::count_lines(&crate_dir, &[])?;
    let generated_code = measure::count_lines(&crate_dir.join("src/generated"), &["rs"])?;

    println!("== dependencies and a cold build of generated-client");
    let dependencies = measure::dependencies(root, "generated-client")?;
    let cold_dir = scratch.join("cold");
    let cold = measure::timed_cargo(
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

    println!("== criterion benches");
    let stdout = criterion::run(root, &target_dir, args.quick)?;
    let results = criterion::Results::new(&target_dir);
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
    let paired =
        criterion::paired(&stdout).ok_or("the request bench printed no get-thread-paired line")?;
    let decode_paired = criterion::decode_paired(&stdout)
        .ok_or("the decode bench printed no decode-paired line")?;

    let report = Report {
        machine,
        commit,
        operations,
        quick: args.quick,
        generate,
        generated_code,
        generated_crate,
        dependencies,
        cold_build_seconds: cold.seconds,
        cold_build_cpu_seconds: cold.cpu_seconds,
        crate_timings,
        crates_compiled: cold.crates_compiled,
        example_bytes,
        stages,
        scaling,
        get_thread,
        paired,
        decode,
        decode_paired,
        stream,
        peak_memory,
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.join("BENCHMARKS.md"));
    std::fs::write(&out, markdown::render(&report))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    let _ = std::fs::remove_dir_all(&scratch);
    println!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}
