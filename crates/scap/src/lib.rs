//! Read and write sysdig / Falco capture files (`.scap`).
//!
//! A capture is a pcapng-like sequence of blocks: a section header, state blocks
//! (machine, interfaces, users, processes and their file descriptors) and then
//! events, optionally gzip- or zstd-compressed as a whole. This crate reads every
//! block type and version ever written by sysdig, Falco and libscap, writes the
//! current layout, and holds the complete event table.
//!
//! * [`Reader`] streams a capture with constant memory. Its events are
//!   [`Event`] views borrowed from the read buffer (zero-copy; parameters are
//!   located on demand).
//! * [`Writer`] writes captures that sysdig 0.29.3 and later read.
//! * [`EventBatch`] holds owned copies of events, to hand them to another thread.
//! * [`table`] describes every event type: name, category, flags, parameters with
//!   their types, print formats and flag tables.
//!
//! ```
//! use scap::{Compression, Metadata, OwnedEvent, Reader, Writer, table::ids};
//!
//! // Write a capture with one `close` enter event...
//! let mut w = Writer::new(Vec::new(), Compression::Gzip)?;
//! w.write_metadata(&Metadata::default())?;
//! let ev = OwnedEvent::build(1_000, 42, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
//! w.write_event(&ev.as_event())?;
//! let bytes = w.finish()?;
//!
//! // ...and read it back.
//! let mut r = Reader::from_reader(std::io::Cursor::new(bytes))?;
//! let ev = r.next_event()?.expect("one event");
//! assert_eq!(ev.info().unwrap().name, "close");
//! assert_eq!(ev.param_i64(0), Some(3));
//! assert!(r.next_event()?.is_none());
//! # Ok::<(), scap::Error>(())
//! ```

#![deny(missing_docs)]

mod batch;
pub mod block;
mod chunk_buf;
mod error;
mod event;
mod meta;
mod meta_read;
mod placement;
mod prefetch;
mod reader;
mod stream;
pub mod table;
mod writer;

pub use batch::EventBatch;
pub use error::{BlockName, Error, ErrorKind, Result};
pub use event::{Event, EventError, OwnedEvent, Params, dump_flags, uses_large_lengths};
pub use meta::{
    FdEntry, FdInfo, Group, Interface, MachineInfo, Metadata, SectionHeader, ThreadEntry, User,
    fd_type, l4_proto,
};
pub use reader::{BlockCensus, Opening, Reader, ReaderBuilder, Record};
pub use stream::Compression;
pub use writer::{CountingWriter, Writer};
