//! Container metadata: ids from cgroup paths, names, images and labels from
//! the runtimes' API sockets, delivered as `PPME_CONTAINER_JSON_2_E` events.
//!
//! Lookups run on a background thread: the event loop only hands it cgroup
//! lists ([`Watcher::observe_cgroups`], cheap when the container is known) and
//! collects finished JSON documents ([`Watcher::try_recv`]), so a slow or
//! absent runtime never delays events. A container whose lookup fails is
//! still announced, with its id and runtime type only, as sinsp does.

mod cgroup;
pub mod cri;
mod docker;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use std::time::Instant;

use scap::table::ids;
use scap::{Event, OwnedEvent};
use serde_json::{Value, json};

pub use cgroup::{ContainerRef, Runtime, container_of_cgroups, container_of_path};

/// Where and how long to ask for container metadata.
#[derive(Clone, Debug)]
pub struct ContainerOptions {
    /// Docker-compatible API sockets, tried in order.
    pub docker_sockets: Vec<PathBuf>,
    /// CRI sockets (`--cri`), tried in order for CRI/containerd/CRI-O ids.
    pub cri_sockets: Vec<PathBuf>,
    /// Timeout of one lookup (`--cri-timeout`).
    pub timeout: Duration,
}

impl Default for ContainerOptions {
    fn default() -> Self {
        ContainerOptions {
            docker_sockets: vec![
                PathBuf::from("/run/podman/podman.sock"),
                PathBuf::from("/var/run/docker.sock"),
            ],
            cri_sockets: vec![
                PathBuf::from("/run/containerd/containerd.sock"),
                PathBuf::from("/run/crio/crio.sock"),
            ],
            timeout: Duration::from_secs(1),
        }
    }
}

/// What a runtime says about a container.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContainerMeta {
    /// Name without the leading `/`.
    pub name: String,
    /// Image as configured (`repo:tag`).
    pub image: String,
    /// Image id (hex, without `sha256:`).
    pub image_id: String,
    /// Labels.
    pub labels: BTreeMap<String, String>,
    /// Privileged flag.
    pub privileged: bool,
    /// IPv4 address, if any.
    pub ip: String,
}

/// The container JSON sysdig writes (`sinsp_container_manager::container_to_json`).
pub fn container_json(c: &ContainerRef, meta: Option<&ContainerMeta>) -> String {
    let default = ContainerMeta::default();
    let m = meta.unwrap_or(&default);
    let (repo, tag) = match m.image.rsplit_once(':') {
        Some((r, t)) if !t.contains('/') => (r.to_string(), t.to_string()),
        _ => (m.image.clone(), String::new()),
    };
    let labels: serde_json::Map<String, Value> =
        m.labels.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
    let ip = if m.ip.is_empty() { "0.0.0.0".to_string() } else { m.ip.clone() };
    let doc = json!({"container": {
        "id": c.short_id(),
        "full_id": c.full_id,
        "type": c.runtime.json_type(),
        "name": if meta.is_some() { m.name.clone() } else { c.short_id().to_string() },
        "image": m.image,
        "imageid": m.image_id,
        "imagerepo": repo,
        "imagetag": tag,
        "imagedigest": "",
        "privileged": m.privileged,
        "is_pod_sandbox": false,
        "lookup_state": if meta.is_some() { 1 } else { 2 },
        "created_time": 0,
        "Mounts": [],
        "ip": ip,
        "port_mappings": [],
        "labels": Value::Object(labels),
        "env": [],
        "memory_limit": 0,
        "swap_limit": 0,
        "cpu_shares": 1024,
        "cpu_quota": 0,
        "cpu_period": 100000,
        "cpuset_cpu_count": 0,
    }});
    format!("{doc}\n")
}

/// A `PPME_CONTAINER_JSON_2_E` event (tid −1, cpu 0) carrying `json`.
pub fn json_event(ts: u64, json: &str) -> OwnedEvent {
    let mut text = json.as_bytes().to_vec();
    text.push(0);
    OwnedEvent::build(ts, u64::MAX, ids::CONTAINER_JSON_2_E, &[&text])
}

/// The `cgroups` parameter of a clone/fork/execve exit event.
pub fn cgroups_param<'a>(ev: &Event<'a>) -> Option<&'a [u8]> {
    use ids::*;
    match ev.event_type() {
        SYSCALL_CLONE_20_X | SYSCALL_FORK_20_X | SYSCALL_VFORK_20_X | SYSCALL_CLONE3_X
        | SYSCALL_EXECVE_19_X | SYSCALL_EXECVEAT_X => ev.param(14),
        _ => None,
    }
}

