//! RDF files and Graph Store bodies parsed whole into quads before anything is written, and
//! RDF/XML entity bombs refused before the parser sees them. Nothing is fetched. This module
//! does not write to any store.

use crate::error::{Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedNode, Quad};
use std::path::Path;

/// The RDF formats ties loads as they are, by file extension.
pub fn rdf_format_of(path: &Path) -> Option<RdfFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    RdfFormat::from_extension(&ext)
}

/// Parses a whole RDF file into quads before anything is written, so a broken file leaves the
/// store as it was. Triples outside any named graph go into `default_graph`.
pub fn parse_rdf(path: &Path, bytes: &[u8], default_graph: &NamedNode) -> Result<Vec<Quad>> {
    let format = rdf_format_of(path).ok_or_else(|| {
        Error::input(
            path,
            "not an RDF file ties knows (.ttl .nt .nq .trig .rdf .jsonld)",
        )
    })?;
    let quads = parse_quads(
        format,
        bytes,
        GraphNameRef::NamedNode(default_graph.as_ref()),
    )
    .map_err(|e| Error::input(path, e.to_string()))?;
    if quads.is_empty() {
        return Err(Error::input(path, "the file holds no RDF statements"));
    }
    Ok(quads)
}

/// Why RDF bytes were not parsed.
#[derive(Debug, thiserror::Error)]
pub enum RdfRefusal {
    /// RDF/XML whose DOCTYPE declares entities that would expand past the limits (an XML
    /// "billion laughs" bomb); refused before parsing, since the parser expands them whole.
    #[error("refused: the RDF/XML's DOCTYPE declares entities that expand to {size} bytes or more (entity {name:?}); at most {limit} are accepted, so an XML entity bomb cannot fill the memory. Write the values out, or drop the <!ENTITY> declarations")]
    EntityExpansion {
        name: String,
        size: usize,
        limit: usize,
    },
    /// The bytes are not valid RDF of the format.
    #[error("broken {format}: {message}")]
    Broken {
        format: &'static str,
        message: String,
    },
}

/// The most bytes one XML entity may expand to, and all entity references of a document
/// together: no RDF/XML file names an IRI prefix this long.
pub const MAX_XML_ENTITY_BYTES: usize = 1 << 20;

/// Parses RDF bytes of `format` whole into quads (triples go into `default_graph`), refusing an
/// RDF/XML entity bomb before the parser sees it. Nothing is fetched: a JSON-LD remote
/// `@context` is an error, and RDF/XML external entities are not read.
pub fn parse_quads(
    format: RdfFormat,
    bytes: &[u8],
    default_graph: GraphNameRef<'_>,
) -> std::result::Result<Vec<Quad>, RdfRefusal> {
    if format == RdfFormat::RdfXml {
        check_xml_entities(bytes)?;
    }
    RdfParser::from_format(format)
        .with_default_graph(default_graph)
        .for_slice(bytes)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| RdfRefusal::Broken {
            format: format.name(),
            message: e.to_string(),
        })
}

/// Refuses XML whose internal DOCTYPE subset declares entities that expand past
/// [`MAX_XML_ENTITY_BYTES`], alone or by all their references in the document together.
/// Oxigraph's RDF/XML parser expands each `<!ENTITY name "value">` into a string as it reads the
/// declaration, with no limit: ten entities each naming the previous ten times make 3 GB from
/// under 1 KB. This reads the declarations the way that parser does (double-quoted values,
/// references to entities declared before) and adds up sizes without expanding anything.
pub fn check_xml_entities(bytes: &[u8]) -> std::result::Result<(), RdfRefusal> {
    let text = String::from_utf8_lossy(bytes);
    let Some(start) = text.find("<!DOCTYPE") else {
        return Ok(());
    };
    let limit = MAX_XML_ENTITY_BYTES;
    let too_big = |name: &str, size: usize| RdfRefusal::EntityExpansion {
        name: name.to_owned(),
        size,
        limit,
    };
    let mut sizes: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let rest = &text[start..];
    for piece in rest.split('<').skip(1) {
        let Some(decl) = piece.strip_prefix("!ENTITY") else {
            continue;
        };
        let decl = decl.trim_start();
        let decl = decl.strip_prefix('%').unwrap_or(decl).trim_start();
        let Some((name, value)) = decl.split_once(|c: char| c.is_ascii_whitespace()) else {
            continue;
        };
        let Some(value) = value.trim_start().strip_prefix('"') else {
            continue;
        };
        let value = value.split_once('"').map_or(value, |(v, _)| v);
        let size = expanded_size(value, &sizes);
        if size > limit {
            return Err(too_big(name, size));
        }
        sizes.insert(name, size);
    }
    if sizes.is_empty() {
        return Ok(());
    }
    // Every reference in the document (declarations included: counting them again only
    // overestimates) adds its entity's size.
    let total = expanded_size(rest, &sizes);
    if total > limit.saturating_add(rest.len()) {
        let name = sizes
            .iter()
            .max_by_key(|(_, size)| **size)
            .map_or("", |(name, _)| *name);
        return Err(too_big(name, total));
    }
    Ok(())
}

