//! Candidate duplicates: pairs of entities of one kind that may be one, each with a
//! Fellegi–Sunter match weight and the comparisons behind it.
//!
//! Pairs come from blocks (entities sharing a name token, a surname or an acronym; blocks past
//! `MAX_BLOCK` entities are skipped as uninformative), never from all pairs. Each pair is
//! compared on binary features; a feature that agrees adds log2(m/u) bits, one that disagrees
//! adds log2((1-m)/(1-u)), where m is how often it agrees on true matches (`M_PERSON`, `M_ORGANISATION`,
//! measured on the labelled name variants of the tests) and u how often it agrees on pairs drawn at random from
//! the archive itself (estimated on each run). Pairs already merged or judged distinct are left
//! out. It reads through `sparql` and writes nothing.

use crate::error::Result;
use crate::sparql::{self, Dataset};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Entities sharing a key past this many are not paired on it (a token such as "union").
pub const MAX_BLOCK: usize = 50;

/// The comparisons, in the order of `M_PERSON` and `M_ORGANISATION`.
pub const FEATURES: [&str; 7] = [
    "same name folded (accents, case, punctuation)",
    "acronym of the long form",
    "surname or titled form of the full name",
    "initials and surname agree",
    "every word of one name in the other",
    "most words shared",
    "a shared organisation or member",
];

/// P(feature agrees | same entity) for people and for organisations, measured on the true pairs
/// of the labelled variants of `tests` (a feature never seen there counts as 0.05).
pub const M_PERSON: [f64; 7] = [0.24, 0.05, 0.51, 0.24, 0.05, 0.05, 0.49];
pub const M_ORGANISATION: [f64; 7] = [0.05, 0.70, 0.05, 0.05, 0.30, 0.30, 0.54];

/// The least match weight `ties candidates` lists by default, in bits.
pub const DEFAULT_MIN_SCORE: f64 = 8.0;

/// An entity as candidates compares it.
#[derive(Debug, Clone, Default)]
pub struct Entity {
    pub iri: String,
    pub name: String,
    pub names: BTreeSet<String>,
    pub neighbours: BTreeSet<String>,
    pub person: bool,
}

/// One candidate pair.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Candidate {
    pub a: String,
    pub a_name: String,
    pub b: String,
    pub b_name: String,
    /// The match weight, in bits (log2 of the likelihood ratio).
    pub score: f64,
    pub reasons: Vec<String>,
}

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "cllr",
    "councillor",
    "rev",
    "mp",
    "mep",
    "hon",
    "the",
];
const STOP: &[&str] = &[
    "of", "the", "and", "for", "in", "on", "at", "de", "la", "du",
];

