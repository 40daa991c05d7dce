//! Loading the embedded object with aya, filling its tables and attaching
//! the programs; the checks that turn kernel refusals into clear errors.

use std::path::Path;

use aya::Btf;
use aya::maps::{Array, Map, PerCpuArray};
use aya::programs::{BtfTracePoint, Program, ProgramError, RawTracePoint, TracePoint};
use aya::{Ebpf, EbpfLoader};

use crate::abi::{self, MAX_EVENT_IDS, PROBE_OBJECT, Settings, Stats, SyscallEntry};
use crate::error::{Error, Missing};
use crate::hooks::{self, SyscallHooks};
use crate::recipes;
use crate::ring::{self, Rings};
use crate::syscalls::{self, Interest};

/// What the programs are told at load time.
#[derive(Clone, Debug)]
pub(crate) struct LoadConfig {
    pub ring_bytes: u32,
    pub interest: Interest,
    pub settings: Settings,
    pub page_faults: bool,
    pub signals: bool,
    /// Whether a restricted interest may use the per-syscall tracepoints.
    pub per_syscall: bool,
}

/// A loaded and attached probe.
pub(crate) struct Loaded {
    pub ebpf: Ebpf,
    pub ring: Rings,
    pub hooks: SyscallHooks,
    /// The settings as written, with the ring size.
    pub settings: Settings,
}

const BTF_PATH: &str = "/sys/kernel/btf/vmlinux";
const CAP_SYS_ADMIN: u32 = 21;
const CAP_PERFMON: u32 = 38;
const CAP_BPF: u32 = 39;

fn effective_caps() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("CapEff:"))
                .and_then(|v| u64::from_str_radix(v.trim(), 16).ok())
        })
        .unwrap_or(0)
}

fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_string()
}

/// `(major, minor)` of a kernel release string like `6.18.44-amd64`.
pub(crate) fn parse_release(release: &str) -> Option<(u32, u32)> {
    let mut it = release.split(|c: char| !c.is_ascii_digit());
    Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
}

/// Checks what the probe needs before touching the kernel: a recent enough
/// kernel, BTF and the capabilities to load BPF programs.
pub(crate) fn preflight() -> Result<(), Error> {
    let release = kernel_release();
    if let Some((major, minor)) = parse_release(&release)
        && (major, minor) < (5, 17)
    {
        return Err(Error::Unsupported(Missing::KernelTooOld(release)));
    }
    if !Path::new(BTF_PATH).exists() {
        return Err(Error::Unsupported(Missing::Btf));
    }
    let caps = effective_caps();
    let has = |c: u32| caps & (1 << c) != 0;
    if !(has(CAP_SYS_ADMIN) || (has(CAP_BPF) && has(CAP_PERFMON))) {
        return Err(Error::Unsupported(Missing::Privileges));
    }
    Ok(())
}

fn map_error(what: &'static str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Load { what, source: Box::new(e) }
}

/// Loads, configures and attaches the probe.
pub(crate) fn load(cfg: &LoadConfig) -> Result<Loaded, Error> {
    preflight()?;
    let ncpus = aya::util::nr_cpus().map_err(|(what, e)| Error::Io { what, source: e })? as u32;
    let ncpus = ncpus.max(1);
    let per_cpu = (cfg.ring_bytes as u64 / ncpus as u64).max(MIN_RING_PER_CPU);
    let shift = ring::ring_shift(per_cpu);
    let mut ebpf = EbpfLoader::new()
        .map_max_entries("scratch_map", ncpus)
        .map_max_entries("ring_pos", ncpus)
        .map_max_entries("ring_data", ncpus << shift)
        .load(PROBE_OBJECT)
        .map_err(classify_load_error)?;
    let mut settings = cfg.settings;
    settings.ring_shift = shift;

    {
        let map = ebpf.map_mut("syscall_table").ok_or(Error::MissingMap("syscall_table"))?;
        let mut table: Array<_, SyscallEntry> =
            Array::try_from(map).map_err(|e| map_error("syscall_table", e))?;
        for (nr, entry) in syscalls::table(&cfg.interest).into_iter().enumerate() {
            table.set(nr as u32, entry, 0).map_err(|e| map_error("syscall_table", e))?;
        }
    }
    {
        let map = ebpf.map_mut("recipes").ok_or(Error::MissingMap("recipes"))?;
        let mut table: Array<_, abi::Recipe> =
            Array::try_from(map).map_err(|e| map_error("recipes", e))?;
        for id in 0..MAX_EVENT_IDS.min(u16::MAX as u32) as u16 {
            if let Some(r) = recipes::compile(id).map_err(Error::Recipe)? {
                table.set(id as u32, r, 0).map_err(|e| map_error("recipes", e))?;
            }
        }
    }
    write_settings(&mut ebpf, &settings)?;

    // Before the syscall programs: it forgets the key under which they keep
    // a task's ids (probe.bpf.c, current_pid_tgid) when a task exits.
    attach(&mut ebpf, "sched_process_exit", "sched_process_exit")?;
    let hooks = hooks::plan(&cfg.interest, cfg.per_syscall);
    match &hooks {
        SyscallHooks::RawSyscalls => {
            let btf = Btf::from_sys_fs().map_err(|e| map_error("kernel BTF", e))?;
            attach_btf(&mut ebpf, &btf, "sys_enter")?;
            attach_btf(&mut ebpf, &btf, "sys_exit")?;
        }
        SyscallHooks::PerSyscall(names) => {
            attach_per_syscall(&mut ebpf, "sc_enter", "sys_enter_", names)?;
            attach_per_syscall(&mut ebpf, "sc_exit", "sys_exit_", names)?;
        }
    }
    // Always attached; its events follow SET_SCHED_SWITCH.
    attach(&mut ebpf, "sched_switch", "sched_switch")?;
    if cfg.signals {
        attach(&mut ebpf, "signal_deliver", "signal_deliver")?;
    }
    if cfg.page_faults {
        attach(&mut ebpf, "page_fault_user", "page_fault_user")?;
        attach(&mut ebpf, "page_fault_kernel", "page_fault_kernel")?;
    }
    let pos = array_map(&mut ebpf, "ring_pos")?;
    let data = array_map(&mut ebpf, "ring_data")?;
    let ring = Rings::new(pos, data, ncpus as usize, shift)?;
    Ok(Loaded { ebpf, ring, hooks, settings })
}

