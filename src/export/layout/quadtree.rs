//! A Barnes–Hut quadtree over points, for repulsion between many nodes in O(n log n): a cell
//! far enough away (its size / distance below [`THETA`]) pushes as one body at its centre of
//! mass.
//!
//! Pure geometry on positions: it must not touch the `Network`, the store or SPARQL.

use super::placement::bounds;

/// Barnes–Hut opening angle: a cell is taken as one body when its size / distance is below this.
const THETA: f64 = 0.9;

/// A Barnes–Hut quadtree over points, for repulsion in O(n log n).
pub(super) struct QuadTree {
    cells: Vec<Cell>,
}

/// A square of the tree, with the number and summed positions of the points inside it.
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

/// `Cell::body` of a leaf with no one point.
const EMPTY: usize = usize::MAX;
/// Below this depth, points are not told apart (they coincide or nearly).
const MAX_DEPTH: usize = 48;

impl QuadTree {
    /// The tree over the points `pos`, its root square holding them all.
    pub(super) fn build(pos: &[[f64; 2]]) -> QuadTree {
        let b = bounds(pos, &vec![[0.0, 0.0]; pos.len()]);
        let half = ((b[2] - b[0]).max(b[3] - b[1]) / 2.0).max(1.0) * 1.01;
        let root = Cell::empty((b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0, half);
        let mut tree = QuadTree { cells: vec![root] };
        for i in 0..pos.len() {
            tree.insert(pos, i);
        }
        tree
    }

    /// Files point `i` in the tree, splitting the leaf it falls in when that already holds one.
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
                    self.cells.push(Cell::empty(
                        cx + if q & 1 == 1 { h } else { -h },
                        cy + if q & 2 == 2 { h } else { -h },
                        h,
                    ));
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

    /// Which of `cell`'s four children holds the point: bit 0 for the right, bit 1 for the bottom.
    fn quadrant(cell: &Cell, [x, y]: [f64; 2]) -> usize {
        usize::from(x >= cell.cx) + 2 * usize::from(y >= cell.cy)
    }

    /// The repulsion (k² / d per body) on point `i` from all others.
    pub(super) fn repulsion(&self, pos: &[[f64; 2]], i: usize, k2: f64) -> [f64; 2] {
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
    /// An empty leaf centred on (`cx`, `cy`), `half` wide either way.
    fn empty(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            children: 0,
            body: EMPTY,
        }
    }

    /// Counts the point (`x`, `y`) in the cell's mass and centre of mass.
    fn add(&mut self, x: f64, y: f64) {
        self.mass += 1.0;
        self.mx += x;
        self.my += y;
    }
}

#[cfg(test)]
mod tests {
    use super::super::forces::separation;
    use super::*;

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
}
