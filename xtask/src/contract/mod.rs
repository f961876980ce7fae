//! `cargo xtask contract`: the contract suite (`tests/contract`) against Stoplight Prism serving
//! the spec with request validation turned into errors — once with static responses, then
//! `--rounds` times with dynamic ones (a seed per round) — then a self-test that serves
//! deliberate mismatches and fails unless the suite notices them. Prints a per-operation table.
//!
//! `CONTRACT_SPEC` serves another spec; `CONTRACT_BASE_URL` skips Prism (and the self-test) and
//! runs the rounds against an already-running server.

pub(crate) mod cleanup;
pub(crate) mod npm;
pub(crate) mod prism;
mod served;
mod suite;
mod table;
mod workdir;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use prism::{Launch, Prism, Responses};
use table::{Column, Tally};
use workdir::WorkDir;

/// Options of `cargo xtask contract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rounds with Prism's dynamic responses, seeded 1, 2, … (or rounds against
    /// CONTRACT_BASE_URL).
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..))]
    rounds: u64,
}

/// What every phase needs.
struct Context {
    suite: PathBuf,
    work: WorkDir,
}

/// One round to run against its own Prism.
struct Planned {
    /// Printed before the round starts.
    heading: Option<&'static str>,
    label: String,
    spec: PathBuf,
    responses: Responses,
}

