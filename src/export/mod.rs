//! Exporters: a `Network` → DOT, SVG, PNG, GraphML, GEXF or Cytoscape.js JSON.
//!
//! They read the network only (built through the SPARQL layer by `network`), never the store. Pictures come from Graphviz when it is installed (run under a time limit, the engine
//! picked by the graph's size), else from a pure-Rust force-directed layout and SVG writer.

pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod layout;
pub mod render;
mod style;

use crate::error::{Error, Result};
use crate::network::Network;
use std::io::Write;

/// The formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    #[cfg_attr(feature = "cli", value(alias = "gv"))]
    Dot,
    Svg,
    Png,
    Graphml,
    Gexf,
    Json,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        Some(match s.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Format::Dot,
            "svg" => Format::Svg,
            "png" => Format::Png,
            "graphml" => Format::Graphml,
            "gexf" => Format::Gexf,
            "json" => Format::Json,
            _ => return None,
        })
    }

    /// The format a file name asks for, by its extension.
    pub fn of_file(path: &std::path::Path) -> Option<Format> {
        Format::parse(path.extension()?.to_str()?)
    }
}

/// How a picture was made, for the command line to say.
pub use render::Renderer;

/// Writes `net` in `format`; for pictures, says which renderer drew it.
pub fn export(net: &Network, format: Format, out: &mut dyn Write) -> Result<Option<Renderer>> {
    match format {
        Format::Dot => {
            out.write_all(dot::to_dot(net).as_bytes())?;
            Ok(None)
        }
        Format::Graphml => Ok(graphml::write(net, out).map(|_| None)?),
        Format::Gexf => Ok(gexf::write(net, out).map(|_| None)?),
        Format::Json => Ok(json::write(net, out).map(|_| None)?),
        Format::Svg => render::render(net, render::Image::Svg, out).map(Some),
        Format::Png => render::render(net, render::Image::Png, out).map(Some),
    }
    .map_err(|e: Error| e)
}
