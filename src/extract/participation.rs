//! Participation: who took part in which event, as speaker, chair, organiser or attendee, read
//! by named rules (`rules::*`) from the words around each person mention: verbs ("chaired",
//! "told the meeting", "moved", "led by"), lists ("Speakers included …", "Present: …") and
//! phrases ("a debate between A and B", "A's address"). Each part is placed at the most specific
//! event the text gives: the one named in the sentence, else the one under discussion in the
//! paragraph, else the section's, else the main event (`events::EventContext`).
//!
//! Finds no events and no names: it reads the mentions and event context the earlier stages
//! made.

use super::events::{find_events, EventContext};
use super::names::Mention;
use super::rules::{self, Rule};
use super::tokens::{Kind, Token};
use super::verbs;
use super::{Reader, Sent};
use crate::model::BlockKind;
use crate::model::{EntityId, EntityKind, PartRole, Participation};
use std::collections::HashMap;

/// Rule `chair-of-the-gathering`: a person described as the chair of a gathering chaired it,
/// whatever else the sentence says they did: "A B, chairman of the conference, thanked …",
/// "the conference chair, A B, closed …", "opened with an address from its chairman, A B"
/// ("its" after a gathering named earlier in the sentence). The chair of a body ("chair of
/// the Velby Trust") is an office, which `roles` reads.
fn chair_of_the_gathering(site: &Site, around: &Around) -> Option<EntityId> {
    let is_chair = |w: &str| matches!(w, "chair" | "chairman" | "chairwoman" | "chairperson");
    let event_at = |k: usize| {
        around
            .here
            .iter()
            .find(|&&(a, b, _)| a <= k && k < b)
            .map(|x| x.2)
    };
    let end = site.p.end;
    // After the name: ", chairman of the conference".
    if site.sent.is_punct(end, ",") && is_chair(site.w(end + 1)) && site.w(end + 2) == "of" {
        let k = end + 3 + usize::from(site.w(end + 3) == "the");
        if let Some(id) = event_at(k) {
            return Some(id);
        }
    }
    // Before the name: "the conference chair, A B", "its chairman, A B".
    let before = |first: usize| {
        if first >= 2 && site.sent.is_punct(first - 1, ",") {
            Some(first - 2)
        } else {
            first.checked_sub(1)
        }
    };
    // The chair word may have been read as the name's title ("the conference chair Mia Roth").
    let k = [before(site.p.start), before(site.first)]
        .into_iter()
        .flatten()
        .find(|&k| k > 0 && is_chair(site.w(k)))?;
    if site.w(k - 1) == "its" {
        return around.here.iter().rfind(|&&(_, b, _)| b < k).map(|x| x.2);
    }
    // "the conference chair": a compound, so no event mention of its own; the gathering under
    // discussion.
    event_at(k - 1).or_else(|| {
        matches!(
            site.w(k - 1),
            "conference"
                | "congress"
                | "convention"
                | "summit"
                | "forum"
                | "symposium"
                | "assembly"
                | "meeting"
                | "session"
                | "synod"
                | "seminar"
                | "workshop"
        )
        .then_some(around.default_event)
        .flatten()
    })
}

/// Verbs of coming, going or being somewhere that a purpose clause can follow: "travelled to
/// Marden to attend", "was in Velby to take part in", "led a delegation to X to participate in".
fn is_coming(w: &str) -> bool {
    matches!(
        w,
        "travelled"
            | "traveled"
            | "flew"
            | "came"
            | "went"
            | "arrived"
            | "journeyed"
            | "was"
            | "were"
            | "led"
            | "headed"
            | "returned"
            | "joined"
            | "gathered"
            | "converged"
    )
}

/// Rule `came-to-attend`: the subject of a verb of coming or being somewhere, followed in its
/// clause by a purpose "to attend / to participate in / to take part in" and a gathering,
/// attended that gathering ("Ana Ruiz travelled to Marden to attend the Velby Summit", "led a
/// business delegation to X to participate in the General Assembly": the delegation and the
/// assembly both). Not what is planned or failed ("will travel to attend", "was unable to
/// attend", "was invited to attend"): the verb must stand right after the name (or its
/// appositive) in the past, and only the clause's own words may come between.
fn came_to_attend(site: &Site, around: &Around) -> Vec<EntityId> {
    let k = verb_after(site);
    if !is_coming(site.w(k)) {
        return Vec::new();
    }
    let end = site.words.len().min(k + 14);
    let to = (k + 1..end)
        .take_while(|&i| !site.sent.is_punct(i, ";:") && !site.persons.iter().any(|o| o.start == i))
        .find(|&i| {
            site.w(i) == "to"
                && (matches!(site.w(i + 1), "attend" | "witness")
                    || site.w(i + 1) == "participate" && site.w(i + 2) == "in"
                    || site.w(i + 1) == "take" && site.w(i + 2) == "part" && site.w(i + 3) == "in")
        });
    let Some(to) = to else { return Vec::new() };
    // A purpose clause, not a state: "was due / set / invited / unable to attend".
    if matches!(
        site.w(to - 1),
        "due"
            | "set"
            | "invited"
            | "unable"
            | "able"
            | "expected"
            | "scheduled"
            | "asked"
            | "not"
            | "supposed"
            | "likely"
    ) {
        return Vec::new();
    }
    let object = to
        + if site.w(to + 1) == "take" {
            4
        } else if site.w(to + 1) == "participate" {
            3
        } else {
            2
        };
    // The gathering right after the verb, and any joined to it by "and" ("to attend the X
    // Meeting and the Y Assembly").
    let mut events = Vec::new();
    let mut from = object;
    for &(a, b, id) in &around.here {
        let next = if events.is_empty() {
            (object..=object + 2).contains(&a)
        } else {
            a > from
                && site.words[from..a]
                    .iter()
                    .all(|w| matches!(w.as_str(), "and" | "the" | ","))
        };
        if next {
            events.push(id);
            from = b;
        }
    }
    events
}

/// Verbs and the part they give the person who is their subject.
pub(crate) fn subject_verb_role(w: &str, next: &str, next2: &str) -> Option<PartRole> {
    Some(match w {
        "chaired" | "chairs" | "chairing" | "moderated" | "moderates" | "presided" | "compered" => {
            PartRole::Chair
        }
        "hosted" | "organised" | "organized" | "convened" | "coordinated" => PartRole::Organiser,
        // Past and, for reports written as they happen, present: "X opens with a prayer".
        "addressed" | "addresses" | "spoke" | "speaks" | "opened" | "opens" | "inaugurated"
        | "closed" | "closes" | "presented" | "presents" | "moved" | "seconded" | "keynoted"
        | "briefed" | "lectured" | "introduced" | "introduces" | "welcomed" | "welcomes"
        | "received" | "thanked" | "showed" | "led" | "leads" | "gave" | "delivered"
        | "delivers" | "proposed" | "discussed" | "discusses" | "detailed" | "outlined"
        | "outlines" | "elaborated" | "talked" | "talks" | "recounted" => PartRole::Speaker,
        "told" | "tells" => match next {
            "the" | "us" => PartRole::Speaker,
            _ if is_audience(next) => PartRole::Speaker,
            _ => return None,
        },
        // Speaking to the room: "called on delegates to …", "urged the conference to …",
        // "reminded members that …".
        "called" | "calls" if next == "on" && is_audience(next2) => PartRole::Speaker,
        // "X held a press conference", "X holds a media briefing": the one who holds it speaks
        // at it (a meeting held with someone is `met-with`'s; "gave" is a speaker's verb below).
        "held" | "holds" | "holding"
            if matches!(next, "a" | "an" | "the" | "his" | "her" | "their")
                && matches!(
                    next2,
                    "press" | "news" | "media" | "briefing" | "lecture" | "talk" | "workshop"
                ) =>
        {
            PartRole::Speaker
        }
        // "X made a presentation on …", "X made a statement": a contribution to the room.
        "made" | "makes"
            if matches!(next, "a" | "an" | "the" | "his" | "her" | "their")
                && matches!(
                    next2,
                    "presentation"
                        | "speech"
                        | "address"
                        | "statement"
                        | "intervention"
                        | "remarks"
                        | "keynote"
                        | "toast"
                        | "contribution"
                ) =>
        {
            PartRole::Speaker
        }
        // "X called the meeting to order": the one who presides.
        "called" | "calls"
            if next == "the"
                && matches!(
                    next2,
                    "meeting" | "session" | "conference" | "assembly" | "congress" | "agm"
                ) =>
        {
            PartRole::Chair
        }
        "urged" | "urges" | "reminded" | "reminds" | "encouraged" | "encourages" | "implored"
        | "challenged" | "invited"
            if is_audience(next) || next == "the" && is_room(next2) =>
        {
            PartRole::Speaker
        }
        // "X read the minutes", "X read out a message from …": reading aloud to the room.
        "read" | "reads"
            if matches!(
                next,
                "the" | "a" | "an" | "out" | "aloud" | "his" | "her" | "their"
            ) =>
        {
            PartRole::Speaker
        }
        // "X took the chair", "X occupied the chair": the one who presided.
        "took" | "takes" | "occupied" | "occupies" if next == "the" && next2 == "chair" => {
            PartRole::Chair
        }
        // "X steps up to the podium", "X took the floor", "X rose to speak".
        "stepped" | "steps" if next == "up" => PartRole::Speaker,
        "took" | "takes"
            if next == "the"
                && matches!(
                    next2,
                    "floor" | "podium" | "stage" | "microphone" | "mic" | "rostrum" | "lectern"
                ) =>
        {
            PartRole::Speaker
        }
        "rose" | "rises" if next == "to" && matches!(next2, "speak" | "address" | "respond") => {
            PartRole::Speaker
        }
        "joined" | "attended" | "attends" | "marched" | "visited" | "participated"
        | "participates" => PartRole::Attendee,
        // "X graced the occasion", "X witnessed the signing": there, no part said.
        "graced" | "witnessed" => PartRole::Attendee,
        // "X facilitated the panel": the one who ran it.
        "facilitated" | "facilitates" => PartRole::Chair,
        // "X conducted a workshop / a presentation / the session".
        "conducted" | "conducts"
            if matches!(next, "a" | "an" | "the")
                && matches!(
                    next2,
                    "workshop"
                        | "session"
                        | "presentation"
                        | "seminar"
                        | "briefing"
                        | "training"
                        | "tour"
                        | "discussion"
                        | "class"
                        | "masterclass"
                ) =>
        {
            PartRole::Speaker
        }
        // "X accompanied the delegation", "X accompanied the minister on the visit".
        "accompanied" | "accompanies" if matches!(next, "the" | "a" | "him" | "her" | "them") => {
            PartRole::Attendee
        }
        "took" | "take" | "takes" if next == "part" => PartRole::Attendee,
        // "X paid a working visit to …", "X paid a courtesy call on …": the visitor attends.
        "paid" | "pays" | "paying"
            if matches!(next, "a" | "an" | "his" | "her" | "their")
                && (matches!(
                    next2,
                    "visit"
                        | "call"
                        | "courtesy"
                        | "working"
                        | "official"
                        | "state"
                        | "brief"
                        | "short"
                        | "surprise"
                        | "solidarity"
                        | "study"
                        | "fact-finding"
                ) || super::events::is_length_of_days(next2)) =>
        {
            PartRole::Attendee
        }
        _ => return None,
    })
}

