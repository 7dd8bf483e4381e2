//! Query results written out: the W3C result formats (CSV, TSV, JSON, XML), RDF for CONSTRUCT
//! and DESCRIBE, or an aligned table for a person; and terms as a person reads them.
//!
//! This module only writes what the `Dataset` returned; it runs nothing.

use crate::error::{Error, Result, Size};
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
    write_results_capped(results, format, out, Caps::default())
}

/// How large one answer may grow: rows (SELECT) or triples (CONSTRUCT, DESCRIBE), and bytes
/// written. None: no limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Caps {
    pub rows: Option<usize>,
    pub bytes: Option<usize>,
}

/// `write_results` within `caps`: past a cap the writing stops with `Error::TooLarge`, and what
/// was written so far is a truncated answer that must not be sent on (the server writes into
/// memory and sends nothing in that case).
pub fn write_results_capped(
    results: QueryResults<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
    caps: Caps,
) -> Result<usize> {
    let mut capped = Capped::new(out, caps.bytes);
    let written = write_counted(results, format, &mut capped, caps.rows);
    capped.verdict(written)
}

/// Rows or triples counted as they are written; over `max_rows` the writing stops.
fn write_counted(
    results: QueryResults<'_>,
    format: OutputFormat,
    out: &mut dyn Write,
    max_rows: Option<usize>,
) -> Result<usize> {
    let eval = Error::evaluation;
    let over = |n: usize| max_rows.is_some_and(|max| n > max);
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
            let too_many = || Error::TooLarge(Size::Rows(max_rows.unwrap_or_default()));
            if format == OutputFormat::Table {
                let rows = rows
                    .take(max_rows.map_or(usize::MAX, |m| m.saturating_add(1)))
                    .collect::<std::result::Result<Vec<_>, _>>()
                    .map_err(eval)?;
                if over(rows.len()) {
                    return Err(too_many());
                }
                write_table(&variables, &rows, out)?;
                return Ok(rows.len());
            }
            let f = w3c_format(format).ok_or_else(rdf_for_solutions)?;
            let mut ser = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(out, variables)?;
            let mut n = 0;
            for row in rows {
                n += 1;
                if over(n) {
                    return Err(too_many());
                }
                ser.serialize(row.map_err(eval)?.iter())?;
            }
            ser.finish()?;
            Ok(n)
        }
        QueryResults::Graph(triples) => {
            let mut ser = vocab::serializer(rdf_format(format)?).for_writer(out);
            let mut n = 0;
            for t in triples {
                n += 1;
                if over(n) {
                    return Err(Error::TooLarge(Size::Triples(max_rows.unwrap_or_default())));
                }
                ser.serialize_triple(&t.map_err(eval)?)?;
            }
            ser.finish()?;
            Ok(n)
        }
    }
}

/// The RDF format CONSTRUCT and DESCRIBE give for `format`.
fn rdf_format(format: OutputFormat) -> Result<RdfFormat> {
    Ok(match format {
        OutputFormat::Table | OutputFormat::Turtle => RdfFormat::Turtle,
        OutputFormat::NTriples => RdfFormat::NTriples,
        OutputFormat::NQuads => RdfFormat::NQuads,
        OutputFormat::JsonLd => {
            RdfFormat::from_media_type("application/ld+json").expect("Oxigraph knows JSON-LD")
        }
        _ => {
            return Err(Error::Usage(
                "CONSTRUCT and DESCRIBE give RDF: ask for turtle, ntriples, nquads or jsonld"
                    .into(),
            ))
        }
    })
}

/// A writer that refuses to go past `max` bytes. The serializers see an I/O error there and
/// stop; [`Capped::verdict`] turns it into `Error::TooLarge`.
pub(crate) struct Capped<'a> {
    out: &'a mut dyn Write,
    written: usize,
    max: Option<usize>,
    over: bool,
}

impl<'a> Capped<'a> {
    pub(crate) fn new(out: &'a mut dyn Write, max: Option<usize>) -> Self {
        Capped {
            out,
            written: 0,
            max,
            over: false,
        }
    }

    /// What the writing through this writer came to: `Error::TooLarge` when it went past the
    /// cap (whatever error the serializer made of it), else `written` as it is.
    pub(crate) fn verdict<T>(&self, written: Result<T>) -> Result<T> {
        match (written, self.max) {
            (Err(_), Some(max)) if self.over => Err(Error::TooLarge(Size::Bytes(max))),
            (written, _) => written,
        }
    }
}

impl Write for Capped<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self
            .max
            .is_some_and(|max| self.written.saturating_add(buf.len()) > max)
        {
            self.over = true;
            return Err(std::io::Error::other("the answer went past its size limit"));
        }
        let n = self.out.write(buf)?;
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
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
