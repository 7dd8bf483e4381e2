//! Names: where the capitalised names of a sentence begin and end (`spans`), and the shapes
//! the typing stages read of them (a person's shape, honorifics, titles before a surname). The
//! entities they name are `registry`'s; what kind each name is, `mentions` and `kinds` say.
//!
//! How English writes names drives the rules: a name is a run of capitalised words, joined across
//! "of", "for", "on", "and" only when the left part is an organisation or event head ("University
//! of X", "Institute for Y", "Fishers and Boatmen Union"); an honorific or a given name
//! marks a person; a head word ("Union", "Council", "Hall", "Summit") marks an organisation, a
//! place or an event. Context settles the rest: "at X", "in X" for places; roles settle
//! organisations later (`roles`).

use super::lexicon::{key, Lexicon};
use super::registry::has_initials;
use super::tokens::{Kind, Token};
use super::verbs;
use crate::model::{EntityId, EntityKind};

/// A name found in a sentence: tokens `start..end`, typed when the rules could tell.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Option<EntityKind>,
    pub entity: Option<EntityId>,
    /// Tokens `hon..start` hold an honorific ("Dr", "Her Excellency").
    pub hon: Option<usize>,
}

/// Units of an organisation known by their number: "Local 27", "Lodge 49".
pub const NUMBERED_UNITS: &[&str] = &["Local", "Lodge", "Branch", "Chapter"];

/// Words that join two capitalised runs into one name when the left run can take them.
const CONNECTORS: &[&str] = &[
    "of", "for", "on", "in", "and", "&", "de", "del", "della", "la", "le", "da", "das", "do",
    "dos", "van", "von", "der", "den", "du", "des", "di", "y", "zu", "für", "al", "el", "bin",
    "ibn", "ter", "ten",
];

/// Name particles that may stand inside a person's name ("Ana de la Cruz", "Ludwig van Beek").
pub(super) const PARTICLES: &[&str] = &[
    "de", "del", "della", "la", "le", "da", "das", "do", "dos", "van", "von", "der", "den", "du",
    "des", "di", "bin", "ibn", "al", "el", "ter", "ten",
];

/// Head words too weak to begin a name joined by "of" ("Energy of Peru" is a minister's
/// portfolio and a country, "Government of Peru" an organisation).
const WEAK_HEADS: &[&str] = &[
    "energy",
    "power",
    "solar",
    "homes",
    "housing",
    "star",
    "news",
    "times",
    "post",
    "care",
    "health",
    "capital",
    "media",
    "press",
    "radio",
    "industries",
    "holdings",
    "partners",
    "systems",
    "technologies",
    "labs",
    "motors",
    "records",
    "books",
    "review",
    "daily",
    "weekly",
    "express",
    "mirror",
    "guardian",
    "herald",
    "gazette",
    "chronicle",
    "tribune",
    "journal",
    "observer",
    "telegraph",
    "magazine",
    "group",
    "services",
    "service",
    "consulting",
    "advisory",
    "ventures",
    "co",
    "inc",
    "ltd",
    "limited",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "sa",
    "state",
    "offices",
];

/// Heads that begin institutions' names before a place: "Government of Peru", "University of
/// Lagos", "Bank of England".
const PREFIX_HEADS: &[&str] = &[
    "government",
    "ministry",
    "university",
    "universidad",
    "université",
    "universität",
    "bank",
    "embassy",
    "consulate",
    "council",
    "parliament",
    "assembly",
    "republic",
    "kingdom",
    "federation",
    "confederation",
    "association",
    "society",
    "institute",
    "church",
    "diocese",
    "archdiocese",
    "office",
    "department",
    "commission",
    "chamber",
    "league",
    "union",
    "museum",
    "friends",
    "board",
    "province",
    "state",
    "city",
    "port",
    "college",
    "school",
    "academy",
    "party",
    "people's",
    "congress",
    "movement",
    "front",
    "alliance",
    "coalition",
    "network",
];

/// A head word too weak to begin a name ("Energy", "Group").
pub fn is_weak_head(word: &str) -> bool {
    WEAK_HEADS.contains(&word.to_lowercase().as_str())
}

/// An initial and its full stop: "M." in "Ana M. Ruiz" and, written together, "P.K." or
/// "R.J.E." (but not an honorific written so: "H.E.").
pub(crate) fn is_initial(toks: &[Token], i: usize, lx: &Lexicon) -> bool {
    // The full stop after it first: most words have none.
    toks.get(i + 1).is_some_and(|t| t.text == ".")
        && toks.get(i).is_some_and(|t| {
            t.is_cap()
                && (t
                .text
                .split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
                // The short forms of Muhammad written before a name: "Md. A B", "Mohd. A B".
                || matches!(t.text, "Md" | "Mohd" | "Muhd"))
                && (!t.text.contains('.')
                    || !(t.lex.is_honorific() || lx.is_honorific(&format!("{}.", t.text))))
        })
}

/// A word in capitals that is also a stopword ("INTO", "WHO") is an acronym when the words
/// around it are not in capitals too (a headline in capitals: "THE UNION WILL FIGHT ON").
fn acronym_spelling_a_stopword(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    t.text.chars().count() >= 3
        && t.is_acronym()
        && !i.checked_sub(1).is_some_and(|p| toks[p].is_acronym())
        && toks
            .get(i + 1)
            .is_some_and(|n| n.is_cap() && !n.is_acronym())
}

/// True when a line break, a tab or a run of spaces separates two tokens: names do not run
/// across lines, nor across the columns of a table or of minutes ("Seconded: A B      CARRIED").
/// A paragraph's soft wrap is no break: one line break after a line as long as a wrapped
/// paragraph's ("… and delegates Ana\nRuiz spoke"), where lists put one short entry a line.
fn line_break_between(text: &str, a: &Token, b: &Token) -> bool {
    let gap = &text[a.end..b.start];
    if gap.contains('\t') || gap.contains("   ") {
        return true;
    }
    gap.contains('\n') && !soft_wrap(text, a.end, gap)
}

/// The shortest line a wrapped paragraph leaves before its soft line break, in characters:
/// shorter lines are a list's or a heading's.
const WRAPPED_LINE: usize = 60;

/// Is `gap`, starting at byte `at`, the one line break of a paragraph wrapped at a fixed width?
fn soft_wrap(text: &str, at: usize, gap: &str) -> bool {
    if gap.trim_matches([' ', '\r']) != "\n" {
        return false;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].chars().count() >= WRAPPED_LINE
}

fn is_connector(t: &Token) -> bool {
    t.kind == Kind::Word && CONNECTORS.contains(&t.text) || t.text == "&"
}

/// A capitalised word that may be part of a name.
fn is_name_word(t: &Token) -> bool {
    t.is_cap() && t.text.chars().any(char::is_alphabetic)
}

/// Finds the spans of capitalised names in a sentence's tokens (untyped): runs of capitalised
/// words, joined where a name goes on across a connector, a possessive or a year, trimmed of
/// the words that open a sentence, and split where a run holds two names (a portfolio and its
/// holder, a title and its holder, a body of a body).
pub fn spans(text: &str, toks: &[Token], lx: &Lexicon) -> Vec<(usize, usize)> {
    let runs = capitalised_runs(text, toks, lx);
    let mut merged = join_to_acronym(toks, joined_runs(text, toks, runs, lx));
    for m in merged.iter_mut() {
        m.1 = number_of_name(toks, *m);
    }
    merged
        .into_iter()
        .filter_map(|span| name_start(toks, span, lx))
        .flat_map(|span| split_at_headline_verb(toks, span, lx))
        .flat_map(|span| split_portfolio(toks, span, lx))
        .flat_map(|span| split_title(toks, span, lx))
        .flat_map(|span| split_nested(toks, span, lx))
        .map(|span| without_own_structure(toks, span))
        .map(|span| without_a_field_after_initials(toks, span))
        .collect()
}

/// Rule `headline-verb-ends-the-body`: a title-case headline capitalises its verb, so the run
/// of capitals goes on past the body that is its subject: "Tolvik Lions Club Installs New
/// Board", "TVWU Holds 21st Congress". A verb of headlines ends the name when the words before
/// it hold a body's head word or initials ("Tolvik Lions Club St Marden South Installs"); what
/// follows the verb is a span of its own.
/// A person's name before the verb ("Ana Ruiz Opens the Fair") ends there too; a surname that
/// is also a verb ("Ana Marks") stays, as a name's second word is never taken for its verb.
fn split_at_headline_verb(
    toks: &[Token],
    (s, e): (usize, usize),
    lx: &Lexicon,
) -> Vec<(usize, usize)> {
    let verb = (s + 1..e).find(|&k| {
        let body = || {
            toks[s..k]
                .iter()
                .any(|t| t.is_acronym() || lx.is_org_head(&t.lower()))
        };
        // Every verb of the list is a present form in "-s": most words are passed unlowered.
        toks[k].is_cap()
            && toks[k].text.ends_with('s')
            && !toks[k].is_acronym()
            && verbs::title_case_headline_verb(&toks[k].lower())
            && (body() || k >= s + 2 && lx.is_given_name(toks[s].text))
    });
    match verb {
        Some(k) if k + 1 < e => vec![(s, k), (k + 1, e)],
        Some(k) => vec![(s, k)],
        None => vec![(s, e)],
    }
}

/// Words for a body's own executive structure, as they end a name after the body's initials.
const OWN_STRUCTURE: &[&[&str]] = &[
    &["National", "Executive", "Committee"],
    &["National", "Executive", "Council"],
    &["Executive", "Committee"],
    &["Executive", "Board"],
    &["Executive", "Council"],
    &["Central", "Committee"],
    &["NEC"],
];

/// Rule `own-structure-after-its`: does the span `a..b` name a body's own executive structure
/// ("National Executive Council", "Executive Board", "NEC", whatever their case) after "its",
/// "our" or "their"? Such a structure is no body of its own: CONVENTIONS leave it unlisted.
pub(crate) fn own_structure_after_its(toks: &[Token], a: usize, b: usize) -> bool {
    let words = &toks[a..b];
    a > 0
        && matches!(toks[a - 1].lower().as_ref(), "its" | "our" | "their")
        && OWN_STRUCTURE.iter().any(|tail| {
            tail.len() == words.len()
                && tail
                    .iter()
                    .zip(words)
                    .all(|(w, t)| t.text.eq_ignore_ascii_case(w))
        })
}

/// Rule `own-structure-of-a-body`: a body's own executive committee or board, written after its
/// initials ("the HWU Executive Committee", "the HWU NEC", "the HWU Velby Executive Board"), is
/// the body: CONVENTIONS leave a body's own executive structure unlisted, and a member of it is
/// a member of the body. The name ends before the structure's words.
fn without_own_structure(toks: &[Token], (s, e): (usize, usize)) -> (usize, usize) {
    if !toks[s].is_acronym() || toks[s].text.chars().count() < 2 {
        return (s, e);
    }
    for tail in OWN_STRUCTURE {
        let n = tail.len();
        if e > s + n
            && toks[e - n..e]
                .iter()
                .zip(tail.iter())
                .all(|(t, w)| t.text.eq_ignore_ascii_case(w))
        {
            return (s, e - n);
        }
    }
    (s, e)
}

/// A body's initials then the field of one of its offices ("head of HWU Political Affairs",
/// "the HWU International Relations secretary"): the body is the initials; the field belongs to
/// the post, as "head of political affairs" of the body.
fn without_a_field_after_initials(toks: &[Token], (s, e): (usize, usize)) -> (usize, usize) {
    // The article that opens a sentence is in the run still.
    let a = if toks[s].is("the") { s + 1 } else { s };
    let field = e - a >= 2
        && toks[a].is_acronym()
        && matches!(toks[e - 1].text, "Affairs" | "Relations")
        && toks[a + 1..e - 1]
            .iter()
            .all(|t| t.is_cap() && !t.is_acronym());
    if field {
        (s, a + 1)
    } else {
        (s, e)
    }
}

/// Runs of capitalised words, over a middle initial ("Ana M. Ruiz") and a paragraph's soft
/// line break; any other line break, or a courtesy that opens with "The", ends one.
fn capitalised_runs(text: &str, toks: &[Token], lx: &Lexicon) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(&toks[i]) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < toks.len()
                && is_name_word(&toks[j])
                && !line_break_between(text, &toks[j - 1], &toks[j])
                && !courtesy_with_article(toks, j, lx)
            {
                j += 1;
            } else if is_initial(toks, j.wrapping_sub(1), lx)
                && j + 1 < toks.len()
                && is_name_word(&toks[j + 1])
            {
                // A middle initial: "Ana M. Ruiz".
                j += 2;
            } else if j < toks.len()
                && toks[j].text == "."
                && matches!(toks[j - 1].text, "St" | "Mt" | "Ft")
                && toks.get(j + 1).is_some_and(|t| {
                    is_name_word(t)
                        && (lx
                            .place(&format!("{}. {}", toks[j - 1].text, t.text))
                            .is_some()
                            || toks
                                .get(j + 2)
                                .is_some_and(|n| is_name_word(n) || n.kind == Kind::Possessive))
                })
            {
                // A place the lexicons know with a saint's or a mountain's abbreviation in its
                // name: "St. Louis", "St. Petersburg" ("St. Mark" is a saint's, or a church's);
                // and a longer name it opens: "St. James Parish Council", "St. Mary's Church".
                j += 2;
            } else {
                break;
            }
        }
        // An abbreviated courtesy at the run's end opens the next name: "the Chairman of the
        // Union Dr. A B" is the union, then Dr A B.
        // Not in an address: "14 Velby Dr. Marden" is a drive.
        let address = i > 0 && toks[i - 1].kind == Kind::Number;
        if j - i >= 2 && !address && courtesy_of_next_name(toks, j - 1) {
            runs.push((i, j - 1));
        } else {
            runs.push((i, j));
        }
        i = j;
    }
    runs
}

