//! Request bodies: JSON objects (required and optional, with unions, enums, maps and arrays of
//! objects), text (`text/plain`) and binary (`application/octet-stream`).

use std::collections::BTreeMap;

use github::models;
use github::Client;

use crate::checks::{decoded, non_empty, text, Checks};

pub async fn run(client: &Client, checks: &mut Checks) {
    json(client, checks).await;
    optional_json(client, checks).await;
    checks.record(
        "markdown/render",
        client
            .markdown_render(
                models::MarkdownRenderBody::new("Hello **world**")
                    .with_mode(models::MarkdownRenderBodyMode::Gfm)
                    .with_context("octocat/hello-world"),
            )
            .send()
            .await,
        text,
    );
    checks.record(
        "markdown/render-raw",
        client
            .markdown_render_raw()
            .body("Hello **world**")
            .send()
            .await,
        text,
    );
    checks.record(
        "repos/upload-release-asset",
        client
            .repos_upload_release_asset("octocat", "hello-world", 1, "notes.zip")
            .label("Release notes")
            .body(github::bytes::Bytes::from_static(b"PK\x03\x04 binary"))
            .send()
            .await,
        decoded,
    );
}

/// Required JSON bodies.
async fn json(client: &Client, checks: &mut Checks) {
    let label = models::IssuesCreateBodyLabelsItemVariant1::new()
        .with_name("bug")
        .with_color("f29513");
    checks.record(
        "issues/create",
        client
            .issues_create(
                "octocat",
                "hello-world",
                models::IssuesCreateBody::new(models::IssuesCreateBodyTitle::Integer(42))
                    .with_body("It happens every time.")
                    .with_labels([
                        models::IssuesCreateBodyLabelsItem::String("ui".to_owned()),
                        label.into(),
                    ])
                    .with_assignees(["octocat".to_owned()]),
            )
            .send()
            .await,
        decoded,
    );
    let files = BTreeMap::from([(
        "hello.rs".to_owned(),
        models::GistsCreateBodyFilesValue::new("fn main() {}"),
    )]);
    checks.record(
        "gists/create",
        client
            .gists_create(
                models::GistsCreateBody::new(files)
                    .with_description("A gist")
                    .with_public(models::GistsCreateBodyPublic::Boolean(true)),
            )
            .send()
            .await,
        decoded,
    );
    checks.record(
        "reactions/create-for-issue",
        client
            .reactions_create_for_issue(
                "octocat",
                "hello-world",
                1347,
                models::ReactionsCreateForIssueBody::new(
                    models::ReactionsCreateForIssueBodyContent::Hooray,
                ),
            )
            .send()
            .await,
        decoded,
    );
    let entry = models::GitCreateTreeBodyTreeItem::new()
        .with_path("src/main.rs")
        .with_mode(models::GitCreateTreeBodyTreeItemMode::N100644)
        .with_type(models::GitCreateTreeBodyTreeItemType::Blob)
        .with_content("fn main() {}");
    checks.record(
        "git/create-tree",
        client
            .git_create_tree(
                "octocat",
                "hello-world",
                models::GitCreateTreeBody::new([entry]).with_base_tree("9fb037999f264ba9"),
            )
            .send()
            .await,
        decoded,
    );
}

/// Optional JSON bodies, sent and left out.
async fn optional_json(client: &Client, checks: &mut Checks) {
    checks.record(
        "issues/update",
        client
            .issues_update("octocat", "hello-world", 1347)
            .body(
                models::IssuesUpdateBody::new()
                    .with_title("Found a bug".to_owned())
                    .with_state(models::IssuesUpdateBodyState::Closed),
            )
            .send()
            .await,
        decoded,
    );
    checks.record(
        "issues/add-labels",
        client
            .issues_add_labels("octocat", "hello-world", 1347)
            .body(models::IssuesAddLabelsBody::new().with_labels([
                models::IssuesAddLabelsBodyLabelsItem::String("bug".to_owned()),
            ]))
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "issues/lock",
        client
            .issues_lock("octocat", "hello-world", 1347)
            .body(
                models::IssuesLockBody::new()
                    .with_lock_reason(models::IssuesLockBodyLockReason::OffTopic),
            )
            .send()
            .await,
        decoded,
    );
    checks.record(
        "activity/mark-notifications-as-read",
        client.activity_mark_notifications_as_read().send().await,
        decoded,
    );
}
