//! `ties trace`: how two entities are connected, and on what evidence.
//!
//! Entities are named by name, alias or IRI; an ambiguous name is an error listing the
//! candidates. Paths run over people, organisations, events and places only: reports and
//! sentences are evidence, never hops (they would connect everything in two steps). The search
//! grows from both ends through `network::explore` (SPARQL, one entity at a time), so it reads
//! a few thousand ties of an archive, not all of them; this module never reads the store itself.

use crate::error::{Error, Result};
use crate::network::explore::{claims_rank, Explorer};
use crate::network::{Network, Node, NodeKind, Path};
use crate::sparql::Dataset;
use std::collections::HashSet;
use std::fmt::Write;

/// The paths between `from` and `to`: the shortest ones, or with `all` every simple path of at
/// most `max_hops` ties. The network returned is the part explored to find them; `exhausted`
/// says the search stopped at its budget before it could rule out longer paths.
pub fn trace(dataset: &Dataset, from: &str, to: &str, max_hops: usize, all: bool) -> Result<Trace> {
    let mut explorer = Explorer::new(dataset)?;
    let a = explorer.resolve(from)?;
    let b = explorer.resolve(to)?;
    if a.id == b.id {
        return Err(Error::Usage("FROM and TO are the same entity".into()));
    }
    // First the bare shape of the network between the two, then names and evidence for the
    // entities and ties on the paths found: the hubs on the way are never read in full.
    let (skeleton, [ia, ib], exhausted) = explorer.skeleton_between(&a, &b, max_hops, all)?;
    let node_paths = if all {
        skeleton.all_node_paths(ia, ib, max_hops)
    } else {
        skeleton.shortest_node_paths(ia, ib, max_hops)
    };
    let mut net = Network::default();
    let mut on_paths = Vec::new();
    for path in &node_paths {
        let mut indices = Vec::new();
        for &n in path {
            let iri = &skeleton.graph[n].id;
            let index = match net.node_index(iri) {
                Some(i) => i,
                None => {
                    let node = explorer.node(iri)?.unwrap_or_else(|| Node {
                        id: iri.clone(),
                        kind: NodeKind::Other,
                        label: iri.clone(),
                    });
                    net.add_node(node)
                }
            };
            indices.push(index);
        }
        on_paths.push(indices);
    }
    let mut done = HashSet::new();
    for path in &on_paths {
        for pair in path.windows(2) {
            let (x, y) = (pair[0].min(pair[1]), pair[0].max(pair[1]));
            if !done.insert((x, y)) {
                continue;
            }
            // The end with fewer claims first (see `explore::BETWEEN`).
            let (x, y) = if claims_rank(net.graph[y].kind) < claims_rank(net.graph[x].kind) {
                (y, x)
            } else {
                (x, y)
            };
            let (xi, yi) = (net.graph[x].id.clone(), net.graph[y].id.clone());
            for (kind, label, outgoing, evidence) in explorer.ties_between(&xi, &yi)? {
                let (s, t) = if outgoing { (x, y) } else { (y, x) };
                net.add_edge(s, t, kind, &label, Some(evidence));
            }
        }
    }
    // A tie seen in the skeleton but not in the claims (none such is known) drops its path
    // rather than failing the trace.
    let paths = on_paths
        .iter()
        .filter(|p| {
            p.windows(2)
                .all(|w| net.graph.find_edge_undirected(w[0], w[1]).is_some())
        })
        .map(|p| net.hops(p))
        .collect();

    Ok(Trace {
        net,
        paths,
        exhausted,
        asked: explorer.asked,
    })
}

/// What `trace` found.
#[derive(Debug)]
pub struct Trace {
    /// The part of the network explored.
    pub net: Network,
    pub paths: Vec<Path>,
    /// The search stopped at `explore::TRACE_BUDGET` entities.
    pub exhausted: bool,
    /// Entities whose ties were read.
    pub asked: usize,
}

/// The paths as text: each hop with its role, its evidence sentence and its report.
pub fn format_text(from: &str, to: &str, paths: &[Path], max_hops: usize) -> String {
    let mut out = String::new();
    if paths.is_empty() {
        let _ = writeln!(
            out,
            "no path between {from} and {to} within {max_hops} ties"
        );
        return out;
    }
    for (i, path) in paths.iter().enumerate() {
        let _ = writeln!(
            out,
            "path {} ({} tie{}):",
            i + 1,
            path.len(),
            if path.len() == 1 { "" } else { "s" }
        );
        for hop in path {
            let what = if hop.label.is_empty() {
                format!("{:?}", hop.kind).to_lowercase()
            } else {
                hop.label.clone()
            };
            let _ = writeln!(out, "  {} —[{}]— {}", hop.from, what, hop.to);
            for ev in hop.evidence.iter().take(3) {
                let _ = writeln!(out, "      “{}”", ev.sentence);
                let _ = writeln!(out, "      in {}", ev.report);
            }
            if hop.evidence.len() > 3 {
                let _ = writeln!(out, "      (and {} more sentences)", hop.evidence.len() - 3);
            }
        }
    }
    out
}

/// The part of the network the paths run through, for drawing them.
pub fn path_network(net: &Network, paths: &[Path]) -> Network {
    let names: HashSet<&str> = paths
        .iter()
        .flatten()
        .flat_map(|h| [h.from.as_str(), h.to.as_str()])
        .collect();
    net.retain(|n, net| names.contains(net.graph[n].label.as_str()))
}
