//! `sysray -r IN -w OUT`: copies a capture into the current format, keeping every
//! event and the state blocks (a later section of concatenated captures becomes a
//! new section of the output).

use std::path::Path;

use anyhow::{Context, Result};
use scap::{Compression, Record};

/// Re-writes `input` as `output`. Returns the number of events written.
pub fn run(input: &Path, output: &Path, compression: Compression) -> Result<u64> {
    let mut r = scap::Reader::open(input)?;
    let mut w = crate::capture_out::create(output, compression)?;
    // The errors keep their type, so a closed pipe (`-w -`) ends the run quietly.
    let what = || output.display().to_string();
    w.write_metadata(r.metadata()).with_context(what)?;
    let res = loop {
        match r.next() {
            Ok(None) => break Ok(()),
            Ok(Some(Record::Event(ev))) => w.write_event(&ev).with_context(what)?,
            Ok(Some(Record::Section(m))) => w.write_metadata(m).with_context(what)?,
            Err(e) => break Err(e),
        }
    };
    // Whatever was read before an error is kept: finish the output first.
    let n = w.events_written();
    w.finish().with_context(what)?;
    res?;
    Ok(n)
}
