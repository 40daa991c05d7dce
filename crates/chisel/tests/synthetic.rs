//! Chisels whose input the seed capture lacks (memcached traffic, syslog
//! messages), on a small capture written with scap's writer. The expected lines
//! are what sysdig 0.29.3 printed for the same file (made by running this test
//! with `SYSRAY_KEEP_SYNTHETIC=path`, then `TZ=UTC sysdig -r path -c NAME`).

mod common;

use std::path::Path;

use chisel::SearchPath;
use scap::table::ids;
use scap::{Compression, FdEntry, FdInfo, Metadata, OwnedEvent, ThreadEntry, Writer};

const T0: u64 = 1_600_000_000_000_000_000;

fn thread(tid: u64, comm: &str, fds: Vec<FdEntry>) -> ThreadEntry {
    ThreadEntry {
        tid,
        pid: tid,
        ptid: 1,
        comm: comm.as_bytes().to_vec(),
        exe: comm.as_bytes().to_vec(),
        fdlimit: 1024,
        fds,
        ..ThreadEntry::default()
    }
}

fn io_pair(out: &mut Vec<OwnedEvent>, ts: u64, tid: u64, write: bool, fd: i64, data: &[u8]) {
    let (e, x) = if write {
        (ids::SYSCALL_WRITE_E, ids::SYSCALL_WRITE_X)
    } else {
        (ids::SYSCALL_READ_E, ids::SYSCALL_READ_X)
    };
    out.push(OwnedEvent::build(
        ts,
        tid,
        e,
        &[&fd.to_le_bytes(), &(data.len() as u32).to_le_bytes()],
    ));
    out.push(OwnedEvent::build(ts + 500, tid, x, &[&(data.len() as i64).to_le_bytes(), data]));
}

/// Thread 200 (`sh`, child of sshd 150) executes bash with a function-defining
/// environment variable followed by a command: the shellshock pattern.
fn shellshock_exec(out: &mut Vec<OwnedEvent>, ts: u64) {
    out.push(OwnedEvent::build(ts, 200, ids::SYSCALL_EXECVE_19_E, &[b"/bin/bash\0"]));
    let env = b"HOME=/root\0X=() { :;}; /bin/cat /etc/passwd\0";
    let params: [&[u8]; 20] = [
        &0i64.to_le_bytes(),
        b"/bin/bash\0",
        b"-c\0id\0",
        &200i64.to_le_bytes(),
        &200i64.to_le_bytes(),
        &150i64.to_le_bytes(),
        b"/\0",
        &1024u64.to_le_bytes(),
        &0u64.to_le_bytes(),
        &0u64.to_le_bytes(),
        &1000u32.to_le_bytes(),
        &500u32.to_le_bytes(),
        &0u32.to_le_bytes(),
        b"bash\0",
        b"cpu=/\0",
        env,
        &0i32.to_le_bytes(),
        &200i64.to_le_bytes(),
        &(-1i32).to_le_bytes(),
        &0u32.to_le_bytes(),
    ];
    out.push(OwnedEvent::build(ts + 500, 200, ids::SYSCALL_EXECVE_19_X, &params));
}

