//! Stage 2 — resolve: follow every `$ref` of an [`openapiv3::OpenAPI`] and settle every name,
//! producing the [`crate::ir::Api`]. Problems are collected with their JSON pointers and reported
//! together; nothing here panics on bad input.
//!
//! Order: name every component schema first (so forward and cyclic refs just work), convert the
//! schemas, then the security schemes, then the operations and webhooks (which may add inline
//! types), then settle aliases that lead back to themselves (`aliases`), then run the IR passes.

mod aliases;
mod all_of;
mod depth;
mod ids;
mod operation;
mod param;
mod partial;
mod passes;
mod refs;
mod scc;
mod schema;
mod security;
mod servers;
mod union;
mod usage;
mod webhooks;

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::OpenAPI;

pub(crate) use depth::nesting_depth;
pub(crate) use usage::reached_by;

use crate::error::SpecProblem;
use crate::ir::{Api, TypeDef, TypeRef};
use crate::naming;
use crate::pointer::Pointer;

/// Resolves a loaded spec into the IR, or returns every problem found (`strict`), or every
/// problem that partial generation cannot charge to an operation or schema ([`partial`]).
/// Documentation the typed model drops (a `description` beside a `$ref`) is read from the
/// document's raw tree.
pub(crate) fn resolve_document(
    document: &crate::load::Document,
    strict: bool,
) -> Result<Api, Vec<SpecProblem>> {
    resolve_with_raw(&document.spec, Some(&document.raw), strict)
}

fn resolve_with_raw(
    spec: &OpenAPI,
    raw: Option<&serde_yaml::Value>,
    strict: bool,
) -> Result<Api, Vec<SpecProblem>> {
    let hooks = webhooks::entries(spec, raw);
    let mut resolver = Resolver::new(spec, raw);
    resolver.convert_components();
    resolver.convert_security();
    let mut operations = resolver.convert_operations();
    let mut webhooks = resolver.convert_webhooks(&hooks);
    resolver.settle_alias_cycles();
    let security_schemes = resolver.sendable_schemes();
    let base_url = resolver.base_url(spec);
    let Resolver {
        mut types,
        problems,
        charges,
        substituted,
        ..
    } = resolver;
    let mut omissions = Vec::new();
    if !problems.is_empty() {
        let outcome = match strict {
            true => Err(problems),
            false => partial::degrade(
                &problems,
                &substituted,
                &charges,
                partial::Items {
                    types: &mut types,
                    operations: &mut operations,
                    webhooks: &mut webhooks,
                },
            ),
        };
        // A shared (path-level) parameter is converted once per operation: report it once.
        omissions = outcome.map_err(|problems| {
            let mut seen = BTreeSet::new();
            problems
                .into_iter()
                .filter(|p| seen.insert(p.clone()))
                .collect::<Vec<_>>()
        })?;
    }
    passes::run(&mut types, &mut operations, &webhooks);
    Ok(Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: spec.info.description.clone(),
        base_url,
        types,
        operations,
        webhooks,
        security_schemes,
        omissions,
    })
}

