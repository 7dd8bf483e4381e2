//! Judgements moved between stores as a file: `export` writes every judgement of the curation
//! graph (its values, note and time) as TriG or N-Quads; `parse` reads such a file whole and
//! checks every judgement against the curation shapes before anything is written; `import`
//! applies, in the file's order, each judgement the store does not already hold, through the
//! same path as the commands that make them (`curation::record`: report graphs rewritten and
//! records kept, one transaction per judgement). A judgement naming an entity or a claim the
//! store lacks is recorded all the same: ingest applies every recorded judgement to each report
//! it writes, so it takes effect when that report is ingested.
//!
//! It must not touch report files, the extractor or the command line: the caller hands it the
//! file's bytes and a writer.

use super::judgement::{Clusters, Judgement, Kind};
use super::{node, resolve, CURATION_GRAPH};
use crate::error::{Error, Result};
use crate::sparql::Dataset;
use crate::vocab::{dcterms, rdf, ties, xsd};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

/// The formats of a curation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum FileFormat {
    /// TriG, with ties' prefixes: one `GRAPH <urn:ties:curation> { … }` block.
    Trig,
    /// N-Quads: one statement a line, each in the graph `urn:ties:curation`.
    #[cfg_attr(feature = "cli", value(name = "nquads", alias = "nq"))]
    NQuads,
}

impl FileFormat {
    /// The format a file name asks for: N-Quads for `.nq` and `.nquads`, else TriG.
    pub fn of_path(path: &Path) -> FileFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("nq") || e.eq_ignore_ascii_case("nquads") => {
                FileFormat::NQuads
            }
            _ => FileFormat::Trig,
        }
    }

    fn rdf(self) -> RdfFormat {
        match self {
            FileFormat::Trig => RdfFormat::TriG,
            FileFormat::NQuads => RdfFormat::NQuads,
        }
    }
}

/// Writes every judgement of the store, oldest first, as `format`; returns how many.
pub fn export(dataset: &Dataset, format: FileFormat, out: impl Write) -> Result<usize> {
    let judgements = super::judgements(dataset)?;
    let graph = node(CURATION_GRAPH);
    let mut writer = crate::vocab::serializer(format.rdf()).for_writer(out);
    for j in &judgements {
        for q in j.quads(&graph) {
            writer.serialize_quad(&q)?;
        }
    }
    writer.finish()?.flush()?;
    Ok(judgements.len())
}

