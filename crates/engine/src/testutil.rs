//! Synthetic events for tests, typed by the event table: parameters are given by
//! name, checked against the table's order, and encoded by their `PT_*` type.

use scap::OwnedEvent;
use scap::table::{self, ParamType};

use crate::{Engine, Outcome, RenderOptions};

/// A parameter value before encoding.
pub(crate) enum Val {
    /// Any integer type (errno, fd, pid, flags, uid...), truncated to its width.
    Int(i64),
    /// A C string (CHARBUF, FSPATH): a NUL is appended.
    Str(Vec<u8>),
    /// Bytes as stored (BYTEBUF, SOCKADDR, SOCKTUPLE, FDLIST...).
    Raw(Vec<u8>),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}

impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Str(v.as_bytes().to_vec())
    }
}

/// An event under construction.
pub(crate) struct Ev {
    etype: u16,
    ts: u64,
    tid: u64,
    cpu: u16,
    params: Vec<Vec<u8>>,
}

/// Starts an event of type `etype` from thread `tid`.
pub(crate) fn ev(etype: u16, tid: i64) -> Ev {
    Ev { etype, ts: 1_000, tid: tid as u64, cpu: 0, params: Vec::new() }
}

impl Ev {
    /// Sets the timestamp.
    pub(crate) fn ts(mut self, ts: u64) -> Ev {
        self.ts = ts;
        self
    }

    /// Appends the next parameter; `name` must be the table's name for it.
    pub(crate) fn p(mut self, name: &str, v: impl Into<Val>) -> Ev {
        let info = table::event_info(self.etype).expect("known event type");
        let i = self.params.len();
        let pi = info.params.get(i).unwrap_or_else(|| panic!("{} has no parameter {i}", info.name));
        assert_eq!(pi.name, name, "parameter {i} of {} (type {})", info.name, self.etype);
        let bytes = match v.into() {
            Val::Int(n) => {
                let w = match pi.ptype {
                    ParamType::Dyn => panic!("give dynamic parameters as Raw"),
                    t => t.fixed_size().unwrap_or_else(|| panic!("{name} is not a number")),
                };
                n.to_le_bytes()[..w].to_vec()
            }
            Val::Str(mut s) => {
                s.push(0);
                s
            }
            Val::Raw(r) => r,
        };
        self.params.push(bytes);
        self
    }

    /// The event.
    pub(crate) fn build(self) -> OwnedEvent {
        let refs: Vec<&[u8]> = self.params.iter().map(Vec::as_slice).collect();
        let mut e = OwnedEvent::build(self.ts, self.tid, self.etype, &refs);
        e.cpuid = self.cpu;
        e
    }
}

/// `SOCKADDR` of an IPv4 address.
pub(crate) fn addr4(ip: [u8; 4], port: u16) -> Val {
    let mut v = vec![2u8];
    v.extend_from_slice(&ip);
    v.extend_from_slice(&port.to_le_bytes());
    Val::Raw(v)
}

/// `SOCKTUPLE` of two IPv4 endpoints.
pub(crate) fn tuple4(sip: [u8; 4], sport: u16, dip: [u8; 4], dport: u16) -> Val {
    let mut v = vec![2u8];
    v.extend_from_slice(&sip);
    v.extend_from_slice(&sport.to_le_bytes());
    v.extend_from_slice(&dip);
    v.extend_from_slice(&dport.to_le_bytes());
    Val::Raw(v)
}

/// `SOCKTUPLE` of two IPv6 endpoints.
pub(crate) fn tuple6(sip: [u8; 16], sport: u16, dip: [u8; 16], dport: u16) -> Val {
    let mut v = vec![10u8];
    v.extend_from_slice(&sip);
    v.extend_from_slice(&sport.to_le_bytes());
    v.extend_from_slice(&dip);
    v.extend_from_slice(&dport.to_le_bytes());
    Val::Raw(v)
}

/// An IPv4-mapped IPv6 address.
pub(crate) fn mapped(ip: [u8; 4]) -> [u8; 16] {
    let mut a = [0u8; 16];
    a[10] = 0xff;
    a[11] = 0xff;
    a[12..].copy_from_slice(&ip);
    a
}

/// `SOCKTUPLE` of a unix socket.
pub(crate) fn tuple_unix(src: u64, dst: u64, path: &str) -> Val {
    let mut v = vec![1u8];
    v.extend_from_slice(&src.to_le_bytes());
    v.extend_from_slice(&dst.to_le_bytes());
    v.extend_from_slice(path.as_bytes());
    v.push(0);
    Val::Raw(v)
}

/// An engine fed with synthetic events.
pub(crate) struct Harness {
    pub(crate) engine: Engine,
}

impl Harness {
    /// An engine that loaded `meta`.
    pub(crate) fn new(meta: &scap::Metadata) -> Harness {
        let mut engine = Engine::new();
        engine.load_metadata(meta);
        Harness { engine }
    }

    /// Processes `e` and returns its outcome and its line without time and cpu:
    /// `comm (tid) dir type info`.
    pub(crate) fn line(&mut self, e: Ev) -> (Outcome, String) {
        let owned = e.build();
        let ev = owned.as_event();
        let out = self.engine.process(&ev, None);
        let ctx = self.engine.ctx(&ev);
        let mut s = Vec::new();
        let comm = ctx.thread().map_or(&b"<NA>"[..], |t| t.comm());
        s.extend_from_slice(comm);
        s.extend_from_slice(
            format!(
                " ({}) {} {} ",
                ev.tid() as i64,
                if ev.is_enter() { '>' } else { '<' },
                ctx.type_name()
            )
            .as_bytes(),
        );
        ctx.write_info(&mut s, &RenderOptions::default());
        (out, String::from_utf8_lossy(&s).into_owned())
    }

    /// Processes `e` and returns only the line.
    pub(crate) fn run(&mut self, e: Ev) -> String {
        self.line(e).1
    }
}

/// A process-list thread for metadata.
pub(crate) fn pl_thread(tid: u64, pid: u64, comm: &str) -> scap::ThreadEntry {
    scap::ThreadEntry {
        tid,
        pid,
        ptid: 1,
        comm: comm.as_bytes().to_vec(),
        exe: comm.as_bytes().to_vec(),
        cwd: b"/".to_vec(),
        vtid: tid as i64,
        vpid: pid as i64,
        ..Default::default()
    }
}
