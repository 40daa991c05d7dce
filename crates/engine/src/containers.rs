//! Containers: the table filled by container events, and the cgroup rules that
//! link a thread to its container.
//!
//! In file mode nothing asks a container runtime: metadata comes only from the
//! capture's container events (`container` 228, container JSON 272/324). Threads
//! are linked by matching their cgroup paths with the engines of sysdig 0.29.3,
//! tried in its order (podman, docker, cri, lxc, libvirt-lxc, bpm); docker claims
//! every 64-character final component, so containerd/kubepods ids are typed
//! docker, as in sysdig.

use std::collections::BTreeMap;
use std::sync::Arc;

/// Container runtime (`sinsp_container_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContainerType {
    /// Docker (0).
    Docker,
    /// LXC (1).
    Lxc,
    /// libvirt LXC (2).
    LibvirtLxc,
    /// Mesos (3).
    Mesos,
    /// rkt (4).
    Rkt,
    /// Custom (5).
    Custom,
    /// CRI (6).
    Cri,
    /// containerd (7).
    Containerd,
    /// CRI-O (8).
    CriO,
    /// BOSH process manager (9).
    Bpm,
    /// Static (10).
    Static,
    /// Podman (11).
    Podman,
    /// A code no runtime uses.
    Other(u32),
}

impl ContainerType {
    /// The type for a stored code.
    pub fn from_code(c: u32) -> ContainerType {
        use ContainerType::*;
        match c {
            0 => Docker,
            1 => Lxc,
            2 => LibvirtLxc,
            3 => Mesos,
            4 => Rkt,
            5 => Custom,
            6 => Cri,
            7 => Containerd,
            8 => CriO,
            9 => Bpm,
            10 => Static,
            11 => Podman,
            n => Other(n),
        }
    }

    /// The stored code.
    pub fn code(self) -> u32 {
        use ContainerType::*;
        match self {
            Docker => 0,
            Lxc => 1,
            LibvirtLxc => 2,
            Mesos => 3,
            Rkt => 4,
            Custom => 5,
            Cri => 6,
            Containerd => 7,
            CriO => 8,
            Bpm => 9,
            Static => 10,
            Podman => 11,
            Other(n) => n,
        }
    }

    /// The name `%container.type` prints (`None` for custom and unknown types).
    ///
    /// Divergence: sysdig 0.29.3 has no name for podman and static containers
    /// and prints whatever name it extracted last (an empty string at first);
    /// sysray names them `podman` and `static`, as later libs do.
    pub fn name(self) -> Option<&'static str> {
        use ContainerType::*;
        Some(match self {
            Docker => "docker",
            Lxc => "lxc",
            LibvirtLxc => "libvirt-lxc",
            Mesos => "mesos",
            Cri => "cri",
            Containerd => "containerd",
            CriO => "cri-o",
            Rkt => "rkt",
            Bpm => "bpm",
            Static => "static",
            Podman => "podman",
            _ => return None,
        })
    }
}

/// Whether the container's metadata lookup finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LookupState {
    /// Started and not finished (rewritten to failed when read from a file).
    Started,
    /// Metadata complete.
    Successful,
    /// The lookup failed.
    Failed,
}

/// A mount of a container.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mount {
    /// Host path.
    pub source: String,
    /// Container path.
    pub dest: String,
    /// Mount mode (`ro`, `rw,shared`...).
    pub mode: String,
    /// Writable.
    pub rdwr: bool,
    /// Propagation (`rprivate`...).
    pub propagation: String,
}

impl Mount {
    /// `source:dest:mode:rdwr:propagation`, as `container.mounts` prints it.
    pub fn to_text(&self) -> String {
        format!("{}:{}:{}:{}:{}", self.source, self.dest, self.mode, self.rdwr, self.propagation)
    }
}

/// A health, liveness or readiness probe of a container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HealthProbe {
    /// `Healthcheck`, `LivenessProbe`, `ReadinessProbe` (or `None`).
    pub kind: String,
    /// Executable.
    pub exe: String,
    /// Arguments.
    pub args: Vec<String>,
}

