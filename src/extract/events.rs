//! Events and participation: the report's main event, its sessions (from headings such as
//! "Opening plenary" or "Panel: …", and from text such as "a fringe meeting"), and who took
//! part in which, as speaker, chair, organiser or attendee.
//!
//! An event is named by its proper name when it has one ("Northern Growers Conference 2024") and
//! otherwise by the words the text uses ("fringe meeting", "tour of X"); "the congress", "the
//! meeting" refer back to the last event of that kind. Participation is read from verbs
//! ("chaired", "told the meeting", "moved", "led by", "among the marchers was") and placed at
//! the most specific event the text gives: the one named in the sentence, else the one under
//! discussion in the paragraph, else the section's, else the main event.

use super::names::Mention;
use super::rules::{self, Rule};
use super::tokens::Kind;
use super::{Reader, Sent};
use crate::model::BlockKind;
use crate::model::{EntityId, EntityKind, PartRole, Participation};
use std::collections::HashMap;

/// Events that stand on their own rather than as parts of the report's main event.
const STANDALONE: &[&str] = &[
    "strike",
    "walkout",
    "conference",
    "congress",
    "summit",
    "convention",
    "election",
];

/// Words after an event word that make it a modifier of something else: "conference centre",
/// "meeting room", "rally organisers".
const COMPOUND_TAILS: &[&str] = &[
    "centre",
    "center",
    "centres",
    "hall",
    "halls",
    "room",
    "rooms",
    "venue",
    "organisers",
    "organizers",
    "staff",
    "delegates",
    "fee",
    "fees",
    "season",
    "circuit",
    "papers",
    "paper",
    "report",
    "programme",
    "program",
    "agenda",
    "floor",
    "motion",
    "motions",
    "call",
    "line",
    "route",
    "site",
    "series",
    "participants",
    "organiser",
    "organizer",
    "committee",
    "season",
    "ticket",
    "tickets",
    "pass",
    "badge",
    "app",
    "website",
    "hashtag",
    "banner",
    "banners",
    "leaflet",
    "leaflets",
    "slot",
    "slots",
    "chair",
    "arrangements",
    "goers",
    "notes",
    "minutes",
    "record",
    "records",
    "documents",
    "pack",
    "packs",
];

/// Words that may follow an event word without making it part of a compound noun.
const AFTER_EVENT: &[&str] = &[
    "of",
    "on",
    "in",
    "at",
    "for",
    "with",
    "against",
    "outside",
    "about",
    "by",
    "and",
    "or",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "had",
    "has",
    "have",
    "that",
    "which",
    "who",
    "where",
    "when",
    "to",
    "from",
    "into",
    "near",
    "inside",
    "before",
    "after",
    "during",
    "itself",
    "last",
    "this",
    "next",
    "ran",
    "began",
    "ended",
    "heard",
    "took",
    "drew",
    "saw",
    "brought",
    "agreed",
    "voted",
    "went",
    "came",
    "set",
    "also",
    "then",
    "closes",
    "opens",
    "ends",
    "begins",
    "continues",
    "itself",
    "as",
    "but",
    "so",
    "because",
    "than",
    "could",
    "should",
    "may",
    "might",
    "did",
    "does",
    "can",
];

/// A lowercase word after an event word that is more likely the head of a compound noun
/// ("a solar panel assembly plant", "the conference centre") than the start of what follows.
fn compound_noun_after(t: &super::tokens::Token) -> bool {
    let w = t.lower();
    t.kind == Kind::Word
        && !t.is_cap()
        && !AFTER_EVENT.contains(&w.as_ref())
        && !w.ends_with("ed")
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && w.chars().all(char::is_alphabetic)
}

/// Words before an event word that put it outside the report ("a recent visit").
const PAST_MODIFIERS: &[&str] = &[
    "recent", "previous", "earlier", "past", "former", "similar", "separate", "another", "other",
    "every", "each",
];

/// Words that refer to whatever event is under discussion.
const GENERIC: &[&str] = &[
    "event",
    "session",
    "meeting",
    "day",
    "visit",
    "trip",
    "gathering",
];

/// Where each sentence stands: the event of its section (heading) and the event named last
/// in its paragraph.
#[derive(Debug, Default)]
pub(crate) struct EventContext {
    pub section: Vec<Option<EntityId>>,
    /// Event mentions per sentence: (token start, token end, event).
    pub mentions: Vec<Vec<(usize, usize, EntityId)>>,
}

/// An event phrase written in lowercase: "the 2025 annual congress", "a fringe meeting",
/// "our closing debrief", "a morning tour of the old docks".
struct Phrase {
    start: usize,
    end: usize,
    head: String,
    definite: bool,
    future: bool,
    modifiers: usize,
}

fn event_head_at(r: &Reader, sent: &Sent, k: usize) -> Option<(usize, String)> {
    let t = &sent.toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    let w = t.lower();
    // Two-word heads first: "side event", "general strike".
    if let Some(n) = sent.toks.get(k + 1) {
        if n.kind == Kind::Word && r.lx.starts_event_head(&w) {
            let two = format!("{} {}", w, n.lower());
            if r.lx.is_event_head(&two) {
                return Some((k + 2, two));
            }
        }
    }
    (r.lx.is_event_head(&w) && (!t.is_cap() || k == 0)).then_some((k + 1, w.into_owned()))
}

