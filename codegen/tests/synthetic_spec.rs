//! The scaling bench's synthetic spec is a valid spec that generates, with every copy's
//! operations and types present.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

use std::path::Path;

#[test]
fn a_scaled_spec_generates_every_copy() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let text = std::fs::read_to_string(root.join(codegen::vendored::SPEC)).unwrap();
    let spec = synthetic::scaled(&text, 3);
    assert_eq!(
        synthetic::operation_count(&spec),
        3 * synthetic::operation_count(&text)
    );
    let api = codegen::parse_api(Path::new("x3.yaml"), &spec).unwrap();
    let single = codegen::load_api(&root.join(codegen::vendored::SPEC)).unwrap();
    assert_eq!(api.operations.len(), 3 * single.operations.len());
    assert_eq!(api.types.len(), 3 * single.types.len());
    assert!(
        api.types.contains_key("ThreadCopy3"),
        "{:?}",
        api.types.keys()
    );
}
