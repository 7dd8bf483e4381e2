//! The SPARQL layer: the one way to read the graph. A `Dataset` wraps the store and answers
//! queries with ties' prefixes predeclared, over the union of all report graphs (or one graph),
//! with variables fixed before planning (`bind`), under a time limit when asked; `results`
//! writes what comes back.
//!
//! Everything that reads the graph (stats, the network, trace, rank, exporters, the server)
//! comes through here; nothing else reaches Oxigraph's store. Only this module owns timeouts,
//! the union-graph policy, prefixes and the binder. It does not know where a query came from
//! (command line, file, HTTP). On a remote store (`store::remote`) a query goes out as standard
//! SPARQL 1.1 text (`portable`): parsed with ties' prefixes, bound, with Oxigraph's LATERAL
//! rewritten, written back with full IRIs; the engine's own default graph is the union (most
//! engines make it so), and a time limit is the engine's.

pub mod bind;
pub mod limits;
pub mod portable;
pub mod results;

use crate::error::{Error, Result, Size};
use crate::store::{remote::Answer, remote::Remote, Access, Store};
use crate::vocab;
use oxigraph::io::RdfFormat;
use oxigraph::model::{
    GraphName, GraphNameRef, Literal, NamedNode, NamedNodeRef, Quad, Term, TripleRef, Variable,
};
use oxigraph::sparql::{PreparedSparqlQuery, SparqlEvaluator};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

pub use oxigraph::sparql::{CancellationToken, QueryResults, QuerySolution};
pub use results::{
    compact_iri, display_term, write_results, write_results_capped, Caps, OutputFormat,
};

/// Entities named, or also named, `?text` (bind it): `?x`, their IRIs. Shared by the readers
/// that find an entity from a name a user typed (curation's resolution, the explorer).
pub const ENTITIES_NAMED: &str = r#"
SELECT DISTINCT ?x WHERE {
  VALUES ?p { schema:name schema:alternateName }
  VALUES ?type { schema:Person schema:Organization schema:Event schema:Place }
  GRAPH ?g { ?x ?p ?text ; a ?type }
}"#;

/// An evaluator with ties' prefixes predeclared.
fn evaluator() -> SparqlEvaluator {
    vocab::with_prefixes(SparqlEvaluator::new(), |e, prefix, iri| {
        e.with_prefix(prefix, iri)
    })
}

/// How a query runs: over which default graph, with which variables fixed, stopped by what.
#[derive(Clone, Default)]
pub struct QueryOptions<'a> {
    /// The default graph: this graph (an IRI) instead of the union of all graphs.
    pub graph: Option<&'a str>,
    /// Variables fixed to values before the query is planned (`bind`).
    pub bindings: &'a [(Variable, Term)],
    /// Stops the query when cancelled (a server's time limit).
    pub cancel: Option<CancellationToken>,
}

impl std::fmt::Debug for QueryOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueryOptions")
            .field("graph", &self.graph)
            .field("bindings", &self.bindings)
            .field("cancel", &self.cancel.is_some())
            .finish()
    }
}

/// A cancellation token that cancels itself after `limit`: give it to a query (`QueryOptions`)
/// or an update (`Dataset::update_with`) to stop it there; it then fails with
/// `Error::TimeLimit`. The evaluator checks it at every tuple, so the work stops within
/// moments. A detached thread waits out the limit; it keeps nothing alive.
///
/// ```
/// let dataset = ties::sparql::Dataset::new(ties::store::Store::in_memory()?);
/// dataset.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")?;
/// let cancel = ties::sparql::cancel_after(std::time::Duration::ZERO);
/// while !cancel.is_cancelled() {
///     std::thread::yield_now();
/// }
/// let err = dataset.update_with("DELETE WHERE { ?s ?p ?o }", Some(cancel)).unwrap_err();
/// assert!(matches!(err, ties::Error::TimeLimit), "{err}");
/// assert_eq!(dataset.select("SELECT * WHERE { GRAPH <urn:g> { ?s ?p ?o } }")?.len(), 1);
/// # Ok::<(), ties::Error>(())
/// ```
pub fn cancel_after(limit: std::time::Duration) -> CancellationToken {
    let token = CancellationToken::new();
    let cancel = token.clone();
    std::thread::spawn(move || {
        std::thread::sleep(limit);
        cancel.cancel();
    });
    token
}

