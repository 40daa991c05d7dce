//! Live capture of a workload this test runs: files, TCP and UDP on loopback,
//! clone and execve. Needs root (or CAP_BPF+CAP_PERFMON) and BTF.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use probe::LiveCapture;
use scap::OwnedEvent;
use scap::table::ids;

const FILE_PAYLOAD: &[u8] = b"hello from the sysray live test, file payload";
const TCP_REQUEST: &[u8] = b"GET /sysray-live HTTP/1.0\r\n\r\n";
const TCP_REPLY: &[u8] = b"HTTP/1.0 200 OK\r\n\r\nsysray";
const UDP_PAYLOAD: &[u8] = b"sysray udp datagram";

#[derive(Default, Debug)]
struct Facts {
    tids: Vec<u64>,
    path: String,
    file_fd: i64,
    server_port: u16,
    client_port: u16,
    client_fd: i64,
    accepted_fd: i64,
    udp_rx_port: u16,
    udp_tx_port: u16,
    child_pid: u32,
    main_tid: u64,
}

fn run_workload(facts: &Mutex<Facts>) {
    let me = gettid();
    let dir = std::env::temp_dir().join(format!("sysray-live-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("payload.txt");
    {
        let mut f = std::fs::File::create(&path).unwrap();
        f.write_all(FILE_PAYLOAD).unwrap();
        let mut fa = facts.lock().unwrap();
        fa.path = path.to_string_lossy().into_owned();
        fa.file_fd = f.as_raw_fd() as i64;
        fa.main_tid = me;
        fa.tids.push(me);
    }
    let mut back = Vec::new();
    std::fs::File::open(&path).unwrap().read_to_end(&mut back).unwrap();
    assert_eq!(back, FILE_PAYLOAD);

    // TCP: a server thread accepts and answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let server_port = listener.local_addr().unwrap().port();
    let server = std::thread::spawn(move || {
        let tid = gettid();
        let (mut conn, _) = listener.accept().unwrap();
        let mut buf = [0u8; 256];
        let n = conn.read(&mut buf).unwrap();
        assert_eq!(&buf[..n], TCP_REQUEST);
        conn.write_all(TCP_REPLY).unwrap();
        (tid, conn.as_raw_fd() as i64)
    });
    let mut client = TcpStream::connect(("127.0.0.1", server_port)).unwrap();
    client.write_all(TCP_REQUEST).unwrap();
    let mut reply = Vec::new();
    client.read_to_end(&mut reply).unwrap_or_default();
    let (server_tid, accepted_fd) = server.join().unwrap();

    // UDP between two sockets of this thread.
    let rx = UdpSocket::bind("127.0.0.1:0").unwrap();
    let tx = UdpSocket::bind("127.0.0.1:0").unwrap();
    tx.send_to(UDP_PAYLOAD, rx.local_addr().unwrap()).unwrap();
    let mut buf = [0u8; 64];
    let (n, _) = rx.recv_from(&mut buf).unwrap();
    assert_eq!(&buf[..n], UDP_PAYLOAD);

    // clone + execve.
    let child = std::process::Command::new("/bin/true").spawn().unwrap();
    let child_pid = child.id();
    let status = child.wait_with_output().unwrap().status;
    assert!(status.success());

    let mut fa = facts.lock().unwrap();
    fa.tids.push(server_tid);
    fa.server_port = server_port;
    fa.client_port = client.local_addr().unwrap().port();
    fa.client_fd = client.as_raw_fd() as i64;
    fa.accepted_fd = accepted_fd;
    fa.udp_rx_port = rx.local_addr().unwrap().port();
    fa.udp_tx_port = tx.local_addr().unwrap().port();
    fa.child_pid = child_pid;
    std::fs::remove_dir_all(&dir).unwrap();
}

fn find(events: &[OwnedEvent], etype: u16, pred: impl Fn(&OwnedEvent) -> bool) -> &OwnedEvent {
    events.iter().find(|e| e.as_event().event_type() == etype && pred(e)).unwrap_or_else(|| {
        let seen: Vec<Vec<&[u8]>> = events
            .iter()
            .filter(|e| e.as_event().event_type() == etype)
            .map(|e| e.as_event().params().collect())
            .collect();
        panic!(
            "no event of type {etype} ({:?}) matched; candidates: {seen:?}",
            scap::table::event_info(etype).map(|i| i.name)
        )
    })
}

fn tuple_v4(sip: [u8; 4], sport: u16, dip: [u8; 4], dport: u16) -> Vec<u8> {
    let mut t = vec![2u8];
    t.extend_from_slice(&sip);
    t.extend_from_slice(&sport.to_le_bytes());
    t.extend_from_slice(&dip);
    t.extend_from_slice(&dport.to_le_bytes());
    t
}

/// Runs the workload under capture; returns the facts and its events.
fn capture_workload() -> Option<(Facts, Vec<OwnedEvent>, LiveCapture)> {
    let mut cap = LiveCapture::builder().snaplen(128).exclude_self(false).build().unwrap();
    let facts = Arc::new(Mutex::new(Facts::default()));
    let done = Arc::new(AtomicBool::new(false));
    let (f2, d2) = (Arc::clone(&facts), Arc::clone(&done));
    let worker = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        run_workload(&f2);
        d2.store(true, Ordering::SeqCst);
    });
    let pid = std::process::id() as u64;
    let events = collect(
        &mut cap,
        || done.load(Ordering::SeqCst),
        Duration::from_millis(400),
        |ev| {
            // Everything of this process but the capturing thread, plus the child.
            ev.tid() != gettid() && (ev.tid() >= pid || ev.tid() == u64::MAX)
        },
    );
    worker.join().unwrap();
    let facts = Arc::try_unwrap(facts).unwrap().into_inner().unwrap();
    Some((facts, events, cap))
}

