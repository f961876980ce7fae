//! HubSpot-specific pieces the spec cannot express, hand-written for this crate only: they live
//! outside `runtime/`, so crates made by `cargo xtask generate` from other specs do not carry
//! them. Each sits behind its own cargo feature.

#[cfg(feature = "oauth")]
pub mod oauth;
#[cfg(feature = "webhooks")]
pub mod webhooks;
