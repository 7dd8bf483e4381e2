//! Extraction throughput: reading reports already in memory into documents and extracting them,
//! in bytes of report text per second. The reports come from `$TIES_BENCH_DIR` (default
//! `data/reports`); for the dev set: `TIES_BENCH_DIR=../shared/eval/dev cargo bench --bench extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use ties::extract::Extractor;
use ties::ingest::{document::Format, document_from_bytes};

fn reports() -> Vec<(Vec<u8>, Format)> {
    let dir = std::env::var("TIES_BENCH_DIR").unwrap_or_else(|_| "data/reports".into());
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        if let Some(format) = Format::of_path(&p) {
            out.push((std::fs::read(&p).expect("a readable report"), format));
        }
    }
    assert!(!out.is_empty(), "no reports in {dir}");
    out
}

fn extraction(c: &mut Criterion) {
    let reports = reports();
    let extractor = Extractor::new();
    let bytes: usize = reports.iter().map(|(b, _)| b.len()).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("read+extract all reports", |b| {
        b.iter(|| {
            let mut claims = 0;
            for (bytes, format) in &reports {
                let doc = document_from_bytes(bytes, *format, None).expect("a report");
                let ex = extractor.extract(&doc);
                claims += ex.memberships.len() + ex.participations.len() + ex.quotations.len();
            }
            claims
        })
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
