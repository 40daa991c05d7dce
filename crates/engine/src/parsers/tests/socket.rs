use scap::table::ids::*;
use scap::{FdEntry, FdInfo, Interface};

use crate::testutil::{Harness, Val, addr4, ev, mapped, pl_thread, tuple_unix, tuple4, tuple6};

fn iface(name: &str, addr: [u8; 4], netmask: [u8; 4]) -> Interface {
    Interface::V4 { name: name.as_bytes().to_vec(), addr, netmask, bcast: [0; 4], linkspeed: None }
}

fn host() -> Harness {
    let mut meta = scap::Metadata::default();
    meta.threads.push(pl_thread(100, 100, "curl"));
    Harness::new(&meta)
}

#[test]
fn socket_then_connect() {
    // Examples 36 and 38: no proto char until a role exists.
    let mut h = host();
    h.run(ev(SOCKET_SOCKET_E, 100).p("domain", 10).p("type", 2).p("proto", 0));
    assert_eq!(h.run(ev(SOCKET_SOCKET_X, 100).p("fd", 4)), "curl (100) < socket fd=4(<6>) ");
    let s: [u8; 16] = [
        0x26, 0, 0x1f, 0x18, 0x26, 0x2c, 0x65, 0x42, 0x9a, 0xa6, 0xdf, 0x7a, 0x9a, 0x47, 0xd2, 0x9e,
    ];
    let d: [u8; 16] = [0x20, 0x01, 0x48, 0x60, 0x48, 0x60, 0, 0, 0, 0, 0, 0, 0, 0, 0x88, 0x88];
    h.run(ev(SOCKET_CONNECT_E, 100).p("fd", 4));
    h.run(ev(SOCKET_CONNECT_X, 100).p("res", 0).p("tuple", tuple6(s, 40251, d, 53)));
    let l =
        h.run(ev(SOCKET_SENDTO_E, 100).p("fd", 4).p("size", 32).p("tuple", Val::Raw(Vec::new())));
    assert_eq!(
        l,
        "curl (100) > sendto fd=4(<6u>2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:40251->2001:4860:4860::8888:53) size=32 tuple=NULL "
    );
}

#[test]
fn unix_connect_failure_and_success() {
    // Example 37 and 6.3 P4.
    for (res, want) in [
        (-2, "curl (100) > close fd=4(<u>) "),
        (0, "curl (100) > close fd=4(<u>0->ffff88003c420800 /var/run/nscd/socket) "),
    ] {
        let mut h = host();
        h.run(ev(SOCKET_SOCKET_E, 100).p("domain", 1).p("type", 1).p("proto", 0));
        h.run(ev(SOCKET_SOCKET_X, 100).p("fd", 4));
        h.run(ev(SOCKET_CONNECT_E, 100).p("fd", 4));
        h.run(
            ev(SOCKET_CONNECT_X, 100)
                .p("res", res)
                .p("tuple", tuple_unix(0, 0xffff88003c420800, "/var/run/nscd/socket")),
        );
        assert_eq!(h.run(ev(SYSCALL_CLOSE_E, 100).p("fd", 4)), want);
    }
}

#[test]
fn bind_listen_accept() {
    // Examples 42 and 43.
    let mut h = host();
    h.run(ev(SOCKET_SOCKET_E, 100).p("domain", 2).p("type", 1).p("proto", 0));
    h.run(ev(SOCKET_SOCKET_X, 100).p("fd", 3));
    h.run(ev(SOCKET_BIND_E, 100).p("fd", 3));
    assert_eq!(
        h.run(ev(SOCKET_BIND_X, 100).p("res", 0).p("addr", addr4([0; 4], 8080))),
        "curl (100) < bind res=0 addr=0.0.0.0:8080 "
    );
    assert_eq!(
        h.run(ev(SOCKET_LISTEN_E, 100).p("fd", 3).p("backlog", 5)),
        "curl (100) > listen fd=3(<4t>0.0.0.0:8080) backlog=5 "
    );
    let t = tuple4([127, 0, 0, 1], 40556, [127, 0, 0, 1], 8080);
    let l = h.run(
        ev(SOCKET_ACCEPT_5_X, 100)
            .p("fd", 4)
            .p("tuple", t)
            .p("queuepct", 0)
            .p("queuelen", 0)
            .p("queuemax", 5),
    );
    assert_eq!(
        l,
        "curl (100) < accept fd=4(<4t>127.0.0.1:40556->127.0.0.1:8080) tuple=127.0.0.1:40556->127.0.0.1:8080 queuepct=0 queuelen=0 queuemax=5 "
    );
    let t = h.engine.threads().get(100).unwrap();
    assert!(h.engine.threads().fd(t, 4).unwrap().is_role_server());
}

