//! Lists the hand-written runtime (`generated-client/src/runtime/`) for `codegen::runtime`: every
//! file of that folder is embedded, so a `cargo xtask generate` crate carries exactly the runtime
//! `generated-client` compiles. The build fails if a file is not declared in the runtime's
//! `mod.rs` (it would ship without being compiled) or if the folder has a subfolder. It also lists
//! the methods the runtime's `Client` and `MockApi` have (`build/methods.rs`), so generating
//! never has to parse the runtime.

#[path = "build/methods.rs"]
mod methods;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let runtime = Path::new(&manifest).join("../generated-client/src/runtime");
    println!("cargo:rerun-if-changed={}", runtime.display());
    let mod_rs = fs::read_to_string(runtime.join("mod.rs"))
        .unwrap_or_else(|e| panic!("reading {}/mod.rs: {e}", runtime.display()));
    let mut names = Vec::new();
    for entry in fs::read_dir(&runtime).expect("the runtime folder is readable") {
        let path = entry.expect("a runtime folder entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("runtime file names are UTF-8")
            .to_owned();
        assert!(
            path.is_file() && name.ends_with(".rs"),
            "{}: the runtime is one folder of .rs files; generated crates would not carry this",
            path.display()
        );
        let module = name.trim_end_matches(".rs");
        let declaration = format!("mod {module};");
        let declared = mod_rs.lines().any(|l| {
            let l = l.trim();
            let unqualified = l
                .strip_prefix("pub(crate) ")
                .or(l.strip_prefix("pub "))
                .unwrap_or(l);
            unqualified == declaration
        });
        assert!(
            name == "mod.rs" || declared,
            "{}: not declared in the runtime's mod.rs, so it would ship uncompiled",
            path.display()
        );
        names.push(name);
    }
    names.sort();
    let mut out = String::from(
        "/// The runtime's source files, by path inside a generated crate, sorted (listed by\n\
         /// `codegen/build.rs` from `generated-client/src/runtime/`).\n\
         pub(crate) const FILES: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        let file = runtime.join(name);
        let file = file.to_str().expect("the runtime path is UTF-8");
        writeln!(out, "    (\"src/runtime/{name}\", include_str!({file:?})),").unwrap();
    }
    out.push_str("];\n");
    let mut client = BTreeSet::new();
    let mut mock = BTreeSet::new();
    for name in &names {
        let path = runtime.join(name);
        let source =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        let file = syn::parse_file(&source)
            .unwrap_or_else(|e| panic!("{}: the runtime is valid Rust: {e}", path.display()));
        methods::methods_of(&file.items, "Client", &mut client);
        methods::methods_of(&file.items, "MockApi", &mut mock);
    }
    for (constant, methods, of) in [
        ("CLIENT_METHODS", &client, "`Client`"),
        ("MOCK_METHODS", &mock, "`MockApi`"),
    ] {
        writeln!(
            out,
            "/// Every method the runtime's {of} has (any visibility, trait and derived ones too).\n\
             pub(crate) const {constant}: &[&str] = &{:?};",
            methods.iter().collect::<Vec<_>>()
        )
        .unwrap();
    }
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("runtime_files.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
