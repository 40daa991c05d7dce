use scap::table::ids::*;

use crate::Hidden;
use crate::testutil::{Harness, ev, pl_thread};

const ID64: &str = "b3a718d8b3397b08d58aa2b406db332c28b01e99f46ff23007243f53c266fe2f";

fn json(id: &str, name: &str, extra: &str) -> String {
    format!(r#"{{"container":{{"id":"{id}","name":"{name}","type":0{extra}}}}}"#)
}

#[test]
fn leading_container_events_build_the_table_before_the_import() {
    // Examples 1, 4 and 6.3 P3.
    let mut meta = scap::Metadata::default();
    let mut t = pl_thread(3365, 3365, "etcd");
    t.cgroups = format!("cpuset=/docker/{ID64}\0").into_bytes();
    t.vtid = 11;
    meta.threads.push(t);
    let mut h = Harness::new(&meta);
    let (out, _) = h.line(
        ev(CONTAINER_JSON_E, 0).ts(0).p("json", json("b3a718d8b339", "k8s-etcd", "").as_str()),
    );
    assert_eq!((out.num, out.hidden), (1, Some(Hidden::LeadingContainer)));
    let (out, _) = h.line(ev(SYSCALL_FUTEX_X, 3365).p("res", 0));
    assert_eq!(out.num, 2);
    assert!(out.is_shown(false));
    let t = h.engine.threads().get(3365).unwrap();
    assert_eq!(t.container_id(), "b3a718d8b339");
    assert_eq!(h.engine.containers().get("b3a718d8b339").unwrap().name, "k8s-etcd");
    // A later container event is shown, with its synthetic thread.
    let (out, l) =
        h.line(ev(CONTAINER_JSON_E, 0).ts(0).p("json", json("f1aaeb3ab367", "web", "").as_str()));
    assert!(out.is_shown(false));
    assert!(l.starts_with("container:f1aaeb3ab367 (0) > container json="), "{l}");
    // One whose lookup did not finish is hidden but stored.
    let (out, _) = h.line(
        ev(CONTAINER_JSON_E, 0)
            .p("json", json("aaaaaaaaaaaa", "x", r#","lookup_state":0"#).as_str()),
    );
    assert_eq!(out.hidden, Some(Hidden::IncompleteContainer));
    assert!(h.engine.containers().get("aaaaaaaaaaaa").is_some());
}

#[test]
fn internal_events_are_numbered_but_hidden() {
    // Example 57 and §1.5: procinfo is internal; newer event types are skipped.
    let mut h = Harness::new(&scap::Metadata::default());
    let (out, _) = h.line(ev(PROCINFO_E, 1).p("cpu_usr", 0).p("cpu_sys", 0));
    assert_eq!((out.num, out.hidden), (1, Some(Hidden::Internal)));
    assert!(out.counts() && !out.is_shown(false) && out.is_shown(true));
    let (out, _) = h.line(ev(USER_ADDED_E, 1));
    assert!(out.skipped);
    let (out, _) = h.line(ev(SYSCALL_OPEN_E, 1));
    assert_eq!(out.num, 2);
}

#[test]
fn k8s_events_name_pods_of_containers() {
    // Example 5: pod names come from the k8s state when containers have no labels.
    let mut h = Harness::new(&scap::Metadata::default());
    let pod = format!(
        r#"{{"apiVersion":"v1","items":[{{"containerStatuses":[{{"containerID":"docker://{ID64}"}}],"labels":{{}},"name":"client","namespace":"critical-app","uid":"u1"}}],"kind":"Pod","type":"ADDED"}}"#
    );
    let (out, _) = h.line(ev(K8S_E, 0).p("json", pod.as_str()));
    assert_eq!(out.hidden, Some(Hidden::Internal));
    assert_eq!(h.engine.k8s().pod_for_container("b3a718d8b339").unwrap().name, "client");
}

#[test]
fn filtered_enter_is_not_parsed_and_unpairs_its_exit() {
    // Example 27 and §1.6: a rejected non-state event is not parsed (no memory
    // counters), and its exit loses the enter; state-changing events always apply.
    use crate::testutil::Val;
    let mut meta = scap::Metadata::default();
    meta.threads.push(pl_thread(5, 5, "curl"));
    let mut h = Harness::new(&meta);
    let mut reject_all = |_: &crate::EventCtx<'_>| false;
    let mmap =
        ev(SYSCALL_MMAP_X, 5).p("res", 0).p("vm_size", 480).p("vm_rss", 4).p("vm_swap", 0).build();
    let out = h.engine.process(&mmap.as_event(), Some(&mut reject_all));
    assert!(out.filtered_out);
    assert_eq!(h.engine.threads().get(5).unwrap().vmsize_kb(), 0);
    // Without a filter it is parsed.
    h.engine.process(&mmap.as_event(), None);
    assert_eq!(h.engine.threads().get(5).unwrap().vmsize_kb(), 480);
    // A rejected read enter unpairs the read exit: no fd attached.
    let open = ev(SYSCALL_OPEN_X, 5).p("fd", 3).p("name", "/x").p("flags", 1).p("mode", 0).build();
    let out = h.engine.process(&open.as_event(), Some(&mut reject_all));
    assert!(out.filtered_out);
    let t = h.engine.threads().get(5).unwrap();
    assert!(h.engine.threads().fd(t, 3).is_some(), "state-changing events are parsed first");
    let read_e = ev(SYSCALL_READ_E, 5).p("fd", 3).p("size", 1).build();
    h.engine.process(&read_e.as_event(), Some(&mut reject_all));
    let read_x = ev(SYSCALL_READ_X, 5).p("res", 1).p("data", Val::Raw(b"x".to_vec())).build();
    let ev_x = read_x.as_event();
    h.engine.process(&ev_x, None);
    assert!(h.engine.ctx(&ev_x).fd().is_none());
}
