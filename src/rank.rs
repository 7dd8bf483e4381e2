//! `ties rank`: the most connected people and organisations (degree), the brokers between
//! otherwise separate groups (betweenness), the best connected to the well connected
//! (eigenvector), and the network's connected components.
//!
//! Centralities come from rustworkx-core on the undirected view of the network (petgraph's own
//! page_rank grows quadratically); this module computes on a `Network` and never reads the store.

use crate::network::{Network, NodeKind};
use petgraph::graph::UnGraph;
use serde::Serialize;

/// Which centrality to rank by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Measure {
    Degree,
    Betweenness,
    Eigenvector,
}

impl Measure {
    pub fn parse(s: &str) -> Option<Measure> {
        Some(match s.to_ascii_lowercase().as_str() {
            "degree" => Measure::Degree,
            "betweenness" => Measure::Betweenness,
            "eigenvector" => Measure::Eigenvector,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Ranked {
    pub label: String,
    pub kind: NodeKind,
    pub id: String,
    pub score: f64,
    /// Number of ties.
    pub degree: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Ranking {
    pub measure: &'static str,
    pub top: Vec<Ranked>,
    /// Sizes of the connected components, largest first.
    pub components: Vec<usize>,
}

/// Ranks the people and organisations of `net` by `measure`; `top` of them.
pub fn rank(net: &Network, measure: Measure, top: usize) -> Ranking {
    let undirected: UnGraph<(), ()> = net.graph.map(|_, _| (), |_, _| ()).into_edge_type();
    let scores: Vec<f64> = match measure {
        Measure::Degree => net
            .graph
            .node_indices()
            .map(|n| net.degree(n) as f64)
            .collect(),
        Measure::Betweenness => {
            rustworkx_core::centrality::betweenness_centrality(&undirected, false, true, 200)
                .into_iter()
                .map(|s| s.unwrap_or(0.0))
                .collect()
        }
        Measure::Eigenvector => rustworkx_core::centrality::eigenvector_centrality(
            &undirected,
            |_| Ok::<f64, std::convert::Infallible>(1.0),
            Some(500),
            Some(1e-6),
        )
        .ok()
        .flatten()
        .unwrap_or_else(|| vec![0.0; net.graph.node_count()]),
    };
    let mut ranked: Vec<Ranked> = net
        .graph
        .node_indices()
        .filter(|&n| matches!(net.graph[n].kind, NodeKind::Person | NodeKind::Organization))
        .map(|n| Ranked {
            label: net.graph[n].label.clone(),
            kind: net.graph[n].kind,
            id: net.graph[n].id.clone(),
            score: scores.get(n.index()).copied().unwrap_or(0.0),
            degree: net.degree(n),
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.degree.cmp(&a.degree))
            .then(a.label.cmp(&b.label))
    });
    ranked.truncate(top);
    Ranking {
        measure: match measure {
            Measure::Degree => "degree",
            Measure::Betweenness => "betweenness",
            Measure::Eigenvector => "eigenvector",
        },
        top: ranked,
        components: components(&undirected),
    }
}

/// Sizes of the connected components, largest first.
fn components(g: &UnGraph<(), ()>) -> Vec<usize> {
    let mut uf = petgraph::unionfind::UnionFind::<usize>::new(g.node_count());
    for e in g.edge_indices() {
        if let Some((a, b)) = g.edge_endpoints(e) {
            uf.union(a.index(), b.index());
        }
    }
    let mut sizes = std::collections::HashMap::new();
    for n in 0..g.node_count() {
        *sizes.entry(uf.find(n)).or_insert(0) += 1;
    }
    let mut out: Vec<usize> = sizes.into_values().collect();
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::{EdgeKind, Node};

    /// Two groups joined through one broker, plus a loose pair.
    fn net() -> Network {
        let mut net = Network::default();
        let mut add = |id: &str, kind| {
            net.add_node(Node {
                id: id.into(),
                kind,
                label: id.into(),
            })
        };
        let (a, b, broker, c, d) = (
            add("A", NodeKind::Person),
            add("B", NodeKind::Person),
            add("Broker", NodeKind::Person),
            add("C", NodeKind::Person),
            add("D", NodeKind::Person),
        );
        let (o1, o2) = (
            add("Org1", NodeKind::Organization),
            add("Org2", NodeKind::Organization),
        );
        let (x, y) = (add("X", NodeKind::Person), add("Y", NodeKind::Organization));
        for (p, o) in [
            (a, o1),
            (b, o1),
            (broker, o1),
            (broker, o2),
            (c, o2),
            (d, o2),
            (x, y),
        ] {
            net.add_edge(p, o, EdgeKind::Membership, "", None);
        }
        net
    }

    #[test]
    fn the_broker_has_the_highest_betweenness() {
        let r = rank(&net(), Measure::Betweenness, 9);
        // The organisations carry every path between their members; among people, the one
        // in both organisations is the broker.
        let top_person = r.top.iter().find(|x| x.kind == NodeKind::Person).unwrap();
        assert_eq!(top_person.label, "Broker");
        assert!(r.top[..2].iter().all(|x| x.kind == NodeKind::Organization));

        assert_eq!(r.components, vec![7, 2]);
    }

    #[test]
    fn degree_counts_ties() {
        let r = rank(&net(), Measure::Degree, 2);
        assert_eq!((r.top[0].label.as_str(), r.top[0].degree), ("Org1", 3));
        assert_eq!(r.top[1].label, "Org2");
    }

    #[test]
    fn eigenvector_scores_are_positive_in_the_big_component() {
        let r = rank(&net(), Measure::Eigenvector, 9);
        assert!(r
            .top
            .iter()
            .filter(|x| x.label != "X" && x.label != "Y")
            .all(|x| x.score > 0.0));
    }
}
