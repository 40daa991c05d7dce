use super::*;
use crate::source::Record;
use scap::table::ids_named;

fn compile(src: &str) -> Filter {
    Filter::compile(src).unwrap_or_else(|e| panic!("{src}: {e}"))
}

fn err(src: &str) -> ErrorKind {
    Filter::compile(src).expect_err(src).kind
}

fn set_of(name: &str) -> EventTypeSet {
    let mut s = EventTypeSet::empty();
    ids_named(name).for_each(|id| s.insert(id));
    s
}

const OPEN_X: u16 = ids::SYSCALL_OPEN_X;
const READ_X: u16 = ids::SYSCALL_READ_X;

#[test]
fn event_types_of_type_checks() {
    // Generic events carry a syscall name, and an old driver may report any syscall
    // that way, so they stay possible for every name a syscall has.
    let mut generic = EventTypeSet::empty();
    generic.insert(ids::GENERIC_E);
    generic.insert(ids::GENERIC_X);
    let open = set_of("open");
    assert_eq!(compile("evt.type=open").event_types(), open.union(&generic));
    assert_eq!(compile("not evt.type=open").event_types(), open.complement());
    let ne: Vec<u16> = compile("evt.type!=open").event_types().iter().collect();
    assert_eq!(ne, open.complement().iter().collect::<Vec<_>>());
    assert_eq!(
        compile("evt.type in (open, read)").event_types(),
        open.union(&set_of("read")).union(&generic)
    );
    assert_eq!(compile("evt.type=procexit").event_types(), set_of("procexit"));
    assert_eq!(compile("evt.type=open and proc.name=curl").event_types(), open.union(&generic));
    assert!(compile("evt.type=open or proc.name=curl").event_types().is_all());
    let exits = compile("evt.type=open and evt.dir=<").event_types();
    assert!(exits.contains(OPEN_X) && !exits.contains(ids::SYSCALL_OPEN_E));
    // Generic events carry syscall names: getsockname is one of them.
    let g = compile("evt.type=getsockname").event_types();
    assert!(g.contains(ids::GENERIC_X));
}

#[test]
fn event_types_of_field_presence() {
    let fd = compile("fd.name contains /etc").event_types();
    assert!(fd.contains(OPEN_X) && fd.contains(READ_X));
    assert!(!fd.contains(ids::SYSCALL_BRK_4_X));
    let buf = compile("evt.buffer contains HTTP").event_types();
    assert!(buf.contains(READ_X) && !buf.contains(ids::SYSCALL_READ_E));
    assert!(!compile("evt.arg.fd=3").event_types().contains(READ_X));
    assert!(compile("evt.arg.fd=3").event_types().contains(ids::SYSCALL_READ_E));
    assert!(compile("not fd.name exists").event_types().is_all());
    assert!(compile("len(fd.name) = 0").event_types().is_all());
    assert!(compile("proc.name=curl").event_types().is_all());
}

#[test]
fn evaluation_on_records() {
    let f = compile("proc.name=curl and fd.name startswith /etc");
    let mut hit = Record::new(OPEN_X).with("proc.name", "curl").with("fd.name", "/etc/hosts");
    let mut miss = Record::new(OPEN_X).with("proc.name", "curl").with("fd.name", "/var/x");
    let mut absent = Record::new(OPEN_X).with("proc.name", "curl");
    assert!(f.matches(&mut hit));
    assert!(!f.matches(&mut miss));
    assert!(!f.matches(&mut absent));
    // A check on an absent field is false for every operator, `not` makes it true.
    assert!(!compile("fd.name != /x").matches(&mut absent));
    assert!(compile("not fd.name = /x").matches(&mut absent));
    assert!(!compile("fd.name exists").matches(&mut absent));
    assert!(compile("not fd.name exists").matches(&mut absent));
    // The type test rejects before extraction.
    let mut wrong_type = Record::new(ids::SYSCALL_BRK_4_X).with("fd.name", "/etc/hosts");
    assert!(!compile("fd.name=/etc/hosts").matches(&mut wrong_type));
    assert!(compile("").matches(&mut wrong_type));
}

#[test]
fn not_not_is_identity() {
    let mut curl = Record::new(OPEN_X).with("proc.name", "curl");
    assert!(compile("not not proc.name=curl").matches(&mut curl));
    assert!(!compile("not proc.name=curl").matches(&mut curl));
}

#[test]
fn endpoint_fields_match_either_side() {
    let mut sock = Record::new(READ_X)
        .with("fd.ip", OwnedIp("10.0.2.15"))
        .with("fd.ip", OwnedIp("172.17.0.7"))
        .with("fd.port", 53u64)
        .with("fd.port", 46162u64)
        .with("fd.net", OwnedIp("10.0.2.15"))
        .with("fd.net", OwnedIp("172.17.0.7"));
    assert!(compile("fd.ip=172.17.0.7").matches(&mut sock));
    assert!(compile("fd.ip=10.0.2.15").matches(&mut sock));
    assert!(!compile("fd.ip!=10.0.2.15").matches(&mut sock), "!= needs both to differ");
    assert!(compile("fd.ip!=8.8.8.8").matches(&mut sock));
    assert!(compile("fd.port=53").matches(&mut sock));
    assert!(!compile("fd.port>50000").matches(&mut sock));
    assert!(compile("fd.port>40000").matches(&mut sock));
    assert!(!compile("fd.port!=53").matches(&mut sock));
    assert!(compile("fd.net=172.16.0.0/12").matches(&mut sock));
    assert!(!compile("fd.net!=172.16.0.0/12").matches(&mut sock));
    assert!(!compile("fd.ip=::1").matches(&mut sock));
}

