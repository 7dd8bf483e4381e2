//! GraphML (<http://graphml.graphdrawing.org/xmlns>) for a network: the format networkx
//! (`read_graphml`), Gephi, Cytoscape and yEd read.
//!
//! One directed `<graph>`; nodes are `n0`, `n1`… (petgraph's node order) with `label`, `type`
//! (person, organization, event, place, other) and `iri` attributes; edges are `e0`, `e1`… with
//! `kind` (membership, participation, partof, location, custom), `label` (the role or part),
//! `evidence` (the sentences, joined with " | "), `reports` (the report IRIs, joined with a
//! space) and `weight` (the number of sentences, at least 1). Every attribute is declared with
//! a `<key>`.
//!
//! It reads the `Network` only, never the store, and writes through quick-xml so names and
//! sentences holding `&`, `<` or quotes are escaped; characters XML 1.0 cannot hold at all
//! (control characters from a badly extracted PDF) become spaces rather than a broken file.
//!
//! The small helpers shared by the GEXF and JSON exporters (edge kind names, evidence text,
//! weight) live here too, so the three formats describe an edge the same way.

use crate::network::{Edge, Network};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};

const GRAPHML_NS: &str = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS: &str = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// The `<key>` declarations: id, domain, attribute name, type.
const KEYS: [(&str, &str, &str, &str); 8] = [
    ("d0", "node", "label", "string"),
    ("d1", "node", "type", "string"),
    ("d2", "node", "iri", "string"),
    ("d3", "edge", "kind", "string"),
    ("d4", "edge", "label", "string"),
    ("d5", "edge", "evidence", "string"),
    ("d6", "edge", "reports", "string"),
    ("d7", "edge", "weight", "double"),
];

/// Writes `net` as GraphML.
pub fn write(net: &Network, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("graphml").with_attributes([
        ("xmlns", GRAPHML_NS),
        ("xmlns:xsi", XSI_NS),
        ("xsi:schemaLocation", SCHEMA_LOCATION),
    ]);
    w.write_event(Event::Start(root))?;
    for (id, domain, name, ty) in KEYS {
        w.create_element("key")
            .with_attributes([
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", ty),
            ])
            .write_empty()?;
    }
    w.create_element("graph")
        .with_attributes([("id", "G"), ("edgedefault", "directed")])
        .write_inner_content(|w| {
            for n in net.graph.node_indices() {
                let node = &net.graph[n];
                let id = node_id(n.index());
                w.create_element("node")
                    .with_attribute(("id", id.as_str()))
                    .write_inner_content(|w| {
                        data(w, "d0", &node.label)?;
                        data(w, "d1", node.kind.name())?;
                        data(w, "d2", &node.id)
                    })?;
            }
            for e in net.graph.edge_indices() {
                let (a, b) = net.graph.edge_endpoints(e).expect("an edge of this graph");
                let edge = &net.graph[e];
                let (id, source, target) =
                    (edge_id(e.index()), node_id(a.index()), node_id(b.index()));
                w.create_element("edge")
                    .with_attributes([
                        ("id", id.as_str()),
                        ("source", source.as_str()),
                        ("target", target.as_str()),
                    ])
                    .write_inner_content(|w| {
                        data(w, "d3", edge.kind.name())?;
                        data(w, "d4", &edge.label)?;
                        data(w, "d5", &evidence_text(edge))?;
                        data(w, "d6", &reports_text(edge))?;
                        data(w, "d7", &format!("{:.1}", weight(edge)))
                    })?;
            }
            Ok(())
        })?;
    w.write_event(Event::End(BytesEnd::new("graphml")))?;
    w.into_inner().write_all(b"\n")
}

/// One `<data key="…">value</data>`.
fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::new(&xml_chars(value)))?;
    Ok(())
}

/// The id a node is written under: `n` and its petgraph index.
pub(super) fn node_id(index: usize) -> String {
    format!("n{index}")
}

/// The id an edge is written under: `e` and its petgraph index.
pub(super) fn edge_id(index: usize) -> String {
    format!("e{index}")
}

