//! What the lexicons say of one word, as bits (`WordClass`): each token carries its class,
//! found once by `Lexicon::word_class` when the token is made, so the passes that ask the same
//! questions of every word ("a stopword?", "a role?", "a given name?") test a bit instead of
//! hashing the word again.
//!
//! Holds no lexicon data and looks nothing up: `lexicon` builds the classes. A test holds each
//! bit equal to the `Lexicon` method it stands for.

use super::lexicon::PlaceKind;

/// What the lexicons say of one word (`Lexicon::word_class`), as bits: a token carries it,
/// so a rule asks `tok.lex.is_stopword()` for the price of a bit test.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClass(pub(super) u32);

impl WordClass {
    pub(super) const GIVEN_NAME: u32 = 1;
    pub(super) const STOPWORD: u32 = 1 << 1;
    pub(super) const ORG_HEAD: u32 = 1 << 2;
    pub(super) const PLACE_HEAD: u32 = 1 << 3;
    pub(super) const EVENT_HEAD: u32 = 1 << 4;
    pub(super) const STARTS_EVENT_HEAD: u32 = 1 << 5;
    pub(super) const ROLE: u32 = 1 << 6;
    pub(super) const ROLE_WORD: u32 = 1 << 7;
    pub(super) const ROLE_PREFIX: u32 = 1 << 8;
    pub(super) const OCCUPATION: u32 = 1 << 9;
    pub(super) const HONORIFIC: u32 = 1 << 10;
    pub(super) const THING_HEAD: u32 = 1 << 11;
    pub(super) const COMMON_ACRONYM: u32 = 1 << 12;
    pub(super) const TOPIC: u32 = 1 << 13;
    pub(super) const COUNTRY: u32 = 1 << 14;
    pub(super) const REGION: u32 = 1 << 15;
    pub(super) const CITY: u32 = 1 << 16;
    pub(super) const ROLE_MODIFIER: u32 = 1 << 17;
    pub(super) const STARTS_HONORIFIC: u32 = 1 << 18;
    pub(super) const SURNAME: u32 = 1 << 19;
    /// Only in `Lexicon`'s table, never in a token's class: the key of some given name.
    pub(super) const GIVEN_NAME_KEY: u32 = 1 << 20;
    pub(super) const PLACE: u32 = Self::COUNTRY | Self::REGION | Self::CITY;

