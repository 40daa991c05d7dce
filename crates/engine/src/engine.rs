//! The [`Engine`]: all state, its builder, and what processing an event returns.

use scap::Metadata;

use crate::cgroups::CgroupsMemo;
use crate::containers::Containers;
use crate::interfaces::Interfaces;
use crate::k8s::K8sState;
use crate::thread_table::ThreadTable;
use crate::threads::{MAX_THREADS, Thread};
use crate::users::Users;

/// Configures an [`Engine`].
#[derive(Clone, Debug)]
pub struct EngineBuilder {
    skip_newer_events: bool,
    max_threads: usize,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        EngineBuilder { skip_newer_events: true, max_threads: MAX_THREADS }
    }
}

impl EngineBuilder {
    /// A builder with sysdig 0.29.3 defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// When true (the default), event types newer than sysdig 0.29.3
    /// (ids ≥ [`scap::table::EVENT_COUNT_0_29`]) are skipped entirely, as its
    /// libscap drops them: not numbered, no state effect.
    pub fn skip_newer_events(&mut self, yes: bool) -> &mut Self {
        self.skip_newer_events = yes;
        self
    }

    /// Largest thread table (default and maximum 131,072).
    pub fn max_threads(&mut self, n: usize) -> &mut Self {
        self.max_threads = n.min(MAX_THREADS);
        self
    }

    /// Builds the engine.
    pub fn build(&self) -> Engine {
        let mut e = Engine::empty();
        e.skip_newer = self.skip_newer_events;
        e.threads.max = self.max_threads;
        e
    }
}

/// Why an event that was processed is not shown to the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    /// A container event before the first other event of a capture section: it
    /// builds the container table and never reaches the output, even with `-D`.
    LeadingContainer,
    /// An `EC_INTERNAL` event (procinfo, k8s, drop, old container...): shown only
    /// in debug mode (`-D`).
    Internal,
    /// Carried by an EVF block with the state-only dump flag.
    StateOnly,
    /// A container JSON event whose lookup did not succeed.
    IncompleteContainer,
    /// A write to `/dev/null` holding an incomplete tracer fragment.
    TracerFragment,
}

/// What [`Engine::process`] did with an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `evt.num` of the event; 0 when it was skipped.
    pub num: u64,
    /// The event type is newer than sysdig 0.29.3 and was ignored entirely.
    pub skipped: bool,
    /// The filter given to `process` rejected it.
    pub filtered_out: bool,
    /// Why it is hidden from output even if it passed the filter.
    pub hidden: Option<Hidden>,
}

impl Outcome {
    pub(crate) fn skipped() -> Outcome {
        Outcome { num: 0, skipped: true, filtered_out: false, hidden: None }
    }

    /// True if sysdig would print the event (with `-D`, internal events too).
    pub fn is_shown(&self, debug: bool) -> bool {
        !self.skipped
            && !self.filtered_out
            && match self.hidden {
                None => true,
                Some(Hidden::Internal) => debug,
                Some(_) => false,
            }
    }

    /// True if the event counts for `-n`: it came out of sinsp's event loop, i.e.
    /// it was not rejected by the filter nor hidden by parsing (internal events
    /// count; leading container, state-only, incomplete container and tracer
    /// fragment events do not).
    pub fn counts(&self) -> bool {
        !self.skipped && !self.filtered_out && matches!(self.hidden, None | Some(Hidden::Internal))
    }
}

/// Per-event scratch state (`sinsp_evt` members), reset for every event.
#[derive(Clone, Debug, Default)]
pub(crate) struct Current {
    /// evt.num.
    pub(crate) num: u64,
    /// The attached fd (`m_fdinfo`): owner tid of the table and fd number.
    pub(crate) fd: Option<(i64, i64)>,
    /// The parse renamed the attached fd (sinsp compares the name with the one
    /// it had when attached; a new fd counts as renamed when it has a name).
    pub(crate) fd_name_changed: bool,
    /// `m_errorcode`.
    pub(crate) errorcode: i32,
    /// The synthetic thread of a container JSON event.
    pub(crate) synthetic: Option<Box<Thread>>,
    /// The handler hid the event.
    pub(crate) hidden: Option<Hidden>,
    /// The stored enter was valid and of the right type when the exit was parsed.
    pub(crate) enter_ok: bool,
    /// Timestamp of the event processed before this one.
    pub(crate) prev_ts: u64,
    /// The slot of the event's thread in the thread table, as a hint for
    /// lookups of it (checked on use, so any value is safe).
    pub(crate) slot: usize,
}

