//! Spec diff: what changing the spec changes in the generated Rust API, and which release that
//! needs.
//!
//! [`diff`] compares two resolved APIs item by item — operations by client method name, types and
//! webhooks by Rust name, parameters, fields and variants by Rust name — so a change is described
//! as downstream code sees it. Detection lives in `operations` (with `params` and `responses`),
//! `types` (with `variants` and `union_methods`) and `webhooks`, the rules (each
//! [`Kind`]'s [`Impact`] and reason) in `classify`, and the text, Markdown and JSON output in
//! [`render`].

mod classify;
mod operations;
mod params;
pub mod render;
mod responses;
mod rust;
mod types;
mod union_methods;
mod variants;
mod webhooks;

use std::cmp::Reverse;
use std::collections::BTreeMap;

pub use classify::Kind;

use crate::ir::{Api, ApiKeyLocation, SchemeKind};

/// The effect of a change, from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Impact {
    /// Only documentation changes.
    Docs,
    /// The Rust API is unchanged, but what goes over the wire or how values behave changes.
    Behaviour,
    /// Something is added; code that compiled still compiles.
    Additive,
    /// Code that compiled may no longer compile.
    Breaking,
}

impl Impact {
    /// Every impact, most severe first.
    pub const ALL: [Impact; 4] = [
        Impact::Breaking,
        Impact::Additive,
        Impact::Behaviour,
        Impact::Docs,
    ];

    /// The release a change of this impact needs.
    pub fn release(self) -> Release {
        match self {
            Impact::Breaking => Release::Major,
            Impact::Additive => Release::Minor,
            Impact::Behaviour | Impact::Docs => Release::Patch,
        }
    }

    /// Its lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Breaking => "breaking",
            Impact::Additive => "additive",
            Impact::Behaviour => "behaviour",
            Impact::Docs => "docs",
        }
    }
}

/// A semver release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Release {
    /// Fixes and documentation.
    Patch,
    /// Additions.
    Minor,
    /// Breaking changes.
    Major,
}

impl Release {
    /// Its lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Release::Patch => "patch",
            Release::Minor => "minor",
            Release::Major => "major",
        }
    }
}

/// What a change belongs to: the API as a whole, one operation or one named type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// The API's metadata (`info`, `servers`).
    Api,
    /// An operation, by client method name.
    Operation(String),
    /// A named type, by Rust name.
    Type(String),
    /// A webhook, by the Rust name of its type in `webhooks`.
    Webhook(String),
}

/// One classified change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What it belongs to.
    pub subject: Subject,
    /// The element changed inside the subject (a parameter, field, value, status…), by Rust
    /// name; empty when the subject itself changed.
    pub item: String,
    /// What kind of change it is.
    pub kind: Kind,
    /// What changed, naming the Rust items and types involved.
    pub summary: String,
}

impl Change {
    /// Its effect.
    pub fn impact(&self) -> Impact {
        self.kind.impact()
    }

    /// Why it has that effect.
    pub fn reason(&self) -> &'static str {
        self.kind.reason()
    }
}

/// Every change between two APIs, sorted by subject, then most severe first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The changes.
    pub changes: Vec<Change>,
    /// A one-line description of each subject that has changes (an operation's HTTP method and
    /// path, a type's kind and where it is used).
    pub subjects: BTreeMap<Subject, String>,
}

impl Report {
    /// The release the changes need; `None` when nothing changed.
    pub fn release(&self) -> Option<Release> {
        self.changes.iter().map(|c| c.impact().release()).max()
    }

    /// How many changes have `impact`.
    pub fn count(&self, impact: Impact) -> usize {
        self.changes.iter().filter(|c| c.impact() == impact).count()
    }

    /// Whether any change is breaking.
    pub fn has_breaking(&self) -> bool {
        self.count(Impact::Breaking) > 0
    }
}

