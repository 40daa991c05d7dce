//! `-l`, `-lv` and `-L`: the field and event listings, in sysdig's layout (a 30-column
//! name block, descriptions wrapped at 120 columns).

use std::io::{self, Write};

use scap::table::{EVENTS, ec, ef, is_enter};

use super::{FIELDS, FieldClass, flag};

const RIGHT_BLOCK: usize = 30;
const WIDTH: usize = 120;

/// Writes `text` word by word, wrapping at [`WIDTH`] with continuation lines indented
/// to [`RIGHT_BLOCK`]; every word is followed by a space.
fn wrap(w: &mut dyn Write, text: &str) -> io::Result<()> {
    let mut len = 0;
    for word in text.split_whitespace() {
        let wlen = word.chars().count() + 1;
        if len + wlen <= WIDTH - RIGHT_BLOCK {
            len += wlen;
        } else {
            write!(w, "\n{:RIGHT_BLOCK$}", "")?;
            len = wlen;
        }
        write!(w, "{word} ")?;
    }
    Ok(())
}

/// Lists every visible field by class (`-l`); `verbose` adds each field's type (`-lv`).
pub fn list_fields(w: &mut dyn Write, verbose: bool) -> io::Result<()> {
    for class in FieldClass::ALL {
        if class.hidden() {
            continue;
        }
        writeln!(w, "-------------------------------")?;
        write!(w, "{:<RIGHT_BLOCK$}{}", "Field Class:", class.name())?;
        if let Some(short) = class.short() {
            write!(w, " ({short})")?;
        }
        writeln!(w)?;
        write!(w, "{:<RIGHT_BLOCK$}", "Description:")?;
        wrap(w, class.description())?;
        writeln!(w)?;
        writeln!(w)?;
        for f in FIELDS.iter().filter(|f| f.class == class && !f.has(flag::HIDDEN)) {
            if f.name.len() > RIGHT_BLOCK {
                write!(w, "{}\n{:RIGHT_BLOCK$}", f.name, "")?;
            } else {
                write!(w, "{:<RIGHT_BLOCK$}", f.name)?;
            }
            let mut desc = String::new();
            if verbose {
                desc.push_str("(Type: ");
                desc.push_str(f.ty.name());
                desc.push_str(") ");
            }
            if f.has(flag::FILTER_ONLY) {
                desc.push_str("(FILTER ONLY) ");
            }
            desc.push_str(f.desc);
            wrap(w, &desc)?;
            writeln!(w)?;
        }
        writeln!(w)?;
    }
    Ok(())
}

/// Lists every current event type with its direction and parameters (`-L`), skipping
/// unused, superseded and internal ones: `> open(FSPATH name, FLAGS32 flags, UINT32 mode)`.
pub fn list_events(w: &mut dyn Write) -> io::Result<()> {
    for (id, e) in EVENTS.iter().enumerate() {
        if e.has_flag(ef::UNUSED) || e.has_flag(ef::OLD_VERSION) || e.category & ec::INTERNAL != 0 {
            continue;
        }
        let dir = if u16::try_from(id).is_ok_and(is_enter) { '>' } else { '<' };
        write!(w, "{dir} {}(", e.name)?;
        for (i, p) in e.params.iter().enumerate() {
            if i > 0 {
                write!(w, ", ")?;
            }
            write!(w, "{} {}", p.ptype.name(), p.name)?;
        }
        writeln!(w, ")")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(f: impl Fn(&mut dyn Write) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        f(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fields_listing_layout() {
        let l = text(|w| list_fields(w, false));
        assert!(l.starts_with(
            "-------------------------------\nField Class:                  evt (All event types)\n"
        ));
        assert!(l.contains("\nevt.num                       sequence number"));
        assert!(l.contains("\nfd.ip                         (FILTER ONLY) matches"));
        assert!(!l.contains("evt.outputtime"), "hidden fields stay hidden");
        assert!(!l.contains("util.cnt"));
        assert!(
            l.contains("\nproc.is_container_liveness_probe\n                              true")
        );
        for line in l.lines() {
            assert!(line.chars().count() <= WIDTH + 20, "{line}");
        }
        let lv = text(|w| list_fields(w, true));
        assert!(lv.contains("\nevt.num                       (Type: UINT64) sequence number"));
        assert!(
            lv.contains("\nfd.ip                         (Type: IPADDR) (FILTER ONLY) matches")
        );
    }

    #[test]
    fn events_listing_matches_sysdig_format() {
        let l = text(list_events);
        let lines: Vec<&str> = l.lines().collect();
        assert_eq!(lines[0], "> syscall(SYSCALLID ID, UINT16 nativeID)");
        assert!(lines.contains(&"> open(FSPATH name, FLAGS32 flags, UINT32 mode)"));
        assert!(
            lines.contains(&"< open(FD fd, FSPATH name, FLAGS32 flags, UINT32 mode, UINT32 dev)")
        );
        assert!(lines.contains(&"> getsockname()"));
        assert!(!l.contains("procinfo("), "internal events are not listed");
    }
}
