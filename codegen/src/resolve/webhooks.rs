//! Webhooks: the calls an API makes to its users' servers, from a 3.1 document's `webhooks` or
//! the 3.0 vendor extension `x-webhooks` (Redocly's convention: the same map of path items). Each
//! method of an entry becomes one [`Webhook`]; its request body is what the generated code
//! decodes. Bodies are read like request bodies; form and multipart bodies cannot be decoded and
//! are problems.

use indexmap::IndexMap;
use openapiv3::{PathItem, ReferenceOr};

use super::operation::parse_method;
use super::Resolver;
use crate::error::SpecProblem;
use crate::ir::{Encoding, Webhook};
use crate::naming;
use crate::pointer::Pointer;

/// The keys webhooks are read from, in this order.
const KEYS: [&str; 2] = ["webhooks", "x-webhooks"];

/// The webhook entries of a document, parsed into path items, with where each is.
#[derive(Debug, Default)]
pub(super) struct Entries {
    /// Each entry: its name, its pointer and its path item.
    items: Vec<(String, Pointer, PathItem)>,
    /// What could not be read.
    problems: Vec<SpecProblem>,
}

/// Reads the webhook maps of the raw document (or, without one, the typed model's
/// `x-webhooks` extension).
pub(super) fn entries(spec: &openapiv3::OpenAPI, raw: Option<&serde_yaml::Value>) -> Entries {
    let mut out = Entries::default();
    for key in KEYS {
        let at = Pointer::root().push(key);
        let parsed = match raw {
            Some(raw) => match raw.get(key) {
                Some(value) => {
                    let de = serde_path_to_error::deserialize::<
                        _,
                        IndexMap<String, ReferenceOr<PathItem>>,
                    >(value);
                    de.map_err(|e| (e.path().to_string(), e.into_inner().to_string()))
                }
                None => continue,
            },
            None => match spec.extensions.get(key) {
                Some(value) => serde_path_to_error::deserialize(value)
                    .map_err(|e| (e.path().to_string(), e.into_inner().to_string())),
                None => continue,
            },
        };
        match parsed {
            Ok(map) => out.add(map, &at),
            Err((path, message)) => out.problems.push(SpecProblem {
                pointer: at.to_string(),
                message: format!(
                    "expected a map of webhook names to path items (at `{path}`): {message}"
                ),
            }),
        }
    }
    out
}

impl Entries {
    fn add(&mut self, map: IndexMap<String, ReferenceOr<PathItem>>, at: &Pointer) {
        for (name, item) in map {
            let item_at = at.push(&name);
            if let Some((_, first, _)) = self.items.iter().find(|(n, _, _)| *n == name) {
                let message = format!("webhook `{name}` is already described at {first}: expected unique webhook names");
                self.problems.push(SpecProblem {
                    pointer: item_at.to_string(),
                    message,
                });
                continue;
            }
            match item {
                ReferenceOr::Item(item) => self.items.push((name, item_at, item)),
                ReferenceOr::Reference { reference } => self.problems.push(SpecProblem {
                    pointer: item_at.to_string(),
                    message: format!("webhook `$ref: {reference}` is not supported: expected the path item inline"),
                }),
            }
        }
    }
}

impl<'a> Resolver<'a> {
    /// Converts every webhook; problems are charged to the webhook operation they are in.
    pub(super) fn convert_webhooks(&mut self, entries: &'a Entries) -> Vec<Webhook> {
        self.problems.extend(entries.problems.iter().cloned());
        let mut names = naming::Names::default();
        let mut out = Vec::new();
        for (name, at, item) in &entries.items {
            let methods: Vec<_> = item
                .iter()
                .filter_map(|(m, op)| Some((parse_method(m)?, op)))
                .collect();
            for &(method, op) in &methods {
                let op_at = at.push(method.as_str().to_ascii_lowercase());
                let start = self.problems.len();
                let base = match methods.len() {
                    1 => name.clone(),
                    _ => format!("{name} {}", method.as_str().to_ascii_lowercase()),
                };
                let rust_name = naming::unique(naming::type_name(&base), &mut names);
                let body = op.request_body.as_ref().and_then(|b| {
                    let hint = naming::synthetic::webhook_payload(&rust_name);
                    let body = self.body(b, &op_at.push("requestBody"), &hint)?;
                    if matches!(body.encoding, Encoding::Form | Encoding::Multipart) {
                        let message = format!("a `{}` webhook body cannot be decoded: expected JSON, text or binary content", body.media_type);
                        self.problem(&op_at.push("requestBody"), message);
                        return None;
                    }
                    Some(body)
                });
                out.push(Webhook {
                    name: name.clone(),
                    rust_name,
                    method,
                    pointer: op_at.to_string(),
                    summary: op.summary.clone(),
                    description: op.description.clone(),
                    tags: op.tags.clone(),
                    deprecated: op.deprecated,
                    body,
                });
                self.charge(op_at.as_str(), start);
            }
        }
        out
    }
}
