//! The comparison of our document with one published document: state shared by the operation,
//! security and schema comparisons (in their own files), and how a difference is recorded.

use std::collections::HashSet;

use super::difference::{Difference, Kind, Site};
use super::document::Document;
use crate::pointer::Pointer;

/// Compares parts of `ours` with parts of `theirs`, collecting differences.
pub(super) struct Comparer<'a> {
    /// Our document.
    pub ours: &'a Document,
    /// The published document.
    pub theirs: &'a Document,
    /// Schema pairs (ours, theirs) already compared: each pair is compared once, which ends
    /// recursion through recursive schemas and keeps the work linear in the input.
    visited: HashSet<(Pointer, Pointer)>,
    /// What was found.
    pub out: Vec<Difference>,
}

impl<'a> Comparer<'a> {
    pub fn new(ours: &'a Document, theirs: &'a Document) -> Self {
        Comparer {
            ours,
            theirs,
            visited: HashSet::new(),
            out: Vec::new(),
        }
    }

    /// Records a difference between the node at `ours` and the node at `theirs`.
    pub fn report(
        &mut self,
        kind: Kind,
        ours: &Pointer,
        theirs: &Pointer,
        context: &str,
        message: impl Into<String>,
    ) {
        self.out.push(Difference {
            ours: Site::new(&self.ours.label, ours),
            published: Site::new(&self.theirs.label, theirs),
            kind,
            context: context.to_owned(),
            message: message.into(),
        });
    }

    /// Whether the schema pair is met for the first time (and marks it met).
    pub fn first_visit(&mut self, ours: &Pointer, theirs: &Pointer) -> bool {
        self.visited.insert((ours.clone(), theirs.clone()))
    }
}

/// `parent/key` when the node has that key, else `parent`: where a missing thing would go.
pub(super) fn slot_or_parent(doc: &Document, parent: &Pointer, key: &str) -> Pointer {
    let child = parent.push(key);
    if doc.get(&child).is_some() {
        child
    } else {
        parent.clone()
    }
}

/// `required` or `optional`.
pub(super) fn required_word(required: bool) -> &'static str {
    if required {
        "required"
    } else {
        "optional"
    }
}
