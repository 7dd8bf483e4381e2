//! Curation: the researcher's judgements (merge, distinguish, reject, accept) kept as data in a
//! graph of their own, `urn:ties:curation`, never in a report's graph, and applied to the
//! report graphs so that everything that reads the store sees the curated view.
//!
//! The view is materialised: a judgement rewrites the report graphs it concerns (a merged
//! entity's IRI becomes the kept one's, a rejected claim goes), and what each rewrite changed
//! goes into the record graph `urn:ties:curation/record`, as N-Triples literals no query pattern
//! matches, so the raw graph is rebuilt exactly on undo. Ingest applies the judgements to each
//! report it writes (`Ingesting`), so re-reading a report keeps them. ARCHITECTURE.md says why
//! this rather than a mapping at query time, and what it costs.
//!
//! It reads through `sparql` and writes through `store` (one transaction per judgement); it must
//! not touch report files, the extractor or the command line.

pub mod candidates;
pub mod judgement;
pub mod raw;
pub mod resolve;
pub mod review;
pub mod transfer;
pub mod view;

use crate::error::{Error, Result};
use crate::sparql::{self, Dataset};
use crate::store::{Edit, Store};
pub use judgement::{Judgement, Kind};
use oxigraph::model::{NamedNode, Quad, Term};
pub use raw::raw_view;
use std::collections::{BTreeSet, HashSet};
pub use view::Rules;

/// The graph of judgements.
pub const CURATION_GRAPH: &str = "urn:ties:curation";
/// The graph of records: what applying the judgements changed in each report graph.
pub const RECORD_GRAPH: &str = "urn:ties:curation/record";

fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

/// What a judgement (or its undoing) did.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Outcome {
    pub judgement: Judgement,
    /// Report graphs rewritten.
    pub reports: usize,
}

const ROWS_OF: &str = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";

/// Every (subject, predicate, object) of a graph, through `sparql`.
fn rows_of(dataset: &Dataset, graph: &str) -> Result<Vec<(String, String, Term)>> {
    let rows = dataset.select_bound(ROWS_OF, &[(sparql::variable("g"), sparql::iri(graph)?)])?;
    Ok(rows
        .iter()
        .filter_map(|r| {
            Some((
                sparql::text(r.get("s")),
                sparql::text(r.get("p")),
                r.get("o")?.clone(),
            ))
        })
        .collect())
}

/// The quads of one graph. Report graphs hold no blank nodes.
fn quads_of(dataset: &Dataset, graph: &str) -> Result<Vec<Quad>> {
    let g = node(graph);
    Ok(rows_of(dataset, graph)?
        .into_iter()
        .filter_map(|(s, p, o)| {
            Some(Quad::new(
                NamedNode::new(s).ok()?,
                NamedNode::new(p).ok()?,
                o,
                g.clone(),
            ))
        })
        .collect())
}

/// Every judgement in the store, oldest first.
pub fn judgements(dataset: &Dataset) -> Result<Vec<Judgement>> {
    Ok(Judgement::from_rows(&rows_of(dataset, CURATION_GRAPH)?))
}

/// What the record graph says curating `graph` changed.
fn record_of(dataset: &Dataset, graph: &str) -> Result<view::Change> {
    const RECORD: &str = "SELECT ?p ?o WHERE { GRAPH ?r { ?g ?p ?o } }";
    let bindings = [
        (sparql::variable("r"), sparql::iri(RECORD_GRAPH)?),
        (sparql::variable("g"), sparql::iri(graph)?),
    ];
    let g = node(graph);
    let mut change = view::Change::default();
    for row in dataset.select_bound(RECORD, &bindings)? {
        let p = sparql::text(row.get("p"));
        let o = sparql::text(row.get("o"));
        let quads = || {
            view::from_ntriples(&o, &g).ok_or_else(|| {
                Error::Usage(format!(
                    "the curation record of {graph} does not parse: ingest the report again"
                ))
            })
        };
        match p.as_str() {
            p if p == crate::vocab::ties::CURATION_ADDED.as_str() => change.added = quads()?,
            p if p == crate::vocab::ties::CURATION_REMOVED.as_str() => change.removed = quads()?,
            _ => {}
        }
    }
    Ok(change)
}

