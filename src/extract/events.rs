//! Events: the report's main event and its sessions (from headings such as "Opening plenary" or
//! "Panel: …", and from text such as "a fringe meeting"), and which event each sentence speaks
//! of (`EventContext`), for `participation` to place people at.
//!
//! An event is named by its proper name when it has one ("Northern Growers Conference 2024") and
//! otherwise by the words the text uses ("fringe meeting", "tour of X"); "the congress", "the
//! meeting" refer back to the last event of that kind. Reads no person's part in an event.

use super::registry::Registry;
use super::tokens::{Kind, Token};
use super::{verbs, Reader, Sent};
use crate::model::BlockKind;
use crate::model::{EntityId, EntityKind};
use std::collections::HashMap;

/// Words a gathering's name may be written with or without: "the Tolvik Health Conference" of
/// a headline is "the Tolvik Health International Conference" of the body.
const OPTIONAL_IN_A_NAME: &[&str] = &["international", "annual", "biennial", "triennial"];

/// Rule `same-gathering-without-its-modifier`: two named events whose names differ only by
/// words of `OPTIONAL_IN_A_NAME` ("Tolvik Health Conference", "Tolvik Health International
/// Conference") are one event, named by the longer name. The shorter name must keep three words,
/// so that "Annual Conference" and "Conference" stay apart.
pub(crate) fn merge_optional_word_forms(reg: &mut Registry) {
    let events: Vec<(EntityId, Vec<String>)> = reg
        .live(EntityKind::Event)
        .map(|id| {
            let words = reg.get(id).name.split_whitespace();
            (id, words.map(str::to_lowercase).collect())
        })
        .collect();
    for (short, short_words) in &events {
        if short_words.len() < 3 {
            continue;
        }
        let long = events.iter().find(|(long, long_words)| {
            long != short
                && long_words.len() > short_words.len()
                && without_optional_words(long_words, short_words)
        });
        if let Some((long, _)) = long {
            if reg.resolve(*long) != reg.resolve(*short) {
                reg.merge(*short, *long);
            }
        }
    }
}

/// Is `long` the words of `short`, in order, with only words of `OPTIONAL_IN_A_NAME` added?
fn without_optional_words(long: &[String], short: &[String]) -> bool {
    let mut rest = short.iter().peekable();
    for w in long {
        if rest.peek() == Some(&w) {
            rest.next();
        } else if !OPTIONAL_IN_A_NAME.contains(&w.as_str()) {
            return false;
        }
    }
    rest.peek().is_none()
}

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
    // Irregular past forms, which no "-ed" gives away: "the meeting held on 12 May", "the
    // rally drew thousands".
    "held",
    "began",
    "begun",
    "took",
    "drew",
    "brought",
    "saw",
    "heard",
    "met",
    "ran",
    "went",
    "came",
    "gave",
    "made",
    "set",
    "led",
    "broke",
    "sent",
    "found",
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
    // Adverbs of time and place, and prepositions the list above lacks: "a meeting earlier
    // this week with X", "the rally yesterday", "talks via video link", "a debate between A
    // and B".
    "earlier",
    "later",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "here",
    "there",
    "now",
    "again",
    "together",
    "via",
    "between",
    "among",
    "amongst",
    "under",
    "over",
    "through",
    "across",
    "since",
    "until",
    "while",
    "whose",
    "ahead",
    "alongside",
    "towards",
    "within",
    "without",
];

/// A lowercase word after an event word that is more likely the head of a compound noun
/// ("a solar panel assembly plant", "the conference centre") than the start of what follows.
fn compound_noun_after(t: &Token) -> bool {
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
    /// Meetings between people per sentence (rule `met-with`): the token of "met" (or of the
    /// "with" after a word for a meeting) and the meeting. The people in the list after it, and
    /// the subject of "met", were there.
    pub meetings: Vec<Vec<(usize, EntityId)>>,
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
    // Three-word heads "X of Y" first: "day of action", "lobby of parliament".
    if let (Some(of), Some(n)) = (sent.toks.get(k + 1), sent.toks.get(k + 2)) {
        if of.is("of") && n.kind == Kind::Word && t.lex.starts_event_head() {
            let three = format!("{} of {}", t.lower(), n.lower());
            if r.lx.is_event_head(&three) {
                return Some((k + 3, three));
            }
        }
    }
    // Then two-word heads: "side event", "general strike".
    if let Some(n) = sent.toks.get(k + 1) {
        if n.kind == Kind::Word && t.lex.starts_event_head() {
            let two = format!("{} {}", t.lower(), n.lower());
            if r.lx.is_event_head(&two) {
                return Some((k + 2, two));
            }
        }
    }
    // "the AGM": an abbreviated head is written in capitals.
    (t.lex.is_event_head()
        && (!t.is_cap() || k == 0 || t.is_acronym() || capitalised_reference(r, sent, k))
        && !super::tokens::is_date_month(&sent.toks, k))
    .then(|| (k + 1, t.lower().into_owned()))
}

