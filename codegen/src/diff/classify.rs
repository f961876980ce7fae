//! The rules: every kind of change, with its effect on the generated Rust API and on the wire.
//!
//! A kind already encodes the facts its effect depends on (e.g. whether a union is tagged, or
//! whether a struct is built by callers for requests), so each rule is one line of the table below, beside the kind's definition.
//! What the rules assume about the generated code (every struct has a `new` taking its required
//! fields and a `with_` setter per optional field, and derives `Default` only when it has no
//! required field; structs used only in responses are `#[non_exhaustive]`, other structs are
//! exhaustive; string enums and tagged unions are `#[non_exhaustive]` with an `Unknown`
//! catch-all; untagged unions and response enums are exhaustive; unions convert `From` each
//! payload type only one variant holds and have an accessor per field every variant shares) is
//! checked against the emitter by `codegen/tests/diff/emitter_facts.rs`.

use super::Impact::{self, Additive, Behaviour, Breaking, Docs};

/// Defines [`Kind`] and its rules from one list, so every kind has exactly one rule: each
/// kind's docs and name, then its stable code, its impact and the reason for it.
macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident => ($code:literal, $impact:ident, $reason:literal),)*) => {
        /// What kind of change was found. Its [`impact`](Kind::impact) and
        /// [`reason`](Kind::reason) follow from the kind alone.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $($(#[$doc])* $kind,)*
        }

        impl Kind {
            /// The kind's rule: its stable code, its impact and why.
            fn rule(self) -> (&'static str, Impact, &'static str) {
                match self {
                    $(Kind::$kind => ($code, $impact, $reason),)*
                }
            }
        }
    };
}

