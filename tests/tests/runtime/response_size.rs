//! The limit on response bodies, over a raw loopback server that can send far more than any
//! test reads: a declared oversized `Content-Length` is refused before the body, a chunked body
//! stops being read once it passes the limit (long before the server finished writing), a body
//! exactly at the limit is read, error answers count too, and the 64 MiB default applies unless
//! lifted.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use generated_client::runtime::{Client, ClientBuilder, Error, Method};

use crate::{builder_for, fast_retry, read_request};

const MIB: u64 = 1024 * 1024;
const GIB: u64 = 1024 * MIB;

/// What the server answers every request with.
#[derive(Clone, Copy)]
struct Answer {
    status: u16,
    /// Body bytes it sends (or declares, with `stall`).
    size: u64,
    /// `Transfer-Encoding: chunked` rather than `Content-Length`.
    chunked: bool,
    /// Sends the head, then waits 10 s before any body.
    stall: bool,
}

impl Answer {
    fn declared(status: u16, size: u64) -> Self {
        Answer {
            status,
            size,
            chunked: false,
            stall: false,
        }
    }

    fn chunked(status: u16, size: u64) -> Self {
        Answer {
            chunked: true,
            ..Answer::declared(status, size)
        }
    }
}

/// A running server: its URL, how many requests it read, how many body bytes it wrote, and
/// whether it wrote a whole body.
struct Server {
    url: String,
    requests: Arc<AtomicUsize>,
    written: Arc<AtomicU64>,
    finished: Arc<AtomicBool>,
}

fn serve(answer: Answer) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let server = Server {
        url: format!("http://{}", listener.local_addr().unwrap()),
        requests: Arc::default(),
        written: Arc::default(),
        finished: Arc::default(),
    };
    let (requests, written, finished) = (
        server.requests.clone(),
        server.written.clone(),
        server.finished.clone(),
    );
    std::thread::spawn(move || {
        for socket in listener.incoming() {
            let mut socket = socket.unwrap();
            let (requests, written, finished) =
                (requests.clone(), written.clone(), finished.clone());
            std::thread::spawn(move || {
                while read_request(&mut socket) {
                    requests.fetch_add(1, Ordering::SeqCst);
                    if write_answer(&mut socket, answer, &written).is_err() {
                        return;
                    }
                    finished.store(true, Ordering::SeqCst);
                }
            });
        }
    });
    server
}

/// Writes `answer` in 64 KiB pieces, counting the body bytes; fails once the client hangs up.
fn write_answer(
    socket: &mut TcpStream,
    answer: Answer,
    written: &AtomicU64,
) -> std::io::Result<()> {
    let framing = if answer.chunked {
        "transfer-encoding: chunked".to_owned()
    } else {
        format!("content-length: {}", answer.size)
    };
    let head = format!(
        "HTTP/1.1 {} Answer\r\ncontent-type: text/plain\r\n{framing}\r\n\r\n",
        answer.status
    );
    socket.write_all(head.as_bytes())?;
    socket.flush()?;
    if answer.stall {
        std::thread::sleep(Duration::from_secs(10));
        return Err(std::io::ErrorKind::TimedOut.into());
    }
    let piece = vec![b'x'; 64 * 1024];
    let mut left = answer.size;
    while left > 0 {
        let n = left.min(piece.len() as u64) as usize;
        if answer.chunked {
            socket.write_all(format!("{n:x}\r\n").as_bytes())?;
            socket.write_all(&piece[..n])?;
            socket.write_all(b"\r\n")?;
        } else {
            socket.write_all(&piece[..n])?;
        }
        written.fetch_add(n as u64, Ordering::SeqCst);
        left -= n as u64;
    }
    if answer.chunked {
        socket.write_all(b"0\r\n\r\n")?;
    }
    Ok(())
}

fn client(url: &str, limit: u64) -> Client {
    builder(url).max_response_bytes(limit).build().unwrap()
}

fn builder(url: &str) -> ClientBuilder {
    builder_for(url)
        .timeout(Duration::from_secs(5))
        .retry(fast_retry().max_attempts(3))
}

