//! The values an engine source hands over ready (`FieldSource::ready_value`, the
//! filter's shortcut for plain comparisons) are the ones extraction gives, on
//! every event of the seed capture.

mod support;

use engine::{BufferFormat, Engine, RenderOptions};
use filter::FieldSource;
use filter::engine_source::Extractor;
use filter::fields::{Context, resolve};
use filter::value::Value;
use scap::Record;
use support::{seed, shared};

fn text(v: &Value<'_>) -> String {
    format!("{v:?}")
}

#[test]
fn ready_values_match_extraction_on_the_seed() {
    let Some(shared) = shared() else { return };
    let fields: Vec<_> = ["proc.name", "proc.exe", "proc.pid", "evt.rawtime"]
        .iter()
        .map(|f| resolve(f, Context::Filter).expect("field").0)
        .collect();
    let mut reader = scap::Reader::open(seed(&shared)).expect("open seed");
    let mut engine = Engine::new();
    engine.load_metadata(reader.metadata());
    let mut x = Extractor::new(RenderOptions::text(BufferFormat::Dots, false));
    let (mut events, mut present) = (0, 0);
    while let Some(rec) = reader.next().expect("read seed") {
        let ev = match rec {
            Record::Section(meta) => {
                engine.load_metadata(meta);
                continue;
            }
            Record::Event(ev) => ev,
        };
        engine.process(&ev, None);
        let ctx = engine.ctx(&ev);
        let mut src = x.source(&ctx);
        for f in &fields {
            let mut extracted = Vec::new();
            src.extract(f, &mut |v| {
                extracted.push(text(&v));
                false
            });
            let ready = src.ready_value(f).expect("a ready field").map(|v| text(&v));
            assert_eq!(
                ready.into_iter().collect::<Vec<_>>(),
                extracted,
                "{} of event {events}",
                f.text
            );
            present += usize::from(!extracted.is_empty());
        }
        events += 1;
    }
    assert!(events > 100_000 && present > 4 * 100_000, "{events} events, {present} values");
}
