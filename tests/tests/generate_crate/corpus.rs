//! The adversarial spec corpus (issue 14): each case is a spec written by this file (the
//! resolver's explosive shapes come from `codegen/benches/support/adversarial.rs`) and its
//! expected outcome: a crate that compiles without warnings and passes its smoke test, or one
//! located problem.

use super::shapes;

/// What generating a case must give.
pub enum Expect {
    /// A crate that compiles without warnings and passes `smoke`, its `tests/smoke.rs`.
    Crate { smoke: String },
    /// A located problem: its JSON pointer, and a part of its message.
    Problem {
        pointer: &'static str,
        message: &'static str,
    },
}

/// One spec of the corpus.
pub struct Case {
    /// The crate's name (and the spec file's stem).
    pub name: &'static str,
    /// The spec, YAML.
    pub spec: String,
    pub expect: Expect,
}

/// Every case of the corpus.
pub fn cases() -> Vec<Case> {
    let mut cases = vec![explosive_shapes(), hostile_text()];
    cases.extend(bad_path_templates());
    cases.push(Case {
        name: "corpus-deep-all-of",
        // 200 levels copy 20,000 properties into their descendants: past the budget.
        spec: shapes::all_of_chain(200),
        expect: Expect::Problem {
            pointer: "#/components/schemas/S",
            message: "expected shallower `allOf` inheritance",
        },
    });
    cases.push(Case {
        name: "corpus-alias-cycle",
        spec: shapes::alias_chain(100).replace(
            "    S100:\n      type: object\n      properties:\n        base: {type: string}\n",
            "    S100:\n      $ref: '#/components/schemas/S0'\n",
        ),
        expect: Expect::Problem {
            pointer: "#/components/schemas/S",
            message: "leads back to itself",
        },
    });
    cases
}

/// A Rust test file that starts with what every smoke test uses: the crate's `Client` built
/// with a base URL, and a JSON round trip that checks both directions.
fn smoke(krate: &str, tests: &str) -> String {
    format!(
        r#"//! Smoke test of a generated corpus crate: a client with a base URL, models built with
//! their generated constructors and setters, JSON round trips.

use {krate}::{{models, Auth, Client}};
use serde_json::json;

fn round_trip<T>(value: T, wire: serde_json::Value)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{{
    assert_eq!(serde_json::to_value(&value).unwrap(), wire);
    assert_eq!(serde_json::from_value::<T>(wire).unwrap(), value);
}}

#[test]
fn a_client_takes_a_base_url() {{
    let client = Client::new(Auth::none()).with_base_url("http://127.0.0.1:9/api");
    assert!(client.base_url().starts_with("http://127.0.0.1:9/api"), "{{}}", client.base_url());
}}
{tests}"#
    )
}

/// The resolver's explosive shapes in one spec, at sizes that took minutes or overflowed before
/// the fix and that still compile in seconds: a 200-alias chain, 25 levels of `allOf` naming its
/// parent twice, a 40-level `allOf` chain, a 200-object ring (one box, so the other 199 structs
/// nest inline: rustc's layout and drop check walk all of them, past their default depth limit
/// of 128, so the crate raises `recursion_limit`), 200 keys with one Rust name.
fn explosive_shapes() -> Case {
    let tests = r##"
#[test]
fn the_end_of_an_alias_chain_is_its_first_alias() {
    round_trip(models::A0::new().with_base("b"), json!({"base": "b"}));
    let _: models::A200 = models::A0::new();
}

#[test]
fn allof_twice_has_every_ancestor_field_once() {
    let value = models::T0::new().with_base("b").with_f24("x").with_f0("y");
    round_trip(value, json!({"base": "b", "f24": "x", "f0": "y"}));
    round_trip(models::T24::new().with_f24("z"), json!({"f24": "z"}));
}

#[test]
fn an_allof_chain_is_flattened() {
    let value = models::C0::new().with_base("b").with_f39("x").with_f0("y");
    round_trip(value, json!({"base": "b", "f39": "x", "f0": "y"}));
}

#[test]
fn a_ring_of_objects_nests() {
    let value = models::R0::new().with_next(models::R1::new().with_next(models::R2::new()));
    round_trip(value, json!({"next": {"next": {}}}));
    round_trip(models::R199::new().with_next(models::R0::new()), json!({"next": {}}));
}

#[test]
fn colliding_names_are_distinct_types() {
    round_trip(models::N0::new().with_a("x"), json!({"a": "x"}));
}
"##;
    Case {
        name: "corpus-shapes",
        spec: shapes::all_shapes(200, 25, 40, 200, 200),
        expect: Expect::Crate {
            smoke: smoke("corpus_shapes", tests),
        },
    }
}

