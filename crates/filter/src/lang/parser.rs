//! Recursive-descent parser: filter text to [`Expr`].
//!
//! ```text
//! filter  := blank* | expr
//! expr    := term { ("and" | "or") term }     one kind of connective per group
//! term    := { "not" } ( "(" expr ")" | check )
//! check   := operand "exists"
//!          | operand ("in" | "intersects" | "pmatch") "(" value { "," value } ")"
//!          | operand cmpop ( value | rhs-field )
//! operand := TRANSFORMER "(" operand ")" | FIELD
//! rhs-field := "val(" operand ")" | TRANSFORMER "(" rhs-field ")"
//! ```
//!
//! Two choices keep filters meaning what they meant in sysdig 0.29.3: `and` and `or`
//! cannot be mixed in one group without brackets (0.29.3 rejects it too, so no filter
//! silently changes meaning), and each `not` toggles (`not not x` is `x`, which fixes
//! 0.29.3 where it was `not x`).

use crate::error::{ErrorKind, FilterError, Span};
use crate::lang::ast::{Check, Expr, Literal, Op, Operand, Rhs, Transformer};
use crate::lang::lexer::Cursor;

/// Deepest nesting of brackets and transformers accepted (guards the stack).
pub const MAX_DEPTH: usize = 200;

/// Parses a filter. `Ok(None)` for the empty string (no filter); a string of blanks
/// is an error, as in sysdig.
pub fn parse(src: &str) -> Result<Option<Expr>, FilterError> {
    if src.is_empty() {
        return Ok(None);
    }
    let mut p = Parser { c: Cursor::new(src), depth: 0 };
    let expr = p.expr()?;
    p.c.skip_blanks();
    match p.c.peek() {
        None => Ok(Some(expr)),
        Some(b')') => {
            let at = p.c.pos();
            Err(FilterError::new(Span::new(at, at + 1), ErrorKind::UnbalancedParen))
        }
        Some(_) => Err(p.c.unexpected("'and', 'or' or the end of the filter")),
    }
}

/// Parses one operand (a field, possibly inside transformers) that must make up the
/// whole of `src`; `-p` formats use this for `%tolower(proc.name)`.
pub fn parse_operand_prefix(src: &str) -> Result<(Operand, usize), FilterError> {
    let mut p = Parser { c: Cursor::new(src), depth: 0 };
    let op = p.operand()?;
    Ok((op, p.c.pos()))
}

struct Parser<'s> {
    c: Cursor<'s>,
    depth: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Connective {
    And,
    Or,
}