/// The report graphs where any of `iris` is, or was before curation rewrote it.
fn graphs_mentioning(dataset: &Dataset, iris: &BTreeSet<String>) -> Result<BTreeSet<String>> {
    const MENTIONING: &str = r#"
SELECT DISTINCT ?g WHERE {
  { GRAPH ?g { ?x ?p ?o } } UNION { GRAPH ?g { ?s ?p ?x } }
  UNION { GRAPH ?r { ?g ties:curationTouches ?x } }
}"#;
    let mut out = BTreeSet::new();
    for x in iris {
        let bindings = [
            (sparql::variable("x"), sparql::iri(x)?),
            (sparql::variable("r"), sparql::iri(RECORD_GRAPH)?),
        ];
        for row in dataset.select_bound(MENTIONING, &bindings)? {
            let g = sparql::text(row.get("g"));
            if crate::iri::in_report_namespace(&g) {
                out.insert(g);
            }
        }
    }
    Ok(out)
}

/// Rewrites `graphs` for the judgements `after`, with `edit` (the judgements' own change) in
/// the same transaction. Returns how many graphs changed.
fn commit(
    dataset: &Dataset,
    after: &[Judgement],
    graphs: &BTreeSet<String>,
    mut edit: Edit,
) -> Result<usize> {
    let rules = judgement::compile(after);
    let record_graph = node(RECORD_GRAPH);
    let mut changed = 0;
    for graph in graphs {
        let current = quads_of(dataset, graph)?;
        let g = node(graph);
        edit.drop_subjects.push((record_graph.clone(), g.clone()));
        if current.is_empty() {
            continue; // the report is gone: its record goes, its judgements stay
        }
        let raw = view::restore(&current, &record_of(dataset, graph)?);
        let (curated, change) = view::curate(&rules, &raw);
        let (now, next): (HashSet<&Quad>, HashSet<&Quad>) =
            (current.iter().collect(), curated.iter().collect());
        let before = edit.remove.len() + edit.insert.len();
        edit.remove
            .extend(current.iter().filter(|q| !next.contains(q)).cloned());
        edit.insert
            .extend(curated.iter().filter(|q| !now.contains(q)).cloned());
        changed += usize::from(edit.remove.len() + edit.insert.len() > before);
        edit.insert
            .extend(view::record_quads(&g, &change, &record_graph));
    }
    edit.prune = vec![node(CURATION_GRAPH), record_graph];
    dataset.store().apply(&edit)?;
    Ok(changed)
}

/// Records `j` (replacing a judgement of the same IRI) and applies it to the report graphs
/// where any of `concerned` is.
fn record(
    dataset: &Dataset,
    before: Vec<Judgement>,
    j: Judgement,
    concerned: BTreeSet<String>,
) -> Result<Outcome> {
    let curation = node(CURATION_GRAPH);
    let edit = Edit {
        drop_subjects: vec![(curation.clone(), node(&j.iri))],
        insert: j.quads(&curation),
        ..Edit::default()
    };
    let mut after: Vec<Judgement> = before.into_iter().filter(|b| b.iri != j.iri).collect();
    after.push(j.clone());
    // In the order the store gives them back (an imported judgement may be older than others).
    after.sort_by(|x, y| (&x.created, &x.iri).cmp(&(&y.created, &y.iri)));
    let graphs = affected(dataset, &after, &j, concerned)?;
    let reports = commit(dataset, &after, &graphs, edit)?;
    Ok(Outcome {
        judgement: j,
        reports,
    })
}

/// The report graphs a change of `j` concerns: those of its claim, or those where any entity
/// of the clusters concerned is.
fn affected(
    dataset: &Dataset,
    after: &[Judgement],
    j: &Judgement,
    mut concerned: BTreeSet<String>,
) -> Result<BTreeSet<String>> {
    if let Some(report) = &j.report {
        return Ok(BTreeSet::from([report.clone()]));
    }
    if j.kind != Kind::Merge {
        return Ok(BTreeSet::new());
    }
    let clusters = judgement::Clusters::of(after);
    for t in &j.targets {
        concerned.extend(clusters.members(t));
    }
    graphs_mentioning(dataset, &concerned)
}

