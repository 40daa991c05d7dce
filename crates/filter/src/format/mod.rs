//! Output formats: `-p` format strings, the presets, `-t` time modes and `-j` NDJSON.
//!
//! A [`Formatter`] is built once from a format (or a [`Preset`]) and then renders
//! each event into a caller's buffer, as text ([`Formatter::write_text`]) or as one
//! JSON object ([`Formatter::write_json`]). Both return `false`, leaving the buffer
//! as it was, when the format has no `*` and a field is absent: sysdig prints
//! nothing for such events.
//!
//! # JSON (`-j`)
//!
//! Each printed event is one JSON object on its own line; nothing precedes the first
//! line or follows the last. The keys are the format's field tokens as written
//! (`evt.num`, `evt.arg[0]`, `proc.aname[1]`, `tolower(proc.name)`), width digits
//! dropped, each key once, sorted by byte order; literal text is dropped, and a
//! format without fields prints `null`. Values:
//!
//! * integers are JSON numbers, except fields printed in hex (`fd.dev`), which are
//!   strings of the hex text;
//! * the time strings `evt.time`, `evt.time.s`, `evt.time.iso8601`, `evt.datetime`,
//!   `evt.datetime.s` and `evt.outputtime` (whatever `-t` says) are the event
//!   timestamp in nanoseconds, a number; `evt.rawtime*`, `evt.reltime*`,
//!   `evt.latency*` and `evt.deltatime*` are unpadded numbers;
//! * booleans are `true`/`false`; floating-point fields are numbers (sysdig aborted);
//! * text, addresses and buffers are strings escaped as jsoncpp does ([`json`]);
//! * an absent field is `null` with a `*` format, and drops the event otherwise.
//!
//! Unlike sysdig, each field is evaluated once per event, so `evt.deltatime` and
//! counters behave as in text output.

pub mod json;
mod parse;
pub mod text;

pub use parse::{FieldItem, Item, unescape};

use std::cell::Cell;
use std::io::Write as _;

use crate::compile::CompiledOperand;
use crate::error::FilterError;
use crate::fields::{Context, FieldId, FieldRef, Print, resolve};
use crate::source::FieldSource;
use crate::value::{Kind, Value};

/// The formats sysdig has names for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The default line; `tty` selects the coloured variant.
    Default {
        /// Coloured, with `proc.pid.thread.tid`.
        tty: bool,
    },
    /// `-pc`: container name and id.
    Container,
    /// `-pk`: Kubernetes pod name and container id.
    Kubernetes,
    /// `-pm`: Mesos task name and container id.
    Mesos,
}

impl Preset {
    /// The format text of the preset.
    pub fn format(self) -> &'static str {
        match self {
            Preset::Default { tty: false } => {
                "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"
            }
            Preset::Default { tty: true } => {
                r"*%evt.num %evt.outputtime %evt.cpu \e[01;32m%proc.name\e[00m (\e[01;36m%proc.pid\e[00m.%thread.tid) %evt.dir \e[01;34m%evt.type\e[00m %evt.info"
            }
            Preset::Container => {
                "*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"
            }
            Preset::Kubernetes => {
                "*%evt.num %evt.outputtime %evt.cpu %k8s.pod.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"
            }
            Preset::Mesos => {
                "*%evt.num %evt.outputtime %evt.cpu %mesos.task.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"
            }
        }
    }

    /// The preset a `-p` argument names (`c`, `container`, `k`, `kubernetes`, `m`,
    /// `mesos`), if it names one.
    pub fn from_flag(arg: &str) -> Option<Preset> {
        match arg {
            "c" | "container" => Some(Preset::Container),
            "k" | "kubernetes" => Some(Preset::Kubernetes),
            "m" | "mesos" => Some(Preset::Mesos),
            _ => None,
        }
    }
}

/// What `%evt.outputtime` shows (`-t`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TimeMode {
    /// `h`: local time of day with nanoseconds (as `%evt.time`).
    #[default]
    Human,
    /// `a`: seconds since the epoch, a dot and nine digits of nanoseconds.
    Absolute,
    /// `r`: time since the first event of the capture.
    Relative,
    /// `d`: the event's latency (exit minus enter).
    Latency,
    /// `D`: time since the previously printed event.
    Delta,
}

impl TimeMode {
    /// The mode of a `-t` letter.
    pub fn from_flag(c: &str) -> Option<TimeMode> {
        Some(match c {
            "h" => TimeMode::Human,
            "a" => TimeMode::Absolute,
            "r" => TimeMode::Relative,
            "d" => TimeMode::Latency,
            "D" => TimeMode::Delta,
            _ => return None,
        })
    }
}

