//! End-to-end: every operation of `generated-client` sends exactly the right request over real
//! HTTP to a local mock HubSpot (method, path, query, credentials, JSON body) and decodes the
//! answer; one module per HubSpot API, then what all operations share: the wire format of
//! parameters, errors, pagination and which requests are retried.

mod conversations;
mod custom_channels;
mod errors;
mod pagination;
mod retries;
mod visitor_identification;
mod wire;

use std::path::Path;

/// Each operation of the vendored spec has a test named after its client method in the module
/// of its API, so an operation added to the spec without one fails here.
#[test]
fn every_operation_of_the_spec_has_its_test() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace root");
    let api = codegen::load_api(&root.join(codegen::vendored::SPEC)).unwrap();
    let tests = [
        include_str!("conversations.rs"),
        include_str!("custom_channels.rs"),
        include_str!("visitor_identification.rs"),
    ]
    .concat();
    let untested: Vec<&str> = api
        .operations
        .iter()
        .map(|operation| operation.method_name.as_str())
        .filter(|name| !tests.contains(&format!("#[tokio::test]\nasync fn {name}() {{")))
        .collect();
    assert!(!api.operations.is_empty());
    assert_eq!(untested, [""; 0], "operations without a test");
}
