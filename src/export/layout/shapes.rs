//! Node shapes by kind (people as ellipses, organisations as boxes, events as notes, places as
//! hexagons, the rest as rounded boxes): their size around a label, where a line from the
//! centre leaves them, and their SVG outline in the shared palette (`style::kind_style`).
//!
//! It draws one node at a time from its kind, centre and size: it must not touch the
//! `Network`, the store or SPARQL.

use crate::export::style::kind_style;
use crate::network::NodeKind;
use std::fmt::Write as _;

/// Half width and height of the shape around a text block of `tw` × `th`.
pub(super) fn shape_half(kind: NodeKind, tw: f64, th: f64) -> [f64; 2] {
    match kind {
        // An ellipse holding the text box: the box's corners fall just inside it.
        NodeKind::Person => [tw / 2.0 * 1.15 + 10.0, th / 2.0 * 1.15 + 8.0],
        NodeKind::Place => [tw / 2.0 + 18.0, th / 2.0 + 7.0],
        NodeKind::Event => [tw / 2.0 + 12.0, th / 2.0 + 7.0],
        NodeKind::Organization | NodeKind::Other => [tw / 2.0 + 9.0, th / 2.0 + 7.0],
    }
}

/// The point where the ray from the centre of a node's shape towards `(dx, dy)` leaves it.
pub(super) fn boundary(kind: NodeKind, h: [f64; 2], dx: f64, dy: f64) -> (f64, f64) {
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
pub(super) fn box_exit(h: [f64; 2], dx: f64, dy: f64) -> f64 {
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
pub(super) fn shape(out: &mut String, kind: NodeKind, [x, y]: [f64; 2], [w, h]: [f64; 2]) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
