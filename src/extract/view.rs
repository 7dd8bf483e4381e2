//! A readable view of an extraction for `ties extract --format json`: entities by name, claims
//! with their evidence sentence quoted, instead of indices; and its explanation for `ties
//! extract --explain`: each claim with the rule that made it.

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

impl ExtractionView<'_> {
    /// Each claim with the rule that made it, its confidence, what the rule reads and the
    /// sentence it was read from, as text.
    ///
    /// ```
    /// use ties::extract::{view::ExtractionView, Extractor};
    /// use ties::model::{Format, Metadata};
    /// let doc = ties::read::document_from_text(
    ///     "Ana Ruiz, treasurer of the Harbour Workers' Alliance, opened the meeting.".into(),
    ///     Format::Text, None, Metadata::default());
    /// let ex = Extractor::new().extract(&doc);
    /// let text = ExtractionView::new(&doc, &ex).explain();
    /// assert!(text.contains("rule name-then-role (0.85)"));
    /// ```
    pub fn explain(&self) -> String {
        let mut out = String::new();
        let mut claim = |what: String, e: &EvidenceView| {
            let reads = super::rules::by_name(e.rule).map_or("", |r| r.reads);
            out.push_str(&format!(
                "{what}\n  rule {} ({:.2}): {reads}\n  sentence [{}..{}]: {}\n\n",
                e.rule,
                e.confidence,
                e.start,
                e.end,
                e.sentence.split_whitespace().collect::<Vec<_>>().join(" ")
            ));
        };
        for a in &self.affiliations {
            let role = a.role.map(|r| format!(" as {r}")).unwrap_or_default();
            claim(
                format!("affiliation: {}{role} of {}", a.person, a.organisation),
                &a.evidence,
            );
        }
        for t in &self.titles {
            let place = t.jurisdiction.or(t.constituency);
            let place = place.map(|p| format!(" ({p})")).unwrap_or_default();
            claim(
                format!("title: {} is {}{place}", t.person, t.title),
                &t.evidence,
            );
        }
        for p in &self.participation {
            claim(
                format!("participation: {} was {} at {}", p.person, p.role, p.event),
                &p.evidence,
            );
        }
        for q in &self.quotes {
            let text: String = q.text.chars().take(80).collect();
            claim(
                format!("quotation: {} said \"{text}\"", q.speaker),
                &q.evidence,
            );
        }
        if out.is_empty() {
            out.push_str(
                "no claims: no affiliation, title, participation or quotation was found\n",
            );
        }
        out
    }
}
