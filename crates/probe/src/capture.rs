//! The live capture session: builder, event loop, statistics.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use scap::{Event, Metadata, OwnedEvent};

use crate::abi::{self, Settings};
use crate::consumer::Batch;
use crate::containers::{ContainerOptions, Watcher};
use crate::error::Error;
use crate::hooks::SyscallHooks;
use crate::loader::{self, LoadConfig, Loaded};
use crate::procscan;
use crate::syscalls::Interest;

/// Events copied out of the ring per batch.
const MAX_BATCH: usize = 16 * 1024;

/// Configures a [`LiveCapture`].
#[derive(Clone, Debug)]
pub struct LiveCaptureBuilder {
    snaplen: u32,
    page_faults: bool,
    sched_switch: bool,
    signals: bool,
    interest: Interest,
    exclude_self: bool,
    target_pid: Option<u32>,
    ring_bytes: u32,
    poll_interval: Duration,
    scan_proc: bool,
    containers: Option<ContainerOptions>,
    per_syscall: bool,
}

impl Default for LiveCaptureBuilder {
    fn default() -> Self {
        LiveCaptureBuilder {
            snaplen: 80,
            page_faults: false,
            sched_switch: true,
            signals: true,
            interest: Interest::all(),
            exclude_self: true,
            target_pid: None,
            ring_bytes: 64 << 20,
            poll_interval: Duration::from_millis(2),
            scan_proc: true,
            containers: Some(ContainerOptions::default()),
            per_syscall: true,
        }
    }
}

impl LiveCaptureBuilder {
    /// Bytes of I/O payload kept per event (`-s`, default 80, at most 16384).
    pub fn snaplen(mut self, bytes: u32) -> Self {
        self.snaplen = bytes.min(abi::MAX_DATA);
        self
    }

    /// Page-fault events (`--page-faults`, off by default).
    pub fn page_faults(mut self, on: bool) -> Self {
        self.page_faults = on;
        self
    }

    /// Scheduler switch events (on by default, as in sysdig).
    pub fn sched_switch(mut self, on: bool) -> Self {
        self.sched_switch = on;
        self
    }

    /// Signal delivery events (on by default).
    pub fn signals(mut self, on: bool) -> Self {
        self.signals = on;
        self
    }

    /// Which syscalls leave the kernel (default: all).
    pub fn interesting(mut self, interest: Interest) -> Self {
        self.interest = interest;
        self
    }

    /// Whether a restricted interest hooks only the syscalls it wants, with
    /// the per-syscall tracepoints (default true; see [`SyscallHooks`]).
    /// `false` keeps the `raw_syscalls` hooks, which drop the other syscalls
    /// in the programs.
    pub fn per_syscall_tracepoints(mut self, on: bool) -> Self {
        self.per_syscall = on;
        self
    }

    /// Whether this process's own threads are left out (default true; the
    /// CLI's `-D` style option turns it off).
    pub fn exclude_self(mut self, on: bool) -> Self {
        self.exclude_self = on;
        self
    }

    /// Captures only the process with this pid (all its threads).
    pub fn target_pid(mut self, pid: Option<u32>) -> Self {
        self.target_pid = pid;
        self
    }

    /// Bytes of the event rings, all CPUs together (default 64 MiB). Each
    /// CPU has its own ring of an equal share, rounded down to a power of two
    /// of 1 MiB chunks, and at least 8 MiB (sysdig's default per CPU).
    pub fn ring_bytes(mut self, bytes: u32) -> Self {
        self.ring_bytes = bytes;
        self
    }

    /// How often an idle ring is polled (default 2 ms). The probe submits
    /// without wake-ups, so this bounds the latency of live output.
    pub fn poll_interval(mut self, every: Duration) -> Self {
        self.poll_interval = every.max(Duration::from_micros(100));
        self
    }

    /// Whether `/proc` is scanned for the initial state (default true).
    pub fn scan_proc(mut self, on: bool) -> Self {
        self.scan_proc = on;
        self
    }

    /// Container metadata lookups (default: the Docker-compatible and CRI
    /// sockets at their usual paths); `None` turns them off.
    pub fn containers(mut self, options: Option<ContainerOptions>) -> Self {
        self.containers = options;
        self
    }

