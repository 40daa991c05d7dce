//! sysray probe crate.
