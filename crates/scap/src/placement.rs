//! Starting the reading thread on another CPU than the thread that spawns it.
//!
//! Linux queues a new thread on its creator's CPU. The creator goes on setting
//! up (the filter, the outputs) and the reading thread waits until it blocks or
//! the load balancer moves one of them, while another CPU may sit idle. Limited
//! to the other CPUs before it first runs, the new thread starts there at once;
//! its first act is to take back every CPU the process may use, so from then on
//! the scheduler places it as any other thread. (A filter that matches nothing
//! on the seed capture: -0.3 ms a run, interleaved A/B of 200 rounds.)

#[cfg(target_os = "linux")]
mod imp {
    use std::os::unix::thread::JoinHandleExt;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::thread::JoinHandle;

    const SET_SIZE: usize = std::mem::size_of::<libc::cpu_set_t>();

    /// The CPUs other than the spawning thread's, and the handshake that
    /// orders the two threads' changes to the new thread's CPUs.
    pub(crate) struct Placement {
        others: libc::cpu_set_t,
        placed: Arc<AtomicBool>,
    }

    /// The new thread's half of a [`Placement`]: every CPU the process may use.
    pub(crate) struct Widen {
        all: libc::cpu_set_t,
        placed: Arc<AtomicBool>,
    }

    impl Placement {
        /// Before the spawn, on the spawning thread: `None` when the process
        /// may use no CPU but the current one (or the kernel will not say).
        pub(crate) fn prepare() -> Option<(Placement, Widen)> {
            // SAFETY: an all-zero cpu_set_t is an empty set.
            let mut all: libc::cpu_set_t = unsafe { std::mem::zeroed() };
            // SAFETY: `all` is a valid cpu_set_t of SET_SIZE bytes to fill in.
            if unsafe { libc::sched_getaffinity(0, SET_SIZE, &mut all) } != 0 {
                return None;
            }
            // SAFETY: sched_getcpu has no arguments and no preconditions.
            let here = usize::try_from(unsafe { libc::sched_getcpu() }).ok()?;
            let mut others = all;
            if here < libc::CPU_SETSIZE as usize {
                // SAFETY: `here` is below the set's capacity.
                unsafe { libc::CPU_CLR(here, &mut others) };
            }
            // SAFETY: counts the bits of a valid set.
            if unsafe { libc::CPU_COUNT(&others) } == 0 {
                return None;
            }
            let placed = Arc::new(AtomicBool::new(false));
            Some((Placement { others, placed: placed.clone() }, Widen { all, placed }))
        }

        /// After the spawn, on the spawning thread: limits the new thread to
        /// the other CPUs, then lets it go on.
        pub(crate) fn place<T>(self, thread: &JoinHandle<T>) {
            // SAFETY: the handle's thread has not been joined or detached, so
            // its pthread_t is valid; `others` is a valid set of SET_SIZE bytes.
            // A failure leaves the thread where the kernel put it.
            unsafe { libc::pthread_setaffinity_np(thread.as_pthread_t(), SET_SIZE, &self.others) };
            self.placed.store(true, Ordering::Release);
        }
    }

    impl Widen {
        /// First thing on the new thread: once the spawning thread has placed
        /// it (a matter of microseconds), gives it every CPU again.
        pub(crate) fn widen(self) {
            while !self.placed.load(Ordering::Acquire) {
                std::thread::yield_now();
            }
            // SAFETY: `all` is a valid set of SET_SIZE bytes; 0 is this thread.
            unsafe { libc::sched_setaffinity(0, SET_SIZE, &self.all) };
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::thread::JoinHandle;

    /// No placement where the CPUs of a thread cannot be set.
    pub(crate) struct Placement;

    /// No placement where the CPUs of a thread cannot be set.
    pub(crate) struct Widen;

    impl Placement {
        pub(crate) fn prepare() -> Option<(Placement, Widen)> {
            None
        }

        pub(crate) fn place<T>(self, _thread: &JoinHandle<T>) {}
    }

    impl Widen {
        pub(crate) fn widen(self) {}
    }
}

pub(crate) use imp::Placement;

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::Placement;

    fn cpus_of_this_thread() -> Vec<usize> {
        // SAFETY: as in `prepare`.
        let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
        // SAFETY: as in `prepare`.
        assert_eq!(unsafe { libc::sched_getaffinity(0, size_of_val(&set), &mut set) }, 0);
        // SAFETY: every index is below the set's capacity.
        (0..libc::CPU_SETSIZE as usize).filter(|&c| unsafe { libc::CPU_ISSET(c, &set) }).collect()
    }

    /// Whichever thread gets there first, the new thread ends up with every
    /// CPU of the process, never pinned to the ones it started on.
    #[test]
    fn the_new_thread_gets_every_cpu_back() {
        let all = cpus_of_this_thread();
        for round in 0..20 {
            let Some((placement, widen)) = Placement::prepare() else {
                assert_eq!(all.len(), 1, "no placement with CPUs {all:?}");
                return;
            };
            let thread = std::thread::spawn(move || {
                widen.widen();
                cpus_of_this_thread()
            });
            if round % 2 == 0 {
                // The new thread asks first.
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            placement.place(&thread);
            assert_eq!(thread.join().unwrap(), all);
        }
    }
}
