//! Reads the methods a type has from parsed Rust source: shared by `build.rs` (which lists the
//! runtime's `Client` and `MockApi` methods at build time) and `codegen::runtime`'s tests.

use std::collections::BTreeSet;

/// Trait methods a derive gives a type, for the derives the runtime uses.
const DERIVED_METHODS: &[(&str, &[&str])] = &[
    ("Clone", &["clone", "clone_from"]),
    ("Debug", &["fmt"]),
    ("Default", &["default"]),
    ("PartialEq", &["eq", "ne"]),
];

/// Adds the methods of type `name` found in `items` to `out`.
pub fn methods_of(items: &[syn::Item], name: &str, out: &mut BTreeSet<String>) {
    let is_named = |ty: &syn::Type| matches!(ty, syn::Type::Path(p) if p.path.is_ident(name));
    for item in items {
        match item {
            syn::Item::Impl(block) if is_named(&block.self_ty) => {
                for member in &block.items {
                    if let syn::ImplItem::Fn(f) = member {
                        out.insert(f.sig.ident.to_string());
                    }
                }
            }
            syn::Item::Struct(s) if s.ident == name => {
                for attr in s.attrs.iter().filter(|a| a.path().is_ident("derive")) {
                    let _ = attr.parse_nested_meta(|meta| {
                        let derived = meta.path.get_ident().map(ToString::to_string);
                        let methods = DERIVED_METHODS
                            .iter()
                            .filter(|(t, _)| Some(*t) == derived.as_deref())
                            .flat_map(|(_, m)| m.iter());
                        out.extend(methods.map(|m| (*m).to_owned()));
                        Ok(())
                    });
                }
            }
            _ => {}
        }
    }
}
