//! Role phrases: where a role's words begin and end in a sentence and what attaches to them
//! ("the former general secretary of the X Union", "Minister for Energy of Tolvik", "the
//! union's president"), parsed by [`role_at`]. The rules of `roles` and the pair model read
//! phrases from here; this module claims nothing and changes no entity.

use super::lexicon;
use super::names::Mention;
use super::roles::{
    is_self_reference, LEGISLATORS, PORTFOLIO_ROLES, SELF_REFERENCES, TERRITORIAL, TERRITORIES,
};
use super::tokens::Kind;
use super::{Reader, Sent};
use crate::model::{EntityId, EntityKind};

/// A role phrase found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RolePhrase {
    /// Token span of the role's words (modifiers and extensions included).
    pub start: usize,
    pub end: usize,
    /// The organisation it is held in, when the phrase names one.
    pub org: Option<EntityId>,
    /// A territory ("of Lyon") or seat ("for Whitby").
    pub place: Option<EntityId>,
    pub constituency: bool,
    /// Token after the phrase (and its organisation).
    pub next: usize,
    /// Began with "a"/"an": an occupation or description rather than an office.
    pub indefinite: bool,
    /// A mention index to turn into an organisation when the role is kept.
    pub org_mention: Option<usize>,
    /// A mention index to turn into a place (an office's territory) when the role is kept.
    pub place_mention: Option<usize>,
    /// "the union's" with no organisation found: the report's own organisation is meant.
    pub self_reference: bool,
    /// "a former X Union official": "former" stood before the organisation, not in the span.
    pub former: bool,
    /// "the city's", "the country's": a territory unnamed owns the office, so it is a title,
    /// never a post in the report's own organisation.
    pub territory_owned: bool,
}

impl RolePhrase {
    /// Names no organisation and no place of its own: "treasurer", not "treasurer of X".
    pub(super) fn names_no_place_or_body(&self) -> bool {
        self.org.is_none()
            && self.org_mention.is_none()
            && self.place.is_none()
            && self.place_mention.is_none()
    }

    /// A bare office: no organisation, place or owner ("the union's") named with it.
    pub(super) fn is_bare(&self) -> bool {
        self.names_no_place_or_body() && !self.self_reference && !self.territory_owned
    }
}

/// The longest role-lexicon entry among the words starting at `q`; returns its end.
pub(super) fn lexicon_role_end(r: &Reader, sent: &Sent, q: usize) -> Option<usize> {
    // Most words begin no role: told by the first word's class, before any phrase is built.
    if !sent.toks.get(q).is_some_and(|t| t.lex.is_role_prefix()) {
        return None;
    }
    let max = r.lx.max_role_words;
    let mut phrase = String::new();
    let mut best = None;
    for k in q..(q + max).min(sent.toks.len()) {
        let t = &sent.toks[k];
        if t.kind != Kind::Word
            || (k > q
                && sent
                    .mention_at(k)
                    .is_some_and(|m| m.kind == Some(EntityKind::Person)))
        {
            break;
        }
        if k > q {
            phrase.push(' ');
        }
        phrase.push_str(&t.lower());
        if !r.lx.is_role_prefix(&phrase) {
            break;
        }
        if r.lx.is_role(&phrase) || r.lx.is_occupation(&phrase) {
            best = Some(k + 1);
        }
    }
    best
}

/// Words that end a descriptive run or a role's extension: connectors, clause words, verbs of
/// speech.
pub(super) fn is_phrase_break(w: &str) -> bool {
    matches!(
        w,
        "of" | "at"
            | "for"
            | "with"
            | "on"
            | "in"
            | "and"
            | "who"
            | "which"
            | "said"
            | "told"
            | "to"
            | "from"
            | "by"
            // A post's time: "president of X since 2019", "chair until March".
            | "since"
            | "until"
            | "till"
            | "during"
    )
}

