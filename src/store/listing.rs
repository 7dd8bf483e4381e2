//! The listing index: one node per listed entity (a person or an organisation, under each name
//! it bears) in the graph `urn:ties:listing`, holding what the `people` and `organisations`
//! listings show (names, other names, titles, how many reports, how many members), so that
//! listing a whole archive reads one node per entity instead of every report's copy of it.
//!
//! Why an index and not a faster query: a person named in 1,000 reports has 1,000 copies of
//! their name, type and titles, one per report graph (being in a report's graph is what ties a
//! node to its report). Grouping those copies is what the listings cost: 57 s for the
//! people of 100,000 generated reports, however the query is written. The index does that
//! grouping once, when a report is written.
//!
//! Kept by counting, so that a write costs what it writes and not what the archive holds: each
//! node keeps, besides what the listing shows, tallies (how many of the entity's reports give
//! each other name, title and member, as tally nodes with integer counts), and every write adds
//! what its new graphs contribute and takes away what its old graphs did. The store's own write
//! paths do it, in the embedded store only: a graph replaced or edited (`Store::replace_graphs`,
//! `Store::apply`: re-ingest, `ties remove`, every judgement, the Graph Store Protocol) in the
//! same transaction, from the graph as it was and as it is; the bulk writer from the quads it is
//! given, when it commits for good; a SPARQL Update around it, over the graphs its text names
//! (`Store::keep_listing_around`), or, when it may write anywhere, by rebuilding the index. The
//! marker `<urn:ties:listing> ties:listingComplete true` says the index is whole: the bulk
//! writer takes it away while its graphs are in the store and not yet counted, so a killed
//! ingest leaves no marker, and the next write rebuilds the index. Named queries
//! read the index only while the marker is there (`crate::queries`); without it (a remote
//! engine, an interrupted ingest, a store written by an older ties) they read the report graphs,
//! slower and the same.
//!
//! This module reads and writes quads only; it runs no SPARQL and knows nothing of reports.

use crate::error::Result;
use crate::vocab::{org, rdf, schema, ties};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode,
    NamedOrBlankNodeRef, Quad, Term, TermRef,
};
use oxigraph::store::{Store as Oxigraph, Transaction};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

/// The graph the index lives in.
pub const LISTING_GRAPH: &str = "urn:ties:listing";

/// Counts (rows and tallied values) held at most before they are written: a bulk load and a
/// rebuild write theirs on the way past this, so their memory is bounded by it (some tens of
/// MB of counts, a few hundred MB while they are written), not by the archive.
pub(super) const DELTA_LIMIT: usize = 100_000;

fn graph() -> NamedNodeRef<'static> {
    NamedNodeRef::new_unchecked(LISTING_GRAPH)
}

