//! Every real capture in `../shared/captures` through the reader and the writer.

mod common;

use std::io::Cursor;

use common::{all_captures, captures_dir, events_of, manifest_raw_counts};
use scap::{Compression, ErrorKind, Metadata, Reader, ReaderBuilder, Record, Writer};

#[test]
fn raw_event_counts_match_the_manifest() {
    let Some(dir) = captures_dir() else { return };
    let manifest = manifest_raw_counts(&dir);
    assert!(manifest.len() >= 11, "MANIFEST.md table not understood: {manifest:?}");
    for (name, want) in manifest {
        let r = Reader::open(dir.join("extra").join(&name)).unwrap();
        let (evs, err) = events_of(r);
        assert!(err.is_none(), "{name}: {err:?}");
        assert_eq!(evs.len() as u64, want, "{name}");
    }
    let (evs, err) = events_of(Reader::open(dir.join("k8s-dns-troubleshooting.scap")).unwrap());
    assert!(err.is_none());
    assert_eq!(evs.len(), 146_038);
}

#[test]
fn seed_metadata_is_complete() {
    let Some(dir) = captures_dir() else { return };
    let r = Reader::open(dir.join("k8s-dns-troubleshooting.scap")).unwrap();
    assert_eq!(r.compression(), Compression::Gzip);
    let m = r.metadata();
    assert_eq!((m.section.major, m.section.minor), (1, 0));
    let mi = m.machine.as_ref().unwrap();
    assert_eq!((mi.num_cpus, mi.memory_size_bytes), (2, 1_040_506_880));
    assert_eq!(mi.hostname, b"ubuntu-xenial");
    assert_eq!(m.threads.len(), 392);
    assert_eq!(m.fd_count(), 1383);
    assert_eq!((m.users.len(), m.groups.len()), (31, 57));
    assert_eq!(m.interfaces.len(), 14);
    let blocks: Vec<(&str, u64)> =
        m.blocks.iter().map(|&(t, n)| (scap::block::block_type_name(t).unwrap(), n)).collect();
    assert_eq!(blocks, [("SHB", 1), ("MI", 1), ("IL", 1), ("UL", 1), ("PL_V6", 1), ("FDL", 392)]);
}

#[test]
fn pcapng_options_are_skipped() {
    let Some(dir) = captures_dir() else { return };
    let plain = events_of(Reader::open(dir.join("extra/libs-curl_google.scap")).unwrap());
    let edited = events_of(Reader::open(dir.join("extra/libs-curl_google_comments.scap")).unwrap());
    assert!(plain.1.is_none() && edited.1.is_none());
    assert_eq!(plain.0.len(), 1536);
    assert_eq!(plain.0, edited.0);
}

#[test]
fn foreign_pcapng_is_refused_with_an_explanation() {
    let Some(dir) = captures_dir() else { return };
    let path = dir.join("negative/tcpdump-pcapng-not-scap.scap");
    let e = Reader::open(&path).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::ForeignPcapng(_)), "{e}");
    let msg = e.to_string();
    assert!(msg.contains("tcpdump") && msg.contains("not a sysdig capture"), "{msg}");
    assert!(msg.contains("tcpdump-pcapng-not-scap.scap"), "{msg}");
}

/// Metadata as the writer stores it: IPv4 interfaces first, every interface with a
/// link speed, every PL_V9 entry with `loginuid`/`exe_writable`.
fn normalized(m: &Metadata) -> Metadata {
    let mut m = m.clone();
    m.section = scap::SectionHeader { major: 1, minor: 2, options_len: 0 };
    m.blocks.clear();
    let (mut v4, mut v6): (Vec<_>, Vec<_>) =
        m.interfaces.drain(..).partition(|i| matches!(i, scap::Interface::V4 { .. }));
    v4.append(&mut v6);
    for i in &mut v4 {
        match i {
            scap::Interface::V4 { linkspeed, .. } | scap::Interface::V6 { linkspeed, .. } => {
                linkspeed.get_or_insert(0);
            }
        }
    }
    m.interfaces = v4;
    for t in &mut m.threads {
        t.loginuid.get_or_insert(u32::MAX);
        t.exe_writable.get_or_insert(false);
        t.pidns_init_start_ts = None;
        t.tty = None;
        t.exe_upper_layer = None;
        t.exe_ino = None;
        t.exe_from_memfd = None;
        t.exe_lower_layer = None;
        t.pgid = None;
        if t.caps.is_none() {
            // nothing to normalize
        }
    }
    m
}

