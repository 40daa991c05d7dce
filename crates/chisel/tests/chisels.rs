//! One test (at least) per sysray chisel on the seed capture, for the chisels
//! the conformance cases do not cover (those are in `conformance.rs`).
//!
//! Expected outputs are those of sysdig 0.29.3 (`TZ=UTC sysdig -r
//! k8s-dns-troubleshooting.scap -c NAME ARGS`), kept as line count and FNV-1a
//! hash of the bytes, or as a file under `tests/fixtures/` for top-N tables
//! (compared with the `ties` rule). Where sysray diverges on purpose the test
//! says how and checks what must still agree.

mod common;

use chisel::SearchPath;

fn fnv(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf29ce484222325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x100000001b3))
}

fn tz() {
    // SAFETY: every test sets the same value; the C library reads TZ per call.
    unsafe { std::env::set_var("TZ", "UTC") };
}

/// Runs `-r seed -c ARGS...` and returns stdout and the error line.
fn run(args: &[&str]) -> Option<common::RunResult> {
    tz();
    let seed = common::seed()?;
    let mut all = vec!["-r".to_string(), seed.display().to_string(), "-c".to_string()];
    all.extend(args.iter().map(|s| s.to_string()));
    Some(common::run_args(&all, SearchPath::embedded_only()))
}

fn count_lines(b: &[u8]) -> usize {
    b.iter().filter(|&&c| c == b'\n').count()
}

macro_rules! same_as_sysdig {
    ($($test:ident: [$($arg:expr),*] => $lines:expr, $hash:expr;)*) => {$(
        #[test]
        fn $test() {
            let Some(r) = run(&[$($arg),*]) else { return };
            assert_eq!(r.error, None);
            let out = String::from_utf8_lossy(&r.stdout);
            assert_eq!(count_lines(&r.stdout), $lines, "{}", out.chars().take(2000).collect::<String>());
            assert_eq!(fnv(&r.stdout), $hash, "{}", out.chars().take(2000).collect::<String>());
        }
    )*};
}

same_as_sysdig! {
    chisel_around: ["around", "/tmp/sysray-around.scap 100", "proc.name=curl and evt.type=connect"] => 18, 0xdce2d08d7bea5486;
    chisel_bottlenecks: ["bottlenecks"] => 20, 0xd66ffb384807a281;
    chisel_fdtime_by: ["fdtime_by", "proc.name"] => 12, 0x68a5c5608f0bb44c;
    chisel_fileslower: ["fileslower", "1"] => 3, 0xce37ad282494362d;
    chisel_httplog: ["httplog"] => 290, 0xbad4d913977478f1;
    chisel_iobytes: ["iobytes"] => 13, 0xd63b9249d0674157;
    chisel_iobytes_file: ["iobytes_file"] => 13, 0x7837d5eeb01fc3e8;
    chisel_memcachelog: ["memcachelog"] => 0, 0xcbf29ce484222325;
    chisel_netlower: ["netlower", "1"] => 6, 0x8cd3f217d6c72a99;
    chisel_scallslower: ["scallslower", "1000"] => 205, 0x0f2159ccec1e8d85;
    chisel_spy_file: ["spy_file"] => 27369, 0x8502fb9f2412d98e;
    chisel_spy_logs: ["spy_logs"] => 1220, 0x4698645364930f31;
    chisel_spy_syslog: ["spy_syslog"] => 0, 0xcbf29ce484222325;
    chisel_stderr: ["stderr"] => 1530, 0x33b6b11ed3fa54c0;
    chisel_stdin: ["stdin"] => 542, 0x70220a141b2f6ec0;
    chisel_topcontainers_error: ["topcontainers_error"] => 13, 0x49212ca650c43651;
    chisel_topcontainers_net: ["topcontainers_net"] => 13, 0xb68730715c142bd7;
    chisel_topfiles_time: ["topfiles_time"] => 12, 0xdb4e7d58a81975b4;
    chisel_topports_server: ["topports_server"] => 9, 0x762d2fe90650d0d8;
    chisel_tracers_2_statsd: ["tracers_2_statsd"] => 0, 0xcbf29ce484222325;
}

/// Top-N tables whose equal rows sysdig orders at random: compared by the
/// conformance `ties` rule with sysdig's output.
macro_rules! ties_with_sysdig {
    ($($test:ident: [$($arg:expr),*] => $fixture:literal;)*) => {$(
        #[test]
        fn $test() {
            let Some(r) = run(&[$($arg),*]) else { return };
            assert_eq!(r.error, None);
            let want = include_bytes!(concat!("fixtures/", $fixture));
            if let Err(e) = common::compare("ties", &r.stdout, want) {
                panic!("{e}\n{}", String::from_utf8_lossy(&r.stdout));
            }
        }
    )*};
}

ties_with_sysdig! {
    chisel_topprocs_file: ["topprocs_file"] => "sysdig-topprocs_file.out";
    chisel_httptop: ["httptop"] => "sysdig-httptop.out";
}

fn without_headers(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in b.split_inclusive(|&c| c == b'\n') {
        if !(l.starts_with(b"\x1b[31m------ ") || l.starts_with(b"\x1b[34m------ ")) {
            out.extend_from_slice(l);
        }
    }
    out
}

/// spy_ip / spy_port: sysdig prints a stale header before every data block and
/// names writes "Read" in spy_ip; sysray prints one correct header per
/// direction change. The data lines are sysdig's exactly.
#[test]
fn chisel_spy_ip() {
    let Some(r) = run(&["spy_ip", "10.0.2.15"]) else { return };
    assert_eq!(r.error, None);
    let data = without_headers(&r.stdout);
    assert_eq!((count_lines(&data), fnv(&data)), (569, 0x842a7e799ccb1309));
    let text = String::from_utf8_lossy(&r.stdout);
    assert!(text.starts_with("\x1b[34m------ Write 159B\n"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("\x1b[31m------ Read "));
}

#[test]
fn chisel_spy_port() {
    let Some(r) = run(&["spy_port", "53"]) else { return };
    assert_eq!(r.error, None);
    let data = without_headers(&r.stdout);
    assert_eq!((count_lines(&data), fnv(&data)), (38, 0x6337f7a5856660c9));
    let text = String::from_utf8_lossy(&r.stdout);
    assert!(text.starts_with("\x1b[31m------ Read 87B\n"), "{}", &text[..80.min(text.len())]);
    assert_eq!(text.matches("------ ").count(), count_lines(&r.stdout) - 38);
}

/// The terminal chisels refuse to run without a terminal, as sysdig's do.
#[test]
fn chisel_spectrogram_and_subsecoffset_need_a_terminal() {
    for name in ["spectrogram", "subsecoffset"] {
        let Some(r) = run(&[name]) else { return };
        assert_eq!(r.stdout, b"This chisel only works on ANSI terminals. Aborting.\n", "{name}");
        assert_eq!(r.error.as_deref(), Some(format!("init() for chisel {name} failed.").as_str()));
    }
}

/// shellshock_detect: sysdig 0.29.3 rejects the chisel's own filter (it mixes
/// `and` and `or`); sysray's chisel brackets it and runs. No attack on the seed.
#[test]
fn chisel_shellshock_detect() {
    let Some(r) = run(&["shellshock_detect"]) else { return };
    assert_eq!(r.error, None);
    assert_eq!(
        String::from_utf8_lossy(&r.stdout),
        "TIME                  PROCNAME              PID     FUNCTION\n"
    );
}