pub(super) fn is_free_word(r: &Reader, sent: &Sent, k: usize) -> bool {
    let t = &sent.toks[k];
    t.kind == Kind::Word
        && (!t.lex.is_stopword() || t.lex.is_role_modifier())
        && sent
            .mention_at(k)
            .is_none_or(|m| m.kind.is_none() || r.lx.demonyms.contains_key(t.lower().as_ref()))
        && !t.text.ends_with("-year-old")
        && !super::verbs::ends_a_role_modifier(&t.lower())
}

/// Parses a role phrase at token `i` of sentence `s`: what comes before the role's words (an
/// article, an age, a possessor, an organisation or place premodifying it: [`role_prefix`]),
/// the role's words themselves ([`role_words`]), then what attaches after them, one
/// preposition at a time ([`attachment`]).
pub(crate) fn role_at(r: &Reader, s: usize, i: usize) -> Option<RolePhrase> {
    let pre = role_prefix(r, s, i)?;
    let (start, end, named_body) = role_words(r, &r.sents[s], pre.next)?;
    let kind = RoleKind::of(r, s, start, end);
    let mut phrase = RolePhrase {
        start,
        end,
        org: pre.possessor.or(named_body),
        place: pre.possessor_place,
        constituency: false,
        next: end,
        indefinite: pre.indefinite,
        org_mention: None,
        place_mention: None,
        self_reference: pre.self_reference,
        territory_owned: pre.territory_owned,
        former: pre.former,
    };
    let mut k = end;
    let last = loop {
        match attachment(r, s, &mut phrase, kind, k) {
            Next::Go(next) => k = next,
            Next::Stop(last) => break last,
        }
    };
    phrase.next = last.max(phrase.end);
    Some(phrase)
}

/// What stands before a role's words, and the token where they begin.
#[derive(Default)]
pub(super) struct RolePrefix {
    next: usize,
    indefinite: bool,
    possessor: Option<EntityId>,
    possessor_place: Option<EntityId>,
    self_reference: bool,
    territory_owned: bool,
    former: bool,
}

/// The article, age, possessor and premodifying organisation or place before a role's words
/// at token `i`; `None` when a possessor is there that can own no role ("Tolvik's" where
/// Tolvik is a person).
pub(super) fn role_prefix(r: &Reader, s: usize, i: usize) -> Option<RolePrefix> {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let mut pre = RolePrefix {
        next: i,
        ..RolePrefix::default()
    };
    let mut j = i;
    if sent.is(j, "a") || sent.is(j, "an") {
        pre.indefinite = true;
        j += 1;
    } else if sent.is(j, "the") {
        j += 1;
    } else if sent.is(j, "our") {
        // Rule `our-role`: "A B, our secretary", "A B is our new Office Manager": a post of
        // the body the report speaks for, or a title when it names none.
        pre.self_reference = true;
        j += 1;
    } else if sent.is(j, "its") || whose_after_org(sent, j) {
        // Rule `its-role`: "received by its president, A B", "X, whose chair, A B,": the
        // organisation named last before it.
        pre.possessor = Some(nearest_org_before(r, s, j)?);
        j += 1;
    }
    // Ages: "a 22-year-old engineering student".
    while j < toks.len() && (toks[j].text.ends_with("-year-old") || toks[j].kind == Kind::Number) {
        j += 1;
    }
    pre.next = j;
    possessor(r, s, &mut pre)?;
    premodifier_body(r, s, &mut pre)?;
    Some(pre)
}

/// A possessor at `pre.next`: "X's", "the union's", "the city's"; `None` when one is there
/// that owns no role.
pub(super) fn possessor(r: &Reader, s: usize, pre: &mut RolePrefix) -> Option<()> {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let j = pre.next;
    if let Some(m) = sent.mention_starting(j) {
        if toks.get(m.end).is_some_and(|t| t.kind == Kind::Possessive) {
            match (m.kind, m.entity, definite_head(r, s, m)) {
                (_, _, Some(Some(id))) => pre.possessor = Some(id),
                (_, _, Some(None)) => return None,
                (Some(EntityKind::Organization), Some(id), _) => pre.possessor = Some(id),
                (Some(EntityKind::Place), Some(id), _) => pre.possessor_place = Some(id),
                _ => return None,
            }
            pre.next = m.end + 1;
        }
    } else if toks.get(j + 1).is_some_and(|t| t.kind == Kind::Possessive)
        && toks
            .get(j)
            .is_some_and(|t| t.kind == Kind::Word && !t.is_cap())
    {
        let head = toks[j].lower();
        match org_by_head_before(r, s, j, &head) {
            Some(id) => pre.possessor = Some(id),
            None if is_self_reference(r, &head) => pre.self_reference = true,
            None if TERRITORIES.contains(&head.as_ref()) => pre.territory_owned = true,
            None => return None,
        }
        pre.next = j + 2;
    }
    Some(())
}

