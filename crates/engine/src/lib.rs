//! sysray engine crate.
