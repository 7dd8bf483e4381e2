//! Local exploration: the network around an entity, or between two, grown through SPARQL one
//! entity at a time, without reading the whole graph.
//!
//! On an archive of 100,000 reports the whole network has millions of ties; a neighbourhood or a
//! trace needs a few thousand. Each step asks the store for the ties of one entity, with the
//! entity's IRI written into the query: Oxigraph plans from a constant, while a variable bound
//! at run time left it scanning every claim. Names are resolved the same way: by the literal,
//! by the IRI ties would mint for it, and only when both fail by scanning names for a part of
//! one. People are read before organisations, which in an archive can carry hundreds of
//! thousands of claims. Like the rest of `network`, this reads the store through SPARQL only.

use super::{EdgeKind, Evidence, Network, Node, NodeKind};
use crate::error::{Error, Result};
use crate::sparql::{self, Dataset, QuerySolution};
use oxigraph::model::NamedNode;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, HashSet};

/// The ties of the entity `X` (the IRI written into the text: a bound variable does not steer
/// Oxigraph's join order, a constant does), in both directions; `?out` is true when `X` is the
/// tie's source (member, participant, session, event at a place). Each branch reads the other
/// end's type and name in the same report graph.
pub(super) const TIES_OF: &str = r#"
SELECT ?this ?y ?type ?name ?kind ?label ?out ?report ?sentence WHERE {
  {
    GRAPH ?report { ?c org:member ?this ; org:organization ?y ; prov:wasDerivedFrom ?s .
                    ?s schema:text ?sentence . ?y a ?type ; schema:name ?name .
                    OPTIONAL { ?c org:role/rdfs:label ?label } }
    BIND("membership" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?c org:organization ?this ; org:member ?y ; prov:wasDerivedFrom ?s .
                    ?s schema:text ?sentence . ?y a ?type ; schema:name ?name .
                    OPTIONAL { ?c org:role/rdfs:label ?label } }
    BIND("membership" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?c ties:participant ?this ; ties:event ?y ; ties:participationRole ?label ;
                       prov:wasDerivedFrom ?s . ?s schema:text ?sentence .
                    ?y a ?type ; schema:name ?name }
    BIND("participation" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?c ties:event ?this ; ties:participant ?y ; ties:participationRole ?label ;
                       prov:wasDerivedFrom ?s . ?s schema:text ?sentence .
                    ?y a ?type ; schema:name ?name }
    BIND("participation" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?y schema:subEvent ?this ; a ?type ; schema:name ?name }
    BIND("partof" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?this schema:subEvent ?y . ?y a ?type ; schema:name ?name }
    BIND("partof" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?this schema:location ?y . ?y a ?type ; schema:name ?name }
    BIND("location" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?y schema:location ?this ; a ?type ; schema:name ?name }
    BIND("location" AS ?kind) BIND(false AS ?out)
  }
}"#;

/// The entities tied to `?this`, with their `rdf:type` and without names or evidence: what a
/// path search needs to take a step (a hub's hundred thousand claims cost two index reads each,
/// not five). The type is read inside each branch: joined once outside, Oxigraph started from
/// every typed entity of the archive (0.43 s against 0.09 s on 200 reports).
const ADJACENT: &str = r#"
SELECT DISTINCT ?y ?type WHERE {
  { GRAPH ?g { ?this org:memberOf ?y . ?y a ?type } }
  UNION { GRAPH ?g { ?y org:memberOf ?this . ?y a ?type } }
  UNION { GRAPH ?g { ?this ties:speaker|ties:chair|schema:organizer|schema:attendee ?y . ?y a ?type } }
  UNION { GRAPH ?g { ?y ties:speaker|ties:chair|schema:organizer|schema:attendee ?this . ?y a ?type } }
  UNION { GRAPH ?g { ?y schema:subEvent|schema:location ?this . ?y a ?type } }
  UNION { GRAPH ?g { ?this schema:subEvent|schema:location ?y . ?y a ?type } }
}"#;