/// An organisation or place premodifying the role's words at `pre.next`, when no possessor
/// was found; `None` when "former" stood before an organisation that no role follows.
pub(super) fn premodifier_body(r: &Reader, s: usize, pre: &mut RolePrefix) -> Option<()> {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let mut j = pre.next;
    // An organisation premodifying the role: "the HWU President", "Bar Society council
    // member" (rule `organisation-then-role`), maybe after "former": "a former X Union
    // official".
    if pre.possessor.is_none()
        && pre.possessor_place.is_none()
        && !pre.self_reference
        && !pre.territory_owned
    {
        let before_org = matches!(
            toks.get(j).map(|t| t.lower()).as_deref(),
            Some("former" | "past")
        ) && sent
            .mention_starting(j + 1)
            .is_some_and(|m| m.kind == Some(EntityKind::Organization));
        if before_org {
            pre.former = true;
            j += 1;
        }
        if let Some(m) = sent.mention_starting(j) {
            if let (Some(EntityKind::Organization), Some(id)) = (m.kind, m.entity) {
                let role_follows = (m.end..(m.end + 3).min(toks.len()))
                    .take_while(|&q| q == m.end || is_free_word(r, sent, q - 1))
                    .any(|q| lexicon_role_end(r, sent, q).is_some());
                if role_follows {
                    pre.possessor = Some(id);
                    j = m.end;
                } else if pre.former {
                    return None;
                }
            }
        }
    }
    // A place premodifying the office, its territory: "the New Zealand Minister of
    // Education" (rule `place-then-office` made the place its own span).
    if pre.possessor.is_none() && pre.possessor_place.is_none() {
        if let Some(m) = sent.mention_starting(j) {
            if let (Some(EntityKind::Place), Some(id)) = (m.kind, m.entity) {
                if lexicon_role_end(r, sent, m.end).is_some() {
                    pre.possessor_place = Some(id);
                    j = m.end;
                }
            }
        }
    }
    pre.next = j;
    Some(())
}

/// The role's own words from token `j`: free words and modifiers, then a lexicon entry
/// ("campaigns officer", "tenant board member", "former deputy mayor"). Returns their span
/// and the body a trailing "of the Council" names.
pub(super) fn role_words(
    r: &Reader,
    sent: &Sent,
    j: usize,
) -> Option<(usize, usize, Option<EntityId>)> {
    let toks = &sent.toks;
    let mut found = None;
    // Fields of a portfolio joined by "and" before the post: "labour and education minister".
    let mut fields_joined = false;
    let mut q = j;
    while q < (j + 4 + usize::from(fields_joined)).min(toks.len()) {
        if q > j && !is_free_word(r, sent, q - 1) {
            if !joins_fields(r, sent, j, q - 1) || fields_joined {
                break;
            }
            fields_joined = true;
        }
        if let Some(end) = lexicon_role_end(r, sent, q) {
            if found.is_none_or(|(_, e)| end > e) {
                found = Some((q, end));
            }
        }
        q += 1;
    }
    let (at, mut end) = found?;
    if sent.toks[j..at]
        .iter()
        .any(|t| t.is("and") || t.text == "&")
    {
        let head = sent.toks[end - 1].lower();
        if !PORTFOLIO_ROLES.contains(&head.as_ref()) {
            return None;
        }
    }
    // "chairman of the Council" after the Northern Council of Delegates was named: the
    // lexicon's role of a local council is the role "chairman" in that named body (rule
    // `definite-capitalised-head`).
    let mut named_body = None;
    if end >= j + 4 && sent.is(end - 3, "of") && sent.is(end - 2, "the") {
        let head = &toks[end - 1];
        if head.is_cap() && head.lex.is_org_head() {
            if let Some(id) = r.reg.org_by_head(&head.lower()) {
                named_body = Some(id);
                end -= 3;
            }
        }
    }
    Some((j, end, named_body))
}

