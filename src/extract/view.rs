//! A readable view of an extraction for `ties extract --format json`: entities by name, claims
//! with their evidence sentence quoted, instead of indices.

use crate::model::Document;
use crate::model::{EntityKind, Evidence, Extraction};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ExtractionView<'a> {
    pub title: Option<&'a str>,
    pub main_event: Option<&'a str>,
    pub entities: Vec<EntityView<'a>>,
    pub affiliations: Vec<AffiliationView<'a>>,
    pub titles: Vec<TitleView<'a>>,
    pub participation: Vec<ParticipationView<'a>>,
    pub quotes: Vec<QuoteView<'a>>,
}

#[derive(Debug, Serialize)]
pub struct EntityView<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub honorifics: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct EvidenceView<'a> {
    pub sentence: &'a str,
    pub start: usize,
    pub end: usize,
    pub rule: &'a str,
    pub confidence: f32,
}

#[derive(Debug, Serialize)]
pub struct AffiliationView<'a> {
    pub person: &'a str,
    pub role: Option<&'a str>,
    pub organisation: &'a str,
    pub evidence: EvidenceView<'a>,
}

#[derive(Debug, Serialize)]
pub struct TitleView<'a> {
    pub person: &'a str,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub constituency: Option<&'a str>,
    pub evidence: EvidenceView<'a>,
}

#[derive(Debug, Serialize)]
pub struct ParticipationView<'a> {
    pub person: &'a str,
    pub role: &'a str,
    pub event: &'a str,
    pub evidence: EvidenceView<'a>,
}

#[derive(Debug, Serialize)]
pub struct QuoteView<'a> {
    pub speaker: &'a str,
    pub text: &'a str,
    pub evidence: EvidenceView<'a>,
}

impl<'a> ExtractionView<'a> {
    pub fn new(doc: &'a Document, ex: &'a Extraction) -> Self {
        let name = |i: usize| ex.entities[i].name.as_str();
        let evidence = |e: &'a Evidence| {
            let s = &doc.sentences[e.sentence];
            EvidenceView {
                sentence: doc.sentence_text(e.sentence),
                start: s.start,
                end: s.end,
                rule: e.rule,
                confidence: e.confidence,
            }
        };
        ExtractionView {
            title: doc.meta.title.as_deref(),
            main_event: ex.main_event.map(name),
            entities: ex
                .entities
                .iter()
                .map(|e| EntityView {
                    kind: e.kind,
                    name: &e.name,
                    aliases: e.aliases.iter().map(String::as_str).collect(),
                    honorifics: e.honorifics.iter().map(String::as_str).collect(),
                    part_of: e.part_of.map(name),
                })
                .collect(),
            affiliations: ex
                .memberships
                .iter()
                .map(|m| AffiliationView {
                    person: name(m.member),
                    role: m.role.as_deref(),
                    organisation: name(m.organization),
                    evidence: evidence(&m.evidence),
                })
                .collect(),
            titles: ex
                .entities
                .iter()
                .flat_map(|e| e.job_titles.iter().map(move |t| (e, t)))
                .map(|(e, t)| TitleView {
                    person: &e.name,
                    title: &t.title,
                    jurisdiction: t.jurisdiction.map(name),
                    constituency: t.constituency.map(name),
                    evidence: evidence(&t.evidence),
                })
                .collect(),
            participation: ex
                .participations
                .iter()
                .map(|p| ParticipationView {
                    person: name(p.person),
                    role: p.role.name(),
                    event: name(p.event),
                    evidence: evidence(&p.evidence),
                })
                .collect(),
            quotes: ex
                .quotations
                .iter()
                .map(|q| QuoteView {
                    speaker: name(q.speaker),
                    text: &q.text,
                    evidence: evidence(&q.evidence),
                })
                .collect(),
        }
    }
}
