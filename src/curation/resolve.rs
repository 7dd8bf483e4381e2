//! What the researcher typed → the entity or claim it names: an IRI as it is, a name by
//! `schema:name` or `schema:alternateName`, else by the IRI ties would mint for it (accents and
//! case folded). A name of several entities is an `Error::Ambiguous` listing them.
//!
//! It reads through `sparql` only and writes nothing.

use crate::error::{Error, Result};
use crate::sparql::{self, Dataset};
use std::collections::BTreeSet;

/// An entity as the curated view describes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entity {
    pub iri: String,
    /// Its `rdf:type` (schema:Person, schema:Organization…), compacted.
    pub kind: String,
    pub name: String,
    /// Report graphs that describe it.
    pub reports: u64,
}

impl Entity {
    /// How a list of candidates shows it.
    pub fn line(&self) -> String {
        format!(
            "  {}  ({}, {:?}, in {} report{})",
            self.iri,
            self.kind.trim_start_matches("schema:").to_lowercase(),
            self.name,
            self.reports,
            if self.reports == 1 { "" } else { "s" }
        )
    }
}

/// The type, names and graphs of `?x` (counted here: a bound variable must stay out of GROUP BY).
const DESCRIBE: &str = r#"
SELECT ?type ?name ?g WHERE {
  VALUES ?type { schema:Person schema:Organization schema:Event schema:Place }
  GRAPH ?g { ?x a ?type ; schema:name ?name }
} ORDER BY ?type ?name"#;

/// The entity with this IRI, if the curated view describes one.
pub fn describe(dataset: &Dataset, iri: &str) -> Result<Option<Entity>> {
    let Ok(term) = sparql::iri(iri) else {
        return Ok(None);
    };
    let rows = dataset.select_bound(DESCRIBE, &[(sparql::variable("x"), term)])?;
    let graphs: BTreeSet<String> = rows.iter().map(|r| sparql::text(r.get("g"))).collect();
    Ok(rows.first().map(|row| Entity {
        iri: iri.to_owned(),
        kind: row
            .get("type")
            .map(sparql::display_term)
            .unwrap_or_default(),
        name: sparql::text(row.get("name")),
        reports: graphs.len() as u64,
    }))
}

/// The one entity `text` names (an IRI or a name).
pub fn entity(dataset: &Dataset, text: &str) -> Result<Entity> {
    if looks_like_iri(text) {
        return describe(dataset, text)?.ok_or_else(|| {
            Error::Usage(format!(
                "no entity {text} in the store (a merged entity answers to the IRI of the one it was merged into)"
            ))
        });
    }
    let mut found = BTreeSet::new();
    let rows = dataset.select_bound(
        sparql::ENTITIES_NAMED,
        &[(sparql::variable("text"), sparql::string(text))],
    )?;
    found.extend(rows.iter().map(|r| sparql::text(r.get("x"))));
    if found.is_empty() {
        found.extend(crate::iri::shared_entity_iris(text));
    }
    let mut entities = Vec::new();
    for iri in found {
        entities.extend(describe(dataset, &iri)?);
    }
    match entities.len() {
        0 => Err(Error::Usage(format!(
            "no entity named {text:?} in the store (`ties query people` and `ties query organisations` list them)"
        ))),
        1 => Ok(entities.remove(0)),
        _ => Err(Error::Ambiguous {
            name: text.to_owned(),
            candidates: entities.iter().map(Entity::line).collect(),
        }),
    }
}

const CLAIM_GRAPH: &str = r#"
SELECT ?g WHERE {
  VALUES ?type { org:Membership ties:Participation schema:Quotation }
  GRAPH ?g { ?claim a ?type }
} LIMIT 1"#;

/// The report graph holding the claim `iri` in the curated view, if any.
pub fn claim_report(dataset: &Dataset, iri: &str) -> Result<Option<String>> {
    let term = sparql::iri(iri)?;
    let rows = dataset.select_bound(CLAIM_GRAPH, &[(sparql::variable("claim"), term)])?;
    Ok(rows.first().map(|r| sparql::text(r.get("g"))))
}

/// True when the researcher typed an IRI rather than a name.
pub fn looks_like_iri(text: &str) -> bool {
    let text = text.trim();
    ["urn:", "http://", "https://"]
        .iter()
        .any(|p| text.starts_with(p))
        && !text.contains(char::is_whitespace)
}
