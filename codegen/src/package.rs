//! A self-contained crate for any spec: `Cargo.toml`, `src/lib.rs`, the hand-written runtime
//! ([`crate::runtime::FILES`], so every generated crate carries the same tested code) and the
//! generated modules.

use crate::header::{header, Comment, Provenance};
use crate::GeneratedFile;

/// Features and dependencies of a generated crate: the runtime's, at the versions this workspace
/// tests, with the same features as `generated-client` (the runtime's `tls.rs` reads them), and
/// the test support behind `testing`.
const DEPENDENCIES: &str = r#"rustls = ["reqwest/rustls", "dep:webpki-root-certs"]
rustls-native-roots = ["reqwest/rustls"]
native-tls = ["reqwest/native-tls"]
http2 = ["reqwest/http2"]
gzip = ["reqwest/gzip"]
# Test support for downstream crates: the `testing` module (a mock server on wiremock).
testing = ["dep:wiremock"]

[dependencies]
bytes = "1"
form_urlencoded = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
futures = { version = "0.3", default-features = false, features = ["std", "async-await"] }
http = "1"
percent-encoding = "2"
reqwest = { version = "0.13", default-features = false }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
serde_path_to_error = "0.1"
thiserror = "2"
tokio = { version = "1", features = ["time", "sync"] }
tracing = { version = "0.1", default-features = false, features = ["std"] }
webpki-root-certs = { version = "1", optional = true }
wiremock = { version = "0.6", optional = true }

[dev-dependencies]
tokio = { version = "1", features = ["macros", "rt-multi-thread", "test-util"] }
"#;

/// The crate's own feature names and its optional dependencies' (which a tag feature must not
/// take): `default`, the runtime's `form` and `multipart`, and every feature and dependency
/// [`DEPENDENCIES`] declares.
pub(crate) fn own_features() -> std::collections::BTreeSet<String> {
    let (features, dependencies) = DEPENDENCIES
        .split_once("[dependencies]")
        .expect("DEPENDENCIES lists features, then dependencies");
    let name = |line: &str| line.split_once(" = ").map(|(n, _)| n.trim().to_owned());
    let declared = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .filter_map(name)
            .collect()
    };
    let mut own: std::collections::BTreeSet<String> = ["default", "form", "multipart"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    own.extend(declared(features));
    own.extend(declared(dependencies));
    own
}

/// Names cargo refuses for a package: Rust keywords (strict, reserved and weak), the built-in
/// crates and the names of cargo's own output folders.
const RESERVED_CRATE_NAMES: &[&str] = &[
    "Self",
    "abstract",
    "alloc",
    "as",
    "async",
    "await",
    "become",
    "box",
    "break",
    "build",
    "const",
    "continue",
    "core",
    "crate",
    "deps",
    "do",
    "dyn",
    "else",
    "enum",
    "examples",
    "extern",
    "false",
    "final",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "incremental",
    "let",
    "loop",
    "macro",
    "match",
    "mod",
    "move",
    "mut",
    "override",
    "priv",
    "proc-macro",
    "proc_macro",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "std",
    "struct",
    "super",
    "test",
    "trait",
    "true",
    "try",
    "type",
    "typeof",
    "unsafe",
    "unsized",
    "use",
    "virtual",
    "where",
    "while",
    "yield",
];

/// Windows device names, reserved whatever their case.
const WINDOWS_DEVICES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Checks `name` against cargo's rules for a package name; the error names the rule broken.
pub(crate) fn check_crate_name(name: &str) -> Result<(), String> {
    let Some(first) = name.chars().next() else {
        return Err("it is empty".to_owned());
    };
    if name.len() > 64 {
        return Err(format!(
            "it has {} bytes; cargo allows at most 64",
            name.len()
        ));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if let Some(c) = name.chars().find(|c| !allowed(*c)) {
        let shown = if c.is_ascii_graphic() || c == ' ' {
            c.to_string()
        } else {
            c.escape_unicode().to_string()
        };
        return Err(format!(
            "`{shown}` is not allowed: only ASCII letters, digits, `-` and `_`"
        ));
    }
    if first.is_ascii_digit() {
        return Err("it starts with a digit".to_owned());
    }
    if RESERVED_CRATE_NAMES.contains(&name)
        || WINDOWS_DEVICES.contains(&name.to_ascii_lowercase().as_str())
    {
        return Err(format!(
            "`{name}` is reserved (a Rust keyword, a built-in crate, or a cargo or Windows name)"
        ));
    }
    Ok(())
}

/// What the crate around the generated modules depends on besides its name and description.
pub(crate) struct Facts<'a> {
    /// Where the crate comes from, for the headers.
    pub provenance: &'a Provenance,
    /// The runtime's optional features the operations need.
    pub features: &'a [&'a str],
    /// How deeply the generated types nest (`resolve::nesting_depth`).
    pub nesting_depth: usize,
    /// Split by tag: each tag feature with the runtime features it turns on.
    pub tags: Option<&'a [(&'a str, Vec<&'static str>)]>,
}

