//! `-w FILE` with sysdig's rotation options: `-C MB` (size), `-G SEC` (time, with
//! strftime patterns in the name), `-W N` (ring of files), `-e N` (events per file).
//!
//! File names follow sysdig's cycle writer: with `-G` the name is formatted with
//! strftime when it holds a `%`, else a counter is appended; with `-C` a counter
//! zero-padded to the digits of `-W` is appended; with `-e` a counter is appended.
//! Every new file starts with the current state (`Engine::snapshot`). One fix over
//! sysdig: reading a file with `-G` and a `%` pattern, sysdig names the first file
//! `first_dump.scap`; sysray names it after the first event's time. `-w -` writes
//! the capture to the standard output, as sysdig does.

use std::fs::File;
use std::io::BufWriter;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use scap::{Compression, Event, Metadata, OwnedEvent, Writer};

type FileWriter = Writer<scap::CountingWriter<BufWriter<File>>>;

/// Creates the capture file `name`, or takes the standard output for `-`.
pub(crate) fn create(name: &Path, compression: Compression) -> Result<FileWriter> {
    if name.as_os_str() != "-" {
        return Writer::create(name, compression).context("cannot create the capture file");
    }
    let stdout = std::io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .context("cannot write the capture to the standard output")?;
    let sink = scap::CountingWriter::new(BufWriter::with_capacity(1 << 18, File::from(stdout)));
    Writer::new(sink, compression).context("cannot write the capture to the standard output")
}

/// Rotation settings.
#[derive(Clone, Debug, Default)]
pub struct Rotation {
    /// `-C`: rotate once the file exceeds this many bytes (MB × 10⁶).
    pub size_bytes: u64,
    /// `-G`: rotate every this many seconds of event time.
    pub seconds: u64,
    /// `-W`: at most this many files (a ring).
    pub file_limit: u64,
    /// `-e`: this many events per file.
    pub event_limit: u64,
}

/// The state a new file starts with: metadata blocks and container events.
pub type StateFn<'a> = &'a mut dyn FnMut() -> (Metadata, Vec<OwnedEvent>);

/// The capture being written, and the files it rotated through.
pub struct CaptureOut {
    base: String,
    compression: Compression,
    rot: Rotation,
    writer: Option<FileWriter>,
    current: Option<PathBuf>,
    index: u64,
    events_in_file: u64,
    last_time: u64,
    past_names: Vec<String>,
    /// Every file written, in order.
    pub files: Vec<PathBuf>,
}

impl CaptureOut {
    /// A capture named `base`; nothing is created before the first event or
    /// [`CaptureOut::open_now`].
    pub fn new(base: &std::path::Path, compression: Compression, rot: Rotation) -> CaptureOut {
        let limit = rot.file_limit as usize;
        CaptureOut {
            base: base.to_string_lossy().into_owned(),
            compression,
            past_names: if rot.seconds > 0 && limit > 0 {
                vec![String::new(); limit]
            } else {
                Vec::new()
            },
            rot,
            writer: None,
            current: None,
            index: 0,
            events_in_file: 0,
            last_time: 0,
            files: Vec::new(),
        }
    }

    /// Opens the first file now, named with the wall clock (live capture). In
    /// file mode the first file opens with the first event, named with its time.
    pub fn open_now(&mut self, now_secs: u64, state: StateFn<'_>) -> Result<()> {
        self.last_time = now_secs;
        self.next_file(state)
    }

    /// Creates the first file if no event created it (a filter that matched
    /// nothing still leaves a valid, empty capture, as sysdig does).
    pub fn ensure_file(&mut self, state: StateFn<'_>) -> Result<()> {
        if self.files.is_empty() { self.next_file(state) } else { Ok(()) }
    }

    /// True once a file was created.
    pub fn started(&self) -> bool {
        !self.files.is_empty()
    }

    /// Writes one event, rotating first when a limit is reached.
    pub fn write(&mut self, ev: &Event<'_>, dump_flags: u32, state: StateFn<'_>) -> Result<()> {
        self.events_in_file += 1;
        let secs = ev.ts() / 1_000_000_000;
        let mut rotate = self.writer.is_none();
        if self.writer.is_none() {
            self.last_time = secs;
        }
        if !rotate && self.rot.seconds > 0 {
            if self.last_time == 0 {
                self.last_time = secs;
            }
            if secs as i64 - self.last_time as i64 >= self.rot.seconds as i64 {
                self.last_time = secs;
                rotate = true;
            }
        }
        if !rotate && self.rot.size_bytes > 0 {
            rotate = self.writer.as_ref().is_some_and(|w| w.file_bytes() > self.rot.size_bytes);
        }
        if !rotate && self.rot.event_limit > 0 && self.events_in_file >= self.rot.event_limit {
            self.events_in_file = 0;
            rotate = true;
        }
        if rotate {
            self.next_file(state)?;
        }
        let path = self.current.as_deref().unwrap_or(Path::new(""));
        let w = self.writer.as_mut().context("no capture file is open")?;
        // The error keeps its type, so a closed pipe ends the run quietly.
        w.write_event_with_flags(ev, dump_flags).with_context(|| path.display().to_string())
    }

