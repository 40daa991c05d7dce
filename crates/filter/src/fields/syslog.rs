//! `syslog.*`: decoded writes to `/dev/log`.
//!
//! The message is parsed from the data of write events on an fd whose name contains
//! `/dev/log`: `<PRI>` gives facility (PRI / 8) and severity (PRI % 8), the rest is
//! the message.

use super::{FieldId, FieldRef};
use crate::engine_source::{Cx, Sink};
use crate::value::Value;
use scap::table::ef;

const FACILITIES: [&str; 24] = [
    "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "clock", "authpriv",
    "ftp", "ntp", "logaudit", "logalert", "cron", "local0", "local1", "local2", "local3", "local4",
    "local5", "local6", "local7",
];
const SEVERITIES: [&str; 8] = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

/// Splits `<PRI>message` into the priority and the message.
fn parse(data: &[u8]) -> Option<(u32, &[u8])> {
    let rest = data.strip_prefix(b"<")?;
    let close = rest.iter().position(|&b| b == b'>')?;
    let pri: u32 = std::str::from_utf8(&rest[..close]).ok()?.parse().ok()?;
    (pri < 24 * 8).then_some((pri, &rest[close + 1..]))
}

/// Extracts a `syslog.*` field.
pub(crate) fn extract(f: &FieldRef, cx: &Cx<'_, '_>, _buf: &mut Vec<u8>, sink: Sink<'_>) {
    if cx.flags() & ef::WRITES_TO_FD == 0 || cx.ev().is_enter() {
        return;
    }
    let Some(fd) = cx.ctx.fd() else { return };
    if memchr::memmem::find(fd.name(), b"/dev/log").is_none() {
        return;
    }
    let Some(data) = cx.param_index("data").and_then(|i| cx.ev().param(i)) else { return };
    let Some((pri, msg)) = parse(data) else { return };
    let (fac, sev) = ((pri / 8) as usize, (pri % 8) as usize);
    match f.id {
        FieldId::SyslogFacility => {
            sink(Value::U64(fac as u64));
        }
        FieldId::SyslogFacilityStr => {
            sink(Value::Str(FACILITIES.get(fac).copied().unwrap_or("").as_bytes()));
        }
        FieldId::SyslogSeverity => {
            sink(Value::U64(sev as u64));
        }
        FieldId::SyslogSeverityStr => {
            sink(Value::Str(SEVERITIES.get(sev).copied().unwrap_or("").as_bytes()));
        }
        FieldId::SyslogMessage => {
            sink(Value::Str(msg));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priorities() {
        assert_eq!(parse(b"<13>hello"), Some((13, &b"hello"[..])));
        assert_eq!(parse(b"hello"), None);
        assert_eq!(parse(b"<999>x"), None);
    }
}
