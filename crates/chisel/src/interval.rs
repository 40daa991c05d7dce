//! The interval clock of one chisel (chisel-api.md 3.4): which `on_interval`
//! callbacks an event timestamp triggers.
//!
//! Time is the timestamp of events in file mode. Live, the CLI may also feed the
//! wall clock with [`crate::ChiselRunner::on_tick`] so that a quiet system still
//! gets its callbacks; both go through [`IntervalClock::advance`].

/// One `on_interval(ts_s, ts_ns, delta)` call to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tick {
    /// Timestamp passed as `(ts / 1e9, ts % 1e9)`.
    pub ts: u64,
    /// The `delta` argument (may be negative when time steps back).
    pub delta: i64,
}

/// Interval state of one chisel.
#[derive(Clone, Debug, Default)]
pub(crate) struct IntervalClock {
    /// Aligned interval in ns (0 = off); wins over `precise`.
    pub aligned: u64,
    /// Precise interval in ns (0 = off).
    pub precise: u64,
    started: bool,
    last_sample: u64,
    last_ts: u64,
}

impl IntervalClock {
    /// Moves the clock to `ts`, pushing the callbacks due into `out` (cleared
    /// first). The first timestamp only initialises the clock.
    pub fn advance(&mut self, ts: u64, out: &mut Vec<Tick>) {
        out.clear();
        if !self.started {
            self.started = true;
            if self.aligned != 0 {
                self.last_sample = ts - ts % self.aligned;
            } else if self.precise != 0 {
                self.last_sample = ts;
            }
            return;
        }
        if self.aligned != 0 {
            let sample = ts - ts % self.aligned;
            if sample == self.last_sample {
                return;
            }
            let mut delta = 0;
            if self.last_ts != 0 {
                delta = ts.wrapping_sub(self.last_ts) as i64;
                if delta == 0 {
                    return;
                }
            }
            out.push(Tick { ts, delta });
            self.last_sample = sample;
            self.last_ts = ts;
        } else if self.precise != 0 {
            let interval = self.precise;
            if self.last_sample == 0 {
                // sysdig would replay every interval since the epoch here (an
                // interval set after the first event); start from now instead.
                self.last_sample = ts;
                return;
            }
            if ts.wrapping_sub(self.last_sample) >= interval && ts >= self.last_sample {
                let mut t = self.last_sample;
                while t <= ts - interval {
                    out.push(Tick { ts: t, delta: interval as i64 });
                    t += interval;
                }
                self.last_sample = t;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(clock: &mut IntervalClock, ts: &[u64]) -> Vec<Tick> {
        let mut all = Vec::new();
        let mut out = Vec::new();
        for &t in ts {
            clock.advance(t, &mut out);
            all.extend_from_slice(&out);
        }
        all
    }

    #[test]
    fn aligned_calls_once_per_slot_change_with_event_time() {
        let mut c = IntervalClock { aligned: 10, ..Default::default() };
        let ticks = run(&mut c, &[101, 105, 111, 112, 135, 135]);
        assert_eq!(ticks, [Tick { ts: 111, delta: 0 }, Tick { ts: 135, delta: 24 }]);
    }

    #[test]
    fn precise_calls_for_each_elapsed_interval_start() {
        let mut c = IntervalClock { precise: 10, ..Default::default() };
        let ticks = run(&mut c, &[5, 14, 15, 37]);
        let ts: Vec<u64> = ticks.iter().map(|t| t.ts).collect();
        assert_eq!(ts, [5, 15, 25]);
        assert!(ticks.iter().all(|t| t.delta == 10));
    }

    #[test]
    fn interval_set_later_starts_on_next_event() {
        let mut c = IntervalClock::default();
        assert!(run(&mut c, &[100]).is_empty());
        c.aligned = 10;
        assert_eq!(run(&mut c, &[101]), [Tick { ts: 101, delta: 0 }]);
    }
}