/// Finds lowercase event phrases in a sentence.
fn phrases(r: &Reader, sent: &Sent) -> Vec<Phrase> {
    let mut out = Vec::new();
    let toks = &sent.toks;
    let mut k = 0;
    while k < toks.len() {
        let Some((end, head)) = event_head_at(r, sent, k) else {
            k += 1;
            continue;
        };
        if sent.mention_at(k).is_some_and(|m| m.kind.is_some()) {
            k += 1;
            continue;
        }
        if toks
            .get(end)
            .is_some_and(|t| COMPOUND_TAILS.contains(&t.lower().as_ref()) || compound_noun_after(t))
        {
            k = end;
            continue;
        }
        // Back to a determiner over modifiers ("the 2025 annual", "a two-day", "our closing").
        let mut b = k;
        let mut det = None;
        while b > 0 && k - b < 4 {
            let t = &toks[b - 1];
            let w = t.lower();
            if matches!(
                w.as_ref(),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "its"
                    | "their"
                    | "this"
                    | "that"
                    | "his"
                    | "her"
                    | "next"
                    | "last"
            ) {
                det = Some(b - 1);
                break;
            }
            if t.kind == Kind::Possessive {
                // "Next year's congress"
                if b >= 3
                    && toks[b - 2].is("year")
                    && (toks[b - 3].is("next") || toks[b - 3].is("last"))
                {
                    det = Some(b - 3);
                }
                break;
            }
            if t.kind == Kind::Punct
                || r.lx.is_stopword(t.text)
                    && !matches!(
                        w.as_ref(),
                        "opening"
                            | "closing"
                            | "first"
                            | "second"
                            | "third"
                            | "final"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "early"
                            | "late"
                            | "day"
                    )
            {
                break;
            }
            b -= 1;
        }
        let heading_start = sent.kind == BlockKind::Heading && b == 0;
        let Some(d) = det.or(heading_start.then_some(0)) else {
            k = end;
            continue;
        };
        let det_word = toks[d].lower();
        if toks[d..k]
            .iter()
            .any(|t| PAST_MODIFIERS.contains(&t.lower().as_ref()))
        {
            k = end;
            continue;
        }
        let definite = matches!(
            det_word.as_ref(),
            "the" | "this" | "that" | "its" | "their" | "his" | "her" | "our"
        );
        let future = det_word == "next"
            || toks[d..k]
                .iter()
                .any(|t| t.is("next") || t.is("upcoming") || t.is("forthcoming"));
        let start = if heading_start && det.is_none() {
            0
        } else {
            d + 1
        };
        let start = if future && det_word == "next" {
            d
        } else {
            start
        };
        // A short phrase after the head names which one: "tour of X", "march against rent
        // rises", "meeting in the town hall", "session on river testing".
        let mut e = end;
        if let Some(p) = toks.get(end) {
            let pw = p.lower();
            let place_pp = matches!(pw.as_ref(), "in" | "at")
                && toks.get(end + 1).is_some_and(|t| {
                    t.is_cap() || t.is("the") && toks.get(end + 2).is_some_and(|t| t.is_cap())
                });
            let topic_pp = matches!(
                pw.as_ref(),
                "of" | "on" | "against" | "outside" | "with" | "for" | "about"
            );
            if !definite && (topic_pp || place_pp) {
                let mut q = end + 1;
                let mut words = 0;
                while q < toks.len() && words < 4 {
                    let t = &toks[q];
                    if t.kind != Kind::Word && t.kind != Kind::Possessive {
                        break;
                    }
                    let w = t.lower();
                    // A place after "in"/"at" is its capitalised name only: "in the Rathaus".
                    if place_pp && !t.is_cap() && !(w == "the" && words == 0) {
                        break;
                    }
                    if words > 0
                        && (matches!(
                            w.as_ref(),
                            "and"
                                | "which"
                                | "who"
                                | "that"
                                | "was"
                                | "were"
                                | "is"
                                | "the"
                                | "a"
                                | "by"
                                | "to"
                                | "at"
                                | "on"
                                | "in"
                                | "from"
                                | "ran"
                                | "had"
                        ) || r.lx.is_stopword(t.text) && !t.is_cap())
                    {
                        break;
                    }
                    q += 1;
                    if !matches!(w.as_ref(), "the") {
                        words += 1;
                    }
                }
                if words > 0 {
                    e = q;
                }
            }
        }
        out.push(Phrase {
            start,
            end: e,
            head,
            definite,
            future,
            modifiers: k - start,
        });
        k = e;
    }
    out
}