/// Is token `k` an abbreviated courtesy ("Dr", "Prof", "Hon") whose full stop, then a name,
/// follows it? Only courtesies of address: "Gen." and "Sr." also open posts ("Gen. Secretary"),
/// and a saint's or a mountain's abbreviation ("St.", "Mt.") belongs to a place's name.
fn courtesy_of_next_name(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    (COURTESY_TITLES.contains(&t.text) || matches!(t.text, "Prof" | "Rev" | "Hon" | "Amb"))
        && toks.get(k + 1).is_some_and(|d| d.text == ".")
        && toks.get(k + 2).is_some_and(is_name_word)
}

/// Joins runs where a name goes on: a list of subjects after a body's "of" or "for", then
/// whatever `run_continues` reads.
fn joined_runs(
    text: &str,
    toks: &[Token],
    runs: Vec<(usize, usize)>,
    lx: &Lexicon,
) -> Vec<(usize, usize)> {
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut swallowed = 0;
    for run in runs {
        if run.1 <= swallowed {
            continue;
        }
        if let Some(last) = merged.last_mut() {
            if let Some(end) = subject_list_end(toks, *last, lx) {
                last.1 = end;
                swallowed = end;
                if run.1 <= end {
                    continue;
                }
            }
            if run_continues(text, toks, *last, run, lx) {
                last.1 = run.1;
                continue;
            }
        }
        merged.push(run);
    }
    merged
}

/// Does `run` go on from the name `last` over the one or two tokens between them: a connector
/// the left run's head takes ("University of X", "Fishers and Boatmen Union"), a possessive
/// inside a name, a year inside a name on one line, two particles ("Ana de la Cruz", "Jan van
/// der Berg"), a connector and "the" ("Church of the Holy Cross"; not "and the", nor an
/// acronym alone after it), or the lowercase words of a known place ("Dar es Salaam")?
fn run_continues(
    text: &str,
    toks: &[Token],
    last: (usize, usize),
    run: (usize, usize),
    lx: &Lexicon,
) -> bool {
    let gap = run.0 - last.1;
    if known_place_over_particles(text, toks, last, run, lx) {
        return true;
    }
    if gap == 1 {
        return is_connector(&toks[last.1]) && joins(toks, last, run, lx)
            || possessive_inside_name(toks, last, run, lx)
            || year_inside_name(toks, last, run, lx)
                && !line_break_between(text, &toks[last.1 - 1], &toks[last.1])
                && !line_break_between(text, &toks[last.1], &toks[run.0]);
    }
    gap == 2
        && (PARTICLES.contains(&toks[last.1].text)
            && PARTICLES.contains(&toks[last.1 + 1].text)
            && joins(toks, last, run, lx)
            || is_connector(&toks[last.1])
                && toks[last.1 + 1].is("the")
                && joins(toks, last, run, lx)
                && !toks[last.1].is("and")
                && !(run.1 - run.0 == 1 && toks[run.0].is_acronym()))
}

/// A place the lexicons know whose name holds lowercase words the connectors do not list:
/// "Dar es Salaam", "Castellón de la Plana" (one or two words between the runs).
fn known_place_over_particles(
    text: &str,
    toks: &[Token],
    last: (usize, usize),
    run: (usize, usize),
    lx: &Lexicon,
) -> bool {
    let gap = run.0 - last.1;
    (1..=2).contains(&gap)
        // English words between two names are what the other joins read ("Ana Ruiz and Tom
        // Hale", "Velby Union in Marden"): asked first, they keep the lookup rare.
        && toks[last.1..run.0]
            .iter()
            .all(|t| t.kind == Kind::Word && !t.is_cap() && !t.lex.is_stopword())
        && lx
            .place(&text[toks[last.0].start..toks[run.1 - 1].end])
            .is_some()
}

/// The end of a name with the number that belongs to it: an event's year ("Conference
/// 2024") or a union local's number ("Local 27", "Lodge 49").
fn number_of_name(toks: &[Token], (_, e): (usize, usize)) -> usize {
    let mut e = e;
    if e < toks.len()
        && toks[e].kind == Kind::Number
        && toks[e].text.len() == 4
        && toks[e - 1].lex.is_event_head()
    {
        e += 1;
    }
    if e < toks.len()
        && toks[e].kind == Kind::Number
        && toks[e].text.bytes().all(|b| b.is_ascii_digit())
        && NUMBERED_UNITS.contains(&toks[e - 1].text)
    {
        e += 1;
    }
    e
}

/// Where the name of a run starts, past the words that open a sentence but are no part of a
/// name: stopwords ("The", "Closing", "On"), a verb of speech before an inverted subject
/// ("Said Ana Ruiz: …"), a connector, the adverb that opens the sentence ("Subsequently Ana
/// Ruiz …"). None when nothing is left.
fn name_start(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Option<(usize, usize)> {
    let mut s = s;
    // An initial is no stopword: "A. Fenn", "I. Okafor"; nor an acronym that spells one
    // ("INTO General Secretary A B", "the WHO Director").
    while s < e && leading_stopword(toks, s, e, lx) {
        s += 1;
    }
    while s + 1 < e && verbs::attributes_speech(&toks[s].lower()) {
        s += 1;
    }
    while s < e && is_connector(&toks[s]) {
        s += 1;
    }
    if s == 0
        && e >= 3
        && toks[0].text.len() > 4
        && toks[0].text.ends_with("ly")
        && !toks[0].lex.is_given_name()
        && toks[1].lex.is_given_name()
    {
        s += 1;
    }
    (s < e).then_some((s, e))
}

/// A courtesy that opens with "The", inside a run of capitals, begins the next name: "…
/// Church of Canada The Most Rev A B", "… Council The Hon. A B".
fn courtesy_with_article(toks: &[Token], j: usize, lx: &Lexicon) -> bool {
    toks[j].text == "The"
        && toks[j].lex.starts_honorific()
        && one_leading_honorific(toks, (j, toks.len()), lx) > 0
}

/// Rule `acronym-spans-name`: a short form in brackets after a name spells the whole of it, so
/// runs that the connector rules left apart join when their capitals spell it: "the Tolvik
/// Council for the Promotion of International Trade (TCPIT)", "the Tolvik Chamber of Commerce
/// and Industry (TCCI)". Up to three runs to the left, over connectors and "the" only.
fn join_to_acronym(toks: &[Token], runs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let spelled = |s: usize, e: usize, acronym: &str| {
        // "The" opening a sentence is in the run still.
        let s = if toks[s].is("the") { s + 1 } else { s };
        let words: Vec<&str> = toks[s..e].iter().map(|t| t.text).collect();
        has_initials(&words.join(" "), acronym)
    };
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
    for run in runs {
        out.push(run);
        let (s, e) = run;
        let bracketed = toks.get(e).is_some_and(|t| t.text == "(")
            && toks.get(e + 1).is_some_and(Token::is_acronym)
            && toks.get(e + 2).is_some_and(|t| t.text == ")");
        if !bracketed || spelled(s, e, toks[e + 1].text) {
            continue;
        }
        let acronym = toks[e + 1].text;
        let mut start = s;
        for k in (out.len().saturating_sub(4)..out.len() - 1).rev() {
            let gap = &toks[out[k].1..start];
            if gap.is_empty()
                || gap.len() > 2
                || !gap.iter().all(|t| is_connector(t) || t.is("the"))
            {
                break;
            }
            start = out[k].0;
            if spelled(start, e, acronym) {
                out.truncate(k);
                out.push((start, e));
                break;
            }
        }
    }
    out
}

/// Is token `s` of the run `s..e` a stopword to cut from its front? Not a given name, an
/// initial ("A. Fenn"), an acronym that spells one ("INTO General Secretary A B"), nor a
/// plural word for people before a head ("the Workers Party").
/// Rule `newspaper-title`: a time word that opens a newspaper's title ("the Morning Echo",
/// "the Sunday Journal", "the Daily Record") is the title's first word, not a stopword; after
/// "the" only: "on Sunday Journal Square was shut" names no newspaper.
fn newspaper_title(toks: &[Token], s: usize, e: usize) -> bool {
    const MEDIA_HEADS: &[&str] = &[
        "Star",
        "Standard",
        "Times",
        "Post",
        "Mail",
        "Telegraph",
        "Express",
        "Herald",
        "Independent",
        "Observer",
        "Tribune",
        "Gazette",
        "Chronicle",
        "Record",
        "Echo",
        "Journal",
        "News",
        "Nation",
    ];
    s + 2 == e
        && s > 0
        && toks[s - 1].is("the")
        && matches!(
            toks[s].text,
            "Morning" | "Evening" | "Sunday" | "Daily" | "Weekly"
        )
        && MEDIA_HEADS.contains(&toks[s + 1].text)
}

fn leading_stopword(toks: &[Token], s: usize, e: usize, lx: &Lexicon) -> bool {
    let keep = toks[s].lex.is_given_name()
        || (e - s >= 2 && follows_courtesy(toks, s))
        || (is_initial(toks, s, lx) && s + 2 < e)
        || acronym_spelling_a_stopword(toks, s)
        || people_before_head(toks, s, e, lx)
        || newspaper_title(toks, s, e);
    // "the Chicago-based Tolvik Club": where a body is based describes it; the name follows.
    let based = s + 1 < e && {
        let w = toks[s].text;
        w.len() > 6
            && w.get(w.len() - 6..)
                .is_some_and(|t| t.eq_ignore_ascii_case("-based"))
    };
    // "Former Brantex Union president A B", "Outgoing Velby Mayor C D": a word of tenure
    // before a name belongs to the post (the role rules read it), not to the name; after an
    // article it is the name's own ("the Former Miners' Association").
    let tenure = s + 1 < e
        && toks[s].is_cap()
        && (s == 0 || !matches!(toks[s - 1].lower().as_ref(), "the" | "a" | "an"))
        && matches!(
            toks[s].lower().as_ref(),
            "former" | "outgoing" | "incoming" | "retiring"
        );
    // "City Councillors A B and C D", "County Commissioners A B and C D": a tier before a
    // title in the plural goes with the title.
    let tier = toks[s].is_cap()
        && is_tier_of_government(&toks[s].lower())
        && plural_title(toks, s + 1, e, lx);
    // "Council Members A B, C D and E F", "Board Members A B and C D": the body's word before
    // a plural title makes one post of two words ("Council Member").
    let body_post = toks[s].is_cap()
        && plural_title(toks, s + 1, e, lx)
        && singular_noun(toks[s + 1].text)
            .is_some_and(|one| lx.is_role(&format!("{} {one}", toks[s].text)));
    based
        || tenure
        || tier
        || body_post
        || plural_title(toks, s, e, lx)
        || toks[s].lex.is_stopword() && !keep
}

/// A title in the plural before the first of a list of names: "Congressmen A B, C D and E F",
/// "Councillors A B and C D". It is no part of the first name.
fn plural_title(toks: &[Token], s: usize, e: usize, lx: &Lexicon) -> bool {
    let plural = |w: &str| w.ends_with('s') || w.ends_with("men");
    if e < s + 3 || !toks[s].is_cap() || !plural(toks[s].text) {
        return false;
    }
    toks[s + 1].lex.is_given_name() && role_in_plural(toks[s].text, lx).is_some()
}

/// The singular of a post written in the plural, in the case it is written: "Congressmen" →
/// "Congressman", "Ministers" → "Minister"; None for a word that is no post in the plural.
pub(crate) fn role_in_plural(word: &str, lx: &Lexicon) -> Option<String> {
    singular_noun(word).filter(|singular| lx.is_role(singular))
}

/// The singular of a noun in the plural, in the case it is written: "Congressmen" →
/// "Congressman", "deputies" → "deputy", "Senators" → "Senator"; None for a word that reads
/// as no plural ("address", "Chair").
pub(crate) fn singular_noun(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("men") {
        Some(format!("{stem}man"))
    } else if let Some(stem) = word.strip_suffix("ies") {
        Some(format!("{stem}y"))
    } else {
        word.strip_suffix('s')
            .filter(|st| !st.ends_with('s'))
            .map(str::to_owned)
    }
}

/// A plural word for people that the stopwords list as a sentence's opener, before an
/// organisation's head in the same name, is the name's own: "the Workers Party", "the
/// Teachers Union" (a role or occupation in the plural).
fn people_before_head(toks: &[Token], s: usize, e: usize, lx: &Lexicon) -> bool {
    let t = toks[s].text;
    s + 1 < e
        && toks[s + 1].lex.is_org_head()
        && (plural_of_people(t, lx) || t.eq_ignore_ascii_case("workers"))
}

/// A plural of a role or occupation: "Delegates", "Officials", "Teachers".
fn plural_of_people(word: &str, lx: &Lexicon) -> bool {
    word.strip_suffix('s')
        .is_some_and(|one| lx.is_role(one) || lx.is_occupation(one))
}

/// Rule `year-inside-name`: a games' or festival's year between the capitalised words of one
/// name, "the Oslo 2032 Winter Games Organising Committee", "the Oslo 2032 Winter
/// Games Organising Committee": the year joins a run of one to three words (no stopword, so "In
/// 2024 Union members" and "March 2024" stay apart) to a run that ends in an organisation's head.
/// The games themselves stay a place and an event ("Oslo 2032 Winter Games").
fn year_inside_name(
    toks: &[Token],
    left: (usize, usize),
    right: (usize, usize),
    lx: &Lexicon,
) -> bool {
    let year = &toks[left.1];
    let is_year = year.kind == Kind::Number
        && year.text.len() == 4
        && (year.text.starts_with("19") || year.text.starts_with("20"));
    let last = toks[right.1 - 1].text;
    // Past a leading "The", cut from the front later.
    let Some(a) = (left.0..left.1).find(|&a| !toks[a].lex.is_stopword()) else {
        return false;
    };
    is_year
        && left.1 - a <= 3
        && !toks[a..left.1]
            .iter()
            .any(|t| t.lex.is_stopword() || t.is_acronym())
        && lx.is_org_head(last)
        // "Annual Conference 2025": the year ends an event's name.
        && !toks[left.1 - 1].lex.is_event_head()
}

/// Rule `subject-list-in-name`: a body "of" or "for" subjects joined by commas and "and" is one
/// name: "Ministry of Water and Sanitation", "Office for Standards and Accountability",
/// "Department for Environment, Food and Rural Affairs", "Federation of Clerical, Technical and
/// Allied Staff". The left run must begin with an organisation's head word and hold its "of" or
/// "for"; each subject is one to three capitalised words, none a given name, a place or an
/// acronym, and the last ends in a word of a subject ("Welfare", "Prevention", "Affairs"), so
/// that "the Ministry of Water and Brightwater Aid" stays two names. Returns the end of the whole name.
fn subject_list_end(toks: &[Token], left: (usize, usize), lx: &Lexicon) -> Option<usize> {
    // Past a leading "The": the stopwords are cut from the front later.
    let a = (left.0..left.1).find(|&a| !toks[a].lex.is_stopword())?;
    let first = toks[a].text;
    if !lx.is_org_head(first)
        || is_weak_head(first)
        || !toks[left.0..left.1]
            .iter()
            .any(|t| t.is("of") || t.is("for"))
    {
        return None;
    }
    let role = |t: &Token| t.lex.is_role_word() || lx.is_role_word(t.text.trim_end_matches('s'));
    if toks[a..left.1].iter().any(role) {
        return None;
    }
    // One subject: capitalised words from `k`, returns its end.
    let subject = |k: usize| -> Option<usize> {
        let mut e = k;
        while e < toks.len() && e - k < 3 && is_name_word(&toks[e]) {
            e += 1;
        }
        let words = &toks[k..e];
        let bad = |t: &Token| {
            t.is_acronym()
                || t.lex.is_given_name()
                || t.lex.place().is_some()
                || t.lex.is_honorific()
                || role(t)
        };
        (e > k && !words.iter().any(bad)).then_some(e)
    };
    let mut k = left.1;
    while toks.get(k).is_some_and(|t| t.text == ",") {
        k = subject(k + 1)?;
    }
    if !toks.get(k).is_some_and(|t| t.is("and")) {
        return None;
    }
    let end = subject(k + 1)?;
    if toks.get(end).is_some_and(is_name_word) || !is_subject_word(toks[end - 1].text) {
        return None;
    }
    Some(end)
}

/// A capitalised word that names a subject or a field rather than a proprietor: by its ending
/// ("Prevention", "Employment", "Welfare", "Services") or one of the short subjects of
/// ministries and unions ("Affairs", "Sport", "Trade", "Staff").
pub(crate) fn is_subject_word(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ure", "ing", "ism", "ics", "ogy",
        "ship", "fare", "ices", "ies", "ry",
    ];
    const SUBJECTS: &[&str] = &[
        "affairs",
        "policy",
        "peace",
        "freedom",
        "democracy",
        "rights",
        "dialogue",
        "arts",
        "sport",
        "sports",
        "trade",
        "trades",
        "staff",
        "workers",
        "employees",
        "health",
        "energy",
        "water",
        "works",
        "youth",
        "women",
        "children",
        "family",
        "justice",
        "labour",
        "labor",
        "tourism",
        "transport",
        "housing",
        "media",
        "culture",
        "heritage",
        "environment",
        "finance",
        "commerce",
        "science",
        "research",
        "mines",
        "land",
        "lands",
        "food",
        "safety",
        "security",
        "defence",
        "defense",
        "planning",
        "welfare",
        "wildlife",
        "climate",
        "control",
        // A field's adjective, as portfolios write them: "Foreign Affairs", "Home Affairs",
        // "Rural Development", "Public Works", "Social Welfare", "Higher Education".
        "foreign",
        "home",
        "internal",
        "external",
        "public",
        "social",
        "rural",
        "urban",
        "higher",
        "natural",
        "human",
        "civil",
    ];
    let w = word.to_lowercase();
    SUBJECTS.contains(&w.as_str()) || ENDINGS.iter().any(|e| w.ends_with(e))
}

