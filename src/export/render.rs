//! Pictures of a network (SVG or PNG): drawn by Graphviz when it is installed, else by the
//! built-in layout (`layout`), and the caller is told which, and why.
//!
//! Graphviz is looked for on PATH (no shell is run) and run on the DOT from `dot::to_dot_with`
//! under a time limit ([`TIME_LIMIT`]), killed when it runs over. The engine is picked by size
//! and shape: `dot` for small graphs (≤ [`DOT_MAX_NODES`] nodes) or tree-like ones (no more
//! edges than nodes), as long as its layered drawing would not come out as a long strip (see
//! [`plan_for`]); `sfdp` for the rest — `dot` ran for over 10 minutes on random 1,000-node
//! graphs, where `sfdp` took 0.4 s (and 26 s for 10,000 nodes). For `sfdp`, edge labels become
//! small nodes halfway along their edges, so the layout leaves room for them. When Graphviz is
//! missing, fails or times out — or `TIES_NO_GRAPHVIZ=1` is set — the built-in layout draws the
//! SVG, and resvg rasterises it for PNG.
//!
//! This module reads the `Network` only: it must never read the store.

use super::dot::{to_dot_with, DotOptions};
use super::layout;
use crate::error::{Error, Result};
use crate::network::Network;
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The picture formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    Svg,
    Png,
}

impl Image {
    fn flag(self) -> &'static str {
        match self {
            Image::Svg => "-Tsvg",
            Image::Png => "-Tpng",
        }
    }
}

/// Who drew a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renderer {
    /// Graphviz, with this layout engine (`dot` or `sfdp`).
    Graphviz(String),
    /// The built-in layout, and why Graphviz was not used.
    BuiltIn(Fallback),
}

/// Why the built-in layout drew a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    /// `TIES_NO_GRAPHVIZ` is set.
    Disabled,
    /// No `dot` on PATH.
    NotFound,
    /// Graphviz exited with an error (its first line of complaint).
    Failed(String),
    /// Graphviz ran past the time limit with this engine and was stopped.
    TimedOut { engine: String, seconds: u64 },
}

impl fmt::Display for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Renderer::Graphviz(engine) => write!(f, "drawn by Graphviz {engine}"),
            Renderer::BuiltIn(why) => write!(f, "drawn by the built-in layout ({why})"),
        }
    }
}

impl fmt::Display for Fallback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fallback::Disabled => write!(f, "Graphviz turned off by TIES_NO_GRAPHVIZ"),
            Fallback::NotFound => write!(f, "Graphviz not found"),
            Fallback::Failed(why) => write!(f, "Graphviz failed: {why}"),
            Fallback::TimedOut { engine, seconds } => {
                write!(f, "Graphviz {engine} stopped after {seconds} s")
            }
        }
    }
}

/// How long Graphviz may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Graphs of up to this many nodes are drawn by `dot`; larger ones by `sfdp` unless tree-like.
pub const DOT_MAX_NODES: usize = 150;
/// Tree-like graphs (edges ≤ nodes) are drawn by `dot` up to this size; `dot` slows down past it.
const DOT_MAX_TREE_NODES: usize = 3000;
/// Above this many edges, Graphviz gets no edge labels and straight edges (labels are clutter
/// at that size, and spline routing dominates the running time).
const LABEL_EDGE_LIMIT: usize = layout::EDGE_LABEL_LIMIT;

/// Draws `net` as `image` into `out`: Graphviz when installed (unless `TIES_NO_GRAPHVIZ=1`),
/// else the built-in layout. Says who drew it.
pub fn render(net: &Network, image: Image, out: &mut dyn Write) -> Result<Renderer> {
    let disabled = std::env::var_os("TIES_NO_GRAPHVIZ").is_some_and(|v| !v.is_empty() && v != "0");
    render_with(net, image, out, !disabled, TIME_LIMIT)
}

