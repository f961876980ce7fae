//! Webhooks: 3.1 `webhooks` and the 3.0 extension `x-webhooks` resolve into [`Webhook`]s with
//! their payload types; their problems are located (and leave the webhook out in partial
//! generation); payload-only types count as received and survive pruning.

use std::path::Path;

use codegen::ir::{Method, OmissionKind, Primitive, TypeKind, TypeRef, Webhook};

use crate::common;

const EVENT: &str = "components:
  schemas:
    Event:
      type: object
      required: [id]
      properties:
        id:
          type: string
          x-id: event
";

/// A `webhooks:`-style map with one `POST` entry `name` whose JSON body is `schema`.
fn hooks(key: &str, name: &str, schema: &str) -> String {
    format!(
        "{key}:\n  {name}:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n{schema}      responses:\n        '200':\n          description: ok\n"
    )
}

fn only(api: &codegen::ir::Api) -> &Webhook {
    assert_eq!(api.webhooks.len(), 1, "{:#?}", api.webhooks);
    &api.webhooks[0]
}

#[test]
fn x_webhooks_in_3_0_give_one_webhook_per_call_with_its_payload() {
    let items = "              type: array\n              items:\n                $ref: '#/components/schemas/Event'\n";
    let api = common::api(&format!(
        "{}{EVENT}",
        hooks("x-webhooks", "event-batch", items)
    ));
    let hook = only(&api);
    assert_eq!(
        (hook.name.as_str(), hook.rust_name.as_str()),
        ("event-batch", "EventBatch")
    );
    assert_eq!(hook.method, Method::Post);
    assert_eq!(hook.pointer, "#/x-webhooks/event-batch/post");
    let body = hook.body.as_ref().unwrap();
    assert_eq!(
        body.ty,
        TypeRef::List(Box::new(TypeRef::Named("Event".into())))
    );
    // A type only webhooks use is received, like a response body.
    let usage = api.types["Event"].usage;
    assert!(usage.response && !usage.request, "{usage:?}");
}

#[test]
fn webhooks_in_3_1_are_read_and_normalised_and_inline_payloads_are_named_after_the_call() {
    let schema = "              type: object\n              properties:\n                note:\n                  type: [string, 'null']\n";
    let text = format!(
        "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n{}",
        hooks("webhooks", "ticketClosed", schema)
    );
    let api = codegen::parse_api(Path::new("t.yaml"), &text).unwrap();
    let hook = only(&api);
    assert_eq!(hook.pointer, "#/webhooks/ticketClosed/post");
    let body = hook.body.as_ref().unwrap();
    assert_eq!(body.ty, TypeRef::Named("TicketClosedPayload".into()));
    let TypeKind::Struct(payload) = &api.types["TicketClosedPayload"].kind else {
        panic!("expected a struct");
    };
    assert!(payload.fields[0].nullable, "{payload:?}");
}

#[test]
fn an_entry_with_several_methods_gives_a_type_per_method_and_no_body_means_no_payload() {
    let api = common::api(
        "x-webhooks:\n  sub:\n    post:\n      responses: {'200': {description: ok}}\n    delete:\n      requestBody:\n        content:\n          text/plain:\n            schema: {type: string}\n      responses: {'200': {description: ok}}\n",
    );
    let names: Vec<(&str, Method)> = api
        .webhooks
        .iter()
        .map(|h| (h.rust_name.as_str(), h.method))
        .collect();
    assert_eq!(
        names,
        [("SubPost", Method::Post), ("SubDelete", Method::Delete)]
    );
    assert!(api.webhooks[0].body.is_none());
    let text = api.webhooks[1].body.as_ref().unwrap();
    assert_eq!(text.ty, TypeRef::Primitive(Primitive::String));
}

#[test]
fn bad_webhooks_are_located_problems() {
    let problems = common::problems("x-webhooks: [1, 2]\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].pointer, "#/x-webhooks");
    assert!(
        problems[0]
            .message
            .contains("expected a map of webhook names to path items"),
        "{problems:?}"
    );

    let problems = common::problems("x-webhooks:\n  a:\n    $ref: '#/components/pathItems/a'\n");
    assert_eq!(problems[0].pointer, "#/x-webhooks/a");
    assert!(
        problems[0]
            .message
            .contains("expected the path item inline"),
        "{problems:?}"
    );

    let form = "              type: object\n              properties:\n                a: {type: string}\n";
    let form = hooks("x-webhooks", "f", form).replace("application/json", "multipart/form-data");
    let problems = common::problems(&form);
    assert_eq!(problems[0].pointer, "#/x-webhooks/f/post/requestBody");
    assert!(
        problems[0]
            .message
            .contains("expected JSON, text or binary"),
        "{problems:?}"
    );

    let missing = "              $ref: '#/components/schemas/Missing'\n";
    let problems = common::problems(&hooks("x-webhooks", "m", missing));
    assert!(
        problems[0]
            .pointer
            .starts_with("#/x-webhooks/m/post/requestBody"),
        "{problems:?}"
    );

    let both = format!(
        "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n{}{}",
        hooks("webhooks", "dup", "              type: string\n"),
        hooks("x-webhooks", "dup", "              type: string\n"),
    );
    let Err(codegen::Error::Spec { problems, .. }) = codegen::parse_api(Path::new("t.yaml"), &both)
    else {
        panic!("expected problems");
    };
    assert_eq!(problems[0].pointer, "#/x-webhooks/dup");
    assert!(
        problems[0]
            .message
            .contains("already described at #/webhooks/dup"),
        "{problems:?}"
    );
}

#[test]
fn partial_generation_leaves_out_a_webhook_with_a_problem_and_keeps_the_rest() {
    let bad = "              type: object\n              properties:\n                a: {type: string}\n";
    let bad = hooks("x-webhooks", "bad", bad).replace("application/json", "multipart/form-data");
    let good =
        hooks("x-webhooks", "good", "              type: string\n").replace("x-webhooks:\n", "");
    let text = common::full(&format!("{bad}{good}"));
    let spec = codegen::Spec::parse(Path::new("t.yaml"), &text).unwrap();
    assert!(spec.resolve().is_err());
    let api = spec.resolve_partial().unwrap();
    let names: Vec<&str> = api.webhooks.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names, ["good"]);
    assert_eq!(api.omissions.len(), 1, "{:?}", api.omissions);
    let omission = &api.omissions[0];
    assert_eq!(omission.pointer, "#/x-webhooks/bad/post");
    assert_eq!(
        omission.kind,
        OmissionKind::WebhookLeftOut {
            name: "bad".into(),
            method: "POST"
        }
    );
    assert!(omission
        .to_string()
        .starts_with("#/x-webhooks/bad/post: webhook `bad` (POST) left out"));
}
