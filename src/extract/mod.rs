//! The extractor: a `Document` → an `Extraction` of people, organisations, places and events,
//! with affiliations, participation and quotations, each pointing to its evidence sentence.
//!
//! Rules are code; world knowledge (given names, role titles, places...) is data in
//! `ontology/lexicons/`, built into the binary and parsed once. The passes, in order:
//! `names` (typed mentions, merged into entities), `roles` (affiliations and titles), `events`
//! (the main event, sessions, who took part), `quotes` (who said what). The extractor returns
//! plain types and knows nothing of RDF or the store.

pub mod lexicon;
pub mod names;
pub mod rules;
pub mod tokens;
pub mod view;
pub mod word_class;

mod events;
mod learned;
mod pairs;
mod participation;
mod presence;
mod quotes;
mod roles;
mod verbs;

use crate::model::{
    BlockKind, Document, EntityId, EntityKind, Evidence, Extraction, Membership, Participation,
    Quotation,
};
use lexicon::Lexicon;
use names::{Mention, Registry};
pub use pairs::PairCandidate;
pub use presence::PersonCandidate;
use std::collections::HashSet;
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
            self.coordinated_names(s);
            self.coordinated_places(s);
            self.bracketed_bodies(s);
            self.bodies_given_as_examples(s);
            self.holders_of_gatherings(s);
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
    /// B, Wei Tanaka and C D attended") is a person too; the type spreads along the list.
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
            let found = (0..items.len()).find(|&i| {
                let m = items[i];
                m.kind.is_none()
                    && !item_end(m)
                    && !portfolio(m)
                    && (2..=4).contains(&(m.end - m.start))
                    && names::person_shaped(&sent.toks, m.start, m.end, self.lx)
                    && ((i > 0 && person(items[i - 1]) && joined(items[i - 1], m))
                        || (i + 1 < items.len() && person(items[i + 1]) && joined(m, items[i + 1])))
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

    /// Types the span `a..b` of sentence `s`; returns its mentions (an acronym defined in
    /// brackets after a name gives a second one) and the token up to which spans are consumed.
    fn classify(&mut self, s: usize, a: usize, b: usize) -> (Vec<Mention>, usize) {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let heading = self.sents[s].kind == BlockKind::Heading;
        let mut a = a;
        let mut b = b;
        // An honorific inside the run ("Dr Kwame X") or just before it ("Ms. X").
        // Not the first word of a campaign's name: "Justice for Tolvik".
        let lead = if toks.get(a + 1).is_some_and(|t| t.is("for")) {
            0
        } else {
            names::leading_honorific(toks, (a, b), lx)
        };
        let mut hon = None;
        if lead > 0 {
            hon = Some(a);
            a += lead;
        } else if let Some(h) = names::honorific_before(toks, a, lx) {
            hon = Some(h);
        } else if a >= 1
            && b - a >= 2
            && lx.is_honorific(&format!("{} {}", toks[a - 1].text, toks[a].text))
        {
            // "Her Excellency X": the stopword "Her" was cut from the run.
            hon = Some(a - 1);
            a += 1;
        }
        // A role or an honour after a name is not part of it: "A B MP", "A B OBE", "A B CMG
        // MP".
        while b - a >= 3
            && (toks[b - 1].is_acronym()
                && (toks[b - 1].lex.is_role() || HONOURS.contains(&toks[b - 1].text))
                || toks[b - 1].dotted_letters().is_some_and(|l| lx.is_role(&l)))
        {
            b -= 1;
        }
        // Rule `surname-then-post-nominal`: a surname alone before a legislator's post-nominal
        // title is a person ("Okafor MP", "Byrne TD"): the title rules read the title after it.
        // Rule `office-then-surname`: a surname alone after an office written as a title is a
        // person ("Senator Whitcombe said"): the role rules read the office before it.
        let office_then_surname = b - a == 1
            && a >= 1
            && hon.is_none()
            && !toks[a].lex.is_honorific()
            && (1..=3.min(a)).any(|n| names::titled_surname(toks, (a - n, b), a - 1, lx));
        if office_then_surname
            || b - a == 2
                && hon.is_none()
                && matches!(
                    toks[b - 1].text,
                    "MP" | "MSP" | "MEP" | "TD" | "MLA" | "MPP" | "MHA" | "MS" | "MNA"
                )
                && toks[a].is_cap()
                && !toks[a].is_acronym()
                && !toks[a].lex.is_stopword()
                && toks[a].lex.place().is_none()
                && !toks[a].lex.is_org_head()
                && !toks[a].lex.is_role()
        {
            let name = toks[a].text;
            let id = self
                .reg
                .person_by_part(name)
                .unwrap_or_else(|| self.reg.add(EntityKind::Person, name, s));
            self.reg.seen(id, s);
            let m = Mention {
                start: a,
                end: a + 1,
                kind: Some(EntityKind::Person),
                entity: Some(id),
                hon: None,
            };
            return (vec![m], b);
        }
        // Lowercase organisation units after a name: "Hull Central branch".

        let mut unit = false;
        if b < toks.len()
            && matches!(
                toks[b].text,
                "branch" | "committee" | "chapter" | "local" | "caucus"
            )
        {
            b += 1;
            unit = true;
        }
        // Rule `named-branch`: a name, a few lowercase words, then "branch": "the Westmoor
        // health and welfare branch".
        if !unit {
            let mut q = b;
            while q < toks.len()
                && q < b + 4
                && toks[q].kind == Kind::Word
                && !toks[q].is_cap()
                && (toks[q].is("and") || !toks[q].lex.is_stopword())
                && toks[q].text != "branch"
            {
                q += 1;
            }
            if q > b && toks.get(q).is_some_and(|t| t.text == "branch") {
                b = q + 1;
                unit = true;
            }
        }
        // A state's institution named by its demonym: "the Ruritanian government", "the
        // Ruritanian embassy" (rule `demonym-institution`).
        if b - a == 1
            && b < toks.len()
            && lx.demonyms.contains_key(toks[a].lower().as_ref())
            && matches!(
                toks[b].text,
                "government"
                    | "embassy"
                    | "parliament"
                    | "cabinet"
                    | "consulate"
                    | "army"
                    | "navy"
                    | "police"
                    | "presidency"
            )
        {
            b += 1;
            unit = true;
        }
        if !unit && named_government_or_party(toks, a, b, lx) {
            b += 1;
            unit = true;
        }
        let text = self.text(s, a, b).to_owned();
        let n = b - a;
        let first = toks[a];
        let last = toks[b - 1];
        let prev = a.checked_sub(1).map(|i| toks[i]);
        let prev2 = a.checked_sub(2).map(|i| toks[i]);
        let next = toks.get(b).copied();
        let mention = |kind: Option<EntityKind>, entity: Option<EntityId>| Mention {
            start: a,
            end: b,
            kind,
            entity,
            hon,
        };
        let mut out = Vec::new();

        if self.dateline(s, a, b) {
            let id = self.reg.add(EntityKind::Place, &text, s);
            return (vec![mention(Some(EntityKind::Place), Some(id))], b);
        }
        // "Full Name (ACR)": an acronym defined in brackets.
        if !unit
            && next.is_some_and(|t| t.text == "(")
            && toks.get(b + 1).is_some_and(|t| t.is_acronym())
            && toks.get(b + 2).is_some_and(|t| t.text == ")")
            && lx.place(&text).is_none()
            // "Rina Rao (HWU)": a person's name and their organisation's acronym; after an
            // honorific ("Mrs. E. Marlowe (EM)") only the person's own initials.
            && (names::could_abbreviate(&text, toks[b + 1].text)
                || names::initials_with_middle(&text, toks[b + 1].text)
                || (hon.is_none() && !names::person_shaped(toks, a, b, lx)))
        {
            let acr = toks[b + 1].text;
            // "Harbour Trades Union Congress (HTUC)" is a body, "Regional Delegates' Conference (RDC)"
            // a gathering: a head that is both is an event when a body is named before it.
            let words: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
            let is_event = last.lex.is_event_head()
                && (!last.lex.is_org_head() || gathering_of(&words))
                // "Congress of Tolvik Trade Unions (COTTU)": a gathering's word first, a
                // body's last, is the body.
                || first.lex.is_event_head() && !last.lex.is_org_head();
            // Rule `initials-in-brackets`: "K. Ormsby (KO)", "Jane Doe (JD)": a person's
            // initials, as minutes and roll calls write them.
            // Not after "the": "the Tolvik Knowledge System (TKS)" is a body's.
            let person = hon.is_some()
                || (names::person_shaped(toks, a, b, lx)
                    && !prev.is_some_and(|p| p.is("the"))
                    && (first.lex.is_given_name()
                        || first.text.split('.').all(|i| i.chars().count() == 1)));
            let kind = if is_event {
                EntityKind::Event
            } else if person {
                EntityKind::Person
            } else {
                EntityKind::Organization
            };
            let id = self.reg.add(kind, &text, s);
            if kind == EntityKind::Organization {
                if let Some(old) = self.reg.find(EntityKind::Organization, acr) {
                    self.reg.merge(old, id);
                }
            }
            self.reg.alias(id, acr);
            out.push(mention(Some(kind), Some(id)));
            out.push(Mention {
                start: b + 1,
                end: b + 2,
                kind: Some(kind),
                entity: Some(id),
                hon: None,
            });
            return (out, b + 3);
        }

        // Acronyms and all-capital words.
        if n == 1 && first.is_acronym() {
            let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
            // Rule `honorific-then-capitals`: "Mr. HALE", "Mrs ROTH": a surname in capitals,
            // as old minutes and lists write it.
            if let Some(h) = hon {
                if names::capitals_as_a_surname(first.text, lx) && first.lex.place().is_none() {
                    let id = self.reg.add(EntityKind::Person, first.text, s);
                    self.note_honorific(s, h, a, b, id);
                    return (vec![mention(Some(EntityKind::Person), Some(id))], b);
                }
            }
            if first.lex.place().is_some() {
                let id = self.reg.add(EntityKind::Place, first.text, s);
                return (vec![mention(Some(EntityKind::Place), Some(id))], b);
            }
            if first.lex.is_role() || first.lex.is_honorific() || letters > 6 {
                return (out, b);
            }
            // "at 7 AM": a unit after a number; "TV and radio": a head word alone names no
            // body; "J. Pell (JP)": a person's initials in brackets after their name.
            let after_number = prev.is_some_and(|p| p.kind == Kind::Number);
            let initials_of_person = prev.is_some_and(|p| p.text == "(") && {
                let before: String = toks[a.saturating_sub(6)..a - 1]
                    .iter()
                    .rev()
                    .take_while(|t| t.is_cap() || t.text == ".")
                    .filter(|t| t.is_cap())
                    .filter_map(|t| t.text.chars().next())
                    .collect::<Vec<char>>()
                    .into_iter()
                    .rev()
                    .collect();
                before.len() >= 2 && before == first.text
            };
            if after_number || first.lex.is_org_head() || initials_of_person {
                return (out, b);
            }
            // "AGM", "EGM": a meeting's abbreviation is no organisation.
            if first.lex.is_event_head() {
                return (out, b);
            }
            if let Some(id) = self.reg.find(EntityKind::Organization, first.text) {
                self.reg.seen(id, s);
                return (vec![mention(Some(EntityKind::Organization), Some(id))], b);
            }
            if let Some(id) = self.reg.org_by_initials(first.text) {
                self.reg.alias(id, first.text);
                self.reg.seen(id, s);
                return (vec![mention(Some(EntityKind::Organization), Some(id))], b);
            }
            let term_definition = prev.is_some_and(|p| p.text == "(")
                && prev2.is_some_and(|p| p.kind == Kind::Word && !p.is_cap());
            // "HIV", "ATM", "NGO": an abbreviation of common words, unless defined above.
            if term_definition || first.lex.is_common_acronym() {
                return (out, b);
            }
            let id = self.reg.add(EntityKind::Organization, first.text, s);
            return (vec![mention(Some(EntityKind::Organization), Some(id))], b);
        }

        // Names already known in this report.
        const KNOWN: [EntityKind; 4] = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Event,
            EntityKind::Place,
        ];
        if let Some((kind, id)) = self.reg.find_first(&KNOWN, &text) {
            self.reg.seen(id, s);
            self.reg.other_legal_form(id, &text);
            if let Some(h) = hon {
                self.note_honorific(s, h, a, b, id);
            }
            return (vec![mention(Some(kind), Some(id))], b);
        }
        let shaped = names::person_shaped(toks, a, b, lx);
        if n <= 2 && shaped {
            if let Some(id) = self.reg.person_by_part(&text) {
                self.reg.alias(id, &text);
                self.reg.seen(id, s);
                if let Some(h) = hon {
                    self.note_honorific(s, h, a, b, id);
                }
                return (vec![mention(Some(EntityKind::Person), Some(id))], b);
            }
        }
        // A known place is not the start of a body's name: "New York" after "the New York
        // Times" stays the city.
        if n >= 2 && lx.place(&text).is_none() {
            if let Some(id) = self.reg.org_by_prefix(&text) {
                self.reg.alias(id, &text);
                self.reg.seen(id, s);
                return (vec![mention(Some(EntityKind::Organization), Some(id))], b);
            }
        }

        // An honorific makes a person. Rule `courtesy-then-surname`: after a courtesy title
        // ("Mr", "Mrs", "Dr") one capitalised word is a surname even when it is also a head
        // word ("Mrs. Bridge seconded", "Mrs Hill said", "Dr Wood"); not a post ("Mr
        // President", "Madam Chair").
        let courtesy_surname = n == 1
            && hon.is_some_and(|h| names::is_courtesy(toks, h, a))
            && first.is_cap()
            && !first.is_acronym()
            && !first.lex.is_role()
            && !first.lex.is_honorific()
            && !first.lex.is_stopword();
        // "Rotarian Dr. A B", "Cllr Mrs A B": a second honorific after the first is no name.
        let only_honorifics = toks[a..b]
            .iter()
            .all(|t| t.lex.is_honorific() || t.text == ".");
        if hon.is_some() && (shaped || courtesy_surname) && !only_honorifics {
            let id = self.reg.add(EntityKind::Person, &text, s);
            self.note_honorific(s, hon.unwrap_or(a), a, b, id);
            return (vec![mention(Some(EntityKind::Person), Some(id))], b);
        }

        let kind = self.kind_of(s, a, b, unit, heading);
        // Rule `ordinal-event`: an event's ordinal is part of its name ("the 51st Harbour
        // Congress"); the name without it stays an alias for later mentions.
        if kind == Some(EntityKind::Event)
            && prev.is_some_and(|p| {
                p.is_ordinal() && (p.is_cap() || p.text.starts_with(|c: char| c.is_ascii_digit()))
            })
        {
            let id = self.reg.add(EntityKind::Event, self.text(s, a - 1, b), s);
            self.reg.alias(id, &text);
            let m = Mention {
                start: a - 1,
                ..mention(Some(EntityKind::Event), Some(id))
            };
            return (vec![m], b);
        }
        if let Some(kind) = kind {
            let id = self.reg.add(kind, &text, s);
            if kind == EntityKind::Event {
                if let Some(k) = body_of_a_gathering(toks, a, b, lx) {
                    let body = self.text(s, a, k).to_owned();
                    self.held_by.push((body, id, s));
                }
            }
            return (vec![mention(Some(kind), Some(id))], b);
        }
        out.push(mention(None, None));
        (out, b)
    }

    /// The kind a new name has, from its words and its neighbours.
    fn kind_of(
        &self,
        s: usize,
        a: usize,
        b: usize,
        unit: bool,
        heading: bool,
    ) -> Option<EntityKind> {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let words: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
        let text = self.text(s, a, b);
        let n = b - a;
        // The first and last words, as text and as what the lexicons say of them.
        let (first, last) = (words[0], words[n - 1]);
        let (fc, lc) = (toks[a].lex, toks[b - 1].lex);
        let prev = a.checked_sub(1).map(|i| toks[i]);
        let next = toks.get(b);
        let has_connector = words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase));
        let has_year = toks[b - 1].kind == Kind::Number;

        if unit {
            return Some(EntityKind::Organization);
        }
        // Rule `kind-of-place-of`: a name after the kind of place it is, "the town of Velby",
        // "the port of Marden", "the province of Tolvik".
        if n <= 3
            && prev.is_some_and(|p| p.is("of"))
            && a >= 2
            && PLACE_KINDS.contains(&toks[a - 2].text)
            && toks[a..b].iter().all(|t| {
                t.is_cap()
                    && !t.lex.is_org_head()
                    && !t.lex.is_event_head()
                    && !t.lex.is_role_word()
            })
        {
            return Some(EntityKind::Place);
        }
        // A union local by its number: "Local 27", "HWU Lodge 49".
        if has_year && n >= 2 && names::NUMBERED_UNITS.contains(&words[n - 2]) {
            return Some(EntityKind::Organization);
        }
        // Rule `place-and-acronym`: a regional body of an organisation known by its acronym:
        // "Manitoba HWU", "HWU Tolvik".
        if n == 2 {
            let (x, y) = (toks[a], toks[a + 1]);
            let regional = |acr: &Token, place: &Token| {
                acr.is_acronym() && acr.lex.place().is_none() && place.lex.place().is_some()
            };
            if regional(&x, &y) || regional(&y, &x) {
                return Some(EntityKind::Organization);
            }
        }
        // Rule `role-then-given-name`: a given name after a role begins a person's name, even
        // when the surname is also a head word ("President Renata Plaza", "Minister Ana Bay").
        if (2..=4).contains(&n)
            && fc.is_given_name()
            && toks[a..b].iter().all(|t| t.is_cap() && !t.is_acronym())
            && self.role_before(s, a)
        {
            return Some(EntityKind::Person);
        }
        // Rule `campaign-verb-name`: a name that opens with a campaign's imperative and runs
        // three words or more: "Keep Marden Buses Public", "Hands Off Marden Library".
        if n >= 3
            && matches!(
                first,
                "Save" | "Stop" | "Keep" | "Defend" | "Protect" | "Hands" | "Reclaim" | "Scrap"
            )
            && !toks[a + 1].lex.is_given_name()
        {
            return Some(EntityKind::Organization);
        }
        // Rule `campaign-name`: "Dockers for Justice", "Justice for Tolvik".
        if let Some(f) = (a + 1..b.saturating_sub(1)).find(|&k| toks[k].is("for")) {
            if names::campaign_name(toks, (a, f), (f + 1, b), lx) {
                return Some(EntityKind::Organization);
            }
        }
        // Rule `topic-no-body`: a field or cause written with capitals names nothing:
        // "Mental Health", "Climate Change", "Human Resources".
        if lx.is_topic(text) {
            return None;
        }
        // Rule `honorific-no-name`: honorifics alone name nobody: "Principal Secretary Amb.",
        // "Cllr Mrs".
        if toks[a..b]
            .iter()
            .all(|t| t.text.chars().all(|c| !c.is_alphanumeric()) || t.lex.is_honorific())
        {
            return None;
        }
        // Rule `demonym-no-entity`: an adjective of place is no name, however many words it
        // has: "Sri Lankan (President)", "Latin American (countries)", "the South African
        // (delegation)"; not one that is also the place's name ("New Zealand").
        if lx.demonyms.contains_key(&lexicon::key(text)) && lx.place(text).is_none() {
            return None;
        }
        // A capitalised role title is no entity: "Communications Officer",
        // "Executive Secretary-Treasurer".
        // Not after initials, where the word is a surname: "K. P. Dean", "R. Judge".
        let after_initials = names::is_initial(toks, a, lx);
        // Nor after a given name: "Rose Bishop", "Anna King".
        let after_given_name = n == 2 && names::given_name_before_a_surname(first, lx);
        if lx.is_role(text)
            || lx.is_occupation(text)
            || (n <= 4 && lc.is_role_word() && !after_initials && !after_given_name)
        {
            return None;
        }
        // Rule `compass-place`: a known place after a point of the compass is a place too
        // ("East Pakistan", "South Tolvik"); an adjective's region stays a description
        // ("Western Uganda", "North East Asia").
        let compass = n == 2 && matches!(first, "North" | "South" | "East" | "West");
        if lx.place(text).is_some() || (compass && lc.place().is_some()) {
            return Some(EntityKind::Place);
        }
        // Events: "Northern Growers Conference 2024", "Workshop on X", "Baltic Summit".
        let hc = if has_year && n >= 2 {
            toks[b - 2].lex
        } else {
            lc
        };
        // "18 March 2024", "March 2024": a date, though "march" is an event head.
        let date = tokens::is_date_month(toks, if has_year { b - 2 } else { b - 1 });
        // A two-word head, its last word no gathering alone: "Presentation Night".
        // (A two-word head's first word is one that starts a head.)
        let head_pair = n >= 2
            && toks[b - 2].lex.starts_event_head()
            && lx.is_event_head(&format!("{} {}", words[n - 2], last));
        let event_last = (hc.is_event_head() || head_pair) && n >= 2 && !date;
        let event_first = fc.is_event_head() && has_connector && n >= 3;
        if event_last || event_first {
            let also_org = hc.is_org_head() || (event_first && fc.is_org_head());
            let ordinal_before = toks[a].is_ordinal()
                || prev.is_some_and(|p| {
                    p.is_ordinal()
                        || matches!(p.lower().as_ref(), "annual" | "next" | "last" | "biennial")
                        || is_duration(&p.lower())
                });
            // "the HWU Congress", "the NFW Summit": an organisation's acronym before the head
            // names its gathering.
            let acronym_event =
                n <= 3 && toks[a].is_acronym() && !toks[b - 1].is_acronym() && fc.place().is_none();
            if !also_org
                || has_year
                || ordinal_before
                || acronym_event
                || self.in_title(s)
                || gathering_of(&words[..if has_year { n - 1 } else { n }])
                || said_to_take_place(toks, b)
                || taken_part_in(toks, a)
            {
                return Some(EntityKind::Event);
            }
        }
        // Organisations: a head word last ("… Union"), or first with a connector ("University
        // of …"), or a compound of another language ("…genossenschaft").
        // Heads that are both: institutions are organisations ("Lakeside University"),
        // venues are places ("Riverside Conference Centre") unless a connector makes them an
        // institution ("Centre for Housing Studies").
        let last_l = last.to_lowercase();
        // Rule `venue-after-at`: "at the Hill Secondary School", "at Ely Golf Club": after
        // "at" an institution that is also a place names the venue.
        let at = prev.is_some_and(|p| p.is("at"))
            || (prev.is_some_and(|p| p.is("the")) && a >= 2 && toks[a - 2].is("at"));
        let institution = INSTITUTIONS.contains(&last_l.as_str())
            && !(at && matches!(last_l.as_str(), "school" | "club" | "lodge" | "college"));
        let place_head_last = lc.is_place_head() && !institution;
        let org_last = lc.is_org_head() && n >= 2;
        let org_first = fc.is_org_head() && has_connector && n >= 3;
        let org_first_strong = fc.is_org_head()
            && n >= 2
            && !place_head_last
            && !names::is_weak_head(first)
            && !fc.is_place_head();
        let compound = n >= 2 && words.iter().any(|w| lx.has_org_suffix(w));
        // Rule `generic-body`: a name of generic words only ("Board of Directors", "National
        // Executive Council", "Standing Committee") is an organ of some organisation, not one.
        if words.iter().all(|w| is_generic_body_word(w)) {
            return None;
        }
        // A kind of body in the plural, after a word for how they stand to the writer, is no
        // one body: "Member Federations", "Charity Partners", "Sister Unions".
        if n == 2
            && last.ends_with('s')
            && lc.is_org_head()
            && matches!(
                first.to_lowercase().as_str(),
                "member"
                    | "charity"
                    | "partner"
                    | "affiliate"
                    | "affiliated"
                    | "sister"
                    | "fellow"
                    | "other"
                    | "local"
                    | "regional"
            )
        {
            return None;
        }
        // Rule `venue-of`: after "at" or "in", a building "of" something is the venue: "in the
        // Great Hall of the People", "at the Church of the Holy Cross", "at the Palace of X".
        let at_or_in = |k: usize| toks[k].is("at") || toks[k].is("in");
        let placed = prev.is_some_and(|p| p.is("at") || p.is("in"))
            || (prev.is_some_and(|p| p.is("the")) && a >= 2 && at_or_in(a - 2));
        if placed {
            if let Some(of) = words.iter().position(|w| *w == "of").filter(|&o| o >= 1) {
                let building = words[of - 1];
                if matches!(
                    building,
                    "Church"
                        | "Cathedral"
                        | "Chapel"
                        | "Basilica"
                        | "Temple"
                        | "Mosque"
                        | "Palace"
                        | "Hall"
                        | "Castle"
                        | "Abbey"
                ) {
                    return Some(EntityKind::Place);
                }
            }
        }
        if (org_last && (has_connector || !place_head_last))
            || org_first
            || org_first_strong
            || compound
        {
            return Some(EntityKind::Organization);
        }
        // Rule `given-name-and-place-head`: a given name and a surname that is a place's head
        // word, with a cue of its own after it, is a person: "Leo Park, president of X,",
        // "Ann Hill said" (not "Victoria Park" after "and", "with" or "at").
        let weak_prev = prev.is_some_and(|p| {
            matches!(
                p.lower().as_ref(),
                "and" | "with" | "including" | "included" | "met" | "by" | "at" | "in" | "to"
            )
        });
        if n == 2 && place_head_last && fc.is_given_name() && !weak_prev && self.person_cue(s, a, b)
        {
            return Some(EntityKind::Person);
        }
        // Places: a head word last or first ("Victoria Park", "Hotel Gartenstadt", "X-Hof").
        let hyphen_head = last
            .rsplit('-')
            .next()
            .is_some_and(|p| p.len() < last.len() && lx.is_place_head(p));
        if (place_head_last && n >= 2)
            || (fc.is_place_head() && n >= 2 && !has_connector)
            || hyphen_head
        {
            return Some(EntityKind::Place);
        }
        // After a portfolio or academic role, capitalised words belong to the title:
        // "Minister of State for Environment", "Lecturer in Planning".
        let after_role = a >= 2
            && prev.is_some_and(|p| matches!(p.lower().as_ref(), "of" | "for" | "in"))
            && (toks[a - 2].lex.is_role() || toks[a - 2].lex.is_occupation());
        if after_role
            && lx.place(text).is_none()
            && !lc.is_org_head()
            && !names::is_initial(toks, a, lx)
        {
            return None;
        }
        let given = fc.is_given_name();
        // Rule `organisation-head-inside`: a head word anywhere in a name that no rule above
        // typed ("Socialist Party of Ruritania", "Radio Tolvik Internationale", "Daily News X"),
        // after a place's name only when the head, one of its first words, takes "of"
        // ("Kenya Federation of Labour", "Ontario Union of Teachers").
        let head_then_of = toks[a..b]
            .windows(2)
            .take(3)
            .any(|p| p[0].lex.is_org_head() && p[1].text == "of");
        let shouted = n >= 3 && toks[a..b].iter().all(|t| t.is_acronym());
        let not_a_body = [
            "award",
            "awards",
            "prize",
            "medal",
            "trophy",
            "cup",
            "scholarship",
            "plan",
            "act",
            "bill",
            "report",
            "strategy",
            "programme",
            "program",
        ]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w));
        if n >= 2
            && !given
            && !has_year
            && !shouted
            && !not_a_body
            && toks[a..b].iter().any(|t| t.lex.is_org_head())
            && (fc.place().is_none() || head_then_of)
        {
            return Some(EntityKind::Organization);
        }
        // Rule `organisation-before-its-people`: an unknown name before the word for its
        // staff or a post in it, or its possessive before one: "Zantex workers", "Dorvia
        // activist", "Acme country director", "Acme's former finance manager".
        if n <= 2
            && !given
            && (n == 2
                || a > 0
                || next.is_some_and(|t| t.kind == Kind::Possessive)
                || self.opens_a_lede(s, b))
            && !fc.is_stopword()
            && !lx.demonyms.contains_key(first.to_lowercase().as_str())
            && !(n == 1 && (fc.is_org_head() || fc.is_role_word()))
            && (next.is_some_and(|t| staff_word_at(self, s, b, t))
                || (next.is_some_and(|t| t.kind == Kind::Possessive) && self.post_after(s, b + 1))
                || (lx.place(text).is_none() && self.titled_post_then_name(s, b)))
        {
            return Some(EntityKind::Organization);
        }
        let shaped = names::person_shaped(toks, a, b, lx);
        let after_place_prep = prev.is_some_and(|p| {
            matches!(
                p.lower().as_ref(),
                "in" | "at"
                    | "near"
                    | "to"
                    | "across"
                    | "through"
                    | "outside"
                    | "around"
                    | "towards"
                    | "into"
                    | "from"
                    | "inside"
            )
        });
        // "from Ana Ruiz", "presented to Tomas Brandt": a given name makes "from", "to" or
        // "towards" introduce a person; "in"/"at" still introduce a place.
        let to_or_from = prev.is_some_and(|p| p.is("from") || p.is("to") || p.is("towards"));
        if shaped && given && n >= 2 && (!after_place_prep || to_or_from) {
            return Some(EntityKind::Person);
        }
        // Rule `initials-then-surname`: dotted initials before a surname name a person as a
        // given name does ("Present: K. L. Vance", "R. G. Kerr and Tom Hale").
        let initials_first = n >= 3 && names::is_initial(toks, a, lx) && last.chars().count() >= 2;
        if shaped && initials_first && !after_place_prep && lc.place().is_none() {
            return Some(EntityKind::Person);
        }
        if heading {
            // Venue headings: "Lindenhof, Westend" — the part after the comma.
            if prev.is_some_and(|p| p.text == ",") && b == toks.len() && n <= 2 {
                return Some(EntityKind::Place);
            }
            return None;
        }
        // Not after "of", "at", "for" or an article: "of the Tolvik Nations, spoke" names a body.
        let after_of =
            prev.is_some_and(|p| matches!(p.lower().as_ref(), "of" | "at" | "for" | "the"));
        if shaped && n >= 2 && !after_of && self.person_cue(s, a, b) {
            return Some(EntityKind::Person);
        }
        // An unknown name after "from" is as often an organisation as a place ("a speaker from
        // Zantex"): it stays untyped unless the lexicons know it.
        let after_from = prev.is_some_and(|p| p.is("from"));
        let any_head = toks[a..b]
            .iter()
            .any(|t| t.lex.is_org_head() || t.lex.is_event_head());
        if after_place_prep && !after_from && !any_head && n <= 3 && !fc.is_stopword() {
            return Some(EntityKind::Place);
        }
        if shaped && given && n >= 2 {
            return Some(EntityKind::Person);
        }
        if n == 1 && given && self.lone_given_name(s, a) {
            return Some(EntityKind::Person);
        }
        if n == 1 && self.titled_name_alone(s, a) {
            return Some(EntityKind::Person);
        }
        if n == 1 && self.speaker_of_a_quotation(s, a) {
            return Some(EntityKind::Person);
        }
        None
    }

    /// Rule `speaker-of-a-quotation`: one capitalised word that no lexicon knows, named as
    /// the speaker right after a quotation closes, is a person named by one name (a surname
    /// used alone, or a mononym): "\"We will win,\" said Velltu.", "\"We will win,\" Velltu
    /// said.", "\"…\", said Brask, who chairs the branch". Not a word the report also writes in
    /// lowercase.
    fn speaker_of_a_quotation(&self, s: usize, a: usize) -> bool {
        let toks = &self.sents[s].toks;
        if a < 2 {
            return false;
        }
        // A quotation mark after something: one that closes a quotation.
        let closing_quote = |k: usize| k >= 1 && matches!(toks[k].text, "\"" | "”" | "’");
        let lower = |k: usize| toks.get(k).map(|t| t.lower()).unwrap_or_default();
        let closes = toks
            .get(a + 1)
            .is_none_or(|t| matches!(t.text, "." | "," | ";"));
        // "…," said Velltu. / "…", said Velltu,
        let said_after_quote = verbs::attributes_speech(&lower(a - 1))
            && closes
            && (closing_quote(a - 2) || a >= 3 && toks[a - 2].text == "," && closing_quote(a - 3));
        // "…," Velltu said.
        let quote_then_said = closing_quote(a - 1) && verbs::says_they_spoke(&lower(a + 1));
        (said_after_quote || quote_then_said) && self.unknown_lone_word(&toks[a])
    }

    /// One capitalised word that may be a name used alone: three letters or more, no
    /// acronym, no word a lexicon knows as something else, none the report writes in
    /// lowercase.
    fn unknown_lone_word(&self, t: &Token) -> bool {
        let word = t.text;
        t.is_cap()
            && !t.is_acronym()
            && word.chars().count() >= 3
            && word.chars().all(char::is_alphabetic)
            && !known_as_no_name(self.lx, t)
            && !self.written_in_lowercase(word)
    }

    /// Rule `role-then-lone-name`: one capitalised word that no lexicon knows, right after a
    /// post written in lowercase, is a person named by one name (a surname used alone, or a
    /// mononym as many countries use) when a verb of speech or of taking part follows it:
    /// "union president Marlowe said", "TWU secretary Bhupendra presented the report", and
    /// set off by commas, "the general secretary, Ferreira, moved the motion".
    fn titled_name_alone(&self, s: usize, a: usize) -> bool {
        let toks = &self.sents[s].toks;
        if a == 0 || !self.unknown_lone_word(&toks[a]) {
            return false;
        }
        let set_off = toks[a - 1].text == "," && toks.get(a + 1).is_some_and(|n| n.text == ",");
        let role_at = if set_off {
            a.checked_sub(2)
        } else {
            Some(a - 1)
        };
        let Some(r) = role_at else {
            return false;
        };
        let role = &toks[r];
        if role.kind != Kind::Word || role.is_cap() || !role.lex.is_role() {
            return false;
        }
        let v = if set_off { a + 2 } else { a + 1 };
        let lower = |k: usize| {
            toks.get(k)
                .map(|t| t.lower().into_owned())
                .unwrap_or_default()
        };
        let (verb, next, next2) = (lower(v), lower(v + 1), lower(v + 2));
        verbs::says_they_spoke(&verb)
            || participation::subject_verb_role(&verb, &next, &next2).is_some()
    }

    /// Rule `given-name-alone`: a given name standing alone names a person when its sentence
    /// has them speak or describes them: "Mary said", "said Tiago.", "Mary, a nurse,",
    /// "Mary, 34,". Not a word the report also writes in lowercase ("Rose", "Will"), a place
    /// ("Florence"), or a word any lexicon knows as something else.
    fn lone_given_name(&self, s: usize, a: usize) -> bool {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let word = toks[a].text;
        if word.chars().count() < 3 || toks[a].is_acronym() || known_as_no_name(lx, &toks[a]) {
            return false;
        }
        let lower = |k: usize| toks.get(k).map(|t| t.lower());
        let closes = |k: usize| {
            toks.get(k)
                .is_none_or(|t| matches!(t.text, "." | "," | ";"))
        };
        let speaks_after = lower(a + 1).is_some_and(|w| verbs::says_they_spoke(&w));
        let said_before =
            a >= 1 && lower(a - 1).is_some_and(|w| verbs::attributes_speech(&w)) && closes(a + 1);
        let described = toks.get(a + 1).is_some_and(|t| t.text == ",")
            && toks.get(a + 2).is_some_and(|t| {
                t.kind == Kind::Number || matches!(t.lower().as_ref(), "a" | "an" | "aged" | "who")
            });
        (speaks_after || said_before || described) && !self.written_in_lowercase(word)
    }

    /// Does the report write this word in lowercase somewhere (a common word, not a name)?
    fn written_in_lowercase(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.sents
            .iter()
            .any(|sent| sent.toks.iter().any(|t| t.text == lower))
    }

    /// Does a post in a body begin at token `k`, maybe after a word for when it was held:
    /// "(Acme's) chief executive", "(Acme's) former country director".
    fn post_after(&self, s: usize, k: usize) -> bool {
        let toks = &self.sents[s].toks;
        let when = |t: &Token| {
            matches!(
                t.lower().as_ref(),
                "former" | "new" | "acting" | "outgoing" | "incoming" | "interim" | "then"
            )
        };
        let k = if toks.get(k).is_some_and(when) {
            k + 1
        } else {
            k
        };
        if toks.get(k).is_some_and(|t| staff_word_at(self, s, k, t)) {
            return true;
        }
        // A post whose first words the lexicon lacks: "human resources manager".
        let lower = |t: &Token| t.kind == Kind::Word && !t.is_cap();
        let run = toks[k.min(toks.len())..]
            .iter()
            .take(4)
            .take_while(|t| lower(t))
            .count();
        (2..=run).any(|e| toks[k + e - 1].lex.is_role())
    }

    /// Rule `organisation-opens-a-lede`: a sentence that opens with one unknown word, then
    /// a post in lowercase and a person's name, opens with the post's body, as news ledes
    /// write it: "Brantex chief executive Tom Hale said …", "Velltu chair Dr Ana Ruiz …".
    /// Not a word the report writes in lowercase, nor one shaped as an adjective or a
    /// participle ("Retired teacher A B", "Renowned economist A B"). `b` ends the word.
    fn opens_a_lede(&self, s: usize, b: usize) -> bool {
        const ADJECTIVE_ENDINGS: &[&str] = &[
            "ed", "ing", "ous", "ful", "ive", "ent", "ant", "al", "ic", "ary", "ly", "ish", "less",
            "est", "ior", "ble",
        ];
        let toks = &self.sents[s].toks;
        if b != 1 {
            return false;
        }
        let word = toks[0].text;
        let lower = toks[0].lower();
        let post = toks[1..]
            .iter()
            .take(4)
            .take_while(|t| t.kind == Kind::Word && !t.is_cap())
            .count();
        let name_after = toks
            .get(1 + post)
            .is_some_and(|t| t.is_cap() && (t.lex.is_honorific() || t.lex.is_given_name()));
        post >= 1
            && name_after
            // The post, maybe after a word of tenure or the body's kind: "former chief
            // executive", "union president".
            && (1..=post).any(|j| {
                self.lx.is_role(self.text(s, j, 1 + post))
                    && toks[1..j].iter().all(|t| {
                        t.lex.is_org_head()
                            || matches!(
                                t.lower().as_ref(),
                                "former" | "new" | "acting" | "outgoing" | "incoming" | "interim"
                            )
                    })
            })
            && !toks[0].lex.is_role_modifier()
            && !ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
            && !self.written_in_lowercase(word)
    }

    /// Rule `dateline`: the place a report was filed from, opening its first paragraph before
    /// the date or the agency, as press releases and wire copy write it: "VELBY, 12 March
    /// 2025 –", "Velby, March 12 (Tolvik News) –", "VELBY (Reuters) –", "VELBY — …". One to
    /// three capitalised words, no body's, gathering's or post's word among them; a colon
    /// alone ("THEME:") is no dateline.
    fn dateline(&self, s: usize, a: usize, b: usize) -> bool {
        const WHEN: &[&str] = &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        let toks = &self.sents[s].toks;
        let first_of_block = self.doc.blocks[self.sents[s].block].start
            == self.doc.sentences[self.sents[s].index].start;
        if a != 0 || !first_of_block || b - a > 3 || s > 3 {
            return false;
        }
        let plain = toks[a..b].iter().all(|t| {
            t.is_cap()
                && !t.lex.is_org_head()
                && !t.lex.is_event_head()
                && !t.lex.is_role_word()
                && !t.lex.is_honorific()
                && !t.lex.is_given_name()
                && !WHEN.contains(&t.lower().trim_end_matches('.'))
                // A page's label before its date: "UPDATED, 5 June 2019".
                && !matches!(
                    t.lower().as_ref(),
                    "updated" | "posted" | "published" | "released" | "issued" | "dated"
                        | "modified" | "filed" | "date" | "last"
                )
        });
        let dash = |k: usize| {
            toks.get(k)
                .is_some_and(|t| matches!(t.text, "–" | "—" | "-"))
        };
        let at = |k: usize| toks.get(k).map(|t| t.text).unwrap_or("");
        // A whole date after the comma: a month or a weekday next to a number.
        let when = |k: usize| {
            toks.get(k)
                .is_some_and(|t| WHEN.contains(&t.lower().trim_end_matches('.')))
        };
        let number = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Number);
        let date_after_comma =
            at(b) == "," && (when(b + 1) && number(b + 2) || number(b + 1) && when(b + 2));
        let agency = at(b) == "(" && (b + 2..b + 5).any(|c| at(c) == ")" && dash(c + 1));
        // Without a date, only a name in capitals, as wire copy writes it.
        let capitals = toks[a..b]
            .iter()
            .all(|t| t.text.chars().all(|c| !c.is_lowercase()));
        plain && (date_after_comma || capitals && (agency || dash(b)))
    }

    /// Does a post written as a title with its scope, then a name, begin at token `k`:
    /// "(Velcor) Regional Director Ana Ruiz", "(Acme) Country Director Dr Tom Hale"?
    fn titled_post_then_name(&self, s: usize, k: usize) -> bool {
        let toks = &self.sents[s].toks;
        let post = toks[k.min(toks.len())..]
            .iter()
            .take_while(|t| {
                t.is_cap()
                    && !t.is_acronym()
                    && (names::is_scope_of_a_post(t.text) || t.lex.is_role_word())
            })
            .count();
        // The post opens with its scope ("Regional", "Country"): a portfolio before a bare
        // office is no organisation ("Agriculture Commissioner A B").
        post >= 2
            && names::is_scope_of_a_post(toks[k].text)
            && toks[k + post - 1].lex.is_role_word()
            && toks
                .get(k + post)
                .is_some_and(|t| t.lex.is_honorific() || (t.lex.is_given_name() && t.is_cap()))
    }

    /// Words around a span that introduce a person: ", 34,", ", director of", ", who",
    /// "(27)", "said X", "by X", "X told".
    fn person_cue(&self, s: usize, a: usize, b: usize) -> bool {
        let sent = &self.sents[s];
        let lx = self.lx;
        let prev = a.checked_sub(1).and_then(|i| sent.toks.get(i));
        if prev.is_some_and(|p| {
            matches!(
                p.lower().as_ref(),
                "said" | "by" | "says" | "added" | "with" | "including" | "included" | "met"
            )
        }) {
            return true;
        }
        // "A B and C D": joined to a person named before, opening with a given name, or the
        // subject of a clause of its own (", and Coral Hale was kind"); "… Human Resource and
        // Create Excellent Skills and …" is no list of people.
        let verb_next = sent.toks.get(b).is_some_and(|t| {
            matches!(t.lower().as_ref(), "was" | "is" | "has" | "had" | "will")
                || verbs::follows_a_name(&t.lower())
        });
        if prev.is_some_and(|p| p.is("and"))
            && (sent.toks[a].lex.is_given_name()
                || verb_next
                || a >= 2
                    && sent
                        .mention_ending(a - 1)
                        .is_some_and(|m| m.kind == Some(EntityKind::Person)))
        {
            return true;
        }
        if sent.kind == BlockKind::ListItem && a == 0 {
            return true;
        }
        // A label or a role, then a colon or a bracket: "Moderator: A B", "Chair (A B)" (not
        // a role's qualifier: "Chairman (Pro Tem)").
        if a >= 2
            && prev.is_some_and(|p| p.text == ":" || p.text == "(")
            && !lx
                .role_modifiers
                .contains(&lexicon::key(self.text(s, a, b)))
            && (self.role_before(s, a - 1)
                || matches!(
                    sent.toks[a - 2].lower().as_ref(),
                    "chair"
                        | "moderator"
                        | "speaker"
                        | "speakers"
                        | "panellists"
                        | "panelists"
                        | "host"
                        | "facilitator"
                        | "presenter"
                        | "emcee"
                        | "mc"
                        | "proposed"
                        | "seconded"
                        | "proposer"
                        | "seconder"
                        | "present"
                ))
        {
            return true;
        }
        // A role just before: "state president Chandra Rao", "President Levy Banda" (a title
        // run split from the name).
        if self.role_before(s, a) {
            return true;
        }
        // The holder after a portfolio's field words: "Minister of Higher Education and
        // Training A B".
        if prev.is_some_and(|p| p.is_cap() && names::is_subject_word(p.text))
            && names::after_portfolio_role(&sent.toks, a - 1, lx)
        {
            return true;
        }
        // The role set off before the name, after a determiner: "The secretary, A B, read
        // the minutes" (not "Director, Human Rights Unit," where the role's body follows).
        let determined = |k: usize| {
            sent.toks
                .get(k)
                .is_some_and(|t| matches!(t.lower().as_ref(), "the" | "our" | "its" | "their"))
        };
        if a >= 3
            && sent.is_punct(a - 1, ",")
            && self.role_before(s, a - 1)
            && (determined(a - 3) || a >= 4 && determined(a - 4))
        {
            return true;
        }
        if self.title_set_off_before(s, a, b) {
            return true;
        }
        let Some(next) = sent.toks.get(b) else {
            return false;
        };
        // "A B was the chief guest", "A B is president of X".
        if matches!(next.lower().as_ref(), "was" | "is") {
            let k = if sent
                .toks
                .get(b + 1)
                .is_some_and(|t| matches!(t.lower().as_ref(), "the" | "a" | "an"))
            {
                b + 2
            } else {
                b + 1
            };
            if roles::role_at(self, s, k).is_some() {
                return true;
            }
        }
        if self.name_of_body_then_verb(s, b) {
            return true;
        }
        // An appositive that ends with a role word: ", Tolvik state labour and education
        // minister,".
        if next.text == "," {
            let close = (b + 2..sent.toks.len().min(b + 10)).find(|&k| sent.is_punct(k, ",;"));
            if let Some(close) = close {
                let last = &sent.toks[close - 1];
                if !last.is_cap() && last.lex.is_role_word() {
                    return true;
                }
            }
        }
        if next.text == "," || next.text == "(" {
            let Some(after) = sent.toks.get(b + 1) else {
                return false;
            };
            // "Rina Rao (HWU)": an acronym in brackets that is not the name's own.
            if next.text == "("
                && after.is_acronym()
                && sent.toks.get(b + 2).is_some_and(|t| t.text == ")")
                && !names::could_abbreviate(self.text(s, a, b), after.text)
            {
                return true;
            }
            // "Ana Ruiz (Peru), Tom Hale (UK)": a country in brackets after a person-shaped
            // name, as lists of winners, delegates and speakers give where each is from.
            if next.text == "(" {
                let close = (b + 2..sent.toks.len().min(b + 5)).find(|&k| sent.is_punct(k, ")"));
                if let Some(close) = close {
                    let inside = self.text(s, b + 1, close);
                    if lx.place(inside) == Some(lexicon::PlaceKind::Country) {
                        return true;
                    }
                }
            }
            if after.kind == Kind::Number
                || matches!(
                    after.lower().as_ref(),
                    "who" | "a" | "an" | "whose" | "aged"
                )
            {
                return true;
            }
            if next.text == "," && verbs::follows_a_name(&after.lower()) {
                return true;
            }
            return roles::role_at(self, s, b + 1).is_some();
        }
        verbs::follows_a_name(&next.lower())
    }

    /// Rule `name-of-body-then-verb`: after the name, the body or place the person is from,
    /// then the verb of the sentence: "A B of the Velby Workers Union said", "A B from Brantex
    /// told delegates", "A B of the union added". `b` is the token after the name.
    fn name_of_body_then_verb(&self, s: usize, b: usize) -> bool {
        let sent = &self.sents[s];
        let toks = &sent.toks;
        if !(sent.is(b, "of") || sent.is(b, "from")) {
            return false;
        }
        let mut k = b + 1;
        let the = sent.is(k, "the");
        if the {
            k += 1;
        }
        let start = k;
        // "the union", "the council": a body's head word in lowercase.
        if the
            && toks
                .get(k)
                .is_some_and(|t| !t.is_cap() && t.lex.is_org_head())
        {
            k += 1;
        } else {
            // A capitalised name, maybe with its connectors: "the Federation of Velby Workers".
            while k < toks.len()
                && k - start < 8
                && (toks[k].is_cap() && toks[k].kind == Kind::Word
                    || k > start && matches!(toks[k].text, "of" | "and" | "for" | "&" | "the"))
            {
                k += 1;
            }
            while k > start && !toks[k - 1].is_cap() {
                k -= 1;
            }
        }
        k > start
            && toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && verbs::follows_a_name(&t.lower()))
    }

    /// A title written in capitals, set off by a comma before a name that closes the clause:
    /// "introduced by Head of Planning and Policy, Nora Hill." (a role word opens the title).
    fn title_set_off_before(&self, s: usize, a: usize, b: usize) -> bool {
        let toks = &self.sents[s].toks;
        let closes = toks
            .get(b)
            .is_none_or(|t| matches!(t.text, "." | "," | ";" | ")" | ":"));
        if a < 3 || !self.sents[s].is_punct(a - 1, ",") || !closes {
            return false;
        }
        let in_title =
            |t: &Token| t.is_cap() || matches!(t.text, "of" | "for" | "and" | "&" | "the" | "at");
        let run = toks[..a - 1]
            .iter()
            .rev()
            .take(10)
            .take_while(|t| in_title(t))
            .count();
        if run >= 2 && toks[a - 1 - run].lex.is_role_word() {
            return true;
        }
        // A role in lowercase, its body after it: "the secretary general of the Tolvik Union,
        // A B," (the article or a possessive before the role).
        let body = &toks[a - 1 - run..a - 1];
        let of_at = body.first().is_some_and(|t| t.is("of") || t.is("at"));
        let Some(role_end) = (a - 1 - run).checked_sub(1) else {
            return false;
        };
        of_at
            && !toks[role_end].is_cap()
            && toks[role_end].lex.is_role_word()
            && (role_end.saturating_sub(3)..role_end).any(|k| {
                matches!(
                    toks[k].lower().as_ref(),
                    "the" | "its" | "their" | "his" | "her"
                ) || toks[k].kind == Kind::Possessive
            })
    }

    /// Do the one or two words before token `a` of sentence `s` form a role?
    fn role_before(&self, s: usize, a: usize) -> bool {
        let toks = &self.sents[s].toks;
        let role = |from: usize| {
            toks[from..a]
                .iter()
                .all(|t| t.kind == Kind::Word && !t.is_acronym())
                && self.lx.is_role(self.text(s, from, a))
        };
        (a >= 1 && role(a - 1)) || (a >= 2 && role(a - 2))
    }

    fn in_title(&self, s: usize) -> bool {
        let block = &self.doc.blocks[self.sents[s].block];
        block.kind == BlockKind::Heading && block.level == 1
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

    fn note_honorific(&mut self, s: usize, h: usize, a: usize, b: usize, id: EntityId) {
        let toks = &self.sents[s].toks;
        let hon: Vec<&str> = toks[h..a]
            .iter()
            .map(|t| t.text)
            .filter(|t| *t != ".")
            .collect();
        let hon = hon.join(" ");
        let titled = format!("{} {}", hon, self.text(s, a, b));
        self.reg.get_mut(id).honorifics.insert(hon);
        self.reg.alias(id, &titled);
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
        // Remap mentions to the entities they were merged into.
        for s in self.sents.iter_mut() {
            for m in s.mentions.iter_mut() {
                if let Some(e) = m.entity {
                    m.entity = Some(self.reg.resolve(e));
                }
            }
        }
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
                self.reg.get_mut(id).name = text;
            }
        }
    }

    fn finish(mut self) -> Extraction {
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
/// left to the other rules: "Harbour Trades Union Congress" is a body.
/// Rule `said-to-take-place`: a name that "took place" or "was held" is a gathering, though
/// its head also names a body: "Diocesan Synod took place on Saturday", "The Harvest Forum was
/// held in Marden", "the Tolvik Assembly will be held online".
/// A name whose head is both a gathering's and a body's ("Forum", "Festival", "Fair",
/// "Convention") names the gathering after a verb of taking part in one or of opening it:
/// "addressed the Tolvik Forum", "inaugurated the Trade Fair", "during the Brask Festival".
/// `start` is the name's first token.
fn taken_part_in(toks: &[Token], start: usize) -> bool {
    let mut k = start;
    if k > 0 && toks[k - 1].is("the") {
        k -= 1;
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

/// Rule `named-government`: a government named for its leader, or a party by its name, with
/// the head word in lowercase: "the Brask government", "the newer Velby administration", "the
/// Pirate party", "a Centre party councillor". The name is one capitalised word that no
/// lexicon knows as a place, a post or a body's head (a demonym is rule
/// `demonym-institution`'s, an acronym names the body alone); a party's name is a word of
/// politics, so that "the Christmas party" stays a gathering. The run is `a..b`.
fn named_government_or_party(toks: &[Token], a: usize, b: usize, lx: &Lexicon) -> bool {
    const TENURE: &[&str] = &["new", "newer", "current", "previous", "former", "outgoing"];
    const PARTY_NAMES: &[&str] = &[
        "Labour",
        "Labor",
        "Green",
        "Conservative",
        "Liberal",
        "Communist",
        "Socialist",
        "Democratic",
        "Republican",
        "Progressive",
        "Nationalist",
        "Pirate",
        "Reform",
        "Unionist",
        "Centre",
        "Center",
        "Christian",
        "Social",
        "Popular",
        "Workers",
    ];
    let (Some(name), Some(head)) = (toks.get(a), toks.get(b)) else {
        return false;
    };
    if b - a != 1 || !name.is_cap() || name.is_acronym() || known_as_no_name(lx, name) {
        return false;
    }
    let article = |i: usize| toks[i].is("the") || toks[i].is("a") || toks[i].is("an");
    let after_article = a >= 1
        && (article(a - 1)
            || a >= 2 && article(a - 2) && TENURE.contains(&toks[a - 1].lower().as_ref()));
    after_article
        && match head.text {
            "government" | "administration" | "regime" => {
                name.text.chars().all(char::is_alphabetic) && name.text.chars().count() >= 3
            }
            "party" => PARTY_NAMES.contains(&name.text),
            _ => false,
        }
}

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

/// Post-nominal letters of honours and orders written after a name ("Ana Ruiz OBE", "Tom Hale
/// CMG MP", "Mia Roth AO"): the British and Commonwealth orders, the Australian, New Zealand
/// and Canadian ones, and senior counsel. General knowledge; no name holds one.
const HONOURS: &[&str] = &[
    "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "CMG", "KCMG", "GCMG", "CVO", "KCVO", "GCVO", "LVO",
    "MVO", "CB", "KCB", "GCB", "CH", "OM", "KC", "QC", "SC", "JP", "DL", "FRS", "FRSE", "AC", "AO",
    "AM", "OAM", "ONZM", "CNZM", "MNZM", "KNZM", "DNZM", "GNZM", "QSO", "OC", "CM", "CQ", "ODM",
];

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
            )
        )
    };
    verb_at(0) || (matches!(w.first(), Some(&("will" | "also" | "then"))) && verb_at(1))
}

