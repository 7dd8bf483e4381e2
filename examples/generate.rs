//! Synthetic report generator for load-testing `ties`.
//!
//! Writes N fictional reports (conference write-ups, union news, press releases,
//! delegation diaries, rally reports) as .txt, .md (with YAML front matter) and
//! .html pages. People and organisations come from deterministic pools with a
//! Zipf-like skew, so the same entities recur across many reports.
//!
//!     cargo run --release --example generate -- --out DIR --count N [--seed S]
//!
//! Also writes DIR/.manifest.json with {count, seed, bytes} (hidden, so that
//! `ties ingest DIR` skips it).
//!
//! Everything here is invented: names are combined from short lists, places are
//! made up, and every sentence comes from the templates below.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

use clap::Parser;
use rayon::prelude::*;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(about = "Generate synthetic reports for ties")]
struct Args {
    /// Output directory (created if missing)
    #[arg(long)]
    out: PathBuf,
    /// Number of reports to write
    #[arg(long)]
    count: usize,
    /// Seed for the generator
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

// ---------------------------------------------------------------- PRNG

fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64, index: u64) -> Rng {
        Rng(mix(mix(seed ^ mix(stream)) ^ index))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    /// Zipf-like index in 0..n: density roughly proportional to 1/(i+1).
    fn zipf(&mut self, n: usize) -> usize {
        let x = ((n as f64 + 1.0).ln() * self.unit()).exp() - 1.0;
        (x as usize).min(n - 1)
    }
}

// ---------------------------------------------------------------- word lists

const GIVEN_F: &[&str] = &[
    "Ana",
    "Amara",
    "Chiara",
    "Fatima",
    "Ingrid",
    "Mei",
    "Priya",
    "Aoife",
    "Zanele",
    "Yuki",
    "Leila",
    "Olga",
    "Sofia",
    "Nadia",
    "Grace",
    "Rosa",
    "Hannah",
    "Wanjiru",
    "Ayesha",
    "Marta",
    "Elif",
    "Siobhan",
    "Thandiwe",
    "Camila",
    "Lucia",
    "Keiko",
    "Anjali",
    "Bronwen",
    "Dilnoza",
    "Esi",
    "Freya",
    "Gulnara",
    "Ilse",
    "Jasmin",
    "Kamala",
    "Lena",
    "Mariam",
    "Noor",
    "Oksana",
    "Paola",
    "Rukhsana",
    "Sana",
    "Tamar",
    "Ulla",
    "Valentina",
    "Ximena",
    "Yara",
    "Zofia",
    "Adaeze",
    "Beatriz",
    "Catrin",
    "Deepa",
    "Eun-ji",
    "Folake",
    "Greta",
    "Hiba",
    "Irene",
    "Johanna",
    "Kaveri",
    "Linh",
];

const GIVEN_M: &[&str] = &[
    "Tomas",
    "Kwame",
    "Rahul",
    "Diego",
    "Sean",
    "Mehmet",
    "Hiroshi",
    "Jonas",
    "Oluwaseun",
    "Ahmed",
    "Pavel",
    "Luca",
    "Mateo",
    "Emeka",
    "Arjun",
    "Bo",
    "Carlos",
    "Dmitri",
    "Erik",
    "Farid",
    "Gareth",
    "Hamid",
    "Ivan",
    "Jamal",
    "Kofi",
    "Lars",
    "Marek",
    "Nikhil",
    "Omar",
    "Pedro",
    "Rashid",
    "Samir",
    "Tariq",
    "Udo",
    "Viktor",
    "Wei",
    "Yusuf",
    "Zoltan",
    "Aled",
    "Bilal",
    "Cheng",
    "Dawit",
    "Enzo",
    "Finn",
    "Goran",
    "Haruto",
    "Idris",
    "Joaquin",
    "Kenji",
    "Leon",
    "Malik",
    "Niall",
    "Osei",
    "Raul",
    "Sipho",
    "Thabo",
    "Vikram",
    "Wojciech",
    "Xavier",
    "Yaw",
];

const SURNAMES: &[&str] = &[
    "Okafor",
    "Haddad",
    "Lindqvist",
    "Nakamura",
    "Castellanos",
    "O'Rourke",
    "Mwangi",
    "Kowalski",
    "Rahman",
    "Petrescu",
    "Achterberg",
    "Delgado",
    "Mensah",
    "Johansson",
    "Banerjee",
    "Takahashi",
    "Moreau",
    "Esposito",
    "Novak",
    "Oyelaran",
    "Fitzgerald",
    "Kaya",
    "Demir",
    "Ivanova",
    "Sorensen",
    "Nkemelu",
    "Quispe",
    "Varga",
    "Watanabe",
    "Zielinski",
    "Abernethy",
    "Bellamy",
    "Chaudhry",
    "Dlamini",
    "Eriksen",
    "Fonseca",
    "Gallagher",
    "Hakimi",
    "Iwu",
    "Jablonski",
    "Kariuki",
    "Lefebvre",
    "Maddox",
    "Nair",
    "Ortega",
    "Pillay",
    "Quinlan",
    "Rossetti",
    "Szabo",
    "Tembo",
    "Ueda",
    "Vasquez",
    "Whitlock",
    "Xu",
    "Yilmaz",
    "Zapata",
    "Adeyemi",
    "Brennan",
    "Cardoso",
    "Dubois",
    "Ekwueme",
    "Falkner",
    "Gunawardena",
    "Hollis",
    "Ismail",
    "Jovanovic",
    "Kerrigan",
    "Lomax",
    "Mbeki",
    "Nordin",
    "Otieno",
    "Prasad",
    "Reyes",
    "Sato",
    "Tran",
    "Umarov",
    "Vance",
    "Wekesa",
    "Yadav",
    "Zimmermann",
    "Aldous",
    "Baptiste",
    "Corrigan",
    "Dunmore",
    "Esteves",
    "Farrow",
    "Gathoni",
    "Hendricks",
    "Ilunga",
    "Jorgensen",
    "Kamau",
    "Lachance",
    "Moyo",
    "Nwosu",
    "Okonkwo",
    "Pereira",
    "Rautio",
    "Sandoval",
    "Thorsen",
    "Uchenna",
    "Valdivia",
    "Wainwright",
    "Ybarra",
    "Zorrilla",
];

