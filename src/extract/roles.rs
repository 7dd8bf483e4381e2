//! Affiliations and titles: who holds which role in which organisation, and titles held with no
//! organisation named (an office of a territory, a seat, an occupation).
//!
//! English introduces a person with a role in a handful of shapes, and these rules follow them:
//! - after the name, in apposition: "A B, director of the X, said"; "A B, 34, a nurse at X";
//!   "A B (Treasurer, X)"; "A B, X" in a list; "A B, the union's president";
//!   "A B, who sits on X"; several posts joined by "and": "…, secretary of X and a former
//!   chief executive of Y";
//! - before the name, in apposition: "National Secretary of the X (XC), A B, chaired…";
//!   "X's president, A B"; "Chair of X and MP for Y, A B" (two claims);
//! - as a premodifier: "X chair A B", "tenant board member A B"; "A B MP";
//! - plain membership: "A B of X", "A B from X".
//!
//! A role is found by the role lexicon (with modifiers such as "former", "deputy", and
//! extensions such as "of research", "for adult social care"); the organisation is the name
//! after "of", "at", "for", "with", "on", or the possessor before the role. `role_phrase`
//! parses those phrases; this module reads where they stand to a name and makes the claims.

use super::lexicon::{self, Lexicon};
use super::names::{self, Mention};
pub(crate) use super::role_phrase::role_at;
use super::role_phrase::*;
use super::rules::{self, Rule};
use super::tokens::{Kind, Token};
use super::{Reader, Sent};
use crate::model::{EntityId, EntityKind, JobTitle, Membership};

/// Roles that take a constituency with "for": "MP for Whitby".
pub(super) const LEGISLATORS: &[&str] = &[
    "mp",
    "mep",
    "msp",
    "ms",
    "mla",
    "mha",
    "td",
    "am",
    "senator",
    "councillor",
    "member of parliament",
    "assembly member",
    "congressman",
    "congresswoman",
    "representative",
    "deputy",
];

/// Roles whose capitalised words after "of"/"for" name a portfolio, not an organisation:
/// "Minister of Mines and Energy", "Secretary of State for Health".
pub(super) const PORTFOLIO_ROLES: &[&str] = &[
    "minister",
    "secretary",
    "commissioner",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "director",
    "state",
];

/// Offices of a territory: their "of X" names a place unless X is plainly an organisation
/// ("Deputy Mayor of Tolvik", "Governor of Lagos State").
pub(super) const TERRITORIAL: &[&str] = &[
    "mayor",
    "governor",
    "premier",
    "prefect",
    "minister",
    "mp",
    "senator",
    "councillor",
    "ambassador",
    "consul",
    "high commissioner",
    "president of the republic",
];

/// Offices held only in a territory's government or for it abroad: a church has ministers, a
/// school governors, a union councillors, none of these.
const TERRITORY_ONLY_OFFICES: &[&str] = &[
    "mayor",
    "premier",
    "prefect",
    "mp",
    "senator",
    "prime minister",
    "ambassador",
    "consul",
    "high commissioner",
];

/// Does `role` end in an office held only in a territory's government or for it abroad:
/// "Mayor", "Deputy Mayor", "the Ambassador"?
fn territorial_office(role: &str) -> bool {
    let role = role.to_lowercase();
    TERRITORY_ONLY_OFFICES.iter().any(|t| {
        role.strip_suffix(t)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(' ') || rest.ends_with('-'))
    })
}

/// Does an organisation's name say it governs a territory or serves its government ("Tolvik
/// Town Council", "Township of Marden", "Ministry of Labour"), so that a mayor or an
/// ambassador said bare in its report holds a post in it?
fn governs_a_territory(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "council"
                | "township"
                | "city"
                | "town"
                | "municipality"
                | "municipal"
                | "county"
                | "borough"
                | "district"
                | "shire"
                | "village"
                | "parish"
                | "government"
                | "ministry"
                | "department"
                | "parliament"
                | "assembly"
                | "senate"
                | "legislature"
                | "cabinet"
                | "embassy"
                | "consulate"
                | "commission"
                | "state"
                | "province"
                | "region"
                | "republic"
        )
    })
}

/// The last words of offices held in an organisation (not of a territory, not a rank or an
/// occupation): "General President", "International Rep", "Branch Secretary".
pub(super) const ORGANISATION_OFFICES: &[&str] = &[
    "president",
    "vice-president",
    "secretary",
    "secretary-general",
    "treasurer",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "rep",
    "representative",
    "organiser",
    "organizer",
    "convenor",
    "convener",
    "trustee",
    "coordinator",
    "officer",
    "ceo",
];

/// Territories that own an office when no name is given: "the city's chief planner", "the
/// country's foreign minister" (a title; the territory is not an organisation).
pub(super) const TERRITORIES: &[&str] = &[
    "city", "country", "state", "county", "region", "nation", "province", "town", "island",
    "borough", "district", "capital",
];

/// Organisation words that stand for "the organisation this report is about" in "the union's
/// president", when no organisation with that head word was named.
pub(super) const SELF_REFERENCES: &[&str] = &[
    "union",
    "organisation",
    "organization",
    "campaign",
    "network",
    "party",
    "association",
    "federation",
    "group",
    "council",
    "charity",
    "chamber",
    "club",
    "society",
];

/// Self-references that fit any kind of body: "the organisation", "the group".
const ANY_BODY: &[&str] = &[
    "organisation",
    "organization",
    "group",
    "network",
    "campaign",
];

/// Does `head` ("the union", "the charity") stand for the report's own organisation? Only a
/// word of `SELF_REFERENCES`, and only one its name allows: a union's report that speaks of
/// "the charity" or "the council" means another body, while a word for any body ("the
/// organisation"), a word of the same family (a teachers' association is "the union") or a
/// name with no kind word in it (a union named by one word, called "the union") allows it.
pub(super) fn is_self_reference(r: &Reader, head: &str) -> bool {
    if !SELF_REFERENCES.contains(&head) {
        return false;
    }
    let Some(main) = r.main_org else {
        return true;
    };
    // Unions go by each other's words: "the union" for a federation or an association.
    fn family(w: &str) -> &str {
        match w {
            "union" | "federation" | "association" => "union",
            w => w,
        }
    }
    ANY_BODY.contains(&head)
        || r.reg.has_head_key(main, head)
        || !SELF_REFERENCES
            .iter()
            .filter(|w| !ANY_BODY.contains(w))
            .any(|w| family(w) != family(head) && r.reg.has_head_key(main, w))
}

/// A capitalised word right before a titled office that is not its article: "Tolvik County
/// Chief Officer A B" holds an office of a body the words name, not of the report's
/// organisation.
fn named_before(sent: &Sent, start: usize) -> bool {
    start > 0
        && sent.toks[start - 1].kind == Kind::Word
        && sent.toks[start - 1].is_cap()
        && !matches!(
            sent.toks[start - 1].lower().as_ref(),
            "the" | "our" | "its" | "their" | "his" | "her"
        )
}

/// Parts played at a gathering that reports write as titles ("the Chief Guest, A B", "the Guest
/// of Honour, A B"); the role lexicon lists them so that they are read as titles, but no
/// organisation holds them (neither here nor in the pair model). Unlike the lowercase words of
/// [`part_at_a_gathering`], "speaker" is not among them: a parliament's Speaker is an office.
const PARTS_AT_A_GATHERING: &[&str] = &[
    "chief guest",
    "guest of honour",
    "guest of honor",
    "guest speaker",
    "special guest",
    "emcee",
    "master of ceremonies",
];

/// Is `role` one of [`PARTS_AT_A_GATHERING`], maybe after modifiers ("the main chief guest")?
pub(super) fn is_part_at_a_gathering(role: &str) -> bool {
    let role = role.to_lowercase();
    PARTS_AT_A_GATHERING.iter().any(|p| role.ends_with(p))
}

/// Records what a role phrase says of `person`.
fn claim(
    r: &mut Reader,
    s: usize,
    person: EntityId,
    phrase: &RolePhrase,
    org: Option<EntityId>,
    rule: &'static Rule,
) {
    let role = r.text(s, phrase.start, phrase.end).trim();
    // "its new president": the post is "president" (not "New Zealand Minister of Education":
    // a capitalised "New" is cut only before a lowercase word, "the New president").
    let lower_after = |rest: &str| rest.starts_with(|c: char| c.is_lowercase());
    let role = match role.get(..4) {
        Some("new ") => &role[4..],
        Some("New ") if lower_after(&role[4..]) => &role[4..],
        _ => role,
    }
    .to_owned();
    let role = if phrase.former && !role.is_empty() {
        format!("former {role}")
    } else {
        role
    };
    let org = org
        .or(phrase.org)
        .or_else(|| phrase.org_mention.and_then(|mi| r.make_org(s, mi)));
    let org = match org {
        // A part played at a gathering ("chief guest") is held in no organisation.
        _ if is_part_at_a_gathering(&role) => None,
        // "The Mayor, A B," in a society's report: an office held only in a territory's
        // government, said bare, is no post in the report's organisation unless that
        // organisation governs a territory.
        Some(o)
            if Some(o) == r.main_org
                && phrase.is_bare()
                && territorial_office(&role)
                && !governs_a_territory(&r.reg.get(o).name) =>
        {
            None
        }
        Some(o) => Some(o),
        None if phrase.self_reference => r.main_org,
        None => None,
    };
    let place = phrase
        .place
        .or_else(|| phrase.place_mention.and_then(|mi| r.make_place(s, mi)));
    let evidence = r.evidence(s, rule);
    match org {
        Some(org) if r.reg.get(org).kind == EntityKind::Organization && org != person => {
            let role = (!role.is_empty()).then_some(role);
            // The same post said again with fewer words ("outgoing board president", then
            // "as board president") is no second post.
            let said = |m: &Membership| {
                m.member == person
                    && m.organization == org
                    && match (&m.role, &role) {
                        (Some(old), Some(new)) => {
                            old.len() > new.len()
                                && old
                                    .to_lowercase()
                                    .ends_with(&format!(" {}", new.to_lowercase()))
                        }
                        _ => false,
                    }
            };
            if r.memberships.iter().any(said) {
                return;
            }
            r.memberships.push(Membership {
                member: person,
                organization: org,
                role,
                evidence,
            });
        }
        _ => {
            if role.is_empty() {
                return;
            }
            if held_in_its_institution(r, s, person, &role, place.is_some()) {
                return;
            }
            let (jurisdiction, constituency) = match (place, phrase.constituency) {
                (Some(p), true) => (None, Some(p)),
                (Some(p), false) => (Some(p), None),
                (None, _) => (None, None),
            };
            let role = without_country_adjective(r.lx, &role);
            let entity = r.reg.get_mut(person);
            if entity
                .job_titles
                .iter()
                .any(|t| t.title.eq_ignore_ascii_case(&role))
            {
                return;
            }
            entity.job_titles.push(JobTitle {
                title: role,
                jurisdiction,
                constituency,
                evidence,
            });
        }
    }
}

/// Records the office `role` as a post in the body of its kind the sentence names, when it is
/// no office of a territory ("Tolvik's ambassador", "the Kenyan Ambassador"): whether it did.
fn held_in_its_institution(
    r: &mut Reader,
    s: usize,
    person: EntityId,
    role: &str,
    of_a_place: bool,
) -> bool {
    if of_a_place || without_country_adjective(r.lx, role) != role {
        return false;
    }
    let Some(org) = institution_of_office(r, s, role, person) else {
        return false;
    };
    let evidence = r.evidence(s, &rules::OFFICE_OF_ITS_INSTITUTION);
    r.memberships.push(Membership {
        member: person,
        organization: org,
        role: Some(role.to_owned()),
        evidence,
    });
    true
}

/// The kinds of body an office belongs to, by the office's last word: a consul serves in a
/// consulate, a bishop in a diocese. A chancellor alone may head a government: only a vice- or
/// pro-chancellor is a university's.
const OFFICES_OF_INSTITUTIONS: &[(&str, &[&str])] = &[
    ("consul", &["consulate"]),
    ("ambassador", &["embassy"]),
    ("bishop", &["diocese"]),
    ("archbishop", &["diocese", "archdiocese"]),
    ("priest", &["parish"]),
    ("vicar", &["parish"]),
    ("vice-chancellor", &["university"]),
    ("pro-chancellor", &["university"]),
    ("headteacher", &["school"]),
    ("headmaster", &["school"]),
    ("headmistress", &["school"]),
];

