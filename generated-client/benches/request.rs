//! Per-request cost of `get_thread` against a hand-written `reqwest` + `serde_json` call that
//! decodes into the same `Thread` (both in `support/callers.rs`), on the same loopback server:
//! `cargo bench -p generated-client --bench request`.

#[path = "support/bodies.rs"]
mod bodies;
#[path = "support/callers.rs"]
mod callers;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/paired.rs"]
mod paired;
#[path = "support/server.rs"]
mod server;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use generated_client::Client;

/// Rounds of the paired measurement, and requests per side in each round.
const ROUNDS: usize = 200;
const PER_ROUND: u64 = 25;

/// Both callers against one server, on one single-threaded runtime.
struct Setup {
    runtime: tokio::runtime::Runtime,
    client: Client,
    hand_written: callers::HandWritten,
}

impl Setup {
    fn new() -> Self {
        let base_url = server::start();
        Setup {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            client: callers::client(&base_url),
            hand_written: callers::HandWritten::new(&base_url),
        }
    }

    /// `iters` calls through the generated client.
    fn generated(&self, iters: u64) -> Duration {
        self.runtime.block_on(async {
            let started = Instant::now();
            for _ in 0..iters {
                black_box(callers::generated(&self.client).await);
            }
            started.elapsed()
        })
    }

    /// `iters` hand-written calls.
    fn hand_written(&self, iters: u64) -> Duration {
        self.runtime.block_on(async {
            let started = Instant::now();
            for _ in 0..iters {
                black_box(self.hand_written.get_thread().await);
            }
            started.elapsed()
        })
    }
}

fn get_thread(c: &mut Criterion) {
    let setup = Setup::new();
    let mut group = c.benchmark_group("get_thread");
    group.bench_function("generated_client", |b| {
        b.iter_custom(|iters| setup.generated(iters))
    });
    group.bench_function("hand_written_reqwest", |b| {
        b.iter_custom(|iters| setup.hand_written(iters))
    });
    group.finish();
}

/// The ratio again, from rounds that alternate the two callers (and which goes first), so a
/// change in the machine's load hits both alike; printed as a `get-thread-paired` line.
fn paired(_: &mut Criterion) {
    let setup = Setup::new();
    setup.generated(100);
    setup.hand_written(100);
    let result = paired::measure(
        ROUNDS,
        PER_ROUND,
        &mut [&mut |n| setup.hand_written(n), &mut |n| setup.generated(n)],
    );
    println!(
        "get-thread-paired rounds={ROUNDS} generated_us={:.2} hand_written_us={:.2} ratio={:.4}",
        result.per_iteration[1] * 1e6,
        result.per_iteration[0] * 1e6,
        result.ratio_to_first[1]
    );
}

criterion_group!(benches, get_thread, paired);
criterion_main!(benches);
