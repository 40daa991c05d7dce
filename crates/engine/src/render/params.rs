//! One parameter as text: its value and, where sysdig has one, its resolved form
//! (`sinsp_evt::get_param_as_str`).

use scap::table::{self, FlagTable, ParamExtra, ParamInfo, ParamType, PrintFormat};

use super::RenderOptions;
use super::buffers::push_buffer;
use super::net::{push_sanitized, push_sockaddr, push_socktuple};
use super::numbers::{push_int, push_lg};
use super::text::push_dec;
use crate::ctx::EventCtx;
use crate::paths;
use crate::threads::cstr;

const AT_FDCWD: i64 = -100;

fn le_bytes<const N: usize>(p: &[u8]) -> [u8; N] {
    let mut a = [0u8; N];
    let n = p.len().min(N);
    a[..n].copy_from_slice(&p[..n]);
    a
}

/// Appends `(text)` with the text `resolve` appends, or nothing when it
/// appends nothing (the `name=value(resolved)` form of `%evt.info`).
#[inline]
fn push_in_parens(out: &mut Vec<u8>, resolve: impl FnOnce(&mut Vec<u8>)) {
    let at = out.len();
    out.push(b'(');
    resolve(out);
    if out.len() == at + 1 {
        out.truncate(at);
    } else {
        out.push(b')');
    }
}

/// Appends the names of `val` from `table` (scap-format.md §11.5).
pub(crate) fn push_flag_names(out: &mut Vec<u8>, table: &FlagTable, initial: u32) {
    let mut val = initial;
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !first {
            out.push(b'|');
        }
        first = false;
    };
    for &(name, value) in table.entries {
        if value == initial {
            sep(out);
            out.extend_from_slice(name.as_bytes());
            return;
        }
        if (value == 0 && initial == 0) || (value != 0 && val & value == value && val != 0) {
            sep(out);
            out.extend_from_slice(name.as_bytes());
            val &= !value;
        }
    }
}

fn errno_text(out: &mut Vec<u8>, v: i64) {
    let code = (v as i32).wrapping_neg();
    if code > 0
        && let Some(n) = table::errno_name(code as u64)
    {
        out.extend_from_slice(n.as_bytes());
    }
}

