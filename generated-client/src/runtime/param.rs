//! How parameter values become text: query values, header values and path segments.

use std::borrow::Cow;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything except RFC 3986 unreserved characters is escaped in a path segment, so a value
/// such as `a/../b` or `x?y=z` can never change the request path.
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A value that can be sent as a parameter.
pub trait ParamValue {
    /// The value's text form (before any URL encoding).
    fn to_param(&self) -> Cow<'_, str>;
}

impl<T: ParamValue + ?Sized> ParamValue for &T {
    fn to_param(&self) -> Cow<'_, str> {
        (**self).to_param()
    }
}

impl ParamValue for str {
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl ParamValue for String {
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl ParamValue for Cow<'_, str> {
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

/// A value that is one parameter value or a list of them — a union of scalars and arrays of
/// them — written with the parameter's list style (a scalar as a list of one, which is the same
/// text on the wire in every list style).
#[allow(dead_code)] // Implemented by such unions only.
pub trait ParamValues {
    /// The value's text forms (before any URL encoding).
    fn param_values(&self) -> Vec<Cow<'_, str>>;
}

macro_rules! display_param {
    ($($t:ty),*) => {$(
        impl ParamValue for $t {
            fn to_param(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }
        }
    )*};
}

display_param!(bool, i32, i64, f32, f64, NaiveDate);

impl ParamValue for DateTime<Utc> {
    /// RFC 3339 with a `Z` offset, e.g. `2024-03-18T14:22:05Z`.
    fn to_param(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

/// Percent-encodes text for a query string: everything but RFC 3986 unreserved characters is
/// escaped (a space is `%20`), so delimiters the caller adds stay unambiguous.
pub(crate) fn encode_query(text: &str) -> String {
    utf8_percent_encode(text, PATH_SEGMENT).to_string()
}

/// Percent-encodes a value for use as one path segment.
#[allow(dead_code)] // Called by operations with path parameters only.
pub(crate) fn encode_path<T: ParamValue + ?Sized>(value: &T) -> String {
    utf8_percent_encode(&value.to_param(), PATH_SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_cannot_escape() {
        assert_eq!(encode_path("a/../b"), "a%2F..%2Fb");
        assert_eq!(encode_path("x?y=z#f"), "x%3Fy%3Dz%23f");
        assert_eq!(encode_path("plain-id_1.2~"), "plain-id_1.2~");
        assert_eq!(encode_path(&42_i64), "42");
    }

    #[test]
    fn date_times_use_rfc3339_with_z() {
        let t: DateTime<Utc> = "2024-03-18T14:22:05Z".parse().unwrap();
        assert_eq!(t.to_param(), "2024-03-18T14:22:05Z");
    }
}
