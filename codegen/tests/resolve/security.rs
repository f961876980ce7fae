//! Security: `components.securitySchemes` resolved into what goes on the wire, each
//! operation's alternatives (its own, the document's, or anonymous), and located problems for
//! requirements the runtime cannot satisfy.

use codegen::error::SpecProblem;
use codegen::ir::{Api, ApiKeyLocation, Operation, SchemeKind};

use crate::common;
use crate::common::op;
use crate::common::specs::{operation, SCHEMES};

/// The API of `body` with [`SCHEMES`] (see [`common::api`]).
fn api(body: &str) -> Api {
    common::api(&format!("{body}{SCHEMES}"))
}

/// The problems of `body` with [`SCHEMES`], which must not resolve.
fn problems(body: &str) -> Vec<SpecProblem> {
    common::problems(&format!("{body}{SCHEMES}"))
}

/// Each alternative as `scheme[scopes]` names, e.g. `[["oauth2[read]"], []]`.
fn alternatives(op: &Operation) -> Vec<Vec<String>> {
    op.security
        .iter()
        .map(|a| {
            a.schemes
                .iter()
                .map(|s| format!("{}[{}]", s.scheme.name, s.scopes.join(",")))
                .collect()
        })
        .collect()
}

#[test]
fn schemes_resolve_to_what_goes_on_the_wire() {
    let api = api("paths: {}\n");
    let kinds: Vec<(&str, &SchemeKind)> = api
        .security_schemes
        .iter()
        .map(|s| (s.name.as_str(), &s.kind))
        .collect();
    let key = |location, name: &str, const_name: &str| SchemeKind::ApiKey {
        location,
        name: name.into(),
        const_name: const_name.into(),
    };
    assert_eq!(
        kinds,
        [
            ("private_apps", &SchemeKind::Bearer),
            ("oauth2", &SchemeKind::Bearer),
            ("oidc", &SchemeKind::Bearer),
            ("login", &SchemeKind::Basic),
            (
                "developer_hapikey",
                &key(ApiKeyLocation::Query, "hapikey", "DEVELOPER_HAPIKEY")
            ),
            (
                "api-key",
                &key(ApiKeyLocation::Header, "X-Api-Key", "API_KEY")
            ),
            ("session", &key(ApiKeyLocation::Cookie, "sid", "SESSION")),
            ("aliased", &key(ApiKeyLocation::Cookie, "sid", "ALIASED")),
        ],
        "digest and bad_header are left out: nothing can send them"
    );
}

#[test]
fn alternatives_come_from_the_operation_else_the_document_else_the_clients_bearer_token() {
    let document = "security:\n  - oauth2: [read]\n  - developer_hapikey: []\n";
    let paths = [
        operation("inherits", None),
        operation("own", Some("        - private_apps: []\n          developer_hapikey: []\n        - oauth2: [read, write]\n")),
        operation("anonymous", Some("        []\n")),
        operation("optional", Some("        - api-key: []\n        - {}\n")),
    ]
    .concat();
    let resolved = api(&format!("{document}paths:\n{paths}"));
    let api = &resolved;
    assert_eq!(
        alternatives(op(api, "inherits")),
        [vec!["oauth2[read]"], vec!["developer_hapikey[]"]]
    );
    assert_eq!(
        alternatives(op(api, "own")),
        [
            vec!["private_apps[]", "developer_hapikey[]"],
            vec!["oauth2[read,write]"]
        ]
    );
    assert_eq!(alternatives(op(api, "anonymous")), [Vec::<String>::new()]);
    assert_eq!(
        alternatives(op(api, "optional")),
        [vec!["api-key[]"], vec![]]
    );
    assert_eq!(op(api, "own").scopes(), ["read", "write"]);
    assert!(!op(api, "anonymous").needs_credentials());

    // Nothing declared anywhere: the client's bearer token (a scheme without a name) when it
    // holds one, else nothing.
    let no_document = self::api(&format!("paths:\n{}", operation("plain", None)));
    let plain = op(&no_document, "plain");
    assert_eq!(alternatives(plain), [vec!["[]"], vec![]]);
    assert!(plain.security[0].is_undeclared());
    assert!(!plain.needs_credentials());
}

#[test]
fn undeclared_and_unsendable_schemes_are_problems_where_they_are_required() {
    let document = "security:\n  - nowhere: []\n";
    let paths = [
        operation(
            "a",
            Some("        - digest: []\n        - oauth2: [read]\n"),
        ),
        operation("b", Some("        - bad_header: []\n")),
        operation("c", Some("        - missing: []\n")),
        // Not required anywhere: `digest` and `bad_header` declared alone are no problem.
    ]
    .concat();
    let problems = problems(&format!("{document}paths:\n{paths}"));
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.pointer.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(found.len(), 4, "{found:#?}");
    assert_eq!(found[0].0, "#/security/0/nowhere");
    assert!(
        found[0].1.contains("`nowhere` is not declared"),
        "{found:#?}"
    );
    assert_eq!(found[1].0, "#/paths/~1a/get/security/0/digest");
    assert!(
        found[1].1.contains("HTTP `digest`")
            && found[1].1.contains("#/components/securitySchemes/digest"),
        "{found:#?}"
    );
    assert!(found[1].1.contains("expected"), "{found:#?}");
    assert_eq!(found[2].0, "#/paths/~1b/get/security/0/bad_header");
    assert!(found[2].1.contains("\"X Api Key\""), "{found:#?}");
    assert_eq!(found[3].0, "#/paths/~1c/get/security/0/missing");
}

#[test]
fn one_alternative_cannot_need_the_same_header_twice() {
    let paths = operation(
        "both",
        Some("        - private_apps: []\n          login: []\n        - private_apps: []\n"),
    );
    let problems = problems(&format!("paths:\n{paths}"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].pointer, "#/paths/~1both/get/security/0");
    assert!(
        problems[0].message.contains("`Authorization` header"),
        "{problems:#?}"
    );
}

#[test]
fn a_parameter_where_an_accepted_key_goes_is_a_problem() {
    let text = "  /k:\n    get:\n      operationId: k\n      security:\n        - api-key: []\n        - developer_hapikey: []\n      parameters:\n        - name: x-api-key\n          in: header\n          schema:\n            type: string\n        - name: hapikey\n          in: path\n          required: true\n          schema:\n            type: string\n      responses:\n        '204':\n          description: ok\n";
    let text = text.replace("/k:", "/k/{hapikey}:");
    let problems = problems(&format!("paths:\n{text}"));
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].pointer, "#/paths/~1k~1{hapikey}/get");
    assert!(
        problems[0].message.contains("parameter `x-api-key`")
            && problems[0].message.contains("`api-key`"),
        "{problems:#?}"
    );
}
