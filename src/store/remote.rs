//! A remote SPARQL 1.1 engine as ties' store (Virtuoso, QLever, GraphDB, Neptune, Fuseki…),
//! spoken to over HTTP with the SPARQL 1.1 Protocol alone: queries and updates are POSTed,
//! results come back in the W3C formats (JSON, XML, CSV/TSV for SELECT and ASK; N-Triples or
//! Turtle for CONSTRUCT), and nothing engine-specific is sent.
//!
//! Writes stay whole: a report's graph is replaced by one Update (`DROP SILENT GRAPH` and
//! `INSERT DATA` of the whole graph), and several reports go in one request (`Batch`) under a
//! size limit. A request that fails is retried with backoff; a batch that still fails is split
//! and each report sent alone, so a failure is reported per report and the others go in.
//! Requests are whole or not sent, so a killed ingest leaves each report whole or absent.
//!
//! Nothing reaches the network unless a user named an endpoint: a `Remote` is made only from
//! an `Endpoint`. This module knows no command line (credentials come in as values) and parses
//! no queries: it sends the text the SPARQL layer gives it.

use super::Edit;
use crate::error::{Cause, Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, Quad, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

/// Where a remote engine answers, and how to log in.
#[derive(Clone)]
pub struct Endpoint {
    /// The SPARQL 1.1 Protocol query URL (`…/sparql`).
    pub query: String,
    /// The update URL, when the engine has its own (most answer updates at `query`).
    pub update: Option<String>,
    /// The Graph Store Protocol URL, when the engine has one (`…/sparql-graph-crud` on
    /// Virtuoso, `…/rdf-graphs/service` on GraphDB): a report's graph is then written by one
    /// PUT, which engines load faster than an INSERT DATA (Virtuoso: 3 to 10 times).
    pub graph_store: Option<String>,
    /// HTTP basic authentication.
    pub credentials: Option<Credentials>,
    /// The largest update body sent at once: reports are batched up to it.
    pub batch_bytes: usize,
}

/// Reports' updates are batched up to this many bytes per request. Virtuoso compiles an
/// INSERT DATA in time that grows faster than its size (20 generated reports: 2.2 s in
/// requests of 16 KiB, 5.2 s in 64 KiB, 19 s in 1 MiB), so requests stay small.
pub const BATCH_BYTES: usize = 16 << 10;

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("query", &self.query)
            .field("update", &self.update)
            .field("graph_store", &self.graph_store)
            .field("credentials", &self.credentials)
            .field("batch_bytes", &self.batch_bytes)
            .finish()
    }
}

impl Endpoint {
    /// An endpoint answering queries and updates at `url` (http or https).
    pub fn new(url: &str) -> Result<Endpoint> {
        check_url(url)?;
        Ok(Endpoint {
            query: url.to_owned(),
            update: None,
            graph_store: None,
            credentials: None,
            batch_bytes: BATCH_BYTES,
        })
    }

    fn update_url(&self) -> &str {
        self.update.as_deref().unwrap_or(&self.query)
    }

    /// The host of the query URL, to look up credentials (a netrc file's `machine`).
    pub fn host(&self) -> &str {
        host_of(&self.query)
    }
}

/// A user name and password for HTTP basic authentication; the password is never printed.
#[derive(Clone)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Credentials {{ user: {:?}, password: … }}", self.user)
    }
}

impl Credentials {
    /// The `login` and `password` a netrc file gives for `host` (or its `default` entry).
    pub fn from_netrc(text: &str, host: &str) -> Option<Credentials> {
        // Sections: 1 the host's `machine`, 2 `default`, 0 another machine.
        let (mut section, mut host_seen) = (0u8, false);
        let mut found: [[Option<&str>; 2]; 3] = [[None; 2]; 3];
        let mut words = text.split_whitespace();
        while let Some(word) = words.next() {
            match word {
                "machine" => {
                    let name = words.next();
                    section = u8::from(name == Some(host));
                    host_seen |= section == 1;
                }
                "default" => section = 2,
                "login" | "password" => {
                    found[usize::from(section)][usize::from(word == "password")] = words.next();
                }
                _ => {}
            }
        }
        let [user, password] = found[if host_seen { 1 } else { 2 }];
        Some(Credentials {
            user: user?.to_owned(),
            password: password?.to_owned(),
        })
    }

