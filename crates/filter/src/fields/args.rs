//! Field arguments: `evt.arg.NAME`, `evt.arg[N]`, `proc.aname[N]`, `k8s.pod.label.KEY`,
//! `container.mount[GLOB]`, `evt.around[T]`, `evt.type.is.NAME`, ...

use scap::table::{EVENTS, ParamInfo};

use super::{ArgKind, Context, FieldId, FieldInfo};
use crate::error::ErrorKind;
use crate::value::{FieldType, Glob};

/// Which path of a two-path call `evt.abspath` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbsPathPart {
    /// The only path (`evt.abspath`).
    Only,
    /// The source (`evt.abspath.src`).
    Src,
    /// The destination (`evt.abspath.dst`).
    Dst,
}

/// How `container.mount[...]` picks a mount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MountSelector {
    /// By position.
    Index(usize),
    /// The first mount whose source (destination for `.source`) matches the glob.
    Glob(Glob),
}

/// A parsed field argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldArg {
    /// None given.
    None,
    /// `[N]`: a parameter position or an ancestor generation.
    Index(i64),
    /// `.NAME` of `evt.arg`/`evt.rawarg`.
    Param {
        /// The parameter name.
        name: Box<str>,
        /// For each event id, the position of the parameter called `name`, or
        /// `u8::MAX` when that event has none.
        index_by_type: Box<[u8]>,
        /// The type of the first parameter of that name in the event table.
        ty: Option<FieldType>,
    },
    /// A label key or cgroup subsystem.
    Key(Box<str>),
    /// A mount selector.
    Mount(MountSelector),
    /// `evt.around[T]`: nanoseconds since the epoch.
    Time(u64),
    /// `evt.type.is.X`: the event ids meant.
    EventTypes(Box<[u16]>),
    /// `evt.abspath` part.
    AbsPath(AbsPathPart),
}

impl FieldArg {
    /// The parameter position of `evt.arg.NAME`/`evt.rawarg.NAME` for event `etype`.
    pub fn param_index(&self, etype: u16) -> Option<usize> {
        match self {
            FieldArg::Param { index_by_type, .. } => {
                index_by_type.get(etype as usize).filter(|&&i| i != u8::MAX).map(|&i| i as usize)
            }
            _ => None,
        }
    }
}

fn bad(info: &FieldInfo, reason: impl Into<String>) -> ErrorKind {
    ErrorKind::BadArgument { field: info.name, reason: reason.into() }
}

/// The text inside `[...]` at the start of `rest` and the bytes taken with brackets.
fn bracketed(rest: &str) -> Option<(&str, usize)> {
    let inner = rest.strip_prefix('[')?;
    let close = inner.find(']')?;
    Some((&inner[..close], close + 2))
}