#[test]
fn live_workload_events_carry_the_right_parameters() {
    if !live_supported("live_workload_events_carry_the_right_parameters") {
        return;
    }
    let (facts, events, cap) = capture_workload().unwrap();
    let stats = cap.stats().unwrap();
    // Drops are not asserted: another process flooding the machine may fill
    // the ring; the checks below fail if any workload event was lost.
    eprintln!("capture stats: {stats:?}");
    let main = facts.main_tid;
    let of_main: Vec<OwnedEvent> =
        events.iter().filter(|e| e.as_event().tid() == main).cloned().collect();
    assert!(!of_main.is_empty(), "no events of the workload thread {main}");

    // openat of the payload file, enter and exit.
    let open_x = find(&of_main, ids::SYSCALL_OPENAT_2_X, |e| {
        param_str(e, "name").as_deref() == Some(facts.path.as_str())
            && param_i64(e, "fd") == Some(facts.file_fd)
    });
    let flags = param_i64(open_x, "flags").unwrap() as u32;
    assert_eq!(flags & 0x3, 2, "O_WRONLY in {flags:#x}");
    assert_ne!(flags & 4, 0, "O_CREAT in {flags:#x}");
    assert_eq!(param_i64(open_x, "dirfd"), Some(-100), "AT_FDCWD");
    assert_eq!(param_i64(open_x, "mode"), Some(0o666), "mode");
    find(&of_main, ids::SYSCALL_OPENAT_2_E, |e| {
        param_str(e, "name").as_deref() == Some(facts.path.as_str())
    });

    // write of the payload: enter fd/size, exit res/data.
    find(&of_main, ids::SYSCALL_WRITE_E, |e| {
        param_i64(e, "fd") == Some(facts.file_fd)
            && param_i64(e, "size") == Some(FILE_PAYLOAD.len() as i64)
    });
    find(&of_main, ids::SYSCALL_WRITE_X, |e| {
        param_i64(e, "res") == Some(FILE_PAYLOAD.len() as i64)
            && param(e, "data") == Some(FILE_PAYLOAD)
    });
    // read back.
    find(&of_main, ids::SYSCALL_READ_X, |e| param(e, "data") == Some(FILE_PAYLOAD));
    // close of the written file.
    find(&of_main, ids::SYSCALL_CLOSE_E, |e| param_i64(e, "fd") == Some(facts.file_fd));

    // TCP: connect tuple local -> remote, the request on the wire, accept.
    let lo = [127, 0, 0, 1];
    let out_tuple = tuple_v4(lo, facts.client_port, lo, facts.server_port);
    find(&of_main, ids::SOCKET_CONNECT_X, |e| {
        param(e, "tuple") == Some(&out_tuple[..]) && param_i64(e, "res") == Some(0)
    });
    find(&of_main, ids::SOCKET_CONNECT_E, |e| param_i64(e, "fd") == Some(facts.client_fd));
    find(&of_main, ids::SOCKET_SENDTO_X, |e| param(e, "data") == Some(TCP_REQUEST)).as_event();
    let server_tid = facts.tids[1];
    let of_server: Vec<OwnedEvent> =
        events.iter().filter(|e| e.as_event().tid() == server_tid).cloned().collect();
    let in_tuple = tuple_v4(lo, facts.client_port, lo, facts.server_port);
    let accept = of_server
        .iter()
        .find(|e| {
            let t = e.as_event().event_type();
            (t == ids::SOCKET_ACCEPT4_5_X || t == ids::SOCKET_ACCEPT_5_X)
                && param(e, "tuple") == Some(&in_tuple[..])
        })
        .expect("accept with the client->server tuple");
    assert_eq!(param_i64(accept, "fd"), Some(facts.accepted_fd));
    find(&of_server, ids::SOCKET_RECVFROM_X, |e| param(e, "data") == Some(TCP_REQUEST));

    // UDP: sendto enter carries the destination, recvfrom exit the source.
    let udp_out = tuple_v4(lo, facts.udp_tx_port, lo, facts.udp_rx_port);
    find(&of_main, ids::SOCKET_SENDTO_E, |e| param(e, "tuple") == Some(&udp_out[..]));
    let udp_in = tuple_v4(lo, facts.udp_tx_port, lo, facts.udp_rx_port);
    find(&of_main, ids::SOCKET_RECVFROM_X, |e| {
        param(e, "data") == Some(UDP_PAYLOAD) && param(e, "tuple") == Some(&udp_in[..])
    });

    // clone in the parent returns the child's pid; the child execs /bin/true.
    let child = facts.child_pid as i64;
    let clone_types = [
        ids::SYSCALL_CLONE_20_X,
        ids::SYSCALL_CLONE3_X,
        ids::SYSCALL_VFORK_20_X,
        ids::SYSCALL_FORK_20_X,
    ];
    let parent_clone = events
        .iter()
        .find(|e| {
            clone_types.contains(&e.as_event().event_type()) && param_i64(e, "res") == Some(child)
        })
        .expect("clone exit in the parent with the child's pid");
    assert_eq!(param_i64(parent_clone, "pid"), Some(std::process::id() as i64));
    let child_clone = events
        .iter()
        .find(|e| {
            clone_types.contains(&e.as_event().event_type())
                && e.as_event().tid() == child as u64
                && param_i64(e, "res") == Some(0)
        })
        .expect("clone exit in the child");
    assert_eq!(param_i64(child_clone, "tid"), Some(child));
    assert!(param(child_clone, "cgroups").is_some_and(|c| c.contains(&b'=')));
    let exec = events
        .iter()
        .find(|e| {
            e.as_event().event_type() == ids::SYSCALL_EXECVE_19_X
                && e.as_event().tid() == child as u64
        })
        .expect("execve exit of the child");
    assert_eq!(param_i64(exec, "res"), Some(0));
    assert_eq!(param_str(exec, "exe").as_deref(), Some("/bin/true"));
    assert_eq!(param_str(exec, "comm").as_deref(), Some("true"));
    assert_eq!(param_i64(exec, "pid"), Some(child));
    // The driver reports the parent *thread* (task->real_parent->pid).
    assert_eq!(param_i64(exec, "ptid"), Some(facts.main_tid as i64));
    assert!(param_i64(exec, "fdlimit").unwrap() > 0);
    assert!(param(exec, "env").is_some_and(|e| !e.is_empty()));
    assert!(param(exec, "vm_size").is_some());
    find(&events, ids::PROCEXIT_1_E, |e| e.as_event().tid() == child as u64);
}
