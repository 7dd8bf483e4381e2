//! DOT (Graphviz) text for a network, built with graphviz-rust's structures and printer.
//!
//! Nodes are drawn by kind — people as ellipses, organisations as boxes, events as notes, places
//! as hexagons — in the Okabe–Ito colour-blind-safe palette, which the built-in SVG writer
//! (`layout`) shares through `style`. Edges carry their role or part as a label; a "Legend"
//! cluster shows one node per kind present. Ids are the entities' IRIs; ids and labels are
//! always quoted and escaped, so names with quotes, backslashes, ampersands or non-ASCII letters
//! come through intact.
//!
//! This module reads the `Network` only: it must never read the store, run Graphviz or write
//! files (rendering is `render`'s business).

use super::style::{edge_style, kind_style, KINDS};
use crate::network::{Network, NodeKind};
use graphviz_rust::dot_generator::id;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::EdgeIndex;

/// Fonts asked of Graphviz (a fontconfig family list) and of SVG viewers.
pub(crate) const FONT_FAMILY: &str = "Helvetica,Arial,sans-serif";

/// Options of the DOT a picture is drawn from; `to_dot` uses the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DotOptions {
    /// Write roles and parts on the edges (left off for large pictures, where they are clutter).
    pub edge_labels: bool,
    /// Graphviz `splines`: `true` routes curves around nodes, `line` is much faster on large graphs.
    pub splines: &'static str,
    /// Draw each edge label as a small node halfway along its edge (for `sfdp`, which otherwise
    /// leaves labels no room).
    pub label_nodes: bool,
    /// `dot`'s rank direction (`LR` for left to right); top to bottom when `None`.
    pub rankdir: Option<&'static str>,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            edge_labels: true,
            splines: "true",
            label_nodes: false,
            rankdir: None,
        }
    }
}

/// The network as DOT text.
pub fn to_dot(net: &Network) -> String {
    to_dot_with(net, DotOptions::default())
}

/// The network as DOT text, with `options`.
pub(crate) fn to_dot_with(net: &Network, options: DotOptions) -> String {
    let mut ctx = PrinterContext::default();
    let mut text = graph(net, options).print(&mut ctx);
    text.push('\n');
    text
}

