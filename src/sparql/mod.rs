//! The SPARQL layer: parse with ties' prefixes predeclared, evaluate over the union of all report
//! graphs (or one graph), and write results in the W3C formats or as an aligned table.
//!
//! Everything that reads the graph (stats, the network, exporters, the server) goes through here.
//! This module does not know where a query came from (command line, file, HTTP).

pub mod bind;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::vocab::PREFIXES;
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryResults, QuerySolution, SparqlEvaluator,
};
use std::io::Write;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// An aligned text table for SELECT, Turtle for CONSTRUCT/DESCRIBE.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    NTriples,
    NQuads,
    JsonLd,
}

impl OutputFormat {
    pub fn parse(name: &str) -> Option<OutputFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "table" => OutputFormat::Table,
            "csv" => OutputFormat::Csv,
            "tsv" => OutputFormat::Tsv,
            "json" => OutputFormat::Json,
            "xml" => OutputFormat::Xml,
            "turtle" | "ttl" => OutputFormat::Turtle,
            "ntriples" | "nt" => OutputFormat::NTriples,
            "nquads" | "nq" => OutputFormat::NQuads,
            "jsonld" | "json-ld" => OutputFormat::JsonLd,
            _ => return None,
        })
    }
}

/// An evaluator with ties' prefixes predeclared.
pub fn evaluator() -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, iri) in PREFIXES {
        evaluator = evaluator
            .with_prefix(*prefix, *iri)
            .expect("the predeclared prefixes are valid IRIs");
    }
    evaluator
}

/// Parses a query; its default graph becomes the union of all graphs (or `graph` when given),
/// unless the query names its own dataset with FROM.
pub fn prepare(
    text: &str,
    graph: Option<&str>,
    cancel: Option<CancellationToken>,
) -> Result<PreparedSparqlQuery> {
    let mut evaluator = evaluator();
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token);
    }
    let mut prepared = evaluator
        .parse_query(text)
        .map_err(|e| Error::Syntax(e.to_string()))?;
    if prepared.dataset().is_default_dataset() {
        match graph {
            Some(iri) => {
                let node = NamedNode::new(iri)
                    .map_err(|e| Error::Usage(format!("default graph {iri}: not an IRI ({e})")))?;
                prepared
                    .dataset_mut()
                    .set_default_graph(vec![GraphName::NamedNode(node)]);
            }
            None => prepared.dataset_mut().set_default_graph_as_union(),
        }
    }
    Ok(prepared)
}

/// Runs a query on the store.
pub fn query<'a>(store: &'a Store, text: &str, graph: Option<&str>) -> Result<QueryResults<'a>> {
    query_bound(store, text, graph, &[])
}

/// Runs a query with some of its variables fixed first: written into its patterns (`bind`),
/// so Oxigraph plans from them.
pub fn query_bound<'a>(
    store: &'a Store,
    text: &str,
    graph: Option<&str>,
    bindings: &[(Variable, Term)],
) -> Result<QueryResults<'a>> {
    let mut text = text.to_owned();
    for (variable, value) in bindings {
        text = bind::bind(&text, variable, value)?;
    }
    prepare(&text, graph, None)?
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| Error::Evaluation(e.to_string()))
}

/// Reads `VAR=VALUE`: an IRI when the value is written `<…>` or starts with `urn:`, `http://`
/// or `https://`, else a plain string.
pub fn parse_binding(text: &str) -> Result<(Variable, Term)> {
    let (name, value) = text.split_once('=').ok_or_else(|| {
        Error::Usage(format!(
            "--bind {text:?}: write VAR=VALUE, e.g. person=\"Ana Ruiz\""
        ))
    })?;
    let name = name.trim().trim_start_matches(['?', '$']);
    let variable = Variable::new(name).map_err(|e| {
        Error::Usage(format!(
            "--bind {text:?}: {name:?} is no variable name ({e})"
        ))
    })?;
    let iri = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .or_else(|| {
            ["urn:", "http://", "https://"]
                .iter()
                .any(|s| value.starts_with(s))
                .then_some(value)
        });
    let term = match iri {
        Some(iri) => Term::from(
            NamedNode::new(iri)
                .map_err(|e| Error::Usage(format!("--bind {text:?}: not an IRI ({e})")))?,
        ),
        None => Term::from(Literal::new_simple_literal(value)),
    };
    Ok((variable, term))
}

/// Runs a SELECT and collects its rows; for the library's own queries.
pub fn select(store: &Store, text: &str) -> Result<Vec<QuerySolution>> {
    match query(store, text, None)? {
        QueryResults::Solutions(rows) => rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::Evaluation(e.to_string())),
        _ => Err(Error::Usage("expected a SELECT query".into())),
    }
}

/// Runs a SPARQL Update (INSERT/DELETE) on the store.
pub fn update(store: &Store, text: &str) -> Result<()> {
    evaluator()
        .parse_update(text)
        .map_err(|e| Error::Syntax(e.to_string()))?
        .on_store(store.oxigraph())
        .execute()
        .map_err(|e| Error::Evaluation(e.to_string()))
}

