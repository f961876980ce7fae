//! The report rendered from made-up figures: the concurrent-load and adversarial-spec sections
//! and their summary rows.

use std::time::Duration;

use super::super::{
    Curve, DecodePaired, Dependencies, Estimate, GenerateTimes, Lines, Load, Machine, Paired,
    Report,
};
use super::render;

fn estimate(seconds: f64) -> Estimate {
    Estimate {
        median: seconds,
        low: seconds * 0.9,
        high: seconds * 1.1,
    }
}

fn load(concurrency: u64, cpu_ratio: f64) -> Load {
    Load {
        concurrency,
        rounds: 21,
        calls_per_round: 4096,
        generated_cpu_us: 42.0 * cpu_ratio,
        hand_written_cpu_us: 42.0,
        cpu_ratio,
        generated_calls_per_s: 19_000.0,
        hand_written_calls_per_s: 20_000.0,
        throughput_ratio: 0.95,
    }
}

/// A report with the given load lines; the adversarial `ref_ring` grows 1.2× per schema from
/// 250 to 4,000 schemas, `alias_chain` stays flat.
fn report(load: Vec<Load>) -> Report {
    let lines = Lines {
        files: 3,
        lines: 4000,
    };
    Report {
        machine: Machine {
            cores: 2,
            cpu: "test".into(),
            memory: "1 GiB".into(),
            os: "Linux".into(),
            rustc: "rustc".into(),
            cargo: "cargo".into(),
        },
        commit: "abc1234".into(),
        operations: 32,
        quick: true,
        generate: GenerateTimes {
            median: Duration::from_millis(90),
            min: Duration::from_millis(80),
            runs: 15,
            cpu_seconds: Some(0.08),
        },
        generated_code: lines,
        generated_crate: lines,
        dependencies: Dependencies {
            count: 86,
            openssl: Vec::new(),
        },
        cold_build_seconds: 29.0,
        cold_build_cpu_seconds: Some(50.0),
        crate_timings: Vec::new(),
        crates_compiled: 87,
        example_bytes: 6 << 20,
        stages: vec![("load", estimate(0.005))],
        scaling: vec![(1, estimate(0.04)), (16, estimate(0.64))],
        adversarial: vec![
            Curve {
                function: "alias_chain".into(),
                sizes: vec![(250, estimate(0.0025)), (4000, estimate(0.04))],
            },
            Curve {
                function: "ref_ring".into(),
                sizes: vec![(250, estimate(0.001)), (4000, estimate(0.0192))],
            },
        ],
        get_thread: (estimate(33e-6), estimate(32e-6)),
        paired: Paired {
            rounds: 200,
            generated_us: 33.0,
            hand_written_us: 32.0,
            ratio: 1.03,
        },
        load,
        decode: vec![
            ("generated_client", estimate(3e-4)),
            ("serde_json_from_slice", estimate(3e-4)),
        ],
        decode_paired: DecodePaired {
            rounds: 100,
            from_slice_us: 300.0,
            client_us: 301.0,
            plain_us: 290.0,
            client_ratio: 1.003,
            plain_ratio: 0.97,
        },
        stream: estimate(0.05),
        peak_memory: Vec::new(),
    }
}

#[test]
fn shows_the_load_figures_and_judges_the_target_at_256() {
    let md = render(&report(vec![load(64, 1.10), load(256, 1.04)]));
    assert!(md.contains("## Concurrent load"));
    assert!(md.contains("21 rounds of 4,096 calls per side"));
    assert!(md.contains("| 64 | 19,000 | 20,000 | 0.950× | 46.2 µs | 42.0 µs | **1.100×** |"));
    assert!(md.contains("| 256 | 19,000 | 20,000 | 0.950× | 43.7 µs | 42.0 µs | **1.040×** |"));
    assert!(md.contains(
        "| `get_thread` with 256 in flight: client CPU per call vs hand-written (median of \
         paired rounds) | 1.040× | — | — | ≤ 1.05 | met |"
    ));
    assert!(!md.contains("CPU per call under load"));
}

#[test]
fn a_load_ratio_over_the_target_is_not_met_and_explained() {
    let md = render(&report(vec![load(64, 1.0), load(256, 1.08)]));
    assert!(md.contains("| 1.080× | — | — | ≤ 1.05 | **not met** (see notes) |"));
    assert!(md.contains("- **CPU per call under load over 1.05×**"));
}

#[test]
fn a_load_bench_without_figures_is_not_measured() {
    let md = render(&report(Vec::new()));
    assert!(md.contains("No results: the bench could not read per-thread CPU times"));
    assert!(md.contains("| not measured | — | — | ≤ 1.05 | **not met** (see notes) |"));
    assert!(md.contains("- **CPU per call under load not measured**"));
}

#[test]
fn shows_the_adversarial_curves_and_the_worst_growth() {
    let md = render(&report(Vec::new()));
    assert!(md.contains("## Adversarial specs"));
    assert!(md.contains("| alias_chain | 250 | 2.5 ms | 10.0 µs | 1.00× |"));
    assert!(md.contains("| alias_chain | 4,000 | 40.0 ms | 10.0 µs | 1.00× |"));
    assert!(md.contains("| ref_ring | 4,000 | 19.2 ms | 4.8 µs | 1.20× |"));
    assert!(md.contains(
        "| resolve time per schema on adversarial specs, 4,000 vs 250 schemas (worst shape: \
         ref_ring) | 1.20× | — | — | ≤ 1.5× (linear) | met |"
    ));
    assert!(!md.contains("adversarial specs above linear"));
}
