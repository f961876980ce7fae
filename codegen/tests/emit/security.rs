//! Security in the emitted code: each operation's alternatives passed to the runtime and
//! described in its docs, and the `security` module's API-key constants.

use codegen::ir::Api;

use crate::common;
use crate::common::specs::{operation, SCHEMES};
use crate::common::{emitted, squash};

/// The API of `body` with [`SCHEMES`] (see [`common::api`]).
fn api(body: &str) -> Api {
    common::api(&format!("{body}{SCHEMES}"))
}

#[test]
fn operations_pass_their_alternatives_and_document_them() {
    let paths = [
        operation(
            "either",
            Some("        - oauth2: [read]\n        - oauth2: [write]\n        - private_apps: []\n        - developer_hapikey: []\n"),
        ),
        operation("both", Some("        - login: []\n          session: []\n")),
        operation("open", Some("        []\n")),
    ]
    .concat();
    let api = api(&format!("paths:\n{paths}"));
    let code = emitted(&api, "operations.rs");
    let squashed = squash(&code);
    // Alternatives that differ only in scopes are sent alike: `oauth2` once.
    assert!(
        squashed.contains(&squash(
            "const SECURITY: &[&[crate::runtime::Scheme]] = &[
                &[crate::runtime::Scheme::Bearer(\"oauth2\")],
                &[crate::runtime::Scheme::Bearer(\"private_apps\")],
                &[crate::runtime::Scheme::ApiKey(super::security::DEVELOPER_HAPIKEY)],
            ];"
        )),
        "{code}"
    );
    assert!(
        squashed.contains(&squash(
            "&[&[crate::runtime::Scheme::Basic(\"login\"), crate::runtime::Scheme::ApiKey(super::security::SESSION),],]"
        )),
        "{code}"
    );
    assert!(squashed.contains("=&[&[]];"), "{code}");
    assert!(squashed.contains(".security(SECURITY)"), "{code}");
    assert!(
        code.contains("/// Auth: a bearer token (`oauth2` with scope `read`, or `oauth2` with scope `write`, or `private_apps`), or the API key [`security::DEVELOPER_HAPIKEY`](super::security::DEVELOPER_HAPIKEY) (query parameter `hapikey`)."),
        "{code}"
    );
    assert!(
        code.contains("/// Auth: a username and password (`login`) together with the API key [`security::SESSION`](super::security::SESSION) (cookie `sid`)."),
        "{code}"
    );
    assert!(code.contains("/// Auth: no credentials."), "{code}");

    let module = emitted(&api, "security.rs");
    assert!(
        squash(&module).contains(&squash(
            "pub const DEVELOPER_HAPIKEY: crate::runtime::ApiKeyScheme = crate::runtime::ApiKeyScheme::new(
                \"developer_hapikey\",
                crate::runtime::ApiKeyLocation::Query,
                \"hapikey\",
            );"
        )),
        "{module}"
    );
    assert!(module.contains("pub const API_KEY:"), "{module}");
    assert!(!module.contains("PRIVATE_APPS"), "{module}");
    assert!(emitted(&api, "mod.rs").contains("pub mod security;"));
}

#[test]
fn a_spec_without_security_documents_no_auth() {
    let api = api(&format!("paths:\n{}", operation("plain", None)));
    let code = emitted(&api, "operations.rs");
    assert!(!code.contains("Auth:"), "{code}");
    assert!(
        squash(&code).contains("=&[&[crate::runtime::Scheme::Bearer(\"\")],&[],];"),
        "{code}"
    );
}
