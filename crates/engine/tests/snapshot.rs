//! `Engine::snapshot` and `Engine::container_events` written as the start of a
//! capture, read back into a fresh engine: for the seed and every extra capture,
//! cut after several event counts, the reloaded tables must equal the original
//! ones and the events after the cut must print the same lines (`-pc`, without
//! the event number, which restarts in a new file).
//!
//! The process-list format cannot carry everything; what it loses is listed in
//! the engine's `snapshot` module docs, and the comparisons below leave out
//! exactly those parts (see `documented_losses`).

#[path = "support/line.rs"]
#[expect(dead_code, reason = "the line module also serves the conformance test")]
mod line;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use engine::{BufferFormat, Engine, Fd, FdKind, L4Proto, RenderOptions, Thread, fd_flags};
use line::{Preset, format_line};
use scap::{Compression, OwnedEvent, Reader, Record, Writer};

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if p.join("captures").is_dir() {
        return Some(p);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("../shared is missing (looked at {}), and CI=true", p.display());
    }
    eprintln!("skipping: ../shared not found at {}", p.display());
    None
}

enum Item {
    Meta(Box<scap::Metadata>),
    Event(OwnedEvent),
}

fn load(path: &Path) -> Vec<Item> {
    let mut r = Reader::open(path).expect("open capture");
    let mut items = vec![Item::Meta(Box::new(r.metadata().clone()))];
    while let Some(rec) = r.next().expect("read capture") {
        items.push(match rec {
            Record::Section(m) => Item::Meta(Box::new(m.clone())),
            Record::Event(e) => Item::Event(e.to_owned_event()),
        });
    }
    items
}

/// Feeds one item; shown events are printed (`-pc`) without their number.
fn feed(engine: &mut Engine, item: &Item, out: Option<&mut Vec<u8>>) {
    let opts = RenderOptions::text(BufferFormat::Dots, false);
    match item {
        Item::Meta(m) => engine.load_metadata(m),
        Item::Event(e) => {
            let ev = e.as_event();
            if engine.process(&ev, None).is_shown(false)
                && let Some(out) = out
            {
                let mut line = Vec::new();
                format_line(&engine.ctx(&ev), Preset::Container, &opts, &mut line);
                let rest = line.iter().position(|&c| c == b' ').map_or(0, |p| p + 1);
                out.extend_from_slice(&line[rest..]);
            }
        }
    }
}

/// Writes `engine`'s state as a capture start and reads it into a fresh engine.
fn reload(engine: &Engine, ts: u64) -> Engine {
    let mut w = Writer::new(Vec::new(), Compression::None).expect("writer");
    w.write_metadata(&engine.snapshot()).expect("write metadata");
    for ev in engine.container_events(ts).iter().chain(&engine.pending_enter_events()) {
        w.write_event(&ev.as_event()).expect("write state event");
    }
    let bytes = w.finish().expect("finish");
    let mut r = Reader::from_reader(std::io::Cursor::new(bytes)).expect("read back");
    let mut fresh = Engine::new();
    fresh.load_metadata(r.metadata());
    while let Some(rec) = r.next().expect("read back") {
        match rec {
            Record::Event(ev) => assert!(!fresh.process(&ev, None).is_shown(false)),
            Record::Section(_) => panic!("a snapshot is one section"),
        }
    }
    fresh
}

