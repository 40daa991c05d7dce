//! Operands: a field seen through zero or more transformers.

use std::cell::RefCell;

use base64::Engine as _;

use crate::error::{ErrorKind, FilterError};
use crate::fields::{Context, FieldRef, resolve};
use crate::lang::ast::{Operand, Transformer};
use crate::source::FieldSource;
use crate::value::{FieldType, Kind, Value};

/// One transformer step with its output buffer (reused across events).
#[derive(Debug)]
struct Step {
    kind: Transformer,
    buf: RefCell<Vec<u8>>,
}

/// A compiled operand: the field, the transformers applied to it (innermost first)
/// and the resulting type.
#[derive(Debug)]
pub struct CompiledOperand {
    /// The field at the heart of the operand.
    pub field: FieldRef,
    steps: Vec<Step>,
    /// The type after the transformers.
    pub ty: FieldType,
}

impl CompiledOperand {
    /// Resolves the field of `op` and type-checks its transformers.
    pub fn compile(op: &Operand, ctx: Context) -> Result<CompiledOperand, FilterError> {
        match op {
            Operand::Field { name, span } => {
                let (field, _) = resolve(name, ctx).map_err(|k| FilterError::new(*span, k))?;
                let ty = field.ty;
                Ok(CompiledOperand { field, steps: Vec::new(), ty })
            }
            Operand::Transform { kind, inner, span } => {
                let mut c = CompiledOperand::compile(inner, ctx)?;
                let bad = || {
                    FilterError::new(
                        *span,
                        ErrorKind::BadTransformer {
                            transformer: kind.name(),
                            type_name: c.ty.name(),
                        },
                    )
                };
                c.ty = match (kind, c.ty.kind()) {
                    (
                        Transformer::ToLower | Transformer::ToUpper | Transformer::Basename,
                        Kind::Str,
                    ) => FieldType::CharBuf,
                    (Transformer::B64, Kind::Str | Kind::Buf) => c.ty,
                    (Transformer::Len, Kind::Str | Kind::Buf) => FieldType::Uint64,
                    _ => return Err(bad()),
                };
                c.steps.push(Step { kind: *kind, buf: RefCell::new(Vec::new()) });
                Ok(c)
            }
        }
    }

    /// True when the operand is a bare field.
    pub fn is_plain(&self) -> bool {
        self.steps.is_empty()
    }

    /// True when the operand has a value even when its field is absent (`len()`).
    pub fn never_absent(&self) -> bool {
        self.steps.last().is_some_and(|s| s.kind == Transformer::Len)
    }

    /// Calls `sink` with each value of the operand for the current event; stops when
    /// `sink` returns `true`.
    pub fn for_each<S: FieldSource + ?Sized>(
        &self,
        src: &mut S,
        sink: &mut dyn FnMut(Value<'_>) -> bool,
    ) {
        if self.steps.is_empty() {
            src.extract(&self.field, sink);
            return;
        }
        let mut seen = false;
        src.extract(&self.field, &mut |v| {
            seen = true;
            apply(&self.steps, v, sink)
        });
        if !seen && self.never_absent() {
            sink(Value::U64(0));
        }
    }

    /// Applies the transformers to a value given directly (compile-time analysis).
    pub fn transform(&self, v: Value<'_>, sink: &mut dyn FnMut(Value<'_>) -> bool) -> bool {
        apply(&self.steps, v, sink)
    }
}

fn apply(steps: &[Step], v: Value<'_>, sink: &mut dyn FnMut(Value<'_>) -> bool) -> bool {
    let Some((step, rest)) = steps.split_first() else {
        return sink(v);
    };
    let Some(bytes) = v.as_bytes() else {
        return false;
    };
    let rewrap = |b| match v {
        Value::Bytes(_) => Value::Bytes(b),
        _ => Value::Str(b),
    };
    match step.kind {
        Transformer::Len => apply(rest, Value::U64(bytes.len() as u64), sink),
        Transformer::Basename => {
            let base = bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes);
            apply(rest, rewrap(base), sink)
        }
        Transformer::ToLower | Transformer::ToUpper | Transformer::B64 => {
            let mut buf = step.buf.borrow_mut();
            buf.clear();
            match step.kind {
                Transformer::ToLower => buf.extend(bytes.iter().map(u8::to_ascii_lowercase)),
                Transformer::ToUpper => buf.extend(bytes.iter().map(u8::to_ascii_uppercase)),
                _ => {
                    if base64::engine::general_purpose::STANDARD
                        .decode_vec(bytes, &mut buf)
                        .is_err()
                    {
                        // Not base64: the transformed value is absent.
                        return false;
                    }
                }
            }
            apply(rest, rewrap(&buf), sink)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::parser::parse_operand_prefix;
    use crate::source::Record;

    fn values(op: &str, rec: &mut Record) -> Vec<String> {
        let (ast, _) = parse_operand_prefix(op).unwrap();
        let c = CompiledOperand::compile(&ast, Context::Filter).unwrap();
        let mut out = Vec::new();
        c.for_each(rec, &mut |v| {
            out.push(match v {
                Value::Str(b) | Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                Value::U64(n) => n.to_string(),
                other => format!("{other:?}"),
            });
            false
        });
        out
    }

    #[test]
    fn transformers() {
        let mut r = Record::new(0)
            .with("proc.name", "CuRl")
            .with("fd.name", "/etc/resolv.conf")
            .with("evt.arg.data", "aGVsbG8=")
            .with("evt.info", "not base64!");
        assert_eq!(values("tolower(proc.name)", &mut r), ["curl"]);
        assert_eq!(values("toupper(proc.name)", &mut r), ["CURL"]);
        assert_eq!(values("basename(fd.name)", &mut r), ["resolv.conf"]);
        assert_eq!(values("len(fd.name)", &mut r), ["16"]);
        assert_eq!(values("len(tolower(proc.name))", &mut r), ["4"]);
        assert_eq!(values("b64(evt.arg.data)", &mut r), ["hello"]);
        assert!(values("b64(evt.info)", &mut r).is_empty());
        assert_eq!(values("len(proc.exe)", &mut r), ["0"], "len of an absent field is 0");
        assert!(values("tolower(proc.exe)", &mut r).is_empty());
    }

    #[test]
    fn transformer_types_are_checked() {
        for bad in
            ["tolower(evt.num)", "len(evt.num)", "tolower(len(proc.name))", "basename(evt.buffer)"]
        {
            let (ast, _) = parse_operand_prefix(bad).unwrap();
            let e = CompiledOperand::compile(&ast, Context::Filter).unwrap_err();
            assert!(matches!(e.kind, ErrorKind::BadTransformer { .. }), "{bad}");
        }
    }
}
