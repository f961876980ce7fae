//! Requests that got no answer, over a raw loopback server that reads each request whole and
//! then hangs up (or never answers): a request that is not safe to send twice may have been
//! applied, so its error is not retryable and says so; an idempotent one is retried.

use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use generated_client::runtime::{Client, Error};

use crate::{builder_for, comment_draft, fast_retry, read_request};

/// What the server does once it has read a request.
#[derive(Clone, Copy)]
enum After {
    /// Closes the connection without answering.
    HangUp,
    /// Keeps the connection open without answering.
    Stall,
}

/// A server doing `after` with every request, on its own threads; returns its URL and how
/// many requests it read.
fn unanswering_server(after: After) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let read = Arc::new(AtomicUsize::new(0));
    let counter = read.clone();
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let (mut socket, counter) = (socket.unwrap(), counter.clone());
            std::thread::spawn(move || {
                while read_request(&mut socket) {
                    counter.fetch_add(1, Ordering::SeqCst);
                    match after {
                        After::HangUp => return,
                        After::Stall => std::thread::sleep(Duration::from_secs(5)),
                    }
                }
            });
        }
    });
    (url, read)
}

fn client(url: &str) -> Client {
    builder_for(url)
        .timeout(Duration::from_millis(300))
        .retry(fast_retry().max_attempts(3))
        .build()
        .unwrap()
}

fn assert_may_have_been_applied(err: &Error, what: &str) {
    let text = err.to_string();
    assert!(!err.is_retryable(), "{err:?}");
    assert!(text.contains(what), "{text}");
    assert!(text.contains("after the request was sent"), "{text}");
    assert!(text.contains("HubSpot may have applied it"), "{text}");
    assert_eq!(err.status(), None);
}

#[tokio::test]
async fn a_post_whose_connection_closed_after_sending_is_not_retryable_and_says_why() {
    let (url, read) = unanswering_server(After::HangUp);
    let err = client(&url)
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert_may_have_been_applied(&err, "the connection failed");
    assert!(!err.is_timeout());
    assert_eq!(read.load(Ordering::SeqCst), 1, "sent once, never resent");
}

#[tokio::test]
async fn a_post_that_timed_out_after_sending_is_not_retryable_and_says_why() {
    let (url, read) = unanswering_server(After::Stall);
    let err = client(&url)
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert_may_have_been_applied(&err, "timed out");
    assert!(err.is_timeout());
    assert_eq!(read.load(Ordering::SeqCst), 1, "sent once, never resent");
}

#[tokio::test]
async fn a_get_whose_connection_closed_is_retried_and_stays_retryable() {
    let (url, read) = unanswering_server(After::HangUp);
    let err = client(&url).get_thread(1).send().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.is_retryable());
    assert_eq!(
        read.load(Ordering::SeqCst),
        3,
        "every attempt reached the server"
    );
}

#[tokio::test]
async fn a_post_retried_by_choice_still_reports_that_it_may_have_been_applied() {
    let (url, read) = unanswering_server(After::HangUp);
    let client = builder_for(&url)
        .retry(fast_retry().max_attempts(2).retry_non_idempotent(true))
        .build()
        .unwrap();
    let err = client
        .send_message(42, comment_draft())
        .send()
        .await
        .unwrap_err();
    assert_may_have_been_applied(&err, "the connection failed");
    assert_eq!(read.load(Ordering::SeqCst), 2);
}