/// "attended the Luncheon", "opening the Congress": a lone event word that the report writes
/// with a capital after "the" or "this" ("our Synod" is more often the body), mid-sentence and
/// not followed by another capitalised word (which would make it part of a name), refers to one
/// gathering as a name does. Not when an organisation's name ends in that word ("the Congress"
/// of a trades union congress), nor in a capitalised chain ("Leader of the Delegation").
fn capitalised_reference(r: &Reader, sent: &Sent, k: usize) -> bool {
    let toks = &sent.toks;
    let in_chain = k >= 3 && toks[k - 2].is("of") && toks[k - 3].is_cap();
    k >= 2
        && (toks[k - 1].text == "the" || toks[k - 1].text == "this")
        && !in_chain
        && toks
            .get(k + 1)
            .is_none_or(|n| !(n.kind == Kind::Word && n.is_cap()))
        && !r.reg.org_ending_in(&toks[k].lower())
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
        let (det, b) = determiner_before(sent, k);
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
        ) || toks[d].kind == Kind::Possessive
            || sent.mention_at(d).is_some();
        let future = det_word == "next"
            || toks[d..k]
                .iter()
                .any(|t| t.is("next") || t.is("upcoming") || t.is("forthcoming"));
        let start = if heading_start && det.is_none() {
            0
        } else {
            d + 1
        };
        let start = if future && det_word == "next" || is_length_of_days(&det_word) {
            d
        } else {
            start
        };
        let e = which_one_after(toks, end, definite);
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

/// Back from the event head at `k` to a determiner over up to three modifiers ("the 2025
/// annual", "a two-day", "our closing", "next year's", "the union's", an organisation's name
/// before it): the determiner's token, if there is one, and the token where the walk stopped.
fn determiner_before(sent: &Sent, k: usize) -> (Option<usize>, usize) {
    let toks = &sent.toks;
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
            } else if b >= 2 && toks[b - 2].kind == Kind::Word {
                // An owner is a determiner: "the union's annual conference", "Acme's
                // congress".
                det = Some(b - 1);
            }
            break;
        }
        // An organisation's name premodifying the event is one too: "the Harbour
        // Workers Union annual conference".
        if sent
            .mention_at(b - 1)
            .is_some_and(|m| m.kind == Some(EntityKind::Organization) && m.end == b)
        {
            det = Some(b - 1);
            break;
        }
        // Rule `length-as-determiner`: "concluding three-day visit to X", "after two-day
        // talks": news drops the article before a gathering's length, which marks one gathering
        // as an article does. An article before the length is read as usual.
        let article_before = b >= 2
            && matches!(
                toks[b - 2].lower().as_ref(),
                "the" | "a" | "an" | "our" | "its" | "their" | "this" | "his" | "her"
            );
        if is_length_of_days(&w) && !article_before {
            det = Some(b - 1);
            break;
        }
        // A verb ends the walk: "Marden Growers Union welcomes delegation" has no
        // "welcomes delegation".
        if verbs::headline_verb(&w) {
            break;
        }
        if t.kind == Kind::Punct
            || t.lex.is_stopword()
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
    (det, b)
}

/// A gathering's length written before it: "three-day", "two-week", "5-day".
pub(super) fn is_length_of_days(w: &str) -> bool {
    let Some((n, unit)) = w.split_once('-') else {
        return false;
    };
    let number = n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty()
        || matches!(
            n,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    number && matches!(unit, "day" | "week" | "month")
}

/// The end of the short phrase after an indefinite event's head (ending at `end`) that names
/// which one it is: "tour of X", "march against rent rises", "meeting in the town hall",
/// "session on river testing"; `end` when there is none.
fn which_one_after(toks: &[Token], end: usize, definite: bool) -> usize {
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
        // "a rally on Wednesday", "a march on 12 May": when, not which one.
        // Not "a rally for May Day" (a month before a capitalised word), nor "a summit on 2030
        // targets" (a number that is no day of a month).
        let calendar = |k: usize| {
            toks.get(k).is_some_and(|t| {
                super::tokens::is_calendar_word(&t.lower())
                    && !toks.get(k + 1).is_some_and(|n| n.is_cap())
            })
        };
        let when = matches!(pw.as_ref(), "on" | "in" | "at")
            && (calendar(end + 1)
                || toks.get(end + 1).is_some_and(|t| t.kind == Kind::Number) && calendar(end + 2));
        if !definite && !when && (topic_pp || place_pp) {
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
                    ) || t.lex.is_stopword() && !t.is_cap()
                        // A verb of what the event did ends its name: "the meeting of
                        // the society took place".
                        || !t.is_cap() && AFTER_EVENT.contains(&w.as_ref()))
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
    e
}

/// Makes the event phrase `p` of sentence `s` the report's main event, and reads the
/// organisation beside it and in the title.
fn main_event_phrase(r: &mut Reader, s: usize, p: &Phrase) {
    let name = r.text(s, p.start, p.end).to_owned();
    let id = r.reg.add(EntityKind::Event, &name, s);
    r.main_event = Some(id);
    main_org_near(r, s, p.start, p.end);
    title_org(r, s);
}