/// Rule `office-of-its-institution`: an office said with no organisation ("the Consul General
/// A B", "the Bishop A B") belongs to the one body of its kind the sentence names ("… the
/// Consulate of Tolvik in Marden …"): the body's head word, last in its name or first before
/// "of", is the office's kind ("Velby Parish Council" is a council, no parish). None when the
/// sentence names no such body, or two.
fn institution_of_office(r: &Reader, s: usize, role: &str, person: EntityId) -> Option<EntityId> {
    // "Consul General": the office is the word before.
    let role = role
        .strip_suffix(" General")
        .or_else(|| role.strip_suffix(" general"))
        .unwrap_or(role)
        .to_lowercase()
        .replace("vice chancellor", "vice-chancellor")
        .replace("pro chancellor", "pro-chancellor");
    let last = role.rsplit(' ').next()?;
    let (_, heads) = OFFICES_OF_INSTITUTIONS
        .iter()
        .find(|(office, _)| *office == last)?;
    let of_its_kind = |id: EntityId| {
        let key = lexicon::key(&r.reg.get(id).name);
        let words: Vec<&str> = key.split(' ').collect();
        names::head_word(&words).is_some_and(|head| heads.contains(&head))
    };
    let mut found = r.sents[s]
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Organization))
        .filter_map(|m| m.entity)
        .filter(|&id| id != person && of_its_kind(id));
    let org = found.next()?;
    found.all(|other| other == org).then_some(org)
}

/// Records plain membership ("A B of X").
fn member(r: &mut Reader, s: usize, person: EntityId, org: EntityId, rule: &'static Rule) {
    member_as(r, s, person, org, None, rule);
}

/// Records membership with the post as written, if any ("HWU leaders A B …": leader).
fn member_as(
    r: &mut Reader,
    s: usize,
    person: EntityId,
    org: EntityId,
    role: Option<&str>,
    rule: &'static Rule,
) {
    if org == person || r.reg.get(org).kind != EntityKind::Organization {
        return;
    }
    let evidence = r.evidence(s, rule);
    r.memberships.push(Membership {
        member: person,
        organization: org,
        role: role.map(str::to_owned),
        evidence,
    });
}

/// Is there an organisation mention at token `i` that ends a list entry or clause?
fn org_mention_at(sent: &Sent, i: usize) -> Option<(usize, Mention)> {
    let (mi, m) = sent
        .mentions
        .iter()
        .enumerate()
        .find(|(_, m)| m.start == i)?;
    let ends = sent
        .toks
        .get(m.end)
        .is_none_or(|t| matches!(t.text, "," | ")" | "." | ";" | "-" | "–" | "—"));
    let typed = matches!(m.kind, Some(EntityKind::Organization) | None);
    // "Mr", "Dr" alone: an honorific whose name the sentence splitter or a list cut off.
    let honorific = m.end - m.start == 1 && sent.toks[m.start].lex.is_honorific();
    (ends && typed && !honorific).then(|| (mi, m.clone()))
}

/// Applies the patterns to every person mention of every sentence.
pub(crate) fn find_affiliations(r: &mut Reader) {
    for s in 0..r.sents.len() {
        if r.sents[s].boilerplate {
            continue;
        }
        label_role_list(r, s);
        plural_title_list(r, s);
        organisation_members_list(r, s);
        elected_in_plural(r, s);
        // The people a sentence gives offices "respectively" are read by that rule alone:
        // the others would pair each with the office next to their name.
        let paired = respectively(r, s);
        let persons: Vec<(usize, Mention)> = r.sents[s]
            .mentions
            .iter()
            .cloned()
            .enumerate()
            .filter(|(_, m)| m.kind == Some(EntityKind::Person))
            .collect();
        for (_, p) in persons {
            let Some(person) = p.entity else { continue };
            if paired.contains(&person) {
                continue;
            }
            let before = r.memberships.len() + r.reg.get(person).job_titles.len();
            after_name(r, s, &p, person);
            before_name(r, s, &p, person);
            premodifier(r, s, &p, person);
            office_of_before_name(r, s, &p, person);
            honorific_title(r, s, &p, person);
            elected_to_office(r, s, &p, person);
            copula_role(r, s, &p, person);
            as_role(r, s, &p, person);
            body_chaired_by(r, s, &p, person);
            if r.memberships.len() + r.reg.get(person).job_titles.len() == before {
                possessive_organisation(r, s, &p, person);
            }
        }
        pronoun_subject_posts(r, s);
    }
    councillors_of_the_council(r);
}

/// Rule `respectively`: people named together, then as many offices in the same order, then
/// "respectively": "A B and C D were elected President and Secretary of the X, respectively";
/// "A B and C D, X chair and treasurer respectively,". Each holds the office in their place,
/// in the organisation named before the offices or after them ("of the X"), else in the
/// report's own; with neither, as a title. Returns the people it paired.
fn respectively(r: &mut Reader, s: usize) -> Vec<EntityId> {
    let sent = &r.sents[s];
    let Some(resp) = (1..sent.toks.len()).find(|&i| sent.is(i, "respectively")) else {
        return Vec::new();
    };
    let end = if sent.is_punct(resp - 1, ",") {
        resp - 1
    } else {
        resp
    };
    // The people: the longest list of names before the offices, joined by commas and "and".
    let Some((people, mut k)) = sent
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person) && m.end < end)
        .find_map(|m| {
            let (people, after) = people_in_a_row(sent, m.hon.unwrap_or(m.start));
            (people.len() >= 2).then_some((people, after))
        })
    else {
        return Vec::new();
    };
    // Over what joins them to their offices: "were (re-)elected as", "are the", ",".
    while k < end
        && (sent.is_punct(k, ",")
            || is_auxiliary(&sent.toks[k].lower())
            || is_election_verb(&sent.toks[k].lower())
            || matches!(
                sent.toks[k].lower().as_ref(),
                "as" | "the" | "its" | "their"
            ))
    {
        k += 1;
    }
    let org_of = |i: usize, m_end: usize| {
        sent.mentions
            .iter()
            .find(|m| m.start == i && m.end == m_end && m.kind == Some(EntityKind::Organization))
            .and_then(|m| m.entity)
    };
    // A body before the offices ("Velby Union President and Secretary") or after ("of the X").
    let mut org = None;
    if let Some(m) = sent
        .mention_starting(k)
        .filter(|m| m.kind == Some(EntityKind::Organization))
    {
        org = m.entity;
        k = m.end;
    }
    let mut last = end;
    if let Some(of) = (k..end).find(|&i| sent.is(i, "of") || sent.is(i, "at")) {
        let body = if sent.is(of + 1, "the") {
            of + 2
        } else {
            of + 1
        };
        match org_of(body, end) {
            Some(found) if org.is_none() => {
                org = Some(found);
                last = of;
            }
            _ => return Vec::new(),
        }
    }
    // The offices, one for each person, each one the lexicon knows.
    let mut offices = Vec::new();
    let mut from = k;
    for i in k..=last {
        if i == last || sent.is_punct(i, ",&") || sent.is(i, "and") {
            if i > from {
                offices.push(r.text(s, from, i).trim().to_owned());
            }
            from = i + 1;
        }
    }
    if offices.len() != people.len() || !offices.iter().all(|o| r.lx.is_role(o)) {
        return Vec::new();
    }
    let org = org.or(r.main_org);
    for (&person, office) in people.iter().zip(&offices) {
        match org {
            Some(org) => member_as(r, s, person, org, Some(office), &rules::RESPECTIVELY),
            None => give_title(r, s, person, office, &rules::RESPECTIVELY),
        }
    }
    people
}

/// Rule `councillor-of-the-council`: in a report of a council's own (its minutes, its news),
/// one styled as a councillor ("Cllr A B", "Councillor A B") sits on that council, unless a
/// tier of government before the courtesy names another ("Unitary Cllr A B", "County
/// Councillor A B"). Plain membership: the courtesy is no post (CONVENTIONS). Not for one whom
/// a rule already tied to a body: their own words say where they sit.
fn councillors_of_the_council(r: &mut Reader) {
    let Some(council) = r.main_org else { return };
    if !r.reg.has_head_key(council, "council") {
        return;
    }
    let mut seen: Vec<EntityId> = r.memberships.iter().map(|m| m.member).collect();
    for s in 0..r.sents.len() {
        let sent = &r.sents[s];
        if sent.boilerplate {
            continue;
        }
        let styled: Vec<EntityId> = sent
            .mentions
            .iter()
            .filter(|m| m.kind == Some(EntityKind::Person))
            .filter_map(|m| {
                let h = m.hon?;
                let courtesy =
                    names::is_councillor_courtesy(sent.toks[h].text.trim_end_matches('.'));
                let tier = h > 0 && names::is_tier_of_government(&sent.toks[h - 1].lower());
                (courtesy && !tier).then_some(m.entity?)
            })
            .collect();
        for person in styled {
            if !seen.contains(&person) {
                seen.push(person);
                member(r, s, person, council, &rules::COUNCILLOR_OF_THE_COUNCIL);
            }
        }
    }
}

/// Rule `body-chaired-by`: a body, then a participle set off by a comma that says who heads
/// it: "the Commission on Staffing Levels, chaired by Professor A B", "the X Trust, led by
/// A B", "the Secretariat of X, headed by A B". The person holds the post the verb names
/// (chair, leader, head) in the body; a title written before the name is left to the title
/// rules.
fn body_chaired_by(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let mut q = p.hon.unwrap_or(p.start);
    // Over "the" and a capitalised title: "led by the Executive Director A B".
    while q >= 1 && (sent.toks[q - 1].is_cap() || sent.is(q - 1, "the")) && q + 4 > p.start {
        q -= 1;
    }
    if q < 4 || !sent.is(q - 1, "by") || !sent.is_punct(q - 3, ",") {
        return;
    }
    let post = match sent.toks[q - 2].lower().as_ref() {
        "chaired" => "chair",
        "led" => "leader",
        "headed" => "head",
        _ => return,
    };
    // The body heads its phrase: in "a group of members of the X, headed by A B" the group
    // is headed, not X.
    let Some(org) = sent
        .mention_ending(q - 3)
        .filter(|m| m.kind == Some(EntityKind::Organization) && !after_of(sent, m.start))
        .and_then(|m| m.entity)
    else {
        return;
    };
    member_as(r, s, person, org, Some(post), &rules::BODY_CHAIRED_BY);
}

/// Does the name at token `start` stand after "of" (or "of the")?
pub(super) fn after_of(sent: &Sent, start: usize) -> bool {
    let k = if start >= 1 && sent.is(start - 1, "the") {
        start - 1
    } else {
        start
    };
    k >= 1 && sent.is(k - 1, "of")
}

/// "She is the general secretary of X", "He previously served as treasurer of Y", "He was
/// elected president of Z": the posts a sentence gives the person its opening "He"/"She"
/// stands for, read by the rules that read a named subject's predicate (`copula-role`,
/// `as-role`, `elected-to-office`).
fn pronoun_subject_posts(r: &mut Reader, s: usize) {
    let Some(p) = super::quotes::pronoun_subject(r, s) else {
        return;
    };
    let Some(person) = p.entity else { return };
    elected_to_office(r, s, &p, person);
    copula_role(r, s, &p, person);
    as_role(r, s, &p, person);
}

/// A bare title coordinated with one of an organisation is one post (CONVENTIONS: the role as
/// stated): "president and CEO of X" → "president and CEO", of X.
fn joint_post(r: &Reader, s: usize, phrase: &RolePhrase) -> Option<RolePhrase> {
    // "a lawyer and member of X": a description, then a post; not one post of two titles.
    if phrase.indefinite
        || phrase.org.is_some()
        || phrase.org_mention.is_some()
        || phrase.place.is_some()
        || phrase.place_mention.is_some()
        || !r.sents[s].is(phrase.next, "and")
    {
        return None;
    }
    let second = role_at(r, s, phrase.next + 1)?;
    if second.org.is_none() && second.org_mention.is_none() || second.indefinite {
        return None;
    }
    Some(RolePhrase {
        start: phrase.start,
        ..second
    })
}

/// A part someone plays at a gathering, no office or description of theirs: "speaker",
/// "moderator", "guest" (lower case).
fn part_at_a_gathering(word: &str) -> bool {
    matches!(
        word,
        "speaker"
            | "panellist"
            | "panelist"
            | "presenter"
            | "moderator"
            | "host"
            | "guest"
            | "facilitator"
    )
}

