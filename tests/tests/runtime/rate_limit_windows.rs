//! The client-side limiter keeps its promise on tokio's paused clock: never more than `N`
//! grants in any span of the window's length (HubSpot's windows roll), whatever the arrival
//! pattern — bursts, idle gaps, steady streams, concurrent tasks — and a saturated steady run
//! achieves the configured rate (within 1% for random budgets and windows); windows of any
//! length, up to `Duration::MAX`, hold; its arithmetic never overflows.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use generated_client::runtime::RateLimit;
use tokio::time::Instant;

/// SplitMix64: a small deterministic generator, so every seed replays the same pattern.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low + 1)
    }
}

/// A limiter and the instants it granted.
#[derive(Clone)]
struct Recorder {
    limit: Arc<RateLimit>,
    grants: Arc<Mutex<Vec<Instant>>>,
}

impl Recorder {
    async fn acquire(&self) {
        self.limit.acquire().await;
        self.grants.lock().unwrap().push(Instant::now());
    }

    fn grants(&self) -> Vec<Instant> {
        let mut grants = self.grants.lock().unwrap().clone();
        grants.sort_unstable();
        grants
    }
}

/// Fails when any span shorter than `window` holds more than `requests` grants.
fn assert_within_budget(grants: &[Instant], requests: usize, window: Duration, seed: u64) {
    for (i, pair) in grants.windows(requests + 1).enumerate() {
        let span = pair[requests] - pair[0];
        assert!(
            span >= window,
            "seed {seed}: grants {i}..={} ({} of them) fall within {span:?} < {window:?}",
            i + requests,
            requests + 1
        );
    }
}

/// One random arrival pattern: phases of bursts, idle gaps, steady streams and concurrent
/// tasks against one limiter of random size and window.
async fn random_pattern(seed: u64) {
    let mut rng = Rng(seed);
    let requests = rng.between(1, 25) as u32;
    let window = Duration::from_millis(rng.between(5, 5_000));
    let recorder = Recorder {
        limit: Arc::new(RateLimit::new(requests, window)),
        grants: Arc::default(),
    };
    for _ in 0..rng.between(4, 10) {
        match rng.between(0, 3) {
            0 => {
                let burst = rng.between(1, 3 * u64::from(requests));
                for _ in 0..burst {
                    recorder.acquire().await;
                }
            }
            1 => tokio::time::sleep(window.mul_f64(rng.between(0, 300) as f64 / 100.0)).await,
            2 => {
                let gap = window / rng.between(1, 3 * u64::from(requests)) as u32;
                for _ in 0..rng.between(1, 4 * u64::from(requests)) {
                    recorder.acquire().await;
                    tokio::time::sleep(gap).await;
                }
            }
            _ => {
                let tasks = (0..rng.between(2, 8)).map(|_| {
                    let (recorder, calls) = (recorder.clone(), rng.between(1, 10));
                    let pause = Duration::from_millis(rng.between(0, 50));
                    tokio::spawn(async move {
                        for _ in 0..calls {
                            recorder.acquire().await;
                            tokio::time::sleep(pause).await;
                        }
                    })
                });
                for task in tasks.collect::<Vec<_>>() {
                    task.await.unwrap();
                }
            }
        }
    }
    let grants = recorder.grants();
    assert_within_budget(&grants, requests as usize, window, seed);
}

#[tokio::test(start_paused = true)]
async fn no_window_ever_holds_more_than_the_budget_under_random_arrivals() {
    for seed in 1..=40 {
        random_pattern(seed).await;
    }
}

#[tokio::test(start_paused = true)]
async fn the_first_window_and_the_one_after_idleness_hold_the_budget_exactly() {
    let recorder = Recorder {
        limit: Arc::new(RateLimit::hubspot_standard()),
        grants: Arc::default(),
    };
    let start = Instant::now();
    for _ in 0..150 {
        recorder.acquire().await;
    }
    tokio::time::sleep(Duration::from_secs(30)).await;
    let resumed = Instant::now();
    for _ in 0..150 {
        recorder.acquire().await;
    }
    let grants = recorder.grants();
    let in_first_window = |from: Instant| {
        grants
            .iter()
            .filter(|&&t| t >= from && t < from + Duration::from_secs(10))
            .count()
    };
    assert_eq!(in_first_window(start), 100);
    assert_eq!(in_first_window(resumed), 100);
    assert_within_budget(&grants, 100, Duration::from_secs(10), 0);
}

