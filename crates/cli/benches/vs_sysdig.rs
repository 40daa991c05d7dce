//! sysray against the reference sysdig 0.29.3 on the seed capture, side by side.
//!
//! `cargo bench -p sysray --bench vs_sysdig [-- NAME...]`
//!
//! For each scenario both programs run the same arguments; the outputs must be the
//! same bytes (`same`: `yes`; `ties` when only the order of lines differs, as in top-N
//! tables ranking equal values), then both are timed in interleaved rounds (best wall
//! time, its CPU time, and peak RSS from `wait4`); a ratio is the median of the rounds' own
//! ratios. Printed: the table and the speed ratios. The
//! "inflate only" row is the floor for a compressed capture: the time sysray's
//! decompressor (flate2 with zlib-rs) needs to inflate the file and nothing else,
//! in this process. The filter that matches nothing is also compared with that
//! inflate run as a process of its own (this bench binary started again), which
//! pays what every run of a program pays: its start and exit.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    wall: Duration,
    cpu: Duration,
    rss_kb: i64,
}

fn timed(program: &Path, args: &[String]) -> Run {
    let mut cmd = Command::new(program);
    cmd.args(args).env("TZ", "UTC").env("LC_ALL", "C");
    timed_command(cmd, program)
}

/// The inflate-only pass as a process of its own.
fn inflate_in_a_process(seed: &Path) -> Run {
    let me = std::env::current_exe().expect("the bench's own path");
    let mut cmd = Command::new(&me);
    cmd.env(INFLATE_ONLY, seed);
    timed_command(cmd, &me)
}

/// Set to a path, the bench binary only inflates that file and exits.
const INFLATE_ONLY: &str = "VS_SYSDIG_INFLATE_ONLY";

#[allow(
    clippy::zombie_processes,
    reason = "reaped by wait4, which also reports CPU time and peak RSS"
)]
fn timed_command(mut cmd: Command, program: &Path) -> Run {
    let start = Instant::now();
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child; `status` and `ru` are valid for writes.
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut ru) };
    assert!(pid > 0, "wait4 failed");
    let wall = start.elapsed();
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Run { wall, cpu: tv(ru.ru_utime) + tv(ru.ru_stime), rss_kb: ru.ru_maxrss }
}

/// Best-of runs of both programs and the medians of per-round ratios.
struct Compared {
    sysdig: Run,
    sysray: Run,
    /// Median of sysdig time / sysray time, each round on its own.
    ratio: f64,
    /// Median of sysray time / inflate-only time, each round on its own.
    floor_ratio: f64,
    /// With the inflate-only process: its best run, and the median of sysray
    /// time / its time, each round on its own.
    process_floor: Option<(Run, f64)>,
}

/// Runs sysdig, sysray and an inflate-only pass (and, `with_process_floor`, the
/// inflate-only process) in turn, `rounds` times, so a
/// change of machine speed (this VM's moves by a third from second to second)
/// hits all three alike; ratios are taken within a round, then the median.
/// The order of the three rotates from round to round, after a short pause,
/// so none of them is always the one that runs right after another process.
fn compare(
    sysdig: &Path,
    sysray: &Path,
    args: &[String],
    seed: &Path,
    rounds: usize,
    with_process_floor: bool,
) -> Compared {
    let (mut a_runs, mut b_runs) = (Vec::new(), Vec::new());
    let (mut ratios, mut floor_ratios) = (Vec::new(), Vec::new());
    let (mut p_runs, mut p_ratios) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        std::thread::sleep(Duration::from_millis(20));
        let (mut a, mut b, mut floor, mut p) = (None, None, Duration::ZERO, None);
        let slots = if with_process_floor { 4 } else { 3 };
        for k in 0..slots {
            match (round + k) % slots {
                0 => a = Some(timed(sysdig, args)),
                1 => b = Some(timed(sysray, args)),
                2 => floor = inflate_once(seed),
                _ => p = Some(inflate_in_a_process(seed)),
            }
        }
        let (Some(a), Some(b)) = (a, b) else { unreachable!("every slot runs") };
        ratios.push(a.wall.as_secs_f64() / b.wall.as_secs_f64());
        floor_ratios.push(b.wall.as_secs_f64() / floor.as_secs_f64());
        if let Some(p) = p {
            p_ratios.push(b.wall.as_secs_f64() / p.wall.as_secs_f64());
            p_runs.push(p);
        }
        a_runs.push(a);
        b_runs.push(b);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Compared {
        sysdig: best(a_runs),
        sysray: best(b_runs),
        ratio: median(ratios),
        floor_ratio: median(floor_ratios),
        process_floor: (!p_runs.is_empty()).then(|| (best(p_runs), median(p_ratios))),
    }
}

/// The fastest run, with the highest peak RSS of all.
fn best(mut all: Vec<Run>) -> Run {
    all.sort_by_key(|r| r.wall);
    let rss = all.iter().map(|r| r.rss_kb).max().unwrap_or(0);
    let b = all.swap_remove(0);
    Run { rss_kb: rss, ..b }
}

