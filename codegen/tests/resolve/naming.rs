//! Type and field names: collisions with components and after casing suffixed in spec order,
//! and the naming obstacle course (keywords, `Self`, leading digits, prelude names).

use codegen::ir::{Primitive, TypeKind, TypeRef};

use crate::common::specs::OBSTACLES;
use crate::common::{
    api, assert_valid_ident, assert_valid_type_name, def, field, named, rust_names, string_enum,
    structure, type_names, values, wire_names,
};

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