/// Chains of nested types longer than this raise the crate's recursion limit.
const DEFAULT_DEPTH_ROOM: usize = 48;

/// The `#![recursion_limit]` a crate whose types nest `depth` deep needs, when the compiler's
/// default (128) might not do: checking how a value is dropped walks the whole chain, and the
/// derives add a few levels of their own.
fn recursion_limit(depth: usize) -> Option<usize> {
    (depth > DEFAULT_DEPTH_ROOM).then(|| 128 + 2 * depth)
}

/// Wraps the generated module files into a complete crate named `crate_name`.
pub(crate) fn package(
    crate_name: &str,
    description: &str,
    facts: &Facts<'_>,
    generated: Vec<GeneratedFile>,
) -> Vec<GeneratedFile> {
    let (provenance, features) = (facts.provenance, facts.features);
    let webhooks = generated.iter().any(|file| file.path == "webhooks.rs");
    let mut files = vec![
        GeneratedFile {
            path: "Cargo.toml".to_owned(),
            contents: manifest(crate_name, description, provenance, features, facts.tags),
        },
        GeneratedFile {
            path: "src/lib.rs".to_owned(),
            contents: lib_rs(
                description,
                provenance,
                recursion_limit(facts.nesting_depth),
                facts.tags,
                webhooks,
            ),
        },
    ];
    files.extend(
        crate::runtime::FILES
            .iter()
            .map(|(path, contents)| GeneratedFile {
                path: (*path).to_owned(),
                contents: (*contents).to_owned(),
            }),
    );
    files.extend(generated.into_iter().map(|file| GeneratedFile {
        path: format!("src/generated/{}", file.path),
        contents: file.contents,
    }));
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The manifest: the runtime's optional features (`form`, `multipart`) declared, those the
/// spec's operations need on by default; split by tag, the tag features.
fn manifest(
    crate_name: &str,
    description: &str,
    provenance: &Provenance,
    features: &[&str],
    tags: Option<&[(&str, Vec<&'static str>)]>,
) -> String {
    let defaults: Vec<String> = std::iter::once("rustls")
        .chain(features.iter().copied())
        .map(|f| format!("\"{f}\""))
        .collect();
    let description = toml_basic_string(description);
    format!(
        "{}\
         [package]\n\
         name = \"{crate_name}\"\n\
         version = \"0.1.0\"\n\
         edition = \"2021\"\n\
         rust-version = \"1.86\"\n\
         description = {description}\n\
         publish = false\n\n\
         [features]\n\
         default = [{}]\n\
         form = []\n\
         multipart = []\n\
         {}{DEPENDENCIES}\n\
         # A standalone crate, even when generated inside another workspace.\n\
         [workspace]\n",
        header(provenance, Comment::Toml),
        defaults.join(", "),
        tags.map(tag_features).unwrap_or_default()
    )
}

/// The `[features]` lines of a crate split by tag: `full` enabling every tag, then each tag's
/// feature turning on the runtime features its operations need.
fn tag_features(tags: &[(&str, Vec<&'static str>)]) -> String {
    let quoted = |names: &mut dyn Iterator<Item = &str>| {
        names
            .map(|n| format!("\"{n}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let all = quoted(&mut tags.iter().map(|(f, _)| *f));
    let mut out = format!(
        "# One feature per operation tag (none on by default), `{}` for all of them and the types\n\
         # no operation uses.\n{} = [{all}]\n",
        crate::emit::features::ALL,
        crate::emit::features::ALL
    );
    for (feature, runtime) in tags {
        let runtime = quoted(&mut runtime.iter().copied());
        out.push_str(&format!("{feature} = [{runtime}]\n"));
    }
    out
}

/// `text` as a TOML basic string, quotes included: `"` and `\\` escaped, control characters (and
/// bidirectional controls, which TOML allows but which hide text) as escapes.
fn toml_basic_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || crate::header::is_bidi_control(c) => {
                out.push_str(&format!("\\u{:04X}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `lib.rs`: the crate docs (the description, [`crate::emit::docs::clean`]ed so no line break
/// can end the comment), the recursion limit deep types need, and the modules (`webhooks` when
/// the API has any).
fn lib_rs(
    description: &str,
    provenance: &Provenance,
    recursion_limit: Option<usize>,
    tags: Option<&[(&str, Vec<&'static str>)]>,
    webhooks: bool,
) -> String {
    let (limit_docs, limit) = recursion_limit
        .map(|n| {
            (
                format!(
                    "//!\n//! Its types nest deeper than rustc checks by default (128): a crate that drops\n\
                     //! them needs `#![recursion_limit = \"{n}\"]` in its root too, as this one has.\n"
                ),
                format!("#![recursion_limit = \"{n}\"]\n"),
            )
        })
        .unwrap_or_default();
    let docs: String = crate::emit::docs::clean(description)
        .lines()
        .map(|l| format!("//! {l}\n").replace("//! \n", "//!\n"))
        .collect();
    format!(
        "{}{docs}//!\n\
         //! Models are in [`models`], one request builder per operation in [`operations`]; create a\n\
         //! [`Client`] with [`Auth`] and call the operations as methods on it. API-key schemes have\n\
         //! one constant each in [`security`], for [`Auth::api_key`]. With the `testing` feature,\n\
         //! `testing::MockApi` serves typed answers to the client in tests.\n\
         {}{limit_docs}\
         #![deny(missing_docs)]\n\
         {limit}\n\
         #[rustfmt::skip]\n\
         mod generated;\n\
         pub mod runtime;\n\n\
         pub use generated::{{models, operations, security, API_VERSION, DEFAULT_BASE_URL}};\n\
         #[cfg(feature = \"testing\")]\n\
         pub use generated::testing;\n\
         {}\
         pub use runtime::{{Auth, Client, ClientBuilder, Error}};\n\n\
         // Crates whose types appear in this crate's API, so callers need no matching dependency.\n\
         pub use {{bytes, chrono, http, reqwest, serde_json}};\n",
        header(provenance, Comment::Rust),
        tags.map(tag_docs).unwrap_or_default(),
        if webhooks {
            "pub use generated::webhooks;\n"
        } else {
            ""
        },
    )
}

/// The crate docs' paragraph on its tag features.
fn tag_docs(tags: &[(&str, Vec<&'static str>)]) -> String {
    use crate::emit::features::{ALL, UNTAGGED};
    let listed: Vec<String> = tags.iter().map(|(f, _)| format!("`{f}`")).collect();
    let example = tags.first().map_or(ALL, |(f, _)| f);
    // The list wrapped at about 100 columns (GitHub's spec has 47 tags).
    let mut lines: Vec<String> = vec![String::new()];
    for (i, feature) in listed.iter().enumerate() {
        let separator = if i + 1 == listed.len() { "." } else { "," };
        if lines
            .last()
            .is_some_and(|l| !l.is_empty() && l.len() + feature.len() > 90)
        {
            lines.push(String::new());
        }
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(feature);
        line.push_str(separator);
    }
    let mut text = format!(
        "//!\n//! # Features by tag\n//!\n\
         //! Each operation tag has a cargo feature compiling its operations and the models they use\n\
         //! (a model several tags use compiles with any of them; an operation with several tags too):\n\
         {}",
        lines.iter().map(|l| format!("//! {l}\n")).collect::<String>()
    );
    if tags.iter().any(|(f, _)| *f == UNTAGGED) {
        text.push_str(&format!(
            "//! `{UNTAGGED}` holds the operations without a tag.\n"
        ));
    }
    text.push_str(&format!(
        "//! `{ALL}` enables every tag and the models no operation uses. `default` enables none, so\n\
         //! that a build compiles only what it asks for: depend on this crate with\n\
         //! `features = [\"{example}\"]` (the default TLS stays on).\n"
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_types_raise_the_recursion_limit_in_lib_rs() {
        let provenance = Provenance {
            spec: "demo.yaml".into(),
            command: crate::header::GENERATE_COMMAND.into(),
        };
        let lib = |nesting_depth| {
            let facts = Facts {
                provenance: &provenance,
                features: &[],
                nesting_depth,
                tags: None,
            };
            let files = package("demo", "Demo", &facts, Vec::new());
            files
                .into_iter()
                .find(|f| f.path == "src/lib.rs")
                .unwrap()
                .contents
        };
        assert!(!lib(DEFAULT_DEPTH_ROOM).contains("recursion_limit"));
        // A ring of 200 types overflowed the default limit of 128 while checking drops.
        let deep = lib(200);
        assert!(deep.contains("\n#![recursion_limit = \"528\"]\n"), "{deep}");
        assert!(
            deep.contains("a crate that drops\n//! them needs `#![recursion_limit = \"528\"]`"),
            "{deep}"
        );
    }

    #[test]
    fn packages_runtime_and_generated_files_sorted() {
        let generated = vec![GeneratedFile {
            path: "mod.rs".into(),
            contents: "// m\n".into(),
        }];
        let provenance = Provenance {
            spec: "demo.yaml".into(),
            command: crate::header::GENERATE_COMMAND.into(),
        };
        let facts = Facts {
            provenance: &provenance,
            features: &["multipart"],
            nesting_depth: 3,
            tags: None,
        };
        let files = package("demo-client", "Demo \"API\"", &facts, generated);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(paths.windows(2).all(|w| w[0] < w[1]), "{paths:?}");
        assert!(paths.contains(&"src/generated/mod.rs"));
        assert!(paths.contains(&"src/runtime/client.rs"));
        let manifest = &files[0];
        assert_eq!(manifest.path, "Cargo.toml");
        assert!(manifest.contents.contains("name = \"demo-client\""));
        assert!(manifest
            .contents
            .contains("description = \"Demo \\\"API\\\"\""));
        assert!(manifest.contents.contains("[workspace]"));
        assert!(manifest
            .contents
            .contains("[features]\ndefault = [\"rustls\", \"multipart\"]\nform = []\nmultipart = []\nrustls = "));
        assert!(manifest
            .contents
            .contains("wiremock = { version = \"0.6\", optional = true }"));
        assert!(manifest.contents.contains("testing = [\"dep:wiremock\"]"));
        assert!(manifest.contents.starts_with(crate::header::CRATE_MARKER));
        let lib = files.iter().find(|f| f.path == "src/lib.rs").unwrap();
        assert!(lib
            .contents
            .starts_with("// @generated by `cargo xtask generate` from `demo.yaml`."));
        assert!(lib
            .contents
            .contains("#[cfg(feature = \"testing\")]\npub use generated::testing;\n"));
    }

    /// A generated crate offers `generated-client`'s TLS, HTTP/2, gzip and testing features (the
    /// runtime's `tls.rs` and `mock.rs` read them), its reqwest and its MSRV.
    #[test]
    fn features_reqwest_and_msrv_are_generated_clients() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
        let (client, workspace) = (read("generated-client/Cargo.toml"), read("Cargo.toml"));
        let features = DEPENDENCIES.split("[dependencies]").next().unwrap();
        let lines = features
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for line in lines {
            assert!(
                client.lines().any(|l| l == line),
                "generated-client/Cargo.toml lacks `{line}`"
            );
        }
        let reqwest = |manifest: &str| {
            let line = manifest.lines().find(|l| l.starts_with("reqwest = "));
            line.unwrap().to_owned()
        };
        assert_eq!(reqwest(DEPENDENCIES), reqwest(&workspace));
        let msrv = client.lines().find(|l| l.starts_with("rust-version = "));
        let provenance = Provenance {
            spec: "demo.yaml".into(),
            command: crate::header::GENERATE_COMMAND.into(),
        };
        let ours = manifest("demo", "Demo", &provenance, &[], None);
        assert!(ours.lines().any(|l| Some(l) == msrv), "{msrv:?}\n{ours}");
    }

    /// Split by tag, the manifest declares `full` (every tag) and one feature per tag turning on
    /// the runtime features its operations need; `default` enables no tag; the crate docs say so.
    #[test]
    fn tag_features_in_the_manifest_and_the_crate_docs() {
        let provenance = Provenance {
            spec: "demo.yaml".into(),
            command: crate::header::GENERATE_COMMAND.into(),
        };
        let tags = [("pets", vec![]), ("store", vec!["form", "multipart"])];
        let facts = Facts {
            provenance: &provenance,
            features: &[],
            nesting_depth: 3,
            tags: Some(&tags),
        };
        let files = package("demo", "Demo", &facts, Vec::new());
        let manifest = &files[0].contents;
        assert!(
            manifest.contains(
                "default = [\"rustls\"]\nform = []\nmultipart = []\n# One feature per operation tag \
                 (none on by default), `full` for all of them and the types\n# no operation uses.\n\
                 full = [\"pets\", \"store\"]\npets = []\nstore = [\"form\", \"multipart\"]\nrustls = "
            ),
            "{manifest}"
        );
        let lib = files.iter().find(|f| f.path == "src/lib.rs").unwrap();
        assert!(
            lib.contents.contains("//! `pets`, `store`.\n"),
            "{}",
            lib.contents
        );
        assert!(
            lib.contents.contains("`features = [\"pets\"]`"),
            "{}",
            lib.contents
        );
        // A long list is wrapped.
        let many: Vec<String> = (0..40).map(|i| format!("tag-{i}")).collect();
        let many: Vec<(&str, Vec<&'static str>)> =
            many.iter().map(|f| (f.as_str(), Vec::new())).collect();
        let docs = tag_docs(&many);
        assert!(docs.lines().all(|l| l.len() <= 100), "{docs}");
        assert!(docs.contains("//! `tag-0`, `tag-1`,"), "{docs}");
        assert!(docs.contains(" `tag-39`.\n"), "{docs}");
    }

    /// Tag features never take a name the manifest already declares.
    #[test]
    fn own_features_are_every_declared_feature_and_optional_dependency() {
        let own = own_features();
        for name in [
            "default",
            "form",
            "multipart",
            "rustls",
            "rustls-native-roots",
            "native-tls",
            "http2",
            "gzip",
            "testing",
            "wiremock",
            "webpki-root-certs",
        ] {
            assert!(own.contains(name), "{name}: {own:?}");
        }
    }

    #[test]
    fn crate_names_follow_cargos_rules() {
        for name in ["demo", "demo-client", "my_api2", "a", &"a".repeat(64)] {
            assert_eq!(check_crate_name(name), Ok(()), "{name}");
        }
        let rule = |name: &str| check_crate_name(name).unwrap_err();
        assert!(rule("").contains("empty"));
        assert!(rule(&"a".repeat(65)).contains("at most 64"));
        assert!(rule("x\"\nbuild = \"evil.rs").contains("`\"`"));
        assert!(rule("caf\u{e9}").contains("ASCII letters, digits"));
        assert!(rule("9lives").contains("digit"));
        let reserved = [
            "test",
            "core",
            "std",
            "alloc",
            "proc_macro",
            "self",
            "fn",
            "Self",
            "con",
            "COM1",
            "build",
            "deps",
        ];
        for name in reserved {
            assert!(rule(name).contains("reserved"), "{name}");
        }
    }

    /// Names derived from any title pass the same rules.
    #[test]
    fn derived_crate_names_are_valid() {
        let long = "Word ".repeat(40);
        let titles = [
            "HubSpot Conversations",
            "",
            "  ",
            "3D",
            "test",
            "self",
            "Über API",
            long.as_str(),
            "x\"\nbuild = \"evil",
        ];
        for title in titles {
            let name = crate::naming::crate_name(title);
            assert_eq!(check_crate_name(&name), Ok(()), "{title:?} → {name}");
        }
    }
}
