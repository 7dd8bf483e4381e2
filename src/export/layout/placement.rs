//! Where each connected component goes: components found, each laid out by `forces`, spread
//! out and cleared of overlapping boxes, then packed in rows, largest first.
//!
//! Pure geometry on node indices, positions and box sizes: it must not touch the `Network`,
//! the store or SPARQL.

use super::forces::{centroid, force_directed};
use super::grid::Grid;
use std::collections::BTreeMap;

/// Least free space between two node boxes, px.
const GAP: f64 = 8.0;
/// Space between packed components, px.
const COMPONENT_GAP: f64 = 36.0;

/// Ties as pairs of node indices.
type Ties = Vec<(usize, usize)>;

/// Positions for `n` boxes of half-sizes `half` tied by `edges` (each wanting `room` px between
/// the boxes it ties): force-directed per connected component, overlaps removed, components
/// packed.
pub(super) fn place(
    n: usize,
    edges: &[(usize, usize)],
    room: &[f64],
    half: &[[f64; 2]],
) -> Vec<[f64; 2]> {
    let components = components(n, edges);
    let (local_edges, local_room) = by_component(n, &components, edges, room);
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

/// The ties of each component and the room each wants, its nodes numbered by their place in
/// the component's list.
fn by_component(
    n: usize,
    components: &[Vec<usize>],
    edges: &[(usize, usize)],
    room: &[f64],
) -> (Vec<Ties>, Vec<Vec<f64>>) {
    let mut local_edges: Vec<Ties> = vec![Vec::new(); components.len()];
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
    (local_edges, local_room)
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
pub(super) fn bounds(pos: &[[f64; 2]], half: &[[f64; 2]]) -> [f64; 4] {
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
fn remove_overlaps(pos: &mut [[f64; 2]], half: &[[f64; 2]], gap: f64) {
    let n = pos.len();
    if n < 2 {
        return;
    }
    let size = Grid::cell_size(half, gap);
    for pass in 0..2000 {
        let grid = Grid::new(pos, size);
        // Past many passes, push a little further each time so jams clear.
        let extra = 0.5 + (pass / 50) as f64;
        let mut moved = false;
        for i in 0..n {
            for j in grid.near(pos[i]) {
                if j > i {
                    moved |= push_apart(pos, half, gap, (i, j), extra);
                }
            }
        }
        if !moved {
            return;
        }
    }
}

/// Pushes boxes `i` and `j` apart along the axis where they overlap least, each by half the
/// overlap (with `gap` to spare) and half of `extra`; false when they do not overlap.
fn push_apart(
    pos: &mut [[f64; 2]],
    half: &[[f64; 2]],
    gap: f64,
    (i, j): (usize, usize),
    extra: f64,
) -> bool {
    let dx = pos[j][0] - pos[i][0];
    let dy = pos[j][1] - pos[i][1];
    let over_x = half[i][0] + half[j][0] + gap - dx.abs();
    let over_y = half[i][1] + half[j][1] + gap - dy.abs();
    if over_x <= 0.0 || over_y <= 0.0 {
        return false;
    }
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
    true
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