/// An update's algebra, with ties' prefixes.
fn parse_update(text: &str) -> Result<spargebra::Update> {
    vocab::with_prefixes(spargebra::SparqlParser::new(), |p, prefix, iri| {
        p.with_prefix(prefix, iri)
    })
    .parse_update(text)
    .map_err(Error::syntax)
}

/// The graphs an update writes into, when its text names them all: `None` when a template
/// writes into a graph a variable names, or it clears or drops every graph.
fn graphs_written(update: &spargebra::Update) -> Option<Vec<GraphName>> {
    use spargebra::algebra::GraphTarget;
    use spargebra::term::{GraphName as Name, GraphNamePattern};
    use spargebra::GraphUpdateOperation as Op;
    // spargebra's graph names are its own; its IRIs are Oxigraph's.
    let named = |n: &NamedNode| GraphName::NamedNode(n.clone());
    let name = |g: &Name| match g {
        Name::NamedNode(n) => named(n),
        Name::DefaultGraph => GraphName::DefaultGraph,
    };
    let pattern = |g: &GraphNamePattern| match g {
        GraphNamePattern::NamedNode(n) => Some(named(n)),
        GraphNamePattern::DefaultGraph => Some(GraphName::DefaultGraph),
        GraphNamePattern::Variable(_) => None,
    };
    let mut graphs = Vec::new();
    for op in &update.operations {
        match op {
            Op::InsertData { data } => graphs.extend(data.iter().map(|q| name(&q.graph_name))),
            Op::DeleteData { data } => graphs.extend(data.iter().map(|q| name(&q.graph_name))),
            Op::DeleteInsert { delete, insert, .. } => {
                for g in delete.iter().map(|q| pattern(&q.graph_name)) {
                    graphs.push(g?);
                }
                for g in insert.iter().map(|q| pattern(&q.graph_name)) {
                    graphs.push(g?);
                }
            }
            Op::Load { destination, .. } => graphs.push(name(destination)),
            Op::Clear { graph, .. } | Op::Drop { graph, .. } => match graph {
                GraphTarget::NamedNode(n) => graphs.push(named(n)),
                GraphTarget::DefaultGraph => graphs.push(GraphName::DefaultGraph),
                GraphTarget::NamedGraphs | GraphTarget::AllGraphs => return None,
            },
            Op::Create { .. } => {}
        }
    }
    graphs.sort_unstable_by_key(ToString::to_string);
    graphs.dedup();
    Some(graphs)
}

/// Parses a query; its default graph becomes the union of all graphs (or `graph` when given),
/// unless the query names its own dataset with FROM.
///
/// ```
/// let prepared = ties::sparql::prepare("SELECT ?n WHERE { ?p schema:name ?n }", None, None);
/// assert!(prepared.is_ok());
/// assert!(ties::sparql::prepare("SELECT ?n WHERE {", None, None).is_err());
/// ```
pub fn prepare(
    text: &str,
    graph: Option<&str>,
    cancel: Option<CancellationToken>,
) -> Result<PreparedSparqlQuery> {
    limits::check_nesting(text)?;
    let mut evaluator = evaluator();
    if let Some(token) = cancel {
        evaluator = evaluator.with_cancellation_token(token);
    }
    let prepared = evaluator.parse_query(text).map_err(Error::syntax)?;
    with_default_graph(prepared, graph)
}

/// The query's default graph: the union of all graphs, or `graph` when given, unless the query
/// names its own dataset with FROM.
fn with_default_graph(
    mut prepared: PreparedSparqlQuery,
    graph: Option<&str>,
) -> Result<PreparedSparqlQuery> {
    if prepared.dataset().is_default_dataset() {
        match graph {
            Some(iri) => {
                let node = NamedNode::new(iri)
                    .map_err(|e| Error::Usage(format!("default graph {iri}: not an IRI ({e})")))?;
                prepared
                    .dataset_mut()
                    .set_default_graph(vec![GraphName::NamedNode(node)]);
            }
            None => prepared.dataset_mut().set_default_graph_as_union(),
        }
    }
    Ok(prepared)
}

