//! A read document and its extraction → RDF quads in the report's named graph.
//!
//! IRIs follow the scheme of `iri`: people, organisations, places and roles from their
//! canonical names (so the same name in two reports is one node), events, sentences and claims
//! under the report's IRI (an "opening plenary" belongs to its own report). This module knows the
//! vocabulary and the shapes in `ontology/`; it knows nothing of the store.

use crate::iri::{entity_iri, role_iri, slug};
use crate::model::{
    Document, EntityKind, Evidence, Extraction, Membership, PartRole, Participation, Quotation,
};

pub use crate::iri::{in_report_namespace, is_old_report_iri, report_iri};
use crate::vocab::{org, prov, rdf, rdfs, schema, ties, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, Quad, Term};
use std::collections::BTreeMap;

/// Builds the quads of one report's graph.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(
            s.clone(),
            p.into_owned(),
            o.into(),
            self.graph.clone(),
        ));
    }
    fn text(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
    fn typed(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, value: String, dt: NamedNodeRef<'_>) {
        self.add(s, p, Literal::new_typed_literal(value, dt));
    }
    fn kind(&mut self, s: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(s, rdf::TYPE, class.into_owned());
    }
}

/// All quads for one report: the report node, the sentences its claims cite, its entities and
/// claims, in the graph named by `report`.
pub fn report_quads(report: &NamedNode, doc: &Document, ex: &Extraction) -> Vec<Quad> {
    let mut w = GraphWriter {
        graph: GraphName::NamedNode(report.clone()),
        quads: Vec::new(),
    };
    write_report(&mut w, report, doc);
    let entity_iris: Vec<NamedNode> = ex
        .entities
        .iter()
        .map(|e| match e.kind {
            EntityKind::Event => {
                NamedNode::new_unchecked(format!("{}/event/{}", report.as_str(), slug(&e.name)))
            }
            kind => entity_iri(kind, &e.name),
        })
        .collect();
    write_entities(&mut w, ex, &entity_iris);
    if let Some(p) = ex.publisher {
        w.add(report, schema::PUBLISHER, entity_iris[p].clone());
    }
    let mut claims = Claims {
        w,
        report,
        entities: &entity_iris,
        sentences: BTreeMap::new(),
    };
    for (n, m) in ex.memberships.iter().enumerate() {
        claims.membership(n, m);
    }
    for (n, p) in ex.participations.iter().enumerate() {
        claims.participation(n, p);
    }
    for (n, q) in ex.quotations.iter().enumerate() {
        claims.quotation(n, q);
    }
    let Claims {
        mut w, sentences, ..
    } = claims;
    write_sentences(&mut w, doc, sentences);
    first_of_each(w.quads)
}

/// The entities of a report: type, names, titles; events with their parent and place. Which
/// reports mention an entity is the graphs that describe it (`GRAPH ?report`); no triple says
/// it again.
fn write_entities(w: &mut GraphWriter, ex: &Extraction, iris: &[NamedNode]) {
    for (e, iri) in ex.entities.iter().zip(iris) {
        let class = match e.kind {
            EntityKind::Person => schema::PERSON,
            EntityKind::Organization => schema::ORGANIZATION,
            EntityKind::Place => schema::PLACE,
            EntityKind::Event => schema::EVENT,
        };
        w.kind(iri, class);
        w.text(iri, schema::NAME, &e.name);
        for alias in &e.aliases {
            w.text(iri, schema::ALTERNATE_NAME, alias);
        }
        for h in &e.honorifics {
            w.text(iri, ties::HONORIFIC, h);
        }
        for t in &e.job_titles {
            w.text(iri, schema::JOB_TITLE, &t.title);
        }
        if e.kind == EntityKind::Event {
            if let Some(parent) = e.part_of {
                w.add(&iris[parent], schema::SUB_EVENT, iri.clone());
                w.add(iri, schema::SUPER_EVENT, iris[parent].clone());
            }
            if let Some(place) = e.location {
                w.add(iri, schema::LOCATION, iris[place].clone());
            }
        }
    }
}

/// Writes the claims of one report, each with its evidence; remembers the sentences they cite,
/// which are written once each at the end.
struct Claims<'a> {
    w: GraphWriter,
    report: &'a NamedNode,
    entities: &'a [NamedNode],
    sentences: BTreeMap<usize, NamedNode>,
}