    fn header(&self) -> String {
        format!(
            "Basic {}",
            base64(format!("{}:{}", self.user, self.password).as_bytes())
        )
    }
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn check_url(url: &str) -> Result<()> {
    let ok =
        (url.starts_with("http://") || url.starts_with("https://")) && !host_of(url).is_empty();
    if ok {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "{url:?} is not an endpoint address: give the engine's SPARQL URL, e.g. http://localhost:8890/sparql"
        )))
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    }
}

/// What a query gives back, to ask for the right format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    /// SELECT and ASK: a results document.
    Solutions,
    /// CONSTRUCT and DESCRIBE: RDF triples.
    Triples,
}

/// How often a failed request is tried again, and the first wait (doubled each time).
const RETRIES: u32 = 3;
const FIRST_WAIT: Duration = Duration::from_millis(500);

/// A connection to a remote engine.
pub(crate) struct Remote {
    endpoint: Endpoint,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Remote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Remote")
            .field("endpoint", &self.endpoint)
            .finish()
    }
}

/// Why a request failed: the HTTP status and the engine's message, or no answer at all.
#[derive(Debug, thiserror::Error)]
#[error("{url} answered {status}: {message}")]
pub struct Refusal {
    url: String,
    status: u16,
    message: String,
}

/// What a request carries.
enum Body<'a> {
    /// A form POST (queries).
    Form(&'a [(&'a str, &'a str)]),
    /// A SPARQL Update POST.
    Update(&'a str),
    /// A Graph Store PUT of N-Triples.
    Put(&'a str),
}

/// A request that failed: transient ones (no answer, 5xx) are worth trying again.
enum Failure {
    Transport(ureq::Error),
    Status(Refusal),
}

impl Failure {
    fn transient(&self, update: bool) -> bool {
        match self {
            Failure::Transport(_) => true,
            Failure::Status(r) => {
                matches!(r.status, 429 | 502..=504) || (update && r.status >= 500)
            }
        }
    }

    fn into_error(self, url: &str) -> Error {
        let (reason, source): (String, Cause) = match self {
            Failure::Transport(e) => (
                "no answer: check the address and that the engine runs".into(),
                Box::new(e),
            ),
            Failure::Status(r) => (
                match r.status {
                    401 | 403 => "refused: give credentials with write access (TIES_ENDPOINT_USER and TIES_ENDPOINT_PASSWORD, or a netrc file)".into(),
                    404 => "no SPARQL service at this address: check the path (…/sparql)".into(),
                    s if s < 500 => "the engine refused the request".into(),
                    _ => "the engine failed on the request".into(),
                },
                Box::new(r),
            ),
        };
        Error::Remote {
            url: url.to_owned(),
            reason,
            source: Some(source),
        }
    }
}

impl Remote {
    /// Connects to `endpoint` and checks that it answers a query.
    pub(crate) fn connect(endpoint: Endpoint) -> Result<Remote> {
        check_url(&endpoint.query)?;
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(10)))
            .user_agent(concat!("ties/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let remote = Remote { endpoint, agent };
        match remote.query("ASK {}", Answer::Solutions, None)? {
            QueryResults::Boolean(_) => Ok(remote),
            _ => Err(Error::Remote {
                url: remote.endpoint.query.clone(),
                reason:
                    "answered ASK with something else than true or false: is it a SPARQL endpoint?"
                        .into(),
                source: None,
            }),
        }
    }

    /// Sends a request once; a 2xx answer is returned, anything else is a `Failure`.
    fn send(
        &self,
        url: &str,
        body: &Body<'_>,
        accept: &str,
    ) -> std::result::Result<ureq::http::Response<ureq::Body>, Failure> {
        let request = match body {
            Body::Put(_) => self.agent.put(url),
            _ => self.agent.post(url),
        };
        let mut request = request.header("Accept", accept);
        if let Some(c) = &self.endpoint.credentials {
            request = request.header("Authorization", c.header());
        }
        let sent = match body {
            Body::Form(form) => request.send_form(form.iter().copied()),
            Body::Update(text) => request
                .content_type("application/sparql-update; charset=utf-8")
                .send(*text),
            Body::Put(text) => request.content_type("application/n-triples").send(*text),
        };
        let mut response = sent.map_err(Failure::Transport)?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let mut message = response
            .body_mut()
            .with_config()
            .limit(4096)
            .read_to_string()
            .unwrap_or_default();
        message = message.split_whitespace().collect::<Vec<_>>().join(" ");
        Err(Failure::Status(Refusal {
            url: url.to_owned(),
            status,
            message,
        }))
    }

    /// `send`, tried again with backoff while it fails in a way worth retrying.
    fn send_retrying(
        &self,
        url: &str,
        body: &Body<'_>,
        accept: &str,
    ) -> Result<ureq::http::Response<ureq::Body>> {
        let writes = !matches!(body, Body::Form(_));
        let mut wait = FIRST_WAIT;
        for attempt in 0..=RETRIES {
            match self.send(url, body, accept) {
                Ok(response) => return Ok(response),
                Err(f) if attempt < RETRIES && f.transient(writes) => {
                    std::thread::sleep(wait);
                    wait *= 2;
                }
                Err(f) => return Err(f.into_error(url)),
            }
        }
        unreachable_retry(url)
    }

    /// Runs a query text as it is (standard SPARQL 1.1; the SPARQL layer made it so), over the
    /// engine's default graph or `default_graph`.
    pub(crate) fn query(
        &self,
        text: &str,
        answer: Answer,
        default_graph: Option<&str>,
    ) -> Result<QueryResults<'static>> {
        let mut form = vec![("query", text)];
        if let Some(g) = default_graph {
            form.push(("default-graph-uri", g));
        }
        let accept = match answer {
            Answer::Solutions => {
                "application/sparql-results+json, application/sparql-results+xml;q=0.9"
            }
            Answer::Triples => "application/n-triples, text/turtle;q=0.9, text/plain;q=0.5",
        };
        let url = &self.endpoint.query;
        let response = self.send_retrying(url, &Body::Form(&form), accept)?;
        let media = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let reader = response.into_body().into_reader();
        match answer {
            Answer::Solutions => {
                let format =
                    QueryResultsFormat::from_media_type(&media).unwrap_or(QueryResultsFormat::Json);
                let parsed = QueryResultsParser::from_format(format)
                    .for_reader(reader)
                    .map_err(|e| unreadable(url, &media, e))?;
                Ok(parsed.into())
            }
            Answer::Triples => {
                let format = match media.as_str() {
                    "text/plain" | "" => RdfFormat::NTriples,
                    m => RdfFormat::from_media_type(m).unwrap_or(RdfFormat::NTriples),
                };
                let triples = RdfParser::from_format(format).for_reader(reader).map(|q| {
                    q.map(Triple::from)
                        .map_err(|e| QueryEvaluationError::Dataset(Box::new(e)))
                });
                Ok(QueryResults::Graph(QueryTripleIter::new(triples)))
            }
        }
    }

    /// Runs an update text as it is, retried while the engine fails on it.
    pub(crate) fn update(&self, text: &str) -> Result<()> {
        let url = self.endpoint.update_url();
        self.send_retrying(url, &Body::Update(text), "*/*")?;
        Ok(())
    }

    /// Replaces one graph whole by a Graph Store Protocol PUT of `triples` (N-Triples), when
    /// the engine has a Graph Store URL; false when it has none.
    pub(crate) fn put_graph(&self, graph: &str, triples: &str) -> Result<bool> {
        let Some(url) = self.graph_url(graph) else {
            return Ok(false);
        };
        self.send_retrying(&url, &Body::Put(triples), "*/*")?;
        Ok(true)
    }

    /// The Graph Store URL of one graph (`?graph-uri=` is Virtuoso's name; `?graph=` the
    /// standard's, used when the configured URL ends with `graph=` itself).
    fn graph_url(&self, graph: &str) -> Option<String> {
        let gsp = self.endpoint.graph_store.as_deref()?;
        let encoded = form_encode(graph);
        Some(if gsp.ends_with('=') {
            format!("{gsp}{encoded}")
        } else {
            let sep = if gsp.contains('?') { '&' } else { '?' };
            format!("{gsp}{sep}graph-uri={encoded}")
        })
    }

    /// The triples of one graph, by a CONSTRUCT.
    pub(crate) fn graph(&self, graph: &str) -> Result<Vec<Triple>> {
        let results = self.query(
            &format!("CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"),
            Answer::Triples,
            None,
        )?;
        match results {
            QueryResults::Graph(triples) => triples
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(Error::evaluation),
            _ => Ok(Vec::new()),
        }
    }
}

fn unreachable_retry<T>(url: &str) -> Result<T> {
    Err(Error::Remote {
        url: url.to_owned(),
        reason: "gave up after retrying".into(),
        source: None,
    })
}

fn unreadable(url: &str, media: &str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Remote {
        url: url.to_owned(),
        reason: format!("its answer ({media}) does not parse as SPARQL results or RDF"),
        source: Some(Box::new(e)),
    }
}

fn form_encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The SPARQL Update that makes `edit` on a remote engine, as one request: graphs dropped, the
/// quads of (graph, subject) pairs deleted, quads deleted, quads inserted. Graphs an edit
/// would prune when empty are left: SPARQL engines keep no empty graphs.
pub(crate) fn edit_text(edit: &Edit) -> String {
    let mut ops: Vec<String> = Vec::new();
    for g in &edit.drop_graphs {
        ops.push(format!("DROP SILENT GRAPH {g}"));
    }
    for (g, s) in &edit.drop_subjects {
        ops.push(format!("DELETE WHERE {{ GRAPH {g} {{ {s} ?p ?o }} }}"));
    }
    if !edit.remove.is_empty() {
        ops.push(format!("DELETE DATA {{ {} }}", data_block(&edit.remove)));
    }
    if !edit.insert.is_empty() {
        ops.push(format!("INSERT DATA {{ {} }}", data_block(&edit.insert)));
    }
    ops.join(" ;\n")
}

/// Quads as the body of INSERT DATA or DELETE DATA: consecutive quads of a graph in one
/// `GRAPH` block, terms written as N-Triples (which SPARQL reads as they are).
fn data_block(quads: &[Quad]) -> String {
    let mut out = String::new();
    let mut open: Option<&GraphName> = None;
    for q in quads {
        if open != Some(&q.graph_name) {
            if open.is_some_and(|g| !g.is_default_graph()) {
                out.push_str("}\n");
            }
            if let GraphName::NamedNode(g) = &q.graph_name {
                let _ = writeln!(out, "GRAPH {g} {{");
            }
            open = Some(&q.graph_name);
        }
        let _ = writeln!(out, "{} {} {} .", q.subject, q.predicate, q.object);
    }
    if open.is_some_and(|g| !g.is_default_graph()) {
        out.push_str("}\n");
    }
    out
}

/// Reports' writes gathered into requests of at most `batch_bytes` each; a report's update is
/// never cut, so each goes in whole or not at all.
#[derive(Debug)]
pub(crate) struct Batch<'a> {
    remote: &'a Remote,
    pending: Vec<(PathBuf, String)>,
    bytes: usize,
}

