//! One entity as a reviewer judges it (the page's entity view): its names, the reports it is in,
//! its claims with their evidence (sentence, rule, confidence) and verdicts, its candidate
//! duplicates (blocked on its own keys, `candidates::candidates_of`), and the judgements that
//! concern it: merges and distinctions of its cluster, verdicts on its claims (a rejected claim
//! is gone from the curated view; its report's record still names the entity).
//!
//! It reads through `sparql` only and writes nothing.

use super::candidates::{self, Candidate};
use super::judgement::{Clusters, Judgement, Kind};
use super::resolve::{self, Entity};
use crate::error::{Error, Result};
use crate::sparql::{self, Dataset};
use std::collections::{BTreeMap, BTreeSet};

/// The least match weight (bits) of the candidates a review lists. Below `ties candidates`'
/// default and below 0 (more likely two entities than one): the reviewer of one entity sees
/// its near misses too, each with its weight, and a small archive gives low weights.
pub const REVIEW_MIN_SCORE: f64 = -5.0;
/// The most candidates a review lists, best first.
pub const REVIEW_MAX_CANDIDATES: usize = 12;

/// An entity with everything a reviewer judges it by.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Review {
    pub entity: Entity,
    /// Every name and alternate name, sorted.
    pub names: Vec<String>,
    pub reports: Vec<Report>,
    pub claims: Vec<Claim>,
    pub candidates: Vec<Candidate>,
    /// Oldest first.
    pub judgements: Vec<Judgement>,
}

/// A report the entity is in.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    pub iri: String,
    /// Its title, when it has one.
    pub title: Option<String>,
}

/// A claim about the entity, with its evidence.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Claim {
    pub iri: String,
    /// membership, participation or quotation.
    pub kind: String,
    /// The role or part (general secretary, speaker), when the claim gives one.
    pub role: Option<String>,
    /// The other end: the organisation, member, event or participant (a quotation's text).
    pub other: String,
    pub other_name: String,
    pub sentence: String,
    pub rule: String,
    pub confidence: String,
    pub report: String,
    /// "acceptance" when the claim was judged right.
    pub verdict: Option<Kind>,
}

const NAMES: &str = r#"
SELECT DISTINCT ?name ?g ?title WHERE {
  VALUES ?p { schema:name schema:alternateName }
  GRAPH ?g { ?x ?p ?name OPTIONAL { ?g schema:name ?title } }
}"#;

const CLAIMS: &str = r#"
SELECT ?claim ?kind ?role ?other ?otherName ?sentence ?rule ?confidence ?g WHERE {
  GRAPH ?g {
    { ?claim org:member ?x ; org:organization ?other . BIND("membership" AS ?kind)
      OPTIONAL { ?claim org:role ?r . ?r rdfs:label ?role } }
    UNION { ?claim org:organization ?x ; org:member ?other . BIND("membership" AS ?kind)
      OPTIONAL { ?claim org:role ?r . ?r rdfs:label ?role } }
    UNION { ?claim ties:participant ?x ; ties:event ?other . BIND("participation" AS ?kind)
      OPTIONAL { ?claim ties:participationRole ?role } }
    UNION { ?claim ties:event ?x ; ties:participant ?other . BIND("participation" AS ?kind)
      OPTIONAL { ?claim ties:participationRole ?role } }
    UNION { ?claim schema:creator ?x ; schema:text ?otherName . BIND("quotation" AS ?kind) }
    OPTIONAL { ?other schema:name ?otherName }
    ?claim prov:wasDerivedFrom ?s . ?s schema:text ?sentence .
    OPTIONAL { ?claim ties:rule ?rule } OPTIONAL { ?claim ties:confidence ?confidence }
  }
} ORDER BY ?kind ?otherName ?claim"#;