/// The ties between `X` and `Y` with their evidence: `TIES_OF` with both ends fixed. `X`'s
/// pattern comes last in each branch: of two patterns Oxigraph rates alike it reads the later
/// first (measured), and callers make `X` the end with fewer claims (a person rather than an
/// organisation), since starting from a hub reads all its claims (100 ms for one of 200,000,
/// against 2 ms from the person's side).
const BETWEEN: &str = r#"
SELECT ?kind ?label ?out ?report ?sentence WHERE {
  {
    GRAPH ?report { ?c org:organization ?that ; org:member ?this ; prov:wasDerivedFrom ?s .
                    ?s schema:text ?sentence . OPTIONAL { ?c org:role/rdfs:label ?label } }
    BIND("membership" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?c org:member ?that ; org:organization ?this ; prov:wasDerivedFrom ?s .
                    ?s schema:text ?sentence . OPTIONAL { ?c org:role/rdfs:label ?label } }
    BIND("membership" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?c ties:event ?that ; ties:participant ?this ; ties:participationRole ?label ;
                       prov:wasDerivedFrom ?s . ?s schema:text ?sentence }
    BIND("participation" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?c ties:participant ?that ; ties:event ?this ; ties:participationRole ?label ;
                       prov:wasDerivedFrom ?s . ?s schema:text ?sentence }
    BIND("participation" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?that schema:subEvent ?this } BIND("partof" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?this schema:subEvent ?that } BIND("partof" AS ?kind) BIND(false AS ?out)
  } UNION {
    GRAPH ?report { ?this schema:location ?that } BIND("location" AS ?kind) BIND(true AS ?out)
  } UNION {
    GRAPH ?report { ?that schema:location ?this } BIND("location" AS ?kind) BIND(false AS ?out)
  }
}"#;

/// Name and kind of the entity `X`.
const ENTITY: &str = r#"
SELECT ?type ?name WHERE {
  VALUES ?type { schema:Person schema:Organization schema:Event schema:Place }
  GRAPH ?g { ?this a ?type ; schema:name ?name }
} LIMIT 1"#;

/// Every entity's names, for a search by part of a name (the slow path).
const ALL_NAMES: &str = r#"
SELECT DISTINCT ?x ?name WHERE {
  VALUES ?type { schema:Person schema:Organization schema:Event }
  GRAPH ?g { ?x a ?type ; schema:name ?name }
}"#;

/// How many entities a trace may ask about before it gives up on longer paths.
pub const TRACE_BUDGET: usize = 20_000;

/// One tie of an entity, as `TIES_OF` gives it.
struct Tie {
    other: Node,
    kind: EdgeKind,
    label: String,
    outgoing: bool,
    evidence: Evidence,
}

/// Asks the store about one entity at a time, each query with that entity's IRI written in.
#[derive(Debug)]
pub struct Explorer<'a> {
    dataset: &'a Dataset,
    /// Only ties stated in this report, when set.
    pub report: Option<String>,
    /// Entities asked about so far.
    pub asked: usize,
}

/// How many claims an entity of this kind usually has, as a rank: people fewest, then events
/// (each belongs to one report), places, and organisations, which an archive's reports name
/// over and over. Reads start from the lower rank.
pub(crate) fn claims_rank(kind: NodeKind) -> u8 {
    match kind {
        NodeKind::Person => 0,
        NodeKind::Event => 1,
        NodeKind::Place => 2,
        _ => 3,
    }
}

