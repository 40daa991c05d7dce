//! Cuts a capture after N events the way a rotating writer starts a new file:
//! the output begins with the engine's state at the cut (snapshot, container
//! events, pending enters) followed by the remaining events of the section.
//!
//! ```text
//! cargo run -p engine --release --example cut -- IN N OUT
//! ```
//!
//! Compare `sysdig -r OUT` with the lines of `sysdig -r IN` after event N to see
//! what a reader makes of the state sysray writes.

use engine::Engine;
use scap::{Compression, Reader, Record, Writer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, n, output] = args.as_slice() else {
        return Err("usage: cut IN N OUT".into());
    };
    let n: u64 = n.parse()?;
    let mut r = Reader::open(input)?;
    let mut engine = Engine::new();
    engine.load_metadata(r.metadata());
    let mut seen = 0u64;
    let mut w: Option<Writer<_>> = None;
    while let Some(rec) = r.next()? {
        let ev = match rec {
            Record::Section(m) if w.is_none() => {
                engine.load_metadata(m);
                continue;
            }
            Record::Section(_) => break,
            Record::Event(ev) => ev,
        };
        if let Some(w) = w.as_mut() {
            w.write_event(&ev)?;
            continue;
        }
        engine.process(&ev, None);
        seen += 1;
        if seen == n {
            let mut out = Writer::create(output, Compression::None)?;
            out.write_metadata(&engine.snapshot())?;
            for ev in engine.container_events(ev.ts()).iter().chain(&engine.pending_enter_events())
            {
                out.write_event(&ev.as_event())?;
            }
            w = Some(out);
        }
    }
    match w {
        Some(w) => {
            w.finish()?;
            Ok(())
        }
        None => Err(format!("the capture has only {seen} events").into()),
    }
}
