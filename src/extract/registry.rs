//! The registry of a report's entities: every person, organisation, place and event the
//! report names, each under one id, with the lookups that tie a later mention to an earlier
//! entity (a surname after a full name, an acronym after its expansion, a short form of a long
//! organisation name, a name in another legal form) and the merging of two ids into one.
//!
//! Why a module: the name rules (`names`, `mentions`) decide where names are and what kind;
//! this decides which entity a name is. It reads names as strings (and notes the sentence each
//! entity was last named in); it knows no tokens and no lexicon beyond the lexicon's key form.

use super::lexicon::key;
use crate::model::{Entity, EntityId, EntityKind};
use rustc_hash::FxHashMap;

/// The registry of a report's entities, with merging.
#[derive(Debug, Default)]
pub struct Registry {
    entities: Vec<Entity>,
    /// Merged entities point to the one they were merged into.
    parent: Vec<EntityId>,
    /// Entities by kind and name key (FxHash: looked up for every name of every sentence).
    index: FxHashMap<(EntityKind, String), EntityId>,
    /// The sentence where each entity was last mentioned.
    pub last_seen: Vec<usize>,
    /// The lexicon key of each entity's name, kept with the name: the lookups by part, prefix
    /// and head word scan every entity, and keying each name on every scan was a third of the
    /// extractor's time on long reports.
    keys: Vec<String>,
}

impl Registry {
    pub fn resolve(&self, mut id: EntityId) -> EntityId {
        while self.parent[id] != id {
            id = self.parent[id];
        }
        id
    }

    pub fn get(&self, id: EntityId) -> &Entity {
        &self.entities[self.resolve(id)]
    }

    pub fn get_mut(&mut self, id: EntityId) -> &mut Entity {
        let id = self.resolve(id);
        &mut self.entities[id]
    }

    pub fn find(&self, kind: EntityKind, name: &str) -> Option<EntityId> {
        self.index
            .get(&(kind, name_key(name)))
            .map(|&id| self.resolve(id))
    }

    /// The first of these kinds that has an entity of this name, keying the name once.
    pub fn find_first(&self, kinds: &[EntityKind], name: &str) -> Option<(EntityKind, EntityId)> {
        let (&first, rest) = kinds.split_first()?;
        let mut probe = (first, name_key(name));
        for &kind in std::iter::once(&first).chain(rest) {
            probe.0 = kind;
            if let Some(&id) = self.index.get(&probe) {
                return Some((kind, self.resolve(id)));
            }
        }
        None
    }

    /// Finds or creates the entity of this kind and name.
    pub fn add(&mut self, kind: EntityKind, name: &str, sentence: usize) -> EntityId {
        // Keyed once: the probe becomes the new entry when the name is new.
        let probe = (kind, name_key(name));
        if let Some(&id) = self.index.get(&probe) {
            let id = self.resolve(id);
            self.seen(id, sentence);
            self.other_legal_form(id, name);
            return id;
        }
        let id = self.entities.len();
        self.entities.push(Entity::new(kind, written_name(name)));
        self.keys.push(key(name.trim()));
        self.parent.push(id);
        self.last_seen.push(sentence);
        self.index.insert(probe, id);
        id
    }

    pub fn seen(&mut self, id: EntityId, sentence: usize) {
        let id = self.resolve(id);
        self.last_seen[id] = self.last_seen[id].max(sentence);
    }

    /// "Acme Ltd" found as "Acme Limited": the other spelling of the legal form is kept as a
    /// name of the company.
    pub fn other_legal_form(&mut self, id: EntityId, name: &str) {
        let name = written_name(name);
        let last = name.rsplit(' ').next().unwrap_or("");
        if legal_form(last).is_some() {
            self.alias(id, &name);
        }
    }

    /// Adds `alias` as another name of entity `id` (its whitespace made single spaces).
    pub fn alias(&mut self, id: EntityId, alias: &str) {
        let id = self.resolve(id);
        let kind = self.entities[id].kind;
        let alias = written_name(alias);
        if alias.is_empty() || key(&alias) == key(&self.entities[id].name) {
            return;
        }
        self.entities[id].aliases.insert(alias.clone());
        self.index.entry((kind, name_key(&alias))).or_insert(id);
    }

