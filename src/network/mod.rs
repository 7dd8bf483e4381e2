//! The network projection: people, organisations, events (and places) as nodes; affiliations,
//! participation and event parts as edges, each edge keeping its evidence (report, sentence).
//!
//! It is read through the SPARQL layer only (`sparql::Dataset`), so a user's own query that
//! returns `?source ?target` (and optionally `?label`) rows can be drawn the same way. petgraph
//! holds the graph; exporters (`export`) and tracing read this type, never the store.

pub mod explore;

use crate::error::{Error, Result};
use crate::sparql::{self, display_term, Dataset, QuerySolution};
use oxigraph::model::Term;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    #[cfg_attr(feature = "cli", value(alias = "people"))]
    Person,
    #[cfg_attr(feature = "cli", value(alias = "organisation", alias = "org"))]
    Organization,
    Event,
    Place,
    /// A node of a user's own query whose type is not known.
    #[cfg_attr(feature = "cli", value(skip))]
    Other,
}

impl NodeKind {
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Event => "event",
            NodeKind::Place => "place",
            NodeKind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<NodeKind> {
        Some(match s.trim().to_lowercase().as_str() {
            "person" | "people" => NodeKind::Person,
            "organization" | "organisation" | "org" | "organizations" | "organisations" => {
                NodeKind::Organization
            }
            "event" | "events" => NodeKind::Event,
            "place" | "places" => NodeKind::Place,
            _ => return None,
        })
    }

    fn of_type_iri(iri: &str) -> NodeKind {
        match iri.rsplit('/').next().unwrap_or("") {
            "Person" => NodeKind::Person,
            "Organization" => NodeKind::Organization,
            "Event" => NodeKind::Event,
            "Place" => NodeKind::Place,
            _ => NodeKind::Other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The entity's IRI (or the value itself for a user's query).
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// Person → organisation, labelled with the role.
    Membership,
    /// Person → event, labelled with the part played (speaker, chair...).
    Participation,
    /// Session → the event it is part of.
    PartOf,
    /// Event → the place it took place in.
    Location,
    /// A user query's row.
    Custom,
}

impl EdgeKind {
    /// The name a kind of tie is written under: in the network's own queries (`?kind`) and in
    /// every export.
    pub fn name(self) -> &'static str {
        match self {
            EdgeKind::Membership => "membership",
            EdgeKind::Participation => "participation",
            EdgeKind::PartOf => "partof",
            EdgeKind::Location => "location",
            EdgeKind::Custom => "custom",
        }
    }

    /// The kind a name stands for (`name`'s inverse).
    pub fn from_name(name: &str) -> Option<EdgeKind> {
        [
            EdgeKind::Membership,
            EdgeKind::Participation,
            EdgeKind::PartOf,
            EdgeKind::Location,
            EdgeKind::Custom,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }

    /// How a drawing's legend names the kind.
    pub fn caption(self) -> &'static str {
        match self {
            EdgeKind::PartOf => "part of",
            EdgeKind::Custom => "tie",
            other => other.name(),
        }
    }

    /// The kind and label of a tie from a row of the network's queries (`?kind`, `?label`):
    /// roles and parts are labelled as written, a part of an event "part of", a place "at".
    pub(crate) fn of_row(row: &QuerySolution) -> (EdgeKind, String) {
        let kind = EdgeKind::from_name(&text(row.get("kind"))).unwrap_or(EdgeKind::Location);
        let label = match kind {
            EdgeKind::PartOf => "part of".to_owned(),
            EdgeKind::Location => "at".to_owned(),
            _ => text(row.get("label")),
        };
        (kind, label)
    }
}

/// The sentence a tie was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Evidence {
    pub report: String,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub kind: EdgeKind,
    /// Role or part; empty when the text states membership only.
    pub label: String,
    pub evidence: BTreeSet<Evidence>,
}

/// The network: a directed petgraph graph (member → organisation, person → event, session →
/// event); traversals treat it as undirected.
#[derive(Debug, Clone, Default)]
pub struct Network {
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<String, NodeIndex>,
}

/// Which part of the graph to draw.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Kinds of nodes kept (all of people, organisations and events when empty).
    pub kinds: Vec<NodeKind>,
    /// Only the ties read from this report.
    pub report: Option<String>,
    /// Nodes with fewer ties are dropped.
    pub min_degree: usize,
}

const NODES_QUERY: &str = r#"
SELECT ?e (SAMPLE(?n) AS ?name) (SAMPLE(?t) AS ?type) WHERE {
  VALUES ?t { schema:Person schema:Organization schema:Event schema:Place }
  GRAPH ?g { ?e a ?t ; schema:name ?n }
} GROUP BY ?e"#;