    /// Loads and attaches the probe, then scans `/proc`. Capture starts
    /// before the scan so that nothing between the two is lost.
    pub fn build(self) -> Result<LiveCapture, Error> {
        let mut flags = abi::SET_CAPTURE | abi::SET_PROCEXIT;
        if self.sched_switch {
            flags |= abi::SET_SCHED_SWITCH;
        }
        if self.page_faults {
            flags |= abi::SET_PAGE_FAULTS;
        }
        if self.signals {
            flags |= abi::SET_SIGNALS;
        }
        let settings = Settings {
            boot_ts: boot_time_ns(),
            flags,
            snaplen: self.snaplen,
            exclude_tgid: if self.exclude_self { std::process::id() } else { 0 },
            target_tgid: self.target_pid.unwrap_or(0),
            abi_version: abi::PROBE_ABI_VERSION,
            ring_shift: 0, // set by the loader
        };
        let loaded = loader::load(&LoadConfig {
            ring_bytes: self.ring_bytes,
            interest: self.interest.clone(),
            settings,
            page_faults: self.page_faults,
            signals: self.signals,
            per_syscall: self.per_syscall,
        })?;
        let metadata = if self.scan_proc { procscan::scan() } else { procscan::machine_only() };
        let hold_for = self.containers.as_ref().map_or(Duration::ZERO, |o| o.timeout);
        let watcher = self.containers.map(|opts| {
            let wait = opts.timeout + Duration::from_millis(500);
            let w = Watcher::start(opts);
            for t in &metadata.threads {
                w.observe_cgroups(&t.cgroups);
            }
            w.wait_idle(wait);
            w
        });
        Ok(LiveCapture {
            settings: loaded.settings,
            loaded,
            batch: Batch::default(),
            injected: VecDeque::new(),
            current: None,
            metadata,
            watcher,
            hold: Hold { events: VecDeque::new(), bytes: 0, until: None, longest: hold_for },
            poll_interval: self.poll_interval,
            last_ts: 0,
        })
    }
}

/// Event and drop counters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaptureStats {
    /// Events written into the ring buffer, per CPU.
    pub events: Vec<u64>,
    /// Events lost because the ring buffer was full, per CPU.
    pub drops: Vec<u64>,
    /// Events dropped because they exceeded the record size, per CPU.
    pub drops_too_big: Vec<u64>,
}

impl CaptureStats {
    /// Events over all CPUs.
    pub fn total_events(&self) -> u64 {
        self.events.iter().sum()
    }

    /// Drops over all CPUs.
    pub fn total_drops(&self) -> u64 {
        self.drops.iter().sum::<u64>() + self.drops_too_big.iter().sum::<u64>()
    }
}

/// A running live capture.
///
/// ```no_run
/// use std::time::Duration;
/// let mut cap = probe::LiveCapture::builder().snaplen(256).build()?;
/// println!("{} threads at start", cap.metadata().threads.len());
/// while let Some(ev) = cap.next_event(Duration::from_millis(100))? {
///     println!("{} {}", ev.ts(), ev.info().map_or("?", |i| i.name));
/// #   break;
/// }
/// cap.stop()?;
/// # Ok::<(), probe::Error>(())
/// ```
pub struct LiveCapture {
    loaded: Loaded,
    settings: Settings,
    batch: Batch,
    injected: VecDeque<OwnedEvent>,
    current: Option<OwnedEvent>,
    metadata: Metadata,
    watcher: Option<Watcher>,
    hold: Hold,
    poll_interval: Duration,
    last_ts: u64,
}

/// Events held back while a new container's metadata is looked up, so that
/// its container event comes before them in the stream (sysdig lets them
/// through first, and they are then shown without the container's name,
/// image or labels). Holding copies events out of the ring buffer, so
/// nothing is dropped; it ends when the lookups finish, after the lookup
/// timeout, or past [`HOLD_BYTES`].
struct Hold {
    events: VecDeque<OwnedEvent>,
    bytes: usize,
    until: Option<Instant>,
    longest: Duration,
}

/// Most bytes of events held back at once.
const HOLD_BYTES: usize = 64 << 20;

/// What to do with the next event of the batch.
enum Next {
    Deliver,
    Hold(OwnedEvent),
    Skip,
}

impl LiveCapture {
    /// A builder with sysdig's defaults.
    pub fn builder() -> LiveCaptureBuilder {
        LiveCaptureBuilder::default()
    }

