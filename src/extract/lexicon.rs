//! The lexicons under `ontology/lexicons/`: general knowledge of English and the world (given
//! names, family names, honorifics, role titles, organisation and place head words, places,
//! event words, boilerplate), built into the binary and parsed once, on first use.
//!
//! No person or organisation is listed in them: those are found by the rules.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use super::word_class::WordClass;

macro_rules! lexicon_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../ontology/lexicons/", $name)),
        )
    };
}

const FILES: &[(&str, &str)] = &[
    lexicon_file!("given_names.txt"),
    lexicon_file!("given_names_gender.txt"),
    lexicon_file!("surnames.txt"),
    lexicon_file!("honorifics.txt"),
    lexicon_file!("roles.txt"),
    lexicon_file!("role_modifiers.txt"),
    lexicon_file!("occupations.txt"),
    lexicon_file!("org_heads.txt"),
    lexicon_file!("org_suffixes.txt"),
    lexicon_file!("place_heads.txt"),
    lexicon_file!("event_heads.txt"),
    lexicon_file!("boilerplate.txt"),
    lexicon_file!("stopwords.txt"),
    lexicon_file!("common_acronyms.txt"),
    lexicon_file!("thing_heads.txt"),
    lexicon_file!("topics.txt"),
    lexicon_file!("places/countries.txt"),
    lexicon_file!("places/regions.txt"),
    lexicon_file!("places/cities.txt"),
    lexicon_file!("places/towns.txt"),
    lexicon_file!("places/demonyms.txt"),
    lexicon_file!("places/country_forms.txt"),
];

/// The entries of one lexicon file: lines that are not blank and not `#` comments.
fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The form lexicon lookups use: lowercase, straight apostrophes, single spaces.
pub fn key(s: &str) -> String {
    if is_spaced_ascii(s.as_bytes()) {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    key_into(s, usize::MAX, &mut out);
    out
}

/// Appends the key of `s` to `out`, stopping after the word that takes it past `limit` bytes.
/// ASCII words (nearly all of them) are lowered byte by byte, without Unicode tables.
fn key_into(s: &str, limit: usize, out: &mut String) {
    for word in s.split_whitespace() {
        if out.len() > limit {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
            continue;
        }
        for c in word.chars() {
            match c {
                '’' | '‘' => out.push('\''),
                '–' | '—' => out.push('-'),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
}

/// Is `s` ASCII words one space apart (graphic characters, no space at either end)? Such a
/// string's key is its lowercase, byte for byte.
fn is_spaced_ascii(b: &[u8]) -> bool {
    !b.is_empty()
        && b[0] != b' '
        && b[b.len() - 1] != b' '
        && b.iter().all(|&c| c == b' ' || c.is_ascii_graphic())
        && !b.windows(2).any(|w| w == b"  ")
}

/// Runs `f` on the key of `s` (at most about `limit` bytes of it) in a buffer kept per thread:
/// lookups run for every word and phrase of every report, and a `String` each was the
/// extractor's largest cost. `f` must not look up again.
fn with_key<R>(s: &str, limit: usize, f: impl FnOnce(&str) -> R) -> R {
    const STACK: usize = 64;
    let b = s.as_bytes();
    if s.len() <= limit && is_spaced_ascii(b) {
        // Lowercase ASCII words one space apart (most words and phrases a rule asks about, and
        // every token's lowered form) are their own key.
        if !b.iter().any(u8::is_ascii_uppercase) {
            return f(s);
        }
        // A short ASCII word or phrase with capitals ("Union", "General Secretary") is lowered
        // on the stack.
        if s.len() <= STACK {
            let mut buf = [0u8; STACK];
            let word = &mut buf[..s.len()];
            word.copy_from_slice(b);
            word.make_ascii_lowercase();
            if let Ok(word) = std::str::from_utf8(word) {
                return f(word);
            }
        }
    }
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.clear();
        key_into(s, limit, &mut buffer);
        f(&buffer)
    })
}

/// The 64-bit fingerprint under which the class table keeps a word.
///
/// Why a fingerprint and not the word: the table holds every entry of every lexicon (about
/// 140,000), and a lookup that found a word then compared its heap-allocated key, one more
/// trip to memory per token. Two of the lexicons' words never share a fingerprint (a test
/// checks it); a word of a report shares one with a lexicon's word with a chance of about one
/// in 10^14.
fn fingerprint(word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x7469_6573).hash_one(word)
}

/// The kind of a known place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    Region,
    City,
}