/// Fields the formatter reads to compute `%evt.outputtime` and JSON times.
#[derive(Debug)]
struct TimeFields {
    time: FieldRef,
    rawtime: FieldRef,
    reltime: FieldRef,
    latency: FieldRef,
}

impl TimeFields {
    fn new() -> TimeFields {
        let f = |name: &str| match resolve(name, Context::Format) {
            Ok((f, _)) => f,
            Err(e) => unreachable!("{name} is in the field table: {e}"),
        };
        TimeFields {
            time: f("evt.time"),
            rawtime: f("evt.rawtime"),
            reltime: f("evt.reltime"),
            latency: f("evt.latency"),
        }
    }
}

/// A compiled output format.
#[derive(Debug)]
pub struct Formatter {
    star: bool,
    items: Vec<Item>,
    /// The text line: each field with the literal text before it.
    text_pieces: Vec<TextPiece>,
    /// The fields in JSON key order, one per key.
    json_fields: Vec<JsonField>,
    time_mode: TimeMode,
    times: TimeFields,
    last_printed_ts: Cell<Option<u64>>,
    ts_digits: text::TsDigits,
    has_escape: bool,
}

/// A field of the text line with the literal text before it (the last piece
/// may have literal text only).
#[derive(Debug)]
struct TextPiece {
    literal: Snippet,
    /// Index into `items` of the field.
    field: Option<usize>,
}

impl TextPiece {
    /// The pieces of `items`.
    fn of(items: &[Item]) -> Vec<TextPiece> {
        let mut pieces = Vec::new();
        let mut literal = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item {
                Item::Literal(l) => literal.extend_from_slice(l),
                Item::Field(_) => pieces.push(TextPiece {
                    literal: Snippet::new(std::mem::take(&mut literal)),
                    field: Some(i),
                }),
            }
        }
        if !literal.is_empty() {
            pieces.push(TextPiece { literal: Snippet::new(literal), field: None });
        }
        pieces
    }
}

/// One key of the JSON object and how its value is written.
#[derive(Debug)]
struct JsonField {
    /// The separator (`{` first, then `,`), quoted key and colon, escaped once;
    /// for string kinds, the opening quote of the value too.
    key: Snippet,
    kind: JsonKind,
    /// Index into `items` of the field.
    item: usize,
}

/// Constant text (a JSON key with its separator, literal text of a format),
/// kept in a fixed-size array so that writing it is one constant-size copy (no
/// `memcpy` call, no branch on its length).
#[derive(Debug)]
struct Snippet {
    padded: [u8; Snippet::PADDED],
    len: usize,
    /// The text when it does not fit `padded`.
    long: Option<Box<[u8]>>,
}

impl Snippet {
    const PADDED: usize = 32;

    fn new(text: Vec<u8>) -> Snippet {
        let mut padded = [0u8; Snippet::PADDED];
        let len = text.len();
        if len <= Snippet::PADDED {
            padded[..len].copy_from_slice(&text);
            Snippet { padded, len, long: None }
        } else {
            Snippet { padded, len, long: Some(text.into_boxed_slice()) }
        }
    }

    #[inline]
    fn push(&self, out: &mut Vec<u8>) {
        match &self.long {
            None => {
                let at = out.len();
                out.extend_from_slice(&self.padded);
                out.truncate(at + self.len);
            }
            Some(long) => out.extend_from_slice(long),
        }
    }
}

/// How a field's JSON value is written, decided once per format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JsonKind {
    /// A plain time field: the raw nanoseconds as a number.
    RawTime,
    /// A plain decimal number field whose text is its JSON.
    Number,
    /// A plain field whose text never needs escaping (`evt.dir`, `evt.type`).
    PlainString,
    /// A plain field whose text is written, then escaped where needed.
    EscapedString,
    /// Any other field: its values, typed.
    Values,
}

impl JsonKind {
    fn of(op: &CompiledOperand) -> JsonKind {
        if !op.is_plain() {
            return JsonKind::Values;
        }
        match op.field.id {
            FieldId::EvtOutputtime
            | FieldId::EvtTime
            | FieldId::EvtTimeS
            | FieldId::EvtTimeIso8601
            | FieldId::EvtDatetime
            | FieldId::EvtDatetimeS => JsonKind::RawTime,
            FieldId::EvtNum | FieldId::EvtCpu | FieldId::ThreadTid => JsonKind::Number,
            // Names from the event and syscall tables (and `<`, `>`): nothing in
            // them needs escaping (test `type_names_need_no_escaping`).
            FieldId::EvtDir | FieldId::EvtType => JsonKind::PlainString,
            FieldId::EvtInfo | FieldId::EvtArgs | FieldId::ProcName => JsonKind::EscapedString,
            _ => JsonKind::Values,
        }
    }
}