/// The events of a report: main event, sessions, other gatherings; and where each sentence
/// stands among them.
pub(crate) fn find_events(r: &mut Reader) -> EventContext {
    let mut ctx = EventContext {
        section: vec![None; r.sents.len()],
        mentions: vec![Vec::new(); r.sents.len()],
    };
    let mut by_head: HashMap<String, EntityId> = HashMap::new();

    // 1. The main event: a named event in the title or the first paragraphs, else the first
    //    event phrase there.
    let early: Vec<usize> = (0..r.sents.len())
        .filter(|&s| r.sents[s].block < 6 && !r.sents[s].boilerplate)
        .collect();
    let named = early.iter().find_map(|&s| {
        r.sents[s]
            .mentions
            .iter()
            .find(|m| m.kind == Some(EntityKind::Event))
            .and_then(|m| m.entity.map(|e| (s, e, m.clone())))
    });
    if let Some((s, e, m)) = named {
        r.main_event = Some(e);
        main_org_near(r, s, m.start, m.end);
    } else {
        // Body paragraphs first (their words are the report's own), then the title.
        let level_of = |s: usize| r.doc.blocks[r.sents[s].block].level;
        let is_heading = |s: usize| r.sents[s].kind == BlockKind::Heading;
        let body: Vec<usize> = early.iter().copied().filter(|&s| !is_heading(s)).collect();
        let title: Vec<usize> = early
            .iter()
            .copied()
            .filter(|&s| is_heading(s) && level_of(s) == 1)
            .collect();
        let first = body.into_iter().chain(title).find_map(|s| {
            phrases(r, &r.sents[s])
                .into_iter()
                .find(|p| !p.future)
                .map(|p| (s, p))
        });
        if let Some((s, p)) = first {
            let name = r.text(s, p.start, p.end).to_owned();
            let id = r.reg.add(EntityKind::Event, &name, s);
            r.main_event = Some(id);
            main_org_near(r, s, p.start, p.end);
        }
    }

    if let Some(main) = r.main_event {
        let name = r.reg.get(main).name.clone();
        let head = name
            .split_whitespace()
            .rfind(|w| r.lx.is_event_head(w))
            .map(str::to_lowercase);
        if let Some(h) = head {
            by_head.insert(h, main);
        }
        // "Northern Growers Conference 2024" is also "Northern Growers Conference", without its
        // year.
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.len() > 2
            && words
                .last()
                .is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        {
            let without_year = words[..words.len() - 1].join(" ");
            r.reg.alias(main, &without_year);
        }
        // An organisation named in the main event ("the HWU study delegation").
        if r.main_org.is_none() {
            for s in &r.sents {
                if let Some(m) = s
                    .mentions
                    .iter()
                    .find(|m| m.kind == Some(EntityKind::Organization))
                {
                    if let Some(e) = m.entity {
                        let org_name = r.reg.get(e).name.clone();
                        if name.contains(&org_name) {
                            r.main_org = Some(e);
                            break;
                        }
                    }
                }
            }
        }
    }

    // 2. Walk the report: headings open sections; phrases and named events are registered.
    let mut section: Option<EntityId> = None;
    let mut list_parent = false;
    for s in 0..r.sents.len() {
        if r.sents[s].boilerplate {
            continue;
        }
        let is_heading = r.sents[s].kind == BlockKind::Heading;
        let level = r.doc.blocks[r.sents[s].block].level;
        if is_heading && level > 1 {
            section = heading_event(r, s);
            if let Some(e) = section {
                ctx.mentions[s].push((0, r.sents[s].toks.len(), e));
                for t in &r.sents[s].toks {
                    let w = t.lower();
                    if r.lx.is_event_head(&w) {
                        by_head.insert(w.into_owned(), e);
                    }
                }
            }
            list_parent = heading_mentions_events(r, s);
            ctx.section[s] = section;
            continue;
        }
        ctx.section[s] = section;
        // Named events.
        let named: Vec<Mention> = r.sents[s]
            .mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Event))
            .cloned()
            .collect();
        for m in named {
            if let Some(e) = m.entity {
                ctx.mentions[s].push((m.start, m.end, e));
            }
        }
        if is_heading {
            continue;
        }
        // "1. *Title of a workshop*, led by X" under a heading such as "Afternoon workshops".
        if list_parent
            && r.sents[s].kind == BlockKind::ListItem
            && r.doc.blocks[r.sents[s].block].start == r.doc.sentences[s].start
        {
            if let Some(name) = emphasised_title(r.doc.sentence_text(s)) {
                let id = r.reg.add(EntityKind::Event, &name, s);
                if Some(id) != r.main_event {
                    if let Some(main) = r.main_event {
                        r.reg.get_mut(id).part_of = Some(main);
                    }
                }
                ctx.mentions[s].push((0, 0, id));
                continue;
            }
        }
        for p in phrases(r, &r.sents[s]) {
            let name = r.text(s, p.start, p.end).to_owned();
            let id = if p.future {
                r.reg.add(EntityKind::Event, &name, s)
            } else if p.definite && p.end - p.start <= p.modifiers + 2 {
                // "the congress", "the meeting": the last event of that kind; "the session"
                // is the section's.
                let generic = GENERIC.contains(&p.head.as_str());
                let known = if generic && section.is_some() && p.modifiers == 0 {
                    section
                } else {
                    by_head
                        .get(&p.head)
                        .or_else(|| by_head.get(last_word(&p.head)))
                        .copied()
                        .or_else(|| {
                            generic
                                .then_some(())
                                .and(ctx_last(&ctx, s).or(section).or(r.main_event))
                        })
                };
                match known {
                    Some(e) => {
                        if p.modifiers == 0 {
                            r.reg.alias(e, &format!("the {}", p.head));
                        } else if Some(e) == r.main_event {
                            r.reg.alias(e, &name);
                        }
                        e
                    }
                    None => r.reg.add(EntityKind::Event, &name, s),
                }
            } else if let Some(&e) = by_head
                .get(&p.head)
                .filter(|_| p.modifiers == 0 && p.end == p.start + 1)
            {
                e
            } else {
                let id = r.reg.add(EntityKind::Event, &name, s);
                // "during the summit" first, "a two-day summit in Kisumu" after: one event,
                // named by the fuller phrase.
                match r.main_event {
                    Some(main)
                        if main != id
                            && r.sents[s].block < 6
                            && !r.reg.get(main).name.contains(' ')
                            && r.reg.get(main).name.to_lowercase() == last_word(&p.head) =>
                    {
                        r.reg.merge(id, main);
                        r.reg.resolve(main)
                    }
                    _ => id,
                }
            };
            if Some(id) != r.main_event && !p.future && r.reg.get(id).part_of.is_none() {
                if let Some(main) = r.main_event {
                    if !STANDALONE.contains(&last_word(&p.head)) {
                        r.reg.get_mut(id).part_of = Some(main);
                    }
                }
            }
            if !p.future {
                by_head.insert(p.head.clone(), id);
                by_head.insert(last_word(&p.head).to_owned(), id);
            }
            ctx.mentions[s].push((p.start, p.end, id));
        }
    }
    ctx
}

fn last_word(head: &str) -> &str {
    head.rsplit(' ').next().unwrap_or(head)
}

/// Does a heading speak of events, even in the plural ("Afternoon workshops")?
fn heading_mentions_events(r: &Reader, s: usize) -> bool {
    r.sents[s].toks.iter().any(|t| {
        let w = t.lower();
        r.lx.is_event_head(&w) || w.strip_suffix('s').is_some_and(|x| r.lx.is_event_head(x))
    })
}

/// A title set in italics or quotation marks at the start of a list item.
fn emphasised_title(text: &str) -> Option<String> {
    let text = text.trim_start();
    for (open, close) in [
        ("**", "**"),
        ("*", "*"),
        ("_", "_"),
        ("“", "”"),
        ("\"", "\""),
        ("‘", "’"),
    ] {
        if let Some(rest) = text.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                let title = rest[..end].trim();
                if title.split_whitespace().count() >= 2 {
                    return Some(title.to_owned());
                }
            }
        }
    }
    None
}

/// The event most recently named before sentence `s` in the same paragraph.
fn ctx_last(ctx: &EventContext, s: usize) -> Option<EntityId> {
    ctx.mentions[..s]
        .iter()
        .rev()
        .take(3)
        .find_map(|m| m.last().map(|x| x.2))
}

