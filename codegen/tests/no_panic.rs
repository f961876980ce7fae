//! The generator never panics: thousands of random structural mutations of the vendored spec and
//! of every fixture spec (delete, duplicate, retype and rename nodes) each end in `Ok` or a clean
//! `Err`, from the text through load (3.1 normalisation included), resolve and emit. Seeded and
//! bounded, so a failure is reproducible and the tests run in seconds.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

use serde_yaml::{Mapping, Value};

mod common;

use common::Rng;

/// Mutants of the vendored spec (~6 s in a debug build on an idle 2-core machine).
const MUTATIONS: usize = 500;
/// Mutants per fixture spec (they are small, so each runs the whole pipeline).
const FIXTURE_MUTATIONS: usize = 150;

/// A step from a node to one of its children.
#[derive(Clone, Debug)]
enum Step {
    Key(Value),
    Index(usize),
}

fn paths(value: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(prefix.clone());
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                prefix.push(Step::Key(key.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Sequence(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn node<'v>(root: &'v mut Value, path: &[Step]) -> Option<&'v mut Value> {
    let mut at = root;
    for step in path {
        at = match (step, at) {
            (Step::Key(k), Value::Mapping(map)) => map.get_mut(k)?,
            (Step::Index(i), Value::Sequence(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

fn weird_scalar(rng: &mut Rng) -> Value {
    let choices = [
        Value::Null,
        Value::Bool(true),
        Value::Number(7.into()),
        Value::Number((-1).into()),
        Value::String(String::new()),
        Value::String("type".into()),
        Value::String("Self".into()),
        Value::String("1st-place".into()),
        Value::String("a/b{c}".into()),
        Value::String("ünïcödé".into()),
        Value::String("#/components/schemas/Nope".into()),
        Value::String("#/components/schemas/Thread".into()),
        Value::String("object".into()),
        Value::String("array".into()),
        Value::String("string".into()),
        Value::Mapping(Mapping::new()),
        Value::Sequence(Vec::new()),
    ];
    choices[rng.below(choices.len())].clone()
}

/// Applies one random mutation at one of `all` (the base document's node paths; a path a previous
/// mutation removed is skipped); returns what it did, for the failure report.
fn mutate(root: &mut Value, all: &[Vec<Step>], rng: &mut Rng) -> String {
    let target = all[rng.below(all.len())].clone();
    let Some((last, parent_path)) = target.split_last() else {
        return "nothing (root picked)".into();
    };
    let donor_path = all[rng.below(all.len())].clone();
    let donor = node(root, &donor_path).cloned().unwrap_or(Value::Null);
    let kind = rng.below(4);
    let scalar = weird_scalar(rng);
    let Some(parent) = node(root, parent_path) else {
        return "nothing (path vanished)".into();
    };
    match (kind, parent, last) {
        (0, Value::Mapping(map), Step::Key(k)) => {
            map.remove(k);
            format!("delete {target:?}")
        }
        (0, Value::Sequence(items), Step::Index(i)) => {
            items.remove(*i);
            format!("delete {target:?}")
        }
        (1, Value::Mapping(map), Step::Key(k)) => {
            let key = Value::String(format!("{}Copy", k.as_str().unwrap_or("k")));
            map.insert(key, donor);
            format!("duplicate {donor_path:?} beside {target:?}")
        }
        (1, Value::Sequence(items), Step::Index(_)) => {
            items.push(donor);
            format!("duplicate {donor_path:?} into {parent_path:?}")
        }
        (2, Value::Mapping(map), Step::Key(k)) => {
            map.insert(k.clone(), scalar.clone());
            format!("retype {target:?} to {scalar:?}")
        }
        (2, Value::Sequence(items), Step::Index(i)) => {
            items[*i] = scalar.clone();
            format!("retype {target:?} to {scalar:?}")
        }
        (_, Value::Mapping(map), Step::Key(k)) => {
            let Some(child) = map.remove(k) else {
                return "nothing".into();
            };
            let new_key = match &scalar {
                Value::String(s) => Value::String(s.clone()),
                _ => Value::String("renamed".into()),
            };
            map.insert(new_key.clone(), child);
            format!("rename {target:?} to {new_key:?}")
        }
        _ => "nothing".into(),
    }
}

/// Runs the whole pipeline on a mutated document written back to text (YAML, or JSON when
/// `json`; the large vendored spec goes as JSON, which parses fastest); any panic is the
/// failure. Returns whether the document loaded as OpenAPI (and so reached the resolver).
fn generate(value: Value, emit: bool, json: Option<bool>) -> bool {
    let json = json.unwrap_or(true);
    let (name, text) = if json {
        let Ok(text) = serde_json::to_string(&value) else {
            return false;
        };
        ("mutated.json", text)
    } else {
        let Ok(text) = serde_yaml::to_string(&value) else {
            return false;
        };
        ("mutated.yaml", text)
    };
    let Ok(spec) = codegen::Spec::parse(Path::new(name), &text) else {
        return false;
    };
    if let Ok(api) = spec.resolve() {
        if emit {
            let provenance = codegen::Provenance {
                spec: "mutated".into(),
                command: "test".into(),
            };
            let _ = codegen::generate(&api, &provenance);
        }
    }
    true
}

/// Outcome counts of a mutation run.
struct Run {
    ran: usize,
    parsed: usize,
}

/// Feeds `count` seeded mutants of `base` (1–3 mutations each) through the pipeline, emitting
/// every `emit_every`-th; panics naming the mutations of any mutant that panics.
fn run_mutants(
    label: &str,
    base: &Value,
    count: usize,
    emit_every: usize,
    json: Option<bool>,
) -> Run {
    let mut all = Vec::new();
    paths(base, &mut Vec::new(), &mut all);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ label.len() as u64);
    let started = Instant::now();
    let mut run = Run { ran: 0, parsed: 0 };
    for i in 0..count {
        let mut doc = base.clone();
        let steps: Vec<String> = (0..1 + rng.below(3))
            .map(|_| mutate(&mut doc, &all, &mut rng))
            .collect();
        let emit = i % emit_every == 0;
        let outcome = catch_unwind(AssertUnwindSafe(|| generate(doc, emit, json)));
        let Ok(parsed) = outcome else {
            panic!("{label}: mutation #{i} panicked the generator: {steps:#?}");
        };
        run.parsed += usize::from(parsed);
        run.ran += 1;
    }
    eprintln!(
        "{label}: {} mutants in {:?}: {} parsed, {} rejected by the parser",
        run.ran,
        started.elapsed(),
        run.parsed,
        run.ran - run.parsed
    );
    run
}

#[test]
fn random_mutations_of_the_vendored_spec_never_panic() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/hubspot-conversations.yaml");
    let base: Value = serde_yaml::from_str(&std::fs::read_to_string(spec).unwrap()).unwrap();
    // Emitting (formatting ~5k lines) is the slow part: do it for a sample.
    let run = run_mutants("vendored", &base, MUTATIONS, 40, None);
    // Enough of the mutants must reach the resolver for the test to mean something.
    assert!(
        run.parsed * 2 >= run.ran,
        "only {} of {} mutants parsed",
        run.parsed,
        run.ran
    );
}

#[test]
fn random_mutations_of_every_fixture_spec_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/specs");
    let mut specs: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    specs.sort();
    let mut total = Run { ran: 0, parsed: 0 };
    for spec in &specs {
        let text = std::fs::read_to_string(spec).unwrap();
        let json = spec.extension().is_some_and(|e| e == "json");
        let base: Value = if json {
            serde_json::from_str(&text).unwrap()
        } else {
            serde_yaml::from_str(&text).unwrap()
        };
        let label = spec.file_name().unwrap().to_string_lossy().into_owned();
        let run = run_mutants(&label, &base, FIXTURE_MUTATIONS, 5, Some(json));
        total.ran += run.ran;
        total.parsed += run.parsed;
    }
    assert!(specs.len() >= 10, "{specs:?}");
    assert!(
        total.ran >= specs.len() * 100,
        "only {} mutants ran",
        total.ran
    );
    assert!(
        total.parsed * 2 >= total.ran,
        "only {} of {} mutants parsed",
        total.parsed,
        total.ran
    );
}
