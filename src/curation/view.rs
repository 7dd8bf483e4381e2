//! The curated view of one report graph, as pure functions on quads: the raw graph with the
//! judgements applied (rejected claims and the direct triples only they stated dropped; merged
//! entities renamed to the entity kept, their names made `schema:alternateName`), and the
//! record of what that changed, from which the raw graph is rebuilt exactly.
//!
//! It must not touch the store or run queries: `curation` reads and writes, this computes.

use crate::vocab::{org, schema, ties};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
    TripleRef,
};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The judgements as the view applies them: which entity each merged entity becomes, the name
/// of each entity kept, the claims rejected.
#[derive(Debug, Default, Clone)]
pub struct Rules {
    /// Merged entity → the entity kept for its whole cluster.
    pub canonical: HashMap<NamedNode, NamedNode>,
    /// Entity kept → its name, for reports that name only its duplicates.
    pub kept_names: HashMap<NamedNode, String>,
    pub rejected: HashSet<NamedNode>,
}

impl Rules {
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty() && self.rejected.is_empty()
    }

    fn map<'a>(&'a self, node: &'a NamedNode) -> &'a NamedNode {
        self.canonical.get(node).unwrap_or(node)
    }
}

/// What curating a graph changed: the quads added and removed, and the IRIs whose judgements
/// caused it (merged entities renamed, claims dropped).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Change {
    pub added: Vec<Quad>,
    pub removed: Vec<Quad>,
    pub touches: BTreeSet<NamedNode>,
}

impl Change {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// The curated quads of one graph from its raw quads, and what changed.
pub fn curate(rules: &Rules, raw: &[Quad]) -> (Vec<Quad>, Change) {
    let mut touches = BTreeSet::new();
    let dropped = dropped_by_rejections(rules, raw, &mut touches);
    let named: HashSet<&NamedOrBlankNode> = raw
        .iter()
        .filter(|q| q.predicate.as_ref() == schema::NAME)
        .map(|q| &q.subject)
        .collect();
    let mut out: Vec<Quad> = Vec::with_capacity(raw.len());
    for (i, q) in raw.iter().enumerate() {
        if dropped.contains(&i) {
            continue;
        }
        let mut q = q.clone();
        if let NamedOrBlankNode::NamedNode(s) = &q.subject {
            let kept = rules.map(s);
            if kept != s {
                touches.insert(s.clone());
                if q.predicate.as_ref() == schema::NAME {
                    q.predicate = schema::ALTERNATE_NAME.into_owned();
                }
                let kept_subject = NamedOrBlankNode::NamedNode(kept.clone());
                if !named.contains(&kept_subject) {
                    if let Some(name) = rules.kept_names.get(kept) {
                        out.push(Quad::new(
                            kept.clone(),
                            schema::NAME.into_owned(),
                            Literal::new_simple_literal(name),
                            q.graph_name.clone(),
                        ));
                    }
                }
                q.subject = kept_subject;
            }
        }
        if let Term::NamedNode(o) = &q.object {
            let kept = rules.map(o);
            if kept != o {
                touches.insert(o.clone());
                q.object = Term::NamedNode(kept.clone());
            }
        }
        out.push(q);
    }
    let curated = first_of_each(out);
    let change = diff(raw, &curated, touches);
    (curated, change)
}

/// The quads (by position) a rejection drops: the claim's own, and the direct triples
/// (`org:memberOf`, `ties:speaker`…) that no claim left standing states.
fn dropped_by_rejections(
    rules: &Rules,
    raw: &[Quad],
    touches: &mut BTreeSet<NamedNode>,
) -> HashSet<usize> {
    let mut dropped = HashSet::new();
    if rules.rejected.is_empty() {
        return dropped;
    }
    let is_rejected = |s: &NamedOrBlankNode| matches!(s, NamedOrBlankNode::NamedNode(n) if rules.rejected.contains(n));
    // The direct triple each claim stands for, by claim.
    let mut direct: HashMap<&NamedOrBlankNode, [Option<&Term>; 4]> = HashMap::new();
    for q in raw {
        let slot = match q.predicate.as_ref() {
            p if p == org::MEMBER || p == ties::PARTICIPANT => 0,
            p if p == org::ORGANIZATION || p == ties::EVENT => 1,
            p if p == ties::PARTICIPATION_ROLE => 2,
            p if p == schema::CREATOR => 3,
            _ => continue,
        };
        direct.entry(&q.subject).or_default()[slot] = Some(&q.object);
    }
    let mirror = |claim: &[Option<&Term>; 4]| -> Option<(Term, NamedNode, Term)> {
        let (who, what) = (claim[0]?, claim[1]?);
        let predicate = match claim[2] {
            None => return Some((who.clone(), org::MEMBER_OF.into_owned(), what.clone())),
            Some(Term::Literal(role)) => participation_predicate(role.value())?,
            Some(_) => return None,
        };
        Some((what.clone(), predicate.into_owned(), who.clone()))
    };
    let (mut kept, mut lost) = (HashSet::new(), HashSet::new());
    for (claim, parts) in &direct {
        if let Some(m) = mirror(parts) {
            if is_rejected(claim) {
                lost.insert(m);
            } else {
                kept.insert(m);
            }
        }
    }
    for (i, q) in raw.iter().enumerate() {
        if is_rejected(&q.subject) {
            if let NamedOrBlankNode::NamedNode(n) = &q.subject {
                touches.insert(n.clone());
            }
            dropped.insert(i);
            continue;
        }
        let key = (
            q.subject.clone().into(),
            q.predicate.clone(),
            q.object.clone(),
        );
        if lost.contains(&key) && !kept.contains(&key) {
            dropped.insert(i);
        }
    }
    dropped
}

/// The direct predicate a participation of this part is mirrored by.
fn participation_predicate(part: &str) -> Option<NamedNodeRef<'static>> {
    Some(match part {
        "speaker" => ties::SPEAKER,
        "chair" => ties::CHAIR,
        "organiser" => schema::ORGANIZER,
        "attendee" => schema::ATTENDEE,
        _ => return None,
    })
}

