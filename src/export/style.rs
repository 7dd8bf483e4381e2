//! How each kind of node and edge is drawn, shared by the DOT writer (`dot`) and the built-in
//! SVG writer (`layout`): node shapes and the Okabe–Ito colour-blind-safe palette, edge dash
//! patterns, and the order kinds appear in legends.
//!
//! Plain constants only: this module reads no `Network`, and must never read the store, run
//! Graphviz or write anything.

use crate::network::{EdgeKind, NodeKind};

/// How one kind of node is drawn, in DOT and in the built-in SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KindStyle {
    /// Graphviz shape name.
    pub shape: &'static str,
    /// Graphviz `style` value.
    pub style: &'static str,
    /// Fill colour (Okabe–Ito), dark enough for borders yet light enough for black text.
    pub fill: &'static str,
    /// Border colour: a darker shade of the fill.
    pub stroke: &'static str,
}

/// The palette: Okabe & Ito's colours, told apart by people with any common colour-vision
/// deficiency; shapes differ too, so the picture also survives greyscale printing.
pub(crate) fn kind_style(kind: NodeKind) -> KindStyle {
    match kind {
        NodeKind::Person => KindStyle {
            shape: "ellipse",
            style: "filled",
            fill: "#56B4E9",
            stroke: "#0072B2",
        },
        NodeKind::Organization => KindStyle {
            shape: "box",
            style: "filled",
            fill: "#E69F00",
            stroke: "#8A5F00",
        },
        NodeKind::Event => KindStyle {
            shape: "note",
            style: "filled",
            fill: "#009E73",
            stroke: "#005C43",
        },
        NodeKind::Place => KindStyle {
            shape: "hexagon",
            style: "filled",
            fill: "#CC79A7",
            stroke: "#7D3F62",
        },
        NodeKind::Other => KindStyle {
            shape: "box",
            style: "filled,rounded",
            fill: "#D9D9D9",
            stroke: "#6E6E6E",
        },
    }
}

/// The dash pattern of an edge kind (Graphviz `style`); `None` for a solid line.
pub(crate) fn edge_style(kind: EdgeKind) -> Option<&'static str> {
    match kind {
        EdgeKind::Membership | EdgeKind::Custom => None,
        EdgeKind::Participation => Some("dashed"),
        EdgeKind::PartOf | EdgeKind::Location => Some("dotted"),
    }
}

/// Every kind, in legend order.
pub(crate) const KINDS: [NodeKind; 5] = [
    NodeKind::Person,
    NodeKind::Organization,
    NodeKind::Event,
    NodeKind::Place,
    NodeKind::Other,
];
