//! Local-time rendering of event timestamps (`evt.time`, `evt.datetime`), through
//! the C library so that `TZ` is honoured as sysdig honours it.

/// Broken-down local time of `secs` since the epoch.
fn local(secs: i64) -> libc::tm {
    // SAFETY: `tm` is plain data; zeroed is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let t: libc::time_t = secs as libc::time_t;
    // SAFETY: both pointers are valid for the duration of the call; localtime_r is
    // the re-entrant variant and writes only into `tm`.
    unsafe { libc::localtime_r(&t, &mut tm) };
    tm
}

fn two(out: &mut Vec<u8>, v: i32) {
    out.push(b'0' + (v / 10 % 10) as u8);
    out.push(b'0' + (v % 10) as u8);
}

fn nanos(out: &mut Vec<u8>, ns: u64) {
    let mut buf = [b'0'; 9];
    let mut v = ns % 1_000_000_000;
    for d in buf.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.extend_from_slice(&buf);
}

/// Appends `HH:MM:SS` and, with `frac`, `.nnnnnnnnn`.
pub(crate) fn write_clock(out: &mut Vec<u8>, ts: u64, frac: bool) {
    let tm = local((ts / 1_000_000_000) as i64);
    two(out, tm.tm_hour);
    out.push(b':');
    two(out, tm.tm_min);
    out.push(b':');
    two(out, tm.tm_sec);
    if frac {
        out.push(b'.');
        nanos(out, ts);
    }
}

/// Appends `YYYY-MM-DD HH:MM:SS` and, with `frac`, `.nnnnnnnnn`.
pub(crate) fn write_date_time(out: &mut Vec<u8>, ts: u64, frac: bool) {
    let tm = local((ts / 1_000_000_000) as i64);
    out.extend_from_slice(itoa::Buffer::new().format(tm.tm_year + 1900).as_bytes());
    out.push(b'-');
    two(out, tm.tm_mon + 1);
    out.push(b'-');
    two(out, tm.tm_mday);
    out.push(b' ');
    write_clock(out, ts, frac);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_has_nanoseconds_zero_padded() {
        // The digits after the dot do not depend on the time zone.
        let mut v = Vec::new();
        write_clock(&mut v, 1_481_211_698_005_281_504, true);
        assert_eq!(v.len(), 18);
        assert!(v.ends_with(b".005281504"));
        let mut d = Vec::new();
        write_date_time(&mut d, 1_481_211_698_005_281_504, false);
        assert!(d.starts_with(b"2016-12-0"), "{}", String::from_utf8_lossy(&d));
    }
}