/// [`render`], with Graphviz allowed or not and its time limit given.
pub(crate) fn render_with(
    net: &Network,
    image: Image,
    out: &mut dyn Write,
    allow_graphviz: bool,
    limit: Duration,
) -> Result<Renderer> {
    let why = if !allow_graphviz {
        Fallback::Disabled
    } else {
        match graphviz(net, image, limit) {
            Ok((engine, bytes)) => {
                out.write_all(&bytes)?;
                return Ok(Renderer::Graphviz(engine));
            }
            Err(why) => why,
        }
    };
    let svg = layout::svg(net);
    match image {
        Image::Svg => out.write_all(svg.as_bytes())?,
        Image::Png => out.write_all(&rasterise(&svg)?)?,
    }
    Ok(Renderer::BuiltIn(why))
}

/// How Graphviz is to draw a network: the engine, and for `dot` the direction of its ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    pub engine: &'static str,
    pub rankdir: Option<&'static str>,
}

/// Layered drawings further from square than this go to `sfdp` instead (twice this for a
/// connected graph).
const MAX_ASPECT: f64 = 3.0;

/// The Graphviz engine for `net`: `dot` for small or tree-like graphs that it draws compactly,
/// else `sfdp` (see [`plan_for`]).
pub fn engine_for(net: &Network) -> &'static str {
    plan_for(net).engine
}

/// `dot` for small or tree-like graphs — as long as its layered drawing, ranks top to bottom or
/// left to right, comes out no more than [`MAX_ASPECT`] times longer than wide (shallow graphs
/// with many loose nodes, as extraction gives, would otherwise be drawn as one long strip: 86
/// nodes of the sample reports came out 20,000 × 600 px) — else `sfdp`.
pub(crate) fn plan_for(net: &Network) -> Plan {
    let (n, e) = (net.graph.node_count(), net.graph.edge_count());
    if n <= DOT_MAX_NODES || (e <= n && n <= DOT_MAX_TREE_NODES) {
        if n == 0 {
            return Plan {
                engine: "dot",
                rankdir: None,
            };
        }
        let (tb, lr, components) = layered_extents(net);
        let aspect = |(w, h): (f64, f64)| (w / h).max(h / w);
        let (a_tb, a_lr) = (aspect(tb), aspect(lr));
        // One chain of ties is long whatever draws it; many pieces need not be.
        let most = if components == 1 {
            2.0 * MAX_ASPECT
        } else {
            MAX_ASPECT
        };
        if a_tb.min(a_lr) <= most {
            return Plan {
                engine: "dot",
                rankdir: (a_lr < a_tb).then_some("LR"),
            };
        }
    }
    Plan {
        engine: "sfdp",
        rankdir: None,
    }
}

