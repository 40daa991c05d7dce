//! The fds of one process (`/proc/PID/fd`, `/proc/PID/fdinfo`).

use std::os::unix::fs::MetadataExt;
use std::path::Path;

use scap::{FdEntry, FdInfo, fd_type};

use super::sockets::SocketTable;
use super::threads::MAX_PATH;
use crate::convert;

/// What a `/proc/PID/fd/N` link target names, apart from files.
fn special(target: &[u8]) -> Option<(u8, &[u8])> {
    let inner =
        |prefix: &[u8]| -> Option<&[u8]> { target.strip_prefix(prefix)?.strip_suffix(b"]") };
    if let Some(i) = inner(b"socket:[") {
        return Some((fd_type::UNKNOWN, i)); // resolved by the caller
    }
    if inner(b"pipe:[").is_some() {
        return Some((fd_type::FIFO, b""));
    }
    let anon = target.strip_prefix(b"anon_inode:")?;
    let kind = anon.trim_ascii_start().strip_prefix(b"[").unwrap_or(anon);
    let kind = kind.strip_suffix(b"]").unwrap_or(kind);
    Some(match kind {
        b"eventfd" => (fd_type::EVENT, b""),
        b"signalfd" => (fd_type::SIGNALFD, b""),
        b"eventpoll" => (fd_type::EVENTPOLL, b""),
        b"inotify" => (fd_type::INOTIFY, b""),
        b"timerfd" => (fd_type::TIMERFD, b""),
        // sysdig 0.29.3 rejects fd types above FILE_V2 (bpf, userfaultfd,
        // io_uring, memfd, pidfd), so those stay "unsupported".
        _ => (fd_type::UNSUPPORTED, b""),
    })
}

fn fdinfo_flags(proc_dir: &Path, fd: &str) -> u64 {
    std::fs::read_to_string(proc_dir.join("fdinfo").join(fd))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|v| u64::from_str_radix(v.trim(), 8).ok())
        })
        .unwrap_or(0)
}

fn encode_dev(dev: u64) -> u32 {
    let major = libc::major(dev);
    let minor = libc::minor(dev);
    (minor & 0xff) | (major << 8) | ((minor & !0xff) << 12)
}

/// The fds of the process whose `/proc` directory is `proc_dir`.
pub fn scan_fds(proc_dir: &Path, sockets: &SocketTable) -> Vec<FdEntry> {
    let Ok(dir) = std::fs::read_dir(proc_dir.join("fd")) else { return Vec::new() };
    let mut out = Vec::new();
    for entry in dir.flatten() {
        let name = entry.file_name();
        let Some(fd_str) = name.to_str() else { continue };
        let Ok(fd) = fd_str.parse::<i64>() else { continue };
        let Ok(target) = std::fs::read_link(entry.path()) else { continue };
        let target = super::threads::cut(target.into_os_string().into_encoded_bytes(), MAX_PATH);
        let stat = std::fs::metadata(entry.path()).ok();
        let ino = stat.as_ref().map_or(0, |m| m.ino());
        let info = match special(&target) {
            Some((_, ino_text)) if target.starts_with(b"socket:[") => {
                let ino = std::str::from_utf8(ino_text).ok().and_then(|s| s.parse().ok());
                match ino.and_then(|i: u64| sockets.get(&i)) {
                    Some(info) => info.clone(),
                    None => FdInfo::Named { fd_type: fd_type::UNSUPPORTED, name: target.clone() },
                }
            }
            Some((t, _)) => FdInfo::Named { fd_type: t, name: target.clone() },
            None => {
                if stat.as_ref().is_some_and(|m| m.is_dir()) {
                    FdInfo::Named { fd_type: fd_type::DIRECTORY, name: target.clone() }
                } else {
                    FdInfo::FileV2 {
                        open_flags: convert::open_flags(fdinfo_flags(proc_dir, fd_str)),
                        name: target.clone(),
                        dev: Some(stat.as_ref().map_or(0, |m| encode_dev(m.dev()))),
                    }
                }
            }
        };
        out.push(FdEntry { fd, ino, info });
    }
    out.sort_by_key(|e| e.fd);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_are_classified() {
        assert_eq!(special(b"pipe:[123]"), Some((fd_type::FIFO, &b""[..])));
        assert_eq!(special(b"anon_inode:[eventfd]"), Some((fd_type::EVENT, &b""[..])));
        assert_eq!(special(b"anon_inode:inotify"), Some((fd_type::INOTIFY, &b""[..])));
        assert_eq!(special(b"/etc/passwd"), None);
    }

    #[test]
    fn own_fds_are_found() {
        let f = std::fs::File::open("/proc/self/status").unwrap();
        let fds = scan_fds(Path::new("/proc/self"), &SocketTable::new());
        use std::os::fd::AsRawFd;
        let me = fds.iter().find(|e| e.fd == f.as_raw_fd() as i64).unwrap();
        assert!(matches!(&me.info, FdInfo::FileV2 { name, open_flags, .. }
                if name.ends_with(b"/status") && open_flags & 3 == 1));
    }
}
