//! The store: the embedded Oxigraph store on disk (the default), or a remote SPARQL 1.1 engine
//! (`remote`), behind one type, `Store`: open it, replace or drop one report's graph whole,
//! bulk-load new reports' graphs, load RDF files, count. `Store` is the boundary between ties
//! and where its graph lives: everything above it (ingest, curation, the SPARQL layer) works on
//! either.
//!
//! Every write leaves each report whole or absent, even when ingest is killed halfway: in the
//! embedded store, graphs that replace others go through one transaction each; new graphs go
//! through Oxigraph's bulk loader (`BulkWriter`), whose commit ingests all its files at once
//! (RocksDB ingests the files of every column family in one atomic step). On a remote engine a
//! report's graph is replaced by one Update request (`remote`). This module parses neither
//! reports nor queries; it asks a remote engine only the lookups it makes of the embedded store
//! (a graph there, a report's content hash, counts).

mod batch;
mod bulk;
pub mod endpoint;
pub mod listing;
pub mod parse;
pub mod remote;

use bulk::remove_orphan_bulk_files;
pub use bulk::BulkWriter;
pub use parse::{
    check_xml_entities, parse_quads, parse_rdf, rdf_format_of, RdfRefusal, MAX_XML_ENTITY_BYTES,
};

use crate::error::{Error, Result};
use crate::vocab::ties;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use oxigraph::sparql::{QueryResults, QuerySolution};
use remote::{Answer, Remote};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A handle on the store; clones share it (Oxigraph's store is a handle itself, and a remote
/// engine's connection is shared).
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    path: PathBuf,
}

/// Where the graph lives.
#[derive(Clone)]
enum Backend {
    Embedded(oxigraph::store::Store),
    Remote(Arc<Remote>),
}

/// How the SPARQL layer reaches the store: the one place that tells the two apart.
pub(crate) enum Access<'a> {
    Embedded(&'a oxigraph::store::Store),
    Remote(&'a Remote),
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.backend {
            Backend::Embedded(_) => f.debug_struct("Store").field("path", &self.path).finish(),
            Backend::Remote(r) => f.debug_struct("Store").field("remote", r).finish(),
        }
    }
}

/// Graphs a remote engine's counts take in: ties' own (reports, files, curation). An engine
/// keeps graphs of its own (Virtuoso: its schemas and DAV), which are no part of ties' store.
const TIES_GRAPHS: &str = r#"FILTER(STRSTARTS(STR(?g), "urn:ties:"))"#;

