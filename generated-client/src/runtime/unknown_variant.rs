//! The error of parsing a generated enum from text (`"OPEN".parse::<ThreadStatus>()`) when the
//! text is none of the values the spec lists.

use std::fmt;

/// Text that is not one of an enum's known values, exactly as the API writes them (values are
/// case-sensitive). Decoding a response never fails this way: it keeps such a value in the
/// enum's `Unknown` variant instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVariant {
    type_name: &'static str,
    value: String,
    expected: &'static [&'static str],
}

impl UnknownVariant {
    /// The error for `value`, which is none of the values `expected` of the enum `type_name`.
    #[doc(hidden)] // Called by generated code; not part of the API.
    pub fn new(type_name: &'static str, value: &str, expected: &'static [&'static str]) -> Self {
        Self {
            type_name,
            value: value.to_owned(),
            expected,
        }
    }

    /// The enum's name, e.g. `ThreadStatus`.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The text that was parsed.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The values the enum knows, as written on the wire.
    pub fn expected(&self) -> &'static [&'static str] {
        self.expected
    }
}

impl fmt::Display for UnknownVariant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a known {} value",
            self.value, self.type_name
        )?;
        let mut values = self.expected.iter();
        if let Some(first) = values.next() {
            write!(f, " (expected `{first}`")?;
            for value in values {
                write!(f, ", `{value}`")?;
            }
            f.write_str(")")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownVariant {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_type_the_value_and_what_was_expected() {
        let error = UnknownVariant::new("ThreadStatus", "open", &["OPEN", "CLOSED"]);
        assert_eq!(
            error.to_string(),
            "`open` is not a known ThreadStatus value (expected `OPEN`, `CLOSED`)"
        );
        assert_eq!((error.type_name(), error.value()), ("ThreadStatus", "open"));
        assert_eq!(error.expected(), ["OPEN", "CLOSED"]);
        let empty = UnknownVariant::new("Nothing", "x", &[]);
        assert_eq!(empty.to_string(), "`x` is not a known Nothing value");
    }
}
