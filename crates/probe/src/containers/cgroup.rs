//! Container ids from cgroup paths, as sinsp's container engines match them.

/// The runtime a cgroup path points at (`sinsp_container_type` values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Runtime {
    /// Docker (`/docker/<id>`, `docker-<id>.scope`).
    Docker,
    /// Podman (`libpod-<id>`).
    Podman,
    /// containerd through CRI (`/k8s.io/<id>`, `cri-containerd-<id>.scope`).
    Cri,
    /// Plain containerd (`/default/<name>`).
    Containerd,
    /// CRI-O (`crio-<id>`).
    Crio,
}

impl Runtime {
    /// The `type` value of the container JSON.
    pub fn json_type(self) -> u32 {
        match self {
            Runtime::Docker => 0,
            Runtime::Cri => 6,
            Runtime::Containerd => 7,
            Runtime::Crio => 8,
            Runtime::Podman => 11,
        }
    }
}

/// A container found in a cgroup path.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ContainerRef {
    /// Runtime.
    pub runtime: Runtime,
    /// The full id (64 hex chars) or, for plain containerd, the name.
    pub full_id: String,
}

impl ContainerRef {
    /// The 12-character id sysdig shows (`container.id`).
    pub fn short_id(&self) -> &str {
        self.full_id.get(..12).unwrap_or(&self.full_id)
    }
}

fn is_hex_id(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The container of one cgroup path, if any.
pub fn container_of_path(path: &str) -> Option<ContainerRef> {
    let mut segments = path.split('/').filter(|s| !s.is_empty()).peekable();
    let mut prev: Option<&str> = None;
    while let Some(seg) = segments.next() {
        let leaf = seg.strip_suffix(".scope").unwrap_or(seg);
        let found = if let Some(id) = leaf.strip_prefix("libpod-") {
            is_hex_id(id).then_some((Runtime::Podman, id))
        } else if let Some(id) = leaf.strip_prefix("docker-") {
            is_hex_id(id).then_some((Runtime::Docker, id))
        } else if let Some(id) = leaf.strip_prefix("crio-") {
            is_hex_id(id).then_some((Runtime::Crio, id))
        } else if let Some(id) = leaf.strip_prefix("cri-containerd-") {
            is_hex_id(id).then_some((Runtime::Cri, id))
        } else if is_hex_id(leaf) {
            match prev {
                Some("k8s.io") => Some((Runtime::Cri, leaf)),
                Some("crio") => Some((Runtime::Crio, leaf)),
                _ => Some((Runtime::Docker, leaf)),
            }
        } else if prev == Some("default")
            && segments.peek().is_none()
            && path.starts_with("/default/")
        {
            Some((Runtime::Containerd, leaf))
        } else {
            None
        };
        if let Some((runtime, id)) = found {
            return Some(ContainerRef { runtime, full_id: id.to_string() });
        }
        prev = Some(seg);
    }
    None
}

/// The container of a NUL-separated `subsys=path` list (the first match).
pub fn container_of_cgroups(cgroups: &[u8]) -> Option<ContainerRef> {
    cgroups.split(|&b| b == 0).find_map(|entry| {
        let entry = std::str::from_utf8(entry).ok()?;
        container_of_path(entry.split_once('=')?.1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "4b44ae6e7bb7d1b6f6c1c0a5e1b1c7e0f5d9b2a3c4d5e6f708192a3b4c5d6e7f";

    #[test]
    fn runtimes_are_recognised() {
        let c = container_of_path(&format!("/libpod_parent/libpod-{ID}")).unwrap();
        assert_eq!(c.runtime, Runtime::Podman);
        assert_eq!(c.short_id(), "4b44ae6e7bb7");
        let c = container_of_path(&format!("/kubepods/besteffort/podx/libpod-{ID}")).unwrap();
        assert_eq!(c.runtime, Runtime::Podman);
        assert_eq!(container_of_path(&format!("/docker/{ID}")).unwrap().runtime, Runtime::Docker);
        assert_eq!(
            container_of_path(&format!("/system.slice/docker-{ID}.scope")).unwrap().runtime,
            Runtime::Docker
        );
        assert_eq!(container_of_path(&format!("/k8s.io/{ID}")).unwrap().runtime, Runtime::Cri);
        assert_eq!(
            container_of_path(&format!("/kubepods.slice/crio-{ID}.scope")).unwrap().runtime,
            Runtime::Crio
        );
        let c = container_of_path("/default/c1").unwrap();
        assert_eq!((c.runtime, c.full_id.as_str()), (Runtime::Containerd, "c1"));
        assert_eq!(container_of_path("/user.slice/session-2.scope"), None);
        assert_eq!(container_of_path("/"), None);
    }

    #[test]
    fn cgroup_lists_are_searched() {
        let list = format!("cpuset=/\0cpu=/libpod_parent/libpod-{ID}\0");
        assert_eq!(container_of_cgroups(list.as_bytes()).unwrap().full_id, ID);
        assert_eq!(container_of_cgroups(b"cpu=/\0"), None);
    }
}