/// Is token `k` an "and" (or "&") joining two fields of a portfolio written before its post
/// ("labour and education minister", "Foreign and Trade Minister"): a free word before it
/// that is no post itself ("the president and general secretary" are two posts), a free word
/// after it?
fn joins_fields(r: &Reader, sent: &Sent, j: usize, k: usize) -> bool {
    (sent.is(k, "and") || sent.toks[k].text == "&")
        && k > j
        && k + 1 < sent.toks.len()
        && is_free_word(r, sent, k - 1)
        // Not a word of tenure or a kin noun: "former and current finance minister", "wife
        // and director".
        && !sent.toks[k - 1].lex.is_role_modifier()
        && !super::kinds::is_kin_noun(&sent.toks[k - 1].lower())
        && !sent.toks[k - 1].lex.is_role()
        && lexicon_role_end(r, sent, k - 1).is_none()
        && is_free_word(r, sent, k + 1)
}

/// What a role's words say about what may attach after them.
#[derive(Clone, Copy)]
pub(super) struct RoleKind {
    /// "MP", "senator": "for X" is a constituency.
    legislator: bool,
    /// "Minister of …": capitalised words after it are a portfolio.
    portfolio: bool,
    /// "mayor", "governor": "of X" is a territory, named or not.
    territorial: bool,
    /// "ambassador", "envoy": "to X" is part of the role.
    envoy: bool,
}

impl RoleKind {
    fn of(r: &Reader, s: usize, start: usize, end: usize) -> RoleKind {
        let lower = r.text(s, start, end).to_lowercase();
        // A post not yet taken up is read as the post: "high commissioner-designate".
        let role_words = lexicon::post_designated(&lower).unwrap_or(&lower);
        let head = role_words.split_whitespace().last().unwrap_or_default();
        // The role's words are the entry, or end in it after a space.
        let ends_in = |entry: &str| {
            role_words
                .strip_suffix(entry)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        };
        RoleKind {
            legislator: LEGISLATORS.iter().any(|l| ends_in(l)),
            portfolio: PORTFOLIO_ROLES.iter().any(|p| role_words.contains(p)),
            territorial: TERRITORIAL.iter().any(|t| ends_in(t)),
            envoy: matches!(head, "ambassador" | "envoy" | "commissioner" | "consul"),
        }
    }
}

/// Where the attachment loop goes on from, or the token after the phrase.
pub(super) enum Next {
    Go(usize),
    Stop(usize),
}

