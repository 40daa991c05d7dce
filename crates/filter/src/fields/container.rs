//! `container.*` from the engine's container table.

#![expect(
    clippy::collapsible_match,
    reason = "one arm per field, with its conditions inside, reads better than guards"
)]

use engine::{Container, ContainerType, Mount};

use super::{FieldArg, FieldId, FieldRef, MountSelector};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;

fn docker_compatible(t: ContainerType) -> bool {
    matches!(
        t,
        ContainerType::Docker
            | ContainerType::Cri
            | ContainerType::Containerd
            | ContainerType::CriO
    )
}

fn push_mount(buf: &mut Vec<u8>, m: &Mount) {
    buf.extend_from_slice(m.to_text().as_bytes());
}

/// The mount a `container.mount*[...]` argument selects; globs match the source,
/// except for `container.mount.source`, whose glob matches the destination.
fn select_mount<'c>(c: &'c Container, f: &FieldRef) -> Option<&'c Mount> {
    match &f.arg {
        FieldArg::Mount(MountSelector::Index(i)) => c.mounts.get(*i),
        FieldArg::Mount(MountSelector::Glob(g)) => c.mounts.iter().find(|m| {
            let key = if f.id == FieldId::ContainerMountSource { &m.dest } else { &m.source };
            g.is_match(key.as_bytes())
        }),
        _ => None,
    }
}

/// Extracts a `container.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, buf: &mut Vec<u8>, sink: Sink<'_>) {
    let Some(t) = cx.thread() else { return };
    let id = t.container_id();
    let host = id.is_empty();
    match f.id {
        FieldId::ContainerId => {
            sink(Value::Str(if host { b"host" } else { id.as_bytes() }));
            return;
        }
        FieldId::ContainerName if host => {
            sink(Value::Str(b"host"));
            return;
        }
        FieldId::ContainerType if host => {
            sink(Value::Str(b"host"));
            return;
        }
        _ if host => return,
        _ => {}
    }
    let Some(c) = cx.ctx.container() else { return };
    let non_empty = |s: &String, sink: Sink<'_>| {
        if !s.is_empty() {
            sink(Value::Str(s.as_bytes()));
        }
    };
    match f.id {
        FieldId::ContainerName => non_empty(&c.name, sink),
        FieldId::ContainerImage => non_empty(&c.image, sink),
        FieldId::ContainerImageId => non_empty(&c.image_id, sink),
        FieldId::ContainerImageRepository => non_empty(&c.image_repo, sink),
        FieldId::ContainerImageTag => non_empty(&c.image_tag, sink),
        FieldId::ContainerImageDigest => non_empty(&c.image_digest, sink),
        FieldId::ContainerType => {
            if let Some(n) = c.kind.name() {
                sink(Value::Str(n.as_bytes()));
            }
        }
        FieldId::ContainerPrivileged => {
            if docker_compatible(c.kind) {
                sink(Value::Bool(c.privileged));
            }
        }
        FieldId::ContainerMounts => {
            for (i, m) in c.mounts.iter().enumerate() {
                if i > 0 {
                    buf.push(b',');
                }
                push_mount(buf, m);
            }
            sink(Value::Str(buf));
        }
        FieldId::ContainerMount => {
            if let Some(m) = select_mount(c, f) {
                push_mount(buf, m);
                sink(Value::Str(buf));
            }
        }
        FieldId::ContainerMountSource
        | FieldId::ContainerMountDest
        | FieldId::ContainerMountMode
        | FieldId::ContainerMountRdwr
        | FieldId::ContainerMountPropagation => {
            let Some(m) = select_mount(c, f) else { return };
            let text: &[u8] = match f.id {
                FieldId::ContainerMountSource => m.source.as_bytes(),
                FieldId::ContainerMountDest => m.dest.as_bytes(),
                FieldId::ContainerMountMode => m.mode.as_bytes(),
                FieldId::ContainerMountPropagation => m.propagation.as_bytes(),
                _ => {
                    if m.rdwr {
                        b"true"
                    } else {
                        b"false"
                    }
                }
            };
            sink(Value::Str(text));
        }
        FieldId::ContainerHealthcheck
        | FieldId::ContainerLivenessProbe
        | FieldId::ContainerReadinessProbe => {
            let kind = match f.id {
                FieldId::ContainerHealthcheck => "healthcheck",
                FieldId::ContainerLivenessProbe => "liveness_probe",
                _ => "readiness_probe",
            };
            match c.health_probes.iter().find(|p| p.kind == kind) {
                Some(p) => {
                    buf.extend_from_slice(p.exe.as_bytes());
                    for a in &p.args {
                        buf.push(b' ');
                        buf.extend_from_slice(a.as_bytes());
                    }
                    sink(Value::Str(buf));
                }
                None => {
                    sink(Value::Str(b"NONE"));
                }
            }
        }
        _ => {}
    }
}
