//! `-cl` (list chisels by category) and `-i NAME` (describe one), byte for byte
//! as sysdig prints them (chisel-api.md 1.4–1.6).

use std::io::Write;
use std::rc::Rc;

use mlua::Value;

use crate::args::ArgSpec;
use crate::error::ChiselError;
use crate::host::{Chisel, RunOptions, Shared, parse_args};
use crate::search::SearchPath;

/// What listing shows of one chisel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChiselInfo {
    /// Base name of the file.
    pub name: String,
    /// `category`, `""` when not a string.
    pub category: String,
    /// `short_description`.
    pub short_description: String,
    /// `description`.
    pub description: String,
    /// Declared arguments.
    pub args: Vec<ArgSpec>,
}

/// Loads every listable chisel of `search` (files that fail to load, hidden
/// chisels, views and files without descriptions or `args` are left out),
/// sorted by category, then name.
pub fn chisel_infos(search: &SearchPath) -> Vec<ChiselInfo> {
    let mut out = Vec::new();
    for (name, src) in search.listable() {
        let shared =
            Rc::new(Shared::new(Box::new(std::io::sink()), RunOptions::default(), search.clone()));
        let Ok(chisel) = Chisel::load(&shared, &name, &src.text) else { continue };
        let g = chisel.lua.globals();
        let string = |k: &str| match g.get::<Value>(k) {
            Ok(Value::String(s)) => Some(s.to_string_lossy()),
            _ => None,
        };
        let Some(description) = string("description") else { continue };
        let Some(short_description) = string("short_description") else { continue };
        if matches!(g.get::<Value>("hidden"), Ok(Value::Boolean(true))) {
            continue;
        }
        let args = match g.get::<Value>("args") {
            Ok(Value::Table(t)) => match parse_args(&t) {
                Ok(a) => a,
                Err(_) => continue,
            },
            _ => continue,
        };
        out.push(ChiselInfo {
            name,
            category: string("category").unwrap_or_default(),
            short_description,
            description,
            args,
        });
    }
    out.sort_by(|a, b| {
        (a.category.as_bytes(), a.name.as_bytes()).cmp(&(b.category.as_bytes(), b.name.as_bytes()))
    });
    out
}

/// Inserts `"\n" + indent` after every `every` characters of each line of `text`.
fn wrap(text: &str, every: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut col = 0;
    for c in text.chars() {
        if c == '\n' {
            out.push(c);
            col = 0;
            continue;
        }
        if col == every {
            out.push('\n');
            out.push_str(indent);
            col = 0;
        }
        out.push(c);
        col += 1;
    }
    out
}

const INDENT: &str = "                ";

fn write_entry(
    out: &mut impl Write,
    info: &ChiselInfo,
    last_category: &mut String,
) -> std::io::Result<()> {
    if info.category != *last_category {
        let header = format!("Category: {}", info.category);
        writeln!(out, "\n{header}\n{}", "-".repeat(header.len()))?;
        last_category.clone_from(&info.category);
    }
    if info.name.len() < 16 {
        write!(out, "{:<16}", info.name)?;
    } else {
        write!(out, "{}\n{INDENT}", info.name)?;
    }
    writeln!(out, "{}", wrap(&info.short_description, 63, INDENT))
}

/// Writes the `-cl` listing.
pub fn list_chisels(search: &SearchPath, out: &mut impl Write) -> std::io::Result<()> {
    let mut last = String::new();
    for info in chisel_infos(search) {
        write_entry(out, &info, &mut last)?;
    }
    writeln!(out, "\nUse the -i flag to get detailed information about a specific chisel")
}

/// Writes the `-i NAME` description; `NotListed` when no listed chisel has
/// that name.
pub fn describe(search: &SearchPath, name: &str, out: &mut impl Write) -> Result<(), ChiselError> {
    let infos = chisel_infos(search);
    let Some(info) = infos.iter().find(|i| i.name == name) else {
        return Err(ChiselError::NotListed(name.to_owned()));
    };
    let mut last = String::new();
    write_entry(out, info, &mut last)?;
    let desc: String = {
        let mut s = String::new();
        for (i, c) in info.description.chars().enumerate() {
            if i > 0 && i % 79 == 0 {
                s.push('\n');
            }
            s.push(c);
        }
        s
    };
    writeln!(out, "\n{desc}")?;
    let mut args = String::from("Args:\n");
    if info.args.is_empty() {
        args.push_str("(None)");
    }
    for a in &info.args {
        args.push_str(&format!("[{}] {} - {}\n", a.argtype, a.name, a.description));
    }
    writeln!(out, "{}", wrap(&args, 63, INDENT))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_every_63_characters_with_indent() {
        let s = "a".repeat(130);
        let w = wrap(&s, 63, INDENT);
        let lines: Vec<&str> = w.split('\n').collect();
        assert_eq!(lines[0].len(), 63);
        assert_eq!(lines[1], format!("{INDENT}{}", "a".repeat(63)));
        assert_eq!(lines[2], format!("{INDENT}aaaa"));
    }

    #[test]
    fn describe_unknown_chisel_fails() {
        let sp = SearchPath::embedded_only();
        let e = describe(&sp, "no_such", &mut Vec::new()).unwrap_err();
        assert_eq!(e.to_string(), "chisel no_such not found - use -cl to list them.");
    }
}
