//! `ties serve`: a standard SPARQL 1.1 endpoint (Protocol, Graph Store Protocol, service
//! description) over the store, and a page to explore the graph, on axum/tokio.
//!
//! Queries run on blocking threads with a cancellation token, so a query over the time limit is
//! really stopped and answered 503. Updates and graph writes are refused on a read-only server
//! (403) and, unless allowed, from anything but loopback. A read-only server opens the store
//! without its write lock, so `ties ingest` can write meanwhile; it reopens the store every few
//! seconds to see what was ingested. Each request is logged in one `tracing` line (method, path,
//! status, latency, peer), never its query string nor its body: they may hold research data.
//!
//! This file holds the options, the server's state, `run`, the router, the reopening of a
//! read-only store and the helpers the handlers share (error responses, `blocking`, the write
//! check). The handlers live beside it: [`protocol`] (SPARQL 1.1 Protocol), [`graph_store`]
//! (Graph Store Protocol) and [`api`] (the page and its JSON routes).
//!
//! Must not touch: Oxigraph's store. The server opens `crate::store::Store` here only to hand it
//! to `crate::sparql::Dataset`; every read goes through `Dataset` (and `network` on top of it),
//! and only Graph Store writes reach the store, through `Dataset::store()`.

mod api;
mod graph_store;
mod protocol;

use crate::error::{Error, Result};
use crate::sparql::Dataset;
use crate::store::Store;
use axum::extract::{ConnectInfo, Request};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

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

/// The largest request body (a Graph Store upload, a long update).
const BODY_LIMIT: usize = 256 << 20;

/// How often a read-only server reopens the store to see new ingests.
const REOPEN_EVERY: Duration = Duration::from_secs(5);

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
        .layer(cors)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
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
