//! `pmatch`: path prefix matching by whole components. `/etc` matches `/etc` and
//! `/etc/passwd` but not `/etcx`; empty components are ignored, so `proc`, `/proc/`
//! and `//proc` are one pattern, and `/` matches every path.

/// The patterns of one `pmatch` check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PathPrefixSet {
    patterns: Vec<Vec<Vec<u8>>>,
}

fn components(path: &[u8]) -> impl Iterator<Item = &[u8]> {
    path.split(|&b| b == b'/').filter(|c| !c.is_empty())
}

impl PathPrefixSet {
    /// A set of the given patterns.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a [u8]>) -> PathPrefixSet {
        PathPrefixSet {
            patterns: patterns
                .into_iter()
                .map(|p| components(p).map(<[u8]>::to_vec).collect())
                .collect(),
        }
    }

    /// True when some pattern is a whole-component prefix of `path`.
    pub fn is_match(&self, path: &[u8]) -> bool {
        self.patterns.iter().any(|pattern| {
            let mut parts = components(path);
            pattern.iter().all(|want| parts.next() == Some(want.as_slice()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_component_prefixes() {
        let s = PathPrefixSet::new([&b"/etc"[..], b"/run/"]);
        assert!(s.is_match(b"/etc"));
        assert!(s.is_match(b"/etc/passwd"));
        assert!(s.is_match(b"/run/docker.sock"));
        assert!(s.is_match(b"//etc//hosts"));
        assert!(!s.is_match(b"/etcx"));
        assert!(!s.is_match(b"/var/etc"));
        assert!(!s.is_match(b""));
        let all = PathPrefixSet::new([&b"/"[..]]);
        assert!(all.is_match(b"/anything"));
        assert!(all.is_match(b""));
        let names = PathPrefixSet::new([&b"curl"[..], b"nginx"]);
        assert!(names.is_match(b"curl"));
        assert!(!names.is_match(b"curl2"));
    }
}
