//! `oneOf`/`anyOf`: tags from an explicit discriminator or an inferred single-value property,
//! untagged unions and their variant names, and the fall back to untagged when a variant is
//! also used on its own.

use codegen::ir::{Primitive, TypeRef, UnionTag};

use crate::common::specs::DIRECT_ACTORS;
use crate::common::{
    api, field, named, pointers, problems, structure, type_names, union, variants, wire_names,
};

#[test]
fn explicit_discriminator_over_inline_variants_reads_their_single_value_enums() {
    let api = api(r##"
components:
  schemas:
    Shape:
      discriminator:
        propertyName: kind
      oneOf:
        - type: object
          required: [kind, r]
          properties:
            kind:
              type: string
              enum: [circle]
            r:
              type: number
        - type: object
          required: [kind, side]
          properties:
            kind:
              type: string
              enum: [square]
            side:
              type: number
              format: float
"##);
    let shape = union(&api, "Shape");
    assert_eq!(shape.tag, UnionTag::Property("kind".into()));
    assert_eq!(
        variants(shape),
        [
            ("Circle", Some("circle"), &named("ShapeCircle")),
            ("Square", Some("square"), &named("ShapeSquare")),
        ]
    );
    assert_eq!(wire_names(structure(&api, "ShapeCircle")), ["r"]);
    assert_eq!(
        field(structure(&api, "ShapeSquare"), "side").ty,
        TypeRef::Primitive(Primitive::F32)
    );
    assert_eq!(type_names(&api), ["Shape", "ShapeCircle", "ShapeSquare"]);
}

#[test]
fn explicit_discriminator_on_an_inline_variant_without_a_fixed_value_is_a_problem() {
    let problems = problems(
        r##"
components:
  schemas:
    Shape:
      discriminator:
        propertyName: kind
      oneOf:
        - type: object
          properties:
            kind:
              type: string
        - type: object
          properties:
            side:
              type: number
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/Shape/oneOf/0"]);
    assert!(problems[0].message.contains("`kind`"), "{problems:#?}");
}

#[test]
fn union_whose_constant_values_repeat_is_untagged() {
    let api = api(r##"
components:
  schemas:
    Either:
      anyOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
    A:
      type: object
      required: [kind, a]
      properties:
        kind:
          type: string
          enum: [same]
        a:
          type: string
    B:
      type: object
      required: [kind, b]
      properties:
        kind:
          type: string
          enum: [same]
        b:
          type: string
"##);
    let either = union(&api, "Either");
    assert_eq!(either.tag, UnionTag::Untagged);
    assert_eq!(
        variants(either),
        [("A", None, &named("A")), ("B", None, &named("B"))]
    );
    assert_eq!(wire_names(structure(&api, "A")), ["kind", "a"]);
}

#[test]
fn untagged_variant_names_are_unique_and_avoid_unknown() {
    let api = api(r##"
components:
  schemas:
    Mixed:
      oneOf:
        - type: integer
        - type: integer
          format: int32
        - $ref: '#/components/schemas/Unknown'
    Unknown:
      type: object
      properties:
        x:
          type: string
"##);
    let mixed = union(&api, "Mixed");
    let names: Vec<&str> = mixed
        .variants
        .iter()
        .map(|v| v.rust_name.as_str())
        .collect();
    assert_eq!(names, ["Integer", "Integer2", "Unknown2"]);
}

#[test]
fn tagged_union_falls_back_to_untagged_when_a_variant_is_an_operation_response() {
    let spec = format!(
        r##"paths:
  /bots/{{id}}:
    get:
      operationId: getBot
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/BotActor'
{DIRECT_ACTORS}"##
    );
    let api = api(&spec);
    assert_eq!(union(&api, "Actor").tag, UnionTag::Untagged);
    assert_eq!(wire_names(structure(&api, "BotActor")), ["type"]);
}

#[test]
fn tagged_union_stays_tagged_when_only_the_union_is_used_elsewhere() {
    let spec = format!(
        "{DIRECT_ACTORS}    Message:
      type: object
      properties:
        sender:
          $ref: '#/components/schemas/Actor'
        recipients:
          type: array
          items:
            $ref: '#/components/schemas/Actor'
"
    );
    let api = api(&spec);
    assert_eq!(union(&api, "Actor").tag, UnionTag::Property("type".into()));
    assert_eq!(wire_names(structure(&api, "AgentActor")), ["id"]);
    assert!(!api.types.contains_key("AgentActorType"));
    assert!(!api.types.contains_key("BotActorType"));
}

#[test]
fn variant_shared_with_a_union_that_falls_back_to_untagged_keeps_its_tag() {
    // `Agent` is a variant of `Actor` (tagged) and of `Other`, which falls back to untagged
    // because `Visitor` is used on its own. `Other::Agent` is then written without any `type`.
    let api = api(r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/Agent'
        - $ref: '#/components/schemas/Bot'
    Other:
      oneOf:
        - $ref: '#/components/schemas/Agent'
        - $ref: '#/components/schemas/Visitor'
    Agent:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [AGENT]
    Bot:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [BOT]
    Visitor:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [VISITOR]
    Holder:
      type: object
      properties:
        visitor:
          $ref: '#/components/schemas/Visitor'
"##);
    assert_eq!(union(&api, "Other").tag, UnionTag::Untagged);
    assert_eq!(wire_names(structure(&api, "Agent")), ["type"]);
    assert_eq!(union(&api, "Actor").tag, UnionTag::Untagged);
}