/// The quads without repeats, the first of each kept in order.
fn first_of_each(quads: Vec<Quad>) -> Vec<Quad> {
    let mut seen = HashSet::with_capacity(quads.len());
    quads
        .into_iter()
        .filter(|q| seen.insert(q.clone()))
        .collect()
}

fn diff(raw: &[Quad], curated: &[Quad], touches: BTreeSet<NamedNode>) -> Change {
    let raw_set: HashSet<&Quad> = raw.iter().collect();
    let curated_set: HashSet<&Quad> = curated.iter().collect();
    Change {
        added: curated
            .iter()
            .filter(|q| !raw_set.contains(q))
            .cloned()
            .collect(),
        removed: first_of_each(
            raw.iter()
                .filter(|q| !curated_set.contains(q))
                .cloned()
                .collect(),
        ),
        touches,
    }
}

/// The raw graph from its curated quads and the change recorded when they were curated.
pub fn restore(current: &[Quad], change: &Change) -> Vec<Quad> {
    let added: HashSet<&Quad> = change.added.iter().collect();
    let mut raw: Vec<Quad> = current
        .iter()
        .filter(|q| !added.contains(q))
        .cloned()
        .collect();
    raw.extend(change.removed.iter().cloned());
    first_of_each(raw)
}

/// Quads (of one graph) as N-Triples text, the form a record keeps them in.
pub fn to_ntriples(quads: &[Quad]) -> String {
    let mut out = Vec::new();
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(&mut out);
    for q in quads {
        // Writing into a Vec cannot fail.
        let _ = w.serialize_triple(TripleRef::new(&q.subject, &q.predicate, &q.object));
    }
    let _ = w.finish();
    String::from_utf8(out).unwrap_or_default()
}

/// N-Triples text back into quads of `graph`; `None` when it does not parse.
pub fn from_ntriples(text: &str, graph: &NamedNode) -> Option<Vec<Quad>> {
    crate::store::parse_quads(
        RdfFormat::NTriples,
        text.as_bytes(),
        GraphNameRef::NamedNode(graph.as_ref()),
    )
    .ok()
}

