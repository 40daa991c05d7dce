//! The field registry: what fields exist, their types and argument forms, and how a
//! field token (`proc.aname[2]`, `evt.arg.fd`, `k8s.pod.label.app`) resolves to a
//! [`FieldRef`].
//!
//! Lookup follows sysdig: the longest field name that is a prefix of the token wins
//! (`evt.rawtime.s` over `evt.rawtime`), then the field's argument is read. In a
//! filter the field and argument must make up the whole token; in a `-p` format the
//! rest of the text after them is literal (`%evt.numX` prints the number, then `X`).

mod args;
pub(crate) mod container;
pub(crate) mod evt;
pub(crate) mod fd;
pub(crate) mod fdlist;
pub(crate) mod group;
pub(crate) mod k8s;
pub mod list;
pub(crate) mod proc;
pub(crate) mod syslog;
mod table;
pub(crate) mod thread;
pub(crate) mod user;

pub use args::{AbsPathPart, FieldArg, MountSelector};
pub use table::{FIELDS, FieldId};

use std::cell::Cell;

use crate::error::ErrorKind;
use crate::value::FieldType;

/// Field flags.
pub mod flag {
    /// Usable in filters only (`fd.ip`, `fd.net`, `evt.around`...).
    pub const FILTER_ONLY: u16 = 1;
    /// Not shown by `-l` (table-only fields of chisels and the UI, `evt.outputtime`).
    pub const HIDDEN: u16 = 2;
    /// The field yields both endpoints of a socket: `=` and the ordering operators hold
    /// when either endpoint satisfies them, `!=` when neither equals the value.
    pub const EITHER_ENDPOINT: u16 = 4;
}

/// The field classes, in listing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[expect(missing_docs, reason = "the names are the listing's class names")]
pub enum FieldClass {
    EvtAll,
    EvtSyscall,
    Process,
    User,
    Group,
    Container,
    Fd,
    Syslog,
    Util,
    Fdlist,
    K8s,
    Mesos,
}

impl FieldClass {
    /// Every class in listing order.
    pub const ALL: [FieldClass; 12] = [
        FieldClass::EvtAll,
        FieldClass::EvtSyscall,
        FieldClass::Process,
        FieldClass::User,
        FieldClass::Group,
        FieldClass::Container,
        FieldClass::Fd,
        FieldClass::Syslog,
        FieldClass::Util,
        FieldClass::Fdlist,
        FieldClass::K8s,
        FieldClass::Mesos,
    ];

    /// The class name `-l` prints.
    pub fn name(self) -> &'static str {
        match self {
            FieldClass::EvtAll | FieldClass::EvtSyscall => "evt",
            FieldClass::Process => "process",
            FieldClass::User => "user",
            FieldClass::Group => "group",
            FieldClass::Container => "container",
            FieldClass::Fd => "fd",
            FieldClass::Syslog => "syslog",
            FieldClass::Util => "util",
            FieldClass::Fdlist => "fdlist",
            FieldClass::K8s => "k8s",
            FieldClass::Mesos => "mesos",
        }
    }

    /// The short note in brackets after the name, if any.
    pub fn short(self) -> Option<&'static str> {
        match self {
            FieldClass::EvtAll => Some("All event types"),
            FieldClass::EvtSyscall => Some("Syscall events only"),
            _ => None,
        }
    }

    /// What the class is about.
    pub fn description(self) -> &'static str {
        match self {
            FieldClass::EvtAll => {
                "Fields every event has: its number and its timestamp in several forms."
            }
            FieldClass::EvtSyscall => {
                "Fields of system call events: type, direction, result, latency and parameters. Any single parameter is reachable by name with evt.arg (evt.arg.fd) or raw with evt.rawarg."
            }
            FieldClass::Process => "The process and the thread that caused the event.",
            FieldClass::User => "The user the thread runs as.",
            FieldClass::Group => "The group the thread runs as.",
            FieldClass::Container => {
                "The container the thread runs in. Outside containers, container.id and container.name are 'host'."
            }
            FieldClass::Fd => {
                "The file descriptor the event creates, uses or closes: files, sockets, pipes and other kinds."
            }
            FieldClass::Syslog => "Messages written to /dev/log, decoded.",
            FieldClass::Util => "Utilities.",
            FieldClass::Fdlist => "The file descriptors passed to poll and ppoll.",
            FieldClass::K8s => {
                "Kubernetes metadata of the pod the container belongs to, from the container's labels or from the Kubernetes state of the capture."
            }
            FieldClass::Mesos => {
                "Mesos and Marathon metadata (sysray has no Mesos source: these are never set)."
            }
        }
    }

    /// Classes `-l` does not show.
    pub fn hidden(self) -> bool {
        self == FieldClass::Util
    }
}