/// The title: a level-one heading, or in plain text a first block of one line.
fn is_title(r: &Reader, s: usize) -> bool {
    let b = r.sents[s].block;
    match r.sents[s].kind {
        BlockKind::Heading => r.doc.blocks[b].level == 1,
        _ => b == 0 && !r.doc.text[r.doc.blocks[0].start..r.doc.blocks[0].end].contains('\n'),
    }
}

/// A title that names its gathering in lower case ("The ninth national congress – a better
/// place to be") is about that one, not the named event `named` (in sentence `at`) that its
/// first lines pass by. A named one with the same head word is that gathering by its full name
/// ("12th national congress" over "12th National Congress 2015"): then None.
fn event_named_by_title(
    r: &Reader,
    early: &[usize],
    at: usize,
    named: EntityId,
) -> Option<(usize, Phrase)> {
    if is_title(r, at) {
        return None;
    }
    let named_name = r.reg.get(named).name.to_lowercase();
    early
        .iter()
        .copied()
        .filter(|&s| is_title(r, s))
        .find_map(|s| {
            phrases(r, &r.sents[s])
                .into_iter()
                .find(|p| !p.future && p.modifiers > 0 && !delegation_among_people(&r.sents[s], p))
                .filter(|p| {
                    let head = p.head.to_lowercase();
                    let last = head.split_whitespace().last().unwrap_or_default();
                    !named_name.split_whitespace().any(|w| w == last)
                })
                .map(|p| (s, p))
        })
}

/// The events of a report: main event, sessions, other gatherings; and where each sentence
/// stands among them.
pub(crate) fn find_events(r: &mut Reader) -> EventContext {
    let mut ctx = EventContext {
        section: vec![None; r.sents.len()],
        mentions: vec![Vec::new(); r.sents.len()],
        meetings: vec![Vec::new(); r.sents.len()],
    };
    // The event last named by each head word ("congress", "annual meeting").
    let mut by_head: HashMap<String, EntityId> = HashMap::new();
    choose_main_event(r);
    if let Some(main) = r.main_event {
        name_the_main_event(r, main, &mut by_head);
    }
    // Walk the report: headings open sections; phrases and named events are registered.
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
        for m in &r.sents[s].mentions {
            if let (Some(EntityKind::Event), Some(e)) = (m.kind, m.entity) {
                ctx.mentions[s].push((m.start, m.end, e));
            }
        }
        if is_heading || list_parent && listed_workshop(r, s, &mut ctx) {
            continue;
        }
        for p in phrases(r, &r.sents[s]) {
            if group_not_gathering(r, &r.sents[s], &p) {
                continue;
            }
            let id = event_of_phrase(r, s, &p, section, &ctx, &by_head);
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
        meetings(r, s, &mut ctx);
    }
    ctx
}

/// The main event: a named event in the title or the first paragraphs (or the title's fuller
/// phrase for it), else the first event phrase there, else the first event phrase of the body
/// further down. Sets `r.main_event`, and the main organisation named beside the event or in
/// the title.
fn choose_main_event(r: &mut Reader) {
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
    let titled = named
        .as_ref()
        .and_then(|(s, e, _)| event_named_by_title(r, &early, *s, *e));
    if let Some((s, p)) = titled {
        main_event_phrase(r, s, &p);
        return;
    }
    if let Some((s, e, m)) = named {
        r.main_event = Some(e);
        main_org_near(r, s, m.start, m.end);
        return;
    }
    // Body paragraphs first (their words are the report's own), then the title.
    let level_of = |s: usize| r.doc.blocks[r.sents[s].block].level;
    let is_heading = |s: usize| r.sents[s].kind == BlockKind::Heading;
    let body: Vec<usize> = early.iter().copied().filter(|&s| !is_heading(s)).collect();
    let title: Vec<usize> = early
        .iter()
        .copied()
        .filter(|&s| is_heading(s) && level_of(s) == 1)
        .collect();
    // A page whose opening blocks are furniture names its gathering further down: the
    // first one the body names anywhere, before none at all.
    let later: Vec<usize> = (0..r.sents.len())
        .filter(|&s| r.sents[s].block >= 6 && !r.sents[s].boilerplate && !is_heading(s))
        .collect();
    let first = body.into_iter().chain(title).chain(later).find_map(|s| {
        phrases(r, &r.sents[s])
            .into_iter()
            .find(|p| !p.future && !delegation_among_people(&r.sents[s], p))
            .map(|p| (s, p))
    });
    if let Some((s, p)) = first {
        main_event_phrase(r, s, &p);
    }
}

