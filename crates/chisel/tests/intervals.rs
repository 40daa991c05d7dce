//! Interval callbacks (chisel-api.md 3.4) on the seed capture, with the times
//! sysdig 0.29.3 produces, and the live wall-clock hook.

mod common;

use chisel::{ChiselDir, ChiselRunner, RunOptions, SearchPath};

fn chisel_dir(tag: &str, body: &str) -> (std::path::PathBuf, SearchPath) {
    let dir = std::env::temp_dir().join(format!("sysray-intervals-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("ticks.lua"), body).unwrap();
    let sp =
        SearchPath::new(vec![ChiselDir::AsGiven, ChiselDir::Fs(dir.clone()), ChiselDir::Embedded]);
    (dir, sp)
}

const TICKS: &str = r#"
args = {{name = "how", description = "s2, ns1500, precise3", argtype = "string"}}
function on_set_arg(n, v) how = v return true end
function on_init()
    if how == "s2" then chisel.set_interval_s(2)
    elseif how == "ns1500" then chisel.set_interval_ns(1500000000)
    else chisel.set_precise_interval_ns(3000000000) end
    return true
end
function on_interval(s, ns, delta) print(string.format("%d.%09d %d", s, ns, delta)) return true end
"#;

fn ticks(how: &str, filter: Option<&str>) -> Option<Vec<String>> {
    let seed = common::seed()?;
    let (dir, sp) = chisel_dir(how, TICKS);
    let mut args =
        vec!["-r".to_string(), seed.display().to_string(), "-c".into(), "ticks".into(), how.into()];
    args.extend(filter.map(str::to_string));
    let r = common::run_args(&args, sp);
    std::fs::remove_dir_all(dir).unwrap();
    assert_eq!(r.error, None);
    Some(String::from_utf8_lossy(&r.stdout).lines().map(str::to_string).collect())
}

#[test]
fn aligned_seconds_follow_event_time() {
    for filter in [None, Some("proc.name=curl")] {
        let Some(t) = ticks("s2", filter) else { return };
        assert_eq!(t[0], "1481211700.051496569 0", "{filter:?}");
        assert_eq!(t[1], "1481211702.016277617 1964781048", "{filter:?}");
        assert!(t[2].starts_with("1481211704.000122131 "), "{filter:?}");
    }
}

#[test]
fn aligned_nanoseconds() {
    let Some(t) = ticks("ns1500", None) else { return };
    assert_eq!(t[0], "1481211699.005281504 0");
}

#[test]
fn precise_intervals_report_their_start() {
    let Some(t) = ticks("precise3", None) else { return };
    assert_eq!(
        t,
        [
            "1481211698.271980141 3000000000",
            "1481211701.271980141 3000000000",
            "1481211704.271980141 3000000000",
            "1481211707.271980141 3000000000",
        ]
    );
}

/// Live: the CLI feeds the wall clock when no event arrives; the first tick only
/// starts the clock, later ones call `on_interval` once per elapsed slot.
#[test]
fn live_ticks_drive_intervals() {
    let (dir, sp) = chisel_dir("live", TICKS);
    let buf = common::Buf::default();
    let opts = RunOptions { live: true, ..RunOptions::default() };
    let mut runner = ChiselRunner::new(sp, opts, Box::new(buf.clone()));
    runner.add_with_args("ticks", "s2").unwrap();
    runner.init(None).unwrap();
    let engine = engine::Engine::new();
    runner.on_capture_start(&engine).unwrap();
    for now in [10_500_000_000u64, 11_000_000_000, 12_100_000_000, 13_000_000_000, 14_000_000_001] {
        runner.on_tick(&engine, now).unwrap();
    }
    runner.on_capture_end(&engine).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&buf.0.borrow()),
        "12.100000000 0\n14.000000001 1900000001\n"
    );
}
