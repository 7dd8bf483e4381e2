//! The driver of the pipeline: the files a user named → `pipeline` (read, extract) → `rdf`
//! (quads) → `store`.
//!
//! Reading and extraction run in parallel (rayon) in batches on a thread of their own; the
//! writer takes the batches from a short queue, so memory is bounded by a few batches, not by the
//! corpus. Reports new to the store go through the store's bulk writer; a report already there
//! (ingested again) and RDF files replace their graphs in one transaction each. On a remote
//! engine every report and file replaces its graphs by one Update, many to a request
//! (`store::remote::Batch`), and one whose request still fails after retries is reported alone
//! while the others go in. Either way a report is in the store whole or not at all. A file that cannot be read is reported and
//! skipped; the others still go in. This module reports progress through the `Progress` trait
//! and never prints.

use crate::curation::Ingesting;
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::pipeline::{self, Input};
use crate::rdf;
use crate::read::content_hash;
use crate::store::{self, remote, BulkWriter, Edit, Store};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

/// Files read and extracted at once before their graphs are written.
const BATCH: usize = 64;

/// Hears how an ingest goes; the command line draws a progress bar from it.
pub trait Progress: Sync {
    fn start(&self, _files: usize) {}
    fn done(&self, _path: &Path) {}
    fn warn(&self, _message: &str) {}
    fn fail(&self, _error: &Error) {}
    fn finish(&self) {}
}

/// A `Progress` that ignores everything.
#[derive(Debug)]
pub struct Silent;
impl Progress for Silent {}

/// What an ingest did.
#[derive(Debug, Default)]
pub struct Summary {
    pub reports: usize,
    pub rdf_files: usize,
    /// Quads written, over all graphs replaced.
    pub statements: usize,
    /// Reports skipped because the store holds them with the same content.
    pub unchanged: usize,
    pub failures: Vec<Error>,
    pub warnings: Vec<String>,
    pub seconds: f64,
}

/// A file read, extracted and turned into quads, waiting to be written.
struct Prepared {
    path: PathBuf,
    graphs: Vec<NamedOrBlankNode>,
    quads: Vec<Quad>,
    is_report: bool,
    /// The record of what curation changed in the report's graph (`crate::curation`), and
    /// whether the store holds an older one to replace.
    record: Vec<Quad>,
    replaces_record: bool,
    /// The store already holds this report as it is now: nothing to write.
    unchanged: bool,
    warnings: Vec<String>,
}

/// How an ingest treats what is already in the store.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Read every report again, also those unchanged since they went in.
    pub force: bool,
    /// Let an RDF file write into report graphs (replacing what ties read from a report); an
    /// RDF file that names one is refused otherwise.
    pub allow_report_graphs: bool,
}

/// What a batch of reads needs to know of the store: the content hashes it holds for the
/// batch's reports (looked up at once: one request on a remote engine).
struct Known<'a> {
    store: &'a Store,
    hashes: HashMap<String, String>,
}

impl Known<'_> {
    fn of<'a>(store: &'a Store, batch: &[&Input], options: Options) -> Result<Known<'a>> {
        let reports: Vec<NamedNode> = batch
            .iter()
            .filter_map(|i| match i {
                Input::Report(path, _) if !options.force => Some(rdf::report_iri(path)),
                _ => None,
            })
            .collect();
        Ok(Known {
            store,
            hashes: store.content_hashes(&reports)?,
        })
    }
}