/// What the main event is also called: its head word ("the congress"), its name without its
/// year ("Northern Growers Conference" for "… Conference 2024"); and the organisation its name
/// holds ("the HWU study delegation") is the report's, when none is yet.
fn name_the_main_event(r: &mut Reader, main: EntityId, by_head: &mut HashMap<String, EntityId>) {
    let name = r.reg.get(main).name.clone();
    let head = name
        .split_whitespace()
        .rfind(|w| r.lx.is_event_head(w))
        .map(str::to_lowercase);
    if let Some(h) = head {
        by_head.insert(h, main);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 2
        && words
            .last()
            .is_some_and(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
    {
        let without_year = words[..words.len() - 1].join(" ");
        r.reg.alias(main, &without_year);
    }
    if r.main_org.is_some() {
        return;
    }
    // "&" and "and" are one: the "Velby and District Trades Council AGM" is that of the
    // "Velby & District Trades Council".
    let name = name.replace(" & ", " and ");
    for s in &r.sents {
        let first_org = s
            .mentions
            .iter()
            .find(|m| m.kind == Some(EntityKind::Organization))
            .and_then(|m| m.entity);
        if let Some(e) = first_org {
            if name.contains(&r.reg.get(e).name.replace(" & ", " and ")) {
                r.main_org = Some(e);
                break;
            }
        }
    }
}

/// "1. *Title of a workshop*, led by X" under a heading such as "Afternoon workshops": the
/// emphasised title at the start of a list item is an event, part of the main one. True when
/// sentence `s` gave one.
fn listed_workshop(r: &mut Reader, s: usize, ctx: &mut EventContext) -> bool {
    let at_item_start = r.sents[s].kind == BlockKind::ListItem
        && r.doc.blocks[r.sents[s].block].start == r.doc.sentences[s].start;
    let Some(name) = at_item_start
        .then(|| emphasised_title(r.doc.sentence_text(s)))
        .flatten()
    else {
        return false;
    };
    let id = r.reg.add(EntityKind::Event, &name, s);
    if Some(id) != r.main_event {
        if let Some(main) = r.main_event {
            r.reg.get_mut(id).part_of = Some(main);
        }
    }
    ctx.mentions[s].push((0, 0, id));
    true
}

/// The event an event phrase of sentence `s` names: a new one when it is future, the one a
/// short definite phrase refers back to ("the congress"), the one a bare head word last named,
/// or a new one (merged into the main event when it is the main event's fuller name).
fn event_of_phrase(
    r: &mut Reader,
    s: usize,
    p: &Phrase,
    section: Option<EntityId>,
    ctx: &EventContext,
    by_head: &HashMap<String, EntityId>,
) -> EntityId {
    let name = r.text(s, p.start, p.end).to_owned();
    if p.future {
        return r.reg.add(EntityKind::Event, &name, s);
    }
    if p.definite && p.end - p.start <= p.modifiers + 2 {
        return match referred_event(r, s, p, &name, section, ctx, by_head) {
            Some(e) => {
                if p.modifiers == 0 {
                    r.reg.alias(e, &format!("the {}", p.head));
                } else if Some(e) == r.main_event {
                    r.reg.alias(e, &name);
                }
                e
            }
            None => r.reg.add(EntityKind::Event, &name, s),
        };
    }
    if let Some(&e) = by_head
        .get(&p.head)
        .filter(|_| p.modifiers == 0 && p.end == p.start + 1)
    {
        return e;
    }
    if let Some(e) = named_in_apposition(r, s, p, ctx) {
        r.reg.alias(e, &name);
        return e;
    }
    let id = r.reg.add(EntityKind::Event, &name, s);
    // "during the summit" first, "a two-day summit in Kisumu" after: one event, named by the
    // fuller phrase.
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
}

/// The named event an indefinite phrase stands in apposition to, with the same head word:
/// "Velby Forum – a newly established forum …", "the Marden Summit, an annual summit …".
fn named_in_apposition(r: &Reader, s: usize, p: &Phrase, ctx: &EventContext) -> Option<EntityId> {
    let toks = &r.sents[s].toks;
    let det = p.start.checked_sub(1)?;
    let mark = det.checked_sub(1)?;
    if !(matches!(toks[det].text, "a" | "an") && matches!(toks[mark].text, "–" | "—" | "-" | ","))
    {
        return None;
    }
    let last = last_word(&p.head);
    ctx.mentions[s]
        .iter()
        .find(|&&(_, end, e)| {
            end == mark
                && r.reg
                    .get(e)
                    .name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(last))
        })
        .map(|&(_, _, e)| e)
}

/// The event a short definite phrase ("the congress", "the meeting", "the AGM") refers back
/// to: the one its initials spell, the section's for a generic head, else the last event of
/// that head, else (for a generic head) the last event named, the section's or the main one.
/// None when the phrase has a word of a session's own that the known one lacks ("the closed
/// session" under a "Sunday session" heading): that names another session.
fn referred_event(
    r: &Reader,
    s: usize,
    p: &Phrase,
    name: &str,
    section: Option<EntityId>,
    ctx: &EventContext,
    by_head: &HashMap<String, EntityId>,
) -> Option<EntityId> {
    let generic = GENERIC.contains(&p.head.as_str());
    let spelt = (p.end == p.start + 1 && r.sents[s].toks[p.start].is_acronym())
        .then(|| r.reg.event_by_initials(r.sents[s].toks[p.start].text))
        .flatten();
    let known = if spelt.is_some() {
        spelt
    } else if generic && section.is_some() && p.modifiers == 0 {
        section
    } else {
        by_head
            .get(&p.head)
            .or_else(|| by_head.get(last_word(&p.head)))
            .copied()
            .or_else(|| {
                generic
                    .then_some(())
                    .and(ctx_last(ctx, s).or(section).or(r.main_event))
            })
    };
    let name_lower = name.to_lowercase();
    let own_words: Vec<&str> = name_lower
        .split(' ')
        .filter(|w| !matches!(*w, "the" | "this" | "that" | "its" | "their" | "our"))
        .collect();
    let describes = |w: &&str| {
        !w.ends_with("est")
            && !w.starts_with(|c: char| c.is_ascii_digit())
            && !matches!(*w, "ever" | "same" | "whole" | "entire" | "full" | "big")
    };
    let session = matches!(last_word(&p.head), "session" | "meeting");
    known.filter(|&e| {
        if !session || p.modifiers == 0 || !own_words.iter().all(describes) {
            return true;
        }
        let known_name = r.reg.get(e).name.to_lowercase();
        own_words
            .iter()
            .all(|w| known_name.split(' ').any(|k| k == *w))
    })
}

/// "a delegation from X", "his delegation" in a report about another gathering (a congress, a
/// summit) is a group of people there, not a gathering of its own; a delegation is an event of a
/// report about its visit, or when the text describes it ("a business delegation") or where it
/// went ("led a delegation to the summit": a trip).
fn group_not_gathering(r: &Reader, sent: &Sent, p: &Phrase) -> bool {
    if delegation_among_people(sent, p) {
        return true;
    }
    last_word(&p.head) == "delegation"
        && p.modifiers == 0
        && !sent.toks.get(p.end).is_some_and(|t| t.is("to"))
        && r.main_event.is_some_and(|main| {
            let name = r.reg.get(main).name.to_lowercase();
            !["delegation", "visit", "trip", "tour", "mission"]
                .iter()
                .any(|h| name.split_whitespace().any(|w| w == *h))
        })
}

/// A delegation coordinated with people is a group of people, as they are: "A B, C D and a
/// senior delegation from Tolvik were among those celebrating …".
fn delegation_among_people(sent: &Sent, p: &Phrase) -> bool {
    if last_word(&p.head) != "delegation" {
        return false;
    }
    let mut k = p.start;
    if k >= 1 && matches!(sent.toks[k - 1].lower().as_ref(), "a" | "an" | "the") {
        k -= 1;
    }
    if k < 2 || !sent.is(k - 1, "and") {
        return false;
    }
    let person_ends_at = |e: usize| {
        sent.mention_ending(e)
            .is_some_and(|m| m.kind == Some(EntityKind::Person))
    };
    person_ends_at(k - 1) || k >= 3 && sent.is_punct(k - 2, ",") && person_ends_at(k - 2)
}

/// Time words (and the weekdays, `tokens::WEEKDAYS`) that may stand between a word for a meeting and its "with": "a meeting earlier
/// this week with A B", "talks yesterday with C D".
const MEETING_TIME_WORDS: &[&str] = &[
    "earlier",
    "later",
    "this",
    "last",
    "week",
    "month",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "on",
    "also",
    "again",
    "separately",
    "privately",
    "briefly",
];

/// The end of the list of people that begins at token `k`, people named in it and their
/// titles ("Commissioner for Trade, A B, and C D"; "his counterpart, E F"): the token after
/// its last person, or None when no person begins within its first few words.
fn people_list_end(sent: &Sent, k: usize) -> Option<usize> {
    let toks = &sent.toks;
    let mut q = k;
    let mut end = None;
    while q < toks.len() && q - k < 40 {
        if let Some(m) = sent.mention_at(q) {
            if m.kind == Some(EntityKind::Person) && m.entity.is_some() {
                end = Some(m.end);
                q = m.end;
                continue;
            }
        }
        let t = &toks[q];
        let w = t.lower();
        let in_list = t.is_cap()
            || t.kind == Kind::Possessive
            || t.is_punct(",")
            || matches!(
                w.as_ref(),
                "and" | "the" | "of" | "for" | "his" | "her" | "their" | "counterpart"
            );
        // Before the first person, a title may run on in lowercase: "with the minister of
        // state for trade, A B"; after one, the list ends at the first word outside it, and
        // before one at a preposition or a past form ("met behind closed doors at …").
        let titled = t.kind == Kind::Word
            && !w.ends_with("ed")
            && !matches!(
                w.as_ref(),
                "at" | "in"
                    | "on"
                    | "by"
                    | "to"
                    | "behind"
                    | "during"
                    | "after"
                    | "before"
                    | "over"
                    | "via"
                    | "from"
                    | "about"
                    | "that"
                    | "which"
                    | "who"
                    | "where"
            );
        if !in_list && (end.is_some() || q - k > 6 || !titled) {
            break;
        }
        q += 1;
    }
    end
}

/// Rule `met-with`: meetings between people, which real reports of visits and government news
/// give more often than any named gathering. "A B met (with) C D" names a meeting the text
/// calls by no name: it is registered as "meeting with C D" (the people of the list after
/// "met", without their titles); "a meeting earlier this week with C D", "talks with C D" name
/// one already found; "held talks with C D", "had a bilateral meeting with C D" name one by
/// its noun ("talks with C D"), which the one who held it attended too (the meeting is kept at
/// the verb as well as at "with"). Not when the sentence names a gathering the meeting was at
/// ("met C D at the summit": the summit), nor "we met", which a delegation's diary places at the
/// meeting it names next (rule `met-name`), nor a passive ("was met with protests").
fn meetings(r: &mut Reader, s: usize, ctx: &mut EventContext) {
    let sent = &r.sents[s];
    // (the token of "met" or "with", the meeting when one is named, the list of people met).
    let mut found: Vec<(usize, Option<EntityId>, usize, usize)> = Vec::new();
    // (the verb that held it, the first word of its noun, the token of "with", the list's end).
    let mut held: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (k, t) in sent.toks.iter().enumerate() {
        let w = t.lower();
        if matches!(w.as_ref(), "met" | "meets") {
            let prev = if k > 0 {
                sent.toks[k - 1].lower()
            } else {
                "".into()
            };
            if k == 0
                || matches!(
                    prev.as_ref(),
                    "we" | "was" | "were" | "be" | "been" | "being"
                )
            {
                continue;
            }
            let start = k + 1 + usize::from(sent.toks.get(k + 1).is_some_and(|n| n.is("with")));
            let Some(end) = people_list_end(sent, start) else {
                // Rule `met-each-other`: "A B and C D met (on Wednesday)": a meeting of the two,
                // registered as "meeting with C D".
                if let Some((from, to)) = met_each_other(sent, k) {
                    if !ctx.mentions[s].iter().any(|&(a, _, _)| a > k) {
                        found.push((k, None, from, to));
                    }
                }
                continue;
            };
            if !ctx.mentions[s].iter().any(|&(a, _, _)| a > k) {
                found.push((k, None, start, end));
            }
        } else if w == "with" {
            // "a meeting earlier this week with", "held talks with", "a video conference with".
            let mut b = k;
            while b > 0 && k - b < 4 && {
                let w = sent.toks[b - 1].lower();
                MEETING_TIME_WORDS.contains(&w.as_ref())
                    || super::tokens::WEEKDAYS.contains(&w.as_ref())
            } {
                b -= 1;
            }
            let Some(&(_, _, id)) = ctx.mentions[s].iter().find(|&&(_, e, _)| e == b) else {
                // "held talks with C D", "had a bilateral meeting with C D": a meeting the
                // text names by no name, which the one who held it attended.
                if let (Some((verb, noun)), Some(end)) =
                    (held_a_meeting(sent, b), people_list_end(sent, k + 1))
                {
                    // One already found from its noun on ("a meeting with comrade C D") is
                    // the meeting held.
                    let named = ctx.mentions[s]
                        .iter()
                        .find(|&&(a, e, _)| a < k && k < e)
                        .map(|&(_, _, id)| id);
                    match named {
                        Some(id) => ctx.meetings[s].extend([(verb, id), (k, id)]),
                        None => held.push((verb, noun, k, end)),
                    }
                }
                continue;
            };
            if let Some(end) = people_list_end(sent, k + 1) {
                found.push((k, Some(id), k + 1, end));
                // "had a bilateral meeting with C D": the one who had it attended it too.
                if let Some((verb, _)) = held_a_meeting(sent, b) {
                    ctx.meetings[s].push((verb, id));
                }
            }
        }
    }
    // Rule `held-talks-together`: "A B and C D held bilateral talks (on Sunday)": a meeting
    // of the people named before the verb, by its noun.
    let together = held_together(r, s, ctx);
    for (k, known, from, end) in found {
        let id = match known {
            Some(id) => id,
            None => match register_meeting(r, s, "meeting", (from, end)) {
                Some(id) => {
                    ctx.mentions[s].push((k, k + 1, id));
                    id
                }
                None => continue,
            },
        };
        ctx.meetings[s].push((k, id));
    }
    if let Some((verb, noun, end)) = together {
        let what = r.text(s, noun, end).to_lowercase();
        let id = r.reg.add(EntityKind::Event, &what, s);
        if let Some(main) = r.main_event.filter(|&m| m != id) {
            r.reg.get_mut(id).part_of = Some(main);
        }
        ctx.mentions[s].push((noun, end, id));
        ctx.meetings[s].push((verb, id));
    }
    for (verb, noun, with, end) in held {
        let what = r.text(s, noun, with).to_lowercase();
        if let Some(id) = register_meeting(r, s, &what, (with + 1, end)) {
            ctx.mentions[s].push((noun, with, id));
            // The people after "with" find it at "with"; the one who held it, at the verb.
            ctx.meetings[s].push((with, id));
            ctx.meetings[s].push((verb, id));
        }
    }
}

/// "held bilateral talks" with no "with" after it, and two people or more named before the
/// verb, joined by "and": the verb's token, the noun phrase's first word (after its article)
/// and its end. None when a gathering is already read there.
fn held_together(r: &Reader, s: usize, ctx: &EventContext) -> Option<(usize, usize, usize)> {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let (verb, noun) = (1..toks.len()).find_map(|v| {
        // Most words are no verb of holding: told by their first letter before any lowering.
        if !toks[v].text.starts_with(['h', 'H']) || !is_holding(&toks[v].lower()) {
            return None;
        }
        let noun = (v + 1..toks.len().min(v + 4)).find(|&n| {
            matches!(
                toks[n].lower().as_ref(),
                "talks" | "meeting" | "discussions" | "consultations"
            )
        })?;
        let between = toks[v + 1..noun]
            .iter()
            .all(|t| t.kind == Kind::Word && !t.is_cap());
        (between && !sent.is(noun + 1, "with")).then_some((v, noun))
    })?;
    let people = sent
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person) && m.end <= verb)
        .count();
    let joined = toks[..verb].iter().any(|t| t.is("and"));
    let read = ctx.mentions[s]
        .iter()
        .any(|&(a, e, _)| a <= noun && noun < e);
    let first = if matches!(toks[verb + 1].lower().as_ref(), "a" | "an") {
        verb + 2
    } else {
        verb + 1
    };
    (people >= 2 && joined && !read).then_some((verb, first, noun + 1))
}

