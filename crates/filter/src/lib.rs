//! The sysdig filter language, field registry and output formats for sysray.
//!
//! * [`Filter::compile`] parses a filter (`proc.name=curl and fd.type in (ipv4,
//!   ipv6)`) and compiles it once; [`Filter::matches`] evaluates it per event.
//!   Parse and type errors are [`FilterError`]s carrying the byte [`Span`] of the
//!   offending token, what was expected and what was found.
//! * [`Formatter`] renders events per a `-p` format or a [`Preset`], as text or as
//!   NDJSON (`-j`), with the `-t` [`TimeMode`]s.
//! * [`fields`] is the field table (`-l`/`-lv` via [`fields::list`]), the one
//!   declaration of every field's name, type, flags, argument form and description.
//! * Values come from a [`FieldSource`]: the engine-backed source for real events,
//!   or a [`Record`] of fixed values for tests and synthetic events.
//!
//! The language is sysdig 0.29.3's, with the changes its documentation lists
//! (`filter-language.md` §7): `not not x` is `x`; keywords and word operators are
//! whole words; `==`, `bcontains`, `bstartswith`, `iglob`, `regex`, `intersects`,
//! `icontains` on buffers, the transformers `tolower() toupper() b64() basename()
//! len()` and `val(field)` comparisons are supported; operator/type mismatches and
//! out-of-range numbers are compile errors; mixing `and` and `or` without brackets
//! is still rejected, so that no filter means something else than in sysdig.
//!
//! # Event-type sets
//!
//! Each compiled node knows the event types it can match ([`EventTypeSet`]):
//! `evt.type`/`evt.dir` checks are decided by the type alone, fields that only some
//! events have (`fd.*`, `evt.buffer`, `evt.arg.NAME`) restrict a check to those
//! events, and `and`/`or`/`not` combine the sets. Events of other types are rejected
//! before any field is extracted; [`Filter::event_types`] gives the set to a live
//! probe so that they can be dropped in the kernel.
//!
//! # Example
//!
//! ```
//! use filter::{Filter, Formatter, Record};
//! use scap::table::ids;
//!
//! let f = Filter::compile("evt.type=open and tolower(proc.name) in (curl, wget)")?;
//! // Only open events can match: the others are rejected without extraction.
//! assert!(f.event_types().contains(ids::SYSCALL_OPEN_X));
//! assert!(!f.event_types().contains(ids::SYSCALL_READ_X));
//!
//! let mut ev = Record::new(ids::SYSCALL_OPEN_X)
//!     .with("evt.type", "open")
//!     .with("evt.num", 42u64)
//!     .with("proc.name", "Curl")
//!     .with("fd.name", "/etc/hosts");
//! assert!(f.matches(&mut ev));
//!
//! let out = Formatter::new("%evt.num %proc.name %fd.name")?;
//! let mut line = Vec::new();
//! assert!(out.write_text(&mut ev, &mut line));
//! assert_eq!(line, b"42 Curl /etc/hosts\n");
//! line.clear();
//! assert!(out.write_json(&mut ev, &mut line));
//! assert_eq!(line, b"{\"evt.num\":42,\"fd.name\":\"/etc/hosts\",\"proc.name\":\"Curl\"}\n");
//!
//! let err = Filter::compile("proc.name=curl and evt.type=open or evt.type=close").unwrap_err();
//! assert_eq!(err.span.start, 33); // the `or` that mixes connectives
//! # Ok::<(), filter::FilterError>(())
//! ```

#![deny(missing_docs)]

pub mod compile;
pub mod engine_source;
pub mod error;
pub mod fields;
pub mod format;
pub mod lang;
pub mod source;
pub mod value;

pub use compile::{EventTypeSet, Filter};
pub use error::{ErrorKind, FilterError, Span};
pub use format::{Formatter, Preset, TimeMode};
pub use source::{FieldSource, Record};