const PLACES: &[&str] = &[
    "Northvale",
    "Ashbridge",
    "Kellford",
    "Marrowby",
    "Dunhallow",
    "Brackenmoor",
    "Saltmere",
    "Orrin Bay",
    "Calderwick",
    "Fenmouth",
    "Greyhaven",
    "Lowmarsh",
    "Westerleigh",
    "Tamsford",
    "Ravensholt",
    "Kilbrae",
    "Port Ellery",
    "Stonebury",
    "Eastwyn",
    "Velmora",
    "Casterfield",
    "Santa Rivara",
    "Nova Selva",
    "Kisavu",
    "Mbaleko",
    "Tarvik",
    "Lindholm",
    "Jarvaby",
    "Coldharbour Vale",
    "Pennock",
    "Aldermoor",
    "Brynafon",
    "Querrin",
    "Hollowmere",
    "Ostwick",
    "Sundrey",
    "Marlo Point",
    "Upper Teswick",
    "Kaluma",
    "Riverside Hallam",
];

const ADJ_UNION: &[&str] = &[
    "Tenants'",
    "Nurses'",
    "Teachers'",
    "Transport Workers'",
    "Renters'",
    "Care Workers'",
    "Dockers'",
    "Warehouse Workers'",
    "Cleaners'",
    "Bus Drivers'",
    "Postal Workers'",
    "Library Workers'",
    "Hospitality Workers'",
    "Food Workers'",
];
const HEAD_UNION: &[&str] = &["Union", "Association", "Federation", "Guild"];

const ADJ_CAMPAIGN: &[&str] = &[
    "Community",
    "Clean Air",
    "Rivers",
    "Allotment",
    "Cycling",
    "Fair Rent",
    "Food Bank",
    "Climate",
    "Housing",
    "Refugee Welcome",
    "Green Spaces",
    "Disability Rights",
    "Youth",
];
const HEAD_CAMPAIGN: &[&str] = &[
    "Network",
    "Alliance",
    "Coalition",
    "Forum",
    "Action Group",
    "Trust",
    "Collective",
    "Society",
];

const TOPICS: &[&str] = &[
    "Fair Housing",
    "Water Justice",
    "Labour Studies",
    "Public Health Policy",
    "Urban Transport",
    "Climate Adaptation",
    "Social Care",
    "Energy Democracy",
    "Workers' Education",
    "Migration Research",
    "Food Security",
    "Rural Development",
    "Digital Rights",
    "Community Ownership",
    "Occupational Health",
];

const SURNAME_FOUNDATIONS: &[&str] = &["Foundation", "Trust", "Fund"];

// ---------------------------------------------------------------- pools

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Union,
    Campaign,
    Institute,
    Council,
    Employer(usize),
    University,
    Funder,
}

struct Employer {
    pattern: &'static str,
    jobs: &'static [&'static str],
    bosses: &'static [&'static str],
}

const EMPLOYERS: &[Employer] = &[
    Employer {
        pattern: "{P} General Hospital",
        jobs: &[
            "nurse",
            "midwife",
            "porter",
            "paramedic",
            "junior doctor",
            "ward clerk",
        ],
        bosses: &["Chief Executive", "Medical Director", "Director of Nursing"],
    },
    Employer {
        pattern: "{P} Academy",
        jobs: &[
            "teacher",
            "teaching assistant",
            "school librarian",
            "science technician",
        ],
        bosses: &["Headteacher", "Deputy Head"],
    },
    Employer {
        pattern: "{P} Bus Company",
        jobs: &["bus driver", "mechanic", "ticket inspector"],
        bosses: &["Managing Director", "Operations Director"],
    },
    Employer {
        pattern: "{P} Distribution Centre",
        jobs: &["warehouse worker", "forklift driver", "picker"],
        bosses: &["Site Manager", "General Manager"],
    },
    Employer {
        pattern: "{P} Care Home",
        jobs: &["care worker", "cook", "night carer"],
        bosses: &["Registered Manager", "Director"],
    },
    Employer {
        pattern: "{P} Law Centre",
        jobs: &["housing solicitor", "caseworker", "paralegal"],
        bosses: &["Director", "Managing Solicitor"],
    },
];