/// The graph as SPARQL reads it: the store, behind queries.
///
/// ```
/// use ties::sparql::Dataset;
///
/// let dataset = Dataset::new(ties::store::Store::in_memory()?);
/// dataset.update("INSERT DATA { GRAPH <urn:g> { <urn:a> schema:name \"Ana Ruiz\" } }")?;
/// let rows = dataset.select("SELECT ?n WHERE { ?p schema:name ?n }")?;
/// assert_eq!(rows.len(), 1);
/// # Ok::<(), ties::Error>(())
/// ```
#[derive(Debug)]
pub struct Dataset {
    store: Store,
    /// Query texts already parsed, for bound queries.
    parsed: Mutex<HashMap<String, spargebra::Query>>,
}

/// Query texts a `Dataset` keeps parsed.
const PARSED_LIMIT: usize = 256;

impl Dataset {
    pub fn new(store: Store) -> Dataset {
        Dataset {
            store,
            parsed: Mutex::new(HashMap::new()),
        }
    }

    /// Opens an existing store for reading only; it may be read while an ingest writes.
    pub fn open_read_only(path: &Path) -> Result<Dataset> {
        Ok(Dataset::new(Store::open_read_only(path)?))
    }

    /// The store behind it, for those who write (ingest, the Graph Store Protocol).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// True when the store is a remote engine (which keeps graphs of its own besides ties').
    pub fn is_remote(&self) -> bool {
        self.store.is_remote()
    }

    /// Runs a query (SELECT, ASK, CONSTRUCT, DESCRIBE).
    pub fn query(&self, text: &str, options: &QueryOptions<'_>) -> Result<QueryResults<'_>> {
        let store = match self.store.access() {
            Access::Embedded(store) => store,
            Access::Remote(remote) => return self.query_remote(remote, text, options),
        };
        let prepared = if options.bindings.is_empty() {
            prepare(text, options.graph, options.cancel.clone())?
        } else {
            // Bound queries run over and over with other values (a trace asks one per entity):
            // each text is parsed once, and the bound algebra goes to Oxigraph as it is.
            let mut query = self.parsed(text)?;
            for (variable, value) in options.bindings {
                bind::bind_query(&mut query, variable, value)?;
            }
            let mut evaluator = evaluator();
            if let Some(token) = options.cancel.clone() {
                evaluator = evaluator.with_cancellation_token(token);
            }
            with_default_graph(evaluator.for_query(query), options.graph)?
        };
        prepared
            .on_store(store)
            .execute()
            .map_err(Error::evaluation)
    }

    /// A query on a remote engine: bound in the algebra as on the embedded store, then sent as
    /// standard SPARQL 1.1 (`portable`), over `options.graph` when given.
    fn query_remote(
        &self,
        remote: &Remote,
        text: &str,
        options: &QueryOptions<'_>,
    ) -> Result<QueryResults<'static>> {
        let mut query = self.parsed(text)?;
        for (variable, value) in options.bindings {
            bind::bind_query(&mut query, variable, value)?;
        }
        let answer = match query {
            spargebra::Query::Select { .. } | spargebra::Query::Ask { .. } => Answer::Solutions,
            _ => Answer::Triples,
        };
        let graph = if query.dataset().is_some() {
            None
        } else {
            options.graph
        };
        remote.query(&portable::query_text(query)?, answer, graph)
    }

    /// The algebra of a query text, parsed once per text (a few dozen texts at most: the
    /// library's own queries and the user's).
    fn parsed(&self, text: &str) -> Result<spargebra::Query> {
        let mut cache = self
            .parsed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(query) = cache.get(text) {
            return Ok(query.clone());
        }
        let query = bind::parse(text)?;
        if cache.len() < PARSED_LIMIT {
            cache.insert(text.to_owned(), query.clone());
        }
        Ok(query)
    }

    /// Runs a SELECT and collects its rows; for the library's own queries.
    pub fn select(&self, text: &str) -> Result<Vec<QuerySolution>> {
        self.select_bound(text, &[])
    }

    /// `select` with variables fixed first (`bind`): the way to put a value into a query.
    pub fn select_bound(
        &self,
        text: &str,
        bindings: &[(Variable, Term)],
    ) -> Result<Vec<QuerySolution>> {
        let options = QueryOptions {
            bindings,
            ..QueryOptions::default()
        };
        match self.query(text, &options)? {
            QueryResults::Solutions(rows) => rows
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(Error::evaluation),
            _ => Err(Error::Usage("expected a SELECT query".into())),
        }
    }