impl Store {
    /// Opens the store at `path`, creating it when missing.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if path.exists() && !path.is_dir() {
            return Err(Error::StoreOpen {
                path,
                reason: "it is a file, not a store folder; name a folder instead".into(),
                source: None,
            });
        }
        let inner = oxigraph::store::Store::open(&path).map_err(|e| open_error(&path, e))?;
        // The store's lock is ours now: no bulk load is under way, so bulk files left there
        // are orphans of a load that failed or was killed.
        remove_orphan_bulk_files(&path);
        Ok(Store::embedded(inner, path))
    }

    fn embedded(inner: oxigraph::store::Store, path: PathBuf) -> Store {
        Store {
            backend: Backend::Embedded(inner),
            path,
        }
    }

    /// Opens an existing store for reading only; several readers may share it with a writer.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if !path.is_dir() {
            return Err(Error::StoreOpen {
                path,
                reason: "no store there yet; ingest reports into it first, or name another folder"
                    .into(),
                source: None,
            });
        }
        let inner =
            oxigraph::store::Store::open_read_only(&path).map_err(|e| open_error(&path, e))?;
        Ok(Store::embedded(inner, path))
    }

    /// An in-memory store, for tests and for `ties extract`.
    pub fn in_memory() -> Result<Store> {
        Ok(Store::embedded(
            oxigraph::store::Store::new()?,
            PathBuf::new(),
        ))
    }

    /// A remote SPARQL 1.1 engine as the store; checks that it answers.
    pub fn connect(endpoint: remote::Endpoint) -> Result<Store> {
        let path = PathBuf::from(&endpoint.query);
        Ok(Store {
            backend: Backend::Remote(Arc::new(Remote::connect(endpoint)?)),
            path,
        })
    }

    /// The store's folder (a remote engine's query URL).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True for a remote engine.
    pub fn is_remote(&self) -> bool {
        matches!(self.backend, Backend::Remote(_))
    }

    /// The store as the SPARQL layer reaches it (a test keeps every other module off it).
    pub(crate) fn access(&self) -> Access<'_> {
        match &self.backend {
            Backend::Embedded(s) => Access::Embedded(s),
            Backend::Remote(r) => Access::Remote(r),
        }
    }

    /// The remote engine, for ingest's batches.
    pub(crate) fn remote(&self) -> Option<&Remote> {
        match &self.backend {
            Backend::Embedded(_) => None,
            Backend::Remote(r) => Some(r),
        }
    }

    /// Number of named graphs (ties' own on a remote engine).
    pub fn graph_count(&self) -> Result<usize> {
        match &self.backend {
            Backend::Embedded(s) => {
                let mut n = 0;
                for g in s.named_graphs() {
                    g?;
                    n += 1;
                }
                Ok(n)
            }
            Backend::Remote(r) => remote_count(
                r,
                &format!("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {TIES_GRAPHS} }}"),
            ),
        }
    }

    /// The names of the named graphs (ties' own on a remote engine; blank-node graph names,
    /// which only loaded RDF files may bring, left out).
    pub fn graph_names(&self) -> Result<Vec<NamedNode>> {
        match &self.backend {
            Backend::Embedded(s) => {
                let mut names = Vec::new();
                for g in s.named_graphs() {
                    if let NamedOrBlankNode::NamedNode(g) = g? {
                        names.push(g);
                    }
                }
                Ok(names)
            }
            Backend::Remote(r) => Ok(remote_rows(
                r,
                &format!("SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {TIES_GRAPHS} }}"),
            )?
            .iter()
            .filter_map(|row| match row.get("g") {
                Some(Term::NamedNode(g)) => Some(g.clone()),
                _ => None,
            })
            .collect()),
        }
    }

    /// The quads of one graph, for the SPARQL layer's `write_graph` (a named graph only, on a
    /// remote engine: its default graph is usually the union of everything it holds).
    pub(crate) fn quads_in(
        &self,
        graph: GraphNameRef<'_>,
    ) -> Result<Box<dyn Iterator<Item = Result<Quad>> + '_>> {
        match (&self.backend, graph) {
            (Backend::Embedded(s), _) => Ok(Box::new(
                s.quads_for_pattern(None, None, None, Some(graph))
                    .map(|q| q.map_err(Error::from)),
            )),
            (Backend::Remote(r), GraphNameRef::NamedNode(g)) => {
                let g = g.into_owned();
                let triples = r.graph(g.as_str())?;
                Ok(Box::new(
                    triples.into_iter().map(move |t| Ok(t.in_graph(g.clone()))),
                ))
            }
            (Backend::Remote(_), _) => Err(remote_default_graph()),
        }
    }

    /// Empties the default graph (what a Graph Store request to `?default` replaces).
    pub fn clear_default_graph(&self) -> Result<()> {
        match &self.backend {
            Backend::Embedded(s) => Ok(s.clear_graph(GraphNameRef::DefaultGraph)?),
            Backend::Remote(_) => Err(remote_default_graph()),
        }
    }

    /// Number of quads in all graphs (in ties' own graphs on a remote engine).
    pub fn len(&self) -> Result<usize> {
        match &self.backend {
            Backend::Embedded(s) => Ok(s.len()?),
            Backend::Remote(r) => remote_count(
                r,
                &format!(
                    "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {TIES_GRAPHS} }}"
                ),
            ),
        }
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.len()? == 0)
    }

    /// Replaces the content of the named graphs `graphs` with `quads`, in one transaction (one
    /// request on a remote engine).
    pub fn replace_graphs(&self, graphs: &[NamedOrBlankNode], quads: &[Quad]) -> Result<()> {
        match &self.backend {
            Backend::Embedded(s) => {
                let mut tx = s.start_transaction()?;
                let touched = touched_graphs(graphs, quads.iter());
                let mut delta = listing::Delta::default();
                delta.count_graphs(&tx, &touched, -1)?;
                for g in graphs {
                    tx.remove_named_graph(g)?;
                }
                for q in quads {
                    tx.insert(q);
                }
                delta.count_graphs(&tx, &touched, 1)?;
                commit_with_listing(s, tx, delta)
            }
            Backend::Remote(_) => self.apply(&Edit {
                drop_graphs: graphs.to_vec(),
                insert: quads.to_vec(),
                ..Edit::default()
            }),
        }
    }

    /// Applies `edit` in one transaction (one Update request on a remote engine): graphs
    /// dropped, then the quads of each (graph, subject) pair dropped, then quads removed, then
    /// quads inserted.
    pub fn apply(&self, edit: &Edit) -> Result<()> {
        let s = match &self.backend {
            Backend::Embedded(s) => s,
            Backend::Remote(_) if edit.is_empty() => return Ok(()),
            Backend::Remote(r) => return r.update(&remote::edit_text(edit)),
        };
        let mut tx = s.start_transaction()?;
        let mut touched = touched_graphs(&edit.drop_graphs, edit.remove.iter().chain(&edit.insert));
        touched.extend(edit.drop_subjects.iter().map(|(g, _)| g.clone().into()));
        touched.extend(edit.prune.iter().map(|g| g.clone().into()));
        let mut delta = listing::Delta::default();
        delta.count_graphs(&tx, &touched, -1)?;
        for g in &edit.drop_graphs {
            tx.remove_named_graph(g)?;
        }
        for (graph, subject) in &edit.drop_subjects {
            let found: Vec<Quad> = tx
                .quads_for_pattern(
                    Some(subject.as_ref().into()),
                    None,
                    None,
                    Some(graph.as_ref().into()),
                )
                .collect::<std::result::Result<_, _>>()?;
            for q in &found {
                tx.remove(q);
            }
        }
        for q in &edit.remove {
            tx.remove(q);
        }
        for q in &edit.insert {
            tx.insert(q);
        }
        for g in &edit.prune {
            let empty = tx
                .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                .next()
                .is_none();
            if empty {
                tx.remove_named_graph(g)?;
            }
        }
        delta.count_graphs(&tx, &touched, 1)?;
        commit_with_listing(s, tx, delta)
    }

    /// True when the listing index is whole (`listing`), so the listings may read it; never on
    /// a remote engine, which has none.
    pub fn listing_is_complete(&self) -> Result<bool> {
        match &self.backend {
            Backend::Embedded(s) => listing::is_complete(s),
            Backend::Remote(_) => Ok(false),
        }
    }

    /// Takes the listing index's marker away, as an interrupted ingest leaves it (for tests of
    /// what reads the report graphs instead).
    #[cfg(test)]
    pub(crate) fn forget_listing(&self) -> Result<()> {
        match &self.backend {
            Backend::Embedded(s) => listing::mark_incomplete(s),
            Backend::Remote(_) => Ok(()),
        }
    }

    /// Runs `write` (a SPARQL Update, which commits on its own) with the listing index kept:
    /// `graphs`, the graphs it writes into, counted before and after, or, when they are not
    /// known (`None`), the index rebuilt whole after it. Nothing on a remote engine.
    pub fn keep_listing_around(
        &self,
        graphs: Option<Vec<GraphName>>,
        write: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        let Backend::Embedded(s) = &self.backend else {
            return write();
        };
        match graphs {
            Some(graphs) if listing::is_complete(s)? => {
                let mut delta = listing::Delta::default();
                delta.count_graphs(s, &graphs, -1)?;
                // Between the write's commit and the counts', the index is not whole.
                listing::mark_incomplete(s)?;
                let written = write();
                // A write that failed changed nothing: the counts cancel out.
                delta.count_graphs(s, &graphs, 1)?;
                listing::apply_and_complete(s, delta)?;
                written
            }
            _ => {
                write()?;
                listing::rebuild(s)
            }
        }
    }

    /// A bulk writer for graphs not yet in the store; see `BulkWriter`.
    pub fn bulk_writer(&self) -> BulkWriter<'_> {
        BulkWriter::new(self)
    }

    /// Drops one graph; false when there was no such graph.
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        if !self.contains_graph(graph)? {
            return Ok(false);
        }
        self.apply(&Edit {
            drop_graphs: vec![graph.into_owned().into()],
            ..Edit::default()
        })?;
        Ok(true)
    }

    pub fn contains_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        match &self.backend {
            Backend::Embedded(s) => Ok(s.contains_named_graph(graph)?),
            Backend::Remote(r) => match r.query(
                &format!("ASK {{ GRAPH {graph} {{ ?s ?p ?o }} }}"),
                Answer::Solutions,
                None,
            )? {
                QueryResults::Boolean(b) => Ok(b),
                _ => Ok(false),
            },
        }
    }

    /// The `ties:contentHash` the report graph `report` holds for its report, if any.
    pub fn content_hash(&self, report: NamedNodeRef<'_>) -> Result<Option<String>> {
        let found = match &self.backend {
            Backend::Embedded(s) => s
                .quads_for_pattern(
                    Some(report.into()),
                    Some(ties::CONTENT_HASH),
                    None,
                    Some(report.into()),
                )
                .next()
                .transpose()?
                .map(|q| q.object),
            Backend::Remote(_) => {
                return Ok(self
                    .content_hashes(&[report.into_owned()])?
                    .remove(report.as_str()))
            }
        };
        Ok(found.and_then(|o| match o {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        }))
    }

    /// The content hashes the store holds for `reports` (IRI → hash), those it has: one
    /// request for them all on a remote engine.
    pub fn content_hashes(&self, reports: &[NamedNode]) -> Result<HashMap<String, String>> {
        let r = match &self.backend {
            Backend::Remote(r) if !reports.is_empty() => r,
            _ => {
                let mut found = HashMap::new();
                for report in reports {
                    if let Some(h) = self.content_hash(report.as_ref())? {
                        found.insert(report.as_str().to_owned(), h);
                    }
                }
                return Ok(found);
            }
        };
        let values: Vec<String> = reports.iter().map(ToString::to_string).collect();
        let text = format!(
            "SELECT ?g ?h WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?g <{}> ?h }} }}",
            values.join(" "),
            ties::CONTENT_HASH.as_str()
        );
        Ok(remote_rows(r, &text)?
            .iter()
            .filter_map(|row| match (row.get("g"), row.get("h")) {
                (Some(Term::NamedNode(g)), Some(Term::Literal(h))) => {
                    Some((g.as_str().to_owned(), h.value().to_owned()))
                }
                _ => None,
            })
            .collect())
    }

    /// The report graph whose `ties:sourceFile` is `path`, if any.
    pub fn report_for_source(&self, path: &Path) -> Result<Option<NamedNode>> {
        let file = Term::from(Literal::new_simple_literal(path.to_string_lossy()));
        let s = match &self.backend {
            Backend::Embedded(s) => s,
            Backend::Remote(r) => {
                let text = format!(
                    "SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{}> {file} }} }} LIMIT 1",
                    ties::SOURCE_FILE.as_str()
                );
                return Ok(remote_rows(r, &text)?
                    .first()
                    .and_then(|row| match row.get("g") {
                        Some(Term::NamedNode(g)) => Some(g.clone()),
                        _ => None,
                    }));
            }
        };
        for quad in s.quads_for_pattern(None, Some(ties::SOURCE_FILE), Some(file.as_ref()), None) {
            let quad = quad?;
            if let (NamedOrBlankNode::NamedNode(s), GraphName::NamedNode(g)) =
                (quad.subject, quad.graph_name)
            {
                if s == g {
                    return Ok(Some(s));
                }
            }
        }
        Ok(None)
    }

    /// Sweeps bulk files a failed load left in the store folder (none for an in-memory store).
    fn remove_orphan_bulk_files(&self) {
        if !self.path.as_os_str().is_empty() && !self.is_remote() {
            remove_orphan_bulk_files(&self.path);
        }
    }

    /// Makes sure everything written is on disk (a remote engine has it once it answered).
    pub fn flush(&self) -> Result<()> {
        match &self.backend {
            Backend::Embedded(s) => Ok(s.flush()?),
            Backend::Remote(_) => Ok(()),
        }
    }
}

