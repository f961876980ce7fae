//! The 13 operations of HubSpot's Custom Channels API, each called with every parameter it has
//! and decoding HubSpot's answer. The five that register and manage a channel send only the
//! developer API key (`?hapikey=`, last in the query, no `Authorization` header); the others
//! send only the bearer token. The test client holds both, so each operation must choose.

use conversations_tests::http::{assert_decoded, MockHubSpot, Sent, TOKEN};
use conversations_tests::{fixture, typed_fixture};
use generated_client::models::{
    ChannelAccountDraft, ChannelAccountStagingTokenUpdate, ChannelAccountUpdate,
    CustomChannelDraft, CustomChannelMessageDraft, CustomChannelMessageStatusUpdate,
    CustomChannelUpdate, DeliveryIdentifierType,
};
use generated_client::{Auth, Error};

const APP_ID: i64 = 2817364;

#[tokio::test]
async fn list_custom_channels() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("CustomChannelPage", "with_paging.json"))
        .await;
    let page = hubspot
        .client()
        .list_custom_channels()
        .app_id(APP_ID)
        .after("MTA0Nw==")
        .default_page_length(20)
        .limit(2)
        .sort(["-createdAt".to_owned(), "name".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "GET",
            "/conversations/custom-channels/2026-09",
            "appId=2817364&after=MTA0Nw%3D%3D&defaultPageLength=20&limit=2\
             &sort=-createdAt&sort=name"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn create_custom_channel() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(201, fixture("CustomChannel", "full.json"))
        .await;
    let (draft, body) = typed_fixture::<CustomChannelDraft>("CustomChannelDraft", "full.json");
    let channel = hubspot
        .client()
        .create_custom_channel(draft)
        .app_id(APP_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "POST",
            "/conversations/custom-channels/2026-09",
            "appId=2817364"
        )
        .json(body)
    );
    assert_decoded(&channel, &answer);
}

#[tokio::test]
async fn get_custom_channel() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("CustomChannel", "minimal.json"))
        .await;
    let channel = hubspot
        .client()
        .get_custom_channel(1047326)
        .app_id(APP_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "GET",
            "/conversations/custom-channels/2026-09/1047326",
            "appId=2817364"
        )
    );
    assert_decoded(&channel, &answer);
}

#[tokio::test]
async fn update_custom_channel() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("CustomChannel", "full.json"))
        .await;
    let (update, body) = typed_fixture::<CustomChannelUpdate>("CustomChannelUpdate", "full.json");
    let channel = hubspot
        .client()
        .update_custom_channel(1047326, update)
        .app_id(APP_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "PATCH",
            "/conversations/custom-channels/2026-09/1047326",
            "appId=2817364"
        )
        .json(body)
    );
    assert_decoded(&channel, &answer);
}

#[tokio::test]
async fn delete_custom_channel() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer_empty(204).await;
    hubspot
        .client()
        .delete_custom_channel(1047326)
        .app_id(APP_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "DELETE",
            "/conversations/custom-channels/2026-09/1047326",
            "appId=2817364"
        )
    );
}

/// `appId` is optional: without it the key is the whole query.
#[tokio::test]
async fn the_developer_key_alone_when_app_id_is_not_set() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer_empty(204).await;
    hubspot
        .client()
        .delete_custom_channel(1047326)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::developer_key(
            "DELETE",
            "/conversations/custom-channels/2026-09/1047326",
            ""
        )
    );
}

#[tokio::test]
async fn list_custom_channel_accounts() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(
            200,
            fixture("ChannelAccountPage", "custom_channel_accounts.json"),
        )
        .await;
    let page = hubspot
        .client()
        .list_custom_channel_accounts(1047326)
        .after("MjQw")
        .archived(false)
        .default_page_length(50)
        .delivery_identifier_type([
            DeliveryIdentifierType::ChannelSpecificOpaqueId,
            DeliveryIdentifierType::HsPhoneNumber,
        ])
        .delivery_identifier_value(["kst_biz_7Q2mX9fA".to_owned(), "+16175550163".to_owned()])
        .limit(10)
        .sort(["name".to_owned()])
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/custom-channels/2026-09/1047326/channel-accounts",
            "after=MjQw&archived=false&defaultPageLength=50\
             &deliveryIdentifierType=CHANNEL_SPECIFIC_OPAQUE_ID\
             &deliveryIdentifierType=HS_PHONE_NUMBER\
             &deliveryIdentifierValue=kst_biz_7Q2mX9fA&deliveryIdentifierValue=%2B16175550163\
             &limit=10&sort=name"
        )
    );
    assert_decoded(&page, &answer);
}

#[tokio::test]
async fn create_custom_channel_account() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(201, fixture("ChannelAccount", "custom_channel.json"))
        .await;
    let (draft, body) = typed_fixture::<ChannelAccountDraft>("ChannelAccountDraft", "full.json");
    let account = hubspot
        .client()
        .create_custom_channel_account(1047326, draft)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "POST",
            "/conversations/custom-channels/2026-09/1047326/channel-accounts",
            ""
        )
        .json(body)
    );
    assert_decoded(&account, &answer);
}

