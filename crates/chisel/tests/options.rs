//! Chisels under `-pc` (container columns) and `-j` (JSON tables), against
//! sysdig 0.29.3's output for the same command lines on the seed capture.

mod common;

use chisel::SearchPath;

fn fnv(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf29ce484222325u64, |h, &c| (h ^ u64::from(c)).wrapping_mul(0x100000001b3))
}

fn run(flag: &str, args: &[&str]) -> Option<Vec<u8>> {
    // SAFETY: every test of this binary sets the same value.
    unsafe { std::env::set_var("TZ", "UTC") };
    let seed = common::seed()?;
    let mut all = vec![flag.to_string(), "-r".into(), seed.display().to_string(), "-c".into()];
    all.extend(args.iter().map(|s| s.to_string()));
    let r = common::run_args(&all, SearchPath::embedded_only());
    assert_eq!(r.error, None);
    Some(r.stdout)
}

macro_rules! pc_ties {
    ($($test:ident: $name:literal;)*) => {$(
        #[test]
        fn $test() {
            let Some(out) = run("-pc", &[$name]) else { return };
            let want = include_bytes!(concat!("fixtures/sysdig-pc-", $name, ".out"));
            if let Err(e) = common::compare("ties", &out, want) {
                panic!("{e}\n{}", String::from_utf8_lossy(&out));
            }
        }
    )*};
}

pc_ties! {
    pc_topprocs_net: "topprocs_net";
    pc_topconns: "topconns";
    pc_topscalls: "topscalls";
    pc_topprocs_cpu: "topprocs_cpu";
    pc_topcontainers_cpu: "topcontainers_cpu";
}

macro_rules! pc_exact {
    ($($test:ident: [$($arg:expr),*] => $lines:expr, $hash:expr;)*) => {$(
        #[test]
        fn $test() {
            let Some(out) = run("-pc", &[$($arg),*]) else { return };
            let n = out.iter().filter(|&&c| c == b'\n').count();
            assert_eq!((n, fnv(&out)), ($lines, $hash), "{}", String::from_utf8_lossy(&out[..out.len().min(2000)]));
        }
    )*};
}

pc_exact! {
    pc_proc_exec_time: ["proc_exec_time"] => 130, 0xd29e8f123d655607;
    pc_spy_users: ["spy_users"] => 2, 0x6f064827927e5cae;
    pc_list_login_shells: ["list_login_shells"] => 4, 0x5d60aec4b52de4ce;
    pc_stderr: ["stderr"] => 1530, 0xd8cd0036e2c5c212;
    pc_topscalls_time: ["topscalls_time"] => 32, 0x68b7afcc9f590b88;
}

/// `-j`: the table is one JSON document; sysdig's object key order is random,
/// so documents are compared parsed, data rows as a set (ties), after checking
/// the layout of the first lines (dkjson's indentation).
#[test]
fn json_topconns() {
    let Some(out) = run("-j", &["topconns"]) else { return };
    let want = include_bytes!("fixtures/sysdig-j-topconns.out");
    let parse =
        |b: &[u8]| -> serde_json::Value { serde_json::from_slice(b).expect("one JSON document") };
    let (mut got, mut exp) = (parse(&out), parse(want));
    for v in [&mut got, &mut exp] {
        let rows = v["data"].as_array_mut().expect("data array");
        rows.sort_by_key(|r| r.to_string());
    }
    assert_eq!(got, exp);
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.starts_with("{\n  \"data\":[[\"tcp\",\"10.0.2.15:33718->10.0.2.15:4001\",73720],"),
        "{text}"
    );
    assert!(text.contains("\n  \"info\":[{\n      \"desc\":\"Proto\",\n"), "{text}");
    assert!(text.ends_with("\n  \"ts\":\"1481211711000000000\"\n}\n"), "{text}");
}
