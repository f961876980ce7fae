//! What an operation's `send()` returns: one body type (or `()`) when every success status
//! carries the same, else a response enum with a variant per status.

use std::collections::BTreeMap;

use super::rust::{self, code, Output};
use super::{Diff, Kind, Subject};
use crate::ir::{Operation, Response, Status};

fn statuses(op: &Operation) -> BTreeMap<Status, &Response> {
    op.responses.iter().map(|r| (r.status, r)).collect()
}

fn status_list(op: &Operation) -> String {
    let list: Vec<String> = op
        .responses
        .iter()
        .map(|r| rust::status(r.status))
        .collect();
    list.join(", ")
}

/// What `send()` returns, and the success statuses behind it.
pub(super) fn responses(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
    let (old_out, new_out) = (rust::output(old), rust::output(new));
    let (old_by, new_by) = (statuses(old), statuses(new));
    let same_statuses = old_by.keys().eq(new_by.keys());
    match (&old_out, &new_out) {
        (Output::Enum(old_name), Output::Enum(new_name)) if old_name == new_name => {
            response_variants(d, at, old_name, &old_by, &new_by);
        }
        (Output::Single(o), Output::Single(n)) if rust::same_opt(d.old, *o, d.new, *n) => {
            if !same_statuses {
                let summary = format!(
                    "success statuses {} → {} (`send()` still returns {})",
                    status_list(old),
                    status_list(new),
                    code(&rust::output_name(&new_out))
                );
                d.push(at, Kind::StatusesChanged, "", summary);
            }
        }
        _ => {
            let statuses = if same_statuses {
                String::new()
            } else {
                format!(
                    " (success statuses {} → {})",
                    status_list(old),
                    status_list(new)
                )
            };
            let summary = format!(
                "`send()` returns {} instead of {}{statuses}",
                code(&rust::output_name(&new_out)),
                code(&rust::output_name(&old_out))
            );
            d.push(at, Kind::ReturnTypeChanged, "", summary);
        }
    }
    for (status, n) in &new_by {
        let Some(o) = old_by.get(status) else {
            continue;
        };
        let item = rust::status(*status);
        if o.media_type != n.media_type && o.media_type.is_some() && n.media_type.is_some() {
            let summary = format!(
                "media type of the {item} response {} → {}",
                code(o.media_type.as_deref().unwrap_or_default()),
                code(n.media_type.as_deref().unwrap_or_default())
            );
            d.push(at, Kind::ResponseMediaTypeChanged, &item, summary);
        }
        if o.docs != n.docs {
            let summary = format!("description of the {item} response changed");
            d.push(at, Kind::ResponseDocsChanged, &item, summary);
        }
    }
}

/// Statuses of an operation whose `send()` returns the same response enum before and after.
fn response_variants(
    d: &mut Diff<'_>,
    at: &Subject,
    name: &str,
    old: &BTreeMap<Status, &Response>,
    new: &BTreeMap<Status, &Response>,
) {
    let payload = |r: &Response| {
        r.ty.as_ref()
            .map_or("no body".to_owned(), |t| code(&rust::type_name(t)))
    };
    for status in old.keys().filter(|s| !new.contains_key(s)) {
        let item = rust::status(*status);
        let summary = format!("status {item} removed from {}", code(name));
        d.push(at, Kind::ResponseVariantRemoved, &item, summary);
    }
    for (status, n) in new {
        let item = rust::status(*status);
        match old.get(status) {
            None => {
                let summary = format!("status {item} ({}) added to {}", payload(n), code(name));
                d.push(at, Kind::ResponseVariantAdded, &item, summary);
            }
            Some(o) if !rust::same_opt(d.old, o.ty.as_ref(), d.new, n.ty.as_ref()) => {
                let summary = format!(
                    "status {item} of {} carries {} (was {})",
                    code(name),
                    payload(n),
                    payload(o)
                );
                d.push(at, Kind::ResponseVariantRetyped, &item, summary);
            }
            Some(_) => {}
        }
    }
}
