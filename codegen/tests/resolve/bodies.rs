//! Request bodies and responses: success responses by status, the error body, media types and
//! the encoding each one gets (JSON, text, binary, forms).

use codegen::ir::{Encoding, Primitive, Status, TypeRef};

use crate::common::specs::OPERATIONS;
use crate::common::{api, named, op, pointers, problems, structure, wire_names};

#[test]
fn success_responses_are_recorded_by_ascending_status() {
    let api = api(OPERATIONS);
    let get = op(&api, "getThread");
    let statuses: Vec<Status> = get.responses.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [Status::Code(200), Status::Code(204), Status::Code(207)]
    );
    assert_eq!(get.responses[0].ty, Some(named("Thread")));
    assert_eq!(
        get.responses[0].media_type.as_deref(),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(get.responses[1].ty, None);
    assert_eq!(get.responses[1].media_type, None);
    assert_eq!(get.responses[1].docs.as_deref(), Some("nothing"));
    assert_eq!(get.responses[2].ty, Some(named("Multi")));
    // `default` with `*/*` content is the error body.
    assert_eq!(get.error, Some(named("Error")));

    let delete = &api.operations[1];
    assert_eq!(delete.responses.len(), 1);
    assert_eq!(delete.responses[0].status, Status::Code(204));
    assert_eq!(delete.responses[0].ty, None);
    assert_eq!(delete.error, None);

    let post = &api.operations[2];
    assert_eq!(post.responses[0].status, Status::Range(2));
    assert_eq!(
        post.responses[0].ty,
        Some(TypeRef::List(Box::new(TypeRef::Primitive(
            Primitive::String
        ))))
    );
}

#[test]
fn json_suffix_request_body_is_accepted_and_named() {
    let api = api(OPERATIONS);
    let body = api.operations[2].body.as_ref().expect("a body");
    assert_eq!(body.media_type, "application/vnd.api+json");
    assert!(body.required);
    assert_eq!(body.ty, named("PostThingsBody"));
    assert_eq!(wire_names(structure(&api, "PostThingsBody")), ["name"]);
}

#[test]
fn non_json_bodies_get_their_encoding_and_non_object_forms_are_a_problem() {
    let api = api(r##"
paths:
  /notes:
    post:
      operationId: postNote
      requestBody:
        content:
          text/plain:
            schema:
              type: string
      responses:
        '200':
          description: ok
          content:
            text/html:
              schema:
                type: string
        '500':
          description: oops
          content:
            text/html:
              schema:
                type: string
"##);
    let note = op(&api, "postNote");
    let body = note.body.as_ref().unwrap();
    assert_eq!(
        (body.media_type.as_str(), body.encoding),
        ("text/plain", Encoding::Text)
    );
    assert_eq!(note.responses[0].encoding, Encoding::Text);
    // A non-JSON error body is left to the runtime's raw error.
    assert_eq!(note.error, None);

    let problems = problems(
        r##"
paths:
  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: string
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(
        pointers(&problems),
        ["#/paths/~1upload/post/requestBody/content/multipart~1form-data/schema"]
    );
    assert!(problems[0].message.contains("must be an object"));
}

#[test]
fn form_and_multipart_responses_are_raw_bytes_and_wildcards_follow_the_schema() {
    let api = api(r##"
paths:
  /a:
    post:
      operationId: postA
      requestBody:
        content:
          '*/*':
            schema:
              type: object
              properties:
                x:
                  type: string
      responses:
        '200':
          description: ok
          content:
            multipart/mixed:
              schema:
                type: object
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content:
            application/xml:
              schema:
                type: object
            application/vnd.api+json:
              schema:
                type: object
                properties:
                  y:
                    type: string
"##);
    let a = op(&api, "postA");
    let body = a.body.as_ref().unwrap();
    assert_eq!(
        (body.media_type.as_str(), body.encoding),
        ("application/json", Encoding::Json)
    );
    assert_eq!(a.responses[0].encoding, Encoding::Binary);
    let b = op(&api, "getB");
    assert_eq!(
        (
            b.responses[0].media_type.as_deref(),
            b.responses[0].encoding
        ),
        (Some("application/vnd.api+json"), Encoding::Json)
    );
}
