//! Every process and thread under `/proc`.

use std::collections::HashMap;
use std::path::Path;

use scap::ThreadEntry;

use super::fds::scan_fds;
use super::sockets::{SocketTable, read_tables};

/// libscap's field limits (`SCAP_MAX_*_SIZE`): sysdig refuses longer fields.
pub const MAX_PATH: usize = 1024;
const MAX_ARGS: usize = 4095;
const MAX_ENV: usize = 4096;
const MAX_CGROUPS: usize = 4096;

/// `b` cut to at most `max` bytes.
pub fn cut(mut b: Vec<u8>, max: usize) -> Vec<u8> {
    b.truncate(max);
    b
}

/// `PPM_CL_CLONE_FILES` and `PPM_CL_CLONE_THREAD`, as libscap sets them on
/// threads that are not their process's main thread.
const THREAD_FLAGS: u32 = 1 | 8192;

fn read_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}

fn link_bytes(p: &Path) -> Vec<u8> {
    std::fs::read_link(p).map(|t| t.into_os_string().into_encoded_bytes()).unwrap_or_default()
}

/// The field `name` of `/proc/PID/status` (its whitespace-separated values).
fn status_field<'a>(status: &'a str, name: &str) -> Vec<&'a str> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .map(|v| v.split_whitespace().collect())
        .unwrap_or_default()
}

fn num<T: std::str::FromStr>(v: Option<&&str>) -> Option<T> {
    v.and_then(|s| s.parse().ok())
}

/// Fields of `/proc/PID/stat` after the command name: `(ppid, pgrp, sid,
/// minflt, majflt)`.
fn stat_fields(stat: &str) -> Option<(u64, u64, u64, u64, u64)> {
    let rest = &stat[stat.rfind(')')? + 1..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // After ")": state(0) ppid(1) pgrp(2) session(3) tty(4) tpgid(5) flags(6)
    // minflt(7) cminflt(8) majflt(9)
    Some((num(f.get(1))?, num(f.get(2))?, num(f.get(3))?, num(f.get(7))?, num(f.get(9))?))
}

/// `/proc/PID/cgroup` as sysdig's NUL-separated `subsys=path` list.
pub fn cgroups_from_proc(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut v2_path = None;
    for line in text.lines() {
        let mut it = line.splitn(3, ':');
        let (Some(_), Some(ctrls), Some(path)) = (it.next(), it.next(), it.next()) else {
            continue;
        };
        if ctrls.is_empty() {
            v2_path = Some(path);
            continue;
        }
        for c in ctrls.split(',') {
            let c = c.strip_prefix("name=").unwrap_or(c);
            out.extend_from_slice(c.as_bytes());
            out.push(b'=');
            out.extend_from_slice(path.as_bytes());
            out.push(0);
        }
    }
    if out.is_empty()
        && let Some(path) = v2_path
    {
        for c in ["cpuset", "cpu", "io", "memory", "pids"] {
            out.extend_from_slice(c.as_bytes());
            out.push(b'=');
            out.extend_from_slice(path.as_bytes());
            out.push(0);
        }
    }
    out
}

fn fd_limit(limits: &str) -> u64 {
    limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3)?.parse().ok())
        .unwrap_or(0)
}

fn split_cmdline(cmdline: &[u8]) -> (Vec<u8>, Vec<u8>) {
    match cmdline.iter().position(|&b| b == 0) {
        Some(i) => (cmdline[..i].to_vec(), cmdline[i + 1..].to_vec()),
        None => (cmdline.to_vec(), Vec::new()),
    }
}

