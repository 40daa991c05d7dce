//! Fuzzes `-p` format strings and renders what compiles as text and JSON.
//! Run: `cargo +nightly fuzz run format -- -dict=filter.dict`.
#![no_main]

use filter::{Formatter, Record};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(f) = Formatter::new(text) {
        let mut ev = Record::new(3)
            .with("proc.name", "curl")
            .with("evt.num", 10u64)
            .with("evt.rawtime", 1_481_211_699_005_281_504u64)
            .with("fd.dev", -1i64);
        let mut out = Vec::new();
        let _ = f.write_text(&mut ev, &mut out);
        let _ = f.write_json(&mut ev, &mut out);
    }
});