fn last_ts(items: &[Item]) -> u64 {
    items
        .iter()
        .rev()
        .find_map(|i| match i {
            Item::Event(e) => Some(e.as_event().ts()),
            Item::Meta(_) => None,
        })
        .unwrap_or(0)
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A thread's fields as `name=value` pairs, without the documented losses:
/// the importer adds NAME_CHANGED and ACTIVE, turns an empty cwd into `/`, and
/// the e5c53d64 process-list layout has no tty.
fn thread_fields(e: &Engine, t: &Thread) -> Vec<String> {
    let keep = !(engine::thread_flags::NAME_CHANGED | engine::thread_flags::ACTIVE);
    let cwd = match e.threads().cwd(t) {
        b"" => &b"/"[..],
        c => c,
    };
    let list = |i: &mut dyn Iterator<Item = &[u8]>| i.map(text).collect::<Vec<_>>().join("|");
    vec![
        format!("pid={}", t.pid()),
        format!("ptid={}", t.ptid()),
        format!("sid={}", t.sid()),
        format!("vpgid={}", t.vpgid()),
        format!("comm={}", text(t.comm())),
        format!("exe={}", text(t.exe())),
        format!("exepath={}", text(t.exepath())),
        format!("args={}", list(&mut t.args())),
        format!("env={}", list(&mut t.env())),
        format!("cwd={}", text(cwd)),
        format!("root={}", text(t.root())),
        format!("cgroups={}", list(&mut t.cgroups().map(|(_, p)| p))),
        format!("container={}", t.container_id()),
        format!("flags={:#x}", t.flags() & keep),
        format!("fdlimit={}", t.fdlimit()),
        format!("uid={} gid={} loginuid={}", t.uid(), t.gid(), t.loginuid()),
        format!("vm={}/{}/{}", t.vmsize_kb(), t.vmrss_kb(), t.vmswap_kb()),
        format!("pf={}/{}", t.pfmajor(), t.pfminor()),
        format!("vtid={} vpid={}", t.vtid(), t.vpid()),
        format!("exe_writable={}", t.exe_writable()),
        format!("nchilds={}", t.nchilds()),
    ]
}

/// An fd's fields without the documented losses: the importer's own flag bits,
/// names rendered for unnamed sockets, IPv6 and unix roles, the connected bit of
/// non-TCP sockets, directories' open flags and device.
fn fd_fields(f: &Fd, listening: &[u16]) -> Vec<String> {
    let mut v = vec![
        format!("kind={:?}", f.kind()),
        format!("ino={}", f.ino()),
        format!("tracer_file={}", f.flags() & fd_flags::IS_TRACER_FILE != 0),
        format!("v4={:?}", f.ipv4_tuple()),
        format!("v6={:?}", f.ipv6_tuple()),
        format!("srv4={:?}", f.ipv4_server()),
        format!("srv6={:?}", f.ipv6_server()),
        format!("unix={:?}", f.unix_peers()),
    ];
    let raw = f.raw_sockaddrs();
    match f.kind() {
        FdKind::Ipv4Sock => v.push(format!("l4={}", raw[12])),
        FdKind::Ipv6Sock => v.push(format!("l4={}", raw[36])),
        FdKind::Ipv4ServSock => v.push(format!("l4={}", raw[6])),
        FdKind::Ipv6ServSock => v.push(format!("l4={}", raw[18])),
        _ => {}
    }
    let unnamed_socket = f.name().is_empty() && f.kind().is_ip_socket();
    if !unnamed_socket {
        v.push(format!("name={}", text(f.name())));
    }
    if f.kind() != FdKind::Directory {
        v.push(format!("openflags={:#x} dev={}", f.open_flags(), f.dev()));
    }
    if let Some(t) = f.ipv4_tuple() {
        // Imported IPv4 connections are servers exactly when their source port
        // is listened on.
        let server = if f.is_role_server() && listening.contains(&t.dport) {
            true
        } else {
            listening.contains(&t.sport)
        };
        v.push(format!("server={server}"));
    }
    v
}

fn imported_role(f: &Fd) -> Vec<String> {
    let mut v = Vec::new();
    if f.kind() == FdKind::Ipv4Sock {
        v.push(format!("server={}", f.is_role_server()));
        assert_ne!(f.l4proto(), L4Proto::Na, "imported IPv4 sockets have a role");
    }
    v
}

fn listening_ports(e: &Engine) -> Vec<u16> {
    let mut ports = Vec::new();
    for t in e.threads().iter() {
        for (_, f) in t.own_fds().iter() {
            if let Some((_, p)) = f.ipv4_server() {
                ports.push(p);
            }
            if let Some((_, p)) = f.ipv6_server() {
                ports.push(p);
            }
        }
    }
    ports
}

/// Differences between the tables of `a` (original) and `b` (reloaded).
fn state_differences(a: &Engine, b: &Engine) -> Vec<String> {
    let mut diffs = Vec::new();
    let listening = listening_ports(b);
    let threads = |e: &Engine| -> BTreeMap<i64, Vec<String>> {
        e.threads().iter().map(|t| (t.tid(), thread_fields(e, t))).collect()
    };
    let (ta, tb) = (threads(a), threads(b));
    if ta.keys().ne(tb.keys()) {
        diffs.push(format!(
            "thread ids: {:?} vs {:?}",
            ta.keys().filter(|k| !tb.contains_key(k)).collect::<Vec<_>>(),
            tb.keys().filter(|k| !ta.contains_key(k)).collect::<Vec<_>>()
        ));
    }
    for (tid, fa) in &ta {
        let Some(fb) = tb.get(tid) else { continue };
        for (x, y) in fa.iter().zip(fb) {
            if x != y {
                diffs.push(format!("thread {tid}: {x} became {y}"));
            }
        }
        let (Some(t1), Some(t2)) = (a.threads().get(*tid), b.threads().get(*tid)) else {
            continue;
        };
        let fds1: Vec<_> = a.threads().fd_table(t1).map(|t| t.iter().collect()).unwrap_or_default();
        let fds2: Vec<_> = b.threads().fd_table(t2).map(|t| t.iter().collect()).unwrap_or_default();
        let nums = |v: &[(i64, &Fd)]| v.iter().map(|(n, _)| *n).collect::<Vec<_>>();
        if nums(&fds1) != nums(&fds2) {
            diffs.push(format!("thread {tid}: fds {:?} became {:?}", nums(&fds1), nums(&fds2)));
            continue;
        }
        for ((n, f1), (_, f2)) in fds1.iter().zip(&fds2) {
            let mut want = fd_fields(f1, &listening);
            let mut got = fd_fields(f2, &listening);
            if f1.name().is_empty() && f1.kind().is_ip_socket() {
                got.retain(|g| !g.starts_with("name="));
            }
            // The reloaded role is the importer's decision; it must agree with
            // the rule the original's role was predicted from.
            got.retain(|g| !g.starts_with("server="));
            got.extend(imported_role(f2));
            want.sort();
            got.sort();
            if want != got {
                diffs.push(format!("thread {tid} fd {n}: {want:?} became {got:?}"));
            }
        }
    }
    if a.containers().iter().ne(b.containers().iter()) {
        diffs.push("container tables differ".into());
    }
    if a.machine() != b.machine() || a.interfaces().entries() != b.interfaces().entries() {
        diffs.push("machine or interfaces differ".into());
    }
    let users = |e: &Engine| {
        let mut u: Vec<_> = e.users().users().cloned().collect();
        u.sort_by_key(|u| u.uid);
        let mut g: Vec<_> = e.users().groups().cloned().collect();
        g.sort_by_key(|g| g.gid);
        (u, g)
    };
    if users(a) != users(b) {
        diffs.push("users or groups differ".into());
    }
    diffs
}

/// The documented losses in printed lines: the protocol letter of IPv6 sockets
/// (their role is not carried) and the name the importer renders for unnamed
/// sockets.
fn documented_losses(out: &[u8]) -> String {
    text(out)
        .replace("(<6t>", "(<6>")
        .replace("(<6u>", "(<6>")
        .replace("0.0.0.0:0->0.0.0.0:0)", ")")
        .replace(":::0->:::0)", ")")
}

fn check_cut(items: &[Item], n: usize) -> Vec<String> {
    let mut a = Engine::new();
    for it in &items[..n] {
        feed(&mut a, it, None);
    }
    let mut b = reload(&a, last_ts(&items[..n]));
    let (mut la, mut lb) = (Vec::new(), Vec::new());
    let mut problems = Vec::new();
    for (i, it) in items[n..].iter().take_while(|i| matches!(i, Item::Event(_))).enumerate() {
        feed(&mut a, it, Some(&mut la));
        feed(&mut b, it, Some(&mut lb));
        // Compared after the next event, which performs the removals that were
        // pending at the cut (the snapshot leaves those out already).
        if i == 0 {
            problems = state_differences(&a, &b);
        }
    }
    let (la, lb) = (documented_losses(&la), documented_losses(&lb));
    if la != lb {
        let first = la.lines().zip(lb.lines()).find(|(x, y)| x != y);
        problems.push(format!("printed lines differ: {first:?}"));
    }
    problems
}

const CAPTURES: [&str; 11] = [
    "k8s-dns-troubleshooting.scap",
    "extra/bencer-ex0-nginx.scap",
    "extra/bencer-ex2-502error.scap",
    "extra/falco-cat_write.scap",
    "extra/falco-ping_sendto.scap",
    "extra/falco-syscall.scap",
    "extra/libs-curl_google.scap",
    "extra/libs-sample.scap",
    "extra/sysflow-alpine.scap",
    "extra/sysflow-rename.scap",
    "extra/sysflow-tcp-client-server.scap",
];

#[test]
fn reloaded_snapshot_has_the_same_state_and_output() {
    let Some(shared) = shared() else { return };
    let mut failures = Vec::new();
    for cap in CAPTURES {
        let items = load(&shared.join("captures").join(cap));
        let len = items.len();
        let mut cuts = vec![1, 2, 50];
        cuts.extend((1..8).map(|k| len * k / 8));
        cuts.retain(|&n| n < len);
        cuts.dedup();
        for n in cuts {
            for p in check_cut(&items, n) {
                failures.push(format!("{cap}, cut after {n} items: {p}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_snapshot_reads_back_like_the_capture_start() {
    // Before any event, the snapshot is the seed's own metadata, re-encoded.
    let Some(shared) = shared() else { return };
    let path = shared.join("captures/k8s-dns-troubleshooting.scap");
    let r = Reader::open(&path).expect("open seed");
    let mut e = Engine::new();
    e.load_metadata(r.metadata());
    let snap = e.snapshot();
    assert_eq!(snap.threads.len(), e.threads().len());
    assert_eq!(snap.machine, r.metadata().machine);
    assert_eq!(snap.interfaces, r.metadata().interfaces);
    // Own tables of threads sharing their process' table are not written.
    let written: usize = snap.threads.iter().map(|t| t.fds.len()).sum();
    let owned: usize = e
        .threads()
        .iter()
        .filter(|t| t.is_main_thread() || t.flags() & engine::thread_flags::CLONE_FILES == 0)
        .map(|t| t.own_fds().len())
        .sum();
    assert_eq!(written, owned);
    let b = reload(&e, 0);
    assert_eq!(state_differences(&e, &b), Vec::<String>::new());
}
