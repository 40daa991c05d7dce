//! A complete file-mode run: capture → engine → chisels. The CLI may use it for
//! `-r FILE -c ...`, and the tests and benchmarks do.

use engine::{Engine, Hidden};
use scap::{Reader, Record};

use crate::error::ChiselError;
use crate::runner::{ChiselRunner, Flow};

/// True if an event with this outcome reaches chisels (internal events do;
/// events sysdig's engine drops do not, but they still drive intervals).
fn delivered(out: &engine::Outcome) -> bool {
    !out.filtered_out
        && !matches!(
            out.hidden,
            Some(Hidden::StateOnly | Hidden::IncompleteContainer | Hidden::TracerFragment)
        )
}

/// The last event delivered to chisels, kept for `evt.field` in `on_capture_end`
/// (a reused buffer: no allocation once it is large enough).
#[derive(Default)]
struct LastEvent {
    bytes: Vec<u8>,
    cpu: u16,
    present: bool,
}

fn read_all(
    reader: &mut Reader,
    engine: &mut Engine,
    runner: &mut ChiselRunner,
    max: Option<u64>,
    last: &mut LastEvent,
) -> Result<(), ChiselError> {
    engine.load_metadata(reader.metadata());
    let mut counted = 0u64;
    let mut n = 0u64;
    loop {
        if n.is_multiple_of(4096)
            && let Some((done, size)) = reader.file_progress()
            && size > 0
        {
            runner.set_read_progress(done as f64 * 100.0 / size as f64);
        }
        n += 1;
        let rec = reader.next().map_err(|e| ChiselError::Capture(e.to_string()))?;
        let ev = match rec {
            None => return Ok(()),
            Some(Record::Section(meta)) => {
                engine.load_metadata(meta);
                continue;
            }
            Some(Record::Event(ev)) => ev,
        };
        let out = engine.process(&ev, Some(&mut |ctx| runner.filter_event(ctx)));
        if out.skipped || out.hidden == Some(Hidden::LeadingContainer) {
            continue;
        }
        if !runner.capture_started() {
            runner.on_capture_start(engine)?;
        }
        let delivered = delivered(&out);
        if delivered {
            last.bytes.clear();
            ev.encode_v2(&mut last.bytes);
            last.cpu = ev.cpuid();
            last.present = true;
        }
        let flow = runner.on_event(&engine.ctx(&ev), delivered)?;
        if flow == Flow::EndCapture {
            return Ok(());
        }
        if out.counts() {
            counted += 1;
            if max.is_some_and(|m| counted >= m) {
                return Ok(());
            }
        }
    }
}

/// Reads `reader` to the end (or `max_events` counted events) through `engine`
/// and `runner`, whose chisels must be loaded and initialised
/// ([`ChiselRunner::init`]). Calls `on_capture_start` before the first event
/// and always `on_capture_end` at the end, also after an error, which is then
/// returned.
pub fn run_capture(
    reader: &mut Reader,
    engine: &mut Engine,
    runner: &mut ChiselRunner,
    max_events: Option<u64>,
) -> Result<(), ChiselError> {
    let mut last = LastEvent::default();
    let res = read_all(reader, engine, runner, max_events, &mut last);
    let start = if res.is_ok() && !runner.capture_started() {
        runner.on_capture_start(engine)
    } else {
        Ok(())
    };
    let ev = if last.present { scap::Event::from_v2(&last.bytes, last.cpu, 0).ok() } else { None };
    let end = match ev {
        Some(ev) => runner.on_capture_end_after(&engine.ctx(&ev)),
        None => runner.on_capture_end(engine),
    };
    res.and(start).and(end)
}