/// Rule `body-of-a-gathering`: a gathering named for the body that holds it names that body
/// too: "the HWU Congress" (an acronym), "the HWU Tolvik AGM" (an acronym and a place), "the
/// Velby Rotary Club Installation Ceremony" (words that end with a body's head and hold a
/// proper word). What follows the body is the gathering's own name: capitalised words that
/// end with a gathering's head, or its year. Returns where the body's name ends in the event's
/// span `a..b`.
fn body_of_a_gathering(toks: &[Token], a: usize, b: usize, lx: &Lexicon) -> Option<usize> {
    let b = if toks[b - 1].kind == Kind::Number {
        b - 1
    } else {
        b
    };
    if b - a < 2 || !toks[b - 1].lex.is_event_head() {
        return None;
    }
    let acronym = |t: &Token| {
        t.is_acronym() && t.lex.place().is_none() && !t.lex.is_role() && !t.lex.is_honorific()
    };
    let proper = |t: &Token| {
        acronym(t)
            || t.lex.place().is_some()
            || t.is_cap()
                && !known_as_no_name(lx, t)
                && !t.lex.is_role_modifier()
                && !t.lex.is_given_name()
                && !names::is_subject_word(&t.lower())
                && !names::is_scope_of_a_post(t.text)
    };
    // The gathering's own words after the body: words of gatherings, no body's head, place,
    // acronym or unknown name among them ("HWU Tolvik AGM": "Tolvik" is the body's).
    let own_name = |k: usize| {
        toks[k..b].iter().all(|t| {
            t.is_cap() && t.lex.place().is_none() && (!t.lex.is_org_head() || t.lex.is_event_head())
        }) && !toks[k..b - 1].iter().any(|t| t.is_acronym() || proper(t))
    };
    if acronym(&toks[a]) && own_name(a + 1) && b - a <= 4 {
        return Some(a + 1);
    }
    if b - a >= 3 && acronym(&toks[a]) && toks[a + 1].lex.place().is_some() && own_name(a + 2) {
        return Some(a + 2);
    }
    (a + 2..b).rev().find(|&k| {
        let head = toks[k - 1].lex;
        head.is_org_head()
            && !head.is_event_head()
            && toks[a..k - 1].iter().any(proper)
            && own_name(k)
    })
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

#[cfg(test)]
mod tests;