fn rewrite(path: &std::path::Path, c: Compression) -> Vec<u8> {
    let mut r = Reader::open(path).unwrap();
    let mut w = Writer::new(Vec::new(), c).unwrap();
    w.write_metadata(r.metadata()).unwrap();
    while let Some(rec) = r.next().unwrap() {
        match rec {
            Record::Event(ev) => w.write_event(&ev).unwrap(),
            Record::Section(m) => w.write_metadata(m).unwrap(),
        }
    }
    w.finish().unwrap()
}

#[test]
fn round_trip_plain_gzip_zstd() {
    let Some(dir) = captures_dir() else { return };
    for path in all_captures(&dir) {
        let original = Reader::open(&path).unwrap();
        let meta = normalized(original.metadata());
        let (events, err) = events_of(original);
        assert!(err.is_none(), "{}: {err:?}", path.display());
        for c in [Compression::None, Compression::Gzip, Compression::Zstd] {
            let bytes = rewrite(&path, c);
            let back = ReaderBuilder::new().from_reader(Cursor::new(bytes)).unwrap();
            assert_eq!(back.compression(), c);
            assert_eq!(normalized(back.metadata()), meta, "{} {c:?}", path.display());
            let (again, err) = events_of(back);
            assert!(err.is_none(), "{} {c:?}: {err:?}", path.display());
            assert_eq!(again.len(), events.len(), "{} {c:?}", path.display());
            assert!(again == events, "{} {c:?}: events differ", path.display());
        }
    }
}

#[test]
fn concatenated_captures_start_a_new_section() {
    let Some(dir) = captures_dir() else { return };
    let a = std::fs::read(dir.join("extra/falco-cat_write.scap")).unwrap();
    let plain_a = {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::MultiGzDecoder::new(&a[..]), &mut v).unwrap();
        v
    };
    let b = std::fs::read(dir.join("extra/bencer-ex0-nginx.scap")).unwrap();
    let mut cat = plain_a.clone();
    cat.extend_from_slice(&b);
    let mut r = Reader::from_reader(Cursor::new(cat)).unwrap();
    let (mut events, mut sections) = (0, 0);
    let mut threads_after = 0;
    while let Some(rec) = r.next().unwrap() {
        match rec {
            Record::Event(_) => events += 1,
            Record::Section(m) => {
                sections += 1;
                threads_after = m.threads.len();
            }
        }
    }
    assert_eq!((events, sections, threads_after), (345 + 143, 1, 96));
}

/// sysdig 0.29.3 re-writing a capture whose interface list was v1 declares its
/// IL_V2 block 4 bytes per interface too short (and writes that in the trailer)
/// while writing every entry; it then cannot read its own file. sysray can.
#[test]
fn il_v2_block_mis_sized_by_sysdig_reads() {
    let Some(dir) = captures_dir() else { return };
    let bytes = rewrite(&dir.join("k8s-dns-troubleshooting.scap"), Compression::None);
    // SHB (28) + MI (192), then the IL_V2 block.
    let at = 28 + 192;
    let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
    assert_eq!(u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()), scap::block::IL_V2);
    let n_ifaces = 14;
    let wrong = (len - 4 * n_ifaces) as u32;
    let mut bad = bytes.clone();
    bad[at + 4..at + 8].copy_from_slice(&wrong.to_le_bytes());
    bad[at + len - 4..at + len].copy_from_slice(&wrong.to_le_bytes());
    let r = Reader::from_reader(Cursor::new(bad)).unwrap();
    assert_eq!(r.metadata().interfaces.len(), n_ifaces);
    let (evs, err) = events_of(r);
    assert!(err.is_none(), "{err:?}");
    assert_eq!(evs.len(), 146_038);
}
