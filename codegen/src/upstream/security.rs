//! Security: what each scheme means on the wire (an HTTP bearer token, an API key in a named
//! header or query parameter, OAuth 2 with its flows' URLs…), and each operation's alternatives
//! (a list of requirement sets, each naming schemes and scopes). Schemes are matched by name,
//! else by meaning; descriptions, `bearerFormat` and the scopes a scheme declares are not
//! compared, only the scopes operations require.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::compare::Comparer;
use super::difference::Kind;
use super::document::Document;
use super::operations::Operation;
use crate::pointer::Pointer;

/// One security alternative: scheme name → required scopes.
type Alternative = BTreeMap<String, BTreeSet<String>>;

impl Comparer<'_> {
    /// Reports schemes declared under the same name on both sides that mean different things.
    pub fn security_schemes(&mut self) {
        let mine = schemes(self.ours);
        let published = schemes(self.theirs);
        for (name, (at, meaning)) in &mine {
            if let Some((theirs_at, theirs_meaning)) = published.get(name) {
                if meaning != theirs_meaning {
                    let message = format!(
                        "scheme `{name}` is {meaning} in ours, {theirs_meaning} in the \
                         published spec"
                    );
                    self.report(Kind::SecurityScheme, at, theirs_at, "security", message);
                }
            }
        }
    }

    /// Compares the security alternatives of two matched operations.
    pub fn security(&mut self, ours: &Operation, theirs: &Operation, context: &str) {
        let context = format!("{context} security");
        let names = self.scheme_names();
        let (ours_at, mine) = alternatives(self.ours, &ours.at);
        let (theirs_at, published) = alternatives(self.theirs, &theirs.at);
        let mine: Vec<(Pointer, Alternative)> = mine
            .into_iter()
            .map(|(at, alternative)| {
                let renamed = alternative
                    .into_iter()
                    .map(|(name, scopes)| {
                        let name = names.get(&name).cloned().unwrap_or(name);
                        (name, scopes)
                    })
                    .collect();
                (at, renamed)
            })
            .collect();
        let mut open_mine: Vec<usize> = (0..mine.len()).collect();
        let mut open_published = Vec::new();
        for (t, (_, alternative)) in published.iter().enumerate() {
            match open_mine.iter().position(|o| mine[*o].1 == *alternative) {
                Some(p) => {
                    open_mine.remove(p);
                }
                None => open_published.push(t),
            }
        }
        // Same schemes, other scopes: one difference, not a missing and an extra one.
        let mut unpaired_published = Vec::new();
        for t in open_published {
            let (theirs_alt_at, alternative) = &published[t];
            let same_schemes = open_mine
                .iter()
                .position(|o| mine[*o].1.keys().eq(alternative.keys()));
            match same_schemes {
                Some(p) => {
                    let o = open_mine.remove(p);
                    let (ours_alt_at, own) = &mine[o];
                    let message = format!(
                        "{} in ours, {} in the published spec",
                        describe(own),
                        describe(alternative)
                    );
                    self.report(
                        Kind::SecurityScopes,
                        ours_alt_at,
                        theirs_alt_at,
                        &context,
                        message,
                    );
                }
                None => unpaired_published.push(t),
            }
        }
        for t in unpaired_published {
            let (at, alternative) = &published[t];
            let message = format!("{} is published, not in ours", describe(alternative));
            self.report(Kind::SecurityMissing, &ours_at, at, &context, message);
        }
        for o in open_mine {
            let (at, alternative) = &mine[o];
            let message = format!("{} is in ours, not published", describe(alternative));
            self.report(Kind::SecurityExtra, at, &theirs_at, &context, message);
        }
    }

    /// Our scheme name → the published name of the same scheme: the same name when it exists
    /// there, else the one published scheme with the same meaning.
    fn scheme_names(&self) -> BTreeMap<String, String> {
        let mine = schemes(self.ours);
        let published = schemes(self.theirs);
        let mut names = BTreeMap::new();
        for (name, (_, meaning)) in &mine {
            if published.contains_key(name) {
                continue;
            }
            let same: Vec<&String> = published
                .iter()
                .filter(|(_, (_, m))| m == meaning)
                .map(|(n, _)| n)
                .collect();
            if let [only] = same.as_slice() {
                names.insert(name.clone(), (*only).clone());
            }
        }
        names
    }
}

