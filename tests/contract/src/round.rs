//! One round of the suite: each call goes through the recording forwarder, and what was sent
//! and received is checked against the served spec and against what the client decoded.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use serde::Serialize;
use serde_json::Value;

use crate::decoded::{is_expected, Decoded};
use crate::proxy::{Exchange, Recorder};
use crate::roundtrip::{self, Match};
use crate::spec::Declared;

/// The outcome of one call.
#[derive(Debug, Clone, Serialize)]
pub struct CallResult {
    /// The operationId.
    pub operation: String,
    /// What the call exercises.
    pub name: String,
    /// Everything that went wrong; empty when the call passed.
    pub problems: Vec<String>,
    /// Union variants decoded, as `Union::Variant`.
    pub variants: Vec<String>,
}

/// A round in progress.
pub struct Round {
    recorder: Recorder,
    declared: Declared,
    mode: Match,
    sent: BTreeMap<String, BTreeSet<String>>,
    results: Vec<CallResult>,
}

impl Round {
    /// A round whose calls go through `recorder`, checked against `declared`.
    pub fn new(recorder: Recorder, declared: Declared, mode: Match) -> Round {
        Round {
            recorder,
            declared,
            mode,
            sent: BTreeMap::new(),
            results: Vec::new(),
        }
    }

    /// Awaits `call` (one request of `operation`) and records what went wrong, if anything.
    pub async fn call<T: Decoded>(
        &mut self,
        operation: &str,
        name: &str,
        call: impl Future<Output = Result<T, generated_client::Error>>,
    ) {
        self.expect(operation, name, None, call).await;
    }

    /// Like [`Round::call`], and the server must answer exactly `status` (e.g. the 207 asked
    /// for with Prism's `Prefer: code=207`).
    pub async fn call_answered<T: Decoded>(
        &mut self,
        operation: &str,
        name: &str,
        status: u16,
        call: impl Future<Output = Result<T, generated_client::Error>>,
    ) {
        self.expect(operation, name, Some(status), call).await;
    }

    async fn expect<T: Decoded>(
        &mut self,
        operation: &str,
        name: &str,
        status: Option<u16>,
        call: impl Future<Output = Result<T, generated_client::Error>>,
    ) {
        self.recorder.take();
        let outcome = call.await;
        let exchanges = self.recorder.take();
        let mut problems = Vec::new();
        let mut variants = Vec::new();
        if let Some(exchange) = self.one_request(operation, &exchanges, &mut problems) {
            check_answer(exchange, status, &mut problems);
            if let Ok(value) = &outcome {
                check_decoded(value, exchange, self.mode, &mut problems);
            }
        }
        match &outcome {
            Ok(value) => value.variants(&mut variants),
            // The failed status is already reported, with Prism's reasons.
            Err(generated_client::Error::Api(_)) if !problems.is_empty() => {}
            Err(error) => problems.push(format!("client: {error}")),
        }
        for variant in variants.iter().filter(|v| !is_expected(v)) {
            problems.push(format!(
                "decoded as {variant}, a variant the spec does not define"
            ));
        }
        self.push(operation, name, problems, variants);
    }

    /// Awaits `call`, a request of `operation` that lacks the credentials its security asks
    /// for: the server must refuse it with 401 and name the violation, or a passing call of
    /// that operation would prove nothing about its credentials.
    pub async fn refused<T>(
        &mut self,
        operation: &str,
        name: &str,
        call: impl Future<Output = Result<T, generated_client::Error>>,
    ) {
        self.recorder.take();
        // Refusal is the expected outcome; what counts is what went over the wire.
        let _ = call.await;
        let exchanges = self.recorder.take();
        let mut problems = Vec::new();
        if let Some(exchange) = self.one_request(operation, &exchanges, &mut problems) {
            let call = format!("{} {}", exchange.method, exchange.path);
            match (exchange.status, &exchange.violations) {
                (Some(401), Some(_)) => {}
                (Some(status), _) if (200..300).contains(&status) => problems.push(format!(
                    "{call} answered {status}: the server accepted a request without the \
                     credentials the spec asks for"
                )),
                (Some(status), _) => problems.push(format!(
                    "{call} answered {status}, expected 401 with the violated security: {}",
                    snippet(&exchange.body)
                )),
                (None, _) => check_answer(exchange, None, &mut problems),
            }
        }
        self.push(operation, name, problems, Vec::new());
    }