/// A digest of the program's standard output, read as a stream (the bench process
/// stays small, so it does not inflate the peak RSS of the children it forks).
fn output_digest(program: &Path, args: &[String]) -> Digest {
    let mut child = Command::new(program)
        .args(args)
        .env("TZ", "UTC")
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", program.display()));
    // Streamed: a bench that held the output would grow, and a child's peak RSS
    // counts its parent's from before `exec`.
    let mut out = child.stdout.take().expect("piped stdout");
    const FNV: u64 = 0xcbf2_9ce4_8422_2325;
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
    let mut d = Digest { bytes: FNV, lines: 0, len: 0 };
    let mut line = FNV;
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = out.read(&mut buf).unwrap_or(0);
        if n == 0 {
            break;
        }
        for &b in &buf[..n] {
            d.bytes = step(d.bytes, b);
            if b == b'\n' {
                d.lines = d.lines.wrapping_add(line);
                line = FNV;
            } else {
                line = step(line, b);
            }
        }
        d.len += n;
    }
    d.lines = d.lines.wrapping_add(line);
    let _ = child.wait();
    d
}

/// What is compared of two programs' outputs: the bytes, and the lines as a multiset
/// (top-N tables rank ties in the reference's hash order; the conformance runner
/// compares those as `ties`).
#[derive(PartialEq)]
struct Digest {
    bytes: u64,
    lines: u64,
    len: usize,
}

/// Inflating the capture alone, through the same decompressor: the floor.
fn inflate_once(path: &Path) -> Duration {
    let t = Instant::now();
    let f = std::fs::File::open(path).expect("seed");
    let mut d = flate2::bufread::MultiGzDecoder::new(std::io::BufReader::with_capacity(1 << 16, f));
    let mut buf = vec![0u8; 1 << 20];
    while d.read(&mut buf).expect("inflate") > 0 {}
    t.elapsed()
}

fn main() {
    if let Some(path) = std::env::var_os(INFLATE_ONLY) {
        inflate_once(Path::new(&path));
        return;
    }
    let seed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/captures/k8s-dns-troubleshooting.scap");
    if !seed.exists() {
        eprintln!("skipped: {} not found", seed.display());
        return;
    }
    let sysdig = PathBuf::from("/usr/bin/sysdig");
    if !sysdig.exists() {
        eprintln!("skipped: sysdig 0.29.3 is not installed (apt-get install sysdig)");
        return;
    }
    let sysray = PathBuf::from(env!("CARGO_BIN_EXE_sysray"));
    let s = seed.to_string_lossy().to_string();
    let article = "fd.type in (ipv4, ipv6) and (k8s.ns.name=critical-app or proc.name=skydns)";
    let scenarios: Vec<(&str, Vec<String>, f64)> = vec![
        ("default output", vec!["-r".into(), s.clone()], 10.0),
        ("json output (-j)", vec!["-j".into(), "-r".into(), s.clone()], 20.0),
        (
            "article filter (-pk -A)",
            vec!["-r".into(), s.clone(), "-pk".into(), "-A".into(), article.into()],
            15.0,
        ),
        (
            "filter matching nothing",
            vec!["-r".into(), s.clone(), "proc.name=nosuchprocess".into()],
            0.0,
        ),
        (
            "echo_fds chisel",
            vec!["-r".into(), s.clone(), "-c".into(), "echo_fds".into(), "proc.name=curl".into()],
            5.0,
        ),
        (
            "topprocs_net chisel",
            vec!["-r".into(), s.clone(), "-c".into(), "topprocs_net".into()],
            5.0,
        ),
        ("topconns chisel", vec!["-r".into(), s.clone(), "-c".into(), "topconns".into()], 5.0),
    ];
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let rounds = 11;
    let floor = (0..rounds * 2).map(|_| inflate_once(&seed)).min().unwrap_or_default();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "seed capture, {rounds} interleaved rounds; times: best run; ratio: median of the \
         rounds' sysdig time / sysray time"
    );
    println!(
        "{:<26} {:>10} {:>10} {:>10} {:>10} {:>9} {:>9} {:>8} {:>8}  same",
        "scenario",
        "sysdig ms",
        "sysray ms",
        "sd cpu ms",
        "sr cpu ms",
        "ratio",
        "goal",
        "sd MB",
        "sr MB"
    );
    println!("{:<26} {:>10} {:>10.1}", "inflate only (floor)", "", ms(floor));
    for (name, args, goal) in scenarios {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let c = compare(&sysdig, &sysray, &args, &seed, rounds, goal == 0.0);
        let (a, b) = (&c.sysdig, &c.sysray);
        let (sd, sr) = (output_digest(&sysdig, &args), output_digest(&sysray, &args));
        let same = if sd == sr {
            "yes"
        } else if sd.lines == sr.lines && sd.len == sr.len {
            "ties"
        } else {
            "NO"
        };
        let goal_text =
            if goal > 0.0 { format!(">={goal:.0}x") } else { format!("{:.2}x fl", c.floor_ratio) };
        println!(
            "{name:<26} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>8.1}x {:>9} {:>8.1} {:>8.1}  {}",
            ms(a.wall),
            ms(b.wall),
            ms(a.cpu),
            ms(b.cpu),
            c.ratio,
            goal_text,
            a.rss_kb as f64 / 1024.0,
            b.rss_kb as f64 / 1024.0,
            same
        );
        if let Some((p, ratio)) = &c.process_floor {
            println!(
                "{:<26} {:>10} {:>10.1} {:>10} {:>10.1} {:>9} {:>9}",
                "  inflate-only process",
                "",
                ms(p.wall),
                "",
                ms(p.cpu),
                "",
                format!("{ratio:.2}x pfl")
            );
        }
    }
    println!(
        "'x fl' = median of the rounds' sysray time / inflate-only time (goal for the filter \
         matching nothing: <= 1.5); 'x pfl' = the same against the inflate-only process"
    );
}
