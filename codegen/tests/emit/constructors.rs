//! What the emitter makes of where a type is used: response-only structs are
//! `#[non_exhaustive]`, every other struct stays exhaustive; every struct has a `new` constructor
//! taking the required fields (`bodies` has its setters and `Default`).

use codegen::ir::Api;

use crate::common;
use crate::common::specs::USAGE as SPEC;
use crate::common::{api, emitted};

fn models(api: &Api) -> String {
    emitted(api, "models.rs")
}

/// Text without whitespace and trailing commas, so assertions do not depend on prettyplease's
/// line breaking.
fn squash(text: &str) -> String {
    common::squash(text).replace(",)", ")").replace(",}", "}")
}

/// Whether the emitted struct `name` is `#[non_exhaustive]`; either way it has a constructor.
fn non_exhaustive(models: &str, name: &str) -> bool {
    let models = squash(models);
    let item = format!("pubstruct{name}{{");
    let at = models
        .find(&item)
        .unwrap_or_else(|| panic!("{name} not emitted"));
    let constructor = format!("impl{name}{{///Avaluewiththerequiredfieldsgiven");
    assert!(models.contains(&constructor), "{name} has no constructor");
    models[..at].ends_with("#[non_exhaustive]")
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
    // No required field: `new()` and the derived `Default` give the same value.
    assert!(
        models.contains("pubfnnew()->Self{Self{by:::std::option::Option::None}}"),
        "{models}"
    );
    assert!(
        models.contains("#[derive(Debug,Clone,Default,PartialEq,::serde::Serialize,::serde::Deserialize)]#[non_exhaustive]pubstructAudit{"),
        "{models}"
    );
    assert!(!models.contains("new_without_default"), "{models}");
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

/// A request body with every kind of optional field a setter converts differently.
const DRAFT: &str = r##"paths:
  /drafts:
    post:
      operationId: createDraft
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Draft'
      responses:
        '204':
          description: ok
components:
  schemas:
    Draft:
      type: object
      required: [text, tags]
      properties:
        text:
          type: string
        tags:
          type: array
          items:
            type: string
        type:
          type: string
        recipients:
          type: array
          items:
            $ref: '#/components/schemas/Recipient'
        status:
          $ref: '#/components/schemas/Status'
        attachment:
          $ref: '#/components/schemas/Attachment'
        extra: {}
        count:
          type: integer
        parent:
          $ref: '#/components/schemas/Draft'
        note:
          type: string
          nullable: true
    Recipient:
      type: object
      properties:
        name:
          type: string
    Status:
      type: string
      enum: [OPEN, CLOSED]
    Attachment:
      oneOf:
        - $ref: '#/components/schemas/File'
        - type: string
    File:
      type: object
      required: [fileId]
      properties:
        fileId:
          type: string
"##;

#[test]
fn request_structs_get_new_with_the_required_fields_and_a_setter_per_optional_one() {
    let models = squash(&models(&api(DRAFT)));
    let string = "impl::std::convert::Into<::std::string::String>";
    assert!(
        models.contains(&format!(
            "implDraft{{///Avaluewiththerequiredfieldsgiven:everyoptionalfieldis`None`.//////Setoptionalfieldswiththechained`with_`setters.pubfnnew(text:{string},tags:impl::std::iter::IntoIterator<Item=::std::string::String>)->Self"
        )),
        "{models}"
    );
    // Strings, unions and JSON values take what converts into them, lists anything iterable;
    // a string enum takes itself (its `From<&str>` would keep a misspelt value), numbers
    // themselves; the keyword field's setter drops the underscore; a boxed field is boxed.
    for (setter, argument, value) in [
        ("with_type", string, "value.into()"),
        (
            "with_recipients",
            "impl::std::iter::IntoIterator<Item=Recipient>",
            "value.into_iter().collect()",
        ),
        ("with_status", "Status", "value"),
        (
            "with_attachment",
            "impl::std::convert::Into<Attachment>",
            "value.into()",
        ),
        (
            "with_extra",
            "impl::std::convert::Into<::serde_json::Value>",
            "value.into()",
        ),
        ("with_count", "i64", "value"),
        ("with_parent", "Draft", "::std::boxed::Box::new(value)"),
        ("with_note", string, "value.into()"),
    ] {
        let field = setter.trim_start_matches("with_");
        let field = if field == "type" { "type_" } else { field };
        let expected = format!(
            "///Sets[`{field}`](Self::{field}).pubfn{setter}(mutself,value:{argument})->Self{{self.{field}=::std::option::Option::Some({value});self}}"
        );
        assert!(models.contains(&expected), "{expected}\n{models}");
    }
    // Required fields have no setter.
    assert!(!models.contains("pubfnwith_text("), "{models}");
    assert!(!models.contains("pubfnwith_tags("), "{models}");
}

#[test]
fn structs_without_required_fields_derive_default_and_others_do_not() {
    let draft = squash(&models(&api(DRAFT)));
    let derives = |default: &str| {
        format!("#[derive(Debug,Clone,{default}PartialEq,::serde::Serialize,::serde::Deserialize)]")
    };
    assert!(
        draft.contains(&format!("{}pubstructRecipient{{", derives("Default,"))),
        "{draft}"
    );
    assert!(
        draft.contains(&format!("{}pubstructDraft{{", derives(""))),
        "{draft}"
    );
    assert!(
        draft.contains(&format!("{}pubstructFile{{", derives(""))),
        "{draft}"
    );
    // Only a required field that is nullable (an `Option` in Rust): `Default` too, and `new()`
    // leaves it `None`, which is sent as `null`.
    let spec = r##"
components:
  schemas:
    Clear:
      type: object
      required: [until]
      properties:
        until:
          type: string
          nullable: true
"##;
    let clear = squash(&models(&api(spec)));
    assert!(
        clear.contains(&format!("{}pubstructClear{{", derives("Default,"))),
        "{clear}"
    );
    assert!(
        clear.contains("pubfnnew()->Self{Self{until:::std::option::Option::None}}"),
        "{clear}"
    );
}
