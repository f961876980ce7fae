//! Security: each operation's alternatives and scopes, and what a scheme means on the wire.

use codegen::upstream::compare;

use crate::{after, doc, key, keys};

#[test]
fn a_changed_scope_and_a_changed_scheme() {
    let scope = after(&[(
        "            - things.write\n",
        "            - things.read\n",
    )]);
    assert_eq!(
        keys(&scope),
        vec![key(
            "security-scopes",
            "/paths/~1things~1{thingId}/delete/security/0",
            "/paths/~1things~1{id}/delete/security/0"
        )]
    );
    assert_eq!(
        scope[0].message,
        "oauth2_auth [things.read] in ours, oauth2_auth [things.write] in the published spec"
    );

    // Our `token` matched HubSpot-style `bearer` by meaning; as an API key it matches nothing.
    let scheme = after(&[(
        "      type: http\n      scheme: bearer\n",
        "      type: apiKey\n      in: header\n      name: X-Token\n",
    )]);
    assert_eq!(
        keys(&scheme),
        vec![
            key(
                "security-missing",
                "/paths/~1things~1{thingId}/get/security",
                "/paths/~1things~1{id}/get/security/1"
            ),
            key(
                "security-extra",
                "/paths/~1things~1{thingId}/get/security/0",
                "/paths/~1things~1{id}/get/security"
            ),
            key(
                "security-missing",
                "/security",
                "/paths/~1things/post/security/0"
            ),
            key(
                "security-extra",
                "/security/0",
                "/paths/~1things/post/security"
            ),
        ]
    );
}

#[test]
fn a_scheme_of_the_same_name_with_another_meaning() {
    let spec = |scheme: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\n\
             components:\n  securitySchemes:\n    private_apps: {scheme}\n"
        )
    };
    let ours = doc("ours.yaml", &spec("{type: http, scheme: bearer}"));
    let theirs = doc(
        "theirs.yaml",
        &spec("{type: apiKey, in: header, name: private-app}"),
    );
    let differences = compare(&ours, &[theirs]).unwrap();
    assert_eq!(
        keys(&differences),
        vec![key(
            "security-scheme",
            "/components/securitySchemes/private_apps",
            "/components/securitySchemes/private_apps"
        )]
    );
    assert_eq!(
        differences[0].message,
        "scheme `private_apps` is http bearer in ours, apiKey in header `private-app` in the \
         published spec"
    );
}