/// The second of two people joined by "and" right before "met" (maybe after the second's title),
/// when nothing after "met" names
/// people met: "A B and C D met on Wednesday" gives C D's span. None otherwise ("A B and the
/// union met", "we met").
fn met_each_other(sent: &Sent, met: usize) -> Option<(usize, usize)> {
    let person = |m: &&super::names::Mention| m.kind == Some(EntityKind::Person);
    let second = sent.mentions.iter().filter(person).find(|m| m.end == met)?;
    // Over the second's title: "A B and United States Vice President C D met".
    let mut and = second.hon.unwrap_or(second.start).checked_sub(1)?;
    while and > 0 && second.start - and <= 5 && sent.toks[and].is_cap() {
        and -= 1;
    }
    let first_before = sent.mentions.iter().filter(person).any(|m| m.end == and);
    (sent.is(and, "and") && first_before).then_some((second.start, second.end))
}

/// A meeting the text names by no name, registered as "`what` with C D and E F" (the people of
/// the list `(from, end)`, without their titles; the words as written are another name for
/// it), part of the report's event. None when the list names nobody.
fn register_meeting(
    r: &mut Reader,
    s: usize,
    what: &str,
    (from, end): (usize, usize),
) -> Option<EntityId> {
    let met: Vec<String> = r.sents[s]
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person) && from <= m.start && m.end <= end)
        .filter_map(|m| m.entity)
        .map(|e| r.reg.get(e).name.clone())
        .collect();
    let name = match met.split_last() {
        Some((last, [])) => format!("{what} with {last}"),
        Some((last, rest)) => format!("{what} with {} and {last}", rest.join(", ")),
        None => return None,
    };
    let id = r.reg.add(EntityKind::Event, &name, s);
    let written = format!("{what} with {}", r.text(s, from, end));
    if written != name {
        r.reg.alias(id, &written);
    }
    if let Some(main) = r.main_event.filter(|&m| m != id) {
        r.reg.get_mut(id).part_of = Some(main);
    }
    Some(id)
}

