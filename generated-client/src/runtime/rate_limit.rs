//! An optional client-side rate limiter (a token bucket), so a bulk job paces itself within
//! HubSpot's budget instead of collecting 429s.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

/// A request budget: at most `requests` per `window`, spread evenly.
#[derive(Debug)]
pub struct RateLimit {
    capacity: f64,
    per_second: f64,
    state: Mutex<Bucket>,
}

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    refilled: Instant,
}

impl RateLimit {
    /// At most `requests` per `window` (bursts up to `requests` are allowed).
    pub fn new(requests: u32, window: Duration) -> Self {
        let capacity = f64::from(requests.max(1));
        RateLimit {
            capacity,
            per_second: capacity / window.as_secs_f64().max(f64::EPSILON),
            state: Mutex::new(Bucket {
                tokens: capacity,
                refilled: Instant::now(),
            }),
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

    /// Waits until a request may be sent, then takes its token.
    pub async fn acquire(&self) {
        let mut bucket = self.state.lock().await;
        let now = Instant::now();
        let earned = now.duration_since(bucket.refilled).as_secs_f64() * self.per_second;
        bucket.tokens = (bucket.tokens + earned).min(self.capacity);
        bucket.refilled = now;
        if bucket.tokens < 1.0 {
            let wait = Duration::from_secs_f64((1.0 - bucket.tokens) / self.per_second);
            // Holding the lock while sleeping queues callers fairly, in arrival order.
            tokio::time::sleep(wait).await;
            bucket.tokens = 1.0;
            bucket.refilled = Instant::now();
        }
        bucket.tokens -= 1.0;
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
        // 10 at once, then one per second for the other 15.
        let elapsed = start.elapsed();
        assert!(elapsed >= Duration::from_secs(15), "{elapsed:?}");
        assert!(elapsed < Duration::from_secs(16), "{elapsed:?}");
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_bucket_refills_but_never_beyond_its_capacity() {
        let limit = RateLimit::new(5, Duration::from_secs(5));
        tokio::time::sleep(Duration::from_secs(60)).await;
        let start = Instant::now();
        for _ in 0..6 {
            limit.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::from_secs(1));
    }
}