    /// The one exchange of a call, with its query checked; a problem when there is not
    /// exactly one.
    fn one_request<'e>(
        &mut self,
        operation: &str,
        exchanges: &'e [Exchange],
        problems: &mut Vec<String>,
    ) -> Option<&'e Exchange> {
        match exchanges {
            [] => problems.push("no request reached the server".to_owned()),
            [exchange] => {
                self.check_request(operation, exchange, problems);
                return Some(exchange);
            }
            more => problems.push(format!("{} requests sent, expected one", more.len())),
        }
        None
    }

    fn push(&mut self, operation: &str, name: &str, problems: Vec<String>, variants: Vec<String>) {
        self.results.push(CallResult {
            operation: operation.to_owned(),
            name: name.to_owned(),
            problems,
            variants,
        });
    }

    fn check_request(&mut self, operation: &str, exchange: &Exchange, problems: &mut Vec<String>) {
        let Some(declared) = self.declared.query(operation) else {
            problems.push(format!("the served spec has no operation `{operation}`"));
            return;
        };
        let names: BTreeSet<&String> = exchange.query.iter().map(|(name, _)| name).collect();
        let sent = self.sent.entry(operation.to_owned()).or_default();
        for name in names {
            sent.insert(name.clone());
            if !declared.declares(name) {
                problems.push(format!(
                    "sent query parameter `{name}`, which {operation} does not declare"
                ));
            }
        }
    }

    /// The results, plus a failure for every operation of the spec the round did not call and
    /// for every declared query parameter no call sent.
    pub fn finish(mut self) -> Vec<CallResult> {
        let called: BTreeSet<String> = self.results.iter().map(|r| r.operation.clone()).collect();
        for (operation, declared) in self.declared.operations() {
            let problems = if called.contains(operation) {
                let sent = self.sent.get(operation);
                declared
                    .parameters
                    .iter()
                    .filter(|name| !sent.is_some_and(|sent| sent.contains(*name)))
                    .map(|name| format!("declared query parameter `{name}` was never sent"))
                    .collect()
            } else {
                vec!["not exercised by the suite".to_owned()]
            };
            self.results.push(CallResult {
                operation: operation.clone(),
                name: "every declared query parameter sent".to_owned(),
                problems,
                variants: Vec::new(),
            });
        }
        self.results
    }
}

/// A 2xx answer without Prism's violations (exactly `expected` when given).
fn check_answer(exchange: &Exchange, expected: Option<u16>, problems: &mut Vec<String>) {
    let Some(status) = exchange.status else {
        problems.push(format!(
            "the server could not be reached: {}",
            String::from_utf8_lossy(&exchange.body)
        ));
        return;
    };
    let call = format!("{} {}", exchange.method, exchange.path);
    match (&exchange.violations, (200..300).contains(&status)) {
        (Some(violations), _) => problems.push(format!(
            "{call} answered {status}, the request violates the spec: {}",
            describe(violations)
        )),
        (None, false) => problems.push(format!(
            "{call} answered {status}: {}",
            snippet(&exchange.body)
        )),
        (None, true) => match expected {
            Some(expected) if expected != status => {
                problems.push(format!("{call} answered {status}, expected {expected}"));
            }
            _ => {}
        },
    }
}

fn check_decoded(
    value: &impl Decoded,
    exchange: &Exchange,
    mode: Match,
    problems: &mut Vec<String>,
) {
    let reencoded = match value.encode() {
        Ok(reencoded) => reencoded,
        Err(problem) => return problems.push(problem),
    };
    match reencoded {
        None if exchange.body.is_empty() => {}
        None => problems.push(format!(
            "expected no body, received: {}",
            snippet(&exchange.body)
        )),
        Some(reencoded) => match serde_json::from_slice::<Value>(&exchange.body) {
            Ok(received) => {
                if let Some(difference) = roundtrip::difference(&received, &reencoded, mode) {
                    problems.push(format!("decoding changed the response: {difference}"));
                }
            }
            Err(e) => problems.push(format!("the client decoded a body that is not JSON: {e}")),
        },
    }
}

/// Prism's `sl-violations` header as `location: message` items.
fn describe(violations: &str) -> String {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(violations) else {
        return violations.to_owned();
    };
    let described: Vec<String> = items
        .iter()
        .map(|item| {
            let location = item["location"]
                .as_array()
                .map(|parts| {
                    parts
                        .iter()
                        .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                        .collect::<Vec<_>>()
                        .join(".")
                })
                .unwrap_or_default();
            let message = item["message"].as_str().unwrap_or("(no message)");
            format!("{location}: {message}")
        })
        .collect();
    described.join("; ")
}

fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    match text.char_indices().nth(200) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_read_as_location_and_message() {
        let header = r#"[{"location":["request"],"severity":"Error","code":401,"message":"Invalid security scheme used"},{"location":["request","query","limit"],"severity":"Error","code":"type","message":"Request query parameter limit must be integer"}]"#;
        assert_eq!(
            describe(header),
            "request: Invalid security scheme used; \
             request.query.limit: Request query parameter limit must be integer"
        );
        assert_eq!(describe("not json"), "not json");
    }
}
