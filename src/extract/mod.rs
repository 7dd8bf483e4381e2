//! The extractor: a `Document` → an `Extraction` of people, organisations, places and events,
//! with affiliations, participation and quotations, each pointing to its evidence sentence.
//!
//! Rules are code; world knowledge (given names, role titles, places...) is data in
//! `ontology/lexicons/`, built into the binary and parsed once. The passes, in order: the
//! names (`names` finds where they are, `mentions` and `kinds` type them, `registry` keeps the
//! entities they name and merges them), `roles` (affiliations and titles), `events` (the main
//! event, sessions) and `participation` (who took part), `quotes` (who said what), then the
//! learned models (`pairs`, `presence`). The extractor returns
//! plain types and knows nothing of RDF or the store.

pub mod lexicon;
pub mod names;
pub mod rules;
pub mod tokens;
pub mod view;
pub mod word_class;

mod events;
mod item_lists;
mod kinds;
mod learned;
mod mentions;
mod pairs;
mod participation;
mod presence;
mod quotes;
mod registry;
mod role_phrase;
mod roles;
mod verbs;

use crate::model::{
    BlockKind, Document, EntityId, EntityKind, Evidence, Extraction, Membership, Participation,
    Quotation,
};
use lexicon::Lexicon;
use names::Mention;
pub use pairs::PairCandidate;
pub use presence::PersonCandidate;
use registry::Registry;
use std::collections::{HashMap, HashSet};
use tokens::{Kind, Token};

/// Head words that are both organisation and place heads but name institutions.
const INSTITUTIONS: &[&str] = &[
    "university",
    "college",
    "school",
    "hospital",
    "infirmary",
    "clinic",
    "department",
    "club",
    "lodge",
    "assembly",
    "chamber",
    "forum",
    "municipality",
    "parish",
];

/// The extractor, with its lexicons loaded.
#[derive(Debug)]
pub struct Extractor {
    lx: &'static Lexicon,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    pub fn new() -> Extractor {
        Extractor {
            lx: Lexicon::builtin(),
        }
    }

    pub fn extract(&self, doc: &Document) -> Extraction {
        // The text with its ASCII letters lowered, at the same byte offsets: tokens borrow
        // their lowercase form from it instead of allocating one each time a rule asks.
        let mut lowered = doc.text.clone();
        lowered.make_ascii_lowercase();
        self.read(doc, &lowered).finish()
    }

    /// Every pass: the rules, then the learned models over what the rules left (each reads the
    /// rules' claims only, as it was trained to).
    fn read<'a>(&self, doc: &'a Document, lowered: &'a str) -> Reader<'a> {
        let mut r = self.read_rules(doc, lowered);
        presence::find_presence(&mut r);
        pairs::find_pair_affiliations(&mut r);
        r
    }

    /// The rules' passes, in order.
    fn read_rules<'a>(&self, doc: &'a Document, lowered: &'a str) -> Reader<'a> {
        let mut r = Reader::new(self.lx, doc, lowered);
        r.find_names();
        r.titled_surnames();
        r.merge_names();
        let events = events::find_events(&mut r);
        r.event_context = Some(events);
        roles::find_affiliations(&mut r);
        quotes::find_quotations(&mut r);
        participation::find_participation(&mut r);
        r
    }

    /// Every person–organisation pair named in one sentence that the pair model reads, with its
    /// features, its probability and whether a rule already tied the two: what
    /// `scripts/train_pair_model.py` learns from, and a way to see why a pair was or was not tied.
    ///
    /// ```
    /// use ties::extract::Extractor;
    /// use ties::model::{Format, Metadata};
    /// use ties::read::document_from_text;
    ///
    /// let text = "Ana Ruiz, a nurse, joined the Harbour Workers' Union in May.".to_owned();
    /// let doc = document_from_text(text, Format::Text, None, Metadata::default());
    /// let pairs = Extractor::new().pair_candidates(&doc);
    /// let read = |p: &&ties::extract::PairCandidate| p.person[0] == "Ana Ruiz";
    /// assert!(pairs.iter().filter(read).any(|p| p.features.contains(&"PO".to_owned())));
    /// ```
    pub fn pair_candidates(&self, doc: &Document) -> Vec<PairCandidate> {
        let mut lowered = doc.text.clone();
        lowered.make_ascii_lowercase();
        let r = self.read_rules(doc, &lowered);
        pairs::candidates(&r)
    }

    /// Every person the presence model reads in a report about an event, with their features,
    /// the probability that they spoke there, and whether a rule already gave them a part: what
    /// `scripts/train_pair_model.py --task people` learns from.
    pub fn person_candidates(&self, doc: &Document) -> Vec<PersonCandidate> {
        let mut lowered = doc.text.clone();
        lowered.make_ascii_lowercase();
        let r = self.read_rules(doc, &lowered);
        presence::candidates(&r)
    }
}

/// One sentence, tokenized, with its names.
pub(crate) struct Sent<'a> {
    pub index: usize,
    pub block: usize,
    pub kind: BlockKind,
    pub toks: Vec<Token<'a>>,
    pub mentions: Vec<Mention>,
    /// Page or press-release furniture: read for names of nothing.
    pub boilerplate: bool,
}

impl Sent<'_> {
    /// The mention covering token `i`.
    pub fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.start <= i && i < m.end)
    }
    /// The mention starting exactly at token `i`.
    pub fn mention_starting(&self, i: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.start == i)
    }
    /// The mention ending exactly before token `i`.
    pub fn mention_ending(&self, i: usize) -> Option<&Mention> {
        self.mentions.iter().find(|m| m.end == i)
    }
    pub fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|t| t.text)
    }
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is(w))
    }
    pub fn is_punct(&self, i: usize, chars: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(chars))
    }
}

/// Words that name an organ of any organisation, none of them telling which: "Board of
/// Directors", "Executive Committee".
/// Kinds of body in the plural that no organisation head word gives: "affiliates including X"
/// (the plurals of head words, "unions", "companies", come from the lexicon).
const BODIES_IN_THE_PLURAL: &[&str] = &[
    "affiliates",
    "bodies",
    "ngos",
    "firms",
    "brands",
    "employers",
    "sponsors",
    "outlets",
    "broadcasters",
];