    /// The state at capture start: machine, interfaces, users, groups,
    /// threads and their fds.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// The next event, waiting at most `timeout` once nothing is ready;
    /// `Ok(None)` when none came in time (a good moment for the caller to
    /// flush its output). Container
    /// metadata events (`PPME_CONTAINER_JSON_2_E`, tid −1) are injected into
    /// the stream as their lookups complete.
    pub fn next_event(&mut self, timeout: Duration) -> Result<Option<Event<'_>>, Error> {
        // Taken when the ring is first found empty: reading the clock costs
        // tens of ns in a VM, too much to pay for every event handed out.
        let mut deadline = None;
        loop {
            let lookups_done = self.watcher.as_ref().is_none_or(|w| !w.is_busy());
            if let Some(w) = &self.watcher {
                while let Some(json) = w.try_recv() {
                    // Before the events held for it, in timestamp order.
                    let ts = match self.hold.events.front() {
                        Some(first) => first.as_event().ts(),
                        None if self.last_ts == 0 => now_ns(),
                        None => self.last_ts,
                    };
                    self.injected.push_back(crate::containers::json_event(ts, &json));
                }
            }
            if let Some(until) = self.hold.until
                && (lookups_done || Instant::now() >= until || self.hold.bytes > HOLD_BYTES)
            {
                self.hold.until = None;
            }
            if self.hold.until.is_none()
                && let Some(ev) = self.pop_ready()
            {
                return Ok(Some(self.current.insert(ev).as_event()));
            }
            if !self.batch.is_empty() {
                match self.classify_next() {
                    Next::Deliver => return Ok(self.pop_batch()),
                    Next::Hold(ev) => {
                        self.hold.bytes += ev.bytes.len();
                        self.hold.events.push_back(ev);
                    }
                    Next::Skip => {}
                }
                if self.hold.until.is_none() && !self.hold.events.is_empty() {
                    self.hold.until = Some(Instant::now() + self.hold.longest);
                }
                continue;
            }
            if self.batch.refill(&mut self.loaded.ring, MAX_BATCH) > 0 {
                continue;
            }
            let now = Instant::now();
            let deadline = *deadline.get_or_insert(now + timeout);
            if now >= deadline {
                return Ok(None);
            }
            std::thread::sleep(self.poll_interval.min(deadline - now));
        }
    }

    /// After [`LiveCapture::stop`]: the container events and held-back events
    /// not handed out yet, so that a capture that ends keeps them. The ring
    /// buffer is not read.
    pub fn next_held(&mut self) -> Option<Event<'_>> {
        self.hold.until = None;
        let ev = self.pop_ready()?;
        Some(self.current.insert(ev).as_event())
    }

    /// The next container event, else the next held-back event.
    fn pop_ready(&mut self) -> Option<OwnedEvent> {
        self.injected.pop_front().or_else(|| {
            let ev = self.hold.events.pop_front()?;
            self.hold.bytes -= ev.bytes.len();
            Some(ev)
        })
    }

    /// Looks at the next event of the batch: it is held (and taken out of the
    /// batch) when it shows a new container or a hold is on.
    fn classify_next(&mut self) -> Next {
        let Some((bytes, cpu)) = self.batch.peek() else { return Next::Skip };
        let Ok(ev) = Event::from_v2(bytes, cpu, 0) else {
            self.batch.pop();
            return Next::Skip;
        };
        self.last_ts = ev.ts();
        let new_container = match (&self.watcher, crate::containers::cgroups_param(&ev)) {
            (Some(w), Some(cgroups)) => w.observe_cgroups(cgroups),
            _ => false,
        };
        if !new_container && self.hold.until.is_none() && self.hold.events.is_empty() {
            return Next::Deliver;
        }
        let owned = ev.to_owned_event();
        self.batch.pop();
        Next::Hold(owned)
    }

    fn pop_batch(&mut self) -> Option<Event<'_>> {
        let (bytes, cpu) = self.batch.pop()?;
        Event::from_v2(bytes, cpu, 0).ok()
    }

    /// One `PPME_CONTAINER_JSON_2_E` event per container known so far, for a
    /// new capture file (e.g. after rotation) to start with.
    pub fn container_events(&self) -> Vec<OwnedEvent> {
        let ts = if self.last_ts == 0 { now_ns() } else { self.last_ts };
        self.watcher
            .as_ref()
            .map(|w| w.known().iter().map(|j| crate::containers::json_event(ts, j)).collect())
            .unwrap_or_default()
    }

    /// Which tracepoints carry the syscall events.
    pub fn syscall_hooks(&self) -> &SyscallHooks {
        &self.loaded.hooks
    }

    /// Event and drop counters per CPU.
    pub fn stats(&self) -> Result<CaptureStats, Error> {
        let per_cpu = loader::read_stats(&self.loaded.ebpf)?;
        Ok(CaptureStats {
            events: per_cpu.iter().map(|s| s.counters[abi::STAT_EVENTS]).collect(),
            drops: per_cpu.iter().map(|s| s.counters[abi::STAT_DROPS_BUFFER]).collect(),
            drops_too_big: per_cpu.iter().map(|s| s.counters[abi::STAT_DROPS_TOO_BIG]).collect(),
        })
    }

    /// Stops producing events. Events already in the ring are still returned
    /// by [`LiveCapture::next_event`] until it returns `Ok(None)`.
    pub fn stop(&mut self) -> Result<(), Error> {
        self.settings.flags &= !abi::SET_CAPTURE;
        loader::write_settings(&mut self.loaded.ebpf, &self.settings)
    }

    /// Resumes after [`LiveCapture::stop`].
    pub fn start(&mut self) -> Result<(), Error> {
        self.settings.flags |= abi::SET_CAPTURE;
        loader::write_settings(&mut self.loaded.ebpf, &self.settings)
    }

    /// Changes the snaplen of events produced from now on.
    pub fn set_snaplen(&mut self, bytes: u32) -> Result<(), Error> {
        self.settings.snaplen = bytes.min(abi::MAX_DATA);
        loader::write_settings(&mut self.loaded.ebpf, &self.settings)
    }
}

fn clock_ns(clock: libc::clockid_t) -> u64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Wall-clock time now, in ns since the epoch.
pub(crate) fn now_ns() -> u64 {
    clock_ns(libc::CLOCK_REALTIME)
}

/// Epoch time of boot, in ns: what the probe adds to `bpf_ktime_get_boot_ns`.
pub(crate) fn boot_time_ns() -> u64 {
    clock_ns(libc::CLOCK_REALTIME).saturating_sub(clock_ns(libc::CLOCK_BOOTTIME))
}
