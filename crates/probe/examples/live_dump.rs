//! Prints live events for a few seconds: `cargo run -p probe --example live_dump [SECS]`.

use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secs: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2);
    let mut cap = probe::LiveCapture::builder().build()?;
    println!("{} threads in /proc", cap.metadata().threads.len());
    let end = Instant::now() + Duration::from_secs(secs);
    let mut n = 0u64;
    while Instant::now() < end {
        if let Some(ev) = cap.next_event(Duration::from_millis(100))? {
            n += 1;
            if n <= 40 {
                let name = ev.info().map_or("?", |i| i.name);
                println!(
                    "{} cpu{} tid {} {} {} params {:?}",
                    ev.ts(),
                    ev.cpuid(),
                    ev.tid() as i64,
                    if ev.is_enter() { '>' } else { '<' },
                    name,
                    ev.params().map(|p| p.len()).collect::<Vec<_>>()
                );
            }
        }
    }
    cap.stop()?;
    println!("{n} events, stats {:?}", cap.stats()?);
    Ok(())
}
