//! Parameters: path-level and operation-level ones merged, checked against the path template,
//! and each given its wire encoding — the one place a declared location, `style`, `explode` and
//! value shape become a [`ParamEncoding`].

use openapiv3::ReferenceOr;
use openapiv3::{Parameter, ParameterSchemaOrContent, PathStyle as SpecPathStyle, QueryStyle};

use super::Resolver;
use crate::ir::{
    Delimiter, ObjectStyle, Param, ParamEncoding, ParamLocation, PathStyle, PathTemplate,
    ValueShape as Shape,
};
use crate::naming;
use crate::pointer::Pointer;

/// The style a parameter declares (or its location's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Form,
    Simple,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
    Label,
    Matrix,
}

/// Where and how the spec says a parameter is written.
#[derive(Debug, Clone, Copy)]
struct Declared {
    location: ParamLocation,
    style: Style,
    explode: bool,
}

impl<'a> Resolver<'a> {
    /// The parameters of an operation: path-level ones overridden by operation-level ones of the
    /// same name and location, sorted path (in template order) → query → header → cookie.
    pub(super) fn params(
        &mut self,
        template: Option<&PathTemplate>,
        (shared, path_at): (&'a [ReferenceOr<Parameter>], &Pointer),
        (own, op_at): (&'a [ReferenceOr<Parameter>], &Pointer),
        builder: &str,
    ) -> Vec<Param> {
        let sources = shared
            .iter()
            .enumerate()
            .map(|(i, p)| (p, path_at.push("parameters").push(i.to_string())))
            .chain(
                own.iter()
                    .enumerate()
                    .map(|(i, p)| (p, op_at.push("parameters").push(i.to_string()))),
            );
        let mut winners: Vec<(&'a Parameter, Pointer)> = Vec::new();
        for (param, at) in sources {
            let Some((param, at)) = self.parameter(param, &at) else {
                continue;
            };
            let key = |p: &Parameter| {
                (
                    std::mem::discriminant(p),
                    p.parameter_data_ref().name.clone(),
                )
            };
            winners.retain(|(p, _)| key(p) != key(param));
            winners.push((param, at));
        }
        let mut used = naming::Names::from(naming::builder_members());
        let mut params: Vec<Param> = winners
            .into_iter()
            .filter_map(|(param, at)| self.param(param, &at, builder, &mut used))
            .collect();
        let Some(template) = template else {
            return params;
        };
        self.check_template(template, &params, op_at);
        let names: Vec<&str> = template.param_names().collect();
        let rank = |p: &Param| match p.location() {
            ParamLocation::Path => names
                .iter()
                .position(|n| *n == p.wire_name)
                .unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        params.sort_by_key(|p| (p.location(), rank(p)));
        params
    }

    /// Every placeholder has a path parameter and every path parameter a placeholder.
    fn check_template(&mut self, template: &PathTemplate, params: &[Param], op_at: &Pointer) {
        let is_path = |p: &&Param| p.location() == ParamLocation::Path;
        for name in template.param_names() {
            if !params.iter().filter(is_path).any(|p| p.wire_name == name) {
                self.problem(op_at, format!("path template names `{{{name}}}` but no path parameter `{name}` is declared"));
            }
        }
        for p in params.iter().filter(is_path) {
            if !template.param_names().any(|n| n == p.wire_name) {
                let message = format!(
                    "path parameter `{}` does not appear in the path template `{template}`",
                    p.wire_name
                );
                self.problem(op_at, message);
            }
        }
    }

    fn param(
        &mut self,
        param: &'a Parameter,
        at: &Pointer,
        builder: &str,
        used: &mut naming::Names,
    ) -> Option<Param> {
        let data = param.parameter_data_ref();
        let declared = declared(param);
        if declared.location == ParamLocation::Path && !data.required {
            self.problem(at, "path parameters must be `required: true`");
        }
        let ty = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => {
                let hint = naming::synthetic::parameter(builder, &data.name);
                self.in_parameter = true;
                let ty = self.type_of(schema.into(), &at.push("schema"), &hint);
                self.in_parameter = false;
                ty
            }
            ParameterSchemaOrContent::Content(_) => {
                self.problem(
                    at,
                    "parameters described by `content` are not supported: expected `schema`",
                );
                return None;
            }
        };
        let shape = crate::ir::value_shape(&ty, &self.types);
        let encoding = match shape.and_then(|shape| encoding(declared, shape)) {
            Some(encoding) => encoding,
            None => {
                let expected = expected(declared);
                self.problem(
                    at,
                    format!(
                        "this parameter's type cannot be sent with its style: expected {expected}"
                    ),
                );
                // Still returned, so the path template check does not report it a second time.
                fallback(declared.location)
            }
        };
        Some(Param {
            wire_name: data.name.clone(),
            rust_name: naming::unique(naming::field_name(&data.name), used),
            ty,
            required: data.required,
            encoding,
            one_or_many: shape == Some(Shape::ScalarOrList),
            docs: data.description.clone(),
        })
    }
}

/// The location, style and `explode` a parameter declares, defaults filled in.
fn declared(param: &Parameter) -> Declared {
    let (location, style, default_explode) = match param {
        Parameter::Path { style, .. } => (
            ParamLocation::Path,
            match style {
                SpecPathStyle::Simple => Style::Simple,
                SpecPathStyle::Label => Style::Label,
                SpecPathStyle::Matrix => Style::Matrix,
            },
            false,
        ),
        Parameter::Query { style, .. } => {
            let style = match style {
                QueryStyle::Form => Style::Form,
                QueryStyle::SpaceDelimited => Style::SpaceDelimited,
                QueryStyle::PipeDelimited => Style::PipeDelimited,
                QueryStyle::DeepObject => Style::DeepObject,
            };
            (ParamLocation::Query, style, style == Style::Form)
        }
        Parameter::Header { .. } => (ParamLocation::Header, Style::Simple, false),
        Parameter::Cookie { .. } => (ParamLocation::Cookie, Style::Form, true),
    };
    let explode = param
        .parameter_data_ref()
        .explode
        .unwrap_or(default_explode);
    Declared {
        location,
        style,
        explode,
    }
}

/// The wire encoding of a value of `shape` declared as `declared`, or `None` when the runtime
/// cannot write it that way. Every parameter style rule lives here.
fn encoding(declared: Declared, shape: Shape) -> Option<ParamEncoding> {
    let Declared {
        location,
        style,
        explode,
    } = declared;
    Some(match (location, style, shape) {
        (ParamLocation::Path, Style::Simple, Shape::Scalar) => {
            ParamEncoding::Path(PathStyle::Simple)
        }
        (ParamLocation::Path, Style::Label, Shape::Scalar) => ParamEncoding::Path(PathStyle::Label),
        (ParamLocation::Path, Style::Matrix, Shape::Scalar) => {
            ParamEncoding::Path(PathStyle::Matrix)
        }
        // A scalar-or-list value is written as a list (a scalar as a list of one).
        (ParamLocation::Query | ParamLocation::Header, _, Shape::ScalarOrList) => {
            return encoding(declared, Shape::List)
        }
        (ParamLocation::Path, ..) => return None,
        (ParamLocation::Query, Style::DeepObject, Shape::Object) => {
            ParamEncoding::QueryObject(ObjectStyle::DeepObject)
        }
        (ParamLocation::Query, Style::DeepObject, _) => return None,
        (ParamLocation::Query, Style::Form, Shape::Object) => {
            ParamEncoding::QueryObject(ObjectStyle::Form { explode })
        }
        (ParamLocation::Query, _, Shape::Object) => return None,
        (ParamLocation::Query, _, Shape::Scalar) => ParamEncoding::Query,
        (ParamLocation::Query, Style::SpaceDelimited, Shape::List) if !explode => {
            ParamEncoding::QueryDelimited(Delimiter::Space)
        }
        (ParamLocation::Query, Style::PipeDelimited, Shape::List) if !explode => {
            ParamEncoding::QueryDelimited(Delimiter::Pipe)
        }
        (ParamLocation::Query, _, Shape::List) => ParamEncoding::QueryList { explode },
        (ParamLocation::Header, _, Shape::Scalar) => ParamEncoding::Header,
        (ParamLocation::Header, _, Shape::List) => ParamEncoding::HeaderList,
        (ParamLocation::Header, _, Shape::Object) => return None,
        (ParamLocation::Cookie, _, Shape::Scalar) => ParamEncoding::Cookie,
        (ParamLocation::Cookie, ..) => return None,
    })
}

/// What a parameter declared as `declared` may carry, for the problem when it carries another.
fn expected(declared: Declared) -> &'static str {
    match (declared.location, declared.style) {
        (ParamLocation::Path, Style::Simple | Style::Label | Style::Matrix) => {
            "a string, number, boolean or enum in a path parameter"
        }
        (ParamLocation::Path, _) => "style `simple`, `label` or `matrix` in a path parameter",
        (ParamLocation::Query, Style::DeepObject) => "an object with `deepObject`",
        (ParamLocation::Query, Style::Form) => {
            "a string, number, boolean, enum, an array of those, or an object"
        }
        (ParamLocation::Query, _) => {
            "a string, number, boolean, enum or an array of those with a delimited style"
        }
        (ParamLocation::Header, _) => {
            "a string, number, boolean, enum or an array of those in a header"
        }
        (ParamLocation::Cookie, _) => "a string, number, boolean or enum in a cookie",
    }
}

/// A placeholder encoding for a parameter already reported as a problem.
fn fallback(location: ParamLocation) -> ParamEncoding {
    match location {
        ParamLocation::Path => ParamEncoding::Path(PathStyle::Simple),
        ParamLocation::Query => ParamEncoding::Query,
        ParamLocation::Header => ParamEncoding::Header,
        ParamLocation::Cookie => ParamEncoding::Cookie,
    }
}
