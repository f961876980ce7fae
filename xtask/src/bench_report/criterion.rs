//! Runs the criterion benches and reads their results (`target/criterion/**/new/estimates.json`)
//! and the extra figures they print (`get-thread-paired`, `get-thread-load`, `decode-paired` and
//! `stream-peak-memory` lines).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The bench targets, by package.
pub const BENCHES: [(&str, &[&str]); 2] = [
    ("codegen", &["pipeline", "scaling", "adversarial"]),
    ("generated-client", &["request", "load", "decode", "stream"]),
];

/// Runs every bench (`quick`: shorter warm-up and measurement) and returns their stdout.
pub fn run(root: &Path, target_dir: &Path, quick: bool) -> Result<String, String> {
    let _ = std::fs::remove_dir_all(target_dir.join("criterion"));
    let mut stdout = String::new();
    for (package, benches) in BENCHES {
        let mut command = super::cargo::command(root);
        command.args(["bench", "--locked", "-p", package]);
        for bench in benches {
            command.args(["--bench", bench]);
        }
        if quick {
            command.args(["--", "--warm-up-time", "1", "--measurement-time", "2"]);
        }
        println!(
            "$ cargo bench --locked -p {package} --bench {}",
            benches.join(" --bench ")
        );
        let mut child = command
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run cargo bench: {e}"))?;
        for line in BufReader::new(child.stdout.take().expect("piped")).lines() {
            let line = line.map_err(|e| e.to_string())?;
            println!("{line}");
            stdout.push_str(&line);
            stdout.push('\n');
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!("cargo bench -p {package} failed ({status})"));
        }
    }
    Ok(stdout)
}

/// A bench's median and the bounds of its 95 % confidence interval, in seconds.
#[derive(Debug, Clone, Copy)]
pub struct Estimate {
    pub median: f64,
    pub low: f64,
    pub high: f64,
}

/// The results of one criterion run.
pub struct Results {
    dir: PathBuf,
}

impl Results {
    /// The results under `target_dir/criterion`.
    pub fn new(target_dir: &Path) -> Self {
        Results {
            dir: target_dir.join("criterion"),
        }
    }

    /// The median of bench `id` (`group/function[/parameter]`).
    pub fn median(&self, id: &str) -> Result<Estimate, String> {
        let path = self.dir.join(id).join("new/estimates.json");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("no result for {id} ({}): {e}", path.display()))?;
        let json: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let median = &json["median"];
        let seconds = |value: &serde_json::Value| value.as_f64().map(|ns| ns / 1e9);
        Ok(Estimate {
            median: seconds(&median["point_estimate"]).ok_or("no median")?,
            low: seconds(&median["confidence_interval"]["lower_bound"]).ok_or("no bound")?,
            high: seconds(&median["confidence_interval"]["upper_bound"]).ok_or("no bound")?,
        })
    }

    /// The medians of a group whose benches are named `group/function/size`: each function with
    /// its sizes, functions by name and sizes in increasing order.
    pub fn sized_group(&self, group: &str) -> Result<Vec<Curve>, String> {
        let mut functions = Vec::new();
        for function in subdirectories(&self.dir.join(group))? {
            let mut sizes = Vec::new();
            for size in subdirectories(&self.dir.join(group).join(&function))? {
                // Criterion's `report` folders sit beside the sizes.
                let Ok(n) = size.parse::<usize>() else {
                    continue;
                };
                sizes.push((n, self.median(&format!("{group}/{function}/{size}"))?));
            }
            if !sizes.is_empty() {
                sizes.sort_by_key(|(n, _)| *n);
                functions.push(Curve { function, sizes });
            }
        }
        functions.sort_by(|a, b| a.function.cmp(&b.function));
        Ok(functions)
    }
}

/// One function of a sized group: the median at each size.
pub struct Curve {
    pub function: String,
    pub sizes: Vec<(usize, Estimate)>,
}

/// The names of the folders in `dir`.
fn subdirectories(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.path().is_dir() {
            names.extend(entry.file_name().to_str().map(str::to_owned));
        }
    }
    Ok(names)
}

/// One `stream-peak-memory` line: pages streamed, items received and peak live heap bytes.
pub struct PeakMemory {
    pub pages: u64,
    pub items: u64,
    pub peak_bytes: i64,
}

/// The `stream-peak-memory` lines of the stream bench's output.
pub fn peak_memory(stdout: &str) -> Vec<PeakMemory> {
    lines(stdout, "stream-peak-memory")
        .filter_map(|fields| {
            Some(PeakMemory {
                pages: fields.get("pages")?.parse().ok()?,
                items: fields.get("items")?.parse().ok()?,
                peak_bytes: fields.get("peak_bytes")?.parse().ok()?,
            })
        })
        .collect()
}

