//! The resolver on adversarial specs of growing size (`support/adversarial.rs`): time per schema
//! stays flat when no step is worse than linear (`cargo bench -p codegen --bench adversarial`).
//! Each shape once took minutes at the smallest size here.

#[path = "support/adversarial.rs"]
mod adversarial;

use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The schema counts benchmarked.
const SIZES: [usize; 3] = [250, 1_000, 4_000];

/// A shape: its name and the spec of a given size.
type Shape = (&'static str, fn(usize) -> String);

fn resolve(text: &str) -> bool {
    let spec = codegen::Spec::parse(Path::new("adversarial.yaml"), text).expect("parses");
    spec.resolve().is_ok()
}

fn shapes(c: &mut Criterion) {
    let shapes: [Shape; 5] = [
        ("alias_chain", adversarial::alias_chain),
        ("all_of_twice", adversarial::all_of_twice),
        ("all_of_chain", adversarial::all_of_chain),
        ("ref_ring", adversarial::ref_ring),
        ("colliding_names", adversarial::colliding_names),
    ];
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    for (name, shape) in shapes {
        for size in SIZES {
            let text = shape(size);
            group.throughput(Throughput::Elements(size as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &text, |b, text| {
                b.iter(|| resolve(text))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, shapes);
criterion_main!(benches);
