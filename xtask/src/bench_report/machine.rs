//! What the figures were measured on: cores, CPU model, memory, OS and toolchain.

use std::process::Command;

/// The machine and toolchain, as shown in the report.
pub struct Machine {
    pub cores: usize,
    pub cpu: String,
    pub memory: String,
    pub os: String,
    pub rustc: String,
    pub cargo: String,
}

impl Machine {
    /// Reads the machine description from `/proc` and the toolchain's `-V` output.
    pub fn describe() -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
        let memory = field(&meminfo, "MemTotal")
            .and_then(|kb| kb.trim_end_matches(" kB").trim().parse::<f64>().ok())
            .map_or_else(
                || "unknown".to_owned(),
                |kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0),
            );
        Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu: field(&cpuinfo, "model name").unwrap_or_else(|| "unknown".to_owned()),
            memory,
            os: output("uname", &["-srm"]),
            rustc: output("rustc", &["-V"]),
            cargo: output("cargo", &["-V"]),
        }
    }
}

/// The value of the first `name : value` line.
fn field(text: &str, name: &str) -> Option<String> {
    text.lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(key, _)| key.trim() == name)
        .map(|(_, value)| value.trim().to_owned())
}

/// A command's first output line, or `unknown`.
pub fn output(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|text| text.lines().next().map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}
