//! Helpers of the live tests: privilege checks and event collection.

#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::time::{Duration, Instant};

use probe::LiveCapture;
use scap::OwnedEvent;

/// Whether live tests can run here; prints why not. Under `CI=true` a
/// machine that cannot run them is a failure.
pub fn live_supported(test: &str) -> bool {
    match probe::check_support() {
        Ok(()) => true,
        Err(e) => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("{test}: live capture unsupported under CI: {e}");
            }
            eprintln!("skipping {test}: {e}");
            false
        }
    }
}

/// A capture of this test process only: no `sched_switch` events, no
/// container lookups, no `/proc` scan, the test's own threads included.
pub fn own_process() -> probe::LiveCaptureBuilder {
    LiveCapture::builder()
        .sched_switch(false)
        .exclude_self(false)
        .containers(None)
        .scan_proc(false)
        .target_pid(Some(std::process::id()))
}

/// Pins the calling thread to `cpu`; false when that is not possible.
pub fn pin_to(cpu: usize) -> bool {
    // SAFETY: a zeroed cpu_set_t is empty; CPU_SET and sched_setaffinity
    // only touch it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set) == 0
    }
}

/// Current thread id.
pub fn gettid() -> u64 {
    // SAFETY: gettid has no preconditions.
    unsafe { libc::gettid() as u64 }
}

/// Wall-clock time in ns since the epoch (the events' clock).
pub fn now_ns() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Reads `cap` until `until` returns true and then until the consumer has
/// caught up with that moment plus `linger` (an event stamped later arrives,
/// or the ring is empty and `linger` has passed), keeping the events that
/// `keep` accepts as owned copies. Robust to a consumer that lags behind.
pub fn collect(
    cap: &mut LiveCapture,
    mut until: impl FnMut() -> bool,
    linger: Duration,
    mut keep: impl FnMut(&scap::Event<'_>) -> bool,
) -> Vec<OwnedEvent> {
    let mut out = Vec::new();
    let mut done: Option<(Instant, u64)> = None;
    let hard_stop = Instant::now() + Duration::from_secs(60);
    let linger_ns = linger.as_nanos() as u64;
    loop {
        if done.is_none() && until() {
            done = Some((Instant::now(), now_ns()));
        }
        if Instant::now() > hard_stop {
            break;
        }
        match cap.next_event(Duration::from_millis(20)) {
            Ok(Some(ev)) => {
                if keep(&ev) {
                    out.push(ev.to_owned_event());
                }
                if let Some((_, mark)) = done
                    && ev.tid() != u64::MAX
                    && ev.ts() > mark + linger_ns
                {
                    break;
                }
            }
            Ok(None) => {
                if done.is_some_and(|(t, _)| t.elapsed() > linger) {
                    break;
                }
            }
            Err(e) => panic!("next_event: {e}"),
        }
    }
    out
}

/// The parameter `name` of `ev` (by the event table).
pub fn param<'a>(ev: &'a OwnedEvent, name: &str) -> Option<&'a [u8]> {
    let v = ev.as_event();
    let i = v.info()?.param_index(name)?;
    v.param(i)
}

/// Parameter `name` as a signed integer.
pub fn param_i64(ev: &OwnedEvent, name: &str) -> Option<i64> {
    let v = ev.as_event();
    let i = v.info()?.param_index(name)?;
    v.param_i64(i)
}

/// Parameter `name` as a string without its NUL.
pub fn param_str(ev: &OwnedEvent, name: &str) -> Option<String> {
    let b = param(ev, name)?;
    let b = b.strip_suffix(&[0]).unwrap_or(b);
    Some(String::from_utf8_lossy(b).into_owned())
}