/// Escapes `s` for a double-quoted DOT string: backslashes and quotes escaped, line breaks as
/// `\n`, and (for labels, which Graphviz reads HTML entities in) `&` as `&amp;`.
fn escape(s: &str, label: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '&' if label => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// A quoted id (node names, which are IRIs).
fn quoted_id(s: &str) -> Id {
    id!(esc escape(s, false))
}

/// A quoted label or attribute value.
fn quoted(s: &str) -> Id {
    id!(esc escape(s, true))
}

/// An attribute; its value bare when DOT allows (a name or a number), else quoted.
fn a(key: &str, value: &str) -> Attribute {
    Attribute(
        id!(key),
        if is_bare(value) {
            id!(value)
        } else {
            quoted(value)
        },
    )
}

/// True for values DOT reads unquoted: names (not keywords) and numerals.
fn is_bare(v: &str) -> bool {
    let keyword = ["node", "edge", "graph", "digraph", "subgraph", "strict"]
        .contains(&v.to_ascii_lowercase().as_str());
    let name = v.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let digits = v.strip_prefix('-').unwrap_or(v);
    let number = !digits.is_empty()
        && digits != "."
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    !keyword && (name || number)
}

/// The whole graph: the defaults, a DOT node per node, the statements of each edge, and the
/// legend when there are nodes.
fn graph(net: &Network, options: DotOptions) -> Graph {
    let mut stmts = defaults(options);
    let mut present = [false; KINDS.len()];
    for n in net.graph.node_indices() {
        let node = &net.graph[n];
        present[KINDS.iter().position(|k| *k == node.kind).unwrap_or(0)] = true;
        stmts.push(
            Node::new(
                NodeId(quoted_id(&node.id), None),
                node_attributes(node.kind, &node.label),
            )
            .into(),
        );
    }
    for e in net.graph.edge_indices() {
        edge_stmts(net, e, options, &mut stmts);
    }
    if present.iter().any(|p| *p) {
        stmts.push(legend(present, options));
    }
    Graph::DiGraph {
        id: id!("ties"),
        strict: false,
        stmts,
    }
}

/// The graph, node and edge defaults: fonts, sizes, colours, spacing, and the splines and rank
/// direction of `options`.
fn defaults(options: DotOptions) -> Vec<Stmt> {
    let mut graph_attributes = vec![
        a("charset", "UTF-8"),
        a("bgcolor", "white"),
        a("fontname", FONT_FAMILY),
        a("overlap", "false"),
        a("splines", options.splines),
        a("outputorder", "edgesfirst"),
        a("pad", "0.3"),
        a("nodesep", "0.3"),
        a("ranksep", "0.6"),
    ];
    if let Some(dir) = options.rankdir {
        graph_attributes.push(a("rankdir", dir));
    }
    vec![
        GraphAttributes::Graph(graph_attributes).into(),
        GraphAttributes::Node(vec![
            a("fontname", FONT_FAMILY),
            a("fontsize", "12"),
            a("style", "filled"),
            a("penwidth", "1.2"),
            a("margin", "0.12,0.06"),
        ])
        .into(),
        GraphAttributes::Edge(vec![
            a("fontname", FONT_FAMILY),
            a("fontsize", "9"),
            a("color", "#666666"),
            a("fontcolor", "#333333"),
            a("arrowsize", "0.6"),
        ])
        .into(),
    ]
}

/// Pushes the statements of edge `e`: one DOT edge, its role or part as its label; or, with
/// `label_nodes`, a node holding the label and an edge to it and one from it.
fn edge_stmts(net: &Network, e: EdgeIndex, options: DotOptions, stmts: &mut Vec<Stmt>) {
    let Some((s, t)) = net.graph.edge_endpoints(e) else {
        return;
    };
    let edge = &net.graph[e];
    let (s, t) = (
        NodeId(quoted_id(&net.graph[s].id), None),
        NodeId(quoted_id(&net.graph[t].id), None),
    );
    let style: Vec<Attribute> = edge_style(edge.kind)
        .map(|st| a("style", st))
        .into_iter()
        .collect();
    let labelled = options.edge_labels && !edge.label.is_empty();
    if labelled && options.label_nodes {
        // The label as a node halfway: force-directed engines then make room for it.
        let mid = NodeId(quoted_id(&format!("edge label: {}", e.index())), None);
        stmts.push(label_node(mid.clone(), &edge.label));
        let mut first = vec![a("arrowhead", "none")];
        first.extend(style.iter().cloned());
        stmts.push(pair(s, mid.clone(), first));
        stmts.push(pair(mid, t, style));
    } else {
        let mut attributes = Vec::new();
        if labelled {
            attributes.push(a("label", &edge.label));
        }
        attributes.extend(style);
        stmts.push(pair(s, t, attributes));
    }
}

/// A node that is only an edge's label: plain small text, taking no room of its own.
fn label_node(id: NodeId, label: &str) -> Stmt {
    Node::new(
        id,
        vec![
            a("label", label),
            a("shape", "plaintext"),
            a("style", "solid"),
            a("fontsize", "9"),
            a("fontcolor", "#333333"),
            a("width", "0"),
            a("height", "0"),
            a("margin", "0.02"),
        ],
    )
    .into()
}

/// An edge from `a` to `b`.
fn pair(a: NodeId, b: NodeId, attributes: Vec<Attribute>) -> Stmt {
    Edge {
        ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
        attributes,
    }
    .into()
}

/// The "Legend" cluster: a row of one node for each kind `present` (flags in [`KINDS`] order),
/// kept in order by invisible ties.
fn legend(present: [bool; KINDS.len()], options: DotOptions) -> Stmt {
    let mut legend: Vec<Stmt> = vec![GraphAttributes::Graph(vec![
        a("label", "Legend"),
        a("fontsize", "11"),
        a("style", "rounded"),
        a("color", "#999999"),
    ])
    .into()];
    let mut row: Vec<Stmt> = vec![GraphAttributes::Graph(vec![a("rank", "same")]).into()];
    let mut ids: Vec<NodeId> = Vec::new();
    for (kind, _) in KINDS.iter().zip(present).filter(|(_, p)| *p) {
        let mut attributes = node_attributes(*kind, kind.name());
        attributes.push(a("fontsize", "10"));
        let id = NodeId(quoted_id(&format!("legend: {}", kind.name())), None);
        row.push(Node::new(id.clone(), attributes).into());
        ids.push(id);
    }
    legend.push(
        Subgraph {
            id: id!("legend_row"),
            stmts: row,
        }
        .into(),
    );
    // Invisible ties keep the row in order, and together where clusters are ignored (sfdp).
    // Left to right, `dot` stacks a rank's ties upwards: tie them the other way round.
    if options.rankdir == Some("LR") {
        ids.reverse();
    }
    for ends in ids.windows(2) {
        let invisible = vec![a("style", "invis")];
        legend.push(pair(ends[0].clone(), ends[1].clone(), invisible));
    }
    Subgraph {
        id: id!("cluster_legend"),
        stmts: legend,
    }
    .into()
}

/// A node's label, shape and colours, by its kind.
fn node_attributes(kind: NodeKind, label: &str) -> Vec<Attribute> {
    let style = kind_style(kind);
    let mut attributes = vec![a("label", label), a("shape", style.shape)];
    if style.style != "filled" {
        attributes.push(a("style", style.style));
    }
    attributes.push(a("fillcolor", style.fill));
    attributes.push(a("color", style.stroke));
    attributes
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::network::{EdgeKind, Evidence, Node as NetNode};

    /// A hand-built network with names that need quoting: a quote, an ampersand, accents, a
    /// backslash.
    pub(crate) fn small() -> Network {
        let mut net = Network::default();
        let person = |id: &str, label: &str| NetNode {
            id: id.into(),
            kind: NodeKind::Person,
            label: label.into(),
        };
        let a = net.add_node(person(
            "http://example.org/id/ngozi",
            "Ngozi \"Ngo\" Okafor",
        ));
        let b = net.add_node(person("http://example.org/id/jose", "José Núñez"));
        let u = net.add_node(NetNode {
            id: "http://example.org/id/union".into(),
            kind: NodeKind::Organization,
            label: "Bakers & Millers Union".into(),
        });
        let c = net.add_node(NetNode {
            id: "http://example.org/id/congress".into(),
            kind: NodeKind::Event,
            label: "Spring Congress".into(),
        });
        let p = net.add_node(NetNode {
            id: "http://example.org/id/hall".into(),
            kind: NodeKind::Place,
            label: "Hall C\\2".into(),
        });
        let ev = Some(Evidence {
            report: "r".into(),
            sentence: "s".into(),
        });
        net.add_edge(a, u, EdgeKind::Membership, "chair", ev.clone());
        net.add_edge(b, u, EdgeKind::Membership, "", ev.clone());
        net.add_edge(b, c, EdgeKind::Participation, "speaker", ev);
        net.add_edge(c, p, EdgeKind::Location, "at", None);
        net
    }

    #[test]
    fn small_network_matches_the_golden_dot() {
        let expected = include_str!("../../tests/fixtures/small.dot");
        let got = to_dot(&small());
        assert_eq!(
            got, expected,
            "DOT differs from tests/fixtures/small.dot:\n{got}"
        );
    }

    #[test]
    fn the_golden_dot_parses_back() {
        let g = graphviz_rust::parse(&to_dot(&small())).expect("valid DOT");
        let Graph::DiGraph { stmts, .. } = g else {
            panic!("a digraph")
        };
        let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
        let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
        assert_eq!((nodes, edges), (5, 4));
    }

    #[test]
    fn escaping() {
        assert_eq!(escape(r#"a "b" \c & d"#, true), r#"a \"b\" \\c &amp; d"#);
        assert_eq!(escape("a & b\nc", false), "a & b\\nc");
        assert_eq!(escape("Zoë Ødegård 北京", true), "Zoë Ødegård 北京");
        assert!(is_bare("ellipse") && is_bare("0.3") && is_bare("-2") && is_bare("cluster_1"));
        assert!(
            !is_bare("#666666") && !is_bare("0.12,0.06") && !is_bare("1.2.3") && !is_bare("Node")
        );
        assert!(!is_bare("") && !is_bare(".") && !is_bare("chair person") && !is_bare("é"));
    }

    #[test]
    fn edge_labels_can_be_nodes() {
        let options = DotOptions {
            label_nodes: true,
            ..DotOptions::default()
        };
        let dot = to_dot_with(&small(), options);
        assert!(
            dot.contains(r#""edge label: 0"[label=chair shape=plaintext"#),
            "{dot}"
        );
        assert!(
            dot.contains(r#""http://example.org/id/ngozi" -> "edge label: 0" [arrowhead=none]"#)
        );
        assert!(dot.contains(r#""edge label: 0" -> "http://example.org/id/union""#));
        // The unlabelled membership stays one edge.
        assert!(dot.contains(r#""http://example.org/id/jose" -> "http://example.org/id/union""#));
        graphviz_rust::parse(&dot).expect("valid DOT");
    }

    #[test]
    fn empty_network_is_an_empty_digraph() {
        let dot = to_dot(&Network::default());
        assert!(dot.starts_with("digraph ties {"));
        assert!(!dot.contains("Legend"));
    }

    #[test]
    fn edge_labels_can_be_left_off() {
        let options = DotOptions {
            edge_labels: false,
            splines: "line",
            label_nodes: true,
            rankdir: Some("LR"),
        };
        let dot = to_dot_with(&small(), options);
        assert!(!dot.contains("chair"));
        assert!(dot.contains("splines=line") && dot.contains("rankdir=LR"));
    }
}