/// One attachment after a role phrase, at token `k`: an envoy's country, a portfolio's "and",
/// or a preposition with what it takes (a named mention: [`attach_mention`]; else
/// [`attach_unnamed`]).
pub(super) fn attachment(
    r: &Reader,
    s: usize,
    phrase: &mut RolePhrase,
    kind: RoleKind,
    k: usize,
) -> Next {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let Some(conn) = toks.get(k) else {
        return Next::Stop(k);
    };
    let c = conn.lower();
    // "Ambassador of Tolvik to Marden": the country an envoy is posted to is part of the
    // role, not a body or the place of the office.
    if c == "to" && kind.envoy {
        let m = k + usize::from(sent.is(k + 1, "the")) + 1;
        return match sent.mention_starting(m) {
            Some(mm) if mm.kind == Some(EntityKind::Place) => Next::Go(mm.end),
            _ => Next::Stop(k),
        };
    }
    // "Minister of Roads and Bridges": a portfolio goes on over "and" and capitalised words
    // that name no person, body or place.
    if c == "and" && kind.portfolio && phrase.org.is_none() && toks[k - 1].is_cap() {
        let mut e = k + 1;
        // Not over the next holder's courtesy: "Secretary and Lion A B".
        while e < toks.len()
            && toks[e].is_cap()
            && !toks[e].lex.is_honorific()
            && sent.mention_at(e).is_none_or(|m| m.kind.is_none())
        {
            e += 1;
        }
        if e > k + 1 {
            phrase.end = e;
            return Next::Go(e);
        }
    }
    if !matches!(c.as_ref(), "of" | "for" | "at" | "with" | "on" | "in") {
        return Next::Stop(k);
    }
    let mut m = k + 1;
    if sent.is(m, "the") {
        m += 1;
    }
    // "the union's Young Members' Committee"
    if toks
        .get(m)
        .is_some_and(|t| t.kind == Kind::Word && !t.is_cap())
        && toks.get(m + 1).is_some_and(|t| t.kind == Kind::Possessive)
    {
        m += 2;
    }
    // Descriptive words before a name: "the Swedish developer Fjord Energy".
    let mut d = m;
    while d < toks.len()
        && d - m < 3
        && sent.mention_starting(d).is_none_or(|mm| {
            r.lx.demonyms.contains_key(toks[mm.start].lower().as_ref()) && mm.end - mm.start == 1
        })
        && toks[d].kind == Kind::Word
        && !is_phrase_break(&toks[d].lower())
    {
        d += 1;
    }
    let at = Preposition { word: &c, k, m };
    if let Some(mi) = sent.mentions.iter().position(|mm| mm.start == d) {
        if d > m && toks[m..d].iter().any(|t| t.kind != Kind::Word) {
            return Next::Stop(k);
        }
        return attach_mention(r, s, phrase, kind, &at, mi);
    }
    attach_unnamed(r, s, phrase, kind, &at)
}

/// A preposition after a role phrase: the word, its token `k`, and `m`, the token after it
/// (and after "the" and a lowercase possessor).
pub(super) struct Preposition<'w> {
    word: &'w str,
    k: usize,
    m: usize,
}

/// The named mention `mi` that a preposition takes: a place (territory, seat, or part of the
/// role), a portfolio, an office's territory, or the organisation the role is held in.
pub(super) fn attach_mention(
    r: &Reader,
    s: usize,
    phrase: &mut RolePhrase,
    kind: RoleKind,
    at: &Preposition,
    mi: usize,
) -> Next {
    let sent = &r.sents[s];
    let mention = &sent.mentions[mi];
    let (c, k) = (at.word, at.k);
    match (mention.kind, mention.entity) {
        (Some(EntityKind::Place), Some(place))
            if r.lx.place(r.text(s, mention.start, mention.end)).is_some() =>
        {
            if phrase.org.is_some() && c == "in" {
                return Next::Stop(mention.end);
            }
            if c == "for" && !kind.legislator && phrase.place.is_none() {
                // "regional director for Africa": the place is part of the role.
                phrase.end = mention.end;
                return Next::Go(mention.end);
            }
            phrase.place = Some(place);
            phrase.constituency = kind.legislator && c == "for";
            Next::Go(mention.end)
        }
        (Some(EntityKind::Person), _) | (Some(EntityKind::Event), _) => Next::Stop(k),
        _ if kind.portfolio
            && phrase.org.is_none()
            && matches!(c, "of" | "for")
            && !is_named_org(mention)
            && mention.start == at.m
            && !sent.is(k + 1, "the") =>
        {
            // "Minister of Mines and Energy", "Minister for Energy": a portfolio.
            phrase.end = mention.end;
            Next::Go(mention.end)
        }
        (None, _) | (Some(EntityKind::Place), _)
            if kind.territorial
                && c != "at"
                && phrase.place.is_none()
                && mention.end - mention.start <= 2 =>
        {
            // "Deputy Mayor of Tolvik": an office's territory, though no lexicon knows it.
            match mention
                .entity
                .filter(|_| mention.kind == Some(EntityKind::Place))
            {
                Some(place) => phrase.place = Some(place),
                None => phrase.place_mention = Some(mi),
            }
            phrase.constituency = kind.legislator && c == "for";
            Next::Go(mention.end)
        }
        // "a resident of Oak Street": a street is no body a role is held in. (Not every head of
        // a place: "House", "Court", "Church" and "City" end bodies' names too.)
        (Some(EntityKind::Place), _) if STREET_HEADS.contains(&sent.toks[mention.end - 1].text) => {
            Next::Stop(k)
        }
        _ => {
            // "in" takes a named organisation only ("Permanent Secretary in the
            // Ministry of Water"), never a place or an unknown name.
            let in_org = c == "in" && mention.kind == Some(EntityKind::Organization);
            if phrase.org.is_some() || (c == "in" && !in_org) {
                return Next::Stop(k);
            }
            if let Some(named) = definite_head(r, s, mention) {
                // "Leader of the Delegation": no body of that head was named.
                let Some(id) = named else {
                    return Next::Stop(k);
                };
                phrase.org = Some(id);
            } else if let (Some(EntityKind::Organization), Some(id)) =
                (mention.kind, mention.entity)
            {
                phrase.org = Some(id);
            } else {
                phrase.org_mention = Some(mi);
            }
            // Skip an acronym in brackets: "(HWU)".
            let after = mention.end;
            if sent.is_punct(after, "(") && sent.is_punct(after + 2, ")") {
                Next::Go(after + 3)
            } else {
                Next::Go(after)
            }
        }
    }
}