/// The judgements of a curation file (TriG or N-Quads, whichever parses), in the order the
/// file first names them. `source` names the file in errors. A file that does not parse, holds
/// a statement outside the curation graph, or a judgement the curation shapes refuse, is an
/// `Error::Input` saying which and why.
pub fn parse(source: &Path, bytes: &[u8]) -> Result<Vec<Judgement>> {
    let bad = |reason: String| Error::input(source, reason);
    let quads = read_quads(source, bytes).map_err(bad)?;
    let mut order: Vec<&str> = Vec::new();
    let mut by_subject: HashMap<&str, Vec<(NamedNodeRef<'_>, &Term)>> = HashMap::new();
    for q in &quads {
        if q.graph_name != GraphName::NamedNode(node(CURATION_GRAPH)) {
            return Err(bad(format!(
                "{q}: a statement outside the graph <{CURATION_GRAPH}>; a curation file holds judgements only, in that graph (export one from a store to see the form)"
            )));
        }
        let NamedOrBlankNode::NamedNode(s) = &q.subject else {
            return Err(bad(format!(
                "{q}: a judgement is named by an IRI, not a blank node"
            )));
        };
        if !s.as_str().starts_with(super::judgement::JUDGEMENT_NS) {
            return Err(bad(format!(
                "{q}: judgements are named under {}",
                super::judgement::JUDGEMENT_NS
            )));
        }
        let props = by_subject.entry(s.as_str()).or_default();
        if props.is_empty() {
            order.push(s.as_str());
        }
        props.push((q.predicate.as_ref(), &q.object));
    }
    order
        .into_iter()
        .map(|iri| judgement_of(iri, &by_subject[iri]).map_err(|e| bad(format!("<{iri}>: {e}"))))
        .collect()
}

/// The quads of the file, each once: TriG first, else N-Quads; the error of the format the
/// file's name suggests when neither parses.
fn read_quads(source: &Path, bytes: &[u8]) -> std::result::Result<Vec<Quad>, String> {
    let parse = |f: FileFormat| {
        crate::store::parse_quads(f.rdf(), bytes, GraphNameRef::DefaultGraph)
            .map_err(|e| format!("{e} (a curation file is TriG or N-Quads, as exported)"))
    };
    let quads = match parse(FileFormat::Trig) {
        Ok(quads) => quads,
        Err(trig) => match (parse(FileFormat::NQuads), FileFormat::of_path(source)) {
            (Ok(quads), _) => quads,
            (Err(nquads), FileFormat::NQuads) => return Err(nquads),
            (Err(_), FileFormat::Trig) => return Err(trig),
        },
    };
    let mut seen = HashSet::new();
    Ok(quads
        .into_iter()
        .filter(|q| seen.insert(q.clone()))
        .collect())
}

/// What a property of a judgement holds.
#[derive(Clone, Copy, PartialEq)]
enum Value {
    Iri,
    Text,
    Time,
}

/// The properties a judgement of `kind` has: how many of each (least, most) and what they hold.
fn shape(kind: Kind) -> Vec<(NamedNodeRef<'static>, usize, usize, Value)> {
    let mut out = vec![
        (rdf::TYPE, 1, 1, Value::Iri),
        (dcterms::CREATED, 1, 1, Value::Time),
        (ties::NOTE, 0, 1, Value::Text),
    ];
    out.extend(match kind {
        Kind::Merge => vec![
            (ties::KEPT, 1, 1, Value::Iri),
            (ties::MERGED, 1, 1, Value::Iri),
            (ties::KEPT_NAME, 0, 1, Value::Text),
            (ties::MERGED_NAME, 0, 1, Value::Text),
        ],
        Kind::Distinction => vec![(ties::ENTITY, 2, 2, Value::Iri)],
        Kind::Rejection | Kind::Acceptance => vec![
            (ties::CLAIM, 1, 1, Value::Iri),
            (ties::IN_REPORT, 1, 1, Value::Iri),
        ],
    });
    out
}

/// One judgement from its properties, checked against its shape; the reason when it fails.
fn judgement_of(
    iri: &str,
    props: &[(NamedNodeRef<'_>, &Term)],
) -> std::result::Result<Judgement, String> {
    let kinds: Vec<Kind> = props
        .iter()
        .filter(|(p, _)| *p == rdf::TYPE)
        .filter_map(|(_, o)| match o {
            Term::NamedNode(n) => Kind::of_class(n.as_str()),
            _ => None,
        })
        .collect();
    let [kind] = kinds[..] else {
        return Err(format!(
            "{} judgement types; give one: ties:Merge, ties:Distinction, ties:Rejection or ties:Acceptance",
            kinds.len()
        ));
    };
    let shape = shape(kind);
    if let Some((p, _)) = props
        .iter()
        .find(|(p, _)| !shape.iter().any(|(s, ..)| s == p))
    {
        return Err(format!("{p} is no property of a {}", kind.name()));
    }
    for (p, least, most, value) in &shape {
        let values: Vec<&Term> = props
            .iter()
            .filter(|(q, _)| q == p)
            .map(|(_, o)| *o)
            .collect();
        if values.len() < *least || values.len() > *most {
            return Err(format!(
                "a {} has {} {p}, {} found",
                kind.name(),
                if least == most {
                    least.to_string()
                } else {
                    format!("{least} to {most}")
                },
                values.len()
            ));
        }
        if let Some(v) = values.iter().find(|v| !holds(v, *value)) {
            return Err(format!("{p} {v}: {}", expected(*value)));
        }
    }
    let rows: Vec<(String, String, Term)> = props
        .iter()
        .map(|(p, o)| (iri.to_owned(), p.as_str().to_owned(), (*o).clone()))
        .collect();
    let j = Judgement::from_rows(&rows)
        .pop()
        .ok_or("not a judgement the curation shapes describe")?;
    check_targets(&j)?;
    Ok(j)
}

fn holds(term: &Term, value: Value) -> bool {
    match (term, value) {
        (Term::NamedNode(_), Value::Iri) => true,
        (Term::Literal(l), Value::Text) => l.datatype() == xsd::STRING,
        (Term::Literal(l), Value::Time) => {
            let t = l.value().as_bytes();
            l.datatype() == xsd::DATE_TIME
                && t.len() >= 19
                && t[..19].iter().enumerate().all(|(i, c)| match i {
                    4 | 7 => *c == b'-',
                    10 => *c == b'T',
                    13 | 16 => *c == b':',
                    _ => c.is_ascii_digit(),
                })
        }
        _ => false,
    }
}

fn expected(value: Value) -> &'static str {
    match value {
        Value::Iri => "an IRI is expected",
        Value::Text => "a plain string is expected",
        Value::Time => "an xsd:dateTime (2025-01-31T12:00:00.000Z) is expected",
    }
}

/// The targets make sense, and the judgement is named as ties names one of them.
fn check_targets(j: &Judgement) -> std::result::Result<(), String> {
    if j.kind == Kind::Merge && j.targets[0] == j.targets[1] {
        return Err("an entity merged into itself".into());
    }
    if let Some(report) = &j.report {
        if !crate::iri::in_report_namespace(report) {
            return Err(format!("<{report}> is not a report's graph"));
        }
    }
    let expected = Judgement::iri_for(j.kind, &j.targets);
    if j.iri != expected {
        return Err(format!(
            "a {} of these targets is named <{expected}>: the file was edited by hand; export it again",
            j.kind.name()
        ));
    }
    Ok(())
}

/// What importing did with one judgement.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "fate", rename_all = "lowercase")]
pub enum Fate {
    /// Recorded and applied: this many report graphs rewritten.
    Applied { reports: usize },
    /// Not written, and why.
    Skipped { reason: String },
}

/// One judgement of a file and what importing did with it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Imported {
    pub judgement: Judgement,
    #[serde(flatten)]
    pub fate: Fate,
}

/// Applies the judgements (from `parse`), in order, each the store does not already hold; each
/// in one transaction, as the commands that make them do. Importing a file twice applies
/// nothing the second time.
pub fn import(dataset: &Dataset, judgements: Vec<Judgement>) -> Result<Vec<Imported>> {
    let mut out = Vec::with_capacity(judgements.len());
    for j in judgements {
        let before = super::judgements(dataset)?;
        let fate = match admit(dataset, &before, &j)? {
            Err(reason) => Fate::Skipped { reason },
            Ok(concerned) => Fate::Applied {
                reports: super::record(dataset, before, j.clone(), concerned)?.reports,
            },
        };
        out.push(Imported { judgement: j, fate });
    }
    Ok(out)
}

/// Whether `j` goes into a store holding `before`: the entities whose report graphs it
/// rewrites, or why it is skipped.
fn admit(
    dataset: &Dataset,
    before: &[Judgement],
    j: &Judgement,
) -> Result<std::result::Result<BTreeSet<String>, String>> {
    if let Some(held) = before.iter().find(|b| b.iri == j.iri) {
        if held == j {
            return Ok(Err("the store holds it already".into()));
        }
        if held.created > j.created {
            return Ok(Err(format!(
                "the store holds a later judgement of the same ({}, made {})",
                held.kind.name(),
                held.created
            )));
        }
    }
    let others: Vec<Judgement> = before.iter().filter(|b| b.iri != j.iri).cloned().collect();
    let label = |i: usize| match j.names.get(i) {
        Some(n) if !n.is_empty() => n.clone(),
        _ => j.targets[i].clone(),
    };
    match j.kind {
        Kind::Merge => {
            let (a, b) = (
                resolve::describe(dataset, &j.targets[0])?,
                resolve::describe(dataset, &j.targets[1])?,
            );
            if let (Some(a), Some(b)) = (a, b) {
                if a.kind != b.kind {
                    return Ok(Err(format!(
                        "{:?} is a {} and {:?} a {} in this store: only entities of one kind merge",
                        label(0),
                        a.kind,
                        label(1),
                        b.kind
                    )));
                }
            }
            let (l0, l1) = (label(0), label(1));
            match super::admit_merge(&others, &j.targets[0], &j.targets[1], (&l0, &l1)) {
                Ok(concerned) => Ok(Ok(concerned)),
                Err(Error::Usage(reason)) => Ok(Err(reason)),
                Err(e) => Err(e),
            }
        }
        Kind::Distinction => {
            let clusters = Clusters::of(&others);
            if clusters.root(&j.targets[0]) == clusters.root(&j.targets[1]) {
                return Ok(Err(format!(
                    "<{}> and <{}> are one entity in this store: undo that merge to distinguish them",
                    j.targets[0], j.targets[1]
                )));
            }
            Ok(Ok(BTreeSet::new()))
        }
        Kind::Rejection | Kind::Acceptance => Ok(Ok(BTreeSet::new())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trig(body: &str) -> String {
        format!(
            "@prefix ties: <urn:ties:vocab#> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n{body}"
        )
    }

    fn parse_text(text: &str) -> Result<Vec<Judgement>> {
        parse(Path::new("judgements.trig"), text.as_bytes())
    }

    #[test]
    fn judgements_go_to_a_file_and_back_in_order() {
        let g = node(CURATION_GRAPH);
        let mut m = Judgement::new(
            Kind::Merge,
            vec!["urn:o:a".into(), "urn:o:b".into()],
            vec!["A".into(), "B".into()],
        );
        m.note = Some("same \"union\"".into());
        let mut r = Judgement::new(Kind::Rejection, vec!["urn:r/m/1".into()], Vec::new());
        r.report = Some("urn:ties:report/r-0123".into());
        for format in [FileFormat::Trig, FileFormat::NQuads] {
            let mut out = Vec::new();
            let mut w = crate::vocab::serializer(format.rdf()).for_writer(&mut out);
            for q in r.quads(&g).iter().chain(&m.quads(&g)) {
                w.serialize_quad(q).unwrap();
            }
            w.finish().unwrap();
            let back = parse(Path::new("x"), &out).expect("parses");
            assert_eq!(back, vec![r.clone(), m.clone()]);
        }
    }

    #[test]
    fn a_bad_file_says_what_is_wrong() {
        let cases = [
            ("not rdf at all {", "curation file is TriG or N-Quads"),
            ("<urn:a> <urn:b> <urn:c> .", "outside the graph"),
            (
                "<urn:ties:curation> { <urn:ties:judgement/merge-1> a ties:Merge ; ties:kept <urn:a> ; dcterms:created \"2025-01-01T00:00:00Z\"^^xsd:dateTime . }",
                "has 1 <urn:ties:vocab#merged>, 0 found",
            ),
            (
                "<urn:ties:curation> { <urn:ties:judgement/merge-1> a ties:Merge ; ties:kept <urn:a> ; ties:merged <urn:b> ; dcterms:created \"yesterday\"^^xsd:dateTime . }",
                "xsd:dateTime",
            ),
            (
                "<urn:ties:curation> { <urn:ties:judgement/merge-1> a ties:Merge ; ties:kept <urn:a> ; ties:merged <urn:b> ; dcterms:created \"2025-01-01T00:00:00Z\"^^xsd:dateTime . }",
                "edited by hand",
            ),
            (
                "<urn:ties:curation> { <urn:x> a ties:Merge . }",
                "judgements are named under",
            ),
        ];
        for (body, says) in cases {
            let e = parse_text(&trig(body)).expect_err(body).to_string();
            assert!(e.contains(says), "{body}\n→ {e}");
            assert!(e.starts_with("judgements.trig: "), "{e}");
        }
        assert!(parse_text("").expect("an empty file").is_empty());
    }
}
