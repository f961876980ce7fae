//! Parameter styles: path strings, integers and unions (integer or string), query strings,
//! integers, booleans, date-times, enums, arrays of strings, integers and enums, and unions of a
//! string and an array (GitHub's spec has no header or cookie parameters, and only `form` style,
//! exploded).

use github::chrono::{TimeZone, Utc};
use github::models;
use github::Client;

use crate::checks::{decoded, non_empty, Checks};

pub async fn run(client: &Client, checks: &mut Checks) {
    let since = Utc.with_ymd_and_hms(2024, 1, 2, 3, 4, 5).unwrap();
    checks.record(
        "issues/list-for-repo",
        client
            .issues_list_for_repo("octocat", "hello-world")
            .state(models::IssuesListForRepoState::Closed)
            .sort(models::IssuesListForRepoSort::Comments)
            .direction("asc".into())
            .labels("bug,ui")
            .assignee("*")
            .since(since)
            .per_page(30)
            .page(2)
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "issues/get",
        client
            .issues_get("octocat", "hello-world", 1347)
            .send()
            .await,
        decoded,
    );
    checks.record(
        "agent-tasks/list-tasks-for-repo",
        client
            .agent_tasks_list_tasks_for_repo("octocat", "hello-world")
            .creator_id([1, 2])
            .creator_id([3])
            .sort(models::AgentTasksListTasksForRepoSort::CreatedAt)
            .is_archived(false)
            .since(since)
            .send()
            .await,
        decoded,
    );
    checks.record(
        "migrations/list-for-org",
        client
            .migrations_list_for_org("github")
            .exclude([models::MigrationsListForOrgExcludeItem::Repositories])
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "orgs/list-pat-grant-requests",
        client
            .orgs_list_pat_grant_requests("github")
            .owner(["octocat".to_owned(), "hubot".to_owned()])
            .sort(models::OrgsListPatGrantRequestsSort::CreatedAt)
            .last_used_after(since)
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "search/issues-and-pull-requests",
        client
            .search_issues_and_pull_requests("windows label:bug language:python state:open")
            .sort(models::SearchIssuesAndPullRequestsSort::ReactionsThinkingFace)
            .order(models::SearchIssuesAndPullRequestsOrder::Asc)
            .send()
            .await,
        decoded,
    );
    checks.record(
        "licenses/get-all-commonly-used",
        client
            .licenses_get_all_commonly_used()
            .featured(true)
            .per_page(5)
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "users/list",
        client.users_list().since(41).per_page(2).send().await,
        non_empty,
    );
    checks.record(
        "security-advisories/list-global-advisories",
        client
            .security_advisories_list_global_advisories()
            .type_(models::SecurityAdvisoriesListGlobalAdvisoriesType::Malware)
            .cwes("79,284".to_owned())
            .affects(vec!["lodash".to_owned(), "react@18.2.0".to_owned()])
            .is_withdrawn(false)
            .send()
            .await,
        non_empty,
    );
    checks.record(
        "dependabot/list-alerts-for-org",
        client
            .dependabot_list_alerts_for_org("github")
            .scope(models::DependabotListAlertsForOrgScope::Runtime)
            .state("open,dismissed")
            .has(vec![
                models::DependabotListAlertsForOrgHasVariant1Item::Patch,
            ])
            .send()
            .await,
        non_empty,
    );
    unions_in_paths(client, checks).await;
}

/// A path parameter that is an integer or a string, sent as each.
async fn unions_in_paths(client: &Client, checks: &mut Checks) {
    for workflow in [
        models::ActionsGetWorkflowWorkflowId::Integer(161335),
        models::ActionsGetWorkflowWorkflowId::String("main.yaml".to_owned()),
    ] {
        checks.record(
            "actions/get-workflow",
            client
                .actions_get_workflow("octocat", "hello-world", workflow)
                .send()
                .await,
            decoded,
        );
    }
}
