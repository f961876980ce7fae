//! The `hubspot.request` span every call runs in, with fields named after OpenTelemetry's HTTP
//! client semantic conventions so dashboards built on them read it as is (through
//! `tracing-opentelemetry`, which also takes `otel.name`, `otel.kind` and `otel.status_code`).
//! The URL is recorded as its template (`url.template`), never with ids, query or credentials.

use std::time::Duration;

use tracing::field::Empty;
use tracing::Span;

use super::base_url::BaseUrl;
use super::{Error, Request};

/// The span of one call: method, path template, server and operation now; status, resends,
/// latency and error as they happen.
pub(crate) fn request_span(request: &Request, base_url: &BaseUrl) -> Span {
    let url = base_url.parsed().ok();
    let span = tracing::info_span!(
        "hubspot.request",
        otel.name = Empty,
        otel.kind = "client",
        otel.status_code = Empty,
        http.request.method = %request.method,
        url.template = Empty,
        server.address = url.and_then(|u| u.host_str()),
        server.port = url.and_then(|u| u.port_or_known_default()),
        hubspot.operation = request.operation,
        http.response.status_code = Empty,
        http.request.resend_count = Empty,
        error.type = Empty,
        hubspot.latency_ms = Empty,
    );
    if !span.is_disabled() {
        let template = request.path_template;
        if template.is_empty() {
            span.record("otel.name", request.method.as_str());
        } else {
            span.record("url.template", template);
            span.record("otel.name", format!("{} {template}", request.method));
        }
    }
    span
}

/// Records one attempt (1-based): the resend count from the second on, its latency and the
/// status it got, if any.
pub(crate) fn record_attempt(
    span: &Span,
    attempt: u32,
    latency: Option<Duration>,
    status: Option<u16>,
) {
    if attempt > 1 {
        span.record("http.request.resend_count", attempt - 1);
    }
    if let Some(latency) = latency {
        span.record("hubspot.latency_ms", latency.as_millis() as u64);
    }
    if let Some(status) = status {
        span.record("http.response.status_code", status);
    }
}

/// Records the error a call ended with.
pub(crate) fn record_error(span: &Span, error: &Error) {
    span.record("error.type", error.error_type().as_ref());
    span.record("otel.status_code", "ERROR");
}
