//! Parameters: sorted path (in template order) → query → header, operation-level overrides of
//! path-level ones, `$ref`s followed, and the parameters a path or the runtime cannot take.

use codegen::ir::{ParamEncoding, ParamLocation, PathStyle, Primitive, TypeRef};

use crate::common::specs::OPERATIONS;
use crate::common::{api, named, op, params, pointers, problems, type_names};

#[test]
fn params_are_sorted_path_in_template_order_then_query_then_header() {
    let api = api(OPERATIONS);
    let get = op(&api, "getThread");
    assert_eq!(
        params(get),
        [
            ("inboxId", ParamLocation::Path),
            ("threadId", ParamLocation::Path),
            ("archived", ParamLocation::Query),
            ("limit", ParamLocation::Query),
            ("after", ParamLocation::Query),
            ("X-Trace", ParamLocation::Header),
            ("X-Request-Id", ParamLocation::Header),
        ]
    );
    let inbox = &get.params[0];
    assert_eq!(inbox.ty, TypeRef::Primitive(Primitive::String));
    assert!(inbox.required);
    assert_eq!(get.params[1].ty, TypeRef::Primitive(Primitive::I64));
    assert_eq!(get.params[4].ty, TypeRef::Primitive(Primitive::DateTime));
    assert_eq!(get.params[6].rust_name, "x_request_id");
    assert!(!get.params[6].required);
    // A scalar query parameter is `name=value`; path ones default to `simple`.
    assert_eq!(get.params[2].encoding, ParamEncoding::Query);
    assert_eq!(
        get.params[0].encoding,
        ParamEncoding::Path(PathStyle::Simple)
    );
}

#[test]
fn operation_level_params_override_path_level_ones() {
    let api = api(OPERATIONS);
    let get = op(&api, "getThread");
    let limits: Vec<_> = get
        .params
        .iter()
        .filter(|p| p.wire_name == "limit")
        .collect();
    assert_eq!(limits.len(), 1);
    let limit = limits[0];
    assert!(limit.required);
    assert_eq!(limit.ty, TypeRef::Primitive(Primitive::I64));
    assert_eq!(limit.docs.as_deref(), Some("operation-level limit"));
    // Operations that do not override get the path-level parameters as they are.
    let delete = &api.operations[1];
    assert_eq!(
        params(delete),
        [
            ("inboxId", ParamLocation::Path),
            ("threadId", ParamLocation::Path),
            ("limit", ParamLocation::Query),
            ("X-Trace", ParamLocation::Header),
        ]
    );
    assert_eq!(delete.params[2].docs.as_deref(), Some("path-level limit"));
}

#[test]
fn overriding_param_keeps_its_plain_rust_name() {
    let api = api(OPERATIONS);
    let limit = op(&api, "getThread")
        .params
        .iter()
        .find(|p| p.wire_name == "limit")
        .unwrap();
    assert_eq!(limit.rust_name, "limit");
}

#[test]
fn overriding_inline_param_enum_keeps_the_plain_type_name() {
    let api = api(r##"
paths:
  /things/{id}:
    parameters:
      - name: order
        in: query
        schema:
          type: string
          enum: [asc]
    get:
      operationId: getThing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
        - name: order
          in: query
          schema:
            type: string
            enum: [asc, desc]
      responses:
        '204':
          description: ok
"##);
    let order = &op(&api, "getThing").params[1];
    assert_eq!(order.ty, named("GetThingOrder"));
    assert_eq!(type_names(&api), ["GetThingOrder"]);
}

#[test]
fn referenced_parameters_are_followed_through_several_hops() {
    let api = api(OPERATIONS);
    let trace = op(&api, "getThread")
        .params
        .iter()
        .find(|p| p.wire_name == "X-Trace")
        .expect("the $ref parameter is resolved");
    assert_eq!(trace.location(), ParamLocation::Header);
    assert!(trace.required);
    assert_eq!(trace.rust_name, "x_trace");
    assert_eq!(trace.ty, TypeRef::Primitive(Primitive::String));
}

#[test]
fn dangling_parameter_ref_is_a_problem() {
    let problems = problems(
        r##"
paths:
  /x:
    get:
      operationId: getX
      parameters:
        - $ref: '#/components/parameters/Missing'
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(pointers(&problems), ["#/paths/~1x/get/parameters/0"]);
    assert!(problems[0]
        .message
        .contains("#/components/parameters/Missing"));
}

#[test]
fn path_template_and_declared_path_params_must_agree() {
    let problems = problems(
        r##"
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - name: thingId
          in: path
          required: true
          schema:
            type: string
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(
        pointers(&problems),
        ["#/paths/~1things~1{id}/get", "#/paths/~1things~1{id}/get"]
    );
    assert!(problems[0].message.contains("`{id}`"), "{problems:#?}");
    assert!(problems[1].message.contains("`thingId`"), "{problems:#?}");
}

#[test]
fn optional_path_param_is_a_problem() {
    let problems = problems(
        r##"
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - name: id
          in: path
          schema:
            type: string
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(
        pointers(&problems),
        ["#/paths/~1things~1{id}/get/parameters/0"]
    );
    assert!(problems[0].message.contains("required"));
}

#[test]
fn parameters_the_runtime_cannot_encode_are_problems() {
    let problems = problems(
        r##"
paths:
  /x/{ids}:
    get:
      operationId: getX
      parameters:
        - name: ids
          in: path
          required: true
          schema:
            type: array
            items:
              type: string
        - name: filter
          in: header
          schema:
            type: object
            properties:
              a:
                type: string
        - name: deep
          in: query
          style: deepObject
          schema:
            type: string
        - name: file
          in: query
          schema:
            type: string
            format: binary
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/paths/~1x~1{ids}/get/parameters/0",
            "#/paths/~1x~1{ids}/get/parameters/1",
            "#/paths/~1x~1{ids}/get/parameters/2",
            "#/paths/~1x~1{ids}/get/parameters/3"
        ]
    );
    assert!(problems[2].message.contains("deepObject"), "{problems:?}");
}

#[test]
fn path_level_parameter_problem_is_reported_once() {
    let problems = problems(
        r##"
paths:
  /x:
    parameters:
      - $ref: '#/components/parameters/Nope'
    get:
      operationId: getX
      responses:
        '204':
          description: ok
    post:
      operationId: postX
      responses:
        '204':
          description: ok
"##,
    );
    assert_eq!(pointers(&problems), ["#/paths/~1x/parameters/0"]);
}
