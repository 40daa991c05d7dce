//! Counts live events per type for a few seconds: `cargo run -p probe --example live_stats [SECS]`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secs: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2);
    // LIVE_ONLY_STATE=1: only state-changing syscalls leave the kernel.
    let interest = if std::env::var_os("LIVE_ONLY_STATE").is_some() {
        probe::Interest::events([])
    } else {
        probe::Interest::all()
    };
    // LIVE_RING_BYTES=N: event rings of N bytes in all (default 64 MiB).
    let ring_bytes = std::env::var("LIVE_RING_BYTES").ok().and_then(|v| v.parse().ok());
    let mut cap = probe::LiveCapture::builder()
        .ring_bytes(ring_bytes.unwrap_or(64 << 20))
        .interesting(interest)
        .page_faults(std::env::var_os("LIVE_PAGE_FAULTS").is_some())
        .build()?;
    let end = Instant::now() + Duration::from_secs(secs);
    let mut counts: BTreeMap<(&str, bool), u64> = BTreeMap::new();
    while Instant::now() < end {
        if let Some(ev) = cap.next_event(Duration::from_millis(100))? {
            *counts.entry((ev.info().map_or("?", |i| i.name), ev.is_enter())).or_default() += 1;
        }
    }
    cap.stop()?;
    for ((name, enter), n) in &counts {
        println!("{name:>20} {} {n}", if *enter { '>' } else { '<' });
    }
    println!("total {} stats {:?}", counts.values().sum::<u64>(), cap.stats()?);
    Ok(())
}