/// How a numeric field prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Print {
    /// No numeric format (text and booleans).
    Na,
    /// Decimal.
    Dec,
    /// Decimal identifier.
    Id,
    /// Upper-case hex without prefix.
    Hex,
    /// Decimal zero-padded to 9 digits.
    Padded10,
    /// `>` / `<`.
    Dir,
}

/// How a field takes its argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument.
    None,
    /// `evt.arg.NAME` or `evt.arg[N]` (required).
    EvtArg,
    /// `evt.rawarg.NAME` (required).
    RawArg,
    /// `evt.type.is.NAME` or `.ID` (required).
    EventType,
    /// `[N]` optional: `proc.aname[2]`; without it a filter tests every ancestor.
    Ancestor,
    /// `.SUBSYS` (required): `thread.cgroup.cpuacct`.
    Subsystem,
    /// `[N]` or `[GLOB]` (required): `container.mount[0]`.
    Mount,
    /// `.KEY` or `[KEY]` (required): `k8s.pod.label.app`.
    Label,
    /// `[T]` (required): `evt.around[1481211699529755396]`.
    Around,
    /// Optional `.src` / `.dst`.
    AbsPath,
}

/// One entry of the field table.
#[derive(Debug)]
pub struct FieldInfo {
    /// Its id (its index in [`FIELDS`]).
    pub id: FieldId,
    /// The name, as in sysdig.
    pub name: &'static str,
    /// Its class.
    pub class: FieldClass,
    /// Its type.
    pub ty: FieldType,
    /// How numbers print.
    pub print: Print,
    /// [`flag`] bits.
    pub flags: u16,
    /// Its argument form.
    pub arg: ArgKind,
    /// What it means.
    pub desc: &'static str,
}

impl FieldInfo {
    /// True if `flag` (a [`flag`] constant) is set.
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
}

impl FieldId {
    /// The table entry.
    pub fn info(self) -> &'static FieldInfo {
        &FIELDS[self as usize]
    }
}

/// Where a field token is being resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
    /// In a filter: the token must be exactly a field and its argument.
    Filter,
    /// In a `-p` format: the field ends where the longest known name and its argument
    /// end; what follows is literal text.
    Format,
}

/// A resolved field occurrence: the field, its argument, its effective type, the
/// text it was written as (the `-j` key), and the per-occurrence state some fields
/// keep (`evt.deltatime` measures from the last event *this occurrence* saw).
#[derive(Debug)]
pub struct FieldRef {
    /// The field.
    pub id: FieldId,
    /// Its argument.
    pub arg: FieldArg,
    /// Its type; for `evt.rawarg.NAME` the type of the parameter.
    pub ty: FieldType,
    /// The token as written (field and argument).
    pub text: Box<str>,
    /// Filter or format: sources render some fields for display (buffers, `-t`) and
    /// give raw values to filters.
    pub ctx: Context,
    /// Timestamp of the previous event this occurrence saw (deltatime, exectime).
    pub prev_ts: Cell<u64>,
    /// A running value kept by this occurrence (util.cnt, thread.totexectime).
    pub counter: Cell<u64>,
}

impl Clone for FieldRef {
    fn clone(&self) -> Self {
        FieldRef {
            id: self.id,
            arg: self.arg.clone(),
            ty: self.ty,
            text: self.text.clone(),
            ctx: self.ctx,
            prev_ts: Cell::new(0),
            counter: Cell::new(0),
        }
    }
}

impl FieldRef {
    /// The table entry of the field.
    pub fn info(&self) -> &'static FieldInfo {
        self.id.info()
    }
}

/// The field whose name is the longest prefix of `token`.
fn longest_prefix(token: &str) -> Option<&'static FieldInfo> {
    FIELDS.iter().filter(|f| token.starts_with(f.name)).max_by_key(|f| f.name.len())
}

