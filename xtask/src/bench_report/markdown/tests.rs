//! The report rendered from made-up figures: the concurrent-load and adversarial-spec sections
//! and their summary rows.

use std::time::Duration;

use super::super::{
    Curve, DecodePaired, Dependencies, Estimate, GenerateTimes, Giant, Lines, Load, Machine,
    Paired, Report, Side,
};
use super::giant::{section, splice, END, START};
use super::render;
use crate::github::measure::Usage;

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
        giant: giant(Vec::new()),
    }
}

/// A run taking `wall` seconds and `cpu` seconds of CPU with a peak of `gb` GB.
fn usage(wall: f64, cpu: f64, gb: f64) -> Usage {
    Usage {
        wall: Duration::from_secs_f64(wall),
        cpu: Some(Duration::from_secs_f64(cpu)),
        peak_bytes: Some((gb * 1e9) as u64),
        peak_at_most: false,
    }
}

/// Ours generating in 0.5× ploidy's wall time at 1.4 GB, checking in 0.4× its CPU at 3 GB,
/// with `one_tag` checked alone, and taking 2× its CPU on the vendored spec.
fn giant(one_tag: Vec<(String, Usage)>) -> Giant {
    let lines = |lines| Lines { files: 10, lines };
    Giant {
        commit: "abc1234".into(),
        ploidy_version: "ploidy 0.15.0".into(),
        ours: Side {
            generate: usage(20.0, 30.0, 1.4),
            lines: lines(800_000),
            check: usage(100.0, 120.0, 3.0),
        },
        ploidy: Side {
            generate: usage(40.0, 40.0, 2.0),
            lines: lines(600_000),
            check: usage(250.0, 300.0, 13.9),
        },
        one_tag,
        vendored: (usage(0.1, 0.08, 0.05), usage(0.05, 0.04, 0.02)),
        load_average: Some(7.5),
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

#[test]
fn the_giant_section_judges_each_target_as_a_ratio_against_ploidy() {
    let md = section(&giant(vec![
        ("meta".into(), usage(12.0, 15.0, 0.5)),
        ("repos".into(), usage(45.0, 50.0, 1.5)),
    ]));
    assert!(md.starts_with(START) && md.ends_with(&format!("{END}\n\n")));
    assert!(md.contains("| generate: wall | 20.0 s | 40.0 s | 0.50× | ≤ 0.6× | met |"));
    assert!(
        md.contains("| generate: peak memory | 1.40 GB | 2.00 GB | 0.70× | ≤ 1 GB | **not met** |")
    );
    assert!(md.contains(
        "| generated lines (`.rs`) | 800,000 in 10 files | 600,000 in 10 files | 1.33× | — |"
    ));
    assert!(md.contains(
        "| `cargo check --all-features`: CPU | 120.0 s | 300.0 s | 0.40× | ≤ 0.5× | met |"
    ));
    assert!(md.contains(
        "| `cargo check --all-features`: peak memory | 3.00 GB | 13.90 GB | 0.22× | ≤ 4 GB | met |"
    ));
    assert!(md.contains("| `cargo check`, tag `meta` alone: wall (CPU, peak) | 12.0 s (15.0 s, 0.50 GB) | — | — | ≤ 30 s | met |"));
    assert!(md.contains("| `cargo check`, tag `repos` alone: wall (CPU, peak) | 45.0 s (50.0 s, 1.50 GB) | — | — | ≤ 30 s | **not met** |"));
    assert!(md
        .contains("generate CPU, median of 5 runs | 0.1 s | 0.0 s | 2.00× | ≤ 1× | **not met** |"));
    assert!(md.contains("3 of 6 targets met."));
    assert!(md.contains("1-minute load average was 7.5 when the run ended"));
    assert!(md.contains("- **One tag alone**: each tag alone compiles"));
}

#[test]
fn the_giant_section_without_tag_features_says_one_tag_is_not_measured() {
    let md = section(&giant(Vec::new()));
    assert!(md.contains("| `cargo check`, one tag alone: wall | not measured"));
    assert!(md.contains("- **One tag alone**: not measured: `FEATURES_BY_TAG` is off in"));
    assert!(md.contains("3 of 6 targets met."));
}

#[test]
fn the_full_report_holds_the_giant_section_once_before_the_notes() {
    let md = render(&report(Vec::new()));
    assert_eq!(md.matches(START).count(), 1);
    assert_eq!(md.matches(END).count(), 1);
    assert!(md.find(END) < md.find("## Notes"));
    assert!(md.find("## Cold build") < md.find(START));
}

#[test]
fn splicing_rewrites_only_the_giant_section() {
    let old =
        format!("# Benchmarks\n\n| a | b |\n\n{START}\nold figures\n{END}\n\n## Notes\n\n- kept\n");
    let new = format!("{START}\nnew figures\n{END}\n\n");
    let spliced = splice(&old, &new).unwrap();
    assert_eq!(
        spliced,
        format!("# Benchmarks\n\n| a | b |\n\n{START}\nnew figures\n{END}\n\n## Notes\n\n- kept\n")
    );
    // Splicing the same section again changes nothing.
    assert_eq!(splice(&spliced, &new).unwrap(), spliced);
}

#[test]
fn splicing_a_report_without_the_section_inserts_it_before_the_notes() {
    let new = format!("{START}\nnew\n{END}\n\n");
    assert_eq!(
        splice("# B\n\n## Notes\n- n\n", &new).unwrap(),
        format!("# B\n\n{new}## Notes\n- n\n")
    );
    assert_eq!(splice("# B\n", &new).unwrap(), format!("# B\n{new}"));
}

#[test]
fn splicing_refuses_broken_markers() {
    let new = format!("{START}\nnew\n{END}\n");
    for broken in [
        format!("# B\n{START}\nno end\n"),
        format!("# B\n{END}\n{START}\n"),
        format!("# B\n{START}\na\n{END}\n{START}\nb\n{END}\n"),
    ] {
        let error = splice(&broken, &new).unwrap_err();
        assert!(error.contains("giant-spec"), "{error}");
    }
}
