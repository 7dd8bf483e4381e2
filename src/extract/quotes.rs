//! Quotations: the words between quotation marks, and who said them.
//!
//! The attribution follows how English reports speech: after the quotation (`"…," she said`,
//! `"…," said A B, the union's president`, `"…" A B told the room`), before it (`A B told
//! delegates: "…"`, `A B said the world was "…"`), or not at all, when the quotation continues
//! the last speaker's words (a new paragraph opening with a quotation mark) or follows a
//! sentence about its speaker. A quotation over several paragraphs, each opened with a mark
//! and only the last closed, is the speaker's named after its last paragraph. Pronouns and descriptions ("the professor") point back to the
//! last person they fit. Quotations of fewer than four words (scare quotes), headline quotes
//! and quotations repeated verbatim (pull quotes) are not kept; nor are those attributed to an
//! organisation ("the force said").

use super::names::Mention;
use super::verbs;
use super::{Reader, Sent};
use crate::model::BlockKind;
use crate::model::{EntityId, EntityKind, Quotation};

const MIN_WORDS: usize = 4;

/// Pronouns and their gender (None for "they").
fn pronoun(w: &str) -> Option<Option<bool>> {
    match w {
        "she" => Some(Some(true)),
        "he" => Some(Some(false)),
        "they" => Some(None),
        _ => None,
    }
}

/// A quoted span: byte offsets of its content (without the marks) in the report text.
struct Span {
    open: usize,
    start: usize,
    end: usize,
    close: usize,
    block: usize,
}

