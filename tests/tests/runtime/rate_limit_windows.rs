//! The client-side limiter keeps its promise on tokio's paused clock: never more than `N`
//! grants in any span of the window's length (HubSpot's windows roll), whatever the arrival
//! pattern — bursts, idle gaps, steady streams, concurrent tasks — and a saturated steady run
//! achieves the configured rate; its arithmetic never overflows.

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
