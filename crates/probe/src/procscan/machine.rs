//! Machine info, network interfaces, users and groups.

use std::path::Path;

use scap::{Group, Interface, MachineInfo, User};

fn read_trimmed(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default().trim().to_string()
}

fn hostname() -> Vec<u8> {
    // SAFETY: `utsname` is plain data; uname fills it or fails.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable utsname.
    if unsafe { libc::uname(&mut u) } != 0 {
        return read_trimmed("/proc/sys/kernel/hostname").into_bytes();
    }
    u.nodename.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect()
}

fn mem_total_bytes(meminfo: &str) -> u64 {
    meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Machine info from the kernel.
pub fn machine_info() -> MachineInfo {
    // SAFETY: sysconf has no memory-safety preconditions.
    let cpus = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }.max(1) as u32;
    MachineInfo {
        num_cpus: cpus,
        memory_size_bytes: mem_total_bytes(
            &std::fs::read_to_string("/proc/meminfo").unwrap_or_default(),
        ),
        max_pid: read_trimmed("/proc/sys/kernel/pid_max").parse().unwrap_or(0),
        hostname: hostname(),
        boot_ts_epoch: crate::capture::boot_time_ns(),
        flags: 0,
        reserved: [0, 0],
    }
}

/// IPv4 and IPv6 interface addresses (`getifaddrs`).
pub fn interfaces() -> Vec<Interface> {
    let mut out = Vec::new();
    let mut head: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs writes a list head we free below.
    if unsafe { libc::getifaddrs(&mut head) } != 0 {
        return out;
    }
    let mut cur = head;
    while !cur.is_null() {
        // SAFETY: `cur` is a node of the list getifaddrs returned.
        let ifa = unsafe { &*cur };
        cur = ifa.ifa_next;
        if ifa.ifa_addr.is_null() || ifa.ifa_name.is_null() {
            continue;
        }
        // SAFETY: ifa_name is a NUL-terminated string owned by the list.
        let name = unsafe { std::ffi::CStr::from_ptr(ifa.ifa_name) }.to_bytes().to_vec();
        // SAFETY: ifa_addr points to a sockaddr of at least its family's size.
        let family = unsafe { (*ifa.ifa_addr).sa_family } as i32;
        let v4 = |p: *const libc::sockaddr| -> [u8; 4] {
            if p.is_null() {
                return [0; 4];
            }
            // SAFETY: the family is AF_INET, so this is a sockaddr_in.
            unsafe { (*(p as *const libc::sockaddr_in)).sin_addr.s_addr }.to_ne_bytes()
        };
        let v6 = |p: *const libc::sockaddr| -> [u8; 16] {
            if p.is_null() {
                return [0; 16];
            }
            // SAFETY: the family is AF_INET6, so this is a sockaddr_in6.
            unsafe { (*(p as *const libc::sockaddr_in6)).sin6_addr.s6_addr }
        };
        if family == libc::AF_INET {
            out.push(Interface::V4 {
                name,
                addr: v4(ifa.ifa_addr),
                netmask: v4(ifa.ifa_netmask),
                bcast: v4(ifa.ifa_ifu),
                linkspeed: Some(0),
            });
        } else if family == libc::AF_INET6 {
            out.push(Interface::V6 {
                name,
                addr: v6(ifa.ifa_addr),
                netmask: v6(ifa.ifa_netmask),
                bcast: v6(ifa.ifa_ifu),
                linkspeed: Some(0),
            });
        }
    }
    // SAFETY: `head` came from getifaddrs and is freed once.
    unsafe { libc::freeifaddrs(head) };
    out
}

/// Users from a passwd file (`name:x:uid:gid:gecos:home:shell`).
pub fn read_users(path: &Path) -> Vec<User> {
    let text = std::fs::read(path).unwrap_or_default();
    text.split(|&b| b == b'\n')
        .filter_map(|line| {
            let f: Vec<&[u8]> = line.split(|&b| b == b':').collect();
            let num = |i: usize| std::str::from_utf8(f.get(i)?).ok()?.parse::<u32>().ok();
            Some(User {
                uid: num(2)?,
                gid: num(3)?,
                name: f.first()?.to_vec(),
                homedir: f.get(5)?.to_vec(),
                shell: f.get(6)?.to_vec(),
            })
        })
        .collect()
}

/// Groups from a group file (`name:x:gid:members`).
pub fn read_groups(path: &Path) -> Vec<Group> {
    let text = std::fs::read(path).unwrap_or_default();
    text.split(|&b| b == b'\n')
        .filter_map(|line| {
            let f: Vec<&[u8]> = line.split(|&b| b == b':').collect();
            let gid = std::str::from_utf8(f.get(2)?).ok()?.parse().ok()?;
            Some(Group { gid, name: f.first()?.to_vec() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwd_and_group_files_parse() {
        let dir = std::env::temp_dir().join(format!("probe-users-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("passwd");
        std::fs::write(
            &p,
            "root:x:0:0:root:/root:/bin/bash\nbroken line\nbob:x:1000:100::/home/bob:/bin/sh\n",
        )
        .unwrap();
        let users = read_users(&p);
        assert_eq!(users.len(), 2);
        assert_eq!(users[1].name, b"bob");
        assert_eq!(users[1].uid, 1000);
        assert_eq!(users[1].homedir, b"/home/bob");
        let g = dir.join("group");
        std::fs::write(&g, "root:x:0:\nusers:x:100:bob\n").unwrap();
        let groups = read_groups(&g);
        assert_eq!(
            groups,
            vec![
                Group { gid: 0, name: b"root".to_vec() },
                Group { gid: 100, name: b"users".to_vec() }
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn machine_info_is_filled() {
        let m = machine_info();
        assert!(m.num_cpus >= 1);
        assert!(m.memory_size_bytes > 0);
        assert!(!m.hostname.is_empty());
        assert_eq!(mem_total_bytes("MemTotal:       1024 kB\n"), 1024 * 1024);
        assert!(
            interfaces().iter().any(|i| matches!(i, Interface::V4 { addr: [127, 0, 0, 1], .. }))
        );
    }
}
