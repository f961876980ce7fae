//! A page of thread history (`MessagePage`) built from the message fixtures.

use super::fixtures::fixture;

/// A page of thread history: `count` messages cycling through the message fixtures.
pub fn message_page(count: usize) -> String {
    let messages: Vec<String> = [
        "message.json",
        "message_live_chat_attachments.json",
        "message_outgoing_failed.json",
        "message_minimal.json",
    ]
    .iter()
    .map(|file| fixture("Message", file))
    .collect();
    let items: Vec<String> = (0..count)
        .map(|i| {
            let message = &messages[i % messages.len()];
            // The value of the first `"id"`: between the next two quotes after it.
            let key = message.find(r#""id""#).expect("a message has an id") + 4;
            let start = key + message[key..].find('"').unwrap() + 1;
            let end = start + message[start..].find('"').unwrap();
            format!("{}{i:032x}{}", &message[..start], &message[end..])
        })
        .collect();
    format!(
        r#"{{"results":[{}],"paging":{{"next":{{"after":"{count}"}}}}}}"#,
        items.join(",")
    )
}