/// Methods of the runtime's `Client` and `ClientBuilder`, public and private: operations with
/// these ids must get other names.
const CLIENT_METHODS: &[&str] = &[
    "attempt",
    "base_url",
    "build",
    "builder",
    "clone",
    "connect_timeout",
    "cookie",
    "default_header",
    "execute",
    "execute_with_retries",
    "http_client",
    "missing_credentials",
    "new",
    "pacing",
    "rate_limit",
    "request",
    "retry",
    "timeout",
    "user_agent",
    "wait_for_limits",
    "with_base_url",
];

/// Rust keywords (strict, reserved and weak) and prelude names, as operation ids.
const KEYWORDS: &[&str] = &[
    "type", "fn", "async", "await", "self", "Self", "crate", "super", "try", "gen", "dyn", "loop",
    "union", "Some", "None", "Ok", "Err", "Default", "Into",
];

/// Text that could end a comment, a string or a line in generated source, in every place the
/// spec's text reaches it: the title, version, descriptions and summaries, property names, enum
/// values and paths (`*/`, `"`, `#`, lone CR, bidi controls); operation ids that are the client's
/// own methods or keywords; schemas named like keywords and prelude types.
fn hostile_text() -> Case {
    let mut spec = String::from(HOSTILE);
    for name in CLIENT_METHODS.iter().chain(KEYWORDS) {
        spec.push_str(&format!(
            "  /ops/{name}:\n    get:\n      operationId: {name}\n      responses:\n        '204':\n          description: \"No content */\\r\"\n"
        ));
    }
    spec.push_str(HOSTILE_COMPONENTS);
    let tests = r##"
#[test]
fn names_from_hostile_text_round_trip() {
    let mut weird = models::Weird::new("closed", 7);
    weird.hash = Some("#".to_owned());
    weird.type_ = Some("t".to_owned());
    weird.self_2 = Some("S".to_owned());
    weird.kind = Some(models::Kind::from("line\rbreak"));
    round_trip(
        weird,
        json!({"*/": "closed", "a\"b": 7, "#hash": "#", "type": "t", "Self": "S", "kind": "line\rbreak"}),
    );
}

#[test]
fn enum_values_with_comment_and_control_text_keep_their_wire_form() {
    for wire in ["end\r*/ here", "*/", "a\"b", "#", "\r", "\u{202e}", "self", "Self", ""] {
        let kind = models::Kind::from(wire);
        assert_eq!(kind.as_str(), wire);
        assert!(!matches!(kind, models::Kind::Unknown(_)), "{wire:?}");
        round_trip(kind, json!(wire));
    }
    round_trip(models::Kind::from("new"), json!("new"));
}

#[test]
fn schemas_named_like_keywords_and_prelude_types_build() {
    let value = models::Type::new("f")
        .with_option(models::Option::new().with_a("o"))
        .with_result(models::Result::new());
    round_trip(value, json!({"fn": "f", "Option": {"a": "o"}, "Result": {}}));
    round_trip(models::Some::new().with_a("s"), json!({"a": "s"}));
}
"##;
    Case {
        name: "corpus-hostile",
        spec,
        expect: Expect::Crate {
            smoke: smoke("corpus_hostile", tests),
        },
    }
}

const HOSTILE: &str = r##"openapi: 3.0.3
info:
  title: "Hostile */ \"text\" # \r and \u202E bidi"
  version: "1\r*/"
  description: "Ends a comment */ opens one /* and a doc `#[doc = \"x\"]` \r lone CR \u2066 isolate \u202E override"
