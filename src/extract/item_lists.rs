//! Rule `parallel-list-items`: the items of a list written in one shape are things of one
//! kind. Election results, officer lists and delegate lists give each item the same form
//! ("A B, Harbour Union, 55 votes; C D, Velby Teachers, 54 votes; …", "A B – President, C D –
//! Vice President, E F – Secretary"): where two or more items open with a person's name, an
//! item of the same form that opens with an untyped person-shaped name opens with a person
//! too, though no lexicon knows its words. The form is the mark after the name and what
//! follows it: what describes a person in such lists, a post, a body, a place or a count
//! ("Stalls: A B, books; C D, cakes; Tolvik Scouts, games" is no list of people).
//!
//! This module only types mentions the name pass left untyped; it makes no claim.

use super::*;

/// What may close an item's opening name: a comma, a dash or an opening bracket.
const FOLLOWERS: &[&str] = &[",", "–", "—", "-", "("];

/// What may set items apart: a semicolon, a comma, the colon that opens the list (so the first
/// item's separator may differ from the rest's: the form is the word after the name).
const SEPARATORS: &[&str] = &[";", ",", ":"];

/// Does what starts at token `k` describe a person in a list: a post ("President"), a body or
/// a place (a typed name), or a count ("55 votes")?
fn describes_a_person(sent: &Sent, k: usize) -> bool {
    sent.toks.get(k).is_some_and(|t| {
        t.kind == Kind::Number
            || t.lex.is_role_prefix()
            || sent.mention_at(k).is_some_and(|m| {
                matches!(m.kind, Some(EntityKind::Organization | EntityKind::Place))
            })
    })
}

impl Reader<'_> {
    /// Rule `parallel-list-items` (see the module's doc) for sentence `s`.
    pub(super) fn parallel_list_items(&mut self, s: usize) {
        let sent = &self.sents[s];
        let toks = &sent.toks;
        // Each mention that opens an item: (its index, the word after it).
        let openers: Vec<(usize, &str)> = sent
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                let start = m.hon.unwrap_or(m.start);
                let before = toks.get(start.checked_sub(1)?)?.text;
                let after = toks.get(m.end)?.text;
                let shaped = SEPARATORS.contains(&before)
                    && FOLLOWERS.contains(&after)
                    // "A B, C D, E F": a comma both sides reads as apposition, not a form.
                    && before != after
                    && describes_a_person(sent, m.end + 1);
                shaped.then_some((i, after))
            })
            .collect();
        let mut typed = Vec::new();
        for &(i, after) in &openers {
            let m = &sent.mentions[i];
            if m.kind.is_some()
                || !(2..=4).contains(&(m.end - m.start))
                || !names::person_shaped(toks, m.start, m.end, self.lx)
            {
                continue;
            }
            let same_form = || {
                openers
                    .iter()
                    .filter(|&&(j, a)| j != i && a == after)
                    .map(|&(j, _)| sent.mentions[j].kind)
            };
            let people = same_form()
                .filter(|k| *k == Some(EntityKind::Person))
                .count();
            let others = same_form()
                .filter(|k| k.is_some_and(|k| k != EntityKind::Person))
                .count();
            if people >= 2 && people > others {
                typed.push(i);
            }
        }
        for i in typed {
            self.type_mention(s, i, EntityKind::Person);
        }
    }
}
