//! Webhooks compared by the Rust name of their type in `webhooks`: added and removed ones, then
//! for each its payload (what `decode` returns), its call (name, method, media type) and its
//! documentation. Changes inside a payload's named types are reported for those types.

use std::collections::BTreeMap;

use super::rust::{code, same_opt};
use super::{Diff, Kind, Subject};
use crate::ir::{Api, Webhook};

/// Finds added, removed and changed webhooks.
pub(super) fn compare(d: &mut Diff<'_>) {
    let old = by_name(d.old);
    let new = by_name(d.new);
    for (name, hook) in &old {
        if !new.contains_key(name) {
            let summary = format!("{} removed", call(hook));
            d.push(&subject(hook), Kind::WebhookRemoved, "", summary);
        }
    }
    for (name, hook) in &new {
        match old.get(name) {
            None => {
                let summary = format!("{} added", call(hook));
                d.push(&subject(hook), Kind::WebhookAdded, "", summary);
            }
            Some(old) => webhook(d, old, hook),
        }
    }
}

/// A webhook's call, from the new API when it has the webhook.
pub(super) fn describe(old: &Api, new: &Api, name: &str) -> String {
    let find = |api: &'_ Api| by_name(api).get(name).map(|hook| call(hook));
    find(new).or_else(|| find(old)).unwrap_or_default()
}

fn by_name(api: &Api) -> BTreeMap<&str, &Webhook> {
    api.webhooks
        .iter()
        .map(|hook| (hook.rust_name.as_str(), hook))
        .collect()
}

fn subject(hook: &Webhook) -> Subject {
    Subject::Webhook(hook.rust_name.clone())
}

/// The call a webhook describes, e.g. `` `POST` webhook `orderEvents` ``.
fn call(hook: &Webhook) -> String {
    format!(
        "{} webhook {}",
        code(hook.method.as_str()),
        code(&hook.name)
    )
}

/// The Rust type `decode` returns.
fn payload(hook: &Webhook) -> String {
    match &hook.body {
        None => "()".to_owned(),
        Some(body) => super::rust::type_name(&body.ty),
    }
}

fn webhook(d: &mut Diff<'_>, old: &Webhook, new: &Webhook) {
    let at = subject(new);
    if !same_opt(d.old, old.payload(), d.new, new.payload()) {
        let summary = format!(
            "`decode` returns {} (was {})",
            code(&payload(new)),
            code(&payload(old))
        );
        d.push(&at, Kind::WebhookPayloadRetyped, "", summary);
    }
    if old.name != new.name || old.method != new.method {
        let summary = format!("now describes {} (was {})", call(new), call(old));
        d.push(&at, Kind::WebhookCallChanged, "", summary);
    }
    let media = |hook: &Webhook| hook.body.as_ref().map(|b| b.media_type.clone());
    if media(old) != media(new) && old.payload().is_some() && new.payload().is_some() {
        let summary = format!(
            "the API sends {} (was {})",
            code(&media(new).unwrap_or_default()),
            code(&media(old).unwrap_or_default())
        );
        d.push(&at, Kind::WebhookCallChanged, "", summary);
    }
    let docs = |hook: &Webhook| {
        let body = hook.body.as_ref().and_then(|b| b.docs.clone());
        (
            hook.summary.clone(),
            hook.description.clone(),
            body,
            hook.tags.clone(),
            hook.deprecated,
        )
    };
    if docs(old) != docs(new) {
        let summary = "summary, description, tags or deprecation changed".to_owned();
        d.push(&at, Kind::WebhookDocsChanged, "", summary);
    }
}