/// Reads the argument of `info` from `rest` (the text after the field name).
pub fn parse(info: &FieldInfo, rest: &str, ctx: Context) -> Result<(FieldArg, usize), ErrorKind> {
    match info.arg {
        ArgKind::None => Ok((FieldArg::None, 0)),
        ArgKind::Ancestor => match bracketed(rest) {
            Some((n, used)) => {
                let n =
                    n.parse::<i64>().map_err(|_| bad(info, format!("'{n}' is not an index")))?;
                Ok((FieldArg::Index(n), used))
            }
            None if rest.starts_with('[') => Err(bad(info, "missing ']'")),
            // Only filters search every ancestor; output shows the process itself.
            None if ctx == Context::Format => Ok((FieldArg::Index(0), 0)),
            None => Ok((FieldArg::None, 0)),
        },
        ArgKind::EvtArg | ArgKind::RawArg => param_arg(info, rest),
        ArgKind::EventType => event_type_arg(info, rest),
        ArgKind::Subsystem => {
            let name = rest.strip_prefix('.').ok_or_else(|| bad(info, "expected .SUBSYSTEM"))?;
            let len = name.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
            if len == 0 {
                return Err(bad(info, "expected .SUBSYSTEM"));
            }
            Ok((FieldArg::Key(name[..len].into()), len + 1))
        }
        ArgKind::Label => {
            if let Some((key, used)) = bracketed(rest) {
                let key = key.trim_matches(|c| c == '"' || c == '\'');
                if key.is_empty() {
                    return Err(bad(info, "empty label key"));
                }
                return Ok((FieldArg::Key(key.into()), used));
            }
            let key = rest.strip_prefix('.').ok_or_else(|| bad(info, "expected .KEY or [KEY]"))?;
            let len = match ctx {
                Context::Filter => key.len(),
                Context::Format => key
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || b"/_-.".contains(b))
                    .count(),
            };
            if len == 0 {
                return Err(bad(info, "expected .KEY or [KEY]"));
            }
            Ok((FieldArg::Key(key[..len].into()), len + 1))
        }
        ArgKind::Mount => {
            let (sel, used) =
                bracketed(rest).ok_or_else(|| bad(info, "expected [INDEX] or [GLOB]"))?;
            let sel = match sel.parse::<usize>() {
                Ok(i) => MountSelector::Index(i),
                Err(_) => MountSelector::Glob(Glob::new(sel.as_bytes(), false)),
            };
            Ok((FieldArg::Mount(sel), used))
        }
        ArgKind::Around => {
            let (t, used) = bracketed(rest)
                .ok_or_else(|| bad(info, "expected [T], T in nanoseconds since the epoch"))?;
            let t = t.parse::<u64>().map_err(|_| bad(info, format!("'{t}' is not a timestamp")))?;
            Ok((FieldArg::Time(t), used))
        }
        ArgKind::AbsPath => Ok(if rest.starts_with(".src") {
            (FieldArg::AbsPath(AbsPathPart::Src), 4)
        } else if rest.starts_with(".dst") {
            (FieldArg::AbsPath(AbsPathPart::Dst), 4)
        } else {
            (FieldArg::AbsPath(AbsPathPart::Only), 0)
        }),
    }
}

/// `evt.arg.NAME`, `evt.arg[N]`, `evt.rawarg.NAME`.
fn param_arg(info: &FieldInfo, rest: &str) -> Result<(FieldArg, usize), ErrorKind> {
    if let Some((n, used)) = bracketed(rest) {
        if info.id == FieldId::EvtRawarg {
            return Err(bad(info, "evt.rawarg takes a parameter name: evt.rawarg.NAME"));
        }
        let n = n.parse::<i64>().map_err(|_| bad(info, format!("'{n}' is not an index")))?;
        return Ok((FieldArg::Index(n), used));
    }
    let Some(name) = rest.strip_prefix('.') else {
        return Err(bad(info, "expected .NAME or [N]"));
    };
    // The longest parameter name of the event table that prefixes the text.
    let mut best: Option<&'static ParamInfo> = None;
    for p in EVENTS.iter().flat_map(|e| e.params) {
        if name.starts_with(p.name) && best.is_none_or(|b| p.name.len() > b.name.len()) {
            best = Some(p);
        }
    }
    let Some(first) = best else {
        let shown: String = name.chars().take(40).collect();
        return Err(bad(info, format!("unknown event argument {shown}")));
    };
    let index_by_type: Box<[u8]> = EVENTS
        .iter()
        .map(|e| {
            e.params
                .iter()
                .position(|p| p.name == first.name)
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(u8::MAX)
        })
        .collect();
    let arg = FieldArg::Param {
        name: first.name.into(),
        index_by_type,
        ty: Some(FieldType::of_param(first.ptype)),
    };
    Ok((arg, first.name.len() + 1))
}

/// `evt.type.is.NAME` (every id of that name, all versions) or `evt.type.is.ID`.
fn event_type_arg(info: &FieldInfo, rest: &str) -> Result<(FieldArg, usize), ErrorKind> {
    let name = rest.strip_prefix('.').ok_or_else(|| bad(info, "expected .NAME or .ID"))?;
    let len = name.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    let name = &name[..len];
    if name.is_empty() {
        return Err(bad(info, "expected .NAME or .ID"));
    }
    let ids: Box<[u16]> = match name.parse::<u16>() {
        Ok(id) => Box::new([id]),
        Err(_) => scap::table::ids_named(name).collect(),
    };
    if ids.is_empty() {
        return Err(ErrorKind::UnknownEventType(name.to_owned()));
    }
    Ok((FieldArg::EventTypes(ids), len + 1))
}