const ROLES_UNION: &[&str] = &[
    "General Secretary",
    "President",
    "Vice-President",
    "Branch Secretary",
    "Regional Organiser",
    "Treasurer",
    "Health and Safety Officer",
    "Deputy General Secretary",
];
const ROLES_CAMPAIGN: &[&str] = &[
    "Coordinator",
    "Chair",
    "Campaigns Officer",
    "Spokesperson",
    "Secretary",
    "Founder",
];
const ROLES_INSTITUTE: &[&str] = &[
    "Director",
    "Senior Fellow",
    "Research Director",
    "Policy Analyst",
    "Head of Research",
];
const ROLES_COUNCIL: &[&str] = &[
    "Leader",
    "Councillor",
    "Cabinet Member for Housing",
    "Deputy Mayor",
    "Cabinet Member for Transport",
];
const ROLES_UNIVERSITY: &[&str] = &[
    "Professor of Sociology",
    "Senior Lecturer in Law",
    "Vice-Chancellor",
    "Professor of Public Health",
    "Lecturer in Economics",
];
const ROLES_FUNDER: &[&str] = &["Programme Director", "Chief Executive", "Grants Manager"];

struct Org {
    name: String,
    kind: Kind,
    place: usize,
}

fn make_org(seed: u64, i: usize) -> Org {
    let mut r = Rng::new(seed, 2, i as u64);
    let place = r.below(PLACES.len());
    let p = PLACES[place];
    let roll = r.below(100);
    let (name, kind) = if roll < 30 {
        let name = format!("{p} {} {}", r.pick(ADJ_UNION), r.pick(HEAD_UNION));
        (name, Kind::Union)
    } else if roll < 55 {
        let name = format!("{p} {} {}", r.pick(ADJ_CAMPAIGN), r.pick(HEAD_CAMPAIGN));
        (name, Kind::Campaign)
    } else if roll < 65 {
        let head = r.pick(&["Institute for", "Centre for", "Observatory for"]);
        let name = if r.chance(0.5) {
            format!("{head} {}", r.pick(TOPICS))
        } else {
            format!("{p} {head} {}", r.pick(TOPICS))
        };
        (name, Kind::Institute)
    } else if roll < 72 {
        let head = r.pick(&["City Council", "Borough Council", "District Council"]);
        (format!("{p} {head}"), Kind::Council)
    } else if roll < 90 {
        let e = r.below(EMPLOYERS.len());
        (EMPLOYERS[e].pattern.replace("{P}", p), Kind::Employer(e))
    } else if roll < 95 {
        (format!("University of {p}"), Kind::University)
    } else {
        let name = format!("{} {}", r.pick(SURNAMES), r.pick(SURNAME_FOUNDATIONS));
        (name, Kind::Funder)
    };
    Org { name, kind, place }
}

struct Person {
    name: String,
    surname: String,
    female: bool,
    age: usize,
    org: usize,
    role: String,
    /// an occupation ("nurse") for rank-and-file people at employers
    job: Option<String>,
    /// a former role: (role, org)
    former: Option<(String, usize)>,
    /// MP for this place
    mp_for: Option<usize>,
}

struct World {
    seed: u64,
    orgs: Vec<Org>,
    n_people: usize,
}