    pub(super) fn place_bits(kind: PlaceKind) -> u32 {
        match kind {
            PlaceKind::Country => Self::COUNTRY,
            PlaceKind::Region => Self::REGION,
            PlaceKind::City => Self::CITY,
        }
    }
    fn has(self, bit: u32) -> bool {
        self.0 & bit != 0
    }
    /// `Lexicon::is_given_name`.
    pub fn is_given_name(self) -> bool {
        self.has(Self::GIVEN_NAME)
    }
    /// `Lexicon::is_surname`.
    pub fn is_surname(self) -> bool {
        self.has(Self::SURNAME)
    }
    /// `Lexicon::is_stopword`.
    pub fn is_stopword(self) -> bool {
        self.has(Self::STOPWORD)
    }
    /// `Lexicon::is_org_head`.
    pub fn is_org_head(self) -> bool {
        self.has(Self::ORG_HEAD)
    }
    /// `Lexicon::is_place_head`.
    pub fn is_place_head(self) -> bool {
        self.has(Self::PLACE_HEAD)
    }
    /// `Lexicon::is_event_head`.
    pub fn is_event_head(self) -> bool {
        self.has(Self::EVENT_HEAD)
    }
    /// `Lexicon::starts_event_head`.
    pub fn starts_event_head(self) -> bool {
        self.has(Self::STARTS_EVENT_HEAD)
    }
    /// `Lexicon::is_role`.
    pub fn is_role(self) -> bool {
        self.has(Self::ROLE)
    }
    /// `Lexicon::is_role_word`.
    pub fn is_role_word(self) -> bool {
        self.has(Self::ROLE_WORD)
    }
    /// `Lexicon::is_role_prefix`.
    pub fn is_role_prefix(self) -> bool {
        self.has(Self::ROLE_PREFIX)
    }
    /// `Lexicon::is_occupation`.
    pub fn is_occupation(self) -> bool {
        self.has(Self::OCCUPATION)
    }
    /// `Lexicon::is_honorific`.
    pub fn is_honorific(self) -> bool {
        self.has(Self::HONORIFIC)
    }
    /// `Lexicon::is_thing_head`.
    pub fn is_thing_head(self) -> bool {
        self.has(Self::THING_HEAD)
    }
    /// `Lexicon::is_common_acronym`.
    pub fn is_common_acronym(self) -> bool {
        self.has(Self::COMMON_ACRONYM)
    }
    /// `Lexicon::is_topic`.
    pub fn is_topic(self) -> bool {
        self.has(Self::TOPIC)
    }
    /// `Lexicon::is_role_modifier`.
    pub fn is_role_modifier(self) -> bool {
        self.has(Self::ROLE_MODIFIER)
    }
    /// `Lexicon::starts_honorific`.
    pub fn starts_honorific(self) -> bool {
        self.has(Self::STARTS_HONORIFIC)
    }
    /// `Lexicon::place`.
    pub fn place(self) -> Option<PlaceKind> {
        if self.has(Self::COUNTRY) {
            Some(PlaceKind::Country)
        } else if self.has(Self::REGION) {
            Some(PlaceKind::Region)
        } else if self.has(Self::CITY) {
            Some(PlaceKind::City)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Lexicon;

    /// The class of a word, asked of each method in turn: what `word_class` must agree with.
    fn class_by_methods(lx: &Lexicon, w: &str) -> [bool; 17] {
        [
            lx.is_given_name(w),
            lx.is_stopword(w),
            lx.is_org_head(w),
            lx.is_place_head(w),
            lx.is_event_head(w),
            lx.starts_event_head(w),
            lx.is_role(w),
            lx.is_role_word(w),
            lx.is_role_prefix(w),
            lx.is_occupation(w),
            lx.is_honorific(w),
            lx.is_thing_head(w),
            lx.is_common_acronym(w),
            lx.is_topic(w),
            lx.is_role_modifier(w),
            lx.starts_honorific(w),
            lx.is_surname(w),
        ]
    }

    fn class_by_bits(c: WordClass) -> [bool; 17] {
        [
            c.is_given_name(),
            c.is_stopword(),
            c.is_org_head(),
            c.is_place_head(),
            c.is_event_head(),
            c.starts_event_head(),
            c.is_role(),
            c.is_role_word(),
            c.is_role_prefix(),
            c.is_occupation(),
            c.is_honorific(),
            c.is_thing_head(),
            c.is_common_acronym(),
            c.is_topic(),
            c.is_role_modifier(),
            c.starts_honorific(),
            c.is_surname(),
        ]
    }

    #[test]
    fn a_word_class_answers_as_the_methods_do() {
        let lx = Lexicon::builtin();
        // The forms each method reads past its first lookup, and every word of our sample
        // reports.
        let mut words: Vec<String> = [
            "Dr.",
            "H",
            "H.E",
            "Her",
            "US",
            "U.S",
            "us",
            "Curaçao",
            "Zoë",
            "ana",
            "Ana",
            "ANA",
            "Côte",
            "secretary-treasurer",
            "Vice-President",
            "Co-Chair",
            "Dr.",
            "Dr",
            "Mrs.",
            "Ana-Maria",
            "José",
            "the",
            "The",
            "side",
            "AGM",
            "’s",
            "'s",
            ",",
            "&",
            "2024",
            "Workers'",
            "General",
            "Union",
            "march",
            "Paris",
        ]
        .map(str::to_owned)
        .to_vec();
        // Every ASCII character alone (their classes come from a table), and a dash of
        // another width inside a word.
        words.extend((0..128u8).map(|c| char::from(c).to_string()));
        words.push("secretary–treasurer".to_owned());
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reports");
        for entry in std::fs::read_dir(dir).expect("data/reports") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("text");
            let toks = crate::extract::tokens::tokenize(&text, 0, text.len());
            words.extend(toks.iter().map(|t| t.text.to_owned()));
        }
        assert!(words.len() > 1000, "{} words", words.len());
        for w in &words {
            let c = lx.word_class(w);
            assert_eq!(class_by_bits(c), class_by_methods(lx, w), "{w:?}");
            assert_eq!(c.place(), lx.place(w), "{w:?}");
        }
    }
}
