//! Decoding a 100-item page of thread history from bytes: the client's path
//! (`Response::json`, what every `send()` calls) against `serde_json::from_slice` into the same
//! types, the physical limit. Two reference rows: the same messages without the `Message` union
//! around them (plain structs), and the cost an intermediate `serde_json::Value` would add:
//! `cargo bench -p generated-client --bench decode`.

#[path = "support/fixtures.rs"]
mod fixtures;
#[path = "support/history.rs"]
mod history;

use std::hint::black_box;

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

fn decode(c: &mut Criterion) {
    let body = Bytes::from(history::message_page(100));
    let expected: MessagePage = serde_json::from_slice(&body).unwrap();
    assert_eq!(expected.results.len(), 100);

    let mut group = c.benchmark_group("decode_message_page");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("generated_client", |b| {
        b.iter(|| {
            let response = Response::new(StatusCode::OK, HeaderMap::new(), body.clone());
            black_box(response.json::<MessagePage>().unwrap())
        })
    });
    group.bench_function("serde_json_from_slice", |b| {
        b.iter(|| black_box(serde_json::from_slice::<MessagePage>(black_box(&body)).unwrap()))
    });
    group.bench_function("plain_structs_no_union", |b| {
        b.iter(|| black_box(serde_json::from_slice::<PlainPage>(black_box(&body)).unwrap()))
    });
    group.bench_function("via_serde_json_value", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_slice(black_box(&body)).unwrap();
            black_box(serde_json::from_value::<MessagePage>(value).unwrap())
        })
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