impl World {
    fn person(&self, i: usize) -> Person {
        let mut r = Rng::new(self.seed, 1, i as u64);
        let female = r.chance(0.5);
        let given = if female {
            r.pick(GIVEN_F)
        } else {
            r.pick(GIVEN_M)
        };
        let mut surname = r.pick(SURNAMES).to_string();
        if r.chance(0.25) {
            let second = r.pick(SURNAMES);
            if second != surname {
                let sep = if r.chance(0.5) { "-" } else { " " };
                surname = format!("{surname}{sep}{second}");
            }
        }
        let name = format!("{given} {surname}");
        let org = r.zipf(self.orgs.len());
        let kind = self.orgs[org].kind;
        let mut job = None;
        let role = match kind {
            Kind::Union => r.pick(ROLES_UNION).to_string(),
            Kind::Campaign => r.pick(ROLES_CAMPAIGN).to_string(),
            Kind::Institute => r.pick(ROLES_INSTITUTE).to_string(),
            Kind::Council => r.pick(ROLES_COUNCIL).to_string(),
            Kind::University => r.pick(ROLES_UNIVERSITY).to_string(),
            Kind::Funder => r.pick(ROLES_FUNDER).to_string(),
            Kind::Employer(e) => {
                let emp = &EMPLOYERS[e];
                if r.chance(0.75) {
                    let j = r.pick(emp.jobs).to_string();
                    let title = capitalise(&j);
                    job = Some(j);
                    title
                } else {
                    r.pick(emp.bosses).to_string()
                }
            }
        };
        let former = if r.chance(0.12) {
            let o = r.zipf(self.orgs.len());
            let fr = match self.orgs[o].kind {
                Kind::Union => r.pick(ROLES_UNION),
                Kind::Council => r.pick(ROLES_COUNCIL),
                Kind::Institute => r.pick(ROLES_INSTITUTE),
                _ => r.pick(ROLES_CAMPAIGN),
            };
            (o != org).then(|| (fr.to_string(), o))
        } else {
            None
        };
        let mp_for = (job.is_none() && r.chance(0.03)).then(|| r.below(PLACES.len()));
        Person {
            name,
            surname,
            female,
            age: r.range(22, 71),
            org,
            role,
            job,
            former,
            mp_for,
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        Some('a' | 'e' | 'i' | 'o' | 'u' | 'A' | 'E' | 'I' | 'O' | 'U') => "an",
        _ => "a",
    }
}

// ---------------------------------------------------------------- text pieces

const DEMANDS: &[&str] = &[
    "a cap on rent rises",
    "safe staffing on every ward",
    "a real living wage",
    "free school meals for every child",
    "clean rivers by the end of the decade",
    "an end to zero-hours contracts",
    "secure tenancies",
    "publicly owned buses",
    "a proper pay rise for care staff",
    "warm homes before winter",
    "sick pay from the first day",
    "a fair deal for agency workers",
];

const SESSION_TOPICS: &[&str] = &[
    "Organising in the private rented sector",
    "Winning on pay",
    "Health and safety after the pandemic",
    "Climate jobs and a just transition",
    "Building alliances with community groups",
    "Young workers and insecure contracts",
    "Public transport as a public good",
    "Water, land and local democracy",
    "Women in the workplace",
    "Campaigning online and on the doorstep",
    "International solidarity",
    "Housing and health",
];

const QUOTES: &[&str] = &[
    "We are not asking for charity. We are asking for {demand}",
    "Every week we hear from members who cannot wait any longer for {demand}",
    "Nobody in {place} should have to choose between heating and eating",
    "This is the biggest turnout we have seen in years, and it shows people are ready to act",
    "When we organise together, we win. That is the lesson of the last twelve months",
    "The government has had every chance to act. Now it is up to us",
    "Our members did not cause this crisis, and they should not be made to pay for it",
    "We have the evidence, we have the support, and now we need the political will",
    "What happens in {place} today will be copied across the country tomorrow",
    "I have worked here for eleven years and I have never seen morale this low",
    "I did everything right and I still lost my home",
    "This campaign was built street by street and it belongs to the people who built it",
    "If the figures do not change by the spring, we will be back here in greater numbers",
    "Solidarity is not a slogan. It is what we do for each other on a Tuesday afternoon",
    "We want {demand}, and we want it written down",
    "The young people in this room are the reason I am hopeful",
];

const OPEN_VERBS: &[&str] = &[
    "opened the conference",
    "opened the proceedings",
    "welcomed delegates",
    "gave the opening address",
];

const SAY_VERBS: &[&str] = &[
    "said",
    "told delegates",
    "argued",
    "warned",
    "told the meeting",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const NUMBER_WORDS: &[&str] = &[
    "two hundred",
    "three hundred",
    "four hundred",
    "five hundred",
    "six hundred",
    "eight hundred",
    "a thousand",
    "fifteen hundred",
];

// ---------------------------------------------------------------- report building

enum Block {
    H(String),
    P(String),
    L(Vec<String>),
}

struct Report {
    title: String,
    date: (usize, usize, usize),
    place: usize,
    tags: Vec<&'static str>,
    blocks: Vec<Block>,
}

struct Ctx<'a> {
    w: &'a World,
    r: Rng,
    seen: Vec<usize>,
    place: usize,
}

impl Ctx<'_> {
    fn pick_person(&mut self) -> (usize, Person) {
        // avoid repeating someone already in this report when possible
        for _ in 0..8 {
            let i = self.r.zipf(self.w.n_people);
            if !self.seen.contains(&i) {
                self.seen.push(i);
                return (i, self.w.person(i));
            }
        }
        let i = self.r.below(self.w.n_people);
        self.seen.push(i);
        (i, self.w.person(i))
    }

    fn pick_org(&mut self) -> usize {
        self.r.zipf(self.w.orgs.len())
    }

    /// A Zipf-chosen organisation whose kind passes `ok` (falls back to any).
    fn pick_org_where(&mut self, ok: fn(Kind) -> bool) -> usize {
        for _ in 0..40 {
            let o = self.pick_org();
            if ok(self.w.orgs[o].kind) {
                return o;
            }
        }
        self.pick_org()
    }

    /// "chair of the X" or "a nurse at the X"
    fn desc(&self, p: &Person) -> String {
        let o = self.org(p.org);
        match &p.job {
            Some(j) => format!("{} {j} at the {o}", article(j)),
            None => format!("{} of the {o}", p.role.to_lowercase()),
        }
    }

    fn org(&self, i: usize) -> &str {
        &self.w.orgs[i].name
    }

    fn quote(&mut self) -> String {
        let q = self.r.pick(QUOTES);
        q.replace("{demand}", self.r.pick(DEMANDS))
            .replace("{place}", PLACES[self.place])
    }

