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
//! palette DOT uses (`dot::kind_style`), each label as text, and a legend.
//!
//! Why by hand: layout-rs panicked on a 200-node random graph and draws no clusters; fdg-sim is
//! unmaintained; forceatlas2 is AGPL. The algorithms needed are short.
//!
//! This module reads the `Network` only: it must never read the store, nor run Graphviz.

use super::dot::{edge_style, kind_style, KINDS};
use crate::network::{EdgeKind, Network, NodeKind};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

/// Node label size, px.
const FONT_SIZE: f64 = 12.0;
/// Edge label size, px.
const EDGE_FONT_SIZE: f64 = 9.0;
/// Line height, in ems.
const LINE_HEIGHT: f64 = 1.25;
/// Labels longer than this many characters wrap at spaces.
const WRAP: usize = 22;
/// Least free space between two node boxes, px.
const GAP: f64 = 8.0;
/// Space between packed components, px.
const COMPONENT_GAP: f64 = 36.0;
/// Space around the drawing, px.
const MARGIN: f64 = 16.0;
/// Edge labels are drawn only when there are fewer (drawn) edges than this.
pub const EDGE_LABEL_LIMIT: usize = 300;
/// Components of up to this many nodes get exact O(n²) repulsion; larger ones Barnes–Hut.
pub const EXACT_LIMIT: usize = 1000;
/// The free space wanted between the borders of two tied boxes, px: room for a role label.
const BORDER_K: f64 = 45.0;
/// Nodes × edges up to which nodes are pushed off ties they are not part of (the cost of a
/// step of that pass).
const EDGE_NODE_BUDGET: usize = 500_000;
/// Barnes–Hut opening angle: a cell is taken as one body when its size / distance is below this.
const THETA: f64 = 0.9;
const FONT_STACK: &str = "DejaVu Sans, Helvetica, Arial, sans-serif";

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