/// Rough sizes (width, height in points) of `dot`'s drawing of `net` with ranks top to bottom,
/// and left to right, and the number of connected components. Ranks are longest paths from the sources (cycles broken at the lowest
/// index); components sit side by side across the ranks, as `dot` puts them.
fn layered_extents(net: &Network) -> ((f64, f64), (f64, f64), usize) {
    use petgraph::graph::NodeIndex;
    use petgraph::Direction::{Incoming, Outgoing};
    const NODE_H: f64 = 36.0;
    const NODESEP: f64 = 22.0;
    const RANKSEP: f64 = 43.0;
    let n = net.graph.node_count();
    let mut indegree: Vec<usize> = (0..n)
        .map(|i| {
            net.graph
                .neighbors_directed(NodeIndex::new(i), Incoming)
                .count()
        })
        .collect();
    let mut rank = vec![0usize; n];
    let mut done = vec![false; n];
    let mut queue: std::collections::VecDeque<usize> =
        (0..n).filter(|&i| indegree[i] == 0).collect();
    let (mut processed, mut lowest) = (0, 0);
    while processed < n {
        let v = match queue.pop_front() {
            Some(v) => v,
            None => {
                while done[lowest] {
                    lowest += 1;
                }
                lowest
            }
        };
        if done[v] {
            continue;
        }
        done[v] = true;
        processed += 1;
        for w in net.graph.neighbors_directed(NodeIndex::new(v), Outgoing) {
            let w = w.index();
            if !done[w] {
                rank[w] = rank[w].max(rank[v] + 1);
                indegree[w] = indegree[w].saturating_sub(1);
                if indegree[w] == 0 {
                    queue.push_back(w);
                }
            }
        }
    }
    let width: Vec<f64> = net
        .graph
        .node_weights()
        .map(|node| layout::text_width(&node.label, 12.0) + 24.0)
        .collect();
    let edges: Vec<(usize, usize)> = net
        .graph
        .edge_indices()
        .filter_map(|e| net.graph.edge_endpoints(e))
        .map(|(a, b)| (a.index(), b.index()))
        .collect();
    let (mut tb, mut lr) = ((0.0f64, 0.0f64), (0.0f64, 0.0f64));
    let components = layout::components(n, &edges);
    let count_components = components.len();
    for members in components {
        let depth = members.iter().map(|&m| rank[m]).max().unwrap_or(0) + 1;
        let (mut across, mut count, mut widest) =
            (vec![0.0; depth], vec![0usize; depth], vec![0.0f64; depth]);
        for &m in &members {
            across[rank[m]] += width[m] + NODESEP;
            count[rank[m]] += 1;
            widest[rank[m]] = widest[rank[m]].max(width[m]);
        }
        // Top to bottom: components side by side.
        tb.0 += across.iter().copied().fold(0.0, f64::max);
        tb.1 = tb.1.max(depth as f64 * (NODE_H + RANKSEP));
        // Left to right: ranks are columns, components stacked.
        lr.0 = lr.0.max(widest.iter().map(|w| w + RANKSEP).sum());
        lr.1 += count.iter().copied().max().unwrap_or(0) as f64 * (NODE_H + NODESEP);
    }
    (tb, lr, count_components)
}

/// Runs Graphviz on `net`; the engine used and the picture, or why not.
fn graphviz(
    net: &Network,
    image: Image,
    limit: Duration,
) -> std::result::Result<(String, Vec<u8>), Fallback> {
    let Plan { engine, rankdir } = plan_for(net);
    // The `sfdp` command when there is one; else `dot -Ksfdp` (the same program).
    let program = find_on_path(engine)
        .or_else(|| find_on_path("dot"))
        .ok_or(Fallback::NotFound)?;
    let large = net.graph.edge_count() >= LABEL_EDGE_LIMIT;
    let options = DotOptions {
        edge_labels: !large,
        splines: if large { "line" } else { "true" },
        label_nodes: engine == "sfdp",
        rankdir,
    };
    let dot = to_dot_with(net, options);
    let mut args = vec![format!("-K{engine}"), image.flag().to_owned()];
    if image == Image::Png {
        // Sharper text than the default 72 dpi, within Graphviz's own bitmap size limits.
        args.push(
            if net.graph.node_count() <= 300 {
                "-Gdpi=144"
            } else {
                "-Gdpi=96"
            }
            .to_owned(),
        );
    }
    let bytes = run(&program, &args, dot.as_bytes(), limit).map_err(|e| match e {
        RunError::TimedOut => Fallback::TimedOut {
            engine: engine.to_owned(),
            seconds: limit.as_secs(),
        },
        RunError::Failed(why) => Fallback::Failed(why),
    })?;
    let looks_right = match image {
        Image::Svg => bytes.windows(4).any(|w| w == b"<svg"),
        Image::Png => bytes.starts_with(b"\x89PNG"),
    };
    if !looks_right {
        return Err(Fallback::Failed("no picture in its output".into()));
    }
    Ok((engine.to_owned(), bytes))
}

/// The first executable called `name` in the directories of PATH.
pub(crate) fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).find_map(|dir| {
        let names = if cfg!(windows) {
            vec![format!("{name}.exe")]
        } else {
            vec![name.to_owned()]
        };
        names
            .into_iter()
            .map(|n| dir.join(n))
            .find(|p| is_executable(p))
    })
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[derive(Debug, PartialEq, Eq)]
enum RunError {
    TimedOut,
    Failed(String),
}

