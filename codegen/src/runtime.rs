//! The hand-written runtime every generated crate carries (`generated-client/src/runtime/`),
//! seen from the generator: its files, embedded by `build.rs`, and the methods its `Client` and
//! its test-support `MockApi` already have, read from those files by `build.rs` (so generating
//! does not parse the runtime each run), so generated methods never collide with them.

use std::collections::BTreeSet;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// Every method `Client` has in the runtime: inherent ones (any visibility), those of traits it
/// implements, and those its derives add (read by `build.rs`, see `build/methods.rs`).
pub(crate) fn client_methods() -> &'static BTreeSet<String> {
    static METHODS: OnceLock<BTreeSet<String>> = OnceLock::new();
    METHODS.get_or_init(|| CLIENT_METHODS.iter().map(|m| (*m).to_owned()).collect())
}

/// Every method the runtime's `MockApi` (test support) has, as [`client_methods`] counts them.
pub(crate) fn mock_methods() -> &'static BTreeSet<String> {
    static METHODS: OnceLock<BTreeSet<String>> = OnceLock::new();
    METHODS.get_or_init(|| MOCK_METHODS.iter().map(|m| (*m).to_owned()).collect())
}

#[cfg(test)]
#[path = "../build/methods.rs"]
mod methods;

#[cfg(test)]
mod tests {
    use super::*;
    use methods::methods_of;

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
    fn the_lists_made_at_build_time_are_those_of_the_embedded_sources() {
        for (name, listed) in [("Client", client_methods()), ("MockApi", mock_methods())] {
            let mut parsed = BTreeSet::new();
            for (_, source) in FILES {
                methods_of(&syn::parse_file(source).unwrap().items, name, &mut parsed);
            }
            assert_eq!(&parsed, listed, "{name}");
        }
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
