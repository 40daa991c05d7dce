//! Page-fault events (opt-in) for a thread that touches fresh memory.
//! Needs root and BTF.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use common::*;
use probe::LiveCapture;
use scap::table::ids;

#[test]
fn live_page_faults_are_reported_when_enabled() {
    if !live_supported("live_page_faults_are_reported_when_enabled") {
        return;
    }
    let mut cap = LiveCapture::builder()
        .page_faults(true)
        .exclude_self(false)
        .target_pid(Some(std::process::id()))
        .containers(None)
        .build()
        .unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let tid = Arc::new(AtomicU64::new(0));
    let (d2, t2) = (Arc::clone(&done), Arc::clone(&tid));
    let worker = std::thread::spawn(move || {
        t2.store(gettid(), Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(100));
        // Fresh anonymous memory without huge pages: one fault per page.
        let len = 8 << 20;
        // SAFETY: a private anonymous mapping, written within its length and unmapped.
        unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(p, libc::MAP_FAILED);
            libc::madvise(p, len, libc::MADV_NOHUGEPAGE);
            for i in (0..len).step_by(4096) {
                std::ptr::write_volatile(p.cast::<u8>().add(i), 1);
            }
            libc::munmap(p, len);
        }
        d2.store(true, Ordering::SeqCst);
    });
    let events = collect(
        &mut cap,
        || done.load(Ordering::SeqCst),
        Duration::from_millis(200),
        |ev| ev.event_type() == ids::PAGE_FAULT_E,
    );
    worker.join().unwrap();
    let tid = tid.load(Ordering::SeqCst);
    let mine: Vec<_> = events.iter().filter(|e| e.as_event().tid() == tid).collect();
    eprintln!("{} page faults in total, {} of the worker", events.len(), mine.len());
    assert!(mine.len() > 100, "only {} page faults of the worker", mine.len());
    let f = mine[0];
    assert_ne!(param_i64(f, "addr"), Some(0));
    let flags = param_i64(f, "error").unwrap() as u32;
    assert_ne!(flags & 16, 0, "USER_FAULT in {flags:#x}");
}
