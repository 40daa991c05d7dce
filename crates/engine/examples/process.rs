//! Measures the engine alone: reads a capture fully into memory, then processes
//! every event (no output) and reports time, events/s and heap allocations.
//!
//! ```text
//! cargo run -p engine --release --example process -- FILE [--render]
//! ```
//!
//! `--render` also renders `%evt.info` of every shown event into one reused
//! buffer, to measure rendering and check it does not allocate per event.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use engine::{Engine, RenderOptions};
use scap::{OwnedEvent, Record};

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

enum Item {
    Meta(Box<scap::Metadata>),
    Event(OwnedEvent),
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: process FILE [--render]")?;
    let render = args.next().as_deref() == Some("--render");
    let mut reader = scap::Reader::open(&path)?;
    let mut items = vec![Item::Meta(Box::new(reader.metadata().clone()))];
    while let Some(rec) = reader.next()? {
        items.push(match rec {
            Record::Section(m) => Item::Meta(Box::new(m.clone())),
            Record::Event(ev) => Item::Event(ev.to_owned_event()),
        });
    }
    let views: Vec<Result<scap::Event<'_>, &scap::Metadata>> = items
        .iter()
        .map(|i| match i {
            Item::Meta(m) => Err(&**m),
            Item::Event(e) => Ok(e.as_event()),
        })
        .collect();

    let opts = RenderOptions::default();
    let mut line = Vec::with_capacity(1 << 16);
    let passes: usize = std::env::var("PASSES").ok().and_then(|p| p.parse().ok()).unwrap_or(2);
    for pass in 0..passes {
        let mut engine = Engine::new();
        let before = ALLOCS.load(Ordering::Relaxed);
        let start = Instant::now();
        let mut n = 0u64;
        for v in &views {
            match v {
                Err(meta) => engine.load_metadata(meta),
                Ok(ev) => {
                    n += 1;
                    let out = engine.process(ev, None);
                    if render && out.is_shown(false) {
                        line.clear();
                        engine.ctx(ev).write_info(&mut line, &opts);
                    }
                }
            }
        }
        let dt = start.elapsed();
        let allocs = ALLOCS.load(Ordering::Relaxed) - before;
        println!(
            "pass {pass}: {n} events in {:.1} ms ({:.1} M events/s), {} threads at end, {allocs} allocations ({:.3}/event)",
            dt.as_secs_f64() * 1e3,
            n as f64 / dt.as_secs_f64() / 1e6,
            engine.threads().len(),
            allocs as f64 / n.max(1) as f64
        );
    }
    Ok(())
}