/// The head words of streets and addresses: general knowledge.
const STREET_HEADS: &[&str] = &[
    "Street",
    "Road",
    "Avenue",
    "Lane",
    "Drive",
    "Boulevard",
    "Terrace",
    "Crescent",
];

/// A preposition that takes no named mention: a subject ("Lecturer in Planning"), the body
/// named before by its head word ("president of the union"), or lowercase words that extend
/// the role ("head of genomics", "cabinet member for adult social care").
pub(super) fn attach_unnamed(
    r: &Reader,
    s: usize,
    phrase: &mut RolePhrase,
    kind: RoleKind,
    at: &Preposition,
) -> Next {
    let sent = &r.sents[s];
    let toks = &sent.toks;
    let (c, k, m) = (at.word, at.k, at.m);
    // "Lecturer in Planning": a subject after "in" that is no known place.
    if c == "in"
        && phrase.org.is_none()
        && toks.get(k + 1).is_some_and(|t| t.is_cap())
        && toks.get(k + 2).is_none_or(|t| !t.is_cap())
        && toks[k + 1].lex.place().is_none()
    {
        phrase.end = k + 2;
        return Next::Go(k + 2);
    }
    // Rule `role-of-the-body`: "president of the union", "treasurer of the society":
    // the organisation named before by that head word, else the report's own.
    // And "a consultant at the hospital", the hospital named before (never the report's
    // own body: `Some(None)` is no place of work).
    if c == "at" && phrase.org.is_none() && sent.is(k + 1, "the") {
        if let Some(Some(id)) = the_body(r, s, m) {
            phrase.org = Some(id);
            return Next::Stop(m + 1);
        }
    }
    if let Some(body) = (phrase.org.is_none() && c == "of" && sent.is(k + 1, "the"))
        .then(|| the_body(r, s, m))
        .flatten()
    {
        match body {
            Some(id) => phrase.org = Some(id),
            None => phrase.self_reference = true,
        }
        return Next::Stop(m + 1);
    }
    // A lowercase extension: "head of genomics", "chair of the supervisory board",
    // "cabinet member for adult social care".
    if phrase.org.is_none() && phrase.place.is_none() && matches!(c, "of" | "for") {
        let mut e = m;
        while e < toks.len()
            && e - m < 4
            && toks[e].kind == Kind::Word
            && !toks[e].is_cap()
            && !is_phrase_break(&toks[e].lower())
        {
            e += 1;
        }
        // Not an article or a time: "treasurer for a third term", "chair for two years".
        let time = toks
            .get(m)
            .is_some_and(|t| matches!(t.lower().as_ref(), "a" | "an" | "another"))
            || toks[m..e].iter().any(|t| {
                matches!(
                    t.lower().as_ref(),
                    "term" | "terms" | "year" | "years" | "months" | "period"
                )
            });
        if e > m && (e > m + 1 || !sent.is(m, "the")) && !time {
            phrase.end = e;
            return Next::Go(e);
        }
        // Capitalised words after a portfolio role that are no organisation.
        if kind.portfolio && toks.get(m).is_some_and(|t| t.is_cap()) && sent.mention_at(m).is_none()
        {
            let mut e = m;
            while e < toks.len()
                && (toks[e].is_cap() || toks[e].is("and"))
                && sent.mention_at(e).is_none()
            {
                e += 1;
            }
            phrase.end = e;
            return Next::Go(e);
        }
    }
    Next::Stop(k)
}

