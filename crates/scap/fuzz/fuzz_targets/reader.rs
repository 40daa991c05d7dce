//! Feeds arbitrary bytes to the capture reader: it must return errors, never panic,
//! and every event it yields must be self-consistent. Every input is read twice,
//! on the caller's thread and through the reading thread: both must yield the
//! same records and end with the same error at the same offset.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// What a read yields: per record, its event bytes (empty for a new section);
/// then the error and its offset, if any.
fn read(data: &[u8], framed: bool) -> (Vec<Vec<u8>>, Option<(u64, String)>) {
    let mut seen = Vec::new();
    let mut r = match scap::ReaderBuilder::new()
        .prefetch(framed)
        .from_reader(std::io::Cursor::new(data.to_vec()))
    {
        Ok(r) => r,
        Err(e) => return (seen, Some((e.offset, e.to_string()))),
    };
    loop {
        match r.next() {
            Ok(None) => return (seen, None),
            Err(e) => return (seen, Some((e.offset, e.to_string()))),
            Ok(Some(scap::Record::Section(_))) => seen.push(Vec::new()),
            Ok(Some(scap::Record::Event(ev))) => {
                let n = ev.params().count();
                assert_eq!(n as u32, ev.nparams());
                let mut v2 = Vec::new();
                ev.encode_v2(&mut v2);
                let back = scap::Event::from_v2(&v2, ev.cpuid(), ev.dump_flags())
                    .expect("re-encoded event");
                assert!(back.params().eq(ev.params()));
                seen.push(v2);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    assert_eq!(read(data, false), read(data, true), "the two read paths differ");
});