#[cfg(test)]
mod tests {
    use super::super::{Context, resolve};
    use super::*;

    fn arg(t: &str, ctx: Context) -> Result<FieldArg, ErrorKind> {
        resolve(t, ctx).map(|(f, _)| f.arg)
    }

    #[test]
    fn evt_arg_forms() {
        assert_eq!(arg("evt.arg[1]", Context::Filter), Ok(FieldArg::Index(1)));
        let a = arg("evt.arg.fd", Context::Filter).unwrap();
        assert_eq!(a.param_index(scap::table::ids::SYSCALL_READ_E), Some(0));
        assert_eq!(a.param_index(scap::table::ids::SYSCALL_READ_X), None);
        let a = arg("evt.arg.name", Context::Filter).unwrap();
        assert_eq!(a.param_index(scap::table::ids::SYSCALL_OPEN_X), Some(1));
        assert!(matches!(arg("evt.arg.foo", Context::Filter), Err(ErrorKind::BadArgument { .. })));
        assert!(matches!(arg("evt.arg.namex", Context::Filter), Err(ErrorKind::UnknownField(_))));
        assert!(matches!(arg("evt.arg", Context::Filter), Err(ErrorKind::BadArgument { .. })));
        assert!(matches!(
            arg("evt.rawarg[0]", Context::Filter),
            Err(ErrorKind::BadArgument { .. })
        ));
        // In a format the name ends where the longest parameter name ends.
        let (f, n) = resolve("evt.arg.name)", Context::Format).unwrap();
        assert_eq!((f.text.as_ref(), n), ("evt.arg.name", 12));
    }

    #[test]
    fn ancestors_labels_mounts() {
        assert_eq!(arg("proc.apid[-1]", Context::Filter), Ok(FieldArg::Index(-1)));
        assert_eq!(arg("proc.apid", Context::Filter), Ok(FieldArg::None));
        assert!(arg("proc.apid[x]", Context::Filter).is_err());
        assert_eq!(
            arg("k8s.pod.label.app.kubernetes.io/name", Context::Filter),
            Ok(FieldArg::Key("app.kubernetes.io/name".into()))
        );
        assert_eq!(arg("k8s.pod.label[app]", Context::Filter), Ok(FieldArg::Key("app".into())));
        assert!(arg("k8s.pod.label", Context::Filter).is_err());
        assert_eq!(
            arg("container.mount[2]", Context::Filter),
            Ok(FieldArg::Mount(MountSelector::Index(2)))
        );
        assert!(matches!(
            arg("container.mount[/usr/*]", Context::Filter),
            Ok(FieldArg::Mount(MountSelector::Glob(_)))
        ));
        assert!(arg("container.mount", Context::Filter).is_err());
        assert_eq!(
            arg("thread.cgroup.cpuacct", Context::Filter),
            Ok(FieldArg::Key("cpuacct".into()))
        );
        assert_eq!(
            arg("evt.around[1481211699529755396]", Context::Filter),
            Ok(FieldArg::Time(1481211699529755396))
        );
        assert!(arg("evt.around.5", Context::Filter).is_err());
        assert_eq!(
            arg("evt.abspath.dst", Context::Filter),
            Ok(FieldArg::AbsPath(AbsPathPart::Dst))
        );
    }

    #[test]
    fn event_type_is() {
        let FieldArg::EventTypes(ids) = arg("evt.type.is.execve", Context::Filter).unwrap() else {
            panic!("ids")
        };
        assert!(ids.len() >= 4, "every execve version: {ids:?}");
        assert_eq!(arg("evt.type.is.3", Context::Filter), Ok(FieldArg::EventTypes(Box::new([3]))));
        assert!(matches!(
            arg("evt.type.is.nosuch", Context::Filter),
            Err(ErrorKind::UnknownEventType(_))
        ));
    }
}
