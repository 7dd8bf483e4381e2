//! The SVG writer: a standalone picture of a laid-out network, with edges as lines with
//! arrowheads (role labels slid to a clear spot along them under [`EDGE_LABEL_LIMIT`] edges),
//! nodes as shapes by kind with their labels inside, and a legend across the top.
//!
//! It reads the `Network` only (and the layout made from it): it must never read the store or
//! SPARQL, nor run Graphviz.

use super::placement::bounds;
use super::shapes::{boundary, shape};
use super::{
    layout_ties, lines_of, text_width, Layout, Line, EDGE_FONT_SIZE, EDGE_LABEL_LIMIT, FONT_SIZE,
    LINE_HEIGHT,
};
use crate::export::style::{edge_style, KINDS};
use crate::network::{EdgeKind, Network, NodeKind};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Space around the drawing, px.
const MARGIN: f64 = 16.0;
/// Height of the legend row, px.
const LEGEND_HEIGHT: f64 = 34.0;
/// Legend text size, px.
const LEGEND_FONT: f64 = 11.0;
/// Fonts asked of SVG viewers.
const FONT_STACK: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";

/// Writes the network as a standalone SVG picture drawn by the built-in layout.
pub fn write_svg(net: &Network, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(svg(net).as_bytes())
}

/// The SVG text of [`write_svg`]: the header, then edges, edge labels, nodes and the legend,
/// in drawing order.
pub(crate) fn svg(net: &Network) -> String {
    let lines = lines_of(net);
    let lay = layout_ties(net, &lines);
    let kinds: Vec<NodeKind> = net.graph.node_weights().map(|n| n.kind).collect();
    let legend = Legend::new(&kinds, &lines);
    let page = Page::new(&lay, &legend);

    let mut s = String::new();
    header(&mut s, net, &page);
    let segments = edges(&mut s, &lines, &kinds, &page.pos, &lay.half);
    if lines.len() < EDGE_LABEL_LIMIT {
        edge_labels(&mut s, &lines, &segments, &page.pos, &lay.half);
    }
    nodes(&mut s, net, &lay, &page.pos);
    legend.write(&mut s);
    s.push_str("</svg>\n");
    s
}

/// The legend: one row across the top, a sample of each node kind and edge kind present.
struct Legend {
    /// The samples and their names, drawn inside the legend's box.
    body: String,
    width: f64,
    /// Whether any node kind is shown; without one (no nodes), no legend is drawn.
    any_node: bool,
}

impl Legend {
    /// The legend for nodes of `kinds` tied by `lines`.
    fn new(kinds: &[NodeKind], lines: &[Line]) -> Legend {
        let kinds_present: Vec<NodeKind> = KINDS
            .iter()
            .copied()
            .filter(|k| kinds.contains(k))
            .collect();
        let mut edge_kinds: Vec<EdgeKind> = Vec::new();
        for l in lines {
            if !edge_kinds.contains(&l.kind) {
                edge_kinds.push(l.kind);
            }
        }
        let legend_font = LEGEND_FONT;
        let mut legend = String::new();
        let mut lx = MARGIN + 10.0;
        let ly = MARGIN + LEGEND_HEIGHT / 2.0;
        let _ = writeln!(
            legend,
            r##"<text x="{lx:.1}" y="{:.1}" font-size="{legend_font}" font-weight="bold" fill="#333333">Legend</text>"##,
            ly + legend_font * 0.35
        );
        lx += text_width("Legend", legend_font) + 16.0;
        for &k in &kinds_present {
            shape(&mut legend, k, [lx + 14.0, ly], [14.0, 8.0]);
            lx += 34.0;
            let _ = writeln!(
                legend,
                r##"<text x="{lx:.1}" y="{:.1}" font-size="{legend_font}" fill="#333333">{}</text>"##,
                ly + legend_font * 0.35,
                k.name()
            );
            lx += text_width(k.name(), legend_font) + 16.0;
        }
        for &k in &edge_kinds {
            let _ = writeln!(
                legend,
                r##"<line x1="{lx:.1}" y1="{ly:.1}" x2="{:.1}" y2="{ly:.1}" stroke="#666666" stroke-width="1.2"{}/>"##,
                lx + 28.0,
                dash(k)
            );
            lx += 34.0;
            let name = EdgeKind::caption(k);
            let _ = writeln!(
                legend,
                r##"<text x="{lx:.1}" y="{:.1}" font-size="{legend_font}" fill="#333333">{name}</text>"##,
                ly + legend_font * 0.35
            );
            lx += text_width(name, legend_font) + 16.0;
        }
        Legend {
            body: legend,
            width: lx - MARGIN - 6.0,
            any_node: !kinds_present.is_empty(),
        }
    }

