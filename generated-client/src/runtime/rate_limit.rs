//! Client-side limits, both opt-in: a rolling-window budget ([`RateLimit`]) so one process
//! paces itself within a budget it knows, and [`Pacing`], driven by the `X-HubSpot-RateLimit-*`
//! headers of HubSpot's answers, so several processes sharing one HubSpot app stay under the
//! app's limit without talking to each other.

use std::collections::VecDeque;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

use super::RateLimitInfo;

/// A request budget: at most `requests` in any span of `window`, counted the way HubSpot
/// counts its rolling windows. A request goes out at once while fewer than `requests` went out
/// in the last `window`; otherwise it waits until the oldest of them is `window` old.
#[derive(Debug)]
pub struct RateLimit {
    requests: usize,
    window: Duration,
    /// When the latest grants (at most `requests`) went out, oldest first.
    granted: Mutex<VecDeque<Instant>>,
}

impl RateLimit {
    /// At most `requests` (at least 1) in any span of `window`; a burst of up to `requests`
    /// goes out at once.
    pub fn new(requests: u32, window: Duration) -> Self {
        RateLimit {
            requests: usize::try_from(requests.max(1)).unwrap_or(usize::MAX),
            window,
            granted: Mutex::new(VecDeque::new()),
        }
    }

    /// HubSpot's budget for OAuth apps and free/starter private apps: 100 requests per 10 s.
    pub fn hubspot_standard() -> Self {
        RateLimit::new(100, Duration::from_secs(10))
    }

    /// HubSpot's budget for Professional and Enterprise private apps: 190 requests per 10 s.
    pub fn hubspot_professional() -> Self {
        RateLimit::new(190, Duration::from_secs(10))
    }

    /// HubSpot's budget for private apps of an account with the API limit increase capacity
    /// pack: 250 requests per 10 s.
    pub fn hubspot_capacity_pack() -> Self {
        RateLimit::new(250, Duration::from_secs(10))
    }

    /// Waits until a request may be sent, then counts it as sent now.
    pub async fn acquire(&self) {
        // Holding the lock while sleeping queues callers fairly, in arrival order; a caller
        // dropped while waiting counts nothing.
        let mut granted = self.granted.lock().await;
        if granted.len() >= self.requests {
            let oldest = granted[granted.len() - self.requests];
            match oldest.checked_add(self.window) {
                Some(free) => tokio::time::sleep_until(free).await,
                // A window beyond the clock's range never frees a request.
                None => std::future::pending().await,
            }
        }
        // The grant is counted when it really happens, so oversleeping never lets a later
        // request out early, and the next waits are measured from it, not from a fixed step.
        if granted.len() >= self.requests {
            granted.pop_front();
        }
        granted.push_back(Instant::now());
    }
}

/// Pacing from HubSpot's rate-limit headers, for a fleet of processes sharing one HubSpot app.
///
/// Every HubSpot answer says how many requests the app has left in the current interval
/// (`X-HubSpot-RateLimit-Remaining`, out of `-Max`, per `-Interval-Milliseconds`), counted
/// across every process using the app. While at least the [`reserve`](Pacing::reserve)
/// fraction of `Max` remains, requests go out at once. Below it, each process spaces its
/// requests by `interval / remaining`, so that the remaining budget would last the whole
/// interval: as the remainder shrinks, every process slows down, and the fleet settles below
/// the limit with no coordination between processes. Answers without the headers leave the
/// pace as it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacing {
    reserve: f64,
}

impl Default for Pacing {
    /// Spacing starts when fewer than half the interval's requests remain.
    fn default() -> Self {
        Pacing { reserve: 0.5 }
    }
}

impl Pacing {
    /// Pacing by HubSpot's headers, starting below half of the interval's budget.
    pub fn hubspot_headers() -> Self {
        Pacing::default()
    }

    /// The fraction of the interval's budget (`0.0` to `1.0`) below which requests are spaced:
    /// higher starts earlier and gentler, lower lets more through at full speed.
    pub fn reserve(mut self, fraction: f64) -> Self {
        self.reserve = if fraction.is_nan() {
            Pacing::default().reserve
        } else {
            fraction.clamp(0.0, 1.0)
        };
        self
    }

    /// The spacing `info` asks for, or `None` when the headers leave enough (or are absent).
    fn spacing(&self, info: &RateLimitInfo) -> Option<Duration> {
        let (max, remaining, interval) = (info.max?, info.remaining?, info.interval_ms?);
        if max == 0 || remaining as f64 >= self.reserve * max as f64 {
            return None;
        }
        Some(Duration::from_millis(interval) / remaining.clamp(1, u64::from(u32::MAX)) as u32)
    }
}

/// A client's [`Pacing`] and what the latest answer said.
#[derive(Debug)]
pub(crate) struct Pacer {
    pacing: Pacing,
    state: std::sync::Mutex<Pace>,
}

#[derive(Debug, Default)]
struct Pace {
    /// Time between two requests, from the latest answer that carried the headers.
    spacing: Option<Duration>,
    /// When the latest request was (or will be) sent.
    last: Option<Instant>,
}

impl Pacer {
    pub(crate) fn new(pacing: Pacing) -> Self {
        Pacer {
            pacing,
            state: std::sync::Mutex::default(),
        }
    }

