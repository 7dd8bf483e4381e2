//! The raw view (`--raw`): the graph as the extractor wrote it, before any judgement. The store
//! holds the curated view (`super`): each report graph with the judgements applied, and in the
//! record graph what that changed. This rebuilds every recorded report graph from its record
//! (the graph less what curation added, plus what it removed, as `undo` does) into a copy of the
//! store in memory, which every reader then reads as it reads the store.
//!
//! The copy costs a read of the whole store and memory for all of it (55 s and 2 GB for 10,000
//! generated reports): it is for looking at what the judgements hid, not for everyday queries,
//! which read the curated view in place. It reads through `sparql` and writes only the copy.

use super::{record_of, view, RECORD_GRAPH};
use crate::error::Result;
use crate::sparql::Dataset;
use crate::store::listing::LISTING_GRAPH;
use crate::store::Store;
use std::collections::HashSet;

/// The store's graphs as the extractor wrote them, in memory: merged entities apart again,
/// rejected claims back, the judgements themselves still in `urn:ties:curation`.
pub fn raw_view(dataset: &Dataset) -> Result<Dataset> {
    let recorded: HashSet<String> = dataset
        .select(&format!(
            "SELECT DISTINCT ?g WHERE {{ GRAPH <{RECORD_GRAPH}> {{ ?g ?p ?o }} }}"
        ))?
        .iter()
        .map(|row| crate::sparql::text(row.get("g")))
        .collect();
    let copy = Store::in_memory()?;
    let mut writer = copy.bulk_writer();
    for graph in dataset.graphs()? {
        let name = graph.as_str();
        if name == LISTING_GRAPH || name == RECORD_GRAPH {
            continue; // the copy lists its own entities; its graphs carry no curation
        }
        let quads = dataset.quads_of(graph.as_ref())?;
        if recorded.contains(name) {
            writer.add(view::restore(&quads, &record_of(dataset, name)?))?;
        } else {
            writer.add(quads)?;
        }
    }
    writer.finish()?;
    Ok(Dataset::new(copy))
}
