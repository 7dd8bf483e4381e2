//! Cytoscape.js JSON for a network: the `elements` form that `cytoscape({ elements })` and
//! Cytoscape desktop's "Import network from file" (Cytoscape.js JSON) read.
//!
//! `{"elements": {"nodes": [{"data": {"id", "label", "type", "iri"}}], "edges": [{"data":
//! {"id", "source", "target", "kind", "label", "weight", "evidence": [{"report", "sentence"}]}}]}}`
//! where node ids are `n0`, `n1`… (petgraph's node order), edge ids `e0`, `e1`…, `type` is
//! person, organization, event, place or other, `kind` is membership, participation, partof,
//! location or custom, and `weight` is the number of sentences (at least 1), as in the GraphML
//! and GEXF exports. The evidence is kept whole, one object per sentence, not joined.
//!
//! It reads the `Network` only, never the store; serde_json does the escaping.

use super::graphml::{edge_id, node_id, weight};
use crate::network::{Evidence, Network};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Document<'a> {
    elements: Elements<'a>,
}

#[derive(Serialize)]
struct Elements<'a> {
    nodes: Vec<Element<NodeData<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

#[derive(Serialize)]
struct Element<T> {
    data: T,
}

#[derive(Serialize)]
struct NodeData<'a> {
    id: String,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    iri: &'a str,
}

#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: String,
    target: String,
    kind: &'static str,
    label: &'a str,
    weight: f64,
    evidence: Vec<&'a Evidence>,
}

/// Writes `net` as Cytoscape.js elements (pretty-printed, ending with a line break).
pub fn write(net: &Network, out: &mut dyn Write) -> io::Result<()> {
    let nodes = net
        .graph
        .node_indices()
        .map(|n| {
            let node = &net.graph[n];
            Element {
                data: NodeData {
                    id: node_id(n.index()),
                    label: &node.label,
                    kind: node.kind.name(),
                    iri: &node.id,
                },
            }
        })
        .collect();
    let edges = net
        .graph
        .edge_indices()
        .map(|e| {
            let (a, b) = net.graph.edge_endpoints(e).expect("an edge of this graph");
            let edge = &net.graph[e];
            Element {
                data: EdgeData {
                    id: edge_id(e.index()),
                    source: node_id(a.index()),
                    target: node_id(b.index()),
                    kind: edge.kind.name(),
                    label: &edge.label,
                    weight: weight(edge),
                    evidence: edge.evidence.iter().collect(),
                },
            }
        })
        .collect();
    let doc = Document {
        elements: Elements { nodes, edges },
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graphml::tests::sample;
    use serde_json::Value;

    fn json(net: &Network) -> Value {
        let mut out = Vec::new();
        write(net, &mut out).unwrap();
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn json_holds_every_node_and_edge_with_its_evidence() {
        let v = json(&sample());
        let nodes = v["elements"]["nodes"].as_array().unwrap();
        let edges = v["elements"]["edges"].as_array().unwrap();
        assert_eq!((nodes.len(), edges.len()), (3, 3));
        assert_eq!(nodes[0]["data"]["id"], "n0");
        assert_eq!(nodes[0]["data"]["label"], "Zoë \"Z\" O'Brien");
        assert_eq!(nodes[0]["data"]["type"], "person");
        assert_eq!(nodes[1]["data"]["label"], "Smith & Sons <Union>");
        assert_eq!(
            nodes[1]["data"]["iri"],
            "https://example.org/id/union?a=1&b=2"
        );
        assert_eq!(nodes[2]["data"]["type"], "event");
        let chair = &edges[0]["data"];
        assert_eq!(
            (
                chair["id"].as_str(),
                chair["source"].as_str(),
                chair["target"].as_str()
            ),
            (Some("e0"), Some("n0"), Some("n1"))
        );
        assert_eq!(
            (chair["kind"].as_str(), chair["label"].as_str()),
            (Some("membership"), Some("chair"))
        );
        assert_eq!(chair["weight"], 2.0);
        let evidence = chair["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 2);
        assert_eq!(evidence[0]["report"], "https://example.org/report/1");
        assert_eq!(evidence[0]["sentence"], "Zoë chairs Smith & Sons <Union>.");
        assert_eq!(evidence[1]["sentence"], "Again, \"chair\" Zoë\u{c}.");
        let speaker = &edges[2]["data"];
        assert_eq!(
            (speaker["kind"].as_str(), speaker["label"].as_str()),
            (Some("participation"), Some("speaker & guest"))
        );
        assert_eq!(speaker["target"], "n2");
        assert_eq!(speaker["weight"], 1.0);
        assert!(speaker["evidence"].as_array().unwrap().is_empty());
        // Every edge names nodes that exist.
        let ids: Vec<&str> = nodes
            .iter()
            .map(|n| n["data"]["id"].as_str().unwrap())
            .collect();
        for e in edges {
            assert!(ids.contains(&e["data"]["source"].as_str().unwrap()));
            assert!(ids.contains(&e["data"]["target"].as_str().unwrap()));
        }
    }

    #[test]
    fn an_empty_network_has_empty_lists() {
        let v = json(&Network::default());
        assert_eq!(v["elements"]["nodes"].as_array().map(Vec::len), Some(0));
        assert_eq!(v["elements"]["edges"].as_array().map(Vec::len), Some(0));
    }
}
