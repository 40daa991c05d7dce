//! The error lines of chisel-api.md 3.8, each from a small chisel that triggers
//! it, and what still runs afterwards.

mod common;

use chisel::{ChiselDir, ChiselRunner, RunOptions, SearchPath};

struct Dir(std::path::PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn setup(tag: &str, files: &[(&str, &str)]) -> (Dir, SearchPath) {
    let dir =
        std::env::temp_dir().join(format!("sysray-chisel-errors-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in files {
        std::fs::write(dir.join(format!("{name}.lua")), body).unwrap();
    }
    let sp =
        SearchPath::new(vec![ChiselDir::AsGiven, ChiselDir::Fs(dir.clone()), ChiselDir::Embedded]);
    (Dir(dir), sp)
}

fn runner(sp: SearchPath) -> (common::Buf, ChiselRunner) {
    let buf = common::Buf::default();
    let r = ChiselRunner::new(sp, RunOptions::default(), Box::new(buf.clone()));
    (buf, r)
}

#[test]
fn load_errors() {
    let (_d, sp) = setup("load", &[("syntax", "args = {}\nfunction (\n"), ("noargs", "x = 1\n")]);
    let (_, mut r) = runner(sp);
    let e = r.add_with_args("syntax", "").unwrap_err().to_string();
    assert!(e.starts_with("Failed to load chisel syntax: [string \"args = {}...\"]:2:"), "{e}");
    let e = r.add_with_args("noargs", "").unwrap_err().to_string();
    assert_eq!(e, "Failed to load chisel noargs: args table missing");
}

#[test]
fn set_arg_errors() {
    let (_d, sp) = setup(
        "setarg",
        &[
            ("noset", "args = {{name = 'a'}}\n"),
            ("badret", "args = {{name = 'a'}}\nfunction on_set_arg() return 1 end\n"),
            ("refuse", "args = {{name = 'a'}}\nfunction on_set_arg() return false end\n"),
        ],
    );
    let (_, mut r) = runner(sp);
    assert_eq!(
        r.add_with_args("noset", "x").unwrap_err().to_string(),
        "chisel noset misses a set_arg() function."
    );
    assert_eq!(
        r.add_with_args("badret", "x").unwrap_err().to_string(),
        "badret chisel error: wrong set_arg() return value."
    );
    assert_eq!(
        r.add_with_args("refuse", "x").unwrap_err().to_string(),
        "set_arg() for chisel refuse failed."
    );
}

#[test]
fn init_errors_and_capture_end_still_runs() {
    let (_d, sp) = setup(
        "init",
        &[
            (
                "badfield",
                "args = {}\nfunction on_init() chisel.request_field('fd.nosuch') return true end\nfunction on_capture_end() print('end ran') end\n",
            ),
            (
                "badfilter",
                "args = {}\nfunction on_init() chisel.set_filter('proc.nme=x') return true end\n",
            ),
            ("noret", "args = {}\nfunction on_init() end\n"),
        ],
    );
    let (buf, mut r) = runner(sp.clone());
    r.add_with_args("badfield", "").unwrap();
    let e = r.init(None).unwrap_err().to_string();
    assert_eq!(e, "badfield: error in init(): chisel requesting nonexistent field fd.nosuch");
    r.on_capture_end(&engine::Engine::new()).unwrap();
    assert_eq!(&*buf.0.borrow(), b"end ran\n");

    let (_, mut r) = runner(sp.clone());
    r.add_with_args("badfilter", "").unwrap();
    let e = r.init(None).unwrap_err().to_string();
    assert!(
        e.starts_with("badfilter: error in init(): invalid filter in chisel badfilter: "),
        "{e}"
    );

    let (_, mut r) = runner(sp);
    r.add_with_args("noret", "").unwrap();
    assert_eq!(
        r.init(None).unwrap_err().to_string(),
        "noret chisel error: wrong init() return value."
    );
}

#[test]
fn runtime_errors_on_the_seed() {
    let (_d, sp) = setup(
        "runtime",
        &[
            ("boom", "args = {}\nfunction on_event() error('boom') end\n"),
            (
                "stop",
                "args = {}\nfunction on_init() chisel.set_interval_s(1) return true end\nfunction on_interval() return false end\n",
            ),
            (
                "nointerval",
                "args = {}\nfunction on_init() chisel.set_interval_s(1) return true end\n",
            ),
            ("quit", "args = {}\nfunction on_event() print('bye') os.exit(3) end\n"),
            (
                "ender",
                "args = {}\nn = 0\nfunction on_init() f = chisel.request_field('evt.num') return true end\nfunction on_event() n = n + 1 sysdig.end_capture() return true end\nfunction on_capture_end() print(n, evt.field(f), evt.field(nil)) end\n",
            ),
        ],
    );
    let Some(seed) = common::seed() else { return };
    let run = |name: &str| {
        let args = vec!["-r".to_string(), seed.display().to_string(), "-c".into(), name.into()];
        common::run_args(&args, sp.clone())
    };
    let r = run("boom");
    assert!(
        r.error
            .as_deref()
            .unwrap()
            .starts_with("boom chisel error: [string \"args = {}...\"]:2: boom"),
        "{:?}",
        r.error
    );
    assert_eq!(run("stop").error.as_deref(), Some("execution terminated by the stop chisel"));
    assert_eq!(
        run("nointerval").error.as_deref(),
        Some("nointerval chisel error: calling on_interval() failed:attempt to call a nil value")
    );
    let r = run("quit");
    assert_eq!((r.stdout.as_slice(), r.error.as_deref()), (&b"bye\n"[..], Some("exit 3")));
    let r = run("ender");
    // evt.field in on_capture_end reads the last delivered event (evt.num 21,
    // the first after the leading container events); a nil handle gives nil.
    assert_eq!((String::from_utf8_lossy(&r.stdout).as_ref(), r.error), ("1\t21\tnil\n", None));
}

#[test]
fn global_filter_can_be_set_once() {
    let (_d, sp) = setup(
        "global",
        &[(
            "setter",
            "args = {}\nfunction on_init() sysdig.set_filter('proc.name=curl') return true end\n",
        )],
    );
    let (_, mut r) = runner(sp.clone());
    r.add_with_args("setter", "").unwrap();
    r.init(None).unwrap();
    assert_eq!(r.capture_filter().as_deref(), Some("proc.name=curl"));
    let (_, mut r) = runner(sp);
    r.add_with_args("setter", "").unwrap();
    let e = r.init(Some("proc.name=nginx")).unwrap_err().to_string();
    assert_eq!(
        e,
        "setter: error in init(): invalid filter in chisel setter: filter can only be set once"
    );
}