/// A capture with a memcached server answering two requests and a process
/// logging to /dev/log.
fn write_capture(path: &Path) {
    let mut meta = Metadata::default();
    let memcached_sock = FdEntry {
        fd: 5,
        ino: 0,
        info: FdInfo::Ipv4Sock {
            sip: [127, 0, 0, 1],
            dip: [127, 0, 0, 1],
            sport: 40000,
            dport: 11211,
            l4proto: 2,
        },
    };
    let log_sock = FdEntry {
        fd: 3,
        ino: 0,
        info: FdInfo::Unix { source: 0xffff1, dest: 0xffff2, path: b"/dev/log".to_vec() },
    };
    meta.threads.push(thread(1, "init", Vec::new()));
    meta.threads.push(thread(100, "memcached", vec![memcached_sock]));
    meta.threads.push(thread(300, "logger", vec![log_sock]));
    meta.threads.push(thread(150, "sshd", Vec::new()));
    meta.threads.push(ThreadEntry { ptid: 150, ..thread(200, "sh", Vec::new()) });
    let mut evs = Vec::new();
    io_pair(&mut evs, T0 + 1_000, 100, false, 5, b"set mykey 0 0 5");
    io_pair(&mut evs, T0 + 2_000, 100, false, 5, b"get mykey");
    io_pair(&mut evs, T0 + 3_000, 100, false, 5, b"set big 0 0 4096");
    io_pair(&mut evs, T0 + 4_000, 300, true, 3, b"<11>Sep 13 12:26:40 app[300]: disk failure");
    io_pair(&mut evs, T0 + 5_000, 300, true, 3, b"<14>Sep 13 12:26:40 app[300]: all good");
    shellshock_exec(&mut evs, T0 + 6_000);
    let mut w = Writer::new(Vec::new(), Compression::None).unwrap();
    w.write_metadata(&meta).unwrap();
    for e in &evs {
        w.write_event(&e.as_event()).unwrap();
    }
    std::fs::write(path, w.finish().unwrap()).unwrap();
}

fn run(file: &Path, args: &[&str]) -> String {
    // SAFETY: every test of this binary sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let mut all = vec!["-r".to_string(), file.display().to_string(), "-c".to_string()];
    all.extend(args.iter().map(|s| s.to_string()));
    let r = common::run_args(&all, SearchPath::embedded_only());
    assert_eq!(r.error, None);
    String::from_utf8_lossy(&r.stdout).into_owned()
}

fn capture(tag: &str) -> std::path::PathBuf {
    let path = match std::env::var_os("SYSRAY_KEEP_SYNTHETIC") {
        Some(p) => std::path::PathBuf::from(p),
        None => {
            std::env::temp_dir().join(format!("sysray-synthetic-{tag}-{}.scap", std::process::id()))
        }
    };
    write_capture(&path);
    path
}

#[test]
fn chisel_memcachelog_on_synthetic_capture() {
    let path = capture("memcache");
    let all = run(&path, &["memcachelog"]);
    let sets = run(&path, &["memcachelog", "set 100"]);
    if std::env::var_os("SYSRAY_KEEP_SYNTHETIC").is_none() {
        std::fs::remove_file(&path).unwrap();
    }
    assert_eq!(
        all,
        "2020-09-13 12:26:40.000001500 method=set size=5B key=mykey\n\
         2020-09-13 12:26:40.000002500 method=get size=0B key=mykey\n\
         2020-09-13 12:26:40.000003500 method=set size=4096B key=big\n"
    );
    assert_eq!(sets, "2020-09-13 12:26:40.000003500 method=set size=4096B key=big\n");
}

#[test]
fn chisel_spy_syslog_on_synthetic_capture() {
    let path = capture("syslog");
    let out = run(&path, &["spy_syslog"]);
    if std::env::var_os("SYSRAY_KEEP_SYNTHETIC").is_none() {
        std::fs::remove_file(&path).unwrap();
    }
    assert_eq!(
        out,
        "user.err logger[300] Sep 13 12:26:40 app[300]: disk failure\n\
         user.info logger[300] Sep 13 12:26:40 app[300]: all good\n"
    );
}

/// sysdig 0.29.3 cannot run its own shellshock_detect (its filter mixes and/or);
/// this expectation is sysdig running sysray's chisel files on the same capture.
#[test]
fn chisel_shellshock_detect_on_synthetic_capture() {
    let path = capture("shellshock");
    let out = run(&path, &["shellshock_detect"]);
    if std::env::var_os("SYSRAY_KEEP_SYNTHETIC").is_none() {
        std::fs::remove_file(&path).unwrap();
    }
    assert_eq!(
        out,
        "TIME                  PROCNAME              PID     FUNCTION\n\
         12:26:40.000006500    sshd                  150     () { :;}; /bin/cat /etc/passwd\n"
    );
}
