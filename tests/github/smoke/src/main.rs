//! The smoke test of `cargo xtask github`: operations of GitHub's generated crate called against
//! Prism serving GitHub's spec (static responses, `--errors`), spanning the parameter styles,
//! request bodies and response kinds the spec uses. A call passes when Prism accepts the request
//! (its 422 names what our encoding got wrong) and the answer decodes into the generated types.
//!
//! Usage: `github-smoke BASE_URL`; exits 1 when any call fails.

mod bodies;
mod checks;
mod params;
mod responses;

use std::process::ExitCode;

use github::runtime::RetryPolicy;
use github::{Auth, Client};

use checks::Checks;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let Some(base_url) = std::env::args().nth(1) else {
        eprintln!("usage: github-smoke BASE_URL");
        return ExitCode::from(2);
    };
    // GitHub's spec declares no security scheme; Prism answers every call at once, so a
    // retry would only hide a failure.
    let client = match Client::builder(Auth::none())
        .base_url(base_url)
        .retry(RetryPolicy::disabled())
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("cannot build the client: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut checks = Checks::default();
    params::run(&client, &mut checks).await;
    bodies::run(&client, &mut checks).await;
    responses::run(&client, &mut checks).await;
    checks.finish()
}
