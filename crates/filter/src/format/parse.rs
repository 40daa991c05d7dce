//! `-p` format strings: literal text with `%` fields.
//!
//! At each `%`: optional width digits, then a field looked up in the rest of the
//! text (the longest known name, then its argument; what follows is literal), or a
//! transformer call such as `%tolower(proc.name)`. Before parsing, `\n`, `\t`, `\e`
//! and `\\` become newline, tab, ESC and backslash; other backslashes stay (and a
//! single trailing one is a literal backslash, where sysdig exited silently). A
//! leading `*` makes absent fields print `<NA>` instead of suppressing the line.

use crate::compile::CompiledOperand;
use crate::error::{ErrorKind, FilterError, Span};
use crate::fields::{Context, FieldId, flag, resolve};
use crate::lang::ast::Transformer;
use crate::lang::parser::parse_operand_prefix;

/// The widest field a format may ask for (`%65535proc.name`); wider ones are
/// errors rather than gigabytes of padding.
pub const MAX_WIDTH: usize = 65_535;

/// One piece of a format.
#[derive(Debug)]
pub enum Item {
    /// Text printed as is.
    Literal(Vec<u8>),
    /// A field.
    Field(FieldItem),
}

/// A `%field` of a format.
#[derive(Debug)]
pub struct FieldItem {
    /// The operand (field plus transformers).
    pub op: CompiledOperand,
    /// Pad or cut the value to this many bytes (0: as is).
    pub width: usize,
    /// The text after `%` and the width: the `-j` key.
    pub key: Box<str>,
}

/// A parsed format.
#[derive(Debug)]
pub struct Parsed {
    /// `*` was given.
    pub star: bool,
    /// The pieces in order.
    pub items: Vec<Item>,
}

/// Rewrites the backslash escapes sysdig recognises in formats.
pub fn unescape(fmt: &str) -> String {
    let mut out = String::with_capacity(fmt.len());
    let mut chars = fmt.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('e') => out.push('\x1b'),
            Some('\\') => out.push('\\'),
            _ => {
                out.push('\\');
                continue;
            }
        }
        chars.next();
    }
    out
}

fn format_error(at: usize, why: String) -> FilterError {
    FilterError::new(Span::at(at), ErrorKind::Format(why))
}

/// Parses an (already unescaped) format.
pub fn parse(fmt: &str) -> Result<Parsed, FilterError> {
    if fmt.is_empty() {
        return Err(format_error(0, "empty formatting token".into()));
    }
    let (star, body, base) = match fmt.strip_prefix('*') {
        Some(rest) => (true, rest, 1),
        None => (false, fmt, 0),
    };
    let mut items = Vec::new();
    let mut literal = Vec::new();
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            literal.push(bytes[i]);
            i += 1;
            continue;
        }
        let pct = i;
        i += 1;
        if i == bytes.len() {
            return Err(format_error(base + pct, "formatting cannot end with a %".into()));
        }
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        let width = match body[i..i + digits].parse::<usize>() {
            _ if digits == 0 => 0,
            Ok(w) if w <= MAX_WIDTH => w,
            _ => {
                return Err(format_error(
                    base + i,
                    format!("field width {} is larger than {MAX_WIDTH}", &body[i..i + digits]),
                ));
            }
        };
        i += digits;
        if i == bytes.len() {
            return Err(format_error(base + pct, "formatting cannot end with a number".into()));
        }
        let rest = &body[i..];
        let (op, used) = field_at(rest, base + i)?;
        if op.field.info().has(flag::FILTER_ONLY) && op.field.id != FieldId::EvtAround {
            return Err(FilterError::new(
                Span::new(base + i, base + i + used),
                ErrorKind::FilterOnly(op.field.info().name),
            ));
        }
        if !literal.is_empty() {
            items.push(Item::Literal(std::mem::take(&mut literal)));
        }
        items.push(Item::Field(FieldItem { op, width, key: rest[..used].into() }));
        i += used;
    }
    if !literal.is_empty() {
        items.push(Item::Literal(literal));
    }
    Ok(Parsed { star, items })
}

