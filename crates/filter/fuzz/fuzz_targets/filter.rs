//! Fuzzes the filter parser and compiler, then evaluates what compiles on a few
//! synthetic events. Run: `cargo +nightly fuzz run filter -- -dict=filter.dict`.
#![no_main]

use filter::{Filter, Record};
use libfuzzer_sys::fuzz_target;

fn events() -> [Record; 3] {
    [
        Record::new(3)
            .with("proc.name", "curl")
            .with("fd.name", "/etc/resolv.conf")
            .with("evt.num", 10u64)
            .with("evt.rawres", -11i64)
            .with("evt.failed", true)
            .with("proc.aname", "bash"),
        Record::new(7).with("evt.buffer", "GET / HTTP/1.1\r\n").with("fd.port", 53u64),
        Record::new(0),
    ]
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(f) = Filter::compile(text) {
        let _ = f.event_types();
        let _ = f.fields();
        for mut ev in events() {
            let _ = f.matches(&mut ev);
        }
    }
});
