//! Operations: spec order with a fixed method order, names derived when `operationId` is
//! missing, made unique and kept clear of the runtime client's methods; duplicate IDs.

use codegen::ir::Method;

use crate::common::specs::OPERATIONS;
use crate::common::{api, assert_valid_ident, op, pointers, problems};

#[test]
fn operations_are_in_spec_order_with_fixed_method_order() {
    let api = api(OPERATIONS);
    let ids: Vec<(&str, Method)> = api
        .operations
        .iter()
        .map(|o| (o.id.as_str(), o.method))
        .collect();
    assert_eq!(
        ids,
        [
            ("getThread", Method::Get),
            (
                "delete /inboxes/{inboxId}/threads/{threadId}",
                Method::Delete
            ),
            ("post /things", Method::Post),
        ]
    );
    let get = op(&api, "getThread");
    assert_eq!(get.method_name, "get_thread");
    assert_eq!(get.builder_name, "GetThread");
    assert_eq!(get.response_name, "GetThreadResponse");
    assert_eq!(get.path, "/inboxes/{inboxId}/threads/{threadId}");
    assert_eq!(
        get.pointer,
        "#/paths/~1inboxes~1{inboxId}~1threads~1{threadId}/get"
    );
}

#[test]
fn operation_without_id_gets_a_stable_derived_name() {
    let api = api(OPERATIONS);
    let delete = &api.operations[1];
    assert_eq!(delete.id, "delete /inboxes/{inboxId}/threads/{threadId}");
    assert_eq!(
        delete.method_name,
        "delete_inboxes_inbox_id_threads_thread_id"
    );
    assert_eq!(delete.builder_name, "DeleteInboxesInboxIdThreadsThreadId");
    let post = &api.operations[2];
    assert_eq!(post.method_name, "post_things");
    assert_eq!(post.builder_name, "PostThings");
    assert_valid_ident(&delete.method_name);
    // Resolving again gives the same names.
    assert_eq!(self::api(OPERATIONS).operations, api.operations);
}

#[test]
fn derived_and_declared_operation_names_are_made_unique() {
    let api = api(r##"
paths:
  /a-b:
    get:
      responses:
        '204':
          description: ok
  /a_b:
    get:
      responses:
        '204':
          description: ok
  /c:
    get:
      operationId: get_a_b
      responses:
        '204':
          description: ok
"##);
    let methods: Vec<&str> = api
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    assert_eq!(methods, ["get_a_b", "get_a_b2", "get_a_b3"]);
    let builders: Vec<&str> = api
        .operations
        .iter()
        .map(|o| o.builder_name.as_str())
        .collect();
    assert_eq!(builders, ["GetAB", "GetAB2", "GetAB3"]);
}

#[test]
fn operation_method_names_do_not_clash_with_client_methods() {
    let ops = [
        "execute",
        "new",
        "baseUrl",
        "attempt",
        "executeWithRetries",
        "clone",
        "fmt",
        "build",
        "listThings",
    ];
    let mut spec = String::from("paths:\n");
    for (i, id) in ops.iter().enumerate() {
        spec.push_str(&format!(
            "  /p{i}:\n    get:\n      operationId: {id}\n      responses:\n        '204':\n          description: ok\n"
        ));
    }
    let api = api(&spec);
    let names: Vec<&str> = api
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    // The runtime's Client has `execute`, `new`, `base_url`, the private `attempt` and
    // `execute_with_retries`, and derives `clone` and `fmt`: a second inherent method of the same
    // name would not compile (E0592) or would shadow the trait's. `build` is the builder's, not
    // the client's; `list_things` is free.
    assert_eq!(
        names,
        [
            "execute2",
            "new2",
            "base_url2",
            "attempt2",
            "execute_with_retries2",
            "clone2",
            "fmt2",
            "build",
            "list_things",
        ]
    );
}

#[test]
fn duplicate_operation_ids_are_a_problem() {
    let problems = problems(
        r##"
paths:
  /a:
    get:
      operationId: getThing
      responses:
        '204':
          description: ok
  /b:
    get:
      operationId: getThing
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(pointers(&problems), ["#/paths/~1b/get/operationId"]);
    assert!(
        problems[0]
            .message
            .contains("already used by #/paths/~1a/get"),
        "{problems:?}"
    );
}