/// Are mentions `x` and `y` neighbours in a list: nothing but a comma, "and" or ", and"
/// between them, after a short aside in brackets when `asides` allows one ("A B (Tom), C D")?
fn list_joined(toks: &[Token], x: &Mention, y: &Mention, asides: bool) -> bool {
    let Some(between) = toks.get(x.end..y.hon.unwrap_or(y.start)) else {
        return false;
    };
    let mut between: Vec<&str> = between.iter().map(|t| t.text).collect();
    if asides && between.first() == Some(&"(") {
        match between.iter().position(|w| *w == ")") {
            Some(close) if close <= 4 => drop(between.drain(..=close)),
            _ => return false,
        }
    }
    matches!(between.as_slice(), [","] | ["and"] | [",", "and"])
}

fn is_generic_body_word(w: &str) -> bool {
    [
        "board",
        "directors",
        "governors",
        "trustees",
        "committee",
        "council",
        "executive",
        "national",
        "general",
        "central",
        "standing",
        "management",
        "steering",
        "advisory",
        "organising",
        "organizing",
        "secretariat",
        "presidium",
        "federal",
        "regional",
        "of",
        "the",
        "and",
    ]
    .iter()
    .any(|g| w.eq_ignore_ascii_case(g))
}

/// Is the lowercase word `t` at token `k` of sentence `s` the word for an organisation's
/// people or a post in it ("workers", "activist", "country director")?
fn staff_word_at(r: &Reader, s: usize, k: usize, t: &Token) -> bool {
    if t.kind != Kind::Word || t.is_cap() {
        return false;
    }
    let w = t.lower();
    if matches!(
        w.as_ref(),
        "workers"
            | "members"
            | "staff"
            | "employees"
            | "activist"
            | "activists"
            | "official"
            | "officials"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "delegates"
            | "delegation"
            | "members'"
            | "organiser"
            | "organisers"
            | "representative"
            | "representatives"
            | "affiliate"
            | "affiliates"
            | "executives"
    ) {
        return true;
    }
    let toks = &r.sents[s].toks;
    // The post's scope or rank before it: "provincial co-ordinator", "regional organiser";
    // a word of tenure ("former chief executive") or the body's kind ("union president").
    let tenure = matches!(
        w.as_ref(),
        "former" | "new" | "acting" | "outgoing" | "incoming" | "interim"
    );
    if (names::is_scope_of_a_post(&capitalise(t.text)) || tenure || t.lex.is_org_head())
        && toks
            .get(k + 1)
            .is_some_and(|u| staff_word_at(r, s, k + 1, u))
    {
        return true;
    }
    // A lowercase role of up to three words: "country director", "general secretary".
    if !t.lex.is_role_prefix() {
        return false;
    }
    (k + 1..=(k + 3).min(toks.len())).any(|e| {
        toks[k..e]
            .iter()
            .all(|t| t.kind == Kind::Word && !t.is_cap())
            && r.lx.is_role(r.text(s, k, e))
    })
}

/// The word with its first letter in capitals: "regional" → "Regional".
fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The working state of one extraction.
pub(crate) struct Reader<'a> {
    pub lx: &'static Lexicon,
    pub doc: &'a Document,
    pub sents: Vec<Sent<'a>>,
    pub reg: Registry,
    pub memberships: Vec<Membership>,
    pub participations: Vec<Participation>,
    pub quotations: Vec<Quotation>,
    pub main_event: Option<EntityId>,
    /// The organisation the report is about (whose congress, whose delegation), when clear.
    pub main_org: Option<EntityId>,
    pub publisher: Option<EntityId>,
    pub event_context: Option<events::EventContext>,
    /// Bodies named inside the names of the gatherings they hold (rule
    /// `body-of-a-gathering`): the body's name, the event and the sentence.
    pub held_by: Vec<(String, EntityId, usize)>,
}

impl<'a> Reader<'a> {
    fn new(lx: &'static Lexicon, doc: &'a Document, lowered: &'a str) -> Reader<'a> {
        let mut boiler_blocks = vec![false; doc.blocks.len()];
        for (i, b) in boiler_blocks.iter_mut().enumerate() {
            *b = lx.is_boilerplate(doc.block_text(i));
        }
        let sents = doc
            .sentences
            .iter()
            .enumerate()
            .map(|(index, s)| Sent {
                index,
                block: s.block,
                kind: doc.blocks[s.block].kind,
                toks: tokens::tokenize_lowered(&doc.text, lowered, lx, s.start, s.end),
                mentions: Vec::new(),
                // A block of one sentence was judged whole above.
                boilerplate: boiler_blocks[s.block]
                    || (doc.sentence_text(index).len() < doc.block_text(s.block).len()
                        && lx.is_boilerplate(doc.sentence_text(index))),
            })
            .collect();
        let mut r = Reader {
            lx,
            doc,
            sents,
            reg: Registry::default(),
            memberships: Vec::new(),
            participations: Vec::new(),
            quotations: Vec::new(),
            main_event: None,
            main_org: None,
            publisher: None,
            held_by: Vec::new(),
            event_context: None,
        };
        if let Some(p) = &doc.meta.publisher {
            let id = r.reg.add(EntityKind::Organization, p, 0);
            r.publisher = Some(id);
        }
        r
    }

    pub fn evidence(&self, sentence: usize, rule: &'static rules::Rule) -> Evidence {
        Evidence {
            sentence,
            rule: rule.name,
            confidence: rule.confidence,
        }
    }

    /// The text of tokens `a..b` of sentence `s`, as written.
    pub fn text(&self, s: usize, a: usize, b: usize) -> &'a str {
        let toks = &self.sents[s].toks;
        &self.doc.text[toks[a].start..toks[b - 1].end]
    }