/// Writes query results in `format`; returns the number of rows (or triples) written.
pub fn write_results(
    results: QueryResults<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let eval = |e: oxigraph::sparql::QueryEvaluationError| Error::Evaluation(e.to_string());
    match results {
        QueryResults::Boolean(value) => {
            match w3c_format(format) {
                Some(f) => {
                    QueryResultsSerializer::from_format(f)
                        .serialize_boolean_to_writer(out, value)?;
                }
                None if format == OutputFormat::Table => writeln!(out, "{value}")?,
                None => return Err(rdf_for_solutions()),
            }
            Ok(1)
        }
        QueryResults::Solutions(rows) => {
            let variables = rows.variables().to_vec();
            if format == OutputFormat::Table {
                let rows = rows
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(eval)?;
                write_table(&variables, &rows, out)?;
                return Ok(rows.len());
            }
            let f = w3c_format(format).ok_or_else(rdf_for_solutions)?;
            let mut ser = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(out, variables)?;
            let mut n = 0;
            for row in rows {
                ser.serialize(row.map_err(eval)?.iter())?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
        QueryResults::Graph(triples) => {
            let rdf =
                match format {
                    OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
                    OutputFormat::NTriples => RdfFormat::NTriples,
                    OutputFormat::NQuads => RdfFormat::NQuads,
                    OutputFormat::JsonLd => RdfFormat::from_media_type("application/ld+json")
                        .expect("Oxigraph knows JSON-LD"),

                    _ => return Err(Error::Usage(
                        "CONSTRUCT and DESCRIBE give RDF: use --format turtle, ntriples or nquads"
                            .into(),
                    )),
                };
            let mut serializer = RdfSerializer::from_format(rdf);
            if rdf == RdfFormat::Turtle {
                for (prefix, iri) in PREFIXES {
                    serializer = serializer
                        .with_prefix(*prefix, *iri)
                        .expect("the predeclared prefixes are valid IRIs");
                }
            }
            let mut ser = serializer.for_writer(out);
            let mut n = 0;
            for t in triples {
                ser.serialize_triple(&t.map_err(eval)?)?;
                n += 1;
            }
            ser.finish()?;
            Ok(n)
        }
    }
}

fn rdf_for_solutions() -> Error {
    Error::Usage(
        "SELECT and ASK give result tables: use --format table, csv, tsv, json or xml".into(),
    )
}

fn w3c_format(format: OutputFormat) -> Option<QueryResultsFormat> {
    match format {
        OutputFormat::Csv => Some(QueryResultsFormat::Csv),
        OutputFormat::Tsv => Some(QueryResultsFormat::Tsv),
        OutputFormat::Json => Some(QueryResultsFormat::Json),
        OutputFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}

/// A term as a person reads it: IRIs shortened with the predeclared prefixes, literals bare.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact_iri(n.as_str()),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// `https://schema.org/Person` → `schema:Person`; IRIs outside the known namespaces stay whole.
pub fn compact_iri(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if !local.is_empty()
                && local
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            {
                return format!("{prefix}:{local}");
            }
        }
    }
    iri.to_owned()
}

/// Longest cell shown in a table; the other formats give whole values.
const TABLE_CELL_MAX: usize = 100;

fn write_table(
    variables: &[oxigraph::sparql::Variable],
    rows: &[QuerySolution],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            variables
                .iter()
                .map(|v| row.get(v).map(display_term).map(clip).unwrap_or_default())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let padded: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(out, &header)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    line(out, &rule)?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(
        out,
        "({} row{})",
        cells.len(),
        if cells.len() == 1 { "" } else { "s" }
    )
}

fn clip(s: String) -> String {
    let s = s.replace(['\n', '\r', '\t'], " ");
    if s.chars().count() <= TABLE_CELL_MAX {
        return s;
    }
    let mut t: String = s.chars().take(TABLE_CELL_MAX - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, Quad};

    fn store_with_two_graphs() -> Store {
        let store = Store::in_memory().unwrap();
        for g in ["urn:g:1", "urn:g:2"] {
            store
                .oxigraph()
                .insert(&Quad::new(
                    NamedNode::new_unchecked("urn:x"),
                    NamedNode::new_unchecked("https://schema.org/name"),
                    Literal::new_simple_literal(g),
                    NamedNode::new_unchecked(g),
                ))
                .unwrap();
        }
        store
    }

    #[test]
    fn default_graph_is_the_union_and_prefixes_are_predeclared() {
        let store = store_with_two_graphs();
        let rows = select(&store, "SELECT ?n WHERE { ?x schema:name ?n }").unwrap();
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn graph_option_limits_the_default_graph() {
        let store = store_with_two_graphs();
        let results = query(
            &store,
            "SELECT ?n WHERE { ?x schema:name ?n }",
            Some("urn:g:2"),
        )
        .unwrap();
        let mut out = Vec::new();
        assert_eq!(
            write_results(results, OutputFormat::Csv, &mut out).unwrap(),
            1
        );
        assert_eq!(String::from_utf8(out).unwrap(), "n\r\nurn:g:2\r\n");
    }

    #[test]
    fn syntax_errors_carry_the_position() {
        let store = store_with_two_graphs();
        let err = query(&store, "SELECT ?n WHERE { ?x schema:name }", None)
            .err()
            .unwrap();
        assert!(matches!(err, Error::Syntax(_)));
        assert!(err.to_string().contains("1:"), "{err}");
    }

    #[test]
    fn table_aligns_and_compacts() {
        let store = store_with_two_graphs();
        let results = query(
            &store,
            "SELECT ?x ?n WHERE { ?x schema:name ?n } ORDER BY ?n",
            None,
        )
        .unwrap();
        let mut out = Vec::new();
        write_results(results, OutputFormat::Table, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "x      n\n-----  -------\nurn:x  urn:g:1\nurn:x  urn:g:2\n(2 rows)\n"
        );
        assert_eq!(compact_iri("https://schema.org/Person"), "schema:Person");
    }
}
