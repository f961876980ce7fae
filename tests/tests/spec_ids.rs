//! The vendored spec marks every id parameter with `x-id`, so each one takes the id type of its
//! kind: a parameter named like an id (`…Id`, `…Ids`) that is left a plain integer or string
//! is the "an inbox id fits anywhere an `i32` does" trap the typed ids exist to close.

use codegen::ir::{Api, TypeKind, TypeRef};

fn is_id(api: &Api, ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Named(name) => {
            matches!(api.types.get(name).map(|d| &d.kind), Some(TypeKind::Id(_)))
        }
        TypeRef::List(item) => is_id(api, item),
        _ => false,
    }
}

#[test]
fn every_parameter_named_like_an_id_takes_an_id_type() {
    let spec =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/hubspot-conversations.yaml");
    let api = codegen::load_api(&spec).unwrap();
    let plain: Vec<String> = api
        .operations
        .iter()
        .flat_map(|op| op.params.iter().map(move |p| (op, p)))
        .filter(|(_, p)| p.wire_name.ends_with("Id") || p.wire_name.ends_with("Ids"))
        .filter(|(_, p)| !is_id(&api, &p.ty))
        .map(|(op, p)| format!("{} {}: {:?}", op.id, p.wire_name, p.ty))
        .collect();
    assert!(plain.is_empty(), "id parameters without `x-id`: {plain:#?}");
}
