//! Reports' writes to a remote engine gathered into requests, each report whole in one: a
//! report's graph replaced by a Graph Store PUT (one at a time) when the engine has
//! a Graph Store URL, else by an Update (`DROP SILENT GRAPH`, `INSERT DATA`), several reports to
//! a request under a size limit. A batch that fails after its retries is sent again report by
//! report, so a failure is reported per report and the others go in; requests are whole or not
//! sent, so a killed ingest leaves each report whole or absent. It reads nothing.

use super::remote::Remote;
use super::Edit;
use crate::error::{Error, Result};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad};
use std::fmt::Write as _;
use std::path::PathBuf;

/// The SPARQL Update that makes `edit` on a remote engine, as one request: graphs dropped, the
/// quads of (graph, subject) pairs deleted, quads deleted, quads inserted. Graphs an edit
/// would prune when empty are left: SPARQL engines keep no empty graphs.
pub(crate) fn edit_text(edit: &Edit) -> String {
    let mut ops: Vec<String> = Vec::new();
    for g in &edit.drop_graphs {
        ops.push(format!("DROP SILENT GRAPH {g}"));
    }
    for (g, s) in &edit.drop_subjects {
        ops.push(format!("DELETE WHERE {{ GRAPH {g} {{ {s} ?p ?o }} }}"));
    }
    if !edit.remove.is_empty() {
        ops.push(format!("DELETE DATA {{ {} }}", data_block(&edit.remove)));
    }
    if !edit.insert.is_empty() {
        ops.push(format!("INSERT DATA {{ {} }}", data_block(&edit.insert)));
    }
    ops.join(" ;\n")
}

/// Quads as the body of INSERT DATA or DELETE DATA: consecutive quads of a graph in one
/// `GRAPH` block, terms written as N-Triples (which SPARQL reads as they are).
fn data_block(quads: &[Quad]) -> String {
    let mut out = String::new();
    let mut open: Option<&GraphName> = None;
    for q in quads {
        if open != Some(&q.graph_name) {
            if open.is_some_and(|g| !g.is_default_graph()) {
                out.push_str("}\n");
            }
            if let GraphName::NamedNode(g) = &q.graph_name {
                let _ = writeln!(out, "GRAPH {g} {{");
            }
            open = Some(&q.graph_name);
        }
        let _ = writeln!(out, "{} {} {} .", q.subject, q.predicate, q.object);
    }
    if open.is_some_and(|g| !g.is_default_graph()) {
        out.push_str("}\n");
    }
    out
}

/// Reports' writes gathered into requests of at most `batch_bytes` each; a report's update is
/// never cut, so each goes in whole or not at all.
#[derive(Debug)]
pub(crate) struct Batch<'a> {
    remote: &'a Remote,
    pending: Vec<(PathBuf, String)>,
    bytes: usize,
    /// Reports waiting for their PUT: (report, graph, N-Triples).
    puts: Vec<(PathBuf, String, String)>,
}

/// Graph Store PUTs gathered before they go, one at a time: Virtuoso 7.2 gained a fifth from
/// four in flight and then failed ("double free or corruption") after 7,000 reports.
const PUTS_GATHERED: usize = 32;

/// A report whose write failed, with why.
pub(crate) type Failed = (PathBuf, Error);

