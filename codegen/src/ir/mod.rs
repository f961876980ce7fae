//! The intermediate representation: what the generator knows about an API once every `$ref`
//! is followed and every name is settled. It knows nothing of `openapiv3`; emitters read only this.

mod omission;
mod operation;
mod path;
mod security;
mod shape;
mod types;
mod webhook;

pub use omission::{Omission, OmissionKind};
pub use operation::{
    Body, CursorStep, Delimiter, Encoding, Method, ObjectStyle, Operation, Pagination, Param,
    ParamEncoding, ParamLocation, PathStyle, Response, Status,
};
pub use path::{PathSegment, PathTemplate};
pub use security::{
    ApiKeyLocation, SchemeKind, SchemeRequirement, SecurityAlternative, SecurityScheme,
};
pub use shape::{union_shape, value_shape, ValueShape};
pub use types::{
    EnumValue, Field, IdJson, IdType, NumericEnum, NumericValue, Primitive, StringEnum, Struct,
    TypeDef, TypeKind, TypeRef, Union, UnionTag, Usage, Variant,
};
pub use webhook::Webhook;

use std::collections::BTreeMap;

/// A whole API: its metadata, every named type (sorted by Rust name) and every operation
/// (in spec order: paths as written, methods in a fixed order).
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The first server URL, used as the client's default base URL.
    pub base_url: Option<String>,
    /// Named types keyed by their Rust name.
    pub types: BTreeMap<String, TypeDef>,
    /// Operations in spec order.
    pub operations: Vec<Operation>,
    /// Webhooks (calls the API makes) in spec order.
    pub webhooks: Vec<Webhook>,
    /// The security schemes the runtime can send, in spec order (used or not).
    pub security_schemes: Vec<SecurityScheme>,
    /// What partial generation left out or generated as any JSON value, by pointer (always
    /// empty when resolved strictly).
    pub omissions: Vec<Omission>,
}

impl Api {
    /// The runtime's optional cargo features its operations need: `form` and `multipart` for
    /// request bodies of those encodings, in that order.
    pub fn runtime_features(&self) -> Vec<&'static str> {
        let sends = |encoding: Encoding| {
            self.operations
                .iter()
                .any(|op| op.body.as_ref().is_some_and(|b| b.encoding == encoding))
        };
        let mut features = Vec::new();
        if sends(Encoding::Form) {
            features.push("form");
        }
        if sends(Encoding::Multipart) {
            features.push("multipart");
        }
        features
    }
}
