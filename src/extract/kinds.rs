//! What kind of entity a capitalised name is (a person, an organisation, a place, an event,
//! or nothing), read from its words, what the lexicons know of them and the words around it.
//! The reader's name pass asks [`Reader::kind_of`] once per new name; the cues it reads
//! (`person_cue`, `dateline`, `opens_a_lede` and the rest) live here beside it. This module
//! types names only: it makes no entity, claim or relation.

use super::word_class::WordClass;
use super::*;

/// Last words of a name that make it a room, hall or ground, whatever body's name comes before:
/// no body's name ends in them.
const VENUE_LAST: &[&str] = &[
    "auditorium",
    "ballroom",
    "boardroom",
    "stadium",
    "arena",
    "pavilion",
    "lounge",
    "theatre",
    "theater",
    "building",
    "grounds",
];

/// A stage's answer: `Some(kind)` decides (`Some(None)`: no entity), `None` passes the name on
/// to the next stage.
type Decision = Option<Option<EntityKind>>;

/// A name being typed, tokens `a..b` of sentence `s`, and what every stage reads of it.
struct Name<'t> {
    s: usize,
    a: usize,
    b: usize,
    n: usize,
    toks: &'t [Token<'t>],
    words: Vec<&'t str>,
    text: &'t str,
    /// The first and last words, as text and as what the lexicons say of them.
    first: &'t str,
    last: &'t str,
    fc: WordClass,
    lc: WordClass,
    prev: Option<Token<'t>>,
    next: Option<&'t Token<'t>>,
    /// A lowercase word inside: "University of X".
    has_connector: bool,
    /// A year last: "Summit 2024".
    has_year: bool,
}

impl<'t> Name<'t> {
    fn new(r: &'t Reader<'_>, s: usize, a: usize, b: usize) -> Name<'t> {
        let toks = &r.sents[s].toks[..];
        let words: Vec<&str> = toks[a..b].iter().map(|t| t.text).collect();
        let n = b - a;
        let has_connector = words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase));
        Name {
            s,
            a,
            b,
            n,
            toks,
            first: words[0],
            last: words[n - 1],
            words,
            text: r.text(s, a, b),
            fc: toks[a].lex,
            lc: toks[b - 1].lex,
            prev: a.checked_sub(1).map(|i| toks[i]),
            next: toks.get(b),
            has_connector,
            has_year: toks[b - 1].kind == Kind::Number,
        }
    }
}

