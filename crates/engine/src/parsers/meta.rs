//! Meta events: container metadata (228, 272, 324) and Kubernetes state (260).

use std::sync::Arc;

use scap::Event;

use super::{p_u64, param};
use crate::containers::{Container, ContainerType};
use crate::engine::{Engine, Hidden};
use crate::threads::{Thread, bytes_of, cstr};

/// Old `container` event (228): id, type, name, image.
pub(crate) fn container_old(e: &mut Engine, ev: &Event<'_>) {
    e.cgroups_memo.clear();
    let text = |i| String::from_utf8_lossy(cstr(param(ev, i).unwrap_or_default())).into_owned();
    let kind = ContainerType::from_code(p_u64(ev, 1).unwrap_or(0) as u32);
    let mut c = Container::new(&text(0), kind);
    c.name = text(2);
    c.image = text(3);
    e.containers.add(c);
}

/// Container JSON events: the container is stored even when its lookup did not
/// succeed, but the event is then hidden. The event gets a synthetic thread.
///
/// Divergence: sysdig aborts on invalid JSON; sysray hides the event and keeps
/// going.
pub(crate) fn container_json(e: &mut Engine, ev: &Event<'_>) {
    e.cgroups_memo.clear();
    let json = cstr(param(ev, 0).unwrap_or_default());
    let Ok(c) = Container::from_json(json) else {
        e.cur.hidden = Some(Hidden::IncompleteContainer);
        return;
    };
    if !c.is_successful() {
        e.cur.hidden = Some(Hidden::IncompleteContainer);
    }
    let mut t = Thread::blank(-1);
    t.pid = -1;
    t.vtid = -2;
    t.vpid = -2;
    let mut comm = b"container:".to_vec();
    comm.extend_from_slice(c.id.as_bytes());
    t.comm = bytes_of(&comm);
    t.container_id = Arc::from(c.id.as_str());
    e.containers.add(c);
    e.cur.synthetic = Some(Box::new(t));
}

/// `k8s` events feed the Kubernetes state.
pub(crate) fn k8s(e: &mut Engine, ev: &Event<'_>) {
    e.k8s.apply(param(ev, 0).unwrap_or_default());
}
