//! Per-request cost of `get_thread` against a hand-written `reqwest` + `serde_json` call that
//! decodes into the same `Thread`, both on the same loopback server:
//! `cargo bench -p generated-client --bench request`.
//!
//! The hand-written call gets what a production call needs and the client does too: a bearer
//! token, the same connect and request timeouts, a status check. The client adds its retry
//! bookkeeping, tracing span, rate-limit header parsing and URL checks on top.

#[path = "support/bodies.rs"]
mod bodies;
#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/server.rs"]
mod server;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use generated_client::models::Thread;
use generated_client::{Auth, Client};

const TOKEN: &str = "pat-na1-bench";

fn get_thread(c: &mut Criterion) {
    let base_url = server::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder(Auth::private_app_token(TOKEN))
        .base_url(&base_url)
        .build()
        .unwrap();
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let url = format!(
        "{base_url}/conversations/v3/conversations/threads/{}",
        bodies::THREAD_ID
    );

    let mut group = c.benchmark_group("get_thread");
    group.bench_function("generated_client", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters {
                    let thread = client.get_thread(bodies::THREAD_ID).send().await.unwrap();
                    black_box(thread);
                }
                started.elapsed()
            })
        })
    });
    group.bench_function("hand_written_reqwest", |b| {
        b.iter_custom(|iters| {
            runtime.block_on(async {
                let started = Instant::now();
                for _ in 0..iters {
                    let response = http.get(&url).bearer_auth(TOKEN).send().await.unwrap();
                    let bytes = response.error_for_status().unwrap().bytes().await.unwrap();
                    let thread: Thread = serde_json::from_slice(&bytes).unwrap();
                    black_box(thread);
                }
                started.elapsed()
            })
        })
    });
    group.finish();
}

criterion_group!(benches, get_thread);
criterion_main!(benches);
