//! The embedded Oxigraph store on disk: open it, replace or drop one report's graph atomically,
//! bulk-load new reports' graphs, load RDF files, count.
//!
//! Every write leaves each report whole or absent, even when ingest is killed halfway: graphs
//! that replace others go through one transaction each; new graphs go through Oxigraph's bulk
//! loader (`BulkWriter`), whose commit ingests all its files at once (RocksDB ingests the files
//! of every column family in one atomic step). This module does not parse reports or queries.

use crate::error::{Error, Result};
use crate::vocab::ties;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term,
};
use std::path::{Path, PathBuf};

/// A handle on the store; clones share it (Oxigraph's store is a handle itself).
#[derive(Clone)]
pub struct Store {
    inner: oxigraph::store::Store,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

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
        Ok(Store { inner, path })
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
        Ok(Store { inner, path })
    }

    /// An in-memory store, for tests and for `ties extract`.
    pub fn in_memory() -> Result<Store> {
        Ok(Store {
            inner: oxigraph::store::Store::new()?,
            path: PathBuf::new(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The Oxigraph store, for the SPARQL layer alone (a test keeps every other module off it).
    pub(crate) fn oxigraph(&self) -> &oxigraph::store::Store {
        &self.inner
    }

    /// Number of named graphs.
    pub fn graph_count(&self) -> Result<usize> {
        let mut n = 0;
        for g in self.inner.named_graphs() {
            g?;
            n += 1;
        }
        Ok(n)
    }

    /// The quads of one graph, for the SPARQL layer's `write_graph`.
    pub(crate) fn quads_in(
        &self,
        graph: GraphNameRef<'_>,
    ) -> impl Iterator<Item = Result<Quad>> + '_ {
        self.inner
            .quads_for_pattern(None, None, None, Some(graph))
            .map(|q| q.map_err(Error::from))
    }

    /// Empties the default graph (what a Graph Store request to `?default` replaces).
    pub fn clear_default_graph(&self) -> Result<()> {
        Ok(self.inner.clear_graph(GraphNameRef::DefaultGraph)?)
    }

    /// Number of quads in all graphs.
    pub fn len(&self) -> Result<usize> {
        Ok(self.inner.len()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.is_empty()?)
    }

    /// Replaces the content of the named graphs `graphs` with `quads`, in one transaction.
    pub fn replace_graphs(&self, graphs: &[NamedOrBlankNode], quads: &[Quad]) -> Result<()> {
        let mut tx = self.inner.start_transaction()?;
        for g in graphs {
            tx.remove_named_graph(g)?;
        }
        for q in quads {
            tx.insert(q);
        }
        tx.commit()?;
        Ok(())
    }

    /// Applies `edit` in one transaction: graphs dropped, then the quads of each
    /// (graph, subject) pair dropped, then quads removed, then quads inserted.
    pub fn apply(&self, edit: &Edit) -> Result<()> {
        let mut tx = self.inner.start_transaction()?;
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
        tx.commit()?;
        Ok(())
    }

    /// A bulk writer for graphs not yet in the store; see `BulkWriter`.
    pub fn bulk_writer(&self) -> BulkWriter<'_> {
        BulkWriter {
            store: self,
            loader: None,
            buffer: Vec::new(),
            pending: 0,
        }
    }

    /// Drops one graph; false when there was no such graph.
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        if !self.inner.contains_named_graph(graph)? {
            return Ok(false);
        }
        let mut tx = self.inner.start_transaction()?;
        tx.remove_named_graph(graph)?;
        tx.commit()?;
        Ok(true)
    }

    pub fn contains_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool> {
        Ok(self.inner.contains_named_graph(graph)?)
    }

    /// The `ties:contentHash` the report graph `report` holds for its report, if any.
    pub fn content_hash(&self, report: NamedNodeRef<'_>) -> Result<Option<String>> {
        let found = self
            .inner
            .quads_for_pattern(
                Some(report.into()),
                Some(ties::CONTENT_HASH),
                None,
                Some(report.into()),
            )
            .next()
            .transpose()?;
        Ok(found.and_then(|q| match q.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        }))
    }

    /// The report graph whose `ties:sourceFile` is `path`, if any.
    pub fn report_for_source(&self, path: &Path) -> Result<Option<NamedNode>> {
        let file = Term::from(Literal::new_simple_literal(path.to_string_lossy()));
        for quad in
            self.inner
                .quads_for_pattern(None, Some(ties::SOURCE_FILE), Some(file.as_ref()), None)
        {
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
        if !self.path.as_os_str().is_empty() {
            remove_orphan_bulk_files(&self.path);
        }
    }

    /// Makes sure everything written is on disk.
    pub fn flush(&self) -> Result<()> {
        Ok(self.inner.flush()?)
    }
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

/// Quads a `BulkWriter` gathers before it commits them: about 150 MB of files on disk, and a
/// kill loses at most this much work (never part of a report).
const BULK_COMMIT_QUADS: usize = 250_000;

/// Quads handed to the bulk loader at once: it writes each hand-over as a set of sorted files
/// (one per index) on a thread of its own, so a hand-over per report would make thousands of
/// tiny files.
const BULK_BATCH_QUADS: usize = 250_000;

/// Writes whole graphs that are new to the store through Oxigraph's bulk loader, which sorts
/// quads into files and hands them to RocksDB instead of writing each through a transaction
/// (about twice as fast, and no write-ahead log). Graphs must not exist yet: the bulk loader
/// only adds. Everything added since the last commit becomes visible at once, at the next
/// commit (every `BULK_COMMIT_QUADS` quads and at `finish`); a writer dropped without `finish`
/// writes nothing of what it held since its last commit.
#[allow(missing_debug_implementations)] // Oxigraph's loader has no Debug
pub struct BulkWriter<'a> {
    store: &'a Store,
    loader: Option<oxigraph::store::BulkLoader<'a>>,
    /// Quads not yet handed to the loader.
    buffer: Vec<Quad>,
    /// Quads handed to the loader since its last commit.
    pending: usize,
}

