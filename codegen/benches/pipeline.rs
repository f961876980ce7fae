//! The generator on the vendored spec, each stage apart and end to end:
//! `cargo bench -p codegen --bench pipeline`.

use std::path::{Path, PathBuf};

use codegen::{Provenance, Spec};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

fn spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen lives in the workspace")
        .join(codegen::vendored::SPEC)
}

fn provenance() -> Provenance {
    Provenance {
        spec: codegen::vendored::SPEC.to_owned(),
        command: "cargo bench".to_owned(),
    }
}

fn stages(c: &mut Criterion) {
    let path = spec_path();
    let provenance = provenance();
    let spec = Spec::load(&path).expect("the vendored spec loads");
    let api = spec.resolve().expect("the vendored spec resolves");
    let tokens = codegen::emit_tokens(&api);

    let mut group = c.benchmark_group("pipeline");
    group.bench_function("load", |b| b.iter(|| Spec::load(&path).unwrap()));
    group.bench_function("resolve", |b| b.iter(|| spec.resolve().unwrap()));
    group.bench_function("emit", |b| b.iter(|| codegen::emit_tokens(&api)));
    group.bench_function("format", |b| {
        b.iter_batched(
            || tokens.clone(),
            |tokens| tokens.format(&provenance).unwrap(),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("end_to_end", |b| {
        b.iter(|| {
            let api = codegen::load_api(&path).unwrap();
            codegen::generate(&api, &provenance).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