/// Runs the command from the workspace `root`.
pub fn run(root: &Path, args: &Args) -> Result<ExitCode, String> {
    let started = Instant::now();
    cleanup::on_interrupt()?;
    let spec = std::env::var_os("CONTRACT_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(codegen::vendored::SPEC));
    let operations = operation_ids(&spec)?;
    let mut context = Context {
        suite: suite::build(root)?,
        work: WorkDir::create()?,
    };
    match rounds(root, args, &spec, &context) {
        Ok((columns, self_test)) => {
            let tally = report(&spec, &operations, &columns, self_test);
            finish(context.work, tally, started)
        }
        Err(message) => {
            context.work.keep();
            Err(format!(
                "{message}\n(Prism logs and reports kept in {})",
                context.work.path().display()
            ))
        }
    }
}

/// The self-test's outcome.
enum SelfTest {
    /// Exactly the operations its mismatches break failed.
    Passed,
    /// Some mismatch went unnoticed, or something else failed.
    Failed,
    /// Not run, and why.
    NotRun(String),
}

/// Every round, against Prism or CONTRACT_BASE_URL, and the self-test when Prism runs.
fn rounds(
    root: &Path,
    args: &Args,
    spec: &Path,
    context: &Context,
) -> Result<(Vec<Column>, SelfTest), String> {
    if let Ok(url) = std::env::var("CONTRACT_BASE_URL") {
        println!(
            "== contract suite against {url} (CONTRACT_BASE_URL), {} rounds",
            args.rounds
        );
        let column = external_column(context, &url, spec, args.rounds)?;
        let why = "CONTRACT_BASE_URL is set, so there is no Prism to serve it".to_owned();
        return Ok((vec![column], SelfTest::NotRun(why)));
    }
    let prism = npm::ensure_prism(&root.join("tests/contract"))?;
    let served = serve(spec, &context.work.path().join("served-spec.json"))?;
    let mut plan = vec![Planned {
        heading: None,
        label: "static".to_owned(),
        spec: served.clone(),
        responses: Responses::Static,
    }];
    plan.extend((1..=args.rounds).map(|seed| Planned {
        heading: None,
        label: format!("dynamic seed {seed}"),
        spec: served.clone(),
        responses: Responses::Dynamic { seed },
    }));
    let mismatched = context.work.path().join("self-test-spec.json");
    let self_test_spec = write_self_test_spec(spec, &mismatched);
    if self_test_spec.is_ok() {
        plan.push(Planned {
            heading: Some(
                "\n== self-test: a copy of the spec with listThreads' `inboxId` renamed \
                 `inboxIds` and assignThread's `actorId` renamed `assigneeId`; exactly those \
                 two operations must fail",
            ),
            label: "self-test".to_owned(),
            spec: mismatched,
            responses: Responses::Static,
        });
    }
    println!(
        "== {} rounds against Prism: static, dynamic seeds 1 to {}{}",
        plan.len(),
        args.rounds,
        if self_test_spec.is_ok() {
            ", then the self-test"
        } else {
            ""
        }
    );
    let mut reports = run_plan(context, &prism, &plan)?;
    let self_test = match self_test_spec {
        Ok(()) => reports
            .pop()
            .map_or(SelfTest::Failed, |r| judge_self_test(&r)),
        Err(why) => SelfTest::NotRun(format!("cannot apply its mismatches: {why}")),
    };
    let dynamic = reports.split_off(1);
    let columns = vec![
        Column {
            title: "static".to_owned(),
            reports,
        },
        Column {
            title: "dynamic".to_owned(),
            reports: dynamic,
        },
    ];
    Ok((columns, self_test))
}

/// Runs the planned rounds in order, each against a fresh Prism; the next round's Prism starts
/// while the current round runs.
fn run_plan(
    context: &Context,
    prism: &Path,
    plan: &[Planned],
) -> Result<Vec<suite::Report>, String> {
    let launch = |round: &Planned| {
        Prism::spawn(Launch {
            bin: prism.to_owned(),
            spec: round.spec.clone(),
            responses: round.responses,
            log: context
                .work
                .path()
                .join(format!("prism-{}.log", file_name(&round.label))),
        })
    };
    let mut reports = Vec::new();
    let mut next = plan.first().map(launch).transpose()?;
    for (i, round) in plan.iter().enumerate() {
        let Some(mut server) = next.take() else {
            break;
        };
        let url = server.ready()?;
        next = plan.get(i + 1).map(launch).transpose()?;
        if let Some(heading) = round.heading {
            println!("{heading}");
        }
        reports.push(suite::run(
            &context.suite,
            &suite::Round {
                base_url: &url,
                spec: &round.spec,
                label: &round.label,
                exact: matches!(round.responses, Responses::Static),
                report: &context
                    .work
                    .path()
                    .join(format!("report-{}.json", file_name(&round.label))),
            },
        )?);
    }
    Ok(reports)
}

fn file_name(label: &str) -> String {
    label.replace(' ', "-")
}

fn external_column(
    context: &Context,
    url: &str,
    spec: &Path,
    rounds: u64,
) -> Result<Column, String> {
    let mut reports = Vec::new();
    for n in 1..=rounds {
        let label = format!("external {n}");
        let round = suite::Round {
            base_url: url,
            spec,
            label: &label,
            exact: false,
            report: &context
                .work
                .path()
                .join(format!("report-{}.json", file_name(&label))),
        };
        reports.push(suite::run(&context.suite, &round)?);
    }
    Ok(Column {
        title: "external".to_owned(),
        reports,
    })
}

/// The operationIds of `spec`, in the spec's order.
fn operation_ids(spec: &Path) -> Result<Vec<String>, String> {
    let api = codegen::load_api(spec).map_err(|e| e.to_string())?;
    Ok(api.operations.into_iter().map(|op| op.id).collect())
}

/// Writes to `path` the copy of `spec` Prism serves (also `cargo xtask prism-spec`); returns
/// what it rewrote.
pub fn write_served(spec: &Path, path: &Path) -> Result<served::Rewrites, String> {
    let mut document = served::load(spec)?;
    let rewrites = served::for_prism(&mut document);
    served::write(&document, path)?;
    Ok(rewrites)
}

/// The text of the copy of `spec` Prism serves (what [`write_served`] writes).
pub fn served_text(spec: &Path) -> Result<String, String> {
    let mut document = served::load(spec)?;
    served::for_prism(&mut document);
    served::text(&document)
}

/// Writes to `path` the copy of `spec` Prism serves and says what it rewrote.
fn serve(spec: &Path, path: &Path) -> Result<PathBuf, String> {
    let rewrites = write_served(spec, path)?;
    println!(
        "== serving {} to Prism with {} union back-reference(s) dropped and {} `*/*` \
         response(s) served as application/json (see xtask/src/contract/served.rs)",
        spec.display(),
        rewrites.back_references,
        rewrites.any_media_types
    );
    Ok(path.to_owned())
}

/// Writes to `path` the served copy of `spec` with the self-test's mismatches.
fn write_self_test_spec(spec: &Path, path: &Path) -> Result<(), String> {
    let mut document = served::load(spec)?;
    served::self_test_mismatches(&mut document)?;
    served::for_prism(&mut document);
    served::write(&document, path)
}

/// The self-test passes when exactly the operations its mismatches break fail.
fn judge_self_test(report: &suite::Report) -> SelfTest {
    let failed = report.failed();
    let expected: BTreeSet<&str> = served::SELF_TEST_FAILS.into_iter().collect();
    let missed: Vec<&str> = expected.difference(&failed).copied().collect();
    let extra: Vec<&str> = failed.difference(&expected).copied().collect();
    if !missed.is_empty() {
        println!(
            "self-test: FAIL — the suite did not notice the mismatch in {}",
            missed.join(", ")
        );
    }
    if !extra.is_empty() {
        println!(
            "self-test: FAIL — operations the mismatches do not touch failed: {}",
            extra.join(", ")
        );
    }
    if missed.is_empty() && extra.is_empty() {
        SelfTest::Passed
    } else {
        SelfTest::Failed
    }
}

/// Prints the table, union variant coverage and the self-test's outcome; returns the tally.
fn report(spec: &Path, operations: &[String], columns: &[Column], self_test: SelfTest) -> Tally {
    println!("\n== contract results per operation ({})", spec.display());
    let mut tally = table::print(operations, columns);
    let missing = table::missing_variants(columns.iter().flat_map(|c| &c.reports));
    if missing.is_empty() {
        println!("union variants: every expected variant was decoded");
        tally.passed += 1;
    } else {
        println!("union variants never decoded: {}", missing.join(", "));
        tally.failed += 1;
    }
    match self_test {
        SelfTest::Passed => {
            println!(
                "self-test: pass (the deliberate mismatches failed exactly {})",
                served::SELF_TEST_FAILS.join(" and ")
            );
            tally.passed += 1;
        }
        SelfTest::Failed => {
            println!("self-test: FAILED (see above)");
            tally.failed += 1;
        }
        SelfTest::NotRun(why) => println!("self-test: NOT RUN ({why}); not counted as passed"),
    }
    tally
}

fn finish(mut work: WorkDir, tally: Tally, started: Instant) -> Result<ExitCode, String> {
    let Tally { passed, failed } = tally;
    let logs = if failed == 0 {
        "removed".to_owned()
    } else {
        work.keep();
        format!("kept in {}", work.path().display())
    };
    println!(
        "cargo xtask contract: {:.0} s; Prism logs and reports {logs}",
        started.elapsed().as_secs_f64()
    );
    println!("contract: {passed} passed, {failed} failed");
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