fn first_u64<S: FieldSource + ?Sized>(src: &mut S, f: &FieldRef) -> Option<u64> {
    if let Some(ready) = src.ready_value(f) {
        return ready.and_then(|v| v.as_int()).and_then(|n| u64::try_from(n).ok());
    }
    let mut out = None;
    src.extract(f, &mut |v| {
        out = v.as_int().and_then(|n| u64::try_from(n).ok());
        true
    });
    out
}

impl Formatter {
    /// Compiles a `-p` format (backslash escapes are rewritten first).
    ///
    /// ```
    /// use filter::{Formatter, Record};
    /// let f = Formatter::new("%evt.num %6proc.name|").unwrap();
    /// let mut ev = Record::new(3).with("evt.num", 7u64).with("proc.name", "curl");
    /// let mut line = Vec::new();
    /// assert!(f.write_text(&mut ev, &mut line));
    /// assert_eq!(line, b"7 curl  |\n");
    /// ```
    pub fn new(format: &str) -> Result<Formatter, FilterError> {
        let text = unescape(format);
        let parsed = parse::parse(&text)?;
        let mut keyed: Vec<(&str, usize)> = parsed
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, it)| match it {
                Item::Field(f) => Some((&*f.key, i)),
                Item::Literal(_) => None,
            })
            .collect();
        keyed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()).then(a.1.cmp(&b.1)));
        keyed.dedup_by(|a, b| a.0 == b.0);
        let json_fields = keyed
            .iter()
            .enumerate()
            .map(|(n, &(key, item))| {
                let mut k = vec![if n == 0 { b'{' } else { b',' }];
                json::push_string(&mut k, key.as_bytes());
                k.push(b':');
                let kind = match &parsed.items[item] {
                    Item::Field(f) => JsonKind::of(&f.op),
                    Item::Literal(_) => JsonKind::Values,
                };
                if matches!(kind, JsonKind::PlainString | JsonKind::EscapedString) {
                    k.push(b'"');
                }
                JsonField { key: Snippet::new(k), kind, item }
            })
            .collect();
        Ok(Formatter {
            star: parsed.star,
            text_pieces: TextPiece::of(&parsed.items),
            items: parsed.items,
            json_fields,
            time_mode: TimeMode::Human,
            times: TimeFields::new(),
            last_printed_ts: Cell::new(None),
            ts_digits: text::TsDigits::default(),
            has_escape: text.contains('\x1b'),
        })
    }

    /// The formatter of a preset.
    pub fn preset(p: Preset) -> Formatter {
        match Formatter::new(p.format()) {
            Ok(f) => f,
            Err(e) => unreachable!("preset formats are valid: {e}"),
        }
    }

    /// Sets the `-t` mode.
    pub fn with_time_mode(mut self, mode: TimeMode) -> Formatter {
        self.time_mode = mode;
        self
    }

    /// True when the format prints ESC characters: sysdig then writes `ESC[00m`
    /// after the last event.
    pub fn has_escape(&self) -> bool {
        self.has_escape
    }

    /// The formatter's pieces.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Every field the format reads.
    pub fn fields(&self) -> impl Iterator<Item = &FieldRef> {
        self.items.iter().filter_map(|i| match i {
            Item::Field(f) => Some(&f.op.field),
            Item::Literal(_) => None,
        })
    }

    /// Renders the event as a text line (with its `\n`) appended to `out`. Returns
    /// false, leaving `out` unchanged, when a field is absent and the format has no `*`.
    pub fn write_text<S: FieldSource + ?Sized>(&self, src: &mut S, out: &mut Vec<u8>) -> bool {
        let start = out.len();
        for piece in &self.text_pieces {
            piece.literal.push(out);
            let Some(Item::Field(f)) = piece.field.and_then(|i| self.items.get(i)) else {
                continue;
            };
            let at = out.len();
            if !self.push_field_text(f, src, out) {
                if !self.star {
                    out.truncate(start);
                    return false;
                }
                out.extend_from_slice(b"<NA>");
            }
            text::fit_width(out, at, f.width);
        }
        out.push(b'\n');
        self.printed(src);
        true
    }

    fn printed<S: FieldSource + ?Sized>(&self, src: &mut S) {
        if self.time_mode == TimeMode::Delta {
            self.last_printed_ts.set(first_u64(src, &self.times.rawtime));
        }
    }

    fn push_field_text<S: FieldSource + ?Sized>(
        &self,
        f: &FieldItem,
        src: &mut S,
        out: &mut Vec<u8>,
    ) -> bool {
        if f.op.is_plain() {
            if f.op.field.id == FieldId::EvtOutputtime {
                return self.push_outputtime(src, out);
            }
            if let Some(present) = src.write_text(&f.op.field, out) {
                return present;
            }
        }
        let info = f.op.field.info();
        let ty = f.op.ty;
        let mut present = false;
        f.op.for_each(src, &mut |v| {
            text::push_value(out, &v, info, ty);
            present = true;
            true
        });
        present
    }

    fn push_outputtime<S: FieldSource + ?Sized>(&self, src: &mut S, out: &mut Vec<u8>) -> bool {
        let ns = match self.time_mode {
            TimeMode::Human => {
                if let Some(present) = src.write_text(&self.times.time, out) {
                    return present;
                }
                let mut present = false;
                src.extract(&self.times.time, &mut |v| {
                    if let Some(b) = v.as_bytes() {
                        out.extend_from_slice(b);
                        present = true;
                    }
                    true
                });
                return present;
            }
            TimeMode::Absolute => first_u64(src, &self.times.rawtime),
            TimeMode::Relative => first_u64(src, &self.times.reltime),
            TimeMode::Latency => first_u64(src, &self.times.latency).or(Some(0)),
            TimeMode::Delta => {
                let now = first_u64(src, &self.times.rawtime);
                match (now, self.last_printed_ts.get()) {
                    (Some(now), Some(prev)) => Some(now.saturating_sub(prev)),
                    (Some(_), None) => Some(0),
                    _ => None,
                }
            }
        };
        match ns {
            Some(ns) => {
                self.ts_digits.push_secs_ns(out, ns);
                true
            }
            None => false,
        }
    }

    /// Renders the event as one JSON object line appended to `out` (see the module
    /// documentation for keys and values). Returns false, leaving `out` unchanged,
    /// when a field is absent and the format has no `*`.
    pub fn write_json<S: FieldSource + ?Sized>(&self, src: &mut S, out: &mut Vec<u8>) -> bool {
        let start = out.len();
        if self.json_fields.is_empty() {
            out.extend_from_slice(b"null\n");
            return true;
        }
        for field in &self.json_fields {
            let Some(Item::Field(f)) = self.items.get(field.item) else { continue };
            field.key.push(out);
            if !self.push_field_json(f, field.kind, src, out) {
                if !self.star {
                    out.truncate(start);
                    return false;
                }
                out.extend_from_slice(b"null");
            }
        }
        out.extend_from_slice(b"}\n");
        self.printed(src);
        true
    }

    fn push_field_json<S: FieldSource + ?Sized>(
        &self,
        f: &FieldItem,
        kind: JsonKind,
        src: &mut S,
        out: &mut Vec<u8>,
    ) -> bool {
        match kind {
            JsonKind::RawTime => {
                return match first_u64(src, &self.times.rawtime) {
                    Some(ts) => {
                        self.ts_digits.push_ns(out, ts);
                        true
                    }
                    None => false,
                };
            }
            JsonKind::Number => {
                if let Some(present) = src.write_text(&f.op.field, out) {
                    return present;
                }
            }
            JsonKind::PlainString | JsonKind::EscapedString => {
                // Written straight into `out` after the opening quote the key
                // ends with, then escaped where needed.
                let start = out.len();
                match src.write_text(&f.op.field, out) {
                    Some(true) => {
                        if kind == JsonKind::EscapedString {
                            json::escape_tail(out, start);
                        } else {
                            debug_assert!(!json::needs_escaping(&out[start..]));
                        }
                        out.push(b'"');
                        return true;
                    }
                    Some(false) => {
                        out.truncate(start - 1);
                        return false;
                    }
                    None => out.truncate(start - 1),
                }
            }
            JsonKind::Values => {}
        }
        let info = f.op.field.info();
        let hex = info.print == Print::Hex && matches!(f.op.ty.kind(), Kind::Int { .. });
        let ty = f.op.ty;
        let mut present = false;
        f.op.for_each(src, &mut |v| {
            present = true;
            match v {
                Value::I64(_) | Value::U64(_) if hex => {
                    let mut t = Vec::new();
                    text::push_value(&mut t, &v, info, ty);
                    json::push_string(out, &t);
                }
                Value::I64(n) => engine::text::push_i64(out, n),
                Value::U64(n) => engine::text::push_u64(out, n),
                Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
                Value::Double(d) if d.is_finite() => {
                    let _ = write!(out, "{d}");
                }
                Value::Double(_) => out.extend_from_slice(b"null"),
                Value::Str(b) => json::push_string(out, b),
                Value::Bytes(_) | Value::Ip(_) => {
                    let mut t = Vec::new();
                    text::push_value(&mut t, &v, info, ty);
                    json::push_string(out, &t);
                }
            }
            true
        });
        present
    }
}

#[cfg(test)]
mod tests;
