//! One loaded chisel: its own Lua state (LuaJIT, Lua 5.1 semantics), the global
//! tables `chisel`, `sysdig` and `evt` of sysdig's chisel API, and its
//! callbacks. The state shared by every chisel of a run (output, the current
//! event, the engine, the global filter...) is [`Shared`].
//!
//! The current event and the engine are borrowed by the callbacks through raw
//! pointers that are set only while Rust is inside a call into Lua and cleared
//! when it returns ([`Shared::enter`]). Lua cannot keep them: the API functions
//! copy values out before returning.

mod api;
mod stdio;
pub(crate) mod tables;

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::rc::Rc;

use engine::{BufferFormat, Engine, EventCtx, RenderOptions};
use filter::fields::FieldRef;
use mlua::{Function, Lua, LuaOptions, StdLib, Value};
use rustc_hash::FxHashMap;

use crate::args::ArgSpec;
use crate::error::ChiselError;
use crate::interval::IntervalClock;
use crate::search::SearchPath;

/// Options of a run that chisels can query.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// `-pc`/`-pk`/`-pm` given (`sysdig.is_print_container_data`).
    pub print_container_data: bool,
    /// `-j` given.
    pub json: bool,
    /// The buffer format chosen on the command line (`-A`, `-x`...).
    pub buffer_format: BufferFormat,
    /// True if the user chose a buffer format or `-j` explicitly (then
    /// `sysdig.set_output_format` is ignored).
    pub buffer_format_explicit: bool,
    /// Live capture (`sysdig.is_live` from capture start on).
    pub live: bool,
    /// The capture file as given to `-r` (`sysdig.get_evtsource_name`).
    pub evtsource_name: String,
}

/// State shared by every chisel of a run.
pub(crate) struct Shared {
    pub out: RefCell<Box<dyn Write>>,
    pub opts: RunOptions,
    pub search: SearchPath,
    pub buffer_format: Cell<BufferFormat>,
    pub capture_open: Cell<bool>,
    pub end_capture: Cell<bool>,
    pub run_app: RefCell<Option<String>>,
    pub global_filter: RefCell<Option<String>>,
    pub snaplen: Cell<Option<u32>>,
    pub first_ts: Cell<u64>,
    pub last_ts: Cell<u64>,
    pub read_progress: Cell<f64>,
    pub udp: RefCell<Option<std::net::UdpSocket>>,
    /// Field extraction (the filter crate's), rebuilt when the buffer format changes.
    pub extractor: RefCell<filter::engine_source::Extractor>,
    engine: Cell<*const Engine>,
    ctx: Cell<*const ()>,
}

/// Clears the borrowed pointers of [`Shared`] when dropped.
pub(crate) struct EnterGuard<'s> {
    shared: &'s Shared,
    prev_engine: *const Engine,
    prev_ctx: *const (),
}

impl Drop for EnterGuard<'_> {
    fn drop(&mut self) {
        self.shared.engine.set(self.prev_engine);
        self.shared.ctx.set(self.prev_ctx);
    }
}

impl Shared {
    pub(crate) fn new(out: Box<dyn Write>, opts: RunOptions, search: SearchPath) -> Shared {
        let bf = opts.buffer_format;
        Shared {
            out: RefCell::new(out),
            opts,
            search,
            buffer_format: Cell::new(bf),
            capture_open: Cell::new(false),
            end_capture: Cell::new(false),
            run_app: RefCell::new(None),
            global_filter: RefCell::new(None),
            snaplen: Cell::new(None),
            first_ts: Cell::new(0),
            last_ts: Cell::new(0),
            read_progress: Cell::new(0.0),
            udp: RefCell::new(None),
            extractor: RefCell::new(filter::engine_source::Extractor::new(RenderOptions {
                buffer: bf,
                max_len: 0,
            })),
            engine: Cell::new(std::ptr::null()),
            ctx: Cell::new(std::ptr::null()),
        }
    }

