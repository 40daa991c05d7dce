//! sysray chisels: Lua scripts that analyse a capture, run by a host that speaks
//! sysdig's chisel API, plus sysray's own set of chisels.
//!
//! A chisel is a Lua file (LuaJIT, Lua 5.1 semantics) defining `description`,
//! `short_description`, `category`, an `args` table and callbacks (`on_set_arg`,
//! `on_init`, `on_capture_start`, `on_event`, `on_interval`, `on_capture_end`).
//! It asks for fields with `chisel.request_field`, reads them per event with
//! `evt.field`, filters with `chisel.set_filter`, and reads the thread and
//! container tables with `sysdig.get_thread_table` / `get_container_table`.
//! `../shared/docs/chisel-api.md` is the reference this crate implements.
//!
//! * [`SearchPath`] — where chisels are found: the name as given, `./chisels`,
//!   `~/.chisels`, `SYSRAY_CHISEL_DIR` (colon-separated), the chisels embedded
//!   from `crates/chisel/chisels/`, then `/usr/share/sysdig/chisels`.
//! * [`list_chisels`] / [`describe`] — the exact `-cl` and `-i NAME` outputs.
//! * [`ChiselRunner`] — the chisels of one run and the hooks an event loop calls;
//!   [`run_capture`] is that loop for capture files.
//!
//! # How the CLI wires `-c`
//!
//! 1. Build a runner with [`SearchPath::from_env`], the [`RunOptions`] taken from
//!    the flags, and a buffered stdout.
//! 2. While parsing options, for each `-c NAME` call [`ChiselRunner::add`] with
//!    the next command-line word and every word from it to the end (before
//!    options are reordered). If it returns [`Consume::NextWord`] that word is
//!    the chisel's argument string: count it, and when joining the remaining
//!    non-option words into the capture filter, skip that many words from the
//!    front (chisel-api.md 2.2; so `-c echo_fds "proc.name=curl"` leaves the
//!    filter, `-c fdbytes_by fd.name` takes the key). Errors print their
//!    `Display` on stderr and exit with [`ChiselError::exit_code`].
//! 3. [`ChiselRunner::init`] with that capture filter. A chisel may have set
//!    the global filter itself with `sysdig.set_filter` (which fails when a
//!    command-line filter exists): [`ChiselRunner::capture_filter`] is the
//!    effective one, and [`ChiselRunner::filter_event`] evaluates it — pass it as
//!    the engine's filter. A chisel's own `chisel.set_filter` is applied inside
//!    the runner, after the global filter.
//! 4. File mode: [`run_capture`]. Live: call
//!    [`ChiselRunner::on_capture_start`] once the source is open, then
//!    [`ChiselRunner::on_event`] for every processed event (with `delivered =
//!    false` for events the filter rejected: intervals still see their time),
//!    [`ChiselRunner::on_tick`] with the wall clock when the source is idle, and
//!    [`ChiselRunner::on_capture_end`] (or [`ChiselRunner::on_capture_end_after`]
//!    with the last delivered event, for `evt.field` in `on_capture_end`) at the
//!    end, on SIGINT, at `-n`/`-M`, when `on_event` returns [`Flow::EndCapture`],
//!    and after any error, including a failed `add` or `init` (sysdig runs the
//!    `on_capture_end` of every chisel already loaded).
//!    [`ChiselError::Exit`] means a chisel called `os.exit(code)`: exit with
//!    [`ChiselError::exit_code`] without printing it.
//! 5. When chisels run, sysray prints no events itself. Afterwards, if
//!    [`ChiselRunner::run_app`] returns arguments, run sysray again with them.
//!
//! ```
//! use chisel::{ChiselRunner, RunOptions, SearchPath};
//!
//! let dir = std::env::temp_dir().join(format!("chisel-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir).unwrap();
//! let file = dir.join("hello.lua");
//! std::fs::write(&file, r#"
//!     args = {{name = "who", description = "whom to greet", argtype = "string"}}
//!     function on_set_arg(name, val) who = val return true end
//!     function on_capture_end() print("hello " .. who) end
//! "#).unwrap();
//!
//! let out = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
//! #[derive(Clone)] struct Sink(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
//! impl std::io::Write for Sink {
//!     fn write(&mut self, b: &[u8]) -> std::io::Result<usize> { self.0.borrow_mut().extend_from_slice(b); Ok(b.len()) }
//!     fn flush(&mut self) -> std::io::Result<()> { Ok(()) }
//! }
//! let mut runner = ChiselRunner::new(SearchPath::embedded_only(), RunOptions::default(), Box::new(Sink(out.clone())));
//! runner.add_with_args(file.to_str().unwrap(), "world").unwrap();
//! runner.init(None).unwrap();
//! runner.on_capture_end(&engine::Engine::new()).unwrap();
//! assert_eq!(&*out.borrow(), b"hello world\n");
//! # std::fs::remove_dir_all(&dir).unwrap();
//! ```

#![deny(missing_docs)]

mod args;
mod drive;
mod error;
mod host;
mod interval;
mod listing;
mod runner;
mod search;

pub use args::{ArgSpec, Consume, split_values};
pub use drive::run_capture;
pub use error::ChiselError;
pub use host::RunOptions;
pub use listing::{ChiselInfo, chisel_infos, describe, list_chisels};
pub use runner::{ChiselRunner, Flow};
pub use search::{ChiselDir, ChiselSource, SYSDIG_CHISELS_DIR, SearchPath, embedded_names};