/// The people in the room a speaker addresses: "delegates", "the conference".
fn is_audience(w: &str) -> bool {
    matches!(
        w,
        "delegates"
            | "congress"
            | "participants"
            | "attendees"
            | "guests"
            | "members"
            | "conference"
            | "supporters"
            | "marchers"
            | "protesters"
            | "activists"
            | "students"
            | "journalists"
            | "reporters"
            | "colleagues"
            | "listeners"
            | "viewers"
            | "everyone"
            | "those"
            | "fellow"
            | "us"
    )
}

/// The gathering as an audience, after "the": "urged the conference to …".
fn is_room(w: &str) -> bool {
    is_audience(w)
        || matches!(
            w,
            "meeting" | "audience" | "room" | "hall" | "assembly" | "crowd" | "rally" | "summit"
        )
}

/// Passive and prepositional cues before a person: "chaired by X", "led by the tenants'
/// representative X".
fn by_role(verb: &str) -> Option<PartRole> {
    Some(match verb {
        "chaired" | "moderated" | "compered" | "facilitated" => PartRole::Chair,
        "organised" | "organized" | "hosted" | "convened" | "coordinated" => PartRole::Organiser,
        "led" | "headed" | "given" | "opened" | "closed" | "moved" | "seconded" | "proposed"
        | "presented" | "delivered" | "addressed" | "received" | "followed" | "introduced"
        | "run" | "briefed" | "welcomed" | "greeted" | "inaugurated" => PartRole::Speaker,
        // A speech by X: "the keynote speech by X", "an address by X".
        w if is_speech_noun(w) || matches!(w, "speeches" | "contribution") => PartRole::Speaker,
        // "The branch was represented by A B": one who stood for a body there.
        "joined" | "attended" | "accompanied" | "represented" => PartRole::Attendee,
        // "The occasion was graced by A B", "the signing was witnessed by C D".
        "graced" | "witnessed" => PartRole::Attendee,
        // "The ceremony was officiated by A B", "the event was anchored by C D".
        "officiated" | "anchored" | "emceed" => PartRole::Chair,
        // A performer took part: "a performance by singer X", "songs performed by X".
        "performance" | "performances" | "performed" | "sung" => PartRole::Attendee,
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
            | "today"
            | "yesterday"
            | "tonight"
            | "earlier"
            | "recently"
            | "subsequently"
            | "separately"
            | "personally"
            | "officially"
    ) || is_ly_adverb(w)
}

/// An adverb of manner or time made with "-ly", as reports put them between a speaker and
/// their verb: "warmly welcomed", "eloquently reported", "formally opened". Not the common
/// words that end so and are no adverb ("family", "rally", "assembly", "daily"), nor the
/// commonest given names that do ("Kelly", "Emily"): the rules pass words here lowered, so
/// case cannot tell them apart. (A word wrongly taken for an adverb is only stepped over: the
/// verb after it must still be one of taking part.)
fn is_ly_adverb(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ly")
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            w,
            "family"
                | "rally"
                | "assembly"
                | "supply"
                | "reply"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "early"
                | "likely"
                | "friendly"
                | "elderly"
                | "lovely"
                | "costly"
                | "deadly"
                | "holy"
                | "ugly"
                | "italy"
                | "july"
                | "ally"
                | "belly"
                | "jelly"
                | "bully"
                | "lily"
                | "molly"
                | "polly"
                | "sally"
                | "kelly"
                | "emily"
                | "nelly"
                | "billy"
                | "wholly"
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

impl<'s, 'a> Site<'s, 'a> {
    fn new(
        sent: &'s Sent<'a>,
        words: &'s [String],
        p: &'s Mention,
        persons: &'s [Mention],
    ) -> Self {
        Site {
            sent,
            words,
            p,
            persons,
            first: premodifier_start(sent, p.hon.unwrap_or(p.start)),
        }
    }
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
    /// The words before the person say their part is still to come: "Speakers will include",
    /// "the speakers set to take part are", "Guests expected to attend include". A planned
    /// part is no part.
    fn planned(&self) -> bool {
        let before = self.before();
        before.iter().enumerate().any(|(i, w)| {
            matches!(w.as_str(), "will" | "would" | "shall")
                || matches!(
                    w.as_str(),
                    "set" | "expected" | "scheduled" | "due" | "slated"
                ) && before.get(i + 1).is_some_and(|n| n == "to")
        })
    }
}

/// Where what premodifies a person's name begins: a post written before it with its modifiers
/// and owner ("union president A B", "Brantex chief executive A B", "former minister A B") or
/// an organisation's possessive ("the Velltu Council's A B"), with the article before either.
/// The rules that read the words before a person ("Among the guests were …", "Also at the
/// congress was …") read them before this; `first` itself when nothing premodifies the name.
fn premodifier_start(sent: &Sent, first: usize) -> usize {
    let toks = &sent.toks;
    // An organisation or place that ends at `end`: the owner of a post or a possessive.
    let owner = |end: usize| {
        sent.mention_at(end - 1)
            .filter(|m| {
                m.end == end && matches!(m.kind, Some(EntityKind::Organization | EntityKind::Place))
            })
            .map(|m| m.start)
    };
    let mut k = first;
    if k >= 2 && toks[k - 1].kind == Kind::Possessive {
        match owner(k - 1) {
            Some(start) => k = start,
            None => return first,
        }
    } else {
        let mut post = false;
        while k > 0 {
            let t = &toks[k - 1];
            if t.kind != Kind::Word || sent.mention_at(k - 1).is_some() {
                break;
            }
            if t.lex.is_role_word() || t.lex.is_occupation() {
                post = true;
            } else if !(t.lex.is_role_modifier()
                || post && !t.is_cap() && (t.lex.is_org_head() || t.lex.is_place_head()))
            {
                // Only the words of a post, its modifiers ("former", "deputy") and, before
                // it, a lowercase body ("union", "party", "city").
                break;
            }
            k -= 1;
        }
        if !post {
            return first;
        }
        if k > 0 {
            if let Some(start) = owner(k) {
                k = start;
            }
        }
    }
    if k > 0
        && matches!(
            toks[k - 1].lower().as_ref(),
            "the" | "a" | "an" | "its" | "their" | "our" | "his" | "her"
        )
    {
        k -= 1;
    }
    k
}

/// A participation rule: the part it reads for the person at a site, if any.
type PartRule = fn(&Site) -> Option<PartRole>;

/// The rules that read the words before the person, tried in this order; then
/// `coordinated-subject`, then the rules that read the person's verb (`after_subject`).
const BEFORE_THE_PERSON: &[(&Rule, PartRule)] = &[
    (&rules::VERB_BY_NAME, verb_by_name),
    (&rules::CHAIR_LABEL, chair_label),
    (&rules::MOTION_LABEL, motion_label),
    (&rules::SPEAKER_BEFORE_NAME, speaker_before_name),
    (&rules::DEBATE_BETWEEN, debate_between),
    (&rules::IN_THEIR_SPEECH, in_their_speech),
    (&rules::WORKSHOP_WITH_NAME, workshop_with_name),
    (&rules::AMONG_THEM_WAS, among_them_was),
    (&rules::WELCOMED_NAME, welcomed_after_colon),
    (&rules::COLON_LIST_AFTER_PART, colon_list_after_part),
    (&rules::PRESENTED_TO_NAME, presented_to_name),
    (&rules::SPEAKERS_INCLUDED, speakers_included),
    (&rules::PARTY_INCLUDED, party_included),
    (&rules::HEARD_FROM_NAME, heard_from_name),
    (&rules::INVITED_TO_SPEAK, invited_to_speak),
    (&rules::UNDER_THE_CHAIRMANSHIP, under_the_chairmanship),
    (&rules::MET_NAME, met_name),
    (&rules::WELCOMED_NAME, welcomed_name),
    (&rules::FEATURING_NAMES, featuring_names),
    (&rules::WORKSHOP_WITH_NAME, workshop_with_and_name),
    (&rules::BROUGHT_TOGETHER, brought_together),
    (&rules::AS_DID_NAME, as_did_name),
];

/// The part a person plays by what their sentence says of them, and the rule that read it.
fn part_in_sentence(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
) -> Option<(PartRole, &'static Rule)> {
    let site = Site::new(sent, words, p, persons);
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
    (&rules::NAME_AS_PART, name_as_part),
    (&rules::COPULA_PART, copula_part),
];

/// Rule `name-as-part`: "with A B and C D as emcees", "A B as moderator": the part after "as"
/// that follows a name or a list of names ("as chair of the union" is an office, not a part).
fn name_as_part(site: &Site) -> Option<PartRole> {
    let mut k = site.p.end;
    // Over the rest of a list of names: "A B, C D and E F as panellists".
    loop {
        let mut j = k;
        while matches!(site.w(j), "," | "and" | "&") {
            j += 1;
        }
        match site
            .persons
            .iter()
            .find(|m| j > k && m.hon.unwrap_or(m.start) == j)
        {
            Some(m) => k = m.end,
            None => break,
        }
    }
    // "A B served / acted (also) as moderator".
    if site.w(k) == "also" {
        k += 1;
    }
    if matches!(
        site.w(k),
        "served" | "serves" | "serving" | "acted" | "acts" | "acting"
    ) {
        k += 1;
    }
    if site.w(k) != "as" {
        return None;
    }
    let k = if matches!(site.w(k + 1), "the" | "a" | "an" | "our" | "its" | "their") {
        k + 2
    } else {
        k + 1
    };
    let (part, len) = part_noun(site.w(k), site.w(k + 1), site.w(k + 2))?;
    // Not an office ("as chair of the union"), but "as chair of the session" is a part.
    let of = k + len;
    let gathering_after_of = |i: usize| {
        matches!(
            site.w(i),
            "session"
                | "meeting"
                | "panel"
                | "conference"
                | "forum"
                | "debate"
                | "event"
                | "ceremony"
                | "programme"
                | "program"
                | "proceedings"
                | "evening"
                | "day"
        )
    };
    (site.w(of) != "of"
        || gathering_after_of(of + 1)
        || site.w(of + 1) == "the" && gathering_after_of(of + 2))
    .then_some(part)
}

/// A noun for a part played at a gathering, and how many words it takes: "keynote speaker",
/// "master of ceremonies", "chief guest", "moderator".
fn part_noun(w: &str, next: &str, next2: &str) -> Option<(PartRole, usize)> {
    Some(match (w, next, next2) {
        ("master" | "mistress", "of", "ceremonies") => (PartRole::Chair, 3),
        ("guest", "of", "honour" | "honor") => (PartRole::Attendee, 3),
        ("keynote" | "guest" | "main" | "featured", "speaker" | "speakers", _) => {
            (PartRole::Speaker, 2)
        }
        ("chief", "guest", _) => (PartRole::Attendee, 2),
        (
            "emcee" | "emcees" | "mc" | "mcs" | "moderator" | "moderators" | "compere" | "comperes"
            | "facilitator" | "facilitators" | "host" | "hosts",
            _,
            _,
        ) => (PartRole::Chair, 1),
        ("speaker" | "speakers" | "panellist" | "panellists" | "panelist" | "panelists", _, _) => {
            (PartRole::Speaker, 1)
        }
        _ => return None,
    })
}

/// Rule `copula-part`: the part named by a copula, after the name ("A B was the keynote
/// speaker", "A B was the chief guest") or before it ("The master of ceremonies was A B").
fn copula_part(site: &Site) -> Option<PartRole> {
    let det = |w: &str| matches!(w, "the" | "a" | "an" | "our" | "this" | "their" | "its");
    // After the name: "A B was (also) the keynote speaker" (not "… speaker of the house").
    let mut k = site.p.end;
    if matches!(site.w(k), "was" | "is") {
        k += 1;
        if site.w(k) == "also" {
            k += 1;
        }
        if det(site.w(k)) {
            if let Some((part, len)) = part_noun(site.w(k + 1), site.w(k + 2), site.w(k + 3)) {
                return (site.w(k + 1 + len) != "of").then_some(part);
            }
        }
    }
    // Before the name, opening the sentence: "The keynote speaker was A B", "The closing
    // speaker was the former Velby Union Secretary A B" (words of a title between, no comma).
    if site.first < 3 || !det(site.w(0)) {
        return None;
    }
    let order = usize::from(is_speaking_order(site.w(1)));
    let (part, len) = part_noun(site.w(1 + order), site.w(2 + order), site.w(3 + order))?;
    let verb = 1 + order + len;
    let title_between = site.first - (verb + 1) <= 8
        && site.sent.toks[verb + 1..site.first]
            .iter()
            .all(|t| t.kind == Kind::Word);
    (site.first > verb && matches!(site.w(verb), "was" | "is") && title_between).then_some(part)
}

/// A word for a speaker's place in the order of speaking: "the first speaker", "the closing
/// speaker".
fn is_speaking_order(w: &str) -> bool {
    matches!(
        w,
        "first" | "second" | "third" | "next" | "final" | "last" | "opening" | "closing"
    )
}

/// Rule `speaker-before-name`: "keynote speaker A B", "guest speaker and author A B": the
/// person's own description says they spoke. Lowercase only: "Speaker A B" is a
/// parliament's office.
fn speaker_before_name(site: &Site) -> Option<PartRole> {
    let toks = &site.sent.toks;
    // Set off by a comma: "the first speaker, A B,", "our keynote speaker, A B".
    if site.first >= 3
        && site.sent.is_punct(site.first - 1, ",")
        && matches!(
            site.w(site.first - 2),
            "speaker" | "panellist" | "panelist" | "presenter"
        )
        && (matches!(
            site.w(site.first - 3),
            "the" | "our" | "keynote" | "guest" | "main" | "featured"
        ) || is_speaking_order(site.w(site.first - 3)))
    {
        return Some(PartRole::Speaker);
    }
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

/// Rule `verb-by-name`: "chaired by X", "led by the tenants' representative X", "the keynote
/// speech by our General Secretary, X" (a title set off by a comma before the name).
fn verb_by_name(site: &Site) -> Option<PartRole> {
    let toks = &site.sent.toks;
    let back_to_by = |from: usize| {
        let mut q = from;
        while q > 0 && from - q < 5 && toks[q - 1].kind != Kind::Punct && site.w(q - 1) != "by" {
            q -= 1;
        }
        q
    };
    let mut q = back_to_by(site.first);
    if q == site.first && q >= 2 && site.sent.is_punct(q - 1, ",") && toks[q - 2].is_cap() {
        q = back_to_by(q - 1);
    }
    // "attended by A B, C D and E F": back over the names listed before this one.
    if !(q >= 1 && site.w(q - 1) == "by") {
        q = list_start(site);
    }
    // "joined by his colleagues, Ministers of State A B and C D": over the title of the list's
    // first name, and a few words in lower case set off before the names that say who they are.
    let titled = back_to_by(q);
    if titled >= 3 && site.sent.is_punct(titled - 1, ",") && site.w(q - 1) != "by" {
        let by = (titled.saturating_sub(5)..titled - 1)
            .rev()
            .find(|&k| site.w(k) == "by");
        let described = |b: usize| {
            toks[b + 1..titled - 1]
                .iter()
                .all(|t| t.is_word() && !t.is_cap())
        };
        if let Some(b) = by.filter(|&b| described(b) && joined_apart_from_by(site, b).is_some()) {
            q = b + 1;
        }
    }
    // "presided over by X": the one who presided.
    if q >= 3 && site.w(q - 1) == "by" && site.w(q - 2) == "over" && site.w(q - 3) == "presided" {
        return Some(PartRole::Chair);
    }
    // "The meeting was called to order (at 7 p.m.) by X": the one who presided.
    if q >= 4 && site.w(q - 1) == "by" {
        let from = q.saturating_sub(10);
        let called_to_order = site.words[from..q - 1]
            .windows(3)
            .any(|w| w[0] == "called" && w[1] == "to" && w[2] == "order");
        if called_to_order {
            return Some(PartRole::Chair);
        }
    }
    // "on the motion of X", "on the proposition of X", as minutes give a motion's mover.
    if q >= 3
        && site.w(q - 1) == "of"
        && matches!(site.w(q - 2), "motion" | "proposition")
        && site.w(q - 3) == "the"
        && site.w(q.saturating_sub(4)) == "on"
    {
        return Some(PartRole::Speaker);
    }
    // "The first talk was by A B": a speech noun the subject of "was by".
    let talk_was_by = q >= 3
        && site.w(q - 1) == "by"
        && matches!(site.w(q - 2), "was" | "were")
        && site.words[q.saturating_sub(8)..q - 2]
            .iter()
            .any(|w| is_speech_noun(w) || matches!(w.as_str(), "speeches" | "talks"));
    if talk_was_by {
        return Some(PartRole::Speaker);
    }
    // "the Commission on Staffing, chaired by A B", "the Secretariat, led by A B": the
    // participle set off after a body says who heads the body, not who chaired the gathering.
    let heads_a_body = q >= 4 && site.sent.is_punct(q - 3, ",") && {
        let m = site.sent.mention_ending(q - 3);
        let in_of_phrase = m.is_some_and(|m| super::roles::after_of(site.sent, m.start));
        !in_of_phrase
            && (m.is_some_and(|m| m.kind == Some(EntityKind::Organization))
                || toks[q - 4].is_cap() && toks[q - 4].lex.is_org_head())
    };
    if heads_a_body {
        return None;
    }
    (q >= 2 && site.w(q - 1) == "by")
        .then(|| by_role(site.w(q - 2)).or_else(|| joined_apart_from_by(site, q - 1)))
        .flatten()
        .map(|role| {
            // "The delegation was led by A B": its leader is one of the delegation.
            if matches!(site.w(q - 2), "led" | "headed") && leads_a_party(&site.words[..q - 2]) {
                PartRole::Attendee
            } else {
                role
            }
        })
}

/// Do these words name a party that travels or attends: "the delegation", "a trade mission",
/// "a group of 40 members"?
/// Its members, leader included, attend (CONVENTIONS: members of a delegation are attendees).
fn leads_a_party(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| match w.as_str() {
        "delegation" | "delegations" | "mission" => true,
        // "a group of 40 members", not "the working group" nor "a group discussion".
        "group" | "team" => words.get(i + 1).is_some_and(|n| n == "of"),
        _ => false,
    })
}

/// The first token of the list of names that ends with the site's person ("A B, C D and E F"
/// for E F), or the person's own first token when no name comes before it in a list.
fn list_start(site: &Site) -> usize {
    let mut q = site.first;
    loop {
        let mut k = q;
        // Over the joints of a list: ",", "and", "&", "as well as", and "the" before a name
        // ("A B, the Reverend C D as well as E F").
        loop {
            if k > 0 && matches!(site.w(k - 1), "," | "and" | "&" | "the") {
                k -= 1;
            } else if k >= 3 && site.words[k - 3..k] == ["as", "well", "as"] {
                k -= 3;
            } else {
                break;
            }
        }
        if k == q || k == 0 {
            return q;
        }
        // Over a short bracket after the name before: "A B (Brantex), C D (Velltu) and E F".
        if let Some(open) = short_bracket_closing_at(site.sent, k - 1) {
            k = open;
        }
        match site.persons.iter().find(|m| m.end == k) {
            Some(m) => q = over_title(site, m.hon.unwrap_or(m.start)),
            // "by the Reverend A B, …": the list's first name keeps its article.
            None if q - k == 1 && site.w(k) == "the" => return k,
            None => return q,
        }
    }
}

/// Back over a title in capitals written before a name in a list ("attended by Senior Vice
/// President A B, Vice President C D, E F and G H"): up to four words of posts.
fn over_title(site: &Site, start: usize) -> usize {
    let toks = &site.sent.toks;
    let mut q = start;
    while q > 0
        && start - q < 4
        && toks[q - 1].is_cap()
        && (toks[q - 1].lex.is_role_word() || toks[q - 1].lex.is_role_modifier())
    {
        q -= 1;
    }
    q
}

/// Rule `verb-by-name`, its verb apart from "by": "was joined at the forum by A B", "was
/// again joined for all of these talks by A B": "joined" or "accompanied" a few words in lower
/// case before the "by" at `by`.
fn joined_apart_from_by(site: &Site, by: usize) -> Option<PartRole> {
    let toks = &site.sent.toks;
    (by.saturating_sub(7)..by)
        .rev()
        .take_while(|&k| toks[k].is_word() && !toks[k].is_cap())
        .any(|k| matches!(site.w(k), "joined" | "accompanied"))
        .then_some(PartRole::Attendee)
}

/// The verb at `k` places its subject at the gathering without a part: "was among / at …", or
/// a word of presence (`is_presence`). Rules `was-among` and `as-did-name` read it.
fn was_there(words: &[String], k: usize) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    w(k) == "was" && matches!(w(k + 1), "among" | "at") || is_presence(words, k)
}

/// Being there, said of the subject: "was present", "were also in attendance", "was in the
/// audience", "were among the guests", "was also there".
fn is_presence(words: &[String], k: usize) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    if !matches!(w(k), "was" | "were" | "is" | "are") {
        return false;
    }
    let k = if w(k + 1) == "also" { k + 2 } else { k + 1 };
    // "A B was also there": not "there was", which has no subject before it.
    let there = w(k) == "there" && matches!(w(k + 1), "" | "," | "." | ";" | "to" | "too");
    there
        || w(k) == "present"
        // "A B was on hand (to present the awards)".
        || w(k) == "on" && w(k + 1) == "hand"
        || w(k) == "in" && (w(k + 1) == "attendance" || w(k + 1) == "the" && w(k + 2) == "audience")
        || w(k) == "among"
            && w(k + 1) == "the"
            && matches!(
                w(k + 2),
                "guests" | "delegates" | "participants" | "attendees" | "audience" | "crowd"
            )
}

