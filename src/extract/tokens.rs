//! Words and punctuation of a sentence, with byte offsets into the report text.
//!
//! Written by hand because names are what matter here and general tokenizers split them badly:
//! "Owusu-Hale", "Workers'" (a plural possessive inside a name), "Côte d’Ivoire", "O'Brien"
//! stay whole, while "Guild’s" gives "Guild" and a possessive token. Markdown emphasis marks
//! (`*`, `_`) and heading hashes are skipped, so "**Forum**" reads as "Forum".

use super::lexicon::Lexicon;
use super::word_class::WordClass;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// `'s` or `’s` after a word.
    Possessive,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// The text in lowercase, borrowed from a lowered copy of the report when the token is
    /// ASCII (nearly all are); `None` for the rest, which `lower` lowers when asked.
    pub low: Option<&'a str>,
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// What the lexicons say of the word, looked up once here for every pass that asks.
    pub lex: WordClass,
    /// The word's shape (`CAP`, `ACRONYM`), found once here: the rules ask `is_cap` and
    /// `is_acronym` of the same token many times over, and each used to walk its characters.
    shape: u8,
}

/// `Token::is_cap`.
const CAP: u8 = 1;
/// `Token::is_acronym`.
const ACRONYM: u8 = 1 << 1;

impl<'a> Token<'a> {
    /// A token of `kind`, its shape read from its text.
    fn new(
        text: &'a str,
        low: Option<&'a str>,
        (start, end): (usize, usize),
        kind: Kind,
        lex: WordClass,
    ) -> Self {
        let mut shape = 0;
        if kind == Kind::Word {
            if starts_with_capital(text) || is_article_name(text) {
                shape |= CAP;
            }
            if is_all_capitals(text) {
                shape |= ACRONYM;
            }
        }
        Token {
            text,
            low,
            start,
            end,
            kind,
            lex,
            shape,
        }
    }
    /// Starts with a capital letter (or is an acronym), or is an Arabic name with its article
    /// in lowercase: "al-Rashid", "el-Amin".
    pub fn is_cap(&self) -> bool {
        self.shape & CAP != 0
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// All capitals, two letters or more: "WHO", "VTUF", "MP".
    pub fn is_acronym(&self) -> bool {
        self.shape & ACRONYM != 0
    }
    /// Capital letters written with dots, "T.D" or "M.H.A" (the reader leaves the last dot
    /// apart): the letters alone in lowercase, "td", "mha".
    pub fn dotted_letters(&self) -> Option<String> {
        let mut out = String::new();
        let mut chars = self.text.chars().peekable();
        while let Some(c) = chars.next() {
            if !c.is_ascii_uppercase() {
                return None;
            }
            out.push(c.to_ascii_lowercase());
            match chars.next() {
                Some('.') => {}
                None => break,
                Some(_) => return None,
            }
        }
        (self.kind == Kind::Word && out.len() >= 2 && self.text.contains('.')).then_some(out)
    }
    /// The token in lowercase; borrowed when it has no capital (most words), so asking costs
    /// nothing.
    pub fn lower(&self) -> std::borrow::Cow<'a, str> {
        if let Some(low) = self.low {
            return std::borrow::Cow::Borrowed(low);
        }
        let has_capital = if self.text.is_ascii() {
            self.text.bytes().any(|b| b.is_ascii_uppercase())
        } else {
            self.text.chars().any(char::is_uppercase)
        };
        if has_capital {
            std::borrow::Cow::Owned(self.text.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(self.text)
        }
    }

    pub fn is(&self, s: &str) -> bool {
        self.text.eq_ignore_ascii_case(s)
    }
    pub fn is_punct(&self, chars: &str) -> bool {
        // (A mark is one character, made so by `tokenize_with`.)
        self.kind == Kind::Punct && self.text.chars().next().is_some_and(|c| chars.contains(c))
    }
    /// An ordinal, in figures or words: "51st", "3rd", "first", "Twenty-Second", "tenth".
    pub fn is_ordinal(&self) -> bool {
        let lower = self.lower();
        let last = lower.rsplit('-').next().unwrap_or(&lower);
        let digits = last.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            return matches!(&last[digits..], "st" | "nd" | "rd" | "th");
        }
        matches!(
            last,
            "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "eleventh"
                | "twelfth"
                | "hundredth"
        ) || last.ends_with("teenth")
            || last.ends_with("ieth")
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[start..end]`; offsets are absolute.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token<'_>> {
    tokenize_with(text, None, Lexicon::builtin(), start, end)
}

/// Tokenizes `text[start..end]` as `tokenize` does, each ASCII token borrowing its lowercase
/// form from `lowered`: `text` with its ASCII letters lowered, byte for byte.
pub fn tokenize_lowered<'a>(
    text: &'a str,
    lowered: &'a str,
    lx: &Lexicon,
    start: usize,
    end: usize,
) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lowered.len());
    tokenize_with(text, Some(lowered), lx, start, end)
}

fn tokenize_with<'a>(
    text: &'a str,
    lowered: Option<&'a str>,
    lx: &Lexicon,
    start: usize,
    end: usize,
) -> Vec<Token<'a>> {
    let low = |a: usize, b: usize| {
        lowered
            .filter(|_| text.as_bytes()[a..b].is_ascii())
            .map(|l| &l[a..b])
    };
    let slice = &text[start..end];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() || c == '*' || c == '_' || c == '#' || c == '\u{ad}' {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let joiner = || {
                    (d == '-' || d == '.' || is_apostrophe(d))
                        && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
                };
                if d.is_alphanumeric() || is_mark(d) || joiner() {
                    j += 1;
                } else {
                    break;
                }
            }
            let word_end = chars.get(j).map_or(slice.len(), |&(p, _)| p);
            let mut word = &slice[pos..word_end];
            // A trailing possessive: "Guild’s" → "Guild" + "’s".
            let mut possessive = None;
            for apo in ["'s", "’s", "'S", "’S"] {
                if word.len() > apo.len() && word.ends_with(apo) {
                    let cut = word.len() - apo.len();
                    possessive = Some((pos + cut, word_end));
                    word = &word[..cut];
                    break;
                }
            }
            let kind = if word
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                Kind::Number
            } else {
                Kind::Word
            };
            let w_end = pos + word.len();
            // A plural possessive keeps its apostrophe inside a name: "Workers' Union"; an
            // acronym's does not ("the TVWS’ ideology" reads the acronym "TVWS").
            let mut w_end_abs = w_end;
            if possessive.is_none() && word.ends_with(['s', 'S']) && !is_all_capitals(word) {
                if let Some(&(p, d)) = chars.get(j) {
                    let after = chars.get(j + 1).map(|&(_, n)| n);
                    if is_apostrophe(d) && after.is_none_or(|n| !n.is_alphanumeric()) {
                        w_end_abs = p + d.len_utf8();
                        j += 1;
                    }
                }
            }
            let word = &text[start + pos..start + w_end_abs];
            out.push(Token::new(
                word,
                low(start + pos, start + w_end_abs),
                (start + pos, start + w_end_abs),
                kind,
                lx.word_class(word),
            ));
            if let Some((ps, pe)) = possessive {
                let possessive = &text[start + ps..start + pe];
                out.push(Token::new(
                    possessive,
                    low(start + ps, start + pe),
                    (start + ps, start + pe),
                    Kind::Possessive,
                    lx.word_class(possessive),
                ));
            }
            i = j;
            continue;
        }
        let len = c.len_utf8();
        let mark = &text[start + pos..start + pos + len];
        out.push(Token::new(
            mark,
            low(start + pos, start + pos + len),
            (start + pos, start + pos + len),
            Kind::Punct,
            lx.word_class(mark),
        ));
        i += 1;
    }
    out
}

fn starts_with_capital(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// An Arabic name with its article in lowercase: "al-Rashid", "el-Amin".
fn is_article_name(text: &str) -> bool {
    let b = text.as_bytes();
    let dash = match b {
        [b'a' | b'e', b'l' | b'd' | b'r' | b's' | b't' | b'z' | b'n', b'-', ..] => 2,
        [b'a', b's', b'h', b'-', ..] => 3,
        _ => return false,
    };
    starts_with_capital(&text[dash + 1..])
}

/// Two letters or more, all capitals (digits, '&' and '-' allowed): "WHO", "G20", "AT&T".
fn is_all_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && text
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&' || c == '-')
}

/// Combining marks (decomposed accents) stay inside words.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// The days of the week, lowercase: words of when, never names.
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Is this lowercase word a month, in full or abbreviated ("march", "sept"), or a weekday?
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    matches!(
        lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    ) || WEEKDAYS.contains(&lower)
}

/// Is token `i` the month "March" in a date ("18 March 2024", "March 2024", "March 18")? The
/// word is also an event head ("the march on the capital").
pub fn is_date_month(toks: &[Token], i: usize) -> bool {
    let number = |j: Option<usize>| {
        j.and_then(|j| toks.get(j))
            .is_some_and(|t| t.kind == Kind::Number)
    };
    toks.get(i).is_some_and(|t| t.text == "March")
        && (number(i.checked_sub(1)) || number(Some(i + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn names_stay_whole() {
        assert_eq!(
            words("Ama Pryce-Owusu of the Dockers' Union, O'Neill’s deputy."),
            [
                "Ama",
                "Pryce-Owusu",
                "of",
                "the",
                "Dockers'",
                "Union",
                ",",
                "O'Neill",
                "’s",
                "deputy",
                "."
            ]
        );
    }

    #[test]
    fn an_arabic_article_in_lowercase_is_part_of_a_capitalised_name() {
        for (text, cap) in [
            ("al-Rashid", true),
            ("el-Amin", true),
            ("ash-Shami", true),
            ("al-based", false),
            ("also", false),
            ("all-Party", false),
        ] {
            let t = tokenize(text, 0, text.len());
            assert_eq!(t[0].is_cap(), cap, "{text}");
        }
    }

    #[test]
    fn letters_written_with_dots() {
        for (text, letters) in [
            ("T.D.", Some("td")),
            ("M.H.A.", Some("mha")),
            ("TD", None),
            ("U.S-based", None),
            ("J.", None),
            ("e.g.", None),
        ] {
            let t = tokenize(text, 0, text.len());
            assert_eq!(t[0].dotted_letters().as_deref(), letters, "{text}");
        }
    }

    #[test]
    fn markdown_marks_are_skipped_and_offsets_kept() {
        let s = "the **Spring Forum**, *Weekly*";
        let t = tokenize(s, 0, s.len());
        let w: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(w, ["the", "Spring", "Forum", ",", "Weekly"]);
        assert_eq!(&s[t[1].start..t[2].end], "Spring Forum");
    }

    #[test]
    fn ordinals_in_figures_and_words() {
        for (word, ordinal) in [
            ("51st", true),
            ("22nd", true),
            ("3rd", true),
            ("12th", true),
            ("Third", true),
            ("twentieth", true),
            ("Twenty-Second", true),
            ("51", false),
            ("North", false),
            ("health", false),
            ("Smith", false),
            ("Seventeenth", true),
            ("fortieth", true),
        ] {
            let t = tokenize(word, 0, word.len());
            assert_eq!(t[0].is_ordinal(), ordinal, "{word}");
        }
    }

    #[test]
    fn numbers_and_acronyms() {
        let t = tokenize("In 2024 the HWU met.", 0, 20);
        assert_eq!(t[1].kind, Kind::Number);
        assert!(t[3].is_acronym());
        assert!(!t[0].is_acronym());
    }

    #[test]
    fn an_acronym_gives_up_its_plural_apostrophe() {
        assert_eq!(
            words("the TVWS’ plan and the Dockers' Union"),
            ["the", "TVWS", "’", "plan", "and", "the", "Dockers'", "Union"]
        );
    }

    #[test]
    fn a_token_knows_its_shape_from_its_first_reading() {
        // (word, is_cap, is_acronym): the bits set once in `Token::new`.
        for (text, cap, acronym) in [
            ("Union", true, false),
            ("union", false, false),
            ("WHO", true, true),
            ("COP28", true, true),
            ("G20", true, false),
            ("CO-OP", true, true),
            ("Co-op", true, false),
            ("A", true, false),
            ("Élodie", true, false),
            ("ÉCOLE", true, true),
            ("el-Amin", true, false),
            ("2024", false, false),
            (",", false, false),
        ] {
            let t = tokenize(text, 0, text.len());
            assert_eq!((t[0].is_cap(), t[0].is_acronym()), (cap, acronym), "{text}");
        }
    }
}
