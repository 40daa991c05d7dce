//! The event loop shared by files and live capture: source → engine (with the
//! filter) → outputs (text or JSON lines, `-S` summary, `-w` capture, chisels).

use std::io::{IsTerminal, StdoutLock, Write};

use anyhow::{Context, Result};
use engine::{BufferFormat, Engine, Outcome, RenderOptions};
use filter::engine_source::Extractor;
use filter::{Filter, Formatter, Preset, TimeMode};
use scap::{Event, Metadata, OwnedEvent};

use crate::capture_out::{CaptureOut, Rotation};
use crate::flags::{BufferMode, LowArgs};
use crate::summary::Summary;

/// Maps the buffer flags to the engine's buffer format.
pub fn buffer_format(m: Option<BufferMode>) -> BufferFormat {
    match m.unwrap_or_default() {
        BufferMode::Normal => BufferFormat::Dots,
        BufferMode::Ascii => BufferFormat::Ascii,
        BufferMode::Base64 => BufferFormat::Base64,
        BufferMode::Hex => BufferFormat::Hex,
        BufferMode::HexAscii => BufferFormat::HexAscii,
    }
}

/// Renders a filter error with the filter text and a caret under the culprit.
pub fn filter_error(text: &str, e: &filter::FilterError) -> anyhow::Error {
    let start = e.span.start.min(text.len());
    let width = e.span.end.saturating_sub(e.span.start).max(1);
    anyhow::anyhow!("{e}\n  {text}\n  {}{}", " ".repeat(start), "^".repeat(width))
}

/// What `-w` keeps of an event, as sinsp's dumper decides: matching events as
/// they are, filtered-out internal events too, filtered-out state-changing events
/// hidden (`STATE_ONLY`) with `-F`, nothing else. Returns the dump flags.
impl Drop for Pipeline {
    fn drop(&mut self) {
        let _ = self.write_lines();
    }
}

/// Bytes of formatted lines handed to standard output at a time.
const LINES_BLOCK: usize = 1 << 16;

fn dump_flags(out: &Outcome, ev: &Event<'_>, fatfile: bool, filtered: bool) -> Option<u32> {
    let info = ev.info();
    if out.skipped {
        return (!filtered).then(|| ev.dump_flags());
    }
    if !out.filtered_out || info.is_some_and(|i| i.is_internal()) {
        return Some(ev.dump_flags());
    }
    let modifies = info.is_some_and(|i| i.has_flag(scap::table::ef::MODIFIES_STATE));
    (fatfile && modifies).then_some(scap::dump_flags::STATE_ONLY)
}

/// Whether the loop goes on after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Read the next event.
    Continue,
    /// `-n` reached or a chisel ended the capture.
    Stop,
}

/// The outputs of one run, fed event by event.
pub struct Pipeline {
    /// The state engine, the filter and the line format.
    pub printer: Printer,
    quiet: bool,
    unbuffered: bool,
    num_events: Option<u64>,
    summary: Option<Summary>,
    capture: Option<CaptureOut>,
    fatfile: bool,
    filter_proclist: bool,
    out: std::io::BufWriter<StdoutLock<'static>>,
    /// Lines formatted and not yet written: each line is formatted straight into
    /// it, and it goes to `out` by blocks of [`LINES_BLOCK`] bytes (every line
    /// with `--unbuffered`), so a line is copied once.
    lines: Vec<u8>,
    counted: u64,
    /// Events that reached the line format (before the display filter).
    pub printable: u64,
    first_meta: Option<Metadata>,
}

/// What every printed event goes through: the state engine, the capture and
/// display filter, and the line format. Parallel printing gives each worker
/// its own, built from the same arguments.
pub struct Printer {
    /// The state engine.
    pub engine: Engine,
    filter: Option<Filter>,
    display_filter: bool,
    formatter: Formatter,
    extractor: Extractor,
    json: bool,
    debug: bool,
}

