//! Path templates, parsed once: `/threads/{threadId}/messages` → literal and parameter segments.

use std::fmt;

/// An operation's path template, as written in the spec and as parsed segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    text: String,
    segments: Vec<PathSegment>,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// Text sent as written.
    Literal(String),
    /// `{name}`: the value of the path parameter `name`.
    Param(String),
}

impl PathTemplate {
    /// Parses `text`; the error says what is wrong (a stray or unclosed brace, an empty or
    /// nested `{}`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut segments = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let open = rest.find('{');
            let close = rest.find('}');
            match (open, close) {
                (None, None) => {
                    segments.push(PathSegment::Literal(rest.to_owned()));
                    break;
                }
                (_, Some(c)) if open.is_none_or(|o| c < o) => {
                    return Err(format!(
                        "the path template `{text}` has a `}}` without a `{{`: expected `{{name}}` placeholders"
                    ));
                }
                (Some(o), _) => {
                    if o > 0 {
                        segments.push(PathSegment::Literal(rest[..o].to_owned()));
                    }
                    let after = &rest[o + 1..];
                    let Some(end) = after.find('}') else {
                        return Err(format!(
                            "the path template `{text}` has a `{{` that is never closed: expected `{{name}}` placeholders"
                        ));
                    };
                    let name = &after[..end];
                    if name.is_empty() || name.contains('{') {
                        return Err(format!(
                            "the path template `{text}` has an empty or nested placeholder: expected `{{name}}` placeholders"
                        ));
                    }
                    segments.push(PathSegment::Param(name.to_owned()));
                    rest = &after[end + 1..];
                }
                (None, Some(_)) => unreachable!("handled by the guard above"),
            }
        }
        Ok(PathTemplate {
            text: text.to_owned(),
            segments,
        })
    }

    /// The empty template: a stand-in for one that failed to parse (its problem is reported).
    pub fn empty() -> Self {
        PathTemplate {
            text: String::new(),
            segments: Vec::new(),
        }
    }

    /// The template as the spec writes it.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Its segments, in order.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// The parameter names it places, in order (a name placed twice appears twice).
    pub fn param_names(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            PathSegment::Param(name) => Some(name.as_str()),
            PathSegment::Literal(_) => None,
        })
    }
}

impl fmt::Display for PathTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl PartialEq<str> for PathTemplate {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for PathTemplate {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

#[cfg(test)]
mod tests {
    use super::{PathSegment, PathTemplate};

    fn lit(s: &str) -> PathSegment {
        PathSegment::Literal(s.to_owned())
    }

    fn param(s: &str) -> PathSegment {
        PathSegment::Param(s.to_owned())
    }

    #[test]
    fn parses_literals_and_parameters_in_order() {
        let t = PathTemplate::parse("/t/{threadId}/m/{messageId}").unwrap();
        assert_eq!(
            t.segments(),
            [
                lit("/t/"),
                param("threadId"),
                lit("/m/"),
                param("messageId")
            ]
        );
        assert_eq!(
            t.param_names().collect::<Vec<_>>(),
            ["threadId", "messageId"]
        );
        assert_eq!(t.to_string(), "/t/{threadId}/m/{messageId}");
        let adjacent = PathTemplate::parse("/{a}{b}.json").unwrap();
        assert_eq!(
            adjacent.segments(),
            [lit("/"), param("a"), param("b"), lit(".json")]
        );
        assert!(PathTemplate::parse("/inboxes")
            .unwrap()
            .param_names()
            .next()
            .is_none());
        assert!(PathTemplate::parse("").unwrap().segments().is_empty());
    }

    #[test]
    fn stray_empty_and_nested_braces_are_errors() {
        for bad in ["/a}", "/{a", "/{}", "/{{a}}", "/{a{b}}", "/}{a}", "/{a}}"] {
            let error = PathTemplate::parse(bad).unwrap_err();
            assert!(error.contains(bad), "{bad}: {error}");
        }
    }
}