/// "the union" or "the Council" at token `i` (after its "the"), alone: `Some(Some(id))` for
/// the organisation named last before it with that head word, `Some(None)` for a word a report
/// uses of its own organisation, `None` when it is no such word or more words follow ("the
/// union executive").
pub(super) fn the_body(r: &Reader, s: usize, i: usize) -> Option<Option<EntityId>> {
    let sent = &r.sents[s];
    let t = sent.toks.get(i)?;
    if t.kind != Kind::Word || sent.mention_at(i).is_some() {
        return None;
    }
    if sent
        .toks
        .get(i + 1)
        .is_some_and(|n| n.kind == Kind::Word && !is_phrase_break(&n.lower()))
    {
        return None;
    }
    let head = t.lower();
    match org_by_head_before(r, s, i, &head) {
        Some(id) => Some(Some(id)),
        // Capitalised, "the Council" is one named before (rule `definite-capitalised-head`).
        None if t.is_cap() => None,
        None => is_self_reference(r, &head).then_some(None),
    }
}

/// Rule `definite-capitalised-head`: "the Council", "the Union's president", "member of the
/// Committee's board": a head word alone, capitalised after "the", stands for the nearest
/// organisation named before it with that head ("the Northern Council of Delegates"), never a
/// new one. `Some(None)` for such a word when no body of its head was named ("the Leader of
/// the Delegation"), `None` for any other mention.
pub(super) fn definite_head(r: &Reader, s: usize, m: &Mention) -> Option<Option<EntityId>> {
    let sent = &r.sents[s];
    let t = sent.toks.get(m.start)?;
    let alone = m.end == m.start + 1 && m.start >= 1 && sent.is(m.start - 1, "the");
    if !alone
        || !t.is_cap()
        || t.is_acronym()
        || matches!(
            m.kind,
            Some(EntityKind::Person | EntityKind::Place | EntityKind::Event)
        )
        || !t.lex.is_org_head()
    {
        return None;
    }
    Some(org_by_head_before(r, s, m.start, &t.lower()))
}

/// "whose" at token `k` right after an organisation's name and a comma: "organised by X,
/// whose chair A B told the crowd".
pub(super) fn whose_after_org(sent: &Sent, k: usize) -> bool {
    sent.is(k, "whose")
        && k >= 2
        && sent.is_punct(k - 1, ",")
        && sent
            .mention_ending(k - 1)
            .is_some_and(|m| m.kind == Some(EntityKind::Organization))
}

/// The organisation named last before token `pos` of sentence `s`, in it or the sentence
/// before ("its president" refers no further back).
pub(super) fn nearest_org_before(r: &Reader, s: usize, pos: usize) -> Option<EntityId> {
    orgs_before(r, s, pos, 1).next()
}