impl Printer {
    /// The engine, filter and format the command line asks for. `filter_text`
    /// is the capture filter (the words left after options and chisel
    /// arguments).
    pub fn new(args: &LowArgs, filter_text: &str) -> Result<Printer> {
        let filter = if filter_text.trim().is_empty() {
            None
        } else {
            Some(Filter::compile(filter_text).map_err(|e| filter_error(filter_text, &e))?)
        };
        let formatter = match args.print_format.as_deref() {
            None => Formatter::preset(Preset::Default {
                tty: !args.json && std::io::stdout().is_terminal(),
            }),
            Some(p) => match Preset::from_flag(p) {
                Some(preset) => Formatter::preset(preset),
                None => Formatter::new(p).map_err(|e| filter_error(p, &e)).context("in -p")?,
            },
        };
        let bf = buffer_format(args.buffer_mode);
        let render =
            if args.json { RenderOptions::json(bf) } else { RenderOptions::text(bf, args.verbose) };
        Ok(Printer {
            engine: Engine::new(),
            filter,
            display_filter: args.display_filter,
            formatter: formatter.with_time_mode(time_mode(args)),
            extractor: Extractor::new(render),
            json: args.json,
            debug: args.debug,
        })
    }

    /// Updates the state with `ev`, applying the capture filter.
    #[inline]
    pub fn process(&mut self, ev: &Event<'_>) -> Outcome {
        let (engine, extractor) = (&mut self.engine, &mut self.extractor);
        match (&self.filter, self.display_filter) {
            (Some(f), false) => {
                engine.process(ev, Some(&mut |ctx| f.matches(&mut extractor.source(ctx))))
            }
            _ => engine.process(ev, None),
        }
    }

    /// True when an event with this outcome reaches the line format.
    #[inline]
    pub fn printable(&self, outcome: &Outcome) -> bool {
        outcome.is_shown(self.debug)
    }

    /// Appends the line of `ev`, just processed and printable, unless the
    /// display filter or the format (a missing field without `*`) drops it.
    pub fn print(&mut self, ev: &Event<'_>, lines: &mut Vec<u8>) -> bool {
        let ctx = self.engine.ctx(ev);
        let mut src = self.extractor.source(&ctx);
        if self.display_filter
            && let Some(f) = &self.filter
            && !f.matches(&mut src)
        {
            return false;
        }
        if self.json {
            self.formatter.write_json(&mut src, lines)
        } else {
            self.formatter.write_text(&mut src, lines)
        }
    }
}

/// The `-t` mode.
pub fn time_mode(args: &LowArgs) -> TimeMode {
    match args.time_type {
        None => TimeMode::Human,
        Some(c) => TimeMode::from_flag(&c.to_string()).unwrap_or(TimeMode::Human),
    }
}

impl Pipeline {
    /// Builds the outputs the command line asks for. `filter_text` is the
    /// capture filter (the words left after options and chisel arguments).
    pub fn new(args: &LowArgs, filter_text: &str) -> Result<Pipeline> {
        let printer = Printer::new(args, filter_text)?;
        let capture = args.write_file.as_ref().map(|p| {
            let c = if args.compress { scap::Compression::Gzip } else { scap::Compression::None };
            let rot = Rotation {
                size_bytes: args.file_size_mb.unwrap_or(0) * 1_000_000,
                seconds: args.rotate_seconds.unwrap_or(0),
                file_limit: args.file_limit.unwrap_or(0),
                event_limit: args.event_limit.unwrap_or(0),
            };
            CaptureOut::new(p, c, rot)
        });
        Ok(Pipeline {
            printer,
            // -w implies -q, as in sysdig.
            quiet: args.quiet || capture.is_some(),
            unbuffered: args.unbuffered,
            num_events: args.num_events,
            summary: args.summary.then(Summary::default),
            capture,
            fatfile: args.fatfile,
            filter_proclist: args.filter_proclist,
            out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
            lines: Vec::with_capacity(LINES_BLOCK + 4096),
            counted: 0,
            printable: 0,
            first_meta: None,
        })
    }

    /// The compiled capture filter.
    pub fn filter(&self) -> Option<&Filter> {
        self.printer.filter.as_ref()
    }

    /// Starts a capture section: loads its state, and opens the `-w` file with
    /// it (`live_now` gives the wall clock for time-named files).
    pub fn start(
        &mut self,
        meta: &Metadata,
        containers: &[OwnedEvent],
        live_now: Option<u64>,
    ) -> Result<()> {
        self.printer.engine.load_metadata(meta);
        // Only a `-w` file needs the state the capture started with.
        if self.first_meta.is_none() && self.capture.is_some() {
            self.first_meta = Some(meta.clone());
            if let (Some(c), Some(now)) = (&mut self.capture, live_now) {
                let state = &mut || (meta.clone(), containers.to_vec());
                c.open_now(now, state)?;
            }
        }
        Ok(())
    }

