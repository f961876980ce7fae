//! CPU time (user and system) of a chosen set of threads, read from `/proc`: the client
//! runtime's threads register themselves from tokio's thread start and stop hooks, so the
//! loopback server's thread (and the bench's main thread) are never counted.
//!
//! Each thread's time comes from `/proc/self/task/<tid>/schedstat` (nanoseconds on CPU), or
//! from its `stat` (clock ticks, 10 ms) where the kernel has no schedstat. Linux only: elsewhere
//! [`ThreadCpu::total`] is `None`.

use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The registered threads and the time of those that have stopped.
#[derive(Clone, Default)]
pub struct ThreadCpu {
    state: Arc<Mutex<State>>,
}

#[derive(Default)]
struct State {
    /// Thread ids of the registered threads still running.
    live: Vec<String>,
    /// CPU time of registered threads that have stopped.
    retired: Duration,
}

impl ThreadCpu {
    /// Counts the calling thread from now on (its time so far included).
    pub fn register_this_thread(&self) {
        if let Some(tid) = this_tid() {
            self.state.lock().unwrap().live.push(tid);
        }
    }

    /// Stops reading the calling thread, keeping the time it used.
    pub fn retire_this_thread(&self) {
        let Some(tid) = this_tid() else { return };
        let used = thread_time(&tid).unwrap_or_default();
        let mut state = self.state.lock().unwrap();
        state.live.retain(|t| *t != tid);
        state.retired += used;
    }

    /// CPU time used so far by every thread registered; `None` without `/proc`.
    pub fn total(&self) -> Option<Duration> {
        let state = self.state.lock().unwrap();
        let mut total = state.retired;
        for tid in &state.live {
            total += thread_time(tid)?;
        }
        Some(total)
    }
}

/// The calling thread's id, from the `/proc/thread-self` link (`<pid>/task/<tid>`).
fn this_tid() -> Option<String> {
    let link = std::fs::read_link("/proc/thread-self").ok()?;
    Some(link.file_name()?.to_str()?.to_owned())
}

/// CPU time of thread `tid` of this process.
fn thread_time(tid: &str) -> Option<Duration> {
    let task = format!("/proc/self/task/{tid}");
    if let Ok(schedstat) = std::fs::read_to_string(format!("{task}/schedstat")) {
        let nanos = schedstat.split_whitespace().next()?.parse().ok()?;
        return Some(Duration::from_nanos(nanos));
    }
    // Fields after the command name, which ends at the last `)`: utime is field 14, stime 15.
    let stat = std::fs::read_to_string(format!("{task}/stat")).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}
