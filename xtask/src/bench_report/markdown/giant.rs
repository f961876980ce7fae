//! The giant-spec section: ours against ploidy on GitHub's spec, the targets as ratios, what
//! limits each unmet one. The section sits between [`START`] and [`END`], so
//! `cargo xtask bench-report --only giant` can rewrite it alone ([`splice`]).

use std::fmt::Write;

use super::super::giant::SPEC_PACKAGE;
use super::super::{Giant, Side};
use super::thousands;
use crate::github::measure::Usage;

/// The line that opens the section.
pub const START: &str =
    "<!-- giant-spec: start (cargo xtask bench-report --only giant rewrites this section) -->";
/// The line that closes the section.
pub const END: &str = "<!-- giant-spec: end -->";
/// The heading the section goes before when a report has no section yet.
const BEFORE: &str = "## Notes\n";

/// Largest ratio of our generation wall time to ploidy's.
const GENERATE_RATIO: f64 = 0.6;
/// Largest peak memory of our generation, in bytes.
const GENERATE_PEAK: f64 = 1e9;
/// Largest ratio of our `cargo check` CPU time to ploidy's.
const CHECK_RATIO: f64 = 0.5;
/// Largest peak memory of our `cargo check`, in bytes.
const CHECK_PEAK: f64 = 4e9;
/// Longest `cargo check` of one tag alone, in seconds.
const ONE_TAG_WALL: f64 = 30.0;
/// Largest ratio of our generation CPU time on the vendored spec to ploidy's.
const VENDORED_RATIO: f64 = 1.0;

/// What limits generation on GitHub's spec and what was tried.
const GENERATE_NOTE: &str = "ours is the dev-profile `xtask` binary that `cargo xtask generate` \
     builds: the generator's own code and `syn`, `proc-macro2` and `quote` (every output file \
     becomes a `syn` tree before `prettyplease` prints it) run unoptimised; only the YAML parser \
     and `prettyplease` are built at opt-level 2 (`[profile.dev.package.*]` in `Cargo.toml`). \
     ploidy runs as a release build. The peak is the whole pipeline alive at once: the parsed \
     spec, the IR, and every output file as tokens, syntax tree and text. Tried in issue 15 but \
     not on main when this was measured (branch `i15-speed`): opt-level 2 for `codegen`, `syn`, \
     `proc-macro2` and `quote` in dev, formatting item by item in parallel, and reading the \
     OpenAPI model from the borrowed JSON tree instead of a copy. A release build of the \
     generator (`cargo run --release -p xtask -- generate`) is the other lever, for the price of \
     a release build of xtask.";
/// What limits the `cargo check` of GitHub's crate and what was tried.
const CHECK_NOTE: &str = "each crate is one library of several hundred thousand lines, and \
     rustc checks it as one unit: the serde derives of every model and the builder of every \
     operation are type-checked whatever the user calls, and the peak is rustc holding the \
     whole crate's items and their types at once, so both grow with the crate. What lowers \
     them is less code per crate build: one cargo feature per tag so users compile only the \
     tags they enable (`--features-by-tag`, the next row). Leaner code per model was tried by \
     ablation on one tag: serde's `Deserialize` derive is about two thirds of the expanded \
     macro code, and no cut measured (docs, constructors of response-only structs, \
     `Serialize` or `PartialEq` on them) saved more than a few percent without removing \
     public API.";
/// Where checking one tag alone stands, before `--features-by-tag` is measured.
const ONE_TAG_MISSING: &str = "not measured: `FEATURES_BY_TAG` is off in \
     `xtask/src/bench_report/giant/mod.rs`; on, ours is generated with one feature per tag and \
     the tags `meta` (small) and `repos` (big) are checked alone.";
/// What checking one tag alone measures.
const ONE_TAG_NOTE: &str = "each tag alone compiles the operations of that tag and the models \
     they reach, after the dependencies were checked with the same features; what is left is \
     the size of what the tag reaches.";
/// What limits generation of the vendored spec.
const VENDORED_NOTE: &str = "on a 32-operation spec the CPU is the same unoptimised dev-profile \
     stages as above plus the process start; the release-profile stages in \
     [Generator speed](#generator-speed) do the same work in a fraction of it.";

