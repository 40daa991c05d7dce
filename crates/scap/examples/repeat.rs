//! Makes a large capture for memory tests: the events of IN repeated COUNT times
//! after IN's state blocks, each copy shifted in time past the previous one.
//!
//! `cargo run --release -p scap --example repeat -- IN OUT COUNT`

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, count] = args.as_slice() else {
        eprintln!("usage: repeat IN OUT COUNT");
        return ExitCode::FAILURE;
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("COUNT must be a number");
        return ExitCode::FAILURE;
    };
    match run(input, output, count) {
        Ok(n) => {
            println!("{output}: {n} events");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, output: &str, count: u64) -> scap::Result<u64> {
    // The time span of one copy.
    let (mut first, mut last) = (u64::MAX, 0);
    let mut r = scap::Reader::open(input)?;
    while let Some(ev) = r.next_event()? {
        if ev.ts() != 0 {
            first = first.min(ev.ts());
            last = last.max(ev.ts());
        }
    }
    let span = last.saturating_sub(first) + 1_000_000;
    let mut w = scap::Writer::create(output, scap::Compression::None)?;
    let mut buf = Vec::new();
    for k in 0..count {
        let mut r = scap::Reader::open(input)?;
        if k == 0 {
            w.write_metadata(r.metadata())?;
        }
        while let Some(ev) = r.next_event()? {
            buf.clear();
            ev.encode_v2(&mut buf);
            if ev.ts() != 0 {
                let ts = ev.ts() + k * span;
                buf[..8].copy_from_slice(&ts.to_le_bytes());
            }
            let shifted = scap::Event::from_v2(&buf, ev.cpuid(), ev.dump_flags()).map_err(|e| {
                scap::Error {
                    path: None,
                    offset: 0,
                    compressed: false,
                    kind: scap::ErrorKind::Unwritable(e.to_string()),
                }
            })?;
            w.write_event(&shifted)?;
        }
    }
    let n = w.events_written();
    w.finish()?;
    Ok(n)
}