/// Words of a name, accents and case folded, punctuation dropped.
fn words(name: &str) -> Vec<String> {
    deunicode::deunicode(name)
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').trim_end_matches("'s").to_owned())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a person's name without honorifics and post-nominals.
fn person_words(name: &str) -> Vec<String> {
    words(name)
        .into_iter()
        .filter(|w| !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// Acronyms of a long name: initials of every word, and of the words that are not stopwords.
fn acronyms(name: &str) -> Vec<String> {
    let ws = words(name);
    if ws.len() < 2 {
        return Vec::new();
    }
    let all: String = ws.iter().filter_map(|w| w.chars().next()).collect();
    let content: String = ws
        .iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    vec![all, content]
}

/// A name written as an acronym ("HWF"), folded to lowercase.
fn as_acronym(name: &str) -> Option<String> {
    let t = name.trim();
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (!t.contains(' ') && (2..=8).contains(&letters) && t.chars().all(|c| !c.is_lowercase())).then(
        || {
            t.to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect()
        },
    )
}

/// The blocking keys of an entity.
fn keys(e: &Entity) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for n in &e.names {
        let ws = if e.person { person_words(n) } else { words(n) };
        if e.person {
            if let Some(last) = ws.last() {
                out.insert(format!("sur:{last}"));
            }
        } else {
            for w in ws
                .iter()
                .filter(|w| w.len() > 2 && !STOP.contains(&w.as_str()))
            {
                out.insert(format!("tok:{w}"));
            }
            out.extend(acronyms(n).into_iter().map(|a| format!("acr:{a}")));
            out.extend(as_acronym(n).map(|a| format!("acr:{a}")));
        }
    }
    out
}

/// Which features agree for a pair.
pub fn compare(a: &Entity, b: &Entity) -> [bool; 7] {
    let mut f = [false; 7];
    let folded = |n: &String| {
        if a.person {
            person_words(n).join(" ")
        } else {
            words(n).join(" ")
        }
    };
    for x in &a.names {
        for y in &b.names {
            let (fx, fy) = (folded(x), folded(y));
            f[0] |= !fx.is_empty() && fx == fy;
            if !a.person {
                f[1] |= acronym_pair(x, y) || acronym_pair(y, x);
            } else {
                let (px, py) = (person_words(x), person_words(y));
                f[2] |= surname_form(&px, &py) || surname_form(&py, &px);
                f[3] |= initials(&px, &py) || initials(&py, &px);
            }
            let (wx, wy): (HashSet<String>, HashSet<String>) = (
                fx.split(' ').map(str::to_owned).collect(),
                fy.split(' ').map(str::to_owned).collect(),
            );
            let shared = wx.intersection(&wy).count();
            f[4] |= shared > 0 && (shared == wx.len() || shared == wy.len());
            f[5] |= shared * 2 > wx.len().max(wy.len());
        }
    }
    // Containment and overlap count only where no sharper form explains them (Fellegi–Sunter
    // takes features as independent: "Okafor" in "Amina Okafor" is the surname form already).
    if f[0] || f[1] || f[2] || f[3] {
        f[4] = false;
        f[5] = false;
    }
    f[6] = a.neighbours.intersection(&b.neighbours).next().is_some();
    f
}

fn acronym_pair(short: &str, long: &str) -> bool {
    as_acronym(short).is_some_and(|s| acronyms(long).contains(&s))
}

/// `short` is a lone surname (or titled surname) and `long` a full name ending with it.
fn surname_form(short: &[String], long: &[String]) -> bool {
    short.len() == 1 && long.len() >= 2 && long.last() == short.last()
}

/// `short` gives initials where `long` gives names, with the same surname.
fn initials(short: &[String], long: &[String]) -> bool {
    short.len() >= 2
        && short.len() == long.len()
        && short.last() == long.last()
        && short[..short.len() - 1].iter().all(|w| w.len() == 1)
        && short
            .iter()
            .zip(long)
            .all(|(s, l)| l.starts_with(s.as_str()))
}

/// The match weight of a pattern of agreements, and the reasons (features that agree).
pub fn weigh(f: &[bool; 7], u: &[f64; 7], person: bool) -> (f64, Vec<String>) {
    let mut score = 0.0;
    let mut reasons = Vec::new();
    // Acronyms are compared for organisations, surname forms and initials for people.
    let applies = |i: usize| if person { i != 1 } else { i != 2 && i != 3 };
    let m = if person { &M_PERSON } else { &M_ORGANISATION };
    for i in (0..FEATURES.len()).filter(|&i| applies(i)) {
        if f[i] {
            score += (m[i] / u[i]).log2();
            reasons.push(FEATURES[i].to_owned());
        } else {
            score += ((1.0 - m[i]) / (1.0 - u[i])).log2();
        }
    }
    (score, reasons)
}

/// How often each feature agrees on pairs drawn at random (deterministically) from `entities`.
pub fn u_probabilities(entities: &[Entity]) -> [f64; 7] {
    let n = entities.len();
    let mut agree = [0usize; 7];
    let mut pairs = 0usize;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    if n >= 2 {
        for _ in 0..(n * (n - 1) / 2).min(20_000) {
            let (i, j) = ((next() % n as u64) as usize, (next() % n as u64) as usize);
            if i == j {
                continue;
            }
            pairs += 1;
            for (k, a) in compare(&entities[i], &entities[j]).iter().enumerate() {
                agree[k] += usize::from(*a);
            }
        }
    }
    // A small archive has few random pairs, and those may be its true matches: each estimate
    // is pulled towards `U_PRIOR` as if `PRIOR_PAIRS` random pairs had agreed at that rate.
    let mut u = [0.0; 7];
    for k in 0..u.len() {
        u[k] = ((agree[k] as f64 + U_PRIOR[k] * PRIOR_PAIRS) / (pairs as f64 + PRIOR_PAIRS))
            .clamp(1e-4, 0.99);
    }
    u
}

/// P(feature agrees | two entities) before the archive is read: rare agreements by chance.
pub const U_PRIOR: [f64; 7] = [0.001, 0.001, 0.005, 0.001, 0.01, 0.02, 0.02];
/// How many random pairs the prior counts as.
const PRIOR_PAIRS: f64 = 200.0;

/// Scores every blocked pair of `entities` not in `exclude`, best first, above `min_score`.
pub fn score(
    entities: &[Entity],
    exclude: &HashSet<(String, String)>,
    min_score: f64,
) -> Vec<Candidate> {
    let u = u_probabilities(entities);
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        for k in keys(e) {
            blocks.entry(k).or_default().push(i);
        }
    }
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for members in blocks.values().filter(|m| m.len() <= MAX_BLOCK) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&entities[i], &entities[j]);
                let key = ordered(&a.iri, &b.iri);
                if a.iri == b.iri || exclude.contains(&key) || !seen.insert(key) {
                    continue;
                }
                out.extend(candidate(a, b, &u, min_score));
            }
        }
    }
    best_first(&mut out);
    out
}

