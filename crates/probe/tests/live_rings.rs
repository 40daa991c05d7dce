//! The per-CPU event rings (see `src/ring.rs`): two threads, pinned to
//! different CPUs when there are two, each write numbered 64-byte payloads
//! to /dev/null, enough for each CPU's ring (8 MiB, the smallest) to wrap
//! around twice and for many events to cross the end of a 1 MiB chunk. Every
//! `write` must arrive exactly once, enter before exit, in order per thread,
//! with its payload intact, and no event may be dropped. Needs root and BTF.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use common::*;
use scap::table::ids;

const WRITES: u64 = 100_000;
const BURST: u64 = 5_000;

/// Writes WRITES numbered payloads ("<thread> <seq>", padded to 64 bytes)
/// in bursts; after each, waits until the consumer has seen all but the last
/// two bursts (`seen`), so that a slow consumer on a busy machine does not
/// fill the ring (1.5 MB in flight at most).
fn writer(which: u64, tid: Arc<AtomicU64>, seen: Arc<AtomicU64>, done: Arc<AtomicBool>) {
    pin_to(which as usize);
    tid.store(gettid(), Ordering::SeqCst);
    let null = std::fs::OpenOptions::new().write(true).open("/dev/null").unwrap();
    use std::os::fd::AsRawFd;
    let fd = null.as_raw_fd();
    let mut buf = [b'.'; 64];
    for seq in 0..WRITES {
        let text = format!("{which} {seq} ");
        buf[..text.len()].copy_from_slice(text.as_bytes());
        // SAFETY: writing the 64 bytes of `buf` to an open fd.
        assert_eq!(unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) }, 64);
        if seq % BURST == BURST - 1 {
            // Not forever: with events lost, the checks below report it.
            let give_up = std::time::Instant::now() + Duration::from_secs(10);
            while seen.load(Ordering::SeqCst) + 2 * BURST < seq + 1
                && std::time::Instant::now() < give_up
            {
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }
    done.store(true, Ordering::SeqCst);
}

#[test]
fn live_rings_wrap_without_losing_or_reordering_events() {
    if !live_supported("live_rings_wrap_without_losing_or_reordering_events") {
        return;
    }
    let mut cap = own_process()
        .ring_bytes(1) // the smallest rings: 8 MiB per CPU
        .build()
        .unwrap();
    let tids = [Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0))];
    let dones = [Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false))];
    // Per writer: the next sequence number expected.
    let next = [Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0))];
    let threads: Vec<_> = (0..2)
        .map(|i| {
            let (tid, done) = (Arc::clone(&tids[i]), Arc::clone(&dones[i]));
            let seen = Arc::clone(&next[i]);
            std::thread::spawn(move || writer(i as u64, tid, seen, done))
        })
        .collect();
    // Per writer: whether the enter event of the next write came.
    let mut entered = [false; 2];
    let mut errors = Vec::new();
    let events = collect(
        &mut cap,
        || dones.iter().all(|d| d.load(Ordering::SeqCst)),
        Duration::from_millis(300),
        |ev| {
            let Some(w) = tids.iter().position(|t| t.load(Ordering::SeqCst) == ev.tid()) else {
                return false;
            };
            match ev.event_type() {
                ids::SYSCALL_WRITE_E if ev.param_u64(1) == Some(64) => {
                    if entered[w] {
                        let n = next[w].load(Ordering::SeqCst);
                        errors.push(format!("writer {w}: two enters before seq {n}"));
                    }
                    entered[w] = true;
                }
                ids::SYSCALL_WRITE_X => {
                    let data = ev.param(1).unwrap_or_default();
                    let text = String::from_utf8_lossy(data);
                    let want = format!("{w} {} ", next[w].load(Ordering::SeqCst));
                    if !entered[w] || !text.starts_with(&want) || data.len() != 64 {
                        errors.push(format!("writer {w}: expected {want:?}, got {text:?}"));
                    }
                    entered[w] = false;
                    next[w].fetch_add(1, Ordering::SeqCst);
                }
                _ => {}
            }
            false
        },
    );
    for t in threads {
        t.join().unwrap();
    }
    assert!(events.is_empty());
    let stats = cap.stats().unwrap();
    assert!(
        errors.is_empty(),
        "{} errors, first: {:?}; {stats:?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    let seen = next.map(|n| n.load(Ordering::SeqCst));
    assert_eq!(seen, [WRITES, WRITES], "writes seen per writer");
    assert_eq!(stats.total_drops(), 0, "{stats:?}");
}
