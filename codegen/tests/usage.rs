//! Where each type is used (`TypeDef::usage`, settled by the resolver) and what the emitter makes
//! of it: response-only structs are `#[non_exhaustive]` with a `new` constructor, every other
//! struct stays exhaustive.

use codegen::ir::{Api, Usage};

mod common;

use common::{api, def, emitted};

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

fn models(api: &Api) -> String {
    emitted(api, "models.rs")
}

/// Text without whitespace and trailing commas, so assertions do not depend on prettyplease's
/// line breaking.
fn squash(text: &str) -> String {
    common::squash(text).replace(",)", ")").replace(",}", "}")
}

/// Whether the emitted struct `name` is `#[non_exhaustive]` and has a constructor.
fn non_exhaustive(models: &str, name: &str) -> bool {
    let models = squash(models);
    let item = format!("pubstruct{name}{{");
    let at = models
        .find(&item)
        .unwrap_or_else(|| panic!("{name} not emitted"));
    let marked = models[..at].ends_with("#[non_exhaustive]");
    let constructor = models.contains(&format!("impl{name}{{"));
    assert_eq!(marked, constructor, "{name}: marked without constructor");
    marked
}

// A paged list of threads: through a list, a map, a tagged union whose variants include the
// union through `allOf`, an `allOf` parent and a recursive type; plus an update sent and
// answered, a query parameter and an error body.
const SPEC: &str = r##"paths:
  /threads:
    get:
      operationId: listThreads
      parameters:
        - name: status
          in: query
          schema:
            $ref: '#/components/schemas/Status'
      responses:
        '200':
          description: A page.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThreadPage'
        default:
          description: An error.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Problem'
  /threads/{id}:
    patch:
      operationId: updateThread
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/ThreadUpdate'
      responses:
        '200':
          description: The update as applied.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ThreadUpdate'
components:
  schemas:
    ThreadPage:
      type: object
      required: [results]
      properties:
        results:
          type: array
          items:
            $ref: '#/components/schemas/Thread'
    Thread:
      allOf:
        - $ref: '#/components/schemas/Record'
        - type: object
          required: [status, actor]
          properties:
            status:
              $ref: '#/components/schemas/Status'
            actor:
              $ref: '#/components/schemas/Actor'
            labels:
              type: object
              additionalProperties:
                $ref: '#/components/schemas/Label'
            root:
              $ref: '#/components/schemas/Node'
    Record:
      type: object
      required: [id]
      properties:
        id:
          type: string
        audit:
          $ref: '#/components/schemas/Audit'
    Audit:
      type: object
      properties:
        by:
          type: string
    Label:
      type: object
      properties:
        color:
          type: string
    Node:
      type: object
      required: [name, next]
      properties:
        name:
          type: string
        next:
          $ref: '#/components/schemas/Node'
        children:
          type: array
          items:
            $ref: '#/components/schemas/Node'
    Actor:
      oneOf:
        - $ref: '#/components/schemas/AgentActor'
        - $ref: '#/components/schemas/BotActor'
    AgentActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [id, type]
          properties:
            id:
              type: string
            type:
              type: string
              enum: [AGENT]
    BotActor:
      allOf:
        - $ref: '#/components/schemas/Actor'
        - type: object
          required: [type]
          properties:
            name:
              type: string
            type:
              type: string
              enum: [BOT]
    Status:
      type: string
      enum: [OPEN, CLOSED]
    ThreadUpdate:
      allOf:
        - $ref: '#/components/schemas/Change'
        - type: object
          properties:
            status:
              $ref: '#/components/schemas/Status'
    Change:
      type: object
      properties:
        reason:
          type: string
        author:
          $ref: '#/components/schemas/Author'
    Author:
      type: object
      properties:
        name:
          type: string
    Problem:
      type: object
      required: [message]
      properties:
        message:
          type: string
    Unused:
      type: object
      properties:
        note:
          type: string
"##;

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

#[test]
fn response_only_structs_are_non_exhaustive_and_the_rest_exhaustive() {
    let models = models(&api(SPEC));
    for name in [
        "ThreadPage",
        "Thread",
        "Record",
        "Node",
        "AgentActor",
        "BotActor",
        "Problem",
    ] {
        assert!(non_exhaustive(&models, name), "{name}");
    }
    for name in ["ThreadUpdate", "Change", "Author", "Unused"] {
        assert!(!non_exhaustive(&models, name), "{name}");
    }
}

#[test]
fn constructors_take_the_required_fields_in_order_and_leave_the_rest_empty() {
    let models = squash(&models(&api(SPEC)));
    let string = "impl::std::convert::Into<::std::string::String>";
    // Strings convert, inherited fields come first, optional ones are `None`, the tag of a
    // union variant is not a field.
    assert!(
        models.contains(&format!(
            "pubfnnew(id:{string},status:Status,actor:Actor)->Self{{Self{{id:id.into(),audit:::std::option::Option::None,status,actor,labels:::std::option::Option::None,root:::std::option::Option::None}}}}"
        )),
        "{models}"
    );
    assert!(models.contains(
        "implAgentActor{///Avaluewiththerequiredfieldsgiven:everyoptionalfieldis`None`."
    ));
    // Lists take anything iterable; a boxed field is boxed here.
    assert!(
        models.contains(
            "pubfnnew(results:impl::std::iter::IntoIterator<Item=Thread>)->Self{Self{results:results.into_iter().collect()}}"
        ),
        "{models}"
    );
    assert!(
        models.contains(&format!(
            "pubfnnew(name:{string},next:Node)->Self{{Self{{name:name.into(),next:::std::boxed::Box::new(next),children:::std::option::Option::None}}}}"
        )),
        "{models}"
    );
    // No required field: `new()` without `Default` is allowed on purpose.
    assert!(models.contains("#[allow(clippy::new_without_default)]pubfnnew()->Self{Self{by:::std::option::Option::None}}"), "{models}");
}

#[test]
fn constructors_with_many_arguments_allow_them_and_empty_additional_properties() {
    let fields: String = (1..=8)
        .map(|i| format!("        f{i}:\n          type: boolean\n"))
        .collect();
    let names: Vec<String> = (1..=8).map(|i| format!("f{i}")).collect();
    let spec = format!(
        r##"paths:
  /x:
    get:
      operationId: get
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Wide'
components:
  schemas:
    Wide:
      type: object
      required: [{}]
      additionalProperties:
        type: string
      properties:
{fields}"##,
        names.join(", ")
    );
    let models = squash(&models(&api(&spec)));
    let params = names
        .iter()
        .map(|n| format!("{n}:bool"))
        .collect::<Vec<_>>();
    let values = names.join(",");
    assert!(
        models.contains("`additional_properties`isempty."),
        "{models}"
    );
    assert!(
        models.contains(&format!(
            "#[allow(clippy::too_many_arguments)]pubfnnew({})->Self{{Self{{{values},additional_properties:::std::collections::BTreeMap::new()}}}}",
            params.join(",")
        )),
        "{models}"
    );
}
