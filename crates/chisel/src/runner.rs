//! [`ChiselRunner`]: the chisels of one run and the hooks the event loop calls.

use std::io::Write;
use std::rc::Rc;

use engine::{Engine, EventCtx};

use crate::args::{self, ArgSpec, Consume};
use crate::error::ChiselError;
use crate::host::{Chisel, RunOptions, Shared, runtime_error};
use crate::interval::Tick;
use crate::search::SearchPath;

/// What the event loop does after [`ChiselRunner::on_event`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Keep reading.
    Continue,
    /// A chisel called `sysdig.end_capture()`: stop reading, then call
    /// [`ChiselRunner::on_capture_end`].
    EndCapture,
}

/// The chisels of one run, in command-line order, and their shared state.
///
/// Call order (chisel-api.md 3.1): [`ChiselRunner::add`] per `-c` while parsing
/// options; [`ChiselRunner::init`] with the capture filter; open the capture;
/// [`ChiselRunner::on_capture_start`]; [`ChiselRunner::on_event`] for every event
/// the engine processed (except leading container events); then always
/// [`ChiselRunner::on_capture_end`], also after an error returned by the other
/// hooks (print the error, call `on_capture_end`, exit 1).
pub struct ChiselRunner {
    shared: Rc<Shared>,
    chisels: Vec<Chisel>,
    global_filter: Option<filter::Filter>,
    ticks: Vec<Tick>,
    line: Vec<u8>,
    started: bool,
    ended: bool,
}

impl ChiselRunner {
    /// A runner writing chisel output to `out` (give it a buffered writer).
    pub fn new(search: SearchPath, opts: RunOptions, out: Box<dyn Write>) -> ChiselRunner {
        ChiselRunner {
            shared: Rc::new(Shared::new(out, opts, search)),
            chisels: Vec::new(),
            global_filter: None,
            ticks: Vec::new(),
            line: Vec::new(),
            started: false,
            ended: false,
        }
    }

    /// Number of loaded chisels.
    pub fn len(&self) -> usize {
        self.chisels.len()
    }

    /// True when no chisel is loaded.
    pub fn is_empty(&self) -> bool {
        self.chisels.is_empty()
    }

    fn load(&self, name: &str) -> Result<Chisel, ChiselError> {
        let name = name.trim();
        let src = self
            .shared
            .search
            .resolve(name)
            .ok_or_else(|| ChiselError::NotFound(name.to_owned()))?;
        Chisel::load(&self.shared, name, &src.text)
    }

    /// Handles `-c NAME` as sysdig does while parsing options: loads the chisel,
    /// decides whether it takes the next command-line word (`next`; `rest` = every
    /// word from `next` to the end, before option reordering), splits that word
    /// into values and calls `on_set_arg`. Returns whether the word was taken:
    /// the CLI must then skip one more non-option word when it joins the
    /// remaining ones into the capture filter (chisel-api.md 2.2).
    pub fn add(
        &mut self,
        name: &str,
        next: Option<&str>,
        rest: &[&str],
    ) -> Result<Consume, ChiselError> {
        let chisel = self.load(name)?;
        let consume = args::consume(name.trim(), &chisel.args, next, rest, |f| {
            filter::Filter::compile(f).is_ok()
        })?;
        let word = match consume {
            Consume::NextWord => next.unwrap_or(""),
            Consume::Nothing => "",
        };
        self.configure(chisel, word)?;
        Ok(consume)
    }

    /// Loads chisel `name` with `word` as its argument string (library use and
    /// tests; the CLI uses [`ChiselRunner::add`]).
    pub fn add_with_args(&mut self, name: &str, word: &str) -> Result<(), ChiselError> {
        let chisel = self.load(name)?;
        self.configure(chisel, word)
    }

    fn configure(&mut self, chisel: Chisel, word: &str) -> Result<(), ChiselError> {
        let values = if chisel.args.is_empty() {
            Vec::new()
        } else {
            args::values_for(&chisel.name(), &chisel.args, word)?
        };
        chisel.set_args(&values)?;
        self.chisels.push(chisel);
        Ok(())
    }

    /// The declared arguments of chisel `name` (what `-i` shows).
    pub fn arg_specs(&self, name: &str) -> Result<Vec<ArgSpec>, ChiselError> {
        Ok(self.load(name)?.args)
    }

