use scap::table::ids::*;

use crate::testutil::{Ev, Harness, Val, ev, pl_thread};
use crate::thread_flags as tf;

/// A clone v20 exit of thread `tid` returning `res`.
#[expect(clippy::too_many_arguments, reason = "mirrors the event's parameters")]
fn clone20(
    tid: i64,
    res: i64,
    ctid: i64,
    pid: i64,
    ptid: i64,
    comm: &str,
    flags: u32,
    vtid: i64,
    vpid: i64,
) -> Ev {
    ev(SYSCALL_CLONE_20_X, tid)
        .p("res", res)
        .p("exe", comm)
        .p("args", Val::Raw(vec![]))
        .p("tid", ctid)
        .p("pid", pid)
        .p("ptid", ptid)
        .p("cwd", "")
        .p("fdlimit", 1024)
        .p("pgft_maj", 0)
        .p("pgft_min", 0)
        .p("vm_size", 0)
        .p("vm_rss", 0)
        .p("vm_swap", 0)
        .p("comm", comm)
        .p("cgroups", Val::Raw(b"cpuset=/\0".to_vec()))
        .p("flags", flags as i64)
        .p("uid", 0)
        .p("gid", 0)
        .p("vtid", vtid)
        .p("vpid", vpid)
}

fn execve16(tid: i64, comm: &str) -> Ev {
    ev(SYSCALL_EXECVE_16_X, tid)
        .p("res", 0)
        .p("exe", comm)
        .p("args", Val::Raw(b"a\0".to_vec()))
        .p("tid", tid)
        .p("pid", tid)
        .p("ptid", 1)
        .p("cwd", "/")
        .p("fdlimit", 1024)
        .p("pgft_maj", 0)
        .p("pgft_min", 0)
        .p("vm_size", 0)
        .p("vm_rss", 0)
        .p("vm_swap", 0)
        .p("comm", comm)
        .p("cgroups", Val::Raw(vec![]))
        .p("env", Val::Raw(vec![]))
}

fn hyperkube() -> Harness {
    let mut meta = scap::Metadata::default();
    let mut main = pl_thread(3855, 3855, "hyperkube");
    main.cwd = b"/srv".to_vec();
    main.fds.push(scap::FdEntry {
        fd: 12,
        ino: 0,
        info: scap::FdInfo::Named { fd_type: scap::fd_type::FILE, name: b"/dev/null".to_vec() },
    });
    let mut thr = pl_thread(3932, 3855, "hyperkube");
    thr.flags = tf::CLONE_THREAD | tf::CLONE_FILES;
    meta.threads = vec![main, thr];
    Harness::new(&meta)
}

#[test]
fn parent_side_clone_creates_the_child() {
    // Examples 18–20: the child exists before the line prints; ptid is the calling
    // thread; the fd table is copied from the process.
    let mut h = hyperkube();
    assert_eq!(h.engine.threads().get(3855).unwrap().nchilds(), 1);
    let l = h.run(clone20(3932, 22371, 3932, 3855, 3855, "hyperkube", 0, 3932, 3855));
    assert!(l.starts_with("hyperkube (3932) < clone res=22371(hyperkube) "), "{l}");
    let c = h.engine.threads().get(22371).unwrap();
    assert_eq!((c.pid(), c.ptid()), (22371, 3932));
    assert_eq!(h.engine.threads().cwd(c), b"/srv/");
    h.run(ev(SYSCALL_DUP_E, 22371).p("fd", 12));
    assert_eq!(
        h.run(ev(SYSCALL_DUP_X, 22371).p("res", 0)),
        "hyperkube (22371) < dup res=0(<f>/dev/null) "
    );
    // The child side finds the entry and changes nothing.
    h.run(clone20(22371, 0, 22371, 22371, 3932, "hyperkube", 0, 22371, 22371));
    assert_eq!(h.engine.threads().get(22371).unwrap().ptid(), 3932);
}

#[test]
fn execve_renames_and_procexit_removes_one_event_later() {
    // Examples 21–23.
    let mut h = hyperkube();
    h.run(clone20(3932, 22371, 3932, 3855, 3855, "hyperkube", 0, 3932, 3855));
    assert_eq!(h.run(ev(SYSCALL_EXECVE_16_E, 22371)), "hyperkube (22371) > execve ");
    let l = h.run(execve16(22371, "nsenter"));
    assert!(
        l.starts_with("nsenter (22371) < execve res=0 exe=nsenter args=a. tid=22371(nsenter) "),
        "{l}"
    );
    assert_eq!(
        h.run(ev(PROCEXIT_1_E, 22371).p("status", 0)),
        "nsenter (22371) > procexit status=0 "
    );
    let l = h.run(ev(SCHEDSWITCH_6_E, 22371).p("next", 3932));
    assert!(l.starts_with("<NA> (22371) > switch next=3932(hyperkube) "), "{l}");
    let l = h.run(ev(SIGNALDELIVER_E, 3932).p("spid", 22371).p("dpid", 3932).p("sig", 17));
    assert_eq!(
        l,
        "hyperkube (3932) > signaldeliver spid=22371 dpid=3932(hyperkube) sig=17(SIGCHLD) "
    );
}

