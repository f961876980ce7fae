//! `cargo xtask upstream`: do the *wire facts* of our spec match a vendor's published spec(s)?
//!
//! Both sides are read as raw JSON trees ([`Document`]), so the comparison is not limited by
//! what the generator supports and every pointer is exact. Schema names, descriptions,
//! summaries, examples, titles, operation IDs, tags, defaults, validation keywords and `x-`
//! extensions are not compared (see [`schemas`] and [`operations`] for the full list); what is:
//!
//! - servers (document-level URLs);
//! - operations, matched by method + path (parameter names in the template blanked); the
//!   published side is the union of all published files, and an operation in two of them is an
//!   error;
//! - parameters by location + name: required, style/explode/allowReserved (OpenAPI defaults
//!   applied), schema;
//! - request bodies and responses by status and media type, then their schemas field by field
//!   through `$ref`, `allOf`, `oneOf`/`anyOf` (as sets of variants), `items` and
//!   `additionalProperties`: type, format, nullable, enum values, fields, required;
//! - security: what each scheme means on the wire, each operation's alternatives and scopes.
//!
//! Each [`Difference`] names both sides by JSON pointer. [`deviations`] lists the differences
//! we keep on purpose; [`render`] prints the [`Report`](deviations::Report).

mod compare;
pub mod deviations;
mod difference;
mod document;
mod flat;
pub mod grammar;
mod operations;
pub mod reduce;
pub mod render;
mod schemas;
mod security;
mod unions;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

pub use difference::{Difference, Kind, Site};
pub use document::Document;

use crate::error::{Error, SpecProblem};
use crate::pointer::Pointer;
use compare::Comparer;
use operations::Operation;

/// Every wire-fact difference between `ours` and the `published` documents, sorted by our
/// pointer, then the published file and pointer, then kind. Fails when two published files (or
/// one file twice) declare the same operation.
pub fn compare(ours: &Document, published: &[Document]) -> Result<Vec<Difference>, Error> {
    let mine = index(std::slice::from_ref(ours))?;
    let theirs = index(published)?;
    let mut out = Vec::new();
    let first_paths = |doc: &Document| slot(doc, &Pointer::root(), "paths");
    for (key, (file, operation)) in &theirs {
        if !mine.contains_key(key) {
            let doc = &published[*file];
            let mut comparer = Comparer::new(ours, doc);
            let ours_at = same_path_item(&mine, &key.0).unwrap_or_else(|| first_paths(ours));
            comparer.report(
                Kind::OperationMissing,
                &ours_at,
                &operation.at,
                &operation.label(),
                "the published operation is not in ours",
            );
            out.extend(comparer.out);
        }
    }
    for (key, (_, operation)) in &mine {
        if !theirs.contains_key(key) {
            let Some(doc) = published.first() else { break };
            let mut comparer = Comparer::new(ours, doc);
            let theirs_at = first_paths(doc);
            comparer.report(
                Kind::OperationExtra,
                &operation.at,
                &theirs_at,
                &operation.label(),
                "our operation is in no published file",
            );
            out.extend(comparer.out);
        }
    }
    for (file, doc) in published.iter().enumerate() {
        let mut comparer = Comparer::new(ours, doc);
        comparer.security_schemes();
        for (key, (_, theirs_op)) in theirs.iter().filter(|(_, (f, _))| *f == file) {
            if let Some((_, ours_op)) = mine.get(key) {
                comparer.operation(ours_op, theirs_op);
            }
        }
        out.extend(comparer.out);
    }
    out.extend(servers(ours, published));
    out.sort();
    out.dedup();
    Ok(out)
}

/// Operations by match key (see [`Operation::key`]), with the index of their document.
type Index = BTreeMap<(String, String), (usize, Operation)>;

/// Operations of `docs` by match key, with the index of the document each comes from.
fn index(docs: &[Document]) -> Result<Index, Error> {
    let mut all = Index::new();
    for (file, doc) in docs.iter().enumerate() {
        for operation in operations::collect(doc) {
            if let Some((first_file, first)) = all.get(&operation.key()) {
                let first_doc = &docs[*first_file];
                return Err(Error::Spec {
                    path: doc.label.clone().into(),
                    problems: vec![SpecProblem {
                        pointer: operation.at.to_string(),
                        message: format!(
                            "{} is also declared in {} at {} (as {}): each operation must \
                             come from one published file",
                            operation.label(),
                            first_doc.label,
                            first.at,
                            first.label()
                        ),
                    }],
                });
            }
            all.insert(operation.key(), (file, operation));
        }
    }
    Ok(all)
}

/// Our path item with the same template shape as a missing operation's, if we have one.
fn same_path_item(mine: &Index, shape: &str) -> Option<Pointer> {
    mine.range((shape.to_owned(), String::new())..)
        .next()
        .filter(|((s, _), _)| s == shape)
        .map(|(_, (_, operation))| operation.item.clone())
}

/// Server URLs (document level): each published one missing from ours, each of ours in no
/// published file.
fn servers(ours: &Document, published: &[Document]) -> Vec<Difference> {
    let mut out = Vec::new();
    let mine = server_urls(ours);
    let mut all_published = BTreeSet::new();
    for doc in published {
        let mut comparer = Comparer::new(ours, doc);
        for (url, at) in server_urls(doc) {
            if !mine.contains_key(&url) {
                let ours_at = slot(ours, &Pointer::root(), "servers");
                let message = format!("server `{url}` is published, not in ours");
                comparer.report(Kind::ServerMissing, &ours_at, &at, "servers", message);
            }
            all_published.insert(url);
        }
        out.extend(comparer.out);
    }
    if let Some(first) = published.first() {
        let mut comparer = Comparer::new(ours, first);
        for (url, at) in mine {
            if !all_published.contains(&url) {
                let theirs_at = slot(first, &Pointer::root(), "servers");
                let message = format!("server `{url}` is in ours, in no published file");
                comparer.report(Kind::ServerExtra, &at, &theirs_at, "servers", message);
            }
        }
        out.extend(comparer.out);
    }
    out
}

/// Document-level server URL (trailing `/` dropped) → its pointer.
fn server_urls(doc: &Document) -> BTreeMap<String, Pointer> {
    let at = Pointer::root().push("servers");
    let Some(Value::Array(servers)) = doc.get(&at) else {
        return BTreeMap::new();
    };
    servers
        .iter()
        .enumerate()
        .filter_map(|(i, server)| {
            let url = server
                .get("url")?
                .as_str()?
                .trim_end_matches('/')
                .to_owned();
            Some((url, at.push(i.to_string())))
        })
        .collect()
}

fn slot(doc: &Document, parent: &Pointer, key: &str) -> Pointer {
    compare::slot_or_parent(doc, parent, key)
}
