//! `ties serve`: a standard SPARQL 1.1 endpoint (Protocol, Graph Store Protocol, service
//! description) over the store, and a page to explore the graph, on axum/tokio.
//!
//! Queries run on blocking threads with a cancellation token, so a query over the time limit is
//! really stopped and answered 503. Every request is bounded: its body (256 MiB, 413), its answer
//! (rows or triples and bytes, counted as it is written into memory; past a limit 413 and nothing
//! sent), and the connections the server holds ([`connections`]: at most so many, 503 past them,
//! and none kept by a client that stops sending or reading). Every request must name this server in
//! its `Host` header (against DNS rebinding). Updates and graph writes are refused on a read-only
//! server (403), unless allowed from anything but loopback, from a page of another origin, and
//! without the token the server made when it started ([`guard`]). A server on an address other than
//! loopback is read-only unless its owner allows remote updates. A read-only server opens the store
//! without its write lock, so `ties ingest` can write meanwhile; it reopens the store every few
//! seconds to see what was ingested. Each request is logged in one `tracing` line (method, path,
//! status, latency, peer), never its query string nor its body: they may hold research data.
//!
//! This file holds the options, the server's state, `run`, the router, the reopening of a
//! read-only store and the helpers the handlers share (error responses, `blocking`, the write
//! check). The handlers live beside it: [`protocol`] (SPARQL 1.1 Protocol), [`graph_store`]
//! (Graph Store Protocol), [`api`] (the page and its JSON routes) and [`curation`] (the page's
//! judgements: reads open, writes through the same check as updates); [`connections`] accepts
//! the connections and hands their requests to the router.
//!
//! Must not touch: Oxigraph's store. The server opens `crate::store::Store` here only to hand it
//! to `crate::sparql::Dataset`; every read goes through `Dataset` (and `network` on top of it),
//! and only Graph Store writes reach the store, through `Dataset::store()`, besides the judgements
//! `crate::curation` makes for the page's curation routes.

mod api;
mod connections;
mod curation;
mod graph_store;
mod guard;
mod protocol;

pub use guard::TOKEN_HEADER;

use crate::error::{Error, Result};
use crate::sparql::Dataset;
use crate::store::Store;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub store: PathBuf,
    /// A remote SPARQL engine to serve in front of, instead of the store folder: the server
    /// then reads and writes through it (`store::remote`).
    pub endpoint: Option<crate::store::remote::Endpoint>,
    pub bind: SocketAddr,
    pub read_only: bool,
    pub timeout: Duration,
    /// Accept updates from other hosts than loopback (and be writable on a non-loopback address).
    pub allow_remote_updates: bool,
    /// Host names a request may name besides the loopback ones and the bound address (a reverse
    /// proxy's public name).
    pub allow_hosts: Vec<String>,
    /// Origins whose pages may read (never write) through CORS; `*` for any. None by default:
    /// the page is served from the server itself and needs none.
    pub cors: Vec<String>,
    /// Most rows of a SELECT answer, or triples of a CONSTRUCT or DESCRIBE answer or of a Graph
    /// Store graph; None: no limit. An answer past it is refused (413), none of it sent.
    pub max_result_rows: Option<usize>,
    /// Most bytes of such an answer, as written; None: no limit. Answers are built in memory
    /// before they are sent, so this bounds what one request can make the server hold.
    pub max_result_bytes: Option<usize>,
    /// Connections served at once (at least 1); one more is answered 503 at once and closed.
    pub max_connections: usize,
    /// A connection that sends nothing of its request (head or body), or reads nothing of its
    /// answer, for this long is closed: idle clients cannot hold every connection.
    pub idle_timeout: Duration,
    /// How the server's owner raises a limit, said after "ask the server's owner to raise it"
    /// in the answers that refuse past it (the command line names its flag); None says no more.
    pub raise_with: Option<fn(Limit) -> &'static str>,
}

/// The limits a refusal names (`Options::raise_with`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    ResultRows,
    ResultBytes,
    Connections,
}

impl Options {
    /// The caps on one answer.
    fn result_caps(&self) -> crate::sparql::Caps {
        crate::sparql::Caps {
            rows: self.max_result_rows,
            bytes: self.max_result_bytes,
        }
    }

    /// What the connections may take, and what one past the limit is told.
    fn connection_limits(&self) -> connections::Limits {
        connections::Limits {
            max: self.max_connections,
            idle: self.idle_timeout,
            refusal: format!(
                "the server is serving {} connections, its limit: try again in a moment, or ask the server's owner to raise it{}",
                self.max_connections,
                self.how_to_raise(Limit::Connections)
            ),
        }
    }

