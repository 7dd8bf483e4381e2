//! Mentions from capitalised runs: [`Reader::classify`] turns one run of a sentence into its
//! mentions, in stages that each decide or pass the run on: the honorific before a name and
//! the post-nominals after it are trimmed; a surname with a title is a person; a lowercase
//! unit after a name ("branch", "government") joins it; then a dateline, an acronym defined
//! in brackets, an acronym alone, a name already known in the report, a name after an
//! honorific, and last what `kinds` makes of the words.
//!
//! Why a module: these stages decide where a mention starts and ends and which entity it is;
//! `kinds` only says what kind a name's words make. This module writes only to the registry
//! (entities, their aliases and honorifics, merges) and to the list of gatherings named for a
//! body (`held_by`, which participation reads); it makes no claim (affiliation, part or
//! quotation) itself.

use super::names::{self, Mention};
use super::registry;
use super::tokens::{Kind, Token};
use super::{gathering_of, known_as_no_name, Reader};
use crate::model::{BlockKind, EntityId, EntityKind};

use super::lexicon::Lexicon;

/// What a stage decides: the run's mentions (none: no entity) and the token up to which runs
/// are consumed; `None` passes the run on to the next stage.
type Decided = Option<(Vec<Mention>, usize)>;

/// A run `a..b` of sentence `s` after the honorific and the post-nominals are trimmed, the
/// token of the honorific before it, and whether a lowercase unit word joined it.
#[derive(Clone, Copy)]
struct Run {
    s: usize,
    a: usize,
    b: usize,
    hon: Option<usize>,
    unit: bool,
}

impl Run {
    /// The run as one mention of `kind` and `entity`.
    fn mention(&self, kind: Option<EntityKind>, entity: Option<EntityId>) -> Mention {
        Mention {
            start: self.a,
            end: self.b,
            kind,
            entity,
            hon: self.hon,
        }
    }
}

/// "Unitary Cllr J Tamsk", "County Councillor Ana Ruiz": the tier of government before a
/// councillor's courtesy is no part of the name; the token of the courtesy.
fn tier_then_courtesy(toks: &[Token], a: usize, b: usize, lx: &Lexicon) -> Option<usize> {
    let k = a + 1;
    // Asked of every run: the cheap tests first.
    let courtesy = names::is_councillor_courtesy(toks.get(k)?.text);
    if !courtesy || !names::is_tier_of_government(&toks[a].lower()) {
        return None;
    }
    // The name after it: two words or more, person-shaped or an initial and a surname.
    let name = b - k >= 3
        && (names::person_shaped(toks, k + 1, b, lx)
            || b - k == 3 && initial_then_surname(toks, k + 1));
    name.then_some(k)
}

/// An initial of one or two capitals at `k`, then a capitalised surname: "J Bank", "S Fields".
fn initial_then_surname(toks: &[Token], k: usize) -> bool {
    let (initial, surname) = (&toks[k], &toks[k + 1]);
    (1..=2).contains(&initial.text.len())
        && initial.text.chars().all(|c| c.is_ascii_uppercase())
        && surname.is_cap()
        && !surname.is_acronym()
}