impl<'a> Explorer<'a> {
    pub fn new(dataset: &'a Dataset) -> Result<Explorer<'a>> {
        Ok(Explorer {
            dataset,
            report: None,
            asked: 0,
        })
    }

    /// The entity with this IRI, if the store describes one.
    pub fn node(&self, iri: &str) -> Result<Option<Node>> {
        let Ok(node) = NamedNode::new(iri) else {
            return Ok(None);
        };
        let rows = self.select_about(ENTITY, node.as_str(), None)?;
        Ok(rows.first().map(|row| Node {
            id: iri.to_owned(),
            kind: NodeKind::of_type_iri(&sparql::text(row.get("type"))),
            label: sparql::text(row.get("name")),
        }))
    }

    /// Runs one of the queries above with `?this` (and `?that`) fixed to these IRIs: the
    /// SPARQL layer writes them into the patterns, so Oxigraph plans from them.
    fn select_about(
        &self,
        template: &str,
        this: &str,
        that: Option<&str>,
    ) -> Result<Vec<QuerySolution>> {
        let mut bindings = vec![(sparql::variable("this"), sparql::iri(this)?)];
        if let Some(that) = that {
            bindings.push((sparql::variable("that"), sparql::iri(that)?));
        }
        self.dataset.select_bound(template, &bindings)
    }

    /// The entities tied to one entity, without names or evidence.
    pub fn adjacent(&mut self, iri: &str) -> Result<Vec<(String, NodeKind)>> {
        self.asked += 1;
        let rows = self.select_about(ADJACENT, iri, None)?;
        // One row per type: keep the kind the network knows ("a place and a venue" is a place).
        let mut kinds: BTreeMap<String, NodeKind> = BTreeMap::new();
        for row in &rows {
            let kind = NodeKind::of_type_iri(&sparql::text(row.get("type")));
            let slot = kinds.entry(sparql::text(row.get("y"))).or_insert(kind);
            if *slot == NodeKind::Other {
                *slot = kind;
            }
        }
        Ok(kinds.into_iter().collect())
    }

    /// Every tie between two entities, with its evidence, as (kind, label, x is the source,
    /// evidence).
    pub fn ties_between(
        &self,
        x: &str,
        y: &str,
    ) -> Result<Vec<(EdgeKind, String, bool, Evidence)>> {
        let rows = self.select_about(BETWEEN, x, Some(y))?;
        Ok(rows
            .iter()
            .filter(|row| {
                self.report
                    .as_ref()
                    .is_none_or(|r| *r == sparql::text(row.get("report")))
            })
            .map(|row| {
                let (kind, label) = EdgeKind::of_row(row);
                let outgoing = sparql::is_true(row.get("out"));
                let evidence = Evidence {
                    report: sparql::text(row.get("report")),
                    sentence: sparql::text(row.get("sentence")),
                };
                (kind, label, outgoing, evidence)
            })
            .collect())
    }

    /// The ties of one entity.
    fn ties(&mut self, iri: &str) -> Result<Vec<Tie>> {
        self.asked += 1;
        let mut ties = Vec::new();
        for row in self.select_about(TIES_OF, iri, None)? {
            let report = sparql::text(row.get("report"));
            if self.report.as_ref().is_some_and(|r| *r != report) {
                continue;
            }
            let (kind, label) = EdgeKind::of_row(&row);
            let outgoing = sparql::is_true(row.get("out"));
            let other_kind = NodeKind::of_type_iri(&sparql::text(row.get("type")));
            if other_kind == NodeKind::Other {
                continue; // a second, more specific type of a place
            }
            ties.push(Tie {
                other: Node {
                    id: sparql::text(row.get("y")),
                    kind: other_kind,
                    label: sparql::text(row.get("name")),
                },
                kind,
                label,
                outgoing,
                evidence: Evidence {
                    report,
                    sentence: sparql::text(row.get("sentence")),
                },
            });
        }
        Ok(ties)
    }

    /// Adds the ties of `centre` (already in `net`) to `net`, with the entities at their other
    /// ends while `net` has fewer than `max_nodes` nodes: the best-attested first. Returns the
    /// entities that were new.
    fn expand(
        &mut self,
        net: &mut Network,
        centre: NodeIndex,
        kinds: &[NodeKind],
        max_nodes: usize,
    ) -> Result<Vec<NodeIndex>> {
        let iri = net.graph[centre].id.clone();
        let mut by_other: BTreeMap<String, Vec<Tie>> = BTreeMap::new();
        for tie in self.ties(&iri)? {
            if kinds.contains(&tie.other.kind) && tie.other.id != iri {
                by_other.entry(tie.other.id.clone()).or_default().push(tie);
            }
        }
        let mut others: Vec<Vec<Tie>> = by_other.into_values().collect();
        // Stable sort: most evidence first, then by IRI (the map's order).
        others.sort_by_key(|ties| std::cmp::Reverse(ties.len()));
        let mut new = Vec::new();
        for ties in others {
            let other = &ties[0].other;
            let index = match net.node_index(&other.id) {
                Some(i) => i,
                None if net.graph.node_count() < max_nodes => {
                    let i = net.add_node(other.clone());
                    new.push(i);
                    i
                }
                None => continue,
            };
            for tie in ties {
                let (a, b) = if tie.outgoing {
                    (centre, index)
                } else {
                    (index, centre)
                };
                net.add_edge(a, b, tie.kind, &tie.label, Some(tie.evidence));
            }
        }
        Ok(new)
    }

    /// The network within `depth` ties of `centre`, breadth first, at most `max_nodes` nodes
    /// (the best-attested ties kept when a hub has more), over entities of `kinds`.
    ///
    /// Each ring is read people first and organisations last (an organisation that appears in
    /// most reports of an archive has hundreds of thousands of claims), and reading stops when
    /// the picture is full: the ties among its outermost entities that were not read themselves
    /// are then not drawn. Reading them would cost a read of every one of those entities, some
    /// of which are hubs (seconds each on 100,000 reports).
    pub fn around(
        &mut self,
        centre: &Node,
        depth: usize,
        max_nodes: usize,
        kinds: &[NodeKind],
    ) -> Result<Network> {
        let mut net = Network::default();
        let start = net.add_node(centre.clone());
        let mut frontier = vec![start];
        let mut done = HashSet::new();
        for _ in 0..depth {
            if net.graph.node_count() >= max_nodes {
                break;
            }
            frontier.sort_by_key(|&n| claims_rank(net.graph[n].kind));
            let mut next = Vec::new();
            for n in frontier {
                if net.graph.node_count() >= max_nodes {
                    break;
                }
                if done.insert(n) {
                    next.extend(self.expand(&mut net, n, kinds, max_nodes)?);
                }
            }
            frontier = next;
        }
        Ok(net)
    }

    /// The skeleton between `a` and `b`: entities (labelled by IRI) and untyped ties that hold
    /// every path of at most `max_hops` ties (with `all`), or shortest paths. It grows from both
    /// ends, the smaller side first, until the two meet (or, with `all`, until the two sides
    /// together reach `max_hops`). Returns it with the indices of `a` and `b`, and whether the
    /// budget of entities ran out first.
    ///
    /// Each ring is read people first, then events, places and organisations last, and once
    /// the two sides meet the rest of the ring is not read: every meeting found in a ring gives
    /// a path of the same, shortest, length, so the length is right, but shortest paths through
    /// the organisations left unread are not listed. Reading an organisation an archive names
    /// in most reports costs more than all the rest of a trace.
    pub fn skeleton_between(
        &mut self,
        a: &Node,
        b: &Node,
        max_hops: usize,
        all: bool,
    ) -> Result<(Network, [NodeIndex; 2], bool)> {
        let mut net = Network::default();
        let node = |iri: &str, kind: NodeKind| Node {
            id: iri.to_owned(),
            kind,
            label: iri.to_owned(),
        };
        let ends = [
            net.add_node(node(&a.id, a.kind)),
            net.add_node(node(&b.id, b.kind)),
        ];
        let mut seen = [HashSet::from([ends[0]]), HashSet::from([ends[1]])];
        let mut frontier = [vec![ends[0]], vec![ends[1]]];
        let mut depth = [0usize, 0usize];
        let mut expanded = HashSet::new();
        let mut edges = HashSet::new();
        let met = |seen: &[HashSet<NodeIndex>; 2]| seen[0].iter().any(|n| seen[1].contains(n));
        while depth[0] + depth[1] < max_hops && (all || !met(&seen)) {
            let side = usize::from(frontier[1].len() < frontier[0].len());
            if frontier[side].is_empty() {
                break; // that side has nowhere left to go: no path
            }
            // People first, organisations last; once the two sides meet, the rest of the ring
            // is left unread (see the doc comment).
            let mut ring = std::mem::take(&mut frontier[side]);
            ring.sort_by_key(|&n| claims_rank(net.graph[n].kind));
            let mut next = Vec::new();
            let mut rank = ring.first().map(|&n| claims_rank(net.graph[n].kind));
            for n in ring {
                if self.asked >= TRACE_BUDGET {
                    return Ok((net, ends, true));
                }
                let here = Some(claims_rank(net.graph[n].kind));
                if here != rank {
                    if !all && met(&seen) {
                        break;
                    }
                    rank = here;
                }
                if expanded.insert(n) {
                    let iri = net.graph[n].id.clone();
                    for (other, kind) in self.adjacent(&iri)? {
                        if other != iri {
                            let m = net.add_node(node(&other, kind));
                            if edges.insert((n.min(m), n.max(m))) {
                                net.graph.add_edge(
                                    n,
                                    m,
                                    super::Edge {
                                        kind: EdgeKind::Custom,
                                        label: String::new(),
                                        evidence: Default::default(),
                                    },
                                );
                            }
                        }
                    }
                }
                // Neighbours already in the network (found from the other side) count too.
                for m in net.graph.neighbors_undirected(n) {
                    if seen[side].insert(m) {
                        next.push(m);
                    }
                }
            }
            frontier[side] = next;
            depth[side] += 1;
        }
        Ok((net, ends, false))
    }

    /// Entities that `name` may stand for: an IRI; else the entities with that name or alias;
    /// else the person, organisation or place whose IRI that name would give; else those with
    /// a name containing it as a word ("Okafor").
    pub fn find(&self, name: &str) -> Result<Vec<Node>> {
        if name.contains(':') {
            if let Some(node) = self.node(name)? {
                return Ok(vec![node]);
            }
        }
        let bindings = [(sparql::variable("text"), sparql::string(name.trim()))];
        let mut iris: Vec<String> = self
            .dataset
            .select_bound(sparql::ENTITIES_NAMED, &bindings)?
            .iter()
            .map(|row| sparql::text(row.get("x")))
            .collect();
        if iris.is_empty() {
            iris.extend(crate::iri::shared_entity_iris(name));
        }
        let mut nodes = Vec::new();
        for iri in iris {
            if let Some(node) = self.node(&iri)? {
                nodes.push(node);
            }
        }
        if nodes.is_empty() {
            let want = super::fold(name);
            let mut found: HashSet<String> = HashSet::new();
            for row in self.dataset.select(ALL_NAMES)? {
                let label = sparql::text(row.get("name"));
                if !want.is_empty()
                    && super::fold(&label)
                        .split(' ')
                        .collect::<Vec<_>>()
                        .windows(want.split(' ').count())
                        .any(|w| w.join(" ") == want)
                {
                    found.insert(sparql::text(row.get("x")));
                }
            }
            for iri in found {
                if let Some(node) = self.node(&iri)? {
                    nodes.push(node);
                }
            }
        }
        nodes.sort_by(|x, y| x.id.cmp(&y.id));
        nodes.dedup_by(|x, y| x.id == y.id);
        Ok(nodes)
    }

    /// The one entity `name` stands for; an ambiguous name is an error listing the candidates.
    pub fn resolve(&self, name: &str) -> Result<Node> {
        let mut found = self.find(name)?;
        match found.len() {
            1 => Ok(found.remove(0)),
            0 => Err(Error::Usage(format!(
                "no person, organisation, event or place called {name:?} in the store; `ties query people` lists the names"
            ))),
            _ => {
                let mut list: Vec<String> = found
                    .iter()
                    .take(40)
                    .map(|n| format!("  {} ({}, {})", n.label, n.kind.name(), n.id))
                    .collect();
                list.sort();
                if found.len() > 40 {
                    list.push(format!("  … and {} more", found.len() - 40));
                }
                Err(Error::Usage(format!(
                    "{name:?} is ambiguous; give one of these names or IRIs:\n{}",
                    list.join("\n")
                )))
            }
        }
    }
}
