//! Stage 3 — emit: IR → `quote!` token streams → `syn::File` → `prettyplease` text, one file per
//! concern. Output depends only on the IR, so the same spec always yields the same bytes.

mod builders;
mod constructors;
mod contract;
pub(crate) mod docs;
mod enums;
pub(crate) mod features;
mod files;
mod ids;
mod models;
mod numeric_enums;
mod operations;
mod pagination;
mod responses;
mod root;
mod security;
mod send;
mod testing;
mod types;
mod union_methods;
mod unions;
mod webhooks;

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::header::{header, Comment, Provenance};
use crate::ir::Api;
use features::TagFeatures;

pub(crate) use responses::{single_success, status_label};
pub(crate) use types::{canonical, spelling};
pub(crate) use union_methods::{accessors_of, convertible_variants};

/// One generated file: its path relative to the generated module folder and its contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path, `/`-separated (e.g. `models.rs`).
    pub path: String,
    /// Complete file contents.
    pub contents: String,
}

/// Emits every file of the generated module for `api`: each file is planned as a head and parts
/// ([`files`]), and the parts are built and formatted on every core.
pub(crate) fn emit(api: &Api, provenance: &Provenance) -> Result<Vec<GeneratedFile>, Error> {
    emit_split(api, provenance, None)
}

/// [`emit`], with every item reachable only from some tags' operations behind their features
/// when `tags` is given ([`features`]).
pub(crate) fn emit_split(
    api: &Api,
    provenance: &Provenance,
    tags: Option<&TagFeatures>,
) -> Result<Vec<GeneratedFile>, Error> {
    let header = header(provenance, Comment::Rust);
    Ok(files::format_plans(&plans(api, tags))?
        .into_iter()
        .map(|(path, text)| GeneratedFile {
            path: path.to_owned(),
            contents: format!("{header}{text}"),
        })
        .collect())
}

/// Each file of the generated module, planned: the models file a part per type, the operations
/// file the client's methods then a part per request builder, the webhooks file (when the API
/// has webhooks) a part per webhook; the others whole.
fn plans<'a>(api: &'a Api, tags: Option<&'a TagFeatures>) -> Vec<files::Plan<'a>> {
    let types = api.types.values();
    let builders = api.operations.iter().enumerate();
    let builder = move |index: usize, op| {
        let builder = builders::builder(api, op);
        match tags {
            Some(tags) => features::gate(&tags.operation(index), builder),
            None => builder,
        }
    };
    let operations: Vec<files::Part<'_>> =
        std::iter::once(Box::new(move || operations::client_methods(api, tags)) as files::Part<'_>)
            .chain(
                builders.map(|(index, op)| Box::new(move || builder(index, op)) as files::Part<'_>),
            )
            .collect();
    let type_def = move |def| {
        let items = models::type_def(api, def);
        match tags {
            Some(tags) => features::gate(&tags.type_def(&def.name), items),
            None => items,
        }
    };
    let webhooks = (!api.webhooks.is_empty()).then(|| files::Plan {
        path: "webhooks.rs",
        head: Box::new(move |_| webhooks::head(api, tags.is_some())),
        probe: |_| false,
        parts: api
            .webhooks
            .iter()
            .enumerate()
            .map(|(index, hook)| {
                Box::new(move || webhooks::webhook(hook, index, tags)) as files::Part<'_>
            })
            .collect(),
    });
    let mut plans = vec![
        files::Plan::whole("mod.rs", move || root::module_root(api, tags)),
        files::Plan {
            path: "models.rs",
            head: Box::new(|_| models::head()),
            probe: |_| false,
            parts: types
                .map(|def| Box::new(move || type_def(def)) as files::Part<'_>)
                .collect(),
        },
        files::Plan {
            path: "operations.rs",
            head: Box::new(move |names_models| operations::head(api, names_models, tags.is_some())),
            probe: operations::names_models,
            parts: operations,
        },
        files::Plan::whole("security.rs", || security::module(api)),
        files::Plan::whole("testing.rs", move || testing::module(api, tags)),
    ];
    plans.extend(webhooks);
    plans
}

/// The first half of [`emit`]: each file's path and its unformatted tokens.
pub(crate) fn tokens(api: &Api) -> Vec<(&'static str, TokenStream)> {
    plans(api, None)
        .iter()
        .map(|plan| (plan.path, plan.tokens()))
        .collect()
}

/// The second half of [`emit`]: one file's tokens as formatted Rust under the provenance header.
pub(crate) fn format(
    path: &str,
    tokens: TokenStream,
    provenance: &Provenance,
) -> Result<GeneratedFile, Error> {
    Ok(GeneratedFile {
        path: path.to_owned(),
        contents: format!(
            "{}{}",
            header(provenance, Comment::Rust),
            unparse(path, tokens)?.join("\n")
        ),
    })
}

/// Formats tokens as the pieces of a Rust file (its inner attributes, then each top-level item),
/// to be joined by blank lines; a blank line goes between the items of an `impl` too. A parse
/// failure is a generator bug.
fn unparse(path: &str, tokens: TokenStream) -> Result<Vec<String>, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Emit {
        file: path.to_owned(),
        message: e.to_string(),
    })?;
    let mut parts = Vec::with_capacity(file.items.len() + 1);
    if !file.attrs.is_empty() {
        parts.push(prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: file.attrs,
            items: Vec::new(),
        }));
    }
    for item in file.items {
        let is_impl = matches!(item, syn::Item::Impl(_));
        let text = prettyplease::unparse(&syn::File {
            shebang: None,
            attrs: Vec::new(),
            items: vec![item],
        });
        parts.push(if is_impl {
            space_impl_items(&text)
        } else {
            text
        });
    }
    Ok(parts)
}

/// Puts a blank line between the items of a formatted `impl` block (prettyplease writes them
/// back to back). An item ends on a line indented by exactly four spaces that closes a body
/// (`}`) or ends a declaration (`;`); comment lines never end one.
fn space_impl_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        out.push('\n');
        let Some(next) = lines.peek() else { break };
        let at_item_level = |l: &str| l.starts_with("    ") && !l[4..].starts_with(' ');
        let body = line.trim_start();
        let ends_item = at_item_level(line)
            && !body.starts_with("//")
            && (body.ends_with('}') || body.ends_with(';'));
        if ends_item && at_item_level(next) && !next.trim_start().starts_with('}') {
            out.push('\n');
        }
    }
    out
}
