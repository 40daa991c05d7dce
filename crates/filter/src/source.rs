//! Where field values come from.
//!
//! The compiled filter and the formatter never look at events or state themselves:
//! they ask a [`FieldSource`] for the values of a [`FieldRef`] on the current event.
//! The engine-backed source extracts from the event view and the state engine;
//! [`Record`] serves fixed values (tests, examples, synthetic events).
//!
//! Values are pushed to a sink instead of returned so that a field can yield several
//! (both endpoints of `fd.ip`, every ancestor of `proc.aname`) and can lend values
//! from temporary buffers, all without allocating.

use crate::fields::FieldRef;
use crate::value::Value;

/// Supplies field values for the current event.
pub trait FieldSource {
    /// Type id of the current event.
    fn event_type(&self) -> u16;

    /// Calls `sink` with each value of `field` for the current event, none when the
    /// field is absent. Stops early when `sink` returns `true`.
    fn extract(&mut self, field: &FieldRef, sink: &mut dyn FnMut(Value<'_>) -> bool);

    /// Appends the text of `field` to `out` directly, when the source can do that
    /// cheaper than through [`FieldSource::extract`] (long rendered strings such as
    /// `evt.info`). `Some(present)` if it did, `None` to use `extract`. The text
    /// must be what `extract` followed by the formatter would produce.
    fn write_text(&mut self, field: &FieldRef, out: &mut Vec<u8>) -> Option<bool> {
        let _ = (field, out);
        None
    }

    /// The one value of `field` when the source holds it ready, without the work
    /// of [`FieldSource::extract`] (`proc.name` is the thread's `comm`): `Some(None)`
    /// when the field has no value for this event, `None` to use `extract`. Must
    /// agree with what `extract` gives.
    fn ready_value(&mut self, field: &FieldRef) -> Option<Option<Value<'_>>> {
        let _ = field;
        None
    }
}

/// A fixed event: a type id and values by field text (`proc.name`, `evt.arg.fd`).
#[derive(Clone, Debug, Default)]
pub struct Record {
    event_type: u16,
    values: Vec<(String, OwnedValue)>,
}

/// An owned [`Value`].
#[derive(Clone, Debug, PartialEq)]
pub enum OwnedValue {
    /// Text.
    Str(Vec<u8>),
    /// Bytes.
    Bytes(Vec<u8>),
    /// Signed.
    I64(i64),
    /// Unsigned.
    U64(u64),
    /// Boolean.
    Bool(bool),
    /// Address.
    Ip(std::net::IpAddr),
    /// Float.
    Double(f64),
}

impl OwnedValue {
    /// Borrows it as a [`Value`].
    pub fn as_value(&self) -> Value<'_> {
        match self {
            OwnedValue::Str(s) => Value::Str(s),
            OwnedValue::Bytes(b) => Value::Bytes(b),
            OwnedValue::I64(v) => Value::I64(*v),
            OwnedValue::U64(v) => Value::U64(*v),
            OwnedValue::Bool(v) => Value::Bool(*v),
            OwnedValue::Ip(v) => Value::Ip(*v),
            OwnedValue::Double(v) => Value::Double(*v),
        }
    }

    /// Copies a [`Value`].
    pub fn from_value(v: Value<'_>) -> OwnedValue {
        match v {
            Value::Str(s) => OwnedValue::Str(s.to_vec()),
            Value::Bytes(b) => OwnedValue::Bytes(b.to_vec()),
            Value::I64(v) => OwnedValue::I64(v),
            Value::U64(v) => OwnedValue::U64(v),
            Value::Bool(v) => OwnedValue::Bool(v),
            Value::Ip(v) => OwnedValue::Ip(v),
            Value::Double(v) => OwnedValue::Double(v),
        }
    }
}

impl From<&str> for OwnedValue {
    fn from(s: &str) -> Self {
        OwnedValue::Str(s.as_bytes().to_vec())
    }
}

impl From<i64> for OwnedValue {
    fn from(v: i64) -> Self {
        OwnedValue::I64(v)
    }
}

impl From<u64> for OwnedValue {
    fn from(v: u64) -> Self {
        OwnedValue::U64(v)
    }
}

impl From<bool> for OwnedValue {
    fn from(v: bool) -> Self {
        OwnedValue::Bool(v)
    }
}

impl Record {
    /// An event of type `event_type` with no field values.
    pub fn new(event_type: u16) -> Record {
        Record { event_type, values: Vec::new() }
    }

    /// Adds a value for the field written `field`; repeat for several values.
    pub fn with(mut self, field: &str, value: impl Into<OwnedValue>) -> Record {
        self.values.push((field.to_owned(), value.into()));
        self
    }
}

impl FieldSource for Record {
    fn event_type(&self) -> u16 {
        self.event_type
    }

    fn extract(&mut self, field: &FieldRef, sink: &mut dyn FnMut(Value<'_>) -> bool) {
        for (name, v) in &self.values {
            if **name == *field.text && sink(v.as_value()) {
                return;
            }
        }
    }
}