/// "the congress of the X", "X's congress", "organised by X": the organisation of the main
/// event, which bare roles later in the report belong to ("assistant general secretary").
fn main_org_near(r: &mut Reader, s: usize, start: usize, end: usize) {
    let sent = &r.sents[s];
    let mut k = end;
    if sent.is(k, "of") {
        k += 1;
        if sent.is(k, "the") {
            k += 1;
        }
        if let Some(m) = sent.mention_starting(k) {
            if m.kind == Some(EntityKind::Organization) {
                r.main_org = m.entity;
                return;
            }
        }
    }
    if start >= 2 && sent.toks[start - 1].kind == Kind::Possessive {
        if let Some(m) = sent.mention_ending(start - 1) {
            if m.kind == Some(EntityKind::Organization) {
                r.main_org = m.entity;
            }
        }
    }
}

/// A heading that names a session: "Opening plenary", "Panel: Community energy after the
/// price shock", "Morning session". Headings of days, places or plural groups ("Afternoon
/// workshops") are not events.
fn heading_event(r: &mut Reader, s: usize) -> Option<EntityId> {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    if toks.is_empty() {
        return None;
    }
    let text = r.doc.sentence_text(sent.index);
    // "Panel: Title", "Workshop: Title"
    if let Some((label, title)) = text.split_once(':') {
        let label = label.trim().trim_matches(|c: char| c == '*' || c == '_');
        if r.lx.is_event_head(label) && !title.trim().is_empty() {
            let name = title
                .trim()
                .trim_matches(|c: char| c == '*' || c == '_')
                .to_owned();
            return Some(session(r, s, &name));
        }
    }
    let has_head = toks
        .iter()
        .any(|t| t.kind == Kind::Word && r.lx.is_event_head(&t.lower()));
    if !has_head || toks.len() > 8 {
        return None;
    }
    if let Some(m) = sent
        .mentions
        .iter()
        .find(|m| m.kind == Some(EntityKind::Event))
    {
        return m.entity;
    }
    let name = text
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_')
        .to_owned();
    Some(session(r, s, &name))
}

fn session(r: &mut Reader, s: usize, name: &str) -> EntityId {
    let id = r.reg.add(EntityKind::Event, name, s);
    if Some(id) != r.main_event {
        if let Some(main) = r.main_event {
            r.reg.get_mut(id).part_of = Some(main);
        }
    }
    id
}

/// Verbs and the part they give the person who is their subject.
fn subject_verb_role(w: &str, next: &str) -> Option<PartRole> {
    Some(match w {
        "chaired" | "chairs" | "chairing" | "moderated" | "moderates" | "presided" | "compered" => {
            PartRole::Chair
        }
        "hosted" | "organised" | "organized" | "convened" | "coordinated" => PartRole::Organiser,
        "addressed" | "addresses" | "spoke" | "speaks" | "opened" | "closed" | "presented"
        | "moved" | "seconded" | "keynoted" | "briefed" | "lectured" | "introduced"
        | "welcomed" | "received" | "thanked" | "showed" | "led" | "leads" | "gave"
        | "delivered" | "proposed" | "discussed" | "detailed" | "outlined" | "elaborated"
        | "talked" | "recounted" => PartRole::Speaker,
        "told" | "tells" => match next {
            "the" | "delegates" | "congress" | "participants" | "attendees" | "guests"
            | "members" | "us" | "conference" | "supporters" | "marchers" | "protesters"
            | "activists" | "students" | "journalists" | "reporters" | "colleagues"
            | "listeners" | "viewers" => PartRole::Speaker,
            _ => return None,
        },
        "joined" | "attended" | "attends" | "marched" | "visited" | "participated"
        | "participates" => PartRole::Attendee,
        "took" | "take" | "takes" if next == "part" => PartRole::Attendee,
        _ => return None,
    })
}

/// Passive and prepositional cues before a person: "chaired by X", "led by the tenants'
/// representative X".
fn by_role(verb: &str) -> Option<PartRole> {
    Some(match verb {
        "chaired" | "moderated" | "compered" | "facilitated" => PartRole::Chair,
        "organised" | "organized" | "hosted" | "convened" | "coordinated" => PartRole::Organiser,
        "led" | "given" | "opened" | "closed" | "moved" | "seconded" | "presented"
        | "delivered" | "addressed" | "received" | "followed" | "introduced" | "run"
        | "briefed" => PartRole::Speaker,
        "joined" | "attended" | "accompanied" => PartRole::Attendee,
        _ => return None,
    })
}

/// Words that may stand between a subject and its verb.
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "then"
            | "later"
            | "has"
            | "had"
            | "have"
            | "briefly"
            | "formally"
            | "jointly"
            | "first"
            | "finally"
            | "again"
            | "once"
            | "herself"
            | "himself"
    )
}

/// Nouns of speaking: "used her address to the summit", "gave the keynote".
fn is_speech_noun(w: &str) -> bool {
    matches!(
        w,
        "address"
            | "speech"
            | "keynote"
            | "talk"
            | "presentation"
            | "remarks"
            | "lecture"
            | "welcome"
    )
}

/// What a participation rule sees: one person mention in one sentence.
struct Site<'s, 'a> {
    sent: &'s Sent<'a>,
    words: &'s [String],
    p: &'s Mention,
    persons: &'s [Mention],
    /// The person's first token (their honorific's, if any).
    first: usize,
}

impl Site<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.words.get(i).map(String::as_str).unwrap_or("")
    }
    /// The word just before the person, or "".
    fn prev(&self, back: usize) -> &str {
        if self.first >= back {
            self.w(self.first - back)
        } else {
            ""
        }
    }
    /// The words before the person.
    fn before(&self) -> &[String] {
        &self.words[..self.first]
    }
    fn before_has(&self, list: &[&str]) -> bool {
        self.before().iter().any(|x| list.contains(&x.as_str()))
    }
    fn list_item(&self) -> bool {
        self.sent.kind == BlockKind::ListItem
    }
}

/// A participation rule: the part it reads for the person at a site, if any.
type PartRule = fn(&Site) -> Option<PartRole>;