fn prepare(
    input: &Input,
    extractor: &Extractor,
    known: &Known<'_>,
    options: Options,
    curation: &Ingesting,
) -> Result<Prepared> {
    let (force, store) = (options.force, known.store);
    match input {
        Input::Report(path, format) => {
            let bytes = pipeline::read_bytes(path)?;
            let report = rdf::report_iri(path);
            if !force && known.hashes.get(report.as_str()) == Some(&content_hash(&bytes)) {
                return Ok(Prepared {
                    path: path.clone(),
                    graphs: Vec::new(),
                    quads: Vec::new(),
                    is_report: true,
                    record: Vec::new(),
                    replaces_record: false,
                    unchanged: true,
                    warnings: Vec::new(),
                });
            }
            let analysed = pipeline::analyse(path, &bytes, *format, extractor)?;
            let quads = rdf::report_quads(&report, &analysed.document, &analysed.extraction);
            // The researcher's judgements apply to the report as it is read again.
            let (quads, record) = curation.curate(&report, quads);
            // A report ingested under the IRI scheme before 128-bit tags moves to its new IRI:
            // its old graph is dropped in the transaction that writes the new one.
            // A remote store began after that scheme: no lookup per report there.
            let mut graphs: Vec<NamedOrBlankNode> = vec![report.clone().into()];
            let old = match store.is_remote() {
                true => None,
                false => store.report_for_source(path)?,
            };
            if let Some(old) = old {
                if old != report && rdf::is_old_report_iri(old.as_str()) {
                    graphs.push(old.into());
                }
            }
            let warnings = analysed.warnings_at(path);
            Ok(Prepared {
                path: path.clone(),
                graphs,
                quads,
                is_report: true,
                replaces_record: curation.has_record(&report),
                record,
                unchanged: false,
                warnings,
            })
        }
        Input::Rdf(path) => {
            let bytes = pipeline::read_bytes(path)?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(Error::input(path, "the file is empty: nothing to ingest"));
            }
            let graph = rdf::report_iri(path);
            let quads = store::parse_rdf(path, &bytes, &graph)?;
            let own = NamedOrBlankNode::from(graph);
            let mut graphs: Vec<NamedOrBlankNode> = vec![own.clone()];
            for q in &quads {
                if let GraphName::NamedNode(named) = &q.graph_name {
                    let g = NamedOrBlankNode::from(named.clone());
                    if !graphs.contains(&g) {
                        if is_kept_by_ties(named.as_str()) {
                            return Err(Error::input(
                                path,
                                format!(
                                    "names {g}, a graph ties keeps itself (the judgements, their record, the listing index): nothing of this file was written; move judgements between stores with `ties curation import`"
                                ),
                            ));
                        }
                        if !options.allow_report_graphs && rdf::in_report_namespace(named.as_str())
                        {
                            return Err(Error::input(
                                path,
                                format!(
                                    "names the report graph {g}: an RDF file may not replace a report's graph (nothing of this file was written; drop those statements, or allow RDF files into report graphs if that is meant)"
                                ),
                            ));
                        }
                        graphs.push(g);
                    }
                }
            }
            Ok(Prepared {
                path: path.clone(),
                graphs,
                quads,
                is_report: false,
                record: Vec::new(),
                replaces_record: false,
                unchanged: false,
                warnings: Vec::new(),
            })
        }
    }
}

/// The graphs ties writes only through its own commands: the curation graph and its record,
/// and the listing index.
fn is_kept_by_ties(graph: &str) -> bool {
    [
        crate::curation::CURATION_GRAPH,
        crate::curation::RECORD_GRAPH,
        store::listing::LISTING_GRAPH,
    ]
    .contains(&graph)
}

/// Ingests `inputs` into `store`. Failures of single files are collected in the summary; only a
/// store failure stops the run. A file given twice is read once. A report whose file has not
/// changed since the store took it (same content hash) is skipped unless `force`: run again
/// over a folder, only new and changed reports are read (after ties itself changes, `force`
/// reads them all).
///
/// ```
/// use ties::{extract::Extractor, ingest, pipeline, sparql::Dataset, store::Store};
///
/// let dir = std::env::temp_dir().join(format!("ties-doc-ingest-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("day.txt"), "Ana Ruiz, president of the Harbour Union, spoke.")?;
/// let (inputs, errors) = pipeline::collect_inputs(&[dir.clone()]);
/// assert!(errors.is_empty());
/// let store = Store::in_memory()?;
/// let summary = ingest::ingest(&store, &Extractor::new(), &inputs, &ingest::Silent, false)?;
/// assert_eq!(summary.reports, 1);
/// let rows = Dataset::new(store).select("SELECT ?p WHERE { ?m org:member ?p }")?;
/// assert_eq!(rows.len(), 1);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), ties::Error>(())
/// ```
pub fn ingest(
    store: &Store,
    extractor: &Extractor,
    inputs: &[Input],
    progress: &dyn Progress,
    force: bool,
) -> Result<Summary> {
    let options = Options {
        force,
        ..Options::default()
    };
    ingest_with(store, extractor, inputs, progress, options)
}

