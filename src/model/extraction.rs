//! The extractor's output: plain types, no RDF, no store. `rdf` turns them into quads.
//!
//! Entities are numbered within one report (`EntityId` indexes `Extraction::entities`); their
//! IRIs, which merge them across reports, are minted later from their canonical names.

use std::collections::BTreeSet;

pub type EntityId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Event,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The canonical name: the fullest form the report gives, without honorifics.
    pub name: String,
    /// Other names the report uses for it: surname, acronym, titled form, "the conference".
    pub aliases: BTreeSet<String>,
    /// Honorifics seen before the name: Dr, Cllr, Professor, Her Excellency.
    pub honorifics: BTreeSet<String>,
    /// Titles held with no organisation named ("MP", "a nurse", "Deputy Mayor of Lyon").
    pub job_titles: Vec<JobTitle>,
    /// For events: the event this one is part of (a session of a conference).
    pub part_of: Option<EntityId>,
    /// For events: where it took place.
    pub location: Option<EntityId>,
}

impl Entity {
    pub fn new(kind: EntityKind, name: impl Into<String>) -> Self {
        Entity {
            kind,
            name: name.into(),
            aliases: BTreeSet::new(),
            honorifics: BTreeSet::new(),
            job_titles: Vec::new(),
            part_of: None,
            location: None,
        }
    }
}

/// Why a claim exists: the sentence it was read from, the rule that read it, and how sure the
/// rule is.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Evidence {
    /// Index into `Document::sentences`.
    pub sentence: usize,
    pub rule: &'static str,
    pub confidence: f32,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct JobTitle {
    pub title: String,
    /// The territory of an office ("Deputy Mayor" of Lyon).
    pub jurisdiction: Option<EntityId>,
    /// A legislator's seat ("MP" for Whitby).
    pub constituency: Option<EntityId>,
    pub evidence: Evidence,
}

/// A person (or organisation) holding a role in an organisation.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Membership {
    pub member: EntityId,
    pub organization: EntityId,
    /// The role as written ("assistant general secretary", "former president"); None when only
    /// membership is stated ("A B of the X").
    pub role: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PartRole {
    Speaker,
    Chair,
    Organiser,
    Attendee,
}

impl PartRole {
    pub fn name(self) -> &'static str {
        match self {
            PartRole::Speaker => "speaker",
            PartRole::Chair => "chair",
            PartRole::Organiser => "organiser",
            PartRole::Attendee => "attendee",
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Participation {
    pub person: EntityId,
    pub event: EntityId,
    pub role: PartRole,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Quotation {
    pub speaker: EntityId,
    /// The quoted words, without the quotation marks.
    pub text: String,
    pub evidence: Evidence,
}

/// Everything the extractor found in one report.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub memberships: Vec<Membership>,
    pub participations: Vec<Participation>,
    pub quotations: Vec<Quotation>,
    /// The report's main event, when it has one.
    pub main_event: Option<EntityId>,
    /// The publishing outlet, when the page names one.
    pub publisher: Option<EntityId>,
}