struct OwnedIp(&'static str);
impl From<OwnedIp> for crate::source::OwnedValue {
    fn from(v: OwnedIp) -> Self {
        crate::source::OwnedValue::Ip(v.0.parse().unwrap())
    }
}

#[test]
fn ancestors_match_any() {
    let mut r =
        Record::new(OPEN_X).with("proc.aname", "containerd-shim").with("proc.aname", "bash");
    assert!(compile("proc.aname=bash").matches(&mut r));
    assert!(compile("proc.aname contains containerd").matches(&mut r));
    assert!(!compile("proc.aname=zsh").matches(&mut r));
}

#[test]
fn field_to_field_comparisons() {
    let mut r = Record::new(OPEN_X)
        .with("proc.name", "bash")
        .with("proc.pname", "bash")
        .with("fd.sport", 8080u64)
        .with("fd.cport", 47418u64);
    assert!(compile("proc.name = val(proc.pname)").matches(&mut r));
    assert!(!compile("proc.name != val(proc.pname)").matches(&mut r));
    assert!(compile("fd.sport < val(fd.cport)").matches(&mut r));
    assert!(compile("toupper(proc.name) = toupper(val(proc.pname))").matches(&mut r));
    assert!(!compile("proc.name = val(proc.exe)").matches(&mut r), "absent right side");
    assert!(matches!(err("proc.name = val(evt.num)"), ErrorKind::BadFieldComparison(_)));
    assert!(matches!(err("proc.name pmatch (val(proc.pname))"), ErrorKind::Unexpected { .. }));
    assert!(matches!(err("fd.ip = val(fd.cip)"), ErrorKind::BadFieldComparison(_)));
    assert!(matches!(err("proc.name regex val(proc.pname)"), ErrorKind::BadFieldComparison(_)));
}

#[test]
fn transformers_in_filters() {
    let mut r = Record::new(OPEN_X).with("proc.name", "CURL").with("fd.name", "/etc/resolv.conf");
    assert!(compile("tolower(proc.name)=curl").matches(&mut r));
    assert!(compile("basename(fd.name)=resolv.conf").matches(&mut r));
    assert!(compile("len(fd.name)=16").matches(&mut r));
    assert!(compile("len(proc.exe)=0").matches(&mut r));
    assert!(compile("len(tolower(proc.name)) > 3").matches(&mut r));
}

#[test]
fn compile_time_type_errors() {
    for src in [
        "evt.num contains 1",
        "evt.buffer glob x",
        "evt.buffer < x",
        "fd.ip > 1.1.1.1",
        "fd.port contains 1",
        "evt.failed < true",
        "evt.num pmatch (1,2)",
        "proc.name bcontains 00",
        "evt.around[1481211699529755396] > 1",
    ] {
        assert!(matches!(err(src), ErrorKind::OperatorNotSupported { .. }), "{src}");
    }
    for src in [
        "evt.num=abc",
        "evt.num>",
        "evt.failed=yes",
        "fd.ip=1.2.3",
        "fd.net=10.0.0.0",
        "fd.net=10.0.0.0/33",
        "fd.port=foo",
        "evt.cpu=65537",
        "evt.num=-1",
        "proc.name regex '('",
        "evt.buffer bcontains xyz1",
    ] {
        assert!(matches!(err(src), ErrorKind::InvalidValue { .. }), "{src}");
    }
    assert_eq!(err("evt.type=foo"), ErrorKind::UnknownEventType("foo".into()));
    assert_eq!(err("evt.type in (open, foo)"), ErrorKind::UnknownEventType("foo".into()));
    assert!(Filter::compile("evt.type in (getsockname)").is_ok());
    assert!(matches!(err("proc.nam=curl"), ErrorKind::UnknownField(_)));
    assert!(matches!(err("NOT proc.name=curl"), ErrorKind::Unexpected { .. }));
    assert!(matches!(err("notproc.name=curl"), ErrorKind::UnknownField(_)));
    assert!(matches!(err("k8s.pod.label=x"), ErrorKind::BadArgument { .. }));
}

#[test]
fn around_window() {
    let f = compile("evt.around[1000000000]=1");
    let mut inside = Record::new(OPEN_X).with("evt.around[1000000000]", 1_000_900_000u64);
    let mut outside = Record::new(OPEN_X).with("evt.around[1000000000]", 1_001_000_001u64);
    assert!(f.matches(&mut inside));
    assert!(!f.matches(&mut outside));
}

#[test]
fn fields_lists_what_is_read() {
    let f = compile("proc.name=curl and (fd.name exists or proc.name = val(proc.pname))");
    let names: Vec<&str> = f.fields().iter().map(|f| &*f.text).collect();
    assert_eq!(names, ["proc.name", "fd.name", "proc.name", "proc.pname"]);
}
