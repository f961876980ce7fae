//! The resolve stage end to end: small OpenAPI 3.0.3 specs written inline, parsed with
//! `load::parse`, resolved into the IR and, where the output matters, emitted.

use std::collections::BTreeSet;
use std::path::Path;

use codegen::error::SpecProblem;
use codegen::ir::{
    Api, Encoding, Field, Method, Operation, ParamEncoding, ParamLocation, PathStyle, Primitive,
    Status, StringEnum, Struct, TypeKind, TypeRef, Union, UnionTag,
};

mod common;

use common::{api, def, emit, emitted, file, op, problems, squash, try_resolve, type_names};

// ---------------------------------------------------------------------------------------------
// Helpers (the ones other test files use too are in `common`)
// ---------------------------------------------------------------------------------------------

fn structure<'a>(api: &'a Api, name: &str) -> &'a Struct {
    match &def(api, name).kind {
        TypeKind::Struct(s) => s,
        other => panic!("`{name}` is not a struct: {other:?}"),
    }
}

fn string_enum<'a>(api: &'a Api, name: &str) -> &'a StringEnum {
    match &def(api, name).kind {
        TypeKind::Enum(e) => e,
        other => panic!("`{name}` is not an enum: {other:?}"),
    }
}

fn union<'a>(api: &'a Api, name: &str) -> &'a Union {
    match &def(api, name).kind {
        TypeKind::Union(u) => u,
        other => panic!("`{name}` is not a union: {other:?}"),
    }
}

fn field<'a>(s: &'a Struct, wire: &str) -> &'a Field {
    s.fields
        .iter()
        .find(|f| f.wire_name == wire)
        .unwrap_or_else(|| panic!("no field `{wire}` in {:?}", wire_names(s)))
}

fn wire_names(s: &Struct) -> Vec<&str> {
    s.fields.iter().map(|f| f.wire_name.as_str()).collect()
}

fn rust_names(s: &Struct) -> Vec<&str> {
    s.fields.iter().map(|f| f.rust_name.as_str()).collect()
}

/// `(rust name, tag value, payload)` of each variant.
fn variants(u: &Union) -> Vec<(&str, Option<&str>, &TypeRef)> {
    u.variants
        .iter()
        .map(|v| (v.rust_name.as_str(), v.tag_value.as_deref(), &v.ty))
        .collect()
}

/// `(wire, rust)` of each enum value.
fn values(e: &StringEnum) -> Vec<(&str, &str)> {
    e.values
        .iter()
        .map(|v| (v.wire_name.as_str(), v.rust_name.as_str()))
        .collect()
}

/// `(wire name, location)` of each parameter, in IR order.
fn params(op: &Operation) -> Vec<(&str, ParamLocation)> {
    op.params
        .iter()
        .map(|p| (p.wire_name.as_str(), p.location()))
        .collect()
}

fn named(name: &str) -> TypeRef {
    TypeRef::Named(name.to_owned())
}

fn pointers(problems: &[SpecProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.pointer.as_str()).collect()
}

fn assert_valid_ident(name: &str) {
    assert!(
        syn::parse_str::<syn::Ident>(name).is_ok(),
        "`{name}` is not a valid Rust identifier"
    );
}

fn assert_valid_type_name(name: &str) {
    assert!(
        syn::parse_str::<syn::Ident>(name).is_ok() && name != "Self",
        "`{name}` is not usable as a type name"
    );
}

// ---------------------------------------------------------------------------------------------
// 1. allOf child-includes-parent (HubSpot's actor pattern)
// ---------------------------------------------------------------------------------------------

const ACTORS: &str = r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            type:
              type: string
              enum: [AGENT]
    BotActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            name:
              type: string
            type:
              type: string
              enum: [BOT]
"##;

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

// ---------------------------------------------------------------------------------------------
// 2. Explicit discriminators
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// 3. Untagged unions
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// 4. A tagged union whose variant is also used on its own falls back to untagged
// ---------------------------------------------------------------------------------------------

