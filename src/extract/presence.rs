//! The presence model: a person the participation rules gave no part, in a report about an
//! event, is read by a learned linear model of "spoke there" over what the report says around
//! each of their mentions; when it is sure enough, they are a speaker at the event their
//! first mention's paragraph, section or report is about (rule `presence-model`, its
//! confidence the model's probability).
//!
//! Why a model: the participation rules read named verbs and lists; real reports say that
//! someone took part in more ways than rules written from a few dozen reports name. The
//! weights (`ontology/models/participation_speaker.tsv`) are learned by
//! `scripts/train_pair_model.py --task people` from the fitting half only. Features are word
//! classes, verb classes and closed-class words, never names. (A second model, for "was there",
//! was tried: on the checking half nearly all its claims were wrong, so it is not built.)
//!
//! It runs after the participation rules, adds parts only for people they left without one,
//! and touches nothing else.

use super::learned::Model;
use super::names::Mention;
use super::pairs::token_symbol;
use super::participation::{is_speaking_gathering, spoke_away, subject_verb_role};
use super::{rules, verbs, Reader, Sent};
use crate::model::{BlockKind, EntityId, EntityKind, Evidence, PartRole, Participation};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

const SPEAKER_FILE: &str = include_str!("../../ontology/models/participation_speaker.tsv");

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(SPEAKER_FILE))
}

/// Verbs that say their subject was at a gathering without saying they spoke.
const ATTENDANCE_VERBS: &[&str] = &[
    "attended",
    "attends",
    "joined",
    "joins",
    "participated",
    "visited",
    "met",
    "accompanied",
    "represented",
    "witnessed",
    "watched",
    "listened",
];

/// One person as the models read them.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PersonCandidate {
    /// The person's names: the canonical one first, then its aliases.
    pub person: Vec<String>,
    /// The event they would be placed at.
    pub event: Vec<String>,
    /// The sentence their part would be read from.
    pub sentence: usize,
    /// The features the model read.
    pub features: Vec<String>,
    /// The probability that they spoke there.
    pub speaker: f32,
    /// Some participation rule already gave them a part.
    pub claimed: bool,
}

/// Every token of a sentence that is a verb of taking part, by the part it gives (`V:speaker`,
/// `V:attend`, `V:spoke`...); `None` for the rest, which `at` reads as the pair model does only
/// where a feature asks.
fn verb_classes(sent: &Sent) -> Vec<Option<&'static str>> {
    let lower: Vec<_> = sent.toks.iter().map(|t| t.lower()).collect();
    let word = |i: usize| lower.get(i).map_or("", |w| w.as_ref());
    (0..sent.toks.len())
        .map(|i| {
            let t = &sent.toks[i];
            if !t.is_word() || t.is_cap() {
                return None;
            }
            let low = word(i);
            match subject_verb_role(low, word(i + 1), word(i + 2)) {
                Some(PartRole::Speaker) => return Some("V:speaker"),
                Some(PartRole::Chair) => return Some("V:chair"),
                Some(PartRole::Organiser) => return Some("V:organiser"),
                Some(PartRole::Attendee) => return Some("V:attendee"),
                None => {}
            }
            if ATTENDANCE_VERBS.contains(&low) {
                Some("V:attend")
            } else if verbs::says_they_spoke(low) {
                Some("V:spoke")
            } else {
                None
            }
        })
        .collect()
}

