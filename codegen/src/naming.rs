//! All naming in one place: spec names → Rust identifiers (heck casing, keywords, leading digits,
//! punctuation), deterministic de-duplication, the names generated code reserves for itself, and
//! the names given to types the spec leaves unnamed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};

use crate::ir::{Primitive, Status, TypeRef};

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

/// Names handed out in one scope, with the next free suffix of each base name, so that making
/// thousands of colliding names unique stays linear.
#[derive(Debug, Clone, Default)]
pub struct Names {
    used: BTreeSet<String>,
    next: HashMap<String, usize>,
}

impl Names {
    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.used.contains(name)
    }
}

impl From<BTreeSet<String>> for Names {
    fn from(used: BTreeSet<String>) -> Self {
        Names {
            used,
            next: HashMap::new(),
        }
    }
}

impl Extend<String> for Names {
    fn extend<I: IntoIterator<Item = String>>(&mut self, names: I) {
        self.used.extend(names);
    }
}

/// Returns `name`, or `name2`, `name3`, … — the first not yet in `used` — and records it.
pub fn unique(name: String, used: &mut Names) -> String {
    if used.used.insert(name.clone()) {
        return name;
    }
    // Suffixes below the one last handed out for this base are all taken: names are never
    // given back.
    let mut n = used.next.get(&name).copied().unwrap_or(2);
    loop {
        let candidate = format!("{name}{n}");
        n += 1;
        if used.used.insert(candidate.clone()) {
            used.next.insert(name, n);
            return candidate;
        }
    }
}

/// The cargo feature of each operation tag: `kebab-case` ASCII words (`Code Scanning` →
/// `code-scanning`), `tag` when none is left, a leading digit prefixed (`3d` → `tag-3d`); a name
/// in `reserved` (the crate's own features) or taken by an earlier tag (tags in sorted order)
/// gets the next free suffix (`form` → `form2`).
pub fn tag_features<'t>(
    tags: impl IntoIterator<Item = &'t str>,
    reserved: BTreeSet<String>,
) -> BTreeMap<String, String> {
    let mut used = Names::from(reserved);
    let tags: BTreeSet<&str> = tags.into_iter().collect();
    tags.into_iter()
        .map(|tag| {
            let name = words(tag).to_kebab_case();
            let name = if name.is_empty() {
                "tag".to_owned()
            } else if name.starts_with(|c: char| c.is_ascii_digit()) {
                format!("tag-{name}")
            } else {
                name
            };
            (tag.to_owned(), unique(name, &mut used))
        })
        .collect()
}

/// The type of the ids of `kind` (an `x-id` value): `thread` → `ThreadId`,
/// `channel-account` → `ChannelAccountId`.
pub fn id_type(kind: &str) -> String {
    type_name(&format!("{kind} id"))
}

/// The name of an untagged union's variant, from the type it holds: the type's own name, or a
/// word for a primitive or container (`String`, `Integer`, `List`).
pub fn untagged_variant(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(name) => name.clone(),
        TypeRef::Primitive(p) => match p {
            Primitive::String => "String",
            Primitive::DateTime => "DateTime",
            Primitive::Date => "Date",
            Primitive::Bool => "Boolean",
            Primitive::I32 | Primitive::I64 => "Integer",
            Primitive::F32 | Primitive::F64 => "Number",
            Primitive::Binary => "Binary",
        }
        .to_owned(),
        TypeRef::List(_) => "List".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        TypeRef::Any => "Any".to_owned(),
    }
}

/// The variant name of a numeric enum value: `-1.5` → `Minus1Point5`.
pub fn numeric_variant_name(literal: &str) -> String {
    variant_name(&literal.replace('-', "Minus ").replace('.', " Point "))
}

/// A crate name from an API title: lower-case words joined by `-`, e.g. `hubspot-conversations`,
/// at most 64 characters.
pub fn crate_name(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let mut name = words.join("-");
    // Cargo allows 64 characters: room for the `-client` suffix or `api-` prefix.
    name.truncate(56);
    let name = name.trim_end_matches('-');
    match name.chars().next() {
        None => "api-client".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("api-{name}"),
        Some(_) => format!("{name}-client"),
    }
}

