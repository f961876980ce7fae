//! Streaming 10,000 threads across 100 pages through `list_threads().into_stream()` from a
//! loopback server: throughput, then the client's peak live heap while streaming 10, 100 and
//! 1,000 pages (printed as `stream-peak-memory` lines), which must not grow with the page count:
//! `cargo bench -p generated-client --bench stream`.

#[path = "support/bodies.rs"]
mod bodies;
#[path = "support/counting_alloc.rs"]
mod counting_alloc;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/server.rs"]
mod server;

use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use futures::TryStreamExt;
use generated_client::{Auth, Client};
use tokio::runtime::Runtime;

#[global_allocator]
static ALLOCATOR: counting_alloc::Counting = counting_alloc::Counting;

/// Pages streamed in the throughput bench.
const PAGES: usize = 100;

/// Page counts of the memory measurement.
const MEMORY_PAGES: [usize; 3] = [10, 100, 1000];

/// Streams every thread of `pages` pages (the server reads the page count from `inboxId`);
/// returns how many arrived.
async fn stream_all(client: &Client, pages: usize) -> usize {
    client
        .list_threads()
        .inbox_id(vec![pages.to_string()])
        .limit(server::PAGE_SIZE as i32)
        .into_stream()
        .try_fold(0, |count, thread| {
            std::hint::black_box(thread);
            async move { Ok(count + 1) }
        })
        .await
        .unwrap()
}

fn setup() -> (Runtime, Client) {
    let base_url = server::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder(Auth::private_app_token("pat-na1-bench"))
        .base_url(base_url)
        .build()
        .unwrap();
    (runtime, client)
}

fn throughput(c: &mut Criterion) {
    let (runtime, client) = setup();
    let mut group = c.benchmark_group("stream_threads");
    group.sample_size(20);
    group.throughput(Throughput::Elements((PAGES * server::PAGE_SIZE) as u64));
    group.bench_function("into_stream_100_pages", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters {
                    assert_eq!(stream_all(&client, PAGES).await, PAGES * server::PAGE_SIZE);
                }
                started.elapsed()
            })
        })
    });
    group.finish();
}

fn peak_memory(_: &mut Criterion) {
    let (runtime, client) = setup();
    // The client runs on this thread (a current-thread runtime); the server has its own.
    counting_alloc::track_this_thread();
    // Warm up: the connection, buffers that size themselves to the traffic, lazy statics.
    runtime.block_on(stream_all(&client, 20));
    for pages in MEMORY_PAGES {
        let baseline = counting_alloc::reset_peak();
        let items = runtime.block_on(stream_all(&client, pages));
        let peak = counting_alloc::peak() - baseline;
        println!("stream-peak-memory pages={pages} items={items} peak_bytes={peak}");
    }
}

criterion_group!(benches, throughput, peak_memory);
criterion_main!(benches);
