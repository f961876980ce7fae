//! Adversarial specs of any size, one per shape that once made generation explode in time,
//! output size or stack (issue 14), shared by the resolver tests and the `adversarial` bench.
//! Each is a complete OpenAPI 3.0.3 document in YAML with `n` component schemas `S0…`.

#![allow(dead_code)]

use std::fmt::Write;

const HEADER: &str = "openapi: 3.0.3\ninfo:\n  title: adversarial\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n";

/// `S0 → S1 → … → S{n}`: every schema but the last is only a `$ref` to the next.
pub fn alias_chain(n: usize) -> String {
    let mut spec = String::from(HEADER);
    alias_chain_in(&mut spec, "S", n);
    spec
}

fn alias_chain_in(spec: &mut String, s: &str, n: usize) {
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    {s}{i}:\n      $ref: '#/components/schemas/{s}{}'",
            i + 1
        );
    }
    let _ = writeln!(
        spec,
        "    {s}{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
}

/// `S{i}` is `allOf` of `S{i+1}` twice plus its own property `f{i}`: following members naively
/// merges `S{n}` 2ⁿ times.
pub fn all_of_twice(n: usize) -> String {
    let mut spec = String::from(HEADER);
    all_of_twice_in(&mut spec, "S", n);
    spec
}

fn all_of_twice_in(spec: &mut String, s: &str, n: usize) {
    for i in 0..n {
        let next = format!("{{$ref: '#/components/schemas/{s}{}'}}", i + 1);
        let _ = writeln!(
            spec,
            "    {s}{i}:\n      allOf:\n        - {next}\n        - {next}\n        - type: object\n          properties:\n            f{i}: {{type: string}}"
        );
    }
    let _ = writeln!(
        spec,
        "    {s}{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
}

/// `S{i}` is `allOf` of `S{i+1}` plus its own property: flattening copies `n − i` properties
/// into `S{i}`, about n²/2 in all.
pub fn all_of_chain(n: usize) -> String {
    let mut spec = String::from(HEADER);
    all_of_chain_in(&mut spec, "S", n);
    spec
}

fn all_of_chain_in(spec: &mut String, s: &str, n: usize) {
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    {s}{i}:\n      allOf:\n        - $ref: '#/components/schemas/{s}{}'\n        - type: object\n          properties:\n            f{i}: {{type: string}}",
            i + 1
        );
    }
    let _ = writeln!(
        spec,
        "    {s}{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
}

/// A ring of `n` objects, each holding the next inline (`S{n-1}` holds `S0`): one field must be
/// boxed, found by cycle breaking.
pub fn ref_ring(n: usize) -> String {
    let mut spec = String::from(HEADER);
    ref_ring_in(&mut spec, "S", n);
    spec
}

fn ref_ring_in(spec: &mut String, s: &str, n: usize) {
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    {s}{i}:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/{s}{}'}}",
            (i + 1) % n
        );
    }
}

/// `n` schemas whose keys all become the Rust name `S0` once sanitised (`s-0`, `s_0`, `s--0`,
/// `s-_0`…: the binary digits of `i` spelt with `-` and `_`).
pub fn colliding_names(n: usize) -> String {
    let mut spec = String::from(HEADER);
    colliding_names_in(&mut spec, "s", n);
    spec
}

fn colliding_names_in(spec: &mut String, s: &str, n: usize) {
    for i in 1..=n {
        let separators: String = format!("{i:b}")
            .chars()
            .map(|bit| if bit == '1' { '-' } else { '_' })
            .collect();
        let key = format!("{s}{separators}0");
        let _ = writeln!(
            spec,
            "    '{key}':\n      type: object\n      properties:\n        a: {{type: string}}"
        );
    }
}

/// Every shape above in one spec, at the sizes given, each under its own prefix: `A` alias
/// chain, `T` `allOf` twice, `C` `allOf` chain, `R` ref ring, `n` colliding names (Rust `N0`…).
/// One crate holds them all, so compiling them costs one copy of the runtime.
pub fn all_shapes(alias: usize, twice: usize, chain: usize, ring: usize, names: usize) -> String {
    let mut spec = String::from(HEADER);
    alias_chain_in(&mut spec, "A", alias);
    all_of_twice_in(&mut spec, "T", twice);
    all_of_chain_in(&mut spec, "C", chain);
    ref_ring_in(&mut spec, "R", ring);
    colliding_names_in(&mut spec, "n", names);
    spec
}