/// Resolves the field at the start of `token`. Returns it and the number of bytes it
/// took. In [`Context::Filter`] anything left over makes the token unknown.
pub fn resolve(token: &str, ctx: Context) -> Result<(FieldRef, usize), ErrorKind> {
    let unknown = || ErrorKind::UnknownField(token.to_owned());
    let info = longest_prefix(token).ok_or_else(unknown)?;
    let rest = &token[info.name.len()..];
    let (arg, used) = args::parse(info, rest, ctx)?;
    let consumed = info.name.len() + used;
    if ctx == Context::Filter && consumed != token.len() {
        return Err(unknown());
    }
    let ty = match &arg {
        FieldArg::Param { ty: Some(ty), .. } if info.id == FieldId::EvtRawarg => *ty,
        _ => info.ty,
    };
    let field = FieldRef {
        id: info.id,
        arg,
        ty,
        text: token[..consumed].into(),
        ctx,
        prev_ts: Cell::new(0),
        counter: Cell::new(0),
    };
    Ok((field, consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_the_table() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(f.id as usize, i, "{}", f.name);
        }
    }

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        let n = names.len();
        names.dedup();
        assert_eq!(names.len(), n, "duplicate field names");
        for f in FIELDS {
            assert!(f.name.contains('.'), "{}", f.name);
            assert!(!f.name.starts_with('n'), "{}: 0.29.3 reserved the n of `not`", f.name);
            assert!(!f.desc.is_empty() && f.desc.ends_with('.'), "{}", f.name);
        }
    }

    #[test]
    fn classes_are_contiguous_in_listing_order() {
        let mut order: Vec<FieldClass> = Vec::new();
        for f in FIELDS {
            if order.last() != Some(&f.class) {
                assert!(!order.contains(&f.class), "{} breaks its class", f.name);
                order.push(f.class);
            }
        }
        assert_eq!(order, FieldClass::ALL);
    }

    #[test]
    fn filter_tokens_resolve_whole() {
        let r = |t: &str| resolve(t, Context::Filter).map(|(f, _)| f.id);
        assert_eq!(r("evt.num"), Ok(FieldId::EvtNum));
        assert_eq!(r("evt.rawtime.s"), Ok(FieldId::EvtRawtimeS));
        assert_eq!(r("proc.aname[2]"), Ok(FieldId::ProcAname));
        assert_eq!(r("proc.aname"), Ok(FieldId::ProcAname));
        assert_eq!(r("k8s.pod.labels"), Ok(FieldId::K8sPodLabels));
        assert_eq!(r("k8s.pod.label.app"), Ok(FieldId::K8sPodLabel));
        assert_eq!(r("fd.cip.name"), Ok(FieldId::FdCipName));
        assert_eq!(r("proc.nam"), Err(ErrorKind::UnknownField("proc.nam".into())));
        assert_eq!(r("proc.namefoo"), Err(ErrorKind::UnknownField("proc.namefoo".into())));
        assert_eq!(r("foo.bar"), Err(ErrorKind::UnknownField("foo.bar".into())));
        assert_eq!(r("evt.typex"), Err(ErrorKind::UnknownField("evt.typex".into())));
    }

    #[test]
    fn format_tokens_stop_at_the_field() {
        let r = |t: &str| resolve(t, Context::Format).map(|(f, n)| (f.id, n));
        assert_eq!(r("evt.numX|"), Ok((FieldId::EvtNum, 7)));
        assert_eq!(r("evt.num.foo"), Ok((FieldId::EvtNum, 7)));
        assert_eq!(r("proc.name:%thread.tid"), Ok((FieldId::ProcName, 9)));
        assert_eq!(r("k8s.pod.label.app:"), Ok((FieldId::K8sPodLabel, 17)));
        assert_eq!(r("container.mount[0]:"), Ok((FieldId::ContainerMount, 18)));
        assert_eq!(r("proc.aname %proc.name"), Ok((FieldId::ProcAname, 10)));
    }

    #[test]
    fn rawarg_takes_the_parameter_type() {
        let (f, _) = resolve("evt.rawarg.res", Context::Filter).unwrap();
        assert_eq!(f.ty, FieldType::Int64);
        let (f, _) = resolve("evt.rawarg.size", Context::Filter).unwrap();
        assert_eq!(f.ty, FieldType::Uint32);
        let (f, _) = resolve("evt.rawarg.name", Context::Filter).unwrap();
        assert_eq!(f.ty, FieldType::CharBuf);
    }
}
