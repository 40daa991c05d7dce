//! The syntax tree of a filter, before fields are resolved or values typed.
//!
//! Every node keeps the byte span of its text so that later stages (field lookup,
//! value parsing, type checks) can point at the exact token they reject.

use crate::error::Span;

/// A boolean expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// All must hold (`a and b and c`).
    And(Vec<Expr>, Span),
    /// One must hold (`a or b`).
    Or(Vec<Expr>, Span),
    /// Negation. `not not x` parses as `x`, so two `Not`s never nest directly.
    Not(Box<Expr>, Span),
    /// One check.
    Check(Check),
}

impl Expr {
    /// The text the expression was parsed from.
    pub fn span(&self) -> Span {
        match self {
            Expr::And(_, s) | Expr::Or(_, s) | Expr::Not(_, s) => *s,
            Expr::Check(c) => c.span,
        }
    }
}

/// `operand operator [value | (list) | val(field)]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The left side: a field, possibly inside transformers.
    pub lhs: Operand,
    /// The comparison.
    pub op: Op,
    /// The operator's span.
    pub op_span: Span,
    /// The right side.
    pub rhs: Rhs,
    /// The whole check.
    pub span: Span,
}

/// A field reference, or a transformer applied to an operand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Operand {
    /// A field token exactly as written (`proc.aname[2]`, `evt.arg.fd`).
    Field {
        /// The token.
        name: String,
        /// Its span.
        span: Span,
    },
    /// `tolower(x)` and friends.
    Transform {
        /// Which transformer.
        kind: Transformer,
        /// Its argument.
        inner: Box<Operand>,
        /// From the transformer name to its `)`.
        span: Span,
    },
}

impl Operand {
    /// The text of the operand.
    pub fn span(&self) -> Span {
        match self {
            Operand::Field { span, .. } | Operand::Transform { span, .. } => *span,
        }
    }

    /// The field at the heart of the operand.
    pub fn field(&self) -> (&str, Span) {
        match self {
            Operand::Field { name, span } => (name, *span),
            Operand::Transform { inner, .. } => inner.field(),
        }
    }
}

/// Field transformers of newer libs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transformer {
    /// ASCII lower case of a string.
    ToLower,
    /// ASCII upper case of a string.
    ToUpper,
    /// Base64 decoding of a string or buffer (absent when the input is not base64).
    B64,
    /// The text after the last `/`.
    Basename,
    /// Byte length of a string or buffer (0 when absent).
    Len,
}

impl Transformer {
    /// Every transformer, for lookups.
    pub const ALL: [Transformer; 5] = [
        Transformer::ToLower,
        Transformer::ToUpper,
        Transformer::B64,
        Transformer::Basename,
        Transformer::Len,
    ];

    /// The name as written before `(`.
    pub fn name(self) -> &'static str {
        match self {
            Transformer::ToLower => "tolower",
            Transformer::ToUpper => "toupper",
            Transformer::B64 => "b64",
            Transformer::Basename => "basename",
            Transformer::Len => "len",
        }
    }

    /// The transformer called `name`.
    pub fn from_name(name: &str) -> Option<Transformer> {
        Transformer::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[expect(missing_docs, reason = "each variant is the operator of the same name")]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    IContains,
    BContains,
    StartsWith,
    BStartsWith,
    EndsWith,
    Glob,
    IGlob,
    Regex,
    In,
    Intersects,
    Pmatch,
    Exists,
}

impl Op {
    /// Word operators in matching order (a longer word never hides behind a shorter
    /// one because words must end at a blank or bracket).
    pub const WORDS: [Op; 12] = [
        Op::Contains,
        Op::IContains,
        Op::BContains,
        Op::StartsWith,
        Op::BStartsWith,
        Op::EndsWith,
        Op::Glob,
        Op::IGlob,
        Op::Regex,
        Op::Intersects,
        Op::Pmatch,
        Op::Exists,
    ];

    /// The operator as written (`=` for both `=` and `==`).
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::Contains => "contains",
            Op::IContains => "icontains",
            Op::BContains => "bcontains",
            Op::StartsWith => "startswith",
            Op::BStartsWith => "bstartswith",
            Op::EndsWith => "endswith",
            Op::Glob => "glob",
            Op::IGlob => "iglob",
            Op::Regex => "regex",
            Op::In => "in",
            Op::Intersects => "intersects",
            Op::Pmatch => "pmatch",
            Op::Exists => "exists",
        }
    }

    /// True for the operators followed by a parenthesised list.
    pub fn takes_list(self) -> bool {
        matches!(self, Op::In | Op::Intersects | Op::Pmatch)
    }
}

/// One literal value with its span; bytes, because `\xHH` escapes may yield any byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    /// The unescaped bytes.
    pub bytes: Vec<u8>,
    /// The text it came from (quotes included).
    pub span: Span,
}

/// The right side of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rhs {
    /// `exists` has none.
    None,
    /// One literal.
    Value(Literal),
    /// `in`, `intersects`, `pmatch`.
    List(Vec<Literal>, Span),
    /// `val(field)`, possibly inside transformers.
    Field(Operand),
}