    /// Pass 1: every capitalised span of every sentence, typed and registered.
    fn find_names(&mut self) {
        for s in 0..self.sents.len() {
            if self.sents[s].boilerplate {
                continue;
            }
            let spans = names::spans(&self.doc.text, &self.sents[s].toks, self.lx);
            let mut mentions = Vec::new();
            let mut skip_until = 0;
            for (a, b) in spans {
                if a < skip_until {
                    continue;
                }
                let (m, consumed) = self.classify(s, a, b);
                skip_until = consumed;
                mentions.extend(m);
            }
            self.sents[s].mentions = mentions;
            self.nicknames(s);
            self.coordinated_names(s);
            self.parallel_list_items(s);
            self.coordinated_places(s);
            self.bracketed_bodies(s);
            self.bodies_given_as_examples(s);
            self.holders_of_gatherings(s);
        }
    }

    /// Rule `nickname-in-quotes`: one capitalised word in quotation marks straight after a
    /// person's name, no kind of its own, is the name they go by ("Ana Ruiz 'Tamsk'"): an
    /// alias of that person, so that "Minister Tamsk" later is the same one. Not in a list of
    /// such pairs, where the quotes hold the titles of talks ("A B 'Pay' and C D 'Jobs'").
    fn nicknames(&mut self, s: usize) {
        let sent = &self.sents[s];
        let toks = &sent.toks;
        let opens = |k: usize| {
            toks.get(k)
                .is_some_and(|t| matches!(t.text, "‘" | "“" | "\""))
        };
        let closes = |k: usize| {
            toks.get(k)
                .is_some_and(|t| matches!(t.text, "’" | "”" | "\""))
        };
        let found: Vec<(usize, EntityId)> = sent
            .mentions
            .windows(2)
            .enumerate()
            .filter_map(|(i, w)| {
                let (p, q) = (&w[0], &w[1]);
                let person = p.entity.filter(|_| p.kind == Some(EntityKind::Person))?;
                let word = &toks[q.start];
                let quoted = q.start == p.end + 1
                    && q.end == q.start + 1
                    && opens(p.end)
                    && closes(q.end)
                    && q.kind.is_none()
                    && !word.is_acronym()
                    && !word.lex.is_stopword()
                    && !word.lex.is_event_head()
                    && !word.lex.is_thing_head();
                quoted.then_some((i + 1, person))
            })
            .collect();
        if found.len() != 1 {
            return;
        }
        for (mi, person) in found {
            let m = &self.sents[s].mentions[mi];
            let text = self.text(s, m.start, m.end).to_owned();
            self.reg.alias(person, &text);
            let m = &mut self.sents[s].mentions[mi];
            m.kind = Some(EntityKind::Person);
            m.entity = Some(person);
        }
    }