/// Rule `label-role-list`: a line labelled with a plural office lists its holders:
/// "Councillors: A B, C D and E F", "Trustees: …". Each person on it holds the office.
fn label_role_list(r: &mut Reader, s: usize) {
    let sent = &r.sents[s];
    if !(sent.is_punct(1, ":") && sent.toks.first().is_some_and(|t| t.is_cap())) {
        return;
    }
    let label = sent.toks[0].text;
    let singular = if let Some(stem) = label.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = label.strip_suffix('s') {
        stem.to_owned()
    } else {
        return;
    };
    // "Speakers: A B, C D" lists who spoke, not holders of an office.
    if !r.lx.is_role(&singular) || part_at_a_gathering(&singular.to_lowercase()) {
        return;
    }
    let persons: Vec<EntityId> = sent
        .mentions
        .iter()
        .filter(|m| m.kind == Some(EntityKind::Person))
        .filter_map(|m| m.entity)
        .collect();
    for person in persons {
        give_title(r, s, person, &singular, &rules::LABEL_ROLE_LIST);
    }
}

/// Records a title held with no organisation, once per person and title.
fn give_title(r: &mut Reader, s: usize, person: EntityId, title: &str, rule: &'static Rule) {
    let title = &without_country_adjective(r.lx, title);
    let evidence = r.evidence(s, rule);
    let entity = r.reg.get_mut(person);
    if !entity
        .job_titles
        .iter()
        .any(|t| t.title.eq_ignore_ascii_case(title))
    {
        entity.job_titles.push(JobTitle {
            title: title.to_owned(),
            jurisdiction: None,
            constituency: None,
            evidence,
        });
    }
}

/// Rule `country-adjective-no-title`: a country's adjective before a post says whose post it
/// is, not what the post is: "former Cuban President" holds the title "former President",
/// "the French ambassador" "ambassador". A region's adjective stays ("European
/// Commissioner"), and so does a title that would be left with no post.
fn without_country_adjective(lx: &Lexicon, title: &str) -> String {
    let country_adjective = |w: &str| {
        w.starts_with(char::is_uppercase)
            && lx
                .demonyms
                .get(&lexicon::key(w))
                .is_some_and(|place| lx.place(place) == Some(lexicon::PlaceKind::Country))
    };
    if !title.split(' ').any(country_adjective) {
        return title.to_owned();
    }
    let rest: Vec<&str> = title.split(' ').filter(|w| !country_adjective(w)).collect();
    if rest.iter().any(|w| lx.is_role_word(w)) {
        rest.join(" ")
    } else {
        title.to_owned()
    }
}

/// The people of a list that starts at token `q`: each after ",", "and" or ", and", a bracket
/// after a name passed over ("A B (X), C D and E F").
fn listed_people(sent: &Sent, q: usize) -> Vec<EntityId> {
    people_in_a_row(sent, q).0
}

/// The people of a list that starts at token `q`, as `listed_people` reads them, and the token
/// after the last of them (after its bracket, if any).
fn people_in_a_row(sent: &Sent, mut q: usize) -> (Vec<EntityId>, usize) {
    let n = sent.toks.len();
    let mut out = Vec::new();
    let mut end = q;
    while let Some(p) = sent
        .mentions
        .iter()
        .find(|p| p.kind == Some(EntityKind::Person) && (p.start == q || p.hon == Some(q)))
    {
        out.extend(p.entity);
        q = p.end;
        end = q;
        if sent.is_punct(q, "(") {
            match (q..n.min(q + 12)).find(|&c| sent.is_punct(c, ")")) {
                Some(close) => q = close + 1,
                None => break,
            }
            end = q;
        }
        if sent.is_punct(q, ",") {
            q += 1;
        }
        if sent.is(q, "and") {
            q += 1;
        }
    }
    (out, end)
}

/// Rule `plural-title-list`: a capitalised title in the plural, with no organisation before
/// it, right before a list of names gives each the title: "Congressmen A B, C D and E F";
/// with its portfolio between: "Ministers of State A B and C D" ("Minister of State").
fn plural_title_list(r: &mut Reader, s: usize) {
    let sent = &r.sents[s];
    let mut found: Vec<(EntityId, String)> = Vec::new();
    for k in 0..sent.toks.len() {
        let t = &sent.toks[k];
        // A capitalised word in the plural, not ending a name: the cheap tests first.
        if t.kind != Kind::Word
            || !t.is_cap()
            || !(t.text.ends_with('s') || t.text.ends_with("men"))
            || t.is_acronym()
            || sent.mention_ending(k).is_some()
        {
            continue;
        }
        let person_at = |q: usize| {
            sent.mentions
                .iter()
                .any(|p| p.kind == Some(EntityKind::Person) && (p.start == q || p.hon == Some(q)))
        };
        // The post's portfolio after it: "Ministers of State A B and C D".
        let mut first = k + 1;
        let mut title_end = k + 1;
        if sent
            .toks
            .get(k + 1)
            .is_some_and(|o| o.is("of") || o.is("for"))
        {
            let mut q = k + 2;
            while q < sent.toks.len() && q < k + 7 && !person_at(q) {
                let w = &sent.toks[q];
                let portfolio =
                    w.is_cap() && !w.is_acronym() && !w.lex.is_honorific() && !w.lex.is_role();
                if !(w.kind == Kind::Word && (portfolio || w.is("and"))) {
                    break;
                }
                q += 1;
            }
            // The holder's own courtesy or office may stand before their name: "Senator A B".
            let mut p = q;
            while sent
                .toks
                .get(p)
                .is_some_and(|w| w.lex.is_honorific() || w.lex.is_role())
                && !person_at(p)
            {
                p += 1;
            }
            if q > k + 2 && person_at(p) && !sent.toks[q - 1].is("and") {
                title_end = q;
                first = p;
            }
        }
        if !person_at(first) {
            continue;
        }
        let Some(title) = names::role_in_plural(t.text, r.lx) else {
            continue;
        };
        let title = if title_end > k + 1 {
            format!("{title} {}", r.text(s, k + 1, title_end))
        } else {
            title
        };
        for person in listed_people(sent, first) {
            found.push((person, title.clone()));
        }
    }
    for (person, title) in found {
        give_title(r, s, person, &title, &rules::PLURAL_TITLE_LIST);
    }
}

/// Plural nouns for the people of an organisation, with the post each names (None: plain
/// membership).
const MEMBERS_OF: &[(&str, Option<&str>)] = &[
    ("leaders", Some("leader")),
    ("officials", Some("official")),
    ("officers", Some("officer")),
    ("representatives", Some("representative")),
    ("delegates", Some("delegate")),
    ("activists", Some("activist")),
    ("organisers", Some("organiser")),
    ("organizers", Some("organizer")),
    ("stewards", Some("steward")),
    ("trustees", Some("trustee")),
    ("members", None),
    ("workers", None),
    ("staff", None),
    ("volunteers", None),
];

/// Rule `organisation-members-list`: an organisation, a few lowercase words, a plural noun for
/// its people, then the names of a list: "HWU central leaders A B, C D and E F took part",
/// "Dock Union officials A B and C D", "Acme workers A B and C D". Each named person belongs
/// to the organisation, with the post the noun names.
fn organisation_members_list(r: &mut Reader, s: usize) {
    let sent = &r.sents[s];
    let n = sent.toks.len();
    let mut found: Vec<(EntityId, EntityId, Option<String>)> = Vec::new();
    // The organisation by its name, or by the word for its kind ("union officials A B and C
    // D": the union named before, or the report's own of that head).
    let named = sent
        .mentions
        .iter()
        .filter_map(|m| match (m.kind, m.entity) {
            (Some(EntityKind::Organization), Some(org)) => Some((m.start, m.end, org)),
            _ => None,
        });
    // The word for its kind in lower case, or capitalised to open the sentence ("Chamber
    // directors A B and C D").
    // The body a head word stands for is looked up only where members follow it: the look
    // walks back over dozens of sentences.
    let by_head = (0..n).filter(|&k| {
        let t = &sent.toks[k];
        let open = k == 0 || (k == 1 && sent.is(0, "the"));
        t.kind == Kind::Word
            && (!t.is_cap() || open)
            && SELF_REFERENCES.contains(&t.lower().as_ref())
    });
    let bodies: Vec<(usize, usize, Option<EntityId>)> = named
        .map(|(a, b, org)| (a, b, Some(org)))
        .chain(by_head.map(|k| (k, k + 1, None)))
        .collect();
    for (start, end, org) in bodies {
        // Up to two lowercase modifiers ("central", "local branch"), then the plural noun.
        let mut k = end;
        while k < n.min(end + 2)
            && sent.toks[k].kind == Kind::Word
            && !sent.toks[k].is_cap()
            && !MEMBERS_OF.iter().any(|(w, _)| sent.is(k, w))
        {
            k += 1;
        }
        let post = match MEMBERS_OF.iter().find(|(w, _)| sent.is(k, w)) {
            Some(&(_, post)) => post.map(str::to_owned),
            None => match plural_office(r, sent, start, end) {
                Some((office, after)) => {
                    k = after - 1;
                    Some(office)
                }
                None => continue,
            },
        };
        // The list: people, each after "," or "and", a bracket after a name passed over.
        let listed = listed_people(sent, k + 1);
        if listed.is_empty() {
            continue;
        }
        let Some(org) = org.or_else(|| body_of_head(r, s, start, &sent.toks[start].lower())) else {
            continue;
        };
        for person in listed {
            found.push((person, org, post.clone()));
        }
    }
    for (person, org, post) in found {
        member_as(
            r,
            s,
            person,
            org,
            post.as_deref(),
            &rules::ORGANISATION_MEMBERS_LIST,
        );
    }
}

/// Rule `elected-in-plural`: people named together, then a verb of choosing and an office in
/// the plural: "A B and C D were unanimously elected auditors", "A B, C D and E F were
/// re-elected trustees of the X Trust". Each holds the office in the singular, of the
/// organisation named after it, else of the report's own. The office ends the clause.
fn elected_in_plural(r: &mut Reader, s: usize) {
    let sent = &r.sents[s];
    let n = sent.toks.len();
    let mut found: Vec<(EntityId, EntityId, String)> = Vec::new();
    for v in 1..n {
        if !is_election_verb(&sent.toks[v].lower()) {
            continue;
        }
        // "were", then adverbs ("all", "duly", "unanimously"), back to the last name.
        let mut a = v;
        while a >= 1 && is_auxiliary(&sent.toks[a - 1].lower()) {
            a -= 1;
        }
        if !(a..v).any(|k| sent.is(k, "were")) {
            continue;
        }
        let Some(first) = first_of_listed_subject(sent, a) else {
            continue;
        };
        let listed = listed_people(sent, first);
        let k = if sent.is(v + 1, "as") { v + 2 } else { v + 1 };
        let Some((office, after)) = plural_office(r, sent, k, k) else {
            continue;
        };
        let named = sent
            .is(after, "of")
            .then(|| {
                sent.mention_at(after + 1)
                    .or_else(|| sent.mention_at(after + 2))
            })
            .flatten()
            .filter(|m| m.kind == Some(EntityKind::Organization))
            .and_then(|m| m.entity);
        let ends = sent
            .toks
            .get(after)
            .is_none_or(|t| t.kind == Kind::Punct || is_phrase_break(&t.lower()));
        let Some(org) = named.or(if ends { r.main_org } else { None }) else {
            continue;
        };
        if listed.len() >= 2 {
            found.extend(listed.into_iter().map(|p| (p, org, office.clone())));
        }
    }
    for (person, org, office) in found {
        member_as(r, s, person, org, Some(&office), &rules::ELECTED_IN_PLURAL);
    }
}

/// Where a list of people that ends at token `end` begins: back from the last name over ","
/// and "and" to the first ("A B, C D and E F"); None when no person ends at `end`.
fn first_of_listed_subject(sent: &Sent, end: usize) -> Option<usize> {
    let person_ending = |e: usize| {
        sent.mentions
            .iter()
            .find(|m| m.kind == Some(EntityKind::Person) && m.end == e)
            .map(|m| m.hon.unwrap_or(m.start))
    };
    let mut first = person_ending(end)?;
    loop {
        let mut q = first;
        if q >= 1 && sent.is(q - 1, "and") {
            q -= 1;
        }
        if q >= 1 && sent.is_punct(q - 1, ",") {
            q -= 1;
        }
        match (q < first).then(|| person_ending(q)).flatten() {
            Some(p) => first = p,
            None => return Some(first),
        }
    }
}