impl Reader<'_> {
    /// Types the span `a..b` of sentence `s`; returns its mentions (an acronym defined in
    /// brackets after a name gives a second one) and the token up to which spans are consumed.
    pub(super) fn classify(&mut self, s: usize, a: usize, b: usize) -> (Vec<Mention>, usize) {
        let (a, b, hon) = self.trim_honorifics(s, a, b);
        if let Some(done) = self.titled_surname_alone(s, a, b, hon) {
            return done;
        }
        let (b, unit) = self.unit_after_name(s, a, b);
        let run = Run { s, a, b, hon, unit };
        if self.dateline(s, a, b) {
            let id = self.reg.add(EntityKind::Place, self.text(s, a, b), s);
            return (vec![run.mention(Some(EntityKind::Place), Some(id))], b);
        }
        self.acronym_defined(run)
            .or_else(|| self.acronym_alone(run))
            .or_else(|| self.known_name(run))
            .or_else(|| self.honorific_then_name(run))
            .unwrap_or_else(|| self.typed_by_kinds(run))
    }

    /// The honorific inside the run ("Dr Kwame X") or just before it ("Ms. X"), and the roles
    /// and honours after the name ("A B MP", "A B OBE", "A B CMG MP"), trimmed: the name's
    /// tokens and where its honorific starts.
    fn trim_honorifics(&self, s: usize, a: usize, b: usize) -> (usize, usize, Option<usize>) {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let mut a = a;
        let mut b = b;
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
        } else if let Some(k) = tier_then_courtesy(toks, a, b, lx) {
            hon = Some(k);
            a = k + 1;
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
        while b - a >= 3
            && (toks[b - 1].is_acronym()
                && (toks[b - 1].lex.is_role() || HONOURS.contains(&toks[b - 1].text))
                || toks[b - 1].dotted_letters().is_some_and(|l| lx.is_role(&l)))
        {
            b -= 1;
        }
        (a, b, hon)
    }

    /// Rule `surname-then-post-nominal`: a surname alone before a legislator's post-nominal
    /// title is a person ("Okafor MP", "Byrne TD"): the title rules read the title after it.
    /// Rule `office-then-surname`: a surname alone after an office written as a title is a
    /// person ("Senator Whitcombe said"): the role rules read the office before it.
    fn titled_surname_alone(
        &mut self,
        s: usize,
        a: usize,
        b: usize,
        hon: Option<usize>,
    ) -> Decided {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let office_then_surname = b - a == 1
            && a >= 1
            && hon.is_none()
            && !toks[a].lex.is_honorific()
            && (1..=3.min(a)).any(|n| names::titled_surname(toks, (a - n, b), a - 1, lx));
        // Not after an article: "the Green MP for Velby", "a Labour MP" is a party's member.
        let after_article = a > 0 && matches!(toks[a - 1].lower().as_ref(), "the" | "a" | "an");
        let surname_then_post_nominal = b - a == 2
            && hon.is_none()
            && !after_article
            && matches!(
                toks[b - 1].text,
                "MP" | "MSP" | "MEP" | "TD" | "MLA" | "MPP" | "MHA" | "MS" | "MNA"
            )
            && toks[a].is_cap()
            && !toks[a].is_acronym()
            && !toks[a].lex.is_stopword()
            && toks[a].lex.place().is_none()
            && !toks[a].lex.is_org_head()
            && !toks[a].lex.is_role();
        if !(office_then_surname || surname_then_post_nominal) {
            return None;
        }
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
        Some((vec![m], b))
    }

    /// A lowercase unit word after the name joins it: an organisation's unit ("Hull Central
    /// branch"), rule `named-branch` ("the Westmoor health and welfare branch"), rule
    /// `demonym-institution` ("the Ruritanian government", "the Ruritanian embassy") and rule
    /// `named-government`. Returns the run's new end and whether a unit joined.
    fn unit_after_name(&self, s: usize, a: usize, b: usize) -> (usize, bool) {
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        if b < toks.len()
            && matches!(
                toks[b].text,
                "branch" | "committee" | "chapter" | "local" | "caucus"
            )
        {
            return (b + 1, true);
        }
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
            return (q + 1, true);
        }
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
            return (b + 1, true);
        }
        if named_government_or_party(toks, a, b, lx) {
            return (b + 1, true);
        }
        (b, false)
    }

    /// "Full Name (ACR)": an acronym defined in brackets names what is before it; both are
    /// mentions of one entity.
    fn acronym_defined(&mut self, run: Run) -> Decided {
        let Run { s, a, b, hon, unit } = run;
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let text = self.text(s, a, b);
        let defined = !unit
            && toks.get(b).is_some_and(|t| t.text == "(")
            && toks.get(b + 1).is_some_and(|t| t.is_acronym())
            && toks.get(b + 2).is_some_and(|t| t.text == ")")
            && lx.place(text).is_none()
            // "Rina Rao (HWU)": a person's name and their organisation's acronym; after an
            // honorific ("Mrs. E. Marlowe (EM)") only the person's own initials.
            && (registry::could_abbreviate(text, toks[b + 1].text)
                || registry::initials_with_middle(text, toks[b + 1].text)
                || (hon.is_none() && !names::person_shaped(toks, a, b, lx)));
        if !defined {
            return None;
        }
        let (first, last) = (toks[a], toks[b - 1]);
        let acr = toks[b + 1].text;
        // Rule `own-structure-after-its`: "its National Executive Council (NEC)" is the body's
        // own structure, and so is its acronym: neither is an entity.
        if names::own_structure_after_its(toks, a, b) {
            let acronym = Mention {
                start: b + 1,
                end: b + 2,
                kind: None,
                entity: None,
                hon: None,
            };
            return Some((vec![run.mention(None, None), acronym], b + 3));
        }
        // "Harbour Dock Union Congress (HDUC)" is a body, "Regional Delegates' Conference (RDC)"
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
                && !(a > 0 && toks[a - 1].is("the"))
                && (first.lex.is_given_name()
                    || first.text.split('.').all(|i| i.chars().count() == 1)));
        let kind = if is_event {
            EntityKind::Event
        } else if person {
            EntityKind::Person
        } else {
            EntityKind::Organization
        };
        let id = self.reg.add(kind, text, s);
        if kind == EntityKind::Organization {
            if let Some(old) = self.reg.find(EntityKind::Organization, acr) {
                self.reg.merge(old, id);
            }
        }
        self.reg.alias(id, acr);
        let defined = Mention {
            start: b + 1,
            end: b + 2,
            kind: Some(kind),
            entity: Some(id),
            hon: None,
        };
        Some((vec![run.mention(Some(kind), Some(id)), defined], b + 3))
    }

    /// Acronyms and all-capital words alone: an organisation unless they are a place, a
    /// surname after an honorific, a post, a unit, a meeting's abbreviation, a person's
    /// initials or an abbreviation of common words.
    fn acronym_alone(&mut self, run: Run) -> Decided {
        let Run { s, a, b, hon, .. } = run;
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let first = toks[a];
        if b - a != 1 || !first.is_acronym() {
            return None;
        }
        // Rule `initials-named-again`: "Cllr. HB may be late" after "H. Berg (HB)", "the DM"
        // after "the Delegate Meeting (DM)": letters the report defined for a person or a
        // gathering name that one again, not a new body. A person's only after an honorific:
        // a firm named for its founders ("Hale Berg Roth (HBR)") reads like a person's name.
        let known: &[EntityKind] = if hon.is_some() {
            &[EntityKind::Person, EntityKind::Event]
        } else {
            &[EntityKind::Event]
        };
        if let Some((kind, id)) = self.reg.find_first(known, first.text) {
            self.reg.seen(id, s);
            return Some((vec![run.mention(Some(kind), Some(id))], b));
        }
        let prev = a.checked_sub(1).map(|i| toks[i]);
        let prev2 = a.checked_sub(2).map(|i| toks[i]);
        let letters = first.text.chars().filter(|c| c.is_alphabetic()).count();
        let org = |id| {
            Some((
                vec![run.mention(Some(EntityKind::Organization), Some(id))],
                b,
            ))
        };
        let none = || Some((Vec::new(), b));
        // Rule `honorific-then-capitals`: "Mr. HALE", "Mrs ROTH": a surname in capitals,
        // as old minutes and lists write it.
        if let Some(h) = hon {
            if names::capitals_as_a_surname(first.text, lx) && first.lex.place().is_none() {
                let id = self.reg.add(EntityKind::Person, first.text, s);
                self.note_honorific(s, h, a, b, id);
                return Some((vec![run.mention(Some(EntityKind::Person), Some(id))], b));
            }
        }
        if first.lex.place().is_some() {
            let id = self.reg.add(EntityKind::Place, first.text, s);
            return Some((vec![run.mention(Some(EntityKind::Place), Some(id))], b));
        }
        // A longer word in capitals is a heading's or a shout's ("MINUTES", "WELCOME") unless
        // a body's context frames it: "a member of IMAREST", "BRITCHAM members".
        // A word the report also writes in lower case is a common one ("PRESENT").
        // Asked of longer words only: the lower-case search reads the whole report.
        let long_named = (7..=9).contains(&letters)
            && long_acronym_in_context(toks, a)
            && !self.doc_has_word(&first.text.to_lowercase());
        if first.lex.is_role() || first.lex.is_honorific() || letters > 6 && !long_named {
            return none();
        }
        // "at 7 AM": a unit after a number; "TV and radio": a head word alone names no
        // body; "J. Pell (JP)": a person's initials in brackets after their name.
        let after_number = prev.is_some_and(|p| p.kind == Kind::Number);
        if after_number || first.lex.is_org_head() || initials_of_person(toks, a) {
            return none();
        }
        // "the XXI and XXII convocations", "Pope Pius XII": an ordinal in Roman numerals of
        // I, V and X alone (with L, C, D and M they spell bodies' initials: "MDC", "CLI").
        if letters >= 2 && first.text.chars().all(|c| "IVX".contains(c)) {
            return none();
        }
        // "AGM", "EGM": a meeting's abbreviation is no organisation.
        if first.lex.is_event_head() {
            return none();
        }
        if let Some(id) = self.reg.find(EntityKind::Organization, first.text) {
            self.reg.seen(id, s);
            return org(id);
        }
        if let Some(id) = self.reg.org_by_initials(first.text) {
            self.reg.alias(id, first.text);
            self.reg.seen(id, s);
            return org(id);
        }
        if self.fellowship_letters(s, a) {
            return none();
        }
        let term_definition = prev.is_some_and(|p| p.text == "(")
            && prev2.is_some_and(|p| p.kind == Kind::Word && !p.is_cap());
        // "HIV", "ATM", "NGO": an abbreviation of common words, unless defined above.
        if term_definition || first.lex.is_common_acronym() {
            return none();
        }
        let id = self.reg.add(EntityKind::Organization, first.text, s);
        org(id)
    }

    /// Rule `fellowship-letters`: "A B, FHWU," or "A B, MHWU": a fellow's or member's letters,
    /// set off after a person's name, of a body the report names by its initials ("the HWU"),
    /// are no organisation of their own. Letters named as a body before ("… (MHWU)") are that
    /// body: the registry is asked first.
    fn fellowship_letters(&self, s: usize, a: usize) -> bool {
        let toks = &self.sents[s].toks;
        let Some(body) = toks[a].text.strip_prefix(['F', 'M']) else {
            return false;
        };
        // The name before the comma is a person's the report knows: "Tom Hale, FHWU,".
        let after_person = a >= 3
            && toks[a - 1].text == ","
            && (a.saturating_sub(5)..a - 1).any(|k| {
                self.reg
                    .find(EntityKind::Person, self.text(s, k, a - 1))
                    .is_some()
            });
        let set_off = toks
            .get(a + 1)
            .is_none_or(|t| matches!(t.text, "," | ")" | "." | ";"));
        body.len() >= 2
            && body.chars().all(|c| c.is_ascii_uppercase())
            && after_person
            && set_off
            && self.doc_has_word(body)
    }

    /// Does the report's text hold `word` as a whole word?
    fn doc_has_word(&self, word: &str) -> bool {
        let text = &self.doc.text;
        text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// Names already known in this report: the whole name, a person's part of it ("Hale",
    /// "Tom Hale" after "Dr Tom Hale"), or a body's first words.
    fn known_name(&mut self, run: Run) -> Decided {
        let Run { s, a, b, hon, .. } = run;
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let text = self.text(s, a, b);
        const KNOWN: [EntityKind; 4] = [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Event,
            EntityKind::Place,
        ];
        if let Some((kind, id)) = self.reg.find_first(&KNOWN, text) {
            self.reg.seen(id, s);
            self.reg.other_legal_form(id, text);
            if let Some(h) = hon {
                self.note_honorific(s, h, a, b, id);
            }
            return Some((vec![run.mention(Some(kind), Some(id))], b));
        }
        if b - a <= 2 && names::person_shaped(toks, a, b, lx) {
            if let Some(id) = self.reg.person_by_part(text) {
                self.reg.alias(id, text);
                self.reg.seen(id, s);
                if let Some(h) = hon {
                    self.note_honorific(s, h, a, b, id);
                }
                return Some((vec![run.mention(Some(EntityKind::Person), Some(id))], b));
            }
        }
        // A known place is not the start of a body's name: "New York" after "the New York
        // Times" stays the city.
        if b - a >= 2 && lx.place(text).is_none() {
            if let Some(id) = self.reg.org_by_prefix(text) {
                self.reg.alias(id, text);
                self.reg.seen(id, s);
                return Some((
                    vec![run.mention(Some(EntityKind::Organization), Some(id))],
                    b,
                ));
            }
        }
        None
    }

    /// An honorific makes a person. Rule `courtesy-then-surname`: after a courtesy title
    /// ("Mr", "Mrs", "Dr") one capitalised word is a surname even when it is also a head
    /// word ("Mrs. Bridge seconded", "Mrs Hill said", "Dr Wood"); not a post ("Mr
    /// President", "Madam Chair").
    fn honorific_then_name(&mut self, run: Run) -> Decided {
        let Run { s, a, b, hon, .. } = run;
        let h = hon?;
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let first = toks[a];
        let courtesy_surname = b - a == 1
            && names::is_courtesy(toks, h, a)
            && first.is_cap()
            && !first.is_acronym()
            && !first.lex.is_role()
            && !first.lex.is_honorific()
            && !first.lex.is_stopword();
        // "Rotarian Dr. A B", "Cllr Mrs A B", "Maj. Gen. A B": a second honorific after the
        // first is no name (one listed only with its full stop is one when the stop follows).
        let dotted = |k: usize| {
            toks.get(k + 1).is_some_and(|t| t.text == ".")
                && lx.is_honorific(&format!("{}.", toks[k].text))
        };
        let only_honorifics =
            (a..b).all(|k| toks[k].lex.is_honorific() || toks[k].text == "." || dotted(k));
        // "Cllr S Fields", "Mrs J Bank": after a courtesy, an initial makes any surname a
        // person's, a head word of places or bodies too.
        let initial_surname = b - a == 2
            && (names::is_courtesy(toks, h, a) || names::is_councillor_courtesy(toks[h].text))
            && initial_then_surname(toks, a);
        if !(names::person_shaped(toks, a, b, lx) || courtesy_surname || initial_surname)
            || only_honorifics
        {
            return None;
        }
        let id = self.reg.add(EntityKind::Person, self.text(s, a, b), s);
        self.note_honorific(s, h, a, b, id);
        Some((vec![run.mention(Some(EntityKind::Person), Some(id))], b))
    }

    /// The last stage: what `kinds` makes of the words, or a mention of no kind. Rule
    /// `ordinal-event`: an event's ordinal is part of its name ("the 51st Harbour Congress");
    /// the name without it stays an alias for later mentions.
    fn typed_by_kinds(&mut self, run: Run) -> (Vec<Mention>, usize) {
        let Run { s, a, b, unit, .. } = run;
        let heading = self.sents[s].kind == BlockKind::Heading;
        let kind = self.kind_of(s, a, b, unit, heading);
        let lx = self.lx;
        let toks = &self.sents[s].toks;
        let text = self.text(s, a, b);
        let prev = a.checked_sub(1).map(|i| toks[i]);
        if kind == Some(EntityKind::Event)
            && prev.is_some_and(|p| {
                p.is_ordinal() && (p.is_cap() || p.text.starts_with(|c: char| c.is_ascii_digit()))
            })
        {
            let id = self.reg.add(EntityKind::Event, self.text(s, a - 1, b), s);
            self.reg.alias(id, text);
            let m = Mention {
                start: a - 1,
                ..run.mention(Some(EntityKind::Event), Some(id))
            };
            return (vec![m], b);
        }
        let Some(kind) = kind else {
            return (vec![run.mention(None, None)], b);
        };
        let id = self.reg.add(kind, text, s);
        if kind == EntityKind::Event {
            if let Some(k) = body_of_a_gathering(toks, a, b, lx) {
                let body = self.text(s, a, k).to_owned();
                // Rule `body-in-a-gathering-name`: a body whose own head word ends it
                // ("the Velby Bar Association Annual Dinner") is named there, as CONVENTIONS
                // list it; letters alone ("the HWU Congress") may stand for a place or a cause.
                // Not letters before a head ("the HWU National Council Meeting"), nor "Annual
                // Parish" or "X International" of a gathering's own modifiers, nor a kind of
                // body alone ("the Town Council Meeting"): a word of its own name is needed.
                // A field or industry is what a gathering is about, no body's head: "the West
                // Africa Clean Energy Summit".
                let worded = |t: &Token| {
                    t.is_cap()
                        && !t.is_acronym()
                        && !t.lex.is_org_head()
                        && !is_modifier(t)
                        && (t.lex.place().is_some()
                            || !known_as_no_name(lx, t) && !t.lex.is_place_head())
                };
                let headed = k - a >= 2
                    && toks[k - 1].lex.is_org_head()
                    && !is_modifier(&toks[k - 1])
                    && !names::is_industry_word(&toks[k - 1].lower())
                    && toks[a..k - 1]
                        .iter()
                        .all(|t| !t.is_acronym() && !is_modifier(t))
                    && toks[a..k - 1].iter().any(worded);
                if headed && self.reg.find(EntityKind::Organization, &body).is_none() {
                    self.reg.add(EntityKind::Organization, &body, s);
                }
                self.held_by.push((body, id, s));
            }
        }
        (vec![run.mention(Some(kind), Some(id))], b)
    }

    /// Notes the honorific `h..a` before the name `a..b` on the person `id`, and the titled
    /// name ("Dr Tom Hale") as an alias.
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
}

