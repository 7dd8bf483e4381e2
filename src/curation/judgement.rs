//! Judgements as data: the researcher's decisions (merge, distinguish, reject, accept) as plain
//! values, their quads in the curation graph and back, and the rules they compile into (which
//! entity each merged entity becomes, which claims are rejected).
//!
//! It must not touch the store or run queries.

use super::view::Rules;
use crate::vocab::{dcterms, rdf, ties, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

/// What a judgement says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Two entities are one: the second is merged into the first (kept).
    Merge,
    /// Two entities are not the same: never merged.
    Distinction,
    /// A claim is wrong: the curated view drops it.
    Rejection,
    /// A claim is right (reviewed): it stays.
    Acceptance,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Merge => "merge",
            Kind::Distinction => "distinction",
            Kind::Rejection => "rejection",
            Kind::Acceptance => "acceptance",
        }
    }

    fn class(self) -> NamedNode {
        match self {
            Kind::Merge => ties::MERGE,
            Kind::Distinction => ties::DISTINCTION,
            Kind::Rejection => ties::REJECTION,
            Kind::Acceptance => ties::ACCEPTANCE,
        }
        .into_owned()
    }

    pub(super) fn of_class(iri: &str) -> Option<Kind> {
        [
            Kind::Merge,
            Kind::Distinction,
            Kind::Rejection,
            Kind::Acceptance,
        ]
        .into_iter()
        .find(|k| k.class().as_str() == iri)
    }
}

/// One judgement, as the curation graph holds it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Judgement {
    pub iri: String,
    pub kind: Kind,
    /// When it was made (xsd:dateTime, UTC).
    pub created: String,
    pub note: Option<String>,
    /// Merge: [kept, merged]; distinction: the two entities; rejection, acceptance: [claim].
    pub targets: Vec<String>,
    /// The names of the targets when the judgement was made (entities only).
    pub names: Vec<String>,
    /// Rejection, acceptance: the report graph holding the claim.
    pub report: Option<String>,
}

impl Judgement {
    /// A new judgement made now. Its IRI follows from what it judges, so judging the same pair
    /// again replaces the judgement, and a claim has one verdict (accepting a rejected claim
    /// replaces the rejection).
    pub fn new(kind: Kind, targets: Vec<String>, names: Vec<String>) -> Judgement {
        Judgement {
            iri: Judgement::iri_for(kind, &targets),
            kind,
            created: now_utc(),
            note: None,
            targets,
            names,
            report: None,
        }
    }

    /// The IRI a judgement of `kind` on `targets` has: it follows from what it judges.
    pub fn iri_for(kind: Kind, targets: &[String]) -> String {
        let (tag, key) = match kind {
            Kind::Merge => ("merge", targets.join(" ")),
            Kind::Distinction => {
                let mut sorted = targets.to_vec();
                sorted.sort();
                ("distinction", sorted.join(" "))
            }
            Kind::Rejection | Kind::Acceptance => ("claim", targets.join(" ")),
        };
        let digest = Sha256::digest(key.as_bytes());
        let hex: String = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        format!("{JUDGEMENT_NS}{tag}-{hex}")
    }