/// The features of one mention of a person (tokens `start..end` of sentence `s`, read as
/// `classes`), from its sentence.
fn mention_features(
    r: &Reader,
    s: usize,
    part_verbs: &[Option<&'static str>],
    (start, end): (usize, usize),
    out: &mut Vec<String>,
) {
    let sent = &r.sents[s];
    let at = |i: usize| {
        part_verbs
            .get(i)
            .copied()
            .flatten()
            .unwrap_or_else(|| token_symbol(sent, i))
    };
    let (next, next2) = (at(end), at(end + 1));
    out.push(format!("next:{next}"));
    out.push(format!("next2:{next} {next2}"));
    // The verb of the clause the name opens, past a bracket or an appositive's few words.
    if let Some(v) = part_verbs.iter().take(end + 12).skip(end).find_map(|v| *v) {
        out.push(format!("verb_after:{v}"));
    }
    let prev = start.checked_sub(1).map_or("^", at);
    out.push(format!("prev:{prev}"));
    if let Some(i) = start.checked_sub(2) {
        out.push(format!("prev2:{} {prev}", at(i)));
    }
    if part_verbs[..start].iter().any(Option::is_some) {
        out.push("verb_before".into());
    }
    let people = sent
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person))
        .count();
    out.push(format!("people:{}", people.min(4)));
    if sent.toks.iter().any(|t| matches!(t.text, "\"" | "“" | "”")) {
        out.push("quote_marks".into());
    }
    let block = match sent.kind {
        BlockKind::Heading => "heading",
        BlockKind::ListItem => "list",
        BlockKind::Paragraph => "text",
    };
    out.push(format!("block:{block}"));
    if start == 0 {
        out.push("opens_sentence".into());
    }
    if let Some(ctx) = &r.event_context {
        if ctx.mentions.get(s).is_some_and(|m| !m.is_empty()) {
            out.push("event_named".into());
        }
    }
}

/// The event a person's sentence is about: the last one named earlier in its paragraph, else
/// its section's, else the report's.
fn event_of(r: &Reader, s: usize) -> Option<EntityId> {
    let ctx = r.event_context.as_ref()?;
    let block = r.sents[s].block;
    (0..=s)
        .rev()
        .take_while(|&p| r.sents[p].block == block)
        .find_map(|p| ctx.mentions.get(p).and_then(|m| m.last()).map(|x| x.2))
        .or(ctx.section.get(s).copied().flatten())
        .or(r.main_event)
}

/// A person read whole: the sentence of each mention with its features, and what the report
/// says of them as a whole.
struct Person {
    id: EntityId,
    mentions: Vec<(usize, Vec<String>)>,
    whole: Vec<String>,
}

/// Every person named outside boilerplate, but those in `placed`, with the features of each
/// mention.
fn people(r: &Reader, placed: &HashSet<EntityId>) -> Vec<Person> {
    let mut by_id: HashMap<EntityId, usize> = HashMap::default();
    let mut out: Vec<Person> = Vec::new();
    for (s, sent) in r.sents.iter().enumerate() {
        let is_person = |m: &&Mention| {
            m.kind == Some(EntityKind::Person)
                && m.entity
                    .is_some_and(|e| !placed.contains(&r.reg.resolve(e)))
        };
        if sent.boilerplate || !sent.mentions.iter().any(|m| is_person(&m)) {
            continue;
        }
        let part_verbs = verb_classes(sent);
        for m in sent.mentions.iter().filter(is_person) {
            let Some(id) = m.entity else {
                continue;
            };
            let id = r.reg.resolve(id);
            let k = *by_id.entry(id).or_insert_with(|| {
                out.push(Person {
                    id,
                    mentions: Vec::new(),
                    whole: Vec::new(),
                });
                out.len() - 1
            });
            let mut f = Vec::new();
            mention_features(r, s, &part_verbs, (m.hon.unwrap_or(m.start), m.end), &mut f);
            out[k].mentions.push((s, f));
        }
    }
    let quoted: HashSet<EntityId> = r
        .quotations
        .iter()
        .map(|q| r.reg.resolve(q.speaker))
        .collect();
    let tied: HashSet<EntityId> = r
        .memberships
        .iter()
        .map(|m| r.reg.resolve(m.member))
        .collect();
    let gathering = r
        .main_event
        .is_some_and(|e| is_speaking_gathering(&r.reg.get(e).name));
    let n = r.sents.len().max(1);
    for p in &mut out {
        let e = r.reg.get(p.id);
        let w = &mut p.whole;
        w.push(format!("mentions:{}", p.mentions.len().min(4)));
        let first = p.mentions.first().map_or(0, |m| m.0);
        w.push(format!("first_at:{}", (first * 4 / n).min(3)));
        if quoted.contains(&p.id) {
            w.push("quoted".into());
        }
        if tied.contains(&p.id) || !e.job_titles.is_empty() {
            w.push("has_a_post".into());
        }
        if !e.honorifics.is_empty() {
            w.push("honorific".into());
        }
        if gathering {
            w.push("speaking_gathering".into());
        }
    }
    out
}

