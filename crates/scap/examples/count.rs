//! Counts the events of captures: `cargo run --example count -- FILE...`.

fn main() {
    for path in std::env::args().skip(1) {
        let mut r = match scap::Reader::open(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let threads = r.metadata().threads.len();
        let mut n = 0u64;
        let res = loop {
            match r.next_event() {
                Ok(Some(_)) => n += 1,
                Ok(None) => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        println!("{path}: {n} events, {threads} threads, {:?}", res.err().map(|e| e.to_string()));
    }
}
