//! Behaviour tests per event family, with synthetic events from the typed
//! builder (`crate::testutil`). Each names the state-engine.md §6 example or
//! section it checks.

mod file;
mod meta;
mod process;
mod socket;
