//! The `/proc` scanner: the state a capture starts with (machine, interfaces,
//! users and groups, every thread with its fds), as a [`scap::Metadata`].
//!
//! Everything here is best effort, like libscap's scan: a process that exits
//! during the scan or a file that cannot be read leaves its fields empty
//! instead of failing the capture.

mod fds;
mod machine;
mod sockets;
mod threads;

use scap::Metadata;

pub use machine::{read_groups, read_users};

/// Scans the whole system.
pub fn scan() -> Metadata {
    let mut meta = machine_only();
    meta.threads = threads::scan_threads(std::path::Path::new("/proc"));
    meta
}

/// Machine info, interfaces, users and groups, without threads.
pub fn machine_only() -> Metadata {
    Metadata {
        machine: Some(machine::machine_info()),
        interfaces: machine::interfaces(),
        users: read_users(std::path::Path::new("/etc/passwd")),
        groups: read_groups(std::path::Path::new("/etc/group")),
        ..Metadata::default()
    }
}