/// The graphs a write changes: those it drops or replaces and those of the quads it writes.
fn touched_graphs<'a>(
    graphs: &[NamedOrBlankNode],
    quads: impl Iterator<Item = &'a Quad>,
) -> HashSet<GraphName> {
    let mut touched: HashSet<GraphName> = graphs.iter().map(|g| g.clone().into()).collect();
    touched.extend(quads.map(|q| q.graph_name.clone()));
    touched
}

/// Commits `tx` with the listing index kept whole: `delta` (what the graphs it changed gave
/// before, taken away, and give now, added) written in the same transaction when the index is
/// whole, or, when it is not (a killed ingest, a store from before the index), the index rebuilt
/// after the commit.
fn commit_with_listing(
    store: &oxigraph::store::Store,
    mut tx: oxigraph::store::Transaction<'_>,
    delta: listing::Delta,
) -> Result<()> {
    if listing::is_complete(&tx)? {
        delta.apply(&mut tx)?;
        tx.commit()?;
    } else {
        tx.commit()?;
        listing::rebuild(store)?;
    }
    Ok(())
}

fn remote_default_graph() -> Error {
    Error::Usage(
        "a remote engine's default graph is not ties' to read or clear (most engines make it the union of every graph they hold): name a graph".into(),
    )
}