    /// Runs a SPARQL Update (INSERT/DELETE); `cancel` stops it at a time limit.
    pub fn update_with(&self, text: &str, cancel: Option<CancellationToken>) -> Result<()> {
        limits::check_nesting(text)?;
        let store = match self.store.access() {
            Access::Embedded(store) => store,
            Access::Remote(remote) => {
                return remote.update(&portable::update_text(parse_update(text)?)?);
            }
        };
        let mut evaluator = evaluator();
        if let Some(token) = cancel {
            evaluator = evaluator.with_cancellation_token(token);
        }
        let prepared = evaluator.parse_update(text).map_err(Error::syntax)?;
        // The listing index follows the graphs the update names; one that may write into any
        // graph (a template's GRAPH ?g, CLEAR ALL) has the index rebuilt whole.
        let touched = parse_update(text).ok().and_then(|u| graphs_written(&u));
        self.store.keep_listing_around(touched, || {
            prepared
                .on_store(store)
                .execute()
                .map_err(Error::evaluation)
        })
    }

    /// True when the store's listing index is whole, so the `people`, `organisations` and
    /// `co-members` queries may read it (`crate::queries::named_on`).
    pub fn listing_is_complete(&self) -> Result<bool> {
        self.store.listing_is_complete()
    }

    /// Runs a SPARQL Update.
    pub fn update(&self, text: &str) -> Result<()> {
        self.update_with(text, None)
    }

    /// Number of statements in all graphs.
    pub fn len(&self) -> Result<usize> {
        self.store.len()
    }

    pub fn is_empty(&self) -> Result<bool> {
        self.store.is_empty()
    }

    /// Number of named graphs (reports and loaded RDF files).
    pub fn graph_count(&self) -> Result<usize> {
        self.store.graph_count()
    }

    /// The named graphs of the store (ties' own on a remote engine).
    pub fn graphs(&self) -> Result<Vec<NamedNode>> {
        self.store.graph_names()
    }

    /// Every quad of one named graph, blank nodes included.
    pub fn quads_of(&self, graph: NamedNodeRef<'_>) -> Result<Vec<Quad>> {
        self.store.quads_in(graph.into())?.collect()
    }

