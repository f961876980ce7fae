//! Aliases that lead back to themselves. A Rust `type` alias cannot name itself, directly or
//! through other aliases, so each such cycle is settled once every schema is converted:
//! - a cycle through a list or a map (`Tree` = a list of `Tree`s; `A` = a list of `B`, `B` = a
//!   map of `A`s) has a meaning, the list or map giving each value a finite size: each list or
//!   map alias of the cycle becomes a [`TypeKind::Newtype`], and its plain aliases stay aliases;
//! - a cycle of plain aliases (`A: {allOf: [{$ref: A}]}`, two schemas naming each other) names
//!   no type at all: a located problem at each of its schemas.
//!
//! Each alias names at most one other type, so the aliases form a graph of out-degree one whose
//! cycles are its strongly connected components ([`super::scc`]): one linear pass.

use std::collections::HashSet;

use super::scc::Graph;
use super::Resolver;
use crate::ir::{TypeKind, TypeRef};
use crate::pointer::Pointer;

/// The most schemas of a cycle its problems name.
const SHOWN: usize = 8;

/// The named type a use of `ty` mentions (itself, or its items or values), if any.
fn mentioned(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        TypeRef::List(inner) | TypeRef::Map(inner) => mentioned(inner),
        TypeRef::Primitive(_) | TypeRef::Any => None,
    }
}

impl Resolver<'_> {
    /// Turns the list and map aliases of each alias cycle into newtypes, and reports each cycle
    /// of plain aliases (unless a problem was already reported at one of its schemas, as for a
    /// chain of `$ref`s that leads back to itself).
    pub(super) fn settle_alias_cycles(&mut self) {
        let names: Vec<String> = self.types.keys().cloned().collect();
        let mut graph = Graph::new(&names);
        // The alias each alias names, by node.
        let mut next: Vec<Option<usize>> = vec![None; names.len()];
        for (u, def) in self.types.values().enumerate() {
            let TypeKind::Alias(ty) = &def.kind else {
                continue;
            };
            let target = mentioned(ty).and_then(|t| graph.index(t));
            if let Some(v) =
                target.filter(|&v| matches!(self.types[&names[v]].kind, TypeKind::Alias(_)))
            {
                next[u] = Some(v);
                graph.set_edges(u, vec![v]);
            }
        }
        graph.components();
        let reported: HashSet<String> = self.problems.iter().map(|p| p.pointer.clone()).collect();
        let mut settled = vec![false; names.len()];
        for start in 0..names.len() {
            let Some(v) = next[start] else { continue };
            if settled[start] || !(v == start || graph.same_component(start, v)) {
                continue;
            }
            let mut cycle = vec![start];
            let mut at = v;
            while at != start {
                cycle.push(at);
                at = next[at].expect("a member of a cycle names the next");
            }
            cycle.iter().for_each(|&n| settled[n] = true);
            self.settle_cycle(&names, &cycle, &reported);
        }
    }

    /// One alias cycle, its members in order (each naming the next, the last naming the first).
    fn settle_cycle(&mut self, names: &[String], cycle: &[usize], reported: &HashSet<String>) {
        let is_container =
            |kind: &TypeKind| matches!(kind, TypeKind::Alias(TypeRef::List(_) | TypeRef::Map(_)));
        if cycle
            .iter()
            .any(|&n| is_container(&self.types[&names[n]].kind))
        {
            for &n in cycle {
                let def = self.types.get_mut(&names[n]).expect("a member is a type");
                if let TypeKind::Alias(ty @ (TypeRef::List(_) | TypeRef::Map(_))) = &def.kind {
                    def.kind = TypeKind::Newtype(ty.clone());
                }
            }
            return;
        }
        let pointers: Vec<String> = cycle
            .iter()
            .map(|&n| self.types[&names[n]].pointer.clone())
            .collect();
        if pointers.iter().any(|p| reported.contains(p)) {
            return;
        }
        let key = |pointer: &str| {
            let pointer = Pointer::from_ref(pointer);
            pointer.and_then(|p| p.last()).unwrap_or_default()
        };
        let n = pointers.len();
        for i in 0..n {
            // The whole cycle when short; its start and length when long, so the messages of a
            // long cycle stay linear in its length.
            let step = |j: usize| format!("`{}`", key(&pointers[(i + j) % n]));
            let path = if n <= SHOWN {
                (0..=n).map(step).collect::<Vec<_>>().join(" → ")
            } else {
                let start: Vec<String> = (0..SHOWN).map(step).collect();
                format!("{} → … → {}, {n} schemas", start.join(" → "), step(0))
            };
            let at = Pointer::from_ref(&pointers[i]).unwrap_or_else(Pointer::root);
            self.problem(
                &at,
                format!(
                    "this schema leads back to itself through `$ref`s and `allOf`s of one member \
                     ({path}), each only another name for the next, so none is a type: \
                     expected one of these schemas to define a type (properties, items, \
                     variants or a `type`)"
                ),
            );
        }
    }
}