/// The rules that read the words before the person, tried in this order; then
/// `coordinated-subject`, then the rules that read the person's verb (`after_subject`).
const BEFORE_THE_PERSON: &[(&Rule, PartRule)] = &[
    (&rules::VERB_BY_NAME, verb_by_name),
    (&rules::CHAIR_LABEL, chair_label),
    (&rules::SPEAKER_BEFORE_NAME, speaker_before_name),
    (&rules::DEBATE_BETWEEN, debate_between),
    (&rules::IN_THEIR_SPEECH, in_their_speech),
    (&rules::WORKSHOP_WITH_NAME, workshop_with_name),
    (&rules::AMONG_THEM_WAS, among_them_was),
    (&rules::PRESENTED_TO_NAME, presented_to_name),
    (&rules::SPEAKERS_INCLUDED, speakers_included),
    (&rules::PARTY_INCLUDED, party_included),
    (&rules::HEARD_FROM_NAME, heard_from_name),
    (&rules::MET_NAME, met_name),
    (&rules::WORKSHOP_WITH_NAME, workshop_with_and_name),
];

/// The part a person plays by what their sentence says of them, and the rule that read it.
fn part_in_sentence(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
) -> Option<(PartRole, &'static Rule)> {
    let site = Site {
        sent,
        words,
        p,
        persons,
        first: p.hon.unwrap_or(p.start),
    };
    if site.first >= 1 {
        for (rule, read) in BEFORE_THE_PERSON {
            if let Some(pr) = read(&site) {
                return Some((pr, rule));
            }
        }
    }
    if let Some(pr) = coordinated_subject(sent, words, p, persons) {
        return Some((pr, &rules::COORDINATED_SUBJECT));
    }
    for (rule, read) in AFTER_THE_NAME {
        if let Some(pr) = read(&site) {
            return Some((pr, rule));
        }
    }
    after_subject(&site)
}

/// The rules that read the words just after the name, tried after `coordinated-subject` and
/// before the rules that look for the person's verb.
const AFTER_THE_NAME: &[(&Rule, PartRule)] = &[
    (&rules::POSSESSIVE_SPEECH, possessive_speech),
    (&rules::IN_THE_CHAIR, in_the_chair),
];

/// Rule `speaker-before-name`: "keynote speaker A B", "guest speaker and author A B": the
/// person's own description says they spoke. Lowercase only: "Speaker A B" is a
/// parliament's office.
fn speaker_before_name(site: &Site) -> Option<PartRole> {
    let toks = &site.sent.toks;
    let mut q = site.first;
    while q > 0 && site.first - q < 5 && toks[q - 1].kind == Kind::Word && !toks[q - 1].is_cap() {
        q -= 1;
        // The description ends at a word of the clause: "the keynote came from A B".
        if matches!(
            site.w(q),
            "from"
                | "by"
                | "with"
                | "of"
                | "to"
                | "for"
                | "at"
                | "on"
                | "in"
                | "the"
                | "a"
                | "came"
                | "was"
                | "were"
                | "is"
                | "are"
        ) {
            return None;
        }
        if matches!(
            site.w(q),
            "speaker" | "panellist" | "panelist" | "keynote" | "presenter"
        ) {
            return Some(PartRole::Speaker);
        }
    }
    None
}

/// Rule `debate-between`: "a debate between A B and C D".
fn debate_between(site: &Site) -> Option<PartRole> {
    let first_of_pair = site.prev(1) == "between";
    let second_of_pair = site.prev(1) == "and" && site.before_has(&["between"]);
    ((first_of_pair || second_of_pair)
        && site.before_has(&[
            "debate",
            "discussion",
            "dialogue",
            "conversation",
            "exchange",
        ]))
    .then_some(PartRole::Speaker)
}

/// Rule `in-their-speech`: "During his opening address, A B compared …"; "In her speech, the
/// union's chair, A B, said …": the sentence's first person gave the speech it opens with.
fn in_their_speech(site: &Site) -> Option<PartRole> {
    let opens = matches!(site.w(0), "during" | "in")
        && matches!(site.w(1), "his" | "her" | "their")
        && site.words[2..site.words.len().min(5)]
            .iter()
            .any(|x| is_speech_noun(x));
    let comma = site.before().iter().position(|x| x == ",");
    (opens && comma.is_some_and(|c| c <= 5) && site.persons.iter().all(|o| o.start >= site.p.start))
        .then_some(PartRole::Speaker)
}

/// Rule `possessive-speech`: "A B's address", "outgoing President A B's keynote speech".
fn possessive_speech(site: &Site) -> Option<PartRole> {
    let end = site.p.end;
    (site
        .sent
        .toks
        .get(end)
        .is_some_and(|t| t.kind == Kind::Possessive)
        && site.words[end + 1..site.words.len().min(end + 4)]
            .iter()
            .any(|x| is_speech_noun(x)))
    .then_some(PartRole::Speaker)
}

/// Rule `in-the-chair`: "A B (in the chair)", "A B, president, was in the chair".
fn in_the_chair(site: &Site) -> Option<PartRole> {
    let end = site.p.end;
    let until = site.words.len().min(end + 12);
    let at = (end..until).find(|&q| {
        site.w(q) == "in" && site.w(q + 1) == "the" && matches!(site.w(q + 2), "chair" | "chair.")
    })?;
    let between_person = site.persons.iter().any(|o| o.start >= end && o.start < at);
    (!between_person).then_some(PartRole::Chair)
}

/// Rule `verb-by-name`: "chaired by X", "led by the tenants' representative X".
fn verb_by_name(site: &Site) -> Option<PartRole> {
    let first = site.first;
    let mut q = first;
    while q > 0
        && first - q < 5
        && site.sent.toks[q - 1].kind != Kind::Punct
        && site.w(q - 1) != "by"
    {
        q -= 1;
    }
    (q >= 2 && site.w(q - 1) == "by")
        .then(|| by_role(site.w(q - 2)))
        .flatten()
}

/// Rule `chair-label`: "Chair: X".
fn chair_label(site: &Site) -> Option<PartRole> {
    (site.prev(1) == ":" && matches!(site.prev(2), "chair" | "chairs" | "moderator" | "host"))
        .then_some(PartRole::Chair)
}

