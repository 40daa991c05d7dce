//! Field values from the state engine: [`Extractor`] and [`EngineSource`].
//!
//! The CLI keeps one [`Extractor`] (render options, scratch buffers, the time zone)
//! for the whole run and wraps each event's [`EventCtx`] in an [`EngineSource`] to
//! filter or format it:
//!
//! ```no_run
//! # fn run(engine: &mut engine::Engine, ev: &scap::Event<'_>, filter: &filter::Filter,
//! #        fmt: &filter::Formatter) {
//! use filter::engine_source::Extractor;
//! let mut x = Extractor::new(engine::RenderOptions::default());
//! let out = engine.process(ev, Some(&mut |ctx| filter.matches(&mut x.source(ctx))));
//! if !out.filtered_out {
//!     let ctx = engine.ctx(ev);
//!     let mut line = Vec::new();
//!     fmt.write_text(&mut x.source(&ctx), &mut line);
//! }
//! # }
//! ```
//!
//! Extraction follows sysdig 0.29.3's field semantics (`filter-language.md` §5);
//! the per-class code lives in `fields/{evt,proc,thread,user,group,container,fd,
//! fdlist,k8s,syslog}.rs`.

use std::cell::Cell;

use engine::{EventCtx, Fd, RenderOptions, Thread, text};
use scap::Event;
use scap::table::{EventInfo, ef};

use crate::fields::{self, FieldClass, FieldRef};
use crate::source::FieldSource;
use crate::value::Value;

/// The sink extraction functions push values to; returns true to stop.
pub(crate) type Sink<'s> = &'s mut dyn FnMut(Value<'_>) -> bool;

/// Long-lived state for extracting fields from the engine.
#[derive(Debug)]
pub struct Extractor {
    opts: RenderOptions,
    buf: Vec<u8>,
    tz: TzCache,
    num: text::CountingDecimal,
    tid: text::CountingDecimal,
}

/// One event seen through an [`Extractor`].
pub struct EngineSource<'x, 'a> {
    x: &'x mut Extractor,
    ctx: &'x EventCtx<'a>,
}

impl Extractor {
    /// An extractor rendering buffers and parameters per `opts` (use
    /// [`RenderOptions::json`] for `-j`).
    pub fn new(opts: RenderOptions) -> Extractor {
        Extractor {
            opts,
            buf: Vec::new(),
            tz: TzCache::default(),
            num: Default::default(),
            tid: Default::default(),
        }
    }

    /// The source of the event `ctx`.
    pub fn source<'x, 'a>(&'x mut self, ctx: &'x EventCtx<'a>) -> EngineSource<'x, 'a> {
        EngineSource { x: self, ctx }
    }
}

impl FieldSource for EngineSource<'_, '_> {
    fn event_type(&self) -> u16 {
        self.ctx.event().event_type()
    }

    #[inline(always)]
    fn write_text(&mut self, field: &FieldRef, out: &mut Vec<u8>) -> Option<bool> {
        use crate::fields::FieldId;
        // The fields of the default formats, written straight into the line
        // (the same text as extraction and `push_value` give).
        match field.id {
            FieldId::EvtInfo | FieldId::EvtArgs => self.ctx.write_info(out, &self.x.opts),
            FieldId::EvtNum => self.x.num.push(out, self.ctx.num()),
            FieldId::EvtCpu => text::push_u64(out, u64::from(self.ctx.event().cpuid())),
            FieldId::ThreadTid => match self.ctx.event().tid() as i64 {
                tid @ 0.. => self.x.tid.push(out, tid as u64),
                tid => text::push_i64(out, tid),
            },
            FieldId::EvtDir => {
                out.push(if scap::table::is_enter(self.event_type()) { b'>' } else { b'<' })
            }
            FieldId::EvtType => text::push_short(out, self.ctx.type_name().as_bytes()),
            FieldId::EvtTime => {
                let cx = Cx { ctx: self.ctx, opts: &self.x.opts, tz: &self.x.tz };
                fields::evt::write_time(out, &cx, self.ctx.event().ts(), FieldId::EvtTime);
            }
            FieldId::ProcName => match self.ctx.thread() {
                Some(t) => text::push_short(out, t.comm()),
                None => return Some(false),
            },
            _ => return None,
        }
        Some(true)
    }

    #[inline]
    fn ready_value(&mut self, field: &FieldRef) -> Option<Option<Value<'_>>> {
        use crate::fields::FieldId;
        let thread = self.ctx.thread();
        Some(match field.id {
            FieldId::ProcName => thread.map(|t| Value::Str(t.comm())),
            FieldId::ProcExe => thread.map(|t| Value::Str(t.exe())),
            FieldId::ProcPid => thread.map(|t| Value::I64(t.pid())),
            FieldId::EvtRawtime => Some(Value::U64(self.ctx.event().ts())),
            _ => return None,
        })
    }

    fn extract(&mut self, field: &FieldRef, sink: &mut dyn FnMut(Value<'_>) -> bool) {
        let cx = Cx { ctx: self.ctx, opts: &self.x.opts, tz: &self.x.tz };
        let buf = &mut self.x.buf;
        buf.clear();
        let info = field.info();
        match info.class {
            FieldClass::EvtAll | FieldClass::EvtSyscall => {
                fields::evt::extract(field, &cx, buf, sink)
            }
            FieldClass::Process if fields::thread::is_thread_field(field.id) => {
                fields::thread::extract(field, &cx, buf, sink)
            }
            FieldClass::Process => fields::proc::extract(field, &cx, buf, sink),
            FieldClass::User => fields::user::extract(field, &cx, buf, sink),
            FieldClass::Group => fields::group::extract(field, &cx, buf, sink),
            FieldClass::Container => fields::container::extract(field, &cx, buf, sink),
            FieldClass::Fd => fields::fd::extract(field, &cx, buf, sink),
            FieldClass::Fdlist => fields::fdlist::extract(field, &cx, buf, sink),
            FieldClass::K8s => fields::k8s::extract(field, &cx, buf, sink),
            FieldClass::Syslog => fields::syslog::extract(field, &cx, buf, sink),
            FieldClass::Util => {
                let n = field.counter.get() + 1;
                field.counter.set(n);
                sink(Value::U64(n));
            }
            FieldClass::Mesos => {}
        }
    }
}

/// What extraction functions see: the event context and the options.
pub(crate) struct Cx<'x, 'a> {
    pub ctx: &'x EventCtx<'a>,
    pub opts: &'x RenderOptions,
    pub tz: &'x TzCache,
}

impl<'x, 'a> Cx<'x, 'a> {
    pub fn ev(&self) -> &Event<'a> {
        self.ctx.event()
    }

    pub fn etype(&self) -> u16 {
        self.ctx.event().event_type()
    }

    pub fn info(&self) -> Option<&'static EventInfo> {
        self.ctx.event().info()
    }

    pub fn flags(&self) -> u32 {
        self.info().map_or(0, |i| i.flags)
    }

    pub fn thread(&self) -> Option<&'a Thread> {
        self.ctx.thread()
    }

    /// The first parameter called `name` among those the event carries.
    pub fn param_index(&self, name: &str) -> Option<usize> {
        let info = self.info()?;
        let n = self.ev().nparams() as usize;
        info.params.iter().take(n).position(|p| p.name == name)
    }

    pub fn param_i64(&self, name: &str) -> Option<i64> {
        self.ev().param_i64(self.param_index(name)?)
    }

    /// The result of the call: `res`, or `fd` on the exit of an fd-creating call.
    pub fn result(&self) -> Option<i64> {
        if let Some(r) = self.param_i64("res") {
            return Some(r);
        }
        if self.flags() & ef::CREATES_FD != 0 && !self.ev().is_enter() {
            return self.param_i64("fd");
        }
        None
    }

    /// The fd fields read (`extract_fd`): none unless the event creates, uses or
    /// destroys an fd and its thread is known; the attached fd, else the thread's
    /// last fd. The outer `None` means "no fd fields at all", the inner "no entry".
    pub fn fd(&self) -> Option<Option<&'a Fd>> {
        if self.flags() & (ef::CREATES_FD | ef::USES_FD | ef::DESTROYS_FD) == 0 {
            return None;
        }
        let t = self.thread()?;
        Some(self.ctx.fd().or_else(|| {
            let n = t.last_event_fd();
            if n == -1 { None } else { self.ctx.threads().fd(t, n) }
        }))
    }
}

