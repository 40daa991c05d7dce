//! `cargo run -p filter --example run -- [-A] CAPTURE FORMAT [FILTER]`: prints each
//! matching event of a capture per the format (`-A`: buffers as ASCII). A debugging
//! and benchmarking aid for this crate; the `sysray` binary is the real front end.

use engine::{Engine, RenderOptions};
use filter::engine_source::Extractor;
use filter::{Filter, Formatter};
use scap::Record;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let ascii = args.first().is_some_and(|a| a == "-A");
    if ascii {
        args.remove(0);
    }
    let [capture, format, rest @ ..] = &args[..] else {
        return Err("usage: run [-A] CAPTURE FORMAT [FILTER]".into());
    };
    let format = match filter::Preset::from_flag(format) {
        Some(p) => p.format().to_owned(),
        None => format.clone(),
    };
    let filter = Filter::compile(&rest.join(" "))?;
    let formatter = Formatter::new(&format)?;
    let mut reader = scap::Reader::open(capture)?;
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    let buffers = if ascii { engine::BufferFormat::Ascii } else { engine::BufferFormat::Dots };
    let mut x = Extractor::new(RenderOptions::text(buffers, false));
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