/// Half width and height of the shape around a text block of `tw` × `th`.
fn shape_half(kind: NodeKind, tw: f64, th: f64) -> [f64; 2] {
    match kind {
        // An ellipse holding the text box: the box's corners fall just inside it.
        NodeKind::Person => [tw / 2.0 * 1.15 + 10.0, th / 2.0 * 1.15 + 8.0],
        NodeKind::Place => [tw / 2.0 + 18.0, th / 2.0 + 7.0],
        NodeKind::Event => [tw / 2.0 + 12.0, th / 2.0 + 7.0],
        NodeKind::Organization | NodeKind::Other => [tw / 2.0 + 9.0, th / 2.0 + 7.0],
    }
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

/// Positions for `n` boxes of half-sizes `half` tied by `edges` (each wanting `room` px between
/// the boxes it ties): force-directed per connected component, overlaps removed, components
/// packed.
pub(crate) fn place(
    n: usize,
    edges: &[(usize, usize)],
    room: &[f64],
    half: &[[f64; 2]],
) -> Vec<[f64; 2]> {
    let components = components(n, edges);
    let mut local_edges: Vec<Vec<(usize, usize)>> = vec![Vec::new(); components.len()];
    let mut local_room: Vec<Vec<f64>> = vec![Vec::new(); components.len()];
    let mut which = vec![(0usize, 0usize); n];
    for (c, members) in components.iter().enumerate() {
        for (i, &m) in members.iter().enumerate() {
            which[m] = (c, i);
        }
    }
    for (&(a, b), &r) in edges.iter().zip(room) {
        let ((ca, ia), (_, ib)) = (which[a], which[b]);
        local_edges[ca].push((ia, ib));
        local_room[ca].push(r);
    }
    let mut pos = vec![[0.0, 0.0]; n];
    let mut boxes = Vec::with_capacity(components.len());
    for ((members, edges), room) in components.iter().zip(&local_edges).zip(&local_room) {
        let h: Vec<[f64; 2]> = members.iter().map(|&m| half[m]).collect();
        let mut p = force_directed(&h, edges, room);
        spread(&mut p, &h, GAP);
        remove_overlaps(&mut p, &h, GAP);
        let bounds = bounds(&p, &h);
        for (i, &m) in members.iter().enumerate() {
            pos[m] = [p[i][0] - bounds[0], p[i][1] - bounds[1]];
        }
        boxes.push([bounds[2] - bounds[0], bounds[3] - bounds[1]]);
    }
    let offsets = pack(&boxes, COMPONENT_GAP);
    for (members, off) in components.iter().zip(offsets) {
        for &m in members {
            pos[m][0] += off[0];
            pos[m][1] += off[1];
        }
    }
    pos
}

/// Connected components (ties taken as undirected), each listing its nodes in index order;
/// the components ordered by size, largest first, then by their first node.
pub(crate) fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(a, b) in edges {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// [min x, min y, max x, max y] of the boxes.
fn bounds(pos: &[[f64; 2]], half: &[[f64; 2]]) -> [f64; 4] {
    let mut b = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for (p, h) in pos.iter().zip(half) {
        b[0] = b[0].min(p[0] - h[0]);
        b[1] = b[1].min(p[1] - h[1]);
        b[2] = b[2].max(p[0] + h[0]);
        b[3] = b[3].max(p[1] + h[1]);
    }
    if b[0] > b[2] {
        [0.0; 4]
    } else {
        b
    }
}

/// Fruchterman–Reingold on one connected component.
fn force_directed(half: &[[f64; 2]], edges: &[(usize, usize)], room: &[f64]) -> Vec<[f64; 2]> {
    let n = half.len();
    if n == 1 {
        return vec![[0.0, 0.0]];
    }
    // The ideal tie length: room for two average boxes side by side and a label between.
    let mean = half.iter().map(|h| h[0] + h[1]).sum::<f64>() / n as f64;
    let k = mean * 0.75 + 15.0;
    let mut pos = initial(n, edges, k);
    let iterations = if n <= 300 {
        500
    } else if n <= EXACT_LIMIT {
        300
    } else {
        150
    };
    let t0 = k * (n as f64).sqrt() * 0.25;
    let t_min = k * 0.02;
    let mut disp = vec![[0.0f64; 2]; n];
    for it in 0..iterations {
        let progress = it as f64 / iterations as f64;
        let t = t_min + (t0 - t_min) * (1.0 - progress).powi(2);
        disp.iter_mut().for_each(|d| *d = [0.0, 0.0]);
        // The second half of exact runs measures distances between box borders rather than
        // centres, so wide labels make room for each other and ties keep space for their labels.
        let border = it >= iterations / 2;
        if n <= EXACT_LIMIT {
            for i in 0..n {
                for j in i + 1..n {
                    let (dx, dy) = separation(&pos, i, j);
                    let d2 = (dx * dx + dy * dy).max(1e-4);
                    // k² / d along the unit vector: k² · (dx, dy) / d².
                    let f = if border {
                        let d = d2.sqrt();
                        let g = gap(dx, dy, d, half[i], half[j]).max(BORDER_K * 0.05);
                        BORDER_K * BORDER_K / g / d
                    } else {
                        k * k / d2
                    };
                    disp[i][0] += dx * f;
                    disp[i][1] += dy * f;
                    disp[j][0] -= dx * f;
                    disp[j][1] -= dy * f;
                }
            }
        } else {
            // Barnes–Hut between centres; in the border phase, near pairs are then corrected
            // to the border measure.
            let k2 = if border { BORDER_K * BORDER_K } else { k * k };
            let tree = QuadTree::build(&pos);
            for (i, d) in disp.iter_mut().enumerate() {
                *d = tree.repulsion(&pos, i, k2);
            }
            if border {
                near_pairs(&pos, half, BORDER_K, |i, j| {
                    let (dx, dy) = separation(&pos, i, j);
                    let d = (dx * dx + dy * dy).sqrt();
                    let g = gap(dx, dy, d, half[i], half[j]).max(BORDER_K * 0.05);
                    let f = (k2 / g - k2 / d.max(1e-2)) / d.max(1e-2);
                    if f > 0.0 {
                        disp[i][0] += dx * f;
                        disp[i][1] += dy * f;
                        disp[j][0] -= dx * f;
                        disp[j][1] -= dy * f;
                    }
                });
            }
        }
        for (&(a, b), &want) in edges.iter().zip(room) {
            let dx = pos[a][0] - pos[b][0];
            let dy = pos[a][1] - pos[b][1];
            let d = (dx * dx + dy * dy).sqrt().max(1e-2);
            // d² / k along the unit vector: d · (dx, dy) / k.
            let f = if border {
                // k² g / want² · √(g / want) past `want`: balances the k² / g repulsion at a gap
                // of `want`, and grows slower than FR's g² beyond, so long ties in dense cores do
                // not crush boxes together (large layouts, whose near repulsion is approximate,
                // keep to linear).
                let g = gap(dx, dy, d, half[a], half[b]).max(0.0);
                let stretch = if n <= EXACT_LIMIT {
                    (g / want).max(1.0).sqrt()
                } else {
                    1.0
                };
                g * BORDER_K * BORDER_K / (want * want) * stretch / d
            } else {
                d / k
            };
            disp[a][0] -= dx * f;
            disp[a][1] -= dy * f;
            disp[b][0] += dx * f;
            disp[b][1] += dy * f;
        }
        // Late in small runs, nodes lying on a tie they are not part of are pushed off it (and
        // the tie the other way), so no line runs under a label.
        if border && n * edges.len() <= EDGE_NODE_BUDGET {
            clear_ties(&pos, half, edges, &mut disp);
        }
        // A weak pull to the centre keeps loosely tied branches from drifting far out.
        let (cx, cy) = centroid(&pos);
        let gravity = if border { 0.02 } else { 0.05 };
        for (p, d) in pos.iter().zip(disp.iter_mut()) {
            d[0] -= (p[0] - cx) * gravity;
            d[1] -= (p[1] - cy) * gravity;
        }
        for (p, d) in pos.iter_mut().zip(&disp) {
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 {
                let step = len.min(t) / len;
                p[0] += d[0] * step;
                p[1] += d[1] * step;
            }
        }
    }
    pos
}

/// Pushes for nodes that sit on (or too near) a tie between two other nodes.
fn clear_ties(
    pos: &[[f64; 2]],
    half: &[[f64; 2]],
    edges: &[(usize, usize)],
    disp: &mut [[f64; 2]],
) {
    const CLEARANCE: f64 = 10.0;
    for &(a, b) in edges {
        let (pa, pb) = (pos[a], pos[b]);
        let (ex, ey) = (pb[0] - pa[0], pb[1] - pa[1]);
        let len2 = ex * ex + ey * ey;
        if len2 < 1e-6 {
            continue;
        }
        let lo = [pa[0].min(pb[0]), pa[1].min(pb[1])];
        let hi = [pa[0].max(pb[0]), pa[1].max(pb[1])];
        for (c, pc) in pos.iter().enumerate() {
            let h = half[c];
            if c == a
                || c == b
                || pc[0] + h[0] + CLEARANCE < lo[0]
                || pc[0] - h[0] - CLEARANCE > hi[0]
                || pc[1] + h[1] + CLEARANCE < lo[1]
                || pc[1] - h[1] - CLEARANCE > hi[1]
            {
                continue;
            }
            let t = (((pc[0] - pa[0]) * ex + (pc[1] - pa[1]) * ey) / len2).clamp(0.0, 1.0);
            let (qx, qy) = (pa[0] + ex * t, pa[1] + ey * t);
            let (mut vx, mut vy) = (pc[0] - qx, pc[1] - qy);
            let mut dist = (vx * vx + vy * vy).sqrt();
            if dist < 1e-6 {
                // Right on the line: step off it sideways, the side picked by index.
                let l = len2.sqrt();
                let side = if c % 2 == 0 { 1.0 } else { -1.0 };
                (vx, vy, dist) = (-ey / l * side, ex / l * side, 1.0);
            }
            let (ux, uy) = (vx / dist, vy / dist);
            let push = box_exit(h, ux, uy) + CLEARANCE - dist;
            if push <= 0.0 {
                continue;
            }
            let f = push * 10.0;
            disp[c][0] += ux * f;
            disp[c][1] += uy * f;
            disp[a][0] -= ux * f * (1.0 - t);
            disp[a][1] -= uy * f * (1.0 - t);
            disp[b][0] -= ux * f * t;
            disp[b][1] -= uy * f * t;
        }
    }
}

/// Calls `f(i, j)` (i < j) for every pair of boxes less than `margin` apart, found with a grid.
fn near_pairs(pos: &[[f64; 2]], half: &[[f64; 2]], margin: f64, mut f: impl FnMut(usize, usize)) {
    let cell_w = 2.0 * half.iter().map(|h| h[0]).fold(0.0, f64::max) + margin;
    let cell_h = 2.0 * half.iter().map(|h| h[1]).fold(0.0, f64::max) + margin;
    let key = |p: &[f64; 2]| {
        (
            (p[0] / cell_w).floor() as i64,
            (p[1] / cell_h).floor() as i64,
        )
    };
    let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, p) in pos.iter().enumerate() {
        grid.entry(key(p)).or_default().push(i);
    }
    for i in 0..pos.len() {
        let (gx, gy) = key(&pos[i]);
        for ox in -1..=1 {
            for oy in -1..=1 {
                let Some(cell) = grid.get(&(gx + ox, gy + oy)) else {
                    continue;
                };
                for &j in cell {
                    if j > i
                        && (pos[j][0] - pos[i][0]).abs() < half[i][0] + half[j][0] + margin
                        && (pos[j][1] - pos[i][1]).abs() < half[i][1] + half[j][1] + margin
                    {
                        f(i, j);
                    }
                }
            }
        }
    }
}

/// The free space between two boxes along the line joining their centres (`(dx, dy)`, of
/// length `d`): negative when they overlap.
fn gap(dx: f64, dy: f64, d: f64, a: [f64; 2], b: [f64; 2]) -> f64 {
    let tx = if dx != 0.0 {
        (a[0] + b[0]) * d / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy != 0.0 {
        (a[1] + b[1]) * d / dy.abs()
    } else {
        f64::INFINITY
    };
    d - tx.min(ty)
}

/// The vector from node `j` to node `i`, never zero: coincident nodes are told apart by index.
fn separation(pos: &[[f64; 2]], i: usize, j: usize) -> (f64, f64) {
    let dx = pos[i][0] - pos[j][0];
    let dy = pos[i][1] - pos[j][1];
    if dx == 0.0 && dy == 0.0 {
        let angle = (i * 31 + j * 17) as f64;
        (angle.cos() * 0.01, angle.sin() * 0.01)
    } else {
        (dx, dy)
    }
}

fn centroid(pos: &[[f64; 2]]) -> (f64, f64) {
    let n = pos.len().max(1) as f64;
    let (sx, sy) = pos
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p[0], y + p[1]));
    (sx / n, sy / n)
}

