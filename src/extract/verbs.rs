//! The verbs the rules read, in one place: those that attribute speech (a quotation's "said"),
//! and the acts a report says a named person did ("opened", "chaired", "moved"). Each rule
//! asks here instead of keeping a list of its own.
//!
//! Closed lists of English verb forms are grammar, not world knowledge, so they are code, not
//! lexicon files. This module knows nothing of tokens, sentences or entities.

/// Verbs that attribute what a person said: "…," she said; X warned that …
const SPEECH: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "explained",
    "explains",
    "argued",
    "argues",
    "warned",
    "warns",
    "noted",
    "notes",
    "insisted",
    "stressed",
    "urged",
    "declared",
    "announced",
    "claimed",
    "recalled",
    "replied",
    "remarked",
    "continued",
    "concluded",
    "observed",
    "commented",
    "admitted",
    "suggested",
    "emphasised",
    "emphasized",
    "wrote",
    "closed",
    "joked",
    "quipped",
    "promised",
    "vowed",
    "pleaded",
    "cautioned",
    "predicted",
    "acknowledged",
];

/// Speaking without attributing words: the person spoke, whatever they said.
const SPOKE: &[&str] = &[
    "spoke",
    "speaks",
    "described",
    "answered",
    "discussed",
    "detailed",
    "talked",
];

/// Other acts a report says a named person did at an event or in a role.
const ACTS: &[&str] = &[
    "addressed",
    "opened",
    "presented",
    "chaired",
    "moderated",
    "welcomed",
    "thanked",
    "praised",
    "called",
    "highlighted",
    "pointed",
    "outlined",
    "set",
    "looked",
    "paid",
    "lauded",
    "celebrated",
    "extended",
    "sent",
    "agreed",
    "believes",
    "believed",
    "joined",
    "led",
    "hosted",
    "organised",
    "organized",
    "attended",
    "moved",
    "seconded",
    "participated",
    "took",
    "inaugurated",
    "presided",
    "delivered",
];

/// A verb that attributes speech ("said", "warned", "adds").
pub fn attributes_speech(word: &str) -> bool {
    SPEECH.contains(&word)
}

/// A verb that says the person spoke: speech verbs and "spoke", "described", "answered".
pub fn says_they_spoke(word: &str) -> bool {
    attributes_speech(word) || SPOKE.contains(&word)
}

/// A verb that reports what a speaker said without quoting it: "X praised the staff", "X
/// called for unity", "X paid tribute to …". In a report of a gathering, its subject spoke there.
pub fn reports_a_speech(word: &str, next: &str) -> bool {
    matches!(
        word,
        "praised"
            | "commended"
            | "highlighted"
            | "congratulated"
            | "lauded"
            | "hailed"
            | "applauded"
            | "reiterated"
            | "underlined"
            | "underscored"
            | "appealed"
            | "assured"
            | "lamented"
            | "condemned"
            | "criticised"
            | "criticized"
            | "reaffirmed"
            | "recounted"
            | "shared"
    ) || matches!(
        (word, next),
        ("called", "on" | "for" | "upon")
            | ("paid", "tribute" | "homage")
            | ("pointed", "out")
            | ("expressed", _)
            | ("spoke", _)
    )
}

/// The present forms `headline_verb` reads.
const HEADLINE_VERBS: &[&str] = &[
    "welcomes",
    "hosts",
    "holds",
    "attends",
    "joins",
    "leads",
    "sends",
    "receives",
    "meets",
    "addresses",
    "opens",
    "closes",
    "launches",
    "marks",
    "celebrates",
    "concludes",
    "begins",
    "ends",
    "kicks",
    "visits",
    "wraps",
    "organises",
    "organizes",
    "convenes",
    "stages",
    "calls",
    "honours",
    "honors",
];

/// The verbs a body's news reports of itself, read in title-case headlines.
const NEWS_VERBS: &[&str] = &[
    "installs",
    "inducts",
    "elects",
    "appoints",
    "announces",
    "unveils",
    "inaugurates",
    "rallies",
    "congratulates",
    "urges",
    "pledges",
];

/// A verb in the present tense of a headline, whose subject is the body or person before it:
/// "Marden Growers Union welcomes delegation", "Tolvik hosts summit". No word of it premodifies
/// the noun after it.
pub fn headline_verb(word: &str) -> bool {
    HEADLINE_VERBS.contains(&word)
}

/// A verb in the present tense of a title-case headline, after the body that does it:
/// "Tolvik Lions Club Installs New Officers", "Marden Union Holds Congress". The verbs of
/// `headline_verb`, and those a body's news reports of itself: electing, appointing, announcing.
/// Every one ends in "s" (`names` asks only of such words).
pub fn title_case_headline_verb(word: &str) -> bool {
    headline_verb(word) || NEWS_VERBS.contains(&word)
}

/// A verb that can follow a person's name as the predicate of their sentence ("Ana Ruiz
/// opened the meeting"), which marks the words before it as a name.
pub fn follows_a_name(word: &str) -> bool {
    says_they_spoke(word) || ACTS.contains(&word)
}

/// A verb of a clause that no role's modifier is: "met Secretary General A B" is no role
/// "met Secretary General".
pub fn ends_a_role_modifier(word: &str) -> bool {
    follows_a_name(word)
        || matches!(
            word,
            "met"
                | "meets"
                | "visited"
                | "received"
                | "included"
                | "includes"
                | "featured"
                | "featuring"
                | "congratulated"
                | "invited"
                | "accompanied"
                | "replaced"
                | "introduced"
                | "introduces"
                | "honoured"
                | "honored"
                | "then"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `names` asks `title_case_headline_verb` only of words in "-s".
    #[test]
    fn headline_verbs_end_in_s() {
        for w in HEADLINE_VERBS.iter().chain(NEWS_VERBS) {
            assert!(w.ends_with('s'), "{w}");
            assert!(title_case_headline_verb(w), "{w}");
        }
    }

    #[test]
    fn the_classes_nest() {
        for (word, speech, spoke, act) in [
            ("said", true, true, true),
            ("spoke", false, true, true),
            ("chaired", false, false, true),
            ("participated", false, false, true),
            ("took", false, false, true),
            ("table", false, false, false),
        ] {
            assert_eq!(attributes_speech(word), speech, "{word}");
            assert_eq!(says_they_spoke(word), spoke, "{word}");
            assert_eq!(follows_a_name(word), act, "{word}");
        }
    }

    #[test]
    fn reported_speech() {
        for (word, next, reports) in [
            ("praised", "the", true),
            ("called", "for", true),
            ("called", "the", false),
            ("paid", "tribute", true),
            ("paid", "the", false),
            ("chaired", "the", false),
        ] {
            assert_eq!(reports_a_speech(word, next), reports, "{word} {next}");
        }
    }
}
