//! Actors (one, and several with full and partial success) and visitor tokens.

use generated_client::models::{ActorBatchRequest, VisitorTokenRequest};

use super::Clients;
use crate::round::Round;

pub async fn run(round: &mut Round, clients: &Clients) {
    let client = &clients.plain;
    round
        .call(
            "getActor",
            "with an extra property",
            client.get_actor("A-12345").property("email").send(),
        )
        .await;
    let batch = || ActorBatchRequest {
        inputs: vec![
            "A-12345".into(),
            "V-8801".into(),
            "E-jordan@example.com".into(),
        ],
    };
    round
        .call_answered(
            "batchReadActors",
            "every actor resolved (200)",
            200,
            client.batch_read_actors(batch()).property("email").send(),
        )
        .await;
    round
        .call_answered(
            "batchReadActors",
            "some actors failed (207)",
            207,
            clients.multi_status.batch_read_actors(batch()).send(),
        )
        .await;
    round
        .call(
            "createVisitorToken",
            "every field",
            client
                .create_visitor_token(VisitorTokenRequest {
                    email: "jordan@example.com".to_owned(),
                    first_name: Some("Jordan".to_owned()),
                    last_name: Some("Lee".to_owned()),
                })
                .send(),
        )
        .await;
    round
        .call(
            "createVisitorToken",
            "required fields only",
            client
                .create_visitor_token(VisitorTokenRequest {
                    email: "sam@example.com".to_owned(),
                    first_name: None,
                    last_name: None,
                })
                .send(),
        )
        .await;
}
