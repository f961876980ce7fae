//! Cargo features by operation tag ([`crate::CrateOptions::features_by_tag`]): the feature each
//! tag gets, the features whose operations reach each named type, and the `#[cfg]` that compiles
//! an item only when one of them is on.
//!
//! Decisions (also in the generated crate's docs): `default` enables no tag (a user of two tags
//! writes `features = ["repos", "issues"]` and keeps the default TLS); [`ALL`] enables every tag
//! and also compiles the types no operation reaches; operations and webhooks without a tag are
//! behind [`UNTAGGED`]; an operation or webhook with several tags compiles when any of them is on,
//! and a type when any operation or webhook reaching it does. Each tag feature turns on the runtime's `form` or `multipart`
//! when its operations send such bodies.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use quote::quote;

use crate::ir::{Api, Encoding, Operation};
use crate::naming;

/// The feature enabling every tag (and the types no operation reaches).
pub(crate) const ALL: &str = "full";
/// The feature of the operations without a tag.
pub(crate) const UNTAGGED: &str = "untagged";

/// The features of one generated crate split by tag.
#[derive(Debug, Clone)]
pub(crate) struct TagFeatures {
    /// Every tag feature, sorted, with the runtime features its operations need.
    features: BTreeMap<String, BTreeSet<&'static str>>,
    /// The features of each operation, in [`Api::operations`] order (sorted, never empty).
    operations: Vec<Vec<String>>,
    /// The features of each webhook, in [`Api::webhooks`] order (sorted, never empty).
    webhooks: Vec<Vec<String>>,
    /// The features whose operations reach each named type; a type no operation reaches is
    /// absent (compiled with [`ALL`]).
    types: BTreeMap<String, Vec<String>>,
}

impl TagFeatures {
    /// The features of `api`; feature names avoid `reserved` (the crate's own features).
    pub(crate) fn new(api: &Api, mut reserved: BTreeSet<String>) -> TagFeatures {
        reserved.extend([ALL.to_owned(), UNTAGGED.to_owned()]);
        let op_tags = api.operations.iter().map(|op| &op.tags);
        let hook_tags = api.webhooks.iter().map(|hook| &hook.tags);
        let tags = op_tags.clone().chain(hook_tags.clone()).flatten();
        let names = naming::tag_features(tags.map(String::as_str), reserved);
        let features_of = |tags: &Vec<String>| {
            let mut features: Vec<String> = tags.iter().map(|t| names[t].clone()).collect();
            if features.is_empty() {
                features.push(UNTAGGED.to_owned());
            }
            features.sort();
            features.dedup();
            features
        };
        let operations: Vec<Vec<String>> = op_tags.map(features_of).collect();
        let webhooks: Vec<Vec<String>> = hook_tags.map(features_of).collect();
        let mut features: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
        for (op, of) in api.operations.iter().zip(&operations) {
            for feature in of {
                features
                    .entry(feature.clone())
                    .or_default()
                    .extend(runtime_feature(op));
            }
        }
        for feature in webhooks.iter().flatten() {
            features.entry(feature.clone()).or_default();
        }
        let mut types: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for feature in features.keys() {
            let ops = api.operations.iter().zip(&operations);
            let ops = ops.filter(|(_, of)| of.contains(feature)).map(|(op, _)| op);
            let hooks = api.webhooks.iter().zip(&webhooks);
            let hooks = hooks.filter(|(_, of)| of.contains(feature)).map(|(h, _)| h);
            for name in crate::resolve::reached_by(&api.types, ops, hooks) {
                types.entry(name).or_default().push(feature.clone());
            }
        }
        TagFeatures {
            features,
            operations,
            webhooks,
            types,
        }
    }

    /// Each tag feature with the runtime features it turns on, sorted by name.
    pub(crate) fn features(&self) -> impl Iterator<Item = (&str, &BTreeSet<&'static str>)> {
        self.features
            .iter()
            .map(|(f, runtime)| (f.as_str(), runtime))
    }

    /// The `#[cfg]` of the items of the operation at `index` of [`Api::operations`].
    pub(crate) fn operation(&self, index: usize) -> TokenStream {
        cfg(&self.operations[index])
    }

    /// The `#[cfg]` of the items of the webhook at `index` of [`Api::webhooks`].
    pub(crate) fn webhook(&self, index: usize) -> TokenStream {
        cfg(&self.webhooks[index])
    }

    /// The `#[cfg]` of an item any of the operations at `indices` need.
    pub(crate) fn any_operation(&self, indices: &[usize]) -> TokenStream {
        let features: BTreeSet<&String> =
            indices.iter().flat_map(|&i| self.of_operation(i)).collect();
        let features: Vec<String> = features.into_iter().cloned().collect();
        cfg(&features)
    }

    /// The features of the operation at `index`.
    pub(crate) fn of_operation(&self, index: usize) -> &[String] {
        &self.operations[index]
    }

    /// The `#[cfg]` of the items of the named type `name`.
    pub(crate) fn type_def(&self, name: &str) -> TokenStream {
        match self.types.get(name) {
            Some(features) => cfg(features),
            None => cfg(&[ALL.to_owned()]),
        }
    }
}

