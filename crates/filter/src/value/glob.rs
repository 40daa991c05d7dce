//! POSIX `fnmatch` without flags, as sysdig's `glob` operator uses it: `*` and `?`
//! match any byte including `/`, `[...]` classes (with `!` or `^` negation and
//! ranges) and `\` escapes work, a leading `.` is not special. Matching runs in
//! O(pattern × text) with single-star backtracking, so hostile patterns cannot blow up.

/// A compiled glob pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Glob {
    tokens: Vec<Token>,
    fold_case: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Byte(u8),
    Any,
    Star,
    Class { negated: bool, ranges: Vec<(u8, u8)> },
}

impl Glob {
    /// Compiles `pattern`; `fold_case` makes ASCII letters match either case (`iglob`).
    pub fn new(pattern: &[u8], fold_case: bool) -> Glob {
        let fold = |b: u8| if fold_case { b.to_ascii_lowercase() } else { b };
        let mut tokens = Vec::new();
        let mut i = 0;
        while let Some(&b) = pattern.get(i) {
            i += 1;
            match b {
                b'*' => {
                    if tokens.last() != Some(&Token::Star) {
                        tokens.push(Token::Star);
                    }
                }
                b'?' => tokens.push(Token::Any),
                b'\\' => match pattern.get(i) {
                    Some(&n) => {
                        tokens.push(Token::Byte(fold(n)));
                        i += 1;
                    }
                    None => tokens.push(Token::Byte(b'\\')),
                },
                b'[' => match parse_class(pattern, i, fold_case) {
                    Some((class, next)) => {
                        tokens.push(class);
                        i = next;
                    }
                    // An unterminated `[` is an ordinary character, as in fnmatch.
                    None => tokens.push(Token::Byte(b'[')),
                },
                _ => tokens.push(Token::Byte(fold(b))),
            }
        }
        Glob { tokens, fold_case }
    }

    /// True when the whole of `text` matches.
    pub fn is_match(&self, text: &[u8]) -> bool {
        let fold = |b: u8| if self.fold_case { b.to_ascii_lowercase() } else { b };
        let (mut p, mut t) = (0usize, 0usize);
        let mut backtrack: Option<(usize, usize)> = None;
        loop {
            if let Some(tok) = self.tokens.get(p) {
                if *tok == Token::Star {
                    backtrack = Some((p, t));
                    p += 1;
                    continue;
                }
                if let Some(&c) = text.get(t)
                    && tok.matches(fold(c))
                {
                    p += 1;
                    t += 1;
                    continue;
                }
            } else if t == text.len() {
                return true;
            }
            // Mismatch: let the last star swallow one more byte.
            match backtrack {
                Some((sp, st)) if st < text.len() => {
                    backtrack = Some((sp, st + 1));
                    p = sp + 1;
                    t = st + 1;
                }
                _ => return false,
            }
        }
    }
}

impl Token {
    fn matches(&self, c: u8) -> bool {
        match self {
            Token::Byte(b) => *b == c,
            Token::Any => true,
            Token::Star => true,
            Token::Class { negated, ranges } => {
                ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated
            }
        }
    }
}

/// Parses a class starting after `[` at `i`; returns the token and the index after `]`.
fn parse_class(p: &[u8], mut i: usize, fold_case: bool) -> Option<(Token, usize)> {
    let negated = matches!(p.get(i), Some(b'!' | b'^'));
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    let mut first = true;
    loop {
        let mut c = *p.get(i)?;
        if c == b']' && !first {
            break;
        }
        first = false;
        if c == b'\\' {
            i += 1;
            c = *p.get(i)?;
        }
        i += 1;
        let mut hi = c;
        if p.get(i) == Some(&b'-') && p.get(i + 1).is_some_and(|&n| n != b']') {
            hi = *p.get(i + 1)?;
            i += 2;
        }
        if fold_case {
            ranges.push((c.to_ascii_lowercase(), hi.to_ascii_lowercase()));
            ranges.push((c.to_ascii_uppercase(), hi.to_ascii_uppercase()));
        } else {
            ranges.push((c, hi));
        }
    }
    Some((Token::Class { negated, ranges }, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Glob::new(p.as_bytes(), false).is_match(t.as_bytes())
    }

    #[test]
    fn fnmatch_semantics() {
        assert!(m("kube*", "kube-proxy"));
        assert!(m("kube*", "kube"));
        assert!(!m("kube*", "xkube"));
        assert!(m("*sky*", "skydns"));
        assert!(m("c?rl", "curl"));
        assert!(!m("c?rl", "crl"));
        assert!(m("/proc/*/stat", "/proc/1/2/stat"), "* matches /");
        assert!(m("*", ".hidden"));
        assert!(m("[a-c]x", "bx"));
        assert!(!m("[!a-c]x", "bx"));
        assert!(m("[^a-c]x", "dx"));
        assert!(m("[]]", "]"));
        assert!(m("a\\*", "a*"));
        assert!(!m("a\\*", "ab"));
        assert!(m("[", "["));
        assert!(m("", ""));
        assert!(!m("", "a"));
        assert!(m("*a*b*c*", "xxaxxbxxcxx"));
    }

    #[test]
    fn case_folding() {
        let g = Glob::new(b"KUBE*", true);
        assert!(g.is_match(b"kube-proxy"));
        assert!(g.is_match(b"Kube"));
        assert!(Glob::new(b"[A-C]x", true).is_match(b"bX"));
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let p = "*a".repeat(50) + "b";
        let t = "a".repeat(5000);
        assert!(!m(&p, &t));
    }
}