/// The length of `value` with each `&name;` of a known entity replaced by that entity's size
/// (saturating: a bomb's sizes overflow).
fn expanded_size(value: &str, sizes: &std::collections::HashMap<&str, usize>) -> usize {
    let mut size = 0usize;
    let mut rest = value;
    while let Some(amp) = rest.find('&') {
        size = size.saturating_add(amp);
        let after = &rest[amp + 1..];
        match after.find(';').map(|end| (&after[..end], end)) {
            Some((name, end)) if sizes.contains_key(name) => {
                size = size.saturating_add(sizes[name]);
                rest = &after[end + 1..];
            }
            _ => {
                size = size.saturating_add(1);
                rest = after;
            }
        }
    }
    size.saturating_add(rest.len())
}
#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn every_rdf_extension_a_folder_walk_takes_is_one_the_store_parses() {
        for ext in crate::pipeline::RDF_EXTENSIONS {
            let path = PathBuf::from(format!("data.{ext}"));
            assert!(rdf_format_of(&path).is_some(), "{ext}");
        }
    }

    /// An RDF/XML "billion laughs": `depth` entities, each naming the one before `fan` times.
    pub(crate) fn laughs(depth: usize, fan: usize) -> String {
        let mut doc =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY lol0 \"lol\">\n");
        for i in 1..=depth {
            let refs = format!("&lol{};", i - 1).repeat(fan);
            doc.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
        }
        doc.push_str(&format!(
            "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n<rdf:Description rdf:about=\"http://ex.org/a\"><ex:p>&lol{depth};</ex:p></rdf:Description>\n</rdf:RDF>\n"
        ));
        doc
    }

    #[test]
    fn xml_entity_bombs_are_refused_and_small_entities_pass() {
        let g = NamedNode::new_unchecked("urn:ties:file/x");
        let bomb = laughs(9, 10);
        let err = parse_rdf(Path::new("x.rdf"), bomb.as_bytes(), &g)
            .unwrap_err()
            .to_string();
        assert!(err.contains("entity") && err.contains("refused"), "{err}");
        // Many references to an entity within the limit add up past it.
        let mut many = laughs(4, 10);
        let refs = "&lol4;".repeat(200);
        many = many.replace("<ex:p>&lol4;</ex:p>", &format!("<ex:p>{refs}</ex:p>"));
        assert!(check_xml_entities(many.as_bytes()).is_err());
        // Entities naming namespaces, as ontologies write them, are fine.
        let fine = laughs(2, 3);
        let quads = parse_rdf(Path::new("x.rdf"), fine.as_bytes(), &g).unwrap();
        assert_eq!(quads.len(), 1);
        assert!(quads[0].object.to_string().contains(&"lol".repeat(9)));
    }

    #[test]
    fn broken_rdf_is_refused_whole() {
        let g = NamedNode::new_unchecked("urn:ties:report/f");
        let good = b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> \"d\" .\n";
        assert_eq!(parse_rdf(Path::new("x.nt"), good, &g).unwrap().len(), 2);
        let bad = b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b .\n";
        let err = parse_rdf(Path::new("x.nt"), bad, &g)
            .unwrap_err()
            .to_string();
        assert!(err.contains("broken"), "{err}");
    }
}