fn remote_rows(r: &Remote, text: &str) -> Result<Vec<QuerySolution>> {
    match r.query(text, Answer::Solutions, None)? {
        QueryResults::Solutions(rows) => rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(Error::evaluation),
        _ => Ok(Vec::new()),
    }
}

fn remote_count(r: &Remote, text: &str) -> Result<usize> {
    Ok(remote_rows(r, text)?
        .first()
        .and_then(|row| match row.get("n") {
            Some(Term::Literal(l)) => l.value().parse().ok(),
            _ => None,
        })
        .unwrap_or(0))
}

/// Changes `Store::apply` makes in one transaction, in this order.
#[derive(Debug, Default, Clone)]
pub struct Edit {
    /// Named graphs dropped whole.
    pub drop_graphs: Vec<NamedOrBlankNode>,
    /// (graph, subject): every quad of that subject in that graph dropped.
    pub drop_subjects: Vec<(NamedNode, NamedNode)>,
    pub remove: Vec<Quad>,
    pub insert: Vec<Quad>,
    /// Named graphs dropped when the edit leaves them empty.
    pub prune: Vec<NamedNode>,
}

impl Edit {
    pub fn is_empty(&self) -> bool {
        self.drop_graphs.is_empty()
            && self.drop_subjects.is_empty()
            && self.remove.is_empty()
            && self.insert.is_empty()
            && self.prune.is_empty()
    }
}

