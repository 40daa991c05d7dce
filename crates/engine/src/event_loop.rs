//! One event through the engine, in sinsp's order (state-engine.md §1.2–1.6):
//! numbering, deferred removals from the previous event, thread association and
//! enter/exit pairing, the filter for events that do not change state, the state
//! handler, the filter for events that do, and the post-event bookkeeping.

use std::sync::OnceLock;

use scap::Event;
use scap::table::{EventInfo, ef, ids};

use crate::ctx::EventCtx;
use crate::engine::{Current, Engine, Hidden, Outcome};
use crate::fds::{CANCELED_FD_NUMBER, fd_flags};
use crate::parsers::{self, p_i64};
use crate::threads::thread_flags as tf;

/// `lastevent_type` of a thread whose enter was rejected by the filter: no exit
/// type follows it.
pub(crate) const REJECTED_ENTER: i32 = -1000;

/// A filter callback: returns true to keep the event.
pub type Filter<'f> = &'f mut dyn FnMut(&EventCtx<'_>) -> bool;

fn is_clone_exit(t: u16) -> bool {
    matches!(
        t,
        ids::SYSCALL_CLONE_11_X
            | ids::SYSCALL_CLONE_16_X
            | ids::SYSCALL_CLONE_17_X
            | ids::SYSCALL_CLONE_20_X
            | ids::SYSCALL_FORK_X
            | ids::SYSCALL_FORK_17_X
            | ids::SYSCALL_FORK_20_X
            | ids::SYSCALL_VFORK_X
            | ids::SYSCALL_VFORK_17_X
            | ids::SYSCALL_VFORK_20_X
            | ids::SYSCALL_CLONE3_X
    )
}

/// True for exits whose first parameter (`res` or `fd`) carries the errno of a
/// failure (`m_errorcode`), from a table built once from the event table.
fn reports_errno(etype: u16) -> bool {
    static TABLE: OnceLock<Box<[bool]>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..scap::table::EVENT_COUNT)
            .map(|id| {
                scap::table::event_info(id as u16)
                    .and_then(|i| i.params.first())
                    .is_some_and(|p| p.name == "res" || p.name == "fd")
            })
            .collect()
    });
    table.get(etype as usize).copied().unwrap_or(false)
}

pub(crate) fn is_container_event(t: u16) -> bool {
    matches!(t, ids::CONTAINER_E | ids::CONTAINER_JSON_E | ids::CONTAINER_JSON_2_E)
}

impl Engine {
    /// Processes one event: updates the state and numbers the event, running
    /// `filter` where sinsp runs its filter (before parsing for events that do not
    /// change state, after parsing for those that do). Pass `None` to see every
    /// event (and filter afterwards, as `-d` does).
    pub fn process(&mut self, ev: &Event<'_>, filter: Option<Filter<'_>>) -> Outcome {
        let etype = ev.event_type();
        let Some(info) = ev.info() else { return Outcome::skipped() };
        if self.skip_newer && etype >= scap::table::EVENT_COUNT_0_29 {
            return Outcome::skipped();
        }
        let leading = self.leading && self.still_leading(etype);

        self.nevents += 1;
        let ts = ev.ts();
        if self.first_ts == 0 && etype != ids::CONTAINER_JSON_E && etype != ids::CONTAINER_JSON_2_E
        {
            self.first_ts = ts;
        }
        let prev_ts = self.last_ts;
        self.last_ts = ts;

        if let Some(tid) = self.tid_to_remove.take() {
            self.remove_thread(tid, false);
        }
        if !self.fds_to_remove.is_empty() {
            let tid = self.fd_remove_tid;
            let fds = std::mem::take(&mut self.fds_to_remove);
            if self.ensure_thread(tid)
                && let Some(table) = self.fd_table_mut(tid)
            {
                for &fd in &fds {
                    table.remove(fd);
                }
            }
            self.fds_to_remove = fds;
            self.fds_to_remove.clear();
        }

        self.cur = Current { num: self.nevents, prev_ts, ..Current::default() };
        self.reset(ev, info);

        let mut filter = if leading { None } else { filter };
        let mut filtered_out = false;
        let mut filter_later = false;
        if let Some(f) = filter.as_deref_mut() {
            let mut eflags = info.flags;
            if etype == ids::SYSCALL_WRITE_X {
                eflags |= self.write_tracer_flags(ev);
            }
            if eflags & ef::MODIFIES_STATE != 0 {
                filter_later = true;
            } else if !f(&self.ctx(ev)) {
                if !(info.flags & ef::SKIPPARSERESET != 0 || etype == ids::SCHEDSWITCH_6_E)
                    && let Some(t) = self.threads.get_mut_hinted(ev.tid() as i64, self.cur.slot)
                {
                    t.lastevent_type = REJECTED_ENTER;
                }
                return Outcome {
                    num: self.nevents,
                    skipped: false,
                    filtered_out: true,
                    hidden: info.is_internal().then_some(Hidden::Internal),
                };
            }
        }

        parsers::dispatch(self, ev, info);

        let mut hidden = self.cur.hidden;
        if filter_later && let Some(f) = filter {
            if f(&self.ctx(ev)) {
                // A passing filter overrides what the handler decided (sinsp
                // resets its filtered-out flag), so a failed container lookup
                // becomes visible.
                hidden = None;
            } else {
                filtered_out = true;
            }
        }
        if ev.dump_flags() & scap::dump_flags::STATE_ONLY != 0 && !filtered_out {
            hidden = Some(Hidden::StateOnly);
        }
        // sinsp's filtered-out events skip the cleanup; hidden-by-category ones
        // (internal, leading container) do not.
        let sinsp_filtered = filtered_out
            || matches!(
                hidden,
                Some(Hidden::StateOnly | Hidden::IncompleteContainer | Hidden::TracerFragment)
            );
        if !sinsp_filtered {
            self.after_event(ev, etype);
        }
        if leading {
            hidden = Some(Hidden::LeadingContainer);
        } else if hidden.is_none() && info.is_internal() {
            hidden = Some(Hidden::Internal);
        }
        Outcome { num: self.nevents, skipped: false, filtered_out, hidden }
    }