    /// Installs the capture filter (if any) and runs every chisel's `on_init`,
    /// following `chisel.exec` chains. Afterwards [`ChiselRunner::capture_filter`]
    /// is the global filter (the command line's, or one a chisel set with
    /// `sysdig.set_filter`).
    pub fn init(&mut self, capture_filter: Option<&str>) -> Result<(), ChiselError> {
        if let Some(f) = capture_filter.filter(|f| !f.trim().is_empty()) {
            *self.shared.global_filter.borrow_mut() = Some(f.to_owned());
        }
        for i in 0..self.chisels.len() {
            self.init_one(i)?;
        }
        self.global_filter = match self.shared.global_filter.borrow().as_deref() {
            Some(f) => {
                Some(filter::Filter::compile(f).map_err(|e| ChiselError::Filter(e.to_string()))?)
            }
            None => None,
        };
        Ok(())
    }

    fn init_one(&mut self, i: usize) -> Result<(), ChiselError> {
        loop {
            let chisel = &self.chisels[i];
            let name = chisel.name();
            let Some(f) = chisel.function("on_init") else { return Ok(()) };
            chisel.state.in_init.set(true);
            let r = f.call::<mlua::Value>(());
            chisel.state.in_init.set(false);
            let exec = chisel.state.exec.borrow_mut().take();
            match r {
                Err(e) => {
                    return Err(match crate::host::exit_request(&e) {
                        Some(c) => ChiselError::Exit(c),
                        None => ChiselError::Init { name, msg: crate::host::lua_message(&e) },
                    });
                }
                Ok(v) if exec.is_none() => {
                    return match v {
                        mlua::Value::Boolean(true) => Ok(()),
                        mlua::Value::Boolean(false) => Err(ChiselError::InitFailed(name)),
                        _ => Err(ChiselError::InitReturn(name)),
                    };
                }
                Ok(_) => {}
            }
            let Some((target, values)) = exec else { return Ok(()) };
            let next = self.load(&target)?;
            let word = args::join_values(&values);
            let vals = if next.args.is_empty() {
                Vec::new()
            } else {
                args::values_for(&target, &next.args, &word)?
            };
            next.set_args(&vals)?;
            self.chisels[i] = next;
        }
    }

    /// The global filter after [`ChiselRunner::init`].
    pub fn capture_filter(&self) -> Option<String> {
        self.shared.global_filter.borrow().clone()
    }

    /// The snap length a chisel asked for (`sysdig.set_snaplen`), for live capture.
    pub fn snaplen(&self) -> Option<u32> {
        self.shared.snaplen.get()
    }

    /// Tells chisels how much of the file was read (`sysdig.get_read_progress`).
    pub fn set_read_progress(&self, percent: f64) {
        self.shared.read_progress.set(percent);
    }

    /// True if `ctx` passes the global filter (use it as the engine's filter).
    pub fn filter_event(&mut self, ctx: &EventCtx<'_>) -> bool {
        let Some(f) = &self.global_filter else { return true };
        f.matches(&mut self.shared.extractor.borrow_mut().source(ctx))
    }

    /// Runs every chisel's `on_capture_start`.
    pub fn on_capture_start(&mut self, engine: &Engine) -> Result<(), ChiselError> {
        self.shared.capture_open.set(true);
        self.started = true;
        let _g = self.shared.enter(Some(engine), None);
        for c in &self.chisels {
            let name = c.name();
            let Some(f) = c.function("on_capture_start") else { continue };
            match f.call::<mlua::Value>(()) {
                Ok(mlua::Value::Boolean(true)) => {}
                Ok(mlua::Value::Boolean(false)) => return Err(ChiselError::InitFailed(name)),
                Ok(_) => return Err(ChiselError::CaptureStartReturn(name)),
                Err(e) => return Err(runtime_error(&name, &e)),
            }
        }
        Ok(())
    }

    fn run_ticks(&mut self, i: usize, ts: u64) -> Result<(), ChiselError> {
        let chisel = &self.chisels[i];
        chisel.state.clock.borrow_mut().advance(ts, &mut self.ticks);
        for t in &self.ticks {
            let name = chisel.name();
            let Some(f) = &chisel.on_interval else {
                return Err(ChiselError::Interval {
                    name,
                    msg: "attempt to call a nil value".into(),
                });
            };
            let args =
                ((t.ts / 1_000_000_000) as f64, (t.ts % 1_000_000_000) as f64, t.delta as f64);
            match f.call::<mlua::Value>(args) {
                Ok(mlua::Value::Nil | mlua::Value::Boolean(false)) => {
                    return Err(ChiselError::Terminated(name));
                }
                Ok(_) => {}
                Err(e) => {
                    return Err(match crate::host::exit_request(&e) {
                        Some(c) => ChiselError::Exit(c),
                        None => ChiselError::Interval { name, msg: crate::host::lua_message(&e) },
                    });
                }
            }
        }
        Ok(())
    }

