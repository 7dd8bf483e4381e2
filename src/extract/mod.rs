//! The extractor: a `Document` → an `Extraction` of people, organisations, places and events,
//! with affiliations, participation and quotations, each pointing to its evidence sentence.
//!
//! Rules are code; world knowledge (given names, role titles, places...) is data in
//! `ontology/lexicons/`, built into the binary and parsed once. The extractor returns plain
//! types and knows nothing of RDF or the store.

pub mod model;
pub mod view;

use crate::ingest::document::Document;
use model::{Entity, EntityKind, Extraction};

/// The extractor, with its lexicons loaded.
#[derive(Debug, Default)]
pub struct Extractor {}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor {}
    }

    pub fn extract(&self, doc: &Document) -> Extraction {
        let mut ex = Extraction::default();
        if let Some(publisher) = &doc.meta.publisher {
            ex.entities
                .push(Entity::new(EntityKind::Organization, publisher.clone()));
            ex.publisher = Some(ex.entities.len() - 1);
        }
        ex
    }
}