    /// " (how to raise it)", or nothing.
    fn how_to_raise(&self, limit: Limit) -> String {
        self.raise_with
            .map(|raise| format!(" ({})", raise(limit)))
            .unwrap_or_default()
    }

    /// True when the server takes no writes: asked for, or listening on an address other than
    /// loopback without remote updates allowed.
    pub fn is_read_only(&self) -> bool {
        self.read_only || (!self.bind.ip().is_loopback() && !self.allow_remote_updates)
    }
}

/// What the server tells its caller once it listens.
#[derive(Debug, Clone)]
pub struct Started {
    /// The address it listens on (the real port when port 0 was asked).
    pub addr: SocketAddr,
    pub read_only: bool,
    /// The token writes must carry in the `X-Ties-Token` header; None on a read-only server.
    pub token: Option<String>,
}

impl Started {
    /// The page's address, with the token when the server is writable (the page reads it).
    pub fn page_url(&self) -> String {
        match &self.token {
            Some(token) => format!("http://{}/?token={token}", self.addr),
            None => format!("http://{}/", self.addr),
        }
    }
}

struct AppState {
    dataset: RwLock<Arc<Dataset>>,
    opts: Options,
    hosts: guard::Hosts,
    writes: guard::WritePolicy,
}

impl AppState {
    fn dataset(&self) -> Arc<Dataset> {
        self.dataset
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// The largest request body (a Graph Store upload, a long update).
const BODY_LIMIT: usize = 256 << 20;

/// How often a read-only server reopens the store to see new ingests.
const REOPEN_EVERY: Duration = Duration::from_secs(5);

/// Runs the server until Ctrl-C. `ready` is told where it listens and the token writes need.
pub fn run(opts: Options, ready: impl FnOnce(&Started)) -> Result<()> {
    let read_only = opts.is_read_only();
    let store = if let Some(endpoint) = &opts.endpoint {
        Store::connect(endpoint.clone())?
    } else if read_only {
        Store::open_read_only(&opts.store)?
    } else {
        Store::open(&opts.store)?
    };
    let token = if read_only {
        None
    } else {
        Some(guard::new_token()?)
    };
    let cors = cors_layer(&opts.cors)?;
    // Queries are parsed and run by recursion on these threads: give them the stack the nesting
    // limits of `sparql::limits` are measured for.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(crate::sparql::limits::STACK_SIZE)
        .build()?;
    let served = runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.bind)
            .await
            .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", opts.bind)))?;
        let addr = listener.local_addr()?;
        let state = Arc::new(AppState {
            dataset: RwLock::new(Arc::new(Dataset::new(store))),
            hosts: guard::Hosts::new(addr, &opts.allow_hosts),
            writes: guard::WritePolicy {
                read_only,
                allow_remote: opts.allow_remote_updates,
                token: token.clone(),
            },
            opts: opts.clone(),
        });
        if read_only && opts.endpoint.is_none() {
            tokio::spawn(reopen_periodically(state.clone()));
        }
        ready(&Started {
            addr,
            read_only,
            token,
        });
        let limits = opts.connection_limits();
        let server = connections::serve(listener, router(state, cors), limits, async {
            let _ = tokio::signal::ctrl_c().await;
        });
        // Ctrl-C lets requests under way finish for a moment, not up to their time limit.
        tokio::select! {
            () = server => {},
            () = async {
                let _ = tokio::signal::ctrl_c().await;
                tokio::time::sleep(SHUTDOWN_GRACE).await;
            } => {}
        }
        Ok(())
    });
    // The requests under way were dropped with the server, which cancelled their queries; those
    // stop at their next tuple, and are waited for a moment, so that no query thread is still
    // reading the store while the process exits (RocksDB's destructors then abort it: SIGABRT
    // seen after Ctrl-C on a loaded machine). One that does not stop in time ends with the
    // process, as before.
    runtime.shutdown_timeout(QUERY_STOP_WAIT);
    served
}

/// How long requests under way may go on after Ctrl-C before the server stops anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(1);

/// How long cancelled queries are given to stop before the process ends.
const QUERY_STOP_WAIT: Duration = Duration::from_secs(2);

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

/// Checks that each of `origins` is an origin (or `*`), as `run` will need them.
pub fn check_cors(origins: &[String]) -> Result<()> {
    cors_layer(origins).map(drop)
}