    /// One event the engine processed. `delivered` is false when the global
    /// filter rejected it or the engine hides it from chisels (state-only
    /// events): then only the interval clocks see its timestamp. Internal events
    /// (`procinfo`...) are delivered.
    pub fn on_event(&mut self, ctx: &EventCtx<'_>, delivered: bool) -> Result<Flow, ChiselError> {
        let ts = ctx.event().ts();
        if self.shared.first_ts.get() == 0 {
            self.shared.first_ts.set(ts);
        }
        self.shared.last_ts.set(ts);
        let shared = self.shared.clone();
        let _g = shared.enter(Some(ctx.engine()), Some(ctx));
        for i in 0..self.chisels.len() {
            self.run_ticks(i, ts)?;
            if !delivered {
                continue;
            }
            let chisel = &self.chisels[i];
            if let Some(f) = &*chisel.state.filter.borrow()
                && !f.matches(&mut shared.extractor.borrow_mut().source(ctx))
            {
                continue;
            }
            if let Some(f) = &chisel.on_event {
                let accepted = match f.call::<mlua::Value>(()) {
                    Ok(v) => !matches!(v, mlua::Value::Nil | mlua::Value::Boolean(false)),
                    Err(e) => return Err(runtime_error(&chisel.name(), &e)),
                };
                if shared.end_capture.get() {
                    return Ok(Flow::EndCapture);
                }
                if !accepted {
                    continue;
                }
            }
            if let Some(fmt) = &*chisel.state.format.borrow() {
                self.line.clear();
                let mut x = shared.extractor.borrow_mut();
                let mut src = x.source(ctx);
                let printed = if shared.opts.json {
                    fmt.write_json(&mut src, &mut self.line)
                } else {
                    fmt.write_text(&mut src, &mut self.line)
                };
                if printed {
                    shared.write(&self.line)?;
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// Live capture: advances the interval clocks to the wall-clock time `now_ns`
    /// when no event arrived for a while, so quiet systems still get
    /// `on_interval` calls.
    pub fn on_tick(&mut self, engine: &Engine, now_ns: u64) -> Result<(), ChiselError> {
        let shared = self.shared.clone();
        let _g = shared.enter(Some(engine), None);
        for i in 0..self.chisels.len() {
            self.run_ticks(i, now_ns)?;
        }
        Ok(())
    }

    /// Runs every chisel's `on_capture_end(ts_s, ts_ns, delta)` with the last
    /// event's timestamp and the time between the first and the last event, then
    /// flushes the output. Errors inside `on_capture_end` are ignored, as in
    /// sysdig (the remaining chisels are then skipped). Safe to call once only;
    /// later calls do nothing.
    pub fn on_capture_end(&mut self, engine: &Engine) -> Result<(), ChiselError> {
        self.end(engine, None)
    }

    /// [`ChiselRunner::on_capture_end`] with the last delivered event still
    /// current, so that `evt.field` in `on_capture_end` reads it, as in sysdig.
    pub fn on_capture_end_after(&mut self, last: &EventCtx<'_>) -> Result<(), ChiselError> {
        self.end(last.engine(), Some(last))
    }

    fn end(
        &mut self,
        engine: &Engine,
        last_event: Option<&EventCtx<'_>>,
    ) -> Result<(), ChiselError> {
        if self.ended {
            return Ok(());
        }
        self.ended = true;
        let last = self.shared.last_ts.get();
        let delta = last.saturating_sub(self.shared.first_ts.get());
        let shared = self.shared.clone();
        {
            let _g = shared.enter(Some(engine), last_event);
            for c in &self.chisels {
                let Some(f) = c.function("on_capture_end") else { continue };
                let args =
                    ((last / 1_000_000_000) as f64, (last % 1_000_000_000) as f64, delta as f64);
                if let Err(e) = f.call::<mlua::Value>(args) {
                    if let Some(code) = crate::host::exit_request(&e) {
                        shared.out.borrow_mut().flush()?;
                        return Err(ChiselError::Exit(code));
                    }
                    if std::env::var_os("SYSRAY_CHISEL_DEBUG").is_some() {
                        eprintln!("{} on_capture_end: {}", c.name(), crate::host::lua_message(&e));
                    }
                    break;
                }
            }
        }
        self.flush()
    }

    /// Flushes chisel output.
    pub fn flush(&self) -> Result<(), ChiselError> {
        self.shared.out.borrow_mut().flush()?;
        Ok(())
    }

    /// True once [`ChiselRunner::on_capture_start`] ran.
    pub fn capture_started(&self) -> bool {
        self.started
    }

    /// The command line a chisel asked to run after this run (`sysdig.run_app`),
    /// split at spaces outside double quotes, quotes removed; the program name is
    /// not included.
    pub fn run_app(&self) -> Option<Vec<String>> {
        let s = self.shared.run_app.borrow().clone()?;
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        for c in s.chars() {
            match c {
                '"' => quoted = !quoted,
                ' ' if !quoted => {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        Some(out)
    }
}