impl BulkWriter<'_> {
    /// Adds the quads of whole graphs; they may be committed before this returns.
    pub fn add(&mut self, quads: Vec<Quad>) -> Result<()> {
        self.buffer.extend(quads);
        if self.buffer.len() >= BULK_BATCH_QUADS {
            self.hand_over()?;
            if self.pending >= BULK_COMMIT_QUADS {
                self.commit()?;
            }
        }
        Ok(())
    }

    fn hand_over(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.buffer);
        self.pending += batch.len();
        let loader = self.loader.get_or_insert_with(|| {
            self.store
                .inner
                .bulk_loader()
                // Its unit is 1,000 quads per MB: each hand-over is split among its threads.
                .with_max_memory_size_in_megabytes(BULK_BATCH_QUADS / 1000)
        });
        loader.load_quads(batch)?;
        Ok(())
    }

    /// Commits what it holds now (before a transaction that must come after it).
    pub fn commit(&mut self) -> Result<()> {
        self.hand_over()?;
        if let Some(loader) = self.loader.take() {
            if let Err(e) = loader.commit() {
                // The loader is gone: sweep what its failure left.
                self.store.remove_orphan_bulk_files();
                return Err(e.into());
            }
        }
        self.pending = 0;
        Ok(())
    }

    /// Commits what is left.
    pub fn finish(mut self) -> Result<()> {
        self.commit()
    }
}

impl Drop for BulkWriter<'_> {
    fn drop(&mut self) {
        // A loader dropped before its commit removes the files it finished but not one it was
        // writing when it failed (a full disk): sweep the folder once it is gone. Only this
        // process writes there, under the store's lock.
        if let Some(loader) = self.loader.take() {
            drop(loader);
            self.store.remove_orphan_bulk_files();
        }
    }
}

/// Removes the `bulk-*.sst` files Oxigraph's bulk loader writes into the store folder and
/// ingests at its commit; called only where no load is under way. Best effort: a file that
/// cannot be removed stays, and the next open tries again.
fn remove_orphan_bulk_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = std::fs::remove_file(entry.path());
        }
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

/// The RDF formats ties loads as they are, by file extension.
pub fn rdf_format_of(path: &Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    RdfFormat::from_extension(&ext)
}