/// A port published by a container.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PortMapping {
    /// Host address (as stored).
    pub host_ip: i64,
    /// Host port.
    pub host_port: u16,
    /// Container port.
    pub container_port: u16,
}

/// Everything known about a container.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Container {
    /// Short id (12 characters for docker-like runtimes).
    pub id: String,
    /// Full id.
    pub full_id: String,
    /// Runtime.
    pub kind: ContainerType,
    /// Name.
    pub name: String,
    /// Image.
    pub image: String,
    /// Image id.
    pub image_id: String,
    /// Image repository.
    pub image_repo: String,
    /// Image tag.
    pub image_tag: String,
    /// Image digest.
    pub image_digest: String,
    /// Privileged container.
    pub privileged: bool,
    /// A Kubernetes pod sandbox.
    pub is_pod_sandbox: bool,
    /// Metadata state.
    pub lookup_state: LookupState,
    /// Creation time (seconds), 0 if unknown.
    pub created_time: i64,
    /// Mounts.
    pub mounts: Vec<Mount>,
    /// Probes.
    pub health_probes: Vec<HealthProbe>,
    /// IPv4 address, network order; zero if unknown.
    pub ip: [u8; 4],
    /// Published ports.
    pub port_mappings: Vec<PortMapping>,
    /// Labels, sorted by key.
    pub labels: BTreeMap<String, String>,
    /// Environment variables the writer kept.
    pub env: Vec<String>,
    /// Memory limit.
    pub memory_limit: i64,
    /// Swap limit.
    pub swap_limit: i64,
    /// CPU shares.
    pub cpu_shares: i64,
    /// CPU quota.
    pub cpu_quota: i64,
    /// CPU period.
    pub cpu_period: i64,
    /// Number of CPUs in the cpuset.
    pub cpuset_cpu_count: i32,
    /// Mesos task id.
    pub mesos_task_id: String,
    /// Metadata deadline.
    pub metadata_deadline: u64,
}

impl Container {
    /// A container with sinsp's defaults (docker, successful, no metadata).
    pub fn new(id: &str, kind: ContainerType) -> Container {
        Container {
            id: id.to_string(),
            full_id: String::new(),
            kind,
            name: String::new(),
            image: String::new(),
            image_id: String::new(),
            image_repo: String::new(),
            image_tag: String::new(),
            image_digest: String::new(),
            privileged: false,
            is_pod_sandbox: false,
            lookup_state: LookupState::Successful,
            created_time: 0,
            mounts: Vec::new(),
            health_probes: Vec::new(),
            ip: [0; 4],
            port_mappings: Vec::new(),
            labels: BTreeMap::new(),
            env: Vec::new(),
            memory_limit: 0,
            swap_limit: 0,
            cpu_shares: 1024,
            cpu_quota: 0,
            cpu_period: 100_000,
            cpuset_cpu_count: 0,
            mesos_task_id: String::new(),
            metadata_deadline: 0,
        }
    }

    /// True when the metadata lookup succeeded.
    pub fn is_successful(&self) -> bool {
        self.lookup_state == LookupState::Successful
    }

    /// A label's value.
    pub fn label(&self, key: &str) -> Option<&str> {
        self.labels.get(key).map(String::as_str)
    }
}

/// All known containers, keyed by id.
#[derive(Clone, Debug, Default)]
pub struct Containers {
    map: BTreeMap<Arc<str>, Container>,
}

impl Containers {
    /// The container with `id`.
    pub fn get(&self, id: &str) -> Option<&Container> {
        self.map.get(id)
    }

    /// Every container, ordered by id.
    pub fn iter(&self) -> impl Iterator<Item = &Container> {
        self.map.values()
    }

    /// Number of containers.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True if no container is known.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Stores `c`, replacing an entry with the same id.
    pub(crate) fn add(&mut self, c: Container) {
        self.map.insert(Arc::from(c.id.as_str()), c);
    }

