//! How IR items look in the generated Rust: type names as a reader writes them, field types with
//! their `Option` and `Box`, what `send()` returns, and type equality through aliases.

use crate::emit;
use crate::ir::{Api, Field, Operation, Status, TypeRef};

/// Text in backticks.
pub(super) fn code(text: &str) -> String {
    format!("`{text}`")
}

/// The Rust type of a use of `ty`, without paths: `Vec<String>`, `DateTime<Utc>`, `Thread`.
pub(super) fn type_name(ty: &TypeRef) -> String {
    emit::spelling(ty)
}

/// The Rust type of a field, with its `Box` and `Option` (as the models emitter writes it).
pub(super) fn field_type(field: &Field) -> String {
    let mut ty = type_name(&field.ty);
    if field.boxed {
        ty = format!("Box<{ty}>");
    }
    if is_option(field) {
        ty = format!("Option<{ty}>");
    }
    ty
}

/// Whether a field is an `Option` in Rust.
pub(super) fn is_option(field: &Field) -> bool {
    field.optional() || field.nullable
}

/// Whether a use of `old` in the old API and of `new` in the new one are the same Rust type:
/// the same name (changes inside a named type are reported for that type), or the same type
/// once aliases are followed.
pub(super) fn same(old_api: &Api, old: &TypeRef, new_api: &Api, new: &TypeRef) -> bool {
    old == new || emit::canonical(old_api, old) == emit::canonical(new_api, new)
}

/// Like [`same`], for optional types.
pub(super) fn same_opt(
    old_api: &Api,
    old: Option<&TypeRef>,
    new_api: &Api,
    new: Option<&TypeRef>,
) -> bool {
    match (old, new) {
        (Some(old), Some(new)) => same(old_api, old, new_api, new),
        (None, None) => true,
        _ => false,
    }
}

/// What `send()` returns: one body type (or `()`) when every success response carries the same
/// one, else the operation's response enum with a variant per status.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Output<'a> {
    /// `send()` returns this body, or `()`.
    Single(Option<&'a TypeRef>),
    /// `send()` returns the enum of this name.
    Enum(&'a str),
}

/// The output of `op`, as the operations emitter decides it.
pub(super) fn output(op: &Operation) -> Output<'_> {
    match emit::single_success(op) {
        Some(response) => Output::Single(response.ty.as_ref()),
        None => Output::Enum(&op.response_name),
    }
}

/// The output type as written in Rust.
pub(super) fn output_name(output: &Output<'_>) -> String {
    match output {
        Output::Single(Some(ty)) => type_name(ty),
        Output::Single(None) => "()".to_owned(),
        Output::Enum(name) => (*name).to_owned(),
    }
}

/// A status as the spec writes it: `207`, `2XX`.
pub(super) fn status(status: Status) -> String {
    emit::status_label(status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Primitive;

    #[test]
    fn type_names_drop_paths() {
        let list = TypeRef::List(Box::new(TypeRef::Named("Thread".into())));
        assert_eq!(type_name(&list), "Vec<Thread>");
        let map = TypeRef::Map(Box::new(TypeRef::Primitive(Primitive::DateTime)));
        assert_eq!(type_name(&map), "BTreeMap<String, DateTime<Utc>>");
        assert_eq!(type_name(&TypeRef::Any), "Value");
    }
}
