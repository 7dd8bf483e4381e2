//! Ingest: report files → documents → extractions → quads → the store.
//!
//! Reading and extraction run in parallel (rayon) in batches on a thread of their own; the
//! writer takes the batches from a short queue, so memory is bounded by a few batches, not by the
//! corpus. Reports new to the store go through the store's bulk writer; a report already there
//! (ingested again) and RDF files replace their graphs in one transaction each. Either way a
//! report is in the store whole or not at all. A file that cannot be read is reported and
//! skipped; the others still go in. This module reports progress through the `Progress` trait
//! and never prints.

pub mod decode;
pub mod document;
pub mod html;
pub mod markdown;
pub mod segment;

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::rdf;
use crate::store::{self, BulkWriter, Store};
use document::{Block, BlockKind, Document, Format, Metadata};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;

use std::time::Instant;

/// Files read and extracted at once before their graphs are written.
const BATCH: usize = 64;

/// One file to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A report to read and extract (.txt, .md, .html).
    Report(PathBuf, Format),
    /// An RDF file loaded as it is.
    Rdf(PathBuf),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::Report(p, _) | Input::Rdf(p) => p,
        }
    }
}

/// Hears how an ingest goes; the command line draws a progress bar from it.
pub trait Progress: Sync {
    fn start(&self, _files: usize) {}
    fn done(&self, _path: &Path) {}
    fn warn(&self, _message: &str) {}
    fn fail(&self, _error: &Error) {}
    fn finish(&self) {}
}

/// A `Progress` that ignores everything.
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

/// The files named by `paths`: files as given, folders walked recursively (hidden entries and
/// files of other kinds skipped). Paths that do not exist, and files given by name whose kind
/// ties does not read, come back as errors.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = inputs.len();
            walk(path, &mut inputs, &mut errors);
            if inputs.len() == before {
                errors.push(Error::Path {
                    path: path.clone(),
                    reason: "no .txt, .md, .html or RDF files in this folder".into(),
                });
            }
        } else if path.is_file() {
            match classify(path) {
                Some(input) => inputs.push(input),
                None => errors.push(Error::input(
                    path,
                    "not a kind of file ties reads: give .txt, .md, .html, or RDF (.ttl .nt .nq .trig .rdf .jsonld)",
                )),
            }
        } else {
            errors.push(Error::Path {
                path: path.clone(),
                reason: "no such file or folder".into(),
            });
        }
    }
    (inputs, errors)
}

fn classify(path: &Path) -> Option<Input> {
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if let Some(format) = Format::of_path(path) {
        return Some(Input::Report(canonical, format));
    }
    store::rdf_format_of(path).map(|_| Input::Rdf(canonical))
}

/// A `.json` file found in a folder is most likely not JSON-LD (a manifest, annotations): a
/// folder walk takes `.jsonld` only; a `.json` file named on the command line is still read.
fn plain_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Error::input(dir, format!("cannot read the folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, inputs, errors);
        } else if let Some(input) = classify(&path).filter(|_| !plain_json(&path)) {
            inputs.push(input);
        }
    }
}

/// Reads one report file into a document.
pub fn read_document(path: &Path, format: Format) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::input(path, format!("cannot read: {e}")))?;
    document_from_bytes(&bytes, format, Some(path.to_path_buf()))
}

/// Decodes, cleans and segments a report given as bytes.
pub fn document_from_bytes(
    bytes: &[u8],
    format: Format,
    source: Option<PathBuf>,
) -> Result<Document> {
    let name = source.clone().unwrap_or_else(|| PathBuf::from("<input>"));
    let decoded = decode::decode(bytes).map_err(|e| Error::input(&name, e.to_string()))?;
    let content_hash = content_hash(bytes);
    let mut headings = Vec::new();
    let (text, meta) = match format {
        Format::Text => (decoded.text, Metadata::default()),
        Format::Markdown => {
            let (meta, body) = markdown::front_matter(&decoded.text);
            (decoded.text[body..].to_owned(), meta)
        }
        Format::Html => {
            let article = html::extract_article(&decoded.text);
            headings = article.headings;
            let meta = Metadata {
                title: article.title,
                date: article.date,
                url: article.url,
                publisher: article.site_name,
            };
            (article.text, meta)
        }
    };
    if text.trim().is_empty() {
        return Err(Error::input(&name, "no report text found in the file"));
    }
    let mut doc = document_with_headings(text, format, source, meta, &headings);
    if doc.meta.title.is_none() {
        // No title in the file: its name stands for one.
        doc.meta.title = doc
            .source
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned());
    }

    doc.content_hash = content_hash;
    doc.warnings.extend(decoded.warning);
    Ok(doc)
}

