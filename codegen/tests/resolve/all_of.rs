//! `allOf`: members merged in order with their `required` united, a child that includes the
//! union listing it (HubSpot's actor pattern) made a tagged variant, cycles reported.

use codegen::ir::{Primitive, TypeRef, UnionTag};

use crate::common::specs::ACTORS;
use crate::common::{
    api, field, named, problems, structure, type_names, union, variants, wire_names,
};

#[test]
fn all_of_child_including_its_parent_union_becomes_a_tagged_union() {
    let api = api(ACTORS);
    let actor = union(&api, "Actor");
    assert_eq!(actor.tag, UnionTag::Property("type".into()));
    assert_eq!(
        variants(actor),
        [
            ("Agent", Some("AGENT"), &named("AgentActor")),
            ("Bot", Some("BOT"), &named("BotActor")),
        ]
    );
    assert!(actor.variants.iter().all(|v| !v.boxed));

    // Variants are flattened structs without the tag, which the union carries.
    let agent = structure(&api, "AgentActor");
    assert_eq!(wire_names(agent), ["id"]);
    assert!(field(agent, "id").required);
    assert_eq!(wire_names(structure(&api, "BotActor")), ["id", "name"]);

    // The single-value enums of the stripped tags are pruned.
    assert_eq!(type_names(&api), ["Actor", "AgentActor", "BotActor"]);
}

#[test]
fn all_of_member_order_does_not_matter_for_the_parent_skip() {
    // The parent `$ref` listed after the own properties, and reached through an alias.
    let api = api(r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      allOf:
        - type: object
          required: [type]
          properties:
            type:
              type: string
              enum: [AGENT]
            email:
              type: string
        - $ref: '#/components/schemas/Actor'
    BotActor:
      allOf:
        - type: object
          required: [type]
          properties:
            type:
              type: string
              enum: [BOT]
        - $ref: '#/components/schemas/Actor'
"##);
    let actor = union(&api, "Actor");
    assert_eq!(actor.tag, UnionTag::Property("type".into()));
    assert_eq!(wire_names(structure(&api, "AgentActor")), ["email"]);
    // An object left with no properties at all is still a (closed, empty) struct, not a map.
    assert!(structure(&api, "BotActor").fields.is_empty());
}

#[test]
fn all_of_merges_members_in_order_and_unites_required() {
    let api = api(r##"
components:
  schemas:
    Base:
      type: object
      required: [id]
      properties:
        id:
          type: string
        note:
          type: string
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          required: [size]
          properties:
            size:
              type: integer
              format: int32
            note:
              type: string
              enum: [short, long]
"##);
    let child = structure(&api, "Child");
    // `note` is refined in place by the later member (conflicting types are a problem instead:
    // see `tests/fixtures/invalid/conflicting_all_of.yaml`).
    assert_eq!(wire_names(child), ["id", "note", "size"]);
    assert!(field(child, "id").required);
    assert!(field(child, "size").required);
    assert!(!field(child, "note").required);
    assert_eq!(field(child, "note").ty, TypeRef::Named("ChildNote".into()));
    assert_eq!(field(child, "size").ty, TypeRef::Primitive(Primitive::I32));
    // The base stays a type of its own.
    assert_eq!(wire_names(structure(&api, "Base")), ["id", "note"]);
}

#[test]
fn all_of_cycle_is_a_problem_not_a_hang() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      allOf:
        - $ref: '#/components/schemas/B'
        - type: object
          properties:
            a:
              type: string
    B:
      allOf:
        - $ref: '#/components/schemas/A'
        - type: object
          properties:
            b:
              type: string
"##,
    );
    assert!(
        problems
            .iter()
            .any(|p| p.pointer == "#/components/schemas/A/allOf/0"
                || p.pointer == "#/components/schemas/B/allOf/0"),
        "{problems:#?}"
    );
    assert!(problems.iter().all(|p| p.message.contains("includes")));
}

#[test]
fn inline_property_of_an_all_of_parent_is_named_after_the_parent() {
    let api = api(r##"
components:
  schemas:
    Child:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            x:
              type: string
    Base:
      type: object
      properties:
        status:
          type: string
          enum: [a, b]
"##);
    assert_eq!(
        field(structure(&api, "Base"), "status").ty,
        named("BaseStatus")
    );
    assert_eq!(
        field(structure(&api, "Child"), "status").ty,
        named("BaseStatus")
    );
}
