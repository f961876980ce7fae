//! The detail sections of the report: generator speed, adversarial specs, client overhead,
//! concurrent load and the cold build, each bench's own table.

use std::fmt::Write;

use super::super::measure::TLS_CRATES;
use super::super::Report;
use super::{interval, ms, thousands, us};

pub(super) fn generator(md: &mut String, r: &Report) {
    md.push_str("## Generator speed\n\n");
    md.push_str(
        "`cargo bench -p codegen --bench pipeline`: each stage on the vendored spec (release \
         profile). *load* reads and parses the YAML, *resolve* builds the IR, *emit* builds the \
         token streams, *format* parses them with syn and prints them with prettyplease.\n\n",
    );
    md.push_str("| stage | median | 95 % interval |\n| --- | --- | --- |\n");
    for (stage, e) in &r.stages {
        let _ = writeln!(md, "| {stage} | {} | {} |", ms(e.median), interval(e));
    }
    md.push_str(
        "\nThe generate time in the summary is different: the whole `xtask generate` process \
         (start-up, load, resolve, emit, format, writing the crate) as `cargo xtask` builds it, \
         in the dev profile, timed from outside the process.\n\n",
    );
    md.push_str(
        "`cargo bench -p codegen --bench scaling`: end to end on synthetic specs, the vendored \
         spec's paths and component schemas copied ×1, ×4 and ×16 under fresh names.\n\n",
    );
    md.push_str("| copies | operations | median | per operation | per operation vs ×1 |\n");
    md.push_str("| --- | --- | --- | --- | --- |\n");
    let base = r.scaling[0].1.median / (r.scaling[0].0 * r.operations) as f64;
    for (factor, e) in &r.scaling {
        let ops = factor * r.operations;
        let per_op = e.median / ops as f64;
        let _ = writeln!(
            md,
            "| ×{factor} | {ops} | {} | {} | {:.2}× |",
            ms(e.median),
            us(per_op),
            per_op / base
        );
    }
    md.push('\n');
}

pub(super) fn adversarial(md: &mut String, r: &Report) {
    md.push_str("## Adversarial specs\n\n");
    md.push_str(
        "`cargo bench -p codegen --bench adversarial`: parse and resolve (release profile) of \
         specs built to hit each former blow-up (`codegen/benches/support/adversarial.rs`) at \
         growing schema counts. Near-linear means the time per schema stays flat as the spec \
         grows.\n\n",
    );
    if r.adversarial.is_empty() {
        md.push_str("No results: the bench did not run.\n\n");
        return;
    }
    md.push_str("| shape | schemas | median | per schema | per schema vs smallest |\n");
    md.push_str("| --- | --- | --- | --- | --- |\n");
    for curve in &r.adversarial {
        let (smallest, first) = curve.sizes[0];
        let base = first.median / smallest as f64;
        for (size, e) in &curve.sizes {
            let per_schema = e.median / *size as f64;
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {:.2}× |",
                curve.function,
                thousands(*size),
                ms(e.median),
                us(per_schema),
                per_schema / base
            );
        }
    }
    md.push('\n');
}