/// A person's features: every mention's, once each, and the whole report's.
fn person_features(p: &Person) -> Vec<String> {
    let mut f: Vec<String> = p.mentions.iter().flat_map(|m| m.1.clone()).collect();
    f.sort();
    f.dedup();
    f.extend(p.whole.iter().cloned());
    f
}

/// The sentence a person is first named in, whose event they are placed at: chosen without the
/// model, so that the event a person is labelled with in training is the one they are placed
/// at by the model trained on those labels.
fn first_sentence(p: &Person) -> usize {
    p.mentions.first().map_or(0, |m| m.0)
}

/// The sentence a person's part is read from: the mention the model scores highest.
fn best_sentence(p: &Person, model: &Model) -> usize {
    let score = |m: &(usize, Vec<String>)| {
        let mut f = m.1.clone();
        f.extend(p.whole.iter().cloned());
        model.probability(&f)
    };
    p.mentions
        .iter()
        .map(|m| (score(m), m.0))
        .fold((f32::MIN, 0), |a, b| if b.0 > a.0 { b } else { a })
        .1
}

/// "Speaking to reporters, A B said …": what the sentence says they said was not said at the
/// event, so the model's reading of it places them nowhere.
fn said_away(r: &Reader, s: usize) -> bool {
    let words: Vec<String> = r.sents[s]
        .toks
        .iter()
        .take(5)
        .map(|t| t.lower().into_owned())
        .collect();
    spoke_away(&words)
}

/// A sentence that names people for something other than a part at the event: a byline or a
/// credit ("By A B", "Photo: A B"), or a choice of officers ("was elected president",
/// "elected the following to the Board: …", a roster's "Treasurer: A B"). Being chosen is no
/// part (`CONVENTIONS`); the model is not to read one as a speech.
fn named_for_no_part(r: &Reader, s: usize) -> bool {
    let toks = &r.sents[s].toks;
    let credit = toks.len() <= 10
        && toks.first().is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "by" | "photo"
                    | "photos"
                    | "photograph"
                    | "picture"
                    | "pictures"
                    | "image"
                    | "credit"
                    | "credits"
            )
        });
    // A roster's line, a post then a colon: "Vice Chair: A B", "Treasurer: C D and E F".
    let roster = toks
        .iter()
        .take(7)
        .position(|t| t.is_punct(":"))
        .is_some_and(|c| c > 0 && toks[..c].iter().any(|t| t.lex.is_role_word()));
    let chosen = roster
        || toks.iter().any(|t| {
            matches!(
                t.lower().as_ref(),
                "elected" | "re-elected" | "reelected" | "appointed" | "nominated"
            )
        });
    credit || chosen
}

/// The people the participation rules gave a part.
fn placed(r: &Reader) -> HashSet<EntityId> {
    r.participations
        .iter()
        .map(|p| r.reg.resolve(p.person))
        .collect()
}

/// Rule `presence-model`: every person with no part is a speaker at the event of the sentence
/// they are first named in, when the model's probability reaches its threshold; the evidence
/// is the mention it reads best.
pub(crate) fn find_presence(r: &mut Reader) {
    let model = model();
    let placed = placed(r);
    // Nothing to place anyone at: nothing to read.
    let events = r.event_context.as_ref().is_some_and(|c| {
        c.section.iter().any(Option::is_some) || c.mentions.iter().any(|m| !m.is_empty())
    });
    if r.main_event.is_none() && !events {
        return;
    }
    for p in people(r, &placed) {
        let confidence = model.probability(&person_features(&p));
        if confidence < model.threshold
            || p.mentions.iter().any(|m| said_away(r, m.0))
            || p.mentions.iter().all(|m| named_for_no_part(r, m.0))
        {
            continue;
        }
        let Some(event) = event_of(r, first_sentence(&p)) else {
            continue;
        };
        let sentence = best_sentence(&p, model);
        r.participations.push(Participation {
            person: p.id,
            event,
            role: PartRole::Speaker,
            evidence: Evidence {
                sentence,
                rule: rules::PRESENCE_MODEL.name,
                confidence,
            },
        });
    }
}