/// An office in the plural right after an organisation, its holders listed next: "former
/// Tolvik Union general secretaries A B, C D and E F", "Chamber directors A B and C D". The
/// office in the singular, with "former" when it stands before the organisation, and the token
/// after the plural.
fn plural_office(r: &Reader, sent: &Sent, start: usize, end: usize) -> Option<(String, usize)> {
    let n = sent.toks.len();
    let words: Vec<String> = (end..n.min(end + 3))
        .map_while(|k| (sent.toks[k].kind == Kind::Word).then(|| sent.toks[k].lower().into_owned()))
        .collect();
    let (len, office) = (1..=words.len()).rev().find_map(|len| {
        let last = &words[len - 1];
        let singular = if let Some(stem) = last.strip_suffix("ies") {
            format!("{stem}y")
        } else {
            last.strip_suffix('s')
                .filter(|st| !st.ends_with('s'))?
                .to_owned()
        };
        let mut office: Vec<&str> = words[..len - 1].iter().map(String::as_str).collect();
        office.push(&singular);
        let office = office.join(" ");
        r.lx.is_role(&office).then_some((len, office))
    })?;
    let former = start >= 1 && matches!(sent.toks[start - 1].lower().as_ref(), "former" | "past");
    let office = if former {
        format!("former {office}")
    } else {
        office
    };
    Some((office, end + len))
}

/// Where a predicate about the person starts: after the name, or after an appositive closed
/// by a comma ("A B, a nurse from Y, was …").
fn predicate_start(sent: &Sent, p: &Mention) -> Option<usize> {
    let n = sent.toks.len();
    if !sent.is_punct(p.end, ",") {
        return Some(p.end);
    }
    (p.end + 1..n.min(p.end + 25))
        .find(|&q| sent.is_punct(q, ",;"))
        .map(|close| close + 1)
}

/// Auxiliaries and adverbs between a subject and its verb: "has been", "was duly", "will".
fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "is"
            | "has"
            | "have"
            | "had"
            | "been"
            | "will"
            | "shall"
            | "would"
            | "all"
            | "also"
            | "duly"
            | "unanimously"
            | "then"
            | "later"
            | "now"
            | "currently"
            | "still"
            | "formerly"
            | "previously"
    )
}

/// Verbs that link a person to what they are: "is", "became", "will be", "remains", "served as".
fn is_copula(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "be"
            | "been"
            | "become"
            | "becomes"
            | "became"
            | "remains"
            | "remained"
            | "serves"
            | "served"
            | "serving"
    )
}

/// "elected", "appointed", "named": a person given an office.
pub(super) fn is_election_verb(w: &str) -> bool {
    matches!(
        w,
        "elected"
            | "re-elected"
            | "appointed"
            | "re-appointed"
            | "reappointed"
            | "named"
            | "installed"
            | "chosen"
    )
}

/// Rule `elected-to-office`: "A B was elected president of X", "A B, a nurse from Y, was
/// re-elected treasurer", "A B has been appointed director": the office the person was
/// given. A bare office is one in the report's own organisation, if it has one.
fn elected_to_office(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let Some(mut k) = predicate_start(sent, p) else {
        return;
    };
    while sent.toks.get(k).is_some_and(|t| is_auxiliary(&t.lower())) {
        k += 1;
    }
    let elected = sent
        .toks
        .get(k)
        .is_some_and(|t| is_election_verb(&t.lower()));
    if !elected || k == p.end {
        return;
    }
    k += 1;
    if sent.is(k, "as") {
        k += 1;
    }
    bare_office_claim(r, s, k, person, &rules::ELECTED_TO_OFFICE);
}

/// The office a predicate names at token `k`, claimed for `person`: of the organisation it
/// names, else, when it names no organisation, place or owner, of the report's own
/// organisation. Nothing when a word runs on after the office ("was elected president
/// yesterday" is fine, "is chair person" is not a phrase we read).
fn bare_office_claim(r: &mut Reader, s: usize, k: usize, person: EntityId, rule: &'static Rule) {
    let Some(phrase) = role_at(r, s, k) else {
        return;
    };
    let sent = &r.sents[s];
    if phrase.indefinite
        || sent
            .toks
            .get(phrase.next)
            .is_some_and(|t| t.kind == Kind::Word && !is_phrase_break(&t.lower()))
    {
        return;
    }
    let org = if phrase.is_bare() { r.main_org } else { None };
    claim(r, s, person, &phrase, org, rule);
}

/// Rule `copula-role`: the person is, was, became or will be an office: "A B is president of
/// X", "A B became the union's treasurer", "A B will be deputy chairman", "A B, a nurse, has
/// served as secretary", "A B takes over as chair". A bare office is one in the report's own
/// organisation, as for an election.
fn copula_role(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let Some(mut k) = predicate_start(sent, p) else {
        return;
    };
    let mut linked = false;
    while let Some(t) = sent.toks.get(k) {
        let w = t.lower();
        if is_copula(&w) {
            linked = true;
        } else if !is_auxiliary(&w) {
            break;
        }
        k += 1;
    }
    // "takes over as", "took over as", "stepped in as".
    if !linked
        && sent.toks.get(k).is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "takes" | "took" | "take" | "taking" | "steps" | "stepped"
            )
        })
        && (sent.is(k + 1, "over") || sent.is(k + 1, "in"))
        && sent.is(k + 2, "as")
    {
        linked = true;
        k += 2;
    }
    // "holds the position of General Secretary of X", "held the post of treasurer".
    if !linked
        && sent.toks.get(k).is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "holds" | "held" | "hold" | "holding" | "occupies" | "occupied"
            )
        })
        && sent.is(k + 1, "the")
        && sent.toks.get(k + 2).is_some_and(|t| {
            matches!(
                t.lower().as_ref(),
                "position" | "post" | "office" | "role" | "positions" | "posts"
            )
        })
        && sent.is(k + 3, "of")
    {
        linked = true;
        k += 4;
    }
    if !linked || k == p.end {
        return;
    }
    if sent.is(k, "as") {
        k += 1;
    }
    // "was elected treasurer" is an election's (rule `elected-to-office`); "was named", "is
    // retired": a verb, no office.
    let at = if sent.is(k, "the") { k + 1 } else { k };
    if sent.toks.get(at).is_some_and(|t| {
        let w = t.lower();
        is_election_verb(&w) || (w.ends_with("ed") && !t.lex.is_role_modifier())
    }) {
        return;
    }
    // "is a member of X": an indefinite office of a named organisation is membership; with
    // none named, an occupation or title is the person's own ("A B is a lawyer", "was a
    // retired teacher"), but "a member" or "a supporter" of nothing named says nothing.
    if sent.is(k, "a") || sent.is(k, "an") {
        if let Some(phrase) = role_at(r, s, k) {
            let named_body = phrase.org.is_some() || phrase.org_mention.is_some();
            let words = r.text(s, phrase.start, phrase.end).to_lowercase();
            let of_nothing = words
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "member" | "supporter" | "part" | "friend"));
            if named_body || !of_nothing {
                claim(r, s, person, &phrase, None, &rules::COPULA_ROLE);
            }
        }
        return;
    }
    bare_office_claim(r, s, k, person, &rules::COPULA_ROLE);
}

/// Rule `as-role`: "A B, on her last day as chair of X, …", "A B began his term as president
/// of X", "A B, speaking as treasurer of X": a post of a named organisation held "as", by the
/// nearest person before it (no other person between, no clause-ending punctuation).
fn as_role(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    if appointed_to(r, s, p, person) {
        return;
    }
    let sent = &r.sents[s];
    let n = sent.toks.len();
    let end = n.min(p.end + 16);
    let Some(k) = (p.end..end).find(|&k| sent.is(k, "as") || sent.is_punct(k, ";:\"“”()"))
    else {
        return;
    };
    // No clause break and no other person between the name and "as".
    if !sent.is(k, "as")
        || sent
            .mentions
            .iter()
            .any(|m| m.kind == Some(EntityKind::Person) && m.start >= p.end && m.start < k)
    {
        return;
    }
    // "as well as", "such as", "as a result": no post.
    if sent.is(k + 1, "well") || k > 0 && sent.is(k - 1, "such") {
        return;
    }
    let Some(phrase) = role_at(r, s, k + 1) else {
        return;
    };
    if phrase.indefinite {
        return;
    }
    if phrase.org.is_none() && phrase.org_mention.is_none() {
        // A bare office, straight after the name ("with A B as vice chairman") or after a
        // verb of taking a post ("agreed to act as chairman", "succeeded her husband as
        // secretary"): of the report's own organisation, as for an election.
        let between: Vec<String> = sent.toks[p.end..k]
            .iter()
            .map(|t| t.lower().into_owned())
            .collect();
        let takes_post = between.len() <= 6
            && (between.is_empty()
                || between.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "act"
                            | "acts"
                            | "acted"
                            | "acting"
                            | "succeeded"
                            | "succeeds"
                            | "replaced"
                            | "replaces"
                            | "remains"
                            | "remained"
                            | "continues"
                            | "continued"
                            | "stays"
                            | "stayed"
                            | "returns"
                            | "returned"
                            | "installed"
                            // A noun of holding or taking the post: "A B's term as
                            // secretary", "ahead of A B's confirmation as president".
                            | "term"
                            | "tenure"
                            | "confirmation"
                            | "election"
                            | "re-election"
                            | "appointment"
                            | "installation"
                            | "inauguration"
                    )
                }));
        if takes_post {
            bare_office_claim(r, s, k + 1, person, &rules::AS_ROLE);
        }
        return;
    }
    claim(r, s, person, &phrase, None, &rules::AS_ROLE);
}

/// Rule `appointed-name-role`: a verb of choosing before the name, the post after it: "The
/// board named A B chief executive of X", "The X Federation has elected A B as its new
/// president", "X appointed A B as treasurer" (a bare post: the organisation that chose, when
/// it is the sentence's subject). True when it made a claim.
fn appointed_to(r: &mut Reader, s: usize, p: &Mention, person: EntityId) -> bool {
    let sent = &r.sents[s];
    let first = p.hon.unwrap_or(p.start);
    let chose = first >= 1
        && matches!(
            sent.toks[first - 1].lower().as_ref(),
            "elected"
                | "re-elected"
                | "appointed"
                | "named"
                | "chose"
                | "selected"
                | "installed"
                | "nominated"
        );
    if !chose {
        return false;
    }
    let k = if sent.is(p.end, "as") {
        p.end + 1
    } else {
        p.end
    };
    let Some(phrase) = role_at(r, s, k) else {
        return false;
    };
    let sent = &r.sents[s];
    // The post must end the clause: "named A B chief executive of X last week" is fine,
    // "named A B president Tom" is no post.
    if phrase.indefinite || sent.toks.get(phrase.next).is_some_and(|t| t.is_cap()) {
        return false;
    }
    // The organisation that chose: the subject, just before the verb (and "has"/"have").
    let mut v = first - 1;
    while v >= 1
        && matches!(
            sent.toks[v - 1].lower().as_ref(),
            "has" | "have" | "had" | "today"
        )
    {
        v -= 1;
    }
    let subject = sent
        .mention_ending(v)
        .filter(|m| m.kind == Some(EntityKind::Organization))
        .and_then(|m| m.entity);
    // "Delegates re-elected A B as treasurer", "The conference elected A B as its president":
    // those who vote in the report's organisation chose a post in it.
    let electorate = v >= 1 && is_electorate(&sent.toks[v - 1].lower());
    let subject = subject.or(if electorate { r.main_org } else { None });
    let named = phrase.org.is_some() || phrase.org_mention.is_some() || phrase.self_reference;
    if !named && subject.is_none() {
        return false;
    }
    let org = if named { None } else { subject };
    claim(r, s, person, &phrase, org, &rules::APPOINTED_NAME_ROLE);
    true
}

/// Those who elect a body's officers, or the meeting where they do: "delegates", "the
/// conference", "members".
fn is_electorate(w: &str) -> bool {
    matches!(
        w,
        "delegates"
            | "members"
            | "membership"
            | "conference"
            | "congress"
            | "convention"
            | "assembly"
            | "agm"
            | "meeting"
    )
}

