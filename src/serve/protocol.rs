//! The SPARQL 1.1 Protocol on `/sparql`: queries by GET and by POST (a `application/sparql-query`
//! body or a form), updates by POST only, the result format chosen from the Accept header, and
//! the Service Description for a GET without a query.
//!
//! Must not touch: Oxigraph's store. Queries and updates go through `crate::sparql::Dataset`
//! (`query`, `update`); updates pass the write check (`may_write`: read-only, loopback, Origin, token) first.

use super::{blocking, error, may_write, too_large, AppState};
use crate::error::{Error, Result, Size};
use crate::sparql::{self, OutputFormat, QueryOptions, QueryResults};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use oxigraph::sparql::CancellationToken;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// A media type a client may ask for, the format it gives, and the Content-Type sent back.
type Offer = (&'static str, OutputFormat, &'static str);

/// What CONSTRUCT and DESCRIBE give, in the server's order of preference.
const GRAPH_FORMATS: &[Offer] = &[
    (
        "text/turtle",
        OutputFormat::Turtle,
        "text/turtle; charset=utf-8",
    ),
    (
        "application/n-triples",
        OutputFormat::NTriples,
        "application/n-triples",
    ),
    (
        "application/ld+json",
        OutputFormat::JsonLd,
        "application/ld+json",
    ),
    (
        "application/n-quads",
        OutputFormat::NQuads,
        "application/n-quads",
    ),
];

/// What SELECT and ASK give, in the server's order of preference.
const RESULT_FORMATS: &[Offer] = &[
    (
        "application/sparql-results+json",
        OutputFormat::Json,
        "application/sparql-results+json",
    ),
    (
        "application/json",
        OutputFormat::Json,
        "application/sparql-results+json",
    ),
    (
        "application/sparql-results+xml",
        OutputFormat::Xml,
        "application/sparql-results+xml",
    ),
    (
        "application/xml",
        OutputFormat::Xml,
        "application/sparql-results+xml",
    ),
    ("text/csv", OutputFormat::Csv, "text/csv; charset=utf-8"),
    (
        "text/tab-separated-values",
        OutputFormat::Tsv,
        "text/tab-separated-values; charset=utf-8",
    ),
];

pub(super) async fn sparql_get(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if params.contains_key("update") {
        return error(
            StatusCode::BAD_REQUEST,
            "updates go by POST (application/sparql-update or a form with update=), never by GET",
        );
    }
    match params.get("query") {
        Some(q) => {
            run_query(
                state,
                q.clone(),
                headers,
                params.get("default-graph-uri").cloned(),
            )
            .await
        }
        None => service_description(&headers, state.writes.read_only),
    }
}

pub(super) async fn sparql_post(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let content_type = crate::store::endpoint::media_type(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    let text = String::from_utf8_lossy(&body).into_owned();
    match content_type.as_str() {
        "application/sparql-query" => {
            run_query(state, text, headers, params.get("default-graph-uri").cloned()).await
        }
        "application/sparql-update" => run_update(state, peer, &headers, text).await,
        "application/x-www-form-urlencoded" => {
            let form: HashMap<String, String> = url_form(&body);
            if let Some(q) = form.get("query") {
                run_query(state, q.clone(), headers, form.get("default-graph-uri").cloned()).await
            } else if let Some(u) = form.get("update") {
                run_update(state, peer, &headers, u.clone()).await
            } else {
                error(StatusCode::BAD_REQUEST, "the form needs a `query` or an `update` field")
            }
        }
        _ => error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "POST application/sparql-query, application/sparql-update or a form with query= or update=",
        ),
    }
}

fn url_form(body: &[u8]) -> HashMap<String, String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

/// The quality a client's Accept header gives `mime`: exact types first, then `type/*`, then
/// `*/*`; 1 when there is no Accept header.
fn quality(accept: &str, mime: &str) -> f32 {
    if accept.trim().is_empty() {
        return 1.0;
    }
    let family = mime.split('/').next().unwrap_or("");
    let mut best: Option<(u8, f32)> = None;
    for entry in accept.split(',') {
        let mut parts = entry.split(';');
        let range = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let specificity = if range == mime {
            3
        } else if range.strip_suffix("/*") == Some(family) {
            2
        } else if range == "*/*" {
            1
        } else {
            continue;
        };
        if best.is_none_or(|(s, _)| specificity > s) {
            best = Some((specificity, q));
        }
    }
    best.map_or(0.0, |(_, q)| q)
}

