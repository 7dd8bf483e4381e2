//! GEXF 1.3 (<http://gexf.net/1.3>) for a network: Gephi's own format, also read by networkx
//! (`read_gexf`).
//!
//! One static graph with `defaultedgetype="directed"`; nodes are `n0`, `n1`… (petgraph's node
//! order) with their name as the `label` attribute and `type` (person, organization, event,
//! place, other) and `iri` as declared node attributes; edges are `e0`, `e1`… with the role or
//! part as `label`, the number of sentences (at least 1) as `weight`, and `kind` (membership,
//! participation, partof, location, custom), `evidence` (the sentences, joined with " | ") and
//! `reports` (the report IRIs, joined with a space) as declared edge attributes — the same
//! attributes the GraphML export writes.
//!
//! It reads the `Network` only, never the store, and writes through quick-xml. Since GEXF keeps
//! every value in an XML attribute, where a reader turns a raw line break into a space, line
//! breaks and tabs are written as character references so sentences survive unchanged.

use super::graphml::{edge_id, evidence_text, node_id, reports_text, weight, xml_chars};
use crate::network::Network;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::io::{self, Write};

const GEXF_NS: &str = "http://gexf.net/1.3";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA_LOCATION: &str = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd";

/// The declared node attributes: id and title (both strings).
const NODE_ATTRIBUTES: [&str; 2] = ["type", "iri"];
/// The declared edge attributes (label and weight are GEXF's own edge attributes).
const EDGE_ATTRIBUTES: [&str; 3] = ["kind", "evidence", "reports"];

