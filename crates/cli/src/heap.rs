//! glibc's heap on transparent huge pages.
//!
//! Reading a capture builds its state (threads, fds, strings: a few MB) in the
//! first milliseconds. On small pages that is several hundred page faults, and
//! a first touch costs ~1 µs a page under virtualization: for the seed capture
//! ~480 faults, half of the main thread's start-up. Growing the heap once and
//! advising it for huge pages (THP `madvise` or `always`) turns them into two
//! or three faults. Where the kernel offers no huge pages the advice does
//! nothing and the heap works as before.
//!
//! Every thread allocates from this one heap: another thread's first
//! allocation would otherwise map an arena of its own (64 MiB reserved, small
//! pages), as the reading thread did for its few inflating buffers (-0.3 ms a
//! run). Small allocations go through each thread's cache without a lock.

use std::ops::Range;

/// Bytes the heap grows by at once (and keeps: trimming waits for twice that).
const PAD: usize = 16 << 20;

/// Alignment and size of a huge page.
const HUGE_PAGE: usize = 2 << 20;

/// Allocations at least this large get their own mapping, as glibc does above
/// 128 KiB: below it they come from the advised heap too (the capture's
/// process list, buffers of a few hundred KiB).
const MMAP_THRESHOLD: usize = 4 << 20;

/// Grows the heap, advises it for huge pages and makes it every thread's; to
/// be called first thing on the main thread, before any other starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub(crate) fn prepare() {
    // SAFETY: mallopt, malloc and sbrk(0) are used as documented; the advice
    // covers whole huge pages of the heap's own mapping (from the old break,
    // rounded up, to the new one, rounded down).
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD as libc::c_int);
        libc::mallopt(libc::M_TRIM_THRESHOLD, (2 * PAD) as libc::c_int);
        libc::mallopt(libc::M_TOP_PAD, PAD as libc::c_int);
        let before = libc::sbrk(0) as usize;
        // Kept for good and never touched past its header, so the allocations
        // after it start at the first huge page boundary; growing the heap for
        // it adds the pad.
        std::hint::black_box(libc::malloc(filler(before)));
        let after = libc::sbrk(0) as usize;
        if let Some(r) = advised(before, after) {
            libc::madvise(r.start as *mut libc::c_void, r.len(), libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub(crate) fn prepare() {}

/// Bytes from the program break `before` to the next huge page boundary.
fn filler(before: usize) -> usize {
    before.next_multiple_of(HUGE_PAGE) - before
}

/// The whole huge pages of the heap grown from the break `before` to `after`.
fn advised(before: usize, after: usize) -> Option<Range<usize>> {
    let start = before.next_multiple_of(HUGE_PAGE);
    let end = after & !(HUGE_PAGE - 1);
    (end > start).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: usize = 0x5555_5000_0000;

    #[test]
    fn the_filler_reaches_the_next_huge_page() {
        assert_eq!(filler(BASE + 0x1000), HUGE_PAGE - 0x1000);
        assert_eq!((BASE + 0x1000 + filler(BASE + 0x1000)) % HUGE_PAGE, 0);
        assert_eq!(filler(BASE), 0);
    }

    #[test]
    fn only_whole_huge_pages_are_advised() {
        let before = BASE + 0x65_d000;
        let after = before + filler(before) + PAD + 0x3000;
        let r = advised(before, after).unwrap();
        assert_eq!(r.start, BASE + HUGE_PAGE * 4);
        assert_eq!(r.start % HUGE_PAGE, 0);
        assert_eq!(r.end % HUGE_PAGE, 0);
        assert_eq!(r.len(), PAD);
        assert!(r.start >= before && r.end <= after);
    }

    #[test]
    fn a_heap_that_did_not_grow_a_whole_huge_page_is_left_alone() {
        assert_eq!(advised(BASE + 0x1000, BASE + 0x1000), None);
        assert_eq!(advised(BASE + 0x1000, BASE + HUGE_PAGE + 0x1000), None);
    }
}