impl<'a> Batch<'a> {
    pub(crate) fn new(remote: &'a Remote) -> Batch<'a> {
        Batch {
            remote,
            pending: Vec::new(),
            bytes: 0,
            puts: Vec::new(),
        }
    }

    /// Adds a report's edit; sends what is gathered first when this one would pass the limit.
    /// Returns the reports that failed in a request sent now.
    pub(crate) fn add(&mut self, report: PathBuf, edit: &Edit) -> Result<Vec<Failed>> {
        if let Some((graph, triples)) = self.as_put(edit) {
            self.puts.push((report, graph.to_owned(), triples));
            if self.puts.len() < PUTS_GATHERED {
                return Ok(Vec::new());
            }
            return self.send_puts();
        }
        let text = edit_text(edit);
        let mut failed = Vec::new();
        if self.bytes + text.len() > self.remote.endpoint().batch_bytes && !self.pending.is_empty()
        {
            failed = self.send_updates()?;
        }
        self.bytes += text.len() + 3;
        self.pending.push((report, text));
        Ok(failed)
    }

    /// The graph and N-Triples of an edit that replaces one graph whole, when the engine takes
    /// Graph Store PUTs: a new or re-read report without curation records.
    fn as_put<'e>(&self, edit: &'e Edit) -> Option<(&'e str, String)> {
        self.remote.endpoint().graph_store.as_ref()?;
        let [NamedOrBlankNode::NamedNode(g)] = &edit.drop_graphs[..] else {
            return None;
        };
        let plain =
            edit.drop_subjects.is_empty() && edit.remove.is_empty() && edit.prune.is_empty();
        let ours = |q: &Quad| matches!(&q.graph_name, GraphName::NamedNode(n) if n == g);
        if !plain || edit.insert.is_empty() || !edit.insert.iter().all(ours) {
            return None;
        }
        let mut text = String::new();
        for q in &edit.insert {
            let _ = writeln!(text, "{} {} {} .", q.subject, q.predicate, q.object);
        }
        Some((g.as_str(), text))
    }

    /// Sends what is gathered: one request, or, when that fails after its retries, one request
    /// per report. An error only when the engine answers none of them at all.
    pub(crate) fn send(&mut self) -> Result<Vec<Failed>> {
        let mut failed = self.send_puts()?;
        failed.extend(self.send_updates()?);
        Ok(failed)
    }

    /// The PUTs gathered, one after another.
    fn send_puts(&mut self) -> Result<Vec<Failed>> {
        let mut failed = Vec::new();
        for (report, graph, triples) in std::mem::take(&mut self.puts) {
            match self.remote.put_graph(&graph, &triples) {
                Ok(_) => {}
                Err(e) if is_transport(&e) => return Err(e),
                Err(e) => failed.push((report, e)),
            }
        }
        Ok(failed)
    }

    /// The Update requests gathered: one request, or report by report when it fails.
    fn send_updates(&mut self) -> Result<Vec<Failed>> {
        let pending = std::mem::take(&mut self.pending);
        self.bytes = 0;
        if pending.is_empty() {
            return Ok(Vec::new());
        }
        let joined = pending
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ;\n");
        let first = match self.remote.update(&joined) {
            Ok(()) => return Ok(Vec::new()),
            Err(e) => e,
        };
        if pending.len() == 1 {
            return no_answer_or(first, pending);
        }
        let mut failed = Vec::new();
        for (report, text) in pending {
            if let Err(e) = self.remote.update(&text) {
                if is_transport(&e) {
                    return Err(e);
                }
                failed.push((report, e));
            }
        }
        Ok(failed)
    }
}

/// A failure of one report's request: the run stops when the engine did not answer at all.
fn no_answer_or(e: Error, mut pending: Vec<(PathBuf, String)>) -> Result<Vec<Failed>> {
    if is_transport(&e) {
        return Err(e);
    }
    let (report, _) = pending.remove(0);
    Ok(vec![(report, e)])
}

fn is_transport(e: &Error) -> bool {
    matches!(e, Error::Remote { source: Some(s), .. } if s.downcast_ref::<ureq::Error>().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn an_edit_is_one_update_with_every_graph_whole() {
        let g = NamedNode::new_unchecked("urn:ties:report/a");
        let edit = Edit {
            drop_graphs: vec![g.clone().into()],
            drop_subjects: vec![(
                NamedNode::new_unchecked("urn:ties:curation/record"),
                g.clone(),
            )],
            insert: vec![Quad::new(
                g.clone(),
                NamedNode::new_unchecked("https://schema.org/name"),
                Literal::new_simple_literal("Day \"one\"\n"),
                g.clone(),
            )],
            ..Edit::default()
        };
        assert_eq!(
            edit_text(&edit),
            "DROP SILENT GRAPH <urn:ties:report/a> ;\n\
             DELETE WHERE { GRAPH <urn:ties:curation/record> { <urn:ties:report/a> ?p ?o } } ;\n\
             INSERT DATA { GRAPH <urn:ties:report/a> {\n\
             <urn:ties:report/a> <https://schema.org/name> \"Day \\\"one\\\"\\n\" .\n}\n }"
        );
    }
}
