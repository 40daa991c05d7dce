use scap::table::ids::*;

use crate::testutil::{Harness, Val, ev, pl_thread};

fn host() -> Harness {
    let mut meta = scap::Metadata::default();
    let mut t = pl_thread(100, 100, "cat");
    t.cwd = b"/home/u".to_vec();
    meta.threads.push(t);
    Harness::new(&meta)
}

#[test]
fn open_uses_cwd_and_enter_name() {
    // Example 53: the exit's own name is used when the enter has none.
    let mut h = host();
    h.run(ev(SYSCALL_OPEN_E, 100));
    let l = h.run(
        ev(SYSCALL_OPEN_X, 100)
            .p("fd", 3)
            .p("name", "test2")
            .p("flags", 7)
            .p("mode", 0o666)
            .p("dev", 0xCA02),
    );
    assert_eq!(
        l,
        "cat (100) < open fd=3(<f>/home/u/test2) name=test2(/home/u/test2) flags=7(O_CREAT|O_RDWR) mode=0666 dev=CA02 "
    );
    // A later read shows the new fd.
    let l = h.run(ev(SYSCALL_READ_E, 100).p("fd", 3).p("size", 10));
    assert_eq!(l, "cat (100) > read fd=3(<f>/home/u/test2) size=10 ");
}

#[test]
fn old_openat_takes_everything_from_the_enter() {
    // Examples 7 and 8.
    let mut h = host();
    let l = h.run(
        ev(SYSCALL_OPENAT_E, 100)
            .p("dirfd", -100)
            .p("name", "public/en")
            .p("flags", 4097)
            .p("mode", 0),
    );
    assert_eq!(
        l,
        "cat (100) > openat dirfd=-100(AT_FDCWD) name=public/en flags=4097(O_RDONLY|O_CLOEXEC) mode=0 "
    );
    let l = h.run(ev(SYSCALL_OPENAT_X, 100).p("fd", 6));
    assert_eq!(l, "cat (100) < openat fd=6(<f>/home/u/public/en) ");
    // Unpaired: nothing is added.
    let l = h.run(ev(SYSCALL_OPENAT_X, 100).p("fd", 7));
    assert_eq!(l, "cat (100) < openat fd=7 ");
}

#[test]
fn close_removes_at_the_next_event() {
    // Example 31.
    let mut h = host();
    h.run(
        ev(SYSCALL_OPEN_X, 100).p("fd", 3).p("name", "/etc/ld.so.cache").p("flags", 1).p("mode", 0),
    );
    assert_eq!(
        h.run(ev(SYSCALL_CLOSE_E, 100).p("fd", 3)),
        "cat (100) > close fd=3(<f>/etc/ld.so.cache) "
    );
    let (_, l) = h.line(ev(SYSCALL_CLOSE_X, 100).p("res", 0));
    assert_eq!(l, "cat (100) < close res=0 ");
    let t = h.engine.threads().get(100).unwrap();
    assert!(h.engine.threads().fd(t, 3).is_some(), "still there during the close exit");
    h.run(ev(SYSCALL_ACCESS_E, 100).p("mode", 0));
    let t = h.engine.threads().get(100).unwrap();
    assert!(h.engine.threads().fd(t, 3).is_none());
}

#[test]
fn failed_or_unpaired_close_keeps_the_fd() {
    let mut h = host();
    h.run(ev(SYSCALL_OPEN_X, 100).p("fd", 3).p("name", "/a").p("flags", 1).p("mode", 0));
    h.run(ev(SYSCALL_CLOSE_E, 100).p("fd", 3));
    h.run(ev(SYSCALL_CLOSE_X, 100).p("res", -9));
    // Another enter in between unpairs the next close exit.
    h.run(ev(SYSCALL_CLOSE_E, 100).p("fd", 3));
    h.run(ev(SYSCALL_ACCESS_E, 100).p("mode", 0));
    h.run(ev(SYSCALL_CLOSE_X, 100).p("res", 0));
    h.run(ev(SYSCALL_ACCESS_E, 100).p("mode", 0));
    let t = h.engine.threads().get(100).unwrap();
    assert!(h.engine.threads().fd(t, 3).is_some());
}

#[test]
fn dup_and_fcntl_copy_the_entry() {
    // Examples 20 and 54.
    let mut h = host();
    h.run(ev(SYSCALL_OPEN_X, 100).p("fd", 12).p("name", "/dev/null").p("flags", 3).p("mode", 0));
    h.run(ev(SYSCALL_DUP_E, 100).p("fd", 12));
    assert_eq!(h.run(ev(SYSCALL_DUP_X, 100).p("res", 0)), "cat (100) < dup res=0(<f>/dev/null) ");
    h.run(ev(SYSCALL_FCNTL_E, 100).p("fd", 12).p("cmd", 26));
    assert_eq!(
        h.run(ev(SYSCALL_FCNTL_X, 100).p("res", 11)),
        "cat (100) < fcntl res=11(<f>/dev/null) "
    );
    // F_SETFD is not a dup, but its result renders as fd 0.
    h.run(ev(SYSCALL_FCNTL_E, 100).p("fd", 11).p("cmd", 3));
    assert_eq!(
        h.run(ev(SYSCALL_FCNTL_X, 100).p("res", 0)),
        "cat (100) < fcntl res=0(<f>/dev/null) "
    );
    let t = h.engine.threads().get(100).unwrap();
    assert_ne!(t.flags() & crate::thread_flags::PIPE_DST, 0);
}

#[test]
fn pipes_signalfd_and_generic_events() {
    // Examples 35, 24 and 25.
    let mut h = host();
    let l = h.run(ev(SYSCALL_PIPE_X, 100).p("res", 0).p("fd1", 4).p("fd2", 5).p("ino", 38688));
    assert_eq!(l, "cat (100) < pipe res=0 fd1=4(<p>) fd2=5(<p>) ino=38688 ");
    assert_eq!(h.run(ev(SYSCALL_SIGNALFD_X, 100).p("res", 3)), "cat (100) < signalfd res=3(<s>) ");
    let l = h.run(ev(GENERIC_E, 100).p("ID", 227).p("nativeID", 291));
    assert_eq!(l, "cat (100) > epoll_create1 ");
}

#[test]
fn relative_paths_keep_invalid_bytes_as_dots_in_fd_names() {
    // 6.3 P7: the fd name keeps '.' replacements, the parameter drops the bytes.
    let mut h = host();
    let name = Val::Str(b"/dev/n\x01\xc3\xa9".to_vec());
    let l = h.run(ev(SYSCALL_OPEN_X, 100).p("fd", 3).p("name", name).p("flags", 1).p("mode", 0));
    assert_eq!(l, "cat (100) < open fd=3(<f>/dev/n...) name=/dev/n flags=1(O_RDONLY) mode=0 ");
}