    /// A full introduction of a person as the subject of a sentence, followed by
    /// a verb phrase (e.g. "said that ...").
    fn intro(&mut self, p: &Person, vp: &str) -> String {
        let o = self.org(p.org).to_string();
        if let Some(job) = &p.job {
            return match self.r.below(3) {
                0 => format!(
                    "{}, {}, {} {job} at the {o}, {vp}",
                    p.name,
                    p.age,
                    article(job)
                ),
                1 => format!("{}, {} {job} at the {o}, {vp}", p.name, article(job)),
                _ => format!("{} of the {o} {vp}", p.name),
            };
        }
        if let Some(place) = p.mp_for {
            if self.r.chance(0.7) {
                return format!(
                    "{} of the {o} and MP for {}, {}, {vp}",
                    p.role, PLACES[place], p.name
                );
            }
        }
        if let Some((fr, fo)) = &p.former {
            if self.r.chance(0.4) {
                let fo = self.org(*fo).to_string();
                return format!(
                    "{}, a former {} of the {fo} who is now {} of the {o}, {vp}",
                    p.name,
                    fr.to_lowercase(),
                    p.role.to_lowercase()
                );
            }
        }
        match self.r.below(5) {
            0 => format!("{} of the {o}, {}, {vp}", p.role, p.name),
            1 => format!("{}, {} of the {o}, {vp}", p.name, p.role.to_lowercase()),
            2 => format!("The {o}'s {}, {}, {vp}", p.role.to_lowercase(), p.name),
            3 => format!("{} of the {o} {vp}", p.name),
            _ => format!("{}, {} at the {o}, {vp}", p.name, p.role),
        }
    }

    fn list_item(&mut self, p: &Person) -> String {
        let o = self.org(p.org).to_string();
        match self.r.below(4) {
            0 | 1 => format!("{} ({}, {o})", p.name, p.role),
            2 => format!("{}, {o}", p.name),
            _ => format!("{}, {}, {o}", p.name, p.role),
        }
    }

    fn pronoun(p: &Person) -> &'static str {
        if p.female {
            "she"
        } else {
            "he"
        }
    }

    /// A paragraph: introduction plus a quote, attributed in varied ways.
    fn speech(&mut self, p: &Person) -> String {
        let q = self.quote();
        let demand = self.r.pick(DEMANDS);
        let verb = self.r.pick(SAY_VERBS);
        let q2 = self.quote();
        match self.r.below(5) {
            0 => {
                let a = self.intro(
                    p,
                    &format!("{verb} that the case for {demand} had never been stronger."),
                );
                format!("{a} \"{q},\" {} said.", Self::pronoun(p))
            }
            1 => {
                let a = self.intro(p, &format!("told delegates: \"{q}.\""));
                format!(
                    "{a} {} added that the next step would be a ballot.",
                    p.surname
                )
            }
            2 => {
                let a = self.intro(p, "spoke next.");
                format!("{a} \"{q},\" said {}. \"{q2}.\"", p.surname)
            }
            3 => {
                let a = self.intro(p, &format!("{verb} that members wanted {demand}."));
                format!("{a} \"{q},\" {} said.", p.surname)
            }
            _ => {
                let a = self.intro(p, "said the turnout showed how much had changed.");
                format!("{a} \"{q},\" {} added.", p.surname)
            }
        }
    }

    fn panel(&mut self, blocks: &mut Vec<Block>) {
        let topic = self.r.pick(SESSION_TOPICS);
        let head = if self.r.chance(0.7) {
            "Panel"
        } else {
            "Workshop"
        };
        blocks.push(Block::H(format!("{head}: {topic}")));
        let (_, chair) = self.pick_person();
        let chair_org = self.org(chair.org).to_string();
        let verb = if self.r.chance(0.5) {
            "chaired"
        } else {
            "moderated"
        };
        let n = self.r.range(2, 4);
        let speakers: Vec<Person> = (0..n).map(|_| self.pick_person().1).collect();
        let lead = match self.r.below(3) {
            0 => format!(
                "The session was {verb} by {}, {}. The speakers were:",
                chair.name,
                self.desc(&chair)
            ),
            1 => format!(
                "{} of the {chair_org} {verb} the session, which heard from:",
                chair.name
            ),
            _ => format!(
                "{}, {}, {verb} a panel with:",
                chair.name,
                self.desc(&chair)
            ),
        };
        blocks.push(Block::P(lead));
        let items = speakers.iter().map(|s| self.list_item(s)).collect();
        blocks.push(Block::L(items));
        for s in speakers.iter().take(2) {
            let q = self.quote();
            let t = match self.r.below(3) {
                0 => format!(
                    "{} spoke about {}. \"{q},\" {} said.",
                    s.name,
                    topic.to_lowercase(),
                    Self::pronoun(s)
                ),
                1 => format!("\"{q},\" said {}.", s.surname),
                _ => format!("{} told the panel: \"{q}.\"", s.surname),
            };
            blocks.push(Block::P(t));
        }
    }

    fn motion(&mut self, blocks: &mut Vec<Block>) {
        let (_, mover) = self.pick_person();
        let (_, seconder) = self.pick_person();
        let demand = self.r.pick(DEMANDS);
        let mo = self.org(mover.org).to_string();
        let outcome = self.r.pick(&[
            "carried unanimously",
            "carried by a large majority",
            "carried after a card vote",
            "remitted to the executive",
        ]);
        blocks.push(Block::P(format!(
            "A motion calling for {demand} was moved by {} of the {mo} and seconded by {}, {}. It was {outcome}.",
            mover.name, seconder.name, self.desc(&seconder)
        )));
        let q = self.quote();
        blocks.push(Block::P(format!(
            "Moving the motion, {} said: \"{q}.\"",
            mover.surname
        )));
    }

    fn date(&mut self) -> (usize, usize, usize) {
        (
            self.r.range(2019, 2025),
            self.r.range(1, 12),
            self.r.range(1, 28),
        )
    }
}

