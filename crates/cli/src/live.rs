//! `sysray [filter]` without `-r`: live capture with the eBPF probe.
//!
//! SIGINT, SIGTERM and SIGHUP stop the capture cleanly (the `-w` file is
//! finished and valid). While events flow, the `-w` file is flushed at least every
//! 200 ms, so a capture killed with SIGKILL still reads back up to its last flush.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result, anyhow};
use probe::{ContainerOptions, Interest, LiveCapture};

use crate::flags::LowArgs;
use crate::print::{Pipeline, Step};

const FLUSH_EVERY: Duration = Duration::from_millis(200);

fn stop_flag() -> Result<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for sig in
        [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP]
    {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    Ok(stop)
}

/// Which syscalls must leave the kernel: everything when writing a capture or
/// when the filter may match any event, else the filter's event types (the
/// probe always adds the state-changing ones).
fn interest(args: &LowArgs, p: &Pipeline) -> Interest {
    match p.filter() {
        Some(f) if args.write_file.is_none() && !args.display_filter => {
            let set = f.event_types();
            if set.is_all() { Interest::all() } else { Interest::events(set.iter()) }
        }
        _ => Interest::all(),
    }
}

/// The socket of a `unix://` `DOCKER_HOST`/`CONTAINER_HOST` value; other
/// schemes (tcp, ssh) are not asked.
fn unix_socket_path(value: &str) -> Option<std::path::PathBuf> {
    value.strip_prefix("unix://").filter(|p| !p.is_empty()).map(std::path::PathBuf::from)
}

fn open(args: &LowArgs, interest: Interest, snaplen: u32) -> Result<LiveCapture> {
    let mut containers = ContainerOptions::default();
    if !args.cri.is_empty() {
        containers.cri_sockets = args.cri.clone();
    }
    if let Some(ms) = args.cri_timeout_ms {
        containers.timeout = Duration::from_millis(ms);
    }
    let env_socket = |name| std::env::var(name).ok().and_then(|v| unix_socket_path(&v));
    for socket in ["DOCKER_HOST", "CONTAINER_HOST"].into_iter().rev().filter_map(env_socket) {
        containers.docker_sockets.insert(0, socket);
    }
    LiveCapture::builder()
        .snaplen(snaplen)
        .page_faults(args.page_faults)
        .exclude_self(!args.debug)
        .interesting(interest)
        .containers(Some(containers))
        .build()
        .map_err(|e| anyhow!("{e}"))
}

fn now_ns() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// Runs the command line's chisels on live events until a signal, `-n`, `-M` or
/// a chisel ends the capture. Returns the arguments of `sysdig.run_app`, if any.
pub fn run_chisels(args: &LowArgs) -> Result<Option<Vec<String>>> {
    use crate::chisels::chisel_error as fail;
    probe::check_support().map_err(|e| anyhow!("{e}"))?;
    if args.write_file.is_some() {
        anyhow::bail!("-w together with chisels is supported when reading files (-r), not live");
    }
    let mut runner = crate::chisels::runner(args, true, "")?;
    let stop = stop_flag()?;
    let snaplen = args.snaplen.or(runner.snaplen()).unwrap_or(80);
    let mut cap = open(args, Interest::all(), snaplen)?;
    let mut engine = engine::Engine::new();
    engine.load_metadata(cap.metadata());
    runner.on_capture_start(&engine).map_err(fail)?;
    let deadline = args.max_seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let mut stopper = Stopper::new(stop, deadline);
    let mut counted = 0u64;
    let result: Result<()> = loop {
        match stopper.next(&mut cap) {
            Ok(Live::End) => break Ok(()),
            Ok(Live::Event(ev)) => {
                let out = engine.process(&ev, Some(&mut |ctx| runner.filter_event(ctx)));
                if out.skipped || out.hidden == Some(engine::Hidden::LeadingContainer) {
                    continue;
                }
                let delivered = !out.filtered_out
                    && !matches!(
                        out.hidden,
                        Some(
                            engine::Hidden::StateOnly
                                | engine::Hidden::IncompleteContainer
                                | engine::Hidden::TracerFragment
                        )
                    );
                match runner.on_event(&engine.ctx(&ev), delivered) {
                    Ok(chisel::Flow::EndCapture) => break Ok(()),
                    Ok(chisel::Flow::Continue) => {}
                    Err(e) => break Err(fail(e)),
                }
                if out.counts() {
                    counted += 1;
                    if args.num_events.is_some_and(|n| counted >= n) {
                        break Ok(());
                    }
                }
            }
            Ok(Live::Idle) => {
                if let Err(e) = runner.on_tick(&engine, now_ns()) {
                    break Err(fail(e));
                }
            }
            Err(e) => break Err(anyhow!("{e}")),
        }
    };
    let _ = cap.stop();
    let end = runner.on_capture_end(&engine).map_err(fail);
    runner.flush().map_err(fail)?;
    result?;
    end?;
    Ok(runner.run_app())
}

