//! `operations.rs`: response enums and builders, path arguments in template order and the paging
//! methods of cursor-paged operations. (That the runtime has every method the output calls is
//! the compiler's check: each fixture crate compiles, and together they call every writer.)

use crate::common::specs::OPERATIONS;
use crate::common::{api, emit, emitted, file, named, op, squash};

#[test]
fn operations_emit_response_enums_and_builders() {
    let api = api(OPERATIONS);
    let files = emit(&api);
    let ops = file(&files, "operations.rs");
    let squashed = squash(ops);
    assert!(squashed.contains("pubenumGetThreadResponse{"), "{ops}");
    assert!(squashed.contains("Ok(models::Thread),"));
    assert!(squashed.contains("NoContent,"));
    assert!(squashed.contains("MultiStatus(models::Multi),"));
    assert!(squashed.contains("207=>GetThreadResponse::MultiStatus(response.json()?),"));
    assert!(squashed.contains("pubfndelete_inboxes_inbox_id_threads_thread_id("));
    // Path arguments in template order.
    assert!(
        squashed.contains(r#"letinbox_id=crate::runtime::encode_path(&self.inbox_id);letthread_id=crate::runtime::encode_path(&self.thread_id);letpath=::std::format!("/inboxes/{inbox_id}/threads/{thread_id}");"#),
        "{ops}"
    );
    assert!(squashed.contains(r#"request.header("X-Trace",&self.x_trace)?;"#));
}

#[test]
fn optional_param_named_send_does_not_clash_with_the_send_method() {
    let api = api(r##"
paths:
  /x:
    get:
      operationId: getX
      parameters:
        - name: send
          in: query
          schema:
            type: boolean
      responses:
        '204':
          description: ok
"##);
    let send = &op(&api, "getX").params[0];
    assert_eq!(send.wire_name, "send");
    assert_ne!(send.rust_name, "send");
    let ops = emitted(&api, "operations.rs");
    assert_eq!(ops.matches("fn send(").count(), 1, "{ops}");
}

const PAGED: &str = r##"
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: after
          in: query
          schema:
            type: string
        - name: limit
          in: query
          schema:
            type: integer
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThingPage'
  /others:
    get:
      operationId: listOthers
      parameters:
        - name: limit
          in: query
          schema:
            type: integer
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThingPage'
components:
  schemas:
    ThingPage:
      type: object
      required: [results]
      properties:
        results:
          type: array
          items:
            $ref: '#/components/schemas/Thing'
        paging:
          type: object
          properties:
            next:
              type: object
              required: [after]
              properties:
                after:
                  type: string
    Thing:
      type: object
      properties:
        id:
          type: string
"##;

#[test]
fn cursor_paged_operations_are_detected_from_the_after_parameter_and_page_shape() {
    let api = api(PAGED);
    let paged = &api.operations[0];
    let pagination = paged.pagination.as_ref().expect("listThings is paged");
    assert_eq!(pagination.cursor_param, "after");
    assert_eq!(pagination.items_field, "results");
    assert_eq!(pagination.item_type, named("Thing"));
    assert_eq!(pagination.page_type, named("ThingPage"));
    let steps: Vec<(&str, bool)> = pagination
        .next_cursor
        .iter()
        .map(|s| (s.field.as_str(), s.optional))
        .collect();
    assert_eq!(steps, [("paging", true), ("next", true), ("after", false)]);
    // Same page shape but no `after` parameter: not paged.
    assert!(api.operations[1].pagination.is_none());
    let files = emit(&api);
    let ops = squash(file(&files, "operations.rs"));
    assert!(
        ops.contains("pubfnpages(self)->crate::runtime::Pages<models::ThingPage>"),
        "{ops}"
    );
    assert!(
        ops.contains("page.paging.as_ref()?.next.as_ref()?.after.clone()"),
        "{ops}"
    );
    assert!(ops.contains("pubfninto_stream(self)->crate::runtime::Items<models::Thing>"));
    assert_eq!(ops.matches("pubfnpages(").count(), 1);
}

/// An API whose operations take and return only primitives imports no models: an unused
/// `use super::models;` fails `-D warnings`.
#[test]
fn operations_without_models_import_none() {
    let spec = "paths:
  /count/{n}:
    get:
      operationId: count
      parameters:
        - {name: n, in: path, required: true, schema: {type: integer}}
        - {name: q, in: query, schema: {type: string}}
        - {name: models, in: query, schema: {type: boolean}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: integer}
";
    let files = emit(&api(spec));
    for path in ["operations.rs", "testing.rs"] {
        let text = file(&files, path);
        assert!(!text.contains("use super::models;"), "{path}:\n{text}");
        syn::parse_file(text).unwrap();
    }
    let with_models = emit(&api(OPERATIONS));
    assert!(file(&with_models, "operations.rs").contains("use super::models;"));
}