/// `ties merge A B`: B is the same entity as A; A's IRI is kept.
pub fn merge(dataset: &Dataset, a: &str, b: &str, note: Option<&str>) -> Result<Outcome> {
    let (ea, eb) = (resolve::entity(dataset, a)?, resolve::entity(dataset, b)?);
    if ea.kind != eb.kind {
        return Err(Error::Usage(format!(
            "{a:?} is a {} and {b:?} a {}: only entities of one kind merge",
            ea.kind, eb.kind
        )));
    }
    let before = judgements(dataset)?;
    let clusters = judgement::Clusters::of(&before);
    let (kept, merged) = (clusters.root(&ea.iri), clusters.root(&eb.iri));
    let concerned = admit_merge(&before, &kept, &merged, (a, b))?;
    // The merged entity is remembered by the name typed for it (`unmerge` takes it back), the
    // kept one by its own name, which reports that name only the other are given.
    let merged_name = if resolve::looks_like_iri(b) {
        eb.name
    } else {
        b.trim().to_owned()
    };
    let mut j = Judgement::new(Kind::Merge, vec![kept, merged], vec![ea.name, merged_name]);
    j.note = note.map(str::to_owned);
    record(dataset, before, j, concerned)
}

/// Whether `merged` may merge into `kept` given the judgements `before`: not when they are one
/// entity already, nor when they were judged distinct. Returns the entities of both clusters,
/// whose report graphs the merge rewrites. `(a, b)` is how the user named the two.
fn admit_merge(
    before: &[Judgement],
    kept: &str,
    merged: &str,
    (a, b): (&str, &str),
) -> Result<BTreeSet<String>> {
    let mut clusters = judgement::Clusters::of(before);
    let (kept, merged) = (clusters.root(kept), clusters.root(merged));
    if kept == merged {
        return Err(Error::Usage(format!(
            "{a:?} and {b:?} are already one entity ({kept})"
        )));
    }
    let concerned = BTreeSet::from_iter(
        clusters
            .members(&kept)
            .into_iter()
            .chain(clusters.members(&merged)),
    );
    clusters.union(&kept, &merged);
    if let Some(d) = before.iter().find(|d| {
        d.kind == Kind::Distinction && clusters.root(&d.targets[0]) == clusters.root(&d.targets[1])
    }) {
        return Err(Error::Usage(format!(
            "{a:?} and {b:?} were judged distinct ({}, {}); undo that judgement first",
            d.iri, d.created
        )));
    }
    Ok(concerned)
}

/// `ties distinguish A B`: A and B are not the same; they are never merged.
pub fn distinguish(dataset: &Dataset, a: &str, b: &str, note: Option<&str>) -> Result<Outcome> {
    let (ea, eb) = (resolve::entity(dataset, a)?, resolve::entity(dataset, b)?);
    if ea.iri == eb.iri {
        return Err(Error::Usage(format!(
            "{a:?} and {b:?} are one entity ({}): unmerge them first (`ties curation list` shows the merges)",
            ea.iri
        )));
    }
    let before = judgements(dataset)?;
    let mut j = Judgement::new(
        Kind::Distinction,
        vec![ea.iri, eb.iri],
        vec![ea.name, eb.name],
    );
    j.note = note.map(str::to_owned);
    record(dataset, before, j, BTreeSet::new())
}

/// `ties reject CLAIM` (`accept` false) or `ties accept CLAIM`: a verdict on one claim.
pub fn verdict(
    dataset: &Dataset,
    claim: &str,
    accept: bool,
    note: Option<&str>,
) -> Result<Outcome> {
    let claim = claim.trim();
    if !resolve::looks_like_iri(claim) {
        return Err(Error::Usage(format!(
            "{claim:?}: name a claim by its IRI (`ties query claims` lists them)"
        )));
    }
    let before = judgements(dataset)?;
    let report = match resolve::claim_report(dataset, claim)? {
        Some(r) => r,
        None => before
            .iter()
            .find(|j| j.targets == [claim] && j.report.is_some())
            .and_then(|j| j.report.clone())
            .ok_or_else(|| Error::Usage(format!("no claim {claim} in the store")))?,
    };
    let kind = if accept {
        Kind::Acceptance
    } else {
        Kind::Rejection
    };
    let mut j = Judgement::new(kind, vec![claim.to_owned()], Vec::new());
    j.report = Some(report);
    j.note = note.map(str::to_owned);
    record(dataset, before, j, BTreeSet::new())
}