    /// The interned id `id`, so threads can share it.
    pub(crate) fn interned(&self, id: &str) -> Option<Arc<str>> {
        self.map.get_key_value(id).map(|(k, _)| k.clone())
    }

    /// Links a thread to a container from its cgroups (`resolve_container`):
    /// returns the container id ("" for the host), adding the stub entries the
    /// file-mode engines create.
    pub(crate) fn resolve(&mut self, cgroups: &[&[u8]]) -> Arc<str> {
        let mut id: Option<String> = None;
        for engine in ENGINES {
            let (found, claims) = match engine {
                Engine::Podman => (runc_match(cgroups.iter().copied(), PODMAN_LAYOUT), true),
                Engine::Docker => (runc_match(cgroups.iter().copied(), DOCKER_LAYOUT), true),
                Engine::Cri => (runc_match(cgroups.iter().copied(), CRI_LAYOUT), false),
                Engine::Lxc => (lxc_match(cgroups.iter().copied()), true),
                Engine::LibvirtLxc => (libvirt_match(cgroups.iter().copied()), true),
                Engine::Bpm => (bpm_match(cgroups.iter().copied()), true),
            };
            let Some(found) = found else { continue };
            id = Some(found.clone());
            if !claims {
                continue;
            }
            let kind = engine.kind();
            let claimed = match self.map.get(found.as_str()) {
                Some(c) => matches!(engine, Engine::Docker | Engine::Podman)
                    .then(|| c.is_successful())
                    .unwrap_or(true),
                None => {
                    let mut c = Container::new(&found, kind);
                    if !matches!(engine, Engine::Docker | Engine::Podman) {
                        c.name = found.clone();
                    }
                    self.add(c);
                    true
                }
            };
            if claimed {
                break;
            }
        }
        if id.is_none() {
            id = self.containerd_match(cgroups);
        }
        match id {
            None => crate::threads::host_container(),
            Some(id) => self.interned(&id).unwrap_or_else(|| Arc::from(id.as_str())),
        }
    }

    /// Plain containerd (`ctr run`) puts a container in `/<namespace>/<name>`,
    /// which no hex id marks; sysdig 0.29.3 never links such threads. sysray does
    /// when a container event already named that container.
    fn containerd_match(&self, cgroups: &[&[u8]]) -> Option<String> {
        cgroups.iter().find_map(|path| {
            let rest = path.strip_prefix(b"/")?;
            let slash = memchr::memchr(b'/', rest)?;
            let name = &rest[slash + 1..];
            if slash == 0 || name.is_empty() || memchr::memchr(b'/', name).is_some() {
                return None;
            }
            let name = std::str::from_utf8(name).ok()?;
            self.map.contains_key(name).then(|| name.to_string())
        })
    }
}

#[derive(Clone, Copy)]
enum Engine {
    Podman,
    Docker,
    Cri,
    Lxc,
    LibvirtLxc,
    Bpm,
}

impl Engine {
    fn kind(self) -> ContainerType {
        match self {
            Engine::Podman => ContainerType::Podman,
            Engine::Docker => ContainerType::Docker,
            Engine::Cri => ContainerType::Cri,
            Engine::Lxc => ContainerType::Lxc,
            Engine::LibvirtLxc => ContainerType::LibvirtLxc,
            Engine::Bpm => ContainerType::Bpm,
        }
    }
}

const ENGINES: [Engine; 6] =
    [Engine::Podman, Engine::Docker, Engine::Cri, Engine::Lxc, Engine::LibvirtLxc, Engine::Bpm];

/// Podman under systemd (`libpod-<id>.scope`) and, beyond sysdig 0.29.3 which
/// misses it, under the cgroupfs manager (`/libpod_parent/libpod-<id>`).
const PODMAN_LAYOUT: &[(&[u8], &[u8])] = &[(b"/libpod-", b".scope"), (b"/libpod-", b"")];
const DOCKER_LAYOUT: &[(&[u8], &[u8])] = &[(b"/", b""), (b"/docker-", b".scope")];
const CRI_LAYOUT: &[(&[u8], &[u8])] = &[
    (b"/", b""),
    (b"/crio-", b""),
    (b"/cri-containerd-", b".scope"),
    (b"/crio-", b".scope"),
    (b":cri-containerd:", b""),
];

