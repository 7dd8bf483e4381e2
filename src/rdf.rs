//! A read document and its extraction → RDF quads in the report's named graph.
//!
//! IRIs follow the scheme of `iri`: people, organisations, places and roles from their
//! canonical names (so the same name in two reports is one node), events, sentences and claims
//! under the report's IRI (an "opening plenary" belongs to its own report). This module knows the
//! vocabulary and the shapes in `ontology/`; it knows nothing of the store.

use crate::iri::{entity_iri, role_iri, slug};
use crate::model::{Document, EntityKind, Evidence, Extraction};

pub use crate::iri::report_iri;
use crate::vocab::{org, prov, rdf, rdfs, schema, ties, xsd, DATA_NS};
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

    // Sentences are written once each, for the claims that cite them.
    let mut sentences: BTreeMap<usize, NamedNode> = BTreeMap::new();
    let mut sentence_iri = |i: usize| {
        sentences
            .entry(i)
            .or_insert_with(|| {
                NamedNode::new_unchecked(format!("{}/sentence/{i}", report.as_str()))
            })
            .clone()
    };

    for (e, iri) in ex.entities.iter().zip(&entity_iris) {
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
        // Which reports mention an entity is the graphs that describe it (`GRAPH ?report`);
        // no triple says it again.
        if e.kind == EntityKind::Event {
            if let Some(parent) = e.part_of {
                w.add(&entity_iris[parent], schema::SUB_EVENT, iri.clone());
                w.add(iri, schema::SUPER_EVENT, entity_iris[parent].clone());
            }
            if let Some(place) = e.location {
                w.add(iri, schema::LOCATION, entity_iris[place].clone());
            }
        }
    }
    if let Some(p) = ex.publisher {
        w.add(report, schema::PUBLISHER, entity_iris[p].clone());
    }

    let claim =
        |kind: &str, n: usize| NamedNode::new_unchecked(format!("{}/{kind}/{n}", report.as_str()));
    let mut evidence = |w: &mut GraphWriter, c: &NamedNode, ev: &Evidence| {
        w.add(c, prov::WAS_DERIVED_FROM, sentence_iri(ev.sentence));
        w.text(c, ties::RULE, ev.rule);
        w.typed(
            c,
            ties::CONFIDENCE,
            format!("{:.2}", ev.confidence),
            xsd::DECIMAL,
        );
    };

    for (n, m) in ex.memberships.iter().enumerate() {
        let c = claim("membership", n);
        w.kind(&c, org::MEMBERSHIP);
        w.add(&c, org::MEMBER, entity_iris[m.member].clone());
        w.add(&c, org::ORGANIZATION, entity_iris[m.organization].clone());
        w.add(
            &entity_iris[m.member],
            org::MEMBER_OF,
            entity_iris[m.organization].clone(),
        );
        if let Some(role) = &m.role {
            let r = role_iri(role);
            w.kind(&r, org::ROLE);
            w.text(&r, rdfs::LABEL, role);
            w.add(&c, org::ROLE_PROP, r);
        }
        evidence(&mut w, &c, &m.evidence);
    }
    for (n, p) in ex.participations.iter().enumerate() {
        let c = claim("participation", n);
        let person = entity_iris[p.person].clone();
        let event = &entity_iris[p.event];
        w.kind(&c, ties::PARTICIPATION);
        w.add(&c, ties::PARTICIPANT, person.clone());
        w.add(&c, ties::EVENT, event.clone());
        w.text(&c, ties::PARTICIPATION_ROLE, p.role.name());
        let direct = match p.role {
            crate::model::PartRole::Speaker => ties::SPEAKER,
            crate::model::PartRole::Chair => ties::CHAIR,
            crate::model::PartRole::Organiser => schema::ORGANIZER,
            crate::model::PartRole::Attendee => schema::ATTENDEE,
        };
        w.add(event, direct, person);
        evidence(&mut w, &c, &p.evidence);
    }
    for (n, q) in ex.quotations.iter().enumerate() {
        let c = claim("quotation", n);
        w.kind(&c, schema::QUOTATION);
        w.text(&c, schema::TEXT, &q.text);
        w.add(&c, schema::CREATOR, entity_iris[q.speaker].clone());
        evidence(&mut w, &c, &q.evidence);
    }

    for (i, iri) in sentences {
        let s = &doc.sentences[i];
        w.kind(&iri, ties::SENTENCE);
        w.text(&iri, schema::TEXT, doc.sentence_text(i));
        w.typed(&iri, ties::START_OFFSET, s.start.to_string(), xsd::INTEGER);
        w.typed(&iri, ties::END_OFFSET, s.end.to_string(), xsd::INTEGER);
    }

    // The same triple may be written twice (a role shared by two claims): keep the first.
    let mut seen = std::collections::HashSet::with_capacity(w.quads.len());
    let first: Vec<bool> = w.quads.iter().map(|q| seen.insert(q)).collect();
    drop(seen);
    let mut first = first.into_iter();
    let mut quads = w.quads;
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

