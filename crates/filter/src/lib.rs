//! sysray filter crate.
#![deny(missing_docs)]

pub mod compile;
pub mod error;
pub mod fields;
pub mod format;
pub mod lang;
pub mod source;
pub mod value;

pub use compile::{EventTypeSet, Filter};
pub use error::{ErrorKind, FilterError, Span};
pub use format::{Formatter, Preset, TimeMode};
pub use source::{FieldSource, Record};
