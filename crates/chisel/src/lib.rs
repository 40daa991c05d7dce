//! sysray chisel crate.