/// The local UTC offset, cached per hour of event time.
#[derive(Debug, Default)]
pub(crate) struct TzCache {
    tz: std::sync::OnceLock<jiff::tz::TimeZone>,
    hour: Cell<Option<(i64, i64)>>,
    /// The second last asked by [`TzCache::clock`] and its text.
    clock: Cell<Option<(i64, [u8; 9])>>,
}

impl TzCache {
    /// `HH:MM:SS.` of the local time at `secs` since the epoch (consecutive events
    /// mostly fall in the same second, which is kept).
    pub fn clock(&self, secs: i64) -> [u8; 9] {
        if let Some((s, text)) = self.clock.get()
            && s == secs
        {
            return text;
        }
        let sod = (secs + self.offset(secs)).rem_euclid(86_400);
        let mut text = *b"00:00:00.";
        for (at, n) in [(0, sod / 3600), (3, sod / 60 % 60), (6, sod % 60)] {
            text[at] = b'0' + (n / 10) as u8;
            text[at + 1] = b'0' + (n % 10) as u8;
        }
        self.clock.set(Some((secs, text)));
        text
    }

    /// The UTC offset in seconds at `secs` since the epoch (the `TZ` variable or the
    /// system zone).
    pub fn offset(&self, secs: i64) -> i64 {
        let hour = secs.div_euclid(3600);
        if let Some((h, off)) = self.hour.get()
            && h == hour
        {
            return off;
        }
        let tz = self
            .tz
            .get_or_init(|| jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC));
        let off = jiff::Timestamp::from_second(secs)
            .map(|ts| i64::from(tz.to_offset(ts).seconds()))
            .unwrap_or(0);
        self.hour.set(Some((hour, off)));
        off
    }
}