fn fmt_date(d: (usize, usize, usize)) -> String {
    format!("{} {} {}", d.2, MONTHS[d.1 - 1], d.0)
}

fn conference(c: &mut Ctx, target: usize) -> Report {
    let host = c.pick_org_where(|k| matches!(k, Kind::Union | Kind::Campaign | Kind::Institute));
    let host_name = c.org(host).to_string();
    let date = c.date();
    let place = c.w.orgs[host].place;
    c.place = place;
    let year = date.0;
    let event = format!("{host_name} Annual Conference {year}");
    let demand = c.r.pick(DEMANDS);
    let title = match c.r.below(3) {
        0 => format!("{event}: delegates back call for {demand}"),
        1 => format!("Report from the {event}"),
        _ => format!("{} conference votes for {demand}", host_name),
    };
    let mut blocks = vec![Block::P(format!(
        "More than {} delegates gathered in {} on {} for the {event}, organised by the {host_name}.",
        c.r.pick(NUMBER_WORDS),
        PLACES[place],
        fmt_date(date)
    ))];
    blocks.push(Block::H("Opening plenary".into()));
    let (_, opener) = c.pick_person();
    let verb = c.r.pick(OPEN_VERBS);
    let q = c.quote();
    let s = c.intro(&opener, &format!("{verb}."));
    blocks.push(Block::P(format!(
        "{s} \"{q},\" {} said.",
        Ctx::pronoun(&opener)
    )));
    let (_, p2) = c.pick_person();
    blocks.push(Block::P(c.speech(&p2)));
    let mut size = 600;
    while size < target {
        let before = blocks.len();
        match c.r.below(4) {
            0 | 1 => c.panel(&mut blocks),
            2 => {
                blocks.push(Block::H("Motions".into()));
                c.motion(&mut blocks);
            }
            _ => {
                let (_, p) = c.pick_person();
                blocks.push(Block::P(c.speech(&p)));
            }
        }
        size += blocks[before..].iter().map(block_len).sum::<usize>();
    }
    blocks.push(Block::H("Closing session".into()));
    let (_, closer) = c.pick_person();
    let s = c.intro(
        &closer,
        "closed the conference, thanking the stewards and the staff of the venue.",
    );
    blocks.push(Block::P(s));
    let (_, att) = c.pick_person();
    blocks.push(Block::P(format!(
        "The conference was also attended by {}, {}, and observers from several sister organisations.",
        att.name,
        c.desc(&att)
    )));
    Report {
        title,
        date,
        place,
        tags: vec!["conference", "delegates"],
        blocks,
    }
}

fn rally(c: &mut Ctx, target: usize) -> Report {
    let host = c.pick_org_where(|k| matches!(k, Kind::Union | Kind::Campaign));
    let host_name = c.org(host).to_string();
    let date = c.date();
    let place = c.w.orgs[host].place;
    c.place = place;
    let demand = c.r.pick(DEMANDS);
    let title = format!(
        "{} march through {} for {demand}",
        capitalise(c.r.pick(NUMBER_WORDS)),
        PLACES[place]
    );
    let ally = c.pick_org();
    let mut blocks = vec![Block::P(format!(
        "Around {} people joined the march on {}, which was organised by the {host_name} together with the {}.",
        c.r.pick(NUMBER_WORDS),
        fmt_date(date),
        c.org(ally)
    ))];
    blocks.push(Block::H("Who spoke".into()));
    blocks.push(Block::P("The rally heard from:".into()));
    let n = c.r.range(3, 6);
    let speakers: Vec<Person> = (0..n).map(|_| c.pick_person().1).collect();
    let items = speakers.iter().map(|s| c.list_item(s)).collect();
    blocks.push(Block::L(items));
    let mut size = 500;
    let mut i = 0;
    while size < target {
        let p = if i < speakers.len() {
            i += 1;
            c.w.person(c.seen[i - 1])
        } else {
            c.pick_person().1
        };
        let t = c.speech(&p);
        size += t.len();
        blocks.push(Block::P(t));
    }
    let (_, org_p) = c.pick_person();
    blocks.push(Block::P(format!(
        "The march was organised by {}, who said a further day of action would follow.",
        org_p.name
    )));
    Report {
        title,
        date,
        place,
        tags: vec!["rally", "campaign"],
        blocks,
    }
}

