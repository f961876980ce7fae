//! Typed ids (`x-id`): one id type per kind wherever the kind is marked; its JSON form from the
//! JSON bodies (parameters are text either way); located problems for a bad mark or two JSON
//! forms of one kind.

use codegen::ir::{IdJson, TypeKind, TypeRef};

use crate::common::{api, op, problems};

const SPEC: &str = r##"
paths:
  /threads/{threadId}:
    get:
      operationId: getThread
      parameters:
        - name: threadId
          in: path
          required: true
          schema:
            type: integer
            format: int64
            x-id: thread
        - name: inboxId
          in: query
          schema:
            type: array
            items:
              type: integer
              x-id: inbox
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Thread'
components:
  schemas:
    Thread:
      type: object
      properties:
        id:
          type: string
          x-id: thread
        inboxId:
          type: string
          x-id: inbox
        accountId:
          type: integer
          x-id: account
"##;

fn id_kind(api: &codegen::ir::Api, name: &str) -> (String, IdJson) {
    match &api.types[name].kind {
        TypeKind::Id(id) => (id.kind.clone(), id.json),
        other => panic!("{name} is {other:?}"),
    }
}

#[test]
fn one_type_per_kind_for_parameters_fields_and_list_items() {
    let api = api(SPEC);
    let get = op(&api, "getThread");
    assert_eq!(get.params[0].ty, TypeRef::Named("ThreadId".into()));
    assert_eq!(
        get.params[1].ty,
        TypeRef::List(Box::new(TypeRef::Named("InboxId".into())))
    );
    let TypeKind::Struct(thread) = &api.types["Thread"].kind else {
        panic!("a struct");
    };
    let types: Vec<&TypeRef> = thread.fields.iter().map(|f| &f.ty).collect();
    assert_eq!(
        types,
        [
            &TypeRef::Named("ThreadId".into()),
            &TypeRef::Named("InboxId".into()),
            &TypeRef::Named("AccountId".into()),
        ]
    );
    // The JSON form comes from the bodies: the integer path parameter does not count.
    assert_eq!(id_kind(&api, "ThreadId"), ("thread".into(), IdJson::String));
    assert_eq!(id_kind(&api, "InboxId"), ("inbox".into(), IdJson::String));
    assert_eq!(
        id_kind(&api, "AccountId"),
        ("account".into(), IdJson::Integer)
    );
}

#[test]
fn a_kind_written_as_a_string_and_an_integer_in_json_is_a_problem() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        inbox:
          type: string
          x-id: inbox
    B:
      type: object
      properties:
        inbox:
          type: integer
          x-id: inbox
"##,
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        problems[0].pointer,
        "#/components/schemas/B/properties/inbox/x-id"
    );
    assert!(
        problems[0].message.contains(
            "JSON integer here but a JSON string at #/components/schemas/A/properties/inbox"
        ),
        "{}",
        problems[0].message
    );
}

#[test]
fn bad_marks_are_located_problems() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        empty:
          type: string
          x-id: ''
        notText:
          type: string
          x-id: 3
        object:
          type: object
          x-id: thing
        enumerated:
          type: string
          enum: [a, b]
          x-id: thing
"##,
    );
    let pointers: Vec<&str> = problems.iter().map(|p| p.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "#/components/schemas/A/properties/empty/x-id",
            "#/components/schemas/A/properties/notText/x-id",
            "#/components/schemas/A/properties/object/x-id",
            "#/components/schemas/A/properties/enumerated/x-id",
        ]
    );
    assert!(problems[0].message.contains("e.g. `x-id: thread`"));
    assert!(problems[2].message.contains("string or integer schema"));
}

#[test]
fn an_id_type_name_taken_by_a_component_gets_another() {
    let api = api(r##"
components:
  schemas:
    ThreadId:
      type: object
      properties:
        value:
          type: string
    Thread:
      type: object
      properties:
        id:
          type: string
          x-id: thread
"##);
    assert!(matches!(api.types["ThreadId"].kind, TypeKind::Struct(_)));
    assert_eq!(
        id_kind(&api, "ThreadId2"),
        ("thread".into(), IdJson::String)
    );
}