/// Rule `workshop-with-name`: a list item "… with X".
fn workshop_with_name(site: &Site) -> Option<PartRole> {
    (site.list_item() && site.prev(1) == "with").then_some(PartRole::Speaker)
}

/// Rule `workshop-with-name`, its second name: a list item "… with A B and X".
fn workshop_with_and_name(site: &Site) -> Option<PartRole> {
    (site.list_item() && site.prev(1) == "and" && site.before_has(&["with"]))
        .then_some(PartRole::Speaker)
}

/// Rule `among-them-was`: "Among the marchers was X", "Also at the meeting was X", and the
/// later names of the list: "Among those who took part were X, a nurse, and Y".
fn among_them_was(site: &Site) -> Option<PartRole> {
    let opens = site.before_has(&["among"]) || (site.w(0) == "also" && site.before_has(&["at"]));
    let first = matches!(site.prev(1), "was" | "were");
    let later = matches!(site.prev(1), "and" | ",")
        && site.before_has(&["were"])
        && site.persons.iter().any(|o| o.start < site.p.start);
    (opens && (first || later)).then_some(PartRole::Attendee)
}

/// Rule `presented-to-name`: "the award was presented to X", "presented the prize for
/// service to X": the one honoured was there.
fn presented_to_name(site: &Site) -> Option<PartRole> {
    (site.prev(1) == "to"
        && site.before_has(&["presented", "awarded", "conferred", "handed"])
        && !site.persons.iter().any(|o| o.start < site.p.start))
    .then_some(PartRole::Attendee)
}

/// Rule `speakers-included`: "Speakers included X and Y", "Also speaking were X and Y".
fn speakers_included(site: &Site) -> Option<PartRole> {
    (site.before_has(&[
        "speakers",
        "panellists",
        "panelists",
        "speaking",
        "contributors",
    ]) && site.before_has(&["included", "including", "were", "was", "are"]))
    .then_some(PartRole::Speaker)
}

/// Rule `party-included`: "the party included X, Y and Z".
fn party_included(site: &Site) -> Option<PartRole> {
    (site.before_has(&["included", "includes", "including"])
        && site.before_has(&[
            "party",
            "delegation",
            "group",
            "team",
            "marchers",
            "delegates",
            "visitors",
        ]))
    .then_some(PartRole::Attendee)
}

/// Rule `heard-from-name`: "the keynote came from X", "a briefing from X", "heard from X", over
/// the person's role before them: "heard from exiled journalist X", "a welcome from the
/// Director of the Y, X".
fn heard_from_name(site: &Site) -> Option<PartRole> {
    let from = from_before_role(site)?;
    site.words[..from]
        .iter()
        .any(|x| {
            matches!(
                x.as_str(),
                "keynote"
                    | "briefing"
                    | "address"
                    | "talk"
                    | "presentation"
                    | "heard"
                    | "speech"
                    | "words"
                    | "welcome"
                    | "greetings"
                    | "message"
                    | "remarks"
                    | "contribution"
                    | "contributions"
            )
        })
        .then_some(PartRole::Speaker)
}

/// The "from" before the person, directly ("from X") or over their role: a short lowercase
/// run ("from exiled journalist X") or an appositive closed by a comma ("from our federal
/// leader, X", "from the Director of the Y, X").
fn from_before_role(site: &Site) -> Option<usize> {
    let first = site.first;
    if site.prev(1) == "from" {
        return Some(first - 1);
    }
    let toks = &site.sent.toks;
    if site.prev(1) == "," {
        // An appositive: up to ten words back, no punctuation between.
        let mut q = first - 1;
        while q > 0 && first - q <= 11 {
            q -= 1;
            if site.w(q) == "from" {
                return (q + 1 < first - 1).then_some(q);
            }
            if toks[q].kind == Kind::Punct {
                return None;
            }
        }
        return None;
    }
    // A lowercase run of at most four words.
    let mut q = first;
    while q > 0 && first - q < 4 && toks[q - 1].kind == Kind::Word && !toks[q - 1].is_cap() {
        q -= 1;
        if site.w(q) == "from" {
            return (q + 1 < first).then_some(q);
        }
    }
    None
}

/// Rule `met-name`: "we met X and Y".
fn met_name(site: &Site) -> Option<PartRole> {
    (site.before_has(&["met"])
        && matches!(site.prev(1), "met" | "and" | ",")
        && site.before_has(&["we", "delegation", "delegates"]))
    .then_some(PartRole::Attendee)
}

