//! Compiled filters.
//!
//! A filter compiles once into a tree of [`Node`]s. Every node knows two event type
//! sets: `may`, the types on which it can be true, and `must`, the types on which it
//! is true whatever the fields say. A check on a field that only some events have
//! (`fd.*` on fd events, `evt.buffer` on events with a data parameter, `evt.arg.NAME`
//! on events with that parameter) may only hold on those; a check on `evt.type` or
//! `evt.dir` is decided by the type alone, so it compiles to a set lookup. `and`
//! intersects, `or` unites, `not` swaps and complements the two sets. At run time an
//! event whose type is outside a node's `may` set is rejected before any field is
//! extracted; [`Filter::event_types`] is the root's set, which a live probe can use
//! to drop the other events in the kernel.

mod evtset;
mod matcher;
mod operand;

pub use evtset::EventTypeSet;
pub use operand::CompiledOperand;

use std::cell::RefCell;
use std::net::IpAddr;

use scap::table::{EVENTS, SYSCALL_NAMES, ef, ids};

use crate::error::{ErrorKind, FilterError};
use crate::fields::{Context, FieldArg, FieldClass, FieldId, FieldRef, flag};
use crate::lang::ast::{Check, Expr, Literal, Op, Rhs};
use crate::lang::parse;
use crate::source::FieldSource;
use crate::value::{Kind, Value};
use matcher::{Matcher, op_allowed};

/// A compiled filter.
#[derive(Debug)]
pub struct Filter {
    root: Option<Node>,
}

#[derive(Debug)]
struct Node {
    may: EventTypeSet,
    kind: NodeKind,
}

#[derive(Debug)]
enum NodeKind {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    /// Decided by the event type alone.
    Types(EventTypeSet),
    Check(Box<CheckNode>),
}

#[derive(Debug)]
struct CheckNode {
    lhs: CompiledOperand,
    must: EventTypeSet,
    test: Test,
    /// `!=` on an endpoint field: true only when no value equals.
    none_equal: bool,
}

#[derive(Debug)]
enum Test {
    Literal(Matcher),
    Field { rhs: CompiledOperand, op: Op, cache: RefCell<Cached> },
}

/// The right-hand value of a field-to-field comparison for the current event.
#[derive(Debug, Default)]
struct Cached {
    bytes: Vec<u8>,
    scalar: Option<Scalar>,
}

#[derive(Debug, Clone, Copy)]
enum Scalar {
    Bytes,
    Int(i128),
    Ip(IpAddr),
    Double(f64),
}

impl Filter {
    /// Compiles `src`. The empty string is the filter that matches everything; a
    /// filter of blanks is an error, as in sysdig.
    ///
    /// ```
    /// let f = filter::Filter::compile("proc.name=curl and evt.type in (open, openat)").unwrap();
    /// assert!(!f.event_types().contains(scap::table::ids::SYSCALL_READ_E));
    /// assert!(filter::Filter::compile("proc.name=curl or").is_err());
    /// ```
    pub fn compile(src: &str) -> Result<Filter, FilterError> {
        let root = match parse(src)? {
            None => None,
            Some(expr) => Some(compile_expr(&expr)?.0),
        };
        Ok(Filter { root })
    }

    /// The event types this filter can match; events of other types never match.
    pub fn event_types(&self) -> EventTypeSet {
        self.root.as_ref().map_or(EventTypeSet::all(), |n| n.may)
    }

    /// True for the empty filter.
    pub fn matches_everything(&self) -> bool {
        self.root.is_none()
    }

    /// Evaluates the filter on the current event of `src`.
    pub fn matches<S: FieldSource + ?Sized>(&self, src: &mut S) -> bool {
        match &self.root {
            None => true,
            Some(n) => {
                let etype = src.event_type();
                n.eval(etype, src)
            }
        }
    }

    /// Every field the filter reads (for example to enable the syslog decoder only
    /// when a `syslog.*` field is used).
    pub fn fields(&self) -> Vec<&FieldRef> {
        fn walk<'a>(n: &'a Node, out: &mut Vec<&'a FieldRef>) {
            match &n.kind {
                NodeKind::And(v) | NodeKind::Or(v) => v.iter().for_each(|c| walk(c, out)),
                NodeKind::Not(c) => walk(c, out),
                NodeKind::Types(_) => {}
                NodeKind::Check(c) => {
                    out.push(&c.lhs.field);
                    if let Test::Field { rhs, .. } = &c.test {
                        out.push(&rhs.field);
                    }
                }
            }
        }
        let mut out = Vec::new();
        if let Some(n) = &self.root {
            walk(n, &mut out);
        }
        out
    }
}

