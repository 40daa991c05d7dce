//! Lexical rules of the filter language.
//!
//! The language has no context-free token stream: whether `(` opens a group or a
//! list, and where a bare value ends, depends on what the parser expects. So the
//! lexer is a [`Cursor`] with one method per kind of token, and the parser calls the
//! one it needs. The rules are sysdig 0.29.3's where they decide what an accepted
//! filter means (bare values may hold `=`, `!`, `<` and quotes; `\xHH` escapes work in
//! bare and quoted values), and newer libs' where 0.29.3 was sloppy: keywords and word
//! operators are whole words, `==` is an operator, a quoted value ends at the same
//! kind of quote that opened it.

use crate::error::{ErrorKind, FilterError, Span};
use crate::lang::ast::{Literal, Op};

/// A position in the filter text.
pub struct Cursor<'s> {
    src: &'s str,
    pos: usize,
}

/// Blanks between tokens.
pub fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Characters that end a field token (besides blanks).
fn ends_field(b: u8) -> bool {
    is_blank(b) || matches!(b, b'(' | b')' | b'!' | b'=' | b'<' | b'>')
}

impl<'s> Cursor<'s> {
    /// A cursor at the start of `src`.
    pub fn new(src: &'s str) -> Cursor<'s> {
        Cursor { src, pos: 0 }
    }

    /// The byte offset of the cursor.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The whole text.
    pub fn src(&self) -> &'s str {
        self.src
    }

    /// The next byte, if any.
    pub fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    /// True when only blanks remain... or nothing.
    pub fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// Moves past `n` bytes.
    pub fn bump(&mut self, n: usize) {
        self.pos = (self.pos + n).min(self.src.len());
    }

    /// Skips blanks.
    pub fn skip_blanks(&mut self) {
        while self.peek().is_some_and(is_blank) {
            self.pos += 1;
        }
    }

