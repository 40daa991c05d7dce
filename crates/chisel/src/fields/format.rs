//! TEMPORARY `-p` style event formatter for `chisel.set_event_formatter`, until
//! the `filter` crate exports its format type (coord/REQUESTS.md). Supports
//! literal text, `%field` and `%Nfield` (width: pad or cut to N bytes), the `*`
//! prefix, and `-j` output as one JSON object per event.

use engine::{ArgForm, ArgSel, EventCtx, RenderOptions};
use filter::FieldSource;
use filter::fields::{Context, FieldId, FieldRef, resolve};
use filter::value::Value;

use super::CtxSource;

enum Token {
    Literal(Vec<u8>),
    Field { field: FieldRef, width: usize },
}

/// A compiled event format.
pub(crate) struct EventFormat {
    tokens: Vec<Token>,
    print_all: bool,
}

/// The format `""` and `"default"` stand for.
pub(crate) const DEFAULT_FORMAT: &str =
    "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.args";

impl EventFormat {
    /// Compiles `fmt`; the error names the token that is not a field.
    pub(crate) fn compile(fmt: &str) -> Result<EventFormat, String> {
        let fmt = if fmt.is_empty() || fmt == "default" { DEFAULT_FORMAT } else { fmt };
        let (print_all, body) = match fmt.strip_prefix('*') {
            Some(rest) => (true, rest),
            None => (false, fmt),
        };
        let mut tokens = Vec::new();
        let mut lit = Vec::new();
        let mut rest = body;
        while let Some(p) = rest.find('%') {
            lit.extend_from_slice(&rest.as_bytes()[..p]);
            rest = &rest[p + 1..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let width: usize = rest[..digits].parse().unwrap_or(0);
            rest = &rest[digits..];
            let (field, used) = resolve(rest, Context::Format)
                .map_err(|_| format!("invalid formatting token {rest}"))?;
            if !lit.is_empty() {
                tokens.push(Token::Literal(std::mem::take(&mut lit)));
            }
            tokens.push(Token::Field { field, width });
            rest = &rest[used..];
        }
        lit.extend_from_slice(rest.as_bytes());
        if !lit.is_empty() {
            tokens.push(Token::Literal(lit));
        }
        Ok(EventFormat { tokens, print_all })
    }

    /// Appends the line for `ctx` (without newline); false when a field has no
    /// value and the format does not start with `*` (then `out` is unspecified).
    pub(crate) fn render(
        &self,
        ctx: &EventCtx<'_>,
        opts: &RenderOptions,
        json: bool,
        out: &mut Vec<u8>,
        scratch: &mut Vec<u8>,
    ) -> bool {
        let mut value = Vec::new();
        if json {
            out.push(b'{');
        }
        let mut first = true;
        for t in &self.tokens {
            match t {
                Token::Literal(l) => {
                    if !json {
                        out.extend_from_slice(l);
                    }
                }
                Token::Field { field, width } => {
                    value.clear();
                    let found = field_text(ctx, field, opts, scratch, &mut value);
                    if !found && !self.print_all {
                        return false;
                    }
                    if !found {
                        value.extend_from_slice(b"<NA>");
                    }
                    if json {
                        if !first {
                            out.push(b',');
                        }
                        first = false;
                        json_string(out, field.text.as_bytes());
                        out.push(b':');
                        json_string(out, &value);
                    } else if *width > 0 {
                        let n = value.len().min(*width);
                        out.extend_from_slice(&value[..n]);
                        out.resize(out.len() + (*width - n), b' ');
                    } else {
                        out.extend_from_slice(&value);
                    }
                }
            }
        }
        if json {
            out.push(b'}');
        }
        true
    }
}

/// Appends the text of one field; false when it has no value.
pub(crate) fn field_text(
    ctx: &EventCtx<'_>,
    field: &FieldRef,
    opts: &RenderOptions,
    scratch: &mut Vec<u8>,
    out: &mut Vec<u8>,
) -> bool {
    if field.id == FieldId::EvtBuffer {
        return ctx.write_arg(out, ArgSel::Name("data"), ArgForm::Value, opts);
    }
    if field.id == FieldId::EvtArg
        && let filter::fields::FieldArg::Param { name, .. } = &field.arg
    {
        return ctx.write_arg(out, ArgSel::Name(name), ArgForm::Resolved, opts);
    }
    let mut found = false;
    let mut src = CtxSource::new(ctx, opts, scratch);
    src.extract(field, &mut |v| {
        found = true;
        value_text(v, out);
        true
    });
    found
}

/// Appends a value as sysdig prints it.
pub(crate) fn value_text(v: Value<'_>, out: &mut Vec<u8>) {
    match v {
        Value::Str(s) | Value::Bytes(s) => out.extend_from_slice(s),
        Value::I64(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        Value::U64(n) => out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes()),
        Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Value::Ip(ip) => out.extend_from_slice(ip.to_string().as_bytes()),
        Value::Double(d) => out.extend_from_slice(format!("{d:.2}").as_bytes()),
    }
}

/// Appends `s` as a JSON string (bytes that are not UTF-8 are replaced).
pub(crate) fn json_string(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'"');
    for ch in String::from_utf8_lossy(s).chars() {
        match ch {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (c as u32) < 0x20 => {
                out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes())
            }
            c => {
                let mut b = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
            }
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_compile_and_reject_unknown_fields() {
        assert!(EventFormat::compile("%evt.arg.data").is_ok());
        assert!(EventFormat::compile("").unwrap().print_all);
        assert!(EventFormat::compile("%nosuch.field").is_err());
        let f = EventFormat::compile("a %5proc.name b").unwrap();
        assert_eq!(f.tokens.len(), 3);
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut v = Vec::new();
        json_string(&mut v, b"a\"b\n\x01");
        assert_eq!(v, b"\"a\\\"b\\n\\u0001\"");
    }
}