fn open_error(path: &Path, e: oxigraph::store::StorageError) -> Error {
    let text = e.to_string();
    let reason = if text.contains("LOCK") || text.to_lowercase().contains("lock") {
        format!(
            "{text}; another ties process (an ingest or `ties serve`) holds it: wait for it or stop it"
        )
    } else {
        text
    };
    Error::StoreOpen {
        path: path.to_path_buf(),
        reason,
        source: Some(Box::new(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quad(s: &str, g: &NamedNode) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            ties::RULE.into_owned(),
            Literal::new_simple_literal("x"),
            g.clone(),
        )
    }

    /// The quads of graph `g`.
    fn held(store: &Store, g: &NamedNode) -> usize {
        store.quads_in(g.as_ref().into()).unwrap().count()
    }

    #[test]
    fn replacing_a_graph_drops_what_it_held() {
        let store = Store::in_memory().unwrap();
        let g = NamedNode::new_unchecked("urn:ties:report/a");
        let gs = [NamedOrBlankNode::NamedNode(g.clone())];
        store
            .replace_graphs(&gs, &[quad("urn:x:1", &g), quad("urn:x:2", &g)])
            .unwrap();
        assert_eq!(held(&store, &g), 2);
        store.replace_graphs(&gs, &[quad("urn:x:3", &g)]).unwrap();
        assert_eq!(held(&store, &g), 1);
        assert!(store.remove_graph(g.as_ref()).unwrap());
        assert_eq!(held(&store, &g), 0);
        assert!(!store.remove_graph(g.as_ref()).unwrap());
    }

    #[test]
    fn bulk_writes_appear_at_finish_and_not_before() {
        let store = Store::in_memory().unwrap();
        let g = NamedNode::new_unchecked("urn:ties:report/b");
        let mut writer = store.bulk_writer();
        writer
            .add(vec![quad("urn:x:1", &g), quad("urn:x:2", &g)])
            .unwrap();
        assert!(store.is_empty().unwrap());
        writer.finish().unwrap();
        assert_eq!(held(&store, &g), 2);
        let mut dropped = store.bulk_writer();
        dropped.add(vec![quad("urn:x:3", &g)]).unwrap();
        drop(dropped);
        assert_eq!(held(&store, &g), 2);
    }
}