/// Start positions: a sunflower spiral, nodes taken in breadth-first order from the best
/// connected one, so neighbours start near each other and no two start at the same point.
fn initial(n: usize, edges: &[(usize, usize)], k: f64) -> Vec<[f64; 2]> {
    let mut adjacency = vec![Vec::new(); n];
    for &(a, b) in edges {
        adjacency[a].push(b);
        adjacency[b].push(a);
    }
    let start = (0..n)
        .max_by_key(|&i| (adjacency[i].len(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let mut order = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for s in std::iter::once(start).chain(0..n) {
        if seen[s] {
            continue;
        }
        seen[s] = true;
        let mut queue = std::collections::VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in &adjacency[v] {
                if !seen[w] {
                    seen[w] = true;
                    queue.push_back(w);
                }
            }
        }
    }
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    let mut pos = vec![[0.0, 0.0]; n];
    for (rank, &v) in order.iter().enumerate() {
        let r = k * 0.6 * (rank as f64 + 0.5).sqrt();
        let a = rank as f64 * golden;
        pos[v] = [r * a.cos(), r * a.sin()];
    }
    pos
}

/// A Barnes–Hut quadtree over points, for repulsion in O(n log n).
struct QuadTree {
    cells: Vec<Cell>,
}

#[derive(Clone, Copy)]
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    mx: f64,
    my: f64,
    /// Index of the first of four children, or 0 for a leaf.
    children: usize,
    /// The one point of a leaf (usize::MAX when empty, or when several coincide at the depth limit).
    body: usize,
}

const EMPTY: usize = usize::MAX;
const MAX_DEPTH: usize = 48;

impl QuadTree {
    fn build(pos: &[[f64; 2]]) -> QuadTree {
        let b = bounds(pos, &vec![[0.0, 0.0]; pos.len()]);
        let half = ((b[2] - b[0]).max(b[3] - b[1]) / 2.0).max(1.0) * 1.01;
        let root = Cell {
            cx: (b[0] + b[2]) / 2.0,
            cy: (b[1] + b[3]) / 2.0,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            children: 0,
            body: EMPTY,
        };
        let mut tree = QuadTree { cells: vec![root] };
        for i in 0..pos.len() {
            tree.insert(pos, i);
        }
        tree
    }

    fn insert(&mut self, pos: &[[f64; 2]], i: usize) {
        let [x, y] = pos[i];
        let mut c = 0;
        let mut depth = 0;
        loop {
            let cell = &mut self.cells[c];
            if cell.children == 0 {
                if cell.mass == 0.0 {
                    cell.body = i;
                    cell.add(x, y);
                    return;
                }
                if depth >= MAX_DEPTH {
                    // Points this close are taken as one heavier body.
                    cell.body = EMPTY;
                    cell.add(x, y);
                    return;
                }
                // Split the leaf: its body moves down into a child, then go on inserting.
                let old = cell.body;
                let (cx, cy, h) = (cell.cx, cell.cy, cell.half / 2.0);
                let first = self.cells.len();
                for q in 0..4 {
                    self.cells.push(Cell {
                        cx: cx + if q & 1 == 1 { h } else { -h },
                        cy: cy + if q & 2 == 2 { h } else { -h },
                        half: h,
                        mass: 0.0,
                        mx: 0.0,
                        my: 0.0,
                        children: 0,
                        body: EMPTY,
                    });
                }
                let cell = &mut self.cells[c];
                cell.children = first;
                cell.body = EMPTY;
                if old != EMPTY {
                    let q = first + Self::quadrant(cell, pos[old]);
                    let [ox, oy] = pos[old];
                    self.cells[q].body = old;
                    self.cells[q].add(ox, oy);
                }
                // The cell's own totals already count `old`; fall through to add `i`.
                continue;
            }
            cell.add(x, y);
            c = cell.children + Self::quadrant(cell, pos[i]);
            depth += 1;
        }
    }

    fn quadrant(cell: &Cell, [x, y]: [f64; 2]) -> usize {
        usize::from(x >= cell.cx) + 2 * usize::from(y >= cell.cy)
    }

    /// The repulsion (k² / d per body) on point `i` from all others.
    fn repulsion(&self, pos: &[[f64; 2]], i: usize, k2: f64) -> [f64; 2] {
        let [x, y] = pos[i];
        let mut f = [0.0, 0.0];
        let mut stack = vec![0usize];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.mass == 0.0 || (cell.children == 0 && cell.body == i) {
                continue;
            }
            let (px, py) = (cell.mx / cell.mass, cell.my / cell.mass);
            let (mut dx, mut dy) = (x - px, y - py);
            let mut d2 = dx * dx + dy * dy;
            if cell.children == 0 || (2.0 * cell.half) * (2.0 * cell.half) < THETA * THETA * d2 {
                if d2 < 1e-8 {
                    let angle = (i * 31 + c * 17) as f64;
                    (dx, dy) = (angle.cos() * 0.01, angle.sin() * 0.01);
                    d2 = 1e-4;
                }
                // A leaf holding `i` among coincident points must not push `i` by itself.
                let mass = if cell.children == 0 && cell.body == EMPTY && d2 <= 1e-4 {
                    cell.mass - 1.0
                } else {
                    cell.mass
                };
                let s = k2 * mass / d2;
                f[0] += dx * s;
                f[1] += dy * s;
            } else {
                stack.extend(cell.children..cell.children + 4);
            }
        }
        f
    }
}

