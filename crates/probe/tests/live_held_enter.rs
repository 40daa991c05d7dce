//! The enter event of a syscall that sleeps must arrive while it sleeps, not
//! only with its exit: the probe once held plain-integer enter events back
//! until their exit (ABI 3), and this guards the order and latency of events
//! with the per-CPU rings too. Here a thread blocks in `read` on an empty
//! pipe, and its `read` enter event has to arrive while it is still blocked,
//! even with scheduler-switch events off. Only this process is captured and
//! the reader and the consumer run on different CPUs, so no other event on
//! the reader's CPU pushes it out. Needs root and BTF.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use common::*;

use scap::table::ids;

#[test]
fn live_enter_of_a_sleeping_syscall_arrives_before_its_exit() {
    if !live_supported("live_enter_of_a_sleeping_syscall_arrives_before_its_exit") {
        return;
    }
    let mut cap = own_process().build().unwrap();
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    let [rd, wr] = fds;
    let reader_tid = Arc::new(AtomicU64::new(0));
    let tid2 = Arc::clone(&reader_tid);
    let two_cpus = pin_to(1);
    let reader = std::thread::spawn(move || {
        if two_cpus {
            pin_to(0);
        }
        tid2.store(gettid(), Ordering::SeqCst);
        let mut buf = [0u8; 8];
        // SAFETY: reading into `buf` from the pipe's read end.
        unsafe { libc::read(rd, buf.as_mut_ptr().cast(), buf.len()) }
    });
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut enter_seen = false;
    while Instant::now() < deadline && !enter_seen {
        let tid = reader_tid.load(Ordering::SeqCst);
        if let Some(ev) = cap.next_event(Duration::from_millis(20)).unwrap() {
            enter_seen = tid != 0
                && ev.tid() == tid
                && ev.event_type() == ids::SYSCALL_READ_E
                && ev.param_i64(0) == Some(rd as i64);
        }
    }
    // Only now does the read complete.
    // SAFETY: writing one byte to the pipe's write end.
    assert_eq!(unsafe { libc::write(wr, b"x".as_ptr().cast(), 1) }, 1);
    assert_eq!(reader.join().unwrap(), 1);
    // SAFETY: closing the pipe's descriptors, not used after this.
    unsafe {
        libc::close(rd);
        libc::close(wr);
    }
    assert!(enter_seen, "the read enter event of the blocked thread did not arrive");
    let tid = reader_tid.load(Ordering::SeqCst);
    let exit = collect(
        &mut cap,
        || true,
        Duration::from_millis(300),
        |ev| ev.tid() == tid && ev.event_type() == ids::SYSCALL_READ_X,
    );
    assert!(
        exit.iter().any(|e| param_i64(e, "res") == Some(1)),
        "the read exit event did not arrive"
    );
}
