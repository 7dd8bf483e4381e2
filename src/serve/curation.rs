//! The page's curation routes: `GET /api/curation/entity?iri=IRI` (an entity as a reviewer
//! judges it: names, reports, claims with evidence, candidate duplicates, the judgements about
//! it), open like the other reads; and `POST /api/curation/merge`, `distinguish`, `reject`,
//! `accept` and `undo`, each a JSON body answered by the judgement made or undone as JSON.
//!
//! Every POST passes the same write check as a SPARQL Update (`may_write`: read-only, loopback,
//! Origin, the token in X-Ties-Token) before its body is read, and takes JSON only, so a form
//! another site posts is refused twice over. Curation writes run one at a time.
//!
//! Must not touch: Oxigraph's store. Judgements are made by `crate::curation`, which reads
//! through `sparql` and writes through `store`.

use super::{blocking, error, json, may_write, AppState};
use crate::curation::{self, review};
use crate::error::{Error, Result};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// Curation writes read the judgements and then write: one at a time, so two never interleave.
static WRITING: Mutex<()> = Mutex::new(());

pub(super) async fn entity(
    State(state): State<Arc<AppState>>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(iri) = params.get("iri").cloned() else {
        return error(StatusCode::BAD_REQUEST, "give ?iri=IRI of an entity");
    };
    let dataset = state.dataset();
    match blocking(move || review::review(&dataset, &iri)).await {
        Ok(found) => json(&found),
        Err(r) => r,
    }
}

/// What a POST asks for.
#[derive(Debug, Clone, Copy)]
enum Action {
    Merge,
    Distinguish,
    Reject,
    Accept,
    Undo,
}

/// A POST's body: the fields its action needs.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Body {
    a: Option<String>,
    b: Option<String>,
    claim: Option<String>,
    judgement: Option<String>,
    note: Option<String>,
}

impl Action {
    /// The fields it needs, as the error for a body that lacks them says.
    fn needs(self) -> &'static str {
        match self {
            Action::Merge | Action::Distinguish => {
                r#"{"a": IRI or name, "b": IRI or name, "note": optional}"#
            }
            Action::Reject | Action::Accept => r#"{"claim": IRI, "note": optional}"#,
            Action::Undo => r#"{"judgement": IRI}"#,
        }
    }

    /// Makes or undoes the judgement the body asks for.
    fn run(self, dataset: &crate::sparql::Dataset, body: Body) -> Result<curation::Outcome> {
        let missing = || Error::Usage(format!("the body needs {}", self.needs()));
        let note = body.note.as_deref().filter(|n| !n.trim().is_empty());
        let _one_at_a_time = WRITING.lock().unwrap_or_else(|p| p.into_inner());
        match self {
            Action::Merge | Action::Distinguish => {
                let (a, b) = (body.a.ok_or_else(missing)?, body.b.ok_or_else(missing)?);
                match self {
                    Action::Merge => curation::merge(dataset, &a, &b, note),
                    _ => curation::distinguish(dataset, &a, &b, note),
                }
            }
            Action::Reject | Action::Accept => {
                let claim = body.claim.ok_or_else(missing)?;
                curation::verdict(dataset, &claim, matches!(self, Action::Accept), note)
            }
            Action::Undo => curation::undo(dataset, &body.judgement.ok_or_else(missing)?),
        }
    }
}

/// A curation POST: the write check, then a JSON body, then the judgement.
async fn act(
    action: Action,
    state: Arc<AppState>,
    peer: SocketAddr,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Some(refusal) = may_write(&state, peer, &headers) {
        return refusal;
    }
    let content_type = crate::store::endpoint::media_type(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or(""),
    );
    if content_type != "application/json" {
        return error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!("POST application/json: {}", action.needs()),
        );
    }
    let body: Body = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("the body is not {} ({e})", action.needs()),
            )
        }
    };
    let dataset = state.dataset();
    match blocking(move || action.run(&dataset, body)).await {
        Ok(outcome) => json(&outcome),
        Err(r) => r,
    }
}

macro_rules! route {
    ($name:ident, $action:expr) => {
        pub(super) async fn $name(
            State(state): State<Arc<AppState>>,
            ConnectInfo(peer): ConnectInfo<SocketAddr>,
            headers: HeaderMap,
            body: Bytes,
        ) -> Response {
            act($action, state, peer, headers, body).await
        }
    };
}

route!(merge, Action::Merge);
route!(distinguish, Action::Distinguish);
route!(reject, Action::Reject);
route!(accept, Action::Accept);
route!(undo, Action::Undo);