/// "held talks", "had a bilateral meeting", "holds discussions" ending at token `b` (the word
/// before "with"): the verb's token and the noun phrase's first word, after its article.
fn held_a_meeting(sent: &Sent, b: usize) -> Option<(usize, usize)> {
    let noun = b.checked_sub(1)?;
    if !matches!(
        sent.toks[noun].lower().as_ref(),
        "meeting" | "talks" | "discussions" | "consultations"
    ) {
        return None;
    }
    // Up to one modifier ("bilateral", "private") and an article between verb and noun.
    let mut first = noun;
    while first > 0
        && noun - first < 2
        && sent.toks[first - 1].kind == Kind::Word
        && !sent.toks[first - 1].is_cap()
        && !is_holding(&sent.toks[first - 1].lower())
    {
        first -= 1;
    }
    let verb = first.checked_sub(1)?;
    if !is_holding(&sent.toks[verb].lower()) {
        return None;
    }
    let first = if matches!(sent.toks[first].lower().as_ref(), "a" | "an") {
        first + 1
    } else {
        first
    };
    Some((verb, first))
}

/// A verb of holding a meeting: "held", "had", "hold", "holds", "holding".
fn is_holding(word: &str) -> bool {
    matches!(word, "held" | "had" | "hold" | "holds" | "holding" | "has")
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

/// A title that names the main event and one organisation, "Tolvik Town Council – Minutes of
/// the meeting held on 12 May": the meeting is that body's.
fn title_org(r: &mut Reader, s: usize) {
    let sent = &r.sents[s];
    if r.main_org.is_some() || sent.kind != BlockKind::Heading {
        return;
    }
    if let Some(one) = the_one_org(r, s, sent.toks.len()) {
        r.main_org = Some(one);
    }
}

/// The one organisation sentence `s` names before token `end`, though named twice ("The X
/// Federation (XF)"); none when it names none or several.
fn the_one_org(r: &Reader, s: usize, end: usize) -> Option<EntityId> {
    let mut orgs: Vec<EntityId> = r.sents[s]
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Organization) && m.end <= end)
        .filter_map(|m| m.entity.map(|e| r.reg.resolve(e)))
        .collect();
    orgs.dedup();
    match orgs.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// "the congress of the X", "X's congress", "organised by X": the organisation of the main
