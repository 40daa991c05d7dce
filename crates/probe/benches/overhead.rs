//! Overhead of live capture on a syscall-heavy process, and drops at a
//! sustained rate. Needs root and BTF.
//!
//! `cargo bench -p probe --bench overhead` (add `-- --quick` for 1 M calls,
//! `-- --rounds N` for N rounds instead of 3).
//!
//! For a 5 M `getpid` loop and a 5 M 64-byte `write` loop (to /dev/null),
//! run in a child process, it measures ns per call:
//!
//! * without the probe;
//! * with full capture (every event, payloads at snaplen 80) written to a
//!   capture file by a consumer thread;
//! * with those syscalls excluded in the kernel ([`probe::Interest`] without
//!   them: only state-changing syscalls leave the kernel), hooked with the
//!   per-syscall tracepoints (the default for a restricted interest) and with
//!   the `raw_syscalls` programs;
//!
//! then runs paced loops at 1 M events/s (500 k syscalls/s, enter + exit)
//! for 5 s with full capture and reports drops. Ratios are printed against
//! the baseline (best / best and median / median over the rounds, then the
//! best and median of each round's ratio to that round's baseline); goals:
//! full capture <= 3x on getpid, excluded <= 1.3x, zero drops at 1 M
//! events/s.

use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use probe::{Interest, LiveCapture};
use scap::{Compression, Writer};

fn getpid() {
    // SAFETY: getpid has no preconditions; called through syscall() so libc
    // cannot cache it.
    unsafe { libc::syscall(libc::SYS_getpid) };
}

/// Runs in the child: `n` calls of `what`, prints ns per call.
fn child_loop(what: &str, n: u64, rate: Option<u64>) {
    let devnull = std::fs::OpenOptions::new().write(true).open("/dev/null").unwrap();
    use std::os::fd::AsRawFd;
    let fd = devnull.as_raw_fd();
    let buf = [b'x'; 64];
    let call = |what: &str| match what {
        "getpid" => getpid(),
        // SAFETY: writing 64 bytes of `buf` to an open fd.
        _ => unsafe {
            libc::write(fd, buf.as_ptr().cast(), buf.len());
        },
    };
    let start = Instant::now();
    match rate {
        None => {
            for _ in 0..n {
                call(what);
            }
        }
        Some(per_sec) => {
            let batch = 1000u64;
            let mut done = 0u64;
            while done < n {
                for _ in 0..batch {
                    call(what);
                }
                done += batch;
                let due = Duration::from_secs_f64(done as f64 / per_sec as f64);
                if let Some(wait) = due.checked_sub(start.elapsed()) {
                    std::thread::sleep(wait);
                }
            }
        }
    }
    let wall = start.elapsed().as_nanos() as f64 / n as f64;
    // SAFETY: getrusage fills a plain struct.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid, writable rusage.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| t.tv_sec as f64 * 1e9 + t.tv_usec as f64 * 1e3;
    let cpu = (tv(ru.ru_utime) + tv(ru.ru_stime)) / n as f64;
    println!("{cpu} {wall}");
}