/// "A B, role of X, …", "A B (role, X)", "A B, X", "A B of X", "A B, who sits on X", "A B MP".
fn after_name(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    if r.sents[s].is(p.end, "who") {
        // "A B who is retiring as treasurer of X": a relative clause with no comma.
        who_clause(r, s, p.end + 1, person);
        return;
    }
    if let Some(after) = name_then_title(r, s, p.end, person) {
        // "A B MP, Foreign Secretary, …": a post set off after the letters too.
        if r.sents[s].is_punct(after, ",") {
            appositive(r, s, after, person);
        }
        representing_body(r, s, p, person);
        return;
    }
    let _ = name_then_post(r, s, p.end, person)
        || name_of_organisation(r, s, p.end, person)
        || coordinated_names_of(r, s, p, person)
        || appositive(r, s, p.end, person);
    representing_body(r, s, p, person);
}

/// Rule `representing-body`: one named as representing a body belongs to it: "A B
/// representing the Velby Teachers Union", "C D, Director of X, representing the Y". The verb
/// stands after the name, or after its description, before any other person or ";".
fn representing_body(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let n = sent.toks.len();
    let stop = |k: usize| {
        sent.is_punct(k, ";.")
            || sent
                .mentions
                .iter()
                .any(|m| m.start == k && m.kind == Some(EntityKind::Person))
    };
    let Some(v) = (p.end..n.min(p.end + 10))
        .take_while(|&k| !stop(k))
        .find(|&k| sent.is(k, "representing"))
    else {
        return;
    };
    let k = if sent.is(v + 1, "the") { v + 2 } else { v + 1 };
    let Some(mi) = sent.mentions.iter().position(|m| {
        m.start == k
            && (m.kind == Some(EntityKind::Organization)
                || m.kind.is_none() && sent.toks[m.start].is_acronym())
    }) else {
        return;
    };
    if let Some(org) = r.make_org(s, mi) {
        member(r, s, person, org, &rules::REPRESENTING_BODY);
    }
}

/// Rule `coordinated-names-of`: every name of a list joined by "and" that ends, set off by a
/// comma, in "of" or "from" an organisation belongs to it: "A B, C D and E F, from the X
/// Trust, said". (The last name is the plain `name-of-organisation` case.) True
/// when it applied.
fn coordinated_names_of(r: &mut Reader, s: usize, p: &Mention, person: EntityId) -> bool {
    let sent = &r.sents[s];
    let mut j = p.end;
    let mut joined = false;
    loop {
        let step = if sent.is(j, "and") {
            1
        } else if sent.is_punct(j, ",") {
            if sent.is(j + 1, "and") {
                2
            } else {
                1
            }
        } else {
            break;
        };
        let k = j + step;
        let Some(next) = sent
            .mentions
            .iter()
            .find(|m| m.hon.unwrap_or(m.start) == k && m.kind == Some(EntityKind::Person))
        else {
            break;
        };
        joined |= sent.is(k - 1, "and");
        j = next.end;
    }
    // Only the list set off by a comma before its "of" shares it: "A B and C D of the X
    // Union" reads as often as C D's alone (and "A B and Special Guest C D of the Program"
    // is no body of A B's).
    joined
        && sent.is_punct(j, ",")
        && of_organisation(r, s, j, person, &rules::COORDINATED_NAMES_OF)
}

/// Rule `name-then-post`: a post in capitals right after the name, with no comma, as lists of
/// officers write them: "Lena Vik Treasurer and Tom Hale Secretary were elected", "A B
/// Membership Chair". True when it applied.
fn name_then_post(r: &mut Reader, s: usize, j: usize, person: EntityId) -> bool {
    let sent = &r.sents[s];
    if !sent
        .toks
        .get(j)
        .is_some_and(|t| t.is_cap() && !t.is_acronym())
    {
        return false;
    }
    let Some(phrase) = role_at(r, s, j).filter(|ph| ph.start == j && !ph.indefinite) else {
        return false;
    };
    // The post's words are all capitalised, up to its "of" or its end.
    let capitalised = sent.toks[phrase.start..phrase.end]
        .iter()
        .take_while(|t| !t.is("of") && !t.is("for"))
        .all(|t| t.is_cap());
    if !capitalised {
        return false;
    }
    claim(r, s, person, &phrase, None, &rules::NAME_THEN_POST);
    true
}

/// Rule `name-then-title`: "A B MP", past the letters of honours ("A B CMG MP"). True when it
/// applied.
fn name_then_title(r: &mut Reader, s: usize, j: usize, person: EntityId) -> Option<usize> {
    let sent = &r.sents[s];
    let mut j = j;
    while sent
        .toks
        .get(j)
        .is_some_and(|t| super::mentions::HONOURS.contains(&t.text))
        && sent.toks.get(j + 1).is_some_and(Token::is_acronym)
    {
        j += 1;
    }
    // "A B MP", "A B T.D.", and set off by commas, "A B, M.H.A., was in the chair" (the
    // appositive rules read "A B, MP for X,").
    let dotted = |t: &Token| {
        t.dotted_letters()
            .is_some_and(|l| LEGISLATORS.contains(&l.as_str()))
    };
    let j = if sent.is_punct(j, ",")
        && sent.toks.get(j + 1).is_some_and(dotted)
        && sent.toks.get(j + 2).is_none_or(|t| t.kind == Kind::Punct)
    {
        j + 1
    } else {
        j
    };
    if sent
        .toks
        .get(j)
        .is_some_and(|t| t.is_acronym() && LEGISLATORS.contains(&t.lower().as_ref()) || dotted(t))
    {
        // "T.D." keeps the dot the reader set apart.
        let toks = &sent.toks;
        let end = if toks[j].dotted_letters().is_some()
            && toks
                .get(j + 1)
                .is_some_and(|t| t.text == "." && t.start == toks[j].end)
        {
            j + 2
        } else {
            j + 1
        };
        let phrase = RolePhrase {
            start: j,
            end,
            org: None,
            place: None,
            constituency: false,
            next: end,
            indefinite: false,
            org_mention: None,
            place_mention: None,
            self_reference: false,
            territory_owned: false,
            former: false,
        };
        claim(r, s, person, &phrase, None, &rules::NAME_THEN_TITLE);
        return Some(end);
    }
    None
}

/// Rule `name-of-organisation`: "A B of X", "A B from the X Union", and set off by commas,
/// "A B, from the X Trust, said", "A B, from X's Y branch, said" (the branch). True when
/// "of"/"from" follows the name, whether or not an organisation does.
fn name_of_organisation(r: &mut Reader, s: usize, j: usize, person: EntityId) -> bool {
    of_organisation(r, s, j, person, &rules::NAME_OF_ORGANISATION)
}

/// "of"/"from" an organisation at token `j`, claimed for `person` under `rule`. True when it
/// applied (or when what follows is no organisation of theirs and nothing set off is left
/// for the appositive rules).
fn of_organisation(
    r: &mut Reader,
    s: usize,
    j: usize,
    person: EntityId,
    rule: &'static Rule,
) -> bool {
    let sent = &r.sents[s];
    // "A B, from the X Trust, said"; "A B, of the X Union, said" (but "A B, of Tolvik,": a
    // name set off after "of" must be typed a body).
    let set_off = sent.is_punct(j, ",") && (sent.is(j + 1, "from") || sent.is(j + 1, "of"));
    let j = if set_off { j + 1 } else { j };
    if !(sent.is(j, "of") || sent.is(j, "from")) {
        return false;
    }
    let mut k = j + 1;
    if sent.is(k, "the") {
        k += 1;
    }
    let Some(mut mi) = sent.mentions.iter().position(|m| m.start == k) else {
        // "A B, from the dockers' union NDU,": a description, then the body's own name.
        let mut d = k;
        while d < k + 4
            && sent.toks.get(d).is_some_and(|t| {
                (t.kind == Kind::Word && !t.is_cap()) || t.kind == Kind::Possessive
            })
        {
            d += 1;
        }
        let described = (d > k)
            .then(|| sent.mentions.iter().position(|m| m.start == d))
            .flatten()
            .filter(|&mi| {
                let m = &sent.mentions[mi];
                let org = m.kind == Some(EntityKind::Organization)
                    || (m.kind.is_none() && sent.toks[m.start].is_acronym());
                org && sent.toks.get(m.end).is_none_or(|t| t.is_punct(",).;"))
            });
        if let Some(mi) = described {
            if let Some(org) = r.make_org(s, mi) {
                member(r, s, person, org, rule);
                return true;
            }
        }
        if let Some(org) = definite_org_head(r, s, j + 1, set_off) {
            member(r, s, person, org, rule);
            return true;
        }
        return !set_off;
    };
    // "from X's Y branch": the unit named after the possessive.
    let end = sent.mentions[mi].end;
    if set_off
        && sent
            .toks
            .get(end)
            .is_some_and(|t| t.kind == Kind::Possessive)
    {
        if let Some(unit) = sent
            .mentions
            .iter()
            .position(|m| m.start == end + 1 && m.kind == Some(EntityKind::Organization))
        {
            mi = unit;
        }
    }
    let m = &sent.mentions[mi];
    let from = sent.is(j, "from");
    let typed_org = m.kind == Some(EntityKind::Organization);
    // Set off by commas, the organisation must close the aside.
    let closes = !set_off || sent.toks.get(m.end).is_none_or(|t| t.is_punct(",)"));
    if closes && (typed_org || (!from && !set_off && m.kind.is_none())) {
        if let Some(org) = r.make_org(s, mi) {
            member(r, s, person, org, rule);
            return true;
        }
    }
    !set_off
}

/// "the charity", "the union" at token `k`, ending the phrase (before a comma when `set_off`):
/// the organisation of that head named before, or, for a word such as "union" or "charity"
/// with none named, the report's own organisation. "A B, from the charity, showed …".
fn definite_org_head(r: &Reader, s: usize, k: usize, set_off: bool) -> Option<EntityId> {
    let sent = &r.sents[s];
    if !sent.is(k, "the") {
        return None;
    }
    let head = sent.toks.get(k + 1)?;
    let ends = match sent.toks.get(k + 2) {
        None => !set_off,
        Some(t) if set_off => t.is_punct(",)"),
        Some(t) => t.is_punct(",).;:") || (t.kind == Kind::Word && !t.is_cap()),
    };
    if head.kind != Kind::Word || head.is_cap() || !ends {
        return None;
    }
    let w = head.lower();
    if !r.lx.is_org_head(&w) {
        return None;
    }
    org_by_head_before(r, s, k, &w)
        .or_else(|| is_self_reference(r, &w).then_some(r.main_org).flatten())
}

/// "a prominent industrialist and …", "an old friend and …": an indefinite description of up
/// to four lowercase words, then "and"; the token of "and".
fn description_then_and(sent: &Sent, j: usize) -> Option<usize> {
    if !(sent.is(j, "a") || sent.is(j, "an")) {
        return None;
    }
    (j + 2..(j + 6).min(sent.toks.len()))
        .find(|&k| sent.is(k, "and"))
        .filter(|&and| {
            sent.toks[j + 1..and]
                .iter()
                .all(|t| t.kind == Kind::Word && !t.is_cap())
        })
}