/// Compares the API generated from an old spec with the one from a new spec.
pub fn diff(old: &Api, new: &Api) -> Report {
    let mut diff = Diff {
        old,
        new,
        changes: Vec::new(),
    };
    diff.api();
    operations::compare(&mut diff);
    types::compare(&mut diff);
    webhooks::compare(&mut diff);
    let mut changes = diff.changes;
    changes.sort_by(|a, b| {
        let key = |c: &Change| (c.subject.clone(), Reverse(c.impact()), c.item.clone());
        key(a).cmp(&key(b)).then_with(|| a.summary.cmp(&b.summary))
    });
    changes.dedup();
    let subjects = changes
        .iter()
        .map(|c| (c.subject.clone(), describe(old, new, &c.subject)))
        .collect();
    Report { changes, subjects }
}

/// The comparison in progress.
struct Diff<'a> {
    old: &'a Api,
    new: &'a Api,
    changes: Vec<Change>,
}

impl Diff<'_> {
    fn push(&mut self, subject: &Subject, kind: Kind, item: &str, summary: String) {
        self.changes.push(Change {
            subject: subject.clone(),
            item: item.to_owned(),
            kind,
            summary,
        });
    }

    fn api(&mut self) {
        let (old, new) = (self.old, self.new);
        if old.base_url != new.base_url {
            let url = |u: &Option<String>| u.as_deref().map_or("none".into(), rust::code);
            let summary = format!("base URL {} → {}", url(&old.base_url), url(&new.base_url));
            self.push(&Subject::Api, Kind::BaseUrlChanged, "", summary);
        }
        if old.version != new.version {
            let summary = format!(
                "version {} → {}",
                rust::code(&old.version),
                rust::code(&new.version)
            );
            self.push(&Subject::Api, Kind::VersionChanged, "", summary);
        }
        if old.title != new.title || old.description != new.description {
            let summary = "title or description changed".to_owned();
            self.push(&Subject::Api, Kind::ApiDocsChanged, "", summary);
        }
        self.api_keys();
    }

    /// API-key schemes, by their constant in `security`.
    fn api_keys(&mut self) {
        let keys = |api: &'_ Api| -> BTreeMap<String, (String, String)> {
            api.security_schemes
                .iter()
                .filter_map(|s| match &s.kind {
                    SchemeKind::ApiKey {
                        location,
                        name,
                        const_name,
                    } => Some((
                        const_name.clone(),
                        (s.name.clone(), where_key(*location, name)),
                    )),
                    _ => None,
                })
                .collect()
        };
        let (old, new) = (keys(self.old), keys(self.new));
        for (constant, (scheme, place)) in &old {
            let item = format!("security::{constant}");
            match new.get(constant) {
                None => {
                    let summary = format!("API key `{scheme}` removed");
                    self.push(&Subject::Api, Kind::ApiKeySchemeRemoved, &item, summary);
                }
                Some((_, new_place)) if new_place != place => {
                    let summary = format!("API key `{scheme}` sent as {new_place} (was {place})");
                    self.push(&Subject::Api, Kind::ApiKeySchemeWireChanged, &item, summary);
                }
                Some(_) => {}
            }
        }
        for (constant, (scheme, place)) in &new {
            if !old.contains_key(constant) {
                let item = format!("security::{constant}");
                let summary = format!("API key `{scheme}` added, sent as {place}");
                self.push(&Subject::Api, Kind::ApiKeySchemeAdded, &item, summary);
            }
        }
    }
}

/// Where an API key goes, in words.
fn where_key(location: ApiKeyLocation, name: &str) -> String {
    let location = match location {
        ApiKeyLocation::Query => "query parameter",
        ApiKeyLocation::Header => "header",
        ApiKeyLocation::Cookie => "cookie",
    };
    format!("{location} `{name}`")
}

/// The one-line description of a subject, from the new API when it has it.
fn describe(old: &Api, new: &Api, subject: &Subject) -> String {
    match subject {
        Subject::Api => format!("{} {}", new.title, new.version),
        Subject::Operation(name) => operations::describe(old, new, name),
        Subject::Type(name) => types::describe(old, new, name),
        Subject::Webhook(name) => webhooks::describe(old, new, name),
    }
}