/// Every person the model reads in a report whose rules have run, with features and score.
pub(crate) fn candidates(r: &Reader) -> Vec<PersonCandidate> {
    let model = model();
    let placed = placed(r);
    let names = |id| {
        let e = r.reg.get(id);
        std::iter::once(e.name.clone())
            .chain(e.aliases.iter().cloned())
            .collect::<Vec<_>>()
    };
    people(r, &HashSet::default())
        .into_iter()
        .filter_map(|p| {
            let f = person_features(&p);
            let event = event_of(r, first_sentence(&p))?;
            let sentence = best_sentence(&p, model);
            Some(PersonCandidate {
                person: names(p.id),
                event: names(event),
                sentence,
                speaker: model.probability(&f),
                claimed: placed.contains(&p.id),
                features: f,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::learned::entries;

    use crate::model::{Extraction, Format, Metadata};
    use crate::read::document_from_text;

    fn run(text: &str) -> Extraction {
        let doc = document_from_text(text.to_owned(), Format::Markdown, None, Metadata::default());
        crate::extract::Extractor::new().extract(&doc)
    }

    /// The rule that gave the person a part, if any did.
    fn placed_by(ex: &Extraction, person: &str) -> Option<&'static str> {
        ex.participations
            .iter()
            .find(|p| ex.entities[p.person].name == person)
            .map(|p| p.evidence.rule)
    }

    /// (case, report, person, placed by the model). The weights are learned: retraining may
    /// move a case near the threshold, and then this table says so.
    const CASES: &[(&str, &str, &str, bool)] = &[
        (
            "a titled name opening a line of a report about a forum",
            "The Harbour Forum was held in Tolvik on Monday. Speakers were heard in turn. \
             Dr Kai Brandt of the Marden Institute, on the rise in rents.",
            "Kai Brandt",
            true,
        ),
        (
            "a name in passing",
            "The Harbour Forum was held in Tolvik on Monday. The hall is named after Rose \
             Bishop, a nurse who died in 1950.",
            "Rose Bishop",
            false,
        ),
        (
            "a name in a byline",
            "The Harbour Forum was held in Tolvik on Monday. Speakers were heard in turn.\n\n\
             By Dr Kai Brandt",
            "Kai Brandt",
            false,
        ),
        (
            "a name only where officers were chosen",
            "The Harbour Forum was held in Tolvik on Monday. Speakers were heard in turn. \
             Dr Kai Brandt of the Marden Institute was elected to the board.",
            "Kai Brandt",
            false,
        ),
        (
            "a name only in a roster's line of officers",
            "The Harbour Forum was held in Tolvik on Monday. Speakers were heard in turn.\n\n\
             The following officers were elected:\n\nTreasurer: Dr Kai Brandt\n\nVice Chair: Mia Roth",
            "Kai Brandt",
            false,
        ),
        (
            "no event to speak at",
            "Dr Kai Brandt of the Marden Institute, on the rise in rents.",
            "Kai Brandt",
            false,
        ),
    ];

    #[test]
    fn the_model_places_what_its_table_says() {
        for &(case, text, person, placed) in CASES {
            let got = placed_by(&run(text), person);
            let want = placed.then_some(rules::PRESENCE_MODEL.name);
            assert_eq!(got, want, "{case}: {text}");
        }
    }

    #[test]
    fn every_line_of_the_built_in_model_is_read() {
        assert_eq!(model().len() + 2, entries(SPEAKER_FILE));
    }
}