/// The CORS layer for the origins the owner opened reads to: GET, HEAD and POST (a query by
/// POST; an update from another origin is refused by the write check whatever CORS says), never
/// PUT or DELETE, and never the token's header. None when no origin was named.
fn cors_layer(origins: &[String]) -> Result<Option<tower_http::cors::CorsLayer>> {
    use tower_http::cors::{AllowOrigin, CorsLayer};
    if origins.is_empty() {
        return Ok(None);
    }
    let allow = if origins.iter().any(|o| o.trim() == "*") {
        AllowOrigin::any()
    } else {
        let list = origins
            .iter()
            .map(|o| {
                let o = o.trim().trim_end_matches('/');
                let ok = (o.starts_with("http://") || o.starts_with("https://"))
                    && !o["https://".len().min(o.len())..].contains('/');
                HeaderValue::from_str(o).ok().filter(|_| ok).ok_or_else(|| {
                    Error::Usage(format!(
                        "{o:?} is not an origin: give scheme, host and port, as http://host:8080, or *"
                    ))
                })
            })
            .collect::<Result<Vec<_>>>()?;
        AllowOrigin::list(list)
    };
    Ok(Some(
        CorsLayer::new()
            .allow_origin(allow)
            .allow_methods([Method::GET, Method::HEAD, Method::POST])
            .allow_headers([header::CONTENT_TYPE, header::ACCEPT]),
    ))
}

fn router(state: Arc<AppState>, cors: Option<tower_http::cors::CorsLayer>) -> Router {
    let routes = Router::new()
        .route("/", get(api::index_html))
        .route("/app.js", get(api::app_js))
        .route("/style.css", get(api::style_css))
        .route(
            "/sparql",
            get(protocol::sparql_get).post(protocol::sparql_post),
        )
        .route(
            "/store",
            get(graph_store::store_get)
                .put(graph_store::store_put)
                .post(graph_store::store_post)
                .delete(graph_store::store_delete),
        )
        .route("/api/queries", get(api::api_queries))
        .route("/api/entities", get(api::api_entities))
        .route("/api/network", get(api::api_network))
        .route("/api/curation/entity", get(curation::entity))
        .route("/api/curation/merge", post(curation::merge))
        .route("/api/curation/distinguish", post(curation::distinguish))
        .route("/api/curation/reject", post(curation::reject))
        .route("/api/curation/accept", post(curation::accept))
        .route("/api/curation/undo", post(curation::undo));
    let routes = match cors {
        Some(cors) => routes.layer(cors),
        None => routes,
    };
    routes
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            check_host,
        ))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// Refuses (403) every request whose `Host` header names no address of this server: a page of
/// another site whose name was rebound to this machine's address cannot read or write.
async fn check_host(
    axum::extract::State(state): axum::extract::State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !state.hosts.allows(host) {
        return guard::wrong_host();
    }
    next.run(request).await
}

/// One `info` line per request, once its response is ready: method, path (never the query
/// string), status, latency in milliseconds and the peer's address. Bodies are not read.
async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "-".to_owned(), |ConnectInfo(addr)| addr.to_string());
    let response = next.run(request).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(
        %method,
        %path,
        status = response.status().as_u16(),
        ms = format_args!("{ms:.1}"),
        %peer,
        "request"
    );
    response
}

/// A JSON answer (the /api routes).
fn json<T: serde::Serialize>(value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    }
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
        Error::Usage(m) | Error::Refused(m) => error(StatusCode::BAD_REQUEST, m),
        Error::Ambiguous { .. } => error(StatusCode::BAD_REQUEST, e.to_string()),
        Error::NotAcceptable(m) => error(StatusCode::NOT_ACCEPTABLE, m),
        Error::TooLarge(_) => error(StatusCode::PAYLOAD_TOO_LARGE, e.to_string()),
        Error::TimeLimit => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the query or update ran over the server's time limit and was stopped (an update stopped before it finished writes nothing); narrow it or ask the server's owner for more time",
        ),
        other => error(StatusCode::INTERNAL_SERVER_ERROR, other.full_text()),
    }
}

/// The answer to a request whose answer went past `size`, one of the server's limits: 413
/// (Content Too Large, the nearest status: it is defined for request content, so the message
/// says it is the answer), with what to do. Answers are built whole in memory before anything
/// is sent, so the client gets this status rather than a truncated answer.
fn too_large(opts: &Options, size: crate::error::Size) -> Response {
    let limit = match size {
        crate::error::Size::Bytes(_) => Limit::ResultBytes,
        _ => Limit::ResultRows,
    };
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "the answer holds more than {size}, this server's limit on answers, and was not sent: narrow the query (LIMIT and OFFSET page through a long answer), or ask the server's owner to raise the limit{}",
            opts.how_to_raise(limit)
        ),
    )
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

/// Writes are refused on a read-only server, unless allowed from other hosts, from pages of
/// other origins, and without the server's token (see [`guard`]).
fn may_write(state: &AppState, peer: SocketAddr, headers: &HeaderMap) -> Option<Response> {
    state
        .writes
        .refuse(peer, headers)
        .map(|(status, message)| error(status, message))
}