/// The request bench's paired rounds: median per-call times (µs) and median ratio.
pub struct Paired {
    pub rounds: u64,
    pub generated_us: f64,
    pub hand_written_us: f64,
    pub ratio: f64,
}

/// The `get-thread-paired` line of the request bench's output.
pub fn paired(stdout: &str) -> Option<Paired> {
    let fields = lines(stdout, "get-thread-paired").next()?;
    Some(Paired {
        rounds: fields.get("rounds")?.parse().ok()?,
        generated_us: fields.get("generated_us")?.parse().ok()?,
        hand_written_us: fields.get("hand_written_us")?.parse().ok()?,
        ratio: fields.get("ratio")?.parse().ok()?,
    })
}

/// One `get-thread-load` line of the load bench: median CPU per call (µs) and throughput
/// (calls/s) of each side at one concurrency, and the median per-round ratios, ours over
/// hand-written.
pub struct Load {
    pub concurrency: u64,
    pub rounds: u64,
    pub calls_per_round: u64,
    pub generated_cpu_us: f64,
    pub hand_written_cpu_us: f64,
    pub cpu_ratio: f64,
    pub generated_calls_per_s: f64,
    pub hand_written_calls_per_s: f64,
    pub throughput_ratio: f64,
}

/// The `get-thread-load` lines of the load bench's output, one per concurrency.
pub fn load(stdout: &str) -> Vec<Load> {
    lines(stdout, "get-thread-load")
        .filter_map(|fields| {
            let number = |name: &str| fields.get(name)?.parse::<f64>().ok();
            let count = |name: &str| fields.get(name)?.parse::<u64>().ok();
            Some(Load {
                concurrency: count("concurrency")?,
                rounds: count("rounds")?,
                calls_per_round: count("calls_per_round")?,
                generated_cpu_us: number("generated_cpu_us")?,
                hand_written_cpu_us: number("hand_written_cpu_us")?,
                cpu_ratio: number("cpu_ratio")?,
                generated_calls_per_s: number("generated_calls_per_s")?,
                hand_written_calls_per_s: number("hand_written_calls_per_s")?,
                throughput_ratio: number("throughput_ratio")?,
            })
        })
        .collect()
}

/// The decode bench's paired rounds: median per-decode times (µs) and median ratios to
/// `serde_json::from_slice`.
pub struct DecodePaired {
    pub rounds: u64,
    pub from_slice_us: f64,
    pub client_us: f64,
    pub plain_us: f64,
    pub client_ratio: f64,
    pub plain_ratio: f64,
}

/// The `decode-paired` line of the decode bench's output.
pub fn decode_paired(stdout: &str) -> Option<DecodePaired> {
    let fields = lines(stdout, "decode-paired").next()?;
    let number = |name: &str| fields.get(name)?.parse::<f64>().ok();
    Some(DecodePaired {
        rounds: fields.get("rounds")?.parse().ok()?,
        from_slice_us: number("from_slice_us")?,
        client_us: number("client_us")?,
        plain_us: number("plain_us")?,
        client_ratio: number("client_ratio")?,
        plain_ratio: number("plain_ratio")?,
    })
}

