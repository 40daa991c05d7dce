//! `cargo run -p filter --example run -- CAPTURE FORMAT [FILTER]`: prints each
//! matching event of a capture per the format (a debugging aid for this crate;
//! the `sysray` binary is the real front end).

use engine::{Engine, RenderOptions};
use filter::engine_source::Extractor;
use filter::{Filter, Formatter};
use scap::Record;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [capture, format, rest @ ..] = &args[..] else {
        return Err("usage: run CAPTURE FORMAT [FILTER]".into());
    };
    let filter = Filter::compile(&rest.join(" "))?;
    let formatter = Formatter::new(format)?;
    let mut reader = scap::Reader::open(capture)?;
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    let mut x = Extractor::new(RenderOptions::default());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    while let Some(rec) = reader.next()? {
        let ev = match rec {
            Record::Section(meta) => {
                engine.load_metadata(meta);
                continue;
            }
            Record::Event(ev) => ev,
        };
        let mut f = |c: &engine::EventCtx<'_>| filter.matches(&mut x.source(c));
        let o = if filter.matches_everything() {
            engine.process(&ev, None)
        } else {
            engine.process(&ev, Some(&mut f))
        };
        if o.is_shown(false) {
            line.clear();
            if formatter.write_text(&mut x.source(&engine.ctx(&ev)), &mut line) {
                out.write_all(&line)?;
            }
        }
    }
    Ok(())
}
