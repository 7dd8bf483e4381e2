//! A remote SPARQL 1.1 engine as ties' store (Virtuoso, QLever, GraphDB, Neptune, Fuseki…),
//! spoken to over HTTP with the SPARQL 1.1 Protocol alone: queries and updates are POSTed,
//! results come back in the W3C formats (JSON, XML, CSV/TSV for SELECT and ASK; N-Triples or
//! Turtle for CONSTRUCT), and nothing engine-specific is sent.
//!
//! A request that fails without an answer, or with one saying the engine is overloaded, is
//! retried with backoff. How reports' writes are gathered into requests is `batch`'s; where the
//! engine answers and how to log in, `endpoint`'s.
//!
//! Nothing reaches the network unless a user named an endpoint: a `Remote` is made only from
//! an `Endpoint`. This module knows no command line (credentials come in as values) and parses
//! no queries: it sends the text the SPARQL layer gives it.

pub(crate) use super::batch::{edit_text, Batch, Failed};
use super::endpoint::check_url;
pub use super::endpoint::{Credentials, Endpoint, BATCH_BYTES};
use crate::error::{Cause, Error, Result};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Triple;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use std::fmt::Write as _;
use std::time::Duration;

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

    pub(crate) fn endpoint(&self) -> &Endpoint {
        &self.endpoint
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
        let media = super::endpoint::media_type(
            response
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or(""),
        );
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
