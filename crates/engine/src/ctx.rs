//! [`EventCtx`]: one event together with the state it is seen in.

use scap::Event;
use scap::table::ids;

use crate::containers::Container;
use crate::engine::Engine;
use crate::fds::Fd;
use crate::render::{ArgForm, ArgSel, RenderOptions};
use crate::thread_table::ThreadTable;
use crate::threads::Thread;

/// An event with its context: the thread that produced it, the fd it uses, and
/// read access to every table, as the filter and the output formatter see them.
///
/// Obtain it from [`Engine::ctx`] right after [`Engine::process`] for the same
/// event (or inside the filter callback). Rendering methods append to a
/// caller-provided buffer.
#[derive(Clone, Copy)]
pub struct EventCtx<'a> {
    engine: &'a Engine,
    ev: Event<'a>,
    thread: Option<&'a Thread>,
    /// For a synthetic context ([`Engine::with_synthetic_ctx`]): the fd it was
    /// built for, instead of the attached fd of the event last processed.
    synthetic: Option<Option<(i64, &'a Fd)>>,
}

impl std::fmt::Debug for EventCtx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventCtx")
            .field("num", &self.num())
            .field("type", &self.ev.event_type())
            .field("tid", &self.ev.tid())
            .finish()
    }
}

impl Engine {
    /// The context of `ev`, which must be the event last given to
    /// [`Engine::process`] (the per-event parts — attached fd, enter event — are
    /// that event's).
    pub fn ctx<'a>(&'a self, ev: &Event<'a>) -> EventCtx<'a> {
        let thread = match &self.cur.synthetic {
            Some(t) => Some(&**t),
            None => self.threads.get_hinted(ev.tid() as i64, self.cur.slot),
        };
        EventCtx { engine: self, ev: *ev, thread, synthetic: None }
    }

    /// The context of the synthetic event `ev` on `thread`, with `fd` attached.
    pub(crate) fn synthetic_ctx_of<'a>(
        &'a self,
        ev: Event<'a>,
        thread: &'a Thread,
        fd: Option<(i64, &'a Fd)>,
    ) -> EventCtx<'a> {
        EventCtx { engine: self, ev, thread: Some(thread), synthetic: Some(fd) }
    }
}

