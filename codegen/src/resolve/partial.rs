//! Partial generation: what becomes of an operation or a component schema the resolver found a
//! problem in. Strictly, every problem refuses the spec. Otherwise each problem is charged to the
//! operation or component schema it was found in: the operation is left out, the schema becomes
//! any JSON value (`serde_json::Value`), the inline types made for either are dropped, and each
//! case is an [`Omission`] the command prints and the generated docs list. A problem that belongs
//! to neither (a server, a security scheme) still refuses the spec.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::Resolver;
use crate::error::SpecProblem;
use crate::ir::{Omission, OmissionKind, Operation, TypeDef, TypeKind, TypeRef};

/// The problems found while converting one operation or component schema.
#[derive(Debug, Clone)]
pub(super) struct Charge {
    /// JSON pointer of the operation or component schema.
    pointer: String,
    /// Its problems: a range of [`Resolver::problems`].
    problems: Range<usize>,
}

impl Resolver<'_> {
    /// Charges the problems recorded since `start` (a length of [`Resolver::problems`]) to the
    /// operation or component schema at `pointer`.
    pub(super) fn charge(&mut self, pointer: &str, start: usize) {
        let end = self.problems.len();
        if end > start {
            self.charges.push(Charge {
                pointer: pointer.to_owned(),
                problems: start..end,
            });
        }
    }
}

/// Applies partial generation: leaves out each operation with a problem, turns each component
/// schema with a problem into any JSON value, and returns what was done — or, when some problem
/// belongs to neither, every problem that does not.
pub(super) fn degrade(
    problems: &[SpecProblem],
    charges: &[Charge],
    operations: &mut Vec<Operation>,
    types: &mut BTreeMap<String, TypeDef>,
) -> Result<Vec<Omission>, Vec<SpecProblem>> {
    let mut charged = vec![false; problems.len()];
    let mut by_pointer: HashMap<&str, Vec<usize>> = HashMap::new();
    for charge in charges {
        charged[charge.problems.clone()].fill(true);
        by_pointer
            .entry(&charge.pointer)
            .or_default()
            .extend(charge.problems.clone());
    }
    // Alias cycles are found after conversion, at the component schemas themselves.
    let components: HashSet<&str> = types
        .values()
        .map(|t| t.pointer.as_str())
        .filter(|p| p.starts_with("#/components/schemas/"))
        .collect();
    for (i, problem) in problems.iter().enumerate() {
        if !charged[i] && components.contains(problem.pointer.as_str()) {
            charged[i] = true;
            by_pointer.entry(&problem.pointer).or_default().push(i);
        }
    }
    let fatal: Vec<SpecProblem> = problems
        .iter()
        .zip(&charged)
        .filter(|(_, charged)| !**charged)
        .map(|(p, _)| p.clone())
        .collect();
    if !fatal.is_empty() {
        return Err(fatal);
    }
    let reasons = |pointer: &str| -> Vec<SpecProblem> {
        let mut reasons: Vec<SpecProblem> = Vec::new();
        for &i in &by_pointer[pointer] {
            if !reasons.contains(&problems[i]) {
                reasons.push(problems[i].clone());
            }
        }
        reasons
    };
    let mut omissions = Vec::new();
    let mut used = HashSet::new();
    for def in types.values_mut() {
        if by_pointer.contains_key(def.pointer.as_str()) {
            used.insert(def.pointer.clone());
            def.kind = TypeKind::Alias(TypeRef::Any);
            omissions.push(Omission {
                pointer: def.pointer.clone(),
                kind: OmissionKind::SchemaAsJson {
                    name: def.name.clone(),
                },
                problems: reasons(&def.pointer),
            });
        }
    }
    operations.retain(|op| {
        if !by_pointer.contains_key(op.pointer.as_str()) {
            return true;
        }
        used.insert(op.pointer.clone());
        omissions.push(Omission {
            pointer: op.pointer.clone(),
            kind: OmissionKind::OperationLeftOut {
                id: op.id.clone(),
                method: op.method.as_str(),
                path: op.path.to_string(),
            },
            problems: reasons(&op.pointer),
        });
        false
    });
    // A charge that matched nothing would lose its problems: they refuse the spec instead.
    let unmatched: Vec<SpecProblem> = by_pointer
        .iter()
        .filter(|(pointer, _)| !used.contains(**pointer))
        .flat_map(|(_, indices)| indices.iter().map(|&i| problems[i].clone()))
        .collect();
    if !unmatched.is_empty() {
        let mut unmatched = unmatched;
        unmatched.sort();
        return Err(unmatched);
    }
    // The inline types made for what was left out or degraded.
    types.retain(|_, t| !under_any(&t.pointer, &by_pointer));
    omissions.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    Ok(omissions)
}

/// Whether `pointer` lies strictly under one of the keys of `roots`.
fn under_any(pointer: &str, roots: &HashMap<&str, Vec<usize>>) -> bool {
    pointer
        .match_indices('/')
        .any(|(at, _)| roots.contains_key(&pointer[..at]))
}
