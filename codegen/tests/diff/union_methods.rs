//! Union conversions and accessors (`tests/fixtures/diff/union_methods/`): they follow from the
//! variants and from the variants' structs, so they change when another type does.

use super::*;

#[test]
fn union_conversions_and_accessors_follow_the_variants() {
    assert_changes(
        &case("union_methods"),
        &[
            // Every `Message` variant's `id` became an integer; the new `Ping` has no `createdAt`.
            ("type Chat", Kind::FieldRetyped, "id", Breaking),
            ("type Note", Kind::FieldRetyped, "id", Breaking),
            ("type Ping", Kind::TypeAdded, "", Additive),
            ("type Message", Kind::TaggedVariantAdded, "Ping", Additive),
            ("type Message", Kind::UnionAccessorRetyped, "id", Breaking),
            (
                "type Message",
                Kind::UnionAccessorRemoved,
                "created_at",
                Breaking,
            ),
            // Both `Shape` variants gained `color`.
            ("type Circle", Kind::RequestFieldAdded, "color", Breaking),
            ("type Square", Kind::RequestFieldAdded, "color", Breaking),
            ("type Shape", Kind::UnionAccessorAdded, "color", Additive),
            // `Label` held two strings, now one: `From<String>` is no longer ambiguous.
            ("type Label", Kind::VariantRemoved, "String2", Breaking),
            (
                "type Label",
                Kind::UntaggedVariantAdded,
                "DateTime",
                Breaking,
            ),
            (
                "type Label",
                Kind::UnionConversionAdded,
                "From<String>",
                Additive,
            ),
            // `Code` held a string and an integer, now two strings.
            ("type Code", Kind::VariantRemoved, "Integer", Breaking),
            ("type Code", Kind::UntaggedVariantAdded, "String2", Breaking),
            (
                "type Code",
                Kind::UnionConversionRemoved,
                "From<String>",
                Breaking,
            ),
        ],
        Some(Release::Major),
    );
}