    fn rest(&self) -> &'s str {
        self.src.get(self.pos..).unwrap_or("")
    }

    /// A short excerpt of the text at the cursor, for "found" in errors.
    pub fn found(&self) -> String {
        let rest = self.rest();
        let end = rest
            .char_indices()
            .find(|&(i, c)| i > 0 && (c.is_ascii_whitespace() || c == '(' || c == ')'))
            .map_or(rest.len(), |(i, _)| i);
        let mut s: String = rest[..end].chars().take(24).collect();
        if s.is_empty() {
            s.push_str("end of filter");
        }
        s
    }

    /// An error at the cursor: `expected` something, found the next token (or the end).
    pub fn unexpected(&self, expected: &'static str) -> FilterError {
        if self.at_end() {
            FilterError::new(Span::at(self.pos), ErrorKind::UnexpectedEnd { expected })
        } else {
            let found = self.found();
            let end = self.pos + found.len().min(self.rest().len());
            FilterError::new(Span::new(self.pos, end), ErrorKind::Unexpected { expected, found })
        }
    }

    /// Consumes `word` when it is next and is a whole word: followed by a blank, `(`,
    /// or the end of the text.
    pub fn keyword(&mut self, word: &str) -> Option<Span> {
        let rest = self.rest();
        if !rest.starts_with(word) {
            return None;
        }
        let after = rest.as_bytes().get(word.len()).copied();
        if after.is_none_or(|b| is_blank(b) || b == b'(') {
            let span = Span::new(self.pos, self.pos + word.len());
            self.pos += word.len();
            Some(span)
        } else {
            None
        }
    }

    /// Reads a field token: up to a blank or one of `( ) ! = < >`; a `[...]` part is
    /// taken whole up to its `]`, so an argument may hold any of those characters.
    pub fn field_token(&mut self) -> (&'s str, Span) {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if b == b'[' {
                match bytes[i..].iter().position(|&c| c == b']') {
                    Some(close) => i += close + 1,
                    None => i = bytes.len(),
                }
                continue;
            }
            if ends_field(b) {
                break;
            }
            i += 1;
        }
        self.pos = i;
        // `i` stops at an ASCII byte or the end, so it is a char boundary.
        (self.src.get(start..i).unwrap_or(""), Span::new(start, i))
    }

    /// Reads a comparison operator, `None` (cursor unmoved) when none is next.
    pub fn operator(&mut self) -> Option<(Op, Span)> {
        const SYMBOLS: [(&str, Op); 7] = [
            ("==", Op::Eq),
            ("=", Op::Eq),
            ("!=", Op::Ne),
            ("<=", Op::Le),
            ("<", Op::Lt),
            (">=", Op::Ge),
            (">", Op::Gt),
        ];
        let rest = self.rest();
        let start = self.pos;
        for (text, op) in SYMBOLS {
            if rest.starts_with(text) {
                self.pos += text.len();
                return Some((op, Span::new(start, self.pos)));
            }
        }
        for op in Op::WORDS.into_iter().chain([Op::In]) {
            let word = op.as_str();
            if rest.starts_with(word) {
                let after = rest.as_bytes().get(word.len()).copied();
                if after.is_none_or(|b| is_blank(b) || matches!(b, b'(' | b'"' | b'\'')) {
                    self.pos += word.len();
                    return Some((op, Span::new(start, self.pos)));
                }
            }
        }
        None
    }

    /// True when `name(` is next (a transformer or `val`); consumes it.
    pub fn call(&mut self, name: &str) -> Option<Span> {
        let rest = self.rest();
        if rest.starts_with(name) && rest.as_bytes().get(name.len()) == Some(&b'(') {
            let span = Span::new(self.pos, self.pos + name.len());
            self.pos += name.len() + 1;
            Some(span)
        } else {
            None
        }
    }

    /// Reads one value: quoted (`"..."`, `'...'`) or bare (up to a blank, `(`, `)`,
    /// and inside a list also `,`). Escapes are decoded in both.
    pub fn value(&mut self, in_list: bool) -> Result<Literal, FilterError> {
        let start = self.pos;
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => self.quoted(q, start),
            Some(b'(') => Err(FilterError::new(
                Span::new(start, start + 1),
                ErrorKind::Unexpected { expected: "a value", found: "(".into() },
            )),
            _ => self.bare(in_list, start),
        }
    }

    fn bare(&mut self, in_list: bool, start: usize) -> Result<Literal, FilterError> {
        let bytes = self.src.as_bytes();
        let mut out = Vec::new();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            if is_blank(b) || b == b'(' || b == b')' || (in_list && b == b',') {
                break;
            }
            if b == b'\\' {
                match bytes.get(i + 1) {
                    Some(&n) if is_blank(n) || n == b'(' || n == b')' => {
                        return Err(self.bad_escape(i));
                    }
                    _ => i = self.escape(i, &mut out)?,
                }
                continue;
            }
            out.push(b);
            i += 1;
        }
        self.pos = i;
        Ok(Literal { bytes: out, span: Span::new(start, i) })
    }

    fn quoted(&mut self, quote: u8, start: usize) -> Result<Literal, FilterError> {
        let bytes = self.src.as_bytes();
        let mut out = Vec::new();
        let mut i = start + 1;
        loop {
            match bytes.get(i) {
                None => {
                    return Err(FilterError::new(Span::new(start, i), ErrorKind::UnclosedQuote));
                }
                Some(&b) if b == quote => {
                    self.pos = i + 1;
                    return Ok(Literal { bytes: out, span: Span::new(start, i + 1) });
                }
                Some(b'\\') => i = self.escape(i, &mut out)?,
                Some(&b) => {
                    out.push(b);
                    i += 1;
                }
            }
        }
    }

    /// Decodes the escape at `i` (a backslash) into `out`; returns the index after it.
    /// `\\` and `\"` give the character, `\xHH` the byte, any other `\c` is kept as
    /// both characters, and a backslash ending the text is dropped (as sysdig does).
    fn escape(&self, i: usize, out: &mut Vec<u8>) -> Result<usize, FilterError> {
        let bytes = self.src.as_bytes();
        match bytes.get(i + 1) {
            None => Ok(i + 1),
            Some(b'\\') => {
                out.push(b'\\');
                Ok(i + 2)
            }
            Some(b'"') => {
                out.push(b'"');
                Ok(i + 2)
            }
            Some(b'x') => {
                let hi = bytes.get(i + 2).and_then(|&h| (h as char).to_digit(16));
                let lo = bytes.get(i + 3).and_then(|&h| (h as char).to_digit(16));
                match (hi, lo) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        Ok(i + 4)
                    }
                    _ => Err(self.bad_escape(i)),
                }
            }
            Some(_) => {
                // Keep `\c` whole; `c` may be a multi-byte character, copy it all.
                let ch_len =
                    self.src.get(i + 1..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
                out.extend_from_slice(&bytes[i..i + 1 + ch_len]);
                Ok(i + 1 + ch_len)
            }
        }
    }

    fn bad_escape(&self, i: usize) -> FilterError {
        let text: String = self.src.get(i..).unwrap_or("").chars().take(12).collect();
        let end = (i + 4).min(self.src.len());
        FilterError::new(Span::new(i, end), ErrorKind::BadEscape(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(src: &str, in_list: bool) -> Result<(Vec<u8>, usize), FilterError> {
        let mut c = Cursor::new(src);
        let lit = c.value(in_list)?;
        Ok((lit.bytes, c.pos()))
    }

    #[test]
    fn bare_values_keep_punctuation() {
        assert_eq!(value("fd=3 and", false).unwrap(), (b"fd=3".to_vec(), 4));
        assert_eq!(value("curl\"", false).unwrap(), (b"curl\"".to_vec(), 5));
        assert_eq!(value("10.0.0.0/8)", false).unwrap(), (b"10.0.0.0/8".to_vec(), 10));
        assert_eq!(value("a,b", false).unwrap(), (b"a,b".to_vec(), 3));
        assert_eq!(value("a,b", true).unwrap(), (b"a".to_vec(), 1));
        assert_eq!(value("", false).unwrap(), (Vec::new(), 0));
    }

    #[test]
    fn escapes_in_bare_and_quoted_values() {
        assert_eq!(value("cu\\x72l", false).unwrap().0, b"curl");
        assert_eq!(value("\"\\x48TTP\"", false).unwrap().0, b"HTTP");
        assert_eq!(value("a\\\\b", false).unwrap().0, b"a\\b");
        assert_eq!(value("a\\nb", false).unwrap().0, b"a\\nb");
        assert_eq!(value("'a\\'b'", false).unwrap().0, b"a\\'b");
        assert_eq!(value("\"a\\\"b\"", false).unwrap().0, b"a\"b");
        assert_eq!(value("\\xff", false).unwrap().0, [0xff]);
        // A trailing backslash is dropped.
        assert_eq!(value("curl\\", false).unwrap().0, b"curl");
    }

    #[test]
    fn escape_errors() {
        let e = value("\"\\x4G\"", false).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::BadEscape(ref t) if t.starts_with("\\x4G")));
        assert_eq!(e.span.start, 1);
        let e = value("curl\\ and", false).unwrap_err();
        assert!(matches!(e.kind, ErrorKind::BadEscape(_)));
    }

    #[test]
    fn quotes_end_at_their_own_kind() {
        assert_eq!(value("'cu\"rl' x", false).unwrap(), (b"cu\"rl".to_vec(), 7));
        assert_eq!(value("\"a b (c)\"", false).unwrap().0, b"a b (c)");
        let e = value("\"curl", false).unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnclosedQuote);
    }

    #[test]
    fn field_tokens() {
        let mut c = Cursor::new("evt.arg[0]=3");
        assert_eq!(c.field_token().0, "evt.arg[0]");
        let mut c = Cursor::new("container.mount[/usr/*] exists");
        assert_eq!(c.field_token().0, "container.mount[/usr/*]");
        let mut c = Cursor::new("k8s.pod.label.app.kubernetes.io/name!=x");
        assert_eq!(c.field_token().0, "k8s.pod.label.app.kubernetes.io/name");
        let mut c = Cursor::new("k8s.pod.label[a b]=x");
        assert_eq!(c.field_token().0, "k8s.pod.label[a b]");
    }

    #[test]
    fn operators_are_whole_words() {
        let op = |s: &str| Cursor::new(s).operator().map(|(o, _)| o);
        assert_eq!(op("==x"), Some(Op::Eq));
        assert_eq!(op("=x"), Some(Op::Eq));
        assert_eq!(op("!=x"), Some(Op::Ne));
        assert_eq!(op("<=x"), Some(Op::Le));
        assert_eq!(op("<x"), Some(Op::Lt));
        assert_eq!(op(">x"), Some(Op::Gt));
        assert_eq!(op("contains x"), Some(Op::Contains));
        assert_eq!(op("containsx"), None);
        assert_eq!(op("in(a)"), Some(Op::In));
        assert_eq!(op("intersects (a)"), Some(Op::Intersects));
        assert_eq!(op("glob'x*'"), Some(Op::Glob));
        assert_eq!(op("exists"), Some(Op::Exists));
        assert_eq!(op("~ x"), None);
    }

    #[test]
    fn keywords_need_a_boundary() {
        assert!(Cursor::new("and x").keyword("and").is_some());
        assert!(Cursor::new("and(x)").keyword("and").is_some());
        assert!(Cursor::new("andx").keyword("and").is_none());
        assert!(Cursor::new("not").keyword("not").is_some());
    }
}