impl Reader<'_> {
    /// The kind a new name has, from its words and its neighbours.
    ///
    /// Each stage below decides or passes to the next, in order: forms that say the kind
    /// outright, gatherings, head words, then the cues of a person's name.
    pub(super) fn kind_of(
        &self,
        s: usize,
        a: usize,
        b: usize,
        unit: bool,
        heading: bool,
    ) -> Option<EntityKind> {
        if unit {
            return Some(EntityKind::Organization);
        }
        let nm = Name::new(self, s, a, b);
        self.kind_by_form(&nm)
            .or_else(|| self.kind_as_gathering(&nm))
            .or_else(|| self.kind_by_heads(&nm))
            .unwrap_or_else(|| self.kind_by_person_cues(&nm, heading))
    }

    /// Forms that say the kind outright: sub-stages in order, each deciding or passing the
    /// name on.
    fn kind_by_form(&self, nm: &Name) -> Decision {
        self.kind_by_named_form(nm)
            .or_else(|| self.nothing_or_a_known_place(nm))
    }

    /// Names whose form gives their kind: a place after its kind, a numbered unit, a regional
    /// body by its acronym, a person after a role, a campaign.
    fn kind_by_named_form(&self, nm: &Name) -> Decision {
        let Name {
            s,
            a,
            b,
            n,
            toks,
            ref words,
            first,
            fc,
            prev,
            has_year,
            ..
        } = *nm;
        let lx = self.lx;
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
            return Some(Some(EntityKind::Place));
        }
        // A union local by its number: "Local 27", "HWU Lodge 49".
        if has_year && n >= 2 && names::NUMBERED_UNITS.contains(&words[n - 2]) {
            return Some(Some(EntityKind::Organization));
        }
        // Rule `place-and-acronym`: a regional body of an organisation known by its acronym:
        // "Manitoba HWU", "HWU Tolvik" (not a place the lexicons know so: "Washington DC").
        if n == 2 && lx.place(nm.text).is_none() {
            let (x, y) = (toks[a], toks[a + 1]);
            let regional = |acr: &Token, place: &Token| {
                acr.is_acronym() && acr.lex.place().is_none() && place.lex.place().is_some()
            };
            if regional(&x, &y) || regional(&y, &x) {
                return Some(Some(EntityKind::Organization));
            }
        }
        // Rule `role-then-given-name`: a given name after a role begins a person's name, even
        // when the surname is also a head word ("President Renata Plaza", "Minister Ana Bay").
        if (2..=4).contains(&n)
            && fc.is_given_name()
            && toks[a..b].iter().all(|t| t.is_cap() && !t.is_acronym())
            && self.role_before(s, a)
        {
            return Some(Some(EntityKind::Person));
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
            return Some(Some(EntityKind::Organization));
        }
        // Rule `brand-before-post` (names): "A B, Brantex Chief Executive;": the word set off
        // before a post of two words or more is the body whose post it is.
        if n <= 3 && prev.is_some_and(|p| p.is_punct(",")) {
            let post_end = (b + 2..=(b + 4).min(toks.len())).rev().find(|&e| {
                toks[b..e].iter().all(|t| t.kind == Kind::Word) && lx.is_role(self.text(s, b, e))
            });
            if post_end.is_some_and(|e| names::brand_before_post(toks, (a, e), b, lx)) {
                return Some(Some(EntityKind::Organization));
            }
        }
        // Rule `campaign-name`: "Dockers for Justice", "Justice for Tolvik".
        if let Some(f) = (a + 1..b.saturating_sub(1)).find(|&k| toks[k].is("for")) {
            if names::campaign_name(toks, (a, f), (f + 1, b), lx) {
                return Some(Some(EntityKind::Organization));
            }
        }
        None
    }

    /// Names that name nothing (a topic, honorifics alone, a people's adjective, a role
    /// title), and known places.
    fn nothing_or_a_known_place(&self, nm: &Name) -> Decision {
        let Name {
            a,
            b,
            n,
            toks,
            text,
            first,
            lc,
            ..
        } = *nm;
        let lx = self.lx;
        // Rule `topic-no-body`: a field or cause written with capitals names nothing:
        // "Mental Health", "Climate Change", "Human Resources".
        if lx.is_topic(text) {
            return Some(None);
        }
        // Rule `own-structure-after-its`: "instructed its National Executive Council".
        if names::own_structure_after_its(toks, a, b) {
            return Some(None);
        }
        // Rule `honorific-no-name`: honorifics alone name nobody: "Principal Secretary Amb.",
        // "Cllr Mrs".
        if toks[a..b]
            .iter()
            .all(|t| t.text.chars().all(|c| !c.is_alphanumeric()) || t.lex.is_honorific())
        {
            return Some(None);
        }
        // Rule `demonym-no-entity`: an adjective of place is no name, however many words it
        // has: "Sri Lankan (President)", "Latin American (countries)", "the South African
        // (delegation)"; not one that is also the place's name ("New Zealand").
        if lx.demonyms.contains_key(&lexicon::key(text)) && lx.place(text).is_none() {
            return Some(None);
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
            return Some(None);
        }
        // Rule `compass-place`: a known place after a point of the compass is a place too
        // ("East Pakistan", "South Tolvik"); an adjective's region stays a description
        // ("Western Uganda", "North East Asia").
        let compass = n == 2 && matches!(first, "North" | "South" | "East" | "West");
        if lx.place(text).is_some() || (compass && lc.place().is_some()) {
            return Some(Some(EntityKind::Place));
        }
        None
    }

    /// A gathering by its head word: "Northern Growers Conference 2024", "Workshop on X".
    fn kind_as_gathering(&self, nm: &Name) -> Decision {
        let Name {
            s,
            a,
            b,
            n,
            toks,
            ref words,
            last,
            fc,
            lc,
            prev,
            has_connector,
            has_year,
            ..
        } = *nm;
        let lx = self.lx;
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
        // The head may follow the gathering's ordinal or the words of its calendar: "Fourth
        // Meeting of the Council of X", "Annual General Meeting of the Y". ("National" and
        // "International" open bodies' names too: "National Assembly of X".) A head that is
        // also a body's ("Assembly", "Congress") needs the ordinal or the calendar word.
        let lead = (a..b)
            .take_while(|&i| toks[i].is_ordinal() || is_calendar_of_gathering(&toks[i].lower()))
            .count();
        let numbered = (a..a + lead).any(|i| {
            toks[i].is_ordinal()
                || matches!(
                    toks[i].lower().as_ref(),
                    "annual" | "biennial" | "triennial"
                )
        });
        let head_after_lead = lead > 0
            && a + lead < b
            && toks[a + lead].lex.is_event_head()
            && (numbered || !toks[a + lead].lex.is_org_head());
        let event_first = (fc.is_event_head() || head_after_lead) && has_connector && n >= 3;
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
                || gathering_in_apposition(toks, b, words[if has_year { n - 2 } else { n - 1 }])
                || taken_part_in(toks, a)
            {
                return Some(Some(EntityKind::Event));
            }
        }
        None
    }

    /// Organisations and places by their head words, and the bodies no name makes: sub-stages
    /// in order, each deciding or passing the name on.
    fn kind_by_heads(&self, nm: &Name) -> Decision {
        no_one_body(nm)
            .or_else(|| venue_of(nm))
            .or_else(|| self.kind_by_head_word(nm))
            .or_else(|| self.words_of_a_title(nm))
            .or_else(|| organisation_head_inside(nm))
            .or_else(|| self.organisation_before_its_people(nm))
            .or_else(|| body_after_post(nm))
    }

    /// A head word last ("… Union", "Victoria Park"), or first with a connector ("University
    /// of …", "Hotel Gartenstadt"), or a compound of another language ("…genossenschaft").
    /// Heads that are both: institutions are organisations ("Lakeside University"), venues
    /// are places ("Riverside Conference Centre") unless a connector makes them an institution
    /// ("Centre for Housing Studies"). And rule `given-name-and-place-head`: a given name and a
    /// place's head word with a cue of its own is a person ("Ann Hill said").
    fn kind_by_head_word(&self, nm: &Name) -> Decision {
        let Name {
            s,
            a,
            b,
            n,
            toks,
            ref words,
            first,
            last,
            fc,
            lc,
            prev,
            has_connector,
            ..
        } = *nm;
        let lx = self.lx;
        let last_l = last.to_lowercase();
        // Rule `venue-after-at`: "at the Hill Secondary School", "at Ely Golf Club": after
        // "at" an institution that is also a place names the venue.
        let at = prev.is_some_and(|p| p.is("at"))
            || (prev.is_some_and(|p| p.is("the")) && a >= 2 && toks[a - 2].is("at"));
        let institution = INSTITUTIONS.contains(&last_l.as_str())
            && !(at && matches!(last_l.as_str(), "school" | "club" | "lodge" | "college"));
        let place_head_last = lc.is_place_head() && !institution;
        let org_last = lc.is_org_head() && n >= 2;
        // Rule `room-of-an-institution`: a room or building of a body, named after it, is a
        // place: "the Faculty of Law Auditorium", "the University of Velby Stadium".
        let room_last = VENUE_LAST.contains(&last_l.as_str());
        let org_first = fc.is_org_head() && has_connector && n >= 3 && !room_last;
        let org_first_strong = fc.is_org_head()
            && n >= 2
            && !place_head_last
            && !names::is_weak_head(first)
            && !fc.is_place_head();
        let compound = n >= 2 && words.iter().any(|w| lx.has_org_suffix(w));
        if (org_last && (has_connector || !place_head_last))
            || org_first
            || org_first_strong
            || compound
        {
            return Some(Some(EntityKind::Organization));
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
            return Some(Some(EntityKind::Person));
        }
        let hyphen_head = last
            .rsplit('-')
            .next()
            .is_some_and(|p| p.len() < last.len() && lx.is_place_head(p));
        if (place_head_last && n >= 2)
            || (fc.is_place_head() && n >= 2 && !has_connector)
            || hyphen_head
        {
            return Some(Some(EntityKind::Place));
        }
        None
    }

    /// After a portfolio or academic role, capitalised words belong to the title: "Minister
    /// of State for Environment", "Lecturer in Planning". No entity.
    fn words_of_a_title(&self, nm: &Name) -> Decision {
        let Name {
            a,
            toks,
            text,
            lc,
            prev,
            ..
        } = *nm;
        let lx = self.lx;
        let after_role = a >= 2
            && prev.is_some_and(|p| matches!(p.lower().as_ref(), "of" | "for" | "in"))
            && (toks[a - 2].lex.is_role() || toks[a - 2].lex.is_occupation());
        (after_role
            && lx.place(text).is_none()
            && !lc.is_org_head()
            && !names::is_initial(toks, a, lx))
        .then_some(None)
    }

    /// Rule `organisation-before-its-people`: an unknown name before the word for its staff
    /// or a post in it, or its possessive before one: "Zantex workers", "Dorvia activist",
    /// "Acme country director", "Acme's former finance manager".
    fn organisation_before_its_people(&self, nm: &Name) -> Decision {
        let Name {
            s,
            a,
            b,
            n,
            text,
            first,
            last,
            fc,
            next,
            ..
        } = *nm;
        let lx = self.lx;
        let possessive = next.is_some_and(|t| t.kind == Kind::Possessive);
        // A nation's people are no body: "Kenyan officials", "Senior Kenyan delegation".
        let demonym = |w: &str| lx.demonyms.contains_key(w.to_lowercase().as_str());
        // Opening the sentence, a word is a body's name only when others are listed with it.
        let one_word = n == 1 || (n == 3 && nm.toks[a + 1].is_punct("-"));
        let listed = next.is_some_and(|t| t.is_punct(",") || t.is("and"))
            && one_word
            && self.staff_word_after_siblings(s, b);
        // Rule `territory-before-its-office`: "Velby mayor Kari Lund", "the Marden governor":
        // an unknown name before an office held only over a territory is that territory.
        let territory_office = next.is_some_and(|t| {
            matches!(
                t.text,
                "mayor" | "governor" | "premier" | "prefect" | "Mayor" | "Governor" | "Premier"
            )
        });
        if territory_office
            && n <= 2
            && !fc.is_given_name()
            && !fc.is_stopword()
            && !fc.is_org_head()
            && !fc.is_role_word()
            && !demonym(first)
            && !nm.toks[a..b].iter().any(|t| t.lex.is_org_head())
        {
            return Some(Some(EntityKind::Place));
        }
        let staff_next = next.is_some_and(|t| staff_word_at(self, s, b, t));
        let body = (n <= 2 || one_word)
            && !fc.is_given_name()
            && (n == 2 || a > 0 || possessive || listed || self.opens_a_lede(s, b))
            && !fc.is_stopword()
            && !demonym(first)
            && !demonym(last)
            && !(n == 1 && (fc.is_org_head() || fc.is_role_word()))
            && (staff_next
                || listed
                || (possessive && self.post_after(s, b + 1))
                || (lx.place(text).is_none() && self.titled_post_then_name(s, b)));
        body.then_some(Some(EntityKind::Organization))
    }

    /// Rule `bodies-before-their-people`: the word for the staff of a body after the name, or
    /// after the names listed with it: "Brantex, Kelmora and Velby-Marden representatives"
    /// (each listed name one capitalised word, or two joined by a hyphen, no given name).
    fn staff_word_after_siblings(&self, s: usize, b: usize) -> bool {
        let toks = &self.sents[s].toks;
        let sibling = |k: usize| {
            let word = |t: &Token| t.kind == Kind::Word && t.is_cap() && !t.lex.is_given_name();
            match toks.get(k) {
                Some(t) if word(t) => {
                    let hyphened = toks.get(k + 1).is_some_and(|h| h.is_punct("-"))
                        && toks.get(k + 2).is_some_and(word);
                    Some(if hyphened { k + 3 } else { k + 1 })
                }
                _ => None,
            }
        };
        let mut k = b;
        for _ in 0..6 {
            let Some(t) = toks.get(k) else { return false };
            if staff_word_at(self, s, k, t) {
                return true;
            }
            let mut j = k;
            if toks[j].is_punct(",") {
                j += 1;
            }
            if toks.get(j).is_some_and(|t| t.is("and")) {
                j += 1;
            }
            match (j > k).then(|| sibling(j)).flatten() {
                Some(next) => k = next,
                None => return false,
            }
        }
        false
    }

    /// The last stage: a person by the shape of the name and its cues, a place after a
    /// preposition of place, or nothing.
    fn kind_by_person_cues(&self, nm: &Name, heading: bool) -> Option<EntityKind> {
        let Name {
            s,
            a,
            b,
            n,
            toks,
            last,
            fc,
            lc,
            prev,
            ..
        } = *nm;
        let lx = self.lx;
        let given = fc.is_given_name();
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
            // "… meets Chinese Foreign Minister A B in Beijing": a title written just before.
            if shaped && n >= 2 && (self.role_before(s, a) || self.office_of_ends_before(s, a)) {
                return Some(EntityKind::Person);
            }
            return None;
        }
        if shaped && n >= 2 && after_a_life_noun(nm) {
            return Some(EntityKind::Person);
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
        // "Motion to Adopt the Agenda", "Request to Waive …", "Challenges to Specialists": "to"
        // between capitalised words inside a title-cased phrase is no movement to a place.
        // Not an envoy's posting ("Ambassador to Tolvik", "the Ambassador of Velby to Tolvik").
        let title_case_to = prev.is_some_and(|p| p.is("to"))
            && a >= 3
            && toks[a - 2].is_cap()
            && toks[a - 2].kind == Kind::Word
            && !toks[a - 2].lex.is_role_word()
            // Nor a name or a place before "to": "sent Tom Hale to X", "from the UK to X",
            // "from Marden Bridge to X".
            && !toks[a - 2].is_acronym()
            && !toks[a - 2].lex.is_given_name()
            && !toks[a - 2].lex.is_surname()
            && toks[a - 2].lex.place().is_none()
            && !toks[a - 2].lex.is_place_head()
            && !toks[a - 3].lex.is_given_name()
            && !toks[a - 3].lex.is_honorific()
            && !matches!(toks[a - 3].lower().as_ref(), "of" | "from" | "in" | "at");
        if after_place_prep
            && !after_from
            && !any_head
            && n <= 3
            && !fc.is_stopword()
            && !title_case_to
        {
            return Some(EntityKind::Place);
        }
        if shaped && given && n >= 2 {
            return Some(EntityKind::Person);
        }
        if shaped && !after_place_prep && !after_of && common_surname_last(nm, lx) {
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
    pub(super) fn speaker_of_a_quotation(&self, s: usize, a: usize) -> bool {
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
    pub(super) fn unknown_lone_word(&self, t: &Token) -> bool {
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
    pub(super) fn titled_name_alone(&self, s: usize, a: usize) -> bool {
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
    /// has them speak or describes them: "Mary said", "said Tomas.", "Mary, a nurse,",
    /// "Mary, 34,", or a noun of kinship names them: "his wife, Ingrid,". Not a word the
    /// report also writes in lowercase ("Rose", "Will"), a place ("Florence"), or a word any
    /// lexicon knows as something else.
    pub(super) fn lone_given_name(&self, s: usize, a: usize) -> bool {
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
        (speaks_after || said_before || described || kin_before(toks, a))
            && !self.written_in_lowercase(word)
    }

    /// Does the report write this word in lowercase somewhere (a common word, not a name)?
    pub(super) fn written_in_lowercase(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.sents
            .iter()
            .any(|sent| sent.toks.iter().any(|t| t.text == lower))
    }

    /// Does a post in a body begin at token `k`, maybe after a word for when it was held:
    /// "(Acme's) chief executive", "(Acme's) former country director".
    pub(super) fn post_after(&self, s: usize, k: usize) -> bool {
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
    pub(super) fn opens_a_lede(&self, s: usize, b: usize) -> bool {
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
    pub(super) fn dateline(&self, s: usize, a: usize, b: usize) -> bool {
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
                && !tokens::is_calendar_word(t.lower().trim_end_matches('.'))
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
                .is_some_and(|t| tokens::is_calendar_word(t.lower().trim_end_matches('.')))
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
    pub(super) fn titled_post_then_name(&self, s: usize, k: usize) -> bool {
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
    pub(super) fn person_cue(&self, s: usize, a: usize, b: usize) -> bool {
        self.cue_before(s, a, b) || self.cue_after(s, a, b)
    }

    /// The words before a name that introduce a person: "said X", "by X", "and X" after
    /// a person, a list item's start, a label ("Moderator: X"), a role ("President X",
    /// "The secretary, X,").
    fn cue_before(&self, s: usize, a: usize, b: usize) -> bool {
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
        if self.described_role_set_off(s, a) {
            return true;
        }
        self.title_set_off_before(s, a, b) || self.office_of_ends_before(s, a)
    }

    /// Rule `office-of-then-name`: an office whose territory ends where the name begins, with
    /// no comma between: "Minister of Foreign Affairs of China A B", "the Ambassador of Chile
    /// A B". The territory is a place the lexicons know, after "of"; the office's phrase, read
    /// from one of the eight words before it, reaches that "of" (and may run on over the
    /// name, whose words are not yet known as a person's).
    fn office_of_ends_before(&self, s: usize, a: usize) -> bool {
        let sent = &self.sents[s];
        let Some(place) = (a.saturating_sub(3)..a).find(|&p| {
            p >= 3 && sent.is(p - 1, "of") && self.lx.place(self.text(s, p, a)).is_some()
        }) else {
            return false;
        };
        (place.saturating_sub(8)..place - 1).any(|q| {
            sent.toks[q].lex.is_role_prefix()
                && roles::role_at(self, s, q)
                    .is_some_and(|ph| ph.start == q && ph.next >= place - 1)
        })
    }

    /// Rule `described-role-set-off`: a role set off before the name by a comma, its noun
    /// phrase opened by a determiner or a copula: "The secretary, A B, read the minutes", "the
    /// Colombian economist and academic, A B,", "(the MC) was veteran news anchor, A B" (not
    /// "Director, Human Rights Unit," where the role's body follows and no determiner opens
    /// it). The phrase before the role holds only lowercase modifiers, demonyms and "and".
    fn described_role_set_off(&self, s: usize, a: usize) -> bool {
        let sent = &self.sents[s];
        let occupation = |from: usize| {
            sent.toks[from..a - 1].iter().all(|t| t.kind == Kind::Word)
                && self.lx.is_occupation(self.text(s, from, a - 1))
        };
        if a < 3
            || !sent.is_punct(a - 1, ",")
            || !(self.role_before(s, a - 1) || occupation(a - 2) || a >= 4 && occupation(a - 3))
        {
            return false;
        }
        let opens = |t: &Token| {
            matches!(
                t.lower().as_ref(),
                "the" | "our" | "its" | "their" | "was" | "is"
            )
        };
        // The role's own words (the two before the comma) may be capitalised.
        let modifier = |k: usize, t: &Token| {
            t.kind == Kind::Word
                && (k + 3 >= a || !t.is_cap() || self.lx.demonyms.contains_key(t.lower().as_ref()))
        };
        for k in (a.saturating_sub(8)..a - 1).rev() {
            let t = &sent.toks[k];
            if opens(t) {
                return k + 2 < a;
            }
            if !modifier(k, t) {
                return false;
            }
        }
        false
    }

    /// The words after a name that introduce a person: "X was the chief guest", "X of
    /// the union said", ", 34,", ", director of", ", who", "(27)", "X told".
    fn cue_after(&self, s: usize, a: usize, b: usize) -> bool {
        let sent = &self.sents[s];
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
        // An academic degree set off after the name: "A B, MBA (Minister of X)", "A B, PhD,".
        if next.text == ","
            && sent
                .toks
                .get(b + 1)
                .is_some_and(|t| roles::DEGREES.contains(&t.text))
            && sent.toks.get(b + 2).is_none_or(|t| t.kind == Kind::Punct)
        {
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
            return self.cue_in_appositive(s, a, b);
        }
        verbs::follows_a_name(&next.lower())
    }

    /// After ", " or "(" at `b`: an age, "who", "a …", an acronym or a country in
    /// brackets that is not the name's own ("Rina Rao (HWU)", "Ana Ruiz (Peru)"), a verb,
    /// or a role.
    fn cue_in_appositive(&self, s: usize, a: usize, b: usize) -> bool {
        let sent = &self.sents[s];
        let lx = self.lx;
        let next = &sent.toks[b];
        let Some(after) = sent.toks.get(b + 1) else {
            return false;
        };
        // "Rina Rao (HWU)": an acronym in brackets that is not the name's own.
        if next.text == "("
            && after.is_acronym()
            && sent.toks.get(b + 2).is_some_and(|t| t.text == ")")
            && !registry::could_abbreviate(self.text(s, a, b), after.text)
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
        roles::role_at(self, s, b + 1).is_some()
    }

    /// Rule `name-of-body-then-verb`: after the name, the body or place the person is from,
    /// then the verb of the sentence: "A B of the Velby Workers Union said", "A B from Brantex
    /// told delegates", "A B of the union added". `b` is the token after the name.
    pub(super) fn name_of_body_then_verb(&self, s: usize, b: usize) -> bool {
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
    pub(super) fn title_set_off_before(&self, s: usize, a: usize, b: usize) -> bool {
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
    pub(super) fn role_before(&self, s: usize, a: usize) -> bool {
        let toks = &self.sents[s].toks;
        let role = |from: usize| {
            toks[from..a]
                .iter()
                .all(|t| t.kind == Kind::Word && !t.is_acronym())
                && self.lx.is_role(self.text(s, from, a))
        };
        (a >= 1 && role(a - 1)) || (a >= 2 && role(a - 2))
    }

    pub(super) fn in_title(&self, s: usize) -> bool {
        let block = &self.doc.blocks[self.sents[s].block];
        block.kind == BlockKind::Heading && block.level == 1
    }
}

/// Is this lowercase word a noun of kinship ("wife", "son", "widow")? One list for every rule
/// that asks: a kin noun names the person after it ("his wife Ingrid", `kin_before`), is a
/// noun of a person's life ("the widow of A B", `life_noun`), and joins no fields of a role
/// ("wife and director", `role_phrase`).
pub(super) fn is_kin_noun(word: &str) -> bool {
    KIN.contains(&word)
}

/// Nouns of kinship that name the person after them: "his wife Ingrid".
const KIN: &[&str] = &[
    "partner",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "mother",
    "father",
    "grandson",
    "granddaughter",
    "grandmother",
    "grandfather",
    "widow",
    "widower",
    "niece",
    "nephew",
    "cousin",
    "uncle",
    "aunt",
    "fiancé",
    "fiancée",
    "stepson",
    "stepdaughter",
];

/// Rule `given-name-alone` (after kin): a noun of kinship after a possessive, maybe with
/// "late" or a comma between, names the given name after it: "his wife, Ingrid,", "her late
/// husband Jonas", "their son Jon".
fn kin_before(toks: &[Token], a: usize) -> bool {
    let mut k = a;
    if k >= 1 && toks[k - 1].text == "," {
        k -= 1;
    }
    let Some(kin) = k.checked_sub(1).map(|i| toks[i].lower()) else {
        return false;
    };
    if !is_kin_noun(&kin) {
        return false;
    }
    let mut d = k - 1;
    if d >= 1 && toks[d - 1].is("late") {
        d -= 1;
    }
    d.checked_sub(1).is_some_and(|i| {
        let w = toks[i].lower();
        matches!(
            w.as_ref(),
            "his" | "her" | "their" | "my" | "our" | "your" | "'s" | "’s"
        )
    })
}

/// Rule `common-surname-last`: two or three capitalised words that end in a family name of the
/// census list (`surnames.txt`), none of them a word of another kind (a place, a body's or a
/// gathering's head, a role, a people's adjective, a stopword), name a person even when no list
/// knows the given name: "Daviro Nguyen", "Oruno Patel".
fn common_surname_last(nm: &Name, lx: &Lexicon) -> bool {
    // A participle or an adverb opening the sentence is no given name: "Joining Oruno Patel".
    let opener = nm.a == 0 && (nm.first.ends_with("ing") || nm.first.ends_with("ly"));
    // In a list whose items a semicolon ends ("A B, Carver Rowe; C D, Hull;"), what follows a
    // name and a comma describes it (`coordinated-names` reads it so too).
    let item_end = nm.prev.is_some_and(|t| t.text == ",") && nm.next.is_some_and(|t| t.text == ";");
    // After an indefinite article a name is no one's: "a Merry Christmas".
    let indefinite = nm.prev.is_some_and(|t| t.is("a") || t.is("an"));
    (2..=3).contains(&nm.n)
        && nm.lc.is_surname()
        && !opener
        && !item_end
        && !indefinite
        && nm.toks[nm.a..nm.b].iter().all(|t| {
            t.kind == Kind::Word
                && t.is_cap()
                && !t.is_acronym()
                && !known_as_no_name(lx, t)
                && !t.lex.is_place_head()
                && !t.lex.is_thing_head()
                && !t.lex.is_topic()
        })
}

/// Rule `life-event-of-name`: after a noun of a person's life and "of" ("the death of A B",
/// "the wife of A B", "the election of Ana B as president") a name is a person's.
fn after_a_life_noun(nm: &Name) -> bool {
    nm.a >= 2
        && nm.prev.is_some_and(|p| p.is("of"))
        && life_noun(&nm.toks[nm.a - 2], nm.fc.is_given_name())
}

/// A noun of a person's life, before "of" and a name: "the death of", "the wife of". Nouns of
/// public acts that bodies undergo too ("the election of", "the appointment of Brask Velltu as
/// auditors") count only before a given name.
fn life_noun(t: &Token, given_name: bool) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    match t.lower().as_ref() {
        "death" | "funeral" | "arrest" | "detention" | "murder" | "killing" | "assassination"
        | "passing" => true,
        w if is_kin_noun(w) => true,
        "election" | "re-election" | "appointment" | "resignation" | "retirement" | "release"
        | "memory" => given_name,
        _ => false,
    }
}

/// A word of a gathering's calendar or standing that may open its name before the head:
/// "Annual Meeting", "Extraordinary General Meeting", "Special Session".
fn is_calendar_of_gathering(word: &str) -> bool {
    matches!(
        word,
        "annual"
            | "biennial"
            | "triennial"
            | "extraordinary"
            | "ordinary"
            | "special"
            | "general"
            | "plenary"
            | "inaugural"
            | "statutory"
    )
}

/// Rule `generic-body`: a name of generic words only ("Board of Directors", "National
/// Executive Council", "Standing Committee") is an organ of some organisation, not one. And a
/// kind of body in the plural, after a word for how they stand to the writer, is no one body:
/// "Member Federations", "Charity Partners", "Sister Unions"; nor is a kind of institution in
/// the plural (`kind_of_body_in_plural`).
fn no_one_body(nm: &Name) -> Decision {
    let Name {
        n,
        ref words,
        first,
        last,
        lc,
        ..
    } = *nm;
    if words.iter().all(|w| is_generic_body_word(w)) {
        return Some(None);
    }
    let plural_of_kin = n == 2
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
        );
    (plural_of_kin || kind_of_body_in_plural(nm)).then_some(None)
}

/// A kind of institution in the plural names no one body: "National Trade Unions", "Local
/// Federations of Labour", "Partner Universities", "Confucius Institutes". Names of firms and
/// services keep theirs ("Velby Sun Industries", "Tolvik Coastal Airlines", "Velby Financial
/// Services", "University Hospitals of Marden"): those heads are not listed.
fn kind_of_body_in_plural(nm: &Name) -> bool {
    const KINDS: &[&str] = &[
        "unions",
        "federations",
        "councils",
        "associations",
        "committees",
        "commissions",
        "departments",
        "organisations",
        "organizations",
        "institutes",
        "institutions",
        "universities",
        "colleges",
        "schools",
        "parties",
        "societies",
        "charities",
        "branches",
        "boards",
        "authorities",
        "churches",
        "assemblies",
    ];
    nm.n >= 2
        && names::head_word(&nm.words)
            .is_some_and(|head| KINDS.contains(&head.to_lowercase().as_str()))
}

/// Rule `venue-of`: after "at" or "in", a building "of" something is the venue: "in the Great
/// Hall of the People", "at the Church of the Holy Cross", "at the Palace of X".
fn venue_of(nm: &Name) -> Decision {
    let Name {
        a,
        toks,
        ref words,
        prev,
        ..
    } = *nm;
    let at_or_in = |k: usize| toks[k].is("at") || toks[k].is("in");
    let placed = prev.is_some_and(|p| p.is("at") || p.is("in"))
        || (prev.is_some_and(|p| p.is("the")) && a >= 2 && at_or_in(a - 2));
    let of = words.iter().position(|w| *w == "of").filter(|&o| o >= 1)?;
    let building = matches!(
        words[of - 1],
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
    );
    (placed && building).then_some(Some(EntityKind::Place))
}

/// Rule `body-after-post`: a name set off after a person and their post is the body whose post
/// it is: "A B, Country Director, Mercy Corps Velby, was elected …", "A B, Social Media
/// Strategist, Tolvik;". Not a person's own name (a given name and a family name, or an
/// honorific, or initials), and not a name listed on after a comma ("A B, Chair, C D,
/// Treasurer").
fn body_after_post(nm: &Name) -> Decision {
    let Name {
        a,
        b,
        n,
        toks,
        fc,
        lc,
        next,
        ..
    } = *nm;
    let set_off_after = next.is_none_or(|t| t.is_punct(",;)") || t.is_punct("."));
    if a < 5 || !toks[a - 1].is_punct(",") || !set_off_after || n > 4 {
        return None;
    }
    // After a comma, another post ("A B, Chair, C D, Treasurer") or another name ("…, MP,
    // K C D, E F and G H will speak"): a list of people.
    let listed_on =
        next.is_some_and(|t| t.is_punct(",")) && toks.get(b + 1).is_some_and(|t| t.is_cap());
    // A person's own name: an honorific, a given name and a family name, or initials first.
    let initial = toks[a].is_cap() && toks[a].text.chars().count() <= 2 && n >= 2;
    let a_person =
        fc.is_honorific() || initial || fc.is_given_name() && (n == 2 || lc.is_surname());
    if listed_on || a_person {
        return None;
    }
    // The post: up to five words between two commas, the last a post or a trade.
    let c = (a.saturating_sub(7)..a - 1)
        .rev()
        .find(|&k| toks[k].is_punct(","))?;
    let post = &toks[c + 1..a - 1];
    let last = post.last()?;
    let is_post = post.iter().all(|t| t.is_word())
        && (last.lex.is_role_word() || last.lex.is_occupation())
        && post[0].is_cap();
    // The person: a capitalised name before the post's comma, opened by a given name or an
    // honorific.
    let person = c >= 2
        && toks[c - 1].is_cap()
        && (c.saturating_sub(4)..c)
            .any(|k| toks[k].lex.is_given_name() || toks[k].lex.is_honorific());
    (is_post && person).then_some(Some(EntityKind::Organization))
}

/// Rule `organisation-head-inside`: a head word anywhere in a name that no rule before typed
/// ("Socialist Party of Ruritania", "Radio Tolvik Internationale", "Daily News X"), after a
/// place's name only when the head, one of its first words, takes "of" ("Kenya Federation of
/// Labour", "Ontario Union of Teachers"). Not a name in capitals only, with a year, or of an
/// award, a plan or a law.
fn organisation_head_inside(nm: &Name) -> Decision {
    let Name {
        a,
        b,
        n,
        toks,
        last,
        fc,
        has_year,
        ..
    } = *nm;
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
    let body = n >= 2
        && !fc.is_given_name()
        && !has_year
        && !shouted
        && !not_a_body
        && toks[a..b].iter().any(|t| t.lex.is_org_head())
        && (fc.place().is_none() || head_then_of);
    body.then_some(Some(EntityKind::Organization))
}
