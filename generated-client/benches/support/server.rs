//! A loopback HTTP/1.1 server (hyper) on its own thread and runtime, answering from prebuilt
//! bodies so it is never the bottleneck. It lives as long as the bench process.
//!
//! - `GET …/threads/7315416722`: one thread;
//! - `GET …/threads?inboxId=P&after=N`: page `N` (from 0) of `P` pages of 100 threads, each but
//!   the last pointing to the next with `paging.next.after`.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

use super::bodies;

/// Threads on every page.
pub const PAGE_SIZE: usize = 100;

const THREADS: &str = "/conversations/conversations/2026-09/threads";

struct Bodies {
    thread: Bytes,
    page_results: String,
}

/// Starts the server; returns its base URL (`http://127.0.0.1:PORT`).
pub fn start() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    listener.set_nonblocking(true).unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let bodies = Arc::new(Bodies {
        thread: Bytes::from(bodies::thread()),
        page_results: bodies::thread_results(PAGE_SIZE),
    });
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                stream.set_nodelay(true).unwrap();
                let bodies = bodies.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| {
                        let body = respond(&bodies, &request);
                        async move { Ok::<_, Infallible>(body) }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    base_url
}

fn respond<B>(bodies: &Bodies, request: &Request<B>) -> Response<Full<Bytes>> {
    let path = request.uri().path();
    let body = if path == THREADS {
        let query = request.uri().query().unwrap_or_default();
        let param = |name: &str| -> usize {
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .find(|(key, _)| *key == name)
                .map_or(0, |(_, value)| value.parse().unwrap_or(0))
        };
        let (pages, page) = (param("inboxId").max(1), param("after"));
        let paging = if page + 1 < pages {
            format!(r#","paging":{{"next":{{"after":"{}"}}}}"#, page + 1)
        } else {
            String::new()
        };
        Bytes::from(format!(
            r#"{{"results":[{}]{paging}}}"#,
            bodies.page_results
        ))
    } else if path == format!("{THREADS}/{}", bodies::THREAD_ID) {
        bodies.thread.clone()
    } else {
        return Response::builder()
            .status(404)
            .body(Full::new(Bytes::new()))
            .unwrap();
    };
    Response::builder()
        .header("content-type", "application/json;charset=utf-8")
        .body(Full::new(body))
        .unwrap()
}
