//! Runs the criterion benches and reads their results (`target/criterion/**/new/estimates.json`)
//! and the extra figures they print (`get-thread-paired`, `decode-paired` and
//! `stream-peak-memory` lines).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::Stdio;

/// The bench targets, by package.
pub const BENCHES: [(&str, &[&str]); 2] = [
    ("codegen", &["pipeline", "scaling"]),
    ("generated-client", &["request", "decode", "stream"]),
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
}
