//! Query results written out: the W3C result formats (CSV, TSV, JSON, XML), RDF for CONSTRUCT
//! and DESCRIBE, or an aligned table for a person; and terms as a person reads them.
//!
//! This module only writes what the `Dataset` returned; it runs nothing.

use crate::error::{Error, Result};
use crate::vocab::{self, PREFIXES};
use oxigraph::io::RdfFormat;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, Variable};
use std::io::Write;

/// How results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum OutputFormat {
    /// An aligned text table for SELECT, Turtle for CONSTRUCT/DESCRIBE.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    #[cfg_attr(feature = "cli", value(name = "ntriples"))]
    NTriples,
    #[cfg_attr(feature = "cli", value(name = "nquads"))]
    NQuads,
    #[cfg_attr(feature = "cli", value(name = "jsonld"))]
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

/// Writes query results in `format`; returns the number of rows (or triples) written.
pub fn write_results(
    results: QueryResults<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let eval = Error::evaluation;
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
            let rdf = match format {
                OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
                OutputFormat::NTriples => RdfFormat::NTriples,
                OutputFormat::NQuads => RdfFormat::NQuads,
                OutputFormat::JsonLd => RdfFormat::from_media_type("application/ld+json")
                    .expect("Oxigraph knows JSON-LD"),

                _ => return Err(Error::Usage(
                    "CONSTRUCT and DESCRIBE give RDF: ask for turtle, ntriples, nquads or jsonld"
                        .into(),
                )),
            };
            let mut ser = vocab::serializer(rdf).for_writer(out);
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
    Error::Usage("SELECT and ASK give result tables: ask for table, csv, tsv, json or xml".into())
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
    variables: &[Variable],
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