/// Parses a whole RDF file into quads before anything is written, so a broken file leaves the
/// store as it was. Triples outside any named graph go into `default_graph`.
pub fn parse_rdf(path: &Path, bytes: &[u8], default_graph: &NamedNode) -> Result<Vec<Quad>> {
    let format = rdf_format_of(path).ok_or_else(|| {
        Error::input(
            path,
            "not an RDF file ties knows (.ttl .nt .nq .trig .rdf .jsonld)",
        )
    })?;
    let quads = parse_quads(
        format,
        bytes,
        GraphNameRef::NamedNode(default_graph.as_ref()),
    )
    .map_err(|e| Error::input(path, e.to_string()))?;
    if quads.is_empty() {
        return Err(Error::input(path, "the file holds no RDF statements"));
    }
    Ok(quads)
}

/// Why RDF bytes were not parsed.
#[derive(Debug, thiserror::Error)]
pub enum RdfRefusal {
    /// RDF/XML whose DOCTYPE declares entities that would expand past the limits (an XML
    /// "billion laughs" bomb); refused before parsing, since the parser expands them whole.
    #[error("refused: the RDF/XML's DOCTYPE declares entities that expand to {size} bytes or more (entity {name:?}); at most {limit} are accepted, so an XML entity bomb cannot fill the memory. Write the values out, or drop the <!ENTITY> declarations")]
    EntityExpansion {
        name: String,
        size: usize,
        limit: usize,
    },
    /// The bytes are not valid RDF of the format.
    #[error("broken {format}: {message}")]
    Broken {
        format: &'static str,
        message: String,
    },
}

/// The most bytes one XML entity may expand to, and all entity references of a document
/// together: no RDF/XML file names an IRI prefix this long.
pub const MAX_XML_ENTITY_BYTES: usize = 1 << 20;

/// Parses RDF bytes of `format` whole into quads (triples go into `default_graph`), refusing an
/// RDF/XML entity bomb before the parser sees it. Nothing is fetched: a JSON-LD remote
/// `@context` is an error, and RDF/XML external entities are not read.
pub fn parse_quads(
    format: RdfFormat,
    bytes: &[u8],
    default_graph: GraphNameRef<'_>,
) -> std::result::Result<Vec<Quad>, RdfRefusal> {
    if format == RdfFormat::RdfXml {
        check_xml_entities(bytes)?;
    }
    RdfParser::from_format(format)
        .with_default_graph(default_graph)
        .for_slice(bytes)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| RdfRefusal::Broken {
            format: format.name(),
            message: e.to_string(),
        })
}

/// Refuses XML whose internal DOCTYPE subset declares entities that expand past
/// [`MAX_XML_ENTITY_BYTES`], alone or by all their references in the document together.
/// Oxigraph's RDF/XML parser expands each `<!ENTITY name "value">` into a string as it reads the
/// declaration, with no limit: ten entities each naming the previous ten times make 3 GB from
/// under 1 KB. This reads the declarations the way that parser does (double-quoted values,
/// references to entities declared before) and adds up sizes without expanding anything.
pub fn check_xml_entities(bytes: &[u8]) -> std::result::Result<(), RdfRefusal> {
    let text = String::from_utf8_lossy(bytes);
    let Some(start) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let limit = MAX_XML_ENTITY_BYTES;
    let too_big = |name: &str, size: usize| RdfRefusal::EntityExpansion {
        name: name.to_owned(),
        size,
        limit,
    };
    let mut sizes: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let rest = &text[start..];
    for piece in rest.split('<').skip(1) {
        let Some(decl) = piece.strip_prefix("!ENTITY") else {
            continue;
        };
        let decl = decl.trim_start();
        let decl = decl.strip_prefix('%').unwrap_or(decl).trim_start();
        let Some((name, value)) = decl.split_once(|c: char| c.is_ascii_whitespace()) else {
            continue;
        };
        let Some(value) = value.trim_start().strip_prefix('"') else {
            continue;
        };
        let value = value.split_once('"').map_or(value, |(v, _)| v);
        let size = expanded_size(value, &sizes);
        if size > limit {
            return Err(too_big(name, size));
        }
        sizes.insert(name, size);
    }
    if sizes.is_empty() {
        return Ok(());
    }
    // Every reference in the document (declarations included: counting them again only
    // overestimates) adds its entity's size.
    let total = expanded_size(rest, &sizes);
    if total > limit.saturating_add(rest.len()) {
        let name = sizes
            .iter()
            .max_by_key(|(_, size)| **size)
            .map_or("", |(name, _)| *name);
        return Err(too_big(name, total));
    }
    Ok(())
}

