//! Where each named type is used: in requests (callers build its values) and/or in responses
//! (values are decoded for callers), following fields, variants and aliases.

use std::collections::BTreeSet;

use crate::ir::{Api, TypeKind, TypeRef};

/// How a named type is reached from the operations.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Usage {
    /// Reached from a parameter or a request body.
    pub request: bool,
    /// Reached from a success response.
    pub response: bool,
}

impl Usage {
    /// Where it is used, in words.
    pub fn describe(self) -> &'static str {
        match (self.request, self.response) {
            (true, true) => "used in requests and responses",
            (true, false) => "used in requests",
            (false, true) => "used in responses",
            (false, false) => "not used by any operation",
        }
    }
}

/// The named types of one API reached from requests and from responses.
struct Reach<'a> {
    request: BTreeSet<&'a str>,
    response: BTreeSet<&'a str>,
}

impl<'a> Reach<'a> {
    fn new(api: &'a Api) -> Self {
        let mut requests = Vec::new();
        let mut responses = Vec::new();
        for op in &api.operations {
            requests.extend(op.params.iter().map(|p| &p.ty));
            requests.extend(op.body.iter().map(|b| &b.ty));
            responses.extend(op.responses.iter().filter_map(|r| r.ty.as_ref()));
        }
        Reach {
            request: reached(api, requests),
            response: reached(api, responses),
        }
    }
}

/// Every named type reachable from `roots`.
fn reached<'a>(api: &'a Api, roots: Vec<&'a TypeRef>) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut stack = roots;
    while let Some(ty) = stack.pop() {
        match ty {
            TypeRef::Named(name) => {
                if !seen.insert(name.as_str()) {
                    continue;
                }
                if let Some(def) = api.types.get(name) {
                    stack.extend(references(&def.kind));
                }
            }
            TypeRef::List(inner) | TypeRef::Map(inner) => stack.push(inner),
            _ => {}
        }
    }
    seen
}

/// The type uses inside a definition.
fn references(kind: &TypeKind) -> Vec<&TypeRef> {
    match kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .map(|f| &f.ty)
            .chain(s.additional.iter())
            .collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(ty) => vec![ty],
        _ => Vec::new(),
    }
}

/// Where the types of both APIs are used.
pub(super) struct Usages<'a> {
    old: Reach<'a>,
    new: Reach<'a>,
}

impl<'a> Usages<'a> {
    /// Follows the operations of both APIs.
    pub fn new(old: &'a Api, new: &'a Api) -> Self {
        Usages {
            old: Reach::new(old),
            new: Reach::new(new),
        }
    }

    /// The usage of `name` in either API: existing callers' code follows the old one, new code
    /// the new one.
    pub fn of(&self, name: &str) -> Usage {
        Usage {
            request: self.old.request.contains(name) || self.new.request.contains(name),
            response: self.old.response.contains(name) || self.new.response.contains(name),
        }
    }
}