    /// Its quads in the curation graph `graph`.
    pub fn quads(&self, graph: &NamedNode) -> Vec<Quad> {
        let s = NamedNode::new_unchecked(&self.iri);
        let g = GraphName::NamedNode(graph.clone());
        let q = |p: oxigraph::model::NamedNodeRef<'_>, o: Term| {
            Quad::new(s.clone(), p.into_owned(), o, g.clone())
        };
        let iri = |t: &str| Term::NamedNode(NamedNode::new_unchecked(t));
        let text = |t: &str| Term::Literal(Literal::new_simple_literal(t));
        let mut out = vec![
            q(rdf::TYPE, Term::NamedNode(self.kind.class())),
            q(
                dcterms::CREATED,
                Literal::new_typed_literal(&self.created, xsd::DATE_TIME).into(),
            ),
        ];
        if let Some(note) = &self.note {
            out.push(q(ties::NOTE, text(note)));
        }
        let (first, second) = match self.kind {
            Kind::Merge => (
                (ties::KEPT, ties::KEPT_NAME),
                (ties::MERGED, ties::MERGED_NAME),
            ),
            Kind::Distinction => (
                (ties::ENTITY, ties::KEPT_NAME),
                (ties::ENTITY, ties::KEPT_NAME),
            ),
            _ => (
                (ties::CLAIM, ties::KEPT_NAME),
                (ties::CLAIM, ties::KEPT_NAME),
            ),
        };
        for (i, target) in self.targets.iter().enumerate() {
            let (p, name_p) = if i == 0 { first } else { second };
            out.push(q(p, iri(target)));
            if self.kind == Kind::Merge {
                if let Some(name) = self.names.get(i) {
                    out.push(q(name_p, text(name)));
                }
            }
        }
        if let Some(report) = &self.report {
            out.push(q(ties::IN_REPORT, iri(report)));
        }
        out
    }

    /// Judgements from (subject, predicate, object) rows of the curation graph, oldest first.
    pub fn from_rows(rows: &[(String, String, Term)]) -> Vec<Judgement> {
        let mut by_subject: BTreeMap<&str, Vec<(&str, &Term)>> = BTreeMap::new();
        for (s, p, o) in rows {
            by_subject.entry(s).or_default().push((p, o));
        }
        let mut out: Vec<Judgement> = by_subject
            .into_iter()
            .filter_map(|(s, props)| Judgement::from_props(s, &props))
            .collect();
        out.sort_by(|a, b| (&a.created, &a.iri).cmp(&(&b.created, &b.iri)));
        out
    }

    fn from_props(iri: &str, props: &[(&str, &Term)]) -> Option<Judgement> {
        let value = |t: &Term| match t {
            Term::NamedNode(n) => n.as_str().to_owned(),
            Term::Literal(l) => l.value().to_owned(),
            other => other.to_string(),
        };
        let all = |p: oxigraph::model::NamedNodeRef<'_>| -> Vec<String> {
            let mut v: Vec<String> = props
                .iter()
                .filter(|(q, _)| *q == p.as_str())
                .map(|(_, o)| value(o))
                .collect();
            v.sort();
            v
        };
        let one = |p| all(p).into_iter().next();
        let kind = all(rdf::TYPE).iter().find_map(|t| Kind::of_class(t))?;
        let (targets, names) = match kind {
            Kind::Merge => (
                vec![one(ties::KEPT)?, one(ties::MERGED)?],
                vec![
                    one(ties::KEPT_NAME).unwrap_or_default(),
                    one(ties::MERGED_NAME).unwrap_or_default(),
                ],
            ),
            Kind::Distinction => (all(ties::ENTITY), Vec::new()),
            _ => (vec![one(ties::CLAIM)?], Vec::new()),
        };
        Some(Judgement {
            iri: iri.to_owned(),
            kind,
            created: one(dcterms::CREATED).unwrap_or_default(),
            note: one(ties::NOTE),
            targets,
            names,
            report: one(ties::IN_REPORT),
        })
    }
}

/// Where judgements are named.
pub const JUDGEMENT_NS: &str = "urn:ties:judgement/";

/// The merges as clusters: each entity merged → the entity kept for its cluster (the kept
/// entity of the oldest merge that reaches it), with the names of the kept entities.
#[derive(Debug, Default)]
pub struct Clusters {
    parent: HashMap<String, String>,
    names: HashMap<String, String>,
}

impl Clusters {
    pub fn of(judgements: &[Judgement]) -> Clusters {
        let mut c = Clusters::default();
        for j in judgements.iter().filter(|j| j.kind == Kind::Merge) {
            for (t, n) in j.targets.iter().zip(&j.names) {
                if !n.is_empty() {
                    c.names.entry(t.clone()).or_insert_with(|| n.clone());
                }
            }
            c.union(&j.targets[0], &j.targets[1]);
        }
        c
    }

    /// The entity kept for `x`'s cluster (`x` itself when it was never merged).
    pub fn root(&self, x: &str) -> String {
        let mut x = x.to_owned();
        while let Some(p) = self.parent.get(&x) {
            x = p.clone();
        }
        x
    }

    /// Merges `merged`'s cluster into `kept`'s.
    pub fn union(&mut self, kept: &str, merged: &str) {
        let (k, m) = (self.root(kept), self.root(merged));
        if k != m {
            self.parent.insert(m, k);
        }
    }