/// Rule `chair-label`: "Chair: X".
fn chair_label(site: &Site) -> Option<PartRole> {
    (site.prev(1) == ":" && matches!(site.prev(2), "chair" | "chairs" | "moderator" | "host"))
        .then_some(PartRole::Chair)
}

/// A short line that labels a part ("Chair: A B", "Seconded: C D"), which the reader takes for
/// a heading.
fn is_label_line(sent: &Sent) -> bool {
    // "Proposed by: A B" as well as "Proposed: A B".
    let colon = if sent.is(1, "by") { 2 } else { 1 };
    sent.is_punct(colon, ":")
        && sent.toks.first().is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "chair"
                    | "chairs"
                    | "moderator"
                    | "host"
                    | "proposed"
                    | "seconded"
                    | "proposer"
                    | "seconder"
                    | "moved"
                    | "mover"
            )
        })
}

/// Rule `motion-label`: "Proposed: X", "Seconded by: X", as minutes record a motion's movers.
fn motion_label(site: &Site) -> Option<PartRole> {
    // "Seconded by: A B" as well as "Seconded: A B".
    let by = usize::from(site.prev(2) == "by");
    (site.prev(1) == ":"
        && matches!(
            site.prev(2 + by),
            "proposed" | "seconded" | "proposer" | "seconder" | "moved" | "mover"
        ))
    .then_some(PartRole::Speaker)
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
    // "Also in attendance were X", "Others present included X".
    let present = site.before_has(&["attendance"]) || site.before_has(&["present"]);
    let opens =
        site.before_has(&["among"]) || (site.w(0) == "also" && site.before_has(&["at"])) || present;
    if !opens {
        return None;
    }
    // The first name of the list may follow its title: "Among those present were the
    // Ambassador to X, A B, …".
    let titled_first =
        !site.persons.iter().any(|o| o.start < site.p.start) && site.before_has(&["were", "was"]);
    // "with the following members present: Mayor A B; Councillor C D": a roll after a colon
    // ("Councillors not present: A B" is none).
    let absent = present
        && site
            .before()
            .windows(2)
            .any(|w| w[0] == "not" && w[1] == "present");
    // A line that opens with "Present:" is rule `attendance-list`'s.
    let opens_with_label = site.before().first().is_some_and(|w| w == "present");
    let roll = present && !absent && !opens_with_label && site.before_has(&[":"]);
    let first = matches!(site.prev(1), "was" | "were")
        || titled_first
        || present && matches!(site.prev(1), "included" | "including")
        || roll && site.prev(1) == ":";
    let later = matches!(site.prev(1), "and" | "," | ";")
        && (site.before_has(&["were"])
            || present && site.before_has(&["included", "including"])
            || roll)
        && site.persons.iter().any(|o| o.start < site.p.start);
    // "Among the speakers were X": the list says what part they played.
    let role = if site.before_has(SPEAKER_NOUNS) {
        PartRole::Speaker
    } else {
        PartRole::Attendee
    };
    // A part the name's own bracket gives is read instead: "Present: A B (Chair), C D".
    if absent || !(first || later) || in_the_chair(site).is_some() {
        return None;
    }
    Some(role)
}