/// The quads of a graph's record in the record graph `record`: what curating `graph` changed.
pub fn record_quads(graph: &NamedNode, change: &Change, record: &NamedNode) -> Vec<Quad> {
    if change.is_empty() {
        return Vec::new();
    }
    let g = GraphName::NamedNode(record.clone());
    let text = |quads: &[Quad]| Term::from(Literal::new_simple_literal(to_ntriples(quads)));
    let mut out = vec![
        Quad::new(
            graph.clone(),
            ties::CURATION_ADDED.into_owned(),
            text(&change.added),
            g.clone(),
        ),
        Quad::new(
            graph.clone(),
            ties::CURATION_REMOVED.into_owned(),
            text(&change.removed),
            g.clone(),
        ),
    ];
    for t in &change.touches {
        out.push(Quad::new(
            graph.clone(),
            ties::CURATION_TOUCHES.into_owned(),
            t.clone(),
            g.clone(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::rdf;

    fn n(iri: &str) -> NamedNode {
        NamedNode::new_unchecked(iri)
    }

    fn q(s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>) -> Quad {
        Quad::new(n(s), p.into_owned(), o.into(), n("urn:ties:report/r"))
    }

    fn set(quads: &[Quad]) -> HashSet<Quad> {
        quads.iter().cloned().collect()
    }

    fn lit(text: &str) -> Term {
        Literal::new_simple_literal(text).into()
    }

    fn report() -> Vec<Quad> {
        vec![
            q("urn:p:okafor-mp", schema::NAME, lit("Okafor MP")),
            q("urn:p:okafor-mp", rdf::TYPE, schema::PERSON.into_owned()),
            q("urn:o:hwf", schema::NAME, lit("HWF")),
            q("urn:r/m/1", org::MEMBER, n("urn:p:okafor-mp")),
            q("urn:r/m/1", org::ORGANIZATION, n("urn:o:hwf")),
            q("urn:p:okafor-mp", org::MEMBER_OF, n("urn:o:hwf")),
            q("urn:r/c/1", ties::PARTICIPANT, n("urn:p:okafor-mp")),
            q("urn:r/c/1", ties::EVENT, n("urn:e:1")),
            q("urn:r/c/1", ties::PARTICIPATION_ROLE, lit("speaker")),
            q("urn:e:1", ties::SPEAKER, n("urn:p:okafor-mp")),
        ]
    }

    fn rules() -> Rules {
        let mut r = Rules::default();
        r.canonical.insert(n("urn:o:hwf"), n("urn:o:harbour"));
        r.kept_names
            .insert(n("urn:o:harbour"), "Harbour Workers' Federation".into());
        r
    }

    #[test]
    fn a_merged_entity_takes_the_kept_iri_and_its_name_becomes_an_alternate() {
        let raw = report();
        let (curated, change) = curate(&rules(), &raw);
        assert!(curated.contains(&q(
            "urn:o:harbour",
            schema::NAME,
            lit("Harbour Workers' Federation")
        )));
        assert!(curated.contains(&q("urn:o:harbour", schema::ALTERNATE_NAME, lit("HWF"))));
        assert!(curated.contains(&q("urn:p:okafor-mp", org::MEMBER_OF, n("urn:o:harbour"))));
        assert!(!curated.iter().any(|x| x.to_string().contains("urn:o:hwf")));
        assert_eq!(change.touches, BTreeSet::from([n("urn:o:hwf")]));
        assert_eq!(set(&restore(&curated, &change)), set(&raw));
    }

    #[test]
    fn a_rejected_claim_goes_with_the_direct_triple_only_it_stated() {
        let mut r = Rules::default();
        r.rejected.insert(n("urn:r/c/1"));
        let raw = report();
        let (curated, change) = curate(&r, &raw);
        assert!(!curated
            .iter()
            .any(|x| x.subject.to_string() == "<urn:r/c/1>"));
        assert!(!curated.contains(&q("urn:e:1", ties::SPEAKER, n("urn:p:okafor-mp"))));
        assert!(curated.contains(&q("urn:p:okafor-mp", org::MEMBER_OF, n("urn:o:hwf"))));
        assert_eq!(change.removed.len(), 4);
        assert_eq!(set(&restore(&curated, &change)), set(&raw));
        // Another claim stating the same tie keeps the direct triple.
        let mut twice = raw.clone();
        twice.push(q("urn:r/c/2", ties::PARTICIPANT, n("urn:p:okafor-mp")));
        twice.push(q("urn:r/c/2", ties::EVENT, n("urn:e:1")));
        twice.push(q("urn:r/c/2", ties::PARTICIPATION_ROLE, lit("speaker")));
        let (curated, _) = curate(&r, &twice);
        assert!(curated.contains(&q("urn:e:1", ties::SPEAKER, n("urn:p:okafor-mp"))));
    }

    #[test]
    fn records_keep_quads_as_ntriples() {
        let raw = report();
        let g = n("urn:ties:report/r");
        let back = from_ntriples(&to_ntriples(&raw), &g).expect("parses");
        assert_eq!(back, raw);
        let (_, change) = curate(&rules(), &raw);
        let record = record_quads(&g, &change, &n("urn:ties:curation/record"));
        assert_eq!(record.len(), 3);
        assert!(record_quads(&g, &Change::default(), &g).is_empty());
    }
}
