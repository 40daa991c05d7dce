use super::*;
use crate::source::Record;

fn line(f: &Formatter, r: &mut Record, json: bool) -> Option<String> {
    let mut out = Vec::new();
    let ok = if json { f.write_json(r, &mut out) } else { f.write_text(r, &mut out) };
    ok.then(|| String::from_utf8(out).unwrap())
}

fn curl() -> Record {
    Record::new(3)
        .with("evt.num", 8643u64)
        .with("evt.rawtime", 1_481_211_699_529_755_396u64)
        .with("evt.time", "15:41:39.529755396")
        .with("evt.reltime", 1_257_770_667u64)
        .with("evt.latency", 3_038_713u64)
        .with("evt.cpu", 0i64)
        .with("proc.name", "curl")
        .with("thread.tid", 22369i64)
        .with("evt.dir", "<")
        .with("evt.type", "execve")
        .with("evt.info", "res=0 ")
        .with("fd.dev", 0x5583i64)
}

#[test]
fn default_preset_text() {
    let f = Formatter::preset(Preset::Default { tty: false });
    assert_eq!(
        line(&f, &mut curl(), false).unwrap(),
        "8643 15:41:39.529755396 0 curl (22369) < execve res=0 \n"
    );
    let mut missing = Record::new(3).with("evt.num", 29u64);
    assert_eq!(line(&f, &mut missing, false).unwrap(), "29 <NA> <NA> <NA> (<NA>) <NA> <NA> <NA>\n");
}

#[test]
fn absent_fields_suppress_the_line_without_star() {
    let f = Formatter::new("%evt.num %fd.name").unwrap();
    let mut out = b"keep".to_vec();
    assert!(!f.write_text(&mut curl(), &mut out));
    assert_eq!(out, b"keep");
    let f = Formatter::new("*%evt.num %fd.name").unwrap();
    assert_eq!(line(&f, &mut curl(), false).unwrap(), "8643 <NA>\n");
}

#[test]
fn time_modes() {
    let f = |m| Formatter::new("%evt.outputtime").unwrap().with_time_mode(m);
    assert_eq!(line(&f(TimeMode::Human), &mut curl(), false).unwrap(), "15:41:39.529755396\n");
    assert_eq!(line(&f(TimeMode::Absolute), &mut curl(), false).unwrap(), "1481211699.529755396\n");
    assert_eq!(line(&f(TimeMode::Relative), &mut curl(), false).unwrap(), "1.257770667\n");
    assert_eq!(line(&f(TimeMode::Latency), &mut curl(), false).unwrap(), "0.003038713\n");
    let d = f(TimeMode::Delta);
    assert_eq!(line(&d, &mut curl(), false).unwrap(), "0.000000000\n");
    let mut later = Record::new(3).with("evt.rawtime", 1_481_211_699_529_756_906u64);
    assert_eq!(line(&d, &mut later, false).unwrap(), "0.000001510\n");
    // Nanoseconds are padded in -t a (sysdig dropped the leading zeros).
    let mut early = Record::new(3).with("evt.rawtime", 1_481_211_699_005_281_504u64);
    assert_eq!(line(&f(TimeMode::Absolute), &mut early, false).unwrap(), "1481211699.005281504\n");
}

#[test]
fn json_keys_sorted_and_typed() {
    let f = Formatter::preset(Preset::Default { tty: false });
    assert_eq!(
        line(&f, &mut curl(), true).unwrap(),
        concat!(
            r#"{"evt.cpu":0,"evt.dir":"<","evt.info":"res=0 ","evt.num":8643,"#,
            r#""evt.outputtime":1481211699529755396,"evt.type":"execve","proc.name":"curl","thread.tid":22369}"#,
            "\n"
        )
    );
    let f = Formatter::new("*%evt.num %fd.cip %fd.dev %evt.num %evt.time %evt.latency").unwrap();
    assert_eq!(
        line(&f, &mut curl(), true).unwrap(),
        "{\"evt.latency\":3038713,\"evt.num\":8643,\"evt.time\":1481211699529755396,\"fd.cip\":null,\"fd.dev\":\"5583\"}\n"
    );
    let f = Formatter::new("%evt.num %fd.cip").unwrap();
    assert_eq!(line(&f, &mut curl(), true), None);
    let f = Formatter::new("no fields").unwrap();
    assert_eq!(line(&f, &mut curl(), true).unwrap(), "null\n");
    let f = Formatter::new("%12proc.name").unwrap();
    assert_eq!(line(&f, &mut curl(), true).unwrap(), "{\"proc.name\":\"curl\"}\n");
}

#[test]
fn presets_and_escapes() {
    assert_eq!(Preset::from_flag("c"), Some(Preset::Container));
    assert_eq!(Preset::from_flag("kubernetes"), Some(Preset::Kubernetes));
    assert_eq!(Preset::from_flag("%evt.num"), None);
    for p in [Preset::Default { tty: true }, Preset::Container, Preset::Kubernetes, Preset::Mesos] {
        let f = Formatter::preset(p);
        assert_eq!(f.has_escape(), matches!(p, Preset::Default { tty: true }));
    }
    let f = Formatter::new(r"%proc.name\t%evt.num\n").unwrap();
    assert_eq!(line(&f, &mut curl(), false).unwrap(), "curl\t8643\n\n");
}

#[test]
fn transformers_in_formats() {
    let f = Formatter::new("%toupper(proc.name) %len(proc.name)").unwrap();
    assert_eq!(line(&f, &mut curl(), false).unwrap(), "CURL 4\n");
    assert_eq!(
        line(&f, &mut curl(), true).unwrap(),
        "{\"len(proc.name)\":4,\"toupper(proc.name)\":\"CURL\"}\n"
    );
}

#[test]
fn literal_text_of_any_length_around_fields() {
    let long = "a literal longer than the thirty-two bytes kept inline: ";
    let f = Formatter::new(&format!("{long}%evt.num{long}%proc.name\\e[00m|{long}")).unwrap();
    assert_eq!(
        line(&f, &mut curl(), false).unwrap(),
        format!("{long}8643{long}curl\x1b[00m|{long}\n")
    );
    let f = Formatter::new("%evt.num%proc.name").unwrap();
    assert_eq!(line(&f, &mut curl(), false).unwrap(), "8643curl\n");
}