/// The background lookup thread and what it found.
pub struct Watcher {
    seen: Mutex<HashSet<String>>,
    requests: Sender<ContainerRef>,
    results: Mutex<Receiver<String>>,
    known: Arc<Mutex<Vec<String>>>,
    pending: Arc<AtomicUsize>,
}

impl Watcher {
    /// Starts the lookup thread.
    pub fn start(opts: ContainerOptions) -> Watcher {
        let (req_tx, req_rx) = mpsc::channel::<ContainerRef>();
        let (res_tx, res_rx) = mpsc::channel::<String>();
        let known = Arc::new(Mutex::new(Vec::new()));
        let known2 = Arc::clone(&known);
        let pending = Arc::new(AtomicUsize::new(0));
        let pending2 = Arc::clone(&pending);
        std::thread::Builder::new()
            .name("sysray-containers".into())
            .spawn(move || {
                let mut cri = cri::CriClient::new();
                for c in req_rx {
                    let meta = lookup(&opts, &mut cri, &c);
                    let json = container_json(&c, meta.as_ref());
                    if let Ok(mut k) = known2.lock() {
                        k.push(json.clone());
                    }
                    let sent = res_tx.send(json);
                    pending2.fetch_sub(1, Ordering::SeqCst);
                    if sent.is_err() {
                        break;
                    }
                }
            })
            .ok();
        Watcher {
            seen: Mutex::new(HashSet::new()),
            requests: req_tx,
            results: Mutex::new(res_rx),
            known,
            pending,
        }
    }

    /// Looks at a thread's cgroups and queues a lookup for a new container;
    /// true if one was queued.
    pub fn observe_cgroups(&self, cgroups: &[u8]) -> bool {
        let Some(c) = container_of_cgroups(cgroups) else { return false };
        let Ok(mut seen) = self.seen.lock() else { return false };
        if !seen.insert(c.full_id.clone()) {
            return false;
        }
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.requests.send(c).is_err() {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            return false;
        }
        true
    }

    /// Whether lookups are still running. A finished lookup's result is in
    /// the channel before it stops counting as pending.
    pub fn is_busy(&self) -> bool {
        self.pending.load(Ordering::SeqCst) > 0
    }

    /// Waits until every lookup queued so far has finished, or `timeout`.
    /// Used once at start, so that containers that already run are described
    /// before the first event (as sysdig does when it opens a capture).
    pub fn wait_idle(&self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while self.pending.load(Ordering::SeqCst) > 0 && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// A finished lookup, if any.
    pub fn try_recv(&self) -> Option<String> {
        self.results.lock().ok()?.try_recv().ok()
    }

    /// The JSON of every container looked up so far.
    pub fn known(&self) -> Vec<String> {
        self.known.lock().map(|k| k.clone()).unwrap_or_default()
    }
}

fn lookup(
    opts: &ContainerOptions,
    cri: &mut cri::CriClient,
    c: &ContainerRef,
) -> Option<ContainerMeta> {
    match c.runtime {
        Runtime::Docker | Runtime::Podman => opts
            .docker_sockets
            .iter()
            .filter(|s| s.exists())
            .find_map(|s| docker::inspect(s, &c.full_id, opts.timeout).ok()),
        Runtime::Cri | Runtime::Crio => opts
            .cri_sockets
            .iter()
            .filter(|s| s.exists())
            .find_map(|s| cri.inspect(s, &c.full_id, opts.timeout).ok()),
        // `/default/<name>` is a plain containerd container, unknown to CRI.
        Runtime::Containerd => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_sysdig_keys_and_labels() {
        let c = ContainerRef { runtime: Runtime::Podman, full_id: "ab".repeat(32) };
        let mut meta = ContainerMeta {
            name: "client".into(),
            image: "localhost/busybox:test".into(),
            ..ContainerMeta::default()
        };
        meta.labels.insert("io.kubernetes.pod.namespace".into(), "critical-app".into());
        let text = container_json(&c, Some(&meta));
        assert!(text.ends_with('\n'));
        let v: Value = serde_json::from_str(&text).unwrap();
        let c = &v["container"];
        assert_eq!(c["id"], "abababababab");
        assert_eq!(c["type"], 11);
        assert_eq!(c["name"], "client");
        assert_eq!(c["imagerepo"], "localhost/busybox");
        assert_eq!(c["imagetag"], "test");
        assert_eq!(c["labels"]["io.kubernetes.pod.namespace"], "critical-app");
        let ev = json_event(5, &text);
        let view = ev.as_event();
        assert_eq!(view.event_type(), ids::CONTAINER_JSON_2_E);
        assert_eq!(view.tid(), u64::MAX);
        assert!(view.param(0).unwrap().ends_with(b"\n\0"));
    }
}
