//! `testing.rs`: the test support's mock server methods, one per operation, with the client
//! method's name and path arguments, answers typed as its response, the cursor of paged lists,
//! and the credentials of its clients. (That it compiles against the runtime, and works, is
//! checked by the fixture crates' end-to-end tests and `tests/tests/testing.rs`.)

use crate::common::specs::{operation, OPERATIONS, SCHEMES};
use crate::common::{api, emitted, op, squash};

/// The code without whitespace, braces and commas, so assertions do not depend on where the
/// formatter breaks lines, adds trailing commas or braces a match arm.
fn bare(code: &str) -> String {
    squash(code).replace(['{', '}', ','], "")
}

#[test]
fn the_module_is_declared_behind_the_testing_feature() {
    let root = emitted(&api(OPERATIONS), "mod.rs");
    assert!(
        squash(&root).contains("#[cfg(feature=\"testing\")]pubmodtesting;"),
        "{root}"
    );
}

#[test]
fn each_operation_gets_a_method_with_its_path_arguments_matching_its_encoded_path() {
    let api = api(OPERATIONS);
    let code = emitted(&api, "testing.rs");
    let squashed = squash(&code);
    assert!(squashed.contains("implcrate::runtime::MockApi{"), "{code}");
    // Path arguments only, typed as the client method's, encoded as `send()` encodes them.
    let get_thread = &op(&api, "getThread").method_name;
    assert!(
        bare(&code).contains(&bare(&format!(
            "pub fn {get_thread}(&self, inbox_id: impl ::std::convert::Into<::std::string::String>, thread_id: i64)"
        ))),
        "{code}"
    );
    assert!(
        bare(&code).contains(&bare(
            r#"let inbox_id: ::std::string::String = inbox_id.into();
            let inbox_id = crate::runtime::encode_path(&inbox_id);
            let thread_id = crate::runtime::encode_path(&thread_id);
            let path = ::std::format!("/inboxes/{inbox_id}/threads/{thread_id}");
            crate::runtime::Expectation::new(self, ("getThread", "GET"), path,"#
        )),
        "{code}"
    );
    assert_eq!(code.matches("crate::runtime::Expectation::new(").count(), 3);
}

#[test]
fn answers_are_typed_as_the_response_each_variant_at_its_status() {
    let code = emitted(&api(OPERATIONS), "testing.rs");
    // Several success responses: the operation's response enum, each variant at its status.
    assert!(
        bare(&code).contains(&bare(
            r#"-> crate::runtime::Expectation<'_, super::operations::GetThreadResponse>"#
        )),
        "{code}"
    );
    assert!(
        bare(&code).contains(&bare(
            r#"match response {
                super::operations::GetThreadResponse::Ok(body) => crate::runtime::json_response(200, "application/json; charset=utf-8", &body)
                super::operations::GetThreadResponse::NoContent => crate::runtime::empty_response(204)
                super::operations::GetThreadResponse::MultiStatus(body) => crate::runtime::json_response(207, "application/json", &body)
            }"#
        )),
        "{code}"
    );
    // No content: `()`. A status range: its first code.
    assert!(
        bare(&code).contains(&bare(
            r#"|_: ()| -> ::wiremock::ResponseTemplate { crate::runtime::empty_response(204) }"#
        )),
        "{code}"
    );
    assert!(
        bare(&code).contains(&bare(
            r#"|body: ::std::vec::Vec<::std::string::String>| -> ::wiremock::ResponseTemplate {
                crate::runtime::json_response(200, "application/json", &body)
            }"#
        )),
        "{code}"
    );
}

#[test]
fn text_and_binary_answers_keep_their_media_type_or_get_one_for_a_range() {
    let api = api(r##"
paths:
  /note:
    get:
      operationId: getNote
      responses:
        '200':
          description: ok
          content:
            text/markdown:
              schema:
                type: string
  /file:
    get:
      operationId: getFile
      responses:
        '200':
          description: ok
          content:
            '*/*':
              schema:
                type: string
                format: binary
"##);
    let code = emitted(&api, "testing.rs");
    assert!(
        bare(&code).contains(&bare(
            r#"|body: ::std::string::String| -> ::wiremock::ResponseTemplate {
                crate::runtime::text_response(200, "text/markdown", body)
            }"#
        )),
        "{code}"
    );
    assert!(
        bare(&code).contains(&bare(
            r#"|body: crate::runtime::Bytes| -> ::wiremock::ResponseTemplate {
                crate::runtime::bytes_response(200, "application/octet-stream", body)
            }"#
        )),
        "{code}"
    );
    // Neither names a model, so the module does not import them.
    assert!(!code.contains("use super::models;"), "{code}");
}

#[test]
fn paged_operations_serve_pages_by_their_cursor() {
    let api = api(r##"
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: after
          in: query
          schema:
            type: string
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
            type: string
        paging:
          type: object
          properties:
            next:
              type: object
              required: [after]
              properties:
                after:
                  type: string
"##);
    let code = emitted(&api, "testing.rs");
    assert!(code.contains("use super::models;"), "{code}");
    assert!(
        bare(&code).contains(&bare(
            r#"-> crate::runtime::Expectation<'_, models::ThingPage, crate::runtime::Paged<models::ThingPage>>"#
        )),
        "{code}"
    );
    assert!(
        bare(&code).contains(&bare(
            r#".paged("after", |page: &models::ThingPage| -> ::std::option::Option<::std::string::String> {
                ::std::option::Option::Some(page.paging.as_ref()?.next.as_ref()?.after.clone())
            })"#
        )),
        "{code}"
    );
    assert!(code.contains("each answering the `after` cursor"), "{code}");
}

#[test]
fn start_gives_clients_the_test_token_a_key_per_api_key_scheme_and_basic_credentials() {
    let api = api(&format!("paths:\n{}{SCHEMES}", operation("open", None)));
    let code = emitted(&api, "testing.rs");
    assert!(
        bare(&code).contains(&bare(
            "pub async fn start() -> Self {
                Self::start_with(
                    crate::runtime::Auth::private_app_token(crate::runtime::TEST_TOKEN)
                        .with_api_key(super::security::DEVELOPER_HAPIKEY, crate::runtime::TEST_API_KEY)
                        .with_api_key(super::security::API_KEY, crate::runtime::TEST_API_KEY)
                        .with_api_key(super::security::SESSION, crate::runtime::TEST_API_KEY)
                        .with_api_key(super::security::ALIASED, crate::runtime::TEST_API_KEY)
                        .with_basic(crate::runtime::TEST_USERNAME, crate::runtime::TEST_PASSWORD),
                ).await
            }"
        )),
        "{code}"
    );
    assert!(
        code.contains("[`TEST_API_KEY`] for every API-key scheme and [`TEST_USERNAME`] and [`TEST_PASSWORD`] as basic credentials."),
        "{code}"
    );
}

#[test]
fn operations_named_as_mock_server_methods_are_renamed_for_client_and_mock_alike() {
    let paths: String = ["start", "server", "clientBuilder"]
        .map(|id| operation(id, None))
        .concat();
    let api = api(&format!("paths:\n{paths}"));
    let names: Vec<&str> = api
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    assert_eq!(names, ["start2", "server2", "client_builder2"]);
    let code = emitted(&api, "testing.rs");
    for name in names {
        assert!(code.contains(&format!("pub fn {name}(")), "{code}");
    }
    assert_eq!(code.matches("fn start(").count(), 1, "{code}");
    let client = emitted(&api, "operations.rs");
    assert!(client.contains("pub fn start2("), "{client}");
}