/// A report whose write failed, with why.
pub(crate) type Failed = (PathBuf, Error);

impl<'a> Batch<'a> {
    pub(crate) fn new(remote: &'a Remote) -> Batch<'a> {
        Batch {
            remote,
            pending: Vec::new(),
            bytes: 0,
        }
    }

    /// Adds a report's edit; sends what is gathered first when this one would pass the limit.
    /// Returns the reports that failed in a request sent now.
    pub(crate) fn add(&mut self, report: PathBuf, edit: &Edit) -> Result<Vec<Failed>> {
        if let Some((graph, triples)) = self.as_put(edit) {
            let mut failed = self.send()?;
            if let Err(e) = self.remote.put_graph(graph, &triples) {
                if is_transport(&e) {
                    return Err(e);
                }
                failed.push((report, e));
            }
            return Ok(failed);
        }
        let text = edit_text(edit);
        let mut failed = Vec::new();
        if self.bytes + text.len() > self.remote.endpoint.batch_bytes && !self.pending.is_empty() {
            failed = self.send()?;
        }
        self.bytes += text.len() + 3;
        self.pending.push((report, text));
        Ok(failed)
    }

    /// The graph and N-Triples of an edit that replaces one graph whole, when the engine takes
    /// Graph Store PUTs: a new or re-read report without curation records.
    fn as_put<'e>(&self, edit: &'e Edit) -> Option<(&'e str, String)> {
        self.remote.endpoint.graph_store.as_ref()?;
        let [oxigraph::model::NamedOrBlankNode::NamedNode(g)] = &edit.drop_graphs[..] else {
            return None;
        };
        let plain =
            edit.drop_subjects.is_empty() && edit.remove.is_empty() && edit.prune.is_empty();
        let ours = |q: &Quad| matches!(&q.graph_name, GraphName::NamedNode(n) if n == g);
        if !plain || edit.insert.is_empty() || !edit.insert.iter().all(ours) {
            return None;
        }
        let mut text = String::new();
        for q in &edit.insert {
            let _ = writeln!(text, "{} {} {} .", q.subject, q.predicate, q.object);
        }
        Some((g.as_str(), text))
    }

