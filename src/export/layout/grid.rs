//! A grid of square-ish cells over node centres, for finding the boxes near a box without
//! looking at every pair: cells are as big as the largest box plus a margin, so two boxes less
//! than that margin apart sit in the same or neighbouring cells.
//!
//! Pure geometry on positions and sizes: it must not touch the `Network`, the store or SPARQL.

use std::collections::HashMap;

/// Node indices by the cell their centre falls in.
pub(super) struct Grid {
    size: [f64; 2],
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl Grid {
    /// The cell size for boxes of half-sizes `half` wanting `margin` between them.
    pub(super) fn cell_size(half: &[[f64; 2]], margin: f64) -> [f64; 2] {
        [
            2.0 * half.iter().map(|h| h[0]).fold(0.0, f64::max) + margin,
            2.0 * half.iter().map(|h| h[1]).fold(0.0, f64::max) + margin,
        ]
    }

    /// The points `pos` filed in cells of `size`.
    pub(super) fn new(pos: &[[f64; 2]], size: [f64; 2]) -> Grid {
        let mut grid = Grid {
            size,
            cells: HashMap::new(),
        };
        for (i, p) in pos.iter().enumerate() {
            let key = grid.key(*p);
            grid.cells.entry(key).or_default().push(i);
        }
        grid
    }

    fn key(&self, p: [f64; 2]) -> (i64, i64) {
        (
            (p[0] / self.size[0]).floor() as i64,
            (p[1] / self.size[1]).floor() as i64,
        )
    }

    /// The points filed in the cell of `p` and the eight around it, column by column (left to
    /// right, top to bottom within a column), each cell's points in index order.
    pub(super) fn near(&self, p: [f64; 2]) -> impl Iterator<Item = usize> + '_ {
        let (gx, gy) = self.key(p);
        (-1..=1)
            .flat_map(move |ox| (-1..=1).map(move |oy| (gx + ox, gy + oy)))
            .filter_map(|cell| self.cells.get(&cell))
            .flat_map(|cell| cell.iter().copied())
    }
}
