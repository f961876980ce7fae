//! `codegen::generate_crate`'s manifest and `lib.rs` when the spec's title and version carry
//! quotes, newlines and control characters: cargo reads exactly the keys generation meant, and
//! the crate docs stay comments.

use std::path::PathBuf;
use std::process::Command;

use codegen::ownership::{write_crate, Edited};

/// A scratch folder, removed on drop.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const TITLE: &str = "Evil\\\"\\nbuild = \\\"evil.rs\\\"\\n[lib]\\npath = \\\"x\\\\\\\\y\\\"\\r\\t\\u0007 \\u202E API";

#[test]
fn a_title_with_newlines_and_quotes_cannot_add_manifest_keys() {
    let scratch =
        Scratch(std::env::temp_dir().join(format!("codegen-package-{}", std::process::id())));
    let _ = std::fs::remove_dir_all(&scratch.0);
    std::fs::create_dir_all(&scratch.0).unwrap();
    let spec = scratch.0.join("api.yaml");
    let text = format!(
        "openapi: 3.0.3\ninfo:\n  title: \"{TITLE}\"\n  version: \"1\\\"\\n[x]\"\n\
         paths:\n  /ping:\n    get:\n      operationId: ping\n      responses:\n        '204':\n          description: ok\n"
    );
    std::fs::write(&spec, text).unwrap();
    let files = codegen::generate_crate(&spec, &Default::default())
        .unwrap()
        .files;
    let out = scratch.0.join("crate");
    write_crate(&out, &files, Edited::Refuse).unwrap();

    let output = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--offline",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(out.join("Cargo.toml"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("unused manifest key"), "{stderr}");
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let package = &metadata["packages"][0];
    let title = "Evil\"\nbuild = \"evil.rs\"\n[lib]\npath = \"x\\\\y\"\r\t\u{7} \u{202E} API";
    assert_eq!(
        package["description"],
        format!("Typed async client for {title} 1\"\n[x], generated from its OpenAPI spec.")
    );
    let name = package["name"].as_str().unwrap();
    assert!(name.starts_with("evil-build-evil-rs"), "{name}");
    let targets = package["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 1, "{targets:?}");
    assert_eq!(targets[0]["kind"], serde_json::json!(["lib"]));
    assert!(targets[0]["src_path"]
        .as_str()
        .unwrap()
        .ends_with("src/lib.rs"));
    let mut features: Vec<&str> = package["features"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    features.sort_unstable();
    assert_eq!(
        features,
        [
            "default",
            "form",
            "gzip",
            "http2",
            "multipart",
            "native-tls",
            "rustls",
            "rustls-native-roots",
            "testing"
        ]
    );

    for file in files.iter().filter(|f| f.path.ends_with(".rs")) {
        syn::parse_file(&file.contents)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{}", file.path, file.contents));
    }
    let lib = files.iter().find(|f| f.path == "src/lib.rs").unwrap();
    assert!(!lib.contents.contains('\r') && !lib.contents.contains('\u{202E}'));
    let code: Vec<&str> = lib
        .contents
        .lines()
        .filter(|l| !l.starts_with("//") && !l.is_empty())
        .collect();
    assert!(code.iter().all(|l| !l.contains("evil")), "{code:?}");
}
