//! sysray chisels against sysdig 0.29.3 on the seed capture, side by side:
//! `cargo bench -p chisel`. For each chisel, the best of N runs of each
//! implementation (sysray through this library, output discarded; sysdig as
//! `sysdig -r SEED -c NAME > /dev/null`) and the speed ratio. Skips with a
//! message when ../shared or sysdig is missing.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chisel::{ChiselRunner, RunOptions, SearchPath, run_capture};

const RUNS: usize = 5;

fn sysray_once(seed: &str, name: &str, args: &str, filter: Option<&str>) -> Duration {
    let start = Instant::now();
    let opts = RunOptions { evtsource_name: seed.to_owned(), ..RunOptions::default() };
    let out = Box::new(std::io::BufWriter::with_capacity(1 << 16, std::io::sink()));
    let mut runner = ChiselRunner::new(SearchPath::embedded_only(), opts, out);
    if !name.is_empty() {
        runner.add_with_args(name, args).expect("chisel loads");
    }
    runner.init(filter).expect("chisel initialises");
    let mut reader = scap::Reader::open(seed).expect("seed opens");
    let mut engine = engine::Engine::new();
    run_capture(&mut reader, &mut engine, &mut runner, None).expect("chisel runs");
    start.elapsed()
}

fn sysdig_once(seed: &str, name: &str, args: &str, filter: Option<&str>) -> Option<Duration> {
    let mut cmd = Command::new("sysdig");
    cmd.env("TZ", "UTC").args(["-r", seed, "-c", name]);
    if !args.is_empty() {
        cmd.arg(args);
    }
    if let Some(f) = filter {
        cmd.arg(f);
    }
    let start = Instant::now();
    let status = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().ok()?;
    status.success().then(|| start.elapsed())
}

fn best(mut f: impl FnMut() -> Option<Duration>) -> Option<Duration> {
    (0..RUNS).filter_map(|_| f()).min()
}

fn main() {
    let seed = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/captures/k8s-dns-troubleshooting.scap");
    if !seed.exists() {
        println!("skipping: {} not found", seed.display());
        return;
    }
    let seed = seed.to_string_lossy().into_owned();
    // SAFETY: single-threaded at this point.
    unsafe { std::env::set_var("TZ", "UTC") };
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("topprocs_net", "", None),
        ("topconns", "", None),
        ("echo_fds", "", None),
        ("echo_fds", "", Some("proc.name=curl")),
        ("topscalls", "", None),
        ("fdbytes_by", "fd.name", None),
        ("lsof", "", None),
    ];
    println!(
        "{:<28} {:>12} {:>12} {:>8}",
        "chisel (seed, 143,904 events)", "sysray ms", "sysdig ms", "ratio"
    );
    let floor = best(|| Some(sysray_once(&seed, "", "", None))).expect("runs");
    println!(
        "{:<28} {:>12.1}   (read + engine, no chisel: sysray's floor)",
        "-",
        floor.as_secs_f64() * 1e3
    );
    for (name, args, filter) in cases {
        let label = match filter {
            Some(f) => format!("{name} {f}"),
            None if !args.is_empty() => format!("{name} {args}"),
            None => (*name).to_owned(),
        };
        let ours = best(|| Some(sysray_once(&seed, name, args, *filter))).expect("runs");
        match best(|| sysdig_once(&seed, name, args, *filter)) {
            Some(theirs) => println!(
                "{label:<28} {:>12.1} {:>12.1} {:>7.1}x",
                ours.as_secs_f64() * 1e3,
                theirs.as_secs_f64() * 1e3,
                theirs.as_secs_f64() / ours.as_secs_f64()
            ),
            None => {
                println!("{label:<28} {:>12.1} {:>12} {:>8}", ours.as_secs_f64() * 1e3, "n/a", "-")
            }
        }
    }
}
