//! Adversarial specs of any size, one per shape that once made generation explode in time,
//! output size or stack (issue 14), shared by the resolver tests and the `adversarial` bench.
//! Each is a complete OpenAPI 3.0.3 document in YAML with `n` component schemas `S0…`.

#![allow(dead_code)]

use std::fmt::Write;

const HEADER: &str = "openapi: 3.0.3\ninfo:\n  title: adversarial\n  version: '1'\npaths: {}\ncomponents:\n  schemas:\n";

/// `S0 → S1 → … → S{n}`: every schema but the last is only a `$ref` to the next.
pub fn alias_chain(n: usize) -> String {
    let mut spec = String::from(HEADER);
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    S{i}:\n      $ref: '#/components/schemas/S{}'",
            i + 1
        );
    }
    let _ = writeln!(
        spec,
        "    S{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
    spec
}

/// `S{i}` is `allOf` of `S{i+1}` twice plus its own property `f{i}`: following members naively
/// merges `S{n}` 2ⁿ times.
pub fn all_of_twice(n: usize) -> String {
    let mut spec = String::from(HEADER);
    for i in 0..n {
        let next = format!("{{$ref: '#/components/schemas/S{}'}}", i + 1);
        let _ = writeln!(
            spec,
            "    S{i}:\n      allOf:\n        - {next}\n        - {next}\n        - type: object\n          properties:\n            f{i}: {{type: string}}"
        );
    }
    let _ = writeln!(
        spec,
        "    S{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
    spec
}

/// `S{i}` is `allOf` of `S{i+1}` plus its own property: flattening copies `n − i` properties
/// into `S{i}`, about n²/2 in all.
pub fn all_of_chain(n: usize) -> String {
    let mut spec = String::from(HEADER);
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    S{i}:\n      allOf:\n        - $ref: '#/components/schemas/S{}'\n        - type: object\n          properties:\n            f{i}: {{type: string}}",
            i + 1
        );
    }
    let _ = writeln!(
        spec,
        "    S{n}:\n      type: object\n      properties:\n        base: {{type: string}}"
    );
    spec
}

/// A ring of `n` objects, each holding the next inline (`S{n-1}` holds `S0`): one field must be
/// boxed, found by cycle breaking.
pub fn ref_ring(n: usize) -> String {
    let mut spec = String::from(HEADER);
    for i in 0..n {
        let _ = writeln!(
            spec,
            "    S{i}:\n      type: object\n      properties:\n        next: {{$ref: '#/components/schemas/S{}'}}",
            (i + 1) % n
        );
    }
    spec
}

/// `n` schemas whose keys all become the Rust name `S0` once sanitised (`s-0`, `s_0`, `s--0`,
/// `s-_0`…: the binary digits of `i` spelt with `-` and `_`).
pub fn colliding_names(n: usize) -> String {
    let mut spec = String::from(HEADER);
    for i in 1..=n {
        let separators: String = format!("{i:b}")
            .chars()
            .map(|bit| if bit == '1' { '-' } else { '_' })
            .collect();
        let key = format!("s{separators}0");
        let _ = writeln!(
            spec,
            "    '{key}':\n      type: object\n      properties:\n        a: {{type: string}}"
        );
    }
    spec
}