    /// Merges `from` into `into`: names become aliases, the longer name wins as canonical.
    pub fn merge(&mut self, from: EntityId, into: EntityId) {
        let (from, into) = (self.resolve(from), self.resolve(into));
        if from == into {
            return;
        }
        let taken = std::mem::replace(&mut self.entities[from], Entity::new(EntityKind::Place, ""));
        self.keys[from].clear();
        self.parent[from] = into;
        self.last_seen[into] = self.last_seen[into].max(self.last_seen[from]);
        let target = &mut self.entities[into];
        if taken.name.split_whitespace().count() > target.name.split_whitespace().count() {
            let old = std::mem::replace(&mut target.name, taken.name.clone());
            target.aliases.insert(old);
            target.aliases.remove(&taken.name);
            self.keys[into] = key(&taken.name);
        } else {
            target.aliases.insert(taken.name.clone());
        }
        target.aliases.extend(taken.aliases);
        target.honorifics.extend(taken.honorifics);
        target.job_titles.extend(taken.job_titles);
        let kind = target.kind;
        for name in std::iter::once(&self.entities[into].name)
            .chain(&self.entities[into].aliases)
            .map(|n| name_key(n))
            .collect::<Vec<_>>()
        {
            self.index.insert((kind, name), into);
        }
    }

    /// The ids of live (unmerged) entities of a kind.
    pub fn live(&self, kind: EntityKind) -> impl Iterator<Item = EntityId> + '_ {
        (0..self.entities.len())
            .filter(move |&i| self.parent[i] == i && self.entities[i].kind == kind)
    }

    /// A person known by one part of their name: the surname ("Okonjo"), a compound
    /// surname ("Silva Costa"), or the first name ("Marta"); the most recently seen wins.
    pub fn person_by_part(&self, part: &str) -> Option<EntityId> {
        let part = key(part);
        let mut best: Option<(u8, usize, EntityId)> = None;
        for id in self.live(EntityKind::Person) {
            // The last or first words of a longer name: a suffix of its key after a space, or
            // a prefix before one (the space says the name has more words than the part).
            let name = self.keys[id].as_str();
            let cut = name.len().saturating_sub(part.len() + 1);
            let score = if name.ends_with(part.as_str()) && name.as_bytes().get(cut) == Some(&b' ')
            {
                2
            } else if name.starts_with(part.as_str())
                && name.as_bytes().get(part.len()) == Some(&b' ')
            {
                1
            } else {
                continue;
            };
            let cand = (score, self.last_seen[id], id);
            if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
                best = Some(cand);
            }
        }
        best.map(|b| b.2)
    }

    /// An organisation known by its acronym: initials of its capitalised words ("FBU" for "Fishers
    /// and Boatmen Union").
    pub fn org_by_initials(&self, acronym: &str) -> Option<EntityId> {
        self.by_initials(EntityKind::Organization, acronym)
    }

    /// An event whose name's capitals spell `acronym` ("AGM" → "Annual General Meeting").
    pub fn event_by_initials(&self, acronym: &str) -> Option<EntityId> {
        self.by_initials(EntityKind::Event, acronym)
    }

    /// An entity of this kind whose name's capitals spell `acronym`.
    fn by_initials(&self, kind: EntityKind, acronym: &str) -> Option<EntityId> {
        if acronym.len() < 2 {
            return None;
        }
        self.live(kind)
            .find(|&id| has_initials(&self.entities[id].name, acronym))
    }

    /// An organisation whose name begins with these words ("Lake Power" → "Lake Power
    /// Industries"), or an acronym it was given.
    pub fn org_by_prefix(&self, words: &str) -> Option<EntityId> {
        let k = key(words);
        self.live(EntityKind::Organization).find(|&id| {
            let name = &self.keys[id];
            name.len() > k.len() && name.starts_with(&k) && name.as_bytes()[k.len()] == b' '
        })
    }

    /// The most recent organisation whose head word is `head` ("the union", "the network"),
    /// allowing a letter or two of difference ("foundation" / "Fondation").
    pub fn org_by_head(&self, head: &str) -> Option<EntityId> {
        let head = key(head);
        self.live(EntityKind::Organization)
            .filter(|&id| self.has_head_key(id, &head))
            .max_by_key(|&id| self.last_seen[id])
    }

    /// Is there an organisation whose name ends in the word `head` ("Dock Union Congress" for
    /// "congress")? Then "the Congress" may be that body rather than a gathering.
    pub fn org_ending_in(&self, head: &str) -> bool {
        let head = key(head);
        self.live(EntityKind::Organization)
            .any(|id| self.keys[id] != head && self.keys[id].rsplit(' ').next() == Some(&head))
    }

    /// Does organisation `id` have the head word whose key (`lexicon::key`) is `head`, as
    /// `org_by_head` reads it?
    pub fn has_head_key(&self, id: EntityId, head: &str) -> bool {
        let id = self.resolve(id);
        // A name that is the head alone ("Council" from "the Council") names no one; a
        // campaign to save a hospital is no hospital ("Save Tolvik Hospital", "Keep X Public").
        let campaign = self.keys[id]
            .split(' ')
            .next()
            .is_some_and(|w| matches!(w, "save" | "stop" | "keep" | "defend" | "protect"));
        self.keys[id] != head
            && !campaign
            && self.keys[id].split([' ', '-']).any(|w| {
                w == head
                    || (head.len() >= 6
                        && w.len().abs_diff(head.len()) <= 1
                        && edit_distance(w, head) <= 1)
            })
    }

    pub fn into_entities(self) -> (Vec<Entity>, Vec<EntityId>) {
        let map: Vec<EntityId> = (0..self.entities.len()).map(|i| self.resolve(i)).collect();
        (self.entities, map)
    }
}