/// "J. Pell (JP)": the acronym at `a`, in brackets, spells the initials of the capitalised
/// words before the bracket: a person's initials after their name.
fn initials_of_person(toks: &[Token], a: usize) -> bool {
    if a < 1 || toks[a - 1].text != "(" {
        return false;
    }
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
    before.len() >= 2 && before == toks[a].text
}

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

/// Words that say how often or how widely a gathering meets, which open its own name after
/// the body's: "the Velby Bar Association Annual Dinner".
const GATHERING_MODIFIERS: &[&str] = &[
    "annual",
    "biennial",
    "triennial",
    "international",
    "national",
    "general",
    "extraordinary",
    "special",
    "ordinary",
];

/// Is the token one of `GATHERING_MODIFIERS`?
fn is_modifier(t: &Token) -> bool {
    GATHERING_MODIFIERS.contains(&t.lower().as_ref())
}

/// Post-nominal letters of honours and orders written after a name ("Ana Ruiz OBE", "Tom Hale
/// CMG MP", "Mia Roth AO"): the British and Commonwealth orders, the Australian, New Zealand
/// and Canadian ones, and senior counsel. General knowledge; no name holds one.
pub(super) const HONOURS: &[&str] = &[
    "OBE", "MBE", "CBE", "KBE", "DBE", "GBE", "CMG", "KCMG", "GCMG", "CVO", "KCVO", "GCVO", "LVO",
    "MVO", "CB", "KCB", "GCB", "CH", "OM", "KC", "QC", "SC", "JP", "DL", "FRS", "FRSE", "AC", "AO",
    "AM", "OAM", "ONZM", "CNZM", "MNZM", "KNZM", "DNZM", "GNZM", "QSO", "OC", "CM", "CQ", "ODM",
];

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
    // ("Annual", "International" and the like may open it: "… Association Annual Dinner").
    let own_name = |k: usize| {
        toks[k..b].iter().all(|t| {
            t.is_cap() && t.lex.place().is_none() && (!t.lex.is_org_head() || t.lex.is_event_head())
        }) && !toks[k..b - 1]
            .iter()
            .any(|t| (t.is_acronym() || proper(t)) && !is_modifier(t))
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

/// Is the word in capitals at `a` framed as a body's name: after a word that takes one ("of",
/// "from", "by", "with", "joined") and before no other word in capitals, or before a word for
/// its people or officers ("BRITCHAM members", "IMAREST president")?
fn long_acronym_in_context(toks: &[Token], a: usize) -> bool {
    let prev = a.checked_sub(1).map(|i| toks[i].lower());
    let next = toks.get(a + 1);
    let shouted = |t: Option<&Token>| t.is_some_and(|t| t.is_acronym());
    let framed_before = prev.as_deref().is_some_and(|w| {
        matches!(
            w,
            "of" | "from" | "by" | "with" | "at" | "and" | "joined" | "thanked" | "represented"
        )
    }) && !shouted(next);
    let framed_after = next.is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "members" | "member" | "officials" | "leaders" | "president" | "chairman" | "secretary"
        )
    }) && prev
        .as_deref()
        .is_none_or(|w| !matches!(w, "the" | "a" | "an"))
        && !shouted(a.checked_sub(1).map(|i| &toks[i]));
    framed_before || framed_after
}