/// The security schemes of `doc`: name → (pointer, meaning).
fn schemes(doc: &Document) -> BTreeMap<String, (Pointer, String)> {
    let at = Pointer::root().push("components").push("securitySchemes");
    let Some(Value::Object(map)) = doc.get(&at) else {
        return BTreeMap::new();
    };
    map.keys()
        .filter_map(|name| {
            let (at, scheme) = doc.resolve(&at.push(name))?;
            Some((name.clone(), (at, meaning(scheme))))
        })
        .collect()
}

/// What a scheme means on the wire, e.g. `http bearer`, `apiKey in header \`private-app\``.
pub(super) fn meaning(scheme: &Value) -> String {
    let text = |v: &Value, key| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
    let kind = text(scheme, "type");
    match kind.as_str() {
        "http" => format!("http {}", text(scheme, "scheme").to_ascii_lowercase()),
        "apiKey" => {
            let location = text(scheme, "in");
            let mut name = text(scheme, "name");
            if location == "header" {
                name = name.to_ascii_lowercase();
            }
            format!("apiKey in {location} `{name}`")
        }
        "oauth2" => {
            let mut flows = Vec::new();
            if let Some(Value::Object(map)) = scheme.get("flows") {
                for (flow, value) in map.iter().filter(|(k, _)| !k.starts_with("x-")) {
                    let urls: Vec<String> = ["authorizationUrl", "tokenUrl", "refreshUrl"]
                        .into_iter()
                        .map(|key| text(value, key))
                        .filter(|url| !url.is_empty())
                        .collect();
                    flows.push(format!("{flow} ({})", urls.join(", ")));
                }
            }
            format!("oauth2 {}", flows.join(", "))
        }
        "openIdConnect" => format!("openIdConnect {}", text(scheme, "openIdConnectUrl")),
        other => other.to_owned(),
    }
}

/// The alternatives that apply to the operation at `operation` (its own `security`, else the
/// document's), each with its pointer, and the pointer of the list (or of the operation when
/// none applies).
fn alternatives(doc: &Document, operation: &Pointer) -> (Pointer, Vec<(Pointer, Alternative)>) {
    let own = operation.push("security");
    let list = if doc.get(&own).is_some() {
        own
    } else {
        let root = Pointer::root().push("security");
        if doc.get(&root).is_none() {
            return (operation.clone(), Vec::new());
        }
        root
    };
    let Some(Value::Array(entries)) = doc.get(&list) else {
        return (list, Vec::new());
    };
    let parsed = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let alternative = entry
                .as_object()
                .map(|map| {
                    map.iter()
                        .map(|(name, scopes)| {
                            let scopes = scopes
                                .as_array()
                                .map(|s| {
                                    s.iter()
                                        .filter_map(Value::as_str)
                                        .map(str::to_owned)
                                        .collect()
                                })
                                .unwrap_or_default();
                            (name.clone(), scopes)
                        })
                        .collect()
                })
                .unwrap_or_default();
            (list.push(i.to_string()), alternative)
        })
        .collect();
    (list, parsed)
}

/// E.g. `oauth2 [conversations.read] + private_apps []`, or `no authentication`.
fn describe(alternative: &Alternative) -> String {
    if alternative.is_empty() {
        return "no authentication".to_owned();
    }
    alternative
        .iter()
        .map(|(name, scopes)| {
            let scopes: Vec<&str> = scopes.iter().map(String::as_str).collect();
            format!("{name} [{}]", scopes.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" + ")
}
