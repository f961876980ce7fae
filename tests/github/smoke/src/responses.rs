//! Response kinds: JSON objects, arrays, maps and unions, text, binary, no content, an operation
//! with several success statuses, and a redirect (followed: the served spec points redirects at
//! `GET /octocat`, whose bytes are the content).

use github::Client;

use crate::checks::{decoded, text, Checks};

pub async fn run(client: &Client, checks: &mut Checks) {
    checks.record("meta/root", client.meta_root().send().await, decoded);
    checks.record("meta/get-zen", client.meta_get_zen().send().await, text);
    checks.record(
        "meta/get-octocat",
        client.meta_get_octocat().s("Hello").send().await,
        |body| body.is_empty().then(|| "an empty body".to_owned()),
    );
    checks.record("emojis/get", client.emojis_get().send().await, |map| {
        map.is_empty().then(|| "an empty map".to_owned())
    });
    checks.record(
        "rate-limit/get",
        client.rate_limit_get().send().await,
        decoded,
    );
    checks.record(
        "repos/get",
        client.repos_get("octocat", "hello-world").send().await,
        decoded,
    );
    checks.record(
        "repos/get-commit",
        client
            .repos_get_commit(
                "octocat",
                "hello-world",
                "6dcb09b5b57875f334f61aebed695e2e4193db5e",
            )
            .send()
            .await,
        decoded,
    );
    checks.record(
        "users/get-by-username",
        client.users_get_by_username("octocat").send().await,
        decoded,
    );
    checks.record(
        "issues/unlock",
        client
            .issues_unlock("octocat", "hello-world", 1347)
            .send()
            .await,
        decoded,
    );
    checks.record(
        "activity/star-repo-for-authenticated-user",
        client
            .activity_star_repo_for_authenticated_user("octocat", "hello-world")
            .send()
            .await,
        decoded,
    );
    checks.record(
        "repos/download-tarball-archive",
        client
            .repos_download_tarball_archive("octocat", "hello-world", "main")
            .send()
            .await,
        |body| body.is_empty().then(|| "an empty body".to_owned()),
    );
    checks.record(
        "repos/delete",
        client.repos_delete("octocat", "hello-world").send().await,
        decoded,
    );
}
