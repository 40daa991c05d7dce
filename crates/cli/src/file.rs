//! `sysray -r FILE`: a capture file through the pipeline.

use std::path::Path;

use anyhow::Result;
use scap::Record;

use crate::flags::LowArgs;
use crate::print::{Pipeline, Step};
use crate::progress::Progress;

/// Reads `path` and runs its events through the outputs of `args`. Events read
/// before an error are processed (printed, written) first; the error comes after.
pub fn run(args: &LowArgs, filter_text: &str, path: &Path) -> Result<()> {
    let mut p = Pipeline::new(args, filter_text)?;
    let mut reader = scap::Reader::open(path)?;
    p.start(reader.metadata(), &[], None)?;
    let mut progress = (args.progress && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .then(|| Progress::new(path));
    let result = loop {
        if let Some(bar) = &mut progress {
            bar.tick(reader.file_progress());
        }
        match reader.next() {
            Ok(None) => break Ok(()),
            Ok(Some(Record::Section(m))) => p.section(m),
            Ok(Some(Record::Event(ev))) => {
                if p.event(&ev)? == Step::Stop {
                    break Ok(());
                }
            }
            Err(e) => break Err(e),
        }
    };
    if let Some(bar) = progress {
        bar.finish();
    }
    p.finish()?;
    result?;
    Ok(())
}
