//! Command-line flags, parsed the way sysdig's `getopt_long` does: combined short
//! flags (`-zw FILE`, `-pk`, `-NA`, `-s8192`, `-cl`), options anywhere among the
//! positional words, `--long=value` and `--long value`. No I/O happens here.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow, bail};
use lexopt::prelude::*;

/// How data buffers are shown (`-A`, `-b`, `-x`, `-X`, default).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BufferMode {
    /// Printable bytes, others as `.`.
    #[default]
    Normal,
    /// `-A`: printable text only, newlines kept.
    Ascii,
    /// `-b`: base64.
    Base64,
    /// `-x`: hex.
    Hex,
    /// `-X`: hex and ASCII.
    HexAscii,
}

/// The words of the command line, validated but not acted upon.
#[derive(Debug, Default)]
pub struct LowArgs {
    pub buffer_mode: Option<BufferMode>,
    /// Each `-c NAME` with the raw command-line words after it (sysdig gives the
    /// chisel the next word as its arguments before reordering options).
    pub chisels: Vec<ChiselSpec>,
    pub list_chisels: bool,
    pub chisel_info: Option<String>,
    pub cri: Vec<PathBuf>,
    pub cri_timeout_ms: Option<u64>,
    pub display_filter: bool,
    pub debug: bool,
    pub exclude_users: bool,
    pub event_limit: Option<u64>,
    pub fatfile: bool,
    pub filter_proclist: bool,
    pub rotate_seconds: Option<u64>,
    pub help: bool,
    pub json: bool,
    pub k8s_api: Option<String>,
    pub k8s_api_cert: Option<String>,
    pub node_name: Option<String>,
    pub list_fields: bool,
    pub list_events: bool,
    pub list_markdown: bool,
    pub verbose: bool,
    pub max_seconds: Option<u64>,
    pub num_events: Option<u64>,
    pub page_faults: bool,
    pub progress: bool,
    pub print_format: Option<String>,
    pub quiet: bool,
    pub resolve_ports: bool,
    pub read_file: Option<PathBuf>,
    pub snaplen: Option<u32>,
    pub summary: bool,
    pub suppress_comm: Vec<String>,
    pub time_type: Option<char>,
    pub force_tracers: bool,
    pub unbuffered: bool,
    pub version: bool,
    pub libs_version: bool,
    pub write_file: Option<PathBuf>,
    pub file_limit: Option<u64>,
    pub file_size_mb: Option<u64>,
    pub compress: bool,
    /// Words that are not options: chisel arguments, then the filter.
    pub positional: Vec<String>,
    /// `capinfo` subcommand and its files.
    pub capinfo: Option<CapinfoArgs>,
}

/// One `-c NAME` and the words that followed it on the command line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChiselSpec {
    /// The chisel name or path.
    pub name: String,
    /// Every command-line word after the name, in order.
    pub rest: Vec<String>,
}

/// `sysray capinfo [--types] [-j] FILE...`
#[derive(Debug, Default)]
pub struct CapinfoArgs {
    pub files: Vec<PathBuf>,
    pub types: bool,
    pub json: bool,
}

fn string(v: OsString, flag: &str) -> Result<String> {
    v.into_string().map_err(|v| anyhow!("{flag}: value {v:?} is not valid UTF-8"))
}

fn number<T: std::str::FromStr>(v: OsString, flag: &str) -> Result<T> {
    let s = string(v, flag)?;
    s.trim().parse::<T>().map_err(|_| anyhow!("{flag}: expected a number, got {s:?}"))
}

