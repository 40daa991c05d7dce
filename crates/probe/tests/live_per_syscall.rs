//! Live capture with a restricted interest, hooked with the per-syscall
//! tracepoints: the wanted and the state-changing syscalls arrive with their
//! parameters and keep the engine's state right (fds, names after execve);
//! the others (getpid, read) never leave the kernel. Needs root and BTF.

mod common;

use std::io::Write;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use probe::{Interest, LiveCapture, SyscallHooks};
use scap::OwnedEvent;
use scap::table::{SYSCALL_NAMES, ids};

const PAYLOAD: &[u8] = b"sysray per-syscall tracepoint payload";
const GETPIDS: usize = 2000;

/// What the workload did, for the checks.
#[derive(Default, Debug)]
struct Facts {
    tid: u64,
    path: String,
    fd: i64,
    child: u32,
}

/// Opens and writes a file (kept open), calls getpid, reads the file back
/// through another fd, and starts `/bin/sleep` (clone + execve).
fn workload(facts: &Mutex<Facts>) -> (std::fs::File, std::process::Child) {
    let dir = std::env::temp_dir().join(format!("sysray-persc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("payload.txt");
    let mut f = std::fs::File::create(&path).unwrap();
    f.write_all(PAYLOAD).unwrap();
    for _ in 0..GETPIDS {
        // SAFETY: getpid has no preconditions.
        unsafe { libc::syscall(libc::SYS_getpid) };
    }
    assert_eq!(std::fs::read(&path).unwrap(), PAYLOAD);
    let child = std::process::Command::new("/bin/sleep").arg("30").spawn().unwrap();
    // Long enough for the execve to complete.
    std::thread::sleep(Duration::from_millis(300));
    let mut fa = facts.lock().unwrap();
    *fa = Facts {
        tid: gettid(),
        path: path.to_string_lossy().into_owned(),
        fd: f.as_raw_fd() as i64,
        child: child.id(),
    };
    std::fs::remove_dir_all(&dir).unwrap();
    (f, child)
}

fn of_type(events: &[OwnedEvent], tid: u64, etype: u16) -> Vec<&OwnedEvent> {
    events
        .iter()
        .filter(|e| e.as_event().tid() == tid && e.as_event().event_type() == etype)
        .collect()
}

#[test]
fn live_per_syscall_tracepoints_deliver_wanted_and_state_events_only() {
    if !live_supported("live_per_syscall_tracepoints_deliver_wanted_and_state_events_only") {
        return;
    }
    let mut cap = LiveCapture::builder()
        .snaplen(128)
        .exclude_self(false)
        .containers(None)
        .interesting(Interest::events([ids::SYSCALL_WRITE_E, ids::SYSCALL_WRITE_X]))
        .build()
        .unwrap();
    let SyscallHooks::PerSyscall(hooked) = cap.syscall_hooks().clone() else {
        panic!("a restricted interest should use the per-syscall tracepoints");
    };
    for name in ["write", "openat", "close", "execve", "clone3", "vfork", "newstat"] {
        let wanted = name != "newstat";
        assert_eq!(hooked.contains(&name), wanted, "{name} in {hooked:?}");
    }
    assert!(!hooked.contains(&"getpid") && !hooked.contains(&"read"), "{hooked:?}");

    let facts = Arc::new(Mutex::new(Facts::default()));
    let done = Arc::new(AtomicBool::new(false));
    let (f2, d2) = (Arc::clone(&facts), Arc::clone(&done));
    // The worker stays alive until the checks are done: the engine forgets
    // a thread at its exit.
    let (release, released) = std::sync::mpsc::channel::<()>();
    let worker = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(100));
        let kept = workload(&f2);
        d2.store(true, Ordering::SeqCst);
        let _ = released.recv();
        kept
    });
    // Every event: the engine below needs the clone of the worker thread too.
    let events =
        collect(&mut cap, || done.load(Ordering::SeqCst), Duration::from_millis(400), |_| true);
    let facts = std::mem::take(&mut *facts.lock().unwrap());
    let stats = cap.stats().unwrap();
    eprintln!("{} events, stats {stats:?}", events.len());

    // Not wanted: nothing of getpid or read left the kernel.
    let getpid_sc = SYSCALL_NAMES.iter().position(|n| *n == "getpid").unwrap() as i64;
    let generic_getpids = events
        .iter()
        .filter(|e| {
            let v = e.as_event();
            v.tid() == facts.tid
                && (v.event_type() == ids::GENERIC_E || v.event_type() == ids::GENERIC_X)
        })
        .filter(|e| param_i64(e, "ID") == Some(getpid_sc))
        .count();
    assert_eq!(generic_getpids, 0, "getpid events delivered");
    for t in [ids::SYSCALL_READ_E, ids::SYSCALL_READ_X] {
        assert!(of_type(&events, facts.tid, t).is_empty(), "read events delivered");
    }

    // Wanted: the write, with its parameters.
    assert!(
        of_type(&events, facts.tid, ids::SYSCALL_WRITE_E).iter().any(|e| {
            param_i64(e, "fd") == Some(facts.fd)
                && param_i64(e, "size") == Some(PAYLOAD.len() as i64)
        }),
        "write enter with fd and size"
    );
    assert!(
        of_type(&events, facts.tid, ids::SYSCALL_WRITE_X).iter().any(|e| {
            param_i64(e, "res") == Some(PAYLOAD.len() as i64) && param(e, "data") == Some(PAYLOAD)
        }),
        "write exit with the payload"
    );
    // State-changing: the open, with its parameters, and the child's execve.
    assert!(
        of_type(&events, facts.tid, ids::SYSCALL_OPENAT_2_X).iter().any(|e| {
            param_str(e, "name").as_deref() == Some(facts.path.as_str())
                && param_i64(e, "fd") == Some(facts.fd)
                && param_i64(e, "dirfd") == Some(-100)
        }),
        "openat exit of the payload file"
    );
    let child_tid = facts.child as u64;
    let exec = of_type(&events, child_tid, ids::SYSCALL_EXECVE_19_X);
    let exec = exec.iter().find(|e| param_i64(e, "res") == Some(0)).expect("execve exit");
    assert_eq!(param_str(exec, "exe").as_deref(), Some("/bin/sleep"));
    assert_eq!(param_str(exec, "comm").as_deref(), Some("sleep"));
    assert_eq!(param_i64(exec, "pid"), Some(facts.child as i64));

    // The engine's state from these events alone (plus /proc at start).
    let mut engine = engine::Engine::new();
    engine.load_metadata(cap.metadata());
    for ev in &events {
        engine.process(&ev.as_event(), None);
    }
    let threads = engine.threads();
    let worker_thread = threads.get(facts.tid as i64).expect("worker thread known");
    let fd = threads.fd(worker_thread, facts.fd).expect("the payload file's fd known");
    assert_eq!(fd.name(), facts.path.as_bytes());
    let child_thread = threads.get(facts.child as i64).expect("child known");
    assert_eq!(child_thread.comm(), b"sleep");
    assert_eq!(child_thread.exe(), b"/bin/sleep");

    release.send(()).unwrap();
    let (file, mut child) = worker.join().unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    drop(file);
}
