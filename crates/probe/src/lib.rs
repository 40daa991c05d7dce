//! Live capture for sysray: a CO-RE eBPF probe that writes scap events.
//!
//! The kernel side (`bpf/probe.bpf.c`, compiled into the committed
//! `bpf/probe.bpf.o` by `bpf/build.sh`) hooks `raw_syscalls` enter/exit (or
//! only the wanted syscalls' own tracepoints, see [`SyscallHooks`]) and the
//! scheduler, process-exit, signal and page-fault tracepoints. It writes
//! every event in the scap v2 encoding with the parameter layouts of the
//! event table sysdig 0.29.3 reads, so events go to the state engine and to
//! capture files unchanged. What each event carries is data: the syscall
//! table ([`syscalls`]) and one recipe per event id, both loaded into BPF maps
//! at start.
//!
//! * [`LiveCapture`] (built by [`LiveCaptureBuilder`]) loads the probe, scans
//!   `/proc` for the initial [`scap::Metadata`] and yields [`scap::Event`]
//!   views in timestamp order, with container metadata events injected.
//! * [`Interest`] decides which syscalls leave the kernel: a filter that needs
//!   few event types makes the rest cost almost nothing.
//! * [`procscan`] and [`containers`] are usable on their own (the CLI can
//!   write their output into captures).
//!
//! ```no_run
//! use std::time::Duration;
//! use probe::{Interest, LiveCapture};
//! use scap::{Compression, Writer, table::ids};
//!
//! // Capture only writes (plus the state-changing syscalls) to a file.
//! let mut cap = LiveCapture::builder()
//!     .snaplen(256)
//!     .interesting(Interest::events([ids::SYSCALL_WRITE_E]))
//!     .build()?;
//! let mut w = Writer::create("out.scap", Compression::None)?;
//! w.write_metadata(cap.metadata())?;
//! for _ in 0..1000 {
//!     match cap.next_event(Duration::from_millis(50))? {
//!         Some(ev) => w.write_event(&ev)?,
//!         None => w.flush()?,
//!     }
//! }
//! cap.stop()?;
//! let stats = cap.stats()?;
//! assert_eq!(stats.total_drops(), 0);
//! w.finish()?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Errors: [`Error::Unsupported`] explains what the machine lacks (privileges,
//! BTF, kernel version) and points to `-r FILE`.

#![deny(missing_docs)]

mod abi;
mod capture;
mod consumer;
pub mod containers;
pub mod convert;
mod error;
mod hooks;
mod loader;
pub mod procscan;
mod recipes;
mod ring;
mod syscall_names;
pub mod syscalls;

pub use capture::{CaptureStats, LiveCapture, LiveCaptureBuilder};
pub use containers::ContainerOptions;
pub use error::{Error, Missing};
pub use hooks::SyscallHooks;
pub use syscalls::{Interest, SyscallInfo};

/// The sidecar of the embedded object: `source-sha256`, `clang` and
/// `object-sha256` lines written by `bpf/build.sh`.
pub fn probe_object_sum() -> &'static str {
    abi::PROBE_OBJECT_SUM
}

/// Checks that live capture can run here (kernel version, BTF, privileges)
/// without loading anything.
pub fn check_support() -> Result<(), Error> {
    loader::preflight()
}
