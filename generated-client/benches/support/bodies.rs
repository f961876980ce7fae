//! Thread bodies for the loopback server, built from the test fixtures.

use super::fixtures::fixture;

/// The thread `get_thread` returns in the benches.
pub const THREAD_ID: i64 = 7315416722;

/// One thread, as `GET /threads/{id}` returns it.
pub fn thread() -> String {
    fixture("Thread", "open_assigned.json")
}

/// `count` threads with distinct ids, comma-separated (a page's `results` without brackets).
pub fn thread_results(count: usize) -> String {
    let thread = thread();
    let items: Vec<String> = (0..count)
        .map(|i| thread.replacen("7315416722", &(7_315_416_722 + i as u64).to_string(), 1))
        .collect();
    items.join(",")
}
