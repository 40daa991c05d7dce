//! Container metadata as JSON: the payload of `PPME_CONTAINER_JSON_E` (272) and
//! `PPME_CONTAINER_JSON_2_E` (324) events, read and written (scap-format.md §13).
//!
//! The writer produces what sinsp's `container_to_json` produces at e5c53d64:
//! `{"container":{…}}` with its key set, keys in byte order as jsoncpp's
//! `FastWriter` orders them, a trailing newline, and `null` for empty `labels`
//! and probe `args`, so sysdig 0.29.3 and sysray read the same table back.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::containers::{Container, ContainerType, HealthProbe, LookupState, Mount, PortMapping};

/// Probe kinds in sinsp's `probe_type_names` order.
const PROBE_KINDS: [&str; 4] = ["None", "Healthcheck", "LivenessProbe", "ReadinessProbe"];

impl Container {
    /// Parses a container JSON event payload (`{"container":{...}}`). Missing or
    /// mistyped keys keep their defaults.
    pub fn from_json(json: &[u8]) -> Result<Container, String> {
        let root: Value = serde_json::from_slice(json).map_err(|e| e.to_string())?;
        let c = root.get("container").unwrap_or(&Value::Null);
        let mut out = Container::new("", ContainerType::Docker);
        if let Some(s) = as_string(c.get("id")) {
            out.id = s;
        }
        if let Some(s) = as_string(c.get("full_id")) {
            out.full_id = s;
        }
        if let Some(n) = as_uint(c.get("type")) {
            out.kind = ContainerType::from_code(n as u32);
        }
        let strings: [(&str, &mut String); 6] = [
            ("name", &mut out.name),
            ("image", &mut out.image),
            ("imageid", &mut out.image_id),
            ("imagerepo", &mut out.image_repo),
            ("imagetag", &mut out.image_tag),
            ("imagedigest", &mut out.image_digest),
        ];
        for (k, dst) in strings {
            if let Some(s) = as_string(c.get(k)) {
                *dst = s;
            }
        }
        if let Some(b) = as_bool(c.get("is_pod_sandbox")) {
            out.is_pod_sandbox = b;
        }
        if let Some(b) = as_bool(c.get("privileged")) {
            out.privileged = b;
        }
        if let Some(n) = as_uint(c.get("lookup_state")) {
            out.lookup_state = match n {
                // A lookup still running when the capture was written never ends.
                0 | 2 => LookupState::Failed,
                _ => LookupState::Successful,
            };
        }
        if let Some(n) = c.get("created_time").and_then(Value::as_i64) {
            out.created_time = n;
        }
        if let Some(Value::Array(ms)) = c.get("Mounts") {
            for m in ms {
                out.mounts.push(Mount {
                    source: as_string(m.get("Source")).unwrap_or_default(),
                    dest: as_string(m.get("Destination")).unwrap_or_default(),
                    mode: as_string(m.get("Mode")).unwrap_or_default(),
                    rdwr: m.get("RW").and_then(Value::as_bool).unwrap_or(false),
                    propagation: as_string(m.get("Propagation")).unwrap_or_default(),
                });
            }
        }
        for kind in PROBE_KINDS {
            if let Some(p @ Value::Object(_)) = c.get(kind)
                && let Some(exe) = as_string(p.get("exe"))
            {
                let args = match p.get("args") {
                    Some(Value::Array(a)) => a.iter().filter_map(|v| as_string(Some(v))).collect(),
                    _ => Vec::new(),
                };
                out.health_probes.push(HealthProbe { kind: kind.to_string(), exe, args });
            }
        }
        if let Some(ip) = as_string(c.get("ip")) {
            out.ip = ip.parse::<std::net::Ipv4Addr>().map_or([0; 4], |a| a.octets());
        }
        if let Some(Value::Array(pm)) = c.get("port_mappings") {
            for m in pm {
                out.port_mappings.push(PortMapping {
                    host_ip: m.get("HostIp").and_then(Value::as_i64).unwrap_or(0),
                    host_port: m.get("HostPort").and_then(Value::as_i64).unwrap_or(0) as u16,
                    container_port: m.get("ContainerPort").and_then(Value::as_i64).unwrap_or(0)
                        as u16,
                });
            }
        }
        if let Some(Value::Object(labels)) = c.get("labels") {
            for (k, v) in labels {
                out.labels.insert(k.clone(), as_string(Some(v)).unwrap_or_default());
            }
        }
        if let Some(Value::Array(env)) = c.get("env") {
            out.env = env.iter().filter_map(|v| v.as_str().map(str::to_string)).collect();
        }
        let ints: [(&str, &mut i64); 5] = [
            ("memory_limit", &mut out.memory_limit),
            ("swap_limit", &mut out.swap_limit),
            ("cpu_shares", &mut out.cpu_shares),
            ("cpu_quota", &mut out.cpu_quota),
            ("cpu_period", &mut out.cpu_period),
        ];
        for (k, dst) in ints {
            if let Some(n) = c.get(k).and_then(Value::as_i64) {
                *dst = n;
            }
        }
        if let Some(n) = c.get("cpuset_cpu_count").and_then(Value::as_i64) {
            out.cpuset_cpu_count = n as i32;
        }
        if let Some(s) = as_string(c.get("mesos_task_id")) {
            out.mesos_task_id = s;
        }
        if let Some(n) = c.get("metadata_deadline").and_then(Value::as_u64) {
            out.metadata_deadline = n;
        }
        Ok(out)
    }