/// The pairs `score` gives that hold the entity `iri`, found by blocking on that entity's keys
/// alone: each other entity's keys are computed once and compared with the few it has, so the
/// work grows with the archive's entities, never with their pairs.
pub fn score_one(
    entities: &[Entity],
    iri: &str,
    exclude: &HashSet<(String, String)>,
    min_score: f64,
) -> Vec<Candidate> {
    let Some(me) = entities.iter().find(|e| e.iri == iri) else {
        return Vec::new();
    };
    let mine = keys(me);
    let mut sharing: HashMap<&str, Vec<&Entity>> = HashMap::new();
    for e in entities.iter().filter(|e| e.iri != me.iri) {
        for k in keys(e) {
            if let Some(key) = mine.get(&k) {
                sharing.entry(key.as_str()).or_default().push(e);
            }
        }
    }
    let u = u_probabilities(entities);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    // A block holds the entity itself too: past `MAX_BLOCK` with it, the key is skipped.
    for others in sharing.values().filter(|o| o.len() < MAX_BLOCK) {
        for other in others {
            let key = ordered(&me.iri, &other.iri);
            if exclude.contains(&key) || !seen.insert(key) {
                continue;
            }
            let (a, b) = if me.iri <= other.iri {
                (me, *other)
            } else {
                (*other, me)
            };
            out.extend(candidate(a, b, &u, min_score));
        }
    }
    best_first(&mut out);
    out
}

/// The pair `a`, `b` weighed, when it scores `min_score` or more.
fn candidate(a: &Entity, b: &Entity, u: &[f64; 7], min_score: f64) -> Option<Candidate> {
    let (score, reasons) = weigh(&compare(a, b), u, a.person);
    (score >= min_score).then(|| Candidate {
        a: a.iri.clone(),
        a_name: a.name.clone(),
        b: b.iri.clone(),
        b_name: b.name.clone(),
        score,
        reasons,
    })
}

/// Highest score first; ties by the first entity's IRI.
fn best_first(out: &mut [Candidate]) {
    out.sort_by(|x, y| y.score.total_cmp(&x.score).then_with(|| x.a.cmp(&y.a)));
}

fn ordered(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_owned(), b.to_owned())
    } else {
        (b.to_owned(), a.to_owned())
    }
}

const NAMES: &str = r#"
SELECT ?x ?p ?name WHERE {
  VALUES ?p { schema:name schema:alternateName }
  GRAPH ?g { ?x a ?type ; ?p ?name }
}"#;

