//! Types of the IR: structs, string enums, unions, aliases, and references between them.

/// A named type the emitter turns into one Rust item.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// The Rust name (unique across the API).
    pub name: String,
    /// JSON pointer of the schema this type was made from.
    pub pointer: String,
    /// Documentation from the spec (description, else title).
    pub docs: Option<String>,
    /// What kind of type it is.
    pub kind: TypeKind,
    /// Where the operations use it: in requests, in responses, or both.
    pub usage: Usage,
}

/// Where a named type is reached from the operations, through fields, list items, map values,
/// union variants, aliases and `allOf` parents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Reached from a parameter or a request body: callers build its values.
    pub request: bool,
    /// Reached from a success or error response body: the client decodes its values.
    pub response: bool,
}

impl Usage {
    /// Used in responses and never in requests: callers only read its values, so the API may
    /// add fields to it without breaking them (structs are emitted `#[non_exhaustive]`).
    pub fn response_only(self) -> bool {
        self.response && !self.request
    }
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known properties.
    Struct(Struct),
    /// A string enum with a catch-all for values added later.
    Enum(StringEnum),
    /// An integer or number enum with a catch-all for values added later.
    NumericEnum(NumericEnum),
    /// `oneOf`/`anyOf`: tagged when a discriminator is given or inferred, untagged otherwise.
    Union(Union),
    /// A named schema that is just another type (`type Name = ...`).
    Alias(TypeRef),
    /// A list or map that contains itself (`Tree` = a list of `Tree`s), directly or through other
    /// aliases: a struct wrapping the list or map (`struct Tree(Vec<Tree>)`), since a type alias
    /// cannot name itself.
    Newtype(TypeRef),
    /// An identifier of one kind of object (a thread, an inbox…), marked `x-id` in the spec:
    /// its own type, so ids of different kinds cannot be mixed up.
    Id(IdType),
}

/// An id type: the text of the id, whatever its JSON form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdType {
    /// The kind as the spec's `x-id` names it, e.g. `thread`.
    pub kind: String,
    /// How the id is written in JSON bodies.
    pub json: IdJson,
}

/// The JSON form of an id kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdJson {
    /// A JSON string, e.g. `"7315416722"` or `"A-12345"`.
    String,
    /// A JSON integer, e.g. `7315416722`.
    Integer,
}

/// An object type.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Properties in spec order.
    pub fields: Vec<Field>,
    /// Type of `additionalProperties` values, when the object allows extra keys.
    pub additional: Option<TypeRef>,
    /// Component types whose properties `allOf` merged into this struct, in `allOf` order.
    pub parents: Vec<String>,
}

/// One property of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The JSON name.
    pub wire_name: String,
    /// The Rust field name.
    pub rust_name: String,
    /// The value type.
    pub ty: TypeRef,
    /// Listed in the schema's `required`.
    pub required: bool,
    /// `nullable: true`.
    pub nullable: bool,
    /// Held in a `Box` to break a recursive cycle.
    pub boxed: bool,
    /// `readOnly: true`: sent by the server only, so never required in Rust.
    pub read_only: bool,
    /// `writeOnly: true`: sent by the client only, so never required in Rust.
    pub write_only: bool,
    /// The schema's `default`, as JSON text, for the docs.
    pub default: Option<String>,
    /// Documentation from the spec.
    pub docs: Option<String>,
}

impl Field {
    /// Whether the Rust field is an `Option`: not required, or required in one direction only.
    pub fn optional(&self) -> bool {
        !self.required || self.read_only || self.write_only
    }
}

/// An enum of integers (`i32`/`i64`) or numbers (`f32`/`f64`).
#[derive(Debug, Clone, PartialEq)]
pub struct NumericEnum {
    /// The value type: one of the integer or number primitives.
    pub primitive: Primitive,
    /// Values in spec order, duplicates removed.
    pub values: Vec<NumericValue>,
}

/// One value of a numeric enum.
#[derive(Debug, Clone, PartialEq)]
pub struct NumericValue {
    /// The value as a Rust literal of the enum's type, e.g. `-1` or `2.5`.
    pub literal: String,
    /// The Rust variant name.
    pub rust_name: String,
}

/// A string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    /// Values in spec order, duplicates removed.
    pub values: Vec<EnumValue>,
}

/// One value of a string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The value on the wire.
    pub wire_name: String,
    /// The Rust variant name.
    pub rust_name: String,
}

/// A `oneOf`/`anyOf` union.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// How variants are told apart on the wire.
    pub tag: UnionTag,
    /// Variants in spec order.
    pub variants: Vec<Variant>,
}

/// How a union's variants are recognised.
#[derive(Debug, Clone, PartialEq)]
pub enum UnionTag {
    /// A property whose value names the variant (given by `discriminator` or inferred from
    /// single-value enums). Variant structs do not carry that property themselves.
    Property(String),
    /// Variants are tried in order.
    Untagged,
}

/// One variant of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The tag value selecting this variant (tagged unions only).
    pub tag_value: Option<String>,
    /// The variant's payload.
    pub ty: TypeRef,
    /// Held in a `Box` to break a recursive cycle.
    pub boxed: bool,
}

/// A use of a type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeRef {
    /// A named type from [`crate::ir::Api::types`].
    Named(String),
    /// A built-in scalar.
    Primitive(Primitive),
    /// A JSON array.
    List(Box<TypeRef>),
    /// A JSON object used as a string-keyed map.
    Map(Box<TypeRef>),
    /// Any JSON value.
    Any,
}

/// Scalars the emitted code maps to Rust types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Primitive {
    /// `string`.
    String,
    /// `string`, `format: date-time`.
    DateTime,
    /// `string`, `format: date`.
    Date,
    /// `boolean`.
    Bool,
    /// `integer`, `format: int32`.
    I32,
    /// `integer`, `format: int64` or no format.
    I64,
    /// `number`, `format: float`.
    F32,
    /// `number`, `format: double` or no format.
    F64,
    /// `string`, `format: binary`: raw bytes (a file in multipart bodies).
    Binary,
}

impl Primitive {
    /// Whether this is one of the integer types.
    pub fn is_integer(self) -> bool {
        matches!(self, Primitive::I32 | Primitive::I64)
    }
}
