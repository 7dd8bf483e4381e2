//! Step 1 of the layout: Fruchterman–Reingold on one connected component. Attraction along
//! ties, repulsion between all nodes (exact up to [`EXACT_LIMIT`] nodes, Barnes–Hut above), a
//! weak pull to the centre and a cooling schedule; the second half of the run measures the
//! free space between boxes rather than between centres, and small components push nodes off
//! ties they are not part of. Start positions are a sunflower spiral: no randomness.
//!
//! Pure geometry on node indices, positions and box sizes: it must not touch the `Network`,
//! the store or SPARQL.

use super::grid::Grid;
use super::quadtree::QuadTree;
use super::shapes::box_exit;
use super::{BORDER_K, EXACT_LIMIT};

/// Nodes × edges up to which nodes are pushed off ties they are not part of (the cost of a
/// step of that pass).
const EDGE_NODE_BUDGET: usize = 500_000;

/// Fruchterman–Reingold on one connected component: boxes of half-sizes `half`, tied by
/// `edges`, each tie wanting `room` px between its boxes.
pub(super) fn force_directed(
    half: &[[f64; 2]],
    edges: &[(usize, usize)],
    room: &[f64],
) -> Vec<[f64; 2]> {
    let n = half.len();
    if n == 1 {
        return vec![[0.0, 0.0]];
    }
    // The ideal tie length: room for two average boxes side by side and a label between.
    let mean = half.iter().map(|h| h[0] + h[1]).sum::<f64>() / n as f64;
    let k = mean * 0.75 + 15.0;
    let forces = Forces {
        half,
        edges,
        room,
        k,
    };
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
        forces.add(&pos, border, &mut disp);
        step(&mut pos, &disp, t);
    }
    pos
}

/// The forces on one component's nodes.
struct Forces<'a> {
    half: &'a [[f64; 2]],
    edges: &'a [(usize, usize)],
    room: &'a [f64],
    /// The ideal tie length between centres, px.
    k: f64,
}

impl Forces<'_> {
    /// Adds one iteration's forces to `disp`: repulsion, attraction along ties, pushes off ties
    /// (late in small runs) and a pull to the centre. In the `border` phase, distances are
    /// measured between box borders.
    fn add(&self, pos: &[[f64; 2]], border: bool, disp: &mut [[f64; 2]]) {
        let n = pos.len();
        if n <= EXACT_LIMIT {
            self.repel_exactly(pos, border, disp);
        } else {
            self.repel_by_barnes_hut(pos, border, disp);
        }
        self.attract(pos, border, disp);
        // Late in small runs, nodes lying on a tie they are not part of are pushed off it (and
        // the tie the other way), so no line runs under a label.
        if border && n * self.edges.len() <= EDGE_NODE_BUDGET {
            clear_ties(pos, self.half, self.edges, disp);
        }
        pull_to_centre(pos, border, disp);
    }

    /// Repulsion between every pair of nodes, O(n²).
    fn repel_exactly(&self, pos: &[[f64; 2]], border: bool, disp: &mut [[f64; 2]]) {
        let (half, k) = (self.half, self.k);
        let n = pos.len();
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = separation(pos, i, j);
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
    }

    /// Repulsion by Barnes–Hut between centres; in the border phase, near pairs are then
    /// corrected to the border measure.
    fn repel_by_barnes_hut(&self, pos: &[[f64; 2]], border: bool, disp: &mut [[f64; 2]]) {
        let (half, k) = (self.half, self.k);
        let k2 = if border { BORDER_K * BORDER_K } else { k * k };
        let tree = QuadTree::build(pos);
        for (i, d) in disp.iter_mut().enumerate() {
            *d = tree.repulsion(pos, i, k2);
        }
        if border {
            near_pairs(pos, half, BORDER_K, |i, j| {
                let (dx, dy) = separation(pos, i, j);
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

    /// Attraction along each tie, towards the length it wants.
    fn attract(&self, pos: &[[f64; 2]], border: bool, disp: &mut [[f64; 2]]) {
        let (half, k) = (self.half, self.k);
        let n = pos.len();
        for (&(a, b), &want) in self.edges.iter().zip(self.room) {
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
    }
}

/// A weak pull to the centre keeps loosely tied branches from drifting far out.
fn pull_to_centre(pos: &[[f64; 2]], border: bool, disp: &mut [[f64; 2]]) {
    let (cx, cy) = centroid(pos);
    let gravity = if border { 0.02 } else { 0.05 };
    for (p, d) in pos.iter().zip(disp.iter_mut()) {
        d[0] -= (p[0] - cx) * gravity;
        d[1] -= (p[1] - cy) * gravity;
    }
}

/// Moves each node along its displacement, by at most the temperature `t`.
fn step(pos: &mut [[f64; 2]], disp: &[[f64; 2]], t: f64) {
    for (p, d) in pos.iter_mut().zip(disp) {
        let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
        if len > 0.0 {
            let step = len.min(t) / len;
            p[0] += d[0] * step;
            p[1] += d[1] * step;
        }
    }
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
    let grid = Grid::new(pos, Grid::cell_size(half, margin));
    for i in 0..pos.len() {
        for j in grid.near(pos[i]) {
            if j > i
                && (pos[j][0] - pos[i][0]).abs() < half[i][0] + half[j][0] + margin
                && (pos[j][1] - pos[i][1]).abs() < half[i][1] + half[j][1] + margin
            {
                f(i, j);
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
pub(super) fn separation(pos: &[[f64; 2]], i: usize, j: usize) -> (f64, f64) {
    let dx = pos[i][0] - pos[j][0];
    let dy = pos[i][1] - pos[j][1];
    if dx == 0.0 && dy == 0.0 {
        let angle = (i * 31 + j * 17) as f64;
        (angle.cos() * 0.01, angle.sin() * 0.01)
    } else {
        (dx, dy)
    }
}

/// The mean of the points (the origin when there are none).
pub(super) fn centroid(pos: &[[f64; 2]]) -> (f64, f64) {
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
