//! Feeds arbitrary bytes to the capture reader: it must return errors, never panic,
//! and every event it yields must be self-consistent.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let builder = scap::ReaderBuilder::new();
    let Ok(mut r) = builder.clone().prefetch(false).from_reader(std::io::Cursor::new(data.to_vec()))
    else {
        return;
    };
    while let Ok(Some(rec)) = r.next() {
        if let scap::Record::Event(ev) = rec {
            let n = ev.params().count();
            assert_eq!(n as u32, ev.nparams());
            let mut v2 = Vec::new();
            ev.encode_v2(&mut v2);
            let back = scap::Event::from_v2(&v2, ev.cpuid(), ev.dump_flags()).expect("re-encoded event");
            assert!(back.params().eq(ev.params()));
        }
    }
});
