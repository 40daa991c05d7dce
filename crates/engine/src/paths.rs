//! Path joining and normalisation as libsinsp does it (`concatenate_paths`).
//!
//! The rules are odd in places (`./` is skipped even inside a name, `..` may
//! climb back into the base), but file names printed by sysdig depend on them, so
//! they are reproduced exactly; see state-engine.md §3.2.

/// Longest result (`SCAP_MAX_PATH_SIZE`) before `/PATH_TOO_LONG` is produced.
pub(crate) const MAX_PATH: usize = 1024;

fn is_invalid(c: u8) -> bool {
    !(0x20..0x7f).contains(&c)
}

/// Joins `base` and the C string `path` into `out` (cleared first).
///
/// `limit` is the room `concatenate_paths` is given, or `None` for no limit (the
/// renderer sizes its buffer to fit); `path_len` is the stored parameter length
/// the limit check uses. Returns false when `path` is absolute or `path_len` is
/// 0, in which case `out` holds the normalised `path` alone.
pub(crate) fn concatenate(
    out: &mut Vec<u8>,
    base: &[u8],
    path: &[u8],
    path_len: usize,
    limit: Option<usize>,
) -> bool {
    out.clear();
    if limit.is_some_and(|l| l < base.len() + path_len + 1) {
        out.extend_from_slice(b"/PATH_TOO_LONG");
        return false;
    }
    let path = crate::threads::cstr(path);
    // As libsinsp decides: by the stored length, so an empty string stored as
    // one NUL byte is relative (the base alone).
    let relative = path_len != 0 && path.first() != Some(&b'/');
    if relative {
        out.extend_from_slice(base);
    }
    normalize_into(out, path);
    relative
}

/// Appends the normalised `path` to `out`, where `out` may already hold a base
/// that `..` can climb into.
fn normalize_into(out: &mut Vec<u8>, path: &[u8]) {
    if copies_unchanged(out.last().copied(), path) {
        out.extend_from_slice(path);
        let tc = out.len();
        if tc > 1 && out[tc - 1] == b'/' {
            out.truncate(tc - 1);
        }
        return;
    }
    normalize_slow(out, path);
}

/// True when [`normalize_slow`] would copy `path` as it is after `prev`, the
/// last byte already written (the common case): printable bytes only, no `.`
/// before `.`, `/` or the end, and no `/` right after a `/`.
fn copies_unchanged(prev: Option<u8>, path: &[u8]) -> bool {
    let mut prev = prev;
    for (i, &c) in path.iter().enumerate() {
        let next = path.get(i + 1).copied();
        let plain = match c {
            b'.' => !matches!(next, None | Some(b'.') | Some(b'/')),
            b'/' => prev != Some(b'/'),
            _ => !is_invalid(c),
        };
        if !plain {
            return false;
        }
        prev = Some(c);
    }
    true
}

/// The byte-by-byte normalisation of `concatenate_paths`.
fn normalize_slow(out: &mut Vec<u8>, path: &[u8]) {
    let at = |i: usize| path.get(i).copied().unwrap_or(0);
    let mut pc = 0usize;
    loop {
        let c = at(pc);
        if c == 0 {
            let tc = out.len();
            if tc > 1 && out[tc - 1] == b'/' {
                out.truncate(tc - 1);
            }
            return;
        }
        if is_invalid(c) {
            out.push(b'.');
            pc += 1;
        } else if c == b'.' && at(pc + 1) == b'.' && at(pc + 2) == b'/' {
            rewind(out);
            pc += 3;
        } else if c == b'.' && at(pc + 1) == b'.' {
            if at(pc + 2) == 0 {
                rewind(out);
                pc += 2;
            } else {
                out.extend_from_slice(b"..");
                pc += 2;
            }
        } else if c == b'.' && at(pc + 1) == b'/' {
            pc += 2;
        } else if c == b'.' {
            if at(pc + 1) != 0 {
                out.push(b'.');
            }
            pc += 1;
        } else if c == b'/' {
            if out.last() != Some(&b'/') {
                out.push(b'/');
            }
            pc += 1;
        } else {
            out.push(c);
            pc += 1;
        }
    }
}

/// `rewind_to_parent_path`: drops the last written component, unless at most
/// one character has been written.
fn rewind(out: &mut Vec<u8>) {
    let mut tc = out.len();
    if tc <= 1 {
        return;
    }
    tc -= 1;
    while tc >= 1 && out[tc - 1] != b'/' {
        tc -= 1;
    }
    out.truncate(tc);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(base: &str, path: &str) -> (String, bool) {
        let mut out = Vec::new();
        let rel = concatenate(&mut out, base.as_bytes(), path.as_bytes(), path.len() + 1, None);
        (String::from_utf8(out).unwrap(), rel)
    }

    #[test]
    fn relative_and_absolute() {
        assert_eq!(join("/", "public/en"), ("/public/en".into(), true));
        assert_eq!(join("/home/", "/etc/passwd"), ("/etc/passwd".into(), false));
        assert_eq!(join("", "etc/ld.so.cache"), ("etc/ld.so.cache".into(), true));
        assert_eq!(join("/a/b/", "../c"), ("/a/c".into(), true));
        assert_eq!(join("/a/", "x/"), ("/a/x".into(), true));
        // An empty string stored as one NUL byte is relative: the base alone.
        assert_eq!(join("/", ""), ("/".into(), true));
        assert_eq!(join("/a/b/", ""), ("/a/b".into(), true));
        let mut out = Vec::new();
        assert!(!concatenate(&mut out, b"/a/", b"", 0, None));
        assert_eq!(out, b"");
    }

    #[test]
    fn checked_examples_of_section_6_3() {
        // P6: `./` skipped inside names, `..` removes a component, double slashes.
        assert_eq!(join("", "ab./cd/../ef//gh/./ij.k/").0, "ef/gh/ij.k");
        assert_eq!(join("", "../x/..").0, "");
        // P7: invalid bytes become dots.
        assert_eq!(join("/", "/dev/n\x01\u{e9}").0, "/dev/n...");
    }

    #[test]
    fn the_shortcut_agrees_with_the_byte_by_byte_rules() {
        // Every path of up to 7 bytes over a, ., / and an invalid byte, after
        // each kind of base.
        let alphabet = [b'a', b'.', b'/', 0x01];
        let mut checked = 0;
        for len in 0..=7u32 {
            for code in 0..4usize.pow(len) {
                let path: Vec<u8> = (0..len).map(|k| alphabet[code / 4usize.pow(k) % 4]).collect();
                for base in [&b""[..], b"/", b"/a/", b"/a", b"a"] {
                    let mut fast = base.to_vec();
                    normalize_into(&mut fast, &path);
                    let mut slow = base.to_vec();
                    normalize_slow(&mut slow, &path);
                    assert_eq!(fast, slow, "base {base:?} path {path:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
    }

    #[test]
    fn too_long() {
        let mut out = Vec::new();
        let long = "a".repeat(1100);
        concatenate(&mut out, b"/", long.as_bytes(), long.len() + 1, Some(MAX_PATH));
        assert_eq!(out, b"/PATH_TOO_LONG");
    }
}