/// The catch-all variant of every generated enum and union, holding a value the spec does not
/// list; no other variant may take this name.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// Variant names already taken in a generated enum or union: [`UNKNOWN_VARIANT`].
pub fn enum_members() -> BTreeSet<String> {
    BTreeSet::from([UNKNOWN_VARIANT.to_owned()])
}

/// Field and method names of every request builder (its client handle, body, the `send` and
/// stream methods, and the methods of its derived `Clone` and `Debug`); parameters get others.
const BUILDER_MEMBERS: &[&str] = &[
    "client",
    "body",
    "send",
    "send_with_response",
    "pages",
    "into_stream",
    "clone",
    "clone_from",
    "fmt",
];

/// Names a parameter's setter must not take: [`BUILDER_MEMBERS`].
pub fn builder_members() -> BTreeSet<String> {
    BUILDER_MEMBERS.iter().map(|s| (*s).to_owned()).collect()
}

/// Methods every generated struct has besides its setters: `new` and those of its derives.
const STRUCT_MEMBERS: &[&str] = &[
    "new",
    "clone",
    "clone_from",
    "default",
    "deserialize",
    "eq",
    "fmt",
    "ne",
    "serialize",
];

/// Names a struct's setter must not take: [`STRUCT_MEMBERS`].
pub fn struct_members() -> BTreeSet<String> {
    STRUCT_MEMBERS.iter().map(|s| (*s).to_owned()).collect()
}

/// The chained setter of an optional struct field: `with_` and the field name without the
/// underscore a keyword gets (`rich_text` → `with_rich_text`, `type_` → `with_type`).
pub fn setter_name(field: &str) -> String {
    format!("with_{}", field.strip_suffix('_').unwrap_or(field))
}

/// Methods a union enum has from its derives, its trait impls (`From`, `TaggedUnion`, serde) and
/// std's blanket impls (`Into`, `ToOwned`, `Borrow`, `Any`): an inherent method of the same name
/// would shadow them in method calls (`value.clone()`, `Union::from(v)`).
const UNION_MEMBERS: &[&str] = &[
    "borrow",
    "borrow_mut",
    "clone",
    "clone_from",
    "clone_into",
    "decode_variant",
    "deserialize",
    "deserialize_in_place",
    "eq",
    "fmt",
    "from",
    "into",
    "ne",
    "param_values",
    "serialize",
    "to_owned",
    "to_param",
    "try_from",
    "try_into",
    "type_id",
];

/// Names a union's accessor of a field every variant shares must not take: [`UNION_MEMBERS`].
pub fn union_members() -> BTreeSet<String> {
    UNION_MEMBERS.iter().map(|s| (*s).to_owned()).collect()
}

/// Names an operation's client method must not take: every method the runtime's `Client`
/// already has, private ones and derived trait methods included, read from the runtime source.
pub fn client_members() -> BTreeSet<String> {
    crate::runtime::client_methods().clone()
}

/// Methods the generated `testing` module adds to the runtime's `MockApi` besides one per
/// operation.
const GENERATED_MOCK_MEMBERS: &[&str] = &["start"];

/// Names an operation's mock expectation method must not take (it has the client method's
/// name): every method the runtime's `MockApi` has, read from the runtime source, and
/// [`GENERATED_MOCK_MEMBERS`].
pub fn mock_members() -> BTreeSet<String> {
    let mut members = crate::runtime::mock_methods().clone();
    members.extend(GENERATED_MOCK_MEMBERS.iter().map(|s| (*s).to_owned()));
    members
}

/// The variant of an operation's response enum for a success `status`: `Ok`, `Created`,
/// `MultiStatus`, `Status299`, `Other2xx`.
pub fn status_variant(status: Status) -> String {
    match status {
        Status::Code(200) => "Ok".into(),
        Status::Code(201) => "Created".into(),
        Status::Code(202) => "Accepted".into(),
        Status::Code(203) => "NonAuthoritative".into(),
        Status::Code(204) => "NoContent".into(),
        Status::Code(205) => "ResetContent".into(),
        Status::Code(206) => "PartialContent".into(),
        Status::Code(207) => "MultiStatus".into(),
        Status::Code(208) => "AlreadyReported".into(),
        Status::Code(code) => format!("Status{code}"),
        Status::Range(first) => format!("Other{first}xx"),
    }
}