/// The organisations named before token `pos` of sentence `s`, nearest first, in it and the
/// `back` sentences before it.
pub(super) fn orgs_before<'r>(
    r: &'r Reader<'_>,
    s: usize,
    pos: usize,
    back: usize,
) -> impl Iterator<Item = EntityId> + 'r {
    (s.saturating_sub(back)..=s).rev().flat_map(move |q| {
        r.sents[q]
            .mentions
            .iter()
            .rev()
            .filter(move |o| q < s || o.end <= pos)
            .filter(|o| o.kind == Some(EntityKind::Organization))
            .filter_map(|o| o.entity)
    })
}

/// How many sentences back a head word looks for the nearest body of that head.
pub(super) const HEAD_LOOKBACK: usize = 40;

/// The organisation a head word ("the union", "the Council") stands for at token `pos` of
/// sentence `s`: the nearest one named before it with that head (within `HEAD_LOOKBACK`
/// sentences), else the last one named.
pub(super) fn org_by_head_before(r: &Reader, s: usize, pos: usize, head: &str) -> Option<EntityId> {
    // The nearest within the last few dozen sentences, then the last named anywhere: a
    // walk back to the report's start for every head word is quadratic in long texts.
    // Each body is tested once, however often it is named.
    let head_key = lexicon::key(head);
    let mut tested: Vec<EntityId> = Vec::new();
    orgs_before(r, s, pos, HEAD_LOOKBACK)
        .find(|&id| {
            if tested.contains(&id) {
                return false;
            }
            tested.push(id);
            r.reg.has_head_key(id, &head_key)
        })
        .or_else(|| r.reg.org_by_head(head))
}

/// The body a word for its kind stands for at token `pos`: the nearest named before with
/// that head, else the report's own organisation when it has that head ("union officials").
pub(super) fn body_of_head(r: &Reader, s: usize, pos: usize, head: &str) -> Option<EntityId> {
    org_by_head_before(r, s, pos, head).or_else(|| {
        let head_key = lexicon::key(head);
        r.main_org.filter(|&o| r.reg.has_head_key(o, &head_key))
    })
}

pub(super) fn is_named_org(m: &Mention) -> bool {
    m.kind == Some(EntityKind::Organization)
}

/// Rule `head-word-then-role`: the word for the report's kind of body just before a role
/// that premodifies a name, "union president A B", "the union's president A B", "Union general
/// secretary A B" (capitalised only to open the sentence): the union named before it (not
/// "the Tolvik council leader", a place's council).
pub(super) fn head_word_before(r: &Reader, s: usize, end: usize) -> Option<EntityId> {
    let sent = &r.sents[s];
    let k = end.checked_sub(1)?;
    let t = &sent.toks[k];
    let open = k == 0 || (k == 1 && sent.is(0, "the"));
    let head = t.lower();
    // Not a body of a place or a name: "the Tolvik council leader".
    let named_before = k >= 1 && sent.toks[k - 1].is_cap() && !open;
    if t.kind != Kind::Word
        || (t.is_cap() && !open)
        || t.is_acronym()
        || named_before
        || sent
            .mention_at(k)
            .is_some_and(|m| m.kind.is_some() || m.end > k + 1)
        || !SELF_REFERENCES.contains(&head.as_ref())
    {
        return None;
    }
    body_of_head(r, s, k, &head)
}

/// Words that may qualify a body's office written as a title ("Deputy General Secretary",
/// "Honorary Treasurer", "Chief Executive Officer").
pub(super) const OFFICE_QUALIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "general",
    "executive",
    "honorary",
    "hon",
    "chief",
    "acting",
    "interim",
    "managing",
    "national",
    "international",
    "regional",
    "branch",
    "finance",
    "financial",
    "membership",
    "recording",
    "corresponding",
    "senior",
    "joint",
    "co",
    "founding",
    "former",
    "outgoing",
    "incoming",
    "new",
    "-",
    "the",
];

/// The words before a titled office only qualify it ("Deputy General Secretary"), naming no
/// other body: "County Cooperatives Chief Officer" is an office of the county's, not of the
/// report's organisation.
pub(super) fn qualifies_an_office(words: &[super::tokens::Token]) -> bool {
    words
        .iter()
        .all(|t| OFFICE_QUALIFIERS.contains(&t.lower().as_ref()))
}
