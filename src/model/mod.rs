//! The plain types data flows through: a report read and segmented (`Document`) and what the
//! extractor found in it (`Extraction`: entities, memberships, participations, quotations, each
//! claim with its `Evidence`).
//!
//! This is the leaf of the crate: it imports nothing of ties, knows no file, no RDF and no
//! store, so every stage can depend on it and it on none of them (a test checks the `use`
//! lines).

mod document;
mod extraction;

pub use document::{Block, BlockKind, Document, Format, Metadata, Sentence};
pub use extraction::{
    Entity, EntityId, EntityKind, Evidence, Extraction, JobTitle, Membership, PartRole,
    Participation, Quotation,
};
