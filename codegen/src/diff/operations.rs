//! Operations compared by client method name: the endpoint, parameters (by Rust name), the
//! request body, what `send()` returns, pagination, retries and documentation.

use std::collections::BTreeMap;

use super::rust::{self, code, Output};
use super::{Diff, Kind, Subject};
use crate::ir::{Api, Body, Operation, Param, ParamLocation, Response, Status};

/// Finds added, removed and changed operations.
pub(super) fn compare(d: &mut Diff<'_>) {
    let old = by_name(d.old);
    let new = by_name(d.new);
    for (name, op) in &old {
        if !new.contains_key(name) {
            let summary = format!("{} removed", endpoint(op));
            d.push(&subject(op), Kind::OperationRemoved, "", summary);
        }
    }
    for (name, op) in &new {
        match old.get(name) {
            None => {
                let summary = format!("{} added", endpoint(op));
                d.push(&subject(op), Kind::OperationAdded, "", summary);
            }
            Some(old) => operation(d, old, op),
        }
    }
}

/// An operation's HTTP method and path, from the new API when it has the operation.
pub(super) fn describe(old: &Api, new: &Api, name: &str) -> String {
    let find = |api: &'_ Api| {
        api.operations
            .iter()
            .find(|op| op.method_name == name)
            .map(endpoint)
    };
    find(new).or_else(|| find(old)).unwrap_or_default()
}

fn by_name(api: &Api) -> BTreeMap<&str, &Operation> {
    api.operations
        .iter()
        .map(|op| (op.method_name.as_str(), op))
        .collect()
}

fn subject(op: &Operation) -> Subject {
    Subject::Operation(op.method_name.clone())
}

fn endpoint(op: &Operation) -> String {
    code(&format!("{} {}", op.method.as_str(), op.path))
}

fn operation(d: &mut Diff<'_>, old: &Operation, new: &Operation) {
    let at = subject(new);
    if old.method != new.method || old.path != new.path {
        let summary = format!("now {} (was {})", endpoint(new), endpoint(old));
        d.push(&at, Kind::EndpointChanged, "", summary);
    }
    if old.builder_name != new.builder_name {
        let summary = format!(
            "request builder {} renamed {}",
            code(&old.builder_name),
            code(&new.builder_name)
        );
        d.push(&at, Kind::BuilderRenamed, "", summary);
    }
    params(d, &at, old, new);
    body(d, &at, old.body.as_ref(), new.body.as_ref());
    responses(d, &at, old, new);
    behaviour(d, &at, old, new);
    docs(d, &at, old, new);
}

fn location(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}

/// `query parameter `inboxId``.
fn param_name(p: &Param) -> String {
    format!("{} parameter {}", location(p.location), code(&p.wire_name))
}

fn params(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
    let key = |op: &'_ Operation| -> BTreeMap<String, Param> {
        op.params
            .iter()
            .map(|p| (p.rust_name.clone(), p.clone()))
            .collect()
    };
    let (old_params, new_params) = (key(old), key(new));
    for (name, p) in &old_params {
        if !new_params.contains_key(name) {
            let (kind, how) = if p.required {
                (Kind::ParamRemovedRequired, "argument")
            } else {
                (Kind::ParamRemovedOptional, "setter")
            };
            let summary = format!("{} removed ({how} {})", param_name(p), code(name));
            d.push(at, kind, name, summary);
        }
    }
    for (name, p) in &new_params {
        let Some(o) = old_params.get(name) else {
            let ty = rust::type_name(&p.ty);
            let summary = if p.required {
                format!(
                    "new required {} (argument {})",
                    param_name(p),
                    code(&format!("{name}: {ty}"))
                )
            } else {
                format!(
                    "new optional {} (setter {})",
                    param_name(p),
                    code(&format!(".{name}({ty})"))
                )
            };
            let kind = if p.required {
                Kind::ParamAddedRequired
            } else {
                Kind::ParamAddedOptional
            };
            d.push(at, kind, name, summary);
            continue;
        };
        param(d, at, o, p);
    }
}