/// Runs `program` with `args`, `input` on its stdin; its stdout, unless it fails or runs past
/// `limit` (then it is killed). Threads feed stdin and drain stdout and stderr, so a chatty
/// program never blocks on a full pipe.
fn run(
    program: &Path,
    args: &[String],
    input: &[u8],
    limit: Duration,
) -> std::result::Result<Vec<u8>, RunError> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| RunError::Failed(format!("cannot start {}: {e}", program.display())))?;
    let input = input.to_vec();
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        // An error here (the program exited early) shows up in its status and stderr.
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let mut stderr = child.stderr.take().expect("stderr is piped");
    let errors = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::Failed(e.to_string()));
            }
        }
    };
    let _ = writer.join();
    let output = reader.join().unwrap_or_default();
    let errors = errors.join().unwrap_or_default();
    match status {
        None => Err(RunError::TimedOut),
        Some(s) if s.success() => Ok(output),
        Some(s) => {
            let text = String::from_utf8_lossy(&errors);
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("");
            Err(RunError::Failed(if first.is_empty() {
                s.to_string()
            } else {
                first.to_owned()
            }))
        }
    }
}

/// Largest side of a built-in PNG, px, and the most pixels one may have.
const MAX_SIDE: f32 = 16_000.0;
const MAX_PIXELS: f32 = 64_000_000.0;

