//! Chisel arguments: the declared `args` table, how command-line words are
//! consumed after `-c NAME` (chisel-api.md 2.2), and how the argument word is
//! split into values (2.3).

use crate::error::ChiselError;

/// One declared argument of a chisel (an entry of its global `args` table).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArgSpec {
    /// Name passed back to `on_set_arg` (`""` when missing).
    pub name: String,
    /// Free text shown by `-i`.
    pub description: String,
    /// Free text shown by `-i` (`string`, `int`, `filter`...); only `filter` has an
    /// effect on how words are consumed.
    pub argtype: String,
    /// True when the argument may be left out.
    pub optional: bool,
}

/// What the CLI must do with the command-line word that follows `-c NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consume {
    /// The chisel takes no word: the next word (if any) is left to the CLI.
    Nothing,
    /// The next word is the chisel's argument string; the CLI must skip it when it
    /// later joins the remaining non-option words into the capture filter.
    NextWord,
}

/// Counts of required and optional arguments.
pub fn counts(specs: &[ArgSpec]) -> (usize, usize) {
    let required = specs.iter().filter(|s| !s.optional).count();
    (required, specs.len() - required)
}

/// Decides whether the word after `-c NAME` belongs to the chisel.
///
/// `next` is the next command-line word (before option reordering), `rest` every
/// word from `next` to the end of the command line, and `compiles` tells whether a
/// text is a valid filter. Mirrors sysdig: a chisel with a required argument takes
/// the next word unconditionally; with only optional ones it leaves words starting
/// with `-`, takes the word when its single argument is of type `filter`, and
/// otherwise takes it only when the remaining words do not form a valid filter.
pub fn consume(
    name: &str,
    specs: &[ArgSpec],
    next: Option<&str>,
    rest: &[&str],
    compiles: impl Fn(&str) -> bool,
) -> Result<Consume, ChiselError> {
    if specs.is_empty() {
        return Ok(Consume::Nothing);
    }
    let (required, _) = counts(specs);
    let Some(next) = next else {
        return if required > 0 {
            Err(ChiselError::MissingArguments(name.to_owned()))
        } else {
            Ok(Consume::Nothing)
        };
    };
    if required > 0 {
        return Ok(Consume::NextWord);
    }
    if next.starts_with('-') {
        return Ok(Consume::Nothing);
    }
    if specs.len() == 1 && specs[0].argtype == "filter" {
        return Ok(Consume::NextWord);
    }
    if compiles(&rest.join(" ")) { Ok(Consume::Nothing) } else { Ok(Consume::NextWord) }
}

/// Splits an argument word into values: trimmed, split at single spaces outside
/// quotes; `'` and `` ` `` toggle quoting and are removed. An empty word gives no
/// values. Returns `None` for an unterminated quote.
pub fn split_values(word: &str) -> Option<Vec<String>> {
    let word = word.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\n' || c == '\r');
    if word.is_empty() {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in word.chars() {
        match (quote, c) {
            (None, '\'' | '`') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    if quote.is_some() {
        return None;
    }
    out.push(cur);
    Some(out)
}

/// Joins values back into one argument word, quoting values that contain a space
/// with `'` (what `chisel.exec` does before splitting again).
pub fn join_values(values: &[String]) -> String {
    let quoted: Vec<String> =
        values.iter().map(|v| if v.contains(' ') { format!("'{v}'") } else { v.clone() }).collect();
    quoted.join(" ")
}

/// Splits `word` and checks the count against `specs`.
pub fn values_for(name: &str, specs: &[ArgSpec], word: &str) -> Result<Vec<String>, ChiselError> {
    let values =
        split_values(word).ok_or_else(|| ChiselError::CorruptedParameters(name.to_owned()))?;
    let (required, optional) = counts(specs);
    if values.len() < required {
        return Err(ChiselError::WrongParameterCount {
            name: name.to_owned(),
            required,
            given: values.len(),
        });
    }
    if values.len() > required + optional {
        return Err(ChiselError::TooManyParameters {
            name: name.to_owned(),
            required,
            optional,
            given: values.len(),
        });
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, argtype: &str, optional: bool) -> ArgSpec {
        ArgSpec { name: name.into(), description: String::new(), argtype: argtype.into(), optional }
    }

    #[test]
    fn splits_on_single_spaces_outside_quotes() {
        assert_eq!(split_values("x 'y z' `w`").unwrap(), ["x", "y z", "w"]);
        assert_eq!(split_values("  a b ").unwrap(), ["a", "b"]);
        assert_eq!(split_values("a  b").unwrap(), ["a", "", "b"]);
        assert_eq!(split_values("").unwrap(), Vec::<String>::new());
        assert!(split_values("a 'b").is_none());
    }

    #[test]
    fn join_then_split_round_trips() {
        let v = vec!["a b".to_string(), String::new(), "c".to_string()];
        assert_eq!(split_values(&join_values(&v)).unwrap(), v);
    }

    #[test]
    fn counts_are_checked() {
        let specs = [spec("key", "string", false)];
        assert_eq!(
            values_for("fdbytes_by", &specs, "").unwrap_err().to_string(),
            "wrong number of parameters for chisel fdbytes_by, 1 required, 0 given"
        );
        assert_eq!(
            values_for("fdbytes_by", &specs, "fd.name proc.name").unwrap_err().to_string(),
            "too many parameters for chisel fdbytes_by, 1 required, 0 optional, 2 given"
        );
        assert_eq!(
            values_for("x", &specs, "'a").unwrap_err().to_string(),
            "corrupted parameters for chisel x"
        );
    }

    #[test]
    fn consumption_follows_sysdig() {
        let req = [spec("key", "string", false)];
        let opt = [spec("disable_color", "string", true)];
        let filt = [spec("filter", "filter", true)];
        let ok = |_: &str| true;
        let bad = |_: &str| false;
        assert_eq!(consume("c", &req, Some("-r"), &["-r"], ok).unwrap(), Consume::NextWord);
        assert!(consume("c", &req, None, &[], ok).is_err());
        assert_eq!(consume("c", &opt, None, &[], ok).unwrap(), Consume::Nothing);
        assert_eq!(consume("c", &opt, Some("-r"), &["-r"], bad).unwrap(), Consume::Nothing);
        assert_eq!(consume("c", &filt, Some("x"), &["x"], ok).unwrap(), Consume::NextWord);
        assert_eq!(
            consume("c", &opt, Some("proc.name=curl"), &["proc.name=curl"], ok).unwrap(),
            Consume::Nothing
        );
        assert_eq!(
            consume("c", &opt, Some("disable_color"), &["disable_color"], bad).unwrap(),
            Consume::NextWord
        );
        assert_eq!(consume("c", &[], Some("x"), &["x"], bad).unwrap(), Consume::Nothing);
    }
}
