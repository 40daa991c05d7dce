//! sysray filter crate.
#![deny(missing_docs)]

pub mod error;
pub mod lang;

pub use error::{ErrorKind, FilterError, Span};