#[tokio::test(start_paused = true)]
async fn a_saturated_steady_run_achieves_the_configured_rate() {
    for (requests, window, tasks) in [
        (100, Duration::from_secs(10), 1),
        (50, Duration::from_secs(1), 8),
        (7, Duration::from_micros(333_333), 3),
    ] {
        let recorder = Recorder {
            limit: Arc::new(RateLimit::new(requests, window)),
            grants: Arc::default(),
        };
        let per_task = 60 * requests / tasks;
        let runs: Vec<_> = (0..tasks)
            .map(|_| {
                let recorder = recorder.clone();
                tokio::spawn(async move {
                    for _ in 0..per_task {
                        recorder.acquire().await;
                    }
                })
            })
            .collect();
        for run in runs {
            run.await.unwrap();
        }
        let grants = recorder.grants();
        assert_within_budget(&grants, requests as usize, window, 0);
        // After the first window's grants, each further `requests` take one window.
        let after_first = (grants.len() - requests as usize) as f64;
        let span = (grants[grants.len() - 1] - grants[0]).as_secs_f64();
        let achieved = after_first / span;
        let configured = f64::from(requests) / window.as_secs_f64();
        assert!(
            (achieved - configured).abs() <= configured * 0.01,
            "{requests} per {window:?}: achieved {achieved}/s, configured {configured}/s"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn extreme_limits_never_overflow() {
    let forever = RateLimit::new(1, Duration::MAX);
    forever.acquire().await;
    for _ in 0..3 {
        let waited = tokio::time::timeout(Duration::from_secs(86_400 * 365), forever.acquire());
        assert!(
            waited.await.is_err(),
            "a second request went out within a year"
        );
    }
    let nothing = RateLimit::new(0, Duration::MAX);
    nothing.acquire().await;
    let unlimited = RateLimit::new(u32::MAX, Duration::ZERO);
    let start = Instant::now();
    for _ in 0..1_000 {
        unlimited.acquire().await;
        RateLimit::new(3, Duration::ZERO).acquire().await;
    }
    assert_eq!(start.elapsed(), Duration::ZERO);
}

/// A window of any length: a few nanoseconds to seconds at nanosecond precision, or one so
/// long that the clock cannot reach its end.
fn any_window(rng: &mut Rng) -> Duration {
    match rng.between(0, 5) {
        0 => Duration::MAX,
        1 => Duration::MAX - Duration::from_nanos(rng.between(1, 1_000)),
        2 => Duration::from_secs(rng.between(u64::MAX / 4, u64::MAX / 2)),
        3 => Duration::from_secs(86_400 * 365 * rng.between(3, 1_000)),
        4 => Duration::from_nanos(rng.between(1, 2_000_000)),
        _ => Duration::from_nanos(rng.between(2_000_000, 10_000_000_000)),
    }
}

/// Arrival offsets from the start: bursts at one instant, idle gaps, and steady streams.
fn arrivals(rng: &mut Rng, window: Duration) -> Vec<Duration> {
    // Gaps scale with the window, but stay within days for windows the clock cannot reach.
    let unit = window.min(Duration::from_secs(3_600));
    let (mut at, mut offsets) = (Duration::ZERO, Vec::new());
    for _ in 0..rng.between(3, 8) {
        match rng.between(0, 2) {
            0 => offsets.extend((0..rng.between(1, 40)).map(|_| at)),
            1 => at += unit.mul_f64(rng.between(0, 500) as f64 / 100.0),
            _ => {
                let gap = unit.mul_f64(rng.between(1, 100) as f64 / 100.0);
                for _ in 0..rng.between(1, 40) {
                    offsets.push(at);
                    at += gap;
                }
            }
        }
    }
    offsets
}

#[tokio::test(start_paused = true)]
async fn windows_of_any_length_hold_their_budget_under_random_arrivals() {
    // Every wait a reachable window causes ends within this; only unreachable ones hit it.
    let horizon = Duration::from_secs(86_400 * 1_000);
    for seed in 1..=60 {
        let mut rng = Rng(seed);
        let requests = rng.between(1, 20) as u32;
        let window = any_window(&mut rng);
        let recorder = Recorder {
            limit: Arc::new(RateLimit::new(requests, window)),
            grants: Arc::default(),
        };
        let offsets = arrivals(&mut rng, window);
        let start = Instant::now();
        let tasks: Vec<_> = offsets
            .iter()
            .map(|&offset| {
                let recorder = recorder.clone();
                tokio::spawn(async move {
                    tokio::time::sleep_until(start + offset).await;
                    let _ = tokio::time::timeout(horizon, recorder.acquire()).await;
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        let grants = recorder.grants();
        assert_within_budget(&grants, requests as usize, window, seed);
        // Arrivals span under a month: a longer window than that and the horizon never frees
        // a grant, so exactly the budget goes out; every shorter window here is seconds long.
        let expected = if window > horizon + Duration::from_secs(30 * 86_400) {
            offsets.len().min(requests as usize)
        } else {
            offsets.len()
        };
        assert_eq!(grants.len(), expected, "seed {seed}: window {window:?}");
    }
}

#[tokio::test(start_paused = true)]
async fn the_steady_rate_is_within_one_percent_for_random_budgets_and_windows() {
    for seed in 1..=25 {
        let mut rng = Rng(seed);
        let requests = rng.between(1, 200) as u32;
        // tokio's timer wakes on whole milliseconds: each window may end up to 1 ms late, which
        // stays under 1% of any window from 200 ms up.
        let window = Duration::from_nanos(rng.between(200_000_000, 3_600_000_000_000));
        let tasks = rng.between(1, 8) as u32;
        let recorder = Recorder {
            limit: Arc::new(RateLimit::new(requests, window)),
            grants: Arc::default(),
        };
        // Twenty whole windows' worth, shared between the tasks: the rate measured over the
        // span from the first grant to the last covers nineteen full windows.
        let total = 20 * requests;
        let runs: Vec<_> = (0..tasks)
            .map(|task| {
                let recorder = recorder.clone();
                let calls = total / tasks + u32::from(task < total % tasks);
                tokio::spawn(async move {
                    for _ in 0..calls {
                        recorder.acquire().await;
                    }
                })
            })
            .collect();
        for run in runs {
            run.await.unwrap();
        }
        let grants = recorder.grants();
        assert_within_budget(&grants, requests as usize, window, seed);
        let after_first = (grants.len() - requests as usize) as f64;
        let span = (grants[grants.len() - 1] - grants[0]).as_secs_f64();
        let achieved = after_first / span;
        let configured = f64::from(requests) / window.as_secs_f64();
        assert!(
            (achieved - configured).abs() <= configured * 0.01,
            "seed {seed}: {requests} per {window:?}: achieved {achieved}/s, configured {configured}/s"
        );
    }
}
