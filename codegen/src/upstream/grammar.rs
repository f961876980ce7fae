//! The shape of an OpenAPI document by position: which object a key's value is (a schema, a
//! parameter, a map of media types…), and which keys only hold prose. The reduction strips by
//! position through it, so a *property* named `description` survives while a schema's
//! `description` does not; the document check walks it to find every `$ref` and badly shaped node.
//! OpenAPI 3.0 and 3.1 keywords are both known.

/// An OpenAPI object kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    /// The root.
    Document,
    /// `info`.
    Info,
    /// An entry of `servers`.
    Server,
    /// An entry of a server's `variables`.
    ServerVariable,
    /// `paths`: path templates (and `x-` extensions).
    Paths,
    /// One path's item.
    PathItem,
    /// An operation under a path item.
    Operation,
    /// A parameter.
    Parameter,
    /// A request body.
    RequestBody,
    /// A media type entry of `content`.
    MediaType,
    /// An entry of a media type's `encoding`.
    Encoding,
    /// `responses`: status codes (and `x-` extensions).
    Responses,
    /// One response.
    Response,
    /// A header.
    Header,
    /// A link.
    Link,
    /// A callback: expressions to path items (and `x-` extensions).
    Callback,
    /// `components`.
    Components,
    /// A schema (JSON Schema keywords of OpenAPI 3.0 and 3.1).
    Schema,
    /// A security scheme.
    SecurityScheme,
    /// A security scheme's `flows`.
    OAuthFlows,
    /// One OAuth flow.
    OAuthFlow,
    /// An entry of `tags`.
    Tag,
}

/// What the value under one key of a [`Node`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// One object of that kind (for a schema's `items`, also a list of them).
    Node(Node),
    /// A map from names (field names, media types, component names…) to objects of that kind.
    Map(Node),
    /// A list of objects of that kind.
    List(Node),
    /// Documentation only: descriptions, summaries, examples, titles, external docs.
    Prose,
    /// Prose the OpenAPI format requires (a response's `description`): blanked, not removed.
    RequiredProse,
    /// OAuth scopes: the names are wire facts, the values are prose.
    Scopes,
    /// A vendor extension (`x-…`): tooling metadata, not part of the wire contract.
    Extension,
    /// Literal values (`enum`, `default`, `const`…): kept, never walked for `$ref`s.
    Data,
    /// Anything else: kept as it is.
    Wire,
}

/// The HTTP methods a path item may hold.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// What `key` holds inside a `node`.
pub fn slot(node: Node, key: &str) -> Slot {
    use Node::*;
    use Slot::{List, Map};
    let extension = key.starts_with("x-");
    match (node, key) {
        // Keys are names or codes, not keywords: only `x-` keys are extensions.
        (Paths, _) if !extension => Slot::Node(PathItem),
        (Responses, _) if !extension => Slot::Node(Response),
        (Callback, _) if !extension => Slot::Node(PathItem),
        (OAuthFlows, _) if !extension => Slot::Node(OAuthFlow),
        (_, _) if extension => Slot::Extension,

        (Document, "info") => Slot::Node(Info),
        (Document | PathItem | Operation, "servers") => List(Server),
        (Document, "paths") => Slot::Node(Paths),
        (Document, "webhooks") => Map(PathItem),
        (Document, "components") => Slot::Node(Components),
        (Document, "tags") => List(Tag),
        (Info, "title" | "version") => Slot::Wire,
        (Info, _) => Slot::Prose,
        (Server, "variables") => Map(ServerVariable),
        (ServerVariable, "enum" | "default") => Slot::Data,

        (PathItem, method) if METHODS.contains(&method) => Slot::Node(Operation),
        (PathItem | Operation, "parameters") => List(Parameter),
        (Operation, "requestBody") => Slot::Node(RequestBody),
        (Operation, "responses") => Slot::Node(Responses),
        (Operation | Components, "callbacks") => Map(Callback),
        (Parameter | Header, "schema") | (MediaType, "schema") => Slot::Node(Schema),
        (Parameter | Header | RequestBody | Response, "content") => Map(MediaType),
        (MediaType, "encoding") => Map(Encoding),
        (Encoding | Response, "headers") => Map(Header),
        (Response, "links") => Map(Link),
        (Response, "description") => Slot::RequiredProse,
        (Link, "server") => Slot::Node(Server),
        (Link, "parameters" | "requestBody") => Slot::Data,

        (Components, "schemas") => Map(Schema),
        (Components, "responses") => Map(Response),
        (Components, "parameters") => Map(Parameter),
        (Components, "requestBodies") => Map(RequestBody),
        (Components, "headers") => Map(Header),
        (Components, "securitySchemes") => Map(SecurityScheme),
        (Components, "links") => Map(Link),
        (Components, "pathItems") => Map(PathItem),
        (Components, "examples") => Slot::Prose,
        (SecurityScheme, "flows") => Slot::Node(OAuthFlows),
        (OAuthFlow, "scopes") => Slot::Scopes,

        (Schema, _) => schema_slot(key),
        (_, "description" | "summary" | "example" | "examples" | "externalDocs") => Slot::Prose,
        _ => Slot::Wire,
    }
}

/// What `key` holds inside a schema.
fn schema_slot(key: &str) -> Slot {
    use Node::Schema;
    match key {
        "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas" => {
            Slot::Map(Schema)
        }
        "allOf" | "oneOf" | "anyOf" | "prefixItems" => Slot::List(Schema),
        "items"
        | "additionalItems"
        | "additionalProperties"
        | "not"
        | "if"
        | "then"
        | "else"
        | "contains"
        | "propertyNames"
        | "unevaluatedItems"
        | "unevaluatedProperties" => Slot::Node(Schema),
        "title" | "description" | "example" | "examples" | "externalDocs" | "$comment" => {
            Slot::Prose
        }
        "enum" | "const" | "default" => Slot::Data,
        _ => Slot::Wire,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_not_keywords() {
        assert_eq!(slot(Node::Schema, "description"), Slot::Prose);
        assert_eq!(slot(Node::Schema, "properties"), Slot::Map(Node::Schema));
        assert_eq!(
            slot(Node::Paths, "/description"),
            Slot::Node(Node::PathItem)
        );
        assert_eq!(slot(Node::Responses, "200"), Slot::Node(Node::Response));
        assert_eq!(slot(Node::Responses, "x-codes"), Slot::Extension);
        assert_eq!(slot(Node::Info, "title"), Slot::Wire);
        assert_eq!(slot(Node::Info, "contact"), Slot::Prose);
        assert_eq!(slot(Node::Response, "description"), Slot::RequiredProse);
        assert_eq!(slot(Node::Parameter, "name"), Slot::Wire);
        assert_eq!(slot(Node::Tag, "description"), Slot::Prose);
    }
}
