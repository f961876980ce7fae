//! The generator never panics: thousands of random structural mutations of the vendored spec
//! (delete, duplicate, retype and rename nodes) each end in `Ok` or a clean `Err`. Seeded and
//! bounded, so a failure is reproducible and the test runs in seconds.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use serde_yaml::{Mapping, Value};

const MUTATIONS: usize = 1000;
const TIME_BUDGET: Duration = Duration::from_secs(15);

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

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

/// Runs the whole pipeline on a mutated document; any panic is the failure. Returns whether the
/// document parsed as OpenAPI (and so reached the resolver).
fn generate(value: Value, emit: bool) -> bool {
    let Ok(spec) = serde_yaml::from_value::<openapiv3::OpenAPI>(value.clone()) else {
        return false;
    };
    let document = codegen::load::Document { spec, raw: value };
    if let Ok(api) = codegen::resolve::resolve_document(&document) {
        if emit {
            let provenance = codegen::Provenance {
                spec: "mutated.yaml".into(),
                command: "test".into(),
            };
            let _ = codegen::emit::emit(&api, &provenance);
        }
    }
    true
}

#[test]
fn random_mutations_of_the_vendored_spec_never_panic() {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/hubspot-conversations-v3.yaml");
    let base: Value = serde_yaml::from_str(&std::fs::read_to_string(spec).unwrap()).unwrap();
    let mut all = Vec::new();
    paths(&base, &mut Vec::new(), &mut all);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let mut outcomes = (0, 0);
    let mut ran = 0;
    for i in 0..MUTATIONS {
        if started.elapsed() > TIME_BUDGET {
            break;
        }
        let mut doc = base.clone();
        let steps: Vec<String> = (0..1 + rng.below(3))
            .map(|_| mutate(&mut doc, &all, &mut rng))
            .collect();
        // Emitting (formatting ~5k lines) is the slow part: do it for a sample.
        let emit = i % 40 == 0;
        let outcome = catch_unwind(AssertUnwindSafe(|| generate(doc, emit)));
        let Ok(parsed) = outcome else {
            panic!("mutation #{i} panicked the generator: {steps:#?}");
        };
        if parsed {
            outcomes.0 += 1
        } else {
            outcomes.1 += 1
        }
        ran += 1;
    }
    eprintln!(
        "{ran} mutants in {:?}: {} parsed, {} rejected by the parser",
        started.elapsed(),
        outcomes.0,
        outcomes.1
    );
    // Enough of the mutants must reach the resolver for the test to mean something.
    assert!(ran >= 300, "only {ran} mutations ran in {TIME_BUDGET:?}");
    assert!(
        outcomes.0 * 2 >= ran,
        "only {} of {ran} mutants parsed",
        outcomes.0
    );
}