    /// Rule `holder-of-a-gathering`: an untyped name whose possessive owns a conference,
    /// congress or convention is the body that holds it: "Brask's biennial conference",
    /// "Velltu's 12th National Congress". People hold no congress; a name already typed keeps
    /// its kind.
    fn holders_of_gatherings(&mut self, s: usize) {
        let found: Vec<usize> = {
            let toks = &self.sents[s].toks;
            let holds_a_gathering = |end: usize| {
                toks.get(end).is_some_and(|t| t.kind == Kind::Possessive)
                    && (end + 1..toks.len().min(end + 5))
                        .take_while(|&k| matches!(toks[k].kind, Kind::Word | Kind::Number))
                        .any(|k| {
                            matches!(
                                toks[k].lower().as_ref(),
                                "conference" | "congress" | "convention" | "agm" | "synod"
                            )
                        })
            };
            self.sents[s]
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| {
                    m.kind.is_none() && m.end - m.start <= 4 && holds_a_gathering(m.end)
                })
                .map(|(i, _)| i)
                .collect()
        };
        for mi in found {
            self.make_org(s, mi);
        }
    }

    /// Rule `bracketed-body`: a word no lexicon knows, in brackets straight after a person's
    /// name, in a list of two or more such names, is the body they come from: "led by A B
    /// (Unite) and C D (Unison)". A known place, given name, role or stopword is not.
    fn bracketed_bodies(&mut self, s: usize) {
        let sent = &self.sents[s];
        let lx = self.lx;
        let toks = &sent.toks;
        let ms = &sent.mentions;
        let after_person = |i: usize| {
            let m = &ms[i];
            i > 0
                && m.start >= 2
                && ms[i - 1].kind == Some(EntityKind::Person)
                && ms[i - 1].end == m.start - 1
                && toks[m.start - 1].text == "("
                && toks.get(m.end).is_some_and(|t| t.text == ")")
        };
        // Two or more people with a bracket after their name: a list, not an aside.
        let listed = ms
            .iter()
            .filter(|m| {
                m.kind == Some(EntityKind::Person) && toks.get(m.end).is_some_and(|t| t.text == "(")
            })
            .count();
        if listed < 2 {
            return;
        }
        let found: Vec<usize> = (0..ms.len())
            .filter(|&i| {
                let m = &ms[i];
                let w = toks[m.start].text;
                m.kind.is_none()
                    && m.end == m.start + 1
                    && after_person(i)
                    && lx.place(w).is_none()
                    && !lx.is_given_name(w)
                    && !lx.is_role_word(w)
                    && !lx.is_stopword(w)
            })
            .collect();
        for i in found {
            self.type_mention(s, i, EntityKind::Organization);
        }
    }

    /// Rule `coordinated-names`: an untyped person-shaped name coordinated with a person ("A
    /// B, Wei Tanaka and C D attended") is a person too; the type spreads along the list. Two
    /// names joined by a comma alone are a name and its appositive, no list.
    fn coordinated_names(&mut self, s: usize) {
        loop {
            let sent = &self.sents[s];
            // A short aside in brackets after the first name: "A B (Tom), C D".
            let joined = |x: &Mention, y: &Mention| list_joined(&sent.toks, x, y, true);
            let ms = &sent.mentions;
            // In a list whose items a semicolon ends ("A B, Tolvik; C D, Hull;"), what follows
            // a name and a comma describes it.
            let item_end = |m: &Mention| sent.toks.get(m.end).is_some_and(|t| t.text == ";");
            // A portfolio after a role's "of"/"for" is no one: "Minister of Foreign Affairs, A B".
            // Nor is a name after an article: "the head of the Tolvik Nations, A B".
            let portfolio = |m: &Mention| {
                (m.start >= 2
                    && matches!(sent.toks[m.start - 1].lower().as_ref(), "of" | "for")
                    && sent.toks[m.start - 2].lex.is_role_word())
                    || (m.start >= 1 && sent.toks[m.start - 1].is("the"))
            };
            // The list's items: a name in brackets after another is an aside, not an item.
            let aside = |m: &Mention| {
                m.start >= 1
                    && sent.toks[m.start - 1].text == "("
                    && sent.toks.get(m.end).is_some_and(|t| t.text == ")")
            };
            let items: Vec<&Mention> = ms.iter().filter(|m| !aside(m)).collect();
            let person = |m: &Mention| m.kind == Some(EntityKind::Person);
            // Two names and a comma only, "A B, C D.", are a name and its appositive (a byline's
            // outlet: "By A B, Velby Outlook."), not a list.
            let comma_only = |x: &Mention, y: &Mention| {
                sent.toks
                    .get(x.end..y.hon.unwrap_or(y.start))
                    .is_some_and(|b| b.len() == 1 && b[0].text == ",")
            };
            let pair_by_comma = |i: usize, j: usize| {
                comma_only(items[i], items[j])
                    && (i == 0 || !joined(items[i - 1], items[i]))
                    && (j + 1 >= items.len() || !joined(items[j], items[j + 1]))
            };
            let found = (0..items.len()).find(|&i| {
                let m = items[i];
                m.kind.is_none()
                    && !item_end(m)
                    && !portfolio(m)
                    && (2..=4).contains(&(m.end - m.start))
                    && names::person_shaped(&sent.toks, m.start, m.end, self.lx)
                    && ((i > 0
                        && person(items[i - 1])
                        && joined(items[i - 1], m)
                        && !pair_by_comma(i - 1, i))
                        || (i + 1 < items.len()
                            && person(items[i + 1])
                            && joined(m, items[i + 1])
                            && !pair_by_comma(i, i + 1)))
            });
            let Some(i) = found.and_then(|i| {
                let start = items[i].start;
                ms.iter().position(|m| m.start == start)
            }) else {
                return;
            };
            self.type_mention(s, i, EntityKind::Person);
        }
    }

    /// Rule `coordinated-places`: unknown names in a list of places after a preposition of
    /// place (or "visited"), joined by commas and "and", are places too: "installed at Velby,
    /// Brask and Paris", "delegates from Tolvik, Paris and Brask". The list holds at least one
    /// known place and no name of another kind; an item that reads as a person's (a given name
    /// first), a field ("Safety") or holds a body's, gathering's or post's word stays untyped.
    fn coordinated_places(&mut self, s: usize) {
        let sent = &self.sents[s];
        let joined = |x: &Mention, y: &Mention| list_joined(&sent.toks, x, y, false);
        let locative = |m: &Mention| {
            m.start >= 1
                && matches!(
                    sent.toks[m.start - 1].lower().as_ref(),
                    "in" | "at" | "from" | "to" | "across" | "near" | "between" | "visited"
                )
        };
        let unknown_place = |m: &Mention| {
            let toks = &sent.toks[m.start..m.end];
            m.kind.is_none()
                && m.hon.is_none()
                && (1..=3).contains(&toks.len())
                && toks.iter().all(|t| t.is_cap() && !t.is_acronym())
                && !toks[0].lex.is_given_name()
                // "Mar.", "Tenn.": an abbreviation, unless the full stop ends the sentence.
                && (!sent.is_punct(m.end, ".") || m.end + 1 == sent.toks.len())
        };
        let plain = |m: &Mention| {
            sent.toks[m.start..m.end].iter().all(|t| {
                !(t.lex.is_org_head()
                    || t.lex.is_event_head()
                    || t.lex.is_role_word()
                    || t.lex.is_honorific()
                    || t.lex.is_stopword()
                    || names::is_subject_word(t.text))
            })
        };
        let ms = &sent.mentions;
        let mut found = Vec::new();
        let mut i = 0;
        while i < ms.len() {
            // The list that starts at mention i.
            let mut j = i + 1;
            while j < ms.len() && joined(&ms[j - 1], &ms[j]) {
                j += 1;
            }
            let list = &ms[i..j];
            let places = list
                .iter()
                .filter(|m| m.kind == Some(EntityKind::Place))
                .count();
            let fits = list
                .iter()
                .all(|m| m.kind == Some(EntityKind::Place) || unknown_place(m) && plain(m));
            if list.len() >= 2 && places >= 1 && fits && locative(&list[0]) {
                found.extend((i..j).filter(|&k| ms[k].kind.is_none()));
            }
            i = j;
        }
        for i in found {
            self.type_mention(s, i, EntityKind::Place);
        }
    }

    /// Rule `bodies-as-examples`: names given as examples of a kind of body are bodies of that
    /// kind, though no lexicon knows them: "unions including Brasko, Velltu and the BDU",
    /// "companies such as Brantex and Mardel", "affiliates, among them Forsko". Names already
    /// typed keep their kind.
    fn bodies_given_as_examples(&mut self, s: usize) {
        let lx = self.lx;
        let is = |toks: &[Token], i: usize, word: &str| toks.get(i).is_some_and(|t| t.is(word));
        let plural_body = |t: &Token| {
            let word = t.lower();
            BODIES_IN_THE_PLURAL.contains(&word.as_ref())
                || word.ends_with('s')
                    && names::singular_noun(&word).is_some_and(|sg| lx.is_org_head(&sg))
        };
        // The token after each cue that follows a plural word for bodies.
        let starts: Vec<usize> = {
            let toks = &self.sents[s].toks;
            (1..toks.len())
                .filter_map(|k| {
                    let cue_len = if ["including", "like", "notably"]
                        .iter()
                        .any(|c| is(toks, k, c))
                    {
                        1
                    } else if is(toks, k, "such") && is(toks, k + 1, "as")
                        || is(toks, k, "among") && is(toks, k + 1, "them")
                    {
                        2
                    } else {
                        return None;
                    };
                    let head = if toks[k - 1].text == "," { k - 1 } else { k };
                    (head >= 1 && toks[head - 1].kind == Kind::Word && plural_body(&toks[head - 1]))
                        .then_some(k + cue_len)
                })
                .collect()
        };
        for mut q in starts {
            loop {
                if is(&self.sents[s].toks, q, "the") {
                    q += 1;
                }
                let Some(mi) = self.sents[s].mentions.iter().position(|m| m.start == q) else {
                    break;
                };
                let m = &self.sents[s].mentions[mi];
                let untyped = m.kind.is_none() && m.end - m.start <= 4;
                q = m.end;
                if untyped {
                    self.make_org(s, mi);
                }
                let toks = &self.sents[s].toks;
                // An acronym in brackets after the name: "(HWU)".
                if toks.get(q).is_some_and(|t| t.text == "(")
                    && toks.get(q + 2).is_some_and(|t| t.text == ")")
                {
                    q += 3;
                }
                let joins = |i: usize| is(toks, i, "and") || is(toks, i, "or");
                if is(toks, q, ",") && joins(q + 1) {
                    q += 2;
                } else if is(toks, q, ",") || joins(q) {
                    q += 1;
                } else {
                    break;
                }
            }
        }
    }

    /// A surname after a capitalised title ("President Tovan", "Governor Brask", "Prime
    /// Minister Holt") is also known by that titled form, as the text writes it: the name a
    /// reader would give a person the report names no other way.
    fn titled_surnames(&mut self) {
        let mut titled: Vec<(EntityId, String)> = Vec::new();
        for s in 0..self.sents.len() {
            let sent = &self.sents[s];
            for m in &sent.mentions {
                let (Some(EntityKind::Person), Some(id)) = (m.kind, m.entity) else {
                    continue;
                };
                let a = m.start;
                if m.end != a + 1 || m.hon.is_some() {
                    continue;
                }
                let from = (a.saturating_sub(2)..a).find(|&f| {
                    sent.toks[f..a]
                        .iter()
                        .all(|t| t.kind == Kind::Word && t.is_cap())
                        && !sent.toks[f..a].iter().any(Token::is_acronym)
                        && self.lx.is_role(self.text(s, f, a))
                });
                if let Some(f) = from {
                    titled.push((id, self.text(s, f, m.end).to_owned()));
                }
            }
        }
        for (id, name) in titled {
            self.reg.alias(id, &name);
        }
    }

    /// Pass 2: people first named by surname or title and surname, and organisations by
    /// acronym, merge into the fuller names found later.
    fn merge_names(&mut self) {
        let people: Vec<EntityId> = self.reg.live(EntityKind::Person).collect();
        for &p in &people {
            let name = self.reg.get(p).name.clone();
            if name.split_whitespace().count() != 1 {
                continue;
            }
            if let Some(full) = self.reg.person_by_part(&name) {
                if full != p {
                    self.reg.merge(p, full);
                }
            }
        }
        let orgs: Vec<EntityId> = self.reg.live(EntityKind::Organization).collect();
        for &o in &orgs {
            let name = self.reg.get(o).name.clone();
            if name.chars().all(|c| c.is_uppercase() || c == '&') {
                if let Some(full) = self.reg.org_by_initials(&name) {
                    if full != o {
                        self.reg.merge(o, full);
                    }
                }
            }
        }
        // "Council of Delegates" after "the NCD Council of Delegates": the name without the
        // acronym of its parent is a short form of it.
        let orgs: Vec<EntityId> = self.reg.live(EntityKind::Organization).collect();
        // After an acronym and a space, the rest of a name, lowercased ("council of x").
        let rests: Vec<Option<String>> = orgs
            .iter()
            .map(|&l| {
                let name = &self.reg.get(l).name;
                let (first, rest) = name.split_once(' ')?;
                (first.len() >= 2 && first.chars().all(char::is_uppercase))
                    .then(|| rest.to_lowercase())
            })
            .collect();
        for &o in &orgs {
            let short = self.reg.get(o).name.to_lowercase();
            if short.split_whitespace().count() < 2 {
                continue;
            }
            let long = orgs
                .iter()
                .zip(&rests)
                .find(|(_, rest)| rest.as_deref() == Some(short.as_str()))
                .map(|(&l, _)| l);
            if let Some(long) = long.filter(|&l| self.reg.resolve(l) != self.reg.resolve(o)) {
                self.reg.merge(o, long);
            }
        }
        self.merge_short_forms_named_first();
        events::merge_optional_word_forms(&mut self.reg);
        self.state_forms_of_countries();
        self.merge_country_forms();
        // Remap mentions to the entities they were merged into.
        for s in self.sents.iter_mut() {
            for m in s.mentions.iter_mut() {
                if let Some(e) = m.entity {
                    m.entity = Some(self.reg.resolve(e));
                }
            }
        }
    }

    /// Rule `state-form-of-a-country`: "the Republic of Malawi", "the Principality of Monaco",
    /// "the Federal Republic of Germany": a country named with its form of state is that
    /// country under its fullest name, the short one an alias. (The name finder keeps the
    /// country apart from "Republic of", a body's head word.)
    fn state_forms_of_countries(&mut self) {
        let mut found: Vec<(EntityId, String, usize)> = Vec::new();
        for (s, sent) in self.sents.iter().enumerate() {
            for m in &sent.mentions {
                let (Some(EntityKind::Place), Some(id)) = (m.kind, m.entity) else {
                    continue;
                };
                let text = self.text(s, m.start, m.end);
                if self.lx.place(text) != Some(lexicon::PlaceKind::Country) {
                    continue;
                }
                if let Some(from) = state_form_before(&sent.toks, m.start) {
                    // Not inside a body's name: "the Embassy of the Republic of Tolvik".
                    let inside = sent.mentions.iter().any(|o| o.start < from && o.end > from);
                    if !inside {
                        found.push((id, self.text(s, from, m.end).to_owned(), s));
                    }
                }
            }
        }
        for (id, long, s) in found {
            let full = self.reg.add(EntityKind::Place, &long, s);
            self.reg.merge(id, full);
        }
    }

    /// Rule `one-country-by-its-forms`: two places that are forms of one country's name ("the
    /// US" and "the United States", "PNG" and "Papua New Guinea") are one place.
    fn merge_country_forms(&mut self) {
        // The first place found of each country, by the country's line in the lexicon.
        let mut first: HashMap<usize, EntityId> = HashMap::new();
        let places: Vec<EntityId> = self.reg.live(EntityKind::Place).collect();
        for id in places {
            let Some(country) = self.lx.country(&self.reg.get(id).name) else {
                continue;
            };
            match first.get(&country) {
                Some(&one) => self.reg.merge(id, one),
                None => {
                    first.insert(country, id);
                }
            }
        }
    }

    /// Rule `short-form-named-first`: a body named first by a short form and later in full
    /// is one body when the full name only adds a company's legal form ("Brantex" then
    /// "Brantex Group Limited") or the country or place it is of ("Velby Youth League" then
    /// "Velby Youth League of Kenya"). (A short form named after the full one is found as it
    /// is met, by `Registry::org_by_prefix`.)
    fn merge_short_forms_named_first(&mut self) {
        let orgs: Vec<(EntityId, String)> = self
            .reg
            .live(EntityKind::Organization)
            .map(|id| (id, lexicon::key(&self.reg.get(id).name)))
            .collect();
        // The sentence of each body's first mention.
        let mut first: HashMap<EntityId, usize> = HashMap::new();
        for (s, sent) in self.sents.iter().enumerate() {
            for m in &sent.mentions {
                if let Some(e) = m.entity {
                    first.entry(self.reg.resolve(e)).or_insert(s);
                }
            }
        }
        let first_seen = |id: &EntityId| first.get(id).copied().unwrap_or(usize::MAX);
        for (short, key_short) in &orgs {
            // A head word alone ("the Council") may be any body of its kind.
            if !key_short.contains(' ') && self.lx.is_org_head(key_short) {
                continue;
            }
            // Named first: mentioned in an earlier sentence than the full name, or the same.
            for (long, key_long) in orgs
                .iter()
                .filter(|(long, _)| first_seen(long) >= first_seen(short))
            {
                let Some(rest) = key_long
                    .strip_prefix(key_short.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                else {
                    continue;
                };
                if self.reg.resolve(*long) != self.reg.resolve(*short)
                    && self.only_form_or_place(&self.reg.get(*long).name, rest)
                {
                    self.reg.merge(*short, *long);
                    break;
                }
            }
        }
    }

    /// Is `rest`, the words a full name `name` adds to a short form (keyed), only a
    /// company's legal form ("group limited") or "of" and a known place ("of kenya")?
    fn only_form_or_place(&self, name: &str, rest: &str) -> bool {
        const FORMS: &[&str] = &[
            "group",
            "holdings",
            "limited",
            "ltd",
            "inc",
            "incorporated",
            "corporation",
            "corp",
            "plc",
            "company",
            "co",
            "llc",
        ];
        if rest.split(' ').all(|w| FORMS.contains(&w)) {
            return true;
        }
        let Some(place) = rest.strip_prefix("of ") else {
            return false;
        };
        let words = place.split(' ').count();
        let original: Vec<&str> = name.split_whitespace().collect();
        let tail = original[original.len().saturating_sub(words)..].join(" ");
        !place.is_empty() && self.lx.place(&tail).is_some()
    }

    /// Turns a weakly typed or untyped mention into an organisation (a role's "of X" says so).
    pub fn make_org(&mut self, s: usize, mi: usize) -> Option<EntityId> {
        let m = self.sents[s].mentions[mi].clone();
        match (m.kind, m.entity) {
            (Some(EntityKind::Organization), Some(id)) => Some(id),
            (Some(EntityKind::Person), _) | (Some(EntityKind::Event), _) => None,
            (Some(EntityKind::Place), Some(_))
                if self.lx.place(self.text(s, m.start, m.end)).is_some() =>
            {
                None
            }
            // A field alone is a portfolio's, not a body: "(Minister of Research,
            // Technology)", "Secretary of Law".
            (None, _) if self.field_alone(s, &m) => None,
            _ => Some(self.type_mention(s, mi, EntityKind::Organization)),
        }
    }

    /// One word that names a field ("Technology", "Law", "Environment"), not a body's head
    /// word or an acronym, nor "Labour", which alone names a party ("Labour's executive").
    fn field_alone(&self, s: usize, m: &Mention) -> bool {
        let t = &self.sents[s].toks[m.start];
        m.end == m.start + 1
            && !t.is_acronym()
            && !t.lex.is_org_head()
            && !matches!(t.lower().as_ref(), "labour" | "labor")
            && (names::is_subject_word(t.text) || t.lower() == "law")
    }

    /// Gives mention `mi` of sentence `s` the entity of `kind` its words name, new or known
    /// to the registry under that name: the one place the passes that type a mention from
    /// its context (lists, brackets, roles) record what they found.
    fn type_mention(&mut self, s: usize, mi: usize, kind: EntityKind) -> EntityId {
        let m = &self.sents[s].mentions[mi];
        let text = self.text(s, m.start, m.end).to_owned();
        let id = self.reg.add(kind, &text, s);
        let m = &mut self.sents[s].mentions[mi];
        m.kind = Some(kind);
        m.entity = Some(id);
        id
    }

    /// Turns an untyped or weakly typed mention into a place (an office's territory).
    pub fn make_place(&mut self, s: usize, mi: usize) -> Option<EntityId> {
        let m = self.sents[s].mentions[mi].clone();
        match (m.kind, m.entity) {
            (Some(EntityKind::Place), Some(id)) => Some(id),
            (Some(_), _) => None,
            _ => Some(self.type_mention(s, mi, EntityKind::Place)),
        }
    }

    /// A name first met in capitals (a dateline, a heading: "VELBY", "MRS HALE") takes the
    /// spelling of a later mention in mixed case ("Velby"), when one spells the same name.
    fn respell_capitals(&mut self) {
        let shouting = |n: &str| !n.chars().any(char::is_lowercase);
        let mut spelt: Vec<(EntityId, String)> = Vec::new();
        for (s, sent) in self.sents.iter().enumerate() {
            for m in &sent.mentions {
                let Some(id) = m.entity else { continue };
                let id = self.reg.resolve(id);
                let name = &self.reg.get(id).name;
                if !shouting(name) || name.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
                    continue;
                }
                let text = self.text(s, m.start, m.end);
                if !shouting(text) && lexicon::key(text) == lexicon::key(name) {
                    spelt.push((id, text.to_owned()));
                }
            }
        }
        for (id, text) in spelt {
            if shouting(&self.reg.get(id).name) {
                self.reg.get_mut(id).name = registry::written_name(&text);
            }
        }
    }

    fn finish(mut self) -> Extraction {
        // Again: a role's "of X" may have made a short form a body after pass 2.
        self.merge_short_forms_named_first();
        self.respell_capitals();
        // Entities that something still points to: a mention, a claim, the report itself.
        let mut used = HashSet::new();
        for s in &self.sents {
            for m in &s.mentions {
                if let Some(e) = m.entity {
                    used.insert(self.reg.resolve(e));
                }
            }
        }
        for m in &self.memberships {
            used.insert(self.reg.resolve(m.member));
            used.insert(self.reg.resolve(m.organization));
        }
        for p in &self.participations {
            used.insert(self.reg.resolve(p.person));
            used.insert(self.reg.resolve(p.event));
        }
        for q in &self.quotations {
            used.insert(self.reg.resolve(q.speaker));
        }
        for e in [self.main_event, self.publisher].into_iter().flatten() {
            used.insert(self.reg.resolve(e));
        }
        if let Some(ctx) = &self.event_context {
            for ms in &ctx.mentions {
                for &(_, _, e) in ms {
                    used.insert(self.reg.resolve(e));
                }
            }
        }
        let (entities, map) = self.reg.into_entities();
        // Events and places that an event or a title points to stay too.
        for e in entities.iter() {
            for x in [e.part_of, e.location].into_iter().flatten() {
                used.insert(map[x]);
            }
            for t in &e.job_titles {
                for x in [t.jurisdiction, t.constituency].into_iter().flatten() {
                    used.insert(map[x]);
                }
            }
        }
        // Keep live entities that something refers to or that were named; renumber.
        let mut new_id = vec![usize::MAX; entities.len()];
        let mut kept = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            if map[i] == i && !e.name.is_empty() && used.contains(&i) {
                new_id[i] = kept.len();
                kept.push(e.clone());
            }
        }
        let id = |old: EntityId| new_id[map[old]];
        for e in kept.iter_mut() {
            e.part_of = e.part_of.map(id);
            e.location = e.location.map(id);
            for t in e.job_titles.iter_mut() {
                t.jurisdiction = t.jurisdiction.map(id);
                t.constituency = t.constituency.map(id);
            }
        }
        let mut memberships: Vec<Membership> = self
            .memberships
            .into_iter()
            .map(|mut m| {
                m.member = id(m.member);
                m.organization = id(m.organization);
                m
            })
            .collect();
        memberships.dedup_by(|a, b| {
            a.member == b.member && a.organization == b.organization && a.role == b.role
        });
        let participations = self
            .participations
            .into_iter()
            .map(|mut p| {
                p.person = id(p.person);
                p.event = id(p.event);
                p
            })
            .collect();
        let quotations = self
            .quotations
            .into_iter()
            .map(|mut q| {
                q.speaker = id(q.speaker);
                q
            })
            .collect();
        Extraction {
            entities: kept,
            memberships,
            participations,
            quotations,
            main_event: self.main_event.map(id),
            publisher: self.publisher.map(id),
        }
    }
}