/// Rule `colon-list-after-part`: a clause with a verb of taking part and no person as its
/// subject, then a colon and the list of those who did: "Three ministers addressed the forum:
/// A B, Minister for Trade; C D, …". The first of the list; `listed-with-previous` reads the
/// rest.
fn colon_list_after_part(site: &Site) -> Option<PartRole> {
    if site.prev(1) != ":" || site.persons.iter().any(|o| o.start < site.p.start) {
        return None;
    }
    let before = &site.before()[..site.first.saturating_sub(1)];
    let w = |i: usize| before.get(i).map_or("", String::as_str);
    (0..before.len()).find_map(|i| subject_verb_role(w(i), w(i + 1), w(i + 2)))
}

/// Plural nouns for those on a platform: "speakers included", "among the panellists".
const SPEAKER_NOUNS: &[&str] = &[
    "speakers",
    "panellists",
    "panelists",
    "speaking",
    "contributors",
    "presenters",
];

/// Rule `presented-to-name`: "the award was presented to X", "presented the prize for
/// service to X": the one honoured was there.
fn presented_to_name(site: &Site) -> Option<PartRole> {
    (site.prev(1) == "to"
        && site.before_has(&["presented", "awarded", "conferred", "handed"])
        && !site.persons.iter().any(|o| o.start < site.p.start))
    .then_some(PartRole::Attendee)
}

/// Rule `speakers-included`: "Speakers included X and Y", "Also speaking were X and Y", "the
/// panel featured X and Y".
fn speakers_included(site: &Site) -> Option<PartRole> {
    let listed = site.before_has(SPEAKER_NOUNS)
        && site.before_has(&["included", "including", "were", "was", "are"]);
    let featured = site.before_has(&["featured", "featuring", "features"])
        && site.before_has(&["panel", "debate", "discussion", "session", "speakers"]);
    // "Those who spoke included A B", "Addressing the rally were A B", "Speaking at the forum
    // were C D".
    let spoke = (site.before_has(&["who"]) && site.before_has(&["spoke", "addressed"])
        || matches!(site.w(0), "addressing" | "speaking"))
        && site.before_has(&["included", "were", "was"]);
    (!site.planned() && (listed || featured || spoke)).then_some(PartRole::Speaker)
}

/// Rule `party-included`: "the party included X, Y and Z", "the guest list included X"; those
/// honoured at a gathering were there: "the award winners were X (Y) and Z".
fn party_included(site: &Site) -> Option<PartRole> {
    let honoured = site.before_has(&[
        "winners",
        "recipients",
        "awardees",
        "honourees",
        "honorees",
        "laureates",
    ]) && site.before_has(&["were", "included", "include"]);
    if site.planned() {
        return None;
    }
    if honoured {
        return Some(PartRole::Attendee);
    }
    // "The delegation consisted of / comprised / was made up of A B and C D".
    let made_of = site.before_has(&["comprised", "comprising", "comprises"])
        || site.before().windows(2).any(|w| {
            w[1] == "of"
                && matches!(
                    w[0].as_str(),
                    "consisted" | "consisting" | "composed" | "consists" | "up"
                )
        });
    ((site.before_has(&["included", "includes", "including"]) || made_of)
        && site.before_has(&[
            "party",
            "delegation",
            "group",
            "team",
            "marchers",
            "delegates",
            "visitors",
            "guest",
            "guests",
            "attendees",
            "participants",
        ]))
    .then_some(PartRole::Attendee)
}

/// Rule `under-the-chairmanship`: "(was held) under the chairmanship of (the Hon.) A B", as
/// communiqués and minutes name the one who presided.
fn under_the_chairmanship(site: &Site) -> Option<PartRole> {
    let mut q = site.first;
    if q >= 1 && site.w(q - 1) == "the" {
        q -= 1;
    }
    (q >= 4
        && site.w(q - 1) == "of"
        && matches!(
            site.w(q - 2),
            "chairmanship" | "chairpersonship" | "chairship" | "chair"
        )
        && site.w(q - 3) == "the"
        && site.w(q - 4) == "under")
        .then_some(PartRole::Chair)
}

/// Rule `invited-to-speak`: the one the room's chair calls on, invites or asks to speak, read,
/// present or open: "called on A B to read the minutes", "invited A B to address the
/// members", "asked A B to present the accounts". The verb after "to" gives the part.
fn invited_to_speak(site: &Site) -> Option<PartRole> {
    let asking = match site.prev(1) {
        "invited" | "asked" | "requested" => true,
        "on" | "upon" => matches!(site.prev(2), "called" | "calls" | "calling"),
        _ => false,
    };
    if !asking {
        return None;
    }
    // Past a short aside after the name: "A B (Secretary) to read".
    let mut k = site.p.end;
    if site.sent.is_punct(k, "(") {
        k = (k..site.words.len().min(k + 8)).find(|&q| site.sent.is_punct(q, ")"))? + 1;
    }
    if site.w(k) != "to" {
        return None;
    }
    match site.w(k + 1) {
        "chair" | "preside" | "moderate" => Some(PartRole::Chair),
        "speak" | "address" | "read" | "present" | "give" | "deliver" | "open" | "close"
        | "introduce" | "welcome" | "move" | "second" | "propose" | "say" | "reply" | "respond"
        | "report" | "lead" | "offer" | "share" | "explain" | "brief" | "thank" | "unveil"
        | "launch" => Some(PartRole::Speaker),
        _ => None,
    }
}

