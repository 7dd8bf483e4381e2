//! `ties stats`: counts by type and per report, read through the SPARQL layer.

use crate::error::Result;
use crate::sparql::{count, display_term, Dataset};

/// What the store holds.
#[derive(Debug, Default, serde::Serialize)]
pub struct Stats {
    pub quads: usize,
    pub graphs: usize,
    /// (type, distinct nodes), most numerous first.
    pub by_type: Vec<(String, u64)>,
    pub reports: Vec<ReportStats>,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct ReportStats {
    pub report: String,
    pub title: String,
    pub statements: u64,
    pub people: u64,
    pub organisations: u64,
    pub claims: u64,
}

// The listing index (`crate::store::listing`) is left out: it repeats the report graphs.
const BY_TYPE: &str = "SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type FILTER(?type != ties:ListedEntity) } GROUP BY ?type ORDER BY DESC(?n) ?type";

/// `BY_TYPE` on a remote engine, which keeps graphs of its own (Virtuoso: its schemas): the
/// types in ties' graphs, as `Store::len` counts them.
const BY_TYPE_REMOTE: &str = r#"SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?type } FILTER(STRSTARTS(STR(?g), "urn:ties:")) } GROUP BY ?type ORDER BY DESC(?n) ?type"#;

/// Statements of the listing index, which `stats` leaves out of its counts.
const LISTING_SIZE: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:ties:listing> { ?s ?p ?o } }";

/// The per-report counts, over every named graph (`PER_REPORT`) or, on a remote engine, over
/// ties' own (`PER_REPORT_REMOTE`): one text, two WHERE clauses.
macro_rules! per_report {
    ($where:literal) => {
        concat!(
            r#"
SELECT ?g (SAMPLE(IF(?s = ?g && ?p = schema:name, ?o, ?none)) AS ?title)
       (COUNT(*) AS ?statements)
       (SUM(IF(?p = rdf:type && ?o = schema:Person, 1, 0)) AS ?people)
       (SUM(IF(?p = rdf:type && ?o = schema:Organization, 1, 0)) AS ?orgs)
       (SUM(IF(?p = prov:wasDerivedFrom, 1, 0)) AS ?claims)
WHERE { "#,
            $where,
            r#" }
GROUP BY ?g ORDER BY ?g"#
        )
    };
}
const PER_REPORT: &str = per_report!("GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:ties:listing>)");
const PER_REPORT_REMOTE: &str =
    per_report!(r#"GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:ties:"))"#);

/// What the dataset holds: statements, graphs, nodes by type, and per report.
///
/// ```
/// let dataset = ties::sparql::Dataset::new(ties::store::Store::in_memory()?);
/// dataset.update("INSERT DATA { GRAPH <urn:r> { <urn:a> a schema:Person } }")?;
/// let stats = ties::stats::stats(&dataset)?;
/// assert_eq!((stats.quads, stats.graphs), (1, 1));
/// assert_eq!(stats.by_type, vec![("schema:Person".to_owned(), 1)]);
/// # Ok::<(), ties::Error>(())
/// ```
pub fn stats(dataset: &Dataset) -> Result<Stats> {
    // The listing index repeats what the report graphs hold: its graph and statements are not
    // counted.
    let index = count(
        dataset
            .select(LISTING_SIZE)?
            .first()
            .and_then(|row| row.get("n")),
    );
    let mut s = Stats {
        quads: dataset
            .len()?
            .saturating_sub(usize::try_from(index).unwrap_or(0)),
        graphs: dataset.graph_count()? - usize::from(index > 0),
        ..Stats::default()
    };
    let (by_type, per_report) = match dataset.is_remote() {
        true => (BY_TYPE_REMOTE, PER_REPORT_REMOTE),
        false => (BY_TYPE, PER_REPORT),
    };
    for row in dataset.select(by_type)? {
        let name = row.get("type").map(display_term).unwrap_or_default();
        s.by_type.push((name, count(row.get("n"))));
    }
    for row in dataset.select(per_report)? {
        s.reports.push(ReportStats {
            report: row.get("g").map(display_term).unwrap_or_default(),
            title: row.get("title").map(display_term).unwrap_or_default(),
            statements: count(row.get("statements")),
            people: count(row.get("people")),
            organisations: count(row.get("orgs")),
            claims: count(row.get("claims")),
        });
    }
    Ok(s)
}