const DIRECT_ACTORS: &str = r##"
components:
  schemas:
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      type: object
      required: [id, type]
      properties:
        id:
          type: string
        type:
          type: string
          enum: [AGENT]
    BotActor:
      type: object
      required: [type]
      properties:
        type:
          type: string
          enum: [BOT]
"##;

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

// ---------------------------------------------------------------------------------------------
// 5. Recursion
// ---------------------------------------------------------------------------------------------

#[test]
fn self_reference_is_boxed_but_lists_of_self_are_not() {
    let api = api(r##"
components:
  schemas:
    Node:
      type: object
      required: [children]
      properties:
        children:
          type: array
          items:
            $ref: '#/components/schemas/Node'
        parent:
          $ref: '#/components/schemas/Node'
        byName:
          type: object
          additionalProperties:
            $ref: '#/components/schemas/Node'
"##);
    let node = structure(&api, "Node");
    assert!(field(node, "parent").boxed);
    assert!(!field(node, "children").boxed);
    assert!(!field(node, "byName").boxed);
    assert_eq!(
        field(node, "byName").ty,
        TypeRef::Map(Box::new(named("Node")))
    );

    let models = squash(&emitted(&api, "models.rs"));
    assert!(
        models.contains("pubparent:::std::option::Option<::std::boxed::Box<Node>>,"),
        "{models}"
    );
    assert!(models.contains("pubchildren:::std::vec::Vec<Node>,"));
}

#[test]
fn mutual_recursion_boxes_an_edge_of_the_cycle() {
    let api = api(r##"
components:
  schemas:
    A:
      type: object
      required: [b]
      properties:
        b:
          $ref: '#/components/schemas/B'
    B:
      type: object
      properties:
        a:
          $ref: '#/components/schemas/A'
        leaf:
          $ref: '#/components/schemas/Leaf'
    Leaf:
      type: object
      properties:
        x:
          type: string
"##);
    let a_b = field(structure(&api, "A"), "b").boxed;
    let b_a = field(structure(&api, "B"), "a").boxed;
    assert!(a_b || b_a, "the A <-> B cycle is not broken");
    // Deterministic: the first edge found in name order is boxed, and that is enough.
    assert!(a_b && !b_a);
    assert!(!field(structure(&api, "B"), "leaf").boxed);
    assert!(squash(&emitted(&api, "models.rs")).contains("pubb:::std::boxed::Box<B>,"));
}

#[test]
fn recursion_through_a_union_is_broken() {
    let api = api(r##"
components:
  schemas:
    Expr:
      oneOf:
        - $ref: '#/components/schemas/Literal'
        - $ref: '#/components/schemas/Negation'
    Literal:
      type: object
      required: [kind, value]
      properties:
        kind:
          type: string
          enum: [lit]
        value:
          type: number
    Negation:
      type: object
      required: [kind, inner]
      properties:
        kind:
          type: string
          enum: [neg]
        inner:
          $ref: '#/components/schemas/Expr'
"##);
    let expr = union(&api, "Expr");
    assert_eq!(expr.tag, UnionTag::Property("kind".into()));
    let negation_variant = expr.variants.iter().find(|v| v.rust_name == "Neg").unwrap();
    let inner = field(structure(&api, "Negation"), "inner").boxed;
    assert!(negation_variant.boxed || inner);
    assert!(!expr.variants[0].boxed, "Literal is not on the cycle");
    let models = squash(&emitted(&api, "models.rs"));
    assert!(models.contains("::std::boxed::Box<"), "{models}");
}

// ---------------------------------------------------------------------------------------------
// 6. Inline naming
// ---------------------------------------------------------------------------------------------

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
fn inline_name_colliding_with_a_component_gets_a_numeric_suffix() {
    let spec = r##"
components:
  schemas:
    Thread:
      type: object
      properties:
        status:
          type: string
          enum: [OPEN]
        other:
          type: object
          properties:
            status:
              type: string
              enum: [X]
    ThreadStatus:
      type: object
      properties:
        label:
          type: string
    ThreadOtherStatus:
      type: string
"##;
    let api = api(spec);
    let thread = structure(&api, "Thread");
    assert_eq!(field(thread, "status").ty, named("ThreadStatus2"));
    assert_eq!(
        values(string_enum(&api, "ThreadStatus2")),
        [("OPEN", "Open")]
    );
    // The component keeps its name and shape.
    assert_eq!(wire_names(structure(&api, "ThreadStatus")), ["label"]);
    assert_eq!(
        field(structure(&api, "ThreadOther"), "status").ty,
        named("ThreadOtherStatus2")
    );
    // The same spec always gives the same names.
    assert_eq!(self::api(spec), api);
}

#[test]
fn component_names_that_collide_after_casing_are_suffixed_in_spec_order() {
    let api = api(r##"
components:
  schemas:
    thread-page:
      type: object
      properties:
        a:
          type: string
    ThreadPage:
      type: object
      properties:
        b:
          type: string
    thread_page:
      type: object
      properties:
        c:
          type: string
"##);
    assert_eq!(wire_names(structure(&api, "ThreadPage")), ["a"]);
    assert_eq!(wire_names(structure(&api, "ThreadPage2")), ["b"]);
    assert_eq!(wire_names(structure(&api, "ThreadPage3")), ["c"]);
    assert_eq!(
        def(&api, "ThreadPage3").pointer,
        "#/components/schemas/thread_page"
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

// ---------------------------------------------------------------------------------------------
// 7. Enums
// ---------------------------------------------------------------------------------------------

#[test]
fn enum_values_are_deduplicated_and_named_validly() {
    let api = api(r##"
components:
  schemas:
    Status:
      type: string
      nullable: true
      enum:
        - open
        - in-progress
        - open
        - 2fa
        - Unknown
        - unknown
        - in_progress
        - self
        - ''
        - a.b/c
        - null
"##);
    let status = string_enum(&api, "Status");
    assert_eq!(
        values(status),
        [
            ("open", "Open"),
            ("in-progress", "InProgress"),
            ("2fa", "N2fa"),
            ("Unknown", "Unknown2"),
            ("unknown", "Unknown3"),
            ("in_progress", "InProgress2"),
            ("self", "SelfValue"),
            ("", "Value"),
            ("a.b/c", "ABC"),
        ]
    );
    for v in &status.values {
        assert_valid_ident(&v.rust_name);
    }
    let mut seen = BTreeSet::new();
    assert!(status.values.iter().all(|v| seen.insert(&v.rust_name)));

    let models = emitted(&api, "models.rs");
    let squashed = squash(&models);
    assert!(squashed.contains("Unknown(::std::string::String),"));
    assert!(
        squashed.contains(r#"Self::Unknown2=>"Unknown","#),
        "{models}"
    );
    assert!(squashed.contains(r#""in-progress"=>Self::InProgress,"#));
    // `open` appears once in each match.
    assert_eq!(models.matches("\"open\"").count(), 2, "{models}");
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

// ---------------------------------------------------------------------------------------------
// 8. Naming obstacle course
// ---------------------------------------------------------------------------------------------

const OBSTACLES: &str = r##"
components:
  schemas:
    Obstacles:
      type: object
      required: [type]
      properties:
        type:
          type: string
        self:
          type: string
        ref:
          type: string
        fooBar:
          type: string
        foo_bar:
          type: string
        Self:
          type: boolean
        2d:
          type: integer
        x-request-id:
          type: string
        '':
          type: string
        crate:
          $ref: '#/components/schemas/Self'
        result:
          $ref: '#/components/schemas/Result'
    Self:
      type: object
      properties:
        option:
          $ref: '#/components/schemas/Option'
    Result:
      type: object
      properties:
        ok:
          type: boolean
    Option:
      type: string
      enum: [some, none]
    '1st-place':
      type: string
    String:
      type: object
      properties:
        vec:
          $ref: '#/components/schemas/Vec'
    Vec:
      type: array
      items:
        $ref: '#/components/schemas/String'
"##;

#[test]
fn awkward_property_names_get_unique_valid_field_names() {
    let api = api(OBSTACLES);
    let s = structure(&api, "Obstacles");
    assert_eq!(
        wire_names(s),
        [
            "type",
            "self",
            "ref",
            "fooBar",
            "foo_bar",
            "Self",
            "2d",
            "x-request-id",
            "",
            "crate",
            "result"
        ]
    );
    assert_eq!(
        rust_names(s),
        [
            "type_",
            "self_",
            "ref_",
            "foo_bar",
            "foo_bar2",
            "self_2",
            "n2d",
            "x_request_id",
            "value",
            "crate_",
            "result"
        ]
    );
    for name in rust_names(s) {
        assert_valid_ident(name);
    }
    assert!(field(s, "type").required);
    assert_eq!(field(s, "crate").ty, named("SelfType"));
    assert_eq!(field(s, "result").ty, named("Result"));
}

#[test]
fn awkward_schema_names_get_usable_type_names() {
    let api = api(OBSTACLES);
    assert_eq!(
        type_names(&api),
        [
            "N1stPlace",
            "Obstacles",
            "Option",
            "Result",
            "SelfType",
            "String",
            "Vec"
        ]
    );
    for name in type_names(&api) {
        assert_valid_type_name(name);
    }
    assert_eq!(def(&api, "SelfType").pointer, "#/components/schemas/Self");
    assert_eq!(
        def(&api, "N1stPlace").kind,
        TypeKind::Alias(TypeRef::Primitive(Primitive::String))
    );
}

#[test]
fn awkward_names_emit_parsable_code_with_renames() {
    let api = api(OBSTACLES);
    let files = emit(&api);
    let models = file(&files, "models.rs");
    let squashed = squash(models);
    for (wire, rust) in [
        ("type", "type_"),
        ("self", "self_"),
        ("ref", "ref_"),
        ("fooBar", "foo_bar"),
        ("foo_bar", "foo_bar2"),
        ("Self", "self_2"),
        ("2d", "n2d"),
        ("x-request-id", "x_request_id"),
        ("", "value"),
        ("crate", "crate_"),
    ] {
        let needle = format!(r#"#[serde(rename="{wire}""#);
        let at = squashed
            .find(&needle)
            .unwrap_or_else(|| panic!("no rename to `{wire}` in\n{models}"));
        assert!(
            squashed[at..].contains(&format!("pub{rust}:")),
            "`{wire}` is not renamed onto `{rust}`"
        );
    }
    assert!(models.contains(r#"#[serde(rename = "type")]"#), "{models}");
    // A field whose Rust name is its wire name needs no rename.
    assert!(!squashed.contains(r#"rename="result""#));
    // Spec names that shadow prelude types do not break the std paths the models use.
    assert!(squashed.contains("pubstructSelfType{"));
    assert!(squashed.contains("pubstructResult{"));
    assert!(squashed.contains("pubenumOption{"));
    assert!(squashed.contains("pubtypeVec=::std::vec::Vec<String>;"));
    assert!(squashed.contains("::std::option::Option<Option>"));
    // Every file is valid Rust.
    for f in &files {
        syn::parse_file(&f.contents).unwrap_or_else(|e| panic!("{} does not parse: {e}", f.path));
    }
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

// ---------------------------------------------------------------------------------------------
// 9. Operations
// ---------------------------------------------------------------------------------------------

const OPERATIONS: &str = r##"
paths:
  /inboxes/{inboxId}/threads/{threadId}:
    parameters:
      - name: threadId
        in: path
        required: true
        schema:
          type: integer
      - name: limit
        in: query
        description: path-level limit
        schema:
          type: integer
          format: int32
      - $ref: '#/components/parameters/Trace'
    get:
      operationId: getThread
      parameters:
        - name: X-Request-Id
          in: header
          schema:
            type: string
        - name: archived
          in: query
          schema:
            type: boolean
        - name: inboxId
          in: path
          required: true
          schema:
            type: string
        - name: limit
          in: query
          required: true
          description: operation-level limit
          schema:
            type: integer
            format: int64
        - name: after
          in: query
          schema:
            type: string
            format: date-time
      responses:
        '207':
          description: partial
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Multi'
        '200':
          description: ok
          content:
            application/json; charset=utf-8:
              schema:
                $ref: '#/components/schemas/Thread'
        '204':
          description: nothing
        default:
          description: error
          content:
            '*/*':
              schema:
                $ref: '#/components/schemas/Error'
    delete:
      parameters:
        - name: inboxId
          in: path
          required: true
          schema:
            type: string
      responses:
        '204':
          description: gone
  /things:
    post:
      requestBody:
        required: true
        content:
          application/vnd.api+json:
            schema:
              type: object
              properties:
                name:
                  type: string
      responses:
        2XX:
          description: any success
          content:
            application/json:
              schema:
                type: array
                items:
                  type: string
components:
  parameters:
    Trace:
      $ref: '#/components/parameters/TraceHeader'
    TraceHeader:
      name: X-Trace
      in: header
      required: true
      schema:
        type: string
  schemas:
    Thread:
      type: object
      properties:
        id:
          type: string
    Multi:
      type: object
      properties:
        parts:
          type: array
          items:
            $ref: '#/components/schemas/Thread'
    Error:
      type: object
      properties:
        message:
          type: string
"##;

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
    // Path arguments encoded into locals, named in the template in its order.
    assert!(
        squashed.contains(r#"letinbox_id=crate::runtime::encode_path(&self.inbox_id);letthread_id=crate::runtime::encode_path(&self.thread_id);letpath=::std::format!("/inboxes/{inbox_id}/threads/{thread_id}");"#),
        "{ops}"
    );
    assert!(squashed.contains(r#"request.header("X-Trace",&self.x_trace)?;"#));
}

// ---------------------------------------------------------------------------------------------
// 10. Problems are collected with JSON pointers
// ---------------------------------------------------------------------------------------------

#[test]
fn dangling_schema_ref_is_reported_at_its_exact_pointer() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: '#/components/schemas/Missing'
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(
        problems[0].message.contains("#/components/schemas/Missing"),
        "{problems:#?}"
    );
}

#[test]
fn dangling_refs_in_nested_places_are_reported_where_they_are() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: array
      items:
        $ref: '#/components/schemas/Nope'
    B:
      allOf:
        - $ref: '#/components/schemas/Gone'
        - type: object
          properties:
            x:
              type: string
    C:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/Absent'
    D:
      type: object
      additionalProperties:
        $ref: 'other.yaml#/Thing'
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/components/schemas/A/items",
            "#/components/schemas/B/allOf/0",
            "#/components/schemas/C/oneOf/1",
            "#/components/schemas/D/additionalProperties",
        ]
    );
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
fn not_schema_is_a_problem() {
    let problems = problems(
        r##"
components:
  schemas:
    A:
      type: object
      properties:
        b:
          not:
            type: string
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(problems[0].message.contains("`not`"));
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
fn several_problems_are_reported_together() {
    let problems = problems(
        r##"
paths:
  /things/{id}:
    post:
      operationId: postThing
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              type: string
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Nowhere'
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: '#/components/schemas/Missing'
    N:
      not:
        type: integer
"##,
    );
    assert_eq!(
        pointers(&problems),
        [
            "#/components/schemas/A/properties/b",
            "#/components/schemas/N",
            "#/paths/~1things~1{id}/post",
            "#/paths/~1things~1{id}/post/requestBody/content/application~1x-www-form-urlencoded/schema",
            "#/paths/~1things~1{id}/post/responses/200/content/application~1json/schema",
        ]
    );
    let error = codegen::Error::Spec {
        path: "t.yaml".into(),
        problems,
    }
    .to_string();
    assert!(
        error.starts_with(
            "t.yaml: 5 problem(s) in the spec:\n  - #/components/schemas/A/properties/b: "
        ),
        "{error}"
    );
}

#[test]
fn invalid_yaml_reports_file_line_and_column() {
    let text = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  /a: [\n";
    let err = codegen::Spec::parse(Path::new("t.yaml"), text)
        .unwrap_err()
        .to_string();
    let rest = err
        .strip_prefix("t.yaml:")
        .unwrap_or_else(|| panic!("{err}"));
    let (line, rest) = rest.split_once(':').unwrap();
    let (column, _) = rest.split_once(':').unwrap();
    assert!(line.parse::<usize>().unwrap() >= 6, "{err}");
    assert!(column.parse::<usize>().is_ok(), "{err}");

    let text = "openapi: 3.0.3\ninfo:\n  title: t\n\tversion: '1'\n";
    let err = codegen::Spec::parse(Path::new("t.yaml"), text)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("t.yaml:4:"), "{err}");
}

#[test]
fn missing_required_keys_and_other_versions_are_parse_errors() {
    let err = codegen::Spec::parse(Path::new("t.yaml"), "openapi: 3.0.3\npaths: {}\n").unwrap_err();
    assert!(matches!(err, codegen::Error::Parse { .. }), "{err}");
    assert!(err.to_string().contains("info"), "{err}");

    let text = "openapi: 3.2.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n";
    let err = codegen::Spec::parse(Path::new("t.yaml"), text)
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "t.yaml: unsupported OpenAPI version `3.2.0`: expected 3.0.x or 3.1.x"
    );
}

// ---------------------------------------------------------------------------------------------
// 11. Determinism
// ---------------------------------------------------------------------------------------------

#[test]
fn resolving_and_emitting_twice_gives_identical_files() {
    let spec = format!(
        "{OPERATIONS}{}",
        &ACTORS["\ncomponents:\n  schemas:\n".len()..]
    );
    let first = emit(&api(&spec));
    let second = emit(&api(&spec));
    assert_eq!(first, second);
    let paths: Vec<&str> = first.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["mod.rs", "models.rs", "operations.rs", "security.rs"]
    );
    assert!(first[0]
        .contents
        .starts_with("// @generated by `test` from `t.yaml`."));
    // The actors really were merged into the spec.
    assert!(file(&first, "models.rs").contains("pub enum Actor"));
}

#[test]
fn struct_fields_follow_spec_order_not_alphabetical_order() {
    let api = api(r##"
components:
  schemas:
    Ordered:
      type: object
      properties:
        zeta:
          type: string
        alpha:
          type: string
        mu:
          type: string
        beta:
          type: string
"##);
    assert_eq!(
        wire_names(structure(&api, "Ordered")),
        ["zeta", "alpha", "mu", "beta"]
    );
    let models = emitted(&api, "models.rs");
    let at = |name: &str| {
        models
            .find(&format!("pub {name}:"))
            .unwrap_or_else(|| panic!("no field {name}"))
    };
    assert!(at("zeta") < at("alpha") && at("alpha") < at("mu") && at("mu") < at("beta"));
}

#[test]
fn types_are_emitted_sorted_by_name() {
    let api = api(r##"
components:
  schemas:
    Zebra:
      type: string
    Apple:
      type: integer
    Mango:
      type: boolean
"##);
    let models = emitted(&api, "models.rs");
    let apple = models.find("pub type Apple").unwrap();
    let mango = models.find("pub type Mango").unwrap();
    let zebra = models.find("pub type Zebra").unwrap();
    assert!(apple < mango && mango < zebra);
}

// ---------------------------------------------------------------------------------------------
// Known bugs (ignored until fixed)
// ---------------------------------------------------------------------------------------------

/// Runs `check` in a child process (this test binary, filtered to `test_name`), so a stack
/// overflow fails the test instead of aborting the whole test run.
fn in_child_process(test_name: &str, check: impl FnOnce()) {
    const CHILD: &str = "CODEGEN_RESOLVE_TEST_CHILD";
    if std::env::var_os(CHILD).is_some() {
        check();
        return;
    }
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            test_name,
            "--exact",
            "--include-ignored",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "child process failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn alias_ref_cycle_is_a_problem_not_a_stack_overflow() {
    in_child_process("alias_ref_cycle_is_a_problem_not_a_stack_overflow", || {
        let problems = problems(
            r##"
components:
  schemas:
    A:
      $ref: '#/components/schemas/B'
    B:
      $ref: '#/components/schemas/A'
    C:
      type: object
      properties:
        x:
          type: string
    U:
      oneOf:
        - $ref: '#/components/schemas/A'
        - $ref: '#/components/schemas/C'
"##,
        );
        assert!(
            pointers(&problems)
                .iter()
                .any(|p| *p == "#/components/schemas/A" || *p == "#/components/schemas/B"),
            "{problems:#?}"
        );
    });
}

#[test]
fn self_referencing_alias_is_a_problem() {
    let result = try_resolve(
        r##"
components:
  schemas:
    A:
      $ref: '#/components/schemas/A'
"##,
    );
    match result {
        Err(problems) => assert_eq!(pointers(&problems), ["#/components/schemas/A"]),
        Ok(api) => panic!(
            "resolved to a cyclic alias:\n{}",
            emitted(&api, "models.rs")
        ),
    }
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

#[test]
fn operation_method_names_do_not_clash_with_client_methods() {
    let api = api(r##"
paths:
  /run:
    post:
      operationId: execute
      responses:
        '204':
          description: ok
  /new:
    post:
      operationId: new
      responses:
        '204':
          description: ok
  /base:
    get:
      operationId: baseUrl
      responses:
        '204':
          description: ok
"##);
    // `impl Client` in the runtime already defines these; a second inherent method of the same
    // name does not compile (E0592), and the builders call `self.client.execute(request)`.
    let runtime = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated-client/src/runtime/client.rs"),
    )
    .expect("the runtime sits next to the generator");
    for op in &api.operations {
        let clash = format!("fn {}(", op.method_name);
        assert!(
            !runtime.contains(&clash),
            "operation `{}` gets method `{}`, which the runtime Client already has",
            op.id,
            op.method_name
        );
    }
}

#[test]
fn every_request_method_the_emitter_calls_exists_in_the_runtime() {
    let spec = r##"
paths:
  /x/{id}:
    post:
      operationId: postX
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
        - name: q
          in: query
          schema:
            type: string
        - name: ids
          in: query
          schema:
            type: array
            items:
              type: integer
        - name: X-One
          in: header
          schema:
            type: string
        - name: X-Many
          in: header
          schema:
            type: array
            items:
              type: string
        - name: session
          in: cookie
          schema:
            type: string
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                a:
                  type: string
      responses:
        '204':
          description: ok
"##;
    let Ok(api) = try_resolve(spec) else {
        return; // Rejecting what the runtime cannot send is a fix too.
    };
    let runtime = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../generated-client/src/runtime/request.rs"),
    )
    .expect("the runtime sits next to the generator");
    let ops = emitted(&api, "operations.rs");
    let called: BTreeSet<&str> = ops
        .split("request.")
        .skip(1)
        .filter_map(|rest| rest.split_once('(').map(|(name, _)| name))
        .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    assert!(
        called.contains("query") && called.contains("json"),
        "{called:?}"
    );
    let missing: Vec<&str> = called
        .into_iter()
        .filter(|name| !runtime.contains(&format!("pub fn {name}")))
        .collect();
    assert!(
        missing.is_empty(),
        "the runtime Request has no {missing:?}:\n{ops}"
    );
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
    assert!(ops.contains("pubfnpages(self,)"), "{ops}");
    assert!(
        ops.contains("page.paging.as_ref()?.next.as_ref()?.after.clone()"),
        "{ops}"
    );
    assert!(ops.contains("pubfninto_stream(self,)"));
    assert_eq!(ops.matches("pubfnpages(").count(), 1);
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

#[test]
fn external_references_are_reported_as_unsupported() {
    let problems = problems(
        r##"
paths: {}
components:
  schemas:
    A:
      type: object
      properties:
        b:
          $ref: 'other.yaml#/components/schemas/B'
"##,
    );
    assert_eq!(pointers(&problems), ["#/components/schemas/A/properties/b"]);
    assert!(
        problems[0]
            .message
            .contains("external references are not supported"),
        "{problems:?}"
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