/// State shared by the conversion of schemas and operations.
struct Resolver<'a> {
    spec: &'a OpenAPI,
    /// The raw document, when available, for text the typed model drops.
    raw: Option<&'a serde_yaml::Value>,
    /// Rust name of each component schema, by its key under `components/schemas`.
    component_names: BTreeMap<String, String>,
    /// Every Rust type name handed out so far.
    used_names: naming::Names,
    /// Inline schemas already converted, by pointer, so shared parents convert once.
    inline_cache: BTreeMap<String, TypeRef>,
    /// Types defined so far, by Rust name.
    types: BTreeMap<String, TypeDef>,
    /// Everything wrong with the spec.
    problems: Vec<SpecProblem>,
    /// Each declared security scheme, in spec order: what goes on the wire, or why it cannot
    /// be sent.
    schemes: indexmap::IndexMap<String, Result<crate::ir::SecurityScheme, String>>,
    /// The document-level `security`, when declared.
    default_security: Option<Vec<crate::ir::SecurityAlternative>>,
    /// Each `x-id` kind met so far: its Rust type name, and its JSON form with where it was first
    /// seen in a JSON body.
    ids: BTreeMap<String, ids::IdEntry>,
    /// Whether the schema being converted is a parameter's (written as text, not JSON).
    in_parameter: bool,
    /// Properties `allOf` flattening has produced so far, and how many it may
    /// ([`all_of::FLATTEN_BUDGET`] plus four per property the spec declares).
    flattened: usize,
    flatten_budget: usize,
    /// Whether flattening went over its budget or depth (reported once, where it happened).
    over_budget: bool,
    /// The problems found in each operation and component schema ([`partial`]).
    charges: Vec<partial::Charge>,
    /// The problems whose spot holds any JSON value instead, by index in `problems`.
    substituted: std::collections::HashSet<usize>,
    /// Where each component schema that is a `$ref` leads ([`refs::alias_ends`]).
    alias_ends: std::collections::HashMap<&'a str, Option<&'a str>>,
}

impl<'a> Resolver<'a> {
    fn new(spec: &'a OpenAPI, raw: Option<&'a serde_yaml::Value>) -> Self {
        let mut used_names = naming::Names::default();
        let mut component_names = BTreeMap::new();
        if let Some(components) = &spec.components {
            for key in components.schemas.keys() {
                let name = naming::unique(naming::type_name(key), &mut used_names);
                component_names.insert(key.clone(), name);
            }
        }
        Resolver {
            spec,
            raw,
            component_names,
            used_names,
            inline_cache: BTreeMap::new(),
            types: BTreeMap::new(),
            problems: Vec::new(),
            schemes: indexmap::IndexMap::new(),
            default_security: None,
            ids: BTreeMap::new(),
            in_parameter: false,
            flattened: 0,
            flatten_budget: all_of::FLATTEN_BUDGET + 4 * all_of::declared_properties(spec),
            over_budget: false,
            charges: Vec::new(),
            substituted: Default::default(),
            alias_ends: spec
                .components
                .as_ref()
                .map(|c| refs::alias_ends(&c.schemas))
                .unwrap_or_default(),
        }
    }

    /// Records a problem at `pointer`.
    fn problem(&mut self, pointer: &Pointer, message: impl Into<String>) {
        self.problems.push(SpecProblem {
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    /// The `description` written at `pointer` in the raw document, e.g. beside a `$ref`.
    fn raw_description(&self, pointer: &Pointer) -> Option<String> {
        let mut node = self.raw?;
        let text = pointer.as_str().strip_prefix('#')?;
        for segment in text.split('/').skip(1) {
            let key = segment.replace("~1", "/").replace("~0", "~");
            node = match node {
                // A string key is found directly; a scalar one (`200:`) by scanning.
                serde_yaml::Value::Mapping(map) => match map.get(key.as_str()) {
                    Some(value) => value,
                    None => {
                        map.iter()
                            .find(|(k, _)| yaml_key(k).as_deref() == Some(key.as_str()))?
                            .1
                    }
                },
                serde_yaml::Value::Sequence(items) => items.get(key.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        node.get("description")?.as_str().map(str::to_owned)
    }

    /// Reserves a fresh type name derived from `hint`.
    fn fresh_name(&mut self, hint: &str) -> String {
        naming::unique(naming::type_name(hint), &mut self.used_names)
    }

    fn convert_components(&mut self) {
        let Some(components) = &self.spec.components else {
            return;
        };
        let base = Pointer::root().push("components").push("schemas");
        for (key, schema) in &components.schemas {
            let name = self.component_names[key].clone();
            let at = base.push(key);
            let start = self.problems.len();
            self.define_component(&name, schema, &at);
            self.charge(at.as_str(), start);
        }
    }
}

/// A mapping key as text (YAML allows numbers such as `200` as keys).
fn yaml_key(key: &serde_yaml::Value) -> Option<String> {
    match key {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
