//! The default base URL: the first server, with its variables at their defaults.

use crate::common::{api, problems};

#[test]
fn server_variables_take_their_defaults() {
    let api = api("servers:\n  - url: 'https://{region}.api.example.com/{version}/'\n    variables:\n      region: {default: eu1, enum: [eu1, na1]}\n      version: {default: v2}\n  - url: https://other.example.com\n");
    assert_eq!(
        api.base_url.as_deref(),
        Some("https://eu1.api.example.com/v2/")
    );
}

#[test]
fn a_server_without_variables_is_kept_as_written() {
    let api = api("servers:\n  - url: https://api.example.com/base\n");
    assert_eq!(
        api.base_url.as_deref(),
        Some("https://api.example.com/base")
    );
    assert_eq!(crate::common::api("").base_url, None);
}

#[test]
fn an_undeclared_or_unclosed_variable_is_a_located_problem() {
    let undeclared = problems("servers:\n  - url: 'https://{tenant}.example.com'\n");
    assert_eq!(undeclared.len(), 1, "{undeclared:#?}");
    assert_eq!(undeclared[0].pointer, "#/servers/0/url");
    assert!(undeclared[0]
        .message
        .contains("uses `{tenant}`, which `variables` does not declare"));
    let unclosed = problems("servers:\n  - url: 'https://{tenant.example.com'\n    variables:\n      tenant: {default: a}\n");
    assert!(
        unclosed[0].message.contains("has a `{` without its `}`"),
        "{unclosed:#?}"
    );
}

#[test]
fn a_relative_server_is_a_located_problem() {
    for url in ["/api/v3", "./v1", "api.example.com/v1", "//api.example.com"] {
        let found = problems(&format!("servers:\n  - url: '{url}'\n"));
        assert_eq!(found.len(), 1, "{url}: {found:#?}");
        assert_eq!(found[0].pointer, "#/servers/0/url");
        let message = &found[0].message;
        assert!(
            message.contains(&format!("server URL `{url}` is not absolute"))
                && message.contains("expected an absolute `https://` or `http://` URL"),
            "{url}: {message}"
        );
    }
}

#[test]
fn a_server_made_absolute_by_its_variables_is_kept() {
    let api = api("servers:\n  - url: '{scheme}://api.example.com/v1'\n    variables:\n      scheme: {default: https, enum: [https, http]}\n  - url: /relative\n");
    assert_eq!(api.base_url.as_deref(), Some("https://api.example.com/v1"));
    let api = crate::common::api("servers:\n  - url: HTTP://API.example.com\n");
    assert_eq!(api.base_url.as_deref(), Some("HTTP://API.example.com"));
}

#[test]
fn a_server_of_another_scheme_or_without_a_host_is_a_located_problem() {
    for (url, why) in [
        ("ftp://files.example.com", "is not an HTTP URL"),
        ("https:///v1", "names no host"),
    ] {
        let found = problems(&format!("servers:\n  - url: '{url}'\n"));
        assert_eq!(crate::common::pointers(&found), ["#/servers/0/url"]);
        assert!(
            found[0]
                .message
                .contains(&format!("server URL `{url}` {why}")),
            "{found:#?}"
        );
    }
}