use crate::sparql::text;

impl Network {
    /// Adds a node once; returns its index.
    pub fn add_node(&mut self, node: Node) -> NodeIndex {
        if let Some(&i) = self.index.get(&node.id) {
            return i;
        }
        let id = node.id.clone();
        let i = self.graph.add_node(node);
        self.index.insert(id, i);
        i
    }

    /// Adds an edge, merging evidence into an existing edge of the same kind and label.
    pub fn add_edge(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        kind: EdgeKind,
        label: &str,
        evidence: Option<Evidence>,
    ) {
        let existing = self
            .graph
            .edges_connecting(a, b)
            .find(|e| e.weight().kind == kind && e.weight().label == label)
            .map(|e| e.id());
        let edge = match existing {
            Some(e) => &mut self.graph[e],
            None => {
                let e = self.graph.add_edge(
                    a,
                    b,
                    Edge {
                        kind,
                        label: label.to_owned(),
                        evidence: BTreeSet::new(),
                    },
                );
                &mut self.graph[e]
            }
        };
        edge.evidence.extend(evidence);
    }

    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The network of everything the store holds, narrowed by `filter`.
    pub fn from_dataset(dataset: &Dataset, filter: &Filter) -> Result<Network> {
        let mut nodes: HashMap<String, (String, NodeKind)> = HashMap::new();
        for row in dataset.select(NODES_QUERY)? {
            let iri = text(row.get("e"));
            let kind = NodeKind::of_type_iri(&text(row.get("type")));
            nodes.insert(iri, (text(row.get("name")), kind));
        }
        let kinds: Vec<NodeKind> = if filter.kinds.is_empty() {
            vec![NodeKind::Person, NodeKind::Organization, NodeKind::Event]
        } else {
            filter.kinds.clone()
        };
        let mut net = Network::default();
        // The ties of every entity: `explore`'s query with no entity fixed, each tie read once
        // from its source end.
        for row in dataset.select(explore::TIES_OF)? {
            let report = text(row.get("report"));
            if !sparql::is_true(row.get("out"))
                || filter.report.as_ref().is_some_and(|r| *r != report)
            {
                continue;
            }
            let (s, o) = (text(row.get("this")), text(row.get("y")));
            let (Some((sn, sk)), Some((on, ok))) = (nodes.get(&s), nodes.get(&o)) else {
                continue;
            };
            if !kinds.contains(sk) || !kinds.contains(ok) {
                continue;
            }
            let (kind, label) = EdgeKind::of_row(&row);
            let sentence = text(row.get("sentence"));
            let evidence = (!sentence.is_empty()).then(|| Evidence {
                report: report.clone(),
                sentence,
            });
            let a = net.add_node(Node {
                id: s.clone(),
                kind: *sk,
                label: sn.clone(),
            });
            let b = net.add_node(Node {
                id: o.clone(),
                kind: *ok,
                label: on.clone(),
            });
            net.add_edge(a, b, kind, &label, evidence);
        }
        // People and organisations named but tied to nothing still belong in the picture.
        for (iri, (name, kind)) in &nodes {
            if matches!(kind, NodeKind::Person | NodeKind::Organization)
                && kinds.contains(kind)
                && filter.report.is_none()
            {
                net.add_node(Node {
                    id: iri.clone(),
                    kind: *kind,
                    label: name.clone(),
                });
            }
        }
        if filter.min_degree > 0 {
            net = net.retain(|n, net| net.degree(n) >= filter.min_degree);
        }
        Ok(net)
    }

    /// The network within `depth` ties of the entity `name` (a name, alias or IRI) and at most
    /// `max_nodes` nodes, read around it (`explore`) rather than from the whole graph; `filter`
    /// as for `from_dataset` (kinds default to people, organisations and events).
    pub fn around(
        dataset: &Dataset,
        name: &str,
        depth: usize,
        max_nodes: usize,
        filter: &Filter,
    ) -> Result<Network> {
        let kinds: Vec<NodeKind> = if filter.kinds.is_empty() {
            vec![NodeKind::Person, NodeKind::Organization, NodeKind::Event]
        } else {
            filter.kinds.clone()
        };
        let mut explorer = explore::Explorer::new(dataset)?;
        explorer.report = filter.report.clone();
        let centre = explorer.resolve(name)?;
        let mut net = explorer.around(&centre, depth, max_nodes.max(1), &kinds)?;
        if filter.min_degree > 0 {
            net = net.retain(|n, net| net.degree(n) >= filter.min_degree);
        }
        Ok(net)
    }

