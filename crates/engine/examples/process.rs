//! Measures the engine alone: reads a capture fully into memory, then processes
//! every event (no output) and reports wall and CPU time, events/s and heap
//! allocations.
//!
//! ```text
//! cargo run -p engine --release --example process -- FILE [--render|--reject]
//! ```
//!
//! `--render` also renders `%evt.info` of every shown event into one reused
//! buffer, to measure rendering and check it does not allocate per event.
//! `--reject` passes a filter that compares `proc.name` with a name no thread
//! has (what `proc.name=nosuchprocess` costs the engine: state-changing events
//! are parsed, the others are rejected before parsing). `--stream` reads the
//! file in every pass instead (reader and engine together: the consumer side
//! of `sysray -r` when the file is not compressed).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use engine::{Engine, RenderOptions};
use scap::Record;

struct Counting;

static ALLOCS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards to the system allocator; only counts calls.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        ALLOCS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// A metadata block or the place of one event in the arena.
/// Reads and processes the file in every pass.
fn stream(path: &str) -> Result<(), Box<dyn std::error::Error>> {
    let passes: usize = std::env::var("PASSES").ok().and_then(|p| p.parse().ok()).unwrap_or(2);
    for pass in 0..passes {
        let cpu_start = cpu_ns();
        let start = Instant::now();
        let mut reader = scap::Reader::open(path)?;
        let mut engine = Engine::new();
        engine.load_metadata(reader.metadata());
        let mut n = 0u64;
        while let Some(rec) = reader.next()? {
            match rec {
                Record::Section(m) => engine.load_metadata(m),
                Record::Event(ev) => {
                    n += 1;
                    engine.process(&ev, None);
                }
            }
        }
        let dt = start.elapsed();
        let cpu = cpu_ns().zip(cpu_start).map(|(b, a)| b.saturating_sub(a));
        println!(
            "pass {pass}: {n} events read and processed in {:.1} ms (CPU {})",
            dt.as_secs_f64() * 1e3,
            cpu.map_or("unknown".to_string(), |c| format!("{:.1} ms", c as f64 / 1e6)),
        );
    }
    Ok(())
}

/// CPU time of this thread in ns (`/proc/thread-self/schedstat`), which a
/// loaded machine does not inflate the way it inflates wall time.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

enum Item {
    Meta(Box<scap::Metadata>),
    Event { start: usize, end: usize, cpuid: u16, dump_flags: u32 },
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: process FILE [--render|--reject]")?;
    let mode = args.next();
    let render = mode.as_deref() == Some("--render");
    let reject = mode.as_deref() == Some("--reject");
    if mode.as_deref() == Some("--stream") {
        return stream(&path);
    }
    let mut reader = scap::Reader::open(&path)?;
    // Events are stored back to back, as in the reader's block buffer, so the
    // engine sees them in memory order.
    let mut arena = Vec::new();
    let mut items = vec![Item::Meta(Box::new(reader.metadata().clone()))];
    while let Some(rec) = reader.next()? {
        items.push(match rec {
            Record::Section(m) => Item::Meta(Box::new(m.clone())),
            Record::Event(ev) => {
                let start = arena.len();
                ev.encode_v2(&mut arena);
                Item::Event {
                    start,
                    end: arena.len(),
                    cpuid: ev.cpuid(),
                    dump_flags: ev.dump_flags(),
                }
            }
        });
    }
    let views: Vec<Result<scap::Event<'_>, &scap::Metadata>> = items
        .iter()
        .map(|i| match i {
            Item::Meta(m) => Err(&**m),
            Item::Event { start, end, cpuid, dump_flags } => {
                Ok(scap::Event::from_v2(&arena[*start..*end], *cpuid, *dump_flags)
                    .expect("re-encoded events are valid"))
            }
        })
        .collect();

    let opts = RenderOptions::default();
    let mut line = Vec::with_capacity(1 << 16);
    let passes: usize = std::env::var("PASSES").ok().and_then(|p| p.parse().ok()).unwrap_or(2);
    for pass in 0..passes {
        let mut engine = Engine::new();
        let before = ALLOCS.load(Ordering::Relaxed);
        let cpu_start = cpu_ns();
        let start = Instant::now();
        let mut n = 0u64;
        for v in &views {
            match v {
                Err(meta) => engine.load_metadata(meta),
                Ok(ev) => {
                    n += 1;
                    let mut no_such_process = |c: &engine::EventCtx<'_>| {
                        c.thread().is_some_and(|t| t.comm() == b"nosuchprocess")
                    };
                    let filter: Option<engine::Filter<'_>> =
                        if reject { Some(&mut no_such_process) } else { None };
                    let out = engine.process(ev, filter);
                    if render && out.is_shown(false) {
                        line.clear();
                        engine.ctx(ev).write_info(&mut line, &opts);
                    }
                }
            }
        }
        let dt = start.elapsed();
        let cpu = cpu_ns().zip(cpu_start).map(|(b, a)| b.saturating_sub(a));
        let allocs = ALLOCS.load(Ordering::Relaxed) - before;
        println!(
            "pass {pass}: {n} events in {:.1} ms (CPU {}), {:.1} M events/s, {} threads at end, {allocs} allocations ({:.3}/event)",
            dt.as_secs_f64() * 1e3,
            cpu.map_or("unknown".to_string(), |c| format!("{:.1} ms", c as f64 / 1e6)),
            n as f64 / dt.as_secs_f64() / 1e6,
            engine.threads().len(),
            allocs as f64 / n.max(1) as f64
        );
    }
    Ok(())
}