#[derive(Debug, Default)]
pub struct Lexicon {
    pub given_names: HashSet<String>,
    /// Given name → true when usually female, false when usually male (a hint for pronouns).
    pub gender: HashMap<String, bool>,
    /// Honorifics as lowercase token sequences ("her excellency").
    pub honorifics: HashSet<String>,
    /// The first word of every honorific, without final full stops ("her", "dr", "h"): a
    /// phrase whose first word is none of them is no honorific.
    honorific_firsts: HashSet<String>,
    pub roles: HashSet<String>,
    pub role_modifiers: HashSet<String>,
    pub occupations: HashSet<String>,
    pub org_heads: HashSet<String>,
    /// Suffixes by their last byte: a word is checked against the few that end as it does.
    org_suffixes: Vec<Vec<String>>,
    pub place_heads: HashSet<String>,
    pub event_heads: HashSet<String>,
    /// The first words of event heads of two or more words ("side" of "side event"): only
    /// these are looked up with the word after them.
    pub event_head_firsts: HashSet<String>,
    /// Whole lines of page furniture ("Comments are closed"), keyed, without final stops.
    pub boilerplate: HashSet<String>,
    /// The longest boilerplate entry of either kind, in bytes.
    pub boilerplate_limit: usize,
    /// Starts of furniture lines ("Tel:", "Filed under").
    pub boilerplate_starts: Vec<String>,
    /// The first word of every boilerplate entry of either kind, keyed, without final stops:
    /// a line whose first word begins with none of them is no furniture, and most lines are
    /// told so without keying them (`is_boilerplate` runs on every block and sentence).
    pub boilerplate_firsts: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Capital abbreviations of common words ("HIV", "ATM", "NGO"), lowercase.
    pub common_acronyms: HashSet<String>,
    /// Family names of the 1990 US census, lowercase (`surnames.txt`).
    pub surnames: HashSet<String>,
    /// Last words of names of ideas, plans and prizes ("thought", "plan", "award"), lowercase.
    pub thing_heads: HashSet<String>,
    /// Fields and causes written with capitals that name nothing ("Mental Health"), keyed.
    pub topics: HashSet<String>,
    pub places: HashMap<String, PlaceKind>,
    /// Adjective → place ("venezuelan" → "Venezuela").
    pub demonyms: HashMap<String, String>,
    /// Each form of a country's name → the number of its line in `country_forms.txt`, so
    /// that "US" and "United States" are found to be one country.
    country_forms: HashMap<String, usize>,
    /// Every run of first words of a role or occupation ("deputy", "deputy general"), so a
    /// search for the longest role can stop at the first word that leads nowhere.
    pub role_prefixes: HashSet<String>,
    /// Every key of the sets above (and of places) with what it is in each, by the key's
    /// fingerprint: one lookup gives what `word_class` needs of a word.
    classes: HashMap<u64, WordClass>,
    /// The class of each ASCII character as a word of its own.
    ascii_classes: Vec<WordClass>,
    /// The longest entry, in words, of roles+occupations, and of places.
    pub max_role_words: usize,
    pub max_place_words: usize,
}

