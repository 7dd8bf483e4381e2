//! `ties extract --format nquads` writes what `ties ingest` stores: the N-Quads of the sample
//! reports, loaded as an RDF file into a fresh store, give the same graphs, each with the same
//! statements, as ingesting the reports.

mod common;

use common::{ingest, root, ties};
use std::collections::BTreeMap;
use std::path::Path;
use tempfile::TempDir;

/// Every quad of the report graphs, as N-Triples-like lines keyed by graph.
fn quads(store: &Path) -> BTreeMap<String, Vec<String>> {
    let out = ties(store)
        .args([
            "query",
            "--format",
            "tsv",
            r#"SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:ties:report/")) }"#,
        ])
        .output()
        .expect("ties query runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut by_graph: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .skip(1)
    {
        let (g, rest) = line.split_once('\t').expect("four columns");
        by_graph
            .entry(g.to_owned())
            .or_default()
            .push(rest.to_owned());
    }
    for lines in by_graph.values_mut() {
        lines.sort();
    }
    by_graph
}

#[test]
fn nquads_hold_what_ingest_stores() {
    let dir = TempDir::new().expect("a temporary folder");
    let ingested = dir.path().join("ingested");
    ingest(&ingested, &root().join("data/reports"));
    let out = ties(&dir.path().join("unused"))
        .args(["extract", "data/reports", "--format", "nquads"])
        .output()
        .expect("ties extract runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("extracted 5 reports"), "{said}");
    let file = dir.path().join("all.nq");
    std::fs::write(&file, &out.stdout).expect("written");
    let loaded = dir.path().join("loaded");
    let load = ties(&loaded)
        .args(["ingest", "--allow-report-graphs"])
        .arg(&file)
        .output()
        .expect("ties ingest runs");
    assert!(
        load.status.success(),
        "{}",
        String::from_utf8_lossy(&load.stderr)
    );
    let (a, b) = (quads(&ingested), quads(&loaded));
    assert_eq!(a.len(), 5, "five report graphs");
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (graph, lines) in &a {
        assert_eq!(Some(lines), b.get(graph), "{graph}");
    }
}
