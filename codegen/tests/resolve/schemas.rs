//! Schemas into types: inline schemas named from their context, unused inline types pruned,
//! string and numeric enums, maps, and the `additional_properties` field.

use codegen::ir::{Primitive, TypeKind, TypeRef};

use crate::common::{
    api, def, emitted, field, named, op, pointers, problems, rust_names, squash, string_enum,
    structure, type_names, values, wire_names,
};

#[test]
fn inline_schemas_are_named_from_their_context() {
    let api = api(r##"
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: order
          in: query
          schema:
            type: string
            enum: [asc, desc]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  results:
                    type: array
                    items:
                      $ref: '#/components/schemas/Thread'
components:
  schemas:
    Thread:
      type: object
      properties:
        status:
          type: string
          enum: [OPEN, CLOSED]
        meta:
          type: object
          properties:
            tags:
              type: array
              items:
                type: object
                properties:
                  label:
                    type: string
        anything:
          type: object
        counts:
          type: object
          additionalProperties:
            type: integer
"##);
    let thread = structure(&api, "Thread");
    assert_eq!(field(thread, "status").ty, named("ThreadStatus"));
    assert_eq!(
        values(string_enum(&api, "ThreadStatus")),
        [("OPEN", "Open"), ("CLOSED", "Closed")]
    );
    assert_eq!(field(thread, "meta").ty, named("ThreadMeta"));
    assert_eq!(
        field(structure(&api, "ThreadMeta"), "tags").ty,
        TypeRef::List(Box::new(named("ThreadMetaTagsItem")))
    );
    assert_eq!(wire_names(structure(&api, "ThreadMetaTagsItem")), ["label"]);
    // Free-form objects and maps are not named types.
    assert_eq!(
        field(thread, "anything").ty,
        TypeRef::Map(Box::new(TypeRef::Any))
    );
    assert_eq!(
        field(thread, "counts").ty,
        TypeRef::Map(Box::new(TypeRef::Primitive(Primitive::I64)))
    );

    let list = op(&api, "listThings");
    assert_eq!(list.params[0].ty, named("ListThingsOrder"));
    assert_eq!(
        values(string_enum(&api, "ListThingsOrder")),
        [("asc", "Asc"), ("desc", "Desc")]
    );
    assert_eq!(list.responses[0].ty, Some(named("ListThingsResponse200")));
    assert_eq!(
        def(&api, "ThreadStatus").pointer,
        "#/components/schemas/Thread/properties/status"
    );
    assert_eq!(
        def(&api, "ListThingsOrder").pointer,
        "#/paths/~1things/get/parameters/0/schema"
    );
}

#[test]
fn unused_inline_types_are_pruned_but_unused_components_are_kept() {
    let api = api(r##"
paths:
  /x:
    get:
      operationId: getX
      responses:
        '200':
          description: ok
        '400':
          description: bad
          content:
            application/json:
              schema:
                type: object
                properties:
                  first:
                    type: string
        '500':
          description: worse
          content:
            application/json:
              schema:
                type: object
                properties:
                  second:
                    type: string
components:
  schemas:
    Unused:
      type: string
      enum: [a]
"##);
    let get_x = op(&api, "getX");
    // The first error body wins; the second one's type is not kept.
    assert_eq!(get_x.error, Some(named("GetXError")));
    assert_eq!(type_names(&api), ["GetXError", "Unused"]);
}

#[test]
fn enum_without_type_is_still_a_string_enum_and_non_strings_are_a_problem() {
    let api = api(r##"
components:
  schemas:
    Color:
      enum: [red, green]
"##);
    assert_eq!(
        values(string_enum(&api, "Color")),
        [("red", "Red"), ("green", "Green")]
    );
    let problems = problems(
        r##"
components:
  schemas:
    Mixed:
      enum: [red, 2]
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/Mixed/enum"]);
    assert!(problems[0].message.contains("mixed"), "{problems:?}");
}

#[test]
fn a_property_named_additional_properties_clashes_with_the_extra_map() {
    let problems = problems(
        r##"
components:
  schemas:
    Open:
      type: object
      additionalProperties: true
      properties:
        additionalProperties:
          type: string
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/Open"]);
    // Without extra keys there is no clash.
    let api = api(r##"
components:
  schemas:
    Closed:
      type: object
      properties:
        additionalProperties:
          type: string
"##);
    assert_eq!(
        rust_names(structure(&api, "Closed")),
        ["additional_properties"]
    );
}

#[test]
fn numeric_enums_keep_their_values_and_get_readable_names() {
    let api = api(r##"
components:
  schemas:
    Level:
      type: integer
      format: int32
      enum: [-1, 0, 2, 2]
    Ratio:
      type: number
      enum: [0.5, 2.5, 25]
    Loose:
      enum: [1, 2.5]
"##);
    let numeric = |name: &str| match &api.types[name].kind {
        TypeKind::NumericEnum(e) => (
            e.primitive,
            e.values
                .iter()
                .map(|v| (v.literal.clone(), v.rust_name.clone()))
                .collect::<Vec<_>>(),
        ),
        other => panic!("{name} is {other:?}"),
    };
    let pairs = |items: &[(&str, &str)]| {
        items
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        numeric("Level"),
        (
            Primitive::I32,
            pairs(&[("-1", "Minus1"), ("0", "N0"), ("2", "N2")])
        )
    );
    assert_eq!(
        numeric("Ratio"),
        (
            Primitive::F64,
            pairs(&[
                ("0.5", "N0Point5"),
                ("2.5", "N2Point5"),
                ("25.0", "N25Point0")
            ])
        )
    );
    assert_eq!(
        numeric("Loose"),
        (
            Primitive::F64,
            pairs(&[("1.0", "N1Point0"), ("2.5", "N2Point5")])
        )
    );
    let problems = problems(
        r##"
components:
  schemas:
    Small:
      type: integer
      format: int32
      enum: [1, 3000000000]
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/Small/enum"]);
}

#[test]
fn a_field_referring_to_a_nullable_component_accepts_null() {
    // `nullable` on the component is part of the type: `"tags": null` must decode.
    let api = api(r##"
components:
  schemas:
    Tags:
      type: array
      nullable: true
      items: {type: string}
    Name:
      $ref: '#/components/schemas/Text'
    Text:
      type: string
      nullable: true
    Plain:
      type: string
    Holder:
      type: object
      required: [tags, name, plain]
      properties:
        tags: {$ref: '#/components/schemas/Tags'}
        name: {$ref: '#/components/schemas/Name'}
        plain: {$ref: '#/components/schemas/Plain'}
"##);
    let holder = structure(&api, "Holder");
    assert!(field(holder, "tags").nullable);
    assert!(field(holder, "name").nullable, "through an alias");
    assert!(!field(holder, "plain").nullable);
    let models = squash(&emitted(&api, "models.rs"));
    assert!(
        models.contains("pubtags:::std::option::Option<Tags>,"),
        "{models}"
    );
}
