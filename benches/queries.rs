//! Named-query latency: every query of `queries/` run through `ties::sparql::Dataset::query` on a store
//! built once, every row consumed. The store is ingested through the library into a temporary
//! folder from `$TIES_BENCH_DIR` when set, else from the 5 reports of `data/reports` copied 200
//! times under distinct file names (1,000 reports, each its own graph, the same people and
//! organisations recurring as in a real corpus):
//!
//!     cargo bench --bench queries
//!     TIES_BENCH_DIR=/tmp/g2k cargo bench --bench queries     # reports from examples/generate.rs
//!
//! Each query reports its time per run; its row count is printed once, before it is measured. Sample sizes are small (10 samples, flat sampling) so the whole
//! run stays within a few minutes even when a query takes seconds.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tempfile::TempDir;
use ties::extract::Extractor;
use ties::ingest::{ingest, Silent};
use ties::model::Format;
use ties::pipeline::collect_inputs;
use ties::sparql::{Dataset, QueryOptions, QueryResults};
use ties::store::Store;

/// Copies of each sample report in the default corpus.
const COPIES: usize = 200;

/// The folder of reports to ingest: `$TIES_BENCH_DIR`, or the sample reports copied `COPIES`
/// times into `tmp`.
fn corpus(tmp: &Path) -> PathBuf {
    if let Ok(dir) = std::env::var("TIES_BENCH_DIR") {
        return PathBuf::from(dir);
    }
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&samples)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", samples.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| Format::of_path(p).is_some())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no reports in {}", samples.display());
    let dir = tmp.join("reports");
    std::fs::create_dir_all(&dir).expect("a folder for the copies");
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy();
        let ext = file.extension().unwrap().to_string_lossy();
        for i in 0..COPIES {
            // A distinct file name is a distinct report IRI, hence a graph of its own.
            std::fs::copy(file, dir.join(format!("{stem}-{i:03}.{ext}"))).expect("a copy");
        }
    }
    dir
}

/// Ingests `dir` into a new store at `path`, as `ties ingest` does.
fn build_store(dir: &Path, path: &Path) -> Dataset {
    let started = Instant::now();
    let (inputs, errors) = collect_inputs(&[dir.to_path_buf()]);
    assert!(errors.is_empty(), "reading {}: {errors:?}", dir.display());
    let store = Store::open(path).expect("a store in the temporary folder");
    let summary = ingest(&store, &Extractor::new(), &inputs, &Silent, false).expect("an ingest");
    assert!(
        summary.failures.is_empty(),
        "failed reports: {:?}",
        summary.failures
    );
    eprintln!(
        "store: {} reports, {} statements, built in {:.1} s from {}",
        summary.reports,
        store.len().expect("a count"),
        started.elapsed().as_secs_f64(),
        dir.display()
    );
    Dataset::new(store)
}

/// Runs a query and consumes every row (or triple); returns how many there were.
fn run(dataset: &Dataset, text: &str) -> u64 {
    let mut n = 0;
    let results = dataset.query(text, &QueryOptions::default());
    match results.expect("a named query that runs") {
        QueryResults::Solutions(rows) => {
            for row in rows {
                black_box(row.expect("a row"));
                n += 1;
            }
        }
        QueryResults::Graph(triples) => {
            for triple in triples {
                black_box(triple.expect("a triple"));
                n += 1;
            }
        }
        QueryResults::Boolean(_) => n = 1,
    }
    n
}

fn named_queries(c: &mut Criterion) {
    // Declared before the store so that it is dropped after it.
    let tmp = TempDir::new().expect("a temporary folder");
    let dir = corpus(tmp.path());
    let store = build_store(&dir, &tmp.path().join("store"));

    let mut group = c.benchmark_group("named query");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, text) in ties::queries::NAMED {
        // One run outside the measurement for the row count (and a warm cache).
        let started = Instant::now();
        let rows = run(&store, text);
        eprintln!(
            "{name}: {rows} rows (first run {:.3} s)",
            started.elapsed().as_secs_f64()
        );
        group.bench_function(*name, |b| b.iter(|| run(&store, text)));
    }
    group.finish();
}

criterion_group!(benches, named_queries);
criterion_main!(benches);