/// Rules `name-then-role`, `name-then-role-of-report-organisation`, `name-then-organisation`
/// and the who-clauses: what an appositive after the name says ("A B, treasurer of X,", "A B
/// (Chair, X)", "A B, 34, a nurse", "A B, X Trust", "A B, who sits on X"). True when one
/// applied.
fn appositive(r: &mut Reader, s: usize, mut j: usize, person: EntityId) -> bool {
    let n = r.sents[s].toks.len();
    let sent = &r.sents[s];
    let bracket = sent.is_punct(j, "(");
    // A dash sets the post off in lists of officers: "A B – President, C D – Secretary".
    let dash = sent.is_punct(j, "–—-");
    if !(sent.is_punct(j, ",") || bracket || dash) {
        return false;
    }
    j += 1;
    let mut claims = 0;
    while j < n {
        let sent = &r.sents[s];
        // Ages: ", 34," "(27)"
        if sent.toks[j].kind == Kind::Number {
            j += 1;
            if sent.is_punct(j, ",)") {
                j += 1;
            }
            continue;
        }
        if sent.is(j, "aged") {
            j += 2;
            continue;
        }
        // Academic degrees set off after the name: "A B, MBA (Minister of X)", "A B, PhD,
        // Minister of X".
        if DEGREES.contains(&sent.toks[j].text) && sent.is_punct(j + 1, ",(") {
            j += 2;
            continue;
        }
        // "who sits on X", "who chairs X", "who is X"
        if sent.is(j, "who") {
            who_clause(r, s, j + 1, person);
            return true;
        }
        if let Some(phrase) = role_at(r, s, j) {
            let Some(next) = post_in_appositive(r, s, phrase, person) else {
                return claims > 0;
            };
            claims += 1;
            j = next;
            let sent = &r.sents[s];
            // Another post: ", and a former chief executive of Y", " and MP for Y"
            if sent.is(j, "and") || (sent.is_punct(j, ",") && sent.is(j + 1, "and")) {
                j += if sent.is(j, "and") { 1 } else { 2 };
                continue;
            }
            if sent.is_punct(j, ",")
                && role_at(r, s, j + 1).is_some_and(|ph| {
                    ph.org.is_some() || ph.org_mention.is_some() || ph.place.is_some()
                })
            {
                j += 1;
                continue;
            }
            // A description of the organisation ("X, a coalition of …"), then maybe more.
            return true;
        }
        // "A B, a prominent industrialist and Vice President of X": a description of the
        // person that names no post, then the post.
        if let Some(and) = description_then_and(&r.sents[s], j) {
            j = and + 1;
            continue;
        }
        // "A B, Coastal Housing Trust" (lists), "A B (Board member, FFN)", and set off by
        // commas before a count, a verb of speech or "who" ("A B, Tolvik Union, 55 votes;",
        // "A B, Tolvik Union, said …"): no list of bodies goes on so.
        if claims == 0 {
            let sent = &r.sents[s];
            if let Some((mi, m)) = org_mention_at(sent, j) {
                // A count ends its item: "55 votes;", not "14 other unions and …".
                let count_ends_item = |k: usize| {
                    let k = if sent.toks.get(k).is_some_and(|t| t.kind == Kind::Word) {
                        k + 1
                    } else {
                        k
                    };
                    sent.toks.get(k).is_none_or(|t| matches!(t.text, ";" | "."))
                };
                let set_off = sent.is_punct(m.end, ",")
                    && (sent.toks.get(m.end + 1).is_some_and(|t| {
                        (t.kind == Kind::Number && count_ends_item(m.end + 2))
                            || t.is("who")
                            || super::verbs::attributes_speech(&t.lower())
                    }) || clause_goes_on(sent, m.end + 1)
                        || item_ends_without_a_name(sent, m.end + 1));
                let list_like = sent.kind == super::BlockKind::ListItem
                    || bracket
                    || set_off
                    || sent.toks.get(m.end).is_none_or(|t| t.text != ",");
                let typed = m.kind == Some(EntityKind::Organization);
                if list_like && (typed || sent.kind == super::BlockKind::ListItem) {
                    if let Some(org) = r.make_org(s, mi) {
                        member(r, s, person, org, &rules::NAME_THEN_ORGANISATION);
                    }
                }
            }
        }
        return claims > 0;
    }
    claims > 0
}

/// After "A B, X Union,": "and" then a verb in lower case ("… and seconded by C D", "… and
/// said …"): the sentence goes on about the person, so the body was set off as theirs, not
/// listed beside them.
fn clause_goes_on(sent: &Sent, k: usize) -> bool {
    sent.is(k, "and")
        && sent.toks.get(k + 1).is_some_and(|t| {
            t.kind == Kind::Word
                && !t.is_cap()
                && !t.lex.is_stopword()
                && (t.text.ends_with("ed") || super::verbs::attributes_speech(&t.lower()))
        })
}

/// After "A B, X Institute,": the list item ends at a semicolon a few words on, with no "and"
/// and no other name of a person before it ("A B, X Institute, Global Peace Index; C D, …"):
/// what follows the body describes it, and the body is the person's.
fn item_ends_without_a_name(sent: &Sent, k: usize) -> bool {
    let Some(end) = (k..(k + 8).min(sent.toks.len())).find(|&q| sent.is_punct(q, ";")) else {
        return false;
    };
    end > k
        && !sent.toks[k..end]
            .iter()
            .any(|t| t.is("and") || t.text == "&")
        && !sent
            .mentions
            .iter()
            .any(|m| m.kind == Some(EntityKind::Person) && m.start >= k && m.start < end)
}

/// Academic degrees that reports write after a name, set off by commas: general knowledge.
pub(super) const DEGREES: &[&str] = &[
    "MBA", "PhD", "MD", "MSc", "MA", "BA", "BSc", "LLB", "LLM", "MPhil", "DPhil", "EdD", "DBA",
    "MPH", "Esq",
];

/// Rules `name-then-role` and `name-then-role-of-report-organisation`: the post `phrase` set
/// off after the person's name, in the organisation named after it, in its own words, or
/// (a bare office) in the report's. Claims it and returns the token after it; `None` when the
/// post is the next person's ("A B, Saudi Foreign Minister C D") or labels the next name's
/// office ("A B, Secretary: C D").
fn post_in_appositive(
    r: &mut Reader,
    s: usize,
    mut phrase: RolePhrase,
    person: EntityId,
) -> Option<usize> {
    let sent = &r.sents[s];
    // "A B, Saudi Foreign Minister C D": the role is the next person's, not A B's; so too
    // over the next person's courtesy ("A B, Brantex Director Professor C D").
    let holder = sent.mentions.iter().any(|m| {
        m.kind == Some(EntityKind::Person)
            && (m.hon.unwrap_or(m.start) == phrase.next || m.start == phrase.next)
    });
    // "A B, Secretary: C D": a label of the next name's office.
    if holder || sent.is_punct(phrase.next, ":") {
        return None;
    }
    let (org, next) = organisation_after_post(r, s, &mut phrase);
    let bare_office = !phrase.indefinite
        && r.lx.is_role(
            r.text(s, phrase.start, phrase.end)
                .split(' ')
                .next_back()
                .unwrap_or(""),
        )
        || r.lx
            .is_role(&r.text(s, phrase.start, phrase.end).to_lowercase());
    let implicit = if org.is_none()
        && phrase.names_no_place_or_body()
        && !phrase.indefinite
        && bare_office
        && !phrase.self_reference
        && !phrase.territory_owned
    {
        r.main_org
    } else {
        None
    };
    let rule = if implicit.is_some() {
        &rules::NAME_THEN_ROLE_OF_REPORT_ORGANISATION
    } else {
        &rules::NAME_THEN_ROLE
    };
    // "president and CEO of X": one post of two titles, in the second's organisation.
    let joint = if org.is_none() && implicit.is_none() && bare_office {
        joint_post(r, s, &phrase)
    } else {
        None
    };
    let (phrase, next) = match joint {
        Some(joint) => {
            let next = joint.next;
            (joint, next)
        }
        None => (phrase, next),
    };
    claim(r, s, person, &phrase, org.or(implicit), rule);
    Some(next)
}

/// The organisation named right after a post in an appositive, and the token after it:
/// its acronym straight after the role ("Patron HWU"); the body a unit is part of ("Head of
/// the Department of Economics, University of X": the post is in the body, the unit part of
/// the role, and `phrase` is cut to hold it); or a body after a comma ("Press Officer, HWA",
/// "(Treasurer, Lakeside Energy Co-op)").
fn organisation_after_post(
    r: &mut Reader,
    s: usize,
    phrase: &mut RolePhrase,
) -> (Option<EntityId>, usize) {
    let sent = &r.sents[s];
    let mut org = None;
    let mut next = phrase.next;
    // "Patron HWU": the organisation's acronym straight after the role.
    if phrase.names_no_place_or_body() && sent.toks.get(next).is_some_and(|t| t.is_acronym()) {
        if let Some((mi, m)) = org_mention_at(sent, next).filter(|(_, m)| m.end == next + 1) {
            org = r.make_org(s, mi);
            next = m.end;
        }
    }
    // "Head of the Department of Economics, University of X": a unit, then the body it
    // is a unit of; the post is in the body, the unit part of the role.
    let sent = &r.sents[s];
    let unit_name = match (phrase.org, phrase.org_mention) {
        (Some(id), _) => Some(r.reg.get(id).name.as_str()),
        (None, Some(mi)) => {
            let m = &sent.mentions[mi];
            Some(r.text(s, m.start, m.end))
        }
        _ => None,
    };
    let unit = unit_name
        .and_then(|n| n.split(' ').next())
        .is_some_and(|head| {
            matches!(
                head,
                "Department" | "Faculty" | "School" | "Division" | "Unit"
            )
        });
    if org.is_none() && unit && sent.is_punct(next, ",") {
        if let Some((mi, m)) = org_mention_at(sent, next + 1) {
            phrase.end = next;
            phrase.org = None;
            phrase.org_mention = None;
            org = r.make_org(s, mi);
            next = m.end;
        }
    }
    let sent = &r.sents[s];
    // "Press Officer, HWA" / "(Treasurer, Lakeside Energy Co-op)"
    if phrase.names_no_place_or_body() && sent.is_punct(next, ",") {
        if let Some((mi, _)) = org_mention_at(sent, next + 1) {
            let m = r.sents[s].mentions[mi].clone();
            org = r.make_org(s, mi);
            next = m.end;
        }
    }
    (org, next)
}

/// "who sits on X", "who chairs X", "who leads X", "who works for X", "who is the X of Y".
fn who_clause(r: &mut Reader, s: usize, j: usize, person: EntityId) {
    let sent = &r.sents[s];
    let verb = sent.word(j).unwrap_or("").to_lowercase();
    let (role, skip): (Option<&str>, usize) = match verb.as_str() {
        "sits" | "sat" | "serves" | "served" if sent.is(j + 1, "on") || sent.is(j + 1, "in") => {
            (Some("member"), 2)
        }

        "chairs" | "chaired" => (Some("chair"), 1),
        "represents" | "represented" => (Some("representative"), 1),
        "founded" => (Some("founder"), 1),
        "co-founded" | "cofounded" => (Some("co-founder"), 1),
        "leads" | "led" | "heads" | "headed" | "runs" | "ran" => (Some("leader"), 1),
        "works" | "worked" => {
            if matches!(
                sent.word(j + 1).map(str::to_lowercase).as_deref(),
                Some("for" | "at" | "with")
            ) {
                (None, 2)
            } else {
                return;
            }
        }
        "is" | "was" => {
            // "who is treasurer of X"; "who is retiring as treasurer", "who was serving as".
            let mut k = j + 1;
            if sent
                .word(k)
                .is_some_and(|w| w.ends_with("ing") && !r.lx.is_role(w))
                && sent.is(k + 1, "as")
            {
                k += 2;
            }
            if let Some(phrase) = role_at(r, s, k) {
                claim(r, s, person, &phrase, None, &rules::NAME_WHO_IS_ROLE);
            }
            return;
        }
        "serves" | "served" | "acts" | "acted" if sent.is(j + 1, "as") => {
            if let Some(phrase) = role_at(r, s, j + 2) {
                claim(r, s, person, &phrase, None, &rules::NAME_WHO_IS_ROLE);
            }
            return;
        }
        _ => return,
    };
    let mut k = j + skip;
    if sent.is(k, "the") {
        k += 1;
    }
    // "the Harbour Party's Policy Committee": the last organisation of a possessive chain.
    let mut target = None;
    let mentions = sent.mentions.clone();
    let possessives: Vec<bool> = sent
        .toks
        .iter()
        .map(|t| t.kind == Kind::Possessive)
        .collect();
    let possessive_at = |i: usize| possessives.get(i).copied().unwrap_or(false);
    while let Some((mi, m)) = mentions.iter().enumerate().find(|(_, m)| m.start == k) {
        target = Some(mi);
        if possessive_at(m.end) {
            // The possessor of an organisation is an organisation too.
            let _ = r.make_org(s, mi);
            k = m.end + 1;
            continue;
        }
        break;
    }
    let Some(mi) = target else {
        // "who founded the campaign": the body of that head named before.
        if r.sents[s].is(j + skip, "the") {
            if let Some(Some(org)) = the_body(r, s, k) {
                member_as(r, s, person, org, role, &rules::NAME_WHO_VERB_ORGANISATION);
            }
        }
        return;
    };
    if let Some(org) = r.make_org(s, mi) {
        member_as(r, s, person, org, role, &rules::NAME_WHO_VERB_ORGANISATION);
    }
}

