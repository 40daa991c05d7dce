//! Parameter rendering checked against lines sysdig 0.29.3 prints for the seed
//! capture (scap-format.md §16), with synthetic events.

use scap::table::ids::*;

use crate::testutil::{Harness, Val, ev, pl_thread};

fn h() -> Harness {
    let mut meta = scap::Metadata::default();
    meta.threads.push(pl_thread(7, 7, "app"));
    meta.users.push(scap::User { uid: 0, name: b"root".to_vec(), ..Default::default() });
    Harness::new(&meta)
}

#[test]
fn flags_numbers_and_errno() {
    let mut h = h();
    let l = h.run(ev(SYSCALL_FUTEX_E, 7).p("addr", 0x2B06D70).p("op", 129).p("val", 1));
    assert_eq!(l, "app (7) > futex addr=2B06D70 op=129(FUTEX_PRIVATE_FLAG|FUTEX_WAKE) val=1 ");
    let l = h.run(ev(SOCKET_SOCKET_E, 7).p("domain", 1).p("type", 1).p("proto", 0));
    assert_eq!(l, "app (7) > socket domain=1(AF_LOCAL) type=1 proto=0 ");
    let l = h.run(ev(SYSCALL_CLONE_20_E, 7));
    assert_eq!(l, "app (7) > clone ");
    let l = h.run(ev(SYSCALL_LSEEK_E, 7).p("fd", 9).p("offset", -62).p("whence", 1));
    assert_eq!(l, "app (7) > lseek fd=9 offset=-62 whence=1(SEEK_CUR) ");
    let l = h.run(ev(SYSCALL_READ_X, 7).p("res", -11).p("data", Val::Raw(vec![])));
    assert_eq!(l, "app (7) < read res=-11(EAGAIN) data= ");
    let l = h.run(
        ev(SYSCALL_BRK_4_X, 7).p("res", 0x219C000).p("vm_size", 1).p("vm_rss", 2).p("vm_swap", 0),
    );
    assert_eq!(l, "app (7) < brk res=219C000 vm_size=1 vm_rss=2 vm_swap=0 ");
    let l = h.run(ev(SYSCALL_SIGNALFD_E, 7).p("fd", -1).p("mask", 0).p("flags", 0));
    assert_eq!(l, "app (7) > signalfd fd=-1(EPERM) mask=0 flags=0 ");
    // No name for errno 41.
    let l = h.run(ev(SYSCALL_CLOSE_X, 7).p("res", -41));
    assert_eq!(l, "app (7) < close res=-41 ");
}

#[test]
fn times_lists_sets_and_users() {
    let mut h = h();
    let l = h.run(ev(SYSCALL_NANOSLEEP_E, 7).p("interval", 500_000_000));
    assert_eq!(l, "app (7) > nanosleep interval=500000000(0.5s) ");
    let mut fds = 2u16.to_le_bytes().to_vec();
    for (fd, fl) in [(6i64, 1i16), (4, -1)] {
        fds.extend_from_slice(&fd.to_le_bytes());
        fds.extend_from_slice(&fl.to_le_bytes());
    }
    let l = h.run(ev(SYSCALL_POLL_E, 7).p("fds", Val::Raw(fds)).p("timeout", 250));
    assert_eq!(l, "app (7) > poll fds=6:?1 4:?ffffffff timeout=250 ");
    let l = h.run(
        ev(SYSCALL_PPOLL_E, 7)
            .p("fds", Val::Raw(0u16.to_le_bytes().to_vec()))
            .p("timeout", -1)
            .p("sigmask", 0),
    );
    assert_eq!(l, "app (7) > ppoll fds= timeout=none sigmask= ");
    let l = h.run(
        ev(SYSCALL_PPOLL_E, 7)
            .p("fds", Val::Raw(0u16.to_le_bytes().to_vec()))
            .p("timeout", 1)
            .p("sigmask", 0b101),
    );
    assert_eq!(l, "app (7) > ppoll fds= timeout=1(1e-09s) sigmask=SIGHUP SIGQUIT ");
    assert_eq!(h.run(ev(SYSCALL_GETUID_X, 7).p("uid", 0)), "app (7) < getuid uid=0(root) ");
    assert_eq!(h.run(ev(SYSCALL_GETUID_X, 7).p("uid", 1002)), "app (7) < getuid uid=1002(<NA>) ");
    assert_eq!(h.run(ev(SYSCALL_GETUID_X, 7).p("uid", -1)), "app (7) < getuid uid=-1(<NONE>) ");
    let l = h.run(ev(SYSCALL_KILL_E, 7).p("pid", 7).p("sig", 9));
    assert_eq!(l, "app (7) > kill pid=7(app) sig=9(SIGKILL) ");
}

#[test]
fn buffers_are_cut_and_charbufs_are_raw() {
    let mut h = h();
    let data = Val::Raw(b"HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-Etcd-Cluster-Id: 7e27652122e8b2ae".to_vec());
    let l = h.run(ev(SYSCALL_READ_X, 7).p("res", 285).p("data", data));
    assert_eq!(
        l,
        "app (7) < read res=285 data=HTTP/1.1 404 Not Found..Content-Type: application/json..X-Etcd-Cluster-Id: 7e... "
    );
    // Generic events print no info.
    assert_eq!(h.run(ev(GENERIC_X, 7).p("ID", 75)), "app (7) < mprotect ");
    assert_eq!(h.run(ev(GENERIC_E, 7).p("ID", 0).p("nativeID", 0)), "app (7) > <unknown> ");
}