#[tokio::test]
async fn get_custom_channel_account() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelAccount", "custom_channel.json"))
        .await;
    let account = hubspot
        .client()
        .get_custom_channel_account(1047326, 240733519)
        .archived(true)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/custom-channels/2026-09/1047326/channel-accounts/240733519",
            "archived=true"
        )
    );
    assert_decoded(&account, &answer);
}

#[tokio::test]
async fn update_custom_channel_account() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelAccount", "custom_channel.json"))
        .await;
    let (update, body) = typed_fixture::<ChannelAccountUpdate>("ChannelAccountUpdate", "full.json");
    let account = hubspot
        .client()
        .update_custom_channel_account(1047326, 240733519, update)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "PATCH",
            "/conversations/custom-channels/2026-09/1047326/channel-accounts/240733519",
            ""
        )
        .json(body)
    );
    assert_decoded(&account, &answer);
}

#[tokio::test]
async fn update_channel_account_staging_token() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("ChannelAccountStagingToken", "full.json"))
        .await;
    let (update, body) = typed_fixture::<ChannelAccountStagingTokenUpdate>(
        "ChannelAccountStagingTokenUpdate",
        "phone_number.json",
    );
    // The token HubSpot puts in the connection redirect, path-encoded as one segment.
    let token = hubspot
        .client()
        .update_channel_account_staging_token(1047326, "stg_9Xk2/Qp=", update)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "PATCH",
            "/conversations/custom-channels/2026-09/1047326/channel-account-staging-tokens/\
             stg_9Xk2%2FQp%3D",
            ""
        )
        .json(body)
    );
    assert_decoded(&token, &answer);
}

#[tokio::test]
async fn publish_custom_channel_message() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(201, fixture("CustomChannelMessage", "full.json"))
        .await;
    let (draft, body) =
        typed_fixture::<CustomChannelMessageDraft>("CustomChannelMessageDraft", "full.json");
    let message = hubspot
        .client()
        .publish_custom_channel_message(1047326, draft)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "POST",
            "/conversations/custom-channels/2026-09/1047326/messages",
            ""
        )
        .json(body)
    );
    assert_decoded(&message, &answer);
}

#[tokio::test]
async fn get_custom_channel_message() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("CustomChannelMessage", "outgoing_sent.json"))
        .await;
    let message = hubspot
        .client()
        .get_custom_channel_message(1047326, "b4d29e0f7c3a41e6a85f2c1d9e7b0a34")
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "GET",
            "/conversations/custom-channels/2026-09/1047326/messages/\
             b4d29e0f7c3a41e6a85f2c1d9e7b0a34",
            ""
        )
    );
    assert_decoded(&message, &answer);
}

#[tokio::test]
async fn update_custom_channel_message() {
    let hubspot = MockHubSpot::start().await;
    let answer = hubspot
        .answer(200, fixture("CustomChannelMessage", "outgoing_failed.json"))
        .await;
    let (update, body) = typed_fixture::<CustomChannelMessageStatusUpdate>(
        "CustomChannelMessageStatusUpdate",
        "failed.json",
    );
    let message = hubspot
        .client()
        .update_custom_channel_message(1047326, "b4d29e0f7c3a41e6a85f2c1d9e7b0a34", update)
        .send()
        .await
        .unwrap();
    assert_eq!(
        hubspot.only_sent().await,
        Sent::bearer(
            "PATCH",
            "/conversations/custom-channels/2026-09/1047326/messages/\
             b4d29e0f7c3a41e6a85f2c1d9e7b0a34",
            ""
        )
        .json(body)
    );
    assert_decoded(&message, &answer);
}

/// A client with only a bearer token cannot call the five developer-key operations: each fails
/// naming itself and the key it needs, and nothing reaches the server.
#[tokio::test]
async fn developer_key_operations_fail_without_the_key_and_send_nothing() {
    let hubspot = MockHubSpot::start().await;
    hubspot.answer_empty(204).await;
    let client = hubspot.client_with(Auth::private_app_token(TOKEN));
    let (draft, _) = typed_fixture::<CustomChannelDraft>("CustomChannelDraft", "minimal.json");
    let (update, _) = typed_fixture::<CustomChannelUpdate>("CustomChannelUpdate", "minimal.json");
    let outcomes = [
        (
            "listCustomChannels",
            client.list_custom_channels().send().await.map(drop),
        ),
        (
            "createCustomChannel",
            client.create_custom_channel(draft).send().await.map(drop),
        ),
        (
            "getCustomChannel",
            client.get_custom_channel(1).send().await.map(drop),
        ),
        (
            "updateCustomChannel",
            client
                .update_custom_channel(1, update)
                .send()
                .await
                .map(drop),
        ),
        (
            "deleteCustomChannel",
            client.delete_custom_channel(1).send().await,
        ),
    ];
    for (operation, outcome) in outcomes {
        let err = outcome.unwrap_err();
        assert!(
            matches!(&err, Error::MissingCredentials { operation: named, .. } if named == operation),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "`{operation}` needs credentials the client was not given: it accepts the API \
                 key `developer_hapikey` (query parameter `hapikey`)"
            )
        );
    }
    assert_eq!(hubspot.sent().await, []);
}
