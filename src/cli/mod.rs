//! The command line's own modules: its arguments (`args`), where the store is (`location`: a folder or a remote engine) and what it prints besides results
//! (`print`). `main.rs` holds one short function per command. Nothing here is library logic.

pub mod args;
pub mod location;
pub mod print;
