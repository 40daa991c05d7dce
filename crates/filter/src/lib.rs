//! sysray filter crate.
