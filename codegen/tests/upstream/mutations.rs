//! Robustness: random mutations of both fixtures never panic or hang, through the document
//! check, the comparison and the reduction.

use codegen::upstream::{compare, reduce};

use crate::common::Rng;
use crate::{ours_edited, parse, published, read};

/// Every node's JSON pointer.
fn pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
    let escape = |s: &str| s.replace('~', "~0").replace('/', "~1");
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{}", escape(key)), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Deletes, retypes or replaces one node, or points a `$ref` at another node (which makes
/// cycles through `allOf`, `items`, properties and components).
fn mutate(root: &mut serde_json::Value, all: &[String], rng: &mut Rng) {
    let target = &all[rng.below(all.len())];
    let other = &all[rng.below(all.len())];
    let replacement = match rng.below(4) {
        0 => serde_json::json!({ "$ref": format!("#{other}") }),
        1 => root.pointer(other).cloned().unwrap_or_default(),
        2 => [
            serde_json::json!(null),
            serde_json::json!(7),
            serde_json::json!("object"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!({"oneOf": [{"type": "null"}]}),
        ][rng.below(6)]
        .clone(),
        _ => {
            let (parent, key) = target.rsplit_once('/').unwrap_or(("", ""));
            match root.pointer_mut(parent) {
                Some(serde_json::Value::Object(map)) => {
                    map.remove(&key.replace("~1", "/").replace("~0", "~"));
                }
                Some(serde_json::Value::Array(items)) => {
                    if let Ok(i) = key.parse::<usize>() {
                        if i < items.len() {
                            items.remove(i);
                        }
                    }
                }
                _ => {}
            }
            return;
        }
    };
    if let Some(node) = root.pointer_mut(target) {
        *node = replacement;
    }
}

#[test]
fn random_mutations_never_panic_or_hang() {
    let ours_yaml: serde_json::Value = serde_yaml::from_str(&read("ours.yaml")).unwrap();
    let bases = [
        ("ours", ours_yaml),
        (
            "published",
            serde_json::from_str(&read("published.json")).unwrap(),
        ),
    ];
    let (ours, theirs) = (ours_edited(&[]), published());
    let (mut loaded, mut ran) = (0, 0);
    for (label, base) in bases {
        let mut all = Vec::new();
        pointers(&base, String::new(), &mut all);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ label.len() as u64);
        for _ in 0..150 {
            let mut mutant = base.clone();
            for _ in 0..1 + rng.below(3) {
                mutate(&mut mutant, &all, &mut rng);
            }
            ran += 1;
            let text = serde_json::to_string(&mutant).unwrap();
            let Ok(document) = parse("mutant.json", &text) else {
                continue;
            };
            loaded += 1;
            let _ = reduce::reduce(&document);
            let _ = compare(&document, std::slice::from_ref(&theirs));
            let _ = compare(&ours, &[document]);
        }
    }
    // Enough mutants must get past the document check for the test to mean something.
    assert!(loaded * 3 >= ran, "only {loaded} of {ran} mutants loaded");
}
