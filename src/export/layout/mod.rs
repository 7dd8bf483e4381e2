//! The built-in picture: a pure-Rust force-directed layout and a hand-written SVG writer, used
//! when Graphviz is not installed (or fails, or runs too long, or `TIES_NO_GRAPHVIZ` is set).
//!
//! Steps, all deterministic (start positions are a sunflower spiral in breadth-first order; no
//! randomness anywhere, so the same network always gives the same picture):
//! 1. Each connected component is laid out on its own with Fruchterman–Reingold: attraction
//!    along ties, repulsion between all nodes, a cooling schedule. Repulsion is exact O(n²) up
//!    to [`EXACT_LIMIT`] nodes and Barnes–Hut (a quadtree) above, so 10,000 nodes take about
//!    two seconds. The second half of the run measures the free space between the nodes' label
//!    boxes rather than between their centres, each tie wanting room for its role label, so
//!    wide labels make room for each other; small graphs also push nodes off ties they are not
//!    part of, so no line runs under a label.
//! 2. A label-overlap pass nudges nodes apart until no two boxes (text width estimated from its
//!    length × font size) overlap.
//! 3. Components are packed in rows, largest first; edge labels slide along their edges to a
//!    spot clear of nodes and other labels.
//!
//! [`write_svg`] writes a standalone SVG: edges as lines with arrowheads (role labels at their
//! middles under [`EDGE_LABEL_LIMIT`] edges), nodes as shapes by kind in the colour-blind-safe
//! palette DOT uses (`style::kind_style`), each label as text, and a legend.
//!
//! Why by hand: layout-rs panicked on a 200-node random graph and draws no clusters; fdg-sim is
//! unmaintained; forceatlas2 is AGPL. The algorithms needed are short.
//!
//! The parts: `forces` runs step 1 (with `quadtree` for Barnes–Hut), `placement` splits the
//! network into its components and does steps 2 and 3 (`grid` finds near pairs for both),
//! `shapes` knows each kind's outline, `svg` writes the picture. This file holds the entry
//! points, the sizes and the ties drawn.
//!
//! This module reads the `Network` only: it must never read the store, nor run Graphviz.

mod forces;
mod grid;
mod placement;
mod quadtree;
mod shapes;
mod svg;

pub(crate) use self::placement::components;
pub(crate) use self::svg::svg;
pub use self::svg::write_svg;

use crate::network::{EdgeKind, Network};
use placement::place;
use shapes::shape_half;
use std::collections::BTreeMap;

/// Node label size, px.
const FONT_SIZE: f64 = 12.0;
/// Edge label size, px.
const EDGE_FONT_SIZE: f64 = 9.0;
/// Line height, in ems.
const LINE_HEIGHT: f64 = 1.25;
/// Labels longer than this many characters wrap at spaces.
const WRAP: usize = 22;
/// Edge labels are drawn only when there are fewer (drawn) edges than this.
pub const EDGE_LABEL_LIMIT: usize = 300;
/// Components of up to this many nodes get exact O(n²) repulsion; larger ones Barnes–Hut.
pub const EXACT_LIMIT: usize = 1000;
/// The free space wanted between the borders of two tied boxes, px: room for a role label.
const BORDER_K: f64 = 45.0;

/// Estimated width of `text` at `size` px: 0.6 em a letter (a generous average for sans-serif
/// fonts), 1 em for wide (CJK) letters.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) >= 0x2E80 { 1.0 } else { 0.6 })
        .sum::<f64>()
        * size
}

