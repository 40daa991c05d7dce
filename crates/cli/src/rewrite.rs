//! `sysray -r IN -w OUT`: copies a capture into the current format, keeping every
//! event and the state blocks (a later section of concatenated captures becomes a
//! new section of the output).

use std::path::Path;

use anyhow::{Context, Result};
use scap::{Compression, Record};

/// Re-writes `input` as `output`. Returns the number of events written.
pub fn run(input: &Path, output: &Path, compression: Compression) -> Result<u64> {
    let mut r = scap::Reader::open(input)?;
    let mut w = scap::Writer::create(output, compression)
        .with_context(|| format!("cannot create {}", output.display()))?;
    let werr = |e: scap::Error| anyhow::anyhow!("{}: {}", output.display(), e);
    w.write_metadata(r.metadata()).map_err(werr)?;
    let res = loop {
        match r.next() {
            Ok(None) => break Ok(()),
            Ok(Some(Record::Event(ev))) => w.write_event(&ev).map_err(werr)?,
            Ok(Some(Record::Section(m))) => w.write_metadata(m).map_err(werr)?,
            Err(e) => break Err(e),
        }
    };
    // Whatever was read before an error is kept: finish the output first.
    let n = w.events_written();
    w.finish().map_err(werr)?;
    res?;
    Ok(n)
}