/// Rule `heard-from-name`: "the keynote came from X", "a briefing from X", "heard from X", over
/// the person's role before them: "heard from exiled journalist X", "a welcome from the
/// Director of the Y, X".
fn heard_from_name(site: &Site) -> Option<PartRole> {
    // "delegates also heard A B, the …": the room heard the person.
    if site.prev(1) == "heard" && site.first >= 2 {
        return Some(PartRole::Speaker);
    }
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
                    | "hear"
                    | "hearing"
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
    // "speeches from A B and C D": the list's first name is the one after "from".
    let first = list_start(site);
    let w_before = |back: usize| first.checked_sub(back).map_or("", |i| site.w(i));
    if w_before(1) == "from" {
        return Some(first - 1);
    }
    let toks = &site.sent.toks;
    if w_before(1) == "," {
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
/// Rule `welcomed-name`: "X welcomed A B, Minister of C, and D E at the summit": each person
/// in the list after "welcomed", "greeted" or "introduced" was there. The list runs over names,
/// capitalised titles, commas and "and" only.
fn welcomed_name(site: &Site) -> Option<PartRole> {
    let q = list_after(site, &["welcomed", "welcomes", "greeted", "introduced"])?;
    // The verb has a subject before it: it is no participle ("the introduced bill").
    (q >= 1).then_some(PartRole::Attendee)
}

/// Rule `welcomed-name`, its list after a colon: "The bishop welcomed all to the meeting and
/// especially our invited guests: A B representing X; C D; …": each person of the list was
/// welcomed there.
fn welcomed_after_colon(site: &Site) -> Option<PartRole> {
    let colon = (0..site.first).rev().find(|&k| site.w(k) == ":")?;
    let verb = (colon.saturating_sub(12)..colon)
        .find(|&k| matches!(site.w(k), "welcomed" | "welcomes" | "greeted"))?;
    (verb >= 1 && !site.planned()).then_some(PartRole::Attendee)
}

/// Rule `featuring-names`: "the launch, featuring Programme Coordinator A B and C D", "the
/// evening featured A B": a gathering that featured people had them on its platform.
fn featuring_names(site: &Site) -> Option<PartRole> {
    let q = list_after(site, &["featuring", "featured", "features"])?;
    // The gathering: an event named just before ("its report launch, featuring"), or a word
    // for one ("the evening featured").
    let lx = super::lexicon::Lexicon::builtin();
    let before = &site.words[q.saturating_sub(6)..q];
    let one = before
        .iter()
        .any(|w| lx.is_event_head(w) || matches!(w.as_str(), "evening" | "programme" | "program"));
    let two = before
        .windows(2)
        .any(|p| lx.is_event_head(&format!("{} {}", p[0], p[1])));
    (one || two).then_some(PartRole::Speaker)
}

/// Rule `brought-together`: "the summit brought together A B, C D and others", "the forum
/// brings together Minister A B and C D": each person in the list after it was there.
fn brought_together(site: &Site) -> Option<PartRole> {
    let q = list_after(site, &["together"])?;
    (q >= 2 && matches!(site.w(q - 1), "brought" | "brings" | "bringing") && !site.planned())
        .then_some(PartRole::Attendee)
}

/// Rule `as-did-name`: the part of the clause before "as was", "as were" or "as did" is also
/// the part of the person after it: "A B was also there, as was C D"; "A B addressed the
/// rally, as did C D". The clause's verb is read as `subject-verb` and `was-among` read it.
fn as_did_name(site: &Site) -> Option<PartRole> {
    let first = site.first;
    if first < 3
        || site.w(first - 2) != "as"
        || !matches!(site.w(first - 1), "was" | "were" | "did" | "had")
    {
        return None;
    }
    let words = site.words;
    let w = |i: usize| site.w(i);
    (0..first - 2).find_map(|k| {
        if was_there(words, k) {
            Some(PartRole::Attendee)
        } else {
            subject_verb_role(w(k), w(k + 1), w(k + 2))
        }
    })
}

/// The token of one of `verbs` that opens the list of names the site's person is in: the list
/// runs back over names, capitalised titles, commas and "and" only.
fn list_after(site: &Site, verbs: &[&str]) -> Option<usize> {
    let toks = &site.sent.toks;
    let mut q = site.first;
    // Lists of guests with their titles run long: "welcomed German Foreign Minister, A B, UK
    // Foreign Secretary C D, … and Japan's Deputy Foreign Minister E F".
    while q > 0 && site.first - q < 120 {
        let w = site.w(q - 1);
        if verbs.contains(&w) {
            return Some(q - 1);
        }
        let t = &toks[q - 1];
        // Over a short bracket after a name: "A B (Brantex), C D (Velltu) and E F".
        if let Some(open) = short_bracket_closing_at(site.sent, q - 1) {
            q = open;
            continue;
        }
        // An honorific of address in lower case: "met with comrade A B"; a post's lowercase
        // words: "met with the Permanent Secretary of the ministry, A B", "met with his
        // counterpart, A B".
        let in_list = t.is_cap()
            || t.lex.is_honorific()
            || t.lex.is_role()
            || t.lex.is_org_head()
            || matches!(
                w,
                "his" | "her" | "their" | "its" | "counterpart" | "counterparts"
            )
            || t.kind == Kind::Possessive
            || t.is_punct(",")
            || matches!(
                w,
                "and" | "also" | "of" | "for" | "the" | "bin" | "al" | "van" | "de"
            );
        if !in_list {
            return None;
        }
        q -= 1;
    }
    None
}

/// Rule `met-with`, its speakers: the people after "with" of a gathering held for talk ("a
/// panel on safety with A B and C D", "a workshop with A B", "a Q&A session with the minister,
/// A B") sit on its platform: they are speakers (CONVENTIONS: panellists, "workshop with X"),
/// where the people a meeting, talks or a dinner is "with" attend it.
fn panellist_with(words: &[String], p: &Mention, event: &str) -> bool {
    const TALK_HEADS: &[&str] = &[
        "panel",
        "workshop",
        "seminar",
        "webinar",
        "masterclass",
        "debate",
        "roundtable",
        "lecture",
        "session",
    ];
    let after_with = words[..p.start].iter().rev().take(12).any(|w| w == "with");
    after_with
        && event
            .split_whitespace()
            .any(|w| TALK_HEADS.contains(&w.to_lowercase().as_str()))
}

fn met_name(site: &Site) -> Option<PartRole> {
    (site.before_has(&["met"])
        && matches!(site.prev(1), "met" | "and" | ",")
        && site.before_has(&["we", "delegation", "delegates"]))
    .then_some(PartRole::Attendee)
}

/// Rule `met-with`: the meeting (found by `events::meetings`) that the person attended, as one
/// met ("met with A B, Governor of X, and C D"; "a meeting earlier this week with A B") or as
/// the one who met ("A B met C D", "She met with C D").
fn met_with(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
    meetings: &[(usize, EntityId)],
) -> Option<EntityId> {
    if meetings.is_empty() {
        return None;
    }
    let site = Site::new(sent, words, p, persons);
    let at = |k: usize| meetings.iter().find(|m| m.0 == k).map(|m| m.1);
    if let Some(q) = list_after(&site, &["met", "meets", "with"]) {
        // "met with A B": the meeting stands at "met".
        let verb = if site.w(q) == "with" && q > 0 && at(q).is_none() {
            q - 1
        } else {
            q
        };
        if let Some(id) = at(verb) {
            return Some(id);
        }
    }
    // The one who met: the verb after the name, or after the name set off by commas as an
    // appositive ("The Prime Minister, A B, met C D") and adverbs ("A B also met C D").
    let mut k = p.end;
    while k < words.len()
        && (words[k] == "," || words[k].ends_with("ly") || is_adverb(&words[k]))
        && k - p.end < 4
    {
        k += 1;
    }
    // "A B and C D met": the first of two who met each other (`met-each-other`).
    // "A B and visiting Minister for Trade of Velby, C D, held talks": the second's title
    // may run in lower case to a comma, and the verb stand after a comma.
    if site.w(k) == "and" {
        let titled = |m: &&Mention| {
            let first = m.hon.unwrap_or(m.start);
            first > k
                && (first - k <= 6 && (k + 1..first).all(|i| sent.toks[i].is_cap())
                    || first - k <= 10
                        && sent.is_punct(first - 1, ",")
                        && (k + 1..first - 1).all(|i| sent.toks[i].kind == Kind::Word))
        };
        if let Some(second) = persons.iter().find(titled) {
            let after = second.end + usize::from(site.w(second.end) == ",");
            if let Some(id) = at(second.end).or_else(|| at(after)) {
                return Some(id);
            }
        }
    }
    // "held talks with C D": the verb of a meeting held (`events::meetings` keeps it there);
    // "had", skipped as an auxiliary on the way to the verb, may be that verb.
    let verb = verb_after(&site);
    let auxiliary = |v: usize| {
        v.checked_sub(1)
            .filter(|&a| matches!(site.w(a), "had" | "has"))
    };
    [
        k,
        verb,
        auxiliary(k).unwrap_or(k),
        auxiliary(verb).unwrap_or(verb),
    ]
    .into_iter()
    .find(|&v| {
        matches!(
            site.w(v),
            "met" | "meets" | "held" | "had" | "hold" | "holds" | "holding" | "has"
        )
    })
    .and_then(at)
}

/// The opening bracket of a short bracket (a body, a place, an age) that closes at token
/// `close`: "(Brantex)", "(Tolvik, 1961)".
fn short_bracket_closing_at(sent: &Sent, close: usize) -> Option<usize> {
    if !sent.is_punct(close, ")") {
        return None;
    }
    (close.saturating_sub(9)..close)
        .rev()
        .find(|&o| sent.is_punct(o, "("))
}

/// The verb right after a short bracket that follows the name ("A B (Brantex) led a
/// workshop", "A B (Tolvik, 1961) spoke"), if the bracket opens at `k`.
fn verb_after_bracket(site: &Site, k: usize) -> Option<usize> {
    let sent = site.sent;
    if !sent.is_punct(k, "(") {
        return None;
    }
    // A relative clause in brackets may be longer: "A B (who, with C D, co-chaired the
    // committee) introduced the guests".
    let reach = if site.w(k + 1) == "who" { 20 } else { 10 };
    let close = (k + 1..sent.toks.len().min(k + reach)).find(|&q| sent.is_punct(q, ")"))?;
    let mut v = close + 1;
    while is_adverb(site.w(v)) {
        v += 1;
    }
    let verb = sent
        .toks
        .get(v)
        .is_some_and(|t| t.kind == Kind::Word && !t.is_cap())
        && (subject_verb_role(site.w(v), site.w(v + 1), site.w(v + 2)).is_some()
            || verbs::says_they_spoke(site.w(v))
            || verbs::reports_a_speech(site.w(v), site.w(v + 1)));
    verb.then_some(v)
}

/// The token where the person's verb stands: after the name, over "of the X" or an appositive
/// closed by a comma ("X, director of Y, told delegates"), and over adverbs.
fn verb_after(site: &Site) -> usize {
    let (sent, p) = (site.sent, site.p);
    let w = |i: usize| site.w(i);
    let mut k = p.end;
    if w(k) == "who" {
        // "a welcome to A B who spoke next".
        k += 1;
    } else if matches!(w(k), "of" | "from") {
        // "X of the Y told guests"
        let mut q = k + 1;
        if w(q) == "the" {
            q += 1;
        }
        if let Some(m) = sent.mention_starting(q) {
            k = m.end;
        }
    } else if let Some(v) = verb_after_bracket(site, k) {
        // "A B (Brantex) led a workshop": over the bracket to the verb.
        k = v;
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
                    && (subject_verb_role(w(v), w(v + 1), w(v + 2)).is_some()
                        || verbs::says_they_spoke(w(v))
                        || verbs::reports_a_speech(w(v), w(v + 1)))
                {
                    k = v;
                    break;
                }
                // ", who chaired the session,": the clause's verb, if it is a part; else
                // over the clause (", who heads the X Union, said") to the main verb.
                if w(q + 1) == "who"
                    && (subject_verb_role(w(q + 2), w(q + 3), w(q + 4)).is_some()
                        || !(q + 2..sent.toks.len()).any(|c| sent.is_punct(c, ",")))
                    && !leads_a_body(site, q + 2)
                {
                    k = q + 2;
                    break;
                }
            }
            // An appositive left unclosed: "X, the union's Treasurer presented the report",
            // "X, secretary of the Y Union in Z stressed the value of work".
            if depth <= 0
                && q > k + 1
                && q - k <= 20
                && sent.toks[q - 1].is_cap()
                && sent.toks[q].kind == Kind::Word
                && !sent.toks[q].is_cap()
                && !sent.toks[k + 1..q].iter().any(|t| t.text == ",")
                // Not over another person, the verb's own subject: "X (Y) manager A B said".
                && !site.persons.iter().any(|o| o.start > k && o.start < q)
                && (subject_verb_role(w(q), w(q + 1), w(q + 2)).is_some()
                    || verbs::says_they_spoke(w(q))
                    || verbs::reports_a_speech(w(q), w(q + 1)))
            {
                k = q;
                break;
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

/// Words that name a body or a unit of one: what a relative clause's "who chairs …" or "who
/// leads …" names when it gives the person's post, not a part at the event.
const BODY_WORDS: &[&str] = &[
    "branch",
    "branches",
    "committee",
    "union",
    "board",
    "council",
    "party",
    "association",
    "society",
    "federation",
    "group",
    "network",
    "department",
    "team",
    "chapter",
    "caucus",
    "commission",
    "trust",
    "alliance",
];

/// "who chairs the X branch", "who leads the Y Union": a verb of chairing or leading at `v`
/// whose object, before the clause closes, names a body; the clause gives a post, not a part.
fn leads_a_body(site: &Site, v: usize) -> bool {
    let sent = site.sent;
    let leading = matches!(
        site.w(v),
        "chairs" | "chaired" | "chairing" | "leads" | "led" | "heads" | "headed" | "convenes"
    );
    leading
        && (v + 1..sent.toks.len().min(v + 10))
            .take_while(|&i| !sent.is_punct(i, ",);"))
            .any(|i| {
                BODY_WORDS.contains(&site.w(i))
                    || sent
                        .mention_at(i)
                        .is_some_and(|m| m.kind == Some(EntityKind::Organization))
            })
}

/// The rules that read the person's verb: `subject-verb` ("X chaired", "X, director of Y,
/// told delegates", a later verb: "X thanked our hosts and presented …"), `was-among`,
/// `speech-noun` ("X gave a keynote"), and `participle-then-name` ("Closing the session, X").
fn after_subject(site: &Site) -> Option<(PartRole, &'static Rule)> {
    let (sent, words) = (site.sent, site.words);
    let w = |i: usize| site.w(i);
    let k = verb_after(site);
    // "X called the meeting to order", not "called the meeting a success".
    if matches!(w(k), "called" | "calls") && w(k + 1) == "the" && w(k + 3) != "to" {
        return None;
    }
    if heads_a_body(site, k) {
        // "X, who chairs the Y Union, addressed the rally": an office, not a part played; the
        // clause's main verb, after its closing comma, says what they did.
        let close = (k..words.len()).find(|&q| site.sent.is_punct(q, ","))?;
        let mut v = close + 1;
        while is_adverb(w(v)) {
            v += 1;
        }
        return subject_verb_role(w(v), w(v + 1), w(v + 2)).map(|pr| (pr, &rules::SUBJECT_VERB));
    }
    // "A B led a business delegation to the summit": one of the delegation.
    if matches!(w(k), "led" | "leads" | "headed" | "heads")
        && leads_a_party(&words[k + 1..words.len().min(k + 5)])
    {
        return Some((PartRole::Attendee, &rules::SUBJECT_VERB));
    }
    if let Some(mut pr) = subject_verb_role(w(k), w(k + 1), w(k + 2)) {
        // "joined us via video and opened the conference": the later verb says more.
        if pr == PartRole::Attendee {
            if let Some(a) = words[k..].iter().position(|x| x == "and") {
                if let Some(better) = subject_verb_role(w(k + a + 1), w(k + a + 2), w(k + a + 3)) {
                    pr = better;
                }
            }
        }
        return Some((pr, &rules::SUBJECT_VERB));
    }
    if was_there(words, k) {
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
        if let Some(pr) = subject_verb_role(w(k + a + 1), w(k + a + 2), w(k + a + 3)) {
            if pr != PartRole::Attendee {
                return Some((pr, &rules::SUBJECT_VERB));
            }
        }
    }
    // "X praised the staff as he welcomed delegates": the subject's own later clause.
    let only_person = site.persons.len() == 1;
    if let Some(a) = words[k..]
        .iter()
        .take(20)
        .position(|x| matches!(x.as_str(), "as" | "while" | "when"))
    {
        let v = k + a + 2;
        if only_person && matches!(w(k + a + 1), "he" | "she") {
            if let Some(pr) = subject_verb_role(w(v), w(v + 1), w(v + 2)) {
                if pr != PartRole::Attendee {
                    return Some((pr, &rules::SUBJECT_VERB));
                }
            }
        }
    }
    participle_then_name(site).map(|pr| (pr, &rules::PARTICIPLE_THEN_NAME))
}

/// The verb at `k` names an office over an organisation, not a part at a gathering: "chairs
/// the Y Union", "led the Z Party since 2010" (but "led the Y Union delegation", "chaired the
/// Z Council meeting" are gatherings).
fn heads_a_body(site: &Site, k: usize) -> bool {
    if !matches!(
        site.w(k),
        "chairs" | "chaired" | "chairing" | "leads" | "led" | "presides" | "presided"
    ) {
        return false;
    }
    let mut o = k + 1;
    while matches!(site.w(o), "the" | "over") {
        o += 1;
    }
    site.sent
        .mention_starting(o)
        .filter(|m| m.kind == Some(EntityKind::Organization))
        .is_some_and(|m| {
            site.sent.toks.get(m.end).is_none_or(|t| {
                t.kind != Kind::Word
                    || matches!(
                        site.w(m.end),
                        "and" | "since" | "for" | "from" | "until" | "in" | "at" | "as" | "which"
                    )
            })
        })
}

/// A sentence that opens by placing its speaker away from the event: "Speaking after the
/// meeting, X said", "Speaking to reporters, X said", "Talking to the press before the rally".
pub(crate) fn spoke_away(words: &[String]) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let lead = usize::from(matches!(w(0), "while" | "when" | "after"));
    if !matches!(w(lead), "speaking" | "talking") {
        return false;
    }
    let (next, next2) = (w(lead + 1), w(lead + 2));
    matches!(next, "after" | "before" | "ahead" | "following" | "outside")
        || next == "to"
            && (matches!(
                next2,
                "reporters" | "journalists" | "media" | "press" | "newsmen"
            ) || next2 == "the" && matches!(w(lead + 3), "press" | "media"))
}

/// Rule `participle-then-name`: "Closing the session, X", "Seconding, X".
fn participle_then_name(site: &Site) -> Option<PartRole> {
    let first = site.first;
    // "While speaking at the occasion, X said …".
    let lead = usize::from(matches!(site.w(0), "while" | "when" | "after"));
    if first < 2
        || site.persons.iter().any(|o| o.start < site.p.start)
        || !site.sent.toks[..first].iter().any(|t| t.text == ",") && !unmarked_object(site, lead)
    {
        return None;
    }
    if spoke_away(site.words) {
        return None;
    }
    match site.w(lead) {
        "closing" | "opening" | "seconding" | "moving" | "speaking" | "addressing"
        | "introducing" | "presenting" | "welcoming" => Some(PartRole::Speaker),
        "chairing" | "moderating" => Some(PartRole::Chair),
        _ => None,
    }
}

/// "Opening the event HWU General Secretary A B sent …": the participle's object is "the"
/// and a word for a gathering, and only capitalised words (the person's post) stand between
/// it and the name, with no comma in the sentence to close the phrase.
fn unmarked_object(site: &Site, lead: usize) -> bool {
    let toks = &site.sent.toks;
    // A comma anywhere may close the participle's phrase later: "Opening the event A B had
    // planned, C D thanked …".
    !toks.iter().any(|t| t.text == ",")
        && matches!(site.w(lead + 1), "the" | "this")
        && toks.get(lead + 2).is_some_and(|t| {
            !t.is_cap()
                && (t.lex.is_event_head()
                    || matches!(t.text, "event" | "occasion" | "proceedings" | "programme"))
        })
        && toks[(lead + 3).min(site.first)..site.first]
            .iter()
            .all(|t| t.is_cap() || t.kind == Kind::Possessive)
}

/// The verb a person shares with the other subjects coordinated with it: walks from the person
/// over the other conjuncts (people, each maybe followed by a bracket or, in a list set off by
/// semicolons, an appositive) to the verb. None when the person is no coordinated subject.
fn coordinated_verb(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
) -> Option<usize> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    // A list whose items carry roles is set off by semicolons: "A, president of X; B; and C,
    // chair of Y, spoke". Its items' appositives run to the next semicolon.
    let semicolons = words[p.end..].iter().any(|x| x == ";");
    let mut k = skip_bracket(sent, p.end);
    let mut others = 0;
    loop {
        if semicolons && w(k) == "," {
            if let Some(semi) = (k + 1..words.len().min(k + 16)).find(|&q| w(q) == ";") {
                if !persons.iter().any(|m| m.start > k && m.start < semi) {
                    k = semi;
                }
            }
        }
        let mut q = k;
        while matches!(w(q), "," | "and" | ";") {
            q += 1;
        }
        if q == k {
            break;
        }
        // The next conjunct, maybe after its role: "and Forum Chairman Sir C D", "and the
        // union's E F", or a role set off by a comma: "his Deputy, Sir C D".
        let Some(next) = persons.iter().find(|m| {
            let first = m.hon.unwrap_or(m.start);
            let role_end = if first > q + 1 && sent.is_punct(first - 1, ",") {
                first - 1
            } else {
                first
            };
            first >= q
                && first - q <= 5
                && sent.toks[q..role_end]
                    .iter()
                    .all(|t| matches!(t.kind, Kind::Word | Kind::Possessive))
        }) else {
            break;
        };
        k = skip_bracket(sent, next.end);
        others += 1;
    }
    // "… and other leaders from different unions gave greetings": over the unnamed others,
    // and over names in the list no rule typed ("A (X), B C (Y) and other leaders …").
    let mut unnamed = false;
    let mut depth = 0i32;
    let mut q = k;
    while q < (k + 30).min(words.len()) {
        match w(q) {
            "(" => depth += 1,
            ")" => depth -= 1,
            "and" | "," if depth == 0 && matches!(w(q + 1), "other" | "others") => break,
            _ if depth == 0 && !sent.toks[q].is_cap() && !matches!(w(q), "," | "and") => break,
            _ => {}
        }
        q += 1;
    }
    if q > k && matches!(w(q), "and" | ",") && matches!(w(q + 1), "other" | "others") {
        k = q;
    }
    // "…, and some other officials were present": the "and" before a quantifier and "other".
    let mut lead = k;
    if w(lead) == "," && w(lead + 1) == "and" {
        lead += 1;
    }
    let quantified = w(lead) == "and"
        && matches!(w(lead + 1), "some" | "various")
        && matches!(w(lead + 2), "other" | "others");
    if quantified {
        k = lead + 1;
    }
    if quantified
        || matches!(w(k), "and" | ",")
            && matches!(w(k + 1), "other" | "others" | "several" | "many")
    {
        if let Some(v) = (k + 2..(k + 10).min(words.len())).find(|&v| {
            !sent.toks[v].is_cap()
                && (subject_verb_role(w(v), w(v + 1), w(v + 2)).is_some() || is_presence(words, v))
        }) {
            k = v;
            unnamed = true;
        }
    }
    if others == 0 && !unnamed {
        return None;
    }
    // The last item's appositive, closed by a comma: "… and C, chair of Y, spoke".
    if w(k) == "," {
        if let Some(close) = (k + 1..words.len().min(k + 14)).find(|&q| w(q) == ",") {
            k = close + 1;
        }
    }
    while is_adverb(w(k)) {
        k += 1;
    }
    Some(k)
}

/// Rule `coordinated-subject`: a person who is one of several coordinated subjects takes the
/// part their shared verb gives: "A, B, C and D attended the meeting"; "A (X Union), B (Y
/// Union) and C addressed the rally"; "A, president of X; B; and C, chair of Y, spoke".
fn coordinated_subject(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
) -> Option<PartRole> {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let k = coordinated_verb(sent, words, p, persons)?;
    // Plural present, as captions write it: "A B and C D address the congress".
    match w(k) {
        "address" | "speak" => Some(PartRole::Speaker),
        "attend" | "join" => Some(PartRole::Attendee),
        _ if is_presence(words, k) => Some(PartRole::Attendee),
        _ => subject_verb_role(w(k), w(k + 1), w(k + 2)),
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

/// Is an event named after `before` (the words from the person, or the sentence's start, up
/// to it) a topic rather than a venue: "talked about the strike", "reported on the minutes of
/// the board meeting", "read the minutes of the last meeting"? The nearest preposition before
/// it says which ("at", "to", "in" place the person there).
fn is_topic(before: &[String]) -> bool {
    if before.windows(2).any(|p| p[0] == "minutes" && p[1] == "of") {
        return true;
    }
    before
        .iter()
        .rev()
        .map(String::as_str)
        .find(|w| {
            matches!(
                *w,
                "about"
                    | "on"
                    | "for"
                    | "against"
                    | "over"
                    | "regarding"
                    | "at"
                    | "to"
                    | "in"
                    | "during"
                    | "into"
                    | "before"
            )
        })
        .is_some_and(|w| matches!(w, "about" | "on" | "for" | "against" | "over" | "regarding"))
}

/// Rule `attendance-list`: which sentences list who was present, as minutes do: "Present:
/// A B, C D", "In attendance: …", "A B and C D were also present", and a labelled line right
/// after such a list ("Councillors: E F, G H"), and the lines below it that name one person each
/// ("Deputy Mayor C D"). Lists of absence ("Apologies", "not
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
            )
            // "The Ministers attending were, A B, …", "Those in attendance were A B".
            || (0..5).any(|i| {
                matches!(w(i), "attending" | "present" | "attendance")
                    && matches!(w(i + 1), "were" | "are" | "included")
            });
        let closes = words.last().is_some_and(|x| x == "present")
            && words.len() >= 2
            && matches!(w(words.len() - 2), "were" | "was" | "also");
        let label = sent.toks.get(1).is_some_and(|t| t.text == ":")
            && sent.toks.first().is_some_and(|t| t.is_cap())
            && s > 0
            && out[s - 1];
        // A line of the list that names one person alone, maybe with their post ("Present:
        // Mayor A B" and on the lines below "Deputy Mayor C D", "Councillor E F").
        let name_line = s > 0 && out[s - 1] && next_line(r, s) && is_name_line(sent);
        out[s] = opens || closes || label || name_line;
    }
    out
}

/// Does sentence `s` begin on the line right after sentence `s - 1` ends, no blank line
/// between (short lines may each be a block of their own)?
fn next_line(r: &Reader, s: usize) -> bool {
    let (Some(prev), Some(first)) = (r.sents[s - 1].toks.last(), r.sents[s].toks.first()) else {
        return false;
    };
    r.doc
        .text
        .get(prev.end..first.start)
        .is_some_and(|gap| gap.matches('\n').count() <= 1)
}

/// Is this sentence a line that holds one person's name and nothing but capitalised words
/// (their post) and stops: "Deputy Mayor C D", "Councillor E F"?
fn is_name_line(sent: &Sent) -> bool {
    let people = sent
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person))
        .count();
    people == 1
        && sent.toks.len() <= 10
        && sent.toks.iter().all(|t| {
            t.kind != Kind::Word || t.is_cap() || super::names::PARTICLES.contains(&t.text)
        })
}

