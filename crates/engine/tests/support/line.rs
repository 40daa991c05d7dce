//! The sysdig 0.29.3 output line (default, `-pc`, `-pk`) and the filters of the
//! conformance `buf-*` cases, shared by the `print` example and the
//! conformance test.

use std::io::Write;

use engine::{EventCtx, RenderOptions};
use scap::table::ef;

/// Which preset format to print.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Preset {
    /// `*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`.
    Default,
    /// `-pc`.
    Container,
    /// `-pk`.
    K8s,
}

/// The filters of the `buf-*` conformance cases.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IoFilter {
    /// No filter.
    None,
    /// `fd.type in (ipv4, ipv6, unix) and evt.is_io=true`.
    Net,
    /// `fd.type=file and evt.is_io=true`.
    File,
}

/// The `buf-*` cases' filters.
pub fn keep(c: &EventCtx<'_>, f: IoFilter) -> bool {
    let is_io =
        c.event().info().is_some_and(|i| i.flags & (ef::READS_FROM_FD | ef::WRITES_TO_FD) != 0);
    if !is_io {
        return false;
    }
    let fd = c.fd().or_else(|| c.last_fd().map(|(_, f)| f));
    let Some(ty) = fd.and_then(|f| f.kind().type_name()) else { return false };
    match f {
        IoFilter::Net => matches!(ty, "ipv4" | "ipv6" | "unix"),
        IoFilter::File => ty == "file",
        IoFilter::None => true,
    }
}

fn push_time(line: &mut Vec<u8>, ts: u64) {
    let secs = ts / 1_000_000_000;
    let ns = ts % 1_000_000_000;
    let day = secs % 86_400;
    let _ = write!(line, "{:02}:{:02}:{:02}.{:09}", day / 3600, day / 60 % 60, day % 60, ns);
}

pub fn format_line(c: &EventCtx<'_>, preset: Preset, opts: &RenderOptions, line: &mut Vec<u8>) {
    let ev = c.event();
    let _ = write!(line, "{} ", c.num());
    push_time(line, ev.ts());
    let _ = write!(line, " {} ", ev.cpuid() as i16);
    let t = c.thread();
    if preset != Preset::Default {
        match preset {
            Preset::Container => line.extend_from_slice(container_name(c).as_bytes()),
            _ => line.extend_from_slice(pod_name(c).as_bytes()),
        }
        line.extend_from_slice(b" (");
        match t {
            None => line.extend_from_slice(b"<NA>"),
            Some(t) if t.container_id().is_empty() => line.extend_from_slice(b"host"),
            Some(t) => line.extend_from_slice(t.container_id().as_bytes()),
        }
        line.extend_from_slice(b") ");
    }
    match t {
        Some(t) => line.extend_from_slice(t.comm()),
        None => line.extend_from_slice(b"<NA>"),
    }
    let _ = write!(line, " ({}", ev.tid() as i64);
    if preset != Preset::Default {
        match t.map(|t| t.vtid()) {
            Some(v) if v != -1 => {
                let _ = write!(line, ":{v}");
            }
            _ => line.extend_from_slice(b":<NA>"),
        }
    }
    let dir = if ev.is_enter() { '>' } else { '<' };
    let _ = write!(line, ") {dir} {} ", c.type_name());
    c.write_info(line, opts);
    line.push(b'\n');
}

fn container_name(c: &EventCtx<'_>) -> String {
    let Some(t) = c.thread() else { return "<NA>".into() };
    if t.container_id().is_empty() {
        return "host".into();
    }
    match c.container() {
        Some(k) if !k.name.is_empty() => k.name.clone(),
        _ => "<NA>".into(),
    }
}

fn pod_name(c: &EventCtx<'_>) -> String {
    let Some(t) = c.thread() else { return "<NA>".into() };
    if t.container_id().is_empty() {
        return "<NA>".into();
    }
    if let Some(k) = c.container()
        && !k.labels.is_empty()
        && let Some(n) = k.label("io.kubernetes.pod.name")
    {
        return n.to_string();
    }
    if !c.engine().k8s().is_active() {
        return "<NA>".into();
    }
    c.engine().k8s().pod_for_container(t.container_id()).map_or("<NA>".into(), |p| p.name.clone())
}
