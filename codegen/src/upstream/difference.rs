//! One difference in wire facts between our spec and a published one: its kind, where it is on
//! each side, and what differs.

use std::fmt;

use crate::pointer::Pointer;

/// What kind of wire fact differs. "Missing" means the published spec has it and ours does not;
/// "extra" means ours has it and the published spec does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A server URL is published but not in ours.
    ServerMissing,
    /// Our server URL is in no published file.
    ServerExtra,
    /// A security scheme of the same name means something else on the wire (e.g. a bearer
    /// token vs an API-key header).
    SecurityScheme,
    /// A published operation (method + path) is not in ours.
    OperationMissing,
    /// Our operation is in no published file.
    OperationExtra,
    /// A published parameter (name + location) is not in ours.
    ParameterMissing,
    /// Our parameter is not in the published operation.
    ParameterExtra,
    /// A parameter is required on one side only.
    ParameterRequired,
    /// A parameter is serialised differently (`style`, `explode`, `allowReserved`, `content`).
    ParameterStyle,
    /// The published operation takes a request body, ours does not.
    RequestBodyMissing,
    /// Our operation takes a request body, the published one does not.
    RequestBodyExtra,
    /// The request body is required on one side only.
    RequestBodyRequired,
    /// A published response status is not in ours.
    ResponseMissing,
    /// Our response status is not in the published operation.
    ResponseExtra,
    /// A published media type is not in ours.
    MediaTypeMissing,
    /// Our media type is not published.
    MediaTypeExtra,
    /// A published security alternative (schemes and scopes) is not in ours.
    SecurityMissing,
    /// Our security alternative is not published.
    SecurityExtra,
    /// A security alternative has the same schemes with other scopes.
    SecurityScopes,
    /// The schema's `type` differs.
    Type,
    /// The schema's `format` differs.
    Format,
    /// The value may be `null` on one side only.
    Nullable,
    /// The published schema restricts values to an enum, ours does not.
    EnumMissing,
    /// Our schema restricts values to an enum, the published one does not.
    EnumExtra,
    /// A published enum value is not in ours.
    EnumValueMissing,
    /// Our enum value is not published.
    EnumValueExtra,
    /// A published object field is not in ours.
    FieldMissing,
    /// Our object field is not published.
    FieldExtra,
    /// A field is required on one side only.
    FieldRequired,
    /// An array's items are declared on one side only.
    Items,
    /// Extra object fields (`additionalProperties`) are allowed, forbidden or typed differently.
    AdditionalProperties,
    /// A value is a union (`oneOf`/`anyOf`) on one side only.
    Union,
    /// A published union variant is not in ours.
    VariantMissing,
    /// Our union variant is not published.
    VariantExtra,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 34] = [
        Kind::ServerMissing,
        Kind::ServerExtra,
        Kind::SecurityScheme,
        Kind::OperationMissing,
        Kind::OperationExtra,
        Kind::ParameterMissing,
        Kind::ParameterExtra,
        Kind::ParameterRequired,
        Kind::ParameterStyle,
        Kind::RequestBodyMissing,
        Kind::RequestBodyExtra,
        Kind::RequestBodyRequired,
        Kind::ResponseMissing,
        Kind::ResponseExtra,
        Kind::MediaTypeMissing,
        Kind::MediaTypeExtra,
        Kind::SecurityMissing,
        Kind::SecurityExtra,
        Kind::SecurityScopes,
        Kind::Type,
        Kind::Format,
        Kind::Nullable,
        Kind::EnumMissing,
        Kind::EnumExtra,
        Kind::EnumValueMissing,
        Kind::EnumValueExtra,
        Kind::FieldMissing,
        Kind::FieldExtra,
        Kind::FieldRequired,
        Kind::Items,
        Kind::AdditionalProperties,
        Kind::Union,
        Kind::VariantMissing,
        Kind::VariantExtra,
    ];

    /// The kebab-case name used in output and in the deviations file, e.g. `field-required`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ServerMissing => "server-missing",
            Kind::ServerExtra => "server-extra",
            Kind::SecurityScheme => "security-scheme",
            Kind::OperationMissing => "operation-missing",
            Kind::OperationExtra => "operation-extra",
            Kind::ParameterMissing => "parameter-missing",
            Kind::ParameterExtra => "parameter-extra",
            Kind::ParameterRequired => "parameter-required",
            Kind::ParameterStyle => "parameter-style",
            Kind::RequestBodyMissing => "request-body-missing",
            Kind::RequestBodyExtra => "request-body-extra",
            Kind::RequestBodyRequired => "request-body-required",
            Kind::ResponseMissing => "response-missing",
            Kind::ResponseExtra => "response-extra",
            Kind::MediaTypeMissing => "media-type-missing",
            Kind::MediaTypeExtra => "media-type-extra",
            Kind::SecurityMissing => "security-missing",
            Kind::SecurityExtra => "security-extra",
            Kind::SecurityScopes => "security-scopes",
            Kind::Type => "type",
            Kind::Format => "format",
            Kind::Nullable => "nullable",
            Kind::EnumMissing => "enum-missing",
            Kind::EnumExtra => "enum-extra",
            Kind::EnumValueMissing => "enum-value-missing",
            Kind::EnumValueExtra => "enum-value-extra",
            Kind::FieldMissing => "field-missing",
            Kind::FieldExtra => "field-extra",
            Kind::FieldRequired => "field-required",
            Kind::Items => "items",
            Kind::AdditionalProperties => "additional-properties",
            Kind::Union => "union",
            Kind::VariantMissing => "variant-missing",
            Kind::VariantExtra => "variant-extra",
        }
    }

    /// The kind named `name` (as [`as_str`](Self::as_str) spells it).
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node in one file: the file as the user named it and the JSON pointer (RFC 6901, without a
/// leading `#`; `""` is the root).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Site {
    /// The file.
    pub file: String,
    /// The JSON pointer, e.g. `/paths/~1threads/get/parameters/3`.
    pub pointer: String,
}

impl Site {
    pub(super) fn new(file: &str, pointer: &Pointer) -> Self {
        Site {
            file: file.to_owned(),
            pointer: plain(pointer),
        }
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.file, self.pointer)
    }
}

/// `pointer` as RFC 6901 text: without the leading `#`.
pub(super) fn plain(pointer: &Pointer) -> String {
    pointer.as_str().trim_start_matches('#').to_owned()
}

/// One difference. Its identity is the kind and the two pointers; `context` and `message` are
/// for people. Differences sort by our site, then the published one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Difference {
    /// Where in our spec: the node that differs, or for something missing the node that would
    /// hold it.
    pub ours: Site,
    /// Where in the published spec, likewise.
    pub published: Site,
    /// What differs.
    pub kind: Kind,
    /// Where it was met, e.g. `GET /threads 200 application/json $.results[].status`.
    pub context: String,
    /// What differs, e.g. `type: string in ours, object in the published spec`.
    pub message: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} (ours {}, published {})",
            self.kind, self.context, self.message, self.ours, self.published
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn kinds_round_trip_their_names() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(Kind::parse("nope"), None);
    }
}
