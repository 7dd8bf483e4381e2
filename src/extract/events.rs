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

use super::model::{EntityId, EntityKind, PartRole, Participation};
use super::names::Mention;
use super::tokens::Kind;
use super::{Reader, Sent};
use crate::ingest::document::BlockKind;
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
    // Two-word heads first: "side event", "general strike".
    if let Some(n) = sent.toks.get(k + 1) {
        let two = format!("{} {}", t.lower(), n.lower());
        if r.lx.is_event_head(&two) {
            return Some((k + 2, two));
        }
    }
    let w = t.lower();
    (r.lx.is_event_head(&w) && (!t.is_cap() || k == 0)).then_some((k + 1, w))
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
            .is_some_and(|t| COMPOUND_TAILS.contains(&t.lower().as_str()))
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
                w.as_str(),
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
                        w.as_str(),
                        "opening" | "closing" | "first" | "second" | "third" | "final"
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
        let definite = matches!(
            det_word.as_str(),
            "the" | "this" | "that" | "its" | "their" | "his" | "her"
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
            if !definite
                && matches!(
                    pw.as_str(),
                    "of" | "on" | "against" | "in" | "outside" | "with" | "for" | "about"
                )
            {
                let mut q = end + 1;
                let mut words = 0;
                while q < toks.len() && words < 4 {
                    let t = &toks[q];
                    if t.kind != Kind::Word && t.kind != Kind::Possessive {
                        break;
                    }
                    let w = t.lower();
                    if words > 0
                        && (matches!(
                            w.as_str(),
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
                    if !matches!(w.as_str(), "the") {
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
        for &s in &early {
            if r.sents[s].kind == BlockKind::Heading && r.doc.blocks[r.sents[s].block].level > 1 {
                continue;
            }
            let ps = phrases(r, &r.sents[s]);
            if let Some(p) = ps.into_iter().find(|p| {
                !p.future && !STANDALONE.contains(&p.head.as_str())
                    || !p.future && p.modifiers > 0
                    || !p.future
            }) {
                let name = r.text(s, p.start, p.end).to_owned();
                let id = r.reg.add(EntityKind::Event, &name, s);
                r.main_event = Some(id);
                main_org_near(r, s, p.start, p.end);
                break;
            }
        }
    }
    if let Some(main) = r.main_event {
        let name = r.reg.get(main).name.clone();
        let head = name
            .split_whitespace()
            .filter(|w| r.lx.is_event_head(w))
            .last()
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
        // An organisation named in the main event ("the ACLW study delegation").
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
            }
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
        for p in phrases(r, &r.sents[s]) {
            let name = r.text(s, p.start, p.end).to_owned();
            let id = if p.future {
                r.reg.add(EntityKind::Event, &name, s)
            } else if p.definite && p.end - p.start <= p.modifiers + 2 {
                // "the congress", "the meeting": the last event of that kind.
                let known = by_head.get(&p.head).copied().or_else(|| {
                    GENERIC
                        .contains(&p.head.as_str())
                        .then_some(())
                        .and(ctx_last(&ctx, s).or(section).or(r.main_event))
                });
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
                r.reg.add(EntityKind::Event, &name, s)
            };
            if Some(id) != r.main_event && !p.future && r.reg.get(id).part_of.is_none() {
                if let Some(main) = r.main_event {
                    if !STANDALONE.contains(&p.head.as_str()) {
                        r.reg.get_mut(id).part_of = Some(main);
                    }
                }
            }
            if !p.future {
                by_head.insert(p.head.clone(), id);
            }
            ctx.mentions[s].push((p.start, p.end, id));
        }
    }
    ctx
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
fn subject_verb_role(w: &str, next: Option<&str>) -> Option<PartRole> {
    Some(match w {
        "chaired" | "chairs" | "chairing" | "moderated" | "moderates" | "presided" | "compered"
        | "hosted"
            if w != "hosted" =>
        {
            PartRole::Chair
        }
        "hosted" | "organised" | "organized" | "convened" | "coordinated" => PartRole::Organiser,
        "addressed" | "addresses" | "spoke" | "speaks" | "opened" | "closed" | "presented"
        | "moved" | "seconded" | "keynoted" | "briefed" | "lectured" | "introduced"
        | "welcomed" | "received" => PartRole::Speaker,
        "told" | "tells" => match next {
            Some(
                "the" | "delegates" | "congress" | "participants" | "attendees" | "guests"
                | "members" | "us" | "conference" | "supporters" | "marchers" | "protesters"
                | "activists" | "students" | "journalists" | "reporters",
            ) => PartRole::Speaker,
            _ => return None,
        },
        "led" | "leads" | "ran" | "gave" | "delivered" | "joined" | "attended" | "attends"
        | "marched" => match w {
            "joined" | "attended" | "attends" | "marched" => PartRole::Attendee,
            _ => PartRole::Speaker,
        },
        _ => return None,
    })
}

/// Passive and prepositional cues before a person: "chaired by X", "led by X", "with X".
fn by_role(prev2: &str, prev: &str) -> Option<PartRole> {
    if prev == "by" {
        return Some(match prev2 {
            "chaired" | "moderated" | "compered" | "facilitated" => PartRole::Chair,
            "organised" | "organized" | "hosted" | "convened" | "coordinated" => {
                PartRole::Organiser
            }
            "led" | "given" | "opened" | "closed" | "moved" | "seconded" | "presented"
            | "delivered" | "addressed" | "received" | "followed" | "introduced" | "run" => {
                PartRole::Speaker
            }
            "joined" | "attended" | "accompanied" => PartRole::Attendee,
            _ => return None,
        });
    }
    match (prev2, prev) {
        (_, "chair:") | ("chair", ":") => Some(PartRole::Chair),
        ("from", _) if false => None,
        (_, "with") => None,
        _ => None,
    }
}

/// Reads who took part in what.
pub(crate) fn find_participation(r: &mut Reader) {
    let ctx = find_events_context(r);
    let mut found: Vec<Participation> = Vec::new();
    for s in 0..r.sents.len() {
        if r.sents[s].boilerplate {
            continue;
        }
        let persons: Vec<Mention> = r.sents[s]
            .mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person) && m.entity.is_some())
            .cloned()
            .collect();
        if persons.is_empty() {
            continue;
        }
        let sent = &r.sents[s];
        let words: Vec<String> = sent.toks.iter().map(|t| t.lower()).collect();
        let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        // The event this sentence is about.
        let here: Vec<(usize, usize, EntityId)> = ctx.mentions[s].clone();
        let para_event = (0..s)
            .rev()
            .take_while(|&p| r.sents[p].block == sent.block)
            .find_map(|p| ctx.mentions[p].last().map(|x| x.2));
        let default_event = para_event.or(ctx.section[s]).or(r.main_event);
        let heading_list = sent.kind == BlockKind::ListItem;
        for p in &persons {
            let Some(person) = p.entity else { continue };
            let first = p.hon.unwrap_or(p.start);
            let mut role: Option<(PartRole, &'static str)> = None;
            // "chaired by X", "organised by X", "led by X"
            if first >= 1 {
                let prev = w(first - 1);
                let prev2 = if first >= 2 { w(first - 2) } else { "" };
                if let Some(pr) = by_role(prev2, prev) {
                    role = Some((pr, "verb-by-name"));
                }
                if prev == ":" && (prev2 == "chair" || prev2 == "chairs" || prev2 == "moderator") {
                    role = Some((PartRole::Chair, "chair-label"));
                }
                if prev == "with" && heading_list {
                    role = Some((PartRole::Speaker, "workshop-with-name"));
                }
                // "X and Y" after "with" in a list item: "with Ana Ruiz and Bo Lind"
                if prev == "and" && heading_list && first >= 2 {
                    if let Some(prior) = found.iter().rev().find(|f| f.evidence.sentence == s) {
                        role = Some((prior.role, "list-continues"));
                    }
                }
                // "Among the marchers was X", "Also at the meeting was X"
                if matches!(prev, "was" | "were")
                    && (words[..first].iter().any(|x| x == "among")
                        || (w(0) == "also" && words[..first].iter().any(|x| x == "at")))
                {
                    role = Some((PartRole::Attendee, "among-them-was"));
                }
                // "the party included X", "accompanied by"
                if matches!(prev, "included" | "includes")
                    || words[..first].iter().any(|x| x == "included") && matches!(prev, "," | "and")
                {
                    role = Some((PartRole::Attendee, "party-included"));
                }
                // "the keynote came from X", "a briefing from X", "heard from X"
                if prev == "from"
                    && words[..first].iter().any(|x| {
                        matches!(
                            x.as_str(),
                            "keynote"
                                | "briefing"
                                | "address"
                                | "talk"
                                | "presentation"
                                | "heard"
                                | "speech"
                        )
                    })
                {
                    role = Some((PartRole::Speaker, "heard-from-name"));
                }
                // "received by X" handled by by_role; "we met X": attendee
                if matches!(prev, "met")
                    || (prev == "and" && words[..first].iter().any(|x| x == "met"))
                {
                    role = Some((PartRole::Attendee, "met-name"));
                }
            }
            // Subject + verb: "X chaired", "X, director of Y, told delegates", "X opened".
            if role.is_none() {
                let mut k = p.end;
                // Skip an appositive: ", … ," up to the verb.
                if sent.is_punct(k, ",") || sent.is_punct(k, "(") {
                    let mut depth = 0;
                    let mut q = k;
                    while q < sent.toks.len() {
                        match sent.toks[q].text {
                            "(" => depth += 1,
                            ")" => depth -= 1,
                            _ => {}
                        }
                        if q > k
                            && depth <= 0
                            && sent.toks[q].text == ","
                            && q + 1 < sent.toks.len()
                            && sent.toks[q + 1].kind == Kind::Word
                            && !sent.toks[q + 1].is_cap()
                            && subject_verb_role(w(q + 1), Some(w(q + 2))).is_some()
                        {
                            k = q + 1;
                            break;
                        }
                        q += 1;
                    }
                    if k == p.end {
                        // ", who organised the march" / ", who attended both days"
                        if let Some(pos) = words[p.end..].iter().position(|x| x == "who") {
                            k = p.end + pos + 1;
                        }
                    }
                }
                // Adverbs and auxiliaries: "X also addressed", "X has chaired"
                while matches!(
                    w(k),
                    "also"
                        | "then"
                        | "later"
                        | "has"
                        | "had"
                        | "have"
                        | "briefly"
                        | "then,"
                        | "formally"
                        | "jointly"
                ) {
                    k += 1;
                }
                if let Some(pr) = subject_verb_role(
                    w(k),
                    sent.toks
                        .get(k + 1)
                        .map(|t| t.text)
                        .map(|t| if t == "the" { "the" } else { t })
                        .map(str::to_lowercase)
                        .as_deref()
                        .map(|x| if x == "the" { "the" } else { x }),
                ) {
                    role = Some((pr, "subject-verb"));
                } else if w(k) == "was" && matches!(w(k + 1), "among" | "at") {
                    role = Some((PartRole::Attendee, "was-among"));
                }
            }
            // Participles before the subject: "Closing the session, X", "Seconding, X",
            // "Speaking at the rally, X", "Opening the summit, the minister, X".
            if role.is_none() && first >= 2 {
                let lead = w(0);
                let subject_is_p = sent.toks[..first].iter().filter(|t| t.text == ",").count() >= 1
                    && !persons.iter().any(|o| o.start < p.start);
                if subject_is_p {
                    let pr = match lead {
                        "closing" | "opening" | "seconding" | "moving" | "speaking"
                        | "addressing" | "introducing" | "presenting" | "welcoming" => {
                            Some(PartRole::Speaker)
                        }
                        "chairing" | "moderating" => Some(PartRole::Chair),
                        _ => None,
                    };
                    if let Some(pr) = pr {
                        role = Some((pr, "participle-then-name"));
                    }
                }
            }
            // A list of panellists under a session heading.
            if role.is_none() && heading_list && p.start == 0 && ctx.section[s].is_some() {
                role = Some((PartRole::Speaker, "panel-list"));
            }
            let Some((part, rule)) = role else { continue };
            // The event: named in this sentence (nearest after the person, else before),
            // else the paragraph's, the section's, or the main event.
            let event = here
                .iter()
                .filter(|(a, _, _)| *a >= p.end)
                .map(|x| x.2)
                .next()
                .or_else(|| {
                    here.iter()
                        .filter(|(_, b, _)| *b <= first)
                        .map(|x| x.2)
                        .last()
                })
                .or(default_event);
            let Some(event) = event else { continue };
            let confidence = if rule == "subject-verb" || rule == "verb-by-name" {
                0.8
            } else {
                0.65
            };
            let evidence = r.evidence(s, rule, confidence);
            found.push(Participation {
                person,
                event,
                role: part,
                evidence,
            });
        }
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

/// Recomputes the event context (the events were registered by `find_events`).
fn find_events_context(r: &mut Reader) -> EventContext {
    match r.event_context.take() {
        Some(c) => c,
        None => find_events(r),
    }
}
