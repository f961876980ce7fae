//! `contract`: one round of the contract suite against a running server. Usually started by
//! `cargo xtask contract`, which runs Prism and many rounds; run it by hand against a server of
//! your own with `--base-url` (or `CONTRACT_BASE_URL`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use contract_tests::calls::{self, Clients};
use contract_tests::decoded;
use contract_tests::proxy::Recorder;
use contract_tests::report::Report;
use contract_tests::round::Round;
use contract_tests::roundtrip::Match;
use contract_tests::spec::Declared;
use generated_client::runtime::RetryPolicy;
use generated_client::{security, Auth, Client};
use reqwest::header::{HeaderName, HeaderValue};

/// The token sent; Prism only checks that a bearer token is present.
const TOKEN: &str = "pat-na1-contract-suite";
/// The developer API key sent as `hapikey` where an operation asks for it; Prism only checks
/// that it is present.
const DEVELOPER_KEY: &str = "dev-key-contract-suite";

#[derive(Parser)]
#[command(about = "One round of the contract suite against a running spec-validating server")]
struct Args {
    /// The server to test, e.g. Prism's http://127.0.0.1:4010.
    #[arg(long, env = "CONTRACT_BASE_URL")]
    base_url: String,
    /// The spec the server serves (its declared query parameters are checked).
    #[arg(long, env = "CONTRACT_SPEC", default_value_os_t = default_spec())]
    spec: PathBuf,
    /// The round's name in the output.
    #[arg(long, default_value = "round")]
    label: String,
    /// The server sends only declared fields, so decoding must keep every field it received.
    #[arg(long)]
    exact: bool,
    /// Also write the results as JSON to this file.
    #[arg(long, value_name = "PATH")]
    report: Option<PathBuf>,
}

fn default_spec() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../spec/hubspot-conversations.yaml")
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Runs the round; `Ok(false)` when some check failed.
async fn run(args: Args) -> Result<bool, String> {
    let declared = Declared::load(&args.spec)?;
    let recorder = Recorder::start(&args.base_url).await?;
    let clients = Clients {
        plain: client(&recorder, None)?,
        multi_status: client(&recorder, Some("code=207"))?,
    };
    let mode = if args.exact {
        Match::Exact
    } else {
        Match::Subset
    };
    let mut round = Round::new(recorder, declared, mode);
    calls::run(&mut round, &clients).await;
    let report = Report {
        label: args.label,
        calls: round.finish(),
        expected_variants: decoded::expected_variants(),
    };
    report.print();
    if let Some(path) = &args.report {
        report.write(path)?;
    }
    let (passed, all) = report.passed();
    Ok(passed == all)
}

/// A client through the recorder, holding a private app token and the developer API key,
/// without retries (each call is exactly one request), with Prism's `Prefer` header when given.
fn client(recorder: &Recorder, prefer: Option<&'static str>) -> Result<Client, String> {
    let auth =
        Auth::private_app_token(TOKEN).with_api_key(security::DEVELOPER_HAPIKEY, DEVELOPER_KEY);
    let mut builder = Client::builder(auth)
        .base_url(recorder.url())
        .retry(RetryPolicy::disabled());
    if let Some(prefer) = prefer {
        builder = builder.default_header(
            HeaderName::from_static("prefer"),
            HeaderValue::from_static(prefer),
        );
    }
    builder
        .build()
        .map_err(|e| format!("cannot build the client: {e}"))
}
