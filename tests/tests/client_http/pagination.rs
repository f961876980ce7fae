//! The custom-channel lists as streams: `into_stream()` fetches page after page, passing each
//! page's `paging.next.after` cursor back as `after` with the caller's other parameters and the
//! operation's own credentials on every request, until a page has no next cursor.

use conversations_tests::fixture;
use conversations_tests::http::{MockHubSpot, Sent};
use futures::TryStreamExt;
use generated_client::models::DeliveryIdentifierType;
use serde_json::{json, Value};
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{Mock, ResponseTemplate};

/// `fixture` with each id of `ids` in turn, as one page of `total`, with `next` as the cursor
/// of the following page.
fn page(dir: &str, file: &str, ids: &[&str], total: usize, next: Option<&str>) -> Value {
    let results: Vec<Value> = ids
        .iter()
        .map(|id| {
            let mut item = fixture(dir, file);
            item["id"] = json!(id);
            item
        })
        .collect();
    let mut page = json!({"total": total, "results": results});
    if let Some(after) = next {
        page["paging"] = json!({"next": {"after": after}});
    }
    page
}

/// Answers the first page (no `after`) and then each cursor with its page.
async fn serve(hubspot: &MockHubSpot, first: Value, by_cursor: Vec<(&str, Value)>) {
    Mock::given(query_param_is_missing("after"))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .mount(&hubspot.server)
        .await;
    for (after, page) in by_cursor {
        Mock::given(query_param("after", after))
            .respond_with(ResponseTemplate::new(200).set_body_json(page))
            .mount(&hubspot.server)
            .await;
    }
}

#[tokio::test]
async fn list_custom_channels_streams_every_page_with_the_developer_key_on_each() {
    let hubspot = MockHubSpot::start().await;
    let (dir, file) = ("CustomChannel", "minimal.json");
    serve(
        &hubspot,
        page(dir, file, &["101", "102"], 5, Some("MTAy")),
        vec![
            ("MTAy", page(dir, file, &["103", "104"], 5, Some("MTA0=="))),
            ("MTA0==", page(dir, file, &["105"], 5, None)),
        ],
    )
    .await;
    let channels: Vec<_> = hubspot
        .client()
        .list_custom_channels()
        .app_id(2817364)
        .limit(2)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["101", "102", "103", "104", "105"]);
    let path = "/conversations/custom-channels/2026-09";
    assert_eq!(
        hubspot.sent().await,
        [
            Sent::developer_key("GET", path, "appId=2817364&limit=2"),
            Sent::developer_key("GET", path, "appId=2817364&after=MTAy&limit=2"),
            Sent::developer_key("GET", path, "appId=2817364&after=MTA0%3D%3D&limit=2"),
        ]
    );
}

#[tokio::test]
async fn list_custom_channel_accounts_streams_every_page_with_the_bearer_token_on_each() {
    let hubspot = MockHubSpot::start().await;
    let (dir, file) = ("ChannelAccount", "minimal.json");
    serve(
        &hubspot,
        page(dir, file, &["240733519"], 3, Some("c2")),
        vec![
            ("c2", page(dir, file, &["240733864"], 3, Some("c3"))),
            ("c3", page(dir, file, &["240734102"], 3, None)),
        ],
    )
    .await;
    let accounts: Vec<_> = hubspot
        .client()
        .list_custom_channel_accounts(1047326)
        .delivery_identifier_type([
            DeliveryIdentifierType::HsPhoneNumber,
            DeliveryIdentifierType::HsShortCode,
        ])
        .limit(1)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["240733519", "240733864", "240734102"]);
    let path = "/conversations/custom-channels/2026-09/1047326/channel-accounts";
    let query = |after: &str| {
        format!(
            "{after}deliveryIdentifierType=HS_PHONE_NUMBER&deliveryIdentifierType=HS_SHORT_CODE\
             &limit=1"
        )
    };
    assert_eq!(
        hubspot.sent().await,
        [
            Sent::bearer("GET", path, &query("")),
            Sent::bearer("GET", path, &query("after=c2&")),
            Sent::bearer("GET", path, &query("after=c3&")),
        ]
    );
}