    /// The network of a user's query: one edge per row of `?source ?target [?label]`.
    pub fn from_query(dataset: &Dataset, query: &str) -> Result<Network> {
        let rows = dataset.select(query)?;
        let mut net = Network::default();
        for row in rows {
            let (Some(s), Some(t)) = (row.get("source"), row.get("target")) else {
                return Err(Error::Usage(
                    "the query must return ?source and ?target (and may return ?label)".into(),
                ));
            };
            let node = |term: &Term| Node {
                id: text(Some(term)),
                kind: NodeKind::Other,
                label: display_term(term),
            };
            let a = net.add_node(node(s));
            let b = net.add_node(node(t));
            let label = row.get("label").map(display_term).unwrap_or_default();
            net.add_edge(a, b, EdgeKind::Custom, &label, None);
        }
        Ok(net)
    }

    pub fn degree(&self, n: NodeIndex) -> usize {
        self.graph.neighbors_undirected(n).count()
    }

    /// A copy holding only the nodes `keep` accepts, and the edges between them.
    pub fn retain(&self, keep: impl Fn(NodeIndex, &Network) -> bool) -> Network {
        let kept: HashSet<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| keep(n, self))
            .collect();
        let mut out = Network::default();
        let mut map = HashMap::new();
        for n in self.graph.node_indices() {
            if kept.contains(&n) {
                map.insert(n, out.add_node(self.graph[n].clone()));
            }
        }
        for e in self.graph.edge_references() {
            if let (Some(&a), Some(&b)) = (map.get(&e.source()), map.get(&e.target())) {
                let w = e.weight();
                let i = out.graph.add_edge(a, b, w.clone());
                let _ = i;
            }
        }
        out
    }

    /// Breadth-first distances from `from`, up to `max` ties, ignoring direction.
    pub fn distances(&self, from: NodeIndex, max: usize) -> HashMap<NodeIndex, usize> {
        let mut dist = HashMap::from([(from, 0)]);
        let mut queue = VecDeque::from([from]);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d == max {
                continue;
            }
            for m in self.graph.neighbors_undirected(n) {
                if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(m) {
                    v.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        dist
    }
}

/// Lowercase, accents folded, punctuation made spaces.
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s).to_lowercase();
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One step of a path: from a node over an edge to the next node.
#[derive(Debug, Clone, Serialize)]
pub struct Hop {
    pub from: String,
    pub to: String,
    pub kind: EdgeKind,
    pub label: String,
    pub evidence: Vec<Evidence>,
}

/// A path between two entities, as hops.
pub type Path = Vec<Hop>;

