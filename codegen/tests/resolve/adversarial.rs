//! Specs shaped to make the resolver explode (`benches/support/adversarial.rs`): each resolves to
//! what it means, or to one located problem, at sizes that used to take minutes, gigabytes of
//! output or the whole stack. How the time grows with size is the `adversarial` bench.

#[path = "../../benches/support/adversarial.rs"]
mod shapes;

use std::path::Path;

use codegen::ir::{Api, TypeKind};

fn resolve(text: &str) -> Result<Api, Vec<codegen::error::SpecProblem>> {
    let spec = codegen::Spec::parse(Path::new("adversarial.yaml"), text).expect("parses");
    match spec.resolve() {
        Ok(api) => Ok(api),
        Err(codegen::Error::Spec { problems, .. }) => Err(problems),
        Err(other) => panic!("unexpected error: {other}"),
    }
}

fn field_names(api: &Api, name: &str) -> Vec<String> {
    match &api.types[name].kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| f.wire_name.clone()).collect(),
        other => panic!("{name} is not a struct: {other:?}"),
    }
}

#[test]
fn a_chain_of_a_hundred_aliases_is_followed_to_its_schema() {
    // Chains longer than 32 hops used to be taken for cycles.
    let api = resolve(&shapes::alias_chain(100)).unwrap();
    assert_eq!(field_names(&api, "S100"), ["base"]);
}

#[test]
fn a_chain_of_twenty_thousand_aliases_is_followed_once() {
    // Each alias used to walk the rest of the chain: 2·10⁸ steps, minutes in the dev profile.
    let api = resolve(&shapes::alias_chain(20_000)).unwrap();
    assert_eq!(field_names(&api, "S20000"), ["base"]);
}

#[test]
fn a_cycle_of_aliases_is_still_a_located_problem() {
    let spec = shapes::alias_chain(50).replace(
        "    S50:\n      type: object\n      properties:\n        base: {type: string}\n",
        "    S50:\n      $ref: '#/components/schemas/S0'\n",
    );
    let problems = resolve(&spec).unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("leads back to itself")),
        "{problems:#?}"
    );
}

#[test]
fn a_parent_included_twice_at_every_level_is_merged_once() {
    // Merging members naively visits S64 2⁶⁴ times: this test never finished.
    let api = resolve(&shapes::all_of_twice(64)).unwrap();
    let fields = field_names(&api, "S60");
    assert_eq!(fields, ["base", "f63", "f62", "f61", "f60"]);
}

#[test]
fn flattening_past_its_budget_is_one_located_problem() {
    // 200 levels copy 20,000 properties into their descendants.
    let problems = resolve(&shapes::all_of_chain(200)).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].pointer.starts_with("#/components/schemas/S"),
        "{problems:#?}"
    );
    assert!(
        problems[0]
            .message
            .contains("expected shallower `allOf` inheritance"),
        "{problems:#?}"
    );
}

#[test]
fn inheritance_deeper_than_the_stack_allows_is_a_located_problem() {
    // 20,000 nested `allOf` parents overflowed the stack (an abort, not an error).
    let problems = resolve(&shapes::all_of_chain(20_000)).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].message.contains("more than 256 schemas deep"),
        "{problems:#?}"
    );
}

#[test]
fn a_long_ring_boxes_exactly_the_first_field_that_closes_it() {
    let api = resolve(&shapes::ref_ring(3_000)).unwrap();
    let boxed: Vec<&str> = api
        .types
        .iter()
        .filter(
            |(_, def)| matches!(&def.kind, TypeKind::Struct(s) if s.fields.iter().any(|f| f.boxed)),
        )
        .map(|(name, _)| name.as_str())
        .collect();
    // Names in order: S0 is first, and its field closes the ring.
    assert_eq!(boxed, ["S0"]);
}

#[test]
fn thousands_of_keys_with_one_rust_name_get_distinct_names() {
    let api = resolve(&shapes::colliding_names(2_000)).unwrap();
    assert_eq!(api.types.len(), 2_000);
}
