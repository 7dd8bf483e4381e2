//! ties: written reports → a knowledge graph of people, organisations, places and events, and
//! the ties between them, each claim tied to the sentence it came from.
//!
//! Data flows one way through plain types (`model`):
//!
//! ```text
//! file ─read─▶ Document ─extract─▶ Extraction ─rdf─▶ quads ─store─▶ Oxigraph
//!       └──────────── pipeline ─────────────┘ └────────── ingest ──────────┘
//! Oxigraph ─sparql─▶ rows ─▶ stats, queries, network ─▶ export, trace, rank, serve
//! ```
//!
//! The library never prints, never exits and knows nothing of the command line. Without its
//! default features it is the reader and the extractor alone, which build without RocksDB
//! (ARCHITECTURE.md lists what each feature brings).
//!
//! ```
//! use ties::extract::Extractor;
//! use ties::model::{EntityKind, Format, Metadata};
//!
//! let doc = ties::read::document_from_text(
//!     "Ana Ruiz, general secretary of the Harbour Workers' Union, opened the conference.".into(),
//!     Format::Text,
//!     None,
//!     Metadata::default(),
//! );
//! let found = Extractor::new().extract(&doc);
//! assert!(found.entities.iter().any(|e| e.kind == EntityKind::Person && e.name == "Ana Ruiz"));
//! assert_eq!(found.memberships[0].role.as_deref(), Some("general secretary"));
//! ```

pub mod error;
pub mod extract;
pub mod model;
pub mod pipeline;
pub mod read;

#[cfg(feature = "store")]
pub mod bulk;
#[cfg(feature = "store")]
pub mod curation;
#[cfg(feature = "store")]
pub mod ingest;
#[cfg(feature = "store")]
pub mod iri;
#[cfg(feature = "store")]
pub mod network;
#[cfg(feature = "store")]
pub mod queries;
#[cfg(feature = "store")]
pub mod rank;
#[cfg(feature = "store")]
pub mod rdf;
#[cfg(feature = "store")]
pub mod sparql;
#[cfg(feature = "store")]
pub mod stats;
#[cfg(feature = "store")]
pub mod store;
#[cfg(feature = "store")]
pub mod trace;
#[cfg(feature = "store")]
pub mod vocab;

#[cfg(feature = "render")]
pub mod export;

#[cfg(feature = "serve")]
pub mod serve;

pub use error::{Error, Result};
