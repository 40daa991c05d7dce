//! `-c NAME [args]`, `-cl` and `-i NAME`: chisels over a capture file.

use std::io::Write;

use anyhow::{Result, anyhow};
use chisel::{ChiselError, ChiselRunner, Consume, RunOptions, SearchPath};
use engine::Engine;

use crate::flags::LowArgs;

/// A chisel failure, with the exit status the chisel asked for.
#[derive(Debug)]
pub struct ChiselFailure(pub ChiselError);

impl std::fmt::Display for ChiselFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ChiselFailure {}

fn fail(e: ChiselError) -> anyhow::Error {
    anyhow!(ChiselFailure(e))
}

/// `-cl`.
pub fn list() -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    chisel::list_chisels(&SearchPath::from_env(), &mut out)?;
    out.flush()?;
    Ok(0)
}

/// `-i NAME`.
pub fn describe(name: &str) -> Result<i32> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    chisel::describe(&SearchPath::from_env(), name, &mut out).map_err(fail)?;
    out.flush()?;
    Ok(0)
}

/// As sysdig, the chisels already loaded see their capture end (a table chisel
/// prints its header) before the error is reported.
fn end_after_failure(runner: &mut ChiselRunner, e: ChiselError) -> anyhow::Error {
    let _ = runner.on_capture_end(&Engine::new());
    let _ = runner.flush();
    fail(e)
}

/// Loads the chisels of the command line and their arguments; returns the runner,
/// initialised with the capture filter (the words the chisels did not take).
pub fn runner(args: &LowArgs, live: bool, source_name: &str) -> Result<ChiselRunner> {
    let opts = RunOptions {
        print_container_data: args
            .print_format
            .as_deref()
            .is_some_and(|p| filter::Preset::from_flag(p).is_some()),
        json: args.json,
        buffer_format: crate::print::buffer_format(args.buffer_mode),
        buffer_format_explicit: args.buffer_mode.is_some() || args.json,
        live,
        evtsource_name: source_name.to_string(),
    };
    let stdout: Box<dyn Write> = Box::new(std::io::BufWriter::new(std::io::stdout()));
    let mut runner = ChiselRunner::new(SearchPath::from_env(), opts, stdout);
    let mut taken = 0;
    for spec in &args.chisels {
        let rest: Vec<&str> = spec.rest.iter().map(String::as_str).collect();
        if runner.add(&spec.name, rest.first().copied(), &rest).map_err(fail)? == Consume::NextWord
        {
            taken += 1;
        }
    }
    let words = &args.positional[taken.min(args.positional.len())..];
    let filter_text = words.join(" ");
    let filter = (!filter_text.trim().is_empty()).then_some(filter_text.as_str());
    if let Some(f) = filter
        && let Err(e) = filter::Filter::compile(f)
    {
        let _ = runner.on_capture_end(&Engine::new());
        let _ = runner.flush();
        return Err(crate::print::filter_error(f, &e));
    }
    if let Err(e) = runner.init(filter) {
        return Err(end_after_failure(&mut runner, e));
    }
    Ok(runner)
}

/// Runs the chisels of the command line over `-r FILE`. Returns the arguments of
/// `sysdig.run_app`, if a chisel asked to run sysray again.
pub fn run_file(args: &LowArgs, path: &std::path::Path) -> Result<Option<Vec<String>>> {
    let mut runner = runner(args, false, &path.to_string_lossy())?;
    let mut reader = scap::Reader::open(path)?;
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    chisel::run_capture(&mut reader, &mut engine, &mut runner, args.num_events).map_err(fail)?;
    runner.flush().map_err(fail)?;
    Ok(runner.run_app())
}

/// Converts a chisel error for the CLI's error path (its exit status is kept).
pub fn chisel_error(e: ChiselError) -> anyhow::Error {
    fail(e)
}