/// The part a list label gives the people its lines name: "Speakers:", "Panellists:", "Present:".
fn label_part(words: &[String]) -> Option<PartRole> {
    let words: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| {
            !matches!(
                *w,
                ":" | "the"
                    | "and"
                    | "&"
                    | "our"
                    | "guest"
                    | "were"
                    | "are"
                    | "was"
                    | "is"
                    | "included"
                    | "include"
                    | "includes"
            )
        })
        .collect();
    let one = |w: &str| match w {
        "speakers" | "speaker" | "panellists" | "panelists" | "panel" | "keynote" | "keynotes"
        | "presenters" | "facilitators" => Some(PartRole::Speaker),
        "present" | "attendees" | "attending" | "delegates" | "delegation" | "participants" => {
            Some(PartRole::Attendee)
        }
        "chair" | "chairs" | "moderator" | "moderators" => Some(PartRole::Chair),
        _ => None,
    };
    match words[..] {
        [w] => one(w),
        ["keynote" | "invited" | "other" | "featured", w] => one(w),
        ["in", "attendance"] | ["those", "present"] => Some(PartRole::Attendee),
        [a, b] if one(a) == Some(PartRole::Speaker) && one(b) == Some(PartRole::Speaker) => {
            Some(PartRole::Speaker)
        }
        _ => None,
    }
}