/// event, which bare roles later in the report belong to ("assistant general secretary").
fn main_org_near(r: &mut Reader, s: usize, start: usize, end: usize) {
    let sent = &r.sents[s];
    let mut k = end;
    if sent.is(k, "of") {
        k += 1;
        let demonstrative = sent.is(k, "this") || sent.is(k, "our");
        if sent.is(k, "the") || demonstrative {
            k += 1;
        }
        if let Some(m) = sent.mention_starting(k) {
            if m.kind == Some(EntityKind::Organization) {
                r.main_org = m.entity;
                return;
            }
        }
        // "the annual meeting of this Association", "the AGM of the society": the body
        // named before by that head word.
        let head = sent.toks.get(k).filter(|t| {
            t.kind == Kind::Word
                && t.lex.is_org_head()
                && sent
                    .toks
                    .get(k + 1)
                    .is_none_or(|n| n.kind != Kind::Word || n.is("was"))
        });
        if let Some(id) = head.and_then(|t| r.reg.org_by_head(&t.lower())) {
            r.main_org = Some(id);
            return;
        }
    }
    // "the annual meeting was held for the Velby Rowing Club", "… organised by the X":
    // the body the gathering was held for or by (rule `held-for-body`).
    if let Some(id) = body_it_was_held_for(sent, end) {
        r.main_org = Some(id);
        return;
    }
    if start >= 2 && sent.toks[start - 1].kind == Kind::Possessive {
        if let Some(m) = sent.mention_ending(start - 1) {
            if m.kind == Some(EntityKind::Organization) {
                r.main_org = m.entity;
                return;
            }
        }
    }
    // "the Harbour Workers' Union convention": the organisation premodifies the event.
    if let Some(m) = sent.mention_ending(start) {
        if m.kind == Some(EntityKind::Organization) {
            r.main_org = m.entity;
            return;
        }
    }
    // "The X Union opened its convention", "members of X met for their conference": the
    // one organisation of the sentence, whose own event it is.
    // "The X Trust held an evening of celebration", "X hosted the summit": the one
    // organisation before the event, subject of a verb of holding it.
    let held = sent.toks[..start]
        .iter()
        .rev()
        .take(4)
        .any(|t| holds_a_gathering(&t.lower()));
    let own =
        held || start >= 1 && matches!(sent.toks[start - 1].lower().as_ref(), "its" | "their");
    if let Some(one) = the_one_org(r, s, start).filter(|_| own) {
        r.main_org = Some(one);
    }
}