    /// Writes the legend's box and body, when there is a node kind to show.
    fn write(&self, s: &mut String) {
        if !self.any_node {
            return;
        }
        let (legend_w, legend_h) = (self.width, LEGEND_HEIGHT);
        let _ = writeln!(
            s,
            r##"<g class="legend"><rect x="{MARGIN:.1}" y="{MARGIN:.1}" width="{legend_w:.1}" height="{legend_h:.1}" rx="6" fill="#fafafa" stroke="#999999"/>"##
        );
        s.push_str(&self.body);
        s.push_str("</g>\n");
    }
}

/// The page: node centres moved so the drawing sits under the legend, and the page's size.
struct Page {
    pos: Vec<[f64; 2]>,
    width: f64,
    height: f64,
}

impl Page {
    fn new(lay: &Layout, legend: &Legend) -> Page {
        let top = MARGIN + LEGEND_HEIGHT + 14.0;
        let b = bounds(&lay.pos, &lay.half);
        let shift = [MARGIN - b[0], top - b[1]];
        let pos: Vec<[f64; 2]> = lay
            .pos
            .iter()
            .map(|p| [p[0] + shift[0], p[1] + shift[1]])
            .collect();
        let width = (b[2] - b[0] + 2.0 * MARGIN).max(legend.width + 2.0 * MARGIN);
        let height = top + (b[3] - b[1]) + MARGIN;
        Page { pos, width, height }
    }
}

/// The XML declaration, the `<svg>` element, a title, the arrowhead marker and a white
/// background.
fn header(s: &mut String, net: &Network, page: &Page) {
    let (width, height) = (page.width, page.height);
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.1} {height:.1}" font-family="{FONT_STACK}">"#
    );
    let _ = writeln!(
        s,
        "<title>ties network: {} nodes, {} edges</title>",
        net.graph.node_count(),
        net.graph.edge_count()
    );
    s.push_str(concat!(
        r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">"##,
        r##"<path d="M0,0L10,5L0,10z" fill="#666666"/></marker></defs>"##,
        "\n"
    ));
    let _ = writeln!(
        s,
        r##"<rect x="0" y="0" width="{width:.1}" height="{height:.1}" fill="#ffffff"/>"##
    );
}

/// A line's ends on the page: x1, y1, x2, y2.
type Segment = (f64, f64, f64, f64);

/// Writes the edges, clipped to the shapes so arrowheads touch them; returns where each line
/// runs.
fn edges(
    s: &mut String,
    lines: &[Line],
    kinds: &[NodeKind],
    pos: &[[f64; 2]],
    half: &[[f64; 2]],
) -> Vec<Segment> {
    s.push_str("<g class=\"edges\" stroke=\"#666666\" stroke-width=\"1.2\" fill=\"none\">\n");
    let mut segments = Vec::with_capacity(lines.len());
    for l in lines {
        let (pa, pb) = (pos[l.a], pos[l.b]);
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let (ax, ay) = boundary(kinds[l.a], half[l.a], dx, dy);
        let (bx, by) = boundary(kinds[l.b], half[l.b], -dx, -dy);
        let (x1, y1, x2, y2) = (pa[0] + ax, pa[1] + ay, pb[0] + bx, pb[1] + by);
        segments.push((x1, y1, x2, y2));
        let markers = format!(
            "{}{}",
            if l.to_b {
                r#" marker-end="url(#arrow)""#
            } else {
                ""
            },
            if l.to_a {
                r#" marker-start="url(#arrow)""#
            } else {
                ""
            }
        );
        let _ = writeln!(
            s,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"{}{markers}/>"#,
            dash(l.kind)
        );
    }
    s.push_str("</g>\n");
    segments
}