impl Lexicon {
    /// The lexicons built into the binary, parsed once.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::parse(FILES))
    }

    fn parse(files: &[(&str, &str)]) -> Lexicon {
        let mut lx = Lexicon::default();
        for (name, text) in files {
            lx.read_file(name, text);
        }
        lx.derive_indexes();
        lx
    }

    /// Reads one lexicon file into the set or table its name says.
    fn read_file(&mut self, name: &str, text: &str) {
        let set: Option<&mut HashSet<String>> = match name {
            "given_names.txt" => {
                self.given_names.extend(entries(text).map(str::to_owned));
                None
            }
            "given_names_gender.txt" => {
                for e in entries(text) {
                    if let Some((name, g)) = e.split_once('\t') {
                        self.gender.insert(name.trim().to_owned(), g.trim() == "f");
                    }
                }
                None
            }
            "honorifics.txt" => Some(&mut self.honorifics),
            "roles.txt" => Some(&mut self.roles),
            "role_modifiers.txt" => Some(&mut self.role_modifiers),
            "occupations.txt" => Some(&mut self.occupations),
            "org_heads.txt" => Some(&mut self.org_heads),
            "place_heads.txt" => Some(&mut self.place_heads),
            "event_heads.txt" => Some(&mut self.event_heads),
            "stopwords.txt" => Some(&mut self.stopwords),
            "common_acronyms.txt" => Some(&mut self.common_acronyms),
            "surnames.txt" => Some(&mut self.surnames),
            "thing_heads.txt" => Some(&mut self.thing_heads),
            "topics.txt" => Some(&mut self.topics),
            "org_suffixes.txt" => {
                self.org_suffixes = vec![Vec::new(); 256];
                for suffix in entries(text).map(|e| key(e.trim_start_matches('-'))) {
                    if let Some(&last) = suffix.as_bytes().last() {
                        self.org_suffixes[usize::from(last)].push(suffix);
                    }
                }
                None
            }
            "boilerplate.txt" => {
                // Sections headed "## whole line" and "## line start" say how to match.
                let mut prefix = false;
                for line in text.lines().map(str::trim) {
                    if let Some(head) = line.strip_prefix("## ") {
                        prefix = head.starts_with("line start");
                    } else if !line.is_empty() && !line.starts_with('#') {
                        if prefix {
                            self.boilerplate_starts.push(key(line));
                        } else {
                            let k = key(line);
                            self.boilerplate
                                .insert(k.trim_end_matches(['.', ':', '!']).to_owned());
                        }
                    }
                }
                None
            }
            "places/country_forms.txt" => {
                for (country, line) in entries(text).enumerate() {
                    for form in line.split(" | ") {
                        self.country_forms.insert(key(form.trim()), country);
                    }
                }
                None
            }
            "places/demonyms.txt" => {
                for e in entries(text) {
                    if let Some((adj, place)) = e.split_once('\t') {
                        self.demonyms.insert(key(adj), place.trim().to_owned());
                    }
                }
                None
            }
            other => {
                let kind = match other {
                    "places/countries.txt" => PlaceKind::Country,
                    "places/regions.txt" => PlaceKind::Region,
                    _ => PlaceKind::City,
                };
                for e in entries(text) {
                    let k = key(e);
                    let k = k.strip_prefix("the ").map(str::to_owned).unwrap_or(k);
                    self.places.entry(k).or_insert(kind);
                }
                None
            }
        };
        if let Some(set) = set {
            set.extend(entries(text).map(key));
        }
    }

    /// The indexes built from the sets once they are read: the prefixes of roles, the first
    /// words of event heads, boilerplate and honorifics, the longest entries, and the word
    /// class table.
    fn derive_indexes(&mut self) {
        for entry in self.roles.iter().chain(&self.occupations) {
            let mut end = 0;
            for word in entry.split(' ') {
                end += word.len();
                self.role_prefixes.insert(entry[..end].to_owned());
                end += 1;
            }
        }
        self.event_head_firsts = self
            .event_heads
            .iter()
            .filter_map(|h| h.split_once(' ').map(|(first, _)| first.to_owned()))
            .collect();
        self.max_role_words = self
            .roles
            .iter()
            .chain(&self.occupations)
            .map(|r| r.split(' ').count())
            .max()
            .unwrap_or(1);
        self.max_place_words = self
            .places
            .keys()
            .map(|p| p.split(' ').count())
            .max()
            .unwrap_or(1);
        self.boilerplate_limit = self
            .boilerplate
            .iter()
            .chain(&self.boilerplate_starts)
            .map(String::len)
            .max()
            .unwrap_or(0);
        self.boilerplate_firsts = self
            .boilerplate
            .iter()
            .chain(&self.boilerplate_starts)
            .filter_map(|e| e.split(' ').next())
            .map(|w| w.trim_end_matches(['.', ':', '!']).to_owned())
            .collect();
        self.honorific_firsts = self
            .honorifics
            .iter()
            .filter_map(|h| h.split(' ').next())
            .map(|w| w.trim_end_matches('.').to_owned())
            .collect();
        self.classes = self.class_table();
        self.ascii_classes = (0..128u8)
            .map(|c| self.word_class_by_lookup(char::from(c).encode_utf8(&mut [0; 4])))
            .collect();
    }

    /// The table behind `word_class`: each key of a set, by its fingerprint, with the bit of
    /// every set that has it.
    fn class_table(&self) -> HashMap<u64, WordClass> {
        let mut table: HashMap<u64, WordClass> = HashMap::default();
        self.for_each_class_entry(|word, bit| table.entry(fingerprint(word)).or_default().0 |= bit);
        table
    }

    /// Each key of each set (and of places), with the bit that set gives it; a key of several
    /// sets comes once for each.
    fn for_each_class_entry(&self, mut put: impl FnMut(&str, u32)) {
        let sets = [
            (&self.stopwords, WordClass::STOPWORD),
            (&self.org_heads, WordClass::ORG_HEAD),
            (&self.place_heads, WordClass::PLACE_HEAD),
            (&self.event_heads, WordClass::EVENT_HEAD),
            (&self.event_head_firsts, WordClass::STARTS_EVENT_HEAD),
            (&self.roles, WordClass::ROLE),
            (&self.role_prefixes, WordClass::ROLE_PREFIX),
            (&self.occupations, WordClass::OCCUPATION),
            (&self.honorifics, WordClass::HONORIFIC),
            (&self.thing_heads, WordClass::THING_HEAD),
            (&self.common_acronyms, WordClass::COMMON_ACRONYM),
            (&self.surnames, WordClass::SURNAME),
            (&self.topics, WordClass::TOPIC),
            (&self.role_modifiers, WordClass::ROLE_MODIFIER),
            (&self.honorific_firsts, WordClass::STARTS_HONORIFIC),
        ];
        for (set, bit) in sets {
            for k in set {
                put(k, bit);
            }
        }
        for (k, kind) in &self.places {
            put(k, WordClass::place_bits(*kind));
        }
        // Given names as they are written ("Ana"), not keyed: `is_given_name` minds case. Their
        // keys are marked too, so that a capitalised word whose key is no given name's ("Union")
        // needs no second lookup as written.
        for name in &self.given_names {
            put(name, WordClass::GIVEN_NAME);
            put(&key(name), WordClass::GIVEN_NAME_KEY);
        }
    }

    /// What the lexicons say of one word, in one lookup for nearly every word: the same
    /// answers as `is_stopword`, `is_role`, `place` and the rest give for it (a test checks
    /// that on every word of the dev reports). Tokens carry it, so the passes that ask of
    /// every word test a bit instead of hashing the word again.
    pub fn word_class(&self, word: &str) -> WordClass {
        // One ASCII character (punctuation, mostly): read from a table made by the path below.
        if let [c] = word.as_bytes() {
            if let Some(&class) = self.ascii_classes.get(usize::from(*c)) {
                return class;
            }
        }
        self.word_class_by_lookup(word)
    }

    fn word_class_by_lookup(&self, word: &str) -> WordClass {
        let lookup = |k: &str| self.classes.get(&fingerprint(k)).map_or(0, |c| c.0);
        // What the rarer forms below need to know of the word, in one pass over it.
        let (mut dash, mut dot, mut ascii) = (false, false, true);
        for &c in word.as_bytes() {
            dash |= c == b'-';
            dot |= c == b'.';
            ascii &= c.is_ascii();
        }
        // The given-name bit of the word as written, when the word is its own key (most
        // words are): one lookup then serves both.
        let mut given_as_written = None;
        let mut bits = with_key(word, usize::MAX, |k| {
            let found = lookup(k);
            if k == word {
                given_as_written = Some(found & WordClass::GIVEN_NAME);
            } else if found & WordClass::GIVEN_NAME_KEY == 0 {
                given_as_written = Some(0);
            }
            let mut bits = found & !(WordClass::GIVEN_NAME | WordClass::GIVEN_NAME_KEY);
            if k.ends_with('.') {
                let k = k.trim_end_matches('.');
                if self.honorifics.contains(k) {
                    bits |= WordClass::HONORIFIC;
                }
                if self.honorific_firsts.contains(k) {
                    bits |= WordClass::STARTS_HONORIFIC;
                }
            }
            // (Keying turns a dash of any width into '-'.)
            if (dash || !ascii) && self.derived_role(k) {
                bits |= WordClass::ROLE | WordClass::ROLE_PREFIX;
            }
            bits
        });
        // The rarer forms each method reads past its first lookup, asked the same way.
        if bits & WordClass::PLACE == 0 && (!ascii || dot) {
            bits |= self.place(word).map_or(0, WordClass::place_bits);
        }
        if bits & WordClass::ROLE != 0 || (dash && self.is_role_word(word)) {
            bits |= WordClass::ROLE_WORD;
        }
        let given = given_as_written.unwrap_or_else(|| lookup(word) & WordClass::GIVEN_NAME) != 0;
        if given || ((dash || !ascii) && self.given_name_by_its_forms(word)) {
            bits |= WordClass::GIVEN_NAME;
        }
        // A place written in capitals that is also a stopword ("US") is no stopword.
        if bits & WordClass::PLACE != 0
            && word.len() >= 2
            && word.bytes().all(|b| b.is_ascii_uppercase())
        {
            bits &= !WordClass::STOPWORD;
        }
        WordClass(bits)
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word) || self.given_name_by_its_forms(word)
    }

    /// A given name once its accents are dropped ("Zoë"), or by its first part ("Ana-Maria").
    fn given_name_by_its_forms(&self, word: &str) -> bool {
        (!word.is_ascii() && self.given_names.contains(&deunicode::deunicode(word)))
            || (word.as_bytes().contains(&b'-')
                && word
                    .split_once('-')
                    .is_some_and(|(first, _)| self.given_names.contains(first)))
    }

    /// The usual gender of a given name (true: female), when the lexicon knows it.
    pub fn gender_of(&self, given: &str) -> Option<bool> {
        self.gender
            .get(given)
            .or_else(|| {
                (!given.is_ascii())
                    .then(|| self.gender.get(&deunicode::deunicode(given)))
                    .flatten()
            })
            .copied()
    }

    /// A word that starts or joins no name ("the", "our"); a place written in capitals that
    /// is also one ("US") is no stopword.
    pub fn is_stopword(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.stopwords.contains(k))
            && !(word.len() >= 2
                && word.bytes().all(|b| b.is_ascii_uppercase())
                && self.place(word).is_some())
    }

    pub fn place(&self, name: &str) -> Option<PlaceKind> {
        let found = with_key(name, usize::MAX, |k| {
            self.places.get(k).copied().ok_or(k.is_ascii())
        });
        match found {
            Ok(kind) => Some(kind),
            // "U.S" as tokens give it, its last full stop a token of its own: "U.S.".
            Err(true) if name.contains('.') && !name.ends_with('.') => {
                self.places.get(&key(&format!("{name}."))).copied()
            }
            Err(true) => None,
            // "Curaçao" written with its accent, listed without it.
            Err(false) => self.places.get(&key(&deunicode::deunicode(name))).copied(),
        }
    }

    /// Are `a` and `b` two names of one country ("USA", "United States")? Only the forms
    /// `country_forms.txt` lists.
    ///
    /// ```
    /// let lx = ties::extract::lexicon::Lexicon::builtin();
    /// assert!(lx.same_country("US", "United States"));
    /// assert!(!lx.same_country("US", "UK"));
    /// ```
    pub fn same_country(&self, a: &str, b: &str) -> bool {
        self.country(a).is_some_and(|x| self.country(b) == Some(x))
    }

    /// The country a name is a form of, as the number of its line in `country_forms.txt`;
    /// None for a name that file does not list.
    pub fn country(&self, name: &str) -> Option<usize> {
        let k = key(name);
        let k = k.strip_prefix("the ").unwrap_or(&k);
        self.country_forms.get(k).copied()
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.org_heads.contains(k))
    }

    /// A word that ends in an organisation suffix of another language ("…bank", "…verband").
    pub fn has_org_suffix(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| {
            let Some(&last) = k.as_bytes().last() else {
                return false;
            };
            self.org_suffixes
                .get(usize::from(last))
                .is_some_and(|ending| {
                    ending
                        .iter()
                        .any(|s| k.len() > s.len() + 3 && k.ends_with(s.as_str()))
                })
        })
    }

    pub fn is_place_head(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.place_heads.contains(k))
    }

    /// Is this word the first of an event head of two or more words?
    pub fn starts_event_head(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.event_head_firsts.contains(k))
    }

    /// Is `word` a family name of the census list ("Patel", "Nguyen"; `surnames.txt`)?
    pub fn is_surname(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.surnames.contains(k))
    }

    /// Is `word` a capital abbreviation of a common word ("HIV", "NGO"), no organisation's name?
    pub fn is_common_acronym(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.common_acronyms.contains(k))
    }

    /// Does `word` end names of ideas, plans or prizes, never a person's ("Thought", "Plan")?
    pub fn is_thing_head(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.thing_heads.contains(k))
    }

    /// Is this name a field or cause ("Mental Health", "Climate Change"), no body's name?
    pub fn is_topic(&self, name: &str) -> bool {
        with_key(name, usize::MAX, |k| self.topics.contains(k))
    }

    pub fn is_event_head(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.event_heads.contains(k))
    }

    /// A role of the lexicon, or one word joining roles with hyphens ("secretary-treasurer").
    pub fn is_role(&self, phrase: &str) -> bool {
        with_key(phrase, usize::MAX, |k| {
            self.roles.contains(k) || self.derived_role(k)
        })
    }

    /// A role the lexicon does not list but builds from listed ones: "secretary-treasurer",
    /// "ambassador-designate", "co-leader", "ex-president".
    fn derived_role(&self, key: &str) -> bool {
        self.joins_roles(key) || self.designated_role(key) || self.shared_role(key)
    }

    /// A role held jointly or before, "co-" or "ex-" before a role: "co-leader", "co-director",
    /// "ex-president" (the lexicon lists the common ones; any role takes them).
    fn shared_role(&self, key: &str) -> bool {
        key.strip_prefix("co-")
            .or_else(|| key.strip_prefix("ex-"))
            // "her ex-partner A B" is kin, not a post.
            .is_some_and(|base| self.roles.contains(base) && base != "partner")
    }

    /// A role with the word of a post not yet taken up after it: "ambassador-designate", "high
    /// commissioner designate", "sheriff elect".
    fn designated_role(&self, key: &str) -> bool {
        post_designated(key).is_some_and(|base| self.roles.contains(base))
    }

    /// One word of roles joined by hyphens, each a role ("secretary-treasurer", "chair-treasurer").
    fn joins_roles(&self, key: &str) -> bool {
        let b = key.as_bytes();
        b.contains(&b'-') && !b.contains(&b' ') && key.split('-').all(|p| self.roles.contains(p))
    }

    /// A role, or a hyphenated compound of one ("Secretary-Treasurer", "Co-Chair",
    /// "Vice-President"): a word that makes a capitalised run a title, not a name.
    pub fn is_role_word(&self, word: &str) -> bool {
        self.is_role(word) || (word.contains('-') && word.split('-').any(|p| self.is_role(p)))
    }

    /// The first words of some role or occupation (or a whole one).
    pub fn is_role_prefix(&self, phrase: &str) -> bool {
        with_key(phrase, usize::MAX, |k| {
            self.role_prefixes.contains(k) || self.derived_role(k)
        })
    }

    /// A word that modifies a role before it ("former", "deputy", "acting").
    pub fn is_role_modifier(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| self.role_modifiers.contains(k))
    }

    pub fn is_occupation(&self, phrase: &str) -> bool {
        with_key(phrase, usize::MAX, |k| self.occupations.contains(k))
    }

    /// Is this word (its final full stops aside) the first word of some honorific?
    pub fn starts_honorific(&self, word: &str) -> bool {
        with_key(word, usize::MAX, |k| {
            self.honorific_firsts.contains(k.trim_end_matches('.'))
        })
    }

    pub fn is_honorific(&self, phrase: &str) -> bool {
        with_key(phrase, usize::MAX, |k| {
            self.honorifics.contains(k) || self.honorifics.contains(k.trim_end_matches('.'))
        })
    }

    /// A line that is page or press-release furniture ("Comments are closed.", "###").
    pub fn is_boilerplate(&self, line: &str) -> bool {
        share_buttons(line) || self.is_listed_boilerplate(line)
    }

    fn is_listed_boilerplate(&self, line: &str) -> bool {
        if !self.may_open_boilerplate(line) {
            return false;
        }
        // Lines longer than every entry need only their start keyed.
        with_key(line, self.boilerplate_limit, |k| {
            let k = k.trim_end_matches(['.', ':', '!']);
            self.boilerplate.contains(k)
                || self.boilerplate_starts.iter().any(|b| {
                    // "Tel: +41 …" is furniture; "Photo: Ana Ruiz" still names someone.
                    k.starts_with(b.as_str())
                        && !line
                            .trim()
                            .get(b.len()..)
                            .unwrap_or("")
                            .chars()
                            .any(char::is_uppercase)
                })
        })
    }

    /// Does the line's first word begin with the first word of a furniture entry? An entry
    /// that matches a line, whole or as its start, always does (both are keyed alike, one
    /// space between words), so a line that fails this matches none.
    fn may_open_boilerplate(&self, line: &str) -> bool {
        let Some(first) = line.split_whitespace().next() else {
            return self.boilerplate_firsts.contains("");
        };
        with_key(first, usize::MAX, |k| {
            (0..=k.len())
                .filter(|&i| k.is_char_boundary(i))
                .any(|i| self.boilerplate_firsts.contains(&k[..i]))
        })
    }
}