    /// Lends `engine` (and the current event, if any) to the API functions until
    /// the guard is dropped.
    pub(crate) fn enter<'s>(
        &'s self,
        engine: Option<&Engine>,
        ctx: Option<&EventCtx<'_>>,
    ) -> EnterGuard<'s> {
        let guard =
            EnterGuard { shared: self, prev_engine: self.engine.get(), prev_ctx: self.ctx.get() };
        if let Some(e) = engine {
            self.engine.set(e);
        }
        if let Some(c) = ctx {
            self.ctx.set((c as *const EventCtx<'_>).cast());
        }
        guard
    }

    /// The engine lent by [`Shared::enter`].
    pub(crate) fn engine(&self) -> Option<&Engine> {
        let p = self.engine.get();
        // SAFETY: the pointer is set by `enter` from a reference that outlives the
        // guard, and reset when the guard drops; API functions run only inside.
        if p.is_null() { None } else { Some(unsafe { &*p }) }
    }

    /// The current event lent by [`Shared::enter`].
    pub(crate) fn ctx(&self) -> Option<&EventCtx<'_>> {
        let p = self.ctx.get();
        // SAFETY: as for `engine`; the lifetime is shortened to the borrow of self,
        // which cannot outlive the guard's caller frame in practice because the
        // reference is used only within one API call.
        if p.is_null() { None } else { Some(unsafe { &*p.cast::<EventCtx<'_>>() }) }
    }

    /// Render options for buffers in chisel output (never cut).
    pub(crate) fn render_opts(&self) -> RenderOptions {
        RenderOptions { buffer: self.buffer_format.get(), max_len: 0 }
    }

    /// Switches the buffer format chisel output renders with.
    pub(crate) fn set_buffer_format(&self, bf: BufferFormat) {
        self.buffer_format.set(bf);
        *self.extractor.borrow_mut() = filter::engine_source::Extractor::new(self.render_opts());
    }

    pub(crate) fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.borrow_mut().write_all(bytes)
    }
}

/// A field requested with `chisel.request_field`, with its private state.
pub(crate) struct Handle {
    pub field: FieldRef,
    /// `thread.cpu`: last cumulative CPU per thread seen by this handle.
    pub cpu_last: FxHashMap<i64, u64>,
}

/// Per-chisel state reachable from its Lua functions.
pub(crate) struct ChiselState {
    pub name: RefCell<String>,
    pub filter: RefCell<Option<filter::Filter>>,
    pub format: RefCell<Option<filter::Formatter>>,
    pub clock: RefCell<IntervalClock>,
    pub handles: RefCell<Vec<Handle>>,
    pub exec: RefCell<Option<(String, Vec<String>)>>,
    pub in_init: Cell<bool>,
    pub scratch: RefCell<Vec<u8>>,
}

/// A loaded chisel.
pub(crate) struct Chisel {
    pub lua: Lua,
    pub state: Rc<ChiselState>,
    pub args: Vec<ArgSpec>,
    pub on_event: Option<Function>,
    pub on_interval: Option<Function>,
}

/// The message of a Lua error without mlua's decorations.
pub(crate) fn lua_message(e: &mlua::Error) -> String {
    match e {
        mlua::Error::CallbackError { cause, .. } => lua_message(cause),
        mlua::Error::RuntimeError(m) | mlua::Error::SyntaxError { message: m, .. } => {
            m.split("\nstack traceback:").next().unwrap_or(m).to_owned()
        }
        mlua::Error::ExternalError(e) => e.to_string(),
        other => {
            other.to_string().split("\nstack traceback:").next().unwrap_or_default().to_owned()
        }
    }
}

/// The exit status of an `os.exit` call inside `e`, if that is what `e` is.
pub(crate) fn exit_request(e: &mlua::Error) -> Option<i32> {
    match e {
        mlua::Error::CallbackError { cause, .. } => exit_request(cause),
        mlua::Error::ExternalError(x) => x.downcast_ref::<stdio::ExitRequest>().map(|r| r.0),
        mlua::Error::WithContext { cause, .. } => exit_request(cause),
        _ => None,
    }
}

/// Creates a Lua state with the API and the shared modules reachable.
pub(crate) fn new_lua(shared: &Rc<Shared>, state: &Rc<ChiselState>) -> Result<Lua, mlua::Error> {
    // SAFETY: chisels are trusted scripts, as in sysdig; they get the debug library.
    let lua = unsafe {
        Lua::unsafe_new_with(StdLib::ALL_SAFE | StdLib::DEBUG | StdLib::JIT, LuaOptions::default())
    };
    lua.set_app_data(shared.clone());
    lua.set_app_data(state.clone());
    stdio::install(&lua)?;
    api::install(&lua)?;
    Ok(lua)
}

impl Chisel {
    /// Loads chisel `name` from `text`: runs its top-level code and reads `args`.
    pub(crate) fn load(shared: &Rc<Shared>, name: &str, text: &str) -> Result<Chisel, ChiselError> {
        let state = Rc::new(ChiselState {
            name: RefCell::new(name.to_owned()),
            filter: RefCell::new(None),
            format: RefCell::new(None),
            clock: RefCell::new(IntervalClock::default()),
            handles: RefCell::new(Vec::new()),
            exec: RefCell::new(None),
            in_init: Cell::new(false),
            scratch: RefCell::new(Vec::new()),
        });
        let load_err = |msg: String| ChiselError::Load { name: name.to_owned(), msg };
        let lua = new_lua(shared, &state).map_err(|e| load_err(lua_message(&e)))?;
        if let Err(e) = lua.load(text).set_name(chunk_name(text)).exec() {
            if let Some(code) = exit_request(&e) {
                return Err(ChiselError::Exit(code));
            }
            return Err(load_err(lua_message(&e)));
        }
        let g = lua.globals();
        let args = match g.get::<Value>("args") {
            Ok(Value::Table(t)) => parse_args(&t).map_err(load_err)?,
            _ => return Err(load_err("args table missing".into())),
        };
        let on_event = g.get::<Option<Function>>("on_event").ok().flatten();
        let on_interval = g.get::<Option<Function>>("on_interval").ok().flatten();
        Ok(Chisel { lua, state, args, on_event, on_interval })
    }

    pub(crate) fn name(&self) -> String {
        self.state.name.borrow().clone()
    }

    /// The global function `name`, if defined.
    pub(crate) fn function(&self, name: &str) -> Option<Function> {
        self.lua.globals().get::<Option<Function>>(name).ok().flatten()
    }

    /// Calls `on_set_arg` for each value (chisel-api.md 2.4).
    pub(crate) fn set_args(&self, values: &[String]) -> Result<(), ChiselError> {
        if values.is_empty() {
            return Ok(());
        }
        let name = self.name();
        let Some(f) = self.function("on_set_arg") else {
            return Err(ChiselError::NoSetArg(name));
        };
        for (i, v) in values.iter().enumerate() {
            let arg_name = self.args.get(i).map_or("", |a| a.name.as_str());
            match f.call::<Value>((arg_name, v.as_str())) {
                Ok(Value::Boolean(true)) => {}
                Ok(Value::Boolean(false)) => return Err(ChiselError::SetArgFailed(name)),
                Ok(_) => return Err(ChiselError::SetArgReturn(name)),
                Err(e) => return Err(runtime_error(&name, &e)),
            }
        }
        Ok(())
    }
}

/// Maps a Lua error of a callback to the runtime error line.
pub(crate) fn runtime_error(name: &str, e: &mlua::Error) -> ChiselError {
    match exit_request(e) {
        Some(code) => ChiselError::Exit(code),
        None => ChiselError::Runtime { name: name.to_owned(), msg: lua_message(e) },
    }
}

/// The chunk name that makes Lua print positions as sysdig's string chunks do:
/// `[string "<first line>..."]` (Lua derives that from a source given as text).
fn chunk_name(text: &str) -> String {
    text.to_owned()
}

/// Parses one entry of the `args` table.
fn parse_arg(entry: &mlua::Table) -> Result<ArgSpec, String> {
    let mut spec = ArgSpec::default();
    for p in entry.pairs::<Value, Value>() {
        let (ek, ev) = p.map_err(|e| lua_message(&e))?;
        let key = match &ek {
            Value::String(s) => s.to_string_lossy(),
            Value::Integer(i) => i.to_string(),
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        match ev {
            Value::String(s) => {
                let s = s.to_string_lossy();
                match key.as_str() {
                    "name" => spec.name = s,
                    "description" => spec.description = s,
                    "argtype" => spec.argtype = s,
                    _ => {}
                }
            }
            Value::Integer(_) | Value::Number(_) => {}
            Value::Boolean(b) => {
                if key == "optional" {
                    spec.optional = b;
                }
            }
            _ => return Err(format!("{key} is not a string")),
        }
    }
    Ok(spec)
}

/// Parses the global `args` table (chisel-api.md 2.1). Entries that are not
/// tables are skipped (sysdig prints a top-level string entry as `key = value`;
/// chisels never rely on it).
pub(crate) fn parse_args(t: &mlua::Table) -> Result<Vec<ArgSpec>, String> {
    let mut out = Vec::new();
    for pair in t.pairs::<Value, Value>() {
        let (_, v) = pair.map_err(|e| lua_message(&e))?;
        if let Value::Table(entry) = v {
            out.push(parse_arg(&entry)?);
        }
    }
    Ok(out)
}
