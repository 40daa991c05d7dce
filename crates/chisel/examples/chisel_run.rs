//! Runs chisels over a capture file with sysdig-style arguments, printing their
//! output: `cargo run -p chisel --example chisel_run -- -r FILE -c NAME [ARG] [FILTER]`.
//! Also `-cl` and `-i NAME`. A stand-in until the CLI wires `-c`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let search = chisel::SearchPath::from_env();
    let mut out = std::io::stdout().lock();
    if args.first().map(String::as_str) == Some("-cl") {
        chisel::list_chisels(&search, &mut out).expect("stdout");
        return;
    }
    if args.first().map(String::as_str) == Some("-i") {
        if let Err(e) = chisel::describe(&search, args.get(1).map_or("", String::as_str), &mut out)
        {
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
        return;
    }
    let r = common::run_args(&args, search);
    out.write_all(&r.stdout).expect("stdout");
    if let Some(e) = r.error {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
