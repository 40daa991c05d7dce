//! The sysray state engine: what the events of a capture mean.
//!
//! Events are system calls and scheduler switches with raw parameters. To show
//! them as sysdig does — `curl (22369) < connect res=0 tuple=…`, `fd=3(<f>/etc/passwd)`
//! — and to filter on `proc.name` or `fd.cip`, the engine replays the capture's
//! state: the thread table (processes, threads, their names, ids, cwd, limits,
//! containers), each process' fd table (files, sockets with addresses and
//! client/server roles, pipes...), users and groups, network interfaces,
//! containers and Kubernetes pods. It follows libsinsp as sysdig 0.29.3 runs it,
//! including its quirks, because users compare the output byte for byte
//! (see `shared/docs/state-engine.md`).
//!
//! * [`Engine`] holds the state. [`Engine::load_metadata`] starts a capture
//!   section, [`Engine::process`] applies one event and returns its
//!   [`Outcome`] (number, filtered, hidden), [`Engine::ctx`] gives the event's
//!   [`EventCtx`].
//! * [`Engine::snapshot`], [`Engine::container_events`] and
//!   [`Engine::pending_enter_events`] give the state a new capture file starts
//!   with (rotation, live capture), so that a reader of that file continues
//!   where this engine is.
//! * [`Engine::with_synthetic_ctx`] gives the context sysdig tests thread-table
//!   filters on (`--filter-proclist`, chisels' `get_thread_table`): a thread and
//!   one of its fds, without an event.
//! * [`EventCtx`] is what filters and formatters read: the event, its thread
//!   ([`Thread`]), its fd ([`Fd`]), lookups of every table, and the renderers of
//!   `%evt.info` and `%evt.arg.*` ([`RenderOptions`]).
//!
//! Filtering happens inside `process`, as in sinsp: events that do not change
//! state are filtered before their state update and skipped entirely when
//! rejected (their exit then loses its enter); state-changing events are always
//! applied and filtered afterwards. A display filter (`-d`) passes no filter and
//! tests the [`EventCtx`] afterwards.
//!
//! State is bounded: at most [`MAX_THREADS`] threads and [`MAX_FDS_PER_TABLE`] fds
//! per process, and exited threads are removed one event after their `procexit`.
//! The hot path does not allocate: events are borrowed views, strings shared by
//! threads are reference counted, and rendering appends to caller buffers.
//!
//! ```
//! use engine::{Engine, RenderOptions};
//! use scap::{Metadata, OwnedEvent, table::ids};
//!
//! let mut engine = Engine::new();
//! engine.load_metadata(&Metadata::default());
//!
//! // Thread 42 opens /etc/passwd as fd 3, then reads from it.
//! let open_x = OwnedEvent::build(1_000, 42, ids::SYSCALL_OPEN_X, &[
//!     &3i64.to_le_bytes(), b"/etc/passwd\0", &1u32.to_le_bytes(), &0u32.to_le_bytes(),
//! ]);
//! let out = engine.process(&open_x.as_event(), None);
//! assert_eq!(out.num, 1);
//!
//! let read_e = OwnedEvent::build(2_000, 42, ids::SYSCALL_READ_E, &[
//!     &3i64.to_le_bytes(), &64u32.to_le_bytes(),
//! ]);
//! let ev = read_e.as_event();
//! let out = engine.process(&ev, None);
//! assert!(out.is_shown(false));
//!
//! let ctx = engine.ctx(&ev);
//! let mut line = Vec::new();
//! ctx.write_info(&mut line, &RenderOptions::default());
//! assert_eq!(line, b"fd=3(<f>/etc/passwd) size=64 ");
//! assert_eq!(ctx.thread().unwrap().comm(), b"<NA>"); // unknown thread: placeholder
//! ```

#![deny(missing_docs)]

mod cgroups;
mod container_json;
mod containers;
mod ctx;
mod engine;
mod event_loop;
mod fds;
mod import;
mod interfaces;
mod k8s;
mod ops;
mod parsers;
mod paths;
mod render;
mod snapshot;
mod synthetic;
#[cfg(test)]
mod testutil;
mod thread_table;
mod threads;
mod users;

pub use containers::{
    Container, ContainerType, Containers, HealthProbe, LookupState, Mount, PortMapping,
};
pub use ctx::EventCtx;
pub use engine::{Engine, EngineBuilder, Hidden, Outcome};
pub use event_loop::Filter;
pub use fds::{Fd, FdKind, FdTable, IpTuple, L4Proto, MAX_FDS_PER_TABLE, SockAddrs, fd_flags};
pub use interfaces::{Interfaces, Ipv4Iface, Ipv6Iface};
pub use k8s::{K8sKind, K8sObject, K8sState};
pub use render::{ArgForm, ArgSel, BufferFormat, RenderOptions, text};
pub use thread_table::ThreadTable;
pub use threads::{MAX_THREADS, Thread, split_nul, thread_flags};
pub use users::{GroupInfo, UserInfo, Users};