/// `ingest` with every option.
pub fn ingest_with(
    store: &Store,
    extractor: &Extractor,
    inputs: &[Input],
    progress: &dyn Progress,
    options: Options,
) -> Result<Summary> {
    let started = Instant::now();
    let mut seen = HashSet::new();
    let inputs: Vec<&Input> = inputs.iter().filter(|i| seen.insert(i.path())).collect();
    let mut summary = Summary::default();
    progress.start(inputs.len());
    let curation = Ingesting::load(store)?;
    let curation = &curation;
    let mut sink = match store.remote() {
        Some(r) => Sink::Remote(remote::Batch::new(r)),
        None => Sink::Embedded(Box::new(store.bulk_writer())),
    };
    std::thread::scope(|scope| -> Result<()> {
        let (batches, queue) = sync_channel::<Result<Vec<Result<Prepared>>>>(QUEUED_BATCHES);
        let inputs = &inputs;
        scope.spawn(move || {
            for batch in inputs.chunks(BATCH) {
                let prepared = Known::of(store, batch, options).map(|known| {
                    batch
                        .par_iter()
                        .map(|i| prepare(i, extractor, &known, options, curation))
                        .collect()
                });
                let stop = prepared.is_err();
                if batches.send(prepared).is_err() || stop {
                    break; // the writer stopped on a store error, or this one stops it
                }
            }
        });
        for prepared in queue {
            for p in prepared? {
                match p {
                    Ok(p) => write(store, &mut sink, p, &mut summary, progress)?,
                    Err(e) => {
                        progress.fail(&e);
                        summary.failures.push(e);
                    }
                }
            }
        }
        Ok(())
    })?;
    match sink {
        Sink::Embedded(bulk) => bulk.finish()?,
        Sink::Remote(mut batch) => {
            let failed = batch.send()?;
            not_written(failed, &mut summary, progress);
        }
    }
    store.flush()?;
    progress.finish();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Where the writer puts reports: the embedded store's bulk writer, or a remote engine's batch.
enum Sink<'a> {
    /// Boxed: the bulk writer holds its buffers and the listing counts inline.
    Embedded(Box<BulkWriter<'a>>),
    Remote(remote::Batch<'a>),
}

/// Reports a remote engine did not take: failures of their own, no longer counted as written.
fn not_written(failed: Vec<remote::Failed>, summary: &mut Summary, progress: &dyn Progress) {
    for (path, cause) in failed {
        let e = Error::NotWritten {
            path,
            source: Box::new(cause),
        };
        progress.fail(&e);
        summary.failures.push(e);
        summary.reports = summary.reports.saturating_sub(1);
    }
}

/// Batches read and extracted ahead of the writer.
const QUEUED_BATCHES: usize = 2;

fn write(
    store: &Store,
    sink: &mut Sink<'_>,
    p: Prepared,
    summary: &mut Summary,
    progress: &dyn Progress,
) -> Result<()> {
    if p.unchanged {
        summary.unchanged += 1;
        progress.done(&p.path);
        return Ok(());
    }
    summary.statements += p.quads.len();
    if p.is_report {
        summary.reports += 1;
    } else {
        summary.rdf_files += 1;
    }
    for w in &p.warnings {
        progress.warn(w);
    }
    summary.warnings.extend(p.warnings.iter().cloned());
    let path = p.path.clone();
    match sink {
        Sink::Embedded(bulk) => write_embedded(store, bulk, p)?,
        Sink::Remote(batch) => {
            let failed = batch.add(p.path.clone(), &replacement(p))?;
            not_written(failed, summary, progress);
        }
    }
    progress.done(&path);
    Ok(())
}

/// The edit that puts a prepared file in the store in place of what it held: its graphs
/// dropped (and a report's curation record), its quads (and new record) inserted.
fn replacement(p: Prepared) -> Edit {
    let mut edit = Edit {
        drop_graphs: p.graphs,
        insert: p.quads,
        ..Edit::default()
    };
    if p.is_report {
        // The store holds an old record of this report only when `replaces_record`.
        if let (true, Some(NamedOrBlankNode::NamedNode(report))) =
            (p.replaces_record, edit.drop_graphs.first())
        {
            edit.drop_subjects = crate::curation::removal(report).drop_subjects;
        }
        edit.insert.extend(p.record);
    }
    edit
}

fn write_embedded(store: &Store, bulk: &mut BulkWriter<'_>, p: Prepared) -> Result<()> {
    let new_report = p.is_report
        && !p.replaces_record
        && match &p.graphs[..] {
            [NamedOrBlankNode::NamedNode(g)] => !store.contains_graph(g.as_ref())?,
            _ => false,
        };
    if new_report {
        let mut quads = p.quads;
        quads.extend(p.record);
        bulk.add(quads)
    } else if p.is_report {
        // What the bulk writer holds goes in first, so this replacement comes after it.
        bulk.commit()?;
        store.apply(&replacement(p))
    } else {
        bulk.commit()?;
        store.replace_graphs(&p.graphs, &p.quads)
    }
}

/// Drops a report's graph and what curation recorded of it, keeping the judgements about it
/// (they apply again when the report is ingested again).
pub fn remove_report(store: &Store, report: &NamedNode) -> Result<()> {
    store.apply(&crate::curation::removal(report))
}

/// The graph of a report named by its IRI or by its file's path.
pub fn find_report(store: &Store, key: &str) -> Result<NamedNode> {
    if key.contains(':') && !Path::new(key).exists() {
        if let Ok(iri) = NamedNode::new(key) {
            if store.contains_graph(iri.as_ref())? {
                return Ok(iri);
            }
        }
    }
    let path = Path::new(key);
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let iri = rdf::report_iri(&canonical);
    if store.contains_graph(iri.as_ref())? {
        return Ok(iri);
    }
    if let Some(iri) = store.report_for_source(&canonical)? {
        return Ok(iri);
    }
    Err(Error::Usage(format!(
        "no report {key} in the store: give its path as ingested or its IRI (`ties query reports` lists them)"
    )))
}
