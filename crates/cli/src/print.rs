//! The event loop of `sysray -r FILE`: reader → engine (with the filter) → output
//! (text or JSON lines, `-S` summary, `-w` capture).

use std::io::{IsTerminal, Write};

use anyhow::{Context, Result};
use engine::{BufferFormat, Engine, RenderOptions};
use filter::engine_source::Extractor;
use filter::{Filter, Formatter, Preset, TimeMode};
use scap::Record;

use crate::capture_out::{CaptureOut, Rotation};
use crate::flags::{BufferMode, LowArgs};
use crate::progress::Progress;
use crate::summary::Summary;

/// Everything the event loop needs, built from the command line.
pub struct Plan {
    filter: Option<Filter>,
    display_filter: bool,
    formatter: Formatter,
    json: bool,
    quiet: bool,
    debug: bool,
    unbuffered: bool,
    num_events: Option<u64>,
    summary: Option<Summary>,
    render: RenderOptions,
    progress: bool,
    capture: Option<CaptureOut>,
    fatfile: bool,
}

/// What `-w` keeps of an event, as sinsp's dumper decides: matching events as
/// they are, filtered-out internal events too, filtered-out state-changing events
/// hidden (`STATE_ONLY`) with `-F`, nothing else. Returns the dump flags.
fn dump_flags(
    outcome: &engine::Outcome,
    ev: &scap::Event<'_>,
    fatfile: bool,
    filtered: bool,
) -> Option<u32> {
    let info = ev.info();
    if outcome.skipped {
        return (!filtered).then(|| ev.dump_flags());
    }
    if !outcome.filtered_out || info.is_some_and(|i| i.is_internal()) {
        return Some(ev.dump_flags());
    }
    let modifies = info.is_some_and(|i| i.has_flag(scap::table::ef::MODIFIES_STATE));
    (fatfile && modifies).then_some(scap::dump_flags::STATE_ONLY)
}

fn buffer_format(m: Option<BufferMode>) -> BufferFormat {
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

impl Plan {
    /// Validates the options that shape the output.
    pub fn new(args: &LowArgs, filter_text: &str) -> Result<Plan> {
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
        let time_mode = match args.time_type {
            None => TimeMode::Human,
            Some(c) => TimeMode::from_flag(&c.to_string()).unwrap_or(TimeMode::Human),
        };
        let bf = buffer_format(args.buffer_mode);
        let render =
            if args.json { RenderOptions::json(bf) } else { RenderOptions::text(bf, args.verbose) };
        Ok(Plan {
            filter,
            display_filter: args.display_filter,
            formatter: formatter.with_time_mode(time_mode),
            json: args.json,
            quiet: args.quiet,
            debug: args.debug,
            unbuffered: args.unbuffered,
            num_events: args.num_events,
            summary: args.summary.then(Summary::default),
            render,
            progress: args.progress && std::io::stderr().is_terminal(),
            capture: args.write_file.as_ref().map(|p| {
                let c =
                    if args.compress { scap::Compression::Gzip } else { scap::Compression::None };
                let rot = Rotation {
                    size_bytes: args.file_size_mb.unwrap_or(0) * 1_000_000,
                    seconds: args.rotate_seconds.unwrap_or(0),
                    file_limit: args.file_limit.unwrap_or(0),
                    event_limit: args.event_limit.unwrap_or(0),
                };
                CaptureOut::new(p, c, rot)
            }),
            fatfile: args.fatfile,
        })
    }

    /// Reads `path` and prints its events. Events read before an error are
    /// printed first; the error is returned after.
    pub fn run_file(mut self, path: &std::path::Path) -> Result<()> {
        let mut reader = scap::Reader::open(path)?;
        let mut engine = Engine::new();
        engine.load_metadata(reader.metadata());
        let mut extractor = Extractor::new(self.render);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let mut line = Vec::with_capacity(4096);
        let mut counted = 0u64;
        let mut progress = self.progress.then(|| Progress::new(path));
        let first_meta = reader.metadata().clone();
        if let Some(c) = &mut self.capture {
            self.quiet = true;
            c.open_first(None, &mut || (first_meta.clone(), Vec::new()))?;
        }
        let filtered = self.filter.is_some() && !self.display_filter;
        let result = loop {
            if let Some(p) = &mut progress {
                p.tick(reader.file_progress());
            }
            let ev = match reader.next() {
                Ok(None) => break Ok(()),
                Ok(Some(Record::Section(m))) => {
                    engine.load_metadata(m);
                    continue;
                }
                Ok(Some(Record::Event(ev))) => ev,
                Err(e) => break Err(e),
            };
            let outcome = match (&self.filter, self.display_filter) {
                (Some(f), false) => {
                    engine.process(&ev, Some(&mut |ctx| f.matches(&mut extractor.source(ctx))))
                }
                _ => engine.process(&ev, None),
            };
            if let Some(c) = &mut self.capture {
                if let Some(flags) = dump_flags(&outcome, &ev, self.fatfile, filtered) {
                    let snapshot = &mut || (first_meta.clone(), Vec::new());
                    c.write(&ev, flags, snapshot)?;
                }
            }
            if !outcome.counts() {
                continue;
            }
            if self.num_events.is_some_and(|n| counted >= n) {
                break Ok(());
            }
            counted += 1;
            if let Some(s) = &mut self.summary {
                s.add(&ev);
            }
            if self.quiet || !outcome.is_shown(self.debug) {
                continue;
            }
            let ctx = engine.ctx(&ev);
            let mut src = extractor.source(&ctx);
            if self.display_filter {
                if let Some(f) = &self.filter {
                    if !f.matches(&mut src) {
                        continue;
                    }
                }
            }
            line.clear();
            let printed = if self.json {
                self.formatter.write_json(&mut src, &mut line)
            } else {
                self.formatter.write_text(&mut src, &mut line)
            };
            if printed {
                out.write_all(&line)?;
                if self.unbuffered {
                    out.flush()?;
                }
            }
        };
        if let Some(p) = progress {
            p.finish();
        }
        if self.formatter.has_escape() && !self.quiet && !self.json {
            out.write_all(b"\x1b[00m")?;
        }
        if let Some(s) = &self.summary {
            s.print(&mut out)?;
        }
        out.flush()?;
        if let Some(c) = &mut self.capture {
            c.finish()?;
        }
        result?;
        Ok(())
    }
}