/// "Role of X, A B": the appositive before the name.
fn before_name(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let mut first = p.hon.unwrap_or(p.start);
    let sent = &r.sents[s];
    // "the Vice President, the late Dr. A B": the dead are named by the post they held.
    if first >= 3 && sent.is(first - 1, "late") && sent.is(first - 2, "the") {
        first -= 2;
    }
    if first >= 2 && sent.is_punct(first - 1, "(") && sent.is_punct(p.end, ")") {
        role_then_bracketed_name(r, s, first - 1, person);
        return;
    }
    if first >= 2 && (sent.is_punct(first - 1, "–—-") || sent.is_punct(first - 1, ":")) {
        post_line_then_name(r, s, first - 1, p, person);
        return;
    }
    if first == 0 || !sent.is_punct(first - 1, ",") {
        return;
    }
    let comma = first - 1;
    // Back to the previous clause boundary, stepping over bracketed acronyms.
    let mut b = comma;
    let mut depth = 0;
    while b > 0 {
        let t = &sent.toks[b - 1];
        match t.text {
            ")" => depth += 1,
            "(" if depth > 0 => depth -= 1,
            "," | ";" | ":" | "—" | "–" | "(" | "\"" | "“" | "”" if depth == 0 => break,
            _ => {}
        }
        b -= 1;
    }
    // The phrase starts at the clause boundary, or inside the clause after a word that
    // introduces it: "a meeting with European Commissioner for Trade, A B"; "words from the
    // Director of the X, A B"; "we heard from our leader, A B"; "(the host) was veteran news
    // anchor, A B".
    let starts: Vec<usize> = (b..comma)
        .filter(|&i| {
            i == b
                || r.sents[s].is(i, "the")
                || r.sents[s].is(i, "its")
                || r.sents[s].word(i - 1).is_some_and(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "our"
                            | "its"
                            | "their"
                            | "his"
                            | "her"
                            | "from"
                            | "by"
                            | "with"
                            | "including"
                            | "was"
                            | "is"
                    )
                })
                // A title after a lowercase word ("welcomed German Foreign Minister, A B"), or
                // opening the sentence or a clause.
                || titled_from(&r.sents[s], i, comma)
                || of_a_country(&r.sents[s], i)
        })
        .collect();
    let Some(claims) = starts.into_iter().find_map(|i| role_chain(r, s, i, comma)) else {
        if let Some((clause, phrase)) = portfolio_with_commas(r, s, b, comma) {
            // "The leader of the X and Minister for A, B and C, D E": the posts joined before
            // the portfolio are the person's too.
            let before = (phrase.start > clause + 1 && r.sents[s].is(phrase.start - 1, "and"))
                .then(|| {
                    [clause, clause + 1]
                        .into_iter()
                        .find_map(|i| role_chain(r, s, i, phrase.start))
                })
                .flatten();
            for earlier in before.unwrap_or_default() {
                claim(r, s, person, &earlier, None, &rules::ROLE_THEN_NAME);
            }
            claim(r, s, person, &phrase, None, &rules::PORTFOLIO_WITH_COMMAS);
        }
        return;
    };
    // "the country's minister of foreign affairs and former finance minister, A B": each
    // office of the chain is the country's.
    let country = claims
        .first()
        .is_some_and(|c| of_a_country(&r.sents[s], c.start));
    for phrase in claims {
        let bare = phrase.is_bare();
        if !bare || titled_from(&r.sents[s], phrase.start, phrase.end) {
            // A bare role says little ("Chair, A B"); one written as a title of two words or
            // more says who they are: "Foreign Minister, A B".
            claim(r, s, person, &phrase, None, &rules::ROLE_THEN_NAME);
        } else if country {
            // "the country's finance minister, A B": an office of the country, a title.
            claim(r, s, person, &phrase, None, &rules::ROLE_THEN_NAME);
        } else if possessive_before(&r.sents[s], phrase.start) {
            // "the Governor, A B, and his Deputy, C D": a post beside the one a person just
            // named holds, in a body the sentence does not name. A title.
            claim(r, s, person, &phrase, None, &rules::ROLE_THEN_NAME);
        } else if definite_before(&r.sents[s], phrase.start) {
            // Rule `the-role-then-name`: "The secretary, A B, read the minutes"; "our interim
            // leader, A B": a role of the report's own organisation when it has one, else a
            // title. A bare role with no article ("Chair, A B") says too little.
            let org = r.main_org;
            claim(r, s, person, &phrase, org, &rules::THE_ROLE_THEN_NAME);
        } else if described(r, &r.sents[s], &phrase) {
            // Rule `description-then-name`: "a local teacher, A B,"; "Swedish activist, A B":
            // who the person is, not a post in any body.
            claim(r, s, person, &phrase, None, &rules::DESCRIPTION_THEN_NAME);
        }
    }
}

/// Rule `post-line-then-name`: a line of an officer list that is a post, a dash or a colon,
/// and the name, nothing more: "Chairperson – Ms A B", "Treasurer: C D". The post is read as
/// `role_chain` reads one before a comma; a bare office is a post in the report's organisation.
fn post_line_then_name(r: &mut Reader, s: usize, mark: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let start = usize::from(sent.is_punct(0, "-•*–"));
    let ends_the_line = sent.toks[p.end..].iter().all(|t| t.is_punct(".;,"));
    if mark <= start || !ends_the_line {
        return;
    }
    let Some(claims) = role_chain(r, s, start, mark) else {
        return;
    };
    let body = list_lead_in_body(r, s).or(r.main_org);
    for phrase in claims {
        let org = (phrase.is_bare() && !phrase.indefinite)
            .then_some(body)
            .flatten();
        claim(r, s, person, &phrase, org, &rules::POST_LINE_THEN_NAME);
    }
}

/// The body a list's lead-in names, its last: "the X Executive Committee is constituted as
/// follows:", then lines of posts and names. The lead-in is the nearest sentence before that
/// ends in a colon, over at most a dozen short lines of the list.
fn list_lead_in_body(r: &Reader, s: usize) -> Option<EntityId> {
    let lead_in = (s.saturating_sub(12)..s)
        .rev()
        .take_while(|&k| k + 1 == s || r.sents[k + 1].toks.len() <= 16)
        .find(|&k| r.sents[k].toks.last().is_some_and(|t| t.is_punct(":")))?;
    r.sents[lead_in]
        .mentions
        .iter()
        .rev()
        .find(|m| m.kind == Some(EntityKind::Organization))
        .and_then(|m| m.entity)
}

/// Rule `portfolio-with-commas`: a post whose portfolio lists its fields with commas, set off
/// before the name: "Minister for Housing, Harbours and Coastal Affairs, A B"; "the
/// Secretary of State for Energy, Ports and Youth, A B". The clause before the
/// name (`from..comma`) holds only the fields after the first; the post before them ends at a
/// field word, and its phrase is taken to the name's comma. Also gives where its clause begins.
fn portfolio_with_commas(
    r: &Reader,
    s: usize,
    from: usize,
    comma: usize,
) -> Option<(usize, RolePhrase)> {
    let sent = &r.sents[s];
    // Back over the fields, each set off by a comma: "Harbours and Coastal Affairs", "Ports
    // and Youth".
    let field = |t: &Token| t.is_cap() || t.is("and") || matches!(t.text, "&" | ",");
    let mut inner = from;
    while inner >= 1 && sent.is_punct(inner - 1, ",") {
        let fields = &sent.toks[inner..comma];
        if fields.is_empty() || !fields.iter().all(field) || fields.len() > 12 {
            return None;
        }
        let head = inner - 1;
        // The clause before the first field's comma.
        let mut b = head;
        while b > 0 && !sent.is_punct(b - 1, ",;:(\"“”—–") {
            b -= 1;
        }
        let ends_in_field = head >= 1 && names::is_subject_word(sent.toks[head - 1].text);
        let with_portfolio = sent.toks[b..head].iter().any(|t| t.is("for") || t.is("of"));
        if ends_in_field && with_portfolio {
            let phrase = (b..head)
                .find_map(|i| role_at(r, s, i).filter(|ph| ph.next == head && ph.org.is_none()))?;
            return Some((
                b,
                RolePhrase {
                    end: comma,
                    next: comma,
                    ..phrase
                },
            ));
        }
        inner = b;
    }
    None
}

/// A bare role written as a description: after "a"/"an", or after modifiers that are
/// adjectives or demonyms ("local", "veteran", "Swedish"), never a verb of the clause; an
/// occupation, not a part at a gathering.
fn described(r: &Reader, sent: &Sent, phrase: &RolePhrase) -> bool {
    let words = &sent.toks[phrase.start..phrase.end];
    let modifier_or_head = |(k, t): (usize, &Token)| {
        let lower = t.lower();
        t.kind == Kind::Word
            && !super::verbs::ends_a_role_modifier(&lower)
            && (!t.is_cap() || k == 0 || r.lx.demonyms.contains_key(lower.as_ref()))
    };
    let shaped = words
        .iter()
        .enumerate()
        .map(|(i, t)| (phrase.start + i, t))
        .all(modifier_or_head);
    // A part at a gathering is no description of the person: "keynote speaker, A B".
    let at_a_gathering = words
        .last()
        .is_some_and(|t| part_at_a_gathering(&t.lower()));
    shaped && !at_a_gathering && (phrase.indefinite || words.len() >= 2)
}

/// `role-then-name` with the name in brackets: "Treasurer (A B) read the accounts", "the
/// union's chair (A B)". The role must end at the bracket; a bare office is of the report's
/// organisation.
fn role_then_bracketed_name(r: &mut Reader, s: usize, bracket: usize, person: EntityId) {
    let Some(phrase) = (bracket.saturating_sub(5)..bracket)
        .filter_map(|i| role_at(r, s, i))
        .find(|ph| {
            ph.next == bracket
                && !ph.indefinite
                && !(ph.start >= 1
                    && (r.sents[s].is(ph.start - 1, "a") || r.sents[s].is(ph.start - 1, "an")))
        })
    else {
        return;
    };
    let bare = phrase.is_bare();
    let org = if bare { r.main_org } else { None };
    claim(r, s, person, &phrase, org, &rules::ROLE_THEN_NAME);
}

/// Does token `i` follow a territory's possessive: "the country's (finance minister)", "the
/// state's (governor)"?
fn of_a_country(sent: &Sent, i: usize) -> bool {
    i >= 2
        && sent.toks[i - 1].kind == Kind::Possessive
        && matches!(
            sent.toks[i - 2].lower().as_ref(),
            "country" | "nation" | "state" | "city" | "province" | "region" | "county" | "island"
        )
}

/// Do tokens `i..end` read as a title of two words or more, every word capitalised but the
/// connectors inside it, where a capital says so: after a lowercase word ("(welcomed) German
/// Foreign Minister", "(with) European Commissioner for Trade"), or opening the sentence or a
/// clause, where the words after the first still carry theirs ("British High Commissioner,
/// A B, called on …").
fn titled_from(sent: &Sent, i: usize, end: usize) -> bool {
    let after_lowercase_or_at_start = i == 0
        || sent.toks[i - 1].kind == Kind::Word && !sent.toks[i - 1].is_cap()
        || matches!(sent.toks[i - 1].text, "," | ";" | ":" | "(");
    after_lowercase_or_at_start
        && end >= i + 2
        && sent.toks[i].is_cap()
        && sent.toks[end - 1].is_cap()
        && sent.toks[i..end]
            .iter()
            .all(|t| t.is_cap() || matches!(t.lower().as_ref(), "of" | "for" | "and" | "the"))
}

/// Role phrases from token `i`, joined by "and", that end exactly at `comma`.
fn role_chain(r: &Reader, s: usize, mut i: usize, comma: usize) -> Option<Vec<RolePhrase>> {
    let mut claims: Vec<RolePhrase> = Vec::new();
    while i < comma {
        let phrase = role_at(r, s, i).or_else(|| {
            // A later post of the chain premodified by its body: "the former prime minister
            // and current HWU president, A B".
            (!claims.is_empty())
                .then(|| body_then_post(r, s, i))
                .flatten()
        })?;
        if phrase.next > comma {
            return None;
        }
        i = phrase.next;
        claims.push(phrase);
        if r.sents[s].is(i, "and") {
            i += 1;
            continue;
        }
        break;
    }
    (i == comma && !claims.is_empty()).then_some(claims)
}