/// Undoes the judgement `iri`: the report graphs it concerns are rewritten without it.
pub fn undo(dataset: &Dataset, iri: &str) -> Result<Outcome> {
    let before = judgements(dataset)?;
    let j = before
        .iter()
        .find(|j| j.iri == iri.trim())
        .cloned()
        .ok_or_else(|| {
            Error::Usage(format!(
                "no judgement {iri} in the store (`ties curation list` lists them)"
            ))
        })?;
    let clusters = judgement::Clusters::of(&before);
    let concerned: BTreeSet<String> = j.targets.iter().flat_map(|t| clusters.members(t)).collect();
    let after: Vec<Judgement> = before.into_iter().filter(|b| b.iri != j.iri).collect();
    let edit = Edit {
        drop_subjects: vec![(node(CURATION_GRAPH), node(&j.iri))],
        ..Edit::default()
    };
    let graphs = affected(dataset, &after, &j, concerned)?;
    let reports = commit(dataset, &after, &graphs, edit)?;
    Ok(Outcome {
        judgement: j,
        reports,
    })
}

/// `ties unmerge A B`: undoes the merge of A and B (names or IRIs, as merged).
pub fn unmerge(dataset: &Dataset, a: &str, b: &str) -> Result<Outcome> {
    let before = judgements(dataset)?;
    let found = before.iter().find(|j| {
        j.kind == Kind::Merge
            && ((named_at(j, 0, a) && named_at(j, 1, b))
                || (named_at(j, 0, b) && named_at(j, 1, a)))
    });
    match found {
        Some(j) => undo(dataset, &j.iri.clone()),
        None => Err(Error::Usage(format!(
            "no merge of {a:?} and {b:?} (`ties curation list` shows the merges)"
        ))),
    }
}

/// True when the `i`th target of `j` is `text` (its IRI or name).
fn named_at(j: &Judgement, i: usize, text: &str) -> bool {
    let text = text.trim();
    j.targets.get(i).is_some_and(|t| t == text)
        || j.names.get(i).is_some_and(|n| n.eq_ignore_ascii_case(text))
}

/// The judgements as ingest applies them to each report it writes.
#[derive(Debug, Default)]
pub struct Ingesting {
    rules: Rules,
    /// Report graphs the record graph holds a record of.
    recorded: HashSet<String>,
}

impl Ingesting {
    /// Reads the judgements and the records of `store`.
    pub fn load(store: &Store) -> Result<Ingesting> {
        const RECORDED: &str =
            "SELECT DISTINCT ?g WHERE { GRAPH ?r { ?g ties:curationRemoved ?x } }";
        let dataset = Dataset::new(store.clone());
        let rules = judgement::compile(&judgements(&dataset)?);
        let rows = dataset.select_bound(
            RECORDED,
            &[(sparql::variable("r"), sparql::iri(RECORD_GRAPH)?)],
        )?;
        let recorded = rows.iter().map(|r| sparql::text(r.get("g"))).collect();
        Ok(Ingesting { rules, recorded })
    }

    /// The curated quads of a report read afresh, and its record's quads.
    pub fn curate(&self, report: &NamedNode, quads: Vec<Quad>) -> (Vec<Quad>, Vec<Quad>) {
        if self.rules.is_empty() {
            return (quads, Vec::new());
        }
        let (curated, change) = view::curate(&self.rules, &quads);
        let record = view::record_quads(report, &change, &node(RECORD_GRAPH));
        (curated, record)
    }

    /// True when the store holds a record of `report` that writing it must replace.
    pub fn has_record(&self, report: &NamedNode) -> bool {
        self.recorded.contains(report.as_str())
    }
}

/// The edit that drops a report's graph and its record, keeping the judgements about it.
pub fn removal(report: &NamedNode) -> Edit {
    Edit {
        drop_graphs: vec![report.clone().into()],
        drop_subjects: vec![(node(RECORD_GRAPH), report.clone())],
        prune: vec![node(RECORD_GRAPH)],
        ..Edit::default()
    }
}