/// Segments text that is already clean.
pub fn document_from_text(
    text: String,
    format: Format,
    source: Option<PathBuf>,
    meta: Metadata,
) -> Document {
    document_with_headings(text, format, source, meta, &[])
}

fn document_with_headings(
    text: String,
    format: Format,
    source: Option<PathBuf>,
    mut meta: Metadata,
    headings: &[(usize, usize, u8)],
) -> Document {
    let (blocks, sentences) = segment::segment_with_headings(&text, format, headings);
    if meta.title.is_none() {
        meta.title = title_block(&text, &blocks).map(|b| clean_title(&text[b.start..b.end]));
    }
    let content_hash = format!("sha256:{:x}", Sha256::digest(text.as_bytes()));
    Document {
        source,
        format,
        meta,
        content_hash,
        text,
        blocks,
        sentences,
        warnings: Vec::new(),
    }
}

/// The report's title: its first heading, passing over a first line in capitals ("FOR
/// IMMEDIATE RELEASE", "PRESS RELEASE"), which is furniture.
fn title_block<'a>(text: &str, blocks: &'a [Block]) -> Option<&'a Block> {
    let shouted = |b: &Block| {
        let t = &text[b.start..b.end];
        t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
    };
    let mut headings = blocks
        .iter()
        .take(3)
        .filter(|b| b.kind == BlockKind::Heading);
    let first = blocks.first().filter(|b| b.kind == BlockKind::Heading)?;
    if shouted(first) {
        return headings.find(|b| !shouted(b));
    }
    (first.level == 1).then_some(first)
}

fn clean_title(s: &str) -> String {
    s.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_owned()
}

/// A file read, extracted and turned into quads, waiting to be written.
struct Prepared {
    path: PathBuf,
    graphs: Vec<NamedOrBlankNode>,
    quads: Vec<Quad>,
    is_report: bool,
    /// The store already holds this report as it is now: nothing to write.
    unchanged: bool,
    warnings: Vec<String>,
}

/// The hash ties records for a report file's bytes (`ties:contentHash`).
fn content_hash(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

fn prepare(input: &Input, extractor: &Extractor, store: &Store, force: bool) -> Result<Prepared> {
    match input {
        Input::Report(path, format) => {
            let bytes =
                std::fs::read(path).map_err(|e| Error::input(path, format!("cannot read: {e}")))?;
            let report = rdf::report_iri(path);
            if !force && store.content_hash(report.as_ref())? == Some(content_hash(&bytes)) {
                return Ok(Prepared {
                    path: path.clone(),
                    graphs: Vec::new(),
                    quads: Vec::new(),
                    is_report: true,
                    unchanged: true,
                    warnings: Vec::new(),
                });
            }
            let doc = document_from_bytes(&bytes, *format, Some(path.clone()))?;
            let extraction = extractor.extract(&doc);
            let quads = rdf::report_quads(&report, &doc, &extraction);
            let warnings = doc
                .warnings
                .iter()
                .map(|w| format!("{}: {w}", path.display()))
                .collect();
            Ok(Prepared {
                path: path.clone(),
                graphs: vec![report.into()],
                quads,
                is_report: true,
                unchanged: false,
                warnings,
            })
        }
        Input::Rdf(path) => {
            let bytes =
                std::fs::read(path).map_err(|e| Error::input(path, format!("cannot read: {e}")))?;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Err(Error::input(path, "the file is empty: nothing to ingest"));
            }
            let graph = rdf::report_iri(path);
            let quads = store::parse_rdf(path, &bytes, &graph)?;
            let mut graphs: Vec<NamedOrBlankNode> = vec![graph.into()];
            for q in &quads {
                if let GraphName::NamedNode(g) = &q.graph_name {
                    let g = NamedOrBlankNode::from(g.clone());
                    if !graphs.contains(&g) {
                        graphs.push(g);
                    }
                }
            }
            Ok(Prepared {
                path: path.clone(),
                graphs,
                quads,
                is_report: false,
                unchanged: false,
                warnings: Vec::new(),
            })
        }
    }
}