kinds! {
    /// `servers[0].url` changed.
    BaseUrlChanged => ("base_url_changed", Behaviour, "`DEFAULT_BASE_URL` changes, so clients built without a base URL call the new server"),
    /// `info.version` changed.
    VersionChanged => ("version_changed", Docs, "only the `API_VERSION` constant and the module docs change"),
    /// `info.title` or `info.description` changed.
    ApiDocsChanged => ("api_docs_changed", Docs, "documentation only"),
    /// A new API-key security scheme (a constant in `security`).
    ApiKeySchemeAdded => ("api_key_scheme_added", Additive, "a new constant in `security`"),
    /// An API-key security scheme is gone.
    ApiKeySchemeRemoved => ("api_key_scheme_removed", Breaking, "code naming the constant in `security` no longer compiles"),
    /// An API-key scheme's key goes elsewhere (location or name).
    ApiKeySchemeWireChanged => ("api_key_scheme_wire_changed", Behaviour, "same constant; the key is sent in another place"),
    /// A new operation.
    OperationAdded => ("operation_added", Additive, "a new client method and request builder"),
    /// An operation is gone.
    OperationRemoved => ("operation_removed", Breaking, "calls to the method and uses of its builder no longer compile"),
    /// Same method name, different HTTP method or path.
    EndpointChanged => ("endpoint_changed", Behaviour, "same Rust signature; requests go to the new method and path"),
    /// Same method name, different request builder type name.
    BuilderRenamed => ("builder_renamed", Breaking, "code naming the request builder type no longer compiles"),
    /// A new required parameter.
    ParamAddedRequired => ("param_added_required", Breaking, "a new method argument that every call must pass"),
    /// A new optional parameter.
    ParamAddedOptional => ("param_added_optional", Additive, "a new setter on the request builder; nothing is sent unless it is called"),
    /// A required parameter is gone.
    ParamRemovedRequired => ("param_removed_required", Breaking, "a method argument is removed, so every call passes one too many"),
    /// An optional parameter is gone.
    ParamRemovedOptional => ("param_removed_optional", Breaking, "calls to its setter no longer compile"),
    /// An optional parameter became required.
    ParamBecameRequired => ("param_became_required", Breaking, "its setter is replaced by a method argument, so every call changes"),
    /// A required parameter became optional.
    ParamBecameOptional => ("param_became_optional", Breaking, "its method argument is replaced by a setter, so every call changes"),
    /// A parameter's type changed.
    ParamRetyped => ("param_retyped", Breaking, "its method argument or setter takes another type"),
    /// A parameter's wire name, location, style or explode changed.
    ParamWireChanged => ("param_wire_changed", Behaviour, "same Rust signature; the value is sent differently"),
    /// A parameter's description changed.
    ParamDocsChanged => ("param_docs_changed", Docs, "documentation only"),
    /// A new required request body.
    BodyAddedRequired => ("body_added_required", Breaking, "a new `body` method argument that every call must pass"),
    /// A new optional request body.
    BodyAddedOptional => ("body_added_optional", Additive, "a new `body` setter on the request builder"),
    /// The request body is gone.
    BodyRemoved => ("body_removed", Breaking, "code passing a body no longer compiles"),
    /// An optional request body became required.
    BodyBecameRequired => ("body_became_required", Breaking, "the `body` setter is replaced by a method argument, so every call changes"),
    /// A required request body became optional.
    BodyBecameOptional => ("body_became_optional", Breaking, "the `body` method argument is replaced by a setter, so every call changes"),
    /// The request body's type changed.
    BodyRetyped => ("body_retyped", Breaking, "the `body` argument or setter takes another type"),
    /// The request body's media type changed.
    BodyMediaTypeChanged => ("body_media_type_changed", Behaviour, "same Rust signature; the body is sent with the new media type"),
    /// The request body's description changed.
    BodyDocsChanged => ("body_docs_changed", Docs, "documentation only"),
    /// The type `send()` returns changed.
    ReturnTypeChanged => ("return_type_changed", Breaking, "code using what `send()` returns no longer type-checks"),
    /// A success status was added to an operation answering with a response enum.
    ResponseVariantAdded => ("response_variant_added", Breaking, "response enums are exhaustive (not `#[non_exhaustive]`), so matches without a wildcard arm break"),
    /// A success status was removed from an operation answering with a response enum.
    ResponseVariantRemoved => ("response_variant_removed", Breaking, "code naming the response enum's variant no longer compiles"),
    /// A success status of a response enum carries another type.
    ResponseVariantRetyped => ("response_variant_retyped", Breaking, "code using the response enum variant's payload no longer type-checks"),
    /// Success statuses changed while `send()` returns the same type.
    StatusesChanged => ("statuses_changed", Docs, "`send()` returns the same type, and any 2xx status decodes as it"),
    /// A success response's media type changed.
    ResponseMediaTypeChanged => ("response_media_type_changed", Behaviour, "same Rust signature; the response is read as the new media type"),
    /// A success response's description changed.
    ResponseDocsChanged => ("response_docs_changed", Docs, "documentation only"),
    /// The declared error body changed.
    ErrorTypeChanged => ("error_type_changed", Docs, "not part of the generated API (error bodies decode into the runtime's `ApiErrorBody`)"),
    /// The operation became cursor-paged.
    PaginationAdded => ("pagination_added", Additive, "new `pages()` and `into_stream()` methods on the request builder"),
    /// The operation is no longer cursor-paged.
    PaginationRemoved => ("pagination_removed", Breaking, "calls to `pages()` and `into_stream()` no longer compile"),
    /// The item type of a paged operation changed.
    PaginationItemChanged => ("pagination_item_changed", Breaking, "`into_stream()` yields another item type"),
    /// Whether the operation is idempotent (retried freely) changed.
    IdempotencyChanged => ("idempotency_changed", Behaviour, "same Rust signature; the runtime retries the request under other conditions"),
    /// The operation became deprecated, or is no longer.
    DeprecationChanged => ("deprecation_changed", Docs, "documentation only (the generated method carries no `#[deprecated]` attribute)"),
    /// The credentials the operation accepts (its security alternatives) changed.
    SecurityChanged => ("security_changed", Behaviour, "same Rust signature; the request accepts other credentials, so a client whose `Auth` lacks them fails before sending"),
    /// The OAuth scopes changed.
    ScopesChanged => ("scopes_changed", Docs, "documentation only, but tokens may need the new scopes"),
    /// Summary, description or tags changed.
    OperationDocsChanged => ("operation_docs_changed", Docs, "documentation only"),
    /// A new webhook (a type in `webhooks`).
    WebhookAdded => ("webhook_added", Additive, "a new public type in `webhooks`"),
    /// A webhook is gone.
    WebhookRemoved => ("webhook_removed", Breaking, "code naming the webhook type no longer compiles"),
    /// A webhook's payload (what `decode` returns) changed type.
    WebhookPayloadRetyped => ("webhook_payload_retyped", Breaking, "`decode` and `Webhook::Payload` give another type, so code using the payload no longer type-checks"),
    /// A webhook's name, method or media type changed, its Rust type staying the same.
    WebhookCallChanged => ("webhook_call_changed", Behaviour, "same Rust type and payload; its `NAME` or `METHOD` constant, or the media type the API sends, changes"),
    /// A webhook's summary, description, tags or deprecation changed.
    WebhookDocsChanged => ("webhook_docs_changed", Docs, "documentation only"),
    /// A new named type.
    TypeAdded => ("type_added", Additive, "a new public type in `models`"),
    /// A named type is gone.
    TypeRemoved => ("type_removed", Breaking, "code naming the type no longer compiles"),
    /// A type changed kind (e.g. struct → union).
    TypeKindChanged => ("type_kind_changed", Breaking, "construction, field access and matches of the type all break"),
    /// A type of the same kind changed in a way no finer rule describes.
    TypeDefinitionChanged => ("type_definition_changed", Breaking, "the generated type changed in a way the diff does not classify more finely"),
    /// A type's description changed.
    TypeDocsChanged => ("type_docs_changed", Docs, "documentation only"),
    /// A type alias names another type.
    AliasRetyped => ("alias_retyped", Breaking, "uses of the alias no longer type-check"),
    /// A field was added to a struct used in requests.
    RequestFieldAdded => ("request_field_added", Breaking, "callers build this type for requests, and struct literals must name every field (structs used in requests are exhaustive); a required field is also a new argument of `new`"),
    /// A field was added to a struct used neither in requests nor only in responses (one no
    /// operation uses, or one that was or became response-only in this change).
    FieldAdded => ("field_added", Breaking, "struct literals and exhaustive patterns written for the exhaustive struct must name every field (only structs used only in responses are `#[non_exhaustive]`); a required field is also a new argument of `new`"),
    /// An optional field was added to a struct used only in responses, in both APIs.
    ResponseFieldAdded => ("response_field_added", Additive, "structs used only in responses are `#[non_exhaustive]`, so no code outside the crate lists their fields in a literal or pattern, `new` is unchanged and the field gets a new `with_` setter (HubSpot's policy: a new response field is not breaking)"),
    /// A required field was added to a struct used only in responses, in both APIs.
    ResponseRequiredFieldAdded => ("response_required_field_added", Breaking, "`new` takes every required field as an argument, so its calls (in tests and mocks) gain one, and a struct that derived `Default` no longer does; reads and `..` patterns are unaffected"),
    /// A struct is now used only in responses, so `#[non_exhaustive]`.
    StructBecameNonExhaustive => ("struct_became_non_exhaustive", Breaking, "it is now `#[non_exhaustive]`, so struct literals and exhaustive patterns outside the crate no longer compile"),
    /// A struct is no longer used only in responses, so exhaustive.
    StructBecameExhaustive => ("struct_became_exhaustive", Additive, "it is no longer `#[non_exhaustive]`, so code outside the crate may now write struct literals; `new` and the setters are unchanged"),
    /// A field is gone.
    FieldRemoved => ("field_removed", Breaking, "code reading or setting the field (its `new` argument or `with_` setter) no longer compiles"),
    /// A field's type changed.
    FieldRetyped => ("field_retyped", Breaking, "reads of the field and code setting it (struct literals, `new`, its `with_` setter) no longer type-check"),
    /// A field went from `Option<T>` to `T`.
    FieldBecameRequired => ("field_became_required", Breaking, "construction (struct literals; `new` gains an argument and the `with_` setter is gone) and reads written for `Option<T>` no longer type-check"),
    /// A field went from `T` to `Option<T>`.
    FieldBecameOptional => ("field_became_optional", Breaking, "reads and construction (struct literals; `new` loses an argument, set through a `with_` setter instead) written for `T` no longer type-check"),
    /// `required`/`nullable` changed but the Rust type did not.
    FieldPresenceChanged => ("field_presence_changed", Behaviour, "the Rust type stays `Option<T>`; only whether `None` is sent as `null` or left out, and whether a missing value decodes, changes"),
    /// A field is now (or no longer) boxed.
    FieldBoxingChanged => ("field_boxing_changed", Breaking, "the field's type gains or loses a `Box`"),
    /// A field's JSON name changed; the Rust name did not.
    FieldWireNameChanged => ("field_wire_name_changed", Behaviour, "same Rust field; it is read and written under the new JSON name"),
    /// A field's description changed.
    FieldDocsChanged => ("field_docs_changed", Docs, "documentation only"),
    /// A new string enum value.
    EnumValueAdded => ("enum_value_added", Additive, "string enums are `#[non_exhaustive]` with an `Unknown` catch-all, so matches already have a wildcard arm; the value no longer decodes as `Unknown`"),
    /// A string enum value is gone.
    EnumValueRemoved => ("enum_value_removed", Breaking, "code naming the variant no longer compiles"),
    /// A variant's wire value changed.
    EnumValueWireChanged => ("enum_value_wire_changed", Behaviour, "same variant; it is read and written as the new value"),
    /// Enum values were reordered.
    EnumValuesReordered => ("enum_values_reordered", Behaviour, "the derived `Ord` sorts the variants in the new order"),
    /// A new variant of a tagged union.
    TaggedVariantAdded => ("tagged_variant_added", Additive, "tagged unions are `#[non_exhaustive]` with an `Unknown` catch-all, so matches already have a wildcard arm; such values no longer decode as `Unknown`"),
    /// A new variant of an untagged union.
    UntaggedVariantAdded => ("untagged_variant_added", Breaking, "untagged unions are exhaustive enums, so matches without a wildcard arm break"),
    /// A union variant is gone.
    VariantRemoved => ("variant_removed", Breaking, "code naming the variant no longer compiles"),
    /// A union variant's payload changed.
    VariantRetyped => ("variant_retyped", Breaking, "code building or matching the variant's payload no longer type-checks"),
    /// A tagged variant's tag value changed.
    VariantTagChanged => ("variant_tag_changed", Behaviour, "same variant; it is selected by the new tag value"),
    /// An untagged union's variants were reordered.
    VariantsReordered => ("variants_reordered", Behaviour, "untagged decoding tries the variants in the new order"),
    /// A tagged union's tag property was renamed.
    UnionTagRenamed => ("union_tag_renamed", Behaviour, "same variants; the tag is read and written under the new property name"),
    /// A union went from tagged to untagged or back.
    UnionTaggingChanged => ("union_tagging_changed", Breaking, "tagged unions are `#[non_exhaustive]` with an `Unknown` variant and untagged ones are exhaustive without it, so matches break"),
    /// Every variant of a union now has a field, so the union has an accessor for it.
    UnionAccessorAdded => ("union_accessor_added", Additive, "a new method on the union"),
    /// Some variant of a union no longer has a field the others have: its accessor is gone.
    UnionAccessorRemoved => ("union_accessor_removed", Breaking, "calls to the method no longer compile"),
    /// The field behind a union's accessor changed type in every variant.
    UnionAccessorRetyped => ("union_accessor_retyped", Breaking, "code using what the method returns no longer type-checks"),
    /// A union converts `From` a type again: only one variant holds it now.
    UnionConversionAdded => ("union_conversion_added", Additive, "a new `From` impl: `.into()` builds the union from the variant's payload"),
    /// A union no longer converts `From` a type: several variants hold it now.
    UnionConversionRemoved => ("union_conversion_removed", Breaking, "`From` would be ambiguous between the variants, so `.into()` and `Union::from` calls no longer compile"),
}

impl Kind {
    /// Its effect, which decides the release.
    pub fn impact(self) -> Impact {
        self.rule().1
    }

    /// Why it has that effect, in one line.
    pub fn reason(self) -> &'static str {
        self.rule().2
    }

    /// A stable snake-case name, for tools.
    pub fn code(self) -> &'static str {
        self.rule().0
    }
}