/// Head words of bodies that hold gatherings (not of sectors: "Housing Forum" is no union's).
const BODY_HEADS: &[&str] = &[
    "union",
    "unions",
    "federation",
    "confederation",
    "association",
    "party",
    "league",
    "society",
    "congress",
    "institute",
    "university",
    "church",
    "alliance",
    "chamber",
    "guild",
    "club",
    "movement",
    "organisation",
    "organization",
    "coalition",
];

/// Rule `gathering-of-a-body`: a name whose head is a gathering that is also a body's head
/// ("Conference", "Forum", "Assembly") names the gathering when a body or its members are
/// named before the head: "Harbour Workers' Union Biennial Conference", "HWU General Assembly",
/// "Regional Delegates' Conference", "Foreign Ministers' Forum". "Congress" and "Caucus" are
/// left to the other rules: "Harbour Dock Union Congress" is a body.
/// Rule `said-to-take-place`: a name that "took place" or "was held" is a gathering, though
/// its head also names a body: "Diocesan Synod took place on Saturday", "The Harvest Forum was
/// held in Marden", "the Tolvik Assembly will be held online".
/// A name whose head is both a gathering's and a body's ("Forum", "Festival", "Fair",
/// "Convention") names the gathering after a verb of taking part in one or of opening it:
/// "addressed the Tolvik Forum", "inaugurated the Trade Fair", "during the Brask Festival",
/// "took part in the Velby Forum", "spoke at the Marden Fair". `start` is the name's first
/// token.
fn taken_part_in(toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && toks[k - 1].is("the") {
        k -= 1;
    }
    // "took part in the Tolvik Forum", "participated in …", "spoke at the Velby Forum".
    let over = |prep: &str, verbs: &[&str]| {
        k > 1 && toks[k - 1].is(prep) && verbs.contains(&toks[k - 2].lower().as_ref())
    };
    if over(
        "in",
        &[
            "part",
            "participate",
            "participated",
            "participates",
            "participating",
        ],
    ) || over("at", &["spoke", "speak", "speaks", "speaking"])
    {
        return true;
    }
    k > 0
        && matches!(
            toks[k - 1].lower().as_ref(),
            "attended"
                | "attend"
                | "attends"
                | "attending"
                | "addressed"
                | "addressing"
                | "addresses"
                | "inaugurated"
                | "inaugurates"
                | "inaugurating"
                | "during"
                | "throughout"
        )
}