fn press_release(c: &mut Ctx, target: usize) -> Report {
    let host = c.pick_org_where(|k| !matches!(k, Kind::Employer(_)));
    let host_name = c.org(host).to_string();
    let date = c.date();
    let place = c.w.orgs[host].place;
    c.place = place;
    let demand = c.r.pick(DEMANDS);
    let title = format!("{host_name} launches campaign for {demand}");
    let mut blocks = vec![
        Block::P("FOR IMMEDIATE RELEASE".into()),
        Block::P(format!(
            "{}, {} — The {host_name} today launched a campaign for {demand}, backed by {} local groups.",
            PLACES[place].to_uppercase(),
            fmt_date(date),
            c.r.range(5, 40)
        )),
    ];
    let (_, lead) = c.pick_person();
    blocks.push(Block::P(c.speech(&lead)));
    let mut size = 500;
    while size < target.min(4000) {
        let (_, p) = c.pick_person();
        let t = c.speech(&p);
        size += t.len();
        blocks.push(Block::P(t));
    }
    blocks.push(Block::H("NOTES TO EDITORS".into()));
    blocks.push(Block::P(format!(
        "1. The {host_name} was founded in {} and is based in {}.",
        c.r.range(1950, 2018),
        PLACES[place]
    )));
    let since = c.r.range(2010, 2024);
    blocks.push(Block::P(format!(
        "2. {} has been {} since {}.",
        lead.name,
        c.desc(&lead),
        since
    )));
    blocks.push(Block::H("MEDIA CONTACT".into()));
    let (_, contact) = c.pick_person();
    blocks.push(Block::P(format!(
        "{}, Press Officer, {host_name}",
        contact.name
    )));
    Report {
        title,
        date,
        place,
        tags: vec!["press release"],
        blocks,
    }
}

fn diary(c: &mut Ctx, target: usize) -> Report {
    let host = c.pick_org_where(|k| matches!(k, Kind::Union | Kind::Campaign));
    let host_name = c.org(host).to_string();
    let date = c.date();
    let place = c.r.below(PLACES.len());
    c.place = place;
    let title = format!("Solidarity delegation to {}: a diary", PLACES[place]);
    let (_, leader) = c.pick_person();
    let mut blocks = vec![Block::P(format!(
        "In {} {}, a delegation from the {host_name} travelled to {} to meet trade unionists and community organisers. The delegation was led by {}, {}.",
        MONTHS[date.1 - 1],
        date.0,
        PLACES[place],
        leader.name,
        c.desc(&leader)
    ))];
    let mut size = 400;
    let mut day = 1;
    while size < target {
        blocks.push(Block::H(format!(
            "Day {day} — {}",
            PLACES[c.r.below(PLACES.len())]
        )));
        day += 1;
        let (_, p) = c.pick_person();
        let o = c.org(p.org).to_string();
        let q = c.quote();
        let t = match c.r.below(3) {
            0 => format!(
                "We met {}, {}, who showed us round. \"{q},\" {} told us.",
                p.name,
                c.desc(&p),
                Ctx::pronoun(&p)
            ),
            1 => format!(
                "In the afternoon we attended a meeting organised by the {o}. {} of the {o}, {}, spoke about the dispute. \"{q},\" {} said.",
                p.role, p.name, p.surname
            ),
            _ => {
                let s = c.intro(&p, "joined us for dinner and described the campaign.");
                format!("{s} \"{q}.\"")
            }
        };
        size += t.len();
        blocks.push(Block::P(t));
        if c.r.chance(0.5) {
            let (_, p) = c.pick_person();
            let t = c.speech(&p);
            size += t.len();
            blocks.push(Block::P(t));
        }
    }
    Report {
        title,
        date,
        place,
        tags: vec!["delegation", "solidarity"],
        blocks,
    }
}

fn union_news(c: &mut Ctx, target: usize) -> Report {
    let host = c.pick_org_where(|k| k == Kind::Union);
    let host_name = c.org(host).to_string();
    let date = c.date();
    let place = c.w.orgs[host].place;
    c.place = place;
    let demand = c.r.pick(DEMANDS);
    let title = format!("Members of the {host_name} vote for action over {demand}");
    let (_, gs) = c.pick_person();
    let mut blocks = vec![Block::P(format!(
        "Members of the {host_name} in {} have voted for industrial action in a dispute over {demand}, the union announced on {}.",
        PLACES[place],
        fmt_date(date)
    ))];
    blocks.push(Block::P(c.speech(&gs)));
    let mut size = 400;
    while size < target {
        let (_, p) = c.pick_person();
        let t = c.speech(&p);
        size += t.len();
        blocks.push(Block::P(t));
        if c.r.chance(0.3) {
            c.motion(&mut blocks);
            size += 300;
        }
    }
    Report {
        title,
        date,
        place,
        tags: vec!["union", "news"],
        blocks,
    }
}

fn block_len(b: &Block) -> usize {
    match b {
        Block::H(s) | Block::P(s) => s.len() + 2,
        Block::L(v) => v.iter().map(|s| s.len() + 3).sum(),
    }
}

// ---------------------------------------------------------------- rendering

fn render_txt(r: &Report) -> String {
    let mut s = format!("{}\n\n{}\n\n", r.title, fmt_date(r.date));
    for b in &r.blocks {
        match b {
            Block::H(h) => s += &format!("{h}\n\n"),
            Block::P(p) => s += &format!("{p}\n\n"),
            Block::L(v) => {
                for i in v {
                    s += &format!("- {i}\n");
                }
                s += "\n";
            }
        }
    }
    s
}