    /// A new section of a concatenated capture.
    pub fn section(&mut self, meta: &Metadata) {
        self.printer.engine.load_metadata(meta);
    }

    /// Processes one event through every output.
    pub fn event(&mut self, ev: &Event<'_>) -> Result<Step> {
        let outcome = self.printer.process(ev);
        if let Some(c) = &mut self.capture {
            let printer = &mut self.printer;
            let filtered = printer.filter.is_some() && !printer.display_filter;
            // Leading container events are not events to sinsp's dumper: their
            // containers reach every file as the container events written after
            // the state blocks.
            let leading = outcome.hidden == Some(engine::Hidden::LeadingContainer);
            if let (Some(flags), false) =
                (dump_flags(&outcome, ev, self.fatfile, filtered), leading)
            {
                let engine = &printer.engine;
                let first = self.first_meta.as_ref().filter(|_| !c.started());
                let proclist_filter = printer.filter.as_ref().filter(|_| self.filter_proclist);
                let extractor = &mut printer.extractor;
                // The first file holds the state the capture started with (this
                // event is already parsed); later ones the state of the moment,
                // with the enter events pending exits will pair with.
                // --filter-proclist keeps only threads and fds the filter matches.
                let state = &mut || {
                    let meta = match (proclist_filter, first) {
                        (Some(f), _) => engine
                            .snapshot_filtered(&mut |ctx| f.matches(&mut extractor.source(ctx))),
                        (None, Some(m)) => m.clone(),
                        (None, None) => engine.snapshot(),
                    };
                    let mut events = engine.container_events(ev.ts());
                    if first.is_none() {
                        events.extend(engine.pending_enter_events());
                    }
                    (meta, events)
                };
                c.write(ev, flags, state)?;
            }
        }
        if !outcome.counts() {
            return Ok(Step::Continue);
        }
        if self.num_events.is_some_and(|n| self.counted >= n) {
            return Ok(Step::Stop);
        }
        self.counted += 1;
        if let Some(s) = &mut self.summary {
            s.add(ev);
        }
        if self.quiet || !self.printer.printable(&outcome) {
            return Ok(Step::Continue);
        }
        self.printable += 1;
        let printed = self.printer.print(ev, &mut self.lines);
        if printed && (self.unbuffered || self.lines.len() >= LINES_BLOCK) {
            self.write_lines()?;
            if self.unbuffered {
                self.out.flush()?;
            }
        }
        Ok(Step::Continue)
    }

    /// Hands the formatted lines to `out` (also done when the pipeline is
    /// dropped on an error, so that every line before it is printed).
    fn write_lines(&mut self) -> std::io::Result<()> {
        self.out.write_all(&self.lines)?;
        self.lines.clear();
        Ok(())
    }

    /// Writes a block of lines printed elsewhere (by a parallel worker), after
    /// the lines printed here so far.
    pub fn write_printed(&mut self, block: &[u8]) -> std::io::Result<()> {
        self.write_lines()?;
        self.out.write_all(block)
    }

    /// Events counted so far (`-n` counts these).
    pub fn counted(&self) -> u64 {
        self.counted
    }

    /// Nothing arrived for a while (live): push what was written to the file and
    /// the terminal.
    pub fn idle(&mut self) -> Result<()> {
        self.write_lines()?;
        self.out.flush()?;
        if let Some(c) = &mut self.capture {
            c.flush()?;
        }
        Ok(())
    }

    /// Ends the run: colour reset, summary, closing the capture.
    pub fn finish(&mut self) -> Result<()> {
        self.write_lines()?;
        if self.printer.formatter.has_escape() && !self.quiet && !self.printer.json {
            self.out.write_all(b"\x1b[00m")?;
        }
        if let Some(s) = &self.summary {
            s.print(&mut self.out)?;
        }
        self.out.flush()?;
        if let Some(c) = &mut self.capture {
            if let Some(m) = &self.first_meta {
                let engine = &self.printer.engine;
                c.ensure_file(&mut || (m.clone(), engine.container_events(0)))?;
            }
            c.finish()?;
        }
        Ok(())
    }
}