/// A duration before a name says it is a gathering: "a three-day …", "the two-week …".
fn is_duration(w: &str) -> bool {
    w.split_once('-').is_some_and(|(n, unit)| {
        matches!(unit, "day" | "days" | "week" | "weeks")
            && (n.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    n,
                    "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "ten"
                ))
    })
}

/// Words for a kind of place that take its name after "of", written in lowercase: "the town
/// of Velby".
const PLACE_KINDS: &[&str] = &[
    "city",
    "town",
    "village",
    "port",
    "province",
    "state",
    "region",
    "district",
    "county",
    "island",
    "islands",
    "municipality",
    "capital",
    "borough",
    "parish",
    "commune",
    "township",
    "prefecture",
    "governorate",
    "emirate",
    "kingdom",
    "republic",
    "suburb",
    "neighbourhood",
    "neighborhood",
];

/// Does a lexicon know this word as something other than a person's name: a place, a common
/// word, an organisation's or a gathering's head, a role, an honorific, a demonym?
fn known_as_no_name(lx: &Lexicon, t: &Token) -> bool {
    let word = t.text;
    lx.place(word).is_some()
        || lx.is_stopword(word)
        || lx.is_org_head(word)
        || lx.is_event_head(word)
        || lx.is_role_word(word)
        || lx.is_honorific(word)
        || lx.demonyms.contains_key(t.lower().as_ref())
}