fn render_md(r: &Report, n: usize) -> String {
    let (y, m, d) = r.date;
    let mut s = format!(
        "---\ntitle: \"{}\"\ndate: {y:04}-{m:02}-{d:02}\nurl: https://news.example.org/{y}/{m:02}/report-{n}\nauthor: Staff reporter\ntags: [{}]\n---\n\n# {}\n\n",
        r.title.replace('"', "'"),
        r.tags.join(", "),
        r.title
    );
    for b in &r.blocks {
        match b {
            Block::H(h) => s += &format!("## {h}\n\n"),
            Block::P(p) => s += &format!("{p}\n\n"),
            Block::L(v) => {
                for i in v {
                    s += &format!("- {i}\n");
                }
                s += "\n";
            }
        }
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn render_html(r: &Report, n: usize) -> String {
    let (y, m, d) = r.date;
    let t = esc(&r.title);
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{t} | The {} Courier</title>\n<meta property=\"og:title\" content=\"{}\">\n<meta property=\"article:published_time\" content=\"{y:04}-{m:02}-{d:02}T10:00:00Z\">\n</head>\n<body>\n<header class=\"site-header\">\n<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/campaigns\">Campaigns</a></li><li><a href=\"/about\">About us</a></li></ul></nav>\n</header>\n<main>\n<article>\n<h1>{t}</h1>\n<p class=\"byline\">By Staff reporter &middot; <time datetime=\"{y:04}-{m:02}-{d:02}\">{}</time></p>\n",
        PLACES[r.place],
        t.replace('"', "&quot;"),
        fmt_date(r.date)
    );
    for b in &r.blocks {
        match b {
            Block::H(h) => s += &format!("<h2>{}</h2>\n", esc(h)),
            Block::P(p) => s += &format!("<p>{}</p>\n", esc(p)),
            Block::L(v) => {
                s += "<ul>\n";
                for i in v {
                    s += &format!("<li>{}</li>\n", esc(i));
                }
                s += "</ul>\n";
            }
        }
    }
    s += &format!(
        "</article>\n</main>\n<footer class=\"site-footer\"><p>&copy; {y} The {} Courier. All rights reserved.</p><p><a href=\"/privacy\">Privacy</a> &middot; <a href=\"/contact\">Contact</a> &middot; article {n}</p></footer>\n</body>\n</html>\n",
        PLACES[r.place]
    );
    s
}

/// Builds and renders report `n` (1-based). Returns (extension, text).
fn generate(w: &World, n: usize) -> (&'static str, String) {
    let mut r = Rng::new(w.seed, 3, n as u64);
    let fmt = r.unit();
    let target = r.range(900, 6200);
    let genre = r.below(10);
    let mut c = Ctx {
        w,
        r,
        seen: Vec::new(),
        place: 0,
    };
    let mut rep = match genre {
        0..=2 => conference(&mut c, target),
        3 | 4 => rally(&mut c, target),
        5 | 6 => union_news(&mut c, target),
        7 => press_release(&mut c, target),
        _ => diary(&mut c, target),
    };
    let render = |rep: &Report| -> (&'static str, String) {
        if fmt < 0.80 {
            ("txt", render_txt(rep))
        } else if fmt < 0.95 {
            ("md", render_md(rep, n))
        } else {
            ("html", render_html(rep, n))
        }
    };
    let mut out = render(&rep);
    // keep every file within 1–8 KB
    while out.1.len() > 8000 && rep.blocks.len() > 3 {
        let drop = rep.blocks.len() - 2;
        rep.blocks.remove(drop);
        out = render(&rep);
    }
    while out.1.len() < 1024 {
        let (_, p) = c.pick_person();
        let t = c.speech(&p);
        rep.blocks.push(Block::P(t));
        out = render(&rep);
    }
    out
}

fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = fs::File::create(path)?;
    f.write_all(text.as_bytes())
}

/// The manifest is a hidden file: `ties ingest DIR` walks folders and would read a visible
/// `manifest.json` as JSON-LD (Oxigraph maps `.json` to JSON-LD) and fail on it.
const MANIFEST: &str = ".manifest.json";

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    fs::create_dir_all(&args.out)?;
    let n_people = (args.count / 5).max(50);
    let n_orgs = (args.count * 3 / 100).max(20);
    let orgs = (0..n_orgs).map(|i| make_org(args.seed, i)).collect();
    let world = World {
        seed: args.seed,
        orgs,
        n_people,
    };

    let bytes: u64 = (1..=args.count)
        .into_par_iter()
        .map(|n| -> std::io::Result<u64> {
            let (ext, text) = generate(&world, n);
            let path = args.out.join(format!("report-{n:06}.{ext}"));
            write_file(&path, &text)?;
            Ok(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;

    let manifest = serde_json::json!({
        "count": args.count,
        "seed": args.seed,
        "bytes": bytes,
        "people": n_people,
        "organisations": n_orgs,
    });
    fs::write(
        args.out.join(MANIFEST),
        serde_json::to_string_pretty(&manifest).map_err(std::io::Error::other)? + "\n",
    )?;
    eprintln!(
        "wrote {} files, {} bytes to {}",
        args.count,
        bytes,
        args.out.display()
    );
    Ok(())
}
