//! Kubernetes state rebuilt from the `k8s` events (260) of old captures.
//!
//! sysdig 0.29.3 feeds these API-watch JSON payloads (`{"kind":"Pod","type":
//! "ADDED","items":[...]}`) into a simulated watch client; `k8s.pod.name` and the
//! other `k8s.*` fields fall back to it when a container carries no
//! `io.kubernetes.*` labels. Only the parts those fields read are kept: names, ids,
//! namespaces, labels, selectors, and the container ids of each pod.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde_json::Value;

/// One Kubernetes object (pod, namespace, service, controller, deployment...).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct K8sObject {
    /// Name.
    pub name: String,
    /// Uid.
    pub uid: String,
    /// Namespace (empty for namespaces and nodes).
    pub namespace: String,
    /// Labels, sorted by key.
    pub labels: BTreeMap<String, String>,
    /// Label selector (services, controllers, deployments).
    pub selector: BTreeMap<String, String>,
    /// Container ids (pods only), reported length.
    pub container_ids: Vec<String>,
}

impl K8sObject {
    /// True if `pod` is selected by this object's non-empty selector in the same
    /// namespace.
    pub fn selects(&self, pod: &K8sObject) -> bool {
        !self.selector.is_empty()
            && self.namespace == pod.namespace
            && self.selector.iter().all(|(k, v)| pod.labels.get(k) == Some(v))
    }
}

/// Kinds of objects tracked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum K8sKind {
    /// Namespace.
    Namespace,
    /// Pod.
    Pod,
    /// ReplicationController.
    ReplicationController,
    /// ReplicaSet.
    ReplicaSet,
    /// Service.
    Service,
    /// Deployment.
    Deployment,
    /// Node.
    Node,
    /// DaemonSet.
    DaemonSet,
}

impl K8sKind {
    fn from_name(s: &str) -> Option<K8sKind> {
        Some(match s {
            "Namespace" => K8sKind::Namespace,
            "Pod" => K8sKind::Pod,
            "ReplicationController" => K8sKind::ReplicationController,
            "ReplicaSet" => K8sKind::ReplicaSet,
            "Service" => K8sKind::Service,
            "Deployment" => K8sKind::Deployment,
            "Node" => K8sKind::Node,
            "DaemonSet" => K8sKind::DaemonSet,
            _ => return None,
        })
    }
}

/// The Kubernetes objects seen so far.
#[derive(Clone, Debug, Default)]
pub struct K8sState {
    objects: BTreeMap<K8sKind, BTreeMap<String, K8sObject>>,
    pod_by_container: FxHashMap<String, String>,
    seen: bool,
}

const CONTAINER_PREFIXES: [(&str, Option<usize>); 4] = [
    ("docker://", Some(12)),
    ("rkt://", None),
    ("containerd://", Some(12)),
    ("cri-o://", Some(12)),
];

fn string_map(v: Option<&Value>) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    if let Some(Value::Object(o)) = v {
        for (k, v) in o {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            m.insert(k.clone(), s);
        }
    }
    m
}

fn text(v: Option<&Value>) -> String {
    v.and_then(Value::as_str).unwrap_or_default().to_string()
}

impl K8sState {
    /// True once a `k8s` event was seen (sysdig then has a k8s client).
    pub fn is_active(&self) -> bool {
        self.seen
    }

    /// Applies one `k8s` event payload. Payloads that are not JSON objects of a
    /// known kind change nothing.
    pub(crate) fn apply(&mut self, json: &[u8]) {
        self.seen = true;
        let json = crate::threads::cstr(json);
        let Ok(root) = serde_json::from_slice::<Value>(json) else { return };
        let Some(kind) = root.get("kind").and_then(Value::as_str).and_then(K8sKind::from_name)
        else {
            return;
        };
        let op = root.get("type").and_then(Value::as_str).unwrap_or("");
        let items: Vec<&Value> = match (root.get("items"), root.get("object")) {
            (Some(Value::Array(a)), _) => a.iter().collect(),
            (_, Some(o @ Value::Object(_))) => vec![o],
            _ => return,
        };
        for item in items {
            let obj = Self::object_from(kind, item);
            let map = self.objects.entry(kind).or_default();
            match op {
                "ADDED" | "MODIFIED" => {
                    map.insert(obj.uid.clone(), obj);
                }
                "DELETED" => {
                    map.remove(&obj.uid);
                }
                _ => {}
            }
        }
        if kind == K8sKind::Pod {
            self.reindex_pods();
        }
    }