    /// Takes the headers of an answer into account.
    pub(crate) fn observe(&self, info: &RateLimitInfo) {
        if info.max.is_none() || info.remaining.is_none() || info.interval_ms.is_none() {
            return;
        }
        let spacing = self.pacing.spacing(info);
        self.state.lock().unwrap_or_else(|e| e.into_inner()).spacing = spacing;
    }

    /// Waits for this request's turn: `spacing` after the previous one. Returns how long it
    /// waited (zero when not pacing).
    pub(crate) async fn wait(&self) -> Duration {
        let now = Instant::now();
        let slot = {
            let mut pace = self.state.lock().unwrap_or_else(|e| e.into_inner());
            let slot = match (pace.spacing, pace.last) {
                (Some(spacing), Some(last)) => now.max(last + spacing),
                _ => now,
            };
            // Reserving the slot before sleeping keeps concurrent requests in order.
            pace.last = Some(slot);
            slot
        };
        tokio::time::sleep_until(slot).await;
        slot - now
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_is_paced_to_the_budget() {
        let limit = RateLimit::new(10, Duration::from_secs(10));
        let start = Instant::now();
        for _ in 0..25 {
            limit.acquire().await;
        }
        // 10 at once, 10 when the first window has passed, the last 5 a window later.
        assert_eq!(start.elapsed(), Duration::from_secs(20));
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_bucket_refills_but_never_beyond_its_capacity() {
        let limit = RateLimit::new(5, Duration::from_secs(5));
        tokio::time::sleep(Duration::from_secs(60)).await;
        let start = Instant::now();
        for _ in 0..6 {
            limit.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(5));
    }

    #[test]
    fn the_capacity_pack_allows_250_per_10_seconds() {
        let pack = RateLimit::hubspot_capacity_pack();
        assert_eq!(pack.requests, 250);
        assert_eq!(pack.window, Duration::from_secs(10));
    }

    fn headers(max: u64, remaining: u64, interval_ms: u64) -> RateLimitInfo {
        RateLimitInfo {
            max: Some(max),
            remaining: Some(remaining),
            interval_ms: Some(interval_ms),
            ..RateLimitInfo::default()
        }
    }

    #[test]
    fn spacing_spreads_the_remaining_budget_over_the_interval() {
        let pacing = Pacing::hubspot_headers();
        assert_eq!(pacing.spacing(&headers(100, 50, 10_000)), None);
        assert_eq!(
            pacing.spacing(&headers(100, 49, 9_800)),
            Some(Duration::from_millis(200))
        );
        assert_eq!(
            pacing.spacing(&headers(100, 1, 10_000)),
            Some(Duration::from_secs(10))
        );
        // Nothing left: wait a whole interval for the rolling window to free requests.
        assert_eq!(
            pacing.spacing(&headers(100, 0, 10_000)),
            Some(Duration::from_secs(10))
        );
        assert_eq!(pacing.reserve(0.1).spacing(&headers(100, 20, 10_000)), None);
        assert_eq!(pacing.spacing(&headers(0, 0, 10_000)), None);
        assert_eq!(pacing.reserve(f64::NAN), Pacing::default());
        assert_eq!(pacing.reserve(7.0).reserve, 1.0);
    }

    #[tokio::test(start_paused = true)]
    async fn requests_are_spaced_while_the_headers_say_the_interval_is_nearly_used() {
        let pacer = Pacer::new(Pacing::hubspot_headers());
        let start = Instant::now();
        assert_eq!(pacer.wait().await, Duration::ZERO, "no answer yet");
        pacer.observe(&headers(100, 10, 10_000));
        for _ in 0..3 {
            assert_eq!(pacer.wait().await, Duration::from_secs(1));
        }
        assert_eq!(start.elapsed(), Duration::from_secs(3));
        // The budget recovered: requests go out at once again.
        pacer.observe(&headers(100, 80, 10_000));
        assert_eq!(pacer.wait().await, Duration::ZERO);
        assert_eq!(start.elapsed(), Duration::from_secs(3));
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_requests_take_successive_slots() {
        let pacer = std::sync::Arc::new(Pacer::new(Pacing::hubspot_headers()));
        pacer.observe(&headers(100, 4, 1_000));
        let start = Instant::now();
        let waits = futures::future::join_all((0..4).map(|_| {
            let pacer = pacer.clone();
            async move { pacer.wait().await }
        }))
        .await;
        let mut waits: Vec<u128> = waits.iter().map(Duration::as_millis).collect();
        waits.sort_unstable();
        assert_eq!(waits, [0, 250, 500, 750]);
        assert_eq!(start.elapsed(), Duration::from_millis(750));
    }

    #[tokio::test(start_paused = true)]
    async fn an_answer_without_the_headers_keeps_the_pace_and_idleness_clears_it() {
        let pacer = Pacer::new(Pacing::hubspot_headers());
        pacer.observe(&headers(100, 5, 10_000));
        pacer.wait().await;
        pacer.observe(&RateLimitInfo::default());
        assert_eq!(pacer.wait().await, Duration::from_secs(2));
        // After a pause longer than the spacing, the next request does not wait.
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert_eq!(pacer.wait().await, Duration::ZERO);
    }
}
