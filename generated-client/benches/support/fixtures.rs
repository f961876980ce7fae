//! The test fixtures (`tests/fixtures/models/`) as written: keys in HubSpot's order, a union's
//! `type` first.

use std::path::Path;

/// The fixture `<dir>/<file>` on one line, as compact as HubSpot's own bodies.
pub fn fixture(dir: &str, file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/models")
        .join(dir)
        .join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines().map(str::trim).collect()
}
