//! The whole pipeline on synthetic specs: the vendored spec's operations and schemas copied ×1,
//! ×4 and ×16. Time per operation stays flat when no stage is worse than linear:
//! `cargo bench -p codegen --bench scaling`.

#[path = "support/synthetic.rs"]
mod synthetic;

use std::path::Path;

use codegen::Provenance;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

/// The copy counts benchmarked.
const FACTORS: [usize; 3] = [1, 4, 16];

fn scaling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let text = std::fs::read_to_string(root.join(codegen::vendored::SPEC)).unwrap();
    let dir = std::env::temp_dir().join(format!("codegen-scaling-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let provenance = Provenance {
        spec: "synthetic".to_owned(),
        command: "cargo bench".to_owned(),
    };

    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for factor in FACTORS {
        let spec = synthetic::scaled(&text, factor);
        let path = dir.join(format!("x{factor}.yaml"));
        std::fs::write(&path, &spec).unwrap();
        group.throughput(Throughput::Elements(
            synthetic::operation_count(&spec) as u64
        ));
        group.bench_with_input(BenchmarkId::new("end_to_end", factor), &path, |b, path| {
            b.iter(|| {
                let api = codegen::load_api(path).unwrap();
                codegen::generate(&api, &provenance).unwrap()
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, scaling);
criterion_main!(benches);
