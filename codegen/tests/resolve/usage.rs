//! Where each type is used (`TypeDef::usage`): through lists, maps, unions, `allOf` parents and
//! recursion, from requests, responses or both.

use codegen::ir::{Api, Usage};

use crate::common::specs::USAGE as SPEC;
use crate::common::{api, def};

fn usage(api: &Api, name: &str) -> Usage {
    def(api, name).usage
}

const RESPONSE: Usage = Usage {
    request: false,
    response: true,
};

const REQUEST: Usage = Usage {
    request: true,
    response: false,
};

const BOTH: Usage = Usage {
    request: true,
    response: true,
};

const UNUSED: Usage = Usage {
    request: false,
    response: false,
};

#[test]
fn types_reached_only_from_responses_are_response_only() {
    let api = api(SPEC);
    // Through a list, an `allOf` child's own and inherited fields, a map, a union and its
    // variants, and a recursive type.
    for name in [
        "ThreadPage",
        "Thread",
        "Record",
        "Audit",
        "Label",
        "Node",
        "Actor",
        "AgentActor",
        "BotActor",
    ] {
        assert_eq!(usage(&api, name), RESPONSE, "{name}");
        assert!(usage(&api, name).response_only(), "{name}");
    }
    // An error body is a response too.
    assert_eq!(usage(&api, "Problem"), RESPONSE);
}

#[test]
fn types_reached_from_a_request_are_not_response_only() {
    let api = api(SPEC);
    // Sent and answered, with its `allOf` parent and what that parent holds.
    for name in ["ThreadUpdate", "Change", "Author"] {
        assert_eq!(usage(&api, name), BOTH, "{name}");
        assert!(!usage(&api, name).response_only(), "{name}");
    }
    // A query parameter's enum, also read in responses.
    assert_eq!(usage(&api, "Status"), BOTH);
    assert_eq!(usage(&api, "Unused"), UNUSED);
    assert!(!UNUSED.response_only());
}

#[test]
fn an_allof_parent_is_used_wherever_its_children_are() {
    // `Base` is only ever an `allOf` parent: of a request body and of a response.
    let spec = |request: &str| {
        format!(
            r##"paths:
  /x:
    post:
      operationId: send
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/{request}'
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Sent'
components:
  schemas:
    Base:
      type: object
      properties:
        id:
          type: string
    Sent:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            at:
              type: string
    Draft:
      allOf:
        - $ref: '#/components/schemas/Base'
        - type: object
          properties:
            text:
              type: string
    Other:
      type: object
      properties:
        text:
          type: string
"##
        )
    };
    let api_with_draft = api(&spec("Draft"));
    assert_eq!(usage(&api_with_draft, "Base"), BOTH);
    assert_eq!(usage(&api_with_draft, "Draft"), REQUEST);
    let api_with_other = api(&spec("Other"));
    assert_eq!(usage(&api_with_other, "Base"), RESPONSE);
    assert_eq!(usage(&api_with_other, "Draft"), UNUSED);
}
