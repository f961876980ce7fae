//! The call signature of an operation: parameters by Rust name (method arguments when required,
//! builder setters otherwise) and the request body.

use std::collections::BTreeMap;

use super::rust::{self, code};
use super::{Diff, Kind, Subject};
use crate::ir::{Body, Operation, Param, ParamLocation};

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
    format!(
        "{} parameter {}",
        location(p.location()),
        code(&p.wire_name)
    )
}

/// Parameters by Rust name: added, removed, retyped, required ↔ optional, sent differently.
pub(super) fn params(d: &mut Diff<'_>, at: &Subject, old: &Operation, new: &Operation) {
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
            location(new.location()),
            code(&old.wire_name),
            code(&new.wire_name)
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    if old.location() != new.location() {
        let summary = format!(
            "parameter {} moved from the {} to the {}",
            code(&new.wire_name),
            location(old.location()),
            location(new.location())
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    // A move brings the new location's default style with it: reported once, as the move. A
    // new type brings its own encoding: reported once, as the new type.
    let same_place = old.location() == new.location() && old.ty == new.ty;
    if same_place && old.encoding != new.encoding {
        let summary = format!(
            "{} serialization changed ({} → {})",
            param_name(new),
            old.encoding.describe(),
            new.encoding.describe()
        );
        d.push(at, Kind::ParamWireChanged, name, summary);
    }
    if old.docs != new.docs {
        let summary = format!("description of {} changed", param_name(new));
        d.push(at, Kind::ParamDocsChanged, name, summary);
    }
}

/// The request body: added, removed, retyped, required ↔ optional, media type, docs.
pub(super) fn body(d: &mut Diff<'_>, at: &Subject, old: Option<&Body>, new: Option<&Body>) {
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