/// A label broken at spaces into lines of about [`WRAP`] characters; no text is dropped.
fn wrap(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in label.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where everything goes: node centres, node half-sizes (of the shape drawn around the label),
/// and the label's lines.
#[derive(Debug, Clone)]
pub struct Layout {
    pub pos: Vec<[f64; 2]>,
    pub half: Vec<[f64; 2]>,
    pub lines: Vec<Vec<String>>,
}

/// Lays the network out. Node `i` of the result is `net.graph`'s node index `i`.
pub fn layout(net: &Network) -> Layout {
    layout_ties(net, &lines_of(net))
}

/// Lays the network out, its edges drawn as `ties`.
fn layout_ties(net: &Network, ties: &[Line]) -> Layout {
    let n = net.graph.node_count();
    let mut lines = Vec::with_capacity(n);
    let mut half = Vec::with_capacity(n);
    for node in net.graph.node_weights() {
        let l = wrap(&node.label);
        let tw = l
            .iter()
            .map(|s| text_width(s, FONT_SIZE))
            .fold(0.0, f64::max);
        let th = l.len() as f64 * FONT_SIZE * LINE_HEIGHT;
        half.push(shape_half(node.kind, tw, th));
        lines.push(l);
    }
    let edges: Vec<(usize, usize)> = ties.iter().map(|t| (t.a, t.b)).collect();
    // Ties whose label is drawn want room for it between their ends.
    let labelled = ties.len() < EDGE_LABEL_LIMIT;
    let room: Vec<f64> = ties
        .iter()
        .map(|t| {
            if labelled {
                BORDER_K.max(text_width(&t.label, EDGE_FONT_SIZE) + 24.0)
            } else {
                BORDER_K
            }
        })
        .collect();
    let pos = place(n, &edges, &room, &half);
    Layout { pos, half, lines }
}

/// One line drawn between two nodes, standing for every edge between them.
struct Line {
    a: usize,
    b: usize,
    kind: EdgeKind,
    /// Arrowheads at `b` (an edge a → b) and at `a` (an edge b → a).
    to_b: bool,
    to_a: bool,
    label: String,
}

/// The lines to draw: one per pair of tied nodes (loops left out), ordered by the pair, with the
/// kind of its first edge and its edges' distinct labels joined by commas.
fn lines_of(net: &Network) -> Vec<Line> {
    let mut by_pair: BTreeMap<(usize, usize), Line> = BTreeMap::new();
    for e in net.graph.edge_indices() {
        let Some((s, t)) = net.graph.edge_endpoints(e) else {
            continue;
        };
        let (s, t) = (s.index(), t.index());
        if s == t {
            continue;
        }
        let edge = &net.graph[e];
        let key = (s.min(t), s.max(t));
        let line = by_pair.entry(key).or_insert_with(|| Line {
            a: key.0,
            b: key.1,
            kind: edge.kind,
            to_b: false,
            to_a: false,
            label: String::new(),
        });
        if s == key.0 {
            line.to_b = true;
        } else {
            line.to_a = true;
        }
        if !edge.label.is_empty()
            && !line
                .label
                .split(", ")
                .any(|l| l.eq_ignore_ascii_case(&edge.label))
        {
            if !line.label.is_empty() {
                line.label.push_str(", ");
            }
            line.label.push_str(&edge.label);
        }
    }
    by_pair.into_values().collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::network::{Edge, Node, NodeKind};
    use std::collections::BTreeSet;

    /// A deterministic pseudo-random network: `n` nodes, `m` edges, kinds mixed.
    pub(crate) fn random_network(n: usize, m: usize) -> Network {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            // xorshift64*
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        let mut net = Network::default();
        let kinds = [
            NodeKind::Person,
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Event,
        ];
        let idx: Vec<_> = (0..n)
            .map(|i| {
                net.add_node(Node {
                    id: format!("http://example.org/id/n{i}"),
                    kind: kinds[i % kinds.len()],
                    label: format!("Node {i}"),
                })
            })
            .collect();
        for _ in 0..m {
            let a = (next() % n as u64) as usize;
            let b = (next() % n as u64) as usize;
            if a != b {
                net.graph.add_edge(
                    idx[a],
                    idx[b],
                    Edge {
                        kind: EdgeKind::Membership,
                        label: "member".into(),
                        evidence: BTreeSet::new(),
                    },
                );
            }
        }
        net
    }

    fn assert_no_overlaps(lay: &Layout) {
        let n = lay.pos.len();
        for i in 0..n {
            for j in i + 1..n {
                let (p, q) = (lay.pos[i], lay.pos[j]);
                assert!(p != q, "nodes {i} and {j} at the same point");
                let sep_x = (p[0] - q[0]).abs() >= lay.half[i][0] + lay.half[j][0];
                let sep_y = (p[1] - q[1]).abs() >= lay.half[i][1] + lay.half[j][1];
                assert!(sep_x || sep_y, "boxes of nodes {i} and {j} overlap");
            }
        }
    }

    #[test]
    fn a_thousand_random_nodes_are_placed_apart() {
        let net = random_network(1000, 1500);
        let lay = layout(&net);
        assert_eq!(lay.pos.len(), 1000);
        assert!(lay.pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        assert_no_overlaps(&lay);
        // Deterministic: the same network, the same picture.
        assert_eq!(layout(&net).pos, lay.pos);
    }

    #[test]
    fn ten_thousand_nodes_are_laid_out_by_barnes_hut() {
        let net = random_network(10_000, 15_000);
        assert!(net.graph.node_count() > EXACT_LIMIT);
        let lay = layout(&net);
        assert!(lay.pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        assert_no_overlaps(&lay);
    }

    #[test]
    fn tied_nodes_end_closer_than_untied_ones() {
        // Two triangles joined by one tie: within a triangle nodes sit closer than across.
        let mut net = Network::default();
        let ids: Vec<_> = (0..6)
            .map(|i| {
                net.add_node(Node {
                    id: format!("n{i}"),
                    kind: NodeKind::Person,
                    label: format!("P{i}"),
                })
            })
            .collect();
        for (a, b) in [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)] {
            net.add_edge(ids[a], ids[b], EdgeKind::Custom, "", None);
        }
        let lay = layout(&net);
        let d = |a: usize, b: usize| {
            ((lay.pos[a][0] - lay.pos[b][0]).powi(2) + (lay.pos[a][1] - lay.pos[b][1]).powi(2))
                .sqrt()
        };
        assert!(d(0, 1) < d(0, 4) && d(4, 5) < d(1, 5));
    }

    #[test]
    fn labels_wrap_without_losing_words() {
        let l = "International Federation of Bakers, Millers and Allied Workers";
        let lines = wrap(l);
        assert!(lines.len() > 1 && lines.iter().all(|s| s.chars().count() <= WRAP));
        assert_eq!(lines.join(" "), l);
        assert_eq!(wrap(""), vec![String::new()]);
    }
}