    /// Whether `etype` continues the section's leading container events; the
    /// first other event ends them.
    fn still_leading(&mut self, etype: u16) -> bool {
        if is_container_event(etype) {
            self.reresolve = true;
            return true;
        }
        self.leading = false;
        if self.reresolve {
            self.reresolve = false;
            self.reresolve_containers();
        }
        if let Some(n) = self.restarted.take() {
            self.nevents = n;
        }
        false
    }

    /// `event_cleanup` and the thread's last-event time (sinsp::next, after the
    /// filtered-out return).
    fn after_event(&mut self, ev: &Event<'_>, etype: u16) {
        if self.cur.synthetic.is_some() {
            return;
        }
        let last_ts = self.last_ts;
        let Some(t) = self.threads.get_mut_hinted(ev.tid() as i64, self.cur.slot) else { return };
        if !ev.is_enter() && t.enter.present {
            t.enter.present = false;
            t.enter.valid = false;
        }
        if etype != ids::SCHEDSWITCH_1_E && etype != ids::SCHEDSWITCH_6_E {
            t.prevevent_ts = t.lastevent_ts;
            t.lastevent_ts = last_ts;
        }
    }

    /// The extra flags a `write` exit gets under a filter: writes to tracer fds
    /// change state. As in sinsp, the check attaches the thread's last fd.
    fn write_tracer_flags(&mut self, ev: &Event<'_>) -> u32 {
        let tid = ev.tid() as i64;
        if self.cur.fd.is_none()
            && let Some(last) =
                self.threads.get_hinted(tid, self.cur.slot).map(|t| t.lastevent_fd.get())
        {
            self.cur.fd = self.find_fd(tid, last);
        }
        let tracer =
            self.cur.fd.and_then(|at| self.fd_at(at)).is_some_and(|f| {
                f.flags & (fd_flags::IS_TRACER_FD | fd_flags::IS_TRACER_FILE) != 0
            });
        if tracer {
            ef::MODIFIES_STATE
        } else if ev.dump_flags() & scap::dump_flags::TRACER != 0 {
            self.cur.fd = None;
            ef::MODIFIES_STATE
        } else {
            0
        }
    }

    /// `sinsp_parser::reset`: thread association, latency, pairing, fd lookup.
    pub(crate) fn reset(&mut self, ev: &Event<'_>, info: &EventInfo) {
        let etype = ev.event_type();
        let eflags = info.flags;
        let tid = ev.tid() as i64;
        self.cur.fd = None;
        self.cur.errorcode = 0;
        if eflags & ef::SKIPPARSERESET != 0 {
            // No association, but the filter and the output look the thread up.
            self.cur.slot = self.threads.slot_of(tid).unwrap_or(usize::MAX);
            return;
        }
        if etype == ids::CONTAINER_JSON_E || etype == ids::CONTAINER_JSON_2_E {
            return;
        }
        if etype == ids::SCHEDSWITCH_6_E {
            self.cur.slot = self.threads.slot_of(tid).unwrap_or(usize::MAX);
            return;
        }
        let query_os = !is_clone_exit(etype);
        let slot = if query_os { self.ensure_thread_slot(tid) } else { self.threads.slot_of(tid) };
        let Some(slot) = slot else { return };
        self.cur.slot = slot;
        let ts = ev.ts();
        let Some(t) = self.threads.at_mut(slot) else { return };
        if query_os {
            t.flags |= tf::ACTIVE;
        }
        if ev.is_enter() {
            t.lastevent_fd.set(-1);
            t.lastevent_type = etype as i32;
            t.latency = 0;
            t.last_latency_entertime = ts;
            if eflags & ef::USES_FD != 0 {
                let fd = p_i64(ev, 0).unwrap_or(-1);
                t.lastevent_fd.set(fd);
                self.cur.fd = self.find_fd(tid, fd);
            }
            return;
        }
        if t.last_latency_entertime != 0 {
            t.latency = ts.wrapping_sub(t.last_latency_entertime);
        }
        if etype as i32 == t.lastevent_type + 1 {
            t.enter.valid = true;
        } else {
            t.enter.valid = false;
            if t.lastevent_type != ids::TRACER_E as i32 {
                return;
            }
        }
        if reports_errno(etype)
            && let Some(res) = p_i64(ev, 0)
            && res < 0
        {
            self.cur.errorcode = (res as i32).wrapping_neg();
        }
        if eflags & ef::USES_FD != 0 {
            if etype == ids::SYSCALL_COPY_FILE_RANGE_X
                && let Some(fd) = p_i64(ev, 1)
                && let Some(t) = self.threads.get_mut_hinted(tid, slot)
            {
                t.lastevent_fd.set(fd);
            }
            let last = self.threads.get_hinted(tid, slot).map_or(-1, |t| t.lastevent_fd.get());
            self.cur.fd = self.find_fd(tid, last);
            let canceled = self.cur_fd_mut().is_some_and(|f| {
                let c = f.flags & fd_flags::CLOSE_CANCELED != 0;
                f.flags &= !fd_flags::CLOSE_CANCELED;
                c
            });
            if canceled && self.find_fd(tid, CANCELED_FD_NUMBER).is_some() {
                self.schedule_fd_removal(tid, CANCELED_FD_NUMBER);
            }
        }
    }
}