/// Writes `net` as GEXF 1.3.
pub fn write(net: &Network, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("gexf").with_attributes([
        ("xmlns", GEXF_NS),
        ("xmlns:xsi", XSI_NS),
        ("xsi:schemaLocation", SCHEMA_LOCATION),
        ("version", "1.3"),
    ]);
    w.write_event(Event::Start(root))?;
    w.create_element("meta").write_inner_content(|w| {
        w.create_element("creator")
            .write_text_content(BytesText::new("ties"))?;
        w.create_element("description")
            .write_text_content(BytesText::new(
                "People, organisations and events read from reports, and their ties",
            ))?;
        Ok(())
    })?;
    w.create_element("graph")
        .with_attributes([("defaultedgetype", "directed"), ("mode", "static")])
        .write_inner_content(|w| {
            declare(w, "node", &NODE_ATTRIBUTES)?;
            declare(w, "edge", &EDGE_ATTRIBUTES)?;
            w.create_element("nodes").write_inner_content(|w| {
                for n in net.graph.node_indices() {
                    let node = &net.graph[n];
                    let id = node_id(n.index());
                    w.create_element("node")
                        .with_attribute(attr("id", &id))
                        .with_attribute(attr("label", &node.label))
                        .write_inner_content(|w| {
                            attvalues(w, &[("type", node.kind.name()), ("iri", &node.id)])
                        })?;
                }
                Ok(())
            })?;
            w.create_element("edges").write_inner_content(|w| {
                for e in net.graph.edge_indices() {
                    let (a, b) = net.graph.edge_endpoints(e).expect("an edge of this graph");
                    let edge = &net.graph[e];
                    let (evidence, reports) = (evidence_text(edge), reports_text(edge));
                    w.create_element("edge")
                        .with_attribute(attr("id", &edge_id(e.index())))
                        .with_attribute(attr("source", &node_id(a.index())))
                        .with_attribute(attr("target", &node_id(b.index())))
                        .with_attribute(attr("label", &edge.label))
                        .with_attribute(attr("weight", &format!("{:.1}", weight(edge))))
                        .write_inner_content(|w| {
                            attvalues(
                                w,
                                &[
                                    ("kind", edge.kind.name()),
                                    ("evidence", &evidence),
                                    ("reports", &reports),
                                ],
                            )
                        })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    w.write_event(Event::End(BytesEnd::new("gexf")))?;
    w.into_inner().write_all(b"\n")
}

/// `<attributes class="…" mode="static">` declaring string attributes whose id is their title.
fn declare<W: Write>(w: &mut Writer<W>, class: &str, names: &[&str]) -> io::Result<()> {
    w.create_element("attributes")
        .with_attributes([("class", class), ("mode", "static")])
        .write_inner_content(|w| {
            for name in names {
                w.create_element("attribute")
                    .with_attributes([("id", *name), ("title", *name), ("type", "string")])
                    .write_empty()?;
            }
            Ok(())
        })?;
    Ok(())
}

/// `<attvalues>` with one `<attvalue for="…" value="…"/>` per pair.
fn attvalues<W: Write>(w: &mut Writer<W>, values: &[(&str, &str)]) -> io::Result<()> {
    w.create_element("attvalues").write_inner_content(|w| {
        for (key, value) in values {
            w.create_element("attvalue")
                .with_attribute(attr("for", key))
                .with_attribute(attr("value", value))
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

/// An attribute whose value is escaped by quick-xml, with tabs and line breaks then written as
/// character references so attribute-value normalisation does not turn them into spaces.
fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let escaped = quick_xml::escape::escape(xml_chars(value));
    let value = if escaped.contains(['\t', '\n', '\r']) {
        escaped
            .replace('\t', "&#9;")
            .replace('\n', "&#10;")
            .replace('\r', "&#13;")
    } else {
        escaped.into_owned()
    };
    Attribute {
        key: quick_xml::name::QName(key.as_bytes()),
        value: value.into_bytes().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graphml::tests::{parse, sample};
    use crate::network::{EdgeKind, Evidence, Node, NodeKind};

    fn gexf(net: &Network) -> Vec<u8> {
        let mut out = Vec::new();
        write(net, &mut out).unwrap();
        out
    }

    #[test]
    fn gexf_parses_back_with_every_node_and_edge() {
        let xml = gexf(&sample());
        let (counts, values, texts) = parse(&xml);
        assert_eq!(counts["gexf"], 1);
        assert_eq!(counts["node"], 3);
        assert_eq!(counts["edge"], 3);
        assert_eq!(counts["attributes"], 2);
        assert_eq!(
            counts["attribute"],
            NODE_ATTRIBUTES.len() + EDGE_ATTRIBUTES.len()
        );
        assert_eq!(counts["attvalue"], 3 * 2 + 3 * 3);
        assert!(texts.contains("ties"));
        for v in [
            "directed",
            "Zoë \"Z\" O'Brien",
            "Smith & Sons <Union>",
            "https://example.org/id/union?a=1&b=2",
            "speaker & guest",
            "Zoë chairs Smith & Sons <Union>. | Again, \"chair\" Zoë .",
            "https://example.org/report/1 https://example.org/report/2",
            "2.0",
        ] {
            assert!(
                values.iter().any(|x| x == v),
                "{v} is missing from {values:?}"
            );
        }
    }

    #[test]
    fn line_breaks_survive_in_attribute_values() {
        let mut net = Network::default();
        let a = net.add_node(Node {
            id: "a".into(),
            kind: NodeKind::Event,
            label: "Session\tone".into(),
        });
        let b = net.add_node(Node {
            id: "b".into(),
            kind: NodeKind::Event,
            label: "Congress".into(),
        });
        net.add_edge(
            a,
            b,
            EdgeKind::PartOf,
            "part of",
            Some(Evidence {
                report: "r".into(),
                sentence: "Line one\nline two.".into(),
            }),
        );
        let xml = gexf(&net);
        let (_, values, _) = parse(&xml);
        assert!(values.iter().any(|v| v == "Line one\nline two."));
        assert!(values.iter().any(|v| v == "Session\tone"));
        assert!(values.iter().any(|v| v == "partof"));
    }
}