const MEMBERS: &str = "SELECT DISTINCT ?x ?y WHERE { GRAPH ?g { ?x org:memberOf ?y } }";

/// `NAMES` from the listing index (`crate::store::listing`): each entity's names with their
/// other names, one node per entity and name instead of one copy per report.
const LISTED_NAMES: &str = r#"
SELECT ?x ?p ?name WHERE {
  GRAPH <urn:ties:listing> {
    ?row ties:listedKind ?type ; ties:listed ?x .
    { ?row ties:listedName ?name BIND(schema:name AS ?p) }
    UNION
    { ?tally ties:tallyOfAlias ?row ; ties:tallyValue ?name BIND(schema:alternateName AS ?p) }
  }
}"#;

/// `MEMBERS` from the listing index: an organisation's node tallies its members.
const LISTED_MEMBERS: &str = r#"
SELECT DISTINCT ?x ?y WHERE {
  GRAPH <urn:ties:listing> { ?tally ties:tallyOfMember ?row ; ties:tallyValue ?x . ?row ties:listed ?y }
}"#;

/// The entities of one kind (`person` or not) in the curated view, with their names and the
/// organisations they belong to (people) or their members (organisations): read from the
/// listing index when it is whole (seconds on 100,000 reports), else from every report graph.
pub fn entities(dataset: &Dataset, person: bool) -> Result<Vec<Entity>> {
    let class = if person {
        "https://schema.org/Person"
    } else {
        "https://schema.org/Organization"
    };
    let (names, members) = if dataset.listing_is_complete()? {
        (LISTED_NAMES, LISTED_MEMBERS)
    } else {
        (NAMES, MEMBERS)
    };
    let rows = dataset.select_bound(names, &[(sparql::variable("type"), sparql::iri(class)?)])?;
    let mut by_iri: HashMap<String, Entity> = HashMap::new();
    for r in rows {
        let iri = sparql::text(r.get("x"));
        let name = sparql::text(r.get("name"));
        let e = by_iri.entry(iri.clone()).or_insert_with(|| Entity {
            iri,
            person,
            ..Entity::default()
        });
        // The least of its names, whichever order the rows come in.
        let primary = sparql::text(r.get("p")).ends_with("/name");
        if primary && (e.name.is_empty() || name < e.name) {
            e.name = name.clone();
        }
        e.names.insert(name);
    }
    for r in dataset.select(members)? {
        let (x, y) = (sparql::text(r.get("x")), sparql::text(r.get("y")));
        let (me, other) = if person { (x, y) } else { (y, x) };
        if let Some(e) = by_iri.get_mut(&me) {
            e.neighbours.insert(other);
        }
    }
    let mut out: Vec<Entity> = by_iri.into_values().collect();
    out.sort_by(|a, b| a.iri.cmp(&b.iri));
    Ok(out)
}

/// `ties candidates`: likely duplicates of one kind in the store, best first, leaving out pairs
/// judged distinct.
pub fn candidates(dataset: &Dataset, person: bool, min_score: f64) -> Result<Vec<Candidate>> {
    let entities = entities(dataset, person)?;
    Ok(score(&entities, &distinct_pairs(dataset)?, min_score))
}

/// The likely duplicates of one entity (a person or an organisation), best first, leaving out
/// pairs judged distinct: the pairs of `candidates` that hold it.
pub fn candidates_of(
    dataset: &Dataset,
    iri: &str,
    person: bool,
    min_score: f64,
) -> Result<Vec<Candidate>> {
    let entities = entities(dataset, person)?;
    Ok(score_one(
        &entities,
        iri,
        &distinct_pairs(dataset)?,
        min_score,
    ))
}

/// The pairs judged distinct, each in order.
fn distinct_pairs(dataset: &Dataset) -> Result<HashSet<(String, String)>> {
    Ok(super::judgements(dataset)?
        .iter()
        .filter(|j| j.kind == super::Kind::Distinction && j.targets.len() == 2)
        .map(|j| ordered(&j.targets[0], &j.targets[1]))
        .collect())
}

#[cfg(test)]
mod tests;