/// The evidence sentences of an edge, joined with " | " (one per piece of evidence).
pub(super) fn evidence_text(edge: &Edge) -> String {
    edge.evidence
        .iter()
        .map(|e| e.sentence.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// The distinct reports an edge was read from, joined with a space.
pub(super) fn reports_text(edge: &Edge) -> String {
    let reports: BTreeSet<&str> = edge.evidence.iter().map(|e| e.report.as_str()).collect();
    reports.into_iter().collect::<Vec<_>>().join(" ")
}

/// The weight of an edge: how many sentences state it, at least 1 (a user query's row, or a
/// part-of tie, has none).
pub(super) fn weight(edge: &Edge) -> f64 {
    edge.evidence.len().max(1) as f64
}

/// `s` with the characters XML 1.0 cannot hold, even escaped (control characters other than
/// tab, line feed and carriage return; U+FFFE and U+FFFF), replaced: controls by a space,
/// the two non-characters by U+FFFD.
pub(super) fn xml_chars(s: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    if !s.contains(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
                c if bad(c) => ' ',
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::network::{EdgeKind, Evidence, Node, NodeKind};
    use quick_xml::events::attributes::Attribute;
    use quick_xml::Reader;
    use std::collections::HashMap;

    /// A small network whose names and sentences need escaping: three nodes, three edges (two
    /// of them parallel, between the same pair), one edge with two sentences, one with none.
    pub(in crate::export) fn sample() -> Network {
        let mut net = Network::default();
        let zoe = net.add_node(Node {
            id: "https://example.org/id/zo%C3%AB".into(),
            kind: NodeKind::Person,
            label: "Zoë \"Z\" O'Brien".into(),
        });
        let union = net.add_node(Node {
            id: "https://example.org/id/union?a=1&b=2".into(),
            kind: NodeKind::Organization,
            label: "Smith & Sons <Union>".into(),
        });
        let congress = net.add_node(Node {
            id: "https://example.org/id/congress".into(),
            kind: NodeKind::Event,
            label: "Congress 2024".into(),
        });
        let ev = |report: &str, sentence: &str| {
            Some(Evidence {
                report: report.into(),
                sentence: sentence.into(),
            })
        };
        net.add_edge(
            zoe,
            union,
            EdgeKind::Membership,
            "chair",
            ev(
                "https://example.org/report/1",
                "Zoë chairs Smith & Sons <Union>.",
            ),
        );
        net.add_edge(
            zoe,
            union,
            EdgeKind::Membership,
            "chair",
            ev("https://example.org/report/2", "Again, \"chair\" Zoë\u{c}."),
        );
        net.add_edge(
            zoe,
            union,
            EdgeKind::Membership,
            "treasurer",
            ev("https://example.org/report/1", "She's treasurer too."),
        );
        net.add_edge(
            zoe,
            congress,
            EdgeKind::Participation,
            "speaker & guest",
            None,
        );
        net
    }

    /// Parses `xml` and returns how many elements of each name it holds, with every attribute
    /// value (unescaped) and every text (entities resolved), to check the escaping round-trips.
    pub(in crate::export) fn parse(xml: &[u8]) -> (HashMap<String, usize>, Vec<String>, String) {
        let text = std::str::from_utf8(xml).expect("UTF-8 output");
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        let (mut counts, mut values, mut texts) = (HashMap::new(), Vec::new(), String::new());
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) | Event::Empty(e) => {
                    let name = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                    *counts.entry(name).or_insert(0) += 1;
                    for a in e.attributes() {
                        let a: Attribute = a.expect("a well-formed attribute");
                        values.push(
                            a.decode_and_unescape_value(reader.decoder())
                                .expect("escaped value")
                                .into_owned(),
                        );
                    }
                }
                Event::Text(t) => texts.push_str(&t.decode().unwrap()),
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().expect("a valid character reference") {
                        Some(c) => c.to_string(),
                        None => {
                            let name = r.decode().unwrap();
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .expect("a predefined entity")
                                .to_owned()
                        }
                    };
                    texts.push_str(&c);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        (counts, values, texts)
    }

    fn graphml(net: &Network) -> Vec<u8> {
        let mut out = Vec::new();
        write(net, &mut out).unwrap();
        out
    }

    #[test]
    fn graphml_parses_back_with_every_node_and_edge() {
        let net = sample();
        let xml = graphml(&net);
        let (counts, values, texts) = parse(&xml);
        assert_eq!(counts["graphml"], 1);
        assert_eq!(counts["node"], 3);
        assert_eq!(counts["edge"], 3);
        assert_eq!(counts["key"], KEYS.len());
        assert_eq!(counts["data"], 3 * 3 + 3 * 5);
        assert!(values.iter().any(|v| v == "directed"));
        assert!(values.iter().any(|v| v == "n2"));
        assert!(texts.contains("Zoë \"Z\" O'Brien"));
        assert!(texts.contains("Smith & Sons <Union>"));
        assert!(texts.contains("https://example.org/id/union?a=1&b=2"));
        assert!(texts.contains("speaker & guest"));
        // Two sentences on the chair edge, in evidence order, the form feed made a space.
        assert!(texts.contains("Zoë chairs Smith & Sons <Union>. | Again, \"chair\" Zoë ."));
        assert!(texts.contains("https://example.org/report/1 https://example.org/report/2"));
        assert!(texts.contains("2.0"));
        assert!(!String::from_utf8(xml).unwrap().contains('\u{c}'));
    }

    #[test]
    fn an_empty_network_is_still_a_graph() {
        let (counts, _, _) = parse(&graphml(&Network::default()));
        assert_eq!(counts["graph"], 1);
        assert!(!counts.contains_key("node"));
    }

    /// Writes the sample in all three formats to a temporary directory, or to the directory
    /// `TIES_EXPORT_SAMPLES` names, so `scripts/check_networkx.py DIR/sample.graphml
    /// DIR/sample.gexf 3 3` can be run on them.
    #[test]
    fn sample_files_for_networkx() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = std::env::var_os("TIES_EXPORT_SAMPLES")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| tmp.path().into());
        std::fs::create_dir_all(&dir).unwrap();
        let net = sample();
        type Exporter = fn(&Network, &mut dyn Write) -> io::Result<()>;
        let writers: [(&str, Exporter); 3] = [
            ("graphml", write),
            ("gexf", super::super::gexf::write),
            ("json", super::super::json::write),
        ];
        for (ext, write) in writers {
            let mut file = std::fs::File::create(dir.join(format!("sample.{ext}"))).unwrap();
            write(&net, &mut file).unwrap();
        }
        assert!(std::fs::metadata(dir.join("sample.gexf")).unwrap().len() > 0);
    }

    #[test]
    fn weights_and_reports() {
        let net = sample();
        let weights: Vec<f64> = net.graph.edge_weights().map(weight).collect();
        assert_eq!(weights, vec![2.0, 1.0, 1.0]);
        let first = net.graph.edge_weights().next().unwrap();
        assert_eq!(
            reports_text(first),
            "https://example.org/report/1 https://example.org/report/2"
        );
        assert_eq!(xml_chars("a\u{1}b\u{FFFF}\tc"), "a b\u{FFFD}\tc");
        assert!(matches!(xml_chars("plain"), Cow::Borrowed(_)));
    }
}