impl Node {
    #[inline]
    fn eval<S: FieldSource + ?Sized>(&self, etype: u16, src: &mut S) -> bool {
        if !self.may.contains(etype) {
            return false;
        }
        match &self.kind {
            NodeKind::Types(s) => s.contains(etype),
            NodeKind::And(v) => v.iter().all(|n| n.eval(etype, src)),
            NodeKind::Or(v) => v.iter().any(|n| n.eval(etype, src)),
            NodeKind::Not(n) => !n.eval(etype, src),
            NodeKind::Check(c) => c.must.contains(etype) || c.eval(src),
        }
    }
}

impl CheckNode {
    fn eval<S: FieldSource + ?Sized>(&self, src: &mut S) -> bool {
        match &self.test {
            Test::Literal(m) => {
                // One value: "all values pass" and "some value passes" agree.
                if self.lhs.is_plain()
                    && let Some(ready) = src.ready_value(&self.lhs.field)
                {
                    return ready.is_some_and(|v| m.test(&v));
                }
                let mut hit = false;
                if self.none_equal {
                    let mut all = true;
                    self.lhs.for_each(src, &mut |v| {
                        hit = true;
                        all &= m.test(&v);
                        !all
                    });
                    hit && all
                } else {
                    self.lhs.for_each(src, &mut |v| {
                        hit = m.test(&v);
                        hit
                    });
                    hit
                }
            }
            Test::Field { rhs, op, cache } => {
                let mut cache = cache.borrow_mut();
                let Cached { bytes, scalar } = &mut *cache;
                *scalar = None;
                rhs.for_each(src, &mut |v| {
                    *scalar = Some(match v {
                        Value::Str(b) | Value::Bytes(b) => {
                            bytes.clear();
                            bytes.extend_from_slice(b);
                            Scalar::Bytes
                        }
                        Value::Ip(ip) => Scalar::Ip(ip),
                        Value::Double(d) => Scalar::Double(d),
                        other => match other.as_int() {
                            Some(n) => Scalar::Int(n),
                            None => return false,
                        },
                    });
                    true
                });
                let Some(want) = *scalar else { return false };
                let mut hit = false;
                self.lhs.for_each(src, &mut |v| {
                    hit = compare_values(*op, &v, want, bytes);
                    hit
                });
                hit
            }
        }
    }
}

fn compare_values(op: Op, v: &Value<'_>, want: Scalar, bytes: &[u8]) -> bool {
    use std::cmp::Ordering;
    let ord = |o: Option<Ordering>| match (op, o) {
        (Op::Eq, Some(o)) => o == Ordering::Equal,
        (Op::Ne, Some(o)) => o != Ordering::Equal,
        (Op::Lt, Some(o)) => o == Ordering::Less,
        (Op::Le, Some(o)) => o != Ordering::Greater,
        (Op::Gt, Some(o)) => o == Ordering::Greater,
        (Op::Ge, Some(o)) => o != Ordering::Less,
        _ => false,
    };
    match want {
        Scalar::Bytes => {
            let Some(b) = v.as_bytes() else { return false };
            match op {
                Op::Contains => memchr::memmem::find(b, bytes).is_some(),
                Op::IContains => {
                    bytes.is_empty()
                        || b.windows(bytes.len()).any(|w| w.eq_ignore_ascii_case(bytes))
                }
                Op::StartsWith => b.starts_with(bytes),
                Op::EndsWith => b.ends_with(bytes),
                _ => ord(Some(b.cmp(bytes))),
            }
        }
        Scalar::Int(n) => ord(v.as_int().map(|x| x.cmp(&n))),
        Scalar::Ip(ip) => match v {
            Value::Ip(x) if x.is_ipv4() == ip.is_ipv4() => ord(Some(x.cmp(&ip))),
            Value::Ip(_) => op == Op::Ne,
            _ => false,
        },
        Scalar::Double(d) => match v {
            Value::Double(x) => ord(x.partial_cmp(&d)),
            _ => ord(v.as_int().and_then(|x| (x as f64).partial_cmp(&d))),
        },
    }
}