/// A portfolio run into the name of its holder: "Minister for Technology Ana Ruiz", "Secretary
/// of State for Health Tom Hale", "Minister of Foreign Affairs of Norway A B", "Secretary
/// General of the X Organization A B", "Ambassador to Chile A B": after a role and the
/// "for"/"of"/"to" words of its portfolio, a given name with one or two capitalised words after
/// it starts the person, and so do the last two or three capitalised words after a known place
/// or after words of the portfolio's field ("and Training A B").
fn split_portfolio(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Vec<(usize, usize)> {
    // A run that begins with a given name is its holder's name already ("…, Barry Hale TD").
    if toks[s].lex.is_given_name() || is_initial(toks, s, lx) || !after_portfolio_role(toks, s, lx)
    {
        return vec![(s, e)];
    }
    let capitalised = |t: &Token| t.is_cap() && !t.is_acronym();
    // Not after "of" or "the": "… of the Lena Brask Foundation" names no holder.
    let by_given_name = (s + 1..e).find(|&i| {
        toks[i].lex.is_given_name()
            && !toks[i - 1].is("the")
            && !toks[i - 1].is("of")
            && (2..=3).contains(&(e - i))
            && toks[i..e].iter().all(capitalised)
    });
    let after_place = || {
        (s + 1..e).find(|&i| {
            (2..=3).contains(&(e - i))
                && person_shaped(toks, i, e, lx)
                && (s..i).any(|j| {
                    let words: Vec<&str> = toks[j..i].iter().map(|t| t.text).collect();
                    lx.place(&words.join(" ")).is_some()
                })
        })
    };
    // "… and Training Brix Malonde": after the portfolio's own field words, the two or three
    // person-shaped words that remain.
    let after_fields = || {
        (s + 1..e).find(|&i| {
            (2..=3).contains(&(e - i))
                && toks[s..i].iter().all(|t| is_subject_word(t.text))
                && !is_subject_word(toks[i].text)
                && person_shaped(toks, i, e, lx)
        })
    };
    match by_given_name.or_else(after_place).or_else(after_fields) {
        Some(i) => vec![(s, i), (i, e)],
        None => vec![(s, e)],
    }
}

/// Does the run at `s` continue a role's portfolio: a role (or a capitalised one in the
/// plural: "Ministers of State A B and C D"), then "for"/"of"/"to", then only capitalised
/// words, "and", commas, "of", "for", "the" up to `s`?
pub(crate) fn after_portfolio_role(toks: &[Token], s: usize, lx: &Lexicon) -> bool {
    let plural_post =
        |t: &Token| t.is_cap() && t.text.len() > 3 && role_in_plural(t.text, lx).is_some();
    let mut q = s;
    while q > 0 && s - q < 14 {
        let t = &toks[q - 1];
        let joins_portfolio = t.is("for") || t.is("of") || t.is("to");
        if joins_portfolio && q >= 2 && (toks[q - 2].lex.is_role() || plural_post(&toks[q - 2])) {
            return true;
        }
        if !(t.is_cap() || joins_portfolio || t.is("and") || t.is("the") || t.text == ",") {
            return false;
        }
        q -= 1;
    }
    false
}

/// Rule `organisation-of-the-organisation`: "the Tolvik Office of the Harbour Workers' Foundation",
/// "the Tolvik Rights Commission of the Federation of Harbour Pilots": a body of another body
/// is two names, each an organisation (the role rules read "of the" between them). Only when
/// both sides end in an organisation head word, the left has two words or more, and the right
/// ends in no event head ("the Standing Committee of the Congress" stays one).
fn split_nested(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Vec<(usize, usize)> {
    if let Some(k) = numbered_gathering_of_body(toks, (s, e)) {
        return vec![(s, k), (k + 2, e)];
    }
    let Some(k) = (s + 2..e.saturating_sub(2))
        .find(|&k| toks[k].is("of") && toks[k + 1].is("the") && toks[k - 1].lex.is_org_head())
    else {
        return vec![(s, e)];
    };
    let right_last = toks[e - 1].text;
    if !lx.is_org_head(right_last) || lx.is_event_head(right_last) || e - (k + 2) < 2 {
        return vec![(s, e)];
    }
    vec![(s, k), (k + 2, e)]
}

/// Rule `numbered-gathering-of-body`: a numbered gathering "of the" body that holds it, "the
/// 20th National Congress of the Workers' Party of Norland", "the 3rd Conference of the
/// Harbour League": two names, the gathering (an event, by its number) and the body. A meeting
/// needs no number ("the Annual General Meeting of the Tolvik Masters Association"): no body
/// is named "Meeting of …", where "Congress of …" or "Assembly of …" may be one. Returns the
/// index of "of".
fn numbered_gathering_of_body(toks: &[Token], (s, e): (usize, usize)) -> Option<usize> {
    // "the 20th National Congress of the …", "the Nineteenth National Congress of the …".
    let numbered = toks[s].is_ordinal()
        || s >= 1 && (toks[s - 1].is_ordinal() || toks[s - 1].kind == Kind::Number);
    let k = (s + 1..e.saturating_sub(2)).find(|&k| toks[k].is("of") && toks[k + 1].is("the"))?;
    let gathering = match toks[k - 1].lower().as_ref() {
        "meeting" => true,
        "congress" | "conference" | "convention" | "assembly" | "plenum" | "session" | "summit" => {
            numbered
        }
        _ => false,
    };
    if !gathering {
        return None;
    }
    let body = toks[k + 2..e].iter().any(|t| {
        matches!(
            t.lower().as_ref(),
            "party" | "league" | "union" | "federation" | "association" | "church" | "society"
        )
    }) || (toks[e - 1].lex.is_org_head() && !toks[e - 1].lex.is_event_head());
    body.then_some(k)
}

/// Rule `possessive-inside-name`: a possessive inside an organisation's name. The left run
/// ends with a word for a class of people, the right run with an organisation's head, or a
/// state's ("the People's Republic"): an irregular plural ("the Westport Women's Cooperative",
/// "the People's Alliance") or an occupation or life situation ("the Farmer's Credit Union",
/// "the Citizen's Housing Board"). A person's or a place's possessive ("Ana Ruiz's Housing
/// Trust", "Tolvik's Housing Board") stays outside the name. A saint's or a monarch's stays
/// inside, before an institution's or a place's head: "St Tomas's College", "Saint Ana's
/// Church", "King's College", "Queen's University".
fn possessive_inside_name(
    toks: &[Token],
    left: (usize, usize),
    right: (usize, usize),
    lx: &Lexicon,
) -> bool {
    // The token kind first: this is asked of every two runs with one token between them.
    if toks[left.1].kind != Kind::Possessive {
        return false;
    }
    let owner = toks[left.1 - 1].text;
    let class_of_people = matches!(owner, "Women" | "Men" | "Children" | "People" | "Peoples")
        || lx.is_occupation(owner);
    let head = toks[right.1 - 1].lex;
    if class_of_people && (head.is_org_head() || toks[right.1 - 1].text == "Republic") {
        return true;
    }
    // "St Tomas's", "Saint Ana's": the saint's name alone after the word; "King's College",
    // "Queen's University", "Prince's Trust": a monarch's, the word alone.
    // The article that opens a sentence is in the run still: "The Prince's Trust".
    let from = if toks[left.0].is("the") {
        left.0 + 1
    } else {
        left.0
    };
    // "St. Tomas's": the abbreviation's full stop is a token of its own.
    let dotted = left.1 - from == 3 && toks[from + 1].text == ".";
    let saint = (left.1 - from == 2 || dotted) && matches!(toks[from].text, "St" | "Saint" | "Ste");
    let monarch = left.1 - from == 1
        && matches!(
            owner,
            "King" | "Queen" | "Prince" | "Princess" | "Emperor" | "Duke"
        );
    // The head may stand before a place that ends the name: "King's College London".
    (saint || monarch)
        && toks[right.0..right.1]
            .iter()
            .any(|t| t.lex.is_org_head() || t.lex.is_place_head())
}

/// Rule `place-then-office`: a known place before an office, with no name after it in the
/// run: "the New Zealand Minister of Education", "Kenya Finance Minister". The place is a span
/// of its own (the office's territory); the office's words are left to the role rules. Returns
/// where the place ends.
fn place_then_office(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Option<usize> {
    let longest = lx.max_place_words.min(e - s - 1);
    (1..=longest).rev().map(|n| s + n).find(|&p| {
        let office = toks[p].is_cap()
            && !toks[p].is_acronym()
            && (toks[p].lex.is_role() || is_scope_of_a_post(toks[p].text))
            && toks[p..e].iter().any(|t| t.lex.is_role())
            && !toks[p..e].iter().any(|t| t.lex.is_given_name());
        // The place's words are joined only for a run that holds an office (every run of
        // every sentence comes here).
        office && {
            let words: Vec<&str> = toks[s..p].iter().map(|t| t.text).collect();
            lx.place(&words.join(" ")).is_some()
        }
    })
}

/// A role-lexicon entry that starts at token `k` and ends past the capitalised run's end `e`
/// ("Ambassador Extraordinary and Plenipotentiary", where the run stops at "and").
fn role_runs_past(toks: &[Token], k: usize, e: usize, lx: &Lexicon) -> bool {
    (e + 1..=(k + 6).min(toks.len())).any(|end| {
        let words: Vec<&str> = toks[k..end].iter().map(|t| t.text).collect();
        lx.is_role(&words.join(" "))
    })
}

/// Rule `title-run-split`: a capitalised title fused with a name ("HWU General Secretary Jane
/// Doe", "Russian President Ivan Orlov", "Union President Sir Ian Poe", "Prime Minister Ana
/// Ruiz") is three things: the organisation or demonym before the role (a span of its own),
/// the role (no span: the role rules read it as a premodifier) and the person (a span of its
/// own). Only the last role word of the run splits it, and only when a person-shaped name
/// follows it: an honorific, a given name, or two or more capitalised words.
fn split_title(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Vec<(usize, usize)> {
    if let Some(k) = body_then_name(toks, (s, e), lx) {
        return vec![(s, k), (k, e)];
    }
    // A role, then the acronym of its organisation: "Patron HWU", "Life Member HWU"; the
    // acronym is a span, the role words are left to the role rules.
    if e - s >= 2 && toks[e - 1].is_acronym() && !toks[e - 1].lex.is_role() {
        let role: Vec<&str> = toks[s..e - 1].iter().map(|t| t.text).collect();
        if lx.is_role(&role.join(" ")) {
            return vec![(e - 1, e)];
        }
    }
    if let Some(k) = name_then_post(toks, (s, e), lx) {
        return vec![(s, k)];
    }
    // An organisation fused with a role and no name after: "HWU President", "Acme Union
    // General Secretary": the organisation alone is a span; the role words are left for the
    // role rules to read.
    if let Some(r) = fused_organisation(toks, (s, e), lx) {
        return vec![(s, r)];
    }
    if let Some(p) = place_then_office(toks, (s, e), lx) {
        return vec![(s, p)];
    }
    let Some(k) = (s..e.saturating_sub(1)).rev().find(|&k| {
        // A role's possessive inside the name is no post: "King's College". A courtesy after
        // an honorific is no post either: "Cllr Ms Mia Roth" ("MS" is also a legislator's).
        // Nor a councillor's courtesy before one: "Councillor Ms Kari Lund".
        let is_courtesy = |t: &Token| COURTESY_TITLES.contains(&t.text.trim_end_matches('.'));
        let courtesy = k > s && toks[k - 1].lex.is_honorific() && is_courtesy(&toks[k]);
        let councillor = is_councillor_courtesy(toks[k].text) && is_courtesy(&toks[k + 1]);
        toks[k].lex.is_role()
            && !courtesy
            && !councillor
            && !is_initial(toks, k, lx)
            && toks[k + 1].kind != Kind::Possessive
    }) else {
        return vec![(s, e)];
    };
    // A courtesy that is also a post starts the name after a role: "University of Leeds
    // Vice-Chancellor Professor A B" (the role is "Vice-Chancellor", the person "Professor A B").
    let k = if k > s && toks[k].lex.is_honorific() && toks[k - 1].lex.is_role() {
        k - 1
    } else {
        k
    };
    // "Mayor Pro Tem A B", "President Pro Tempore A B": the Latin goes with the post.
    let pro_tem = toks.get(k + 1).is_some_and(|t| t.text == "Pro")
        && toks
            .get(k + 2)
            .is_some_and(|t| matches!(t.text, "Tem" | "Tempore" | "tem" | "tempore"));
    let k = if pro_tem && k + 3 < e { k + 2 } else { k };
    let tail = k + 1;
    // The role goes on past the run, over "and": "Ambassador Extraordinary and
    // Plenipotentiary" holds no name.
    if role_runs_past(toks, k, e, lx) {
        return Vec::new();
    }
    // "Queen Maren Hospital": a royal's title in the name of a place or body.
    if k == s && names_a_place_after_a_royal(toks, (s, e)) {
        return vec![(s, e)];
    }
    // A given name may take a surname that is also a head word ("Tom Bay", "Ann Hill").
    let capitalised = |t: &Token| t.is_cap() && !t.is_acronym();
    // Words of the name, not counting the full stops of its initials: "K. P. Ana Ruiz" has four.
    let words_after = toks[tail..e].iter().filter(|t| t.text != ".").count();
    let name_after = toks[tail].lex.is_honorific()
        || (toks[tail].lex.is_given_name()
            && e - tail <= 3
            && toks[tail..e].iter().all(capitalised))
        || ((2..=4).contains(&words_after) && person_shaped(toks, tail, e, lx))
        || titled_surname(toks, (s, e), k, lx);
    if !name_after {
        return vec![(s, e)];
    }
    // The role's first word: "General Secretary", "Chief Executive Officer", and the words
    // for its scope or rank before it ("Regional Representative", "Senior Country Director").
    let mut r = k;
    while r > s {
        let words: Vec<&str> = toks[r - 1..=k].iter().map(|t| t.text).collect();
        // A modifier of rank or tenure goes with the post: "Immediate Past District Governor".
        let modifier = toks[r - 1].is_cap() && toks[r - 1].lex.is_role_modifier();
        if !(lx.is_role(&words.join(" "))
            || r - 1 > s && is_scope_of_a_post(toks[r - 1].text)
            || modifier)
        {
            break;
        }
        if county_before_office(toks, (s, r - 1)) || head_ends_the_body(toks, s, r - 1) {
            break;
        }
        r -= 1;
    }
    let mut out = Vec::with_capacity(2);
    if r > s {
        // What stands before the role may itself be an organisation fused with the role's
        // first words ("Tolvik University Vice-Chancellor Professor A B"), or an acronym and
        // the role's modifiers ("HWU Global CEO A B": the role is "Global CEO").
        let end = fused_organisation(toks, (s, r), lx).unwrap_or(r);
        let end = if toks[s].is_acronym() && end - s >= 2 && !toks[end - 1].lex.is_org_head() {
            s + 1
        } else {
            end
        };
        out.push((s, end));
    }
    out.push((tail, e));
    out
}

/// Rule `body-then-name`: a body's name, its head word last, then a person's name with no
/// comma between, as releases write a post's body before its holder: "Director, Velby Trade
/// Academy Ana Ruiz", "Director of Harbour Affairs of the Ministry Tom Hale". The person is a
/// given name and a surname (one or two words more), nothing else in capitals after them. A
/// head alone before the name must follow "the": "Foundation A B" is a body named for A B.
fn body_then_name(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Option<usize> {
    // Heads of bodies named for a person: "the Fondation Ida Falk", "the Kari Lund
    // Memorial Trust".
    let named_for = |t: &Token| {
        matches!(
            t.lower().as_ref(),
            "foundation"
                | "fondation"
                | "fundación"
                | "fundacion"
                | "fundação"
                | "fondazione"
                | "stiftung"
                | "fund"
                | "trust"
                | "memorial"
                | "prize"
                | "award"
                | "scholarship"
        )
    };
    let k = (s + 1..e.saturating_sub(1)).find(|&k| {
        toks[k - 1].lex.is_org_head()
            && !toks[k - 1].is_acronym()
            && !named_for(&toks[k - 1])
            && toks[k].lex.is_given_name()
            && !toks[k].lex.is_org_head()
            && !toks[k].lex.is_role()
    })?;
    // A head alone opens a body named for a person: "Fondation Ida Falk" (but "the
    // Ministry Tom Hale" is the ministry's Tom Hale).
    let the_before = s >= 1 && toks[s - 1].is("the");
    if k - s < 2 && !the_before {
        return None;
    }
    let words = toks[k..e].iter().filter(|t| t.text != ".").count();
    let person = (2..=3).contains(&words)
        && toks[k..e]
            .iter()
            .all(|t| t.is_cap() && !t.is_acronym() || t.text == ".")
        && !toks[k + 1..e]
            .iter()
            .any(|t| t.lex.is_org_head() || t.lex.place().is_some())
        && person_shaped(toks, k, e, lx);
    person.then_some(k)
}

/// Rule `head-ends-the-body`: a post that opens with an organisation's head word ("party
/// chairman", "council member") leaves that word to the name before it when one stands there:
/// "Velby Marden Party Chairman A B" is the chairman of the Velby Marden Party, not the
/// "Party Chairman" of a "Velby Marden". Not a head that is also a post's rank or scope ("TVWU
/// International President", "Executive Director"), nor a programme, which is a unit inside a
/// body ("the X Africa Program Coordinator").
fn head_ends_the_body(toks: &[Token], s: usize, head: usize) -> bool {
    let word = toks[head].text;
    head > s
        && toks[head].lex.is_org_head()
        && !toks[head].lex.is_role_modifier()
        && !toks[head].lex.is_role_word()
        && !is_scope_of_a_post(word)
        && !matches!(word, "Program" | "Programme" | "Programs" | "Programmes")
        && !toks[head - 1].lex.is_role_word()
        && !toks[head - 1].lex.is_role_modifier()
        && !toks[head - 1].lex.is_stopword()
}

/// Rule `name-then-post`: a name run into the post after it, as lists of officers write them
/// ("Lena Vik Treasurer and Tom Hale Secretary", "Ana Ruiz Membership Chair"): a given name
/// and a surname, then a post. The name ends where the post begins; the role rules read the
/// post.
fn name_then_post(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Option<usize> {
    // After a courtesy, the name may be initials and a surname, as minutes write it: "Mr D
    // Berg Clerk to the Council", "Mrs E J Lind Assistant Clerk".
    let courtesy = COURTESY_TITLES.contains(&toks[s].text.trim_end_matches('.'));
    let mut h = s + usize::from(courtesy);
    let mut initials = 0;
    while courtesy && h < e && initials < 3 && is_single_capital(&toks[h]) {
        h += 1;
        initials += 1;
    }
    if initials > 0 {
        // The surname, then the post.
        let k = h + 1;
        let surname = h < e && toks[h].is_cap() && !toks[h].lex.is_role_word();
        let post = k < e
            && (lx.is_role(&span_words(toks, k, e))
                || e - k <= 3
                    && toks[e - 1].lex.is_role()
                    && toks[k..e].iter().all(|t| t.is_cap()));
        return (surname && post && !toks[h].is_acronym()).then_some(k);
    }
    let s = h;
    if e < s + 3 || !toks[s].lex.is_given_name() || toks[s].lex.is_honorific() {
        return None;
    }
    let text = |a: usize, b: usize| {
        toks[a..b]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    // A run that ends in "Fellow" is left whole: a fellowship named for someone is an honour,
    // not a post ("a Mia Roth Fellow").
    if matches!(toks[e - 1].text, "Fellow" | "Fellows") || lx.is_role_modifier(toks[s].text) {
        return None;
    }
    let name_word = |t: &Token| {
        t.is_cap()
            && !t.is_acronym()
            && !t.lex.is_role_word()
            && !t.lex.is_org_head()
            && !t.lex.is_place_head()
            && !t.lex.is_event_head()
            && t.lex.place().is_none()
            && !is_subject_word(t.text)
    };
    // The post: a post of the lexicons after a name of two or three words; or after two, up
    // to three capitalised words that end in one ("Membership Chair").
    let named = |k: usize| toks[s + 1..k].iter().all(name_word);
    // The words before the post's last name no body or place: "Ana Ruiz HWU President" is
    // left to the title rules, which keep the organisation.
    let post_words = |k: usize| {
        toks[k..e - 1].iter().all(|t| {
            !t.is_acronym()
                && !t.lex.is_org_head()
                && !t.lex.is_place_head()
                && t.lex.place().is_none()
        })
    };
    (s + 2..=(s + 3).min(e - 1))
        .find(|&k| lx.is_role(&text(k, e)) && named(k))
        .or_else(|| {
            let k = s + 2;
            (e - k <= 3 && toks[e - 1].lex.is_role() && named(k) && post_words(k)).then_some(k)
        })
}

/// A capital letter alone, an initial written without its stop: "D" in "Mr D Berg".
fn is_single_capital(t: &Token) -> bool {
    t.text.len() == 1 && t.text.chars().all(|c| c.is_ascii_uppercase())
}

/// The words of tokens `a..b`, joined by spaces.
fn span_words(toks: &[Token], a: usize, b: usize) -> String {
    toks[a..b]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rule `county-before-office`: "Marden County Commissioner A B", "Tolvik District Judge A B":
/// an area word (County, District, Province, Borough, Parish) after capitalised words that are
/// no organisation (no acronym, head word or office among them) ends a place's name, the
/// office's territory, instead of scoping the post ("HWU County Organiser A B" keeps it).
/// `(s, at)`: the words before the area word and where it stands.
fn county_before_office(toks: &[Token], (s, at): (usize, usize)) -> bool {
    matches!(
        toks[at].text,
        "County" | "District" | "Province" | "Borough" | "Parish"
    ) && at > s
        && toks[s..at].iter().all(|t| {
            t.is_cap()
                && !t.is_acronym()
                && !t.lex.is_org_head()
                && !t.lex.is_role()
                && !t.lex.is_role_modifier()
                && !is_scope_of_a_post(t.text)
        })
}

/// Words that say the scope or rank of a post before its name, capitalised in titles:
/// "Velcor Regional Representative", "HWU Provincial Organiser", "Acme Country Director".
pub(crate) fn is_scope_of_a_post(word: &str) -> bool {
    matches!(
        word,
        "Regional"
            | "National"
            | "Provincial"
            | "District"
            | "County"
            | "Area"
            | "Country"
            | "Global"
            | "International"
            | "Senior"
            | "Junior"
            | "Deputy"
            | "Assistant"
            | "Associate"
            | "Acting"
            | "Interim"
            | "Joint"
            | "Principal"
            | "Founding"
    )
}

/// Offices written before a surname alone as a person's title: "Senator Whitcombe",
/// "President Kessler", "Minister Carney".
const TITLES_BEFORE_A_SURNAME: &[&str] = &[
    "President",
    "Minister",
    "Senator",
    "Governor",
    "Mayor",
    "Premier",
    "Chancellor",
    "Commissioner",
    "Ambassador",
    "Chairman",
    "Chairwoman",
    "Congressman",
    "Congresswoman",
    "Representative",
    "Secretary",
    "Deputy",
    "Vice-President",
    "Lieutenant",
    "Captain",
    "Colonel",
    "Commander",
    "Admiral",
    "Sergeant",
    "Inspector",
    "Superintendent",
    "Rector",
    "Dean",
    "Provost",
    "Principal",
    "Director",
    "Speaker",
    "Magistrate",
    "Prosecutor",
    "Sheriff",
    "Alderman",
    "Alderwoman",
    "Councilman",
    "Councilwoman",
    "Councilmember",
    "Assemblyman",
    "Assemblywoman",
    "Assemblymember",
    "Chairperson",
    // Religious offices, written before a surname after their own modifiers ("Presiding
    // Bishop Hale", "Senior Pastor Vik").
    "Bishop",
    "Archbishop",
    "Pastor",
    "Deacon",
    "Rabbi",
    "Imam",
    "Cardinal",
    "Chaplain",
    "Vicar",
];

/// A run that is an office and one capitalised word, the office one written before surnames
/// and the word shaped like a surname (no head word, role, stopword or place),
/// with no capitalised word or "of" after it: "Senator Whitcombe said", "President Kessler
/// thanked them", "Prime Minister Holt agreed"; not "Minister Designate", "Governor Street",
/// "Secretary General".
pub fn titled_surname(toks: &[Token], (s, e): (usize, usize), k: usize, lx: &Lexicon) -> bool {
    let next = toks.get(e);
    // One word, or up to three that are an office ending in one: "Prime Minister Holt",
    // "Deputy Minister Vell", "Deputy Prime Minister Orr".
    let title = e.saturating_sub(s + 1);
    let words = &toks[s..s + title.min(toks.len() - s)];
    let office = (1..=3).contains(&title)
        && TITLES_BEFORE_A_SURNAME.contains(&toks[s + title - 1].text)
        && words.iter().all(|t| t.is_cap() && !t.is_acronym())
        && (title == 1 || {
            let phrase: Vec<&str> = words.iter().map(|t| t.text).collect();
            lx.is_role(&phrase.join(" "))
        });
    if !office {
        return false;
    }
    (s..s + title).contains(&k)
        && e == s + title + 1
        && person_shaped(toks, e - 1, e, lx)
        && toks[e - 1].lex.place().is_none()
        && next.is_none_or(|t| {
            // A lowercase word or a clause's punctuation; not a nickname's quotation mark
            // ("President Gloria “Baby” Ruiz").
            let word = t.kind == Kind::Word && !t.is_cap() && !t.is("of") && !t.is("for");
            word || matches!(t.text, "," | "." | ";" | ":" | ")")
        })
}

/// The end of the organisation in a run that ends with role words: "HWU President" → "HWU",
/// "Acme Union General Secretary" → "Acme Union". None when the run does not end with a
/// role, or what is before it is not organisation-shaped (an acronym, or words ending with
/// an organisation head).
fn fused_organisation(toks: &[Token], (s, e): (usize, usize), lx: &Lexicon) -> Option<usize> {
    let last = toks[e - 1].lex;
    if e - s < 2 || !(last.is_role_word() || last.is_role_modifier()) {
        return None;
    }
    // The longest run of role words that ends the span: "President", "Chief Executive" (whose
    // last word alone is no role).
    let mut r = e;
    for k in (s..e).rev().take(4) {
        let words: Vec<&str> = toks[k..e].iter().map(|t| t.text).collect();
        if lx.is_role(&words.join(" ")) {
            r = k;
        } else if r < e {
            break;
        }
    }
    if r == e {
        return None;
    }
    let org_before = (r - s == 1 && toks[s].is_acronym())
        || (r - s >= 2 && toks[r - 1].lex.is_org_head())
        || brand_before_post(toks, (s, e), r, lx);
    (r > s && org_before).then_some(r)
}

/// Rule `brand-before-post`: an appositive of one unknown capitalised word (or two joined by
/// a hyphen) and a post of two words or more, "A B, Brantex Chief Executive;": the word is the
/// body whose post it is. Set off by a comma before it and by a comma, semicolon, bracket or
/// full stop after; the word is no given name, place, head word, field of work, rank or word
/// of the lexicons' roles.
pub(crate) fn brand_before_post(
    toks: &[Token],
    (s, e): (usize, usize),
    r: usize,
    lx: &Lexicon,
) -> bool {
    let set_off = s >= 1
        && toks[s - 1].is_punct(",")
        && toks
            .get(e)
            .is_none_or(|t| t.is_punct(",;)") || t.is_punct("."));
    let brand_word = |w: &Token| {
        w.kind == Kind::Word
            && w.is_cap()
            && !w.lex.is_given_name()
            && w.lex.place().is_none()
            && !w.lex.is_place_head()
            && !w.lex.is_org_head()
            && !w.lex.is_role_word()
            && !w.lex.is_role_modifier()
            && !w.lex.is_stopword()
            && !is_subject_word(w.text)
            && !is_scope_of_a_post(w.text)
            && !lx.demonyms.contains_key(w.lower().as_ref())
    };
    // One word, or two joined by a hyphen ("Velby-Marden").
    let one_word = match r - s {
        1 => brand_word(&toks[s]),
        3 => brand_word(&toks[s]) && toks[s + 1].is_punct("-") && brand_word(&toks[s + 2]),
        _ => false,
    };
    e - r >= 2 && set_off && one_word
}

/// Rule `cause-then-body`: a body named for whom and what it is for, its head at the end:
/// "Sailing for Peace Foundation", "Lawyers for Human Rights Trust". The left part is one or
/// two capitalised words that name no person, place or post; the right part, two to four words
/// right after "for" (not after "the": "Berg for the Velltu Union" is a person speaking for a
/// body), ends with an organisation's head and is no place ("… for Mexico City").
fn cause_then_body(
    toks: &[Token],
    left: (usize, usize),
    right: (usize, usize),
    lx: &Lexicon,
) -> bool {
    let left_words = &toks[left.0..left.1];
    let right_words = &toks[right.0..right.1];
    let right_text: Vec<&str> = right_words.iter().map(|t| t.text).collect();
    (1..=2).contains(&left_words.len())
        && (2..=4).contains(&right_words.len())
        && right.0 == left.1 + 1
        && lx.place(&right_text.join(" ")).is_none()
        && right_words[right_words.len() - 1].lex.is_org_head()
        && left_words.iter().all(|t| {
            t.is_cap()
                && !t.is_acronym()
                && !t.lex.is_given_name()
                && !t.lex.is_role_word()
                && !t.lex.is_honorific()
                && t.lex.place().is_none()
        })
}

/// Rule `campaign-name`: a group named for the people in it and what they stand for, "[people]
/// for [cause]": "Dockers for Justice", "Engineers for Clean Water", "Parents for
/// Peace"; or for the cause and whom it is for, "Justice for Tolvik", "Action for
/// Tenants". The left part is a plural of people (not a role: "Ministers for Trade"), or one
/// of the few nouns such names begin with; the right part is short.
pub(crate) fn campaign_name(
    toks: &[Token],
    left: (usize, usize),
    right: (usize, usize),
    lx: &Lexicon,
) -> bool {
    let first = toks[left.0].text;
    let last = toks[left.1 - 1].text;
    // Plurals of words for people: workers, doctors, scientists, Colombians, parents,
    // citizens, trustees, women (not "Apologies for Absence", "Tubes for X").
    let lower = last.to_lowercase();
    let people = last.chars().count() >= 5
        && [
            "ers", "ors", "ists", "ians", "ans", "ents", "ens", "ees", "men",
        ]
        .iter()
        .any(|suffix| lower.ends_with(suffix))
        && left.1 - left.0 <= 3
        && lx.place(last).is_none()
        && !lx.is_role_word(last)
        && !lx.is_role_word(last.trim_end_matches('s'))
        && !lx.is_org_head(last)
        && !lx.is_event_head(last)
        && !lx.is_given_name(first);
    let cause = left.1 - left.0 == 1
        && matches!(
            first,
            "Justice" | "Action" | "Peace" | "Freedom" | "Solidarity" | "Hope" | "Voices"
        );
    (people || cause)
        && right.1 - right.0 <= 3
        && toks[right.0..right.1]
            .iter()
            .all(|t| t.is_cap() && !t.lex.is_stopword())
}

/// May the capitalised run `left` take the connector after it and the run `right`?
fn joins(toks: &[Token], left: (usize, usize), right: (usize, usize), lx: &Lexicon) -> bool {
    let conn = toks[left.1].lower();
    // The article that opens a sentence is in the run still ("The Embassy of the Republic"):
    // the name's first word is the one after it.
    let left = if left.1 - left.0 >= 2 && toks[left.0].is("the") {
        (left.0 + 1, left.1)
    } else {
        left
    };
    let j = Join {
        toks,
        left,
        right,
        conn,
        first: toks[left.0].text,
        last: toks[left.1 - 1].text,
        right_first: toks[right.0].text,
        right_last: toks[right.1 - 1].text,
    };
    if let Some(joined) = particle_in_a_person_name(&j, lx) {
        return joined;
    }
    match j.conn.as_ref() {
        "&" if firm_of_partners(&j) => true,
        "and" | "&" if place_across_and(&j, lx) || place_and_district(&j) => true,
        "and" | "&" => fields_joined_by_and(&j, lx),
        "of" | "for" | "on" | "in" | "de" | "del" | "für" | "di" | "des" | "du" | "da" | "zu" => {
            head_takes_connector(&j, lx)
        }
        _ => false,
    }
}

/// Rule `firm-of-partners`: "&" then one word for a firm's partners or company ("Kinsey &
/// Company", "Hale & Sons", "Tolvik & Partners") joins the name before it, even a given name
/// or a place: no person or place is written that way.
fn firm_of_partners(j: &Join) -> bool {
    j.right.1 - j.right.0 == 1
        && matches!(
            j.right_first,
            "Company" | "Co" | "Sons" | "Son" | "Partners" | "Associates" | "Brothers" | "Bros"
        )
}

/// Two runs and the connector between them, as the readers of `joins` see them: the left
/// run (past a leading "The"), its first and last words, the right run's first and last.
struct Join<'t, 'a> {
    toks: &'t [Token<'a>],
    left: (usize, usize),
    right: (usize, usize),
    conn: std::borrow::Cow<'a, str>,
    first: &'a str,
    last: &'a str,
    right_first: &'a str,
    right_last: &'a str,
}

/// A person's name particle between the runs ("Ana de la Cruz"): `Some(whether they join)`,
/// `None` when the connector is no particle of a person's name.
fn particle_in_a_person_name(j: &Join, lx: &Lexicon) -> Option<bool> {
    let Join {
        toks,
        left,
        right,
        ref conn,
        first,
        last,
        right_last,
        ..
    } = *j;
    // Person name particles: "Ana de la Cruz", also after an honorific ("Mr Jan de Vries",
    // "Sheikh Hamad bin Khalid Al Mansouri": a patronymic chain runs to three words).
    // "bin"/"ibn" ("son of") joins two names whatever the given name: a patronymic.
    let patronymic = matches!(conn.as_ref(), "bin" | "ibn");
    // A title before the given name is no part of the name the particle joins: "President Ana
    // van der Berg", "Minister Tom de Hale".
    let titled_given = lx.is_given_name(last)
        && left.1 - left.0 >= 2
        && toks[left.0..left.1 - 1]
            .iter()
            .all(|t| (t.lex.is_role_word() || t.lex.is_honorific()) && !t.lex.is_org_head());
    let person_left = lx.is_given_name(first)
        || titled_given
        || ((lx.is_given_name(last) || patronymic)
            && !toks[left.0..left.1].iter().any(|t| {
                t.lex.is_org_head() || t.lex.is_role() && !t.lex.is_honorific() && !patronymic
            }));
    let longest = if patronymic { 3 } else { 2 };
    (PARTICLES.contains(&conn.as_ref())
        && person_left
        && right.1 - right.0 <= longest
        && conn != "and")
        .then(|| !lx.is_org_head(right_last))
}

/// Does a body's name go on over "and" or "&": a second field after a body's "of", two
/// fields sharing the word after the second, or words before a body's head ("Fishers and
/// Boatmen Union")?
fn fields_joined_by_and(j: &Join, lx: &Lexicon) -> bool {
    let Join {
        toks,
        left,
        right,
        ref conn,
        first,
        last,
        right_first,
        right_last,
    } = *j;
    // "Chamber of Commerce and Industry", "Ministry of Trade and Industry": a second
    // field after the first of a body's "of", one word that names no person, place or
    // post ("Ministry of Water and Secretary of …" is a second post).
    let of_field = right.1 - right.0 == 1
        && left.1 - left.0 >= 3
        && toks[left.1 - 2].is("of")
        && toks[left.0..left.1 - 2]
            .iter()
            .any(|t| t.lex.is_org_head() && !WEAK_HEADS.contains(&t.lower().as_ref()))
        && !toks[right.0].is_acronym()
        && !toks[right.0].lex.is_role_word()
        && !lx.is_given_name(right_first)
        && lx.place(right_first).is_none()
        && toks.get(right.1).is_none_or(|t| !t.is_cap());
    if of_field {
        return true;
    }
    // "Ministry of Culture & Youth Affairs", "Ministry of Foreign and BRX Affairs",
    // "Ministry for Foreign and BRX Affairs": two fields that share the field word after the
    // second, after a strong head's "of" or "for": two words after "and", the last a field
    // word, the first no given name, and no capitalised word after them (plain lists of
    // subjects are `subject_list_end`'s, read before this).
    let shared_field = right.1 - right.0 == 2
        && left.1 - left.0 >= 3
        && (toks[left.1 - 2].is("of") || toks[left.1 - 2].is("for"))
        && toks[left.0..left.1 - 2]
            .iter()
            .any(|t| t.lex.is_org_head() && !WEAK_HEADS.contains(&t.lower().as_ref()))
        && is_subject_word(toks[right.1 - 1].text)
        && !lx.is_given_name(right_first)
        && toks.get(right.1).is_none_or(|t| !t.is_cap());
    if shared_field {
        return true;
    }
    // "Petroleum and Natural Gas Staff Association": one word of an industry before "and"
    // names no body alone (a company's head word, "Velby Petroleum", needs its name before
    // it); the whole is the body the right part's head ends.
    let industry = left.1 - left.0 == 1
        && lx.is_org_head(right_last)
        && right.1 - right.0 >= 2
        && is_industry_word(&toks[left.0].lower());
    if industry {
        return true;
    }
    // "Fishers and Boatmen Union": the whole ends with an organisation head, and the left
    // part is not itself a place, a person, a post ("a new Chairman and Committee") or a
    // body's head.
    (lx.is_org_head(right_last) || conn == "&")
        && left.1 - left.0 <= 2
        && lx
            .place(
                &toks[left.0..left.1]
                    .iter()
                    .map(|t| t.text)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
            .is_none()
        && !lx.is_given_name(first)
        && !lx.is_org_head(last)
        && !toks[left.1 - 1].lex.is_role_word()
}

/// A word of an industry that also ends a company's name ("Velby Petroleum") but, alone before
/// "and", names the trade a body's members work in: "the Petroleum and Natural Gas Staff
/// Association", "the Electricity and Allied Workers Union". General knowledge.
pub(super) fn is_industry_word(word: &str) -> bool {
    matches!(
        word,
        "petroleum"
            | "oil"
            | "gas"
            | "electricity"
            | "electrical"
            | "mining"
            | "shipping"
            | "aviation"
            | "steel"
            | "chemical"
            | "chemicals"
            | "textile"
            | "textiles"
            | "transport"
            | "food"
            | "agriculture"
            | "agricultural"
            | "construction"
            | "banking"
            | "insurance"
            | "railway"
            | "railways"
            | "maritime"
            | "telecommunications"
            | "postal"
            | "engineering"
            | "energy"
            | "power"
            | "electric"
            | "minerals"
            | "resources"
            | "water"
            | "solar"
            | "renewables"
            | "utilities"
            | "telecom"
            | "telecoms"
            | "pharmaceuticals"
            | "health"
            | "healthcare"
            | "housing"
            | "media"
            | "broadcasting"
            | "rail"
            | "freight"
            | "aerospace"
            | "automotive"
            | "publishing"
    )
}

/// Does the left run's head take the connector ("of", "for", "on", "in" and their
/// foreign forms) and the run after it: "University of X", "Institute for Y", "Workshop on
/// Z", "Government of Peru", "Association of Rural Teachers in Scotland"?
fn head_takes_connector(j: &Join, lx: &Lexicon) -> bool {
    let Join {
        toks,
        left,
        right,
        ref conn,
        first,
        last,
        right_first,
        ..
    } = *j;
    // Also of other languages: "Universidad Nacional del Norte".
    let strong = |w: &str| lx.is_org_head(w) && !WEAK_HEADS.contains(&w.to_lowercase().as_str());
    // A left part that took "of" after a strong head takes more: "State Council of
    // the People's Republic of Tolvik".
    let took_of = toks[left.0..left.1]
        .windows(2)
        .any(|p| p[1].is("of") && strong(p[0].text));
    let head_left = (left.1 - left.0 >= 2 && lx.is_org_head(last))
        || strong(first)
        || strong(last)
        || took_of
        || lx.is_event_head(last)
        || lx.is_event_head(first);
    if conn == "for"
        && (campaign_name(toks, left, right, lx) || cause_then_body(toks, left, right, lx))
    {
        return true;
    }
    let person_left = lx.is_given_name(first) && left.1 - left.0 <= 3 && !head_left;
    // A word of rank before a membership body's head is the body's name, not a post: "General
    // Federation of Velby Dockers", "National Union of Tolvik Students" (not "General
    // Secretary of X", nor a body's own "Executive Committee of X").
    let ranked_body = left.1 - left.0 == 2
        && matches!(
            last.to_lowercase().as_str(),
            "union" | "federation" | "confederation" | "association" | "alliance" | "league"
        );
    let roleish = (lx.is_role_word(last) || lx.is_role_word(first)) && !ranked_body;
    // "granted by Synod for Mr A B": a person's courtesy title starts a new name.
    let person_right = COURTESY_TITLES.contains(&right_first.trim_end_matches('.'));
    if person_left || roleish || person_right {
        return false;
    }
    // "X of Kenya": only a head that begins institutions' names takes a place.
    let right_text: Vec<&str> = toks[right.0..right.1].iter().map(|t| t.text).collect();
    if left.1 - left.0 == 1
        && lx.place(&right_text.join(" ")).is_some()
        && !PREFIX_HEADS.contains(&first.to_lowercase().as_str())
        && !lx.is_event_head(first)
    {
        return false;
    }
    if gathering_of_a_named_body(j, lx) {
        return false;
    }
    if conn == "in" {
        // Only inside an organisation name already joined with "of": "Association of X in Wales";
        // or a diplomatic mission and the place it stands in (rule `mission-in-place`).
        return (lx.is_org_head(first)) && toks[left.0..left.1].iter().any(|t| t.is("of"))
            || mission_in_place(j, lx);
    }
    // A body of people in the plural, though it opens sentences too: "Council of
    // Delegates", "Assembly of Officials".
    let people = right_first.len() > 3 && plural_of_people(right_first, lx);
    head_left && (!lx.is_stopword(right_first) || people)
}

/// Rule `gathering-of-a-named-body`: a gathering's "of" before a body's own name, with no
/// article, is no part of one name: "the Annual Meeting of Velby Parish Council" is the meeting
/// and the council, as "the Annual Meeting of the Velby Parish Council" is. The left run ends in
/// a word for a gathering that is no body's head ("Meeting", "Conference"; not "Congress of
/// Tolvik Trade Unions", a body), the right run is two words or more and ends in a body's head
/// that names no gathering ("Session of the Forty Second Synod" is one session).
fn gathering_of_a_named_body(j: &Join, lx: &Lexicon) -> bool {
    j.conn == "of"
        && lx.is_event_head(j.last)
        && !lx.is_org_head(j.last)
        && j.right.1 - j.right.0 >= 2
        && lx.is_org_head(j.right_last)
        && !lx.is_event_head(j.right_last)
}

/// Rule `mission-in-place`: a country's diplomatic mission is named with the place it stands
/// in: "the Velby Embassy in Tolvik", "the Marden Consulate General in Lyon", "the Tolvik
/// High Commission in Accra". The left run ends in the mission's word, the right run is a place
/// the lexicons know, and nothing else.
fn mission_in_place(j: &Join, lx: &Lexicon) -> bool {
    let Join {
        toks, left, right, ..
    } = *j;
    let mission = matches!(
        toks[left.1 - 1].lower().as_ref(),
        "embassy" | "consulate" | "consulate-general" | "commission"
    ) || (left.1 - left.0 >= 2
        && toks[left.1 - 2].is("consulate")
        && toks[left.1 - 1].is("general"));
    let high_commission =
        !toks[left.1 - 1].is("commission") || (left.1 - left.0 >= 2 && toks[left.1 - 2].is("high"));
    let place: Vec<&str> = toks[right.0..right.1].iter().map(|t| t.text).collect();
    left.1 - left.0 >= 2 && mission && high_commission && lx.place(&place.join(" ")).is_some()
}

/// Rule `place-across-and`: a place whose own name holds "and" ("Trinidad and Tobago",
/// "Bosnia and Herzegovina", "Brighton and Hove"): the last words of the left run, the
/// connector and the first words of the right run make a country or city of the lexicons.
/// Not over "and the" ("Saint Vincent and the Grenadines"), which `spans` never joins.
fn place_across_and(j: &Join, lx: &Lexicon) -> bool {
    let Join {
        toks,
        left,
        right,
        ref conn,
        ..
    } = *j;
    let words = |a: usize, b: usize| toks[a..b].iter().map(|t| t.text).collect::<Vec<_>>();
    (left.0.max(left.1.saturating_sub(2))..left.1).any(|a| {
        (right.0 + 1..=right.1.min(right.0 + 2)).any(|b| {
            let phrase = format!(
                "{} {conn} {}",
                words(a, left.1).join(" "),
                words(right.0, b).join(" ")
            );
            // Not a region: "Middle East and North Africa" is as often read as two.
            lx.place(&phrase)
                .is_some_and(|k| k != super::lexicon::PlaceKind::Region)
        })
    })
}

/// Rule `place-and-district`: a body named for a town and the country round it, "the Velby
/// and District Trades Council", "Marden & District Rowing Club": one or two words, "and" or
/// "&", then "District" (or "Districts", "Area") and words that hold a body's head (maybe
/// before a gathering's: "Velby and District Trades Council AGM").
fn place_and_district(j: &Join) -> bool {
    j.left.1 - j.left.0 <= 2
        && j.right.1 - j.right.0 >= 2
        && matches!(j.right_first, "District" | "Districts" | "Area")
        && j.toks[j.right.0 + 1..j.right.1]
            .iter()
            .any(|t| t.lex.is_org_head())
        && !j.toks[j.left.0..j.left.1]
            .iter()
            .any(|t| t.lex.is_org_head())
}

/// Honorifics before token `start`, one after another ("HE. Amb. A B", "Maj. Gen. (R) A B"):
/// returns the index where the first begins.
pub fn honorific_before(toks: &[Token], start: usize, lx: &Lexicon) -> Option<usize> {
    let mut from = one_honorific_before(toks, start, lx)?;
    // Only an abbreviated honorific, with its full stop, goes before another: "Minister of
    // Justice Dr. A B" holds no honorific "Justice".
    while let Some(h) = one_honorific_before(toks, from, lx).filter(|_| toks[from - 1].text == ".")
    {
        from = h;
    }
    Some(from)
}

/// The one honorific just before token `start`: the index where it begins.
fn one_honorific_before(toks: &[Token], start: usize, lx: &Lexicon) -> Option<usize> {
    // A rank's "(R)", "(Retd)" for retired: "Maj. Gen. (R) A B".
    if start >= 4
        && toks[start - 1].text == ")"
        && toks[start - 3].text == "("
        && matches!(
            toks[start - 2]
                .text
                .to_ascii_lowercase()
                .trim_end_matches('.'),
            "r" | "retd" | "rtd" | "retired"
        )
    {
        return honorific_before(toks, start - 3, lx);
    }
    for len in (1..=3).rev() {
        if start < len {
            continue;
        }
        let from = start - len;
        // The phrase begins with that word, or it is no honorific (asked before it is built).
        if !toks[from].lex.starts_honorific() {
            continue;
        }
        let mut phrase: Vec<&str> = toks[from..start]
            .iter()
            .filter(|t| t.text != ".")
            .map(|t| t.text)
            .collect();
        if phrase.is_empty() {
            continue;
        }
        let stop = toks[start - 1].text == ".";
        if stop {
            // "Dr." tokenizes as "Dr" "."
            phrase = toks[from..start - 1].iter().map(|t| t.text).collect();
        }
        let phrase = phrase.join(" ");
        // Listed as written, or with its full stop when the text has one ("H.E." reads as
        // "H.E" "."; "Maj." is listed only with its stop).
        let listed = || lx.is_honorific(&phrase) || stop && lx.is_honorific(&format!("{phrase}."));
        // Honorifics are capitalised: "he" and "don" are words, "HE." and "Don" titles; a word
        // all in capitals is one only with its full stop ("HE SAID" is a line in capitals).
        if toks[from..start]
            .iter()
            .all(|t| t.kind == Kind::Word || t.text == ".")
            && toks[from].is_cap()
            && (stop || !toks[from].text.chars().all(char::is_uppercase))
            && listed()
        {
            return Some(from);
        }
    }
    None
}

/// Splits an honorific off the start of a capitalised run ("Dr Kwame X" as one run): returns
/// the number of tokens the honorific takes.
/// Honorifics may follow one another ("HE. Amb. A B", "H. E. Dr A B"); all are taken.
pub fn leading_honorific(toks: &[Token], span: (usize, usize), lx: &Lexicon) -> usize {
    let first = one_leading_honorific(toks, span, lx);
    if first == 0 {
        return 0;
    }
    first + leading_honorific(toks, (span.0 + first, span.1), lx)
}

/// The tokens one honorific at the start of a run takes; full stops stay on their word, so
/// "H. E." (four tokens) is found as written.
fn one_leading_honorific(toks: &[Token], span: (usize, usize), lx: &Lexicon) -> usize {
    // The phrases tried below all begin with the run's first word.
    if !toks[span.0].lex.starts_honorific() {
        return 0;
    }
    if names_a_place_after_a_royal(toks, span) {
        return 0;
    }
    for len in (1..=4).rev() {
        if span.1 - span.0 <= len {
            continue;
        }
        let mut phrase = String::new();
        for t in &toks[span.0..span.0 + len] {
            if !phrase.is_empty() && t.text != "." {
                phrase.push(' ');
            }
            phrase.push_str(t.text);
        }
        // An honorific's possessive is part of a name, not a courtesy: "King's College".
        let possessive = toks[span.0 + len].kind == Kind::Possessive;
        if lx.is_honorific(&phrase) && !possessive && !initial_not_monsieur(toks, span.0, &phrase) {
            // "Sri Lanka", "Saint Lucia", "the Sri Lankan delegation": a known place or its
            // people's adjective is no honorific and a name.
            for end in span.0 + len + 1..=(span.0 + len + 2).min(span.1) {
                let words: Vec<&str> = toks[span.0..end].iter().map(|t| t.text).collect();
                let words = words.join(" ");
                if lx.place(&words).is_some() || lx.demonyms.contains_key(&key(&words)) {
                    return 0;
                }
                // "the Chief Guest, A B": an honorific that opens a title is the title's.
                if lx.is_role(&words.to_lowercase()) {
                    return 0;
                }
            }
            return len;
        }
    }
    0
}

/// Titles of royals and saints that places and bodies are named after.
const ROYAL_OR_SAINTLY: &[&str] = &[
    "King", "Queen", "Prince", "Princess", "Sultan", "Sheikh", "Shaikh", "Emir", "Amir", "Saint",
    "St", "Pope", "Maharaja", "Maharani", "Raja", "Rajah", "Empress", "Emperor", "Sayyid",
];

/// Is the run `span` a place or body named after a royal or a saint, whose title is part of
/// its name: "Queen Maren Hospital", "King Tolvik University", "Prince Velby Hall"? A head word
/// of a body, place or thing ends it.
fn names_a_place_after_a_royal(toks: &[Token], span: (usize, usize)) -> bool {
    if span.1 < span.0 + 3 {
        return false;
    }
    let last = toks[span.1 - 1].lex;
    ROYAL_OR_SAINTLY.contains(&toks[span.0].text.trim_end_matches('.'))
        && (last.is_org_head() || last.is_place_head() || last.is_thing_head())
}

/// "M." at `at` is an initial, not the French "Monsieur", after another honorific ("Cllr M.
/// Roth") or where the sentence writes other names with initials ("T. Hale, M. Roth and J.
/// Berg"), as minutes and lists do.
fn initial_not_monsieur(toks: &[Token], at: usize, phrase: &str) -> bool {
    let initial = |i: usize| {
        toks[i].text.len() == 1
            && toks[i].text.chars().all(|c| c.is_ascii_uppercase())
            && toks.get(i + 1).is_some_and(|t| t.text == ".")
    };
    let after_honorific = at >= 1
        && (toks[at - 1].lex.is_honorific()
            || at >= 2 && toks[at - 1].text == "." && toks[at - 2].lex.is_honorific());
    phrase == "M."
        && (after_honorific
            || (0..toks.len()).any(|i| i != at && toks[i].text != "M" && initial(i)))
}

/// The head word of a name's words: the last, or the one before its first "of" ("Consulate of
/// Tolvik", "Local Federations of Labour"). `None` for no words.
pub fn head_word<'w>(words: &[&'w str]) -> Option<&'w str> {
    let h = words
        .iter()
        .position(|w| *w == "of")
        .map_or(words.len().checked_sub(1)?, |k| k.saturating_sub(1));
    Some(words[h])
}

/// Are tokens `from..to` (an honorific found before a name) a courtesy title of everyday
/// address, after which a single word can only be a surname: "Mr", "Mrs.", "Ms", "Dr"? Not a
/// religious, royal or club title ("Lady Chapel", "St Mary", "Lion Tamer").
pub fn is_courtesy(toks: &[Token], from: usize, to: usize) -> bool {
    let words: Vec<&str> = toks[from..to]
        .iter()
        .filter(|t| t.text != ".")
        .map(|t| t.text.trim_end_matches('.'))
        .collect();
    words.last().is_some_and(|w| COURTESY_TITLES.contains(w))
}

/// Does a courtesy of address ("Mr", "Mrs.", "Dr") stand just before token `k`? After one, a
/// common word ("Sunday", "May") is a given name.
fn follows_courtesy(toks: &[Token], k: usize) -> bool {
    let before = match k.checked_sub(1).map(|j| &toks[j]) {
        Some(t) if t.text == "." => k.checked_sub(2).map(|j| &toks[j]),
        t => t,
    };
    before.is_some_and(|t| COURTESY_TITLES.contains(&t.text.trim_end_matches('.')))
}

/// Is this lowercase word a tier of local government, written before a councillor's title:
/// "County Cllr A B", "City Councillors A B and C D"?
pub fn is_tier_of_government(word: &str) -> bool {
    matches!(
        word,
        "unitary"
            | "county"
            | "district"
            | "borough"
            | "city"
            | "town"
            | "parish"
            | "ward"
            | "regional"
            | "municipal"
    )
}

/// Is this word the courtesy of a member of a council, in its local spellings: "Cllr",
/// "Councillor", "Councilor", "Cr", "Alderman"? After one, an initial and any surname are a
/// person ("Cllr S Fields"), and a tier of government before it is no part of the name
/// ("County Cllr A B").
pub fn is_councillor_courtesy(word: &str) -> bool {
    matches!(
        word,
        "Cllr" | "Councillor" | "Councilor" | "Cr" | "Alderman"
    )
}

/// Titles of everyday address, written before a name: after one, the name is a person's.
const COURTESY_TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Messrs", "Dr", "Mme", "Mlle", "Cllr",
];

/// The text of tokens `start..end`, as written in the report.
pub fn span_text<'a>(text: &'a str, toks: &[Token], start: usize, end: usize) -> &'a str {
    &text[toks[start].start..toks[end - 1].end]
}

/// A word in capitals that reads as a name rather than an abbreviation: letters only, at least
/// four of them (post-nominals and most acronyms are shorter), read as a word, no known
/// abbreviation, place or minutes' verdict.
fn capitals_read_as_a_name(word: &str, lx: &Lexicon) -> bool {
    word.chars().count() >= 4
        && word.chars().all(char::is_alphabetic)
        && reads_as_a_word(word)
        && !lx.common_acronyms.contains(word)
        && lx.place(word).is_none()
        && !MINUTES_WORDS.contains(&word)
}

/// A surname written in capitals after an honorific or initials ("Mr. HALE", "A. F. BRASK"):
/// letters only, read as a word, no common abbreviation.
pub(crate) fn capitals_as_a_surname(word: &str, lx: &Lexicon) -> bool {
    word.chars().all(char::is_alphabetic) && reads_as_a_word(word) && !lx.is_common_acronym(word)
}

/// A given name that opens a name and is no title itself: after it, a title word is a surname
/// ("Rose Bishop", "Anna King").
pub(crate) fn given_name_before_a_surname(word: &str, lx: &Lexicon) -> bool {
    lx.is_given_name(word) && !lx.is_role(word) && !lx.is_honorific(word)
}

/// Capitals that read as a word, not letters spelt out: two vowels ("DUVAL", "MOREAU"), or
/// one that is not the first letter ("FALL", "ROSS"; "ANPR" and "ICTR" are letters).
fn reads_as_a_word(word: &str) -> bool {
    let vowel = |c: char| "AEIOUY".contains(c);
    let vowels = word.chars().filter(|&c| vowel(c)).count();
    vowels >= 2 || vowels == 1 && !word.starts_with(vowel)
}

/// What minutes write in capitals after a motion's seconder: "Seconded: A B CARRIED".
const MINUTES_WORDS: &[&str] = &[
    "CARRIED",
    "AGREED",
    "RESOLVED",
    "APPROVED",
    "ADOPTED",
    "NOTED",
    "LOST",
    "DEFEATED",
    "UNANIMOUS",
    "UNANIMOUSLY",
];

/// A region of a known place is no one: "Northern Kenya", "Central Java".
fn region_of_a_place(toks: &[Token], start: usize, end: usize) -> bool {
    end - start == 2
        && matches!(
            toks[start].text,
            "North"
                | "South"
                | "East"
                | "West"
                | "Northern"
                | "Southern"
                | "Eastern"
                | "Western"
                | "Central"
                | "Upper"
                | "Lower"
        )
        && toks[start + 1].lex.place().is_some()
}

/// Is this run shaped like a person's name: two to five capitalised words (particles allowed),
/// no digits, no head words of organisations, places or events, no role titles?
pub fn person_shaped(toks: &[Token], start: usize, end: usize, lx: &Lexicon) -> bool {
    let n = end - start;
    if !(1..=6).contains(&n) {
        return false;
    }
    // Initials before a surname: "RD Chandra", "M Ramaswamy" (never a place: "UK Labour").
    let initials = |k: usize, t: &Token| {
        k == 0
            && n >= 2
            && t.is_acronym()
            && t.text.chars().all(|c| c.is_ascii_uppercase())
            && t.text.len() <= 2
            && t.lex.place().is_none()
    };
    // "A. Fenn", "T. Bank": an initial and its full stop make any surname a person's.
    let initial_then_surname = n == 3 && is_initial(toks, start, lx) && toks[start + 2].is_cap();
    if initial_then_surname && !toks[start + 2].is_acronym() {
        return true;
    }
    // So do a given name and middle initials: "Ruth A. Baker" ("A" is no article here),
    // "Thomas C. Bishop", "Anna B. K. Hall".
    let surname = toks[end - 1];
    let middle_initials = n >= 4
        && toks[start].lex.is_given_name()
        && (start + 1..end - 1)
            .step_by(2)
            .all(|k| is_initial(toks, k, lx))
        && (n - 2).is_multiple_of(2);
    if middle_initials && surname.is_cap() && !surname.is_acronym() {
        return true;
    }
    // A surname in capitals after a given name, as many countries' styles write it: "Jean
    // DUVAL", "Aminata Sow FALL", on the same line as the word before it.
    let given_first = n >= 2 && toks[start].lex.is_given_name();
    let capital_surname = |k: usize, t: &Token| {
        given_first
            && k > 0
            && t.is_acronym()
            && t.start <= toks[start + k - 1].end + 1
            && capitals_read_as_a_name(t.text, lx)
    };
    // A surname in capitals after initials, as old minutes and lists write it: "A. F. BRASK",
    // "K. HALE".
    let capitals_after_initials = |k: usize, t: &Token| {
        k == n - 1
            && n >= 3
            && t.is_acronym()
            && capitals_as_a_surname(t.text, lx)
            && (start..end - 1)
                .all(|q| is_initial(toks, q, lx) || (toks[q].text == "." && q > start))
    };
    // Middle initials run together after a given name, as Hong Kong, Indian and African
    // styles write them: "Ana YH Ruiz", "Tom AB Hale".
    let run_together_initials = |k: usize, t: &Token| {
        given_first
            && k > 0
            && k < n - 1
            && t.text.len() <= 2
            && t.text.chars().all(|c| c.is_ascii_uppercase())
            && t.lex.place().is_none()
            && !toks[end - 1].is_acronym()
    };
    toks[start..end].iter().enumerate().all(|(k, t)| {
        (t.is_cap() && !t.is_acronym() && !t.text.chars().any(|c| c.is_ascii_digit()))
            || capital_surname(k, t)
            || run_together_initials(k, t)
            || capitals_after_initials(k, t)
            || initials(k, t)
            || is_initial(toks, start + k, lx)
            || PARTICLES.contains(&t.text)
            || (t.text == "." && k > 0 && is_initial(toks, start + k - 1, lx))
    }) && !toks[end - 1].lex.is_thing_head()
        && !region_of_a_place(toks, start, end)
        && !toks[start..end].iter().enumerate().any(|(k, t)| {
            // After initials the last word is a surname whatever else it may be: "K. P.
            // Dean", "R. W. Bishop", "A. B. Hall".
            let surname_after_initials = k == n - 1
                && n >= 3
                && (start..end - 1)
                    .all(|q| is_initial(toks, q, lx) || (toks[q].text == "." && q > start));
            // After a given name a title word is a surname: "Rose Bishop", "Anna King".
            let surname_after_given_name = k == 1
                && n == 2
                && given_name_before_a_surname(toks[start].text, lx)
                && (t.lex.is_role() || t.lex.is_honorific())
                && !t.lex.is_org_head()
                && !t.lex.is_place_head()
                && !t.lex.is_event_head()
                && !t.lex.is_stopword();
            // A given name that is also a common word opens a name: "said Per Lindqvist"; not
            // where the sentence opens, which may be a question ("Will Tolvik agree?").
            // So does a common word after a courtesy of address: "Mr Sunday A", "Mrs May B".
            let given_name_first = k == 0
                && n >= 2
                && start > 0
                && (t.lex.is_given_name() || follows_courtesy(toks, start));
            !is_initial(toks, start + k, lx)
                && !surname_after_initials
                && !surname_after_given_name
                && (t.lex.is_org_head()
                    || t.lex.is_place_head()
                    || t.lex.is_event_head()
                    || t.lex.is_role()
                    || t.lex.is_stopword() && !given_name_first)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;

    fn names(s: &str) -> Vec<String> {
        let lx = Lexicon::builtin();
        let toks = tokenize(s, 0, s.len());
        spans(s, &toks, lx)
            .into_iter()
            .map(|(a, b)| span_text(s, &toks, a, b).to_owned())
            .collect()
    }

    /// Rule `headline-verb-ends-the-body`, case by case: (name, headline, spans).
    #[test]
    fn headline_verb_ends_the_body() {
        for (name, text, want) in [
            (
                "verb after a head word, lower case after",
                "Tolvik Lions Club Installs new Board of Directors",
                vec!["Tolvik Lions Club", "Board of Directors"],
            ),
            (
                "verb after initials, capitals after",
                "TVWU Holds 21st General Assembly",
                vec!["TVWU", "General Assembly"],
            ),
            (
                "head word earlier in the name",
                "Velby Club St Marden South Rallies to Support Growers",
                vec!["Velby Club St Marden South", "Support Growers"],
            ),
            (
                "capitals on after the verb",
                "Marden Teachers Association Elects New President",
                vec!["Marden Teachers Association", "New President"],
            ),
            (
                "a person's name before the verb",
                "Ana Ruiz Opens the Fair",
                vec!["Ana Ruiz", "Fair"],
            ),
            (
                "a surname that is a verb stays",
                "Ana Marks spoke.",
                vec!["Ana Marks"],
            ),
            (
                "no head word, no initials: no subject to end",
                "Velby Marden Hosts",
                vec!["Velby Marden Hosts"],
            ),
        ] {
            assert_eq!(names(text), want, "{name}: {text}");
        }
    }

    /// Rule `firm-of-partners`, case by case: (name, text, spans).
    #[test]
    fn firm_of_partners() {
        for (name, text, want) in [
            (
                "a given name before",
                "She joined Kinsey & Company in May.",
                vec!["Kinsey & Company"],
            ),
            ("sons", "He ran Hale & Sons for years.", vec!["Hale & Sons"]),
            (
                "two people stay apart",
                "Ana Ruiz & Tom Hale spoke.",
                vec!["Ana Ruiz", "Tom Hale"],
            ),
        ] {
            assert_eq!(names(text), want, "{name}: {text}");
        }
    }

    #[test]
    fn title_runs_split_into_organisation_and_person() {
        for (text, want) in [
            (
                "HWU General Secretary Jane Doe spoke.",
                vec!["HWU", "Jane Doe"],
            ),
            (
                "Russian President Ivan Orlov arrived.",
                vec!["Russian", "Ivan Orlov"],
            ),
            ("Prime Minister Ana Ruiz spoke.", vec!["Ana Ruiz"]),
            // A religious office after its modifier, before a surname alone.
            ("Presiding Bishop Hale spoke.", vec!["Hale"]),
            ("Senior Pastor Vik spoke.", vec!["Vik"]),
            // Initials with their full stops are no longer words of the name.
            ("President A. B. Hale spoke.", vec!["A. B. Hale"]),
            (
                "Prime Minister K. P. Tolvik Marden arrived.",
                vec!["K. P. Tolvik Marden"],
            ),
            (
                "Union President Sir Ian Poe spoke.",
                vec!["Union", "Sir Ian Poe"],
            ),
            // A role whose last word alone is none: "Chief Executive".
            ("The HWU Chief Executive spoke.", vec!["HWU"]),
            // No name after the role: the run stays whole.
            (
                "The General Secretary Office closed.",
                vec!["General Secretary Office"],
            ),
            // head-ends-the-body: a post that opens with a body's head word leaves it to the
            // name before; not when the word is a post's scope or rank, or a programme.
            (
                "Tolvik Kelmora Party Chairman Tom Hale spoke.",
                vec!["Tolvik Kelmora Party", "Tom Hale"],
            ),
            (
                "The Velby City Council Member Ana Ruiz spoke.",
                vec!["Velby City Council", "Ana Ruiz"],
            ),
            (
                "TVWU International President Ana Ruiz spoke.",
                vec!["TVWU", "Ana Ruiz"],
            ),
            ("Party Chairman Tom Hale spoke.", vec!["Tom Hale"]),
            // The Latin of a post goes with it.
            ("Mayor Pro Tem Ana Ruiz spoke.", vec!["Ana Ruiz"]),
            ("President Pro Tempore Tom Hale spoke.", vec!["Tom Hale"]),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// An abbreviated courtesy that ends a run opens the name after its full stop.
    #[test]
    fn a_courtesy_after_a_body_opens_the_next_name() {
        for (case, text, want) in [
            (
                "after a body's head",
                "He thanked the Chairman of the Union Dr. Tom Hale for it.",
                vec!["Chairman", "Union", "Tom Hale"],
            ),
            (
                "after a body's name",
                "He thanked the Pro Chancellor of Marden University Prof. Mia Roth.",
                vec!["Pro Chancellor", "Marden University", "Mia Roth"],
            ),
            (
                "a saint's abbreviation stays with its place",
                "They flew to St. Louis on Monday.",
                vec!["St. Louis"],
            ),
            (
                "a saint's abbreviation opens a longer name",
                "He chairs the St. Velby Parish Council in Marden.",
                vec!["St. Velby Parish Council", "Marden"],
            ),
            (
                "a saint's abbreviation before a possessive",
                "They met at St. Velby's Church in Marden.",
                vec!["St. Velby's Church", "Marden"],
            ),
            (
                "a saint's abbreviation before a curly possessive",
                "The prize-giving of St. Velby’s College, Marden.",
                vec!["St. Velby’s College", "Marden"],
            ),
            (
                "a word of the calendar after a courtesy is a given name",
                "Other members include Mr Sunday Hale from the union.",
                vec!["Mr Sunday Hale"],
            ),
            (
                "a word of an industry before \"and\" opens a body's name",
                "Ana Ruiz of the Petroleum and Natural Gas Staff Association spoke.",
                vec!["Ana Ruiz", "Petroleum and Natural Gas Staff Association"],
            ),
            (
                "a field a company's name ends with opens an institute's name before \"and\"",
                "Ana Ruiz, director of the Energy and Harbour Institute, spoke.",
                vec!["Ana Ruiz", "Energy and Harbour Institute"],
            ),
            (
                "a field before \"and\" opens a committee's name",
                "Tom Hale chairs the Housing and Planning Committee of Velby.",
                vec!["Tom Hale", "Housing and Planning Committee of Velby"],
            ),
            (
                "a company named before \"and\" keeps its own name",
                "Velby Energy and Marden Water signed the deal.",
                vec!["Velby Energy", "Marden Water"],
            ),
            (
                "a body's head before \"and\" stays its own",
                "The Council and Tolvik Housing Association met.",
                vec!["Council", "Tolvik Housing Association"],
            ),
            (
                "a tier before a title in the plural goes with the title",
                "She welcomed City Councillors Lena Vik and Kari Lund.",
                vec!["Lena Vik", "Kari Lund"],
            ),
        ] {
            assert_eq!(names(text), want, "{case}: {text}");
        }
    }

    /// A body's initials, then the field of a post in it: the body is the initials.
    #[test]
    fn a_field_after_initials_belongs_to_the_post() {
        for (text, want) in [
            (
                "Tom Hale, head of HWU Political Affairs, spoke.",
                vec!["Tom Hale", "HWU"],
            ),
            (
                "The HWU International Relations secretary Mia Roth spoke.",
                vec!["HWU", "Mia Roth"],
            ),
            // A body's own name is kept whole.
            (
                "Tom Hale of the HWU Housing Association spoke.",
                vec!["Tom Hale", "HWU Housing Association"],
            ),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    #[test]
    fn runs_join_across_connectors_only_after_heads() {
        assert_eq!(
            names("Ola Nordmann of the Fishers and Boatmen Union met the Institute for Coastal Studies."),
            ["Ola Nordmann", "Fishers and Boatmen Union", "Institute for Coastal Studies"]
        );
        assert_eq!(
            names("The University of Lakeside hosted it."),
            ["University of Lakeside"]
        );
        assert_eq!(
            names("Peru, Chile and Ecuador sent delegates."),
            ["Peru", "Chile", "Ecuador"]
        );
        // A word of rank before a membership body's head is in its name; a post is not.
        assert_eq!(
            names("Ana Ruiz of the General Federation of Velby Dockers spoke."),
            ["Ana Ruiz", "General Federation of Velby Dockers"]
        );
        assert_eq!(
            names("The General Secretary of Velby Dockers spoke."),
            ["General Secretary", "Velby Dockers"]
        );
    }

    /// Rule `place-and-district`: a town "and District" before a body's head is one name.
    #[test]
    fn a_town_and_district_body_is_one_name() {
        for (text, want) in [
            (
                "She spoke for the Velby and District Trades Council on Monday.",
                vec!["Velby and District Trades Council"],
            ),
            (
                "Tom Hale of Marden & District Rowing Club spoke.",
                vec!["Tom Hale", "Marden & District Rowing Club"],
            ),
            // A district that ends in no body's head stays a place beside another.
            (
                "Delegates came from Velby and District Nine.",
                vec!["Velby", "District Nine"],
            ),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// Rule `gathering-of-a-named-body`: a gathering's "of" before a body's name, with or
    /// without "the", parts the two; a body named like a gathering keeps its name.
    #[test]
    fn a_gathering_of_a_named_body_is_two_names() {
        for (text, want) in [
            (
                "She read the minutes of the Annual Meeting of Velby Parish Council.",
                vec!["Annual Meeting", "Velby Parish Council"],
            ),
            (
                "Ana Ruiz chaired an Extraordinary General Meeting of Marden Dockers Union.",
                vec![
                    "Ana Ruiz",
                    "Extraordinary General Meeting",
                    "Marden Dockers Union",
                ],
            ),
            // A body's head before "of" keeps one name.
            (
                "Tom Hale spoke for the Congress of Tolvik Trade Unions.",
                vec!["Tom Hale", "Congress of Tolvik Trade Unions"],
            ),
            // Words after "of" that end in no body's head stay in the gathering's name.
            (
                "Mia Roth opened the Conference of Velby Teachers.",
                vec!["Mia Roth", "Conference of Velby Teachers"],
            ),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// Rule `subject-list-in-name`: subjects after a body's "of"/"for" are one name; a name,
    /// a place, an acronym or a role after "and" is another.
    #[test]
    fn subjects_joined_by_and_stay_in_the_name() {
        for (text, want) in [
            (
                "He thanked the Ministry of Water and Sanitation for its help.",
                vec!["Ministry of Water and Sanitation"],
            ),
            // Two fields that share the field word after the second, after "for" too.
            (
                "She wrote to the Ministry for Foreign and BRX Affairs.",
                vec!["Ministry for Foreign and BRX Affairs"],
            ),
            // A body's name before "and" stays its own.
            (
                "Brantex Energy and the Marden Union met.",
                vec!["Brantex Energy", "Marden Union"],
            ),
            (
                "The Government and Teachers Union met.",
                vec!["Government", "Teachers Union"],
            ),
            (
                "The Office for Standards and Accountability wrote.",
                vec!["Office for Standards and Accountability"],
            ),
            (
                "She joined the Guild of Printers, Binders and Allied Trades in 1990.",
                vec!["Guild of Printers, Binders and Allied Trades"],
            ),
            (
                "The Agency for Roads, Harbours and Public Works said no.",
                vec!["Agency for Roads, Harbours and Public Works"],
            ),
            (
                "Tom Hale, Centre for Conflict Studies and Peace, spoke.",
                vec!["Tom Hale", "Centre for Conflict Studies and Peace"],
            ),
            (
                "The Ministry of Water and Brightwater Aid signed it.",
                vec!["Ministry of Water", "Brightwater Aid"],
            ),
            (
                "The Ministry of Water and Maria Lopez spoke.",
                vec!["Ministry of Water", "Maria Lopez"],
            ),
            (
                "The Institute of Physics and Ghana sent letters.",
                vec!["Institute of Physics", "Ghana"],
            ),
            // Two fields sharing the last word, after "&".
            (
                "Mia Roth of the Marden Ministry of Culture & Youth Affairs spoke.",
                vec!["Mia Roth", "Marden Ministry of Culture & Youth Affairs"],
            ),
            // A post after "and" is the second post of a person, not the body's field.
            (
                "Ana Ruiz, Head of the Marden Ministry of Water and Secretary of the Board, spoke.",
                vec![
                    "Ana Ruiz",
                    "Head",
                    "Marden Ministry of Water",
                    "Secretary",
                    "Board",
                ],
            ),
            // A post before "and" joins no body: "elect a Chairman and Committee".
            (
                "They will elect a new Chairman and Committee.",
                vec!["Chairman", "Committee"],
            ),
            (
                "On behalf of the Board of Directors, Officers, Management and Staff he spoke.",
                vec!["Board of Directors", "Officers", "Management", "Staff"],
            ),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// Rule `year-inside-name`, and a place's adjective after an honorific's spelling.
    #[test]
    fn years_and_demonyms_inside_names() {
        for (text, want) in [
            (
                "The Oslo 2032 Winter Games Organising Committee met.",
                vec!["Oslo 2032 Winter Games Organising Committee"],
            ),
            ("In 2031 Union members met.", vec!["Union"]),
            (
                "They visited the Westport Women's Cooperative and the People's Alliance.",
                vec!["Westport Women's Cooperative", "People's Alliance"],
            ),
            // A year that ends an event's name, or its line, joins nothing after it.
            (
                "Dockers Union: Annual Conference 2031\nConference report",
                vec!["Dockers Union", "Annual Conference 2031", "Conference"],
            ),
            (
                "The Nineteenth National Congress of the Workers Party of Norland opened.",
                vec!["Nineteenth National Congress", "Workers Party of Norland"],
            ),
            (
                "Workers marched to the Teachers Union office.",
                vec!["Teachers Union"],
            ),
            (
                "The Sri Lankan Fishers Congress met.",
                vec!["Sri Lankan Fishers Congress"],
            ),
        ] {
            assert_eq!(names(text), want, "{text}");
        }
    }

    /// Two name rules on sentences of our own, case by case: `possessive-inside-name` (a class
    /// of people's possessive stays inside an organisation's name, a saint's inside an
    /// institution's or a place's, a person's or a place's does not) and `county-before-office` (an area word after words that are no organisation ends
    /// a place's name; after an organisation it scopes the post).
    #[test]
    fn possessives_and_counties() {
        for (rule, case, text, want) in [
            (
                "possessive-inside-name",
                "an occupation, singular",
                "Ana Ruiz of the Farmer's Credit Union spoke.",
                vec!["Ana Ruiz", "Farmer's Credit Union"],
            ),
            (
                "possessive-inside-name",
                "a life situation, singular",
                "The Citizen's Housing Board met on Monday.",
                vec!["Citizen's Housing Board"],
            ),
            (
                "possessive-inside-name",
                "a person's possessive",
                "Tom Hale's Housing Trust grew.",
                vec!["Tom Hale", "Housing Trust"],
            ),
            (
                "possessive-inside-name",
                "a place's possessive",
                "Tolvik's Housing Board met.",
                vec!["Tolvik", "Housing Board"],
            ),
            (
                "possessive-inside-name",
                "no organisation's head after it",
                "The Farmer's Market Day drew crowds.",
                vec!["Farmer", "Market Day"],
            ),
            (
                "possessive-inside-name",
                "a saint's possessive before an institution",
                "The dinner was held at St Tomas's College in Tolvik.",
                vec!["St Tomas's College", "Tolvik"],
            ),
            (
                "possessive-inside-name",
                "a saint's possessive before a place's head",
                "They marched to Saint Ana's Square.",
                vec!["Saint Ana's Square"],
            ),
            (
                "possessive-inside-name",
                "a monarch's possessive, a place after the head",
                "She studied at King's College Tolvik.",
                vec!["King's College Tolvik"],
            ),
            (
                "possessive-inside-name",
                "a saint's name with no head after it",
                "The choir of St Tomas's sang.",
                vec!["St Tomas"],
            ),
            (
                "county-before-office",
                "a county's office",
                "They heard Marden County Commissioner Kai Brandt.",
                vec!["Marden County", "Kai Brandt"],
            ),
            (
                "county-before-office",
                "a district's office in a list",
                "The guests were Tolvik District Judge Ana Ruiz and Tom Hale.",
                vec!["Tolvik District", "Ana Ruiz", "Tom Hale"],
            ),
            (
                "county-before-office",
                "an organisation's county post",
                "They heard HWU County Organiser Mia Roth.",
                vec!["HWU", "Mia Roth"],
            ),
        ] {
            assert_eq!(names(text), want, "{rule}, {case}: {text}");
        }
    }

    #[test]
    fn stopwords_are_cut_from_the_front() {
        assert_eq!(
            names("Closing the day, Marta Silva spoke."),
            ["Marta Silva"]
        );
        assert_eq!(
            names("On Monday the Dockers' Federation met."),
            ["Dockers' Federation"]
        );
        // A word of tenure before a name belongs to the post, not to the name.
        for (case, text, want) in [
            (
                "former before a body",
                "Former Brantex Union president Ana Ruiz spoke.",
                vec!["Brantex Union", "Ana Ruiz"],
            ),
            (
                "outgoing before a body",
                "Outgoing Velby Rowing Club secretary Tom Hale thanked the members.",
                vec!["Velby Rowing Club", "Tom Hale"],
            ),
            (
                "mid-sentence, before a place",
                "The summit heard Former Tolvik President Tom Hale.",
                vec!["Tolvik", "Tom Hale"],
            ),
            (
                "after an article, the name's own",
                "The Former Miners Association met in Velby.",
                vec!["Former Miners Association", "Velby"],
            ),
        ] {
            assert_eq!(names(text), want, "{case}: {text}");
        }
    }
}
