//! The extractor's claim rules, each a named unit: what it reads, what it claims, how sure it
//! is, and sentences it must fire on. Every affiliation, title, participation and quotation the
//! extractor makes carries one of these in its evidence, so `ties extract --explain` and
//! `scripts/rule_precision.py` can say which rule made each claim and how often each is right.
//!
//! The rules' code lives with the pass that applies them (`roles`, `events`, `quotes`); this
//! module is only their register. It knows no tokens, sentences or entities.

/// What a rule claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claims {
    /// A membership of an organisation (with or without a role), or a title held with none.
    Affiliation,
    /// A part played at an event.
    Participation,
    /// A quotation attributed to a speaker.
    Quotation,
}

/// One extraction rule.
#[derive(Debug)]
pub struct Rule {
    /// The name a claim's evidence carries (`ties:rule` in the graph).
    pub name: &'static str,
    pub claims: Claims,
    /// The confidence its claims get.
    pub confidence: f32,
    /// The English pattern it reads.
    pub reads: &'static str,
    /// Sentences written for the test table: each must make this rule fire.
    pub examples: &'static [&'static str],
}

macro_rules! rules {
    ($($id:ident: $name:literal, $claims:ident, $conf:literal, $reads:literal, [$($ex:literal),+ $(,)?];)+) => {
        $(
            #[doc = $reads]
            pub const $id: Rule = Rule {
                name: $name,
                claims: Claims::$claims,
                confidence: $conf,
                reads: $reads,
                examples: &[$($ex),+],
            };
        )+
        /// Every rule, in the order of this register.
        pub const ALL: &[&Rule] = &[$(&$id),+];
    };
}