/// PNG bytes of an SVG, drawn by resvg at twice its size (less for very large drawings).
///
/// System fonts are loaded for the labels; if the system has none, the shapes and lines are
/// still drawn but the text is not (resvg draws no text without a font).
pub(crate) fn rasterise(svg: &str) -> Result<Vec<u8>> {
    use resvg::{tiny_skia, usvg};
    let mut options = usvg::Options::default();
    {
        let fonts = options.fontdb_mut();
        fonts.load_system_fonts();
        // The SVG asks for DejaVu Sans, Helvetica or Arial, then sans-serif: make sans-serif
        // some font that is here when none of those are.
        let families: Vec<String> = fonts
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .collect();
        let preferred = [
            "DejaVu Sans",
            "Liberation Sans",
            "Arial",
            "Helvetica",
            "Noto Sans",
            "FreeSans",
        ];
        if let Some(name) = preferred
            .iter()
            .find(|p| families.iter().any(|f| f == *p))
            .map(|s| s.to_string())
            .or(families.first().cloned())
        {
            fonts.set_sans_serif_family(name);
        }
    }
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| Error::Usage(format!("cannot draw the SVG: {e}")))?;
    let size = tree.size();
    let (w, h) = (size.width(), size.height());
    let scale = 2.0f32
        .min(MAX_SIDE / w.max(h))
        .min((MAX_PIXELS / (w * h)).sqrt());
    let (pw, ph) = (
        ((w * scale).ceil() as u32).max(1),
        ((h * scale).ceil() as u32).max(1),
    );
    let mut pixmap = tiny_skia::Pixmap::new(pw, ph)
        .ok_or_else(|| Error::Usage(format!("cannot make a {pw}×{ph} picture")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Io(std::io::Error::other(e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::dot::tests::small;
    use crate::export::layout::tests::random_network;
    use crate::network::{EdgeKind, Node, NodeKind};

    #[test]
    fn built_in_svg_when_graphviz_is_not_allowed() {
        let mut out = Vec::new();
        let r = render_with(&small(), Image::Svg, &mut out, false, TIME_LIMIT).unwrap();
        assert_eq!(r, Renderer::BuiltIn(Fallback::Disabled));
        assert_eq!(
            r.to_string(),
            "drawn by the built-in layout (Graphviz turned off by TIES_NO_GRAPHVIZ)"
        );
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("<?xml") && text.contains("Spring Congress"));
    }

    #[test]
    fn built_in_png_is_a_png() {
        let mut out = Vec::new();
        let r = render_with(&small(), Image::Png, &mut out, false, TIME_LIMIT).unwrap();
        assert!(matches!(r, Renderer::BuiltIn(_)));
        assert!(out.starts_with(b"\x89PNG\r\n\x1a\n"));
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&out).unwrap();
        assert!(pixmap.width() > 100 && pixmap.height() > 50);
    }

    fn net(n: usize, edges: &[(usize, usize)], loose: usize) -> Network {
        let mut net = Network::default();
        let ids: Vec<_> = (0..n + loose)
            .map(|i| {
                net.add_node(Node {
                    id: format!("n{i}"),
                    kind: NodeKind::Person,
                    label: format!("Person {i}"),
                })
            })
            .collect();
        for &(a, b) in edges {
            net.add_edge(ids[a], ids[b], EdgeKind::Custom, "", None);
        }
        net
    }

    #[test]
    fn engine_by_size_and_shape() {
        let plan = |net: &Network| {
            let p = plan_for(net);
            (p.engine, p.rankdir)
        };
        assert_eq!(plan(&small()), ("dot", None));
        assert_eq!(engine_for(&small()), "dot");
        // A chain: a column, top to bottom.
        let chain: Vec<_> = (0..6).map(|i| (i, i + 1)).collect();
        assert_eq!(plan(&net(7, &chain, 0)), ("dot", None));
        // Two stars of 4: one wide rank each, so left to right.
        let stars: Vec<_> = (1..5)
            .map(|i| (i, 0))
            .chain((6..10).map(|i| (i, 5)))
            .collect();
        assert_eq!(plan(&net(10, &stars, 0)), ("dot", Some("LR")));
        // A star of 40: a strip either way, so sfdp.
        let star: Vec<_> = (1..41).map(|i| (i, 0)).collect();
        assert_eq!(plan(&net(41, &star, 0)), ("sfdp", None));
        // Small, but mostly loose nodes: a strip either way, so sfdp.
        assert_eq!(plan(&net(10, &stars, 60)), ("sfdp", None));
        // Large and tangled: never dot.
        assert_eq!(engine_for(&random_network(1000, 2000)), "sfdp");
        assert_eq!(engine_for(&Network::default()), "dot");
    }

    #[test]
    fn graphviz_when_installed_else_the_fallback_says_why() {
        let mut out = Vec::new();
        let r = render_with(&small(), Image::Svg, &mut out, true, TIME_LIMIT).unwrap();
        let text = String::from_utf8(out).unwrap();
        match (&r, find_on_path("dot")) {
            (Renderer::Graphviz(engine), Some(_)) => {
                assert_eq!(engine, "dot");
                assert_eq!(r.to_string(), "drawn by Graphviz dot");
                assert!(text.contains("<svg") && text.contains("Spring Congress"));
                assert!(
                    text.contains("Bakers &amp; Millers Union"),
                    "ampersand kept: {text}"
                );
                assert!(text.contains("José Núñez"));
            }
            (Renderer::BuiltIn(Fallback::NotFound), None) => {
                assert_eq!(
                    r.to_string(),
                    "drawn by the built-in layout (Graphviz not found)"
                )
            }
            (r, _) => panic!("unexpected renderer {r:?}"),
        }
    }

    #[test]
    fn a_slow_program_is_stopped_at_the_time_limit() {
        let Some(sleep) = find_on_path("sleep") else {
            return;
        };
        let start = Instant::now();
        let r = run(&sleep, &["10".to_owned()], b"", Duration::from_millis(200));
        assert_eq!(r, Err(RunError::TimedOut));
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_failing_program_says_why() {
        let Some(sh) = find_on_path("false") else {
            return;
        };
        assert!(matches!(
            run(&sh, &[], b"", TIME_LIMIT),
            Err(RunError::Failed(_))
        ));
        let missing = Path::new("/nonexistent/dot");
        assert!(matches!(
            run(missing, &[], b"", TIME_LIMIT),
            Err(RunError::Failed(_))
        ));
    }

    #[test]
    fn a_large_input_does_not_block_on_pipes() {
        // `cat` echoes 4 MB back: stdin and stdout must be served at the same time.
        let Some(cat) = find_on_path("cat") else {
            return;
        };
        let input = vec![b'x'; 4 << 20];
        assert_eq!(
            run(&cat, &[], &input, TIME_LIMIT).unwrap().len(),
            input.len()
        );
    }
}