/// Compiles an expression; returns the node and its `must` set.
fn compile_expr(e: &Expr) -> Result<(Node, EventTypeSet), FilterError> {
    match e {
        Expr::And(items, _) | Expr::Or(items, _) => {
            let is_and = matches!(e, Expr::And(..));
            let mut nodes = Vec::with_capacity(items.len());
            let (mut may, mut must) = if is_and {
                (EventTypeSet::all(), EventTypeSet::all())
            } else {
                (EventTypeSet::empty(), EventTypeSet::empty())
            };
            for item in items {
                let (n, m) = compile_expr(item)?;
                if is_and {
                    may = may.intersection(&n.may);
                    must = must.intersection(&m);
                } else {
                    may = may.union(&n.may);
                    must = must.union(&m);
                }
                nodes.push(n);
            }
            let kind = if is_and { NodeKind::And(nodes) } else { NodeKind::Or(nodes) };
            Ok((simplify(Node { may, kind }, must), must))
        }
        Expr::Not(inner, _) => {
            let (n, must) = compile_expr(inner)?;
            let may = must.complement();
            let new_must = n.may.complement();
            Ok((simplify(Node { may, kind: NodeKind::Not(Box::new(n)) }, new_must), new_must))
        }
        Expr::Check(c) => compile_check(c),
    }
}

/// A node whose truth the event type decides becomes a set lookup.
fn simplify(n: Node, must: EventTypeSet) -> Node {
    if n.may == must { Node { may: n.may, kind: NodeKind::Types(must) } } else { n }
}

/// The event types on which `field` can have a value.
fn presence(field: &FieldRef) -> EventTypeSet {
    let fd_flags = ef::CREATES_FD | ef::USES_FD | ef::DESTROYS_FD;
    match (field.info().class, field.id) {
        (FieldClass::Fd, _) => {
            EventTypeSet::from_fn(|id| EVENTS[id as usize].flags & fd_flags != 0)
        }
        (FieldClass::Fdlist, _) => {
            EventTypeSet::from_fn(|id| matches!(EVENTS[id as usize].name, "poll" | "ppoll"))
        }
        (_, FieldId::EvtBuffer) => {
            EventTypeSet::from_fn(|id| EVENTS[id as usize].param_index("data").is_some())
        }
        (_, FieldId::EvtArg | FieldId::EvtRawarg) => match &field.arg {
            FieldArg::Index(n) => match usize::try_from(*n) {
                Ok(n) => EventTypeSet::from_fn(|id| EVENTS[id as usize].params.len() > n),
                Err(_) => EventTypeSet::empty(),
            },
            arg => EventTypeSet::from_fn(|id| arg.param_index(id).is_some()),
        },
        (_, FieldId::EvtCountExit) => EventTypeSet::from_fn(|id| !scap::table::is_enter(id)),
        _ => EventTypeSet::all(),
    }
}

fn is_generic(id: u16) -> bool {
    id == ids::GENERIC_E || id == ids::GENERIC_X
}

/// For checks decided by the event type (`evt.type`, `evt.dir`): the exact sets.
fn type_sets(lhs: &CompiledOperand, m: &Matcher) -> Option<(EventTypeSet, EventTypeSet)> {
    let test = |v: Value<'_>| {
        let mut hit = false;
        lhs.transform(v, &mut |t| {
            hit = m.test(&t);
            hit
        });
        hit
    };
    match lhs.field.id {
        FieldId::EvtDir => {
            let s = EventTypeSet::from_fn(|id| {
                test(Value::Str(if scap::table::is_enter(id) { b">" } else { b"<" }))
            });
            Some((s, s))
        }
        FieldId::EvtType => {
            let must = EventTypeSet::from_fn(|id| {
                !is_generic(id) && test(Value::Str(EVENTS[id as usize].name.as_bytes()))
            });
            let mut may = must;
            if SYSCALL_NAMES.iter().any(|n| test(Value::Str(n.as_bytes()))) {
                may.insert(ids::GENERIC_E);
                may.insert(ids::GENERIC_X);
            }
            Some((must, may))
        }
        _ => None,
    }
}

fn validate_event_names(items: &[Literal]) -> Result<(), FilterError> {
    for lit in items {
        let known = EVENTS.iter().any(|e| e.name.as_bytes() == lit.bytes.as_slice())
            || SYSCALL_NAMES.iter().any(|n| n.as_bytes() == lit.bytes.as_slice());
        if !known {
            let name = String::from_utf8_lossy(&lit.bytes).into_owned();
            return Err(FilterError::new(lit.span, ErrorKind::UnknownEventType(name)));
        }
    }
    Ok(())
}

