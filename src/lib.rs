//! ties: written reports → a knowledge graph of people, organisations, places and events, and
//! the ties between them, each claim tied to the sentence it came from.
//!
//! Data flows one way through plain types:
//! `ingest` (files → `Document`) → `extract` (`Document` → `Extraction`) → `rdf` (→ quads) →
//! `store` (Oxigraph on disk) → `sparql` (queries, results). See ARCHITECTURE.md.
//! The library never prints, never exits and knows nothing of the command line.

pub mod error;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod network;
pub mod queries;
pub mod rank;
pub mod rdf;
pub mod serve;
pub mod sparql;
pub mod stats;
pub mod store;
pub mod trace;
pub mod vocab;

pub use error::{Error, Result};