impl LowArgs {
    /// Parses `args` (without the program name).
    pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<LowArgs> {
        let args: Vec<OsString> = args.into_iter().collect();
        if args.first().is_some_and(|a| a == "capinfo") {
            return parse_capinfo(args.into_iter().skip(1));
        }
        let mut a = LowArgs::default();
        let mut p = lexopt::Parser::from_args(args);
        while let Some(arg) = p.next()? {
            match arg {
                Short('A') | Long("print-ascii") => a.set_buffer(BufferMode::Ascii)?,
                Short('b') | Long("print-base64") => a.set_buffer(BufferMode::Base64)?,
                Short('x') | Long("print-hex") => a.set_buffer(BufferMode::Hex)?,
                Short('X') | Long("print-hex-ascii") => a.set_buffer(BufferMode::HexAscii)?,
                Short('B') | Long("bpf") => {
                    // sysray always uses its own CO-RE probe; a probe path is accepted
                    // for compatibility and ignored.
                    let _ = p.optional_value();
                }
                Short('c') | Long("chisel") => {
                    let v = string(p.value()?, "-c")?;
                    if v == "l" {
                        a.list_chisels = true;
                    } else {
                        let rest = p
                            .raw_args()?
                            .as_slice()
                            .iter()
                            .map(|w| w.to_string_lossy().into_owned())
                            .collect();
                        a.chisels.push(ChiselSpec { name: v, rest });
                    }
                }
                Long("list-chisels") => a.list_chisels = true,
                Short('i') | Long("chisel-info") => a.chisel_info = Some(string(p.value()?, "-i")?),
                Long("cri") => a.cri.push(p.value()?.into()),
                Long("cri-timeout") => {
                    a.cri_timeout_ms = Some(number(p.value()?, "--cri-timeout")?)
                }
                Short('d') | Long("displayflt") => a.display_filter = true,
                Short('D') | Long("debug") => a.debug = true,
                Short('E') | Long("exclude-users") => a.exclude_users = true,
                Short('e') | Long("event-limit") => a.event_limit = Some(number(p.value()?, "-e")?),
                Short('F') | Long("fatfile") => a.fatfile = true,
                Long("filter-proclist") => a.filter_proclist = true,
                Short('G') | Long("seconds") => a.rotate_seconds = Some(number(p.value()?, "-G")?),
                Short('h') | Long("help") => a.help = true,
                Short('H') | Long("plugin") | Short('I') | Long("input") => {
                    let _ = p.value()?;
                    bail!("plugins are not supported by sysray (yet): -H/-I");
                }
                Long("plugin-config-file") => {
                    let _ = p.value()?;
                    bail!("plugins are not supported by sysray (yet): --plugin-config-file");
                }
                Short('j') | Long("json") => a.json = true,
                Short('k') | Long("k8s-api") => a.k8s_api = Some(string(p.value()?, "-k")?),
                Short('K') | Long("k8s-api-cert") => {
                    a.k8s_api_cert = Some(string(p.value()?, "-K")?)
                }
                Long("node-name") => a.node_name = Some(string(p.value()?, "--node-name")?),
                // Old sysdig's -N (do not resolve port names) is the default today.
                Short('N') => {}
                Short('l') | Long("list") => a.list_fields = true,
                Short('L') | Long("list-events") => a.list_events = true,
                Long("list-markdown") => a.list_markdown = true,
                Long("large-environment") => {}
                Long("libs-version") => a.libs_version = true,
                Short('m') | Long("mesos-api") => {
                    let _ = p.value()?;
                    bail!("Mesos support was removed: -m/--mesos-api");
                }
                Short('M') => a.max_seconds = Some(number(p.value()?, "-M")?),
                Short('n') | Long("numevents") => a.num_events = Some(number(p.value()?, "-n")?),
                Long("page-faults") => a.page_faults = true,
                Short('P') | Long("progress") => a.progress = true,
                Short('p') | Long("print") => a.print_format = Some(string(p.value()?, "-p")?),
                Short('q') | Long("quiet") => a.quiet = true,
                Short('R') | Long("resolve-ports") => a.resolve_ports = true,
                Short('r') | Long("readfile") | Long("read") => {
                    a.read_file = Some(p.value()?.into())
                }
                Short('S') | Long("summary") => a.summary = true,
                Short('s') | Long("snaplen") => a.snaplen = Some(number(p.value()?, "-s")?),
                Short('t') | Long("timetype") => {
                    let v = string(p.value()?, "-t")?;
                    let c = match v.as_str() {
                        "h" | "a" | "r" | "d" | "D" => v.chars().next().unwrap_or('h'),
                        _ => bail!("invalid -t value {v:?}: expected h, a, r, d or D"),
                    };
                    a.time_type = Some(c);
                }
                Short('T') | Long("force-tracers-capture") => a.force_tracers = true,
                Short('U') | Long("suppress-comm") => {
                    a.suppress_comm.push(string(p.value()?, "-U")?)
                }
                Short('u') | Long("udig") => bail!("udig capture is not supported by sysray"),
                Long("unbuffered") => a.unbuffered = true,
                Short('v') | Long("verbose") => a.verbose = true,
                Long("version") => a.version = true,
                Short('w') | Long("writefile") | Long("write") => {
                    a.write_file = Some(p.value()?.into())
                }
                Short('W') | Long("limit") => a.file_limit = Some(number(p.value()?, "-W")?),
                Short('C') | Long("file-size") => a.file_size_mb = Some(number(p.value()?, "-C")?),
                Short('z') | Long("compress") => a.compress = true,
                Value(v) => a.positional.push(string(v, "argument")?),
                other => return Err(other.unexpected()).context("see sysray --help"),
            }
        }
        Ok(a)
    }