/// `document` with its giant-spec section replaced by `section` (which holds the markers), or,
/// when it has none yet, with `section` inserted before its notes (at the end without notes).
/// Everything outside the section is kept byte for byte.
pub fn splice(document: &str, section: &str) -> Result<String, String> {
    let (start, end) = (document.find(START), document.find(END));
    let (before, after) = match (start, end) {
        (Some(start), Some(end)) if start < end => {
            // The section brings its own blank line after the end marker.
            let end = end + END.len();
            let end = end + document[end..].len() - document[end..].trim_start_matches('\n').len();
            (&document[..start], &document[end..])
        }
        (None, None) => {
            let at = document.find(BEFORE).unwrap_or(document.len());
            (&document[..at], &document[at..])
        }
        _ => {
            return Err(format!(
                "the giant-spec markers are broken (each of `{START}` and `{END}` must appear \
                 once, in that order): run the whole `cargo xtask bench-report`"
            ))
        }
    };
    if document[before.len()..].matches(START).count() > 1 {
        return Err("the giant-spec section appears twice".to_owned());
    }
    Ok(format!("{before}{section}{after}"))
}

/// Whether each target is met, on the figures it is judged on.
struct Checks {
    generate_ratio: f64,
    generate_peak: f64,
    check_ratio: f64,
    check_peak: f64,
    vendored_ratio: f64,
}

impl Checks {
    fn of(g: &Giant) -> Self {
        Checks {
            generate_ratio: ratio(wall(&g.ours.generate), wall(&g.ploidy.generate)),
            generate_peak: peak(&g.ours.generate),
            check_ratio: ratio(cpu(&g.ours.check), cpu(&g.ploidy.check)),
            check_peak: peak(&g.ours.check),
            vendored_ratio: ratio(cpu(&g.vendored.0), cpu(&g.vendored.1)),
        }
    }
}

/// The section, markers included, ending with a blank line.
pub fn section(g: &Giant) -> String {
    let c = Checks::of(g);
    let mut md = format!("{START}\n## Giant spec: GitHub's REST API\n\n");
    let _ = writeln!(
        md,
        "Ours and {} side by side on GitHub's REST API description ({SPEC_PACKAGE}, pinned by \
         `tests/github`), one after another on this machine in one run, at commit `{}`. Ours \
         runs as users run it, `cargo xtask generate` (the dev-profile xtask binary); ploidy \
         through its own CLI (`ploidy generate rust`, installed by `cargo install --locked`, \
         release profile). Each `cargo check --all-features` runs after the same generator's \
         crate for the vendored spec was checked in the same target folder, so the \
         dependencies are already checked and the figure is the generated crate's own. Wall \
         time; CPU time (user and system, the process and every child it waited for); peak \
         memory (the largest resident set of any one of those processes), all from `wait4`.\n",
        g.ploidy_version, g.commit
    );
    let _ = writeln!(
        md,
        "| figure | ours | {} | ours / ploidy | target | |\n| --- | --- | --- | --- | --- | --- |",
        g.ploidy_version
    );
    generate_rows(&mut md, g, &c);
    check_rows(&mut md, g, &c);
    one_tag_rows(&mut md, g);
    row(
        &mut md,
        "vendored spec (`spec/hubspot-conversations.yaml`): generate CPU, median of 5 runs",
        secs(cpu(&g.vendored.0)),
        secs(cpu(&g.vendored.1)),
        c.vendored_ratio,
        format!(
            "≤ {VENDORED_RATIO}× | {}",
            met(c.vendored_ratio <= VENDORED_RATIO)
        ),
    );
    md.push('\n');
    notes(&mut md, g, &c);
    let _ = writeln!(md, "{END}\n");
    md
}

/// One row of the table: the figure, both sides, their ratio and the target columns.
fn row(md: &mut String, figure: &str, ours: String, theirs: String, r: f64, target: String) {
    let _ = writeln!(md, "| {figure} | {ours} | {theirs} | {r:.2}× | {target} |");
}

/// The rows of generating the spec: wall, CPU, peak memory and lines.
fn generate_rows(md: &mut String, g: &Giant, c: &Checks) {
    let (o, p) = (&g.ours, &g.ploidy);
    row(
        md,
        "generate: wall",
        secs(wall(&o.generate)),
        secs(wall(&p.generate)),
        c.generate_ratio,
        format!(
            "≤ {GENERATE_RATIO}× | {}",
            met(c.generate_ratio <= GENERATE_RATIO)
        ),
    );
    row(
        md,
        "generate: CPU",
        secs(cpu(&o.generate)),
        secs(cpu(&p.generate)),
        ratio(cpu(&o.generate), cpu(&p.generate)),
        "— |".to_owned(),
    );
    row(
        md,
        "generate: peak memory",
        gb(peak(&o.generate)),
        gb(peak(&p.generate)),
        ratio(c.generate_peak, peak(&p.generate)),
        format!("≤ 1 GB | {}", met(c.generate_peak <= GENERATE_PEAK)),
    );
    let lines = |s: &Side| {
        format!(
            "{} in {} files",
            thousands(s.lines.lines),
            thousands(s.lines.files)
        )
    };
    row(
        md,
        "generated lines (`.rs`)",
        lines(o),
        lines(p),
        o.lines.lines as f64 / p.lines.lines.max(1) as f64,
        "— |".to_owned(),
    );
}