fn param(d: &mut Diff<'_>, at: &Subject, old: &Param, new: &Param) {
    let name = &new.rust_name;
    if !rust::same(d.old, &old.ty, d.new, &new.ty) {
        let summary = format!(
            "{} changed type ({} → {})",
            param_name(new),
            code(&rust::type_name(&old.ty)),
            code(&rust::type_name(&new.ty))
        );
        d.push(at, Kind::ParamRetyped, name, summary);
    }
    if old.required != new.required {
        let (kind, became) = if new.required {
            (Kind::ParamBecameRequired, "required")
        } else {
            (Kind::ParamBecameOptional, "optional")
        };
        d.push(
            at,
            kind,
            name,
            format!("{} became {became}", param_name(new)),
        );
    }
    if old.wire_name != new.wire_name {
        let summary = format!(
            "{} parameter {} renamed {} on the wire",
            location(new.location),
            code(&old.wire_name),
            code(&new.wire_name)
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    if old.location != new.location {
        let summary = format!(
            "parameter {} moved from the {} to the {}",
            code(&new.wire_name),
            location(old.location),
            location(new.location)
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    // A move brings the new location's default style with it: reported once, as the move.
    if old.location == new.location && (old.style != new.style || old.explode != new.explode) {
        let summary = format!(
            "{} serialization changed ({}, explode {} → {}, explode {})",
            param_name(new),
            format!("{:?}", old.style).to_lowercase(),
            old.explode,
            format!("{:?}", new.style).to_lowercase(),
            new.explode
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    if old.docs != new.docs {
        let summary = format!("description of {} changed", param_name(new));
        d.push(at, Kind::ParamDocsChanged, name, summary);
    }
}

fn body(d: &mut Diff<'_>, at: &Subject, old: Option<&Body>, new: Option<&Body>) {
    let ty = |b: &Body| code(&rust::type_name(&b.ty));
    match (old, new) {
        (None, Some(b)) => {
            let (kind, which) = if b.required {
                (Kind::BodyAddedRequired, "required")
            } else {
                (Kind::BodyAddedOptional, "optional")
            };
            let summary = format!("new {which} request body {}", ty(b));
            d.push(at, kind, "body", summary);
        }
        (Some(b), None) => {
            let summary = format!("request body {} removed", ty(b));
            d.push(at, Kind::BodyRemoved, "body", summary);
        }
        (Some(o), Some(n)) => {
            if !rust::same(d.old, &o.ty, d.new, &n.ty) {
                let summary = format!("request body changed type ({} → {})", ty(o), ty(n));
                d.push(at, Kind::BodyRetyped, "body", summary);
            }
            if o.required != n.required {
                let (kind, became) = if n.required {
                    (Kind::BodyBecameRequired, "required")
                } else {
                    (Kind::BodyBecameOptional, "optional")
                };
                d.push(at, kind, "body", format!("request body became {became}"));
            }
            if o.media_type != n.media_type {
                let summary = format!(
                    "request body media type {} → {}",
                    code(&o.media_type),
                    code(&n.media_type)
                );
                d.push(at, Kind::BodyMediaTypeChanged, "body", summary);
            }
            if o.docs != n.docs {
                let summary = "description of the request body changed".to_owned();
                d.push(at, Kind::BodyDocsChanged, "body", summary);
            }
        }
        (None, None) => {}
    }
}

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

fn responses(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
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

/// Pagination, retries and the error body.
fn behaviour(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
    match (&old.pagination, &new.pagination) {
        (None, Some(p)) => {
            let summary = format!(
                "now cursor-paged (items {})",
                code(&rust::type_name(&p.item_type))
            );
            d.push(at, Kind::PaginationAdded, "", summary);
        }
        (Some(_), None) => {
            d.push(
                at,
                Kind::PaginationRemoved,
                "",
                "no longer cursor-paged".into(),
            );
        }
        (Some(o), Some(n)) if !rust::same(d.old, &o.item_type, d.new, &n.item_type) => {
            let summary = format!(
                "paged items are {} (were {})",
                code(&rust::type_name(&n.item_type)),
                code(&rust::type_name(&o.item_type))
            );
            d.push(at, Kind::PaginationItemChanged, "", summary);
        }
        _ => {}
    }
    if old.idempotent != new.idempotent {
        let summary = if new.idempotent {
            "now idempotent (retried after any retryable failure)"
        } else {
            "no longer idempotent (retried only when HubSpot cannot have acted on it)"
        };
        d.push(at, Kind::IdempotencyChanged, "", summary.into());
    }
    let (old_error, new_error) = (old.error.as_ref(), new.error.as_ref());
    if !rust::same_opt(d.old, old_error, d.new, new_error) {
        let name = |t: Option<&_>| t.map_or("none".to_owned(), |t| code(&rust::type_name(t)));
        let summary = format!("error body {} → {}", name(old_error), name(new_error));
        d.push(at, Kind::ErrorTypeChanged, "", summary);
    }
}

fn docs(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
    if old.deprecated != new.deprecated {
        let summary = if new.deprecated {
            "now deprecated"
        } else {
            "no longer deprecated"
        };
        d.push(at, Kind::DeprecationChanged, "", summary.into());
    }
    if old.scopes != new.scopes {
        let list = |s: &[String]| {
            let scopes: Vec<String> = s.iter().map(|s| code(s)).collect();
            if scopes.is_empty() {
                "none".to_owned()
            } else {
                scopes.join(", ")
            }
        };
        let summary = format!("OAuth scopes {} → {}", list(&old.scopes), list(&new.scopes));
        d.push(at, Kind::ScopesChanged, "", summary);
    }
    if old.summary != new.summary || old.description != new.description {
        let summary = "summary or description changed".to_owned();
        d.push(at, Kind::OperationDocsChanged, "", summary);
    }
    if old.tags != new.tags {
        let summary = format!(
            "tags {:?} → {:?} (they appear nowhere in the generated code)",
            old.tags, new.tags
        );
        d.push(at, Kind::OperationDocsChanged, "", summary);
    }
}