/// `err` is the size error for `status` at `limit`, with the declared size `declared`.
fn assert_too_large(err: &Error, status: u16, limit: u64, declared: Option<u64>) {
    let Error::ResponseTooLarge {
        status: got,
        limit: got_limit,
        declared: got_declared,
        ..
    } = err
    else {
        panic!("not a size error: {err:?}");
    };
    assert_eq!(
        (got.as_u16(), *got_limit, *got_declared),
        (status, limit, declared)
    );
    assert_eq!(err.status().map(|s| s.as_u16()), Some(status));
    assert!(!err.is_retryable(), "{err:?}");
    assert!(
        err.to_string().contains(&format!("limit of {limit} bytes")),
        "{err}"
    );
}

#[tokio::test]
async fn a_declared_oversized_body_is_refused_before_it_is_read() {
    let server = serve(Answer {
        stall: true,
        ..Answer::declared(200, GIB)
    });
    let started = Instant::now();
    let err = client(&server.url, MIB)
        .get_thread(1)
        .send()
        .await
        .unwrap_err();
    // Reading the body would have waited for the stalled server (and then timed out).
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_too_large(&err, 200, MIB, Some(GIB));
    assert!(err.to_string().contains("`getThread`"), "{err}");
    assert!(
        err.to_string().contains("declared 1073741824 bytes"),
        "{err}"
    );
    assert_eq!(server.requests.load(Ordering::SeqCst), 1, "not retried");
}

#[tokio::test]
async fn a_chunked_body_past_the_limit_stops_being_read_early() {
    let server = serve(Answer::chunked(200, GIB));
    let err = client(&server.url, MIB)
        .get_thread(1)
        .send()
        .await
        .unwrap_err();
    assert!(
        !server.finished.load(Ordering::SeqCst),
        "the client returned only after the whole gigabyte was written"
    );
    assert_too_large(&err, 200, MIB, None);
    // The client hung up: the server stops writing once the socket buffers are full.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let written = server.written.load(Ordering::SeqCst);
    assert!(written < 64 * MIB, "{written} bytes written");
    assert_eq!(server.requests.load(Ordering::SeqCst), 1, "not retried");
}

#[tokio::test]
async fn a_body_exactly_at_the_limit_is_read_and_one_byte_more_is_not() {
    let limit = 300 * 1024 + 7;
    for chunked in [false, true] {
        let framing = |size| Answer {
            chunked,
            ..Answer::declared(200, size)
        };
        let server = serve(framing(limit));
        let response = client(&server.url, limit)
            .request(Method::GET, "/exact")
            .send()
            .await
            .unwrap();
        assert_eq!(response.body().len() as u64, limit);
        assert!(response.body().iter().all(|&b| b == b'x'));
        let server = serve(framing(limit + 1));
        let err = client(&server.url, limit)
            .request(Method::GET, "/exact")
            .send()
            .await
            .unwrap_err();
        assert_too_large(&err, 200, limit, (!chunked).then_some(limit + 1));
        assert!(err.to_string().contains("`GET /exact`"), "{err}");
    }
}

#[tokio::test]
async fn an_error_answer_over_the_limit_is_refused_and_not_retried() {
    let server = serve(Answer::chunked(503, GIB));
    let err = client(&server.url, MIB)
        .get_thread(1)
        .send()
        .await
        .unwrap_err();
    assert_too_large(&err, 503, MIB, None);
    assert!(!server.finished.load(Ordering::SeqCst));
    assert!(err.api_error().is_none() && !err.is_server_error());
    assert_eq!(server.requests.load(Ordering::SeqCst), 1, "not retried");
    // Within the limit, the same answer is HubSpot's error, retried as a 503 is.
    let server = serve(Answer::chunked(503, 1024));
    let err = client(&server.url, MIB)
        .get_thread(1)
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.api_error().unwrap().raw.len(), 1024);
    assert_eq!(server.requests.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn the_default_limit_is_64_mib_and_can_be_lifted() {
    assert_eq!(ClientBuilder::DEFAULT_MAX_RESPONSE_BYTES, 64 * MIB);
    let server = serve(Answer::declared(200, 64 * MIB + 1));
    let err = builder(&server.url)
        .build()
        .unwrap()
        .request(Method::GET, "/big")
        .send()
        .await
        .unwrap_err();
    assert_too_large(&err, 200, 64 * MIB, Some(64 * MIB + 1));
    let response = client(&server.url, u64::MAX)
        .request(Method::GET, "/big")
        .send()
        .await
        .unwrap();
    assert_eq!(response.body().len() as u64, 64 * MIB + 1);
}
