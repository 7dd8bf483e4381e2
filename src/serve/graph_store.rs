//! The SPARQL 1.1 Graph Store HTTP Protocol on `/store`: GET, PUT (replace), POST (add) and
//! DELETE of one graph, named by `?graph=IRI` or `?default`; bodies are RDF, Turtle by default.
//!
//! Must not touch: Oxigraph's store. A graph is read through `crate::sparql::Dataset`
//! (`write_graph`); writes, after the write check (`may_write`), go through `Dataset::store()`
//! and its methods, never into Oxigraph directly.

use super::{blocking, error, may_write, too_large, AppState};
use crate::error::{Error, Result, Size};
use crate::store::listing::LISTING_GRAPH;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;

/// A request the server turns down: the status and the message to send.
type Refusal = (StatusCode, String);

fn refuse((status, message): Refusal) -> Response {
    error(status, message)
}

/// The graph a Graph Store request names: `?graph=IRI` or `?default`.
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

/// The graph a Graph Store write names, unless it is the listing index, which the store keeps
/// from the report graphs (a write there would be undone by the next rebuild).
fn target_to_write(params: &HashMap<String, String>) -> std::result::Result<GraphName, Refusal> {
    let graph = target_graph(params)?;
    match &graph {
        GraphName::NamedNode(g) if g.as_str() == LISTING_GRAPH => Err((
            StatusCode::FORBIDDEN,
            format!("{LISTING_GRAPH} is the listing index, kept by the store from the report graphs: write into a report's graph instead"),
        )),
        _ => Ok(graph),
    }
}

pub(super) async fn store_get(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let graph = match target_graph(&params) {
        Ok(g) => g,
        Err(r) => return refuse(r),
    };
    let dataset = state.dataset();
    let caps = state.opts.result_caps();
    // Written into memory and sent only when whole, within the server's limits on answers.
    let result = blocking(
        move || -> Result<std::result::Result<Option<Vec<u8>>, Size>> {
            let mut body = Vec::new();
            match dataset.write_graph(graph.as_ref(), &mut body, caps) {
                Ok(found) => Ok(Ok(found.then_some(body))),
                Err(Error::TooLarge(size)) => Ok(Err(size)),
                Err(e) => Err(e),
            }
        },
    )
    .await;
    match result {
        Ok(Ok(Some(body))) => {
            ([(header::CONTENT_TYPE, "text/turtle; charset=utf-8")], body).into_response()
        }
        Ok(Ok(None)) => error(StatusCode::NOT_FOUND, "no such graph"),
        Ok(Err(size)) => too_large(&state.opts, size),
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
    crate::store::parse_quads(format, body, graph.as_ref()).map_err(|e| {
        (
            StatusCode::BAD_REQUEST,
            format!("the body was not loaded: {e}"),
        )
    })
}

/// PUT (`replace`) or POST: the graph is replaced by, or added to, the body's triples.
async fn store_write(
    state: Arc<AppState>,
    peer: SocketAddr,
    headers: HeaderMap,
    params: HashMap<String, String>,
    body: Bytes,
    replace: bool,
) -> Response {
    if let Some(refusal) = may_write(&state, peer, &headers) {
        return refusal;
    }
    let graph = match target_to_write(&params) {
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

pub(super) async fn store_put(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    store_write(state, peer, headers, params, body, true).await
}

pub(super) async fn store_post(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    store_write(state, peer, headers, params, body, false).await
}

pub(super) async fn store_delete(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refusal) = may_write(&state, peer, &headers) {
        return refusal;
    }
    let graph = match target_to_write(&params) {
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
