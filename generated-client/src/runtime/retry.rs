//! Retries: exponential backoff with jitter, honouring `Retry-After`, bounded by attempts and
//! total time. Reads (and operations the spec marks `x-idempotent`) are retried on 429, 5xx and
//! transport failures. A non-idempotent request (sending a message, creating a token) is retried
//! only when the server cannot have acted on it — the connection was never made, or HubSpot's
//! rate limiter answered 429 — unless the caller opts in with
//! [`RetryPolicy::retry_non_idempotent`]. A 429 under HubSpot's `DAILY` policy is never retried.

use std::time::Duration;

use super::Error;

/// When and how often failed requests are retried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_elapsed: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// Up to 4 attempts, backoff from 500 ms doubling to at most 30 s, 2 minutes in all.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_elapsed: Duration::from_secs(120),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// No retries: every request is sent once.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// Total attempts per request, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// Delay before the first retry; later retries double it (with jitter).
    pub fn initial_backoff(mut self, delay: Duration) -> Self {
        self.initial_backoff = delay;
        self
    }

    /// Longest delay between attempts; a longer `Retry-After` ends the retries instead.
    pub fn max_backoff(mut self, delay: Duration) -> Self {
        self.max_backoff = delay;
        self
    }

    /// Longest time from the first attempt to the start of the last one.
    pub fn max_elapsed(mut self, total: Duration) -> Self {
        self.max_elapsed = total;
        self
    }

    /// Also retry non-idempotent requests after 5xx answers and lost connections. Off by
    /// default: a retried send could post a customer-facing message twice.
    pub fn retry_non_idempotent(mut self, enabled: bool) -> Self {
        self.retry_non_idempotent = enabled;
        self
    }

    /// The delay before another attempt after `error` on attempt `attempt` (1-based), or `None`
    /// when the request must not or cannot be retried within the budget.
    pub(crate) fn next_delay(
        &self,
        error: &Error,
        attempt: u32,
        idempotent: bool,
        elapsed: Duration,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts || !self.may_retry(error, idempotent) {
            return None;
        }
        let delay = match error.retry_after() {
            Some(wait) if wait > self.max_backoff => return None,
            Some(wait) => wait,
            None => self.backoff(attempt),
        };
        (elapsed + delay <= self.max_elapsed).then_some(delay)
    }

    fn may_retry(&self, error: &Error, idempotent: bool) -> bool {
        if matches!(error, Error::MaybeApplied { .. }) {
            return self.retry_non_idempotent;
        }
        if !error.is_retryable() {
            return false;
        }
        let never_processed =
            error.is_connect() || error.status().is_some_and(|s| s.as_u16() == 429);
        idempotent || self.retry_non_idempotent || never_processed
    }

    /// Exponential backoff with "equal jitter": half the step fixed, half random.
    fn backoff(&self, attempt: u32) -> Duration {
        let step = self
            .initial_backoff
            .saturating_mul(1 << (attempt - 1).min(20))
            .min(self.max_backoff);
        let half = step / 2;
        half + half.mul_f64(jitter())
    }
}

/// A pseudo-random number in `[0, 1)`, from the standard library's randomly seeded hasher.
fn jitter() -> f64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default()
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(350));
        for _ in 0..50 {
            let first = policy.backoff(1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let second = policy.backoff(2);
            assert!(second >= Duration::from_millis(100) && second <= Duration::from_millis(200));
            let capped = policy.backoff(10);
            assert!(capped <= Duration::from_millis(350), "{capped:?}");
        }
    }

    #[test]
    fn jitter_is_in_range_and_varies() {
        let values: Vec<f64> = (0..20).map(|_| jitter()).collect();
        assert!(values.iter().all(|v| (0.0..1.0).contains(v)));
        assert!(values.windows(2).any(|w| w[0] != w[1]));
    }

    #[test]
    fn disabled_never_retries() {
        let err = Error::InvalidArgument("x".into());
        assert_eq!(
            RetryPolicy::disabled().next_delay(&err, 1, true, Duration::ZERO),
            None
        );
    }
}