    /// The JSON text sinsp writes for this container (`container_to_json`),
    /// ending with a newline.
    pub fn to_json(&self) -> String {
        let mut c = BTreeMap::new();
        let s = |v: &str| Value::String(v.to_string());
        c.insert("id", s(&self.id));
        c.insert("full_id", s(&self.full_id));
        c.insert("type", Value::from(self.kind.code()));
        c.insert("name", s(&self.name));
        c.insert("image", s(&self.image));
        c.insert("imageid", s(&self.image_id));
        c.insert("imagerepo", s(&self.image_repo));
        c.insert("imagetag", s(&self.image_tag));
        c.insert("imagedigest", s(&self.image_digest));
        c.insert("privileged", Value::Bool(self.privileged));
        c.insert("is_pod_sandbox", Value::Bool(self.is_pod_sandbox));
        let state = match self.lookup_state {
            LookupState::Started => 0,
            LookupState::Successful => 1,
            LookupState::Failed => 2,
        };
        c.insert("lookup_state", Value::from(state));
        c.insert("created_time", Value::from(self.created_time));
        c.insert("Mounts", Value::Array(self.mounts.iter().map(mount_json).collect()));
        for p in &self.health_probes {
            let args = if p.args.is_empty() {
                Value::Null
            } else {
                Value::Array(p.args.iter().map(|a| s(a)).collect())
            };
            let probe = object([("args", args), ("exe", s(&p.exe))]);
            if let Some(kind) = PROBE_KINDS.iter().find(|k| **k == p.kind) {
                c.insert(kind, probe);
            }
        }
        c.insert("ip", s(&std::net::Ipv4Addr::from(self.ip).to_string()));
        let ports = self.port_mappings.iter().map(|m| {
            object([
                ("ContainerPort", Value::from(m.container_port)),
                ("HostIp", Value::from(m.host_ip)),
                ("HostPort", Value::from(m.host_port)),
            ])
        });
        c.insert("port_mappings", Value::Array(ports.collect()));
        let labels = if self.labels.is_empty() {
            Value::Null
        } else {
            Value::Object(self.labels.iter().map(|(k, v)| (k.clone(), s(v))).collect())
        };
        c.insert("labels", labels);
        let env = self
            .env
            .iter()
            .filter(|v| v.contains("MESOS") || v.contains("MARATHON") || v.contains("mesos"));
        c.insert("env", Value::Array(env.map(|v| s(v)).collect()));
        c.insert("memory_limit", Value::from(self.memory_limit));
        c.insert("swap_limit", Value::from(self.swap_limit));
        c.insert("cpu_shares", Value::from(self.cpu_shares));
        c.insert("cpu_quota", Value::from(self.cpu_quota));
        c.insert("cpu_period", Value::from(self.cpu_period));
        c.insert("cpuset_cpu_count", Value::from(self.cpuset_cpu_count));
        if !self.mesos_task_id.is_empty() {
            c.insert("mesos_task_id", s(&self.mesos_task_id));
        }
        c.insert("metadata_deadline", Value::from(self.metadata_deadline));
        let root = object([("container", Value::Object(sorted(c)))]);
        let mut text = root.to_string();
        text.push('\n');
        text
    }
}

