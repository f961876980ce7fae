//! A recording forwarder between the client and the server under test: it sees exactly what
//! the client sent and what the server answered, including Prism's `sl-violations` header,
//! which the client's error type does not carry.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use reqwest::header::{HeaderMap, CONNECTION, CONTENT_LENGTH, HOST, TRANSFER_ENCODING};
use tokio::net::TcpListener;

/// Prism lists the request's validation problems in this response header.
const VIOLATIONS: &str = "sl-violations";

/// One request the client sent and the answer it got.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// HTTP method.
    pub method: String,
    /// Path as sent (percent-encoded).
    pub path: String,
    /// Decoded query pairs in the order sent.
    pub query: Vec<(String, String)>,
    /// Response status, or `None` when the server could not be reached.
    pub status: Option<u16>,
    /// Prism's `sl-violations` header, when present.
    pub violations: Option<String>,
    /// Response body.
    pub body: Bytes,
}

/// The running forwarder; every exchange is kept until [`Recorder::take`].
#[derive(Clone)]
pub struct Recorder {
    address: SocketAddr,
    exchanges: Arc<Mutex<Vec<Exchange>>>,
}

impl Recorder {
    /// Listens on a free loopback port and forwards everything to `upstream`.
    pub async fn start(upstream: &str) -> Result<Recorder, String> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("cannot listen on a loopback port: {e}"))?;
        let address = listener
            .local_addr()
            .map_err(|e| format!("cannot read the forwarder's address: {e}"))?;
        let recorder = Recorder {
            address,
            exchanges: Arc::default(),
        };
        let forwarder = Forwarder {
            upstream: upstream.trim_end_matches('/').to_owned(),
            http: reqwest::Client::new(),
            exchanges: recorder.exchanges.clone(),
        };
        tokio::spawn(accept(listener, forwarder));
        Ok(recorder)
    }

    /// The base URL to point the client at.
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The exchanges recorded since the last call, oldest first.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(
            &mut *self
                .exchanges
                .lock()
                .unwrap_or_else(PoisonError::into_inner),
        )
    }
}

#[derive(Clone)]
struct Forwarder {
    upstream: String,
    http: reqwest::Client,
    exchanges: Arc<Mutex<Vec<Exchange>>>,
}

async fn accept(listener: TcpListener, forwarder: Forwarder) {
    while let Ok((stream, _)) = listener.accept().await {
        let forwarder = forwarder.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let forwarder = forwarder.clone();
                async move { Ok::<_, std::convert::Infallible>(forwarder.forward(request).await) }
            });
            // A connection the client drops mid-way only loses that connection.
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

impl Forwarder {
    async fn forward(&self, request: hyper::Request<Incoming>) -> hyper::Response<Full<Bytes>> {
        let (parts, body) = request.into_parts();
        let target = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        let url = format!("{}{target}", self.upstream);
        let mut exchange = Exchange {
            method: parts.method.to_string(),
            path: parts.uri.path().to_owned(),
            query: query_pairs(&url),
            status: None,
            violations: None,
            body: Bytes::new(),
        };
        let answer = match body.collect().await {
            Ok(body) => {
                let mut headers = parts.headers.clone();
                strip_hop_headers(&mut headers);
                headers.remove(HOST);
                self.http
                    .request(parts.method, &url)
                    .headers(headers)
                    .body(body.to_bytes())
                    .send()
                    .await
                    .map_err(|e| format!("cannot reach {url}: {e}"))
            }
            Err(e) => Err(format!("cannot read the client's request body: {e}")),
        };
        let response = match answer {
            Ok(answer) => {
                let status = answer.status();
                let mut headers = answer.headers().clone();
                let body = answer.bytes().await.unwrap_or_default();
                exchange.status = Some(status.as_u16());
                exchange.violations = headers
                    .get(VIOLATIONS)
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
                exchange.body = body.clone();
                strip_hop_headers(&mut headers);
                let mut response = hyper::Response::new(Full::new(body));
                *response.status_mut() = status;
                *response.headers_mut() = headers;
                response
            }
            Err(message) => {
                let mut response = hyper::Response::new(Full::new(Bytes::from(message)));
                *response.status_mut() = hyper::StatusCode::BAD_GATEWAY;
                response
            }
        };
        self.exchanges
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(exchange);
        response
    }
}

/// Headers that describe one connection rather than the message; the body is re-framed.
fn strip_hop_headers(headers: &mut HeaderMap) {
    for name in [CONNECTION, CONTENT_LENGTH, TRANSFER_ENCODING] {
        headers.remove(name);
    }
    headers.remove("keep-alive");
}

fn query_pairs(url: &str) -> Vec<(String, String)> {
    reqwest::Url::parse(url)
        .map(|url| url.query_pairs().into_owned().collect())
        .unwrap_or_default()
}