fn said_to_take_place(toks: &[Token], end: usize) -> bool {
    // Over a year after the name ("… Fair 2024 was held") and adverbs between the verb's
    // parts ("was also held", "was successfully held").
    let words: Vec<String> = toks[end.min(toks.len())..]
        .iter()
        .skip_while(|t| t.kind == Kind::Number)
        .map(|t| t.lower().into_owned())
        .filter(|w| {
            !matches!(
                w.as_str(),
                "successfully" | "officially" | "formally" | "duly"
            )
        })
        .enumerate()
        .filter(|(i, w)| !(*i == 1 && w == "also"))
        .map(|(_, w)| w)
        .take(4)
        .collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let verb_at = |k: usize| {
        matches!(
            w.get(k..),
            Some(
                ["took" | "takes" | "take", "place", ..]
                    | ["was" | "is" | "will" | "were", "held", ..]
                    | ["will", "be", "held", ..]
                    | ["is", "being", "held", ..]
                    | ["kicked" | "kicks", "off", ..]
                    | ["hosted" | "organised" | "organized" | "convened", "by", ..]
                    | [
                        "was" | "is",
                        "hosted" | "organised" | "organized" | "convened",
                        ..
                    ]
                    | ["got" | "gets", "under" | "underway", ..]
            )
        )
    };
    verb_at(0) || (matches!(w.first(), Some(&("will" | "also" | "then"))) && verb_at(1))
}