/// The field (or transformer call) at the start of `rest`, and its length.
fn field_at(rest: &str, at: usize) -> Result<(CompiledOperand, usize), FilterError> {
    let invalid = || {
        let shown: String = rest.chars().take(60).collect();
        format_error(at, format!("invalid formatting token {shown}"))
    };
    let is_call = Transformer::ALL
        .iter()
        .any(|t| rest.strip_prefix(t.name()).is_some_and(|r| r.starts_with('(')));
    if is_call {
        let (ast, used) = parse_operand_prefix(rest).map_err(|mut e| {
            e.span = Span::new(e.span.start + at, e.span.end + at);
            e
        })?;
        let op = CompiledOperand::compile(&ast, Context::Format).map_err(|mut e| {
            e.span = Span::new(e.span.start + at, e.span.end + at);
            e
        })?;
        return Ok((op, used));
    }
    match resolve(rest, Context::Format) {
        Ok((_, used)) => {
            let ast = crate::lang::ast::Operand::Field {
                name: rest[..used].to_owned(),
                span: Span::new(0, used),
            };
            let op = CompiledOperand::compile(&ast, Context::Format).map_err(|_| invalid())?;
            Ok((op, used))
        }
        Err(ErrorKind::UnknownField(_)) => Err(invalid()),
        Err(kind) => Err(FilterError::new(Span::at(at), kind)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(fmt: &str) -> Vec<String> {
        let p = parse(fmt).unwrap_or_else(|e| panic!("{fmt}: {e}"));
        p.items
            .iter()
            .map(|i| match i {
                Item::Literal(l) => format!("'{}'", String::from_utf8_lossy(l)),
                Item::Field(f) if f.width > 0 => format!("{}/{}", f.key, f.width),
                Item::Field(f) => f.key.to_string(),
            })
            .collect()
    }

    #[test]
    fn fields_end_where_the_name_ends() {
        assert_eq!(
            shape("%evt.numX|%evt.num.foo|%proc.name:%thread.tid"),
            ["evt.num", "'X|'", "evt.num", "'.foo|'", "proc.name", "':'", "thread.tid"]
        );
        assert_eq!(
            shape("%evt.arg.name %evt.arg[1] %proc.aname[2]"),
            ["evt.arg.name", "' '", "evt.arg[1]", "' '", "proc.aname[2]"]
        );
        assert_eq!(
            shape("%k8s.pod.label.app:%container.mount[0]:"),
            ["k8s.pod.label.app", "':'", "container.mount[0]", "':'"]
        );
        assert_eq!(
            shape("%12proc.name|%3proc.name|"),
            ["proc.name/12", "'|'", "proc.name/3", "'|'"]
        );
        assert_eq!(shape("%proc.aname %proc.name"), ["proc.aname", "' '", "proc.name"]);
        assert_eq!(shape("%tolower(proc.name)!"), ["tolower(proc.name)", "'!'"]);
        assert_eq!(shape("plain"), ["'plain'"]);
    }

    #[test]
    fn star_and_escapes() {
        let p = parse("*%evt.num").unwrap();
        assert!(p.star);
        assert_eq!(unescape(r"a\tb\nc\e[0m\\d\q"), "a\tb\nc\x1b[0m\\d\\q");
        assert_eq!(unescape(r"end\"), r"end\");
    }

    #[test]
    fn errors() {
        let kinds = |f: &str| parse(f).expect_err(f).kind;
        for f in ["%", "abc%", "%12", "", "%-12proc.name|", "%%", "%foo.bar", "%fd.ip", "%fd.net"] {
            assert!(matches!(kinds(f), ErrorKind::Format(_) | ErrorKind::FilterOnly(_)), "{f}");
        }
        assert_eq!(kinds("%fd.ip"), ErrorKind::FilterOnly("fd.ip"));
        assert!(matches!(kinds("%evt.argx"), ErrorKind::BadArgument { .. }));
        assert!(parse("%evt.around[5]").is_ok(), "accepted, always absent");
        // Found by the fuzzer: a huge width asked for gigabytes of padding.
        assert!(matches!(kinds("%88880888888proc.args"), ErrorKind::Format(_)));
        assert!(parse("%65535proc.args").is_ok());
        assert!(parse("%65536proc.args").is_err());
    }
}