/// The length of `value` with each `&name;` of a known entity replaced by that entity's size
/// (saturating: a bomb's sizes overflow).
fn expanded_size(value: &str, sizes: &std::collections::HashMap<&str, usize>) -> usize {
    let mut size = 0usize;
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        size = size.saturating_add(amp);
        let after = &rest[amp + 1..];
        match after.find(';').map(|end| (&after[..end], end)) {
            Some((name, end)) if sizes.contains_key(name) => {
                size = size.saturating_add(sizes[name]);
                rest = &after[end + 1..];
            }
            _ => {
                size = size.saturating_add(1);
                rest = after;
            }
        }
    }
    size.saturating_add(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rdf_extension_a_folder_walk_takes_is_one_the_store_parses() {
        for ext in crate::pipeline::RDF_EXTENSIONS {
            let path = PathBuf::from(format!("data.{ext}"));
            assert!(rdf_format_of(&path).is_some(), "{ext}");
        }
    }

    fn quad(s: &str, g: &NamedNode) -> Quad {
        Quad::new(
            NamedNode::new_unchecked(s),
            ties::RULE.into_owned(),
            Literal::new_simple_literal("x"),
            g.clone(),
        )
    }

    #[test]
    fn replacing_a_graph_drops_what_it_held() {
        let store = Store::in_memory().unwrap();
        let g = NamedNode::new_unchecked("urn:ties:report/a");
        let gs = [NamedOrBlankNode::NamedNode(g.clone())];
        store
            .replace_graphs(&gs, &[quad("urn:x:1", &g), quad("urn:x:2", &g)])
            .unwrap();
        assert_eq!(store.len().unwrap(), 2);
        store.replace_graphs(&gs, &[quad("urn:x:3", &g)]).unwrap();
        assert_eq!(store.len().unwrap(), 1);
        assert!(store.remove_graph(g.as_ref()).unwrap());
        assert!(store.is_empty().unwrap());
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
        assert_eq!(store.len().unwrap(), 2);
        let mut dropped = store.bulk_writer();
        dropped.add(vec![quad("urn:x:3", &g)]).unwrap();
        drop(dropped);
        assert_eq!(store.len().unwrap(), 2);
    }

    /// An RDF/XML "billion laughs": `depth` entities, each naming the one before `fan` times.
    pub(crate) fn laughs(depth: usize, fan: usize) -> String {
        let mut doc =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY lol0 \"lol\">\n");
        for i in 1..=depth {
            let refs = format!("&lol{};", i - 1).repeat(fan);
            doc.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
        }
        doc.push_str(&format!(
            "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n<rdf:Description rdf:about=\"http://ex.org/a\"><ex:p>&lol{depth};</ex:p></rdf:Description>\n</rdf:RDF>\n"
        ));
        doc
    }

    #[test]
    fn xml_entity_bombs_are_refused_and_small_entities_pass() {
        let g = NamedNode::new_unchecked("urn:ties:file/x");
        let bomb = laughs(9, 10);
        let err = parse_rdf(Path::new("x.rdf"), bomb.as_bytes(), &g)
            .unwrap_err()
            .to_string();
        assert!(err.contains("entity") && err.contains("refused"), "{err}");
        // Many references to an entity within the limit add up past it.
        let mut many = laughs(4, 10);
        let refs = "&lol4;".repeat(200);
        many = many.replace("<ex:p>&lol4;</ex:p>", &format!("<ex:p>{refs}</ex:p>"));
        assert!(check_xml_entities(many.as_bytes()).is_err());
        // Entities naming namespaces, as ontologies write them, are fine.
        let fine = laughs(2, 3);
        let quads = parse_rdf(Path::new("x.rdf"), fine.as_bytes(), &g).unwrap();
        assert_eq!(quads.len(), 1);
        assert!(quads[0].object.to_string().contains(&"lol".repeat(9)));
    }

    #[test]
    fn broken_rdf_is_refused_whole() {
        let g = NamedNode::new_unchecked("urn:ties:report/f");
        let good = b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"d\" .\n";
        assert_eq!(parse_rdf(Path::new("x.nt"), good, &g).unwrap().len(), 2);
        let bad = b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b .\n";
        let err = parse_rdf(Path::new("x.nt"), bad, &g)
            .unwrap_err()
            .to_string();
        assert!(err.contains("broken"), "{err}");
    }
}