/// The token where the person's verb stands: after the name, over "of the X" or an appositive
/// closed by a comma ("X, director of Y, told delegates"), and over adverbs.
fn verb_after(site: &Site) -> usize {
    let (sent, p) = (site.sent, site.p);
    let w = |i: usize| site.w(i);
    let mut k = p.end;
    if matches!(w(k), "of" | "from") {
        // "X of the Y told guests"
        let mut q = k + 1;
        if w(q) == "the" {
            q += 1;
        }
        if let Some(m) = sent.mention_starting(q) {
            k = m.end;
        }
    } else if sent.is_punct(k, ",") || sent.is_punct(k, "(") {
        // Over an appositive to the verb after its closing comma.
        let mut depth = 0i32;
        let mut q = k;
        while q < sent.toks.len() {
            match sent.toks[q].text {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            if depth <= 0 && sent.toks[q].text == "," {
                let mut v = q + 1;
                while is_adverb(w(v)) {
                    v += 1;
                }
                if sent
                    .toks
                    .get(v)
                    .is_some_and(|t| t.kind == Kind::Word && !t.is_cap())
                    && subject_verb_role(w(v), w(v + 1)).is_some()
                {
                    k = v;
                    break;
                }
                if w(q + 1) == "who" {
                    k = q + 2;
                    break;
                }
            }
            if matches!(sent.toks[q].text, ";" | ":") {
                break;
            }
            q += 1;
        }
    }
    while is_adverb(w(k)) {
        k += 1;
    }
    k
}

/// The rules that read the person's verb: `subject-verb` ("X chaired", "X, director of Y,
/// told delegates", a later verb: "X thanked our hosts and presented …"), `was-among`,
/// `speech-noun` ("X gave a keynote"), and `participle-then-name` ("Closing the session, X").
fn after_subject(site: &Site) -> Option<(PartRole, &'static Rule)> {
    let (sent, words) = (site.sent, site.words);
    let w = |i: usize| site.w(i);
    let k = verb_after(site);
    if let Some(mut pr) = subject_verb_role(w(k), w(k + 1)) {
        // "joined us via video and opened the conference": the later verb says more.
        if pr == PartRole::Attendee {
            if let Some(a) = words[k..].iter().position(|x| x == "and") {
                if let Some(better) = subject_verb_role(w(k + a + 1), w(k + a + 2)) {
                    pr = better;
                }
            }
        }
        return Some((pr, &rules::SUBJECT_VERB));
    }
    if w(k) == "was" && matches!(w(k + 1), "among" | "at") {
        return Some((PartRole::Attendee, &rules::WAS_AMONG));
    }
    if words[k..].iter().take(4).any(|x| is_speech_noun(x))
        && sent
            .toks
            .get(k)
            .is_some_and(|t| t.kind == Kind::Word && !t.is_cap())
    {
        return Some((PartRole::Speaker, &rules::SPEECH_NOUN));
    }
    // "X thanked our hosts and presented …": a second verb.
    if let Some(a) = words[k..].iter().take(8).position(|x| x == "and") {
        if let Some(pr) = subject_verb_role(w(k + a + 1), w(k + a + 2)) {
            if pr != PartRole::Attendee {
                return Some((pr, &rules::SUBJECT_VERB));
            }
        }
    }
    participle_then_name(site).map(|pr| (pr, &rules::PARTICIPLE_THEN_NAME))
}

/// Rule `participle-then-name`: "Closing the session, X", "Seconding, X".
fn participle_then_name(site: &Site) -> Option<PartRole> {
    let first = site.first;
    if first < 2
        || site.persons.iter().any(|o| o.start < site.p.start)
        || !site.sent.toks[..first].iter().any(|t| t.text == ",")
    {
        return None;
    }
    match site.w(0) {
        "closing" | "opening" | "seconding" | "moving" | "speaking" | "addressing"
        | "introducing" | "presenting" | "welcoming" => Some(PartRole::Speaker),
        "chairing" | "moderating" => Some(PartRole::Chair),
        _ => None,
    }
}

/// Rule `coordinated-subject`: a person who is one of several coordinated subjects takes the
/// part their shared verb gives: "A, B, C and D attended the meeting"; "A (X Union), B (Y
/// Union) and C addressed the rally". Walks from the person over the other conjuncts (people,
/// each maybe followed by a bracket) to the verb.
fn coordinated_subject(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
) -> Option<PartRole> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let mut k = skip_bracket(sent, p.end);
    let mut others = 0;
    loop {
        let mut q = k;
        while matches!(w(q), "," | "and") {
            q += 1;
        }
        if q == k {
            break;
        }
        // The next conjunct, maybe after its role: "and Forum Chairman Sir C D", "and the
        // union's E F".
        let Some(next) = persons.iter().find(|m| {
            let first = m.hon.unwrap_or(m.start);
            first >= q
                && first - q <= 5
                && sent.toks[q..first]
                    .iter()
                    .all(|t| matches!(t.kind, Kind::Word | Kind::Possessive))
        }) else {
            break;
        };
        k = skip_bracket(sent, next.end);
        others += 1;
    }
    if others == 0 {
        return None;
    }
    while is_adverb(w(k)) {
        k += 1;
    }
    // Plural present, as captions write it: "A B and C D address the congress".
    match w(k) {
        "address" | "speak" => Some(PartRole::Speaker),
        "attend" | "join" => Some(PartRole::Attendee),
        _ => subject_verb_role(w(k), w(k + 1)),
    }
}

/// The token after a bracket that opens at `k` ("(X Union)") or a short attachment ("from the
/// X Union", "of Y"), or `k`.
fn skip_bracket(sent: &Sent, k: usize) -> usize {
    if sent.is(k, "from") || sent.is(k, "of") {
        let q = if sent.is(k + 1, "the") { k + 2 } else { k + 1 };
        return sent
            .mention_starting(q)
            .filter(|m| m.kind != Some(EntityKind::Person))
            .map_or(k, |m| m.end);
    }
    if !sent.is_punct(k, "(") {
        return k;
    }
    (k..sent.toks.len())
        .find(|&q| sent.is_punct(q, ")"))
        .map_or(k, |q| q + 1)
}

/// Rule `attendance-list`: which sentences list who was present, as minutes do: "Present:
/// A B, C D", "In attendance: …", "A B and C D were also present", and a labelled line right
/// after such a list ("Councillors: E F, G H"). Lists of absence ("Apologies", "not
/// present") are none.
fn attendance_lists(r: &Reader) -> Vec<bool> {
    let mut out = vec![false; r.sents.len()];
    for (s, sent) in r.sents.iter().enumerate() {
        let words: Vec<String> = sent
            .toks
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.lower().into_owned())
            .collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        let absent = words.windows(2).any(|p| p[0] == "not" && p[1] == "present")
            || words
                .iter()
                .any(|x| matches!(x.as_str(), "absent" | "apologies" | "apology" | "absence"));
        if absent {
            continue;
        }
        let opens = matches!(w(0), "present" | "attendees" | "attending" | "attendance")
            || matches!(
                (w(0), w(1)),
                ("in", "attendance") | ("those" | "also", "present")
            );
        let closes = words.last().is_some_and(|x| x == "present")
            && words.len() >= 2
            && matches!(w(words.len() - 2), "were" | "was" | "also");
        let label = sent.toks.get(1).is_some_and(|t| t.text == ":")
            && sent.toks.first().is_some_and(|t| t.is_cap())
            && s > 0
            && out[s - 1];
        out[s] = opens || closes || label;
    }
    out
}