/// The key names are merged by: lexicon key without a leading "the" ("The Daily Post" and
/// "Daily Post" are one), a company's legal form in its short spelling ("Acme Group Limited"
/// and "Acme Group Ltd" are one), "&" as "and" ("Velby & District Trades Council" and "Velby
/// and District Trades Council" are one).
fn name_key(name: &str) -> String {
    // Asked of every name met, so built in its one allocation (and a second for a rare "&").
    let mut k = key(name);
    if k.as_bytes().contains(&b'&') && k.contains(" & ") {
        k = k.replace(" & ", " and ");
    }
    if k.len() > "the ".len() && k.starts_with("the ") {
        k.drain(.."the ".len());
    }
    if let Some((stem, last)) = k.rsplit_once(' ') {
        if let Some(short) = legal_form(last).filter(|&short| short != last) {
            let stem = stem.len();
            k.truncate(stem + 1);
            k.push_str(short);
        }
    }
    k
}

/// A company's legal form in its short spelling ("Limited" → "ltd", "Inc." → "inc"), in any
/// case; None for any other word. Asked of every known name met again, so it allocates nothing.
fn legal_form(word: &str) -> Option<&'static str> {
    const FORMS: &[(&str, &str)] = &[
        ("limited", "ltd"),
        ("ltd", "ltd"),
        ("incorporated", "inc"),
        ("inc", "inc"),
        ("corporation", "corp"),
        ("corp", "corp"),
        ("plc", "plc"),
    ];
    let word = word.trim_end_matches('.');
    FORMS
        .iter()
        .find(|(form, _)| word.eq_ignore_ascii_case(form))
        .map(|&(_, short)| short)
}

/// Do the initials of a name's capitalised words and hyphenated parts (function words
/// skipped) spell `acronym`? Read without building the initials: this runs for every
/// organisation on every acronym.
pub(super) fn has_initials(name: &str, acronym: &str) -> bool {
    let mut want = acronym.chars();
    for c in name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
    {
        if want.next() != Some(c) {
            return false;
        }
    }
    want.next().is_none()
}

/// Rule `acronym-fits-name`: may `acronym` abbreviate `name`? Its letters must be found in
/// order in the name, the first at the start of a word and each later one at the start of a
/// word or further inside the word of the letter before ("TVECCU" for "Tolvik Valley Eastern
/// Co-operative Credit Union", "FTU" for "Federação dos Trabalhadores Unidos"). "Rina Rao (HWU)"
/// fails: the bracket names the person's organisation, not the name's short form.
pub fn could_abbreviate(name: &str, acronym: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let name = deunicode::deunicode(name);
    let words: Vec<Vec<char>> = name
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    // fits(i, w, c): letters[i..] can be matched from word w at char c (c > 0 = inside it).
    fn fits(letters: &[char], words: &[Vec<char>], i: usize, w: usize, c: usize) -> bool {
        if i == letters.len() {
            return true;
        }
        // Inside the current word, after the last matched letter.
        if c > 0 {
            if let Some(word) = words.get(w) {
                for (k, &ch) in word.iter().enumerate().skip(c) {
                    if ch == letters[i] && fits(letters, words, i + 1, w, k + 1) {
                        return true;
                    }
                }
            }
        }
        // At the start of a later word.
        (w + usize::from(c > 0)..words.len())
            .any(|v| words[v].first() == Some(&letters[i]) && fits(letters, words, i + 1, v, 1))
    }
    !letters.is_empty() && letters.len() <= 12 && fits(&letters, &words, 0, 0, 0)
}