/// Names of types the spec leaves unnamed, from where they appear. Each is a hint: the resolver
/// passes it through [`type_name`] and [`unique`].
pub mod synthetic {
    use super::type_name;

    /// An operation's enum of success responses: `GetThreadResponse`.
    pub fn response_enum(builder: &str) -> String {
        format!("{builder}Response")
    }

    /// An inline request body: `SendMessageBody`.
    pub fn request_body(builder: &str) -> String {
        format!("{builder}Body")
    }

    /// An inline webhook payload: `TicketClosedPayload`.
    pub fn webhook_payload(webhook: &str) -> String {
        format!("{webhook}Payload")
    }

    /// An inline success body of status `key` (`200`, `2XX`): `GetThreadResponse200`.
    pub fn response_body(builder: &str, key: &str) -> String {
        format!("{builder}Response{key}")
    }

    /// An inline error body: `GetThreadError`.
    pub fn error_body(builder: &str) -> String {
        format!("{builder}Error")
    }

    /// An inline parameter schema: `ListThreadsSort`.
    pub fn parameter(builder: &str, param: &str) -> String {
        format!("{builder}{}", type_name(param))
    }

    /// An inline property schema: `ThreadStatus` for `status` of `Thread`.
    pub fn property(owner: &str, property: &str) -> String {
        format!("{owner}{}", type_name(property))
    }

    /// An inline array item schema: `ThreadsItem`.
    pub fn item(owner: &str) -> String {
        format!("{owner}Item")
    }

    /// An inline map value schema: `LabelsValue`.
    pub fn map_value(owner: &str) -> String {
        format!("{owner}Value")
    }

    /// An inline member of a tagged union, by its variant name: `MessageEmail`.
    pub fn tagged_member(union: &str, variant: &str) -> String {
        format!("{union}{variant}")
    }

    /// An inline `oneOf`/`anyOf` member without a tag: `MessageVariant2`.
    pub fn union_member(union: &str, index: usize) -> String {
        format!("{union}Variant{index}")
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
    fn crate_names_from_titles() {
        assert_eq!(
            crate_name("HubSpot Conversations"),
            "hubspot-conversations-client"
        );
        assert_eq!(crate_name("  "), "api-client");
        assert_eq!(crate_name("3D Printing API!"), "api-3d-printing-api");
    }

    #[test]
    fn setter_names() {
        assert_eq!(setter_name("rich_text"), "with_rich_text");
        assert_eq!(setter_name("type_"), "with_type");
        assert_eq!(setter_name("n3d"), "with_n3d");
    }

    #[test]
    fn tag_features_are_valid_unique_and_never_the_crates_own() {
        let reserved = BTreeSet::from(["form".to_owned(), "full".to_owned()]);
        let tags = [
            "repos",
            "Code Scanning",
            "code-scanning",
            "form",
            "Full",
            "3d",
            "!!!",
            "Größe",
        ];
        let features = tag_features(tags, reserved);
        let got: Vec<(&str, &str)> = features
            .iter()
            .map(|(t, f)| (t.as_str(), f.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("!!!", "tag"),
                ("3d", "tag-3d"),
                ("Code Scanning", "code-scanning"),
                ("Full", "full2"),
                ("Größe", "grosse"),
                ("code-scanning", "code-scanning2"),
                ("form", "form2"),
                ("repos", "repos"),
            ]
        );
    }

    #[test]
    fn unique_suffixes_deterministically() {
        let mut used = Names::default();
        assert_eq!(unique("A".into(), &mut used), "A");
        assert_eq!(unique("A".into(), &mut used), "A2");
        assert_eq!(unique("A".into(), &mut used), "A3");
        // A suffixed name taken on its own is skipped, as is a reserved one.
        let mut used = Names::from(BTreeSet::from(["B".to_owned(), "B3".to_owned()]));
        assert_eq!(unique("B2".into(), &mut used), "B2");
        assert_eq!(unique("B".into(), &mut used), "B4");
        assert_eq!(unique("B".into(), &mut used), "B5");
        assert!(used.contains("B5") && !used.contains("B6"));
    }
}
