//! [`SeenEvents`]: the event ids already handled, bounded in count and in age.

use std::collections::{HashSet, VecDeque};
use std::time::{Duration, Instant};

/// Remembers event ids for `ttl` and at most `capacity` of them, oldest forgotten first.
/// HubSpot's retries of one delivery span about a day, so a day's ids are enough; the count bound
/// keeps memory fixed when traffic is high.
#[derive(Debug)]
pub struct SeenEvents {
    ids: HashSet<i64>,
    order: VecDeque<(i64, Instant)>,
    capacity: usize,
    ttl: Duration,
}

impl SeenEvents {
    /// Remembers up to `capacity` ids (at least one), each for `ttl`.
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        SeenEvents {
            ids: HashSet::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
            ttl,
        }
    }

    /// Records `id` at `now`; `true` when it was not seen before (within the bounds).
    pub fn first_time(&mut self, id: i64, now: Instant) -> bool {
        while let Some(&(old, at)) = self.order.front() {
            if now.duration_since(at) <= self.ttl && self.order.len() < self.capacity {
                break;
            }
            self.order.pop_front();
            self.ids.remove(&old);
        }
        if !self.ids.insert(id) {
            return false;
        }
        self.order.push_back((id, now));
        true
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgets_by_count_and_by_age() {
        let start = Instant::now();
        let mut seen = SeenEvents::new(2, Duration::from_secs(60));
        assert!(seen.first_time(1, start));
        assert!(!seen.first_time(1, start));
        assert!(seen.first_time(2, start));
        // A third id pushes out the oldest.
        assert!(seen.first_time(3, start));
        assert_eq!(seen.len(), 2);
        assert!(seen.first_time(1, start));
        // Past the ttl everything is forgotten.
        let later = start + Duration::from_secs(61);
        assert!(seen.first_time(3, later));
        assert_eq!(seen.len(), 1);
    }
}