fn skydns() -> Harness {
    let mut meta = scap::Metadata {
        interfaces: vec![
            iface("lo", [127, 0, 0, 1], [255, 0, 0, 0]),
            iface("eth0", [10, 0, 2, 15], [255, 255, 255, 0]),
            iface("docker0", [172, 17, 0, 1], [255, 255, 0, 0]),
        ],
        ..Default::default()
    };
    let mut main = pl_thread(4617, 4617, "skydns");
    main.fds.push(FdEntry {
        fd: 6,
        ino: 0,
        info: FdInfo::Ipv6Server { ip: [0; 16], port: 53, l4proto: 2 },
    });
    let mut thread = pl_thread(17280, 4617, "skydns");
    thread.flags = crate::thread_flags::CLONE_THREAD | crate::thread_flags::CLONE_FILES;
    meta.threads = vec![main, thread];
    Harness::new(&meta)
}

#[test]
fn datagram_rewrite_worked_example_1() {
    // Examples 12–17 (state-engine.md §3.9, worked example 1).
    let mut h = skydns();
    let recv = tuple6(mapped([172, 17, 0, 7]), 46162, [0; 16], 53);
    // The thread's first event is an unpaired exit: no rewrite.
    h.run(
        ev(SOCKET_RECVMSG_X, 17280)
            .p("res", 87)
            .p("size", 87)
            .p("data", Val::Raw(vec![]))
            .p("tuple", recv),
    );
    assert_eq!(
        h.run(ev(SOCKET_RECVMSG_E, 17280).p("fd", 6)),
        "skydns (17280) > recvmsg fd=6(<6t>:::53) "
    );
    let recv = tuple6(mapped([172, 17, 0, 7]), 46162, [0; 16], 53);
    h.run(
        ev(SOCKET_RECVMSG_X, 17280)
            .p("res", 87)
            .p("size", 87)
            .p("data", Val::Raw(vec![]))
            .p("tuple", recv),
    );
    assert_eq!(
        h.run(ev(SOCKET_RECVMSG_E, 17280).p("fd", 6)),
        "skydns (17280) > recvmsg fd=6(<4u>172.17.0.7:46162->172.17.0.1:53) "
    );
    // Another thread of the process sees the same entry; its send swaps the ends.
    let send = tuple6([0; 16], 53, mapped([172, 17, 0, 7]), 46162);
    let l = h.run(ev(SOCKET_SENDMSG_E, 4617).p("fd", 6).p("size", 87).p("tuple", send));
    assert!(
        l.starts_with("skydns (4617) > sendmsg fd=6(<4u>172.17.0.7:46162->172.17.0.1:53) "),
        "{l}"
    );
    h.run(ev(SOCKET_SENDMSG_X, 4617).p("res", 87).p("data", Val::Raw(vec![])));
    let l = h.run(ev(SOCKET_SENDMSG_E, 4617).p("fd", 6).p("size", 1).p("tuple", Val::Raw(vec![])));
    assert_eq!(l, "skydns (4617) > sendmsg fd=6(<4u>172.17.0.1:53->0.0.0.0:53) size=1 tuple=NULL ");
}

