//! `k8s.*`: from the container's `io.kubernetes.*` labels first, then from the
//! Kubernetes state built from the capture's k8s events.

use std::collections::BTreeMap;

use engine::{K8sKind, K8sObject};

use super::{FieldArg, FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

/// `key:value` items joined by `, ` (`key` alone for an empty value), skipping
/// `annotation.*` and `io.kubernetes.*` when `container_labels`.
fn push_labels(buf: &mut Vec<u8>, labels: &BTreeMap<String, String>, container_labels: bool) {
    for (k, v) in labels {
        if container_labels && (k.starts_with("annotation.") || k.starts_with("io.kubernetes.")) {
            continue;
        }
        if !buf.is_empty() {
            buf.extend_from_slice(b", ");
        }
        buf.extend_from_slice(k.as_bytes());
        if !v.is_empty() {
            buf.push(b':');
            buf.extend_from_slice(v.as_bytes());
        }
    }
}

fn label_key(f: &FieldRef) -> Option<&str> {
    match &f.arg {
        FieldArg::Key(k) => Some(k),
        _ => None,
    }
}

/// Extracts a `k8s.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(t) = cx.thread() else { return };
    let engine = cx.ctx.engine();
    if !t.container_id().is_empty()
        && let Some(c) = cx.ctx.container()
        && !c.labels.is_empty()
    {
        let label = |k: &str| c.labels.get(k).map(String::as_bytes);
        match f.id {
            FieldId::K8sPodName | FieldId::K8sNsName | FieldId::K8sPodId => {
                let key = match f.id {
                    FieldId::K8sPodName => "io.kubernetes.pod.name",
                    FieldId::K8sNsName => "io.kubernetes.pod.namespace",
                    _ => "io.kubernetes.pod.uid",
                };
                if let Some(v) = label(key) {
                    sink(Value::Str(v));
                    return;
                }
            }
            FieldId::K8sPodLabel | FieldId::K8sPodLabels => {
                if let Some(sandbox) = c.labels.get("io.kubernetes.sandbox.id") {
                    let short = sandbox.get(..12).unwrap_or(sandbox);
                    if let Some(sc) = engine.containers().get(short)
                        && !sc.labels.is_empty()
                    {
                        if f.id == FieldId::K8sPodLabels {
                            push_labels(buf, &sc.labels, true);
                            sink(Value::Str(buf));
                            return;
                        }
                        if let Some(v) = label_key(f).and_then(|k| sc.labels.get(k)) {
                            sink(Value::Str(v.as_bytes()));
                            return;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let k8s = engine.k8s();
    if !k8s.is_active() || t.container_id().is_empty() {
        return;
    }
    let Some(pod) = k8s.pod_for_container(t.container_id()) else { return };
    let one = |kind| k8s.selecting(kind, pod).next();
    let obj_field = |o: Option<&K8sObject>, what: u8, buf: &mut Vec<u8>, sink: Sink<'_>| {
        let Some(o) = o else { return };
        match what {
            0 => {
                sink(Value::Str(o.name.as_bytes()));
            }
            1 => {
                sink(Value::Str(o.uid.as_bytes()));
            }
            2 => {
                if let Some(v) = label_key(f).and_then(|k| o.labels.get(k)) {
                    sink(Value::Str(v.as_bytes()));
                }
            }
            _ => {
                push_labels(buf, &o.labels, false);
                sink(Value::Str(buf));
            }
        }
    };
    use FieldId::*;
    match f.id {
        K8sPodName => obj_field(Some(pod), 0, buf, sink),
        K8sPodId => obj_field(Some(pod), 1, buf, sink),
        K8sPodLabel => obj_field(Some(pod), 2, buf, sink),
        K8sPodLabels => obj_field(Some(pod), 3, buf, sink),
        K8sNsName => {
            sink(Value::Str(pod.namespace.as_bytes()));
        }
        K8sNsId => obj_field(k8s.namespace(&pod.namespace), 1, buf, sink),
        K8sNsLabel => obj_field(k8s.namespace(&pod.namespace), 2, buf, sink),
        K8sNsLabels => obj_field(k8s.namespace(&pod.namespace), 3, buf, sink),
        K8sRcName => obj_field(one(K8sKind::ReplicationController), 0, buf, sink),
        K8sRcId => obj_field(one(K8sKind::ReplicationController), 1, buf, sink),
        K8sRcLabel => obj_field(one(K8sKind::ReplicationController), 2, buf, sink),
        K8sRcLabels => obj_field(one(K8sKind::ReplicationController), 3, buf, sink),
        K8sRsName => obj_field(one(K8sKind::ReplicaSet), 0, buf, sink),
        K8sRsId => obj_field(one(K8sKind::ReplicaSet), 1, buf, sink),
        K8sRsLabel => obj_field(one(K8sKind::ReplicaSet), 2, buf, sink),
        K8sRsLabels => obj_field(one(K8sKind::ReplicaSet), 3, buf, sink),
        K8sDeploymentName => obj_field(one(K8sKind::Deployment), 0, buf, sink),
        K8sDeploymentId => obj_field(one(K8sKind::Deployment), 1, buf, sink),
        K8sDeploymentLabel => obj_field(one(K8sKind::Deployment), 2, buf, sink),
        K8sDeploymentLabels => obj_field(one(K8sKind::Deployment), 3, buf, sink),
        K8sSvcName | K8sSvcId | K8sSvcLabel | K8sSvcLabels => {
            let mut any = false;
            for svc in k8s.selecting(K8sKind::Service, pod) {
                let text: Option<&[u8]> = match f.id {
                    K8sSvcName => Some(svc.name.as_bytes()),
                    K8sSvcId => Some(svc.uid.as_bytes()),
                    K8sSvcLabel => {
                        label_key(f).and_then(|k| svc.labels.get(k)).map(|v| v.as_bytes())
                    }
                    _ => None,
                };
                if f.id == K8sSvcLabels {
                    push_labels(buf, &svc.labels, false);
                    any = true;
                } else if let Some(text) = text {
                    if any {
                        buf.extend_from_slice(b", ");
                    }
                    buf.extend_from_slice(text);
                    any = true;
                }
            }
            if any {
                sink(Value::Str(buf));
            }
        }
        _ => {}
    }
}
