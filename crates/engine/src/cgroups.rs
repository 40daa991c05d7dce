//! Cgroups blobs and the containers they resolve to, remembered.
//!
//! Every `clone` and `execve` of a recent driver carries the caller's cgroups
//! (a kilobyte or more), which sinsp normalises and matches against the
//! container engines' patterns. Consecutive processes mostly run in the same
//! cgroups, so the last few blobs are kept with their normalised form and
//! container id: a repeat costs one comparison. Resolving a blob again gives the
//! same id as long as container events did not change the table (the stubs a
//! resolution adds make the next one find them), so the memory is dropped when
//! a container event arrives and when a capture section starts.

use std::sync::Arc;

use crate::engine::Engine;
use crate::parsers::normalize_cgroups;
use crate::threads::{Bytes, split_nul};

/// How many distinct blobs are remembered.
const REMEMBERED: usize = 8;

/// One remembered blob.
#[derive(Clone, Debug)]
struct Entry {
    raw: Vec<u8>,
    normalized: Bytes,
    container: Arc<str>,
}

/// The most recently used blobs, most recent first.
#[derive(Clone, Debug, Default)]
pub(crate) struct CgroupsMemo {
    entries: Vec<Entry>,
}

impl CgroupsMemo {
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }
}

/// The container paths of a normalised blob (each item after its last `=`).
pub(crate) fn paths(normalized: &[u8]) -> Vec<&[u8]> {
    split_nul(normalized)
        .filter_map(|i| i.iter().rposition(|&b| b == b'=').map(|p| &i[p + 1..]))
        .collect()
}

impl Engine {
    /// `set_cgroups` and `resolve_container` for a raw cgroups blob: the
    /// normalised blob and the container id.
    pub(crate) fn cgroups_and_container(&mut self, raw: &[u8]) -> (Bytes, Arc<str>) {
        let memo = &mut self.cgroups_memo.entries;
        if let Some(i) = memo.iter().position(|e| e.raw == raw) {
            let hit = memo.remove(i);
            let out = (hit.normalized.clone(), hit.container.clone());
            memo.insert(0, hit);
            return out;
        }
        let normalized = normalize_cgroups(raw);
        let container = self.containers.resolve(&paths(&normalized));
        let memo = &mut self.cgroups_memo.entries;
        memo.truncate(REMEMBERED - 1);
        memo.insert(
            0,
            Entry {
                raw: raw.to_vec(),
                normalized: normalized.clone(),
                container: container.clone(),
            },
        );
        (normalized, container)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_share_and_container_events_reset() {
        let mut e = Engine::new();
        let raw = format!("cpu_cgroup=/docker/{}\0", "ab".repeat(32)).into_bytes();
        let (n1, c1) = e.cgroups_and_container(&raw);
        let (n2, c2) = e.cgroups_and_container(&raw);
        assert!(Arc::ptr_eq(&n1, &n2) && Arc::ptr_eq(&c1, &c2));
        assert_eq!(&*c1, "abababababab");
        assert_eq!(
            paths(&n1),
            [&b"/docker/abababababababababababababababababababababababababababababababab"[..]]
        );
        for i in 0..REMEMBERED + 2 {
            e.cgroups_and_container(format!("cpu=/x{i}\0").as_bytes());
        }
        assert_eq!(e.cgroups_memo.entries.len(), REMEMBERED);
        let (n3, _) = e.cgroups_and_container(&raw);
        assert!(!Arc::ptr_eq(&n1, &n3));
        assert_eq!(n1, n3);
    }
}