impl Cell {
    fn add(&mut self, x: f64, y: f64) {
        self.mass += 1.0;
        self.mx += x;
        self.my += y;
    }
}

/// Scales a layout up about its centre until its area is about twice the boxes' total, so
/// that few overlaps are left to remove (the centre-based forces of large layouts know
/// nothing of the boxes' sizes).
fn spread(pos: &mut [[f64; 2]], half: &[[f64; 2]], gap: f64) {
    let n = pos.len().max(1) as f64;
    let needed: f64 = half
        .iter()
        .map(|h| (2.0 * h[0] + gap) * (2.0 * h[1] + gap))
        .sum();
    let b = bounds(pos, &vec![[0.0, 0.0]; pos.len()]);
    let mean_w = half.iter().map(|h| 2.0 * h[0]).sum::<f64>() / n;
    let mean_h = half.iter().map(|h| 2.0 * h[1]).sum::<f64>() / n;
    let have = (b[2] - b[0] + mean_w) * (b[3] - b[1] + mean_h);
    if have <= 0.0 || have >= 2.0 * needed {
        return;
    }
    let s = (2.0 * needed / have).sqrt();
    let (cx, cy) = centroid(pos);
    for p in pos.iter_mut() {
        p[0] = cx + (p[0] - cx) * s;
        p[1] = cy + (p[1] - cy) * s;
    }
}

