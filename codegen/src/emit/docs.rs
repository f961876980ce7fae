//! Doc comments: spec text becomes `#[doc]` attributes, one per line, trimmed of trailing space.
//! Every doc string the emitters build passes through [`clean`], so no spec text can end a
//! comment early (a lone CR) or make it read differently from how it compiles (bidi controls).

use proc_macro2::TokenStream;
use quote::quote;

/// `text` safe for a doc comment: CR, CRLF and the Unicode line and paragraph separators become
/// newlines; other control characters and bidirectional controls are dropped.
pub fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\n' | '\t' => Some(c),
            c if c.is_control() || crate::header::is_bidi_control(c) => None,
            c => Some(c),
        })
        .collect()
}

/// `#[doc = "..."]` attributes for `text` (nothing when it is empty), [`clean`]ed.
pub fn doc(text: &str) -> TokenStream {
    let text = clean(text);
    let lines = text.trim().lines().map(|line| {
        let line = format!(" {}", line.trim_end());
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Doc attributes for optional spec text, falling back to `fallback`.
pub fn doc_or(text: Option<&str>, fallback: &str) -> TokenStream {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(text) => doc(text),
        None => doc(fallback),
    }
}

/// Joins paragraphs with a blank line, skipping empty ones.
pub fn paragraphs<'a>(parts: impl IntoIterator<Item = Option<&'a str>>) -> String {
    parts
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_normalises_line_breaks_and_drops_control_and_bidi_characters() {
        let text = "a\rb\r\nc\u{2028}d\u{2029}e\u{7}f\u{202E}g\u{2066}h\u{200F}i\tj";
        assert_eq!(clean(text), "a\nb\nc\nd\nef gh i\tj".replace(' ', ""));
        let tokens = doc(text).to_string();
        for line in [" a", " b", " c", " d", " efghi\tj"] {
            let attr = quote!(#[doc = #line]).to_string();
            assert!(tokens.contains(&attr), "{tokens} lacks {attr}");
        }
        assert!(
            !tokens.contains("\\r") && !tokens.contains("202e"),
            "{tokens}"
        );
    }
}
