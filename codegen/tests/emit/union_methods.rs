//! What unions offer besides their variants: `From` each payload type only one variant holds,
//! and an accessor for each field every variant's struct shares.

use crate::common::{api, emitted, squash};

/// A tagged union whose variants share some fields, one of them boxed, one under a reserved
/// name, and one that differs in type.
const EVENTS: &str = r##"
components:
  schemas:
    Event:
      oneOf:
        - $ref: '#/components/schemas/Created'
        - $ref: '#/components/schemas/Deleted'
      discriminator:
        propertyName: kind
    Created:
      type: object
      required: [kind, id, at, tags]
      properties:
        kind:
          type: string
        id:
          type: string
        at:
          type: string
          format: date-time
        tags:
          type: array
          items:
            type: string
        note:
          type: string
        clone:
          type: boolean
        size:
          type: integer
        next:
          $ref: '#/components/schemas/Event'
    Deleted:
      type: object
      required: [kind, id, at, tags, size]
      properties:
        kind:
          type: string
        id:
          type: string
        at:
          type: string
          format: date-time
          nullable: true
        tags:
          type: array
          items:
            type: string
        note:
          type: string
        clone:
          type: boolean
        size:
          type: string
        reason:
          type: string
        next:
          $ref: '#/components/schemas/Event'
"##;

#[test]
fn tagged_unions_read_the_fields_every_variant_shares() {
    let models = squash(&emitted(&api(EVENTS), "models.rs"));
    let option = "::std::option::Option";
    // Required in every variant: `None` only for `Unknown`; strings and lists borrow as
    // `&str` and slices.
    assert!(
        models.contains(&format!(
            "///The`id`everyvarianthas;`None`onlyforavariantthisclientdoesnotknow.pubfnid(&self)->{option}<&str>{{matchself{{Self::Created(value)=>{option}::Some(value.id.as_str()),Self::Deleted(value)=>{option}::Some(value.id.as_str()),Self::Unknown(_)=>{option}::None,}}}}"
        )),
        "{models}"
    );
    assert!(
        models.contains(&format!(
            "pubfntags(&self)->{option}<&[::std::string::String]>{{matchself{{Self::Created(value)=>{option}::Some(value.tags.as_slice()),"
        )),
        "{models}"
    );
    // Optional (or nullable) in some variant: the accessor says so and reads the `Option`.
    assert!(
        models.contains(&format!(
            "///The`at`everyvariantmayhave;`None`whenitisabsentorthevariantisonethisclientdoesnotknow.pubfnat(&self)->{option}<&::chrono::DateTime<::chrono::Utc>>{{matchself{{Self::Created(value)=>{option}::Some(&value.at),Self::Deleted(value)=>value.at.as_ref(),"
        )),
        "{models}"
    );
    assert!(
        models.contains("pubfnnote(&self)->::std::option::Option<&str>{matchself{Self::Created(value)=>value.note.as_deref(),"),
        "{models}"
    );
    // `next` closes a cycle through the union, so it is boxed, and read through the box.
    assert!(
        models.contains("pubnext:::std::option::Option<::std::boxed::Box<Event>>"),
        "{models}"
    );
    assert!(
        models.contains("pubfnnext(&self)->::std::option::Option<&Event>{matchself{Self::Created(value)=>value.next.as_deref(),Self::Deleted(value)=>value.next.as_deref(),"),
        "{models}"
    );
    // A name that would shadow `Clone::clone` is suffixed; a field of another type in some
    // variant or missing from one has no accessor; neither has the tag.
    assert!(
        models.contains("pubfnclone2(&self)->::std::option::Option<&bool>"),
        "{models}"
    );
    assert!(!models.contains("pubfnclone(&self)"), "{models}");
    assert!(!models.contains("pubfnsize(&self)"), "{models}");
    assert!(!models.contains("pubfnreason(&self)"), "{models}");
    assert!(!models.contains("pubfnkind(&self)"), "{models}");
}

#[test]
fn unions_convert_from_each_payload_only_one_variant_holds() {
    let spec = r##"
components:
  schemas:
    Value:
      oneOf:
        - type: string
        - type: string
          format: email
        - type: integer
        - $ref: '#/components/schemas/Money'
        - $ref: '#/components/schemas/Value'
    Money:
      type: object
      required: [amount]
      properties:
        amount:
          type: number
        rest:
          $ref: '#/components/schemas/Value'
"##;
    let models = squash(&emitted(&api(spec), "models.rs"));
    assert!(
        models.contains(
            "impl::std::convert::From<i64>forValue{fnfrom(value:i64)->Self{Self::Integer(value)}}"
        ),
        "{models}"
    );
    assert!(
        models.contains("impl::std::convert::From<Money>forValue{fnfrom(value:Money)->Self{Self::Money(value)}}"),
        "{models}"
    );
    // Two variants hold a `String`: either impl would be ambiguous, so neither is emitted; a
    // union holding itself needs none (std's `From<T> for T`).
    assert!(
        !models.contains("From<::std::string::String>forValue"),
        "{models}"
    );
    assert!(!models.contains("From<Value>forValue"), "{models}");
    // An untagged union with a variant that is not a struct has no accessors.
    assert!(!models.contains("implValue{"), "{models}");
}

#[test]
fn boxed_variants_convert_through_a_box_and_untagged_structs_share_fields() {
    let spec = r##"
components:
  schemas:
    Node:
      oneOf:
        - $ref: '#/components/schemas/Leaf'
        - $ref: '#/components/schemas/Branch'
    Leaf:
      type: object
      required: [name]
      properties:
        name:
          type: string
    Branch:
      type: object
      required: [name, children]
      properties:
        name:
          type: string
        children:
          type: array
          items:
            $ref: '#/components/schemas/Node'
    Expression:
      oneOf:
        - type: number
        - $ref: '#/components/schemas/Sum'
    Sum:
      type: object
      required: [left, right]
      properties:
        left:
          $ref: '#/components/schemas/Expression'
        right:
          $ref: '#/components/schemas/Expression'
"##;
    let models = squash(&emitted(&api(spec), "models.rs"));
    // Untagged: no `Unknown` arm, and the doc says the value is always there.
    assert!(
        models.contains("///The`name`everyvarianthas(always`Some`).pubfnname(&self)->::std::option::Option<&str>{matchself{Self::Leaf(value)=>::std::option::Option::Some(value.name.as_str()),Self::Branch(value)=>::std::option::Option::Some(value.name.as_str()),}}"),
        "{models}"
    );
    assert!(
        models.contains(
            "impl::std::convert::From<Leaf>forNode{fnfrom(value:Leaf)->Self{Self::Leaf(value)}}"
        ),
        "{models}"
    );
    // `Sum` holds `Expression` and `Expression` holds `Sum`: the variant is boxed.
    assert!(models.contains("Sum(::std::boxed::Box<Sum>),"), "{models}");
    assert!(
        models.contains("impl::std::convert::From<Sum>forExpression{fnfrom(value:Sum)->Self{Self::Sum(::std::boxed::Box::new(value))}}"),
        "{models}"
    );
}
