//! The structured error of every fallible operation of this crate.
//!
//! Errors carry the byte span of the offending text, what was expected and what was
//! found. Rendering (a caret under the span, colour) belongs to the caller; the
//! [`Display`](std::fmt::Display) form is one line in sysdig's spirit:
//! `filter error at position 10: unexpected '(' after the operator`.

use std::fmt;

/// A half-open byte range `start..end` into the filter or format text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// An empty span at `pos` (used for end-of-input errors).
    pub fn at(pos: usize) -> Span {
        Span { start: pos, end: pos }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// What went wrong, without the position.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text ended where more was needed. `(proc.name=curl` expects `)`.
    UnexpectedEnd {
        /// What the parser wanted next.
        expected: &'static str,
    },
    /// A token that does not fit. `proc.name=curl bash` expects `and`, `or` or `)`.
    Unexpected {
        /// What the parser wanted.
        expected: &'static str,
        /// The text it saw.
        found: String,
    },
    /// A `)` without its `(`: `proc.name=curl)`.
    UnbalancedParen,
    /// `and` and `or` in one group without brackets:
    /// `proc.name=curl and evt.type=open or evt.type=close`.
    MixedAndOr,
    /// A name that is no field: `proc.nam=curl`.
    UnknownField(String),
    /// A quoted value without its closing quote: `proc.name="curl`.
    UnclosedQuote,
    /// A backslash escape that cannot be decoded: `proc.name=a\x4G`.
    BadEscape(String),
    /// The field's argument is missing or malformed: `evt.arg.foo`, `proc.aname[x]`.
    BadArgument {
        /// The field name without the argument.
        field: &'static str,
        /// Why the argument is wrong.
        reason: String,
    },
    /// The operator cannot be used with this field type: `evt.num contains 1`.
    OperatorNotSupported {
        /// The operator as written.
        op: &'static str,
        /// The field (or transformer) type name.
        type_name: &'static str,
    },
    /// The value does not parse as the field's type: `evt.num=abc`.
    InvalidValue {
        /// The field type name.
        type_name: &'static str,
        /// The value as given.
        value: String,
        /// Why it does not parse.
        reason: String,
    },
    /// `evt.type=foo`: no event or syscall has this name.
    UnknownEventType(String),
    /// A field usable only in filters was used in an output format: `%fd.ip`.
    FilterOnly(&'static str),
    /// A field that cannot be used in filters appears in one (`evt.outputtime` is fine;
    /// this guards fields whose values cannot be compared).
    NotFilterable(&'static str),
    /// A transformer that does not apply to its operand: `tolower(evt.num)`.
    BadTransformer {
        /// The transformer name.
        transformer: &'static str,
        /// The operand type name.
        type_name: &'static str,
    },
    /// `val()` on a field that cannot be compared field-to-field, or with an operator
    /// that needs literal values (`pmatch`, `regex`).
    BadFieldComparison(String),
    /// A `-p` format problem: `%` at the end, `%-12proc.name`, an empty format.
    Format(String),
}

/// An error with the span of the text that caused it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterError {
    /// Where in the input.
    pub span: Span,
    /// What.
    pub kind: ErrorKind,
}

impl FilterError {
    /// An error of `kind` at `span`.
    pub fn new(span: Span, kind: ErrorKind) -> FilterError {
        FilterError { span, kind }
    }

    /// The byte offset of the start of the offending text.
    pub fn position(&self) -> usize {
        self.span.start
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::UnexpectedEnd { expected } => {
                write!(f, "unexpected end of filter, expected {expected}")
            }
            ErrorKind::Unexpected { expected, found } => {
                write!(f, "expected {expected}, found '{found}'")
            }
            ErrorKind::UnbalancedParen => write!(f, "unexpected ')' without a matching '('"),
            ErrorKind::MixedAndOr => write!(
                f,
                "expression mixes 'and' and 'or' in an ambiguous way. Please use brackets."
            ),
            ErrorKind::UnknownField(name) => write!(f, "unrecognized field {name}"),
            ErrorKind::UnclosedQuote => write!(f, "unclosed quotes"),
            ErrorKind::BadEscape(text) => write!(f, "unrecognized escape sequence at {text}"),
            ErrorKind::BadArgument { field, reason } => {
                write!(f, "bad argument for {field}: {reason}")
            }
            ErrorKind::OperatorNotSupported { op, type_name } => {
                write!(f, "'{op}' not supported for {type_name} fields")
            }
            ErrorKind::InvalidValue { type_name, value, reason } => {
                write!(f, "'{value}' is not a valid {type_name} value: {reason}")
            }
            ErrorKind::UnknownEventType(name) => write!(f, "unknown event type {name}"),
            ErrorKind::FilterOnly(name) => {
                write!(f, "{name} is filter only and cannot be used as a display field")
            }
            ErrorKind::NotFilterable(name) => write!(f, "{name} cannot be used in filters"),
            ErrorKind::BadTransformer { transformer, type_name } => {
                write!(f, "transformer {transformer}() cannot be applied to {type_name} values")
            }
            ErrorKind::BadFieldComparison(why) => write!(f, "{why}"),
            ErrorKind::Format(why) => write!(f, "invalid formatting: {why}"),
        }
    }
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "filter error at position {}: {}", self.span.start, self.kind)
    }
}

impl std::error::Error for FilterError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_position_and_problem() {
        let e = FilterError::new(Span::new(0, 8), ErrorKind::UnknownField("proc.nam".into()));
        assert_eq!(e.to_string(), "filter error at position 0: unrecognized field proc.nam");
        assert_eq!(e.position(), 0);
        let e = FilterError::new(Span::at(15), ErrorKind::UnclosedQuote);
        assert_eq!(e.to_string(), "filter error at position 15: unclosed quotes");
    }

    #[test]
    fn spans_merge() {
        assert_eq!(Span::new(3, 5).to(Span::new(1, 4)), Span::new(1, 5));
    }
}
