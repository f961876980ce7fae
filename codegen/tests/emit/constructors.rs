//! What the emitter makes of where a type is used: response-only structs are
//! `#[non_exhaustive]` with a `new` constructor taking the required fields, every other struct
//! stays exhaustive.

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