/// The result format a client asks for, by the qualities in its Accept header; the formats are
/// listed in the server's order of preference. None when it accepts none of them.
fn negotiate(headers: &HeaderMap, graph: bool) -> Option<(OutputFormat, &'static str)> {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let options = if graph { GRAPH_FORMATS } else { RESULT_FORMATS };
    let mut best: Option<(f32, OutputFormat, &'static str)> = None;
    for (mime, format, content_type) in options {
        let q = quality(&accept, mime);
        if q > 0.0 && best.is_none_or(|b| q > b.0) {
            best = Some((q, *format, content_type));
        }
    }
    best.map(|(_, f, c)| (f, c))
}

/// Cancels its token when dropped.
struct CancelOnDrop(CancellationToken);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

async fn run_query(
    state: Arc<AppState>,
    query: String,
    headers: HeaderMap,
    default_graph: Option<String>,
) -> Response {
    let token = CancellationToken::new();
    // A request dropped before its answer (the client went away, the server stops) stops its
    // query or update too.
    let _cancel_on_drop = CancelOnDrop(token.clone());
    let timeout = state.opts.timeout;
    let caps = state.opts.result_caps();
    let dataset = state.dataset();
    let cancel = token.clone();
    // The answer is written into memory, counted as it is written, and sent only when whole:
    // past a cap nothing has gone out yet, so the client gets a clear 413 (`too_large`), never
    // an answer cut off in the middle under a 200.
    let work = move || -> Result<std::result::Result<(Vec<u8>, &'static str), Size>> {
        let options = QueryOptions {
            graph: default_graph.as_deref(),
            cancel: Some(cancel),
            ..QueryOptions::default()
        };
        let results = dataset.query(&query, &options)?;
        let graph = matches!(results, QueryResults::Graph(_));
        let (format, content_type) = negotiate(&headers, graph).ok_or_else(|| {
            Error::NotAcceptable(if graph {
                "CONSTRUCT and DESCRIBE give text/turtle, application/n-triples, application/ld+json or application/n-quads".into()
            } else {
                "SELECT and ASK give application/sparql-results+json, application/sparql-results+xml, text/csv or text/tab-separated-values".into()
            })
        })?;
        let mut out = Vec::new();
        match sparql::write_results_capped(results, format, &mut out, caps) {
            Ok(_) => Ok(Ok((out, content_type))),
            Err(Error::TooLarge(size)) => Ok(Err(size)),
            Err(e) => Err(e),
        }
    };
    match within_time_limit(timeout, &token, "the query ran", "", work).await {
        Ok(Ok((body, content_type))) => {
            ([(header::CONTENT_TYPE, content_type)], body).into_response()
        }
        Ok(Err(size)) => too_large(&state.opts, size),
        Err(r) => r,
    }
}

/// Runs `work` off the async threads under the server's time limit. Past it, `token` is
/// cancelled (the evaluation stops) and the answer is 503: "`what` over the limit and was
/// stopped`after`".
async fn within_time_limit<T: Send + 'static>(
    timeout: std::time::Duration,
    token: &CancellationToken,
    what: &str,
    after: &str,
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> std::result::Result<T, Response> {
    match tokio::time::timeout(timeout, blocking(work)).await {
        Err(_) => {
            token.cancel();
            Err(error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "{what} over the server's time limit ({} s) and was stopped{after}; narrow it or ask the server's owner for more time",
                    timeout.as_secs()
                ),
            ))
        }
        Ok(answer) => answer,
    }
}

async fn run_update(
    state: Arc<AppState>,
    peer: SocketAddr,
    headers: &HeaderMap,
    update: String,
) -> Response {
    if let Some(refusal) = may_write(&state, peer, headers) {
        return refusal;
    }
    // The same time limit as queries: the token stops the update's evaluation, and an update
    // stopped before its commit writes nothing (it runs in one transaction).
    let token = CancellationToken::new();
    // A request dropped before its answer (the client went away, the server stops) stops its
    // query or update too.
    let _cancel_on_drop = CancelOnDrop(token.clone());
    let timeout = state.opts.timeout;
    let dataset = state.dataset();
    let cancel = token.clone();
    let work = move || dataset.update_with(&update, Some(cancel));
    let stopped = " before it wrote anything";
    match within_time_limit(timeout, &token, "the update ran", stopped, work).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(r) => r,
    }
}

/// The SPARQL 1.1 Service Description of this endpoint, in Turtle.
fn service_description(headers: &HeaderMap, read_only: bool) -> Response {
    // The Host header goes into an IRI: keep only what a host and port may hold.
    let host: String = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '-' | '[' | ']'))
        .collect();
    let languages = if read_only {
        "sd:SPARQL11Query"
    } else {
        "sd:SPARQL11Query, sd:SPARQL11Update"
    };
    let body = format!(
        r#"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix format: <http://www.w3.org/ns/formats/> .
[] a sd:Service ;
  sd:endpoint <http://{host}/sparql> ;
  sd:supportedLanguage {languages} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat format:SPARQL_Results_JSON, format:SPARQL_Results_XML, format:SPARQL_Results_CSV,
    format:SPARQL_Results_TSV, format:Turtle, format:N-Triples, format:JSON-LD ;
  sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"#
    );
    ([(header::CONTENT_TYPE, "text/turtle; charset=utf-8")], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn accept_qualities_decide_the_format() {
        let pick = |a: &str, graph: bool| negotiate(&accept(a), graph).map(|(f, _)| f);
        assert_eq!(pick("", false), Some(OutputFormat::Json));
        assert_eq!(
            pick(
                "application/sparql-results+xml;q=0.1, application/sparql-results+json",
                false
            ),
            Some(OutputFormat::Json)
        );
        assert_eq!(
            pick("text/*;q=0.5, */*;q=0.1", false),
            Some(OutputFormat::Csv)
        );
        assert_eq!(pick("text/turtle", false), None);
        assert_eq!(pick("text/turtle", true), Some(OutputFormat::Turtle));
        assert_eq!(pick("application/json;q=0", false), None);
    }
}