/// The state engine: threads, fds, users, interfaces, containers and Kubernetes
/// metadata, updated event by event.
///
/// Feed it the capture's metadata with [`Engine::load_metadata`] (at every
/// section start) and then every event, in file order, with [`Engine::process`].
/// After `process`, [`Engine::ctx`] gives the event's context for filtering and
/// output.
///
/// A clone is a snapshot of the whole state: fed the same events, it reaches the
/// same states and outcomes as the original (parallel printing renders batches of
/// events on clones taken at batch starts).
#[derive(Clone, Debug)]
pub struct Engine {
    pub(crate) threads: ThreadTable,
    pub(crate) users: Users,
    pub(crate) interfaces: Interfaces,
    pub(crate) containers: Containers,
    pub(crate) k8s: K8sState,
    pub(crate) machine: Option<scap::MachineInfo>,
    /// No event other than container events was seen in this section yet.
    pub(crate) leading: bool,
    /// A leading container event arrived after the import: containers of the
    /// imported threads are resolved again at the first other event.
    pub(crate) reresolve: bool,
    /// The event count saved when a later section started: its leading container
    /// events are numbered from 1 and the count resumes afterwards (sinsp's
    /// `restart_capture`).
    pub(crate) restarted: Option<u64>,
    pub(crate) skip_newer: bool,
    pub(crate) nevents: u64,
    pub(crate) first_ts: u64,
    pub(crate) last_ts: u64,
    pub(crate) tid_to_remove: Option<i64>,
    pub(crate) fd_remove_tid: i64,
    pub(crate) fds_to_remove: Vec<i64>,
    pub(crate) cur: Current,
    pub(crate) scratch: Vec<u8>,
    pub(crate) scratch2: Vec<u8>,
    pub(crate) scratch3: Vec<u8>,
    pub(crate) enter_copy: Vec<u8>,
    pub(crate) cgroups_memo: CgroupsMemo,
}

impl Default for Engine {
    fn default() -> Self {
        EngineBuilder::new().build()
    }
}

impl Engine {
    fn empty() -> Engine {
        Engine {
            threads: ThreadTable::default(),
            users: Users::default(),
            interfaces: Interfaces::default(),
            containers: Containers::default(),
            k8s: K8sState::default(),
            machine: None,
            leading: false,
            reresolve: false,
            restarted: None,
            skip_newer: true,
            nevents: 0,
            first_ts: 0,
            last_ts: 0,
            tid_to_remove: None,
            fd_remove_tid: 0,
            fds_to_remove: Vec::new(),
            cur: Current::default(),
            scratch: Vec::new(),
            scratch2: Vec::new(),
            scratch3: Vec::new(),
            enter_copy: Vec::new(),
            cgroups_memo: CgroupsMemo::default(),
        }
    }

    /// An engine with sysdig 0.29.3 defaults.
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Starts a capture section: the thread table and interfaces are dropped and
    /// rebuilt from `meta`; users and groups are added. The event counter and the
    /// container table are kept, as sinsp keeps them for concatenated captures.
    ///
    /// sinsp imports the threads only after the container events that open a
    /// section; sysray imports them at once (so the tables are there even for a
    /// capture without events) and resolves their containers again if such
    /// events arrive, which gives the same state.
    pub fn load_metadata(&mut self, meta: &Metadata) {
        self.threads.clear();
        self.interfaces.clear();
        self.tid_to_remove = None;
        self.fds_to_remove.clear();
        self.machine = meta.machine.clone();
        self.cgroups_memo.clear();
        self.import(meta);
        self.leading = true;
        self.reresolve = false;
        if self.nevents > 0 {
            self.restarted = Some(self.nevents);
            self.nevents = 0;
            self.first_ts = 0;
            self.last_ts = 0;
        }
    }

    /// The thread table.
    pub fn threads(&self) -> &ThreadTable {
        &self.threads
    }

    /// Users and groups.
    pub fn users(&self) -> &Users {
        &self.users
    }

    /// Network interfaces of the capture host.
    pub fn interfaces(&self) -> &Interfaces {
        &self.interfaces
    }

    /// Known containers.
    pub fn containers(&self) -> &Containers {
        &self.containers
    }

    /// Kubernetes state from `k8s` events.
    pub fn k8s(&self) -> &K8sState {
        &self.k8s
    }

    /// Machine information of the capture, if it had an MI block.
    pub fn machine(&self) -> Option<&scap::MachineInfo> {
        self.machine.as_ref()
    }

    /// Events numbered so far (the last `evt.num`).
    pub fn events_seen(&self) -> u64 {
        self.restarted.unwrap_or(self.nevents)
    }

    /// Timestamp of the first event (container events excluded), 0 before it.
    pub fn first_event_ts(&self) -> u64 {
        self.first_ts
    }
}