    fn set_buffer(&mut self, m: BufferMode) -> Result<()> {
        if self.buffer_mode.is_some_and(|old| old != m) {
            bail!("you cannot specify more than one output format (-A, -b, -x, -X)");
        }
        self.buffer_mode = Some(m);
        Ok(())
    }
}

fn parse_capinfo(args: impl Iterator<Item = OsString>) -> Result<LowArgs> {
    let mut c = CapinfoArgs::default();
    let mut p = lexopt::Parser::from_args(args);
    let mut help = false;
    while let Some(arg) = p.next()? {
        match arg {
            Long("types") | Short('t') => c.types = true,
            Short('j') | Long("json") => c.json = true,
            Short('h') | Long("help") => help = true,
            Value(v) => c.files.push(v.into()),
            other => {
                return Err(other.unexpected())
                    .context("usage: sysray capinfo [--types] [-j] FILE...");
            }
        }
    }
    if c.files.is_empty() && !help {
        bail!("usage: sysray capinfo [--types] [-j] FILE...");
    }
    Ok(LowArgs { help, capinfo: Some(c), ..LowArgs::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &[&str]) -> LowArgs {
        LowArgs::parse(s.iter().map(OsString::from)).unwrap()
    }

    #[test]
    fn combined_short_flags_like_getopt() {
        let a = parse(&["-s8192", "-zw", "out.scap", "-pk", "-NA", "proc.name=curl"]);
        assert_eq!(a.snaplen, Some(8192));
        assert!(a.compress);
        assert_eq!(a.write_file, Some(PathBuf::from("out.scap")));
        assert_eq!(a.print_format.as_deref(), Some("k"));
        assert_eq!(a.buffer_mode, Some(BufferMode::Ascii));
        assert_eq!(a.positional, vec!["proc.name=curl"]);
    }

    #[test]
    fn chisels_and_listing() {
        let a = parse(&["-cl"]);
        assert!(a.list_chisels);
        let a = parse(&["-r", "f.scap", "-c", "echo_fds", "fd.name=/etc/resolv.conf"]);
        assert_eq!(a.chisels[0].name, "echo_fds");
        assert_eq!(a.chisels[0].rest, vec!["fd.name=/etc/resolv.conf"]);
        assert_eq!(a.positional, vec!["fd.name=/etc/resolv.conf"]);
        assert_eq!(a.read_file, Some(PathBuf::from("f.scap")));
    }

    #[test]
    fn options_after_positionals_and_long_forms() {
        let a = parse(&["evt.type=open", "--numevents=5", "-t", "a", "--json"]);
        assert_eq!(a.num_events, Some(5));
        assert_eq!(a.time_type, Some('a'));
        assert!(a.json);
        assert_eq!(a.positional, vec!["evt.type=open"]);
    }

    #[test]
    fn bad_values_are_errors() {
        assert!(LowArgs::parse(["-s", "x"].map(OsString::from)).is_err());
        assert!(LowArgs::parse(["-t", "q"].map(OsString::from)).is_err());
        assert!(LowArgs::parse(["-A", "-x"].map(OsString::from)).is_err());
        assert!(LowArgs::parse(["--no-such-flag"].map(OsString::from)).is_err());
    }

    #[test]
    fn capinfo_subcommand() {
        let a = parse(&["capinfo", "--types", "-j", "a.scap", "b.scap"]);
        let c = a.capinfo.unwrap();
        assert!(c.types && c.json);
        assert_eq!(c.files.len(), 2);
    }
}