impl<'a> EventCtx<'a> {
    /// The engine, for lookups beyond this event.
    pub fn engine(&self) -> &'a Engine {
        self.engine
    }

    /// The event.
    pub fn event(&self) -> &Event<'a> {
        &self.ev
    }

    /// `evt.num` (0 for a synthetic context).
    pub fn num(&self) -> u64 {
        if self.synthetic.is_some() {
            return 0;
        }
        self.engine.cur.num
    }

    /// True for a context built by [`Engine::with_synthetic_ctx`] rather than
    /// for a processed event.
    pub fn is_synthetic(&self) -> bool {
        self.synthetic.is_some()
    }

    /// The thread that produced the event (a synthetic one for container JSON
    /// events), `None` for unknown threads that got no placeholder (scheduler
    /// switches, a full table).
    pub fn thread(&self) -> Option<&'a Thread> {
        self.thread
    }

    /// The thread's main thread.
    pub fn main_thread(&self) -> Option<&'a Thread> {
        self.engine.threads.main_thread(self.thread?)
    }

    /// The thread table.
    pub fn threads(&self) -> &'a ThreadTable {
        &self.engine.threads
    }

    /// The fd entry sinsp attached to the event (`m_fdinfo`): the enter's fd for
    /// paired I/O exits, the new fd for fd-creating exits.
    pub fn fd(&self) -> Option<&'a Fd> {
        if let Some(given) = self.synthetic {
            return given.map(|(_, f)| f);
        }
        let at = self.engine.cur.fd?;
        self.engine.fd_at(at)
    }

    /// The number of the fd the event uses: the thread's last fd, when an fd is
    /// attached (`sinsp_evt::get_fd_num`).
    pub fn fd_num(&self) -> Option<i64> {
        if let Some(given) = self.synthetic {
            return given.map(|(n, _)| n);
        }
        self.engine.cur.fd?;
        Some(self.thread?.lastevent_fd.get())
    }

    /// The entry of the thread's last fd (what fd fields fall back to when no fd
    /// is attached).
    pub fn last_fd(&self) -> Option<(i64, &'a Fd)> {
        let t = self.thread?;
        let n = t.lastevent_fd.get();
        self.engine.threads.fd(t, n).map(|f| (n, f))
    }

    /// True when parsing this event renamed its fd (UDP tuple updates).
    pub fn fd_name_changed(&self) -> bool {
        self.synthetic.is_none() && self.engine.cur.fd_name_changed
    }

    /// The errno of a failed exit (`m_errorcode`), 0 otherwise.
    pub fn errorcode(&self) -> i32 {
        if self.synthetic.is_some() {
            return 0;
        }
        self.engine.cur.errorcode
    }

    /// The stored enter event of this exit, when sinsp kept one and it pairs.
    pub fn enter_event(&self) -> Option<Event<'a>> {
        if self.ev.is_enter() || self.synthetic.is_some() {
            return None;
        }
        let t = self.thread?;
        let en = Event::from_v2(&t.enter.bytes, t.enter.cpuid, 0).ok()?;
        (en.event_type().wrapping_add(1) == self.ev.event_type()).then_some(en)
    }

    /// The container of the event's thread.
    pub fn container(&self) -> Option<&'a Container> {
        let id = self.thread?.container_id();
        if id.is_empty() { None } else { self.engine.containers.get(id) }
    }

    /// Timestamp of the first event of the capture (relative times, `-t r`).
    pub fn first_event_ts(&self) -> u64 {
        self.engine.first_ts
    }

    /// Timestamp of the event processed before this one.
    pub fn prev_event_ts(&self) -> u64 {
        self.engine.cur.prev_ts
    }

    /// `%evt.type`: the table name, or the syscall name for generic events.
    pub fn type_name(&self) -> &'static str {
        let t = self.ev.event_type();
        if t == ids::GENERIC_E || t == ids::GENERIC_X {
            let code = self.ev.param_u64(0).unwrap_or(0) as u16;
            return scap::table::syscall_name(code).unwrap_or("<unknown>");
        }
        self.ev.info().map_or("<unknown>", |i| i.name)
    }

    /// Appends `%evt.info` (= `%evt.args`): `name=value(resolved) ` per
    /// parameter, empty for generic events.
    pub fn write_info(&self, out: &mut Vec<u8>, opts: &RenderOptions) {
        let t = self.ev.event_type();
        if t == ids::GENERIC_E || t == ids::GENERIC_X {
            return;
        }
        let Some(info) = self.ev.info() else { return };
        RESOLVED.with_borrow_mut(|res| self.write_info_with(info, out, res, opts));
    }

    fn write_info_with(
        &self,
        info: &scap::table::EventInfo,
        out: &mut Vec<u8>,
        res: &mut Vec<u8>,
        opts: &RenderOptions,
    ) {
        for (i, (pinfo, payload)) in info.params.iter().zip(self.ev.params()).enumerate() {
            crate::render::text::push_short(out, pinfo.name.as_bytes());
            out.push(b'=');
            if self.push_simple_param(pinfo, payload, out) {
                out.push(b' ');
                continue;
            }
            res.clear();
            let start = out.len();
            self.param_text_of(i, pinfo, payload, opts, out, res);
            cut_at_nul(out, start);
            cut_at_nul(res, 0);
            if !res.is_empty() {
                out.push(b'(');
                out.extend_from_slice(res);
                out.push(b')');
            }
            out.push(b' ');
        }
    }

    /// Appends `%evt.args` (the same text as [`Self::write_info`]).
    pub fn write_args(&self, out: &mut Vec<u8>, opts: &RenderOptions) {
        self.write_info(out, opts);
    }

    /// Appends one parameter in `form`; returns false (writing nothing) when the
    /// event has no such parameter.
    pub fn write_arg(
        &self,
        out: &mut Vec<u8>,
        sel: ArgSel<'_>,
        form: ArgForm,
        opts: &RenderOptions,
    ) -> bool {
        let Some(info) = self.ev.info() else { return false };
        let n = self.nparams();
        let i = match sel {
            ArgSel::Index(i) => i,
            ArgSel::Name(name) => match info.params[..n].iter().position(|p| p.name == name) {
                Some(i) => i,
                None => return false,
            },
        };
        if i >= n {
            return false;
        }
        let mut val = Vec::new();
        let mut res = Vec::new();
        self.param_text(i, opts, &mut val, &mut res);
        cut_at_nul(&mut val, 0);
        cut_at_nul(&mut res, 0);
        match form {
            ArgForm::Resolved if !res.is_empty() => out.extend_from_slice(&res),
            ArgForm::Resolved | ArgForm::Value => out.extend_from_slice(&val),
            ArgForm::Info => {
                out.extend_from_slice(&val);
                if !res.is_empty() {
                    out.push(b'(');
                    out.extend_from_slice(&res);
                    out.push(b')');
                }
            }
        }
        true
    }

    /// Appends the value and resolved texts of parameter `i` separately (both
    /// appended to); returns false when there is no such parameter.
    pub fn write_param_parts(
        &self,
        i: usize,
        opts: &RenderOptions,
        val: &mut Vec<u8>,
        res: &mut Vec<u8>,
    ) -> bool {
        if i >= self.nparams() {
            return false;
        }
        let (v0, r0) = (val.len(), res.len());
        self.param_text(i, opts, val, res);
        cut_at_nul(val, v0);
        cut_at_nul(res, r0);
        true
    }
}

thread_local! {
    /// Scratch for resolved texts, reused across events.
    static RESOLVED: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// sinsp hands parameter texts around as C strings: anything after a NUL is lost.
fn cut_at_nul(buf: &mut Vec<u8>, start: usize) {
    let tail = &buf[start..];
    // Most values are short, where a plain scan beats memchr's setup.
    let nul =
        if tail.len() < 32 { tail.iter().position(|&c| c == 0) } else { memchr::memchr(0, tail) };
    if let Some(p) = nul {
        buf.truncate(start + p);
    }
}
