//! Spec text that becomes doc comments: carriage returns, control characters and bidirectional
//! controls in titles, descriptions, summaries and wire names cannot break the generated code or
//! hide text in it.

use std::path::Path;

use crate::common::emit;

const SPEC: &str = r#"openapi: 3.0.3
info:
  title: "T\rx\u202Ey"
  version: "1\r2"
  description: "Line\rtwo\u2028three\u2066four\u0007five\r\nsix"
servers:
  - url: https://example.com
security:
  - key: []
paths:
  /items/{id}:
    get:
      operationId: getItem
      summary: "Get\ran \u202Eitem"
      description: "More\r\u2029text\u200F"
      parameters:
        - name: id
          in: path
          required: true
          description: "The\rid"
          schema: {type: string}
      responses:
        '200':
          description: "Found\r\u202D"
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Item'}
components:
  securitySchemes:
    key:
      type: apiKey
      in: header
      name: "X-Key"
      description: "Key\r\u2069desc"
  schemas:
    Item:
      type: object
      description: "An\ritem\u2067"
      required: [kind]
      properties:
        kind:
          type: string
          description: "Kind\r\u202A"
          enum: ["a\rb", "c\u202Ed"]
        pet:
          description: "Pet\r"
          oneOf:
            - {$ref: '#/components/schemas/Cat'}
            - {$ref: '#/components/schemas/Dog'}
          discriminator:
            propertyName: "pet\rType"
    Cat:
      type: object
      description: "Cat\r\u2066"
      properties:
        "pet\rType": {type: string}
    Dog:
      type: object
      properties:
        "pet\rType": {type: string}
"#;

/// Characters that must not reach generated source raw.
fn hidden(c: char) -> bool {
    c == '\r'
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
        || (c.is_control() && c != '\n')
}

#[test]
fn control_and_bidi_characters_in_spec_text_cannot_break_or_hide_generated_code() {
    let api = codegen::parse_api(Path::new("t.yaml"), SPEC).unwrap();
    let files = emit(&api);
    for file in &files {
        if let Some(c) = file.contents.chars().find(|c| hidden(*c)) {
            panic!("{} holds {:?}:\n{}", file.path, c, file.contents);
        }
        syn::parse_file(&file.contents)
            .unwrap_or_else(|e| panic!("{} does not parse: {e}\n{}", file.path, file.contents));
    }
    let root = &files.iter().find(|f| f.path == "mod.rs").unwrap().contents;
    assert!(root.contains("//! Line\n//! two\n//! three"), "{root}");
    assert!(root.contains("fourfive\n//! six"), "{root}");
}