/// A row of share buttons: three or more sharing services named on one short line ("Share on
/// Facebook Twitter LinkedIn", "Submit to DiggSubmit to Reddit…"). Written in code, not in
/// `boilerplate.txt`, because the buttons run together in any order.
fn share_buttons(line: &str) -> bool {
    const SERVICES: &[&str] = &[
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "digg",
        "delicious",
        "stumbleupon",
        "tumblr",
        "telegram",
        "technorati",
        "google plus",
        "google+",
        "email",
        "print",
    ];
    const WIDGET_WORDS: &[&str] = &[
        "share", "submit", "to", "on", "via", "follow", "us", "this", "tweet", "post", "pin", "it",
        "page", "the", "and", "google", "plus",
    ];
    if line.len() > 400 {
        return false;
    }
    // Three services first, in one pass over the line: it is rare, and it spares most lines
    // the word count below.
    static FINDER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(SERVICES)
            .expect("the services are plain words")
    });
    let mut seen = 0u64;
    for m in finder.find_iter(line) {
        seen |= 1 << m.pattern().as_usize();
    }
    if seen.count_ones() < 3 {
        return false;
    }
    let lower = line.to_lowercase();
    // Nothing else on the line: a sentence that names the services says more words than these.
    let others = lower
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !WIDGET_WORDS.contains(w) && !SERVICES.iter().any(|s| w.contains(s) || s.contains(*w))
        })
        .count();
    others <= 2
}

