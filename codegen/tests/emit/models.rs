//! Structs and enums in `models.rs`: boxed recursive fields, string enums with their wire
//! values, renamed awkward names, and std paths that spec names cannot shadow.

use std::collections::BTreeSet;

use codegen::ir::{TypeRef, UnionTag};

use crate::common::specs::OBSTACLES;
use crate::common::{
    api, assert_valid_ident, emit, emitted, field, file, named, squash, string_enum, structure,
    union, values,
};

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
    // `open` appears once in each match and once in the values `FromStr`'s error lists.
    assert_eq!(models.matches("\"open\"").count(), 3, "{models}");
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
fn enums_parse_only_their_listed_values() {
    let api = api(r##"
components:
  schemas:
    Status:
      type: string
      enum: [OPEN, CLOSED]
    Priority:
      type: integer
      enum: [1, -2]
"##);
    // Without trailing commas, which depend on prettyplease's line breaking.
    let models = squash(&emitted(&api, "models.rs"))
        .replace(",)", ")")
        .replace(",}", "}");
    // Strings: `From<&str>` keeps anything (decoding); `FromStr` rejects what it would keep as
    // `Unknown`, naming the type, the text and the values it knows.
    assert!(
        models.contains(r#"impl::std::str::FromStrforStatus{typeErr=crate::runtime::UnknownVariant;fnfrom_str(value:&str)->::std::result::Result<Self,Self::Err>{matchSelf::from(value){Self::Unknown(_)=>{::std::result::Result::Err(crate::runtime::UnknownVariant::new("Status",value,&["OPEN","CLOSED"]))}known=>::std::result::Result::Ok(known)}}}"#),
        "{models}"
    );
    assert!(
        models.contains(
            "///Use`str::parse`toacceptonlytheknownvalues.impl::std::convert::From<&str>forStatus{"
        ),
        "{models}"
    );
    // Numbers: the text must be a number the spec lists.
    assert!(
        models.contains(r#"impl::std::str::FromStrforPriority{typeErr=crate::runtime::UnknownVariant;fnfrom_str(value:&str)->::std::result::Result<Self,Self::Err>{matchvalue.parse::<i64>().map(Self::from){::std::result::Result::Ok(Self::Unknown(_))|::std::result::Result::Err(_)=>{::std::result::Result::Err(crate::runtime::UnknownVariant::new("Priority",value,&["1","-2"]))}::std::result::Result::Ok(known)=>::std::result::Result::Ok(known)}}}"#),
        "{models}"
    );
}

#[test]
fn field_docs_end_with_the_json_name_and_presence() {
    let api = api(r##"
components:
  schemas:
    Thread:
      type: object
      required: [latestMessageTimestamp, closedAt]
      properties:
        latestMessageTimestamp:
          description: When the last message arrived.
          type: string
          format: date-time
        closedAt:
          type: string
          format: date-time
          nullable: true
        subject:
          type: string
          nullable: true
          readOnly: true
          default: none
"##);
    let models = emitted(&api, "models.rs");
    for expected in [
        "    /// When the last message arrived.\n    ///\n    /// JSON: `latestMessageTimestamp`, required.\n",
        "    /// JSON: `closedAt`, required, nullable.\n    #[serde(rename = \"closedAt\")]\n",
        "    /// Read-only: set by the server; never required in a request.\n    ///\n    /// Default when absent: `\"none\"`.\n    ///\n    /// JSON: `subject`, optional, nullable.\n",
    ] {
        assert!(models.contains(expected), "{expected}\n{models}");
    }
}
