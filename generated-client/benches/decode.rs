//! Decoding a 100-item page of thread history from bytes: the client's path
//! (`Response::json`, what every `send()` calls) against `serde_json::from_slice` into the same
//! types, the physical limit. Two reference rows: the same messages without the `Message` union
//! around them (plain structs), and the cost an intermediate `serde_json::Value` would add:
//! `cargo bench -p generated-client --bench decode`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/history.rs"]
mod history;
#[path = "support/paired.rs"]
mod paired;

use std::hint::black_box;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use generated_client::models::{ConversationMessage, ForwardPaging, MessagePage};
use generated_client::runtime::Response;
use reqwest::header::HeaderMap;
use reqwest::StatusCode;

/// The same page with every item decoded straight into its variant's struct: no union at all.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainPage {
    paging: Option<ForwardPaging>,
    results: Vec<ConversationMessage>,
}

/// Rounds of the paired measurement, and decodes per side in each round.
const ROUNDS: usize = 100;
const PER_ROUND: u64 = 20;

fn body() -> Bytes {
    let body = Bytes::from(history::message_page(100));
    let expected: MessagePage = serde_json::from_slice(&body).unwrap();
    assert_eq!(expected.results.len(), 100);
    body
}

fn client(body: &Bytes) -> MessagePage {
    let response = Response::new(StatusCode::OK, HeaderMap::new(), body.clone());
    response.json::<MessagePage>().unwrap()
}

fn from_slice(body: &Bytes) -> MessagePage {
    serde_json::from_slice::<MessagePage>(black_box(body)).unwrap()
}

fn plain(body: &Bytes) -> PlainPage {
    serde_json::from_slice::<PlainPage>(black_box(body)).unwrap()
}

fn decode(c: &mut Criterion) {
    let body = body();
    let mut group = c.benchmark_group("decode_message_page");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("generated_client", |b| b.iter(|| black_box(client(&body))));
    group.bench_function("serde_json_from_slice", |b| {
        b.iter(|| black_box(from_slice(&body)))
    });
    group.bench_function("plain_structs_no_union", |b| {
        b.iter(|| black_box(plain(&body)))
    });
    group.bench_function("via_serde_json_value", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_slice(black_box(&body)).unwrap();
            black_box(serde_json::from_value::<MessagePage>(value).unwrap())
        })
    });
    group.finish();
}

/// `n` runs of `decode`, timed.
fn timed<T>(n: u64, decode: impl Fn() -> T) -> Duration {
    let started = Instant::now();
    for _ in 0..n {
        black_box(decode());
    }
    started.elapsed()
}

/// The ratios again, from rounds that alternate the decoders (and which goes first), so the
/// machine's load and the allocator's state hit all alike; printed as a `decode-paired` line.
fn paired(_: &mut Criterion) {
    let body = body();
    let result = paired::measure(
        ROUNDS,
        PER_ROUND,
        &mut [
            &mut |n| timed(n, || from_slice(&body)),
            &mut |n| timed(n, || client(&body)),
            &mut |n| timed(n, || plain(&body)),
        ],
    );
    println!(
        "decode-paired rounds={ROUNDS} from_slice_us={:.2} client_us={:.2} plain_us={:.2} \
         client_ratio={:.4} plain_ratio={:.4}",
        result.per_iteration[0] * 1e6,
        result.per_iteration[1] * 1e6,
        result.per_iteration[2] * 1e6,
        result.ratio_to_first[1],
        result.ratio_to_first[2]
    );
}

criterion_group!(benches, decode, paired);
criterion_main!(benches);