/// The post a role "not yet taken up" names, lowercase: "high commissioner-designate" → "high
/// commissioner", "sheriff elect" → "sheriff".
pub(crate) fn post_designated(role: &str) -> Option<&str> {
    ["-designate", " designate", "-elect", " elect"]
        .iter()
        .find_map(|x| role.strip_suffix(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_lexicon_words_share_a_fingerprint() {
        let lx = Lexicon::builtin();
        let mut words = std::collections::BTreeSet::new();
        lx.for_each_class_entry(|word, _| {
            words.insert(word.to_owned());
        });
        let mut by_print: HashMap<u64, &str> = HashMap::default();
        for word in &words {
            if let Some(other) = by_print.insert(fingerprint(word), word) {
                panic!("{other:?} and {word:?} share a fingerprint: change its seed");
            }
        }
        assert!(
            words.len() > 100_000,
            "the lexicons hold {} words",
            words.len()
        );
    }

    #[test]
    fn a_role_held_jointly_is_a_role() {
        let lx = Lexicon::builtin();
        for (word, role) in [
            ("co-leader", true),
            ("Co-Director", true),
            ("co-secretary", true),
            ("ex-president", true),
            ("ex-", false),
            ("ex-partner", false),
            ("co-", false),
        ] {
            assert_eq!(lx.is_role(word), role, "{word}");
        }
    }

    #[test]
    fn share_buttons_are_furniture_and_sentences_naming_services_are_not() {
        let lx = Lexicon::builtin();
        for line in [
            "Submit to DeliciousSubmit to DiggSubmit to FacebookSubmit to Twitter",
            "Share this: Facebook | Twitter | LinkedIn | Email",
        ] {
            assert!(lx.is_boilerplate(line), "{line}");
        }
        let said = "Ana Ruiz asked members to follow the union on Facebook, Twitter and WhatsApp.";
        assert!(!lx.is_boilerplate(said));
    }

    /// The first-word filter in front of the furniture list lets every entry through, as
    /// written, in capitals, or followed by more of its line; and turns prose away.
    #[test]
    fn every_furniture_entry_passes_the_first_word_filter() {
        let lx = Lexicon::builtin();
        for entry in lx.boilerplate.iter().chain(&lx.boilerplate_starts) {
            for line in [
                entry.clone(),
                entry.to_uppercase(),
                format!("{entry} 020 7946 0000"),
            ] {
                assert!(lx.may_open_boilerplate(&line), "{line:?}");
            }
        }
        for entry in &lx.boilerplate_starts {
            let line = format!("{entry} 020 7946 0000");
            assert!(lx.is_boilerplate(&line), "{line:?}");
        }
        let prose = "Delegates voted to back the strike on Monday.";
        assert!(!lx.may_open_boilerplate(prose));
    }

    #[test]
    fn every_path_of_with_key_gives_the_key() {
        // ASCII words one space apart take the short paths; the rest is keyed word by word.
        let long = "Deputy General Secretary of the National Union of Rail Maritime and Transport";
        for (s, spaced) in [
            ("union", true),
            ("general secretary", true),
            ("workers'", true),
            ("Union", true),
            ("General Secretary", true),
            (long, true),
            (" union", false),
            ("a  b", false),
            ("a\tb", false),
            ("", false),
            ("café", false),
            ("Worker’s", false),
        ] {
            assert_eq!(is_spaced_ascii(s.as_bytes()), spaced, "{s:?}");
            // `key_into` word by word is the reference the short paths must match.
            let mut reference = String::new();
            key_into(s, usize::MAX, &mut reference);
            assert_eq!(key(s), reference, "{s:?}");
            assert_eq!(with_key(s, usize::MAX, str::to_owned), reference, "{s:?}");
        }
    }

    #[test]
    fn builtin_lexicons_load() {
        let lx = Lexicon::builtin();
        assert!(lx.given_names.len() > 1000);
        assert!(lx.is_honorific("Dr"));
        assert!(lx.is_role("general secretary"));
        assert!(lx.is_org_head("Union"));
        assert!(lx.has_org_suffix("Bauernverband"));
        assert!(
            !lx.has_org_suffix("Verband"),
            "a suffix alone is no compound"
        );
        assert!(!lx.has_org_suffix(""));
        assert_eq!(lx.place("Côte d’Ivoire"), Some(PlaceKind::Country));
        assert!(lx.is_event_head("plenary"));
        assert!(lx.is_stopword("The"));
        assert!(lx.is_boilerplate("Comments are closed."));
    }

    /// A post not yet taken up is the post's role, in one word or two; a verb "elect" after a
    /// plural, or the word alone, is none.
    #[test]
    fn roles_designate_and_elect() {
        let lx = Lexicon::builtin();
        for (phrase, role) in [
            ("Ambassador-designate", true),
            ("High Commissioner designate", true),
            ("high commissioner-designate", true),
            ("Sheriff Elect", true),
            ("chair-elect", true),
            ("designate", false),
            ("elect", false),
            ("members elect", false),
            ("Tolvik-designate", false),
        ] {
            assert_eq!(lx.is_role(phrase), role, "{phrase}");
        }
        assert!(lx.is_role_prefix("high commissioner-designate"));
        assert!(lx.word_class("Commissioner-designate").is_role());
    }

    #[test]
    fn keys_fold_case_apostrophes_and_spaces() {
        assert_eq!(key("Tenants’  Representative"), "tenants' representative");
    }
}