paths:
  "/items/{id}/quote\"d/star*/hash#":
    get:
      operationId: getItem
      summary: "Runs */ and \"quotes\" # hash\rCR"
      description: "\u202Eevil\u2069 bidi, `*/` closes a comment /*"
      parameters:
        - name: id
          in: path
          required: true
          description: "The id */ \r"
          schema: {type: string}
        - name: type
          in: query
          schema: {type: string}
        - name: self
          in: query
          schema: {type: string}
        - name: "x*/y\"z#"
          in: query
          description: "\"*/#\r"
          schema: {type: string}
      responses:
        '200':
          description: "OK */ \r \u202E"
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Weird'}
  /keywords:
    post:
      operationId: match
      requestBody:
        required: true
        content:
          application/json:
            schema: {$ref: '#/components/schemas/type'}
      responses:
        '200':
          description: "Kinds \u2067"
          content:
            application/json:
              schema:
                type: array
                items: {$ref: '#/components/schemas/Kind'}
"##;

const HOSTILE_COMPONENTS: &str = r##"components:
  schemas:
    Weird:
      type: object
      description: "*/ \" # \r \u202E /** doc"
      required: ["*/", "a\"b"]
      properties:
        "*/": {type: string, description: "closes */"}
        "a\"b": {type: integer}
        "#hash": {type: string}
        "type": {type: string}
        "self": {type: string}
        "Self": {type: string}
        "crate": {type: string}
        "super": {type: string}
        "r#type": {type: string}
        "fn": {type: string}
        "async": {type: string}
        kind: {$ref: '#/components/schemas/Kind'}
        some: {$ref: '#/components/schemas/Some'}
    Kind:
      type: string
      description: "Values with */ and \r in them."
      enum: ["end\r*/ here", "*/", "a\"b", "#", "\r", "line\rbreak", "\u202E", "self", "Self", "type", "", "Unknown"]
    type:
      type: object
      required: [fn]
      properties:
        fn: {type: string}
        Option: {$ref: '#/components/schemas/Option'}
        Result: {$ref: '#/components/schemas/Result'}
    Self: {type: object, properties: {a: {type: string}}}
    fn: {type: object, properties: {a: {type: string}}}
    crate: {type: object, properties: {a: {type: string}}}
    super: {type: object, properties: {a: {type: string}}}
    Option: {type: object, properties: {a: {type: string}}}
    Result: {type: object, properties: {a: {type: string}}}
    String: {type: object, properties: {a: {type: string}}}
    Vec: {type: object, properties: {a: {type: string}}}
    Box: {type: object, properties: {a: {type: string}}}
    Some: {type: object, properties: {a: {type: string}}}
    None: {type: object, properties: {a: {type: string}}}
    Ok: {type: object, properties: {a: {type: string}}}
    Err: {type: object, properties: {a: {type: string}}}
    Default: {type: object, properties: {a: {type: string}}}
    Clone: {type: object, properties: {a: {type: string}}}
"##;

/// Path templates with stray, unclosed, empty or doubled braces: each a located problem at its
/// path item, never a crate whose requests go somewhere else.
fn bad_path_templates() -> Vec<Case> {
    let template = |name, path: &str, pointer, message| {
        Case {
        name,
        spec: format!(
            "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\npaths:\n  '{path}':\n    get:\n      operationId: op\n      responses:\n        '204':\n          description: none\n"
        ),
        expect: Expect::Problem { pointer, message },
    }
    };
    vec![
        template(
            "corpus-unclosed-brace",
            "/items/{id",
            "#/paths/~1items~1{id",
            "is never closed",
        ),
        template(
            "corpus-stray-brace",
            "/items/id}",
            "#/paths/~1items~1id}",
            "without a `{`",
        ),
        template(
            "corpus-empty-placeholder",
            "/items/{}",
            "#/paths/~1items~1{}",
            "empty or nested placeholder",
        ),
        template(
            "corpus-doubled-braces",
            "/items/{{id}}",
            "#/paths/~1items~1{{id}}",
            "empty or nested placeholder",
        ),
    ]
}
