//! The syscall programs keep the current task's ids per CPU, under the
//! address of the task's saved user registers (probe.bpf.c,
//! `current_pid_tgid`), instead of asking a helper on every event. Every
//! event must still carry the thread that made it:
//!
//! * two threads pinned to the same CPU play ping-pong over two pipes, so
//!   that the CPU switches between them at every turn;
//! * short-lived threads are started one after the other by a thread on
//!   CPU 0; each moves to CPU 1, closes a distinct invalid fd there, and
//!   moves back to CPU 0 to exit, so that its kernel stack (and so the
//!   registers' address) is cached on CPU 0 and given to the next thread,
//!   while CPU 1 may still hold the dead thread's key when the next one
//!   arrives (unless sched_process_exit made every CPU forget it).
//!
//! Needs root and BTF.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use common::*;
use scap::table::ids;

const TURNS: u64 = 2_000;

fn pipe() -> (i32, i32) {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    (fds[0], fds[1])
}

/// TURNS times: write one byte to `out` (unless `first_read`), read one
/// from `inp`, in the order that makes the two players alternate.
fn player(inp: i32, out: i32, first_read: bool, tid: Arc<AtomicU64>, done: Arc<AtomicBool>) {
    pin_to(0);
    tid.store(gettid(), Ordering::SeqCst);
    let mut b = [0u8; 1];
    for _ in 0..TURNS {
        // SAFETY: one-byte reads and writes on open pipe ends.
        unsafe {
            if first_read {
                assert_eq!(libc::read(inp, b.as_mut_ptr().cast(), 1), 1);
                assert_eq!(libc::write(out, b.as_ptr().cast(), 1), 1);
            } else {
                assert_eq!(libc::write(out, b.as_ptr().cast(), 1), 1);
                assert_eq!(libc::read(inp, b.as_mut_ptr().cast(), 1), 1);
            }
        }
    }
    done.store(true, Ordering::SeqCst);
}

#[test]
fn live_events_carry_the_thread_switched_in() {
    if !live_supported("live_events_carry_the_thread_switched_in") {
        return;
    }
    let mut cap = own_process().build().unwrap();
    let (a_in, b_out) = pipe();
    let (b_in, a_out) = pipe();
    // Earlier uses of these fd numbers (loading the probe) do not count.
    let start = now_ns();
    // Which thread may use which fd: A writes a_out and reads a_in.
    let owner = [(a_out, 0usize), (a_in, 0), (b_out, 1), (b_in, 1)];
    let tids = [Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0))];
    let dones = [Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false))];
    let (ta, da) = (Arc::clone(&tids[0]), Arc::clone(&dones[0]));
    let (tb, db) = (Arc::clone(&tids[1]), Arc::clone(&dones[1]));
    let a = std::thread::spawn(move || player(a_in, a_out, false, ta, da));
    let b = std::thread::spawn(move || player(b_in, b_out, true, tb, db));
    let mut counts = [0u64; 2];
    let mut wrong = Vec::new();
    let events = collect(
        &mut cap,
        || dones.iter().all(|d| d.load(Ordering::SeqCst)),
        Duration::from_millis(300),
        |ev| {
            if ev.ts() < start
                || !matches!(ev.event_type(), ids::SYSCALL_READ_E | ids::SYSCALL_WRITE_E)
            {
                return false;
            }
            let fd = ev.param_i64(0).unwrap_or(-1) as i32;
            if let Some(&(_, who)) = owner.iter().find(|(f, _)| *f == fd) {
                counts[who] += 1;
                let want = tids[who].load(Ordering::SeqCst);
                if ev.tid() != want {
                    wrong.push((fd, who, ev.tid(), want));
                }
            }
            false
        },
    );
    a.join().unwrap();
    b.join().unwrap();
    // SAFETY: closing the pipes' descriptors, not used after this.
    unsafe {
        for fd in [a_in, a_out, b_in, b_out] {
            libc::close(fd);
        }
    }
    assert!(events.is_empty());
    assert!(
        wrong.is_empty(),
        "{} events with the wrong thread, first: {:?}",
        wrong.len(),
        wrong.first()
    );
    assert_eq!(counts, [2 * TURNS, 2 * TURNS], "read and write enter events per thread");
}

const THREADS: u64 = 300;
const FD_BASE: i64 = 1_000_000;

#[test]
fn live_events_of_short_lived_threads_carry_their_own_ids() {
    if !live_supported("live_events_of_short_lived_threads_carry_their_own_ids") {
        return;
    }
    let mut cap = own_process().build().unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let done2 = Arc::clone(&done);
    // The spawner and so its threads run on CPU 0, where freed stacks are
    // cached for the next thread.
    let spawner = std::thread::spawn(move || {
        pin_to(0);
        let tids: Vec<u64> = (0..THREADS)
            .map(|i| {
                std::thread::spawn(move || {
                    pin_to(1);
                    // SAFETY: closing a descriptor that is not open (EBADF).
                    unsafe { libc::close((FD_BASE + i as i64) as i32) };
                    pin_to(0);
                    gettid()
                })
                .join()
                .unwrap()
            })
            .collect();
        done2.store(true, Ordering::SeqCst);
        tids
    });
    let mut seen = Vec::new();
    let events = collect(
        &mut cap,
        || done.load(Ordering::SeqCst),
        Duration::from_millis(300),
        |ev| {
            if ev.event_type() == ids::SYSCALL_CLOSE_E
                && let Some(i) = ev.param_i64(0).map(|fd| fd - FD_BASE)
                && (0..THREADS as i64).contains(&i)
            {
                seen.push((i as usize, ev.tid()));
            }
            false
        },
    );
    let tids = spawner.join().unwrap();
    assert!(events.is_empty());
    let wrong: Vec<_> = seen.iter().filter(|(i, tid)| tids[*i] != *tid).collect();
    assert!(
        wrong.is_empty(),
        "{} close events with the wrong thread, first: {:?}",
        wrong.len(),
        wrong.first()
    );
    assert_eq!(seen.len() as u64, THREADS, "close events seen");
}