/// A post premodified by a typed organisation, after at most one word of tenure: "current HWU
/// president", "former Acme chief executive". The phrase is the post's, held in that body.
fn body_then_post(r: &Reader, s: usize, i: usize) -> Option<RolePhrase> {
    let sent = &r.sents[s];
    let tenure = sent
        .word(i)
        .map(str::to_lowercase)
        .filter(|w| matches!(w.as_str(), "current" | "former" | "outgoing" | "incoming"));
    let at = if tenure.is_some() { i + 1 } else { i };
    let mi = sent.mentions.iter().position(|m| {
        m.start == at && m.hon.is_none() && m.kind == Some(EntityKind::Organization)
    })?;
    let mut phrase = role_at(r, s, sent.mentions[mi].end)?;
    if phrase.start != sent.mentions[mi].end || !phrase.names_no_place_or_body() {
        return None;
    }
    phrase.org = sent.mentions[mi].entity;
    phrase.former |= tenure.as_deref() == Some("former");
    Some(phrase)
}

/// Rule `organisation-possessive-name`: "the HWU's A B", "Acme's own A B": a member of the
/// organisation that possesses them.
fn possessive_organisation(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let sent = &r.sents[s];
    let mut k = p.hon.unwrap_or(p.start);
    if k >= 1 && sent.is(k - 1, "own") {
        k -= 1;
    }
    if k < 2 || sent.toks[k - 1].kind != Kind::Possessive {
        return;
    }
    let org = sent
        .mention_ending(k - 1)
        .and_then(|m| match (m.kind, m.entity) {
            (Some(EntityKind::Organization), Some(id)) => Some(id),
            _ => None,
        });
    if let Some(org) = org {
        member(r, s, person, org, &rules::ORGANISATION_POSSESSIVE_NAME);
    }
}

/// "the", "our", "its", "their" just before token `i`: a role that refers to one post.
/// "his" or "her" right before `i`: "his Deputy, A B".
fn possessive_before(sent: &Sent, i: usize) -> bool {
    i >= 1 && (sent.is(i - 1, "his") || sent.is(i - 1, "her"))
}

fn definite_before(sent: &Sent, i: usize) -> bool {
    i >= 1
        && sent
            .word(i - 1)
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "our" | "its" | "their"))
}

/// Honorifics that are no post: "Dr", "Professor", "Cllr" (CONVENTIONS: a courtesy, not a
/// role), against those that are one ("Bishop", "Deacon", "Senator").
const COURTESY: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "cllr",
    "sir",
    "dame",
    "lord",
    "lady",
    "baron",
    "baroness",
    "rev",
    "revd",
    "reverend",
    "fr",
    "father",
    "sister",
    "brother",
    "hon",
    "honourable",
    "excellency",
    "his excellency",
    "her excellency",
    "sheikh",
    "comrade",
];

/// Rule `honorific-title`: an honorific that is also a post ("Deacon Mira Sokol", "Bishop
/// Ana Ruiz", "Senator Tom Hale") is a title the person holds.
fn honorific_title(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let Some(mut h) = p.hon else { return };
    // "Senator the Hon. A B": the title before the style the name's courtesy begins with.
    if h >= 2 && r.sents[s].is(h - 1, "the") && r.sents[s].toks[h - 2].is_cap() {
        h -= 2;
    }
    if h >= p.start {
        return;
    }
    let mut end = if r.sents[s].is_punct(p.start - 1, ".") {
        p.start - 1
    } else {
        p.start
    };
    // A style between the title and the name: "Senator the Hon. A B", "Dr. the Rt Hon A B".
    let mut e = end;
    while e > h
        && matches!(
            r.sents[s].toks[e - 1].lower().as_ref(),
            "hon" | "honourable" | "honorable" | "rt" | "right" | "." | "the"
        )
    {
        e -= 1;
    }
    if e > h && e < end && r.sents[s].is(e, "the") {
        end = e;
    }
    // Honorifics may follow one another ("Ven. Archdeacon A B", "Rev. Canon A B"): the post
    // is the longest run of them that ends at the name and is a role.
    let Some(start) = (h..end).find(|&k| {
        let words = r.text(s, k, end).to_lowercase();
        r.sents[s].toks[k].kind == Kind::Word
            && !COURTESY.contains(&words.as_str())
            && r.lx.is_role(&words)
    }) else {
        return;
    };
    let phrase = RolePhrase {
        start,
        end,
        org: None,
        place: None,
        constituency: false,
        next: p.start,
        indefinite: false,
        org_mention: None,
        place_mention: None,
        self_reference: false,
        former: false,
        territory_owned: false,
    };
    claim(r, s, person, &phrase, None, &rules::HONORIFIC_TITLE);
}

/// "X chair A B", "tenant board member A B", "Green MP A B".
/// Rule `office-of-before-name`: "Minister of Foreign Affairs of Norway A B", "the President
/// of the Republic of Chile A B", "Secretary General of the X Organization A B": a role whose
/// organisation or territory ends right where the name begins, with no comma between.
fn office_of_before_name(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let first = p.hon.unwrap_or(p.start);
    let sent = &r.sents[s];
    // Cheap tests first: a capitalised word (the organisation or territory) just before the
    // name, and a connector ("of", "for", "to") among the words before it.
    let from = first.saturating_sub(14);
    if first < 3
        || !sent.toks[first - 1].is_cap()
        || !sent.toks[from..first - 1]
            .iter()
            .any(|t| t.is("of") || t.is("for") || t.is("to"))
    {
        return;
    }
    for q in from..first - 2 {
        let sent = &r.sents[s];
        let t = &sent.toks[q];
        if !(t.is_cap() || t.is("the"))
            || sent.toks[q..first].iter().any(|t| t.kind != Kind::Word)
            || sent
                .mention_at(q)
                .is_some_and(|m| m.kind == Some(EntityKind::Person))
        {
            continue;
        }
        let Some(phrase) = role_at(r, s, q) else {
            continue;
        };
        let named = phrase.org.is_some()
            || phrase.org_mention.is_some()
            || phrase.place.is_some()
            || phrase.place_mention.is_some();
        if phrase.start == q && phrase.next == first && named && !phrase.indefinite {
            claim(r, s, person, &phrase, None, &rules::OFFICE_OF_BEFORE_NAME);
            return;
        }
    }
}

/// Rules `role-before-name` and `role-before-name-of-report-organisation`: the post written
/// right before the name ("FFN chair A B", "General Secretary A B", "Acme's chief executive A
/// B"), in the organisation before it or, a bare office in a report about one organisation,
/// in that one.
fn premodifier(r: &mut Reader, s: usize, p: &Mention, person: EntityId) {
    let first = p.hon.unwrap_or(p.start);
    let Some(mut phrase) = post_right_before(r, s, first) else {
        return;
    };
    let org = organisation_before_post(r, s, &mut phrase);
    let implicit = org
        .is_none()
        .then(|| office_of_report_organisation(r, s, &phrase))
        .flatten();
    let rule = if implicit.is_some() {
        &rules::ROLE_BEFORE_NAME_OF_REPORT_ORGANISATION
    } else {
        &rules::ROLE_BEFORE_NAME
    };
    claim(r, s, person, &phrase, org.or(implicit), rule);
}

/// The post that ends right before the name starting at `first` (a courtesy may stand
/// between: "Vice-Chancellor Professor A B"), reaching back far enough for a portfolio
/// ("Minister of Labour and Social Security A B"), and naming no body or place of its own.
fn post_right_before(r: &Reader, s: usize, first: usize) -> Option<RolePhrase> {
    for q in first.saturating_sub(8)..first {
        let sent = &r.sents[s];
        // No punctuation inside, and no verb of being: "the new executive are first vice
        // president A B" holds the post "first vice president", not "executive are …".
        if sent.toks[q..first].iter().any(|t| {
            t.kind != Kind::Word || matches!(t.lower().as_ref(), "is" | "are" | "was" | "were")
        }) {
            continue;
        }
        // A verb in -ing opens no role: "replacing veteran unionist A B" gives "veteran
        // unionist" (but "acting president", "managing director" are roles).
        let w = sent.toks[q].lower();
        if w.ends_with("ing")
            && !sent.toks[q].is_cap()
            && !sent.toks[q].lex.is_role_modifier()
            && !r.lx.is_role_prefix(&w)
        {
            continue;
        }
        let Some(mut phrase) = role_at(r, s, q) else {
            continue;
        };
        // "union president A B": the head word is the body, read from the role after it.
        if phrase.end > q + 1 && head_word_before(r, s, q + 1).is_some() {
            continue;
        }
        // "Vice-Chancellor Professor A B": the courtesy is no part of the role.
        while phrase.end > phrase.start + 1
            && COURTESY.contains(&sent.toks[phrase.end - 1].lower().as_ref())
        {
            phrase.end -= 1;
        }
        let courtesy_between = sent.toks[phrase.next.min(first)..first]
            .iter()
            .all(|t| t.is_punct(".") || COURTESY.contains(&t.lower().as_ref()));
        if courtesy_between
            && phrase.org.is_none()
            && phrase.place.is_none()
            && phrase.place_mention.is_none()
            && phrase.org_mention.is_none()
            && phrase.start == q
        {
            return Some(phrase);
        }
    }
    None
}

/// The organisation just before a post: "FFN chair A B", "Acme's chief executive A B", "the X
/// Union (XU) president A B", a head word ("union president"), or rule `its-role`: "the X
/// Union and its general secretary A B", "X, whose chair A B". Marks the post former when
/// "former" stood before the organisation ("the former Velby Union president A B").
fn organisation_before_post(r: &Reader, s: usize, phrase: &mut RolePhrase) -> Option<EntityId> {
    let sent = &r.sents[s];
    let q = phrase.start;
    let possessive = q >= 1 && sent.toks[q - 1].kind == Kind::Possessive;
    let org_end = if possessive { q - 1 } else { q };
    let org_end =
        if org_end >= 3 && sent.is_punct(org_end - 1, ")") && sent.is_punct(org_end - 3, "(") {
            org_end - 3
        } else {
            org_end
        };
    let org_mention = sent.mention_ending(org_end);
    phrase.former |= org_mention.is_some_and(|m| {
        m.kind == Some(EntityKind::Organization)
            && m.start >= 1
            && matches!(sent.toks[m.start - 1].lower().as_ref(), "former" | "past")
    });
    org_mention
        .and_then(|m| match (m.kind, m.entity) {
            (Some(EntityKind::Organization), Some(id)) => Some(id),
            _ => None,
        })
        .or_else(|| head_word_before(r, s, org_end))
        .or_else(|| {
            (org_end >= 1 && (sent.is(org_end - 1, "its") || whose_after_org(sent, org_end - 1)))
                .then(|| nearest_org_before(r, s, org_end - 1))
                .flatten()
        })
}

/// Rule `role-before-name-of-report-organisation`: a bare office of an organisation
/// ("General President A B", "International Rep A B") in a report about one organisation is a
/// post in it, written as a title, in sentence case opening the sentence ("General secretary A
/// B warned"), or in lower case after "the" or "our" ("our general secretary A B"); offices of
/// a territory stay titles. The report's organisation, when the post is one.
fn office_of_report_organisation(r: &Reader, s: usize, phrase: &RolePhrase) -> Option<EntityId> {
    let sent = &r.sents[s];
    let last = sent.toks[phrase.end - 1].lower();
    // A word of tenure before the title stays in lower case: "outgoing President A B".
    let tenure = |t: &Token| {
        matches!(
            t.lower().as_ref(),
            "outgoing" | "incoming" | "former" | "new" | "acting" | "interim"
        )
    };
    let words = &sent.toks[phrase.start..phrase.end];
    let titled =
        words.iter().enumerate().all(|(i, t)| {
            t.is_cap() || t.is_punct("-") || (phrase.start == 0 && i > 0) || tenure(t)
        }) && words.iter().any(|t| t.is_cap());
    let office = !phrase.self_reference
        && !phrase.territory_owned
        && (titled || definite_before(sent, phrase.start))
        && ORGANISATION_OFFICES.contains(&last.as_ref())
        && !named_before(sent, phrase.start)
        && qualifies_an_office(&sent.toks[phrase.start..phrase.end - 1]);
    office.then_some(r.main_org).flatten()
}