#[test]
fn clone_inside_a_pid_namespace() {
    // Examples 9–11: the parent side names namespaced ids and creates nothing; the
    // child side creates the process with its vtid.
    let mut meta = scap::Metadata::default();
    meta.threads.push(pl_thread(14330, 14330, "bash"));
    let mut h = Harness::new(&meta);
    let l = h.run(clone20(14330, 12, 14330, 14330, 1, "bash", tf::CHILD_IN_PIDNS, 1, 1));
    assert!(l.contains("res=12 "), "{l}");
    assert!(h.engine.threads().get(12).is_none());
    let l = h.run(clone20(22369, 0, 22369, 22369, 14330, "bash", tf::CHILD_IN_PIDNS, 12, 12));
    assert!(l.starts_with("bash (22369) < clone res=0 "), "{l}");
    let c = h.engine.threads().get(22369).unwrap();
    assert_eq!((c.vtid(), c.ptid(), c.flags() & tf::CLONE_INVERTED != 0), (12, 14330, true));
    // A thread child: pid from the event, shared table.
    h.run(clone20(
        22370,
        0,
        22370,
        22369,
        14330,
        "curl",
        tf::CHILD_IN_PIDNS | tf::CLONE_THREAD | tf::CLONE_FILES,
        13,
        12,
    ));
    let t = h.engine.threads().get(22370).unwrap();
    assert_eq!((t.pid(), t.vtid()), (22369, 13));
    assert_eq!(h.engine.threads().get(22369).unwrap().nchilds(), 1);
}

#[test]
fn inverted_clone_without_parent_recreates_a_placeholder() {
    // Examples 46–47.
    let mut h = Harness::new(&scap::Metadata::default());
    let l =
        h.run(clone20(843, 0, 843, 842, 774, "curl", tf::CLONE_THREAD | tf::CLONE_FILES, 843, 842));
    assert!(l.starts_with("curl (843) < clone res=0 "), "{l}");
    let p = h.engine.threads().get(842).unwrap();
    assert_eq!((p.comm(), p.ptid()), (&b"curl"[..], -1));
    assert_eq!(h.engine.threads().get(843).unwrap().ptid(), 842);
}

#[test]
fn placeholders_and_execve_ptid_patch() {
    // Examples 28–30 and 33.
    let mut h = Harness::new(&scap::Metadata::default());
    assert_eq!(h.run(ev(SYSCALL_OPEN_E, 16518)), "<NA> (16518) > open ");
    let mut e = execve16(20072, "cat");
    e = e.ts(5);
    h.run(e);
    let t = h.engine.threads().get(20072).unwrap();
    assert_eq!((t.comm(), t.ptid(), t.uid(), t.vtid()), (&b"cat"[..], 1, u32::MAX, -1));
    assert_eq!(h.engine.threads().cwd(t), b"");
}

#[test]
fn setuid_needs_its_enter_and_chdir_updates_the_main_cwd() {
    let mut meta = scap::Metadata::default();
    meta.threads.push(pl_thread(10, 10, "sh"));
    let mut t = pl_thread(11, 10, "sh");
    t.flags = tf::CLONE_THREAD | tf::CLONE_FILES;
    meta.threads.push(t);
    let mut h = Harness::new(&meta);
    h.run(ev(SYSCALL_SETUID_X, 11).p("res", 0));
    assert_eq!(h.engine.threads().get(11).unwrap().uid(), 0);
    h.run(ev(SYSCALL_SETUID_E, 11).p("uid", 1000));
    h.run(ev(SYSCALL_SETUID_X, 11).p("res", 0));
    assert_eq!(h.engine.threads().get(11).unwrap().uid(), 1000);
    assert_eq!(h.engine.threads().get(10).unwrap().uid(), 0);
    h.run(ev(SYSCALL_CHDIR_E, 11));
    h.run(ev(SYSCALL_CHDIR_X, 11).p("res", 0).p("path", "tmp/../var"));
    let t = h.engine.threads().get(11).unwrap();
    assert_eq!(h.engine.threads().cwd(t), b"/var/");
    assert_eq!(
        h.run(ev(SYSCALL_STAT_X, 11).p("res", 0).p("path", "log")),
        "sh (11) < stat res=0 path=log(/var/log) "
    );
}
