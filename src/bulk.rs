//! `ties extract --format nquads`: the reports and RDF files a user named, as the quads ingest
//! would store for them in an empty store, written as N-Quads for an engine's own bulk loader
//! (Virtuoso's `ld_dir`/`rdf_loader_run`, QLever's index builder, Neptune's loader).
//!
//! Files are read and extracted in parallel batches (rayon), and each batch is written, in the
//! order the files were named, before the next is read: memory is bounded by a batch, never by
//! the corpus. A file that cannot be read is reported and skipped. It writes no store and never
//! prints: the caller gives the writer and hears progress through `ingest::Progress`.

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::ingest::{Progress, Summary};
use crate::pipeline::{self, Input};
use crate::rdf;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use rayon::prelude::*;
use std::io::Write;
use std::time::Instant;

/// Files read and extracted at once before their quads are written.
const BATCH: usize = 256;

/// The quads ingest would store for one file, and its warnings.
fn quads_of(input: &Input, extractor: &Extractor) -> Result<(Vec<Quad>, Vec<String>)> {
    let bytes = pipeline::read_bytes(input.path())?;
    match input {
        Input::Report(path, format) => {
            let analysed = pipeline::analyse(path, &bytes, *format, extractor)?;
            let report = rdf::report_iri(path);
            let quads = rdf::report_quads(&report, &analysed.document, &analysed.extraction);
            let warnings = analysed.warnings_at(path);
            Ok((quads, warnings))
        }
        Input::Rdf(path) => {
            let quads = crate::store::parse_rdf(path, &bytes, &rdf::report_iri(path))?;
            Ok((quads, Vec::new()))
        }
    }
}

/// Writes the quads of `inputs` as N-Quads to `out`; failures of single files are collected
/// in the summary (the others are written), only a write error stops it.
///
/// ```
/// use ties::{bulk, extract::Extractor, ingest, pipeline};
///
/// let dir = std::env::temp_dir().join(format!("ties-doc-bulk-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("day.txt"), "Ana Ruiz, president of the Harbour Union, spoke.")?;
/// let (inputs, _) = pipeline::collect_inputs(&[dir.clone()]);
/// let mut out = Vec::new();
/// let summary = bulk::write_nquads(&inputs, &Extractor::new(), &mut out, &ingest::Silent)?;
/// assert_eq!(summary.reports, 1);
/// assert!(String::from_utf8(out).unwrap().contains("<urn:ties:report/day-"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), ties::Error>(())
/// ```
pub fn write_nquads(
    inputs: &[Input],
    extractor: &Extractor,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> Result<Summary> {
    let started = Instant::now();
    let mut summary = Summary::default();
    progress.start(inputs.len());
    let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(out);
    for batch in inputs.chunks(BATCH) {
        let done: Vec<Result<(Vec<Quad>, Vec<String>)>> =
            batch.par_iter().map(|i| quads_of(i, extractor)).collect();
        for (input, result) in batch.iter().zip(done) {
            match result {
                Ok((quads, warnings)) => {
                    for q in &quads {
                        writer.serialize_quad(q).map_err(Error::Io)?;
                    }
                    summary.statements += quads.len();
                    match input {
                        Input::Report(..) => summary.reports += 1,
                        Input::Rdf(_) => summary.rdf_files += 1,
                    }
                    for w in &warnings {
                        progress.warn(w);
                    }
                    summary.warnings.extend(warnings);
                    progress.done(input.path());
                }
                Err(e) => {
                    progress.fail(&e);
                    summary.failures.push(e);
                }
            }
        }
    }
    writer.finish().map_err(Error::Io)?.flush()?;
    progress.finish();
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}