/// What the live loop gets next.
enum Live<'c> {
    Event(scap::Event<'c>),
    /// Nothing came in time: a moment to flush or tick.
    Idle,
    /// Stopped by a signal or `-M`, and everything the capture held was handed out.
    End,
}

/// Ends a capture on a signal or at the `-M` deadline, then drains what the
/// capture still holds (a new container's events waiting for its metadata).
struct Stopper {
    signalled: Arc<AtomicBool>,
    deadline: Option<Instant>,
    stopped: bool,
}

impl Stopper {
    fn new(signalled: Arc<AtomicBool>, deadline: Option<Instant>) -> Stopper {
        Stopper { signalled, deadline, stopped: false }
    }

    fn next<'c>(
        &mut self,
        cap: &'c mut LiveCapture,
    ) -> std::result::Result<Live<'c>, probe::Error> {
        if !self.stopped
            && (self.signalled.load(Ordering::Relaxed)
                || self.deadline.is_some_and(|d| Instant::now() >= d))
        {
            let _ = cap.stop();
            self.stopped = true;
        }
        if self.stopped {
            return Ok(cap.next_held().map_or(Live::End, Live::Event));
        }
        Ok(cap.next_event(Duration::from_millis(100))?.map_or(Live::Idle, Live::Event))
    }
}

/// Captures live until a signal, `-n` or `-M`.
pub fn run(args: &LowArgs, filter_text: &str) -> Result<()> {
    probe::check_support().map_err(|e| anyhow!("{e}"))?;
    let mut p = Pipeline::new(args, filter_text)?;
    let stop = stop_flag()?;
    let mut cap = open(args, interest(args, &p), args.snaplen.unwrap_or(80))?;
    let mut meta = cap.metadata().clone();
    if args.exclude_users {
        meta.users.clear();
        meta.groups.clear();
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    p.start(&meta, &cap.container_events(), Some(now))?;
    let started = Instant::now();
    let deadline = args.max_seconds.map(|s| started + Duration::from_secs(s));
    let mut last_flush = Instant::now();
    let mut stopper = Stopper::new(stop, deadline);
    let result: Result<()> = loop {
        match stopper.next(&mut cap) {
            Ok(Live::End) => break Ok(()),
            Ok(Live::Event(ev)) => match p.event(&ev) {
                Ok(Step::Continue) => {}
                Ok(Step::Stop) => break Ok(()),
                Err(e) => break Err(e),
            },
            Ok(Live::Idle) => {
                if let Err(e) = p.idle() {
                    break Err(e);
                }
                last_flush = Instant::now();
            }
            Err(e) => break Err(anyhow!("{e}")),
        }
        if last_flush.elapsed() >= FLUSH_EVERY {
            if let Err(e) = p.idle() {
                break Err(e);
            }
            last_flush = Instant::now();
        }
    };
    let _ = cap.stop();
    let stats = cap.stats().ok();
    let counted = p.counted();
    p.finish()?;
    if args.verbose {
        let elapsed = started.elapsed().as_secs_f64();
        let (events, drops) = stats.map_or((0, 0), |s| (s.total_events(), s.total_drops()));
        eprintln!("Driver Events:{events}\nDriver Drops:{drops}\nSuppressed by Comm:0");
        eprintln!(
            "Elapsed time: {elapsed:.3}, Captured Events: {counted}, {:.2} eps",
            counted as f64 / elapsed.max(1e-9)
        );
    }
    result
}

#[cfg(test)]
mod tests {
    use super::unix_socket_path;

    #[test]
    fn only_unix_hosts_name_a_socket() {
        assert_eq!(
            unix_socket_path("unix:///run/user/0/podman/podman.sock").unwrap().to_str(),
            Some("/run/user/0/podman/podman.sock")
        );
        assert_eq!(unix_socket_path("tcp://127.0.0.1:2375"), None);
        assert_eq!(unix_socket_path("unix://"), None);
    }
}
