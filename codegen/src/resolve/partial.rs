//! Partial generation: what becomes of an operation, a webhook or a component schema the resolver
//! found a problem in. Strictly, every problem refuses the spec. Otherwise each problem is charged to the
//! operation or component schema it was found in: the operation or webhook is left out and the schema holds
//! any JSON value (`serde_json::Value`); the inline types only they used are pruned with every
//! unreachable type (`passes`). Each case is an [`Omission`] the command prints and the generated
//! docs list. A problem whose spot the resolver fills with any JSON value itself
//! ([`Resolver::any_value_instead`]) keeps the operation or schema around it. A problem that
//! belongs to neither (a server, a security scheme) still refuses the spec.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use super::Resolver;
use crate::error::SpecProblem;
use crate::ir::{Omission, OmissionKind, Operation, TypeDef, TypeKind, TypeRef, Webhook};

/// The problems found while converting one operation or component schema.
#[derive(Debug, Clone)]
pub(super) struct Charge {
    /// JSON pointer of the operation or component schema.
    pointer: String,
    /// Its problems: a range of [`Resolver::problems`].
    problems: Range<usize>,
}

impl Resolver<'_> {
    /// Records a problem at `pointer` whose spot the resolver fills with any JSON value (a
    /// `$ref` to nothing, a `not` schema): partial generation keeps the operation or schema
    /// around it.
    pub(super) fn any_value_instead(
        &mut self,
        pointer: &crate::pointer::Pointer,
        message: impl Into<String>,
    ) -> TypeRef {
        self.substituted.insert(self.problems.len());
        self.problem(pointer, message);
        TypeRef::Any
    }

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

/// Applies partial generation: leaves out each operation and webhook with a problem, turns each
/// component schema with a problem into any JSON value, and returns what was done — or, when
/// some problem belongs to none of them, every problem that does not.
pub(super) fn degrade(
    problems: &[SpecProblem],
    substituted: &HashSet<usize>,
    charges: &[Charge],
    items: Items<'_>,
) -> Result<Vec<Omission>, Vec<SpecProblem>> {
    let sorted = sort(problems, substituted, charges, items.types)?;
    let mut omissions: Vec<Omission> = sorted
        .values
        .iter()
        .map(|&i| Omission {
            pointer: problems[i].pointer.clone(),
            kind: OmissionKind::ValueAsJson,
            problems: vec![problems[i].clone()],
        })
        .collect();
    let mut used = HashSet::new();
    let mut omit = |pointer: &str, kind: OmissionKind| -> bool {
        if !sorted.by_pointer.contains_key(pointer) {
            return false;
        }
        used.insert(pointer.to_owned());
        let problems = sorted.reasons(pointer, problems);
        omissions.push(Omission {
            pointer: pointer.to_owned(),
            kind,
            problems,
        });
        true
    };
    for def in items.types.values_mut() {
        if omit(
            &def.pointer,
            OmissionKind::SchemaAsJson {
                name: def.name.clone(),
            },
        ) {
            def.kind = TypeKind::Alias(TypeRef::Any);
        }
    }
    items.operations.retain(|op| {
        let kind = OmissionKind::OperationLeftOut {
            id: op.id.clone(),
            method: op.method.as_str(),
            path: op.path.to_string(),
        };
        !omit(&op.pointer, kind)
    });
    items.webhooks.retain(|hook| {
        let kind = OmissionKind::WebhookLeftOut {
            name: hook.name.clone(),
            method: hook.method.as_str(),
        };
        !omit(&hook.pointer, kind)
    });
    // A charge that matched nothing would lose its problems: they refuse the spec instead.
    let mut unmatched: Vec<SpecProblem> = sorted
        .by_pointer
        .iter()
        .filter(|(pointer, _)| !used.contains(**pointer))
        .flat_map(|(_, indices)| indices.iter().map(|&i| problems[i].clone()))
        .collect();
    if !unmatched.is_empty() {
        unmatched.sort();
        return Err(unmatched);
    }
    omissions.sort_by(|a, b| a.pointer.cmp(&b.pointer));
    // A shared response or parameter is converted once per operation using it.
    omissions.dedup();
    Ok(omissions)
}

/// What partial generation may change: the resolved types, operations and webhooks.
pub(super) struct Items<'i> {
    /// Types by Rust name.
    pub(super) types: &'i mut BTreeMap<String, TypeDef>,
    /// Operations in spec order.
    pub(super) operations: &'i mut Vec<Operation>,
    /// Webhooks in spec order.
    pub(super) webhooks: &'i mut Vec<Webhook>,
}

/// The problems sorted by what becomes of them.
struct Sorted<'p> {
    /// The problems of each operation, webhook or schema to leave out or degrade, by pointer.
    by_pointer: HashMap<&'p str, Vec<usize>>,
    /// The problems whose spot alone holds any JSON value.
    values: Vec<usize>,
}

impl Sorted<'_> {
    /// The problems of the item at `pointer`, each once.
    fn reasons(&self, pointer: &str, problems: &[SpecProblem]) -> Vec<SpecProblem> {
        let mut reasons: Vec<SpecProblem> = Vec::new();
        for &i in &self.by_pointer[pointer] {
            if !reasons.contains(&problems[i]) {
                reasons.push(problems[i].clone());
            }
        }
        reasons
    }
}

/// Sorts the problems by the item they are charged to, or returns those charged to none.
fn sort<'p>(
    problems: &'p [SpecProblem],
    substituted: &HashSet<usize>,
    charges: &'p [Charge],
    types: &BTreeMap<String, TypeDef>,
) -> Result<Sorted<'p>, Vec<SpecProblem>> {
    let mut charged = vec![false; problems.len()];
    let mut by_pointer: HashMap<&str, Vec<usize>> = HashMap::new();
    // Problems whose spot already holds any JSON value, with the item they were found in.
    let mut local: Vec<(usize, Option<&str>)> = Vec::new();
    for charge in charges {
        charged[charge.problems.clone()].fill(true);
        for i in charge.problems.clone() {
            if substituted.contains(&i) {
                local.push((i, Some(&charge.pointer)));
            } else {
                by_pointer.entry(&charge.pointer).or_default().push(i);
            }
        }
    }
    for &i in substituted {
        if !charged[i] {
            charged[i] = true;
            local.push((i, None));
        }
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
    // A local problem in an item left out or degraded anyway is one of its reasons.
    let mut values = Vec::new();
    for (i, item) in local {
        match item.filter(|item| by_pointer.contains_key(item)) {
            Some(item) => by_pointer.get_mut(item).expect("checked").push(i),
            None => values.push(i),
        }
    }
    Ok(Sorted { by_pointer, values })
}