    fn object_from(kind: K8sKind, item: &Value) -> K8sObject {
        let meta = item.get("metadata");
        let get = |k: &str| item.get(k).or_else(|| meta.and_then(|m| m.get(k)));
        let mut o = K8sObject {
            name: text(get("name")),
            uid: text(get("uid")),
            namespace: text(get("namespace")),
            labels: string_map(get("labels")),
            selector: string_map(item.get("selector")),
            container_ids: Vec::new(),
        };
        if kind == K8sKind::Pod {
            for key in ["containerStatuses", "initContainerStatuses"] {
                if let Some(Value::Array(cs)) = item.get(key) {
                    for c in cs {
                        if let Some(id) = c.get("containerID").and_then(Value::as_str) {
                            o.container_ids.push(id.to_string());
                        }
                    }
                }
            }
        }
        o
    }

    fn reindex_pods(&mut self) {
        self.pod_by_container.clear();
        let Some(pods) = self.objects.get(&K8sKind::Pod) else { return };
        for (uid, pod) in pods {
            for id in &pod.container_ids {
                for (prefix, len) in CONTAINER_PREFIXES {
                    if let Some(rest) = id.strip_prefix(prefix) {
                        let short = match len {
                            Some(n) => rest.get(..n).unwrap_or(rest),
                            None => rest,
                        };
                        self.pod_by_container.entry(short.to_string()).or_insert(uid.clone());
                        break;
                    }
                }
            }
        }
    }

    /// The pod running container `container_id`.
    pub fn pod_for_container(&self, container_id: &str) -> Option<&K8sObject> {
        let uid = self.pod_by_container.get(container_id)?;
        self.objects.get(&K8sKind::Pod)?.get(uid)
    }

    /// The namespace called `name`.
    pub fn namespace(&self, name: &str) -> Option<&K8sObject> {
        self.objects.get(&K8sKind::Namespace)?.values().find(|n| n.name == name)
    }

    /// Objects of `kind`, ordered by uid.
    pub fn objects(&self, kind: K8sKind) -> impl Iterator<Item = &K8sObject> {
        self.objects.get(&kind).into_iter().flat_map(|m| m.values())
    }

    /// Objects of `kind` whose selector selects `pod`.
    pub fn selecting<'a>(
        &'a self,
        kind: K8sKind,
        pod: &'a K8sObject,
    ) -> impl Iterator<Item = &'a K8sObject> + 'a {
        self.objects(kind).filter(move |o| o.selects(pod))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pods_by_container_id() {
        let mut k = K8sState::default();
        k.apply(br#"{"apiVersion":"v1","items":[{"containerStatuses":[{"containerID":"docker://730a6f492270921c8cf91d8c8c7c125ebb94a4749e0d4c753b1dc1cd42d84025"}],"labels":{"app":"critical-app","role":"backend"},"name":"backend-1440326531-csj02","namespace":"critical-app","uid":"d52db280"}],"kind":"Pod","type":"ADDED"}"#);
        k.apply(br#"{"apiVersion":"v1","items":[{"clusterIP":"10.3.0.214","name":"backend","namespace":"critical-app","selector":{"app":"critical-app","role":"backend"},"uid":"s1"}],"kind":"Service","type":"ADDED"}"#);
        let p = k.pod_for_container("730a6f492270").unwrap();
        assert_eq!(p.name, "backend-1440326531-csj02");
        assert_eq!(k.selecting(K8sKind::Service, p).count(), 1);
        k.apply(br#"{"items":[{"uid":"d52db280","name":"x"}],"kind":"Pod","type":"DELETED"}"#);
        assert!(k.pod_for_container("730a6f492270").is_none());
        assert!(k.is_active());
    }
}