    /// Sends what is gathered: one request, or, when that fails after its retries, one request
    /// per report. An error only when the engine answers none of them at all.
    pub(crate) fn send(&mut self) -> Result<Vec<Failed>> {
        let pending = std::mem::take(&mut self.pending);
        self.bytes = 0;
        if pending.is_empty() {
            return Ok(Vec::new());
        }
        let joined = pending
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join(" ;\n");
        let first = match self.remote.update(&joined) {
            Ok(()) => return Ok(Vec::new()),
            Err(e) => e,
        };
        if pending.len() == 1 {
            return no_answer_or(first, pending);
        }
        let mut failed = Vec::new();
        for (report, text) in pending {
            if let Err(e) = self.remote.update(&text) {
                if is_transport(&e) {
                    return Err(e);
                }
                failed.push((report, e));
            }
        }
        Ok(failed)
    }
}

/// A failure of one report's request: the run stops when the engine did not answer at all.
fn no_answer_or(e: Error, mut pending: Vec<(PathBuf, String)>) -> Result<Vec<Failed>> {
    if is_transport(&e) {
        return Err(e);
    }
    let (report, _) = pending.remove(0);
    Ok(vec![(report, e)])
}

fn is_transport(e: &Error) -> bool {
    matches!(e, Error::Remote { source: Some(s), .. } if s.downcast_ref::<ureq::Error>().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};

    #[test]
    fn netrc_gives_the_host_s_login_or_the_default() {
        let text = "machine other login a password b\n\
                    machine db.example.org login ties password s3cret\ndefault login anon password x";
        let c = Credentials::from_netrc(text, "db.example.org").expect("found");
        assert_eq!((c.user.as_str(), c.password.as_str()), ("ties", "s3cret"));
        let d = Credentials::from_netrc(text, "elsewhere").expect("the default");
        assert_eq!(d.user, "anon");
        assert!(Credentials::from_netrc("machine x login a password b", "y").is_none());
        assert!(!format!("{c:?}").contains("s3cret"));
    }

    #[test]
    fn basic_authentication_is_base64() {
        assert_eq!(
            base64(b"Aladdin:open sesame"),
            "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
        );
        assert_eq!(base64(b"ab"), "YWI=");
    }

    #[test]
    fn endpoints_are_http_addresses() {
        assert!(Endpoint::new("http://127.0.0.1:8890/sparql").is_ok());
        assert_eq!(
            Endpoint::new("https://u@db.example.org:443/sparql")
                .expect("ok")
                .host(),
            "db.example.org"
        );
        for bad in ["ftp://x/sparql", "localhost:8890", "http:///sparql"] {
            assert!(Endpoint::new(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_edit_is_one_update_with_every_graph_whole() {
        let g = NamedNode::new_unchecked("urn:ties:report/a");
        let edit = Edit {
            drop_graphs: vec![g.clone().into()],
            drop_subjects: vec![(
                NamedNode::new_unchecked("urn:ties:curation/record"),
                g.clone(),
            )],
            insert: vec![Quad::new(
                g.clone(),
                NamedNode::new_unchecked("https://schema.org/name"),
                Literal::new_simple_literal("Day \"one\"\n"),
                g.clone(),
            )],
            ..Edit::default()
        };
        assert_eq!(
            edit_text(&edit),
            "DROP SILENT GRAPH <urn:ties:report/a> ;\n\
             DELETE WHERE { GRAPH <urn:ties:curation/record> { <urn:ties:report/a> ?p ?o } } ;\n\
             INSERT DATA { GRAPH <urn:ties:report/a> {\n\
             <urn:ties:report/a> <https://schema.org/name> \"Day \\\"one\\\"\\n\" .\n}\n }"
        );
    }
}