/// `(cpu ns per call, wall ns per call)` of the child loop.
fn run_child(what: &str, n: u64, rate: Option<u64>) -> (f64, f64) {
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(exe);
    cmd.args(["--child", what, &n.to_string()]);
    if let Some(r) = rate {
        cmd.arg(r.to_string());
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "child failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace().map(|v| v.parse::<f64>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

/// Result of one run under capture.
struct Run {
    cpu: f64,
    events: u64,
    drops: u64,
    /// CPU time of the consumer thread (drain, convert, write) per event, ns.
    consumer_ns: f64,
}

/// CPU time of the calling thread, ns.
fn thread_cpu_ns() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 * 1e9 + ts.tv_nsec as f64
}

/// Runs the child loop while a consumer thread writes every event to a file.
fn under_capture(
    interest: Interest,
    per_syscall: bool,
    what: &str,
    n: u64,
    rate: Option<u64>,
) -> Run {
    let mut cap = LiveCapture::builder()
        .interesting(interest)
        .per_syscall_tracepoints(per_syscall)
        .containers(None)
        .build()
        .expect("live capture (root and BTF needed)");
    let path = std::env::temp_dir().join(format!("sysray-bench-{}.scap", std::process::id()));
    let stop = Arc::new(AtomicBool::new(false));
    let stop2 = Arc::clone(&stop);
    let consumer = std::thread::spawn(move || {
        let mut w = Writer::create(&path, Compression::None).unwrap();
        w.write_metadata(cap.metadata()).unwrap();
        let mut events = 0u64;
        let mut stopping = false;
        loop {
            if !stopping && stop2.load(Ordering::SeqCst) {
                // Stop producing, then drain what is in the ring.
                cap.stop().unwrap();
                stopping = true;
            }
            match cap.next_event(Duration::from_millis(10)).unwrap() {
                Some(ev) => {
                    w.write_event(&ev).unwrap();
                    events += 1;
                }
                None if stopping => break,
                None => {}
            }
        }
        w.finish().unwrap();
        let _ = std::fs::remove_file(&path);
        let stats = cap.stats().unwrap();
        (events, stats.total_drops(), thread_cpu_ns() / events.max(1) as f64)
    });
    std::thread::sleep(Duration::from_millis(200));
    let (cpu, _wall) = run_child(what, n, rate);
    stop.store(true, Ordering::SeqCst);
    let (events, drops, consumer_ns) = consumer.join().unwrap();
    Run { cpu, events, drops, consumer_ns }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let what = &args[i + 1];
        let n = args[i + 2].parse().unwrap();
        let rate = args.get(i + 3).and_then(|r| r.parse().ok());
        child_loop(what, n, rate);
        return;
    }
    if let Err(e) = probe::check_support() {
        eprintln!("overhead bench skipped: {e}");
        return;
    }
    let n: u64 = if args.iter().any(|a| a == "--quick") { 1_000_000 } else { 5_000_000 };
    // Each configuration runs `rounds` times, interleaved: on a shared 2-vCPU
    // machine the load changes between runs, so both the fastest run and the
    // median are shown.
    let rounds: usize = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .and_then(|r| r.parse().ok())
        .unwrap_or(3)
        .max(1);
    println!(
        "{n} calls per loop, {rounds} rounds; ns per call of the looping process, CPU time: \
         best / median, and the ratios to the no-probe best / median"
    );
    println!(
        "{:<7} {:>13} {:>29} {:>29} {:>29}",
        "loop",
        "no probe",
        "full capture to file",
        "excluded: per-syscall tps",
        "excluded: raw_syscalls"
    );
    for what in ["getpid", "write"] {
        let mut base = Vec::new();
        let mut full = Vec::new();
        let mut per_syscall = Vec::new();
        let mut raw = Vec::new();
        let (mut events, mut drops) = (0u64, 0u64);
        let mut consumer = Vec::new();
        // The order of the four rotates from round to round, so none of them
        // always runs right after the same one (a full capture leaves a large
        // file to write back and cold caches behind it).
        for round in 0..rounds {
            for k in 0..4 {
                match (round + k) % 4 {
                    0 => base.push(run_child(what, n, None).0),
                    1 => {
                        let r = under_capture(Interest::all(), false, what, n, None);
                        events = events.max(r.events);
                        drops += r.drops;
                        consumer.push(r.consumer_ns);
                        full.push(r.cpu);
                    }
                    2 => per_syscall
                        .push(under_capture(Interest::events([]), true, what, n, None).cpu),
                    _ => raw.push(under_capture(Interest::events([]), false, what, n, None).cpu),
                }
            }
        }
        // Each round's capture runs against that round's baseline: the
        // machine's speed drifts between rounds, so these ratios are
        // steadier than best/best and median/median.
        let paired = |runs: &[f64]| {
            let mut r: Vec<f64> = runs.iter().zip(&base).map(|(x, b)| x / b).collect();
            let (best, med) = best_median(&mut r);
            format!("{best:.2}x/{med:.2}x")
        };
        let paired_line = format!(
            "        per-round ratios, best/median: full {}, excluded per-syscall {}, raw_syscalls {}",
            paired(&full),
            paired(&per_syscall),
            paired(&raw)
        );
        let (b_best, b_med) = best_median(&mut base);
        let cell = |runs: &mut Vec<f64>| {
            let (best, med) = best_median(runs);
            format!("{best:.1}/{med:.1} = {:.2}x/{:.2}x", best / b_best, med / b_med)
        };
        println!(
            "{what:<7} {:>13} {:>29} {:>29} {:>29}",
            format!("{b_best:.1}/{b_med:.1}"),
            cell(&mut full),
            cell(&mut per_syscall),
            cell(&mut raw)
        );
        println!("{paired_line}");
        let (c_best, c_med) = best_median(&mut consumer);
        println!(
            "        full capture: up to {events} events written per run, {drops} drops over {rounds} runs; \
             consumer thread {c_best:.0}/{c_med:.0} ns CPU per event"
        );
    }
    let rate = 500_000; // syscalls/s, i.e. 1 M events/s
    for what in ["getpid", "write"] {
        let r = under_capture(Interest::all(), false, what, rate * 5, Some(rate));
        println!(
            "sustained {what} at {} k syscalls/s (2 events each) for 5 s: {} events, {} drops",
            rate / 1000,
            r.events,
            r.drops
        );
    }
}

/// The smallest and the median value (sorts `runs`).
fn best_median(runs: &mut [f64]) -> (f64, f64) {
    runs.sort_by(f64::total_cmp);
    (runs[0], runs[runs.len() / 2])
}
