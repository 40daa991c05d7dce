//! `sysray -r FILE`: a capture file through the pipeline.

use std::path::Path;

use anyhow::Result;
use scap::Record;

use crate::flags::LowArgs;
use crate::parallel::Parallel;
use crate::print::{Pipeline, Step};
use crate::progress::Progress;

/// Reads `path` and runs its events through the outputs of `args`. Events read
/// before an error are processed (printed, written) first; the error comes after.
pub fn run(args: &LowArgs, filter_text: &str, path: &Path) -> Result<()> {
    // The reading thread inflates the first chunk while the filter and the
    // outputs are set up; a bad filter is still reported before a bad file.
    let opening = scap::ReaderBuilder::new().start(path);
    let mut p = Pipeline::new(args, filter_text)?;
    let mut reader = opening?.read_metadata()?;
    p.start(reader.metadata(), &[], None)?;
    let mut parallel = Parallel::new(args, filter_text, reader.metadata())?;
    let mut progress = (args.progress && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .then(|| Progress::new(path));
    let result = loop {
        if let Some(bar) = &mut progress {
            bar.tick(reader.file_progress());
        }
        match reader.next() {
            Ok(None) => break Ok(()),
            Ok(Some(Record::Section(m))) => match &mut parallel {
                Some(par) => par.section(&mut p, m),
                None => p.section(m),
            },
            Ok(Some(Record::Event(ev))) => match &mut parallel {
                Some(par) => par.event(&mut p, &ev)?,
                None => {
                    if p.event(&ev)? == Step::Stop {
                        break Ok(());
                    }
                }
            },
            Err(e) => break Err(e),
        }
    };
    if let Some(bar) = progress {
        bar.finish();
    }
    if let Some(par) = parallel {
        par.finish(&mut p)?;
    }
    p.finish()?;
    // The process exits next: freeing the state and the read buffers one by one
    // (tens of thousands of allocations for a busy capture, unmapping the
    // buffers shared with the reading thread) would only delay the exit.
    std::mem::forget((reader, p));
    result?;
    Ok(())
}