/// The rows of checking the generated crate: wall, CPU and peak memory.
fn check_rows(md: &mut String, g: &Giant, c: &Checks) {
    let (o, p) = (&g.ours, &g.ploidy);
    row(
        md,
        "`cargo check --all-features`: wall",
        secs(wall(&o.check)),
        secs(wall(&p.check)),
        ratio(wall(&o.check), wall(&p.check)),
        "— |".to_owned(),
    );
    row(
        md,
        "`cargo check --all-features`: CPU",
        secs(cpu(&o.check)),
        secs(cpu(&p.check)),
        c.check_ratio,
        format!("≤ {CHECK_RATIO}× | {}", met(c.check_ratio <= CHECK_RATIO)),
    );
    row(
        md,
        "`cargo check --all-features`: peak memory",
        gb(c.check_peak),
        gb(peak(&p.check)),
        ratio(c.check_peak, peak(&p.check)),
        format!("≤ 4 GB | {}", met(c.check_peak <= CHECK_PEAK)),
    );
}

/// The rows of ours checked with one tag alone, or the row saying it is not measured yet.
fn one_tag_rows(md: &mut String, g: &Giant) {
    if g.one_tag.is_empty() {
        let _ = writeln!(
            md,
            "| `cargo check`, one tag alone: wall | not measured (needs `generate --features-by-tag`) | — | — | ≤ {ONE_TAG_WALL} s | **not met** (see below) |"
        );
    }
    for (tag, usage) in &g.one_tag {
        let _ = writeln!(
            md,
            "| `cargo check`, tag `{tag}` alone: wall (CPU, peak) | {} ({}, {}) | — | — | ≤ {ONE_TAG_WALL} s | {} |",
            secs(wall(usage)),
            secs(cpu(usage)),
            gb(peak(usage)),
            met(wall(usage) <= ONE_TAG_WALL)
        );
    }
}

/// What limits each target, from the measured figures.
fn notes(md: &mut String, g: &Giant, c: &Checks) {
    let met_count = [
        c.generate_ratio <= GENERATE_RATIO,
        c.generate_peak <= GENERATE_PEAK,
        c.check_ratio <= CHECK_RATIO,
        c.check_peak <= CHECK_PEAK,
        !g.one_tag.is_empty() && g.one_tag.iter().all(|(_, u)| wall(u) <= ONE_TAG_WALL),
        c.vendored_ratio <= VENDORED_RATIO,
    ]
    .iter()
    .filter(|ok| **ok)
    .count();
    let _ = writeln!(
        md,
        "### What limits each target\n\n{met_count} of 6 targets met.\n"
    );
    if let Some(load) = g.load_average {
        let _ = writeln!(
            md,
            "The machine's 1-minute load average was {load:.1} when the run ended: where it is \
             above the core count, wall times include waiting for a CPU, so compare CPU times \
             too (rerun on a quiet machine for the wall-time ratios).\n"
        );
    }
    let _ = writeln!(
        md,
        "- **Generation** ({} wall, {} CPU, {} peak; ploidy {} wall): {}",
        secs(wall(&g.ours.generate)),
        secs(cpu(&g.ours.generate)),
        gb(c.generate_peak),
        secs(wall(&g.ploidy.generate)),
        GENERATE_NOTE
    );
    let _ = writeln!(
        md,
        "- **`cargo check`** ({} CPU, {} peak; ploidy {} CPU, {} peak): {}",
        secs(cpu(&g.ours.check)),
        gb(c.check_peak),
        secs(cpu(&g.ploidy.check)),
        gb(peak(&g.ploidy.check)),
        CHECK_NOTE
    );
    let one_tag = if g.one_tag.is_empty() {
        ONE_TAG_MISSING
    } else {
        ONE_TAG_NOTE
    };
    let _ = writeln!(md, "- **One tag alone**: {one_tag}");
    let _ = writeln!(
        md,
        "- **The vendored spec** ({} CPU against ploidy's {}): {}\n",
        secs(cpu(&g.vendored.0)),
        secs(cpu(&g.vendored.1)),
        VENDORED_NOTE
    );
}

fn met(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

fn wall(u: &Usage) -> f64 {
    u.wall.as_secs_f64()
}

fn cpu(u: &Usage) -> f64 {
    u.cpu.map_or(f64::NAN, |c| c.as_secs_f64())
}

fn peak(u: &Usage) -> f64 {
    u.peak_bytes.map_or(f64::NAN, |p| p as f64)
}

fn ratio(ours: f64, theirs: f64) -> f64 {
    ours / theirs
}

fn secs(s: f64) -> String {
    format!("{s:.1} s")
}

fn gb(bytes: f64) -> String {
    format!("{:.2} GB", bytes / 1e9)
}
