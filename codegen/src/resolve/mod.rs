//! Stage 2 — resolve: follow every `$ref` of an [`openapiv3::OpenAPI`] and settle every name,
//! producing the [`crate::ir::Api`]. Problems are collected with their JSON pointers and reported
//! together; nothing here panics on bad input.
//!
//! Order: name every component schema first (so forward and cyclic refs just work), convert the
//! schemas, then the operations (which may add inline types), then run the IR passes.

mod all_of;
mod operation;
mod passes;
mod refs;
mod schema;
mod union;

pub(crate) use operation::path_template_names;

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::OpenAPI;

use crate::error::SpecProblem;
use crate::ir::{Api, TypeDef, TypeRef};
use crate::naming;
use crate::pointer::Pointer;

/// Resolves a loaded spec into the IR, or returns every problem found.
pub fn resolve(spec: &OpenAPI) -> Result<Api, Vec<SpecProblem>> {
    let mut resolver = Resolver::new(spec);
    resolver.convert_components();
    let operations = resolver.convert_operations();
    let Resolver {
        mut types,
        problems,
        ..
    } = resolver;
    if !problems.is_empty() {
        return Err(problems);
    }
    passes::run(&mut types, &operations);
    Ok(Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: spec.info.description.clone(),
        base_url: spec.servers.first().map(|s| s.url.clone()),
        types,
        operations,
    })
}

/// State shared by the conversion of schemas and operations.
struct Resolver<'a> {
    spec: &'a OpenAPI,
    /// Rust name of each component schema, by its key under `components/schemas`.
    component_names: BTreeMap<String, String>,
    /// Every Rust type name handed out so far.
    used_names: BTreeSet<String>,
    /// Inline schemas already converted, by pointer, so shared parents convert once.
    inline_cache: BTreeMap<String, TypeRef>,
    /// Types defined so far, by Rust name.
    types: BTreeMap<String, TypeDef>,
    /// Everything wrong with the spec.
    problems: Vec<SpecProblem>,
}

impl<'a> Resolver<'a> {
    fn new(spec: &'a OpenAPI) -> Self {
        let mut used_names = BTreeSet::new();
        let mut component_names = BTreeMap::new();
        if let Some(components) = &spec.components {
            for key in components.schemas.keys() {
                let name = naming::unique(naming::type_name(key), &mut used_names);
                component_names.insert(key.clone(), name);
            }
        }
        Resolver {
            spec,
            component_names,
            used_names,
            inline_cache: BTreeMap::new(),
            types: BTreeMap::new(),
            problems: Vec::new(),
        }
    }

    /// Records a problem at `pointer`.
    fn problem(&mut self, pointer: &Pointer, message: impl Into<String>) {
        self.problems.push(SpecProblem {
            pointer: pointer.to_string(),
            message: message.into(),
        });
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
            self.define_component(&name, schema, &base.push(key));
        }
    }
}