/// The review of the entity `iri` as the curated view describes it.
pub fn review(dataset: &Dataset, iri: &str) -> Result<Review> {
    let iri = iri.trim();
    let entity = resolve::describe(dataset, iri)?.ok_or_else(|| {
        Error::Usage(format!(
            "no entity {iri} in the store (a merged entity answers to the IRI of the one it was merged into)"
        ))
    })?;
    let x = [(sparql::variable("x"), sparql::iri(iri)?)];
    let mut names = BTreeSet::new();
    let mut reports: BTreeMap<String, Option<String>> = BTreeMap::new();
    for row in dataset.select_bound(NAMES, &x)? {
        names.insert(sparql::text(row.get("name")));
        let title = row.get("title").map(|t| sparql::text(Some(t)));
        let slot = reports.entry(sparql::text(row.get("g"))).or_default();
        if slot.is_none() {
            *slot = title;
        }
    }
    let all = super::judgements(dataset)?;
    let claims = claims(dataset, iri, &all)?;
    let person = entity.kind == "schema:Person";
    let candidates = if person || entity.kind == "schema:Organization" {
        let mut found = candidates::candidates_of(dataset, iri, person, REVIEW_MIN_SCORE)?;
        found.truncate(REVIEW_MAX_CANDIDATES);
        found
    } else {
        Vec::new()
    };
    let judgements = concerning(dataset, iri, &claims, all)?;
    Ok(Review {
        entity,
        names: names.into_iter().collect(),
        reports: reports
            .into_iter()
            .map(|(iri, title)| Report { iri, title })
            .collect(),
        claims,
        candidates,
        judgements,
    })
}

/// The claims about `iri`, one row each, with the verdict given on each.
fn claims(dataset: &Dataset, iri: &str, judgements: &[Judgement]) -> Result<Vec<Claim>> {
    let x = [(sparql::variable("x"), sparql::iri(iri)?)];
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for row in dataset.select_bound(CLAIMS, &x)? {
        let claim = sparql::text(row.get("claim"));
        if !seen.insert(claim.clone()) {
            continue;
        }
        let verdict = judgements
            .iter()
            .find(|j| j.targets == [claim.as_str()] && j.report.is_some())
            .map(|j| j.kind);
        let optional = |v: &str| row.get(v).map(|t| sparql::text(Some(t)));
        out.push(Claim {
            kind: sparql::text(row.get("kind")),
            role: optional("role"),
            other: sparql::text(row.get("other")),
            other_name: sparql::text(row.get("otherName")),
            sentence: sparql::text(row.get("sentence")),
            rule: sparql::text(row.get("rule")),
            confidence: sparql::text(row.get("confidence")),
            report: sparql::text(row.get("g")),
            verdict,
            iri: claim,
        });
    }
    Ok(out)
}

/// The judgements that concern `iri`: merges and distinctions of its cluster, verdicts on its
/// claims, and rejections of claims about it, which the record of their report names.
fn concerning(
    dataset: &Dataset,
    iri: &str,
    claims: &[Claim],
    all: Vec<Judgement>,
) -> Result<Vec<Judgement>> {
    let members: BTreeSet<String> = Clusters::of(&all).members(iri).into_iter().collect();
    let claim_iris: BTreeSet<&str> = claims.iter().map(|c| c.iri.as_str()).collect();
    let mut out = Vec::new();
    for j in all {
        let about = match j.kind {
            Kind::Merge | Kind::Distinction => j.targets.iter().any(|t| members.contains(t)),
            Kind::Acceptance => claim_iris.contains(j.targets[0].as_str()),
            Kind::Rejection => rejected_about(dataset, &j, &members)?,
        };
        if about {
            out.push(j);
        }
    }
    Ok(out)
}

/// True when the claim `j` rejects named one of `members` before it was dropped.
fn rejected_about(dataset: &Dataset, j: &Judgement, members: &BTreeSet<String>) -> Result<bool> {
    let Some(report) = &j.report else {
        return Ok(false);
    };
    let removed = super::record_of(dataset, report)?.removed;
    Ok(removed.iter().any(|q| {
        q.subject.to_string() == format!("<{}>", j.targets[0])
            && matches!(&q.object, oxigraph::model::Term::NamedNode(n) if members.contains(n.as_str()))
    }))
}