/// Rule `labelled-list`: for each sentence, the part its opening name plays when it is a line
/// of a list under a label that says it ("Speakers:" then "- A B, Union"; "## Panellists"; a
/// line alone "Present:" then one name a line). The list runs over the list items right after
/// the label, or, with no list marks, over the rest of the label's own paragraph and the
/// paragraphs after it that open with a name ("The speakers were:" then "A B, Director of X"
/// one to a paragraph). A label may say "were" or "included": "The panellists were:".
fn labelled_lists(r: &Reader) -> Vec<Option<PartRole>> {
    let mut out = vec![None; r.sents.len()];
    let mut open: Option<(PartRole, usize)> = None;
    for (s, sent) in r.sents.iter().enumerate() {
        let named = sent
            .mentions
            .iter()
            .any(|m| m.kind == Some(EntityKind::Person));
        if !named && sent.toks.len() <= 5 {
            let words: Vec<String> = sent.toks.iter().map(|t| t.lower().into_owned()).collect();
            if let Some(part) = label_part(&words) {
                open = Some((part, sent.block));
                continue;
            }
        }
        // A programme sets its lines as paragraphs: the list runs on over paragraphs that open
        // with a name ("A B, Director of X") until one that does not.
        let name_line =
            sent.mentions.first().is_some_and(|m| {
                m.kind == Some(EntityKind::Person) && m.hon.unwrap_or(m.start) == 0
            }) && sent.toks.len() <= 30;
        open = open.filter(|&(_, block)| {
            sent.kind == BlockKind::ListItem || sent.block == block || name_line
        });
        if let Some((part, block)) = open.as_mut() {
            if name_line {
                *block = sent.block;
            }
            out[s] = Some(*part);
        }
    }
    out
}

/// Does the sentence say the person spoke: a verb of speech within three words of the name
/// ("A B warned", "A B, 52, said"), or after an appositive ("A B, director of Y, praised the
/// staff"), or one that reports a speech ("called for unity", "paid tribute to")?
fn spoke_in_sentence(sent: &Sent, words: &[String], p: &Mention, persons: &[Mention]) -> bool {
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    if (p.end..p.end + 3).any(|k| verbs::says_they_spoke(w(k))) {
        return true;
    }
    let site = Site::new(sent, words, p, persons);
    let k = verb_after(&site);
    let spoke = |k: usize| verbs::says_they_spoke(w(k)) || verbs::reports_a_speech(w(k), w(k + 1));
    spoke(k) || coordinated_verb(sent, words, p, persons).is_some_and(spoke)
}

/// Does the person lead the sentence, alone or as one of its coordinated subjects ("Both A
/// and B called for …")?
fn leads_the_sentence(sent: &Sent, words: &[String], p: &Mention, persons: &[Mention]) -> bool {
    let Some(lead) = persons.first() else {
        return false;
    };
    lead.start == p.start
        || coordinated_verb(sent, words, lead, persons).is_some_and(|k| p.start < k)
}

/// Reads who took part in what.
pub(crate) fn find_participation(r: &mut Reader) {
    let ctx = find_events_context(r);
    let lists = Lists {
        attendance: attendance_lists(r),
        labelled: labelled_lists(r),
    };
    let mut found: Vec<Participation> = Vec::new();
    for s in 0..r.sents.len() {
        parts_in_sentence(r, s, &ctx, &lists, &mut found);
    }
    quoted_speakers(r, &ctx, &mut found);
    bodies_holding_gatherings(r, &mut found);
    r.participations = one_part_per_person_and_event(r, found);
    r.event_context = Some(ctx);
}

/// The sentences that are lines of an attendance list ("Present: …") and the part each line
/// of a labelled list gives ("Speakers:" …).
struct Lists {
    attendance: Vec<bool>,
    labelled: Vec<Option<PartRole>>,
}

/// The events around a sentence that a part may be at: those it names (start, end, event) in
/// order, the first one its paragraph names after it, and the one it stands under (the
/// paragraph's last named, the section's or the main event).
struct Around {
    here: Vec<(usize, usize, EntityId)>,
    next_event: Option<EntityId>,
    default_event: Option<EntityId>,
}

impl Around {
    fn new(r: &Reader, s: usize, ctx: &EventContext) -> Around {
        let block = r.sents[s].block;
        let mut here = ctx.mentions[s].clone();
        here.sort_by_key(|x| x.0);
        let para_event = (0..s)
            .rev()
            .take_while(|&p| r.sents[p].block == block)
            .find_map(|p| ctx.mentions[p].last().map(|x| x.2));
        let next_event = (s + 1..r.sents.len())
            .take_while(|&p| r.sents[p].block == block)
            .find_map(|p| ctx.mentions[p].first().map(|x| x.2));
        Around {
            here,
            next_event,
            default_event: para_event.or(ctx.section[s]).or(r.main_event),
        }
    }
}