/// The person a sentence-initial "He"/"She" stands for.
fn pronoun_subject(r: &Reader, s: usize) -> Option<EntityId> {
    let sent = &r.sents[s];
    let first = sent.toks.first()?;
    let female = match first.lower().as_ref() {
        "she" => Some(true),
        "he" => Some(false),
        _ => return None,
    };
    super::quotes::last_person(r, s, first.start, female)
}

/// Reads who took part in what.
pub(crate) fn find_participation(r: &mut Reader) {
    let ctx = find_events_context(r);
    let attendance = attendance_lists(r);
    let mut found: Vec<Participation> = Vec::new();
    for s in 0..r.sents.len() {
        if r.sents[s].boilerplate || r.sents[s].kind == BlockKind::Heading {
            continue;
        }
        let mut persons: Vec<Mention> = r.sents[s]
            .mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person) && m.entity.is_some())
            .cloned()
            .collect();
        // "She told the crowd …": the pronoun as a mention of the person it stands for.
        if let Some(p) = pronoun_subject(r, s) {
            persons.insert(
                0,
                Mention {
                    start: 0,
                    end: 1,
                    kind: Some(EntityKind::Person),
                    entity: Some(p),
                    hon: None,
                },
            );
        }
        if persons.is_empty() {
            continue;
        }
        let sent = &r.sents[s];
        let words: Vec<String> = sent.toks.iter().map(|t| t.lower().into_owned()).collect();
        let mut here: Vec<(usize, usize, EntityId)> = ctx.mentions[s].clone();
        here.sort_by_key(|x| x.0);
        let para_event = (0..s)
            .rev()
            .take_while(|&p| r.sents[p].block == sent.block)
            .find_map(|p| ctx.mentions[p].last().map(|x| x.2));
        let next_event = (s + 1..r.sents.len())
            .take_while(|&p| r.sents[p].block == sent.block)
            .find_map(|p| ctx.mentions[p].first().map(|x| x.2));
        let default_event = para_event.or(ctx.section[s]).or(r.main_event);
        for p in &persons {
            let Some(person) = p.entity else { continue };
            let first = p.hon.unwrap_or(p.start);
            let mut part = part_in_sentence(sent, &words, p, &persons);
            // A list of panellists under a session heading.
            if part.is_none()
                && sent.kind == BlockKind::ListItem
                && p.start == 0
                && ctx.section[s].is_some()
            {
                part = Some((PartRole::Speaker, &rules::PANEL_LIST));
            }
            if part.is_none() && attendance.get(s) == Some(&true) {
                part = Some((PartRole::Attendee, &rules::ATTENDANCE_LIST));
            }
            let pronoun = p.start == 0
                && p.end == 1
                && sent
                    .toks
                    .first()
                    .is_some_and(|t| matches!(t.lower().as_ref(), "she" | "he"));
            if part.is_none() && pronoun {
                continue;
            }
            let Some((role, rule)) = part else {
                // Speech by someone already placed at the event makes them a speaker there.
                if words
                    .iter()
                    .skip(p.end)
                    .take(3)
                    .any(|x| super::verbs::says_they_spoke(x))
                {
                    let event = here.first().map(|x| x.2).or(default_event);
                    if let Some(f) = found.iter_mut().find(|f| {
                        f.person == person && Some(f.event) == event && f.role == PartRole::Attendee
                    }) {
                        f.role = PartRole::Speaker;
                        f.evidence = r.evidence(s, &rules::ATTENDEE_THEN_SPEECH);
                    } else if let (Some(event), true) =
                        (event, first <= 6 && persons[0].start == p.start)
                    {
                        // Rule `speech-at-event`: the subject of a verb of speech in a report
                        // about an event spoke at it.
                        if !found.iter().any(|f| f.person == person && f.event == event) {
                            found.push(Participation {
                                person,
                                event,
                                role: PartRole::Speaker,
                                evidence: r.evidence(s, &rules::SPEECH_AT_EVENT),
                            });
                        }
                    }
                }
                continue;
            };
            // The event: named in this sentence (nearest after the person, else nearest
            // before), else the paragraph's; "we met X" looks ahead to the meeting named next.
            let after = here.iter().find(|(a, _, _)| *a >= p.end).map(|x| x.2);
            let before = here.iter().rfind(|(_, b, _)| *b <= first).map(|x| x.2);

            let event = if rule.name == rules::MET_NAME.name {
                after.or(next_event).or(default_event)
            } else {
                after.or(before).or(default_event)
            };
            let Some(event) = event else { continue };
            let evidence = r.evidence(s, rule);
            found.push(Participation {
                person,
                event,
                role,
                evidence,
            });
        }
    }
    // Quoted in a session: the speaker of a quotation under a session heading spoke there.
    for q in &r.quotations {
        let s = q.evidence.sentence;
        let Some(section) = ctx.section[s] else {
            continue;
        };
        if found.iter().any(|f| f.person == q.speaker) {
            continue;
        }
        let evidence = r.evidence(s, &rules::QUOTED_IN_SESSION);
        found.push(Participation {
            person: q.speaker,
            event: section,
            role: PartRole::Speaker,
            evidence,
        });
    }
    // One part per person and event: chair over organiser over speaker over attendee.
    let rank = |p: PartRole| match p {
        PartRole::Chair => 0,
        PartRole::Organiser => 1,
        PartRole::Speaker => 2,
        PartRole::Attendee => 3,
    };
    let mut best: HashMap<(EntityId, EntityId), Participation> = HashMap::new();
    let mut order = Vec::new();
    for f in found {
        let k = (r.reg.resolve(f.person), r.reg.resolve(f.event));
        match best.get(&k) {
            Some(old) if rank(old.role) <= rank(f.role) => {}
            _ => {
                if !best.contains_key(&k) {
                    order.push(k);
                }
                best.insert(k, f);
            }
        }
    }
    r.participations = order.into_iter().filter_map(|k| best.remove(&k)).collect();
    r.event_context = Some(ctx);
}

/// The event context `find_events` computed.
fn find_events_context(r: &mut Reader) -> EventContext {
    match r.event_context.take() {
        Some(c) => c,
        None => find_events(r),
    }
}