/// The runtime feature `op`'s request body needs, if any.
fn runtime_feature(op: &Operation) -> Option<&'static str> {
    match op.body.as_ref()?.encoding {
        Encoding::Form => Some("form"),
        Encoding::Multipart => Some("multipart"),
        Encoding::Json | Encoding::Text | Encoding::Binary => None,
    }
}

/// `#[cfg(feature = "a")]`, or `#[cfg(any(feature = "a", feature = "b"))]` for several.
pub(crate) fn cfg(features: &[String]) -> TokenStream {
    match features {
        [one] => quote!(#[cfg(feature = #one)]),
        _ => quote!(#[cfg(any(#(feature = #features),*))]),
    }
}

/// `items` with `cfg` (an outer attribute) before each. Items are told apart by their tokens, not
/// parsed (parsing every model twice made generating GitHub's spec split by tag take 70% more
/// CPU): an item ends at a `;` or at a `{…}` body at its top level, unless a `;` follows the body
/// (`const X: T = T { … };` ends at the `;`). Tokens are never altered, so a mistake fails
/// formatting as a generator bug rather than changing the output.
pub(crate) fn gate(cfg: &TokenStream, items: TokenStream) -> TokenStream {
    let trees: Vec<TokenTree> = items.into_iter().collect();
    let mut out = TokenStream::new();
    let mut starts_item = true;
    for (i, tree) in trees.iter().enumerate() {
        if starts_item {
            out.extend(cfg.clone());
        }
        let semicolon = |tree: Option<&TokenTree>| matches!(tree, Some(TokenTree::Punct(p)) if p.as_char() == ';');
        starts_item = match tree {
            TokenTree::Group(g) => {
                g.delimiter() == Delimiter::Brace && !semicolon(trees.get(i + 1))
            }
            other => semicolon(Some(other)),
        };
        out.extend(std::iter::once(tree.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use quote::quote;

    use super::*;

    const SPEC: &str = "openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/PetPage'}}}}
  /both:
    get:
      operationId: both
      tags: [pets, store]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Shared'}}}}
  /order:
    post:
      operationId: order
      tags: [store, form]
      requestBody:
        content: {application/x-www-form-urlencoded: {schema: {$ref: '#/components/schemas/Shared'}}}
      responses:
        '204': {description: ok}
  /ping:
    get:
      operationId: ping
      responses:
        '204': {description: ok}
components:
  schemas:
    PetPage: {type: object, properties: {items: {type: array, items: {$ref: '#/components/schemas/Pet'}}}}
    Pet: {type: object, properties: {shared: {$ref: '#/components/schemas/Shared'}}}
    Shared: {type: object, properties: {name: {type: string}}}
    Orphan: {type: object, properties: {name: {type: string}}}
";

    /// Types get exactly the features whose operations reach them, through fields and list
    /// items; an unreached type needs `full`; an untagged operation gets `untagged`; feature
    /// names avoid the crate's own and turn on the runtime features their operations need.
    #[test]
    fn types_get_the_features_of_the_operations_reaching_them() {
        let api = crate::parse_api(Path::new("t.yaml"), SPEC).unwrap();
        let reserved = BTreeSet::from(["form".to_owned()]);
        let tags = TagFeatures::new(&api, reserved);
        let features: Vec<(&str, Vec<&str>)> = tags
            .features()
            .map(|(f, runtime)| (f, runtime.iter().copied().collect()))
            .collect();
        assert_eq!(
            features,
            [
                ("form2", vec!["form"]),
                ("pets", vec![]),
                ("store", vec!["form"]),
                ("untagged", vec![])
            ]
        );
        let ops: Vec<&[String]> = (0..4).map(|i| tags.of_operation(i)).collect();
        assert_eq!(
            ops,
            [
                &["pets".to_owned()][..],
                &["pets".to_owned(), "store".to_owned()],
                &["form2".to_owned(), "store".to_owned()],
                &["untagged".to_owned()],
            ]
        );
        let ty = |name: &str| tags.type_def(name).to_string();
        assert_eq!(ty("Pet"), quote!(#[cfg(feature = "pets")]).to_string());
        assert_eq!(ty("PetPage"), ty("Pet"));
        assert_eq!(
            ty("Shared"),
            quote!(#[cfg(any(feature = "form2", feature = "pets", feature = "store"))]).to_string()
        );
        assert_eq!(ty("Orphan"), quote!(#[cfg(feature = "full")]).to_string());
    }

    #[test]
    fn gate_puts_the_cfg_on_every_item() {
        let items = quote! {
            /// Docs.
            pub struct A;
            impl A { fn f() {} }
            pub type B = A;
        };
        let gated = gate(&cfg(&["x".to_owned()]), items).to_string();
        assert_eq!(
            gated.matches("# [cfg (feature = \"x\")]").count(),
            3,
            "{gated}"
        );
        assert!(
            gated.starts_with("# [cfg (feature = \"x\")] # [doc"),
            "{gated}"
        );
    }
}
