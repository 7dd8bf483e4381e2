//! `ties trace`: how two entities are connected, and on what evidence.
//!
//! Entities are named by name, alias or IRI; an ambiguous name is an error listing the
//! candidates. Paths run over people, organisations, events and places only: reports and
//! sentences are evidence, never hops (they would connect everything in two steps). This module
//! works on a `Network` (read through SPARQL by `network`) and never reads the store itself.

use crate::error::{Error, Result};
use crate::network::{self, Network, Path};
use crate::store::Store;
use petgraph::graph::NodeIndex;
use std::collections::HashMap;
use std::fmt::Write;

/// Finds the one node `name` stands for.
pub fn resolve(
    net: &Network,
    aliases: &HashMap<String, Vec<String>>,
    name: &str,
) -> Result<NodeIndex> {
    let found = net.find(name, aliases);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::Usage(format!(
            "no person, organisation or event called {name:?} with any ties in the store; `ties query people` lists the names"
        ))),
        many => {
            let mut list: Vec<String> = many
                .iter()
                .map(|&n| format!("  {} ({}, {})", net.graph[n].label, net.graph[n].kind.name(), net.graph[n].id))
                .collect();
            list.sort();
            Err(Error::Usage(format!(
                "{name:?} is ambiguous; give one of these names or IRIs:\n{}",
                list.join("\n")
            )))
        }
    }
}

/// The paths between `from` and `to`: the shortest ones, or with `all` every simple path of at
/// most `max_hops` ties.
pub fn trace(
    store: &Store,
    from: &str,
    to: &str,
    max_hops: usize,
    all: bool,
) -> Result<(Network, Vec<Path>)> {
    let net = Network::from_store(store, &network::Filter::default())?;
    let aliases = network::aliases(store)?;
    let a = resolve(&net, &aliases, from)?;
    let b = resolve(&net, &aliases, to)?;
    if a == b {
        return Err(Error::Usage("FROM and TO are the same entity".into()));
    }
    let paths = if all {
        net.all_paths(a, b, max_hops)
    } else {
        net.shortest_paths(a, b, max_hops)
    };
    Ok((net, paths))
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
    let names: std::collections::HashSet<&str> = paths
        .iter()
        .flatten()
        .flat_map(|h| [h.from.as_str(), h.to.as_str()])
        .collect();
    net.retain(|n, net| names.contains(net.graph[n].label.as_str()))
}