/// Ingests `inputs` into `store`. Failures of single files are collected in the summary; only a
/// store failure stops the run. A file given twice is read once. A report whose file has not
/// changed since the store took it (same content hash) is skipped unless `force`: run again
/// over a folder, only new and changed reports are read (after ties itself changes, `force`
/// reads them all).
pub fn ingest(
    store: &Store,
    extractor: &Extractor,
    inputs: &[Input],
    progress: &dyn Progress,
    force: bool,
) -> Result<Summary> {
    let started = Instant::now();
    let mut seen = HashSet::new();
    let inputs: Vec<&Input> = inputs.iter().filter(|i| seen.insert(i.path())).collect();
    let mut summary = Summary::default();
    progress.start(inputs.len());
    let mut bulk = store.bulk_writer();
    std::thread::scope(|scope| -> Result<()> {
        let (batches, queue) = sync_channel::<Vec<Result<Prepared>>>(QUEUED_BATCHES);
        let inputs = &inputs;
        scope.spawn(move || {
            for batch in inputs.chunks(BATCH) {
                let prepared = batch
                    .par_iter()
                    .map(|i| prepare(i, extractor, store, force))
                    .collect();
                if batches.send(prepared).is_err() {
                    break; // the writer stopped on a store error
                }
            }
        });
        for prepared in queue {
            for p in prepared {
                match p {
                    Ok(p) => write(store, &mut bulk, p, &mut summary, progress)?,
                    Err(e) => {
                        progress.fail(&e);
                        summary.failures.push(e);
                    }
                }
            }
        }
        Ok(())
    })?;
    bulk.finish()?;
    store.flush()?;
    progress.finish();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Batches read and extracted ahead of the writer.
const QUEUED_BATCHES: usize = 2;

fn write(
    store: &Store,
    bulk: &mut BulkWriter<'_>,
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
    let new_report = p.is_report
        && match &p.graphs[..] {
            [NamedOrBlankNode::NamedNode(g)] => !store.contains_graph(g.as_ref())?,
            _ => false,
        };
    if new_report {
        bulk.add(p.quads)?;
    } else {
        // What the bulk writer holds goes in first, so this replacement comes after it.
        bulk.commit()?;
        store.replace_graphs(&p.graphs, &p.quads)?;
    }
    if p.is_report {
        summary.reports += 1;
    } else {
        summary.rdf_files += 1;
    }
    for w in &p.warnings {
        progress.warn(w);
    }
    summary.warnings.extend(p.warnings);
    progress.done(&p.path);
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_becomes_metadata_and_the_body_the_text() {
        let md = b"---\ntitle: Hello\ndate: 2025-01-02\n---\n# Hello\n\nText here.\n";
        let doc = document_from_bytes(md, Format::Markdown, None).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Hello"));
        assert_eq!(doc.text, "# Hello\n\nText here.\n");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn plain_text_title_is_its_first_heading() {
        let doc = document_from_bytes(b"Big Day Out\n\nIt went well.", Format::Text, None).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Big Day Out"));
    }

    #[test]
    fn empty_and_binary_files_are_input_errors() {
        for bytes in [&b""[..], b"\x00\x01\x02binary"] {
            let err = document_from_bytes(bytes, Format::Text, None).unwrap_err();
            assert!(matches!(err, Error::Input { .. }));
        }
    }

    #[test]
    fn html_without_text_is_refused() {
        let err = document_from_bytes(
            b"<html><body><nav>Home</nav></body></html>",
            Format::Html,
            None,
        );
        assert!(err.is_err());
    }
}