impl Claims<'_> {
    fn claim(&self, kind: &str, n: usize) -> NamedNode {
        NamedNode::new_unchecked(format!("{}/{kind}/{n}", self.report.as_str()))
    }

    fn evidence(&mut self, c: &NamedNode, ev: &Evidence) {
        let report = self.report;
        let sentence = self
            .sentences
            .entry(ev.sentence)
            .or_insert_with(|| {
                NamedNode::new_unchecked(format!("{}/sentence/{}", report.as_str(), ev.sentence))
            })
            .clone();
        self.w.add(c, prov::WAS_DERIVED_FROM, sentence);
        self.w.text(c, ties::RULE, ev.rule);
        let confidence = format!("{:.2}", ev.confidence);
        self.w.typed(c, ties::CONFIDENCE, confidence, xsd::DECIMAL);
    }

    fn membership(&mut self, n: usize, m: &Membership) {
        let c = self.claim("membership", n);
        let (member, organization) = (&self.entities[m.member], &self.entities[m.organization]);
        let w = &mut self.w;
        w.kind(&c, org::MEMBERSHIP);
        w.add(&c, org::MEMBER, member.clone());
        w.add(&c, org::ORGANIZATION, organization.clone());
        w.add(member, org::MEMBER_OF, organization.clone());
        if let Some(role) = &m.role {
            let r = role_iri(role);
            w.kind(&r, org::ROLE);
            w.text(&r, rdfs::LABEL, role);
            w.add(&c, org::ROLE_PROP, r);
        }
        self.evidence(&c, &m.evidence);
    }

    fn participation(&mut self, n: usize, p: &Participation) {
        let c = self.claim("participation", n);
        let (person, event) = (&self.entities[p.person], &self.entities[p.event]);
        let w = &mut self.w;
        w.kind(&c, ties::PARTICIPATION);
        w.add(&c, ties::PARTICIPANT, person.clone());
        w.add(&c, ties::EVENT, event.clone());
        w.text(&c, ties::PARTICIPATION_ROLE, p.role.name());
        let direct = match p.role {
            PartRole::Speaker => ties::SPEAKER,
            PartRole::Chair => ties::CHAIR,
            PartRole::Organiser => schema::ORGANIZER,
            PartRole::Attendee => schema::ATTENDEE,
        };
        w.add(event, direct, person.clone());
        self.evidence(&c, &p.evidence);
    }

    fn quotation(&mut self, n: usize, q: &Quotation) {
        let c = self.claim("quotation", n);
        let speaker = self.entities[q.speaker].clone();
        self.w.kind(&c, schema::QUOTATION);
        self.w.text(&c, schema::TEXT, &q.text);
        self.w.add(&c, schema::CREATOR, speaker);
        self.evidence(&c, &q.evidence);
    }
}

/// The sentences the claims cite: text and byte offsets.
fn write_sentences(w: &mut GraphWriter, doc: &Document, sentences: BTreeMap<usize, NamedNode>) {
    for (i, iri) in sentences {
        let s = &doc.sentences[i];
        w.kind(&iri, ties::SENTENCE);
        w.text(&iri, schema::TEXT, doc.sentence_text(i));
        w.typed(&iri, ties::START_OFFSET, s.start.to_string(), xsd::INTEGER);
        w.typed(&iri, ties::END_OFFSET, s.end.to_string(), xsd::INTEGER);
    }
}

/// The quads without repeats (a role shared by two claims is written twice): the first of each.
fn first_of_each(mut quads: Vec<Quad>) -> Vec<Quad> {
    let mut seen = std::collections::HashSet::with_capacity(quads.len());
    let first: Vec<bool> = quads.iter().map(|q| seen.insert(q)).collect();
    drop(seen);
    let mut first = first.into_iter();
    quads.retain(|_| first.next().unwrap_or(false));
    quads
}

fn write_report(w: &mut GraphWriter, report: &NamedNode, doc: &Document) {
    w.kind(report, ties::REPORT);
    w.kind(report, schema::REPORT);
    if let Some(title) = &doc.meta.title {
        w.text(report, schema::NAME, title);
    }

    if let Some(date) = &doc.meta.date {
        w.typed(report, schema::DATE_PUBLISHED, date.clone(), xsd::DATE);
    }
    if let Some(url) = &doc.meta.url {
        w.typed(report, schema::URL, url.clone(), xsd::ANY_URI);
    }
    if let Some(source) = &doc.source {
        w.text(report, ties::SOURCE_FILE, &source.to_string_lossy());
    }
    w.text(report, ties::FORMAT, doc.format.name());
    w.typed(
        report,
        ties::TEXT_LENGTH,
        doc.text.len().to_string(),
        xsd::INTEGER,
    );
    w.text(report, ties::CONTENT_HASH, &doc.content_hash);
}

/// Writes quads as Turtle (their graph dropped: one report's graph at a time), with ties'
/// prefixes.
pub fn write_turtle(quads: &[Quad], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut writer = crate::vocab::serializer(oxigraph::io::RdfFormat::Turtle).for_writer(out);
    for q in quads {
        writer.serialize_triple(oxigraph::model::TripleRef::new(
            &q.subject,
            &q.predicate,
            &q.object,
        ))?;
    }
    writer.finish()?;
    Ok(())
}