/// The last occurrence of `needle` in `hay` (`hay.len()` for an empty needle).
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else { return Some(hay.len()) };
    let mut end = hay.len().checked_sub(rest.len())?;
    while let Some(p) = memchr::memrchr(first, &hay[..end]) {
        if hay[p + 1..].starts_with(rest) {
            return Some(p);
        }
        end = p;
    }
    None
}

/// The first occurrence of `needle` in `hay` at or after `from`.
fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// `match_one_container_id`: the last prefix, the last suffix, exactly 64
/// characters between them; the reported id is the first 12. The hex check only
/// looks at string positions below 64, as upstream does.
fn runc_one(path: &[u8], prefix: &[u8], suffix: &[u8]) -> Option<String> {
    if path.len() < 64 + prefix.len() + suffix.len() {
        return None;
    }
    let start = rfind(path, prefix)? + prefix.len();
    let end = rfind(path, suffix)?;
    if end.checked_sub(start) != Some(64) {
        return None;
    }
    let bad = path[start..].iter().position(|c| !c.is_ascii_hexdigit()).map(|p| p + start);
    if bad.is_some_and(|p| p < 64) {
        return None;
    }
    Some(String::from_utf8_lossy(&path[start..start + 12]).into_owned())
}

fn runc_match<'a>(
    cgroups: impl Iterator<Item = &'a [u8]>,
    layout: &[(&[u8], &[u8])],
) -> Option<String> {
    for path in cgroups {
        for (p, s) in layout {
            if let Some(id) = runc_one(path, p, s) {
                return Some(id);
            }
        }
    }
    None
}

fn lxc_match<'a>(cgroups: impl Iterator<Item = &'a [u8]>) -> Option<String> {
    for path in cgroups {
        for marker in [&b"/lxc/"[..], b"/lxc.payload/"] {
            if let Some(pos) = find_from(path, marker, 0) {
                let start = pos + marker.len();
                let end =
                    path[start..].iter().position(|&c| c == b'/').map_or(path.len(), |p| p + start);
                return Some(String::from_utf8_lossy(&path[start..end]).into_owned());
            }
        }
    }
    None
}

fn libvirt_match<'a>(cgroups: impl Iterator<Item = &'a [u8]>) -> Option<String> {
    for path in cgroups {
        if let Some(rest) = path.strip_suffix(b".libvirt-lxc") {
            let start = rest.iter().rposition(|&c| c == b'/').map_or(0, |p| p + 1);
            return Some(String::from_utf8_lossy(&rest[start..]).into_owned());
        }
        if let Some(pos) = find_from(path, b"-lxc\\x2", 0)
            && let Some(body) = path.strip_suffix(b".scope")
        {
            let start = pos + b"-lxc\\x2".len();
            if start <= body.len() {
                return Some(String::from_utf8_lossy(&body[start..]).into_owned());
            }
        }
        if let Some(pos) = find_from(path, b"/libvirt/lxc/", 0) {
            return Some(String::from_utf8_lossy(&path[pos + 13..]).into_owned());
        }
    }
    None
}