/// Verbs by which a body holds a gathering: "held", "hosts", "organised", "convened".
fn holds_a_gathering(w: &str) -> bool {
    matches!(
        w,
        "held"
            | "holds"
            | "hosted"
            | "hosts"
            | "organised"
            | "organized"
            | "organises"
            | "organizes"
            | "staged"
            | "stages"
            | "convened"
            | "convenes"
    )
}

/// Rule `held-for-body`: after an event phrase ending at `end`, "(was) held for / by", "hosted
/// by", "organised by" and the organisation named next (over "the"): the body whose gathering
/// it was. Up to six words may stand between (the time and the place: "was held on Friday
/// for the X Club").
fn body_it_was_held_for(sent: &Sent, end: usize) -> Option<EntityId> {
    let n = sent.toks.len();
    let verb = (end..n.min(end + 4)).find(|&k| holds_a_gathering(&sent.toks[k].lower()))?;
    let prep = (verb + 1..n.min(verb + 7))
        .take_while(|&k| !sent.is_punct(k, ";:"))
        .find(|&k| sent.is(k, "for") || sent.is(k, "by"))?;
    let at = if sent.is(prep + 1, "the") {
        prep + 2
    } else {
        prep + 1
    };
    sent.mention_starting(at)
        .filter(|m| m.kind == Some(EntityKind::Organization))
        .and_then(|m| m.entity)
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
    // A head word used attributively before a plural ("Congress decisions", "Summit
    // outcomes") names no event.
    let has_head = toks.iter().enumerate().any(|(i, t)| {
        let plural_after = toks.get(i + 1).is_some_and(|n| {
            n.kind == Kind::Word
                && !n.is_cap()
                && n.text.ends_with('s')
                && !n.text.ends_with("ss")
                && !n.lex.is_stopword()
        });
        t.kind == Kind::Word
            && t.lex.is_event_head()
            && !plural_after
            && !super::tokens::is_date_month(toks, i)
    });

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