    /// Writes one graph (a named graph, or the default graph itself) as Turtle, within `caps`
    /// (its triples count as rows; `Error::TooLarge` past a cap); false when there is no such
    /// named graph.
    pub fn write_graph(
        &self,
        graph: GraphNameRef<'_>,
        out: &mut Vec<u8>,
        caps: Caps,
    ) -> Result<bool> {
        if let GraphNameRef::NamedNode(g) = graph {
            if !self.store.contains_graph(g)? {
                return Ok(false);
            }
        }
        let mut capped = results::Capped::new(out, caps.bytes);
        let written = (|| {
            let mut w = vocab::serializer(RdfFormat::Turtle).for_writer(&mut capped);
            for (n, q) in self.store.quads_in(graph)?.enumerate() {
                let q = q?;
                if let Some(max) = caps.rows.filter(|&max| n >= max) {
                    return Err(Error::TooLarge(Size::Triples(max)));
                }
                w.serialize_triple(TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            }
            w.finish()?;
            Ok(true)
        })();
        capped.verdict(written)
    }
}

/// Reads `VAR=VALUE`: an IRI when the value is written `<…>` or starts with `urn:`, `http://`
/// or `https://`, else a plain string.
///
/// ```
/// let (var, value) = ties::sparql::parse_binding("person=Ana Ruiz")?;
/// assert_eq!(var.as_str(), "person");
/// assert_eq!(value.to_string(), "\"Ana Ruiz\"");
/// # Ok::<(), ties::Error>(())
/// ```
pub fn parse_binding(text: &str) -> Result<(Variable, Term)> {
    let (name, value) = text.split_once('=').ok_or_else(|| {
        Error::Usage(format!(
            "binding {text:?}: write VAR=VALUE, e.g. person=\"Ana Ruiz\""
        ))
    })?;
    let name = name.trim().trim_start_matches(['?', '$']);
    let variable = Variable::new(name).map_err(|e| {
        Error::Usage(format!(
            "binding {text:?}: {name:?} is no variable name ({e})"
        ))
    })?;
    let iri = value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .or_else(|| {
            ["urn:", "http://", "https://"]
                .iter()
                .any(|s| value.starts_with(s))
                .then_some(value)
        });
    let term = match iri {
        Some(iri) => Term::from(
            NamedNode::new(iri)
                .map_err(|e| Error::Usage(format!("binding {text:?}: not an IRI ({e})")))?,
        ),
        None => Term::from(Literal::new_simple_literal(value)),
    };
    Ok((variable, term))
}

/// The text of a term in a row: a literal's value, an IRI whole, anything else as a person
/// reads it ("" when unbound).
pub fn text(term: Option<&Term>) -> String {
    match term {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        Some(other) => display_term(other),
        None => String::new(),
    }
}

/// A count in a row (0 when unbound or not a number).
pub fn count(term: Option<&Term>) -> u64 {
    match term {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    }
}

/// True when a row's value is the boolean `true` (`true` or `1`, its two lexical forms; some
/// engines, Virtuoso among them, also answer a boolean BIND as the integer 1).
pub fn is_true(term: Option<&Term>) -> bool {
    matches!(term, Some(Term::Literal(l)) if matches!(l.value(), "true" | "1"))
}

/// A variable by name, for bindings the library writes itself.
pub fn variable(name: &str) -> Variable {
    Variable::new_unchecked(name)
}

/// An IRI term, for bindings the library writes itself; a usage error when it is no IRI.
pub fn iri(text: &str) -> Result<Term> {
    NamedNode::new(text)
        .map(Term::from)
        .map_err(|e| Error::Usage(format!("{text:?} is not an IRI ({e})")))
}

/// A plain string term, for bindings.
pub fn string(text: &str) -> Term {
    Term::from(Literal::new_simple_literal(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_graphs() -> Dataset {
        let dataset = Dataset::new(Store::in_memory().expect("an in-memory store"));
        dataset
            .update(
                "INSERT DATA { GRAPH <urn:g:1> { <urn:x> schema:name \"urn:g:1\" } \
                               GRAPH <urn:g:2> { <urn:x> schema:name \"urn:g:2\" } }",
            )
            .expect("the update runs");
        dataset
    }

    fn csv(dataset: &Dataset, text: &str, options: &QueryOptions<'_>) -> String {
        let results = dataset.query(text, options).expect("the query runs");
        let mut out = Vec::new();
        write_results(results, OutputFormat::Csv, &mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn an_update_names_the_graphs_it_writes_or_may_write_anywhere() {
        let g = |iri: &str| GraphName::NamedNode(NamedNode::new_unchecked(iri));
        let cases: &[(&str, &str, Option<Vec<GraphName>>)] = &[
            ("data", "INSERT DATA { GRAPH <urn:a> { <urn:s> <urn:p> 1 } } ; DELETE DATA { GRAPH <urn:b> { <urn:s> <urn:p> 2 } }", Some(vec![g("urn:a"), g("urn:b")])),
            ("template with its graph", "DELETE { GRAPH <urn:a> { ?s ?p ?o } } WHERE { GRAPH <urn:a> { ?s ?p ?o } }", Some(vec![g("urn:a")])),
            ("default graph", "INSERT DATA { <urn:s> <urn:p> 1 }", Some(vec![GraphName::DefaultGraph])),
            ("template over GRAPH ?g", "DELETE WHERE { GRAPH ?g { <urn:s> ?p ?o } }", None),
            ("clear all", "CLEAR ALL", None),
            ("drop one", "DROP GRAPH <urn:a>", Some(vec![g("urn:a")])),
        ];
        for (name, text, expected) in cases {
            assert_eq!(
                &graphs_written(&parse_update(text).unwrap()),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn default_graph_is_the_union_and_prefixes_are_predeclared() {
        let rows = two_graphs()
            .select("SELECT ?n WHERE { ?x schema:name ?n }")
            .expect("the query runs");
        assert_eq!(rows.len(), 2);
    }

    #[test]
    fn graph_option_limits_the_default_graph() {
        let options = QueryOptions {
            graph: Some("urn:g:2"),
            ..QueryOptions::default()
        };
        let text = csv(
            &two_graphs(),
            "SELECT ?n WHERE { ?x schema:name ?n }",
            &options,
        );
        assert_eq!(text, "n\r\nurn:g:2\r\n");
    }

    #[test]
    fn bindings_fix_a_variable_and_come_back_in_the_rows() {
        let bindings = [(variable("n"), string("urn:g:1"))];
        let rows = two_graphs()
            .select_bound("SELECT ?x ?n WHERE { ?x schema:name ?n }", &bindings)
            .expect("the query runs");
        assert_eq!(rows.len(), 1);
        assert_eq!(text(rows[0].get("n")), "urn:g:1");
    }

    #[test]
    fn syntax_errors_carry_the_position() {
        let err = two_graphs()
            .query(
                "SELECT ?n WHERE { ?x schema:name }",
                &QueryOptions::default(),
            )
            .err()
            .expect("a syntax error");
        assert!(matches!(err, Error::Syntax(_)));
        assert!(err.full_text().contains("1:"), "{}", err.full_text());
    }

    #[test]
    fn table_aligns_and_compacts() {
        let dataset = two_graphs();
        let results = dataset
            .query(
                "SELECT ?x ?n WHERE { ?x schema:name ?n } ORDER BY ?n",
                &QueryOptions::default(),
            )
            .expect("the query runs");
        let mut out = Vec::new();
        write_results(results, OutputFormat::Table, &mut out).expect("written");
        assert_eq!(
            String::from_utf8(out).expect("UTF-8"),
            "x      n\n-----  -------\nurn:x  urn:g:1\nurn:x  urn:g:2\n(2 rows)\n"
        );
        assert_eq!(compact_iri("https://schema.org/Person"), "schema:Person");
    }

    #[test]
    fn answers_past_their_caps_are_stopped_with_the_limit_they_passed() {
        let dataset = two_graphs();
        let run = |text: &str, format, caps| {
            let results = dataset.query(text, &QueryOptions::default()).expect("runs");
            write_results_capped(results, format, &mut Vec::new(), caps)
        };
        let select = "SELECT ?n WHERE { ?x schema:name ?n }";
        let construct = "CONSTRUCT { ?x schema:name ?n } WHERE { ?x schema:name ?n }";
        let rows = |n| Caps {
            rows: Some(n),
            bytes: None,
        };
        for format in [OutputFormat::Json, OutputFormat::Table] {
            assert_eq!(run(select, format, rows(2)).expect("within"), 2);
            let e = run(select, format, rows(1)).expect_err("over");
            assert!(matches!(e, Error::TooLarge(Size::Rows(1))), "{e}");
        }
        assert_eq!(
            run(construct, OutputFormat::NTriples, rows(2)).expect("within"),
            2
        );
        let e = run(construct, OutputFormat::Turtle, rows(1)).expect_err("over");
        assert!(matches!(e, Error::TooLarge(Size::Triples(1))), "{e}");
        let bytes = Caps {
            rows: None,
            bytes: Some(40),
        };
        let e = run(select, OutputFormat::Json, bytes).expect_err("over");
        assert!(matches!(e, Error::TooLarge(Size::Bytes(40))), "{e}");
        assert!(e.to_string().contains("more than 40 bytes"), "{e}");
        let e = run(construct, OutputFormat::NTriples, bytes).expect_err("over");
        assert!(matches!(e, Error::TooLarge(Size::Bytes(40))), "{e}");
        assert!(run("ASK { ?x ?p ?o }", OutputFormat::Json, bytes).is_ok());
        // A graph of the Graph Store Protocol counts its triples the same way.
        let g = NamedNode::new_unchecked("urn:g:1");
        let e = dataset
            .write_graph(
                GraphNameRef::NamedNode(g.as_ref()),
                &mut Vec::new(),
                rows(0),
            )
            .expect_err("over");
        assert!(matches!(e, Error::TooLarge(Size::Triples(0))), "{e}");
    }

    #[test]
    fn a_graph_is_written_as_turtle() {
        let dataset = two_graphs();
        let mut out = Vec::new();
        let g = NamedNode::new_unchecked("urn:g:1");
        assert!(dataset
            .write_graph(
                GraphNameRef::NamedNode(g.as_ref()),
                &mut out,
                Caps::default()
            )
            .expect("written"));
        assert!(String::from_utf8(out).expect("UTF-8").contains("urn:g:1"));
        let missing = NamedNode::new_unchecked("urn:g:9");
        assert!(!dataset
            .write_graph(
                GraphNameRef::NamedNode(missing.as_ref()),
                &mut Vec::new(),
                Caps::default(),
            )
            .expect("answered"));
    }
}