/// An object with its keys inserted in byte order, whatever map type
/// serde_json was built with.
fn sorted(m: BTreeMap<&str, Value>) -> Map<String, Value> {
    m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
}

fn object<const N: usize>(items: [(&str, Value); N]) -> Value {
    Value::Object(sorted(items.into_iter().collect()))
}

fn mount_json(m: &Mount) -> Value {
    object([
        ("Destination", Value::String(m.dest.clone())),
        ("Mode", Value::String(m.mode.clone())),
        ("Propagation", Value::String(m.propagation.clone())),
        ("RW", Value::Bool(m.rdwr)),
        ("Source", Value::String(m.source.clone())),
    ])
}

/// A JSON value as jsoncpp's `asString` gives it, for values it can convert.
fn as_string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn as_uint(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => {
            n.as_u64().or_else(|| n.as_f64().filter(|f| *f >= 0.0).map(|f| f as u64))
        }
        Value::Bool(b) => Some(*b as u64),
        _ => None,
    }
}

fn as_bool(v: Option<&Value>) -> Option<bool> {
    match v? {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64() != Some(0.0)),
        _ => None,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Container {
        let mut c = Container::new("0d7f3e82ab58", ContainerType::Docker);
        c.full_id = "0d7f3e82ab58".repeat(5);
        c.name = "k8s_POD_client".into();
        c.image = "gcr.io/pause:3.0".into();
        c.privileged = true;
        c.created_time = 1_500_000_000;
        c.mounts.push(Mount {
            source: "/a".into(),
            dest: "/b".into(),
            mode: "ro".into(),
            rdwr: false,
            propagation: "rprivate".into(),
        });
        c.health_probes.push(HealthProbe {
            kind: "Healthcheck".into(),
            exe: "/bin/check".into(),
            args: vec!["-q".into()],
        });
        c.ip = [172, 17, 0, 7];
        c.port_mappings.push(PortMapping { host_ip: 0, host_port: 8080, container_port: 80 });
        c.labels.insert("io.kubernetes.pod.name".into(), "client".into());
        c.env = vec!["MESOS_TASK=1".into()];
        c.memory_limit = 1 << 30;
        c.cpuset_cpu_count = 2;
        c.mesos_task_id = "t1".into();
        c.metadata_deadline = 7;
        c
    }

    #[test]
    fn round_trip() {
        let c = full();
        assert_eq!(Container::from_json(c.to_json().as_bytes()).unwrap(), c);
        let mut failed = Container::new("abc", ContainerType::Lxc);
        failed.lookup_state = LookupState::Failed;
        assert_eq!(Container::from_json(failed.to_json().as_bytes()).unwrap(), failed);
    }

    #[test]
    fn sinsp_shape() {
        let mut c = Container::new("x", ContainerType::Cri);
        c.env = vec!["PATH=/bin".into(), "MARATHON_APP_ID=a".into()];
        let j = c.to_json();
        assert!(j.ends_with("}}\n"), "{j}");
        assert!(j.starts_with(r#"{"container":{"Mounts":[],"cpu_period":100000,"#), "{j}");
        assert!(j.contains(r#""labels":null"#), "{j}");
        assert!(j.contains(r#""env":["MARATHON_APP_ID=a"]"#), "{j}");
        assert!(j.contains(r#""ip":"0.0.0.0""#), "{j}");
        assert!(j.contains(r#""type":6"#), "{j}");
        assert!(!j.contains("mesos_task_id"), "{j}");
        let keys = [
            "Mounts",
            "cpu_period",
            "cpu_quota",
            "cpu_shares",
            "cpuset_cpu_count",
            "created_time",
            "env",
            "full_id",
            "id",
            "image",
            "imagedigest",
            "imageid",
            "imagerepo",
            "imagetag",
            "ip",
            "is_pod_sandbox",
            "labels",
            "lookup_state",
            "memory_limit",
            "metadata_deadline",
            "name",
            "port_mappings",
            "privileged",
            "swap_limit",
            "type",
        ];
        let v: Value = serde_json::from_str(&j).unwrap();
        let got: Vec<&String> = v["container"].as_object().unwrap().keys().collect();
        assert_eq!(got, keys);
    }
}