/// Rule `gathering-in-apposition`: a name set off by a dash or comma from an indefinite phrase
/// with its own head word is that gathering: "Velby Forum – a newly established forum formed
/// by …", "the Marden Summit, an annual summit of growers".
fn gathering_in_apposition(toks: &[Token], end: usize, head: &str) -> bool {
    let opens = toks
        .get(end)
        .is_some_and(|t| matches!(t.text, "–" | "—" | "-" | ","));
    let indefinite = toks
        .get(end + 1)
        .is_some_and(|t| matches!(t.text, "a" | "an"));
    opens
        && indefinite
        && toks
            .iter()
            .skip(end + 2)
            .take(6)
            .take_while(|t| !t.is_cap() && !matches!(t.text, "," | "." | ";" | "–" | "—"))
            .any(|t| t.text.eq_ignore_ascii_case(head))
}

fn gathering_of(words: &[&str]) -> bool {
    let Some((head, before)) = words.split_last() else {
        return false;
    };
    let gathering = matches!(
        head.to_lowercase().as_str(),
        "conference" | "convention" | "forum" | "festival" | "assembly"
    );
    let members = |w: &str| {
        matches!(
            w.trim_end_matches(['\'', '’']).to_lowercase().as_str(),
            "delegates" | "members" | "ministers" | "presidents" | "leaders" | "mayors" | "chairs"
        )
    };
    // Not a name written all in capitals ("PRESS CONFERENCE"): its words say nothing of case.
    let acronym = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase());
    gathering
        && !acronym(head)
        && before
            .iter()
            .any(|w| BODY_HEADS.contains(&w.to_lowercase().as_str()) || acronym(w) || members(w))
}

/// The first token of a form of state before a country's name at `k`: "Republic of",
/// "Federal Democratic Republic of", "Principality of", "Kingdom of", with up to three
/// capitalised modifiers ("People's", "Islamic", "United").
fn state_form_before(toks: &[Token], k: usize) -> Option<usize> {
    const STATES: &[&str] = &[
        "Republic",
        "Kingdom",
        "Principality",
        "Sultanate",
        "Commonwealth",
        "Emirate",
        "Duchy",
        "Federation",
        "State",
    ];
    if k < 2 || !toks[k - 1].is("of") || !STATES.contains(&toks[k - 2].text) {
        return None;
    }
    let mut from = k - 2;
    while from > 0
        && k - 2 - from < 3
        && toks[from - 1].is_cap()
        && toks[from - 1].kind == Kind::Word
        && !toks[from - 1].lex.is_stopword()
        && toks[from - 1].lex.place().is_none()
    {
        from -= 1;
    }
    // "People's Republic": the possessive is its own token.
    if from >= 2 && toks[from - 1].kind == Kind::Possessive && toks[from - 2].is_cap() {
        from -= 2;
    }
    Some(from)
}

#[cfg(test)]
mod tests;