/// The kinds of entities the listings show.
const KINDS: [NamedNodeRef<'static>; 2] = [schema::PERSON, schema::ORGANIZATION];

/// Reads quads by pattern: the store, or a transaction (which sees its own writes).
pub(super) trait Quads {
    fn find(
        &self,
        s: Option<NamedOrBlankNodeRef<'_>>,
        p: Option<NamedNodeRef<'_>>,
        o: Option<TermRef<'_>>,
        g: Option<GraphNameRef<'_>>,
    ) -> Result<Vec<Quad>>;
}

/// The store and a transaction read alike.
macro_rules! quads_by_pattern {
    ($($reader:ty),*) => {$(
        impl Quads for $reader {
            fn find(
                &self,
                s: Option<NamedOrBlankNodeRef<'_>>,
                p: Option<NamedNodeRef<'_>>,
                o: Option<TermRef<'_>>,
                g: Option<GraphNameRef<'_>>,
            ) -> Result<Vec<Quad>> {
                Ok(self
                    .quads_for_pattern(s, p, o, g)
                    .collect::<std::result::Result<_, _>>()?)
            }
        }
    )*};
}

quads_by_pattern!(Oxigraph, Transaction<'_>);

/// The marker that says the index is whole.
fn marker() -> Quad {
    Quad::new(
        graph(),
        ties::LISTING_COMPLETE,
        Literal::from(true),
        graph(),
    )
}

/// True when the index is whole and may be read instead of the report graphs.
pub(super) fn is_complete(read: &impl Quads) -> Result<bool> {
    let m = marker();
    Ok(!read
        .find(
            Some(m.subject.as_ref()),
            Some(m.predicate.as_ref()),
            Some(m.object.as_ref()),
            Some(m.graph_name.as_ref()),
        )?
        .is_empty())
}

/// A graph whose entities the index lists: a named graph other than the index's own (the
/// listings count reports by `GRAPH ?report`, which the default graph never matches).
fn listed_graph(g: &GraphName) -> bool {
    matches!(g, GraphName::NamedNode(n) if n.as_str() != LISTING_GRAPH)
        || matches!(g, GraphName::BlankNode(_))
}

/// A listing row: an entity of a kind under one name.
type Key = (NamedNode, NamedOrBlankNode, Term);

/// What graphs add to (or, negative, take from) rows: reports, and per other name, title and
/// member, how many reports give it.
#[derive(Default, Debug)]
pub(super) struct Delta {
    rows: HashMap<Key, Counts>,
}

#[derive(Default, Debug)]
struct Counts {
    reports: i64,
    /// Indexed by `Tally`: other names, titles, members.
    tallies: [HashMap<Term, i64>; 3],
}

/// The three tallies a row keeps, each linked to its row by a predicate of its own.
#[derive(Clone, Copy, PartialEq)]
enum Tally {
    Alias = 0,
    Title = 1,
    Member = 2,
}

impl Tally {
    const ALL: [Tally; 3] = [Tally::Alias, Tally::Title, Tally::Member];

    fn link(self) -> NamedNodeRef<'static> {
        match self {
            Tally::Alias => ties::TALLY_OF_ALIAS,
            Tally::Title => ties::TALLY_OF_TITLE,
            Tally::Member => ties::TALLY_OF_MEMBER,
        }
    }
}

/// The quads of one graph the listings read: types, names, other names, titles, memberships.
const READ: [NamedNodeRef<'static>; 5] = [
    rdf::TYPE,
    schema::NAME,
    schema::ALTERNATE_NAME,
    schema::JOB_TITLE,
    org::MEMBER_OF,
];

impl Delta {
    /// Adds (`sign` 1) or takes away (-1) what the quads of whole graphs contribute.
    pub(super) fn count_quads(&mut self, quads: &[Quad], sign: i64) {
        let mut by_graph: HashMap<&GraphName, Vec<&Quad>> = HashMap::new();
        for q in quads {
            if listed_graph(&q.graph_name) && READ.contains(&q.predicate.as_ref()) {
                by_graph.entry(&q.graph_name).or_default().push(q);
            }
        }
        for graph in by_graph.values() {
            self.count_graph(graph, sign);
        }
    }

    /// Adds or takes away what `graphs`, as `read` sees them, contribute.
    pub(super) fn count_graphs<'a>(
        &mut self,
        read: &impl Quads,
        graphs: impl IntoIterator<Item = &'a GraphName>,
        sign: i64,
    ) -> Result<()> {
        for g in graphs.into_iter().filter(|g| listed_graph(g)) {
            let mut quads = Vec::new();
            for p in READ {
                quads.extend(read.find(None, Some(p), None, Some(g.as_ref()))?);
            }
            self.count_graph(&quads.iter().collect::<Vec<_>>(), sign);
        }
        Ok(())
    }

    /// One graph's rows: for each person or organisation with a name there, one report, and
    /// each of its other names, titles (people) and members (organisations) there once.
    fn count_graph(&mut self, quads: &[&Quad], sign: i64) {
        let mut of: HashMap<(&NamedOrBlankNode, NamedNodeRef<'_>), Vec<&Term>> = HashMap::new();
        let mut members: HashMap<&Term, Vec<Term>> = HashMap::new();
        for q in quads {
            if q.predicate == org::MEMBER_OF {
                members
                    .entry(&q.object)
                    .or_default()
                    .push(q.subject.clone().into());
            } else {
                of.entry((&q.subject, q.predicate.as_ref()))
                    .or_default()
                    .push(&q.object);
            }
        }
        let values = |s, p| of.get(&(s, p)).map(Vec::as_slice).unwrap_or_default();
        for ((entity, p), types) in &of {
            if *p != rdf::TYPE {
                continue;
            }
            for kind in KINDS
                .iter()
                .filter(|k| types.iter().any(|t| **t == Term::from(**k)))
            {
                for name in values(entity, schema::NAME) {
                    let row = self
                        .rows
                        .entry((kind.into_owned(), (*entity).clone(), (*name).clone()))
                        .or_default();
                    row.reports += sign;
                    let mut tally = |t: Tally, v: &Term| {
                        *row.tallies[t as usize].entry(v.clone()).or_default() += sign
                    };
                    for alias in values(entity, schema::ALTERNATE_NAME) {
                        tally(Tally::Alias, alias);
                    }
                    if *kind == schema::PERSON {
                        for title in values(entity, schema::JOB_TITLE) {
                            tally(Tally::Title, title);
                        }
                    } else {
                        let e: Term = (*entity).clone().into();
                        for m in members.get(&e).map(Vec::as_slice).unwrap_or_default() {
                            tally(Tally::Member, m);
                        }
                    }
                }
            }
        }
    }

    /// Writes the counts into the index as `tx` sees it: every row read first, then written,
    /// so the reads never wade through the transaction's own writes.
    pub(super) fn apply(self, tx: &mut Transaction<'_>) -> Result<()> {
        let changes = self.changes(&*tx)?;
        changes.write(tx);
        Ok(())
    }

    /// How many counts it holds: rows and tallied values.
    pub(super) fn size(&self) -> usize {
        self.rows
            .values()
            .map(|c| 1 + c.tallies.iter().map(HashMap::len).sum::<usize>())
            .sum()
    }

    /// What writing the counts changes in the index as `read` holds it.
    fn changes(self, read: &impl Quads) -> Result<Changes> {
        let mut changes = Changes::default();
        for (key, counts) in self.rows {
            row_changes(read, &key, counts, &mut changes)?;
        }
        Ok(changes)
    }
}

/// Quads of the index graph to remove, then to insert.
#[derive(Default)]
struct Changes {
    remove: Vec<Quad>,
    insert: Vec<Quad>,
}

impl Changes {
    /// Every quad of `s`, removed.
    fn remove_node(&mut self, read: &impl Quads, s: NamedNodeRef<'_>) -> Result<()> {
        self.remove
            .extend(read.find(Some(s.into()), None, None, Some(graph().into()))?);
        Ok(())
    }

    /// The object of `(s, p)` replaced by `o`.
    fn set(
        &mut self,
        read: &impl Quads,
        s: &NamedNode,
        p: NamedNodeRef<'_>,
        o: Term,
    ) -> Result<()> {
        self.remove.extend(read.find(
            Some(s.as_ref().into()),
            Some(p),
            None,
            Some(graph().into()),
        )?);
        self.insert.push(Quad::new(s.clone(), p, o, graph()));
        Ok(())
    }

    fn add(&mut self, s: &NamedNode, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.insert.push(Quad::new(s.clone(), p, o, graph()));
    }

    fn write(self, tx: &mut Transaction<'_>) {
        for q in &self.remove {
            tx.remove(q);
        }
        for q in &self.insert {
            tx.insert(q);
        }
    }
}

/// The integer object of `(s, p)` in the index graph, 0 when there is none.
fn count_of(read: &impl Quads, s: NamedNodeRef<'_>, p: NamedNodeRef<'_>) -> Result<i64> {
    Ok(read
        .find(Some(s.into()), Some(p), None, Some(graph().into()))?
        .first()
        .and_then(|q| match &q.object {
            Term::Literal(l) => l.value().parse().ok(),
            _ => None,
        })
        .unwrap_or(0))
}

fn integer(n: i64) -> Term {
    Literal::from(n).into()
}

/// The tally nodes of `row` for `t`.
fn entries(read: &impl Quads, row: &NamedNode, t: Tally) -> Result<Vec<NamedNode>> {
    Ok(read
        .find(
            None,
            Some(t.link()),
            Some(row.as_ref().into()),
            Some(graph().into()),
        )?
        .into_iter()
        .filter_map(|q| match q.subject {
            NamedOrBlankNode::NamedNode(n) => Some(n),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect())
}

/// One row's counts added to the index: its tallies moved, its shown values written again
/// where a value came or went, the row dropped when no report names it any more.
fn row_changes(read: &impl Quads, key: &Key, counts: Counts, out: &mut Changes) -> Result<()> {
    let (kind, entity, name) = key;
    let row = node_iri(&[kind.as_str(), &entity.to_string(), &name.to_string()]);
    let had = count_of(read, row.as_ref(), ties::LISTED_REPORTS)?;
    let reports = had + counts.reports;
    if reports <= 0 {
        for t in Tally::ALL {
            for entry in entries(read, &row, t)? {
                out.remove_node(read, entry.as_ref())?;
            }
        }
        return out.remove_node(read, row.as_ref());
    }
    if had <= 0 {
        out.add(&row, rdf::TYPE, ties::LISTED_ENTITY.into_owned());
        out.add(&row, ties::LISTED, entity.clone());
        out.add(&row, ties::LISTED_KIND, kind.clone());
        out.add(&row, ties::LISTED_NAME, name.clone());
    }
    out.set(read, &row, ties::LISTED_REPORTS, integer(reports))?;
    // Per tally, the values that came (count from 0) and went (count to 0).
    let mut came: [BTreeSet<String>; 3] = Default::default();
    let mut went: [BTreeSet<String>; 3] = Default::default();
    for (t, tally) in Tally::ALL.into_iter().zip(counts.tallies) {
        for (value, n) in tally.into_iter().filter(|(_, n)| *n != 0) {
            let entry = node_iri(&[row.as_str(), &(t as u8).to_string(), &value.to_string()]);
            let was = count_of(read, entry.as_ref(), ties::TALLY_COUNT)?;
            let now = was + n;
            if now <= 0 {
                out.remove_node(read, entry.as_ref())?;
            } else {
                if was <= 0 {
                    out.add(&entry, t.link(), row.clone());
                    out.add(&entry, ties::TALLY_VALUE, value.clone());
                }
                out.set(read, &entry, ties::TALLY_COUNT, integer(now))?;
            }
            match (was > 0, now > 0) {
                (false, true) => came[t as usize].insert(lexical(&value)),
                (true, false) => went[t as usize].insert(lexical(&value)),
                _ => false,
            };
        }
    }
    let moved = |t: Tally| had <= 0 || !came[t as usize].is_empty() || !went[t as usize].is_empty();
    if moved(Tally::Alias) {
        let shown = shown(read, &row, Tally::Alias, &came[0], &went[0])?;
        out.set(read, &row, ties::LISTED_ALIASES, shown)?;
    }
    if *kind == schema::PERSON {
        if moved(Tally::Title) {
            let shown = shown(read, &row, Tally::Title, &came[1], &went[1])?;
            out.set(read, &row, ties::LISTED_TITLES, shown)?;
        }
    } else if moved(Tally::Member) {
        let members = count_of(read, row.as_ref(), ties::LISTED_PEOPLE)?
            + i64::try_from(came[2].len()).unwrap_or(0)
            - i64::try_from(went[2].len()).unwrap_or(0);
        out.set(read, &row, ties::LISTED_PEOPLE, integer(members))?;
    }
    Ok(())
}

/// A tally's values as a listing shows them, sorted, joined by " | ": those `read` holds, less
/// those that went, with those that came.
fn shown(
    read: &impl Quads,
    row: &NamedNode,
    t: Tally,
    came: &BTreeSet<String>,
    went: &BTreeSet<String>,
) -> Result<Term> {
    let mut values = BTreeSet::new();
    for entry in entries(read, row, t)? {
        for q in read.find(
            Some(entry.as_ref().into()),
            Some(ties::TALLY_VALUE),
            None,
            Some(graph().into()),
        )? {
            values.insert(lexical(&q.object));
        }
    }
    values.retain(|v| !went.contains(v));
    values.extend(came.iter().cloned());
    let joined: Vec<&str> = values.iter().map(String::as_str).collect();
    Ok(Literal::new_simple_literal(joined.join(" | ")).into())
}

/// Takes the marker away (before writes that are counted later).
pub(super) fn mark_incomplete(store: &Oxigraph) -> Result<()> {
    store.remove(&marker())?;
    Ok(())
}

/// Writes `delta` and puts the marker back, in one transaction that only writes: the rows are
/// read from the store first (the bulk writer's graphs are committed, and it is the only writer).
pub(super) fn apply_and_complete(store: &Oxigraph, delta: Delta) -> Result<()> {
    write(store, delta, true)
}

/// Writes `delta` without the marker (a bulk load's counts on the way).
pub(super) fn apply(store: &Oxigraph, delta: Delta) -> Result<()> {
    write(store, delta, false)
}

fn write(store: &Oxigraph, delta: Delta, complete: bool) -> Result<()> {
    let changes = delta.changes(store)?;
    let mut tx = store.start_transaction()?;
    changes.write(&mut tx);
    if complete {
        tx.insert(&marker());
    }
    tx.commit()?;
    Ok(())
}

/// Builds the index whole from the report graphs: the index graph is dropped, every graph
/// counted, the counts written whenever they pass `DELTA_LIMIT` and at the end, then the marker.
pub(super) fn rebuild(store: &Oxigraph) -> Result<()> {
    store.remove_named_graph(graph())?;
    let mut delta = Delta::default();
    for g in store.named_graphs() {
        let g: GraphName = g?.into();
        delta.count_graphs(store, [&g], 1)?;
        if delta.size() > DELTA_LIMIT {
            apply(store, std::mem::take(&mut delta))?;
        }
    }
    apply_and_complete(store, delta)
}

fn lexical(t: &Term) -> String {
    match t {
        Term::Literal(l) => l.value().to_owned(),
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// An index node's IRI, from what it stands for: a rebuilt index is the same quads as the one
/// kept up to date.
fn node_iri(parts: &[&str]) -> NamedNode {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    let digest: String = hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    NamedNode::new_unchecked(format!("{LISTING_GRAPH}/{digest}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn person(name: &str, report: &str) -> Vec<Quad> {
        let e = NamedNode::new_unchecked(format!("urn:ties:person/{name}"));
        let g = NamedNode::new_unchecked(format!("urn:ties:report/{report}"));
        vec![
            Quad::new(e.clone(), rdf::TYPE, schema::PERSON, g.clone()),
            Quad::new(e, schema::NAME, Literal::new_simple_literal(name), g),
        ]
    }

    /// The report counts of the index nodes named `name`.
    fn reports_of(store: &Store, name: &str) -> Vec<i64> {
        let Backend::Embedded(s) = &store.backend else {
            panic!("an embedded store")
        };
        let name = Literal::new_simple_literal(name);
        s.find(
            None,
            Some(ties::LISTED_NAME),
            Some(name.as_ref().into()),
            Some(graph().into()),
        )
        .unwrap()
        .into_iter()
        .filter_map(|row| match row.subject {
            NamedOrBlankNode::NamedNode(n) => count_of(s, n.as_ref(), ties::LISTED_REPORTS).ok(),
            NamedOrBlankNode::BlankNode(_) => None,
        })
        .collect()
    }

    use crate::store::Backend;

    #[test]
    fn bulk_writes_replacements_and_removals_keep_the_counts() {
        let store = Store::in_memory().unwrap();
        let mut bulk = store.bulk_writer();
        bulk.add(person("ana", "r1")).unwrap();
        bulk.add(person("ana", "r2")).unwrap();
        bulk.finish().unwrap();
        assert!(store.listing_is_complete().unwrap());
        assert_eq!(reports_of(&store, "ana"), [2]);
        let r2 = NamedNode::new_unchecked("urn:ties:report/r2");
        store
            .replace_graphs(&[r2.clone().into()], &person("bo", "r2"))
            .unwrap();
        assert_eq!(reports_of(&store, "ana"), [1]);
        assert_eq!(reports_of(&store, "bo"), [1]);
        store.remove_graph(r2.as_ref()).unwrap();
        assert!(reports_of(&store, "bo").is_empty());
        assert!(store.listing_is_complete().unwrap());
    }

    #[test]
    fn a_long_bulk_load_writes_its_counts_on_the_way() {
        let store = Store::in_memory().unwrap();
        let mut bulk = store.bulk_writer();
        bulk.delta_limit = 0;
        bulk.add(person("ana", "r1")).unwrap();
        bulk.commit_graphs().unwrap();
        // Written already, the index still marked incomplete until the load ends.
        assert_eq!(reports_of(&store, "ana"), [1]);
        assert!(!store.listing_is_complete().unwrap());
        bulk.add(person("ana", "r2")).unwrap();
        bulk.finish().unwrap();
        assert!(store.listing_is_complete().unwrap());
        assert_eq!(reports_of(&store, "ana"), [2]);
    }

    #[test]
    fn an_index_left_incomplete_is_rebuilt_by_the_next_write() {
        let store = Store::in_memory().unwrap();
        store.bulk_writer().finish().unwrap();
        let mut bulk = store.bulk_writer();
        bulk.add(person("ana", "r1")).unwrap();
        bulk.commit_graphs().unwrap(); // a kill here: graphs in, their entities not listed
        drop(bulk);
        assert!(!store.listing_is_complete().unwrap());
        assert!(reports_of(&store, "ana").is_empty());
        let r3 = NamedNode::new_unchecked("urn:ties:report/r3");
        store
            .replace_graphs(&[r3.into()], &person("cy", "r3"))
            .unwrap();
        assert!(store.listing_is_complete().unwrap());
        assert_eq!(reports_of(&store, "ana"), [1]);
        assert_eq!(reports_of(&store, "cy"), [1]);
    }
}