    /// Every entity in `x`'s cluster.
    pub fn members(&self, x: &str) -> Vec<String> {
        let root = self.root(x);
        let mut out: Vec<String> = self
            .parent
            .keys()
            .filter(|m| self.root(m) == root)
            .cloned()
            .collect();
        out.push(root);
        out.sort();
        out
    }

    /// A name known for `x` from the judgements.
    pub fn name(&self, x: &str) -> Option<&str> {
        self.names.get(x).map(String::as_str)
    }
}

/// The rules the curated view applies, from the judgements.
pub fn compile(judgements: &[Judgement]) -> Rules {
    let clusters = Clusters::of(judgements);
    let mut rules = Rules::default();
    for merged in clusters.parent.keys() {
        let kept = clusters.root(merged);
        let kept_node = NamedNode::new_unchecked(&kept);
        if let Some(name) = clusters.name(&kept) {
            rules.kept_names.insert(kept_node.clone(), name.to_owned());
        }
        rules
            .canonical
            .insert(NamedNode::new_unchecked(merged), kept_node);
    }
    let rejected: HashSet<NamedNode> = judgements
        .iter()
        .filter(|j| j.kind == Kind::Rejection)
        .map(|j| NamedNode::new_unchecked(&j.targets[0]))
        .collect();
    rules.rejected = rejected;
    rules
}

/// Now as an xsd:dateTime in UTC, to the millisecond (judgements made in one second keep
/// their order).
pub fn now_utc() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let (secs, millis) = (now.as_secs(), now.subsec_millis());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's days-to-civil.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merge(kept: &str, merged: &str) -> Judgement {
        Judgement::new(
            Kind::Merge,
            vec![kept.into(), merged.into()],
            vec![format!("name of {kept}"), format!("name of {merged}")],
        )
    }

    #[test]
    fn judgements_go_to_quads_and_back() {
        let g = NamedNode::new_unchecked("urn:ties:curation");
        let mut m = merge("urn:o:a", "urn:o:b");
        m.note = Some("same union".into());
        let mut r = Judgement::new(Kind::Rejection, vec!["urn:r/m/1".into()], Vec::new());
        r.report = Some("urn:ties:report/r".into());
        let d = Judgement::new(
            Kind::Distinction,
            vec!["urn:p:y".into(), "urn:p:x".into()],
            Vec::new(),
        );
        let rows: Vec<(String, String, Term)> = [&m, &r, &d]
            .iter()
            .flat_map(|j| j.quads(&g))
            .map(|q| {
                let s = q.subject.to_string();
                (
                    s[1..s.len() - 1].to_owned(),
                    q.predicate.as_str().to_owned(),
                    q.object,
                )
            })
            .collect();
        let back = Judgement::from_rows(&rows);
        assert_eq!(back.len(), 3);
        assert!(back.contains(&m) && back.contains(&r));
        let d_back = back.iter().find(|j| j.kind == Kind::Distinction).unwrap();
        assert_eq!(d_back.targets, vec!["urn:p:x", "urn:p:y"]);
        // One verdict per claim: accepting replaces rejecting.
        let a = Judgement::new(Kind::Acceptance, vec!["urn:r/m/1".into()], Vec::new());
        assert_eq!(a.iri, r.iri);
    }

    #[test]
    fn clusters_keep_the_oldest_kept_entity() {
        let js = vec![merge("urn:a", "urn:b"), merge("urn:c", "urn:a")];
        let c = Clusters::of(&js);
        assert_eq!(c.root("urn:b"), "urn:c");
        assert_eq!(c.members("urn:a"), vec!["urn:a", "urn:b", "urn:c"]);
        let rules = compile(&js);
        assert_eq!(rules.canonical.len(), 2);
        assert_eq!(
            rules.kept_names[&NamedNode::new_unchecked("urn:c")],
            "name of urn:c"
        );
    }

    #[test]
    fn now_is_an_xsd_date_time() {
        let now = now_utc();
        assert_eq!(now.len(), 24, "{now}");
        assert!(now.starts_with("20") && now.ends_with('Z'), "{now}");
    }
}
