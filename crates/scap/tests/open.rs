//! Opening capture files: in two steps (the reading thread starts before the
//! metadata is read) or one, and the errors of files that cannot be opened.

use std::io;
use std::path::PathBuf;

use scap::table::ids;
use scap::{
    Compression, ErrorKind, Metadata, OwnedEvent, Reader, ReaderBuilder, ThreadEntry, Writer,
};

fn tmp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("scap-open-{}-{name}", std::process::id()))
}

/// A gzip capture of `threads` threads and 5,000 events, written to a new file.
fn capture_file(name: &str, threads: u64) -> PathBuf {
    let meta = Metadata {
        threads: (1..=threads)
            .map(|tid| ThreadEntry { tid, pid: tid, comm: b"t".to_vec(), ..ThreadEntry::default() })
            .collect(),
        ..Metadata::default()
    };
    let mut w = Writer::new(Vec::new(), Compression::Gzip).unwrap();
    w.write_metadata(&meta).unwrap();
    for i in 0..5_000u64 {
        let ev =
            OwnedEvent::build(i, 1 + i % threads, ids::SYSCALL_CLOSE_E, &[&3i64.to_le_bytes()]);
        w.write_event(&ev.as_event()).unwrap();
    }
    let path = tmp(name);
    std::fs::write(&path, w.finish().unwrap()).unwrap();
    path
}

/// The thread ids of the metadata and the timestamps of the events.
fn contents(mut r: Reader) -> (Vec<u64>, Vec<u64>) {
    let tids = r.metadata().threads.iter().map(|t| t.tid).collect();
    let mut ts = Vec::new();
    while let Some(ev) = r.next_event().unwrap() {
        ts.push(ev.ts());
    }
    (tids, ts)
}

#[test]
fn opening_in_two_steps_reads_what_opening_does() {
    let path = capture_file("two-steps", 300);
    for prefetch in [true, false] {
        let mut b = ReaderBuilder::new();
        b.prefetch(prefetch);
        let opening = b.start(&path).unwrap();
        let two = contents(opening.read_metadata().unwrap());
        let one = contents(b.open(&path).unwrap());
        assert_eq!(two.0.len(), 300);
        assert_eq!(two.1.len(), 5_000);
        assert_eq!(two, one, "prefetch {prefetch}");
    }
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_file_that_cannot_be_opened_is_named_once_without_an_offset() {
    let missing = tmp("missing.scap");
    let e = Reader::open(&missing).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::Open(_)), "{e:?}");
    assert_eq!(e.io_kind(), Some(io::ErrorKind::NotFound));
    assert_eq!(
        e.to_string(),
        format!("{}: {}", missing.display(), io::Error::from_raw_os_error(2))
    );
    // Its message is whole: no source repeats it in a chain.
    assert!(std::error::Error::source(&e).is_none());

    let dir = std::env::temp_dir();
    let e = ReaderBuilder::new().start(&dir).unwrap_err();
    assert_eq!(e.to_string(), format!("{}: {}", dir.display(), io::Error::from_raw_os_error(21)));
}

/// A capture of 12,000 `write` exits carrying 40 to 400 bytes of noise (so
/// gzip cannot shrink it below the size of a large file), written plain and
/// compressed.
fn noisy_capture_files() -> [PathBuf; 2] {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut noise = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect()
    };
    let meta = Metadata {
        threads: vec![ThreadEntry {
            tid: 7,
            pid: 7,
            comm: b"w".to_vec(),
            ..ThreadEntry::default()
        }],
        ..Metadata::default()
    };
    let events: Vec<OwnedEvent> = (0..12_000u64)
        .map(|i| {
            let data = noise(40 + (i as usize * 37) % 361);
            let res = (data.len() as i64).to_le_bytes();
            OwnedEvent::build(1_000 + i, 7, ids::SYSCALL_WRITE_X, &[&res, &data])
        })
        .collect();
    [Compression::None, Compression::Gzip].map(|c| {
        let mut w = Writer::new(Vec::new(), c).unwrap();
        w.write_metadata(&meta).unwrap();
        for ev in &events {
            w.write_event(&ev.as_event()).unwrap();
        }
        let path = tmp(&format!("noisy-{}", c.name()));
        std::fs::write(&path, w.finish().unwrap()).unwrap();
        path
    })
}

#[test]
fn a_large_file_reads_the_same_on_either_thread() {
    // Files of two chunks or more get the reading thread's pool from their
    // first chunk; the caller's thread reads them through plain buffers.
    let paths = noisy_capture_files();
    let mut seen = Vec::new();
    for path in &paths {
        assert!(std::fs::metadata(path).unwrap().len() > 1 << 20, "{}", path.display());
        for prefetch in [true, false] {
            let mut r = ReaderBuilder::new().prefetch(prefetch).open(path).unwrap();
            let mut events = Vec::new();
            while let Some(ev) = r.next_event().unwrap() {
                events.push((ev.ts(), ev.raw().to_vec(), r.offset()));
            }
            assert_eq!(events.len(), 12_000);
            seen.push(events);
        }
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]));
    for path in paths {
        std::fs::remove_file(path).unwrap();
    }
}
