//! The command line's own modules: its arguments (`args`) and what it prints besides results
//! (`print`). `main.rs` holds one short function per command. Nothing here is library logic.

pub mod args;
pub mod print;
