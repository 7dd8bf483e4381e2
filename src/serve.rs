//! `ties serve`: a standard SPARQL 1.1 endpoint (Protocol, Graph Store Protocol, service
//! description) over the store, and a page to explore the graph, on axum/tokio.
//!
//! Queries run on blocking threads with a cancellation token, so a query over the time limit is
//! really stopped and answered 503. Updates and graph writes are refused on a read-only server
//! (403) and, unless allowed, from anything but loopback. A read-only server opens the store
//! without its write lock, so `ties ingest` can write meanwhile; it reopens the store every few
//! seconds to see what was ingested. The page's assets are built into the binary; this module
//! reads the graph through `sparql` and `network` only.

use crate::error::{Error, Result};
use crate::network::{self, Network};
use crate::sparql::{self, Dataset, OutputFormat, QueryOptions, QueryResults};
use crate::store::Store;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad};
use oxigraph::sparql::CancellationToken;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub store: PathBuf,
    pub bind: SocketAddr,
    pub read_only: bool,
    pub timeout: Duration,
    /// Accept updates from other hosts than loopback.
    pub allow_remote_updates: bool,
}

struct AppState {
    dataset: RwLock<Arc<Dataset>>,
    opts: Options,
}

impl AppState {
    fn dataset(&self) -> Arc<Dataset> {
        self.dataset
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

const INDEX_HTML: &str = include_str!("serve/page/index.html");
const APP_JS: &str = include_str!("serve/page/app.js");
const STYLE_CSS: &str = include_str!("serve/page/style.css");

/// The largest request body (a Graph Store upload, a long update).
const BODY_LIMIT: usize = 256 << 20;

/// How often a read-only server reopens the store to see new ingests.
const REOPEN_EVERY: Duration = Duration::from_secs(5);

/// Nodes in one network view of the page: more would not be legible.
const PAGE_MAX_NODES: usize = 400;

/// Runs the server until Ctrl-C. `ready` is called with the bound address once listening.
pub fn run(opts: Options, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let store = if opts.read_only {
        Store::open_read_only(&opts.store)?
    } else {
        Store::open(&opts.store)?
    };
    let state = Arc::new(AppState {
        dataset: RwLock::new(Arc::new(Dataset::new(store))),
        opts: opts.clone(),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", opts.bind)))?;
        let addr = listener.local_addr()?;
        if opts.read_only {
            tokio::spawn(reopen_periodically(state.clone()));
        }
        ready(addr);
        axum::serve(
            listener,
            router(state).into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}

async fn reopen_periodically(state: Arc<AppState>) {
    loop {
        tokio::time::sleep(REOPEN_EVERY).await;
        let path = state.opts.store.clone();
        if let Ok(Ok(fresh)) =
            tokio::task::spawn_blocking(move || Dataset::open_read_only(&path)).await
        {
            *state
                .dataset
                .write()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(fresh);
        }
    }
}

fn router(state: Arc<AppState>) -> Router {
    let cors = tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
        .allow_headers([header::CONTENT_TYPE, header::ACCEPT]);
    Router::new()
        .route(
            "/",
            get(|| async { page(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { page(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/style.css",
            get(|| async { page(STYLE_CSS, "text/css; charset=utf-8") }),
        )
        .route("/sparql", get(sparql_get).post(sparql_post))
        .route(
            "/store",
            get(store_get)
                .put(store_put)
                .post(store_post)
                .delete(store_delete),
        )
        .route("/api/queries", get(api_queries))
        .route("/api/entities", get(api_entities))
        .route("/api/network", get(api_network))
        .layer(cors)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(state)
}

fn page(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.into(),
    )
        .into_response()
}

/// Maps library errors to HTTP: bad SPARQL and bad requests 400, the rest 500.
fn error_response(e: Error) -> Response {
    match e {
        Error::Syntax(_) => error(StatusCode::BAD_REQUEST, e.full_text()),
        Error::Usage(m) => error(StatusCode::BAD_REQUEST, m),
        Error::NotAcceptable(m) => error(StatusCode::NOT_ACCEPTABLE, m),
        Error::Evaluation(_) if e.full_text().to_lowercase().contains("cancel") => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the query ran over the server's time limit and was stopped; narrow it or ask the server's owner for more time",
        ),
        other => error(StatusCode::INTERNAL_SERVER_ERROR, other.full_text()),
    }
}

async fn sparql_get(
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
        None => service_description(&headers, state.opts.read_only),
    }
}

async fn sparql_post(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let text = String::from_utf8_lossy(&body).into_owned();
    match content_type.as_str() {
        "application/sparql-query" => {
            run_query(state, text, headers, params.get("default-graph-uri").cloned()).await
        }
        "application/sparql-update" => run_update(state, peer, text).await,
        "application/x-www-form-urlencoded" => {
            let form: HashMap<String, String> = url_form(&body);
            if let Some(q) = form.get("query") {
                run_query(state, q.clone(), headers, form.get("default-graph-uri").cloned()).await
            } else if let Some(u) = form.get("update") {
                run_update(state, peer, u.clone()).await
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
    let options: &[(&str, OutputFormat, &'static str)] = if graph {
        &[
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
        ]
    } else {
        &[
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
        ]
    };
    let mut best: Option<(f32, OutputFormat, &'static str)> = None;
    for (mime, format, content_type) in options {
        let q = quality(&accept, mime);
        if q > 0.0 && best.is_none_or(|b| q > b.0) {
            best = Some((q, *format, content_type));
        }
    }
    best.map(|(_, f, c)| (f, c))
}

async fn run_query(
    state: Arc<AppState>,
    query: String,
    headers: HeaderMap,
    default_graph: Option<String>,
) -> Response {
    let token = CancellationToken::new();
    let timeout = state.opts.timeout;
    let dataset = state.dataset();
    let cancel = token.clone();
    let work = tokio::task::spawn_blocking(move || -> Result<(Vec<u8>, &'static str)> {
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
        sparql::write_results(results, format, &mut out)?;
        Ok((out, content_type))
    });
    match tokio::time::timeout(timeout, work).await {
        Err(_) => {
            token.cancel();
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "the query ran over the server's time limit ({} s) and was stopped; narrow it or ask the server's owner for more time",
                    timeout.as_secs()
                ),
            )
        }
        Ok(Err(join)) => error(StatusCode::INTERNAL_SERVER_ERROR, join.to_string()),
        Ok(Ok(Err(e))) => error_response(e),
        Ok(Ok(Ok((body, content_type)))) => {
            ([(header::CONTENT_TYPE, content_type)], body).into_response()
        }
    }
}

/// Runs store work on a blocking thread; library errors become HTTP errors.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> std::result::Result<T, Response> {
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(error_response(e)),
        Err(join) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, join.to_string())),
    }
}

/// Writes are refused on a read-only server and, unless allowed, from other hosts.
fn may_write(state: &AppState, peer: SocketAddr) -> Option<Response> {
    if state.opts.read_only {
        return Some(error(
            StatusCode::FORBIDDEN,
            "this server is read-only: updates are refused",
        ));
    }
    if !peer.ip().is_loopback() && !state.opts.allow_remote_updates {
        return Some(error(
            StatusCode::FORBIDDEN,
            "updates are accepted from loopback only on this server",
        ));
    }
    None
}

async fn run_update(state: Arc<AppState>, peer: SocketAddr, update: String) -> Response {
    if let Some(refusal) = may_write(&state, peer) {
        return refusal;
    }
    let dataset = state.dataset();
    match blocking(move || dataset.update(&update)).await {
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

/// The graph a Graph Store request names: `?graph=IRI` or `?default`.
/// A request the server turns down: the status and the message to send.
type Refusal = (StatusCode, String);

fn refuse((status, message): Refusal) -> Response {
    error(status, message)
}

fn target_graph(params: &HashMap<String, String>) -> std::result::Result<GraphName, Refusal> {
    if let Some(g) = params.get("graph") {
        return NamedNode::new(g).map(GraphName::NamedNode).map_err(|e| {
            (
                StatusCode::BAD_REQUEST,
                format!("graph={g}: not an IRI ({e})"),
            )
        });
    }
    if params.contains_key("default") {
        return Ok(GraphName::DefaultGraph);
    }
    Err((
        StatusCode::BAD_REQUEST,
        "name the graph with ?graph=IRI (a report's IRI) or ?default".into(),
    ))
}

async fn store_get(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let graph = match target_graph(&params) {
        Ok(g) => g,
        Err(r) => return refuse(r),
    };
    let dataset = state.dataset();
    let result = blocking(move || -> Result<Option<Vec<u8>>> {
        let mut body = Vec::new();
        Ok(dataset
            .write_graph(graph.as_ref(), &mut body)?
            .then_some(body))
    })
    .await;
    match result {
        Ok(Some(body)) => {
            ([(header::CONTENT_TYPE, "text/turtle; charset=utf-8")], body).into_response()
        }
        Ok(None) => error(StatusCode::NOT_FOUND, "no such graph"),
        Err(r) => r,
    }
}

/// Parses a request body as RDF (Turtle unless the Content-Type says otherwise) into `graph`.
fn parse_body(
    headers: &HeaderMap,
    body: &[u8],
    graph: &GraphName,
) -> std::result::Result<Vec<Quad>, Refusal> {
    let mime = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/turtle");
    let Some(format) = RdfFormat::from_media_type(mime) else {
        return Err((
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("{mime} is not an RDF format: send text/turtle, application/n-triples, application/ld+json or application/rdf+xml"),
        ));
    };
    let mut quads = Vec::new();
    for q in RdfParser::from_format(format)
        .with_default_graph(graph.as_ref())
        .for_slice(body)
    {
        match q {
            Ok(q) => quads.push(q),
            Err(e) => {
                return Err((
                    StatusCode::BAD_REQUEST,
                    format!("the body is not valid {}: {e}", format.name()),
                ))
            }
        }
    }
    Ok(quads)
}

async fn store_write(
    state: Arc<AppState>,
    peer: SocketAddr,
    headers: HeaderMap,
    params: HashMap<String, String>,
    body: Bytes,
    replace: bool,
) -> Response {
    if let Some(refusal) = may_write(&state, peer) {
        return refusal;
    }
    let graph = match target_graph(&params) {
        Ok(g) => g,
        Err(r) => return refuse(r),
    };
    let quads = match parse_body(&headers, &body, &graph) {
        Ok(q) => q,
        Err(r) => return refuse(r),
    };
    let quads_empty = quads.is_empty();
    let dataset = state.dataset();
    let result = blocking(move || -> Result<bool> {
        let store = dataset.store();
        let existed = match &graph {
            GraphName::NamedNode(g) => store.contains_graph(g.as_ref())?,
            _ => true,
        };
        let clear: Vec<NamedOrBlankNode> = match (&graph, replace) {
            (GraphName::NamedNode(g), true) => vec![g.clone().into()],
            _ => Vec::new(),
        };
        if replace && graph.is_default_graph() {
            store.clear_default_graph()?;
        }
        store.replace_graphs(&clear, &quads)?;
        Ok(existed)
    })
    .await;
    match result {
        // A graph made by this request is "201 Created"; one replaced or added to, "204".
        Ok(false) if !quads_empty => StatusCode::CREATED.into_response(),
        Ok(_) => StatusCode::NO_CONTENT.into_response(),

        Err(r) => r,
    }
}

async fn store_put(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    store_write(state, peer, headers, params, body, true).await
}

async fn store_post(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    store_write(state, peer, headers, params, body, false).await
}

async fn store_delete(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refusal) = may_write(&state, peer) {
        return refusal;
    }
    let graph = match target_graph(&params) {
        Ok(g) => g,
        Err(r) => return refuse(r),
    };
    let dataset = state.dataset();
    let result = blocking(move || -> Result<bool> {
        let store = dataset.store();
        match &graph {
            GraphName::NamedNode(g) => store.remove_graph(g.as_ref()),
            _ => {
                store.clear_default_graph()?;
                Ok(true)
            }
        }
    })
    .await;
    match result {
        Ok(true) => StatusCode::NO_CONTENT.into_response(),
        Ok(false) => error(StatusCode::NOT_FOUND, "no such graph"),
        Err(r) => r,
    }
}

fn json(value: serde_json::Value) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        value.to_string(),
    )
        .into_response()
}

async fn api_queries() -> Response {
    let list: Vec<serde_json::Value> = crate::queries::NAMED
        .iter()
        .map(|(name, text)| {
            let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
            serde_json::json!({"name": name, "description": about, "query": text})
        })
        .collect();
    json(serde_json::Value::Array(list))
}

async fn api_entities(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let q = params.get("q").cloned().unwrap_or_default();
    let dataset = state.dataset();
    // Places have no ties of their own in the network yet (events carry no location), so the
    // page is offered people, organisations and events only.
    let result = blocking(move || {
        network::search(&dataset, &q, 40).map(|hits| {
            hits.into_iter()
                .filter(|h| h.kind != network::NodeKind::Place)
                .take(20)
                .collect::<Vec<_>>()
        })
    })
    .await;

    match result {
        Ok(found) => json(serde_json::to_value(found).unwrap_or_default()),
        Err(r) => r,
    }
}

async fn api_network(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(focus) = params.get("focus").cloned() else {
        return error(StatusCode::BAD_REQUEST, "give ?focus=IRI or a name");
    };
    let depth: usize = params
        .get("depth")
        .and_then(|d| d.parse().ok())
        .unwrap_or(1)
        .min(4);
    let dataset = state.dataset();
    let result = blocking(move || -> Result<Vec<u8>> {
        // Places too: the page's search offers them (they connect through events' locations).
        let filter = network::Filter {
            kinds: vec![
                network::NodeKind::Person,
                network::NodeKind::Organization,
                network::NodeKind::Event,
                network::NodeKind::Place,
            ],
            ..network::Filter::default()
        };
        let net = Network::around(&dataset, &focus, depth, PAGE_MAX_NODES, &filter)?;
        let mut out = Vec::new();
        crate::export::json::write(&net, &mut out)?;
        Ok(out)
    })
    .await;
    match result {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
