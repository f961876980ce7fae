//! `get_thread` under concurrent load, against the same hand-written `reqwest` + `serde_json`
//! call as the request bench (`support/callers.rs`), both on one loopback server:
//! `cargo bench -p generated-client --bench load`.
//!
//! At each concurrency (64 and 256), a round is [`CALLS_PER_ROUND`] calls made by that many
//! tasks at once on a multi-thread client runtime (one worker per core), each task calling in a
//! loop. Rounds alternate the two callers, and which goes first, so a change in the machine's
//! load hits both alike; each round gives the caller's throughput (calls per wall second) and
//! its CPU per call.
//!
//! CPU per call counts the client side only: the client runtime's threads register themselves
//! from tokio's `on_thread_start` hook, and a round's CPU time is what those threads used in it,
//! read per thread from `/proc` (`support/thread_cpu.rs`, nanosecond schedstat times, user and
//! system). The server (its own thread and runtime, `support/server.rs`) does the same work for
//! both callers: counting it would pull the ratio toward 1. Reading per-thread times keeps
//! server and client in one process, so the bench needs no child process to manage.
//!
//! Printed per concurrency as one `get-thread-load` line (read by `cargo xtask bench-report`):
//! median per-call CPU and throughput of each side, and the median per-round ratios, ours over
//! hand-written. Needs Linux's `/proc`; elsewhere it prints that it was skipped.

#[path = "support/bodies.rs"]
mod bodies;
#[path = "support/callers.rs"]
mod callers;
#[path = "support/fixtures.rs"]
mod fixtures;
// Paired rounds of other kinds of sample than the request and decode benches' times.
#[allow(dead_code)]
#[path = "support/paired.rs"]
mod paired;
#[path = "support/server.rs"]
mod server;
#[path = "support/thread_cpu.rs"]
mod thread_cpu;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use generated_client::Client;
use paired::{median, median_ratio};
use thread_cpu::ThreadCpu;

/// Calls in flight at once.
const CONCURRENCY: [usize; 2] = [64, 256];
/// Paired rounds per concurrency (odd, so the median is one round).
const ROUNDS: usize = 21;
/// Calls per side in each round, shared evenly by the tasks.
const CALLS_PER_ROUND: usize = 4096;

/// The sides of each round, by index: the ratios are side 1 over side 0.
const HAND_WRITTEN: usize = 0;
const GENERATED: usize = 1;

/// Both callers on one multi-thread runtime whose threads' CPU time is counted.
struct Load {
    runtime: tokio::runtime::Runtime,
    cpu: ThreadCpu,
    client: Client,
    hand_written: callers::HandWritten,
}

/// What one side used in one round.
struct Sample {
    cpu: Duration,
    wall: Duration,
}

impl Load {
    fn new() -> Self {
        let base_url = server::start();
        let cpu = ThreadCpu::default();
        let (started, stopped) = (cpu.clone(), cpu.clone());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .on_thread_start(move || started.register_this_thread())
            .on_thread_stop(move || stopped.retire_this_thread())
            .build()
            .unwrap();
        Load {
            runtime,
            cpu,
            client: callers::client(&base_url),
            hand_written: callers::HandWritten::new(&base_url),
        }
    }

    /// One round of `side`: [`CALLS_PER_ROUND`] calls by `concurrency` tasks; `None` when the
    /// threads' CPU time cannot be read.
    fn round(&self, side: usize, concurrency: usize) -> Option<Sample> {
        let per_task = CALLS_PER_ROUND / concurrency;
        let cpu_before = self.cpu.total()?;
        let started = Instant::now();
        self.runtime.block_on(async {
            let tasks: Vec<_> = (0..concurrency)
                .map(|_| match side {
                    GENERATED => {
                        let client = self.client.clone();
                        tokio::spawn(async move {
                            for _ in 0..per_task {
                                black_box(callers::generated(&client).await);
                            }
                        })
                    }
                    _ => {
                        let caller = self.hand_written.clone();
                        tokio::spawn(async move {
                            for _ in 0..per_task {
                                black_box(caller.get_thread().await);
                            }
                        })
                    }
                })
                .collect();
            for task in tasks {
                task.await.unwrap();
            }
        });
        let wall = started.elapsed();
        // Let the connections' tasks put their connections back in the pool, part of the calls.
        std::thread::sleep(Duration::from_millis(5));
        let cpu = self.cpu.total()? - cpu_before;
        Some(Sample { cpu, wall })
    }

    /// The paired rounds at `concurrency`, printed as a `get-thread-load` line.
    fn measure(&self, concurrency: usize) -> Option<()> {
        // Warm-up: opens `concurrency` connections per side, kept by the pools from then on.
        self.round(HAND_WRITTEN, concurrency)?;
        self.round(GENERATED, concurrency)?;
        let samples = paired::samples(ROUNDS, 2, |side| self.round(side, concurrency));
        let samples: Vec<Vec<Sample>> = samples
            .into_iter()
            .map(|side| side.into_iter().collect::<Option<_>>())
            .collect::<Option<_>>()?;
        let calls_per_round = CALLS_PER_ROUND / concurrency * concurrency;
        let calls = calls_per_round as f64;
        let cpu: Vec<Vec<f64>> = samples
            .iter()
            .map(|side| side.iter().map(|s| s.cpu.as_secs_f64() / calls).collect())
            .collect();
        let rate: Vec<Vec<f64>> = samples
            .iter()
            .map(|side| side.iter().map(|s| calls / s.wall.as_secs_f64()).collect())
            .collect();
        println!(
            "get-thread-load concurrency={concurrency} rounds={ROUNDS} calls_per_round={calls_per_round} \
             generated_cpu_us={:.2} hand_written_cpu_us={:.2} cpu_ratio={:.4} \
             generated_calls_per_s={:.0} hand_written_calls_per_s={:.0} throughput_ratio={:.4}",
            median(cpu[GENERATED].clone()) * 1e6,
            median(cpu[HAND_WRITTEN].clone()) * 1e6,
            median_ratio(&cpu[GENERATED], &cpu[HAND_WRITTEN]),
            median(rate[GENERATED].clone()),
            median(rate[HAND_WRITTEN].clone()),
            median_ratio(&rate[GENERATED], &rate[HAND_WRITTEN]),
        );
        Some(())
    }
}

fn load(_: &mut Criterion) {
    let load = Load::new();
    for concurrency in CONCURRENCY {
        if load.measure(concurrency).is_none() {
            println!("get-thread-load skipped: no per-thread CPU times in /proc");
            return;
        }
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