fn bpm_match<'a>(cgroups: impl Iterator<Item = &'a [u8]>) -> Option<String> {
    for path in cgroups {
        if let Some(pos) = find_from(path, b"bpm-", 0) {
            let start = pos + 4;
            let end = find_from(path, b".scope", start).unwrap_or(path.len());
            let id = &path[start..end];
            let ok = |c: &u8| c.is_ascii_alphanumeric() || b"._-".contains(c);
            if !id.is_empty() && id.iter().all(ok) {
                return Some(String::from_utf8_lossy(id).into_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID64: &str = "b3a718d8b3397b08d58aa2b406db332c28b01e99f46ff23007243f53c266fe2f";

    fn resolve(c: &mut Containers, paths: &[&str]) -> String {
        let v: Vec<&[u8]> = paths.iter().map(|p| p.as_bytes()).collect();
        c.resolve(&v).to_string()
    }

    #[test]
    fn docker_claims_64_char_components() {
        let mut c = Containers::default();
        assert_eq!(resolve(&mut c, &[&format!("/docker/{ID64}")]), "b3a718d8b339");
        // A stub with no name was added.
        assert_eq!(c.get("b3a718d8b339").unwrap().name, "");
        assert_eq!(
            resolve(&mut c, &[&format!("/kubepods/besteffort/pod1/{ID64}")]),
            "b3a718d8b339"
        );
        assert_eq!(
            resolve(&mut c, &[&format!("/system.slice/docker-{ID64}.scope")]),
            "b3a718d8b339"
        );
        assert_eq!(resolve(&mut c, &["/user.slice"]), "");
    }

    #[test]
    fn podman_under_cgroupfs_and_systemd() {
        let mut c = Containers::default();
        assert_eq!(resolve(&mut c, &[&format!("/libpod_parent/libpod-{ID64}")]), "b3a718d8b339");
        assert_eq!(c.get("b3a718d8b339").unwrap().kind, ContainerType::Podman);
        assert_eq!(
            resolve(&mut c, &[&format!("/kubepods/besteffort/pod1/libpod-{ID64}")]),
            "b3a718d8b339"
        );
        assert_eq!(
            resolve(&mut c, &[&format!("/machine.slice/libpod-{ID64}.scope/container")]),
            "b3a718d8b339"
        );
        assert_eq!(resolve(&mut c, &[&format!("/libpod_parent/libpod-{ID64}x")]), "");
    }

    #[test]
    fn containerd_names_link_only_known_containers() {
        let mut c = Containers::default();
        assert_eq!(resolve(&mut c, &["/default/c1"]), "");
        c.add(Container::new("c1", ContainerType::Containerd));
        assert_eq!(resolve(&mut c, &["/default/c1"]), "c1");
        assert_eq!(resolve(&mut c, &["/default/c1/sub"]), "");
        assert_eq!(resolve(&mut c, &["/c1"]), "");
    }

    #[test]
    fn cri_sets_the_id_without_claiming() {
        let mut c = Containers::default();
        assert_eq!(resolve(&mut c, &[&format!("/crio-{ID64}")]), "b3a718d8b339");
        assert!(c.get("b3a718d8b339").is_none());
    }

    #[test]
    fn lxc_and_bpm() {
        let mut c = Containers::default();
        assert_eq!(resolve(&mut c, &["/lxc/web/init.scope"]), "web");
        assert_eq!(c.get("web").unwrap().name, "web");
        assert_eq!(resolve(&mut c, &["/system.slice/bpm-abc.scope"]), "abc");
    }

    #[test]
    fn json_with_defaults() {
        let j = br#"{"container":{"Mounts":[{"Source":"/a","Destination":"/b","Mode":"ro","RW":false,"Propagation":"rprivate"}],"id":"0d7f3e82ab58","image":"pause","ip":"172.17.0.7","name":"k8s_POD","privileged":false,"type":0,"labels":{"io.kubernetes.pod.name":"client"}}}"#;
        let c = Container::from_json(j).unwrap();
        assert_eq!(c.id, "0d7f3e82ab58");
        assert_eq!(c.ip, [172, 17, 0, 7]);
        assert_eq!(c.mounts[0].to_text(), "/a:/b:ro:false:rprivate");
        assert_eq!(c.label("io.kubernetes.pod.name"), Some("client"));
        assert!(c.is_successful());
        let f = Container::from_json(br#"{"container":{"id":"x","lookup_state":0}}"#).unwrap();
        assert_eq!(f.lookup_state, LookupState::Failed);
        assert!(Container::from_json(b"{nope").is_err());
    }
}