/// Writes the edge labels, each slid along its edge to a spot clear of nodes and of the labels
/// placed before it.
fn edge_labels(
    s: &mut String,
    lines: &[Line],
    segments: &[Segment],
    pos: &[[f64; 2]],
    half: &[[f64; 2]],
) {
    let node_boxes: Vec<[f64; 4]> = pos
        .iter()
        .zip(half)
        .map(|(p, h)| [p[0] - h[0], p[1] - h[1], p[0] + h[0], p[1] + h[1]])
        .collect();
    let mut placed: Vec<[f64; 4]> = Vec::new();
    s.push_str(&format!(
        "<g class=\"edge-labels\" font-size=\"{EDGE_FONT_SIZE}\" fill=\"#333333\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
    ));
    for (l, &segment) in lines.iter().zip(segments) {
        if l.label.is_empty() {
            continue;
        }
        let hw = text_width(&l.label, EDGE_FONT_SIZE) / 2.0 + 2.0;
        let (r, cx, cy) = label_spot(segment, [hw, EDGE_FONT_SIZE * 0.65], &node_boxes, &placed);
        placed.push(r);
        let _ = writeln!(
            s,
            r#"<text x="{cx:.1}" y="{:.1}">{}</text>"#,
            cy + EDGE_FONT_SIZE * 0.35,
            xml(&l.label)
        );
    }
    s.push_str("</g>\n");
}

/// Where a label of half-sizes `[hw, hh]` goes on the line `(x1, y1, x2, y2)`: its box and
/// centre. Along the tie from its middle outwards, on it or just beside it; the first spot
/// clear of `node_boxes` and `placed` labels, else the one with the fewest (labels count most).
fn label_spot(
    (x1, y1, x2, y2): Segment,
    [hw, hh]: [f64; 2],
    node_boxes: &[[f64; 4]],
    placed: &[[f64; 4]],
) -> ([f64; 4], f64, f64) {
    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1e-6);
    let (nx, ny) = (-(y2 - y1) / len, (x2 - x1) / len);
    let mut best = (usize::MAX, [0.0; 4], 0.0, 0.0);
    'search: for t in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
        for side in [0.0, 1.0, -1.0] {
            let off = side * (hh + 2.0);
            let (cx, cy) = (x1 + (x2 - x1) * t + nx * off, y1 + (y2 - y1) * t + ny * off);
            let r = [cx - hw, cy - hh, cx + hw, cy + hh];
            let hits = node_boxes.iter().filter(|b| overlaps(r, **b)).count()
                + 10 * placed.iter().filter(|b| overlaps(r, **b)).count();
            if hits < best.0 {
                best = (hits, r, cx, cy);
            }
            if hits == 0 {
                break 'search;
            }
        }
    }
    let (_, r, cx, cy) = best;
    (r, cx, cy)
}