/// Rule `initials-with-middle`: a person's initials as minutes write them hold a middle
/// initial the name leaves out: "L. Vik (LMV)", "D. Orr (DEO)". Two to four letters, the
/// first the given name's, the last the surname's.
pub fn initials_with_middle(name: &str, acronym: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let n = acronym.chars().count();
    words.len() >= 2
        && (2..=4).contains(&n)
        && acronym.chars().all(|c| c.is_ascii_uppercase())
        && first.chars().next() == acronym.chars().next()
        && last.chars().next() == acronym.chars().last()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A name as a reader writes it: trimmed, and any run of whitespace inside it (a paragraph's
/// soft line break, a no-break space) one space, so that "Velby\nUnion" and "Velby Union" read
/// and query alike.
pub(super) fn written_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().all(|c| c == ' ' || !c.is_whitespace()) && !name.contains("  ") {
        return name.to_owned();
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_fit_the_names_they_abbreviate() {
        for (name, acronym, fits) in [
            ("National Union of Weavers", "NUW", true),
            ("International Association of Harbour Pilots", "IAHP", true),
            (
                "Tolvik Valley Eastern Co-operative Credit Union",
                "TVECCU",
                true,
            ),
            ("Federação dos Trabalhadores Unidos", "FTU", true),
            ("Confederation of Harbour Unions", "COHU", true),
            ("Mara Velt Rahimi", "HWU", false),
            ("Sunil Okoro", "TWTUC", false),
            ("Lena Brook", "LBC", false),
        ] {
            assert_eq!(could_abbreviate(name, acronym), fits, "{name} ({acronym})");
        }
    }

    #[test]
    fn names_are_written_with_single_spaces() {
        for (case, written, name) in [
            ("plain", " Ana Ruiz ", "Ana Ruiz"),
            ("a soft line break", "Velby\nUnion", "Velby Union"),
            ("a no-break space", "Tom\u{a0}Hale", "Tom Hale"),
            ("two spaces", "Lena  Vik", "Lena Vik"),
            (
                "a line break with a carriage return",
                "Harbour\r\nForum",
                "Harbour Forum",
            ),
        ] {
            assert_eq!(written_name(written), name, "{case}");
        }
        let mut r = Registry::default();
        let a = r.add(EntityKind::Organization, "Velby\nUnion", 0);
        assert_eq!(r.add(EntityKind::Organization, "Velby Union", 1), a);
        assert_eq!(r.entities[a].name, "Velby Union");
    }

    #[test]
    fn registry_merges_short_forms() {
        let mut r = Registry::default();
        let a = r.add(EntityKind::Person, "Marta Silva Costa", 0);
        assert_eq!(r.person_by_part("Costa"), Some(a));
        assert_eq!(r.person_by_part("Silva Costa"), Some(a));
        assert_eq!(r.person_by_part("Marta"), Some(a));
        let o = r.add(EntityKind::Organization, "Harbour Workers' Alliance", 1);
        assert_eq!(r.org_by_initials("HWA"), Some(o));
        let short = r.add(EntityKind::Organization, "HWA", 2);
        r.merge(short, o);
        assert_eq!(r.find(EntityKind::Organization, "HWA"), Some(o));
        assert_eq!(r.get(o).name, "Harbour Workers' Alliance");
    }

    #[test]
    fn fuzzy_heads_find_organisations() {
        let mut r = Registry::default();
        let o = r.add(EntityKind::Organization, "Fondation Pierre Lambert", 0);
        assert_eq!(r.org_by_head("foundation"), Some(o));
        assert_eq!(r.org_by_head("union"), None);
    }
}