impl<'s> Parser<'s> {
    fn enter(&mut self) -> Result<(), FilterError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(FilterError::new(
                Span::at(self.c.pos()),
                ErrorKind::Unexpected {
                    expected: "less nesting",
                    found: format!("more than {MAX_DEPTH} nested levels"),
                },
            ));
        }
        Ok(())
    }

    fn expr(&mut self) -> Result<Expr, FilterError> {
        self.enter()?;
        let first = self.term()?;
        let start = first.span();
        let mut terms = vec![first];
        let mut kind: Option<Connective> = None;
        loop {
            self.c.skip_blanks();
            if self.c.at_end() || self.c.peek() == Some(b')') {
                break;
            }
            let (this, span) = if let Some(s) = self.c.keyword("and") {
                (Connective::And, s)
            } else if let Some(s) = self.c.keyword("or") {
                (Connective::Or, s)
            } else {
                return Err(self.c.unexpected("'and', 'or' or ')'"));
            };
            if kind.is_some_and(|k| k != this) {
                return Err(FilterError::new(span, ErrorKind::MixedAndOr));
            }
            kind = Some(this);
            terms.push(self.term()?);
        }
        self.depth -= 1;
        let span = start.to(terms.last().map_or(start, Expr::span));
        Ok(match kind {
            None => terms.pop().unwrap_or_else(|| unreachable!("one term at least")),
            Some(Connective::And) => Expr::And(terms, span),
            Some(Connective::Or) => Expr::Or(terms, span),
        })
    }

    fn term(&mut self) -> Result<Expr, FilterError> {
        let mut negated = false;
        let mut not_start = None;
        loop {
            self.c.skip_blanks();
            match self.c.keyword("not") {
                Some(span) => {
                    negated = !negated;
                    not_start.get_or_insert(span.start);
                }
                None => break,
            }
        }
        self.c.skip_blanks();
        let inner = match self.c.peek() {
            None => return Err(self.c.unexpected("a check, 'not' or '('")),
            Some(b'(') => {
                let open = self.c.pos();
                self.c.bump(1);
                self.c.skip_blanks();
                if self.c.peek() == Some(b')') {
                    return Err(self.c.unexpected("a check, 'not' or '('"));
                }
                let e = self.expr()?;
                self.c.skip_blanks();
                if self.c.peek() != Some(b')') {
                    return Err(self.c.unexpected("')'"));
                }
                self.c.bump(1);
                // Keep the brackets in the span of a group.
                match e {
                    Expr::And(v, s) => Expr::And(v, Span::new(open, self.c.pos()).to(s)),
                    Expr::Or(v, s) => Expr::Or(v, Span::new(open, self.c.pos()).to(s)),
                    other => other,
                }
            }
            Some(b')') => return Err(self.c.unexpected("a check, 'not' or '('")),
            Some(_) => Expr::Check(self.check()?),
        };
        Ok(if negated {
            let span = Span::new(not_start.unwrap_or(0), inner.span().end);
            Expr::Not(Box::new(inner), span)
        } else {
            inner
        })
    }

    fn operand(&mut self) -> Result<Operand, FilterError> {
        for t in Transformer::ALL {
            if let Some(name_span) = self.c.call(t.name()) {
                self.enter()?;
                self.c.skip_blanks();
                let inner = self.operand()?;
                self.close_call()?;
                self.depth -= 1;
                let span = Span::new(name_span.start, self.c.pos());
                return Ok(Operand::Transform { kind: t, inner: Box::new(inner), span });
            }
        }
        let (name, span) = self.c.field_token();
        if name.is_empty() {
            return Err(self.c.unexpected("a field name"));
        }
        Ok(Operand::Field { name: name.to_owned(), span })
    }

    fn close_call(&mut self) -> Result<(), FilterError> {
        self.c.skip_blanks();
        if self.c.peek() == Some(b')') {
            self.c.bump(1);
            Ok(())
        } else {
            Err(self.c.unexpected("')' closing the call"))
        }
    }

    /// `val(field)`, possibly wrapped in transformers; `None` when the right side is a
    /// literal.
    fn rhs_field(&mut self) -> Result<Option<Operand>, FilterError> {
        if self.c.call("val").is_some() {
            self.c.skip_blanks();
            let inner = self.operand()?;
            self.close_call()?;
            return Ok(Some(inner));
        }
        for t in Transformer::ALL {
            if let Some(name_span) = self.c.call(t.name()) {
                self.enter()?;
                self.c.skip_blanks();
                let inner = match self.rhs_field()? {
                    Some(op) => op,
                    None => self.operand()?,
                };
                self.close_call()?;
                self.depth -= 1;
                let span = Span::new(name_span.start, self.c.pos());
                return Ok(Some(Operand::Transform { kind: t, inner: Box::new(inner), span }));
            }
        }
        Ok(None)
    }

    fn check(&mut self) -> Result<Check, FilterError> {
        let lhs = self.operand()?;
        self.c.skip_blanks();
        let Some((op, op_span)) = self.c.operator() else {
            return Err(self.c.unexpected("a comparison operator"));
        };
        let rhs = if op == Op::Exists {
            Rhs::None
        } else if op.takes_list() {
            self.list(op)?
        } else {
            self.c.skip_blanks();
            match self.rhs_field()? {
                Some(field) => Rhs::Field(field),
                None => Rhs::Value(self.c.value(false)?),
            }
        };
        let end = match &rhs {
            Rhs::None => op_span.end,
            Rhs::Value(l) => l.span.end,
            Rhs::List(_, s) => s.end,
            Rhs::Field(f) => f.span().end,
        };
        let span = Span::new(lhs.span().start, end.max(op_span.end));
        Ok(Check { lhs, op, op_span, rhs, span })
    }

    fn list(&mut self, op: Op) -> Result<Rhs, FilterError> {
        self.c.skip_blanks();
        let open = self.c.pos();
        if self.c.peek() != Some(b'(') {
            let expected = match op {
                Op::Pmatch => "'(' after 'pmatch'",
                Op::Intersects => "'(' after 'intersects'",
                _ => "'(' after 'in'",
            };
            return Err(self.c.unexpected(expected));
        }
        self.c.bump(1);
        let mut items: Vec<Literal> = Vec::new();
        loop {
            self.c.skip_blanks();
            items.push(self.c.value(true)?);
            self.c.skip_blanks();
            match self.c.peek() {
                Some(b',') => self.c.bump(1),
                Some(b')') => {
                    self.c.bump(1);
                    break;
                }
                _ => return Err(self.c.unexpected("',' or ')' in the value list")),
            }
        }
        Ok(Rhs::List(items, Span::new(open, self.c.pos())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(src: &str) -> FilterError {
        parse(src).expect_err(src)
    }

    /// A compact rendering of the tree for assertions.
    fn show(e: &Expr) -> String {
        fn operand(o: &Operand) -> String {
            match o {
                Operand::Field { name, .. } => name.clone(),
                Operand::Transform { kind, inner, .. } => {
                    format!("{}({})", kind.name(), operand(inner))
                }
            }
        }
        fn lit(l: &Literal) -> String {
            String::from_utf8_lossy(&l.bytes).into_owned()
        }
        match e {
            Expr::And(v, _) => format!("({})", v.iter().map(show).collect::<Vec<_>>().join(" & ")),
            Expr::Or(v, _) => format!("({})", v.iter().map(show).collect::<Vec<_>>().join(" | ")),
            Expr::Not(x, _) => format!("!{}", show(x)),
            Expr::Check(c) => {
                let rhs = match &c.rhs {
                    Rhs::None => String::new(),
                    Rhs::Value(l) => format!("[{}]", lit(l)),
                    Rhs::List(v, _) => {
                        format!("[{}]", v.iter().map(lit).collect::<Vec<_>>().join(","))
                    }
                    Rhs::Field(f) => format!("val({})", operand(f)),
                };
                format!("{} {} {}", operand(&c.lhs), c.op.as_str(), rhs).trim_end().to_owned()
            }
        }
    }

    fn ok(src: &str) -> String {
        show(&parse(src).unwrap_or_else(|e| panic!("{src}: {e}")).expect("non-empty"))
    }

    #[test]
    fn checks_and_connectives() {
        assert_eq!(ok("proc.name=curl"), "proc.name = [curl]");
        assert_eq!(
            ok("proc.name = curl and evt.type=open"),
            "(proc.name = [curl] & evt.type = [open])"
        );
        assert_eq!(ok("a.b=1 or a.c=2 or a.d=3"), "(a.b = [1] | a.c = [2] | a.d = [3])");
        assert_eq!(
            ok("fd.type in (ipv4, ipv6) and (k8s.ns.name=critical-app or proc.name=skydns)"),
            "(fd.type in [ipv4,ipv6] & (k8s.ns.name = [critical-app] | proc.name = [skydns]))"
        );
        assert_eq!(
            ok("proc.name=curl and(evt.type=open)"),
            "(proc.name = [curl] & evt.type = [open])"
        );
        assert_eq!(ok("fd.name exists"), "fd.name exists");
        assert_eq!(ok("proc.name contains"), "proc.name contains []");
        assert_eq!(ok("proc.name="), "proc.name = []");
        assert_eq!(ok("proc.name==curl"), "proc.name = [curl]");
        assert_eq!(ok("proc.name===x"), "proc.name = [=x]");
    }

    #[test]
    fn not_toggles() {
        assert_eq!(ok("not proc.name=curl"), "!proc.name = [curl]");
        assert_eq!(ok("not not proc.name=curl"), "proc.name = [curl]");
        assert_eq!(ok("not not not(proc.name=curl)"), "!proc.name = [curl]");
        assert_eq!(ok("not a.b=1 and c.d=2"), "(!a.b = [1] & c.d = [2])");
        assert_eq!(ok("a.b=1 and not (c.d=2 or e.f=3)"), "(a.b = [1] & !(c.d = [2] | e.f = [3]))");
    }

    #[test]
    fn lists() {
        assert_eq!(ok("p.n in ( curl , nginx )"), "p.n in [curl,nginx]");
        assert_eq!(ok("p.n in (\"curl\", 'ng,inx')"), "p.n in [curl,ng,inx]");
        assert_eq!(ok("p.n in ()"), "p.n in []");
        assert_eq!(ok("p.n pmatch (/etc, /run)"), "p.n pmatch [/etc,/run]");
        assert_eq!(ok("p.n intersects (a)"), "p.n intersects [a]");
    }

    #[test]
    fn transformers_and_field_values() {
        assert_eq!(ok("tolower(proc.name)=curl"), "tolower(proc.name) = [curl]");
        assert_eq!(ok("len(tolower(proc.name)) > 3"), "len(tolower(proc.name)) > [3]");
        assert_eq!(ok("proc.name = val(proc.pname)"), "proc.name = val(proc.pname)");
        assert_eq!(
            ok("proc.name = toupper(val(proc.pname))"),
            "proc.name = val(toupper(proc.pname))"
        );
        assert_eq!(ok("proc.name=val( proc.pname )"), "proc.name = val(proc.pname)");
    }

    #[test]
    fn empty_and_blank() {
        assert!(parse("").unwrap().is_none());
        assert!(matches!(err("   ").kind, ErrorKind::UnexpectedEnd { .. }));
        assert!(matches!(err("( )").kind, ErrorKind::Unexpected { .. }));
        for src in ["(", "not", "proc.name=curl and", "(proc.name=curl"] {
            assert!(matches!(err(src).kind, ErrorKind::UnexpectedEnd { .. }), "{src}");
        }
    }

    #[test]
    fn errors_name_what_was_expected() {
        let e = err("proc.name=curl and evt.type=open or evt.type=close");
        assert_eq!(e.kind, ErrorKind::MixedAndOr);
        assert_eq!(e.span, Span::new(33, 35));
        assert_eq!(err("a.b=1 and not c.d=2 or e.f=3").kind, ErrorKind::MixedAndOr);
        assert_eq!(err("(a.b=1 or a.c=1 and e.f=1)").kind, ErrorKind::MixedAndOr);

        let e = err("proc.name=curl bash");
        assert!(matches!(e.kind, ErrorKind::Unexpected { ref found, .. } if found == "bash"));
        assert_eq!(e.span.start, 15);
        assert!(matches!(err("proc.name=\"cu\"rl").kind, ErrorKind::Unexpected { .. }));
        assert!(matches!(err("proc.name").kind, ErrorKind::UnexpectedEnd { .. }));
        assert!(matches!(err("proc.name ~ curl").kind, ErrorKind::Unexpected { .. }));
        assert!(matches!(err("proc.name=(curl)").kind, ErrorKind::Unexpected { .. }));
        assert!(matches!(err("proc.name in curl").kind, ErrorKind::Unexpected { .. }));
        assert!(matches!(err("proc.name in (curl nginx)").kind, ErrorKind::Unexpected { .. }));
        assert_eq!(err("proc.name=\"curl").kind, ErrorKind::UnclosedQuote);
        // `a not b` is rejected (0.29.3 silently ignored b).
        assert!(matches!(
            err("proc.name=curl not proc.name=bash").kind,
            ErrorKind::Unexpected { .. }
        ));
        // Keywords are whole words.
        assert!(matches!(
            err("proc.name=curl andevt.type=open").kind,
            ErrorKind::Unexpected { .. }
        ));
        assert!(matches!(
            err("proc.name=curl AND evt.type=open").kind,
            ErrorKind::Unexpected { .. }
        ));
        assert!(matches!(err("proc.name containscurl").kind, ErrorKind::Unexpected { .. }));
    }

    #[test]
    fn unbalanced_closing_brackets_are_errors() {
        let e = err("proc.name=curl)");
        assert_eq!(e.kind, ErrorKind::UnbalancedParen);
        assert_eq!(e.span.start, 14);
        assert_eq!(err("proc.name=curl ) and (evt.type=open").kind, ErrorKind::UnbalancedParen);
        assert_eq!(err("(proc.name=curl))").kind, ErrorKind::UnbalancedParen);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let src = "(".repeat(10_000) + "a.b=1" + &")".repeat(10_000);
        assert!(parse(&src).is_err());
        let src = "tolower(".repeat(10_000) + "a.b" + &")".repeat(10_000) + "=x";
        assert!(parse(&src).is_err());
        let src = "not ".repeat(10_001) + "a.b=1";
        assert_eq!(ok(&src), "!a.b = [1]");
    }

    #[test]
    fn spans_point_at_tokens() {
        let Some(Expr::Check(c)) = parse("  proc.name  contains  curl ").unwrap() else {
            panic!("a check")
        };
        assert_eq!(c.lhs.span(), Span::new(2, 11));
        assert_eq!(c.op_span, Span::new(13, 21));
        let Rhs::Value(l) = &c.rhs else { panic!("a value") };
        assert_eq!(l.span, Span::new(23, 27));
        assert_eq!(c.span, Span::new(2, 27));
    }
}
