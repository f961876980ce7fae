//! Which requests are safe to send twice when nothing else says: the one rule, shared as source
//! with the generator (which compiles this file too), so generated operations and hand-built
//! requests agree.

/// Whether a request with HTTP `method` (upper case, e.g. `"GET"`) may be sent again after a
/// failure without risking a duplicate effect: every method but POST and PATCH.
pub(crate) fn idempotent_by_default(method: &str) -> bool {
    !matches!(method, "POST" | "PATCH")
}
