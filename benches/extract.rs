//! Extraction throughput: reading reports already in memory into documents and extracting them,
//! in bytes of report text per second. The reports come from `$TIES_BENCH_DIR` (default
//! `data/reports`); for the dev set: `TIES_BENCH_DIR=../shared/eval/dev cargo bench --bench extract`.
//! A second function extracts the largest report of that folder (by its text) alone, already
//! read into a document, for the extractor's cost on one long text.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use ties::extract::Extractor;
use ties::model::Format;
use ties::read::document_from_bytes;

/// The binary's allocator (src/main.rs), so the benchmark measures what ships.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn reports() -> Vec<(PathBuf, Vec<u8>, Format)> {
    let dir = std::env::var("TIES_BENCH_DIR").unwrap_or_else(|_| "data/reports".into());
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        if let Some(format) = Format::of_path(&p) {
            let bytes = std::fs::read(&p).expect("a readable report");
            out.push((p, bytes, format));
        }
    }
    assert!(!out.is_empty(), "no reports in {dir}");
    out
}

fn extraction(c: &mut Criterion) {
    let reports = reports();
    let extractor = Extractor::new();
    let bytes: usize = reports.iter().map(|(_, b, _)| b.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("read+extract all reports", |b| {
        b.iter(|| {
            let mut claims = 0;
            for (_, bytes, format) in &reports {
                let doc = document_from_bytes(bytes, *format, None).expect("a report");
                let ex = extractor.extract(&doc);
                claims += ex.memberships.len() + ex.participations.len() + ex.quotations.len();
            }
            claims
        })
    });

    // The largest by its text, not its file: HTML pages carry markup the extractor never sees.
    let (path, bytes, doc) = reports
        .iter()
        .map(|(path, bytes, format)| {
            let doc = document_from_bytes(bytes, *format, Some(path.clone())).expect("a report");
            (path, bytes, doc)
        })
        .max_by_key(|(_, _, doc)| doc.text.len())
        .expect("at least one report");
    eprintln!(
        "extract one report: {} ({} bytes, {} bytes of text)",
        path.display(),
        bytes.len(),
        doc.text.len()
    );
    // Reading is not measured here, so the throughput is in bytes of the text extracted.
    group.throughput(Throughput::Bytes(doc.text.len() as u64));
    group.bench_function("extract one report", |b| {
        b.iter(|| {
            let ex = extractor.extract(&doc);
            ex.memberships.len() + ex.participations.len() + ex.quotations.len()
        })
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