#[test]
fn datagram_rewrite_worked_example_2_union_residue() {
    // Example 49: the PL scratch record leaves byte 7 = 0xff, which becomes part of
    // the destination address when the server socket turns into a connected one.
    let mut meta = scap::Metadata {
        interfaces: vec![
            iface("lo", [127, 0, 0, 1], [255, 0, 0, 0]),
            iface("wlp4s0", [192, 168, 128, 156], [255, 255, 255, 0]),
        ],
        ..Default::default()
    };
    let mut t = pl_thread(13969, 13969, "haproxy");
    t.fds.push(FdEntry {
        fd: 6,
        ino: 0,
        info: FdInfo::Unix { source: 0xffff_8edc_0541_dc00, dest: 0, path: vec![] },
    });
    t.fds.push(FdEntry {
        fd: 7,
        ino: 0,
        info: FdInfo::Named { fd_type: scap::fd_type::FIFO, name: vec![] },
    });
    t.fds.push(FdEntry {
        fd: 8,
        ino: 0,
        info: FdInfo::Ipv4Server { ip: [0; 4], port: 55441, l4proto: 3 },
    });
    meta.threads.push(t);
    let mut h = Harness::new(&meta);
    let tuple = || tuple4([0; 4], 55441, [127, 0, 0, 1], 514);
    let l = h.run(ev(SOCKET_SENDMSG_E, 13969).p("fd", 8).p("size", 199).p("tuple", tuple()));
    assert_eq!(
        l,
        "haproxy (13969) > sendmsg fd=8(<4u>0.0.0.0:55441) size=199 tuple=0.0.0.0:55441->127.0.0.1:514 "
    );
    h.run(ev(SOCKET_SENDMSG_X, 13969).p("res", 199).p("data", Val::Raw(vec![])));
    let l = h.run(ev(SOCKET_SENDMSG_E, 13969).p("fd", 8).p("size", 199).p("tuple", tuple()));
    assert!(
        l.starts_with(
            "haproxy (13969) > sendmsg fd=8(<4u>192.168.128.156:55441->145.216.3.255:514) "
        ),
        "{l}"
    );
}

#[test]
fn sendmsg_on_unknown_fd_infers_nothing_but_sendto_does() {
    // Example 34 and §3.7.
    let mut h = host();
    let l = h.run(
        ev(SOCKET_SENDMSG_E, 100)
            .p("fd", 3)
            .p("size", 64)
            .p("tuple", tuple4([0; 4], 1, [128, 32, 41, 1], 0)),
    );
    assert_eq!(l, "curl (100) > sendmsg fd=3 size=64 tuple=0.0.0.0:1->128.32.41.1:0 ");
    h.run(
        ev(SOCKET_SENDTO_E, 100)
            .p("fd", 5)
            .p("size", 64)
            .p("tuple", tuple4([0; 4], 1, [128, 32, 41, 1], 0)),
    );
    let t = h.engine.threads().get(100).unwrap();
    assert_eq!(h.engine.threads().fd(t, 5).unwrap().kind(), crate::FdKind::Ipv4Sock);
}

#[test]
fn pl_sockets_turn_towards_listening_ports() {
    // Example 45: an IPv4 socket whose source port is a listening port is swapped.
    let mut meta = scap::Metadata::default();
    let mut t = pl_thread(7019, 7019, "sshd");
    t.fds.push(FdEntry {
        fd: 3,
        ino: 0,
        info: FdInfo::Ipv4Sock {
            sip: [9, 59, 192, 11],
            dip: [9, 74, 63, 216],
            sport: 22,
            dport: 51090,
            l4proto: 2,
        },
    });
    t.fds.push(FdEntry {
        fd: 4,
        ino: 0,
        info: FdInfo::Ipv4Server { ip: [0; 4], port: 22, l4proto: 2 },
    });
    meta.threads.push(t);
    let mut h = Harness::new(&meta);
    let l = h.run(ev(SYSCALL_READ_E, 7019).p("fd", 3).p("size", 1));
    assert_eq!(l, "sshd (7019) > read fd=3(<4t>9.74.63.216:51090->9.59.192.11:22) size=1 ");
}