/// The largest growth of time per schema from the smallest size to the largest, over the
/// adversarial shapes, with the shape and the two sizes.
pub(super) fn adversarial_growth(r: &Report) -> Option<(f64, &str, usize, usize)> {
    r.adversarial
        .iter()
        .filter_map(|curve| {
            let (low, first) = curve.sizes.first()?;
            let (high, last) = curve.sizes.last()?;
            let growth = (last.median / *high as f64) / (first.median / *low as f64);
            Some((growth, curve.function.as_str(), *low, *high))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

pub(super) fn client(md: &mut String, r: &Report) {
    md.push_str("## Client overhead\n\n");
    request(md, r);
    decode(md, r);
    stream(md, r);
}

/// The request bench: `get_thread` against a hand-written call, then the paired rounds.
fn request(md: &mut String, r: &Report) {
    md.push_str(
        "`cargo bench -p generated-client --bench request`: one `get_thread` round trip to a \
         hyper server on loopback (its own thread and runtime), against a hand-written call on \
         the same server: `reqwest` with the same timeouts and bearer token, a status check, \
         then `serde_json::from_slice` into the same `Thread`.\n\n",
    );
    md.push_str("| call | median | 95 % interval |\n| --- | --- | --- |\n");
    let (ours, theirs) = &r.get_thread;
    let _ = writeln!(
        md,
        "| `client.get_thread(id).send()` | {} | {} |",
        us(ours.median),
        interval(ours)
    );
    let _ = writeln!(
        md,
        "| hand-written reqwest + serde_json | {} | {} |",
        us(theirs.median),
        interval(theirs)
    );
    let _ = writeln!(
        md,
        "| ratio of the medians | {:.3}× | |\n",
        ours.median / theirs.median
    );
    let p = &r.paired;
    let _ = writeln!(
        md,
        "The same bench then alternates the two callers in {} rounds of 25 calls each (which \
         goes first alternates too), so a change in the machine's load hits both alike: median \
         {:.1} µs against {:.1} µs per call, median ratio per round **{:.3}×** (the figure the \
         target is judged on).\n",
        p.rounds, p.generated_us, p.hand_written_us, p.ratio
    );
}

/// The decode bench: each decoder against `serde_json::from_slice`, then the paired rounds.
fn decode(md: &mut String, r: &Report) {
    md.push_str(
        "`cargo bench -p generated-client --bench decode`: a 100-message page of thread history \
         (`MessagePage`, each item a `Message` union tagged by `type`, written first as HubSpot \
         does) decoded from bytes.\n\n",
    );
    md.push_str("| decode | median | vs `serde_json::from_slice` |\n| --- | --- | --- |\n");
    let limit = r.decode[1].1.median;
    for (name, e) in &r.decode {
        let label = match *name {
            "generated_client" => "the client: `Response::json`, as every `send()` does",
            "serde_json_from_slice" => {
                "`serde_json::from_slice::<MessagePage>` (the physical limit)"
            }
            "plain_structs_no_union" => {
                "reference: the same items as plain `ConversationMessage` structs, no union"
            }
            "via_serde_json_value" => "reference: through an intermediate `serde_json::Value`",
            other => other,
        };
        let _ = writeln!(
            md,
            "| {label} | {} | {:.3}× |",
            us(e.median),
            e.median / limit
        );
    }
    let d = &r.decode_paired;
    let _ = writeln!(
        md,
        "\nThe medians above come from benches run one after the other, so the machine's load \
         and the allocator's state differ between rows. The bench then alternates the client, \
         `serde_json::from_slice` and the plain structs in {} rounds (rotating which goes \
         first): median {:.1} µs, {:.1} µs and {:.1} µs per decode; median ratio per round to \
         `serde_json::from_slice`: client **{:.3}×** (the figure the target is judged on), \
         plain structs {:.3}×.",
        d.rounds, d.client_us, d.from_slice_us, d.plain_us, d.client_ratio, d.plain_ratio
    );
    md.push_str(
        "\nTagged unions decode in one pass: once the tag is read, the rest of the object streams \
         into the variant's deserializer (only keys before the tag are buffered), so a union \
         costs what its variant costs.\n\n",
    );
}

/// The stream bench: threads per second, then the peak heap per stream length.
fn stream(md: &mut String, r: &Report) {
    md.push_str(
        "`cargo bench -p generated-client --bench stream`: `list_threads().into_stream()` over \
         100 pages of 100 threads from the loopback server, then the client's peak live heap \
         (a counting global allocator, counting the client's thread and not the server's) above \
         what was live before, while streaming 10, 100 and 1,000 pages.\n\n",
    );
    let items = 10_000.0;
    let _ = writeln!(
        md,
        "| 10,000 threads in 100 pages | median {} | {:.0} threads/s |\n| --- | --- | --- |\n",
        ms(r.stream.median),
        items / r.stream.median
    );
    md.push_str("| pages | threads | peak heap above baseline |\n| --- | --- | --- |\n");
    for m in &r.peak_memory {
        let _ = writeln!(
            md,
            "| {} | {} | {:.0} KiB |",
            thousands(m.pages as usize),
            thousands(m.items as usize),
            m.peak_bytes as f64 / 1024.0
        );
    }
    md.push('\n');
}

pub(super) fn load(md: &mut String, r: &Report) {
    md.push_str("## Concurrent load\n\n");
    md.push_str(
        "`cargo bench -p generated-client --bench load`: `get_thread` with 64, then 256 calls \
         in flight (that many tasks calling in a loop) on a multi-thread client runtime, one \
         worker per core, against the loopback server and the hand-written call of the request \
         bench. The two callers alternate in paired rounds (which goes first alternates too); \
         CPU per call counts the client runtime's threads only, user and system time read per \
         thread from `/proc`, not the server's thread, which does the same work for both.\n\n",
    );
    let Some(first) = r.load.first() else {
        md.push_str("No results: the bench could not read per-thread CPU times (Linux only).\n\n");
        return;
    };
    let _ = writeln!(
        md,
        "{} rounds of {} calls per side at each concurrency; medians per round.\n",
        first.rounds,
        thousands(first.calls_per_round as usize)
    );
    md.push_str(
        "| in flight | calls/s: client | calls/s: hand-written | throughput ratio | CPU per \
         call: client | CPU per call: hand-written | CPU per call ratio |\n",
    );
    md.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
    for l in &r.load {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {:.3}× | {:.1} µs | {:.1} µs | **{:.3}×** |",
            l.concurrency,
            thousands(l.generated_calls_per_s.round() as usize),
            thousands(l.hand_written_calls_per_s.round() as usize),
            l.throughput_ratio,
            l.generated_cpu_us,
            l.hand_written_cpu_us,
            l.cpu_ratio
        );
    }
    md.push_str(
        "\nThe ratios are ours over hand-written: a throughput ratio below 1 and a CPU ratio \
         above 1 are the client's overhead. The CPU per call ratio at 256 in flight is the \
         figure the target is judged on.\n\n",
    );
}

/// The share of the summed crate compile times spent on the TLS stack.
pub(super) fn tls_share(r: &Report) -> Option<(f64, f64)> {
    let total: f64 = r.crate_timings.iter().map(|(_, t)| t).sum();
    let tls: f64 = r
        .crate_timings
        .iter()
        .filter(|(name, _)| TLS_CRATES.contains(&name.as_str()))
        .map(|(_, t)| t)
        .sum();
    (total > 0.0).then_some((tls, total))
}

pub(super) fn build(md: &mut String, r: &Report) {
    md.push_str("## Cold build\n\n");
    let _ = writeln!(
        md,
        "`cargo build --locked -p generated-client --timings` in an empty scratch target dir (dev \
         profile, sources already downloaded): {:.1} s wall, {} CPU (user and system, every \
         compiler process), {} crates compiled. On an idle 2-core machine the wall time cannot \
         be below half the CPU time. The crates that took longest (seconds from start to end \
         of each crate's units, which overlap):\n",
        r.cold_build_seconds,
        r.cold_build_cpu_seconds
            .map_or_else(|| "unknown".to_owned(), |s| format!("{s:.1} s")),
        r.crates_compiled
    );
    md.push_str("| crate | seconds |\n| --- | --- |\n");
    for (name, seconds) in r.crate_timings.iter().take(12) {
        let _ = writeln!(md, "| {name} | {seconds:.1} |");
    }
    if let Some((tls, total)) = tls_share(r) {
        let _ = writeln!(
            md,
            "\nThe TLS stack ({}) accounts for {:.0} % of the summed crate times.",
            TLS_CRATES.join(", "),
            100.0 * tls / total
        );
    }
    md.push_str(
        "\n`Cargo.lock` pins `idna_adapter` 1.1 (IDNA by unicode-rs instead of ICU4X, which `url` \
         would pick by default): the same behaviour for every host name and about 20 fewer \
         crates to build. An application can do the same in its own lock file: `cargo update \
         -p idna_adapter --precise 1.1.0`. The client asks `tracing` for no proc-macro \
         attributes, so no second `syn` is built.\n\n",
    );
}
