//! `-P`: a progress bar on stderr while reading a file (only when stderr is a
//! terminal), with the percentage of the file read and the event rate.

use std::path::Path;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// The progress bar of one file.
pub struct Progress {
    bar: ProgressBar,
    events: u64,
    last: Instant,
    started: Instant,
}

impl Progress {
    /// A bar for `path`, sized by the file's length.
    pub fn new(path: &Path) -> Progress {
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        let bar = ProgressBar::new(len);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {percent:>3}% [{bar:40}] {bytes}/{total_bytes} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
        );
        let now = Instant::now();
        Progress { bar, events: 0, last: now, started: now }
    }

    /// Counts one event; redraws at most every 100 ms.
    pub fn tick(&mut self, file_pos: Option<(u64, u64)>) {
        self.events += 1;
        if !self.events.is_multiple_of(4096) {
            return;
        }
        let now = Instant::now();
        if now.duration_since(self.last) < Duration::from_millis(100) {
            return;
        }
        self.last = now;
        if let Some((pos, _)) = file_pos {
            self.bar.set_position(pos);
        }
        let secs = now.duration_since(self.started).as_secs_f64().max(1e-9);
        self.bar.set_message(format!(
            "{} events, {:.0} events/s",
            self.events,
            self.events as f64 / secs
        ));
    }

    /// Removes the bar.
    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}
