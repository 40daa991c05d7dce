//! Cut captures: never a panic, every complete event before the cut is delivered,
//! then an error naming the file and the byte offset.

mod common;

use std::io::{Cursor, Read};

use common::captures_dir;
use rand::{Rng, SeedableRng};
use scap::{ErrorKind, ReaderBuilder};

fn seed_plain(dir: &std::path::Path) -> (Vec<u8>, Vec<u8>) {
    let gz = std::fs::read(dir.join("k8s-dns-troubleshooting.scap")).unwrap();
    let mut plain = Vec::new();
    flate2::read::MultiGzDecoder::new(&gz[..]).read_to_end(&mut plain).unwrap();
    (gz, plain)
}

/// Stream offsets where the metadata ends and where each event block ends.
fn boundaries(plain: &[u8]) -> (u64, Vec<u64>) {
    let mut r =
        ReaderBuilder::new().prefetch(false).from_reader(Cursor::new(plain.to_vec())).unwrap();
    let meta_end = r.offset();
    let mut ends = Vec::new();
    while r.next_event().unwrap().is_some() {
        ends.push(r.offset());
    }
    (meta_end, ends)
}

/// Reads a prefix on the caller's thread or through the reading thread;
/// returns (events delivered, error).
fn read_prefix(data: Vec<u8>, framed: bool) -> (u64, Option<scap::Error>) {
    let mut r = match ReaderBuilder::new().prefetch(framed).from_reader(Cursor::new(data)) {
        Ok(r) => r,
        Err(e) => return (0, Some(e)),
    };
    let mut n = 0;
    loop {
        match r.next_event() {
            Ok(Some(_)) => n += 1,
            Ok(None) => return (n, None),
            Err(e) => return (n, Some(e)),
        }
    }
}

#[test]
fn decompressed_seed_cut_at_1000_offsets() {
    let Some(dir) = captures_dir() else { return };
    let (_, plain) = seed_plain(&dir);
    let (meta_end, ends) = boundaries(&plain);
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x5eed);
    for i in 0..1000 {
        // Half the cuts land among the events, a few inside the metadata.
        let cut = if i % 10 == 0 {
            rng.random_range(0..meta_end)
        } else {
            rng.random_range(meta_end..plain.len() as u64)
        };
        let (n, err) = read_prefix(plain[..cut as usize].to_vec(), false);
        if i % 5 == 0 {
            // Through the reading thread: the same events and the same error.
            let (n_framed, err_framed) = read_prefix(plain[..cut as usize].to_vec(), true);
            assert_eq!(n_framed, n, "cut at {cut}: events delivered through the reading thread");
            let show = |e: &Option<scap::Error>| e.as_ref().map(|e| (e.offset, e.to_string()));
            assert_eq!(show(&err_framed), show(&err), "cut at {cut}: error when framed");
        }
        let complete = ends.partition_point(|&e| e <= cut) as u64;
        assert_eq!(n, complete, "cut at {cut}: events delivered");
        let at_boundary = cut == meta_end || ends.binary_search(&cut).is_ok();
        if cut < meta_end {
            // Cut inside the state blocks: an error unless exactly between blocks.
            if let Some(e) = &err {
                assert!(e.offset <= cut, "cut at {cut}: error offset {}", e.offset);
            }
            continue;
        }
        match (&err, at_boundary) {
            (None, true) => {}
            (Some(e), false) => {
                let last_end = if complete == 0 { meta_end } else { ends[complete as usize - 1] };
                assert_eq!(e.offset, last_end, "cut at {cut}: {e}");
                assert!(matches!(e.kind, ErrorKind::Truncated { .. }), "cut at {cut}: {e}");
            }
            (e, b) => panic!("cut at {cut}: error {e:?}, at boundary {b}"),
        }
    }
}

#[test]
fn gzip_seed_cut_at_100_offsets() {
    let Some(dir) = captures_dir() else { return };
    let (gz, plain) = seed_plain(&dir);
    let (_, ends) = boundaries(&plain);
    let tmp = std::env::temp_dir().join(format!("sysray-cut-{}.scap", std::process::id()));
    let mut rng = rand::rngs::StdRng::seed_from_u64(0x9a1e);
    for _ in 0..100 {
        let cut = rng.random_range(1..gz.len());
        std::fs::write(&tmp, &gz[..cut]).unwrap();
        // What zlib itself can recover from this prefix.
        let mut recovered = Vec::new();
        let mut d = flate2::read::MultiGzDecoder::new(&gz[..cut]);
        let mut buf = [0u8; 65536];
        loop {
            match d.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(k) => recovered.extend_from_slice(&buf[..k]),
            }
        }
        let complete = ends.partition_point(|&e| e <= recovered.len() as u64) as u64;
        let mut n = 0;
        let err = match scap::Reader::open(&tmp) {
            Err(e) => Some(e),
            Ok(mut r) => loop {
                match r.next_event() {
                    Ok(Some(_)) => n += 1,
                    Ok(None) => break None,
                    Err(e) => break Some(e),
                }
            },
        };
        let e = err.unwrap_or_else(|| panic!("gzip cut at {cut}: no error"));
        let msg = e.to_string();
        assert!(msg.contains(&tmp.file_name().unwrap().to_string_lossy().to_string()), "{msg}");
        assert!(msg.contains("offset"), "{msg}");
        if recovered.len() as u64 >= ends[0] {
            assert_eq!(n, complete, "gzip cut at {cut}: {msg}");
        }
    }
    let _ = std::fs::remove_file(&tmp);
}