rules! {
    NAME_THEN_TITLE: "name-then-title", Affiliation, 0.8,
        "A legislator's title after the name: \"A B MP\".",
        ["The motion was backed by Ann Rowe MP at the rally in Leeds."];
    NAME_THEN_POST: "name-then-post", Affiliation, 0.6,
        "A post in capitals right after the name, no comma between, as lists of officers write them: \"Lena Vik Treasurer and Tom Hale Secretary were elected\".",
        ["Lena Vik Treasurer and Tom Hale Secretary were elected at the meeting.",
         "The new board: Ana Ruiz President, Jon Berg Membership Chair."];
    NAME_OF_ORGANISATION: "name-of-organisation", Affiliation, 0.8,
        "A name then \"of\"/\"from\" an organisation: \"A B of the X Union\", \"A B, from the X Trust, said\".",
        ["Tom Hale of the Harbour Workers' Union opened the meeting.",
         "Dominic Ashby, from the Coastal Housing Trust, talked about their project.",
         "Helen Byrne, from the Harbour Workers' Union's Cork Branch, said her branch had brought its motion."];
    COORDINATED_NAMES_OF: "coordinated-names-of", Affiliation, 0.75,
        "Every name of a list joined by \"and\" that ends, set off by a comma, in \"of\"/\"from\" an organisation: \"A B, C D and E F, from the X Trust, said\".",
        ["Ana Ruiz and Tom Hale, from the Brantex Dockers' Federation, addressed the crowd.",
         "Mia Roth, Dr Kai Brandt and Lena Vell, of the Marden Tenants' Alliance, led the march."];
    NAME_THEN_ROLE: "name-then-role", Affiliation, 0.85,
        "An appositive role after the name: \"A B, treasurer of X,\"; \"A B (Chair, X)\"; \"A B – Treasurer of X\".",
        ["Ana Ruiz, treasurer of the Harbour Workers' Alliance, opened the meeting.",
         "Ben Cole, the HWU President, spoke first.",
         "Kari Lund, labour and education minister, attended the rally.",
         "The Rt Hon Lena Vik MP, Foreign Secretary, spoke first."];
    NAME_THEN_ROLE_OF_REPORT_ORGANISATION: "name-then-role-of-report-organisation", Affiliation, 0.6,
        "A bare office after the name in a report about one organisation: \"A B, president,\".",
        ["# Harbour Workers' Union annual meeting\n\nThe Harbour Workers' Union met in Hull.\n\nMia Roth, president, welcomed the delegates."];
    NAME_THEN_ORGANISATION: "name-then-organisation", Affiliation, 0.7,
        "An organisation alone after the name in a list or bracket: \"A B (HWU)\"; \"- A B, X Trust\"; set off by commas before a count, a verb of speech or who: \"A B, X Union, 55 votes;\", \"A B, X Union, said\"; before \"and\" and a verb: \"A B, X Union, and seconded by\"; or in a list item that a semicolon ends with no other name: \"A B, X Institute, Global Index; C D …\".",
        ["Speakers were Raj Patel (HWU) and Li Na (Dock Union).\n\nThe Harbour Workers' Union (HWU) hosted.",
         "Elected: Ana Ruiz, Harbour Union, 55 votes; Tom Hale, Velby Teachers Association, 54 votes.",
         "Tom Hale, Harbour Union, said the strike would go on.",
         "The panel heard Ana Ruiz, Velby Teachers Association, who spoke on pay.",
         "The motion was moved by Jon Berg, Velby Tenants Association, and seconded by Lena Vik.",
         "Speakers are Kari Lund, Institute for Harbour Studies, Global Harbour Index; Tom Hale, Brantex Chief Executive."];
    NAME_WHO_IS_ROLE: "name-who-is-role", Affiliation, 0.75,
        "A relative clause with \"is\": \"A B, who is treasurer of X,\".",
        ["Eva Lund, who is treasurer of the Harbour Workers' Union, spoke.",
         "The dinner honoured Tom Hale who is retiring as treasurer of the Harbour Workers' Union."];
    NAME_WHO_VERB_ORGANISATION: "name-who-verb-organisation", Affiliation, 0.75,
        "A relative clause with a post verb: \"A B, who sits on / chairs / works for X\".",
        ["Omar Reyes, who sits on the Coastal Housing Trust, spoke next."];
    ROLE_THEN_NAME: "role-then-name", Affiliation, 0.85,
        "An appositive role before the name: \"Director of X, A B, …\"; \"the Vice President, the late A B\"; \"his Deputy, A B\".",
        ["Director of the Coastal Housing Trust, Lena Berg, opened the session.",
         "The day began with a welcome from the Director of the Coastal Housing Trust, Lena Berg.",
         "British High Commissioner, Mr. Tom Hale, called on the minister.",
         "At the talks the High Commissioner of Kenya, Maj. Gen. (R) Ana Ruiz said the ties were strong.",
         "The summit marked the death of the Vice President, the late Dr. Vera Lind, in June.",
         "The Governor, Kari Lund, and his Deputy, Sir Piet Varga, were present."];
    PORTFOLIO_WITH_COMMAS: "portfolio-with-commas", Affiliation, 0.7,
        "A post whose portfolio lists its fields with commas, set off before the name: \"Minister for Housing, Harbours and Coastal Affairs, A B\".",
        ["The minister met the Secretary of State for Energy, Ports and Youth, Tom Hale, in Marden.",
         "The Minister for Housing, Harbours and Coastal Affairs, Ana Ruiz, opened the plant."];
    THE_ROLE_THEN_NAME: "the-role-then-name", Affiliation, 0.6,
        "A definite bare role before the name, of the report's organisation: \"The secretary, A B,\".",
        ["# Riverside Tenants' Association annual meeting\n\nThe Riverside Tenants' Association met.\n\nThe secretary, Ann Roe, read the minutes."];
    POST_LINE_THEN_NAME: "post-line-then-name", Affiliation, 0.6,
        "A line of an officer list that gives the post, a dash or colon, then the name: \"Chairperson – Ms A B\", \"Treasurer: C D\"; a bare office is a post in the report's organisation.",
        ["# Velby Growers Association annual meeting\n\nThe Velby Growers Association met in Marden.\n\nThe committee is constituted as follows:\n\n- Chairperson – Ms Ana Ruiz\n\n- Treasurer: Tom Hale"];
    DESCRIPTION_THEN_NAME: "description-then-name", Affiliation, 0.6,
        "An occupation described before the name, with an article or modifiers: \"a local teacher, A B,\"; \"Swedish activist, A B\".",
        ["A local teacher, Mia Roth, spoke about class sizes.",
         "The forum was opened by veteran campaigner, Kai Brandt."];
    LABEL_ROLE_LIST: "label-role-list", Affiliation, 0.7,
        "A line labelled with a plural office lists its holders: \"Councillors: A B, C D\".",
        ["# Minutes of the Tolvik Town Council\n\nCouncillors: Mrs. E. Marlowe (EM), A. Fenn (AF) and Tom Hale."];
    PLURAL_TITLE_LIST: "plural-title-list", Affiliation, 0.7,
        "A title in the plural before a list of names gives each the title: \"Congressmen A B, C D and E F\", \"Senators A B and C D\", with its portfolio: \"Ministers of State A B and C D\".",
        ["The rally heard Congressmen Tom Hale, Ada Kane and Mark Ortega."];
    ORGANISATION_MEMBERS_LIST: "organisation-members-list", Affiliation, 0.7,
        "An organisation, a plural noun for its people, then their names: \"HWU central leaders A B, C D and E F\", \"Dock Union officials A B and C D\".",
        ["The conference opened in Tolvik. HWU central leaders Tom Hale, Ada Kane and Mark Ortega took part."];
    COUNCILLOR_OF_THE_COUNCIL: "councillor-of-the-council", Affiliation, 0.6,
        "In a council's own report, one styled \"Cllr\" or \"Councillor\" sits on that council (not after a tier of government: \"County Cllr A B\").",
        ["Minutes of the Annual Meeting of Velby Parish Council held on 5 May 2021.\n\nPresent: Cllr Ana Ruiz and Cllr Tom Hale."];
    REPRESENTING_BODY: "representing-body", Affiliation, 0.7,
        "One named as representing a body belongs to it: \"A B representing the X Union\", \"C D, Director of X, representing the Y\".",
        ["The synod welcomed its guests: Ana Ruiz representing the Velby Teachers Union; Tom Hale representing the Marden Rowing Club."];
    BODY_CHAIRED_BY: "body-chaired-by", Affiliation, 0.7,
        "A body, then a participle set off by a comma that says who heads it: \"the Commission on Staffing Levels, chaired by Professor A B\", \"the X Trust, led by A B\".",
        ["Delegates heard an update from the Commission on Staffing Levels, chaired by Professor Tom Hale."];
    ELECTED_IN_PLURAL: "elected-in-plural", Affiliation, 0.7,
        "People named together, then a verb of choosing and an office in the plural: \"A B and C D were elected auditors\"; of the organisation named after it, else of the report's own.",
        ["# Tolvik Rowing Association annual meeting\n\nThe Tolvik Rowing Association met in Hull.\n\nMessrs. Jon Berg and Kari Lund were unanimously elected auditors."];
    RESPECTIVELY: "respectively", Affiliation, 0.75,
        "People named together, then as many offices in the same order and \"respectively\": \"A B and C D were elected President and Secretary of X, respectively\"; of the body named before or after the offices, else of the report's own.",
        ["Jon Berg and Mia Roth were re-elected Kelmora Teachers Union President and General Secretary, respectively.",
         "Ana Ruiz, Tom Hale and Lena Vik were elected chair, secretary and treasurer of the Velby Tenants Association respectively."];
    ELECTED_TO_OFFICE: "elected-to-office", Affiliation, 0.75,
        "The office a person was elected or appointed to: \"A B was elected president of X\", \"A B, of Y, was re-elected treasurer\".",
        ["Tom Hale was elected president of the Harbour Workers' Union.",
         "# Harbour Workers' Union annual meeting\n\nThe Harbour Workers' Union met in Hull.\n\nMia Roth, a nurse from Leeds, was re-elected treasurer."];
    COPULA_ROLE: "copula-role", Affiliation, 0.65,
        "An office the person is, was, became or will be: \"A B is president of X\", \"A B will be deputy chairman\", \"A B takes over as chair\"; with \"a\" and no organisation, a title: \"A B is a lawyer\".",
        ["Tom Hale became president of the Harbour Workers' Union.",
         "Ola Berg is a human rights lawyer.",
         "# Harbour Workers' Union annual meeting\n\nThe Harbour Workers' Union met in Hull.\n\nMia Roth will be treasurer."];
    AS_ROLE: "as-role", Affiliation, 0.7,
        "A post held \"as\" a role of a named organisation, said of the nearest person before it: \"A B, on her last day as chair of X, …\", \"A B began his term as president of X\".",
        ["Maria Lund, on her last day as Chair of the Harbour Workers' Union, opened the meeting.",
         "Tom Hale began his term as president of the Coastal Housing Trust on Monday."];
    APPOINTED_NAME_ROLE: "appointed-name-role", Affiliation, 0.75,
        "A verb of choosing before the name and the post after it: \"The board named A B chief executive of X\", \"The X Federation has elected A B as its new president\".",
        ["The board named Leo Grant chief executive of Acme Ports on Monday.",
         "The Norland Teachers Federation has elected Ama Owusu as its new president.",
         "The Tolvik Dockers Union appointed Eva Lind as treasurer."];
    OFFICE_OF_BEFORE_NAME: "office-of-before-name", Affiliation, 0.7,
        "A role with its organisation or territory written straight before the name: \"Minister of Foreign Affairs of Norway A B\", \"Secretary General of the X Organization A B\".",
        ["The delegation was led by Acting Minister of Foreign Affairs of Norway Tomas Vell.",
         "They met Secretary General of the Harbour Cooperation Organization Anna Berg."];
    OFFICE_OF_ITS_INSTITUTION: "office-of-its-institution", Affiliation, 0.6,
        "An office said with no organisation, in a sentence that names one body of the kind that office belongs to: a consul and the consulate, a bishop and the diocese, a vice-chancellor and the university.",
        ["The delegation first called at the Consulate of Tolvik in Marden for a courtesy call with the Consul General Ana Ruiz.",
         "The Diocese of Velby was represented by the Bishop Tom Hale."];
    ROLE_BEFORE_NAME: "role-before-name", Affiliation, 0.7,
        "A role premodifying the name, maybe after its organisation: \"X chair A B\", \"Acme's chief executive A B\".",
        ["Lakeside Energy's chief executive Maren Holt opened the fair.",
         "The HWU state president Kofi Mensah opened the session."];
    ROLE_BEFORE_NAME_OF_REPORT_ORGANISATION: "role-before-name-of-report-organisation", Affiliation, 0.55,
        "A bare office of an organisation before the name, in a report about one organisation: \"General President A B\" is its president.",
        ["# Harbour Workers' Union convention opens\n\nThe Harbour Workers' Union opened its convention in Hull.\n\nThe chair then introduced General President Tom Hale."];
    ORGANISATION_POSSESSIVE_NAME: "organisation-possessive-name", Affiliation, 0.7,
        "A person possessed by an organisation: \"the HWU's A B\", \"Acme's own A B\".",
        ["Workers from the docks and the HWU's Dara Kofi addressed the rally.",
         "Acme Union's own Padma Rao spoke first."];
    HONORIFIC_TITLE: "honorific-title", Affiliation, 0.7,
        "An honorific that is also a post, before the name: \"Deacon A B\", \"Bishop A B\", \"Senator the Hon. A B\" (not Dr, Professor, Cllr).",
        ["After worship, Deacon Mira Sokol stepped up to the podium.",
         "Prayers were led by Ven. Archdeacon Tomas Brask.",
         "Ministers attending included Senator the Hon. Mia Roth, who spoke on trade."];
    SUBJECT_VERB: "subject-verb", Participation, 0.8,
        "A person as subject of a verb of taking part: \"A B addressed / chaired / attended the X\", \"A B paid a working visit to X\", \"A B accompanied the delegation\", \"A B graced / witnessed the occasion\", \"A B facilitated the panel\", \"A B conducted a workshop\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Ana Ruiz addressed the forum.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale proposed a motion on rents.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Mia Roth, the treasurer, passionately addressed the meeting.",
         "A delegation from the Velby Trade Academy visited Marden on Monday. Kai Brandt also accompanied the delegation.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale graced the occasion as chief guest.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Mia Roth facilitated the panel on wages.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Lena Vik conducted a workshop on safety.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale (who, with Ana Ruiz, co-chaired the committee) introduced the guests.",
         "The Minister of Transport, Ana Ruiz, on Tuesday paid a working visit to the port of Marden."];
    VERB_BY_NAME: "verb-by-name", Participation, 0.8,
        "A passive act by the person: \"the session was chaired by A B\", \"the first talk was by A B\", \"on the motion of A B\", \"the meeting was called to order at 7 p.m. by A B\" (a chair), \"the occasion was graced by A B\" (there), \"the ceremony was officiated by A B\" (a chair).",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. The forum was chaired by Ana Ruiz.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The first technical talk was by Mia Roth.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The meeting was called to order at 7:00 p.m. by Mayor Tom Hale.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The occasion was graced by Lena Vik and Kari Lund.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The ceremony was officiated by Piet Varga."];
    CHAIR_LABEL: "chair-label", Participation, 0.8,
        "A programme label: \"Chair: A B\".",
        ["Northern Growers Conference 2025\n\nOpening plenary\n\n- Chair: Ana Ruiz\n\nKenji Watanabe told delegates that prices had fallen."];
    MOTION_LABEL: "motion-label", Participation, 0.7,
        "Minutes' labels for who moved a motion: \"Proposed: A B\", \"Seconded by: C D\", \"Proposer: A B\".",
        ["# Tolvik Allotment Society annual general meeting\n\nThe accounts were adopted.\n\nProposed: Ada Kane\n\nSeconded: Tom Hale"];
    WORKSHOP_WITH_NAME: "workshop-with-name", Participation, 0.65,
        "A list item of a session \"with\" its leaders: \"- Workshop on rents with A B and C D\".",
        ["# Harbour Forum\n\n- Workshop on rents with Ana Ruiz"];
    COLON_LIST_AFTER_PART: "colon-list-after-part", Participation, 0.65,
        "A clause with a verb of taking part and no person as its subject, then a colon and the first of those who did: \"Three ministers addressed the forum: A B, Minister for Trade; …\".",
        ["The Harbour Forum met in Tolvik on Monday. Three ministers addressed the forum: Ana Ruiz, Minister for Trade; and Tom Hale, Minister for Transport."];
    LISTED_WITH_PREVIOUS: "listed-with-previous", Participation, 0.6,
        "The next name of a list whose first name a list's rule placed: \"inaugurated by A B; Governor C D; E F, Secretary-General of the X League; and G H\".",
        ["The Harbour Forum met in Tolvik on Monday. The forum was opened by Ana Ruiz; Governor Tom Hale; Mia Roth, Secretary-General of the Tolvik League; and Jon Berg."];
    AMONG_THEM_WAS: "among-them-was", Participation, 0.65,
        "An attendee after \"among … was\" or \"present\": \"Among the marchers was A B\", \"Also in attendance were A B\", \"Others present included A B\", a roll after a colon: \"with the following members present: Mayor A B; Councillor C D\".",
        ["The march against rent rises went through Leeds. Among the marchers was Ana Ruiz.",
         "The march against rent rises went through Leeds. Among those who took part were Ana Ruiz, a nurse, and Tom Hale.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Also in attendance were Ana Ruiz and Tom Hale."];
    PRESENTED_TO_NAME: "presented-to-name", Participation, 0.65,
        "The one an award was presented to at the event: \"the award was presented to A B\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. The service award was presented to Ana Ruiz of Leeds."];
    SPEAKERS_INCLUDED: "speakers-included", Participation, 0.65,
        "A list of speakers: \"Speakers included A B and C D\", \"Those who spoke included A B\", \"Addressing the rally were A B and C D\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Speakers included Ana Ruiz and Tom Hale.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Those who spoke included Kai Brandt and Vera Lind.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Addressing the forum were Mia Roth and Jon Berg."];
    PARTY_INCLUDED: "party-included", Participation, 0.65,
        "A list of a delegation's members or of those honoured at the gathering: \"The delegation included A B\", \"the delegation consisted of / comprised / was made up of A B\", \"the award winners were C D and E F\".",
        ["The study visit to Vienna began on Monday. The delegation included Ana Ruiz and Tom Hale.",
         "The study visit to Vienna began on Monday. The delegation consisted of Jon Berg, Director of the Velby Trade Academy, and Mia Roth.",
         "The awards night of the Harbour Forum was held in Tolvik on Monday. The award winners were Ana Ruiz (Brask) and Tom Hale (Marden)."];
    INVITED_TO_SPEAK: "invited-to-speak", Participation, 0.7,
        "The one the room is asked to hear: \"called on A B to read the minutes\", \"invited A B to address the members\", \"asked A B (Secretary) to present the accounts\"; \"to chair\" makes a chair.",
        ["The annual meeting of the Velby Tenants Association took place in Marden on Thursday. The chair then called on Mrs Ana Ruiz (Secretary) to read the minutes.",
         "The annual meeting of the Velby Tenants Association took place in Marden on Thursday. The president asked Mia Roth to present the accounts."];
    UNDER_THE_CHAIRMANSHIP: "under-the-chairmanship", Participation, 0.8,
        "The one under whose chairmanship a gathering was held: \"was held … under the chairmanship of the Hon. A B\".",
        ["The Fourth Meeting of the Council of Harbour Ministers was held in Marden on 4 May, under the chairmanship of the Hon. Tom Hale, Minister for Trade of Velby."];
    HEARD_FROM_NAME: "heard-from-name", Participation, 0.65,
        "A speaker after a talk noun and \"from\", maybe over their role: \"the keynote came from A B\", \"we heard from our leader, A B\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. The keynote came from Ana Ruiz.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. We heard from our federal leader, Nora Quist, who spoke of rents.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The forum heard from exiled journalist Omar Lindqvist.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Members were delighted to hear from Ana Ruiz and the chairman, Olu Dare.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. It began with a few welcome words from the Director of the Coastal Housing Trust, Lena Berg."];
    MET_NAME: "met-name", Participation, 0.65,
        "People a delegation met: \"we met A B and C D\" (at the meeting named next).",
        ["On Tuesday we met Ana Ruiz and Tom Hale. The meeting in the town hall ran late."];
    MET_WITH: "met-with", Participation, 0.6,
        "A meeting between people: \"A B met (with) C D\" (a meeting with C D, unless the sentence names the gathering), \"A B and C D met\" (rule `met-each-other`: a meeting with C D), \"a meeting earlier this week with C D\", \"talks with C D\", \"held talks with C D\", \"had a meeting with C D\", \"A B and C D held bilateral talks\" (rule `held-talks-together`: a meeting by its noun): the one who met or held it and each person met attended it; the people a gathering held for talk is with are its speakers (\"a panel on safety with A B\", \"a workshop with C D\").",
        ["The Minister for Trade, Ana Ruiz, met with the Governor of Marden, Tom Hale, in Brask on Tuesday.", "Following a meeting earlier this week with the Commissioner for Energy, Kai Brandt, the minister left for Tolvik.", "The Minister for Trade began a visit to Marden on Monday. Ana Ruiz and visiting Minister for Trade of Velby, Tom Hale, held bilateral talks on Sunday."];
    WELCOMED_NAME: "welcomed-name", Participation, 0.6,
        "People welcomed, greeted or introduced at an event, each in the list after the verb: \"X welcomed A B, Minister of C, and D E at the summit\", or after a colon: \"X welcomed our invited guests: A B; C D\".",
        ["The host welcomed Foreign Minister of Chile Tomas Vell, Anna Berg and Kofi Mensah at the Nordic Energy Summit 2024."];
    FEATURING_NAMES: "featuring-names", Participation, 0.6,
        "People a gathering featured, each in the list after the verb: \"the launch, featuring Programme Coordinator A B and C D\".",
        ["The Harbour Forum met in Tolvik on Monday for its report launch, featuring Programme Coordinator Ana Ruiz and Forum Representative Tom Hale."];
    BROUGHT_TOGETHER: "brought-together", Participation, 0.6,
        "People a gathering brought together, each in the list after it: \"the summit brought together A B, C D and others\".",
        ["The Marden Housing Summit brought together Ana Ruiz, Tom Hale and others."];
    AS_DID_NAME: "as-did-name", Participation, 0.6,
        "The part of the clause before \"as was / as did\" for the person after it: \"A B was also there, as was C D\"; \"A B addressed the rally, as did C D\".",
        ["The Harbour Rally filled the square. Mia Roth was also there, as was Jon Berg.",
         "The Harbour Rally filled the square. Mia Roth addressed the rally, as did Jon Berg."];
    COORDINATED_SUBJECT: "coordinated-subject", Participation, 0.65,
        "One of several coordinated subjects of a verb of taking part: \"A, B and C attended\"; a list set off by semicolons: \"A, president of X; B; and C, chair of Y, spoke\".",
        ["The Harbour Union held its conference in Leeds. Professor Ann Lee, president of the Harbour Union; Professor Bo Wu; and Dr Di Xu, chair of the Leeds Council, spoke on the occasion.",
         "The Harbour Union held its conference in Leeds. Ann Lee, Bo Wu and Di Xu attended the conference.",
         "The Harbour Union held its conference in Leeds. HWU President Ann Lee and Forum Chairman Sir Bo Wu addressed the conference.",
         "The Harbour Union held its conference in Leeds. Locked-out workers Ann Lee from the Harbour Union and the Dock Union's Bo Wu address the conference."];
    WAS_AMONG: "was-among", Participation, 0.65,
        "\"A B was among the speakers / at the rally\", \"A B was present\", \"A B and C D were also in attendance\", \"A B was on hand\".",
        ["The Harbour Rally filled the square. Ana Ruiz was at the rally.",
         "The Harbour Rally filled the square. Ana Ruiz was in the audience.",
         "The Harbour Rally filled the square. Mayor Tom Hale was also on hand."];
    SPEECH_NOUN: "speech-noun", Participation, 0.65,
        "A person then a speech noun: \"A B gave a keynote / used her address\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Ana Ruiz used her keynote to call for rent caps."];
    CHAIR_OF_THE_GATHERING: "chair-of-the-gathering", Participation, 0.75,
        "A person described as the chair of a gathering: \"A B, chairman of the conference,\", \"the conference chair, A B,\", \"an address from its chairman, A B\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale, chairman of the meeting, thanked the sponsors.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The meeting opened with an address from its chairman, Piet Varga."];
    CAME_TO_ATTEND: "came-to-attend", Participation, 0.75,
        "The subject of a verb of coming or being somewhere, then a purpose clause: \"A B travelled to Marden to attend the Harbour Forum\", \"A B led a delegation to X to take part in the forum\".",
        ["Ana Ruiz travelled to Marden to attend the Harbour Forum.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale, Vice President of the Velby Chamber, led a business delegation to Tolvik to participate in the meeting."];
    PARTICIPLE_THEN_NAME: "participle-then-name", Participation, 0.65,
        "A participle before the subject: \"Closing the session, A B …\"; with no comma when only the person's post stands between the gathering and the name: \"Opening the event HWU General Secretary A B sent …\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Closing the meeting, Ana Ruiz said the hosts had been generous.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Opening the event HWU General Secretary Tom Hale lit a candle for the strikers."];
    SPEAKER_BEFORE_NAME: "speaker-before-name", Participation, 0.7,
        "The person described as a speaker: \"keynote speaker A B\", \"guest speaker and author A B\", \"the first speaker, A B\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Some 500 delegates, including keynote speaker and author Maren Holt, attended the forum.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The chair then gave way to the first speaker, Sara Lind, president of Marden University."];
    DEBATE_BETWEEN: "debate-between", Participation, 0.7,
        "Both sides of a debate: \"a debate between A B and C D\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. We had a lively debate between Ravi Patel and Selma Dahl."];
    IN_THEIR_SPEECH: "in-their-speech", Participation, 0.65,
        "A sentence that opens with the speech its first person gave: \"During his opening address, A B …\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. During his opening address, Forum President Tom Hale compared the forum to a ship."];
    POSSESSIVE_SPEECH: "possessive-speech", Participation, 0.7,
        "The person's own speech: \"A B's address\", \"A B's keynote speech\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. The day got underway with outgoing President Kofi Mensah's address."];
    IN_THE_CHAIR: "in-the-chair", Participation, 0.75,
        "The person presiding: \"A B (in the chair)\", \"A B was in the chair\".",
        ["The annual meeting of the Tolvik Angling Society was held last night. The president, Mr. J. C. Lyle, was in the chair."];
    NAME_AS_PART: "name-as-part", Participation, 0.7,
        "A part after \"as\" that follows a name or a list of names: \"with A B and C D as emcees\", \"A B as moderator\", \"A B served as master of ceremonies\", \"A B acted as chair of the session\" (not \"chair of\" a body).",
        ["The Tolvik Growers Dinner was held in Marden on Friday. It was a lively evening with Tom Hale and Ida Falk as emcees.",
         "The Tolvik Growers Dinner was held in Marden on Friday. The panel on water, with Ana Ruiz as moderator, ran late.",
         "The Tolvik Growers Dinner was held in Marden on Friday. Lena Vik served as master of ceremonies."];
    ATTENDANCE_LIST: "attendance-list", Participation, 0.7,
        "The people minutes list as present: \"Present: A B, C D\", \"A B was also present\", \"The Ministers attending were, A B; C D\", and the lines below \"Present:\" that name one person each (\"Deputy Mayor C D\"); the one marked \"(Chair)\" presided.",
        ["# Minutes of the Tolvik Angling Society meeting\n\nPresent: Mr. J. C. Lyle, Mrs. E. Marlowe and A. Fenn.\n\nApologies: T. Bank.",
         "# Minutes of the Tolvik Angling Society meeting\n\nThe secretary, Mrs. E. Marlowe, and a member of the public were also present.",
         "The Fourth Meeting of the Council of Harbour Ministers was held in Marden on 4 May. The Ministers attending were, the Hon. Ana Ruiz, Minister for Trade of Tolvik; and the Hon. Mia Roth, Minister of State of Kelmora."];
    PANEL_LIST: "panel-list", Participation, 0.65,
        "A list item naming a person under a session heading.",
        ["# Harbour Forum\n\n## Panel on rents\n\n- Ana Ruiz, Harbour Workers' Union"];
    LABELLED_LIST: "labelled-list", Participation, 0.65,
        "The names that open the lines of a list under a label that says their part: \"Speakers:\", \"Panellists:\", \"Present:\", \"Delegates:\" (a line alone, or a heading).",
        ["# Harbour Forum 2025\n\nThe Harbour Forum met in Tolvik on Monday.\n\nSpeakers:\n\n- Ana Ruiz, Harbour Workers' Union\n- Tom Hale (Treasurer, Tolvik Trust)",
         "# Minutes of the Tolvik Angling Society meeting\n\nPresent:\n\n- Mr. J. C. Lyle\n- Mrs. E. Marlowe"];
    ATTENDEE_THEN_SPEECH: "attendee-then-speech", Participation, 0.6,
        "Speech by someone already placed at the event makes them a speaker there.",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Ana Ruiz attended the forum. Ana Ruiz said rents must fall."];
    QUOTED_IN_SESSION: "quoted-in-session", Participation, 0.5,
        "The speaker of a quotation under a session heading spoke in that session.",
        ["# Harbour Forum\n\n## Panel on rents\n\n\"Rents must fall this year and next,\" said Ana Ruiz."];
    BODY_OF_A_GATHERING: "body-of-a-gathering", Participation, 0.8,
        "A gathering named for a body that the report names elsewhere too was organised by that body: \"the HWU Congress\", \"the HWU Norfolk AGM\", \"the Velby Rotary Club Installation Ceremony\".",
        ["The Velby Rotary Club met in May. Tom Hale spoke at the Velby Rotary Club Installation Ceremony on Friday.",
         "The Harbour Workers Union (HWU) grew this year. The HWU Congress opened in Tolvik on Monday."];
    QUOTED_AT_GATHERING: "quoted-at-gathering", Participation, 0.5,
        "One quoted in a report of a gathering where people take the floor (a conference, congress, annual meeting) spoke at it.",
        ["The Harbour Workers' Union annual conference opened in Tolvik on Monday.\n\n\"We will not accept these cuts,\" said Ana Ruiz."];
    COPULA_PART: "copula-part", Participation, 0.75,
        "A part named by a copula, after the name or before it: \"A B was the keynote speaker\", \"The master of ceremonies was A B\", \"The closing speaker was the former Secretary A B\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Ana Ruiz was the keynote speaker.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. The master of ceremonies was Tom Hale."];
    SPEECH_AT_EVENT: "speech-at-event", Participation, 0.5,
        "The subject of a verb of speech in a report about an event spoke at it: \"A B warned that …\", \"A B, director of X, praised …\", \"A B called for …\".",
        ["The annual meeting of the Harbour Forum was held in Tolvik on Monday. Ana Ruiz warned that rents would rise.",
         "The annual meeting of the Harbour Forum was held in Tolvik on Monday. Tom Hale, general secretary of the Brantex Dockers' Federation, commended the forum's work and called for unity."];
    PAIR_MODEL: "pair-model", Affiliation, 0.5,
        "A person and an organisation in one sentence that no rule tied, tied by the learned pair model (`pairs`) when its probability reaches the model's threshold (0.5 or more); the claim's confidence is that probability, not this one. Not a body a rule gave to another person of the sentence who stands nearer it.",
        ["Mia Roth, who has chaired the Tolvik Housing Trust since 2019, opened the rally.",
         "The crowd heard from Kai Brandt, long a stalwart of the Marden Cycling Club."];
    PRESENCE_MODEL: "presence-model", Participation, 0.5,
        "A person no participation rule placed, in a report about an event, is a speaker there when the learned presence model (`presence`) says so with its threshold's probability (0.5 or more); the claim's confidence is that probability, not this one.",
        ["The Harbour Forum was held in Tolvik on Monday. Speakers were heard in turn. Dr Kai Brandt of the Marden Institute, on the rise in rents."];
    QUOTATION: "quotation", Quotation, 0.8,
        "A quotation and its speaker: \"…,\" said A B; A B said: \"…\"; \"…,\" she added.",
        ["\"Rents must fall this year and next,\" said Ana Ruiz."];
}

/// The rule of this name.
pub fn by_name(name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_confidences_are_probabilities() {
        for (i, a) in ALL.iter().enumerate() {
            assert!((0.0..=1.0).contains(&a.confidence), "{}", a.name);
            assert!(!a.reads.is_empty() && !a.examples.is_empty(), "{}", a.name);
            for b in &ALL[i + 1..] {
                assert_ne!(a.name, b.name);
            }
            assert_eq!(by_name(a.name).map(|r| r.confidence), Some(a.confidence));
        }
    }
}
