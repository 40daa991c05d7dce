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