impl EventCtx<'_> {
    /// Number of parameters rendered: the table's count or the event's, whichever
    /// is smaller.
    pub(crate) fn nparams(&self) -> usize {
        let table = self.event().info().map_or(0, |i| i.params.len());
        table.min(self.event().nparams() as usize)
    }

    /// Renders parameter `i` into `val` (its value text) and `res` (its resolved
    /// text, empty when there is none). Both are appended to.
    pub(crate) fn param_text(
        &self,
        i: usize,
        opts: &RenderOptions,
        val: &mut Vec<u8>,
        res: &mut Vec<u8>,
    ) {
        let Some(info) = self.event().info() else { return };
        let Some(outer) = info.params.get(i) else { return };
        let Some(payload) = self.event().param(i) else { return };
        self.param_text_of(i, outer, payload, opts, val, res);
    }

    /// [`Self::param_text`] for parameter `i` described by `outer` with its
    /// bytes `payload` already at hand.
    pub(crate) fn param_text_of(
        &self,
        i: usize,
        outer: &ParamInfo,
        mut payload: &[u8],
        opts: &RenderOptions,
        val: &mut Vec<u8>,
        res: &mut Vec<u8>,
    ) {
        let mut pinfo: &ParamInfo = outer;
        if outer.ptype == ParamType::Dyn
            && let ParamExtra::Dynamic(types) = outer.extra
            && let Some((&idx, rest)) = payload.split_first()
            && let Some(inner) = types.get(idx as usize)
        {
            payload = rest;
            pinfo = inner;
        }
        let pf = outer.format;
        use ParamType as P;
        match pinfo.ptype {
            P::Int8 => push_int(val, le_bytes::<1>(payload)[0] as i8 as i64, false, pf),
            P::Int16 => push_int(val, i16::from_le_bytes(le_bytes(payload)) as i64, false, pf),
            P::Int32 => push_int(val, i32::from_le_bytes(le_bytes(payload)) as i64, false, pf),
            P::Int64 | P::Uint64 => push_int(val, i64::from_le_bytes(le_bytes(payload)), true, pf),
            P::Uint8 => push_int(val, le_bytes::<1>(payload)[0] as i64, false, pf),
            P::Uint16 => push_int(val, u16::from_le_bytes(le_bytes(payload)) as i64, false, pf),
            P::Uint32 => {
                push_int(val, u32::from_le_bytes(le_bytes(payload)) as i32 as i64, false, pf)
            }
            P::Fd | P::Fd32 => {
                let fd = if pinfo.ptype == P::Fd {
                    i64::from_le_bytes(le_bytes(payload))
                } else {
                    i32::from_le_bytes(le_bytes(payload)) as i64
                };
                self.fd_text(fd, val, res);
            }
            P::Pid | P::Pid32 => {
                let pid = if pinfo.ptype == P::Pid {
                    i64::from_le_bytes(le_bytes(payload))
                } else {
                    i32::from_le_bytes(le_bytes(payload)) as i64
                };
                push_dec(val, pid);
                self.pid_resolved(pid, res);
            }
            P::Errno => {
                let v = i64::from_le_bytes(le_bytes(payload));
                push_dec(val, v);
                if v < 0 {
                    errno_text(res, v);
                }
            }
            P::CharBuf => val.extend_from_slice(cstr(payload)),
            P::FsPath | P::FsRelPath => self.path_text(i, pinfo, payload, val, res),
            P::ByteBuf => push_buffer(val, payload, opts),
            P::SockAddr => push_sockaddr(val, payload),
            P::SockTuple => push_socktuple(val, payload),
            P::FdList => self.fdlist_text(payload, val),
            P::SyscallId => {
                let id = u16::from_le_bytes(le_bytes(payload));
                match table::syscall_name(id) {
                    Some(n) => {
                        push_dec(val, id);
                        res.extend_from_slice(n.as_bytes());
                    }
                    None => val.extend_from_slice(b"<unknown syscall>"),
                }
            }
            P::SigType => {
                let s = le_bytes::<1>(payload)[0];
                push_dec(val, s);
                if let Some(n) = table::signal_name(s as u64) {
                    res.extend_from_slice(n.as_bytes());
                }
            }
            P::RelTime => {
                let v = u64::from_le_bytes(le_bytes(payload));
                if v == u64::MAX {
                    val.extend_from_slice(b"none");
                } else {
                    push_dec(val, v);
                    push_lg(res, v as f64 / 1_000_000_000.0);
                    res.push(b's');
                }
            }
            P::Flags8
            | P::Flags16
            | P::Flags32
            | P::EnumFlags8
            | P::EnumFlags16
            | P::EnumFlags32 => {
                let v = match pinfo.ptype {
                    P::Flags8 | P::EnumFlags8 => le_bytes::<1>(payload)[0] as u32,
                    P::Flags16 | P::EnumFlags16 => u16::from_le_bytes(le_bytes(payload)) as u32,
                    _ => u32::from_le_bytes(le_bytes(payload)),
                };
                push_dec(val, v);
                if let Some(t) = outer.flag_table() {
                    push_flag_names(res, t, v);
                }
            }
            P::Mode => {
                let v = u32::from_le_bytes(le_bytes(payload));
                push_int(val, v as i32 as i64, false, pf);
                if let Some(t) = outer.flag_table() {
                    push_flag_names(res, t, v);
                }
            }
            P::AbsTime | P::Dyn => val.extend_from_slice(b"INVALID DYNAMIC PARAMETER"),
            P::Uid | P::Gid => {
                let v = u32::from_le_bytes(le_bytes(payload));
                if v == u32::MAX {
                    val.extend_from_slice(b"-1");
                    res.extend_from_slice(b"<NONE>");
                } else {
                    push_dec(val, v as i32);
                    let name = if pinfo.ptype == P::Uid {
                        self.engine().users().user(v).map(|u| u.name.as_slice())
                    } else {
                        self.engine().users().group(v).map(|g| g.name.as_slice())
                    };
                    match name {
                        Some(n) => push_sanitized(res, cstr(n)),
                        None => res.extend_from_slice(b"<NA>"),
                    }
                }
            }
            P::SigSet => {
                let v = u32::from_le_bytes(le_bytes(payload));
                let mut first = true;
                for sig in 0..32u64 {
                    if v & (1 << sig) != 0
                        && let Some(n) = table::signal_name(sig + 1)
                    {
                        if !first {
                            val.push(b' ');
                        }
                        first = false;
                        val.extend_from_slice(n.as_bytes());
                    }
                }
            }
            _ => val.extend_from_slice(b"(n.a.)"),
        }
    }

    /// Appends the text of a parameter that needs no resolved-text scratch and no
    /// NUL cut (integers in decimal, fds with their name, pids with their
    /// process name, `res` values with their errno name), exactly as
    /// [`Self::param_text_of`] plus the `(resolved)` suffix would; returns false,
    /// writing nothing, for any other parameter.
    #[inline]
    pub(crate) fn push_simple_param(
        &self,
        pinfo: &ParamInfo,
        payload: &[u8],
        out: &mut Vec<u8>,
    ) -> bool {
        use ParamType as P;
        let pf = pinfo.format;
        if matches!(pf, PrintFormat::Oct | PrintFormat::Hex | PrintFormat::Padded10Dec) {
            return false;
        }
        match (pinfo.ptype, payload.len()) {
            (P::Int64 | P::Uint64, 8) => push_dec(out, i64::from_le_bytes(le_bytes(payload))),
            (P::Uint32, 4) => push_dec(out, u32::from_le_bytes(le_bytes(payload)) as i32),
            (P::Int32, 4) => push_dec(out, i32::from_le_bytes(le_bytes(payload))),
            (P::Uint16, 2) => push_dec(out, u16::from_le_bytes(le_bytes(payload))),
            (P::Int16, 2) => push_dec(out, i16::from_le_bytes(le_bytes(payload))),
            (P::Fd, 8) | (P::Fd32, 4) => {
                let fd = match payload.len() {
                    8 => i64::from_le_bytes(le_bytes(payload)),
                    _ => i32::from_le_bytes(le_bytes(payload)) as i64,
                };
                push_dec(out, fd);
                push_in_parens(out, |out| self.fd_resolved(fd, out));
            }
            (P::Pid, 8) => {
                let pid = i64::from_le_bytes(le_bytes(payload));
                push_dec(out, pid);
                push_in_parens(out, |out| self.pid_resolved(pid, out));
            }
            (P::Errno, 8) => {
                let v = i64::from_le_bytes(le_bytes(payload));
                push_dec(out, v);
                if v < 0 {
                    push_in_parens(out, |out| errno_text(out, v));
                }
            }
            _ => return false,
        }
        true
    }

    /// `render_fd`.
    fn fd_text(&self, fd: i64, val: &mut Vec<u8>, res: &mut Vec<u8>) {
        push_dec(val, fd);
        self.fd_resolved(fd, res);
    }

    /// The resolved text of an fd parameter: `<type>name` (sanitised, so
    /// without NULs), `AT_FDCWD` or the errno name.
    fn fd_resolved(&self, fd: i64, res: &mut Vec<u8>) {
        let Some(t) = self.thread() else { return };
        if fd >= 0 {
            if let Some(f) = self.threads().fd(t, fd) {
                res.push(b'<');
                res.push(f.type_char());
                if f.kind().is_ip_socket()
                    && let Some(c) = f.l4proto().proto_char()
                {
                    res.push(c);
                }
                res.push(b'>');
                push_sanitized(res, f.name());
            }
        } else if fd == AT_FDCWD {
            res.extend_from_slice(b"AT_FDCWD");
        } else {
            errno_text(res, fd);
        }
    }

    /// The resolved text of a pid parameter: the process name, up to a NUL.
    fn pid_resolved(&self, pid: i64, res: &mut Vec<u8>) {
        if let Some(t) = self.threads().get(pid) {
            res.extend_from_slice(cstr(t.comm()));
        }
    }

    /// FSPATH/FSRELPATH: the sanitised path, resolved against the cwd or the
    /// dirfd's path when relative.
    fn path_text(
        &self,
        i: usize,
        pinfo: &ParamInfo,
        payload: &[u8],
        val: &mut Vec<u8>,
        res: &mut Vec<u8>,
    ) {
        push_sanitized(val, cstr(payload));
        let Some(t) = self.thread() else { return };
        if payload.is_empty() || payload.starts_with(b"<NA>") {
            return;
        }
        let mut base: Vec<u8> = Vec::new();
        let cwd = self.threads().cwd(t);
        let dirfd = match pinfo.extra {
            ParamExtra::DirFd(d) if pinfo.ptype == ParamType::FsRelPath => {
                let info = self.event().info().map(|i| i.params);
                let dtype = info.and_then(|p| p.get(d as usize)).map(|p| p.ptype);
                if dtype == Some(ParamType::Fd) && (d as usize) != i {
                    self.event().param_i64(d as usize)
                } else {
                    None
                }
            }
            _ => None,
        };
        match dirfd {
            None | Some(AT_FDCWD) => base.extend_from_slice(cwd),
            Some(fd) => {
                // An fd missing from the table (or unnamed) would be read from the
                // reading machine's /proc by sysdig; sysray treats it as unknown.
                if let Some(f) = self.threads().fd(t, fd).filter(|f| !f.name().is_empty()) {
                    push_sanitized(&mut base, f.name());
                    base.push(b'/');
                }
            }
        }
        let mut joined = Vec::new();
        if paths::concatenate(&mut joined, &base, payload, payload.len(), None) {
            res.extend_from_slice(&joined);
        }
    }

    /// FDLIST: `fd:Tflags` items.
    fn fdlist_text(&self, payload: &[u8], val: &mut Vec<u8>) {
        let Some(t) = self.thread() else { return };
        let n = u16::from_le_bytes(le_bytes(payload)) as usize;
        let mut pos = 2;
        for j in 0..n {
            let Some(item) = payload.get(pos..pos + 10) else { break };
            let fd = i64::from_le_bytes(le_bytes(item));
            let flags = i16::from_le_bytes(le_bytes(&item[8..])) as i32 as u32;
            if j > 0 {
                val.push(b' ');
            }
            push_dec(val, fd as u64);
            val.push(b':');
            val.push(self.threads().fd(t, fd).map_or(b'?', |f| f.type_char()));
            super::net::push_lower_hex(val, flags as u64);
            pos += 10;
        }
    }
}
