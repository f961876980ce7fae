//! Unions in `models.rs`: internally tagged enums with the tag values as renames, untagged
//! enums, single-variant aliases, and the `Unknown` catch-all.

use codegen::ir::{Primitive, TypeKind, TypeRef, UnionTag};

use crate::common::specs::{ACTORS, DIRECT_ACTORS};
use crate::common::{
    api, def, emit, emitted, field, file, named, squash, string_enum, structure, union, values,
    variants, wire_names,
};

#[test]
fn all_of_child_including_its_parent_emits_an_internally_tagged_enum() {
    let files = emit(&api(ACTORS));
    let models = squash(file(&files, "models.rs"));
    assert!(models.contains(r#"#[serde(tag="type")]"#), "{models}");
    assert!(models.contains(r#"#[serde(rename="AGENT")]Agent(AgentActor),"#));
    assert!(models.contains(r#"#[serde(rename="BOT")]Bot(BotActor),"#));
    assert!(models.contains("Unknown(::serde_json::Value)"));
    assert!(
        models.contains(r#""AGENT"=>Self::Agent(body.decode()?),"#),
        "{models}"
    );
    // The stripped tag leaves no field behind.
    assert!(!models.contains("pubtype_:"), "{models}");
}

#[test]
fn explicit_discriminator_mapping_gives_the_tag_values() {
    let api = api(r##"
components:
  schemas:
    Pet:
      oneOf:
        - $ref: '#/components/schemas/Cat'
        - $ref: '#/components/schemas/Dog'
        - $ref: '#/components/schemas/Lizard'
      discriminator:
        propertyName: petType
        mapping:
          kitty: '#/components/schemas/Cat'
          doggo: Dog
    Cat:
      type: object
      required: [petType]
      properties:
        petType:
          type: string
        meows:
          type: boolean
    Dog:
      type: object
      required: [petType]
      properties:
        barks:
          type: boolean
        petType:
          type: string
    Lizard:
      type: object
      properties:
        petType:
          type: string
        scales:
          type: integer
"##);
    let pet = union(&api, "Pet");
    assert_eq!(pet.tag, UnionTag::Property("petType".into()));
    assert_eq!(
        variants(pet),
        [
            ("Kitty", Some("kitty"), &named("Cat")),
            ("Doggo", Some("doggo"), &named("Dog")),
            // No mapping entry: the schema name is the tag value.
            ("Lizard", Some("Lizard"), &named("Lizard")),
        ]
    );
    assert_eq!(wire_names(structure(&api, "Cat")), ["meows"]);
    assert_eq!(wire_names(structure(&api, "Dog")), ["barks"]);
    assert_eq!(wire_names(structure(&api, "Lizard")), ["scales"]);

    let models = squash(&emitted(&api, "models.rs"));
    assert!(models.contains(r#"#[serde(tag="petType")]"#));
    assert!(models.contains(r#"#[serde(rename="kitty")]Kitty(Cat),"#));
    assert!(models.contains(r#"#[serde(rename="Lizard")]Lizard(Lizard),"#));
}

#[test]
fn union_without_a_common_constant_property_is_untagged() {
    let api = api(r##"
components:
  schemas:
    Value:
      oneOf:
        - $ref: '#/components/schemas/Circle'
        - $ref: '#/components/schemas/Square'
        - type: string
        - type: array
          items:
            type: integer
    Circle:
      type: object
      required: [kind]
      properties:
        kind:
          type: string
          enum: [circle]
        r:
          type: number
    Square:
      type: object
      properties:
        kind:
          type: string
          enum: [square]
        side:
          type: number
"##);
    let value = union(&api, "Value");
    assert_eq!(value.tag, UnionTag::Untagged);
    assert_eq!(
        variants(value),
        [
            ("Circle", None, &named("Circle")),
            ("Square", None, &named("Square")),
            ("String", None, &TypeRef::Primitive(Primitive::String)),
            (
                "List",
                None,
                &TypeRef::List(Box::new(TypeRef::Primitive(Primitive::I64)))
            ),
        ]
    );
    // Nothing is stripped from the variants of an untagged union.
    assert_eq!(wire_names(structure(&api, "Circle")), ["kind", "r"]);
    assert_eq!(wire_names(structure(&api, "Square")), ["kind", "side"]);

    let models = squash(&emitted(&api, "models.rs"));
    assert!(
        models.contains("#[serde(untagged)]pubenumValue{"),
        "{models}"
    );
    assert!(models.contains("String(::std::string::String),"));
}

#[test]
fn single_variant_union_is_an_alias() {
    let api = api(r##"
components:
  schemas:
    Wrapper:
      oneOf:
        - $ref: '#/components/schemas/Inner'
    Inner:
      type: object
      properties:
        x:
          type: string
"##);
    assert_eq!(def(&api, "Wrapper").kind, TypeKind::Alias(named("Inner")));
    let models = squash(&emitted(&api, "models.rs"));
    assert!(models.contains("pubtypeWrapper=Inner;"), "{models}");
}

#[test]
fn tagged_union_falls_back_to_untagged_when_a_variant_is_a_property_elsewhere() {
    let spec = format!(
        "{DIRECT_ACTORS}    Assignment:
      type: object
      properties:
        agent:
          $ref: '#/components/schemas/AgentActor'
"
    );
    let api = api(&spec);
    let actor = union(&api, "Actor");
    assert_eq!(actor.tag, UnionTag::Untagged);
    assert!(actor.variants.iter().all(|v| v.tag_value.is_none()));
    // Both variants keep their `type`, so each still says what it is on the wire.
    assert_eq!(wire_names(structure(&api, "AgentActor")), ["id", "type"]);
    assert_eq!(wire_names(structure(&api, "BotActor")), ["type"]);
    let agent_type = field(structure(&api, "AgentActor"), "type");
    assert_eq!(agent_type.rust_name, "type_");
    assert_eq!(agent_type.ty, named("AgentActorType"));
    assert_eq!(
        values(string_enum(&api, "AgentActorType")),
        [("AGENT", "Agent")]
    );

    let models = squash(&emitted(&api, "models.rs"));
    assert!(
        models.contains("#[serde(untagged)]pubenumActor{"),
        "{models}"
    );
    assert!(models.contains(r#"#[serde(rename="type")]pubtype_:AgentActorType,"#));
}

#[test]
fn tag_value_named_unknown_does_not_clash_with_the_catch_all() {
    let api = api(r##"
components:
  schemas:
    Event:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/B'
    A:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [UNKNOWN]
    B:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [known]
"##);
    let event = union(&api, "Event");
    assert_eq!(event.tag, UnionTag::Property("type".into()));
    assert_eq!(
        variants(event),
        [
            ("Unknown2", Some("UNKNOWN"), &named("A")),
            ("Known", Some("known"), &named("B")),
        ]
    );
    let models = squash(&emitted(&api, "models.rs"));
    assert!(
        models.contains(r#"#[serde(rename="UNKNOWN")]Unknown2(A),"#),
        "{models}"
    );
}
