//! The page's routes: its assets (`/`, `/app.js`, `/style.css`, built into the binary from
//! `page/`) and the JSON it asks for: `/api/queries` (the named queries), `/api/entities` (a
//! search by name) and `/api/network` (the ties around one entity).
//!
//! Must not touch: Oxigraph's store, nor the store at all: this is read-only. The graph is read
//! through `crate::network` over `crate::sparql::Dataset`, and written out by `crate::export`.

use super::{blocking, error, json, AppState};
use crate::error::Result;
use crate::network::{self, Network};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::sync::Arc;

const INDEX_HTML: &str = include_str!("page/index.html");
const APP_JS: &str = include_str!("page/app.js");
const STYLE_CSS: &str = include_str!("page/style.css");

/// Nodes in one network view of the page: more would not be legible.
const PAGE_MAX_NODES: usize = 400;

fn page(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

pub(super) async fn index_html() -> Response {
    page(INDEX_HTML, "text/html; charset=utf-8")
}

pub(super) async fn app_js() -> Response {
    page(APP_JS, "text/javascript; charset=utf-8")
}

pub(super) async fn style_css() -> Response {
    page(STYLE_CSS, "text/css; charset=utf-8")
}

/// The named queries, each as it runs on this store (a listing's scanning form where the
/// listing index is not whole).
pub(super) async fn api_queries(State(state): State<Arc<AppState>>) -> Response {
    let dataset = state.dataset();
    let result = blocking(move || {
        crate::queries::NAMED
            .iter()
            .map(|(name, text)| {
                let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
                let text = crate::queries::named_on(&dataset, name)?.unwrap_or(text);
                Ok(serde_json::json!({"name": name, "description": about, "query": text}))
            })
            .collect::<Result<Vec<serde_json::Value>>>()
    })
    .await;
    match result {
        Ok(list) => json(&list),
        Err(r) => r,
    }
}

pub(super) async fn api_entities(
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
        Ok(found) => json(&found),
        Err(r) => r,
    }
}

pub(super) async fn api_network(
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