/// The parts the people of sentence `s` take, by the rules that read the sentence.
fn parts_in_sentence(
    r: &Reader,
    s: usize,
    ctx: &EventContext,
    lists: &Lists,
    found: &mut Vec<Participation>,
) {
    let listed = lists.labelled.get(s).is_some_and(Option::is_some)
        || lists.attendance.get(s) == Some(&true);
    if r.sents[s].boilerplate
        || r.sents[s].kind == BlockKind::Heading && !is_label_line(&r.sents[s]) && !listed
    {
        return;
    }
    let mut persons: Vec<Mention> = r.sents[s]
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person) && m.entity.is_some())
        .cloned()
        .collect();
    // "She told the crowd …": the pronoun as a mention of the person it stands for.
    if let Some(p) = super::quotes::pronoun_subject(r, s) {
        persons.insert(0, p);
    }
    if persons.is_empty() {
        return;
    }
    let sent = &r.sents[s];
    let words: Vec<String> = sent.toks.iter().map(|t| t.lower().into_owned()).collect();
    let around = Around::new(r, s, ctx);
    // The part, event and rule of the person before, and where their name ended.
    let mut previous: Option<(PartRole, EntityId, &'static Rule, usize)> = None;
    for p in &persons {
        let Some(person) = p.entity else { continue };
        let before = previous.take();
        if let Some(event) = met_with(sent, &words, p, &persons, &ctx.meetings[s]) {
            let role = if panellist_with(&words, p, &r.reg.get(event).name) {
                PartRole::Speaker
            } else {
                PartRole::Attendee
            };
            found.push(Participation {
                person,
                event,
                role,
                evidence: r.evidence(s, &rules::MET_WITH),
            });
            continue;
        }
        // Parts read beside the others: a purpose clause adds gatherings to the verb's, and a
        // chair described as such outranks what else they did there.
        let site = Site::new(sent, &words, p, &persons);
        for event in came_to_attend(&site, &around) {
            found.push(Participation {
                person,
                event,
                role: PartRole::Attendee,
                evidence: r.evidence(s, &rules::CAME_TO_ATTEND),
            });
        }
        if let Some(event) = chair_of_the_gathering(&site, &around) {
            found.push(Participation {
                person,
                event,
                role: PartRole::Chair,
                evidence: r.evidence(s, &rules::CHAIR_OF_THE_GATHERING),
            });
        }
        let pronoun = p.start == 0
            && p.end == 1
            && sent
                .toks
                .first()
                .is_some_and(|t| matches!(t.lower().as_ref(), "she" | "he"));
        // The part, its event, the rule a later name of the same list follows, and the rule
        // that placed this one.
        let placed = match part_by_rules(sent, &words, p, &persons, s, ctx, lists) {
            Some((role, rule)) => match event_of_part(&words, p, rule, &around) {
                Some(event) => Some((role, event, rule, rule)),
                None => continue,
            },
            None if pronoun => None,
            None => match before {
                Some((role, event, rule, end)) if listed_with_previous(sent, rule, end, p) => {
                    Some((role, event, rule, &rules::LISTED_WITH_PREVIOUS))
                }
                _ => {
                    speech_at_event(r, s, &words, p, &persons, &around, found);
                    None
                }
            },
        };
        if let Some((role, event, list_rule, rule)) = placed {
            previous = Some((role, event, list_rule, p.end));
            found.push(Participation {
                person,
                event,
                role,
                evidence: r.evidence(s, rule),
            });
        }
    }
}

/// Rule `listed-with-previous`: the next name of a list whose first name a list's rule placed
/// ("inaugurated by A B; Governor C D; E F, Secretary-General of the X League; and G H"): only
/// separators, capitalised words and the small words of a post ("of", "the", "for") stand
/// between the two names, and a separator just before the later one.
fn listed_with_previous(sent: &Sent, rule: &Rule, prev_end: usize, p: &Mention) -> bool {
    // The other list rules read every name of their lists themselves.
    const LIST_RULES: &[&str] = &[rules::VERB_BY_NAME.name, rules::COLON_LIST_AFTER_PART.name];
    let first = premodifier_start(sent, p.hon.unwrap_or(p.start));
    if !LIST_RULES.contains(&rule.name) || first <= prev_end || first - prev_end > 16 {
        return false;
    }
    let between = &sent.toks[prev_end..first];
    let small = |t: &Token| {
        matches!(
            t.lower().as_ref(),
            "of" | "the" | "for" | "and" | "&" | "to" | "in" | "on" | "at"
        )
    };
    let separated = between
        .last()
        .is_some_and(|t| t.is_punct(",;") || t.is("and") || t.text == "&");
    // After "by" only a list set out with semicolons: "by A B, C D and E F" may name those
    // the act was for or with; "by A B; C D; and E F" is a list of equals.
    let semicolons = rule.name != rules::VERB_BY_NAME.name
        || sent.toks[prev_end..first].iter().any(|t| t.is_punct(";"));
    separated
        && semicolons
        && between
            .iter()
            .all(|t| t.kind != Kind::Word || t.is_cap() || small(t))
}

/// The part the rules read for the person `p`: from the words around them, as a panellist
/// listed under a session heading, from a labelled list, or from an attendance list ("Present:
/// A B (Chair), C D": the one marked as chair presided).
fn part_by_rules(
    sent: &Sent,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
    s: usize,
    ctx: &EventContext,
    lists: &Lists,
) -> Option<(PartRole, &'static Rule)> {
    if let Some(part) = part_in_sentence(sent, words, p, persons) {
        return Some(part);
    }
    if sent.kind == BlockKind::ListItem && p.start == 0 && ctx.section[s].is_some() {
        return Some((PartRole::Speaker, &rules::PANEL_LIST));
    }
    // "(Chair)" after a name in a list of those present: the one who presided.
    let chair = sent.is_punct(p.end, "(")
        && sent.toks.get(p.end + 1).is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "chair" | "chairman" | "chairwoman" | "chairperson" | "presiding"
            )
        })
        && sent.is_punct(p.end + 2, ")");
    if let (0, Some(Some(role))) = (p.hon.unwrap_or(p.start), lists.labelled.get(s)) {
        // "Present:" then "Cllr A B (Chair)" a line.
        let role = if chair && *role == PartRole::Attendee {
            PartRole::Chair
        } else {
            *role
        };
        return Some((role, &rules::LABELLED_LIST));
    }
    if lists.attendance.get(s) != Some(&true) {
        return None;
    }
    let role = if chair {
        PartRole::Chair
    } else {
        PartRole::Attendee
    };
    Some((role, &rules::ATTENDANCE_LIST))
}

/// The event of a part a rule read: named in this sentence (nearest after the person, else
/// nearest before), else the paragraph's; "we met X" looks ahead to the meeting named next.
/// An event spoken about ("talked about the strike", "reported on the minutes of the board
/// meeting") is no place they were at: the nearest preposition before it says which ("at",
/// "to", "in" place the person there). A semicolon between them closes the person's item of a
/// list: "guests included A B; a delegation from X" names no gathering of A B's.
fn event_of_part(words: &[String], p: &Mention, rule: &Rule, around: &Around) -> Option<EntityId> {
    let first = p.hon.unwrap_or(p.start);
    let topic = |a: usize| {
        let between = &words[p.end.min(a)..a];
        is_topic(between) || between.iter().any(|w| w == ";")
    };
    let after = around
        .here
        .iter()
        .find(|(a, _, _)| *a >= p.end && !topic(*a))
        .map(|x| x.2);
    let before = around
        .here
        .iter()
        .rfind(|(_, b, _)| *b <= first)
        .map(|x| x.2);
    if rule.name == rules::MET_NAME.name {
        after.or(around.next_event).or(around.default_event)
    } else if rule.name == rules::PARTICIPLE_THEN_NAME.name {
        // "Opening the congress, X recalled the last congress in 1934": the participle's
        // object.
        before.or(after).or(around.default_event)
    } else {
        after.or(before).or(around.default_event)
    }
}

/// Speech by someone already placed at the event makes them a speaker there (rule
/// `attendee-then-speech`). Not when the sentence places the speech away from it: "Speaking
/// after the meeting, A B said". Rule `speech-at-event`: the subject of a verb of speech in a
/// report about an event spoke at it.
fn speech_at_event(
    r: &Reader,
    s: usize,
    words: &[String],
    p: &Mention,
    persons: &[Mention],
    around: &Around,
    found: &mut Vec<Participation>,
) {
    let sent = &r.sents[s];
    let (Some(person), first) = (p.entity, p.hon.unwrap_or(p.start)) else {
        return;
    };
    if !spoke_in_sentence(sent, words, p, persons) || spoke_away(words) {
        return;
    }
    // The event the sentence places them at, not one they spoke of ("said delegates must
    // back the strike").
    let placed = |a: usize| {
        a < first
            || (1..=2).any(|back| {
                a >= back
                    && matches!(
                        words[a - back].as_str(),
                        "at" | "to" | "during" | "in" | "before"
                    )
            })
    };
    let event = around
        .here
        .iter()
        .find(|x| placed(x.0))
        .map(|x| x.2)
        .or(around.default_event);
    if let Some(f) = found
        .iter_mut()
        .find(|f| f.person == person && Some(f.event) == event && f.role == PartRole::Attendee)
    {
        f.role = PartRole::Speaker;
        f.evidence = r.evidence(s, &rules::ATTENDEE_THEN_SPEECH);
        return;
    }
    let leads = persons[0].hon.unwrap_or(persons[0].start) <= 6
        && leads_the_sentence(sent, words, p, persons);
    if let (Some(event), true) = (event, leads) {
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

/// Quoted in a session: the speaker of a quotation under a session heading spoke there.
/// Rule `quoted-at-gathering`: with no session, one quoted in a report of a gathering where
/// people speak (a conference, a congress, an annual meeting) spoke at it.
fn quoted_speakers(r: &Reader, ctx: &EventContext, found: &mut Vec<Participation>) {
    let gathering = r
        .main_event
        .filter(|&e| is_speaking_gathering(&r.reg.get(e).name));
    for q in &r.quotations {
        let s = q.evidence.sentence;
        let (section, rule) = match (ctx.section[s], gathering) {
            (Some(section), _) => (section, &rules::QUOTED_IN_SESSION),
            (None, Some(main)) => (main, &rules::QUOTED_AT_GATHERING),
            (None, None) => continue,
        };
        if found.iter().any(|f| f.person == q.speaker) {
            continue;
        }
        found.push(Participation {
            person: q.speaker,
            event: section,
            role: PartRole::Speaker,
            evidence: r.evidence(s, rule),
        });
    }
}

/// Rule `body-of-a-gathering`: the body a gathering is named for held it, when the report
/// names that body elsewhere too (inside a gathering's name alone, a name is too unsure to
/// make a body of: "the HWU Congress" may be named for a place or a cause).
fn bodies_holding_gatherings(r: &Reader, found: &mut Vec<Participation>) {
    for (body, event, s) in &r.held_by {
        let Some(org) = r
            .reg
            .find(EntityKind::Organization, body)
            .or_else(|| r.reg.org_by_initials(body))
        else {
            continue;
        };
        found.push(Participation {
            person: org,
            event: *event,
            role: PartRole::Organiser,
            evidence: r.evidence(*s, &rules::BODY_OF_A_GATHERING),
        });
    }
}

/// One part per person and event, in the order first found: chair over organiser over
/// speaker over attendee.
fn one_part_per_person_and_event(r: &Reader, found: Vec<Participation>) -> Vec<Participation> {
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
    order.into_iter().filter_map(|k| best.remove(&k)).collect()
}

/// The event context `find_events` computed.
fn find_events_context(r: &mut Reader) -> EventContext {
    match r.event_context.take() {
        Some(c) => c,
        None => find_events(r),
    }
}

/// Is this event one where people take the floor: a conference, congress, convention,
/// assembly, annual meeting, summit, forum, synod, symposium? (Not a march, visit or launch,
/// where those quoted may only have spoken to the press.)
pub(crate) fn is_speaking_gathering(name: &str) -> bool {
    let lower = name.to_lowercase();
    let last = lower
        .split_whitespace()
        .rfind(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .unwrap_or("");
    matches!(
        last,
        "conference"
            | "congress"
            | "convention"
            | "assembly"
            | "agm"
            | "summit"
            | "forum"
            | "synod"
            | "symposium"
            | "seminar"
            | "plenum"
            | "council"
            | "caucus"
    ) || lower.ends_with("general meeting")
        || lower.ends_with("annual meeting")
}