/// Nudges boxes apart until no two overlap (with `gap` to spare): each overlapping pair is
/// pushed apart along the axis where they overlap least. A grid finds the pairs.
pub(crate) fn remove_overlaps(pos: &mut [[f64; 2]], half: &[[f64; 2]], gap: f64) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    let cell_w = 2.0 * half.iter().map(|h| h[0]).fold(0.0, f64::max) + gap;
    let cell_h = 2.0 * half.iter().map(|h| h[1]).fold(0.0, f64::max) + gap;
    for pass in 0..2000 {
        let key = |p: &[f64; 2]| {
            (
                (p[0] / cell_w).floor() as i64,
                (p[1] / cell_h).floor() as i64,
            )
        };
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (i, p) in pos.iter().enumerate() {
            grid.entry(key(p)).or_default().push(i);
        }
        let mut moved = false;
        for i in 0..n {
            let (gx, gy) = key(&pos[i]);
            for ox in -1..=1 {
                for oy in -1..=1 {
                    let Some(cell) = grid.get(&(gx + ox, gy + oy)) else {
                        continue;
                    };
                    for &j in cell {
                        if j <= i {
                            continue;
                        }
                        let dx = pos[j][0] - pos[i][0];
                        let dy = pos[j][1] - pos[i][1];
                        let over_x = half[i][0] + half[j][0] + gap - dx.abs();
                        let over_y = half[i][1] + half[j][1] + gap - dy.abs();
                        if over_x <= 0.0 || over_y <= 0.0 {
                            continue;
                        }
                        moved = true;
                        // Past many passes, push a little further each time so jams clear.
                        let extra = 0.5 + (pass / 50) as f64;
                        if over_x < over_y {
                            let s = if dx < 0.0 { -1.0 } else { 1.0 };
                            let m = (over_x + extra) / 2.0 * s;
                            pos[i][0] -= m;
                            pos[j][0] += m;
                        } else {
                            let s = if dy < 0.0 { -1.0 } else { 1.0 };
                            let m = (over_y + extra) / 2.0 * s;
                            pos[i][1] -= m;
                            pos[j][1] += m;
                        }
                    }
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// Offsets for boxes of `sizes` (placed with their top-left corner at the origin), packed in
/// rows of about the square root of their total area, in the order given.
fn pack(sizes: &[[f64; 2]], gap: f64) -> Vec<[f64; 2]> {
    let area: f64 = sizes.iter().map(|s| (s[0] + gap) * (s[1] + gap)).sum();
    let widest = sizes.iter().map(|s| s[0]).fold(0.0, f64::max);
    let row_width = widest.max(area.sqrt() * 1.3);
    let (mut x, mut y, mut row_h) = (0.0, 0.0, 0.0f64);
    let mut out = Vec::with_capacity(sizes.len());
    for s in sizes {
        if x > 0.0 && x + s[0] > row_width {
            x = 0.0;
            y += row_h + gap;
            row_h = 0.0;
        }
        out.push([x, y]);
        x += s[0] + gap;
        row_h = row_h.max(s[1]);
    }
    out
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

/// The point where the ray from the centre of a node's shape towards `(dx, dy)` leaves it.
fn boundary(kind: NodeKind, h: [f64; 2], dx: f64, dy: f64) -> (f64, f64) {
    let len = (dx * dx + dy * dy).sqrt();
    if len == 0.0 {
        return (0.0, 0.0);
    }
    let t = match kind {
        NodeKind::Person => 1.0 / ((dx / h[0]).powi(2) + (dy / h[1]).powi(2)).sqrt(),
        NodeKind::Place => {
            // The hexagon's slanted sides run from (±w, 0) to (±(w − inset), ±h).
            let inset = (h[1]).min(h[0]);
            let (ax, ay) = (dx.abs(), dy.abs());
            let flat = if ay > 0.0 { h[1] / ay } else { f64::INFINITY };
            // Slanted side: x/w + y·inset/(h·w) = 1 ⇒ t = 1 / (ax/w + ay·inset/(h·w)).
            let slant = 1.0 / (ax / h[0] + ay * inset / (h[1] * h[0]));
            flat.min(slant)
        }
        _ => box_exit(h, dx, dy),
    };
    (dx * t, dy * t)
}

/// How far along the direction (dx, dy) a ray from a box's centre leaves the box of half-sizes
/// `h`, in units of that direction.
fn box_exit(h: [f64; 2], dx: f64, dy: f64) -> f64 {
    let along = |half: f64, d: f64| {
        if d != 0.0 {
            half / d.abs()
        } else {
            f64::INFINITY
        }
    };
    along(h[0], dx).min(along(h[1], dy))
}

/// The SVG outline of a node's shape.
fn shape(out: &mut String, kind: NodeKind, [x, y]: [f64; 2], [w, h]: [f64; 2]) {
    let s = kind_style(kind);
    let paint = format!(
        r#"fill="{}" stroke="{}" stroke-width="1.2""#,
        s.fill, s.stroke
    );
    let _ = match kind {
        NodeKind::Person => {
            writeln!(
                out,
                r#"<ellipse cx="{x:.1}" cy="{y:.1}" rx="{w:.1}" ry="{h:.1}" {paint}/>"#
            )
        }
        NodeKind::Organization => writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" {paint}/>"#,
            x - w,
            y - h,
            2.0 * w,
            2.0 * h
        ),
        NodeKind::Other => writeln!(
            out,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" {paint}/>"#,
            x - w,
            y - h,
            2.0 * w,
            2.0 * h
        ),
        NodeKind::Event => {
            // A note: a box with its top-right corner folded.
            let f = (h * 0.6).min(8.0);
            writeln!(
                out,
                r#"<path d="M{:.1},{:.1}H{:.1}L{:.1},{:.1}V{:.1}H{:.1}Z M{:.1},{:.1}V{:.1}H{:.1}" {paint}/>"#,
                x - w,
                y - h,
                x + w - f,
                x + w,
                y - h + f,
                y + h,
                x - w,
                x + w - f,
                y - h,
                y - h + f,
                x + w
            )
        }
        NodeKind::Place => {
            let inset = h.min(w);
            writeln!(
                out,
                r#"<polygon points="{:.1},{y:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{y:.1} {:.1},{:.1} {:.1},{:.1}" {paint}/>"#,
                x - w,
                x - w + inset,
                y - h,
                x + w - inset,
                y - h,
                x + w,
                x + w - inset,
                y + h,
                x - w + inset,
                y + h
            )
        }
    };
}

/// SVG `stroke-dasharray` for an edge kind.
fn dash(kind: EdgeKind) -> &'static str {
    match edge_style(kind) {
        Some("dashed") => r#" stroke-dasharray="6,4""#,
        Some("dotted") => r#" stroke-dasharray="2,3""#,
        _ => "",
    }
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

fn overlaps(a: [f64; 4], b: [f64; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Writes the network as a standalone SVG picture drawn by the built-in layout.
pub fn write_svg(net: &Network, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(svg(net).as_bytes())
}

/// The SVG text of [`write_svg`].
pub(crate) fn svg(net: &Network) -> String {
    let lines = lines_of(net);
    let lay = layout_ties(net, &lines);
    let kinds: Vec<NodeKind> = net.graph.node_weights().map(|n| n.kind).collect();

    // The legend: one row across the top, a sample of each node kind and edge kind present.
    let kinds_present: Vec<NodeKind> = KINDS
        .iter()
        .copied()
        .filter(|k| kinds.contains(k))
        .collect();
    let mut edge_kinds: Vec<EdgeKind> = Vec::new();
    for l in &lines {
        if !edge_kinds.contains(&l.kind) {
            edge_kinds.push(l.kind);
        }
    }
    let legend_font = 11.0;
    let mut legend = String::new();
    let mut lx = MARGIN + 10.0;
    let legend_h = 34.0;
    let ly = MARGIN + legend_h / 2.0;
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
    let legend_w = lx - MARGIN - 6.0;

    // The drawing sits under the legend.
    let top = MARGIN + legend_h + 14.0;
    let b = bounds(&lay.pos, &lay.half);
    let shift = [MARGIN - b[0], top - b[1]];
    let pos: Vec<[f64; 2]> = lay
        .pos
        .iter()
        .map(|p| [p[0] + shift[0], p[1] + shift[1]])
        .collect();
    let width = (b[2] - b[0] + 2.0 * MARGIN).max(legend_w + 2.0 * MARGIN);
    let height = top + (b[3] - b[1]) + MARGIN;

    let mut s = String::new();
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

    // Edges, clipped to the shapes so arrowheads touch them.
    s.push_str("<g class=\"edges\" stroke=\"#666666\" stroke-width=\"1.2\" fill=\"none\">\n");
    let mut segments = Vec::with_capacity(lines.len());
    for l in &lines {
        let (pa, pb) = (pos[l.a], pos[l.b]);
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let (ax, ay) = boundary(kinds[l.a], lay.half[l.a], dx, dy);
        let (bx, by) = boundary(kinds[l.b], lay.half[l.b], -dx, -dy);
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

    // Edge labels, slid along their edges to a spot clear of nodes and other labels.
    if lines.len() < EDGE_LABEL_LIMIT {
        let node_boxes: Vec<[f64; 4]> = pos
            .iter()
            .zip(&lay.half)
            .map(|(p, h)| [p[0] - h[0], p[1] - h[1], p[0] + h[0], p[1] + h[1]])
            .collect();
        let mut placed: Vec<[f64; 4]> = Vec::new();
        s.push_str(&format!(
            "<g class=\"edge-labels\" font-size=\"{EDGE_FONT_SIZE}\" fill=\"#333333\" text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
        ));
        for (l, &(x1, y1, x2, y2)) in lines.iter().zip(&segments) {
            if l.label.is_empty() {
                continue;
            }
            let hw = text_width(&l.label, EDGE_FONT_SIZE) / 2.0 + 2.0;
            let hh = EDGE_FONT_SIZE * 0.65;
            // Along the tie from its middle outwards, on it or just beside it; the first spot
            // clear of nodes and labels, else the one with the fewest (labels count most).
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

    // Nodes, each a shape with its label inside; the title shows the IRI on hover.
    let _ = writeln!(
        s,
        r##"<g class="nodes" font-size="{FONT_SIZE}" fill="#000000" text-anchor="middle">"##
    );
    for (i, node) in net.graph.node_weights().enumerate() {
        let _ = writeln!(s, "<g><title>{}</title>", xml(&node.id));
        shape(&mut s, node.kind, pos[i], lay.half[i]);
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

    if !kinds_present.is_empty() {
        let _ = writeln!(
            s,
            r##"<g class="legend"><rect x="{MARGIN:.1}" y="{MARGIN:.1}" width="{legend_w:.1}" height="{legend_h:.1}" rx="6" fill="#fafafa" stroke="#999999"/>"##
        );
        s.push_str(&legend);
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::network::{Edge, Node};
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
    fn quadtree_repulsion_is_close_to_exact() {
        let pos: Vec<[f64; 2]> = (0..200)
            .map(|i| [(i * 37 % 101) as f64 * 3.0, (i * 53 % 97) as f64 * 2.0])
            .collect();
        let tree = QuadTree::build(&pos);
        for i in [0, 50, 199] {
            let approx = tree.repulsion(&pos, i, 1.0);
            let mut exact = [0.0, 0.0];
            for j in 0..pos.len() {
                if j != i {
                    let (dx, dy) = separation(&pos, i, j);
                    let d2 = dx * dx + dy * dy;
                    exact[0] += dx / d2;
                    exact[1] += dy / d2;
                }
            }
            let err = ((approx[0] - exact[0]).powi(2) + (approx[1] - exact[1]).powi(2)).sqrt();
            let size = (exact[0].powi(2) + exact[1].powi(2)).sqrt();
            assert!(
                err <= 0.1 * size + 1e-3,
                "node {i}: {approx:?} vs {exact:?}"
            );
        }
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

    #[test]
    fn labels_wrap_without_losing_words() {
        let l = "International Federation of Bakers, Millers and Allied Workers";
        let lines = wrap(l);
        assert!(lines.len() > 1 && lines.iter().all(|s| s.chars().count() <= WRAP));
        assert_eq!(lines.join(" "), l);
        assert_eq!(wrap(""), vec![String::new()]);
    }

    #[test]
    fn edges_stop_at_shape_borders() {
        let (x, y) = boundary(NodeKind::Person, [40.0, 10.0], 1.0, 0.0);
        assert!((x - 40.0).abs() < 1e-9 && y.abs() < 1e-9);
        let (x, y) = boundary(NodeKind::Organization, [40.0, 10.0], 0.0, -5.0);
        assert!(x.abs() < 1e-9 && (y + 10.0).abs() < 1e-9);
        let (x, _) = boundary(NodeKind::Place, [40.0, 10.0], 1.0, 0.0);
        assert!((x - 40.0).abs() < 1e-9);
    }
}