    /// Pushes what was written so far down to the file (a point from which a
    /// killed capture still reads back).
    pub fn flush(&mut self) -> Result<()> {
        if let Some(w) = &mut self.writer {
            w.flush()?;
        }
        Ok(())
    }

    /// Closes the current file.
    pub fn finish(&mut self) -> Result<()> {
        if let Some(w) = self.writer.take() {
            let path = self.current.as_deref().unwrap_or(Path::new(""));
            w.finish().with_context(|| path.display().to_string())?;
        }
        Ok(())
    }

    fn name_for_next(&mut self) -> String {
        let r = &self.rot;
        if r.file_limit > 0 && self.index >= r.file_limit {
            self.index = 0;
        }
        let mut name = if r.seconds > 0 {
            if self.base.contains('%') {
                let name = strftime_local(&self.base, self.last_time);
                if let Some(slot) = self.past_names.get_mut(self.index as usize) {
                    if !slot.is_empty() && *slot != name {
                        let _ = std::fs::remove_file(&*slot);
                    }
                    *slot = name.clone();
                }
                name
            } else {
                format!("{}{}", self.base, self.index)
            }
        } else {
            self.base.clone()
        };
        if r.size_bytes > 0 {
            let digits = if r.file_limit > 0 { r.file_limit.to_string().len() } else { 0 };
            name.push_str(&format!("{:0digits$}", self.index));
        }
        if r.event_limit > 0 {
            name = format!("{}{}", self.base, self.index);
        }
        self.index += 1;
        name
    }

    fn next_file(&mut self, state: StateFn<'_>) -> Result<()> {
        self.finish()?;
        let name = PathBuf::from(self.name_for_next());
        let mut w = create(&name, self.compression)?;
        let (meta, containers) = state();
        let what = || name.display().to_string();
        w.write_metadata(&meta).with_context(what)?;
        for c in &containers {
            w.write_event(&c.as_event()).with_context(what)?;
        }
        // The state blocks reach the file at once: a capture killed right after
        // it started still reads back.
        w.flush().with_context(what)?;
        if !self.files.contains(&name) {
            self.files.push(name.clone());
        }
        self.current = Some(name);
        self.writer = Some(w);
        Ok(())
    }
}

/// Formats `secs` (local time) with a strftime pattern.
fn strftime_local(pattern: &str, secs: u64) -> String {
    let Ok(fmt) = std::ffi::CString::new(pattern) else {
        return pattern.to_string();
    };
    let t = secs as libc::time_t;
    // SAFETY: `tm` is plain data filled by localtime_r; the buffer is large enough
    // and strftime never writes past the size it is given.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return pattern.to_string();
        }
        let mut buf = vec![0u8; 4096];
        let n = libc::strftime(buf.as_mut_ptr().cast(), buf.len(), fmt.as_ptr(), &tm);
        buf.truncate(n);
        String::from_utf8_lossy(&buf).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(rot: Rotation, base: &str, n: usize) -> Vec<String> {
        let mut c = CaptureOut::new(std::path::Path::new(base), Compression::None, rot);
        (0..n).map(|_| c.name_for_next()).collect()
    }

    #[test]
    fn file_names_follow_sysdigs_cycle_writer() {
        let size = Rotation { size_bytes: 1, ..Rotation::default() };
        assert_eq!(names(size, "out", 3), ["out0", "out1", "out2"]);
        let ring = Rotation { size_bytes: 1, file_limit: 12, ..Rotation::default() };
        assert_eq!(
            names(ring, "out", 13)[..],
            [
                "out00", "out01", "out02", "out03", "out04", "out05", "out06", "out07", "out08",
                "out09", "out10", "out11", "out00"
            ]
        );
        let secs = Rotation { seconds: 5, ..Rotation::default() };
        assert_eq!(names(secs, "cap", 2), ["cap0", "cap1"]);
        let events = Rotation { event_limit: 10, file_limit: 2, ..Rotation::default() };
        assert_eq!(names(events, "e.scap", 3), ["e.scap0", "e.scap1", "e.scap0"]);
        assert_eq!(names(Rotation::default(), "plain.scap", 1), ["plain.scap"]);
    }

    #[test]
    fn strftime_patterns() {
        // SAFETY: the test sets TZ before any other thread reads it.
        unsafe { std::env::set_var("TZ", "UTC") };
        assert_eq!(strftime_local("dump-%H%M%S.scap", 3600 + 120 + 3), "dump-010203.scap");
    }
}