/// Writes the nodes, each a shape with its label inside; the title shows the IRI on hover.
fn nodes(s: &mut String, net: &Network, lay: &Layout, pos: &[[f64; 2]]) {
    let _ = writeln!(
        s,
        r##"<g class="nodes" font-size="{FONT_SIZE}" fill="#000000" text-anchor="middle">"##
    );
    for (i, node) in net.graph.node_weights().enumerate() {
        let _ = writeln!(s, "<g><title>{}</title>", xml(&node.id));
        shape(s, node.kind, pos[i], lay.half[i]);
        let count = lay.lines[i].len() as f64;
        let first = pos[i][1] - (count - 1.0) * FONT_SIZE * LINE_HEIGHT / 2.0 + FONT_SIZE * 0.35;
        let _ = write!(s, r#"<text x="{:.1}" y="{first:.1}">"#, pos[i][0]);
        for (j, line) in lay.lines[i].iter().enumerate() {
            if j == 0 {
                s.push_str(&xml(line));
            } else {
                let _ = write!(
                    s,
                    r#"<tspan x="{:.1}" dy="{:.1}">{}</tspan>"#,
                    pos[i][0],
                    FONT_SIZE * LINE_HEIGHT,
                    xml(line)
                );
            }
        }
        s.push_str("</text></g>\n");
    }
    s.push_str("</g>\n");
}

/// XML-escaped text; characters XML 1.0 forbids become spaces.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// SVG `stroke-dasharray` for an edge kind.
fn dash(kind: EdgeKind) -> &'static str {
    match edge_style(kind) {
        Some("dashed") => r#" stroke-dasharray="6,4""#,
        Some("dotted") => r#" stroke-dasharray="2,3""#,
        _ => "",
    }
}

/// Whether two boxes ([min x, min y, max x, max y]) overlap.
fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::Node;

    /// Text content of every `<text>` element, tspans joined by spaces.
    fn texts(svg: &str) -> Vec<String> {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(svg);
        let mut out = Vec::new();
        let mut current: Option<String> = None;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) if e.name().as_ref() == b"text" => current = Some(String::new()),
                Event::Start(e) if e.name().as_ref() == b"tspan" => {
                    if let Some(c) = current.as_mut() {
                        c.push(' ');
                    }
                }
                Event::Text(t) => {
                    if let Some(c) = current.as_mut() {
                        c.push_str(&t.decode().expect("UTF-8"));
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some(c) = current.as_mut() {
                        let name = r.decode().expect("UTF-8");
                        c.push_str(match name.as_ref() {
                            "amp" => "&",
                            "lt" => "<",
                            "gt" => ">",
                            "quot" => "\"",
                            "apos" => "'",
                            other => panic!("unexpected entity {other}"),
                        });
                    }
                }
                Event::End(e) if e.name().as_ref() == b"text" => out.extend(current.take()),
                Event::Eof => break,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn svg_is_well_formed_and_holds_every_label() {
        let mut net = crate::export::dot::tests::small();
        let long = net.add_node(Node {
            id: "http://example.org/id/federation".into(),
            kind: NodeKind::Organization,
            label: "International Federation of Bakers, Millers <and> Allied Workers".into(),
        });
        let other = net.add_node(Node {
            id: "x".into(),
            kind: NodeKind::Other,
            label: "Zoë's 北京 café".into(),
        });
        net.add_edge(long, other, EdgeKind::Custom, "R&D \"lab\"", None);
        let svg = svg(&net);
        let found = texts(&svg);
        for node in net.graph.node_weights() {
            assert!(
                found.contains(&node.label),
                "label {:?} missing from {found:?}",
                node.label
            );
        }
        for label in [
            "chair",
            "speaker",
            "R&D \"lab\"",
            "person",
            "organization",
            "event",
            "place",
            "other",
        ] {
            assert!(found.iter().any(|t| t == label), "{label:?} missing");
        }
        assert!(svg.contains("viewBox=\"0 0 "));
    }

    #[test]
    fn empty_and_single_networks_draw() {
        let svg_empty = svg(&Network::default());
        assert!(texts(&svg_empty).iter().all(|t| t != "Legend"));
        let mut net = Network::default();
        net.add_node(Node {
            id: "a".into(),
            kind: NodeKind::Person,
            label: "Ana".into(),
        });
        assert!(texts(&svg(&net)).contains(&"Ana".to_owned()));
    }
}
