//! The hand-written runtime every generated crate carries (`generated-client/src/runtime/`),
//! seen from the generator: its files, embedded by `build.rs`, and the methods its `Client` and
//! its test-support `MockApi` already have, read from those files, so generated methods never
//! collide with them.

use std::collections::BTreeSet;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// Trait methods a derive gives a type, for the derives the runtime uses.
const DERIVED_METHODS: &[(&str, &[&str])] = &[
    ("Clone", &["clone", "clone_from"]),
    ("Debug", &["fmt"]),
    ("Default", &["default"]),
    ("PartialEq", &["eq", "ne"]),
];

/// Every method `Client` has in the runtime: inherent ones (any visibility), those of traits it
/// implements, and those its derives add.
pub(crate) fn client_methods() -> &'static BTreeSet<String> {
    static METHODS: OnceLock<BTreeSet<String>> = OnceLock::new();
    METHODS.get_or_init(|| methods("Client"))
}

/// Every method the runtime's `MockApi` (test support) has, as [`client_methods`] counts them.
pub(crate) fn mock_methods() -> &'static BTreeSet<String> {
    static METHODS: OnceLock<BTreeSet<String>> = OnceLock::new();
    METHODS.get_or_init(|| methods("MockApi"))
}

/// The methods of the runtime type `name`, read from every runtime file.
fn methods(name: &str) -> BTreeSet<String> {
    let mut methods = BTreeSet::new();
    for (path, source) in FILES {
        let file = syn::parse_file(source)
            .unwrap_or_else(|e| panic!("the runtime's {path} is valid Rust: {e}"));
        methods_of(&file.items, name, &mut methods);
    }
    methods
}

/// Adds the methods of type `name` found in `items` to `out`.
fn methods_of(items: &[syn::Item], name: &str, out: &mut BTreeSet<String>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_runtime_file_is_embedded_once_and_sorted() {
        let paths: Vec<&str> = FILES.iter().map(|(p, _)| *p).collect();
        assert!(paths.windows(2).all(|w| w[0] < w[1]), "{paths:?}");
        let on_disk = std::fs::read_dir(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../generated-client/src/runtime"),
        )
        .unwrap()
        .count();
        assert_eq!(paths.len(), on_disk);
        assert!(paths.contains(&"src/runtime/client.rs"));
        assert!(paths.contains(&"src/runtime/mod.rs"));
    }

    #[test]
    fn client_methods_include_private_and_derived_ones() {
        let methods = client_methods();
        for name in [
            "new",
            "builder",
            "execute",
            "request",
            "base_url",
            "with_base_url",
        ] {
            assert!(methods.contains(name), "{name}: {methods:?}");
        }
        // Private helpers collide just the same (E0592), and derived methods would be shadowed.
        for name in ["execute_with_retries", "attempt", "clone", "fmt"] {
            assert!(methods.contains(name), "{name}: {methods:?}");
        }
        // Methods of other types (the builder's `build`) are not the client's.
        assert!(!methods.contains("build"), "{methods:?}");
    }

    #[test]
    fn mock_methods_are_those_of_the_test_support_mock_server() {
        let methods: Vec<&str> = mock_methods().iter().map(String::as_str).collect();
        assert_eq!(
            methods,
            ["client", "client_builder", "fmt", "server", "start_with"]
        );
    }

    #[test]
    fn methods_come_from_impls_of_the_named_type_and_its_derives() {
        let file: syn::File = syn::parse_quote! {
            #[derive(Clone, serde::Serialize)]
            struct Client;
            impl Client { fn a(&self) {} pub(crate) async fn b(&self) {} }
            impl std::fmt::Display for Client { fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { Ok(()) } }
            impl Other { fn c(&self) {} }
        };
        let mut out = BTreeSet::new();
        methods_of(&file.items, "Client", &mut out);
        let out: Vec<&str> = out.iter().map(String::as_str).collect();
        assert_eq!(out, ["a", "b", "clone", "clone_from", "fmt"]);
    }
}