fn compile_check(c: &Check) -> Result<(Node, EventTypeSet), FilterError> {
    let lhs = CompiledOperand::compile(&c.lhs, Context::Filter)?;
    let info = lhs.field.info();
    let either = lhs.is_plain() && info.has(flag::EITHER_ENDPOINT);
    let kind = lhs.ty.kind();
    let op_error = || {
        FilterError::new(
            c.op_span,
            ErrorKind::OperatorNotSupported { op: c.op.as_str(), type_name: lhs.ty.name() },
        )
    };
    if !op_allowed(kind, c.op, either) {
        return Err(op_error());
    }
    let mut may = if lhs.never_absent() { EventTypeSet::all() } else { presence(&lhs.field) };
    let none_equal = either && c.op == Op::Ne;

    let test = match &c.rhs {
        Rhs::Field(rhs_ast) => {
            let rhs = CompiledOperand::compile(rhs_ast, Context::Filter)?;
            check_field_comparison(c, &lhs, &rhs)?;
            if !rhs.never_absent() {
                may = may.intersection(&presence(&rhs.field));
            }
            Test::Field { rhs, op: c.op, cache: RefCell::new(Cached::default()) }
        }
        rhs => {
            let items: &[Literal] = match rhs {
                Rhs::None => &[],
                Rhs::Value(l) => std::slice::from_ref(l),
                Rhs::List(v, _) => v,
                Rhs::Field(_) => unreachable!("handled above"),
            };
            if lhs.field.id == FieldId::EvtAround {
                return compile_around(c, lhs, items, may);
            }
            if lhs.is_plain()
                && lhs.field.id == FieldId::EvtType
                && matches!(c.op, Op::Eq | Op::Ne | Op::In | Op::Intersects)
            {
                validate_event_names(items)?;
            }
            Test::Literal(matcher::build(lhs.ty, c.op, items)?)
        }
    };

    let mut must = EventTypeSet::empty();
    if let Test::Literal(m) = &test
        && let Some((t_must, t_may)) = type_sets(&lhs, m)
    {
        must = t_must;
        may = may.intersection(&t_may);
    }
    let node =
        Node { may, kind: NodeKind::Check(Box::new(CheckNode { lhs, must, test, none_equal })) };
    Ok((simplify(node, must), must))
}

fn compile_around(
    c: &Check,
    lhs: CompiledOperand,
    items: &[Literal],
    may: EventTypeSet,
) -> Result<(Node, EventTypeSet), FilterError> {
    if c.op != Op::Eq {
        return Err(FilterError::new(
            c.op_span,
            ErrorKind::OperatorNotSupported {
                op: c.op.as_str(),
                type_name: "evt.around (only '=')",
            },
        ));
    }
    let FieldArg::Time(center) = lhs.field.arg else {
        return Err(FilterError::new(
            c.lhs.span(),
            ErrorKind::UnknownField(lhs.field.text.to_string()),
        ));
    };
    let lit = items.first().cloned().unwrap_or(Literal { bytes: Vec::new(), span: c.op_span });
    let ms =
        crate::value::parse_number(&lit.bytes, 0, (u64::MAX / 1_000_000).into()).map_err(|r| {
            FilterError::new(
                lit.span,
                ErrorKind::InvalidValue {
                    type_name: "UINT64",
                    value: String::from_utf8_lossy(&lit.bytes).into_owned(),
                    reason: r,
                },
            )
        })?;
    let radius = u64::try_from(ms).unwrap_or(0) * 1_000_000;
    let test = Test::Literal(Matcher::Around { center, radius });
    let check = CheckNode { lhs, must: EventTypeSet::empty(), test, none_equal: false };
    Ok((Node { may, kind: NodeKind::Check(Box::new(check)) }, EventTypeSet::empty()))
}

fn check_field_comparison(
    c: &Check,
    lhs: &CompiledOperand,
    rhs: &CompiledOperand,
) -> Result<(), FilterError> {
    let err = |why: String| FilterError::new(c.span, ErrorKind::BadFieldComparison(why));
    if !matches!(
        c.op,
        Op::Eq
            | Op::Ne
            | Op::Lt
            | Op::Le
            | Op::Gt
            | Op::Ge
            | Op::Contains
            | Op::IContains
            | Op::StartsWith
            | Op::EndsWith
    ) {
        return Err(err(format!("'{}' cannot compare with val()", c.op.as_str())));
    }
    for side in [lhs, rhs] {
        let info = side.field.info();
        if info.has(flag::FILTER_ONLY)
            || matches!(side.field.id, FieldId::EvtRawarg | FieldId::EvtAround)
            || side.ty.kind() == Kind::Net
        {
            return Err(err(format!("{} cannot be compared with val()", side.field.text)));
        }
    }
    let group = |k: Kind| match k {
        Kind::Str | Kind::Buf => 0,
        Kind::Int { .. } | Kind::Port | Kind::Bool | Kind::Double => 1,
        Kind::Ip => 2,
        Kind::Net => 3,
    };
    if group(lhs.ty.kind()) != group(rhs.ty.kind()) {
        return Err(err(format!(
            "cannot compare {} ({}) with {} ({})",
            lhs.field.text,
            lhs.ty.name(),
            rhs.field.text,
            rhs.ty.name()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