/// Finds quoted spans block by block: curly pairs, or straight quotes taken in pairs. A quote
/// left open at the end of a block runs to the block's end (a quotation continued in the next
/// paragraph opens again there).
fn spans(r: &Reader) -> Vec<Span> {
    let mut out = Vec::new();
    for (bi, block) in r.doc.blocks.iter().enumerate() {
        let text = &r.doc.text[block.start..block.end];
        let mut open: Option<(usize, char)> = None;
        // A single curly mark open outside double ones: kept apart, so that one that never
        // closes (a scare quote, a stray mark) hides no double quotation after it.
        let mut single: Option<usize> = None;
        for (i, c) in text.char_indices() {
            // Single curly marks, as British reports quote: ‘…’ opens after a space or at the
            // start, and closes only after , . ? ! (else ’ is an apostrophe: "workers’
            // rights"). Inside double marks they are nested. Straight single marks are not
            // read: they are apostrophes far more often (tried: one false quotation more on
            // the checking half, none found).
            if open.is_none() && (c == '‘' || c == '’') {
                let after_space = text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| p.is_whitespace() || "([—–:".contains(p));
                match single {
                    None if c == '‘' && after_space => single = Some(i),
                    Some(o) if c == '’' => {
                        let before = text[..i].chars().next_back();
                        if before.is_some_and(|p| ",.?!".contains(p)) {
                            out.push(Span {
                                open: block.start + o,
                                start: block.start + o + '‘'.len_utf8(),
                                end: block.start + i,
                                close: block.start + i + c.len_utf8(),
                                block: bi,
                            });
                            single = None;
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match (c, open) {
                ('“', None) | ('"', None) => {
                    open = Some((i, c));
                    single = None;
                }
                ('”', Some((o, '“')))
                | ('"', Some((o, '"')))
                | ('”', Some((o, '"')))
                | ('"', Some((o, '“'))) => {
                    let olen = text[o..].chars().next().map_or(1, char::len_utf8);
                    out.push(Span {
                        open: block.start + o,
                        start: block.start + o + olen,
                        end: block.start + i,
                        close: block.start + i + c.len_utf8(),
                        block: bi,
                    });
                    open = None;
                }
                ('“', Some(_)) => open = Some((i, c)),
                _ => {}
            }
        }
        if let Some((o, c)) = open {
            out.push(Span {
                open: block.start + o,
                start: block.start + o + c.len_utf8(),
                end: block.end,
                close: block.end,
                block: bi,
            });
        }
    }
    out
}

/// What the words after or before a quotation say about its speaker.
enum Attribution {
    Person(EntityId),
    /// Attributed, but to an organisation or an unnamed group: not kept.
    NotAPerson,
    None,
}

pub(crate) fn find_quotations(r: &mut Reader) {
    let spans = spans(r);
    let mut seen: Vec<String> = Vec::new();
    // (block, speaker)
    let mut last_speaker: Option<(usize, EntityId)> = None;
    // Quotations that run to the end of their paragraph unclosed and unattributed, waiting for
    // the paragraph after them to name the speaker (a quotation over several paragraphs opens
    // each with a mark and closes only the last).
    let mut pending: Vec<(Span, usize)> = Vec::new();
    for sp in spans {
        let Some(s) = r
            .doc
            .sentence_at(sp.open)
            .or_else(|| r.doc.sentence_at(sp.start))
        else {
            continue;
        };
        let content = r.doc.text[sp.start..sp.end].trim();
        if r.sents[s].boilerplate
            || r.sents[s].kind == BlockKind::Heading
            || is_title_text(r, s, &sp, content)
        {
            continue;
        }
        let attribution = after_quote(r, &sp).or_else(|| before_quote(r, &sp, s));
        let speaker = match attribution {
            Attribution::Person(p) => Some(p),
            Attribution::NotAPerson => None,
            Attribution::None => unattributed(r, &sp, s, last_speaker),
        };
        let follows_pending = pending
            .last()
            .is_some_and(|(p, _)| p.block + 1 == sp.block && opens_its_paragraph(r, &sp));
        if !follows_pending {
            pending.clear();
        }
        let Some(speaker) = speaker else {
            if matches!(attribution, Attribution::None) && runs_to_paragraph_end(r, &sp) {
                pending.push((sp, s));
            }
            continue;
        };
        for (p, ps) in std::mem::take(&mut pending) {
            keep(r, &p, ps, speaker, &mut seen);
        }
        last_speaker = Some((sp.block, speaker));
        keep(r, &sp, s, speaker, &mut seen);
    }
}

/// Does the quotation open its paragraph (only space before its mark)?
fn opens_its_paragraph(r: &Reader, sp: &Span) -> bool {
    r.doc.text[r.doc.blocks[sp.block].start..sp.open]
        .trim()
        .is_empty()
}

/// Does the quotation open its paragraph and run to its end with no closing mark?
fn runs_to_paragraph_end(r: &Reader, sp: &Span) -> bool {
    sp.close == r.doc.blocks[sp.block].end && sp.end == sp.close && opens_its_paragraph(r, sp)
}

/// Keeps the quotation of `sp` (sentence `s`) as `speaker`'s, unless it is too short, a
/// motion's words, or one already kept (a pull quote).
fn keep(r: &mut Reader, sp: &Span, s: usize, speaker: EntityId, seen: &mut Vec<String>) {
    let content = r.doc.text[sp.start..sp.end].trim();
    if content.split_whitespace().count() < MIN_WORDS || is_motion_text(r, s, sp, content) {
        return;
    }
    let norm: String = content
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if seen
        .iter()
        .any(|q| q.contains(&norm) || norm.contains(q.as_str()))
    {
        return;
    }
    seen.push(norm);
    let text = content.trim_end_matches([',', ' ']).to_owned();
    let evidence = r.evidence(s, &super::rules::QUOTATION);
    r.quotations.push(Quotation {
        speaker,
        text,
        evidence,
    });
}

/// The words of a motion as minutes record them ("A B moved, and C D seconded, \"that the
/// report be adopted\""): a resolution's text after a word of moving it, no one's speech.
fn is_motion_text(r: &Reader, s: usize, sp: &Span, content: &str) -> bool {
    let opening = r.doc.sentences[s].start;
    let before = r.doc.text[opening.min(sp.open)..sp.open].to_lowercase();
    (content.starts_with("that ") || content.starts_with("That "))
        && ["moved", "proposed", "seconded", "resolved", "motion"]
            .iter()
            .any(|w| before.contains(w))
}

/// Words after which a quoted span is the name of a talk, a session or a theme, not speech:
/// "a session titled “…”", "under the theme “…”". Not "called": "what he called “three days of
/// honest argument”" is his words.
const TITLE_WORDS: &[&str] = &[
    "titled", "entitled", "themed", "theme", "motto", "slogan", "banner",
];

/// Words before "on" or "about" that make a quoted span in title case the name of a talk:
/// "spoke on “Rivers and the Rights of Fish”".
const TALK_WORDS: &[&str] = &[
    "spoke",
    "speaks",
    "talked",
    "lectured",
    "presented",
    "talk",
    "lecture",
    "presentation",
    "paper",
    "address",
    "keynote",
    "session",
    "panel",
    "workshop",
    "seminar",
];

/// Does the quoted span name a talk, a session or a theme ("titled “…”", "spoke on
/// “Rivers and the Rights of Fish”"): after a word that introduces a title, or after a word for
/// a talk and "on"/"about" when the span is written in title case?
fn is_title_text(r: &Reader, s: usize, sp: &Span, content: &str) -> bool {
    let opening = r.doc.sentences[s].start;
    let before = r.doc.text[opening.min(sp.open)..sp.open].to_lowercase();
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .collect();
    let tail = before.trim_end();
    // Only a comma or colon may stand between the word and the mark.
    if !tail.ends_with(|c: char| c.is_alphanumeric() || c == ',' || c == ':') {
        return false;
    }
    match words.as_slice() {
        [last, ..] if TITLE_WORDS.contains(last) => true,
        [prep, talk] if matches!(*prep, "on" | "about") && TALK_WORDS.contains(talk) => {
            title_case(content)
        }
        _ => false,
    }
}

/// Most words of four letters or more begin with a capital: "Rivers and the Rights of Fish".
fn title_case(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let caps = long
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    !long.is_empty() && caps * 4 >= long.len() * 3
}

impl Attribution {
    fn or_else(self, f: impl FnOnce() -> Attribution) -> Attribution {
        match self {
            Attribution::None => f(),
            other => other,
        }
    }
}

/// Tokens of the sentence holding byte `offset`, and the index of the first token at or after it.
fn tokens_from(r: &Reader, offset: usize) -> Option<(usize, usize)> {
    let s = r.doc.sentence_at(offset)?;
    let i = r.sents[s].toks.iter().position(|t| t.start >= offset)?;
    Some((s, i))
}

/// `"…," she said` / `"…," said A B` / `"…" A B told` / `"…," the professor added`.
fn after_quote(r: &Reader, sp: &Span) -> Attribution {
    let Some((s, mut i)) = tokens_from(r, sp.close) else {
        return Attribution::None;
    };
    let sent = &r.sents[s];
    if r.doc.blocks[sent.block].start > sp.close || sent.block != sp.block {
        return Attribution::None;
    }
    // Only when the attribution follows directly: skip a comma, nothing else.
    let gap = &r.doc.text[sp.close..sent.toks[i].start];
    if !gap
        .trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .is_empty()
    {
        return Attribution::None;
    }
    while sent.is_punct(i, ",") {
        i += 1;
    }
    let w = |k: usize| sent.toks.get(k).map(|t| t.lower()).unwrap_or_default();
    // "she said", "he told attendees"
    if let Some(g) = pronoun(&w(i)) {
        if verbs::attributes_speech(&w(i + 1)) {
            return resolve_pronoun(r, s, g, sp.open);
        }
    }
    // "…," according to A B.
    if w(i) == "according" && w(i + 1) == "to" {
        i += 2;
        if let Some(m) = sent
            .mention_starting(i)
            .or_else(|| sent.mentions.iter().find(|m| m.hon == Some(i)))
        {
            return person_or_not(m.kind, m.entity);
        }
    }
    // "said A B" / "A B said" / "Okafor told the room"
    if verbs::attributes_speech(&w(i)) {
        if let Some(m) = sent
            .mention_starting(i + 1)
            .or_else(|| sent.mentions.iter().find(|m| m.hon == Some(i + 1)))
        {
            // "said HWU Chief Executive Jo Bright": the organisation premodifies the speaker.
            if m.kind == Some(EntityKind::Organization) {
                if let Some(p) = speaker_after_title(r, s, m.end) {
                    return Attribution::Person(p);
                }
            }
            return person_or_not(m.kind, m.entity);
        }
        if let Some(p) = speaker_after_title(r, s, i + 1) {
            return Attribution::Person(p);
        }
        if w(i + 1) == "the" {
            return description(r, s, &w(i + 2), sp.open);
        }
    }
    if let Some(m) = sent
        .mentions
        .iter()
        .find(|m| m.start == i || m.hon == Some(i))
    {
        if verbs::attributes_speech(&w(past_postnominals(sent, m.end))) {
            return person_or_not(m.kind, m.entity);
        }
    }
    if w(i) == "the" && verbs::attributes_speech(&w(i + 2)) {
        return description(r, s, &w(i + 1), sp.open);
    }
    if let Some(p) = title_then_name(r, s, i) {
        return Attribution::Person(p);
    }
    Attribution::None
}

/// The token after a name's postnominal letters and the comma that closes an appositive:
/// "A B MP said", "A B CMG MP, said" → the token of "said".
fn past_postnominals(sent: &Sent, mut k: usize) -> usize {
    while sent.toks.get(k).is_some_and(|t| {
        t.is_acronym() && t.text.len() <= 4
            || t.text == "." && k > 0 && sent.toks[k - 1].is_acronym()
    }) {
        k += 1;
    }
    if sent.is_punct(k, ",") {
        k += 1;
    }
    k
}

/// `"…," the Prime Minister, A B, said`: a title of up to six words after "the", set off by a
/// comma, then the person and their verb of speech.
fn title_then_name(r: &Reader, s: usize, i: usize) -> Option<EntityId> {
    let sent = &r.sents[s];
    if !sent.toks.get(i).is_some_and(|t| t.is("the")) {
        return None;
    }
    let mut q = i + 1;
    while q < sent.toks.len() && q <= i + 6 && !sent.is_punct(q, ",") {
        let t = &sent.toks[q];
        let title_word = t.kind == super::tokens::Kind::Word
            && (t.is_cap() || r.lx.is_role(&t.lower()) || t.is("of") || t.is("for"));
        if !title_word
            || sent
                .mention_starting(q)
                .is_some_and(|m| m.kind == Some(EntityKind::Person))
        {
            return None;
        }
        q += 1;
    }
    if q == i + 1 || !sent.is_punct(q, ",") {
        return None;
    }
    let m = sent
        .mention_starting(q + 1)
        .or_else(|| sent.mentions.iter().find(|m| m.hon == Some(q + 1)))?;
    if m.kind != Some(EntityKind::Person) {
        return None;
    }
    let v = past_postnominals(sent, m.end);
    let w = sent.toks.get(v).map(|t| t.lower()).unwrap_or_default();
    verbs::attributes_speech(&w).then_some(m.entity).flatten()
}

/// The person after a title of up to five capitalised or role words from token `k`: "said
/// [HWU] Chief Executive Officer Jo Bright".
fn speaker_after_title(r: &Reader, s: usize, k: usize) -> Option<EntityId> {
    let sent = &r.sents[s];
    let mut q = k;
    while q < sent.toks.len() && q < k + 5 {
        if let Some(m) = sent.mention_starting(q) {
            return (m.kind == Some(EntityKind::Person) && q > k)
                .then_some(m.entity)
                .flatten();
        }
        let t = &sent.toks[q];
        if t.kind != super::tokens::Kind::Word || !(t.is_cap() || r.lx.is_role(&t.lower())) {
            return None;
        }
        q += 1;
    }
    None
}

/// `A B told delegates: "…"`, `He added: "…"`, `A B said the world was "…"`.
fn before_quote(r: &Reader, sp: &Span, s: usize) -> Attribution {
    let sent = &r.sents[s];
    let Some(q) = sent.toks.iter().position(|t| t.start >= sp.open) else {
        return Attribution::None;
    };
    let words: Vec<String> = sent.toks[..q]
        .iter()
        .map(|t| t.lower().into_owned())
        .collect();
    // ", saying", ", adding:": a participle after a comma speaks for the sentence's subject,
    // not for the person its object names ("A B paid tribute to the late C D, saying, "…"").
    let participle = words.iter().rposition(|w| {
        matches!(
            w.as_str(),
            "saying"
                | "adding"
                | "stating"
                | "noting"
                | "explaining"
                | "declaring"
                | "insisting"
                | "warning"
                | "arguing"
                | "stressing"
                | "urging"
                | "recalling"
        )
    });
    if participle.is_some_and(|v| v >= 1 && words[v - 1] == ",") {
        let subject = sent
            .mentions
            .iter()
            .find(|m| m.kind.is_some())
            .filter(|m| m.hon.unwrap_or(m.start) <= 1 && m.kind == Some(EntityKind::Person));
        if let Some(m) = subject {
            return person_or_not(m.kind, m.entity);
        }
        if let Some(g) = words.first().and_then(|w| pronoun(w)) {
            return resolve_pronoun(r, s, g, sent.toks[0].start);
        }
    }
    let verb = words
        .iter()
        .rposition(|w| verbs::attributes_speech(w) || matches!(w.as_str(), "called" | "described"));
    let Some(v) = verb else {
        return Attribution::None;
    };
    // The subject: the last person named before the verb, or a pronoun.
    // "President A B of Zambia called for "…"": a place after "of" tells where the subject
    // is from, it is not the subject.
    let origin = |m: &&Mention| {
        m.kind == Some(EntityKind::Place)
            && m.start >= 1
            && matches!(words[m.start - 1].as_str(), "of" | "from")
    };
    if let Some(m) = sent
        .mentions
        .iter()
        .rfind(|m| m.end <= v && m.kind.is_some() && !origin(m))
    {
        if m.kind == Some(EntityKind::Person) {
            return person_or_not(m.kind, m.entity);
        }
        if v == m.end {
            return Attribution::NotAPerson;
        }
    }
    if let Some(k) = words[..v]
        .iter()
        .rposition(|w| pronoun(w).is_some() || w == "what")
    {
        let g = pronoun(&words[k]).flatten();
        if words[k] == "what" {
            // "what he called "…""
            if let Some(g) = words.get(k + 1).and_then(|w| pronoun(w)) {
                return resolve_pronoun(r, s, g, sp.open);
            }
        }
        return resolve_pronoun(r, s, g, sp.open);
    }
    if v >= 2 && words[v - 2] == "the" {
        return description(r, s, &words[v - 1], sp.open);
    }
    Attribution::None
}

fn person_or_not(kind: Option<EntityKind>, entity: Option<EntityId>) -> Attribution {
    match (kind, entity) {
        (Some(EntityKind::Person), Some(e)) => Attribution::Person(e),
        (Some(_), _) => Attribution::NotAPerson,
        _ => Attribution::None,
    }
}

/// A sentence-initial "He"/"She" as a mention of the person it stands for, for the rules that
/// read a named subject (participation's, and the posts of `copula-role` and its kin).
pub(crate) fn pronoun_subject(r: &Reader, s: usize) -> Option<Mention> {
    let sent = &r.sents[s];
    let first = sent.toks.first()?;
    let female = match first.lower().as_ref() {
        "she" => Some(true),
        "he" => Some(false),
        _ => return None,
    };
    let person = last_person(r, s, first.start, female)?;
    Some(Mention {
        start: 0,
        end: 1,
        kind: Some(EntityKind::Person),
        entity: Some(person),
        hon: None,
    })
}

/// The last person named before byte `before`, of the given gender when it is known.
pub(crate) fn last_person(
    r: &Reader,
    s: usize,
    before: usize,
    female: Option<bool>,
) -> Option<EntityId> {
    for k in (0..=s).rev() {
        let sent = &r.sents[k];
        for m in sent.mentions.iter().rev() {
            if m.kind != Some(EntityKind::Person) || sent.toks[m.start].start >= before {
                continue;
            }
            let Some(e) = m.entity else { continue };
            if let (Some(f), Some(g)) = (female, gender(r, e)) {
                if f != g {
                    continue;
                }
            }
            return Some(e);
        }
        if s - k > 12 {
            break;
        }
    }
    None
}

/// Gender from honorifics, when the text gives one (Ms, Mr, Her Excellency...).
fn gender(r: &Reader, e: EntityId) -> Option<bool> {
    let ent = r.reg.get(e);
    for h in &ent.honorifics {
        let h = h.to_lowercase();
        if matches!(
            h.as_str(),
            "ms" | "mrs"
                | "miss"
                | "madam"
                | "lady"
                | "dame"
                | "baroness"
                | "her excellency"
                | "sister"
                | "mme"
                | "frau"
                | "señora"
                | "sra"
        ) {
            return Some(true);
        }
        if matches!(
            h.as_str(),
            "mr" | "sir"
                | "lord"
                | "baron"
                | "his excellency"
                | "father"
                | "brother"
                | "herr"
                | "señor"
                | "sr"
        ) {
            return Some(false);
        }
    }
    r.lx.gender_of(ent.name.split_whitespace().next().unwrap_or(""))
}

fn resolve_pronoun(r: &Reader, s: usize, female: Option<bool>, before: usize) -> Attribution {
    match last_person(r, s, before, female) {
        Some(p) => Attribution::Person(p),
        None => Attribution::None,
    }
}

/// "the professor", "the minister": the last person with that honorific or title.
fn description(r: &Reader, s: usize, noun: &str, before: usize) -> Attribution {
    if r.lx.is_org_head(noun)
        || matches!(
            noun,
            "force"
                | "police"
                | "council"
                | "company"
                | "government"
                | "union"
                | "organisers"
                | "organizers"
                | "group"
                | "campaign"
        )
    {
        return Attribution::NotAPerson;
    }
    for k in (0..=s).rev() {
        for m in r.sents[k].mentions.iter().rev() {
            let Some(e) = m.entity else { continue };
            if m.kind != Some(EntityKind::Person) || r.sents[k].toks[m.start].start >= before {
                continue;
            }
            let ent = r.reg.get(e);
            let fits = ent
                .honorifics
                .iter()
                .any(|h| h.to_lowercase().starts_with(&noun[..noun.len().min(4)]))
                || ent
                    .job_titles
                    .iter()
                    .any(|t| t.title.to_lowercase().contains(noun))
                || r.memberships.iter().any(|mm| {
                    mm.member == e
                        && mm
                            .role
                            .as_ref()
                            .is_some_and(|ro| ro.to_lowercase().contains(noun))
                });
            if fits {
                return Attribution::Person(e);
            }
        }
    }
    Attribution::None
}

/// No attribution next to the quotation: the paragraph's person, the next sentence's subject,
/// or the speaker of the paragraph before (a continued quotation).
fn unattributed(
    r: &Reader,
    sp: &Span,
    s: usize,
    last: Option<(usize, EntityId)>,
) -> Option<EntityId> {
    let block = sp.block;
    // A person named earlier in the same paragraph.
    for k in (0..=s).rev() {
        if r.sents[k].block != block {
            break;
        }
        if let Some(m) = r.sents[k].mentions.iter().rev().find(|m| {
            m.kind == Some(EntityKind::Person) && r.sents[k].toks[m.start].start < sp.open
        }) {
            return m.entity;
        }
    }
    // Continuing the previous paragraph's speaker.
    if let Some((b, p)) = last {
        if b + 1 == block || b == block {
            return Some(p);
        }
    }
    // A paragraph that is only the quotation, after a paragraph that ends on its speaker
    // speaking: "A B detailed the union's efforts." / "“Two years ago …”".
    if r.doc.text[r.doc.blocks[block].start..sp.open]
        .trim()
        .is_empty()
        && s > 0
    {
        let prev = &r.sents[s - 1];
        if prev.block + 1 == block && prev.kind == BlockKind::Paragraph {
            // The paragraph before names one person and no other: the quotation is theirs
            // ("A B, the union's treasurer, discussed the accounts." / "“In three months …").
            let mut named = (0..s)
                .rev()
                .take_while(|&k| r.sents[k].block == prev.block)
                .flat_map(|k| r.sents[k].mentions.iter())
                .filter(|m| m.kind == Some(EntityKind::Person))
                .filter_map(|m| m.entity.map(|e| r.reg.resolve(e)));
            // Unless the quotation's own paragraph names its speaker after it ("“…” A B,
            // director of X, opened the conference").
            let named_after = (s..r.sents.len())
                .take_while(|&k| r.sents[k].block == block)
                .any(|k| {
                    r.sents[k].mentions.iter().any(|m| {
                        m.kind == Some(EntityKind::Person)
                            && r.sents[k].toks[m.start].start > sp.close
                    })
                });
            if let (Some(one), false) = (named.next(), named_after) {
                if named.all(|e| e == one) {
                    return Some(one);
                }
            }
            for m in &prev.mentions {
                let spoke = (m.end..(m.end + 3).min(prev.toks.len()))
                    .any(|k| verbs::says_they_spoke(&prev.toks[k].lower()));
                if m.kind == Some(EntityKind::Person) && spoke {
                    return m.entity;
                }
            }
        }
    }
    // The subject of the sentence after the quotation, in the same paragraph.
    for k in s..r.sents.len() {
        if r.sents[k].block != block {
            break;
        }
        if let Some(m) = r.sents[k].mentions.iter().find(|m| {
            m.kind == Some(EntityKind::Person) && r.sents[k].toks[m.start].start > sp.close
        }) {
            return m.entity;
        }
    }
    None
}
