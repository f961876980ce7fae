//! All naming in one place: spec names → Rust identifiers (heck casing, keywords, leading digits,
//! punctuation) and deterministic de-duplication.

use std::collections::BTreeSet;

use heck::{ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict and reserved, all editions).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Transliterates to ASCII (`Größe` → `Grosse`, `名前` → `Ming Qian`), then replaces every
/// character that cannot appear in an identifier by a word break.
fn words(raw: &str) -> String {
    deunicode::deunicode(raw)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// A type (struct, enum, union) name: `UpperCamelCase`, never empty, never starting with a digit,
/// never `Self`.
pub fn type_name(raw: &str) -> String {
    camel(raw, "Type")
}

/// An enum or union variant name, with the same rules as [`type_name`].
pub fn variant_name(raw: &str) -> String {
    camel(raw, "Value")
}

fn camel(raw: &str, fallback: &str) -> String {
    let name = words(raw).to_upper_camel_case();
    let name = if name.is_empty() {
        fallback.to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{name}")
    } else {
        name
    };
    if name == "Self" {
        format!("Self{fallback}")
    } else {
        name
    }
}

/// A field, argument or method name: `snake_case`; keywords get a trailing underscore
/// (`type` → `type_`), leading digits a leading `n`.
pub fn field_name(raw: &str) -> String {
    let name = words(raw).to_snake_case();
    let name = if name.is_empty() {
        "value".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{name}")
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

/// A constant name: `SCREAMING_SNAKE_CASE`, never empty, never starting with a digit (no
/// keyword is upper case, so none needs escaping).
pub fn constant_name(raw: &str) -> String {
    let name = words(raw).to_shouty_snake_case();
    if name.is_empty() {
        "VALUE".to_owned()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("N{name}")
    } else {
        name
    }
}

/// Returns `name`, or `name2`, `name3`, … — the first not yet in `used` — and records it.
pub fn unique(name: String, used: &mut BTreeSet<String>) -> String {
    if used.insert(name.clone()) {
        return name;
    }
    let mut n = 2;
    loop {
        let candidate = format!("{name}{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        assert_eq!(type_name("PublicThread"), "PublicThread");
        assert_eq!(type_name("thread-page"), "ThreadPage");
        assert_eq!(type_name("2fa code"), "N2faCode");
        assert_eq!(type_name("Self"), "SelfType");
        assert_eq!(type_name("!!!"), "Type");
        assert_eq!(type_name("Größe"), "Grosse");
        assert_eq!(type_name("名前"), "MingQian");
    }

    #[test]
    fn variant_names() {
        assert_eq!(variant_name("HELP_DESK"), "HelpDesk");
        assert_eq!(variant_name("application/json"), "ApplicationJson");
        assert_eq!(variant_name("self"), "SelfValue");
        assert_eq!(variant_name(""), "Value");
    }

    #[test]
    fn field_names() {
        assert_eq!(
            field_name("latestMessageTimestampAfter"),
            "latest_message_timestamp_after"
        );
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("3d"), "n3d");
        assert_eq!(field_name("X-Request-Id"), "x_request_id");
        assert_eq!(field_name("crème brûlée"), "creme_brulee");
        assert_eq!(
            field_name("get-/crm/v3/objects/{objectType}"),
            "get_crm_v3_objects_object_type"
        );
    }

    #[test]
    fn constant_names() {
        assert_eq!(constant_name("developer_hapikey"), "DEVELOPER_HAPIKEY");
        assert_eq!(constant_name("apiKey"), "API_KEY");
        assert_eq!(constant_name("x-api-key"), "X_API_KEY");
        assert_eq!(constant_name("2fa"), "N2FA");
        assert_eq!(constant_name("Self"), "SELF");
        assert_eq!(constant_name("--"), "VALUE");
    }

    #[test]
    fn unique_suffixes_deterministically() {
        let mut used = BTreeSet::new();
        assert_eq!(unique("A".into(), &mut used), "A");
        assert_eq!(unique("A".into(), &mut used), "A2");
        assert_eq!(unique("A".into(), &mut used), "A3");
    }
}