impl Network {
    pub(crate) fn hops(&self, nodes: &[NodeIndex]) -> Path {
        nodes
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let e = self
                    .graph
                    .edges_connecting(a, b)
                    .chain(self.graph.edges_connecting(b, a))
                    .next()
                    .map(|e| e.weight().clone())
                    .expect("consecutive path nodes are connected");
                Hop {
                    from: self.graph[a].label.clone(),
                    to: self.graph[b].label.clone(),
                    kind: e.kind,
                    label: e.label,
                    evidence: e.evidence.into_iter().collect(),
                }
            })
            .collect()
    }

    /// All shortest paths from `a` to `b` (ignoring direction), at most `max_hops` long.
    pub fn shortest_paths(&self, a: NodeIndex, b: NodeIndex, max_hops: usize) -> Vec<Path> {
        self.shortest_node_paths(a, b, max_hops)
            .iter()
            .map(|p| self.hops(p))
            .collect()
    }

    /// The shortest paths from `a` to `b` as node sequences (at most 64).
    pub fn shortest_node_paths(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        max_hops: usize,
    ) -> Vec<Vec<NodeIndex>> {
        let dist = self.distances(a, max_hops);
        let Some(&d) = dist.get(&b) else {
            return Vec::new();
        };
        // Walk back from b over nodes one step closer to a each time.
        let mut paths: Vec<Vec<NodeIndex>> = vec![vec![b]];
        for step in (0..d).rev() {
            let mut next = Vec::new();
            for p in &paths {
                let last = *p.last().expect("paths are never empty");
                for m in self.graph.neighbors_undirected(last) {
                    if dist.get(&m) == Some(&step) && next.len() < 64 {
                        let mut q = p.clone();
                        q.push(m);
                        next.push(q);
                    }
                }
            }
            paths = next;
        }
        let mut seen = HashSet::new();
        paths
            .into_iter()
            .map(|mut p| {
                p.reverse();
                p
            })
            .filter(|p| seen.insert(p.clone()))
            .collect()
    }

    /// Every simple path from `a` to `b` of at most `max_hops` ties, shortest first.
    pub fn all_paths(&self, a: NodeIndex, b: NodeIndex, max_hops: usize) -> Vec<Path> {
        self.all_node_paths(a, b, max_hops)
            .iter()
            .map(|p| self.hops(p))
            .collect()
    }

    /// Every simple path as node sequences (at most 1,000), shortest first.
    pub fn all_node_paths(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        max_hops: usize,
    ) -> Vec<Vec<NodeIndex>> {
        let undirected = self.graph.clone().into_edge_type::<petgraph::Undirected>();
        let mut paths: Vec<Vec<NodeIndex>> =
            petgraph::algo::all_simple_paths::<Vec<_>, _, std::hash::RandomState>(
                &undirected,
                a,
                b,
                0,
                Some(max_hops.saturating_sub(1)),
            )
            .take(1000)
            .collect();
        paths.sort_by_key(|p| p.len());
        paths
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str, kind: NodeKind) -> Node {
        Node {
            id: id.into(),
            kind,
            label: id.into(),
        }
    }

    fn sample() -> (Network, Vec<NodeIndex>) {
        let mut net = Network::default();
        let a = net.add_node(node("Ana", NodeKind::Person));
        let b = net.add_node(node("Bo", NodeKind::Person));
        let u = net.add_node(node("Union", NodeKind::Organization));
        let c = net.add_node(node("Congress", NodeKind::Event));
        let ev = |s: &str| {
            Some(Evidence {
                report: "r".into(),
                sentence: s.into(),
            })
        };
        net.add_edge(
            a,
            u,
            EdgeKind::Membership,
            "chair",
            ev("Ana chairs the Union."),
        );
        net.add_edge(b, u, EdgeKind::Membership, "", ev("Bo of the Union spoke."));
        net.add_edge(
            b,
            c,
            EdgeKind::Participation,
            "speaker",
            ev("Bo addressed the congress."),
        );
        (net, vec![a, b, u, c])
    }

    #[test]
    fn shortest_path_goes_through_the_shared_organisation() {
        let (net, n) = sample();
        let paths = net.shortest_paths(n[0], n[1], 4);
        assert_eq!(paths.len(), 1);
        let p = &paths[0];
        assert_eq!(
            (p[0].from.as_str(), p[0].to.as_str(), p[0].label.as_str()),
            ("Ana", "Union", "chair")
        );
        assert_eq!(p[1].to, "Bo");
        assert_eq!(p[1].evidence[0].sentence, "Bo of the Union spoke.");
    }

    #[test]
    fn all_paths_and_distances() {
        let (net, n) = sample();
        assert_eq!(net.all_paths(n[0], n[3], 3).len(), 1);
        assert!(net.all_paths(n[0], n[3], 2).is_empty());
        assert_eq!(net.distances(n[0], 1).len(), 2);
        assert_eq!(net.distances(n[0], 2).len(), 3);
    }

    #[test]
    fn evidence_merges_on_one_edge() {
        let (mut net, n) = sample();
        net.add_edge(
            n[0],
            n[2],
            EdgeKind::Membership,
            "chair",
            Some(Evidence {
                report: "r2".into(),
                sentence: "Again.".into(),
            }),
        );
        assert_eq!(net.graph.edge_count(), 3);
        let e = net.graph.edges_connecting(n[0], n[2]).next().unwrap();
        assert_eq!(e.weight().evidence.len(), 2);
    }
}

/// An entity found by `search`.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
}

/// People, organisations, events and places whose name or alias contains `text` (case and
/// accents ignored), at most `limit`, people and organisations first.
pub fn search(dataset: &Dataset, part: &str, limit: usize) -> Result<Vec<Hit>> {
    let want = fold(part);
    let mut hits: HashMap<String, Hit> = HashMap::new();
    for row in dataset.select(
        // Inside each report graph: over the union, an entity's types and names repeat once
        // per report and their join multiplies.
        "SELECT DISTINCT ?e ?n ?t ?canon WHERE {
           VALUES ?t { schema:Person schema:Organization schema:Event schema:Place }
           GRAPH ?g { ?e a ?t ; schema:name ?canon .
                      { ?e schema:name ?n } UNION { ?e schema:alternateName ?n } } }",
    )? {
        let name = text(row.get("n"));
        if !want.is_empty() && !fold(&name).contains(&want) {
            continue;
        }
        let id = text(row.get("e"));
        let kind = NodeKind::of_type_iri(&text(row.get("t")));
        let label = text(row.get("canon"));
        hits.entry(id.clone()).or_insert(Hit { id, label, kind });
    }
    let mut out: Vec<Hit> = hits.into_values().collect();
    out.sort_by(|a, b| a.kind.cmp(&b.kind).then(a.label.cmp(&b.label)));
    out.truncate(limit);
    Ok(out)
}
