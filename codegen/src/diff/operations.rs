//! Operations compared by client method name: added and removed ones, then for each the
//! endpoint, the call signature (`params`), what `send()` returns (`responses`), pagination,
//! retries and documentation.

use std::collections::BTreeMap;

use super::rust::{self, code};
use super::{params, responses, Diff, Kind, Subject};
use crate::ir::{Api, Operation, SecurityScheme};

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
    params::params(d, &at, old, new);
    params::body(d, &at, old.body.as_ref(), new.body.as_ref());
    responses::responses(d, &at, old, new);
    behaviour(d, &at, old, new);
    docs(d, &at, old, new);
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
    let (old_credentials, new_credentials) = (credentials(old), credentials(new));
    if old_credentials != new_credentials {
        let summary = format!(
            "accepts {} (was {})",
            credentials_text(&new_credentials),
            credentials_text(&old_credentials)
        );
        d.push(at, Kind::SecurityChanged, "", summary);
    }
    let (old_error, new_error) = (old.error.as_ref(), new.error.as_ref());
    if !rust::same_opt(d.old, old_error, d.new, new_error) {
        let name = |t: Option<&_>| t.map_or("none".to_owned(), |t| code(&rust::type_name(t)));
        let summary = format!("error body {} → {}", name(old_error), name(new_error));
        d.push(at, Kind::ErrorTypeChanged, "", summary);
    }
}

/// The alternatives as the runtime sees them (schemes without scopes, each distinct list once).
fn credentials(op: &Operation) -> Vec<Vec<&SecurityScheme>> {
    let mut alternatives: Vec<Vec<&SecurityScheme>> = Vec::new();
    for alternative in &op.security {
        let schemes: Vec<&SecurityScheme> = alternative.schemes.iter().map(|s| &s.scheme).collect();
        if !alternatives.contains(&schemes) {
            alternatives.push(schemes);
        }
    }
    alternatives
}

/// Alternatives in words, e.g. "`private_apps` | `oauth2` | none".
fn credentials_text(alternatives: &[Vec<&SecurityScheme>]) -> String {
    let text: Vec<String> = alternatives
        .iter()
        .map(|schemes| {
            let names: Vec<String> = schemes.iter().map(|s| code(&s.name)).collect();
            if names.is_empty() {
                "none".to_owned()
            } else {
                names.join(" + ")
            }
        })
        .collect();
    text.join(" | ")
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
    let (old_scopes, new_scopes) = (old.scopes(), new.scopes());
    if old_scopes != new_scopes {
        let list = |s: &[&str]| {
            let scopes: Vec<String> = s.iter().map(|s| code(s)).collect();
            if scopes.is_empty() {
                "none".to_owned()
            } else {
                scopes.join(", ")
            }
        };
        let summary = format!("OAuth scopes {} → {}", list(&old_scopes), list(&new_scopes));
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