/// One thread, read from `task_dir` (`/proc/PID/task/TID`).
fn read_thread(task_dir: &Path, pid: u64, tid: u64) -> Option<ThreadEntry> {
    let status = std::fs::read_to_string(task_dir.join("status")).ok()?;
    let stat = std::fs::read_to_string(task_dir.join("stat")).ok()?;
    let (ptid, pgrp, sid, pfminor, pfmajor) = stat_fields(&stat)?;
    let (exe, args) = split_cmdline(&read_bytes(&task_dir.join("cmdline")));
    let mut comm = read_bytes(&task_dir.join("comm"));
    if comm.last() == Some(&b'\n') {
        comm.pop();
    }
    let kb = |name: &str| num::<u32>(status_field(&status, name).first()).unwrap_or(0);
    let nspid = status_field(&status, "NSpid");
    let nstgid = status_field(&status, "NStgid");
    let loginuid = std::fs::read_to_string(task_dir.join("loginuid"))
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .map(|v| v as u32);
    let cwd = link_bytes(&task_dir.join("cwd"));
    Some(ThreadEntry {
        tid,
        pid,
        ptid,
        sid,
        vpgid: pgrp,
        comm: cut(comm, MAX_PATH),
        exe: cut(exe, MAX_PATH),
        exepath: cut(link_bytes(&task_dir.join("exe")), MAX_PATH),
        args: cut(args, MAX_ARGS),
        cwd: cut(cwd, MAX_PATH),
        fdlimit: fd_limit(&std::fs::read_to_string(task_dir.join("limits")).unwrap_or_default()),
        flags: if tid == pid { 0 } else { THREAD_FLAGS },
        uid: num(status_field(&status, "Uid").get(1)).unwrap_or(0),
        gid: num(status_field(&status, "Gid").get(1)).unwrap_or(0),
        vmsize_kb: kb("VmSize"),
        vmrss_kb: kb("VmRSS"),
        vmswap_kb: kb("VmSwap"),
        pfmajor,
        pfminor,
        env: cut(read_bytes(&task_dir.join("environ")), MAX_ENV),
        vtid: num(nspid.last()).unwrap_or(tid as i64),
        vpid: num(nstgid.last()).unwrap_or(pid as i64),
        cgroups: cut(
            cgroups_from_proc(
                &std::fs::read_to_string(task_dir.join("cgroup")).unwrap_or_default(),
            ),
            MAX_CGROUPS,
        ),
        root: cut(link_bytes(&task_dir.join("root")), MAX_PATH),
        loginuid,
        pgid: Some(pgrp as i64),
        ..ThreadEntry::default()
    })
}

/// Every thread under `proc_root`, main threads carrying their process's fds.
pub fn scan_threads(proc_root: &Path) -> Vec<ThreadEntry> {
    let Ok(dir) = std::fs::read_dir(proc_root) else { return Vec::new() };
    let mut pids: Vec<u64> =
        dir.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect();
    pids.sort_unstable();
    let mut netns_tables: HashMap<Vec<u8>, SocketTable> = HashMap::new();
    let mut out = Vec::new();
    for pid in pids {
        let proc_dir = proc_root.join(pid.to_string());
        let Ok(tasks) = std::fs::read_dir(proc_dir.join("task")) else { continue };
        let mut tids: Vec<u64> =
            tasks.flatten().filter_map(|e| e.file_name().to_str()?.parse().ok()).collect();
        tids.sort_unstable();
        for tid in tids {
            let Some(mut t) = read_thread(&proc_dir.join("task").join(tid.to_string()), pid, tid)
            else {
                continue;
            };
            if tid == pid {
                let ns = link_bytes(&proc_dir.join("ns/net"));
                let sockets =
                    netns_tables.entry(ns).or_insert_with(|| read_tables(&proc_dir.join("net")));
                t.fds = scan_fds(&proc_dir, sockets);
            }
            out.push(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cgroup_files_become_subsys_lists() {
        let v1 = "12:cpu,cpuacct:/libpod_parent/libpod-abc\n1:name=systemd:/x\n0::/libpod_parent/libpod-abc\n";
        assert_eq!(
            cgroups_from_proc(v1),
            b"cpu=/libpod_parent/libpod-abc\0cpuacct=/libpod_parent/libpod-abc\0systemd=/x\0"
        );
        let v2 = "0::/system.slice/docker-0123.scope\n";
        assert!(cgroups_from_proc(v2).starts_with(b"cpuset=/system.slice/docker-0123.scope\0"));
    }

    #[test]
    fn stat_lines_with_spaces_in_comm_parse() {
        let stat = "42 (a b) S 1 42 42 0 -1 4194560 100 0 3 0 0";
        assert_eq!(stat_fields(stat), Some((1, 42, 42, 100, 3)));
    }

    #[test]
    fn this_process_is_scanned() {
        let me = std::process::id() as u64;
        let threads = scan_threads(Path::new("/proc"));
        let t = threads.iter().find(|t| t.tid == me).expect("own thread");
        assert_eq!(t.pid, me);
        assert!(!t.comm.is_empty());
        assert!(!t.exepath.is_empty());
        assert!(t.fdlimit > 0);
        assert!(t.cwd.starts_with(b"/"));
        assert!(!t.fds.is_empty());
    }
}