/// The smallest ring of one CPU.
const MIN_RING_PER_CPU: u64 = 8 << 20;

/// Takes the array map `name` out of the object (for mapping its memory).
fn array_map(ebpf: &mut Ebpf, name: &'static str) -> Result<aya::maps::MapData, Error> {
    match ebpf.take_map(name) {
        Some(Map::Array(data)) => Ok(data),
        _ => Err(Error::MissingMap(name)),
    }
}

fn classify_load_error(e: aya::EbpfError) -> Error {
    let text = format!("{e:?}");
    if text.contains("PermissionDenied") || text.contains("EPERM") || text.contains("os error 1)") {
        Error::Unsupported(Missing::Privileges)
    } else {
        Error::Load { what: "BPF object", source: Box::new(e) }
    }
}

/// The program `name` of the object, as its kind `T`.
fn program<'a, T>(ebpf: &'a mut Ebpf, name: &'static str) -> Result<&'a mut T, Error>
where
    &'a mut T: TryFrom<&'a mut Program, Error = ProgramError>,
{
    let prog = ebpf.program_mut(name).ok_or(Error::MissingProgram(name))?;
    prog.try_into().map_err(|e| map_error(name, e))
}

fn attach(ebpf: &mut Ebpf, program: &'static str, tracepoint: &str) -> Result<(), Error> {
    let prog: &mut RawTracePoint = self::program(ebpf, program)?;
    prog.load().map_err(|e| map_error(program, e))?;
    prog.attach(tracepoint).map_err(|e| map_error(program, e))?;
    Ok(())
}

/// Loads and attaches a `tp_btf` program named like its tracepoint.
fn attach_btf(ebpf: &mut Ebpf, btf: &Btf, name: &'static str) -> Result<(), Error> {
    let prog: &mut BtfTracePoint = program(ebpf, name)?;
    prog.load(name, btf).map_err(|e| map_error(name, e))?;
    prog.attach().map_err(|e| map_error(name, e))?;
    Ok(())
}

/// Loads `program` once and attaches it to `syscalls:<prefix><name>` for
/// every name.
fn attach_per_syscall(
    ebpf: &mut Ebpf,
    program: &'static str,
    prefix: &str,
    names: &[&str],
) -> Result<(), Error> {
    let prog: &mut TracePoint = self::program(ebpf, program)?;
    prog.load().map_err(|e| map_error(program, e))?;
    for name in names {
        prog.attach("syscalls", &format!("{prefix}{name}")).map_err(|e| map_error(program, e))?;
    }
    Ok(())
}

/// Replaces the settings the programs read on every event.
pub(crate) fn write_settings(ebpf: &mut Ebpf, settings: &Settings) -> Result<(), Error> {
    let map = ebpf.map_mut("settings_map").ok_or(Error::MissingMap("settings_map"))?;
    let mut arr: Array<_, Settings> = Array::try_from(map).map_err(|e| map_error("settings", e))?;
    arr.set(0, settings, 0).map_err(|e| map_error("settings", e))
}

/// The per-CPU counters.
pub(crate) fn read_stats(ebpf: &Ebpf) -> Result<Vec<Stats>, Error> {
    let map = ebpf.map("stats_map").ok_or(Error::MissingMap("stats_map"))?;
    let arr: PerCpuArray<_, Stats> =
        PerCpuArray::try_from(map).map_err(|e| map_error("stats", e))?;
    let values = arr.get(&0, 0).map_err(|e| map_error("stats", e))?;
    Ok(values.iter().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_parse() {
        assert_eq!(parse_release("6.18.44-amd64"), Some((6, 18)));
        assert_eq!(parse_release("5.4.0"), Some((5, 4)));
        assert_eq!(parse_release("garbage"), None);
    }
}