/// The `name=value` fields of each output line that starts with `tag`.
fn lines<'a>(
    stdout: &'a str,
    tag: &'a str,
) -> impl Iterator<Item = std::collections::HashMap<&'a str, &'a str>> + 'a {
    stdout
        .lines()
        .filter_map(move |line| line.strip_prefix(tag)?.strip_prefix(' '))
        .map(|rest| {
            rest.split_whitespace()
                .filter_map(|pair| pair.split_once('='))
                .collect()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_printed_figures() {
        let out = "noise\nstream-peak-memory pages=10 items=1000 peak_bytes=2048\n\
                   get-thread-paired rounds=200 generated_us=33.10 hand_written_us=32.00 ratio=1.0300\n\
                   decode-paired rounds=100 from_slice_us=334.15 client_us=336.35 plain_us=330.67 \
                   client_ratio=1.0057 plain_ratio=0.9834\n";
        let memory = peak_memory(out);
        assert_eq!(memory.len(), 1);
        assert_eq!(
            (memory[0].pages, memory[0].items, memory[0].peak_bytes),
            (10, 1000, 2048)
        );
        let paired = paired(out).unwrap();
        assert_eq!(paired.rounds, 200);
        assert!((paired.ratio - 1.03).abs() < 1e-9);
        let decode = decode_paired(out).unwrap();
        assert_eq!(decode.rounds, 100);
        assert!((decode.client_ratio - 1.0057).abs() < 1e-9);
        assert!((decode.plain_us - 330.67).abs() < 1e-9);
    }

    /// Two lines as the load bench prints them, with criterion's own output around them.
    const LOAD_OUTPUT: &str = "\
Benchmarking get_thread/generated_client: Warming up for 3.0000 s
get-thread-load concurrency=64 rounds=21 calls_per_round=4096 generated_cpu_us=41.37 \
hand_written_cpu_us=39.90 cpu_ratio=1.0368 generated_calls_per_s=19408 \
hand_written_calls_per_s=20101 throughput_ratio=0.9655
get-thread-load concurrency=256 rounds=21 calls_per_round=4096 generated_cpu_us=43.02 \
hand_written_cpu_us=41.15 cpu_ratio=1.0454 generated_calls_per_s=18250 \
hand_written_calls_per_s=18804 throughput_ratio=0.9706
get-thread-load skipped: no per-thread CPU times in /proc
";

    #[test]
    fn reads_the_load_lines() {
        let load = load(LOAD_OUTPUT);
        assert_eq!(load.len(), 2);
        assert_eq!(
            (load[0].concurrency, load[0].rounds, load[0].calls_per_round),
            (64, 21, 4096)
        );
        assert_eq!(load[1].concurrency, 256);
        assert!((load[1].cpu_ratio - 1.0454).abs() < 1e-9);
        assert!((load[1].generated_cpu_us - 43.02).abs() < 1e-9);
        assert!((load[1].hand_written_cpu_us - 41.15).abs() < 1e-9);
        assert!((load[1].generated_calls_per_s - 18250.0).abs() < 1e-9);
        assert!((load[1].hand_written_calls_per_s - 18804.0).abs() < 1e-9);
        assert!((load[1].throughput_ratio - 0.9706).abs() < 1e-9);
    }

    #[test]
    fn a_skipped_load_bench_gives_no_figures() {
        assert!(load("get-thread-load skipped: no per-thread CPU times in /proc\n").is_empty());
    }

    /// A criterion `estimates.json` (cut to the parts read) with median `nanos`.
    fn estimates(nanos: f64) -> String {
        format!(
            r#"{{"mean":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":1.0,"upper_bound":2.0}},"point_estimate":1.5,"standard_error":0.1}},"median":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{},"upper_bound":{}}},"point_estimate":{nanos},"standard_error":0.1}},"slope":null}}"#,
            nanos * 0.9,
            nanos * 1.1
        )
    }

    #[test]
    fn reads_a_group_by_function_and_size() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-report-{}", std::process::id()));
        let group = dir.join("criterion/adversarial");
        let benches = [
            ("ref_ring", "4000", 8e6),
            ("ref_ring", "250", 5e5),
            ("alias_chain", "1000", 2e6),
            ("alias_chain", "250", 5e5),
        ];
        for (function, size, nanos) in benches {
            let new = group.join(function).join(size).join("new");
            std::fs::create_dir_all(&new).unwrap();
            std::fs::write(new.join("estimates.json"), estimates(nanos)).unwrap();
        }
        // Criterion's report folders beside the functions and the sizes are not benches.
        std::fs::create_dir_all(group.join("report")).unwrap();
        std::fs::create_dir_all(group.join("ref_ring/report")).unwrap();

        let curves = Results::new(&dir).sized_group("adversarial");
        let _ = std::fs::remove_dir_all(&dir);
        let curves = curves.unwrap();
        let read: Vec<(&str, Vec<(usize, f64)>)> = curves
            .iter()
            .map(|c| {
                let sizes = c.sizes.iter().map(|(n, e)| (*n, e.median)).collect();
                (c.function.as_str(), sizes)
            })
            .collect();
        assert_eq!(
            read,
            [
                ("alias_chain", vec![(250, 5e-4), (1000, 2e-3)]),
                ("ref_ring", vec![(250, 5e-4), (4000, 8e-3)]),
            ]
        );
        assert!((curves[1].sizes[1].1.high - 8.8e-3).abs() < 1e-12);
    }

    #[test]
    fn a_missing_group_is_an_error() {
        let dir = std::env::temp_dir().join("xtask-bench-report-no-such-dir");
        assert!(Results::new(&dir).sized_group("adversarial").is_err());
    }
}
