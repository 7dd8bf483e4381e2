//! Turns a whole HTML page (a news article, a blog post, a campaign's press release) into the
//! article's plain text plus a little metadata: headline, publication date, site name and
//! canonical URL.
//!
//! Page furniture is dropped: scripts, navigation, cookie banners, share buttons, forms, the
//! site's own header and footer. When the page has a `<main>` (or, lacking one, `<article>`
//! elements) only that is read, plus every `<aside>`, since sidebars often name the places and
//! people a reader should see. The text keeps one block per paragraph-level element, blocks
//! separated by a blank line.
//!
//! What this module must not do: it does not split sentences, does not guess who or what the
//! text mentions, and knows nothing of RDF or the store; it only reads HTML. It never panics on
//! bad input: a page of garbage gives an empty or partial [`HtmlArticle`]. The tree is walked
//! with explicit stacks, never by recursion, so deeply nested markup cannot overflow the stack.

use std::collections::HashSet;

use scraper::node::Element;
use scraper::{ElementRef, Html, Node};

/// What ties keeps of an HTML page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The article's headline: og:title, else <title> without its " | Site name" suffix, else the first <h1>.
    pub title: Option<String>,
    /// Publication date as YYYY-MM-DD when it can be found (article:published_time, <time datetime>, meta name=date/dc.date, or a date written in a byline such as "14 November 2025"), else None.
    pub date: Option<String>,
    /// The publishing site: og:site_name, else the part of <title> after " | ", " – ", " — " or " - " when the rest matches the headline or h1, else None.
    pub site_name: Option<String>,
    /// Canonical URL: <link rel=canonical> or og:url.
    pub url: Option<String>,
    /// The text: one block per paragraph-level element, blocks separated by "\n\n".
    pub text: String,
    /// The headings in `text`: byte start, byte end, level (1 for h1).
    pub headings: Vec<(usize, usize, u8)>,
}

/// Reads an HTML page into its article text and metadata.
pub fn extract_article(html: &str) -> HtmlArticle {
    let doc = Html::parse_document(html);
    let Some(root) = document_element(&doc) else {
        return HtmlArticle::default();
    };
    let meta = PageMeta::read(root);
    let content = Content::extract(root);
    let h1 = content.first_h1().or_else(|| meta.first_h1.clone());
    let (title, site_name) = headline_and_site(&meta, h1.as_deref());
    HtmlArticle {
        title,
        date: publication_date(&meta, &content),
        site_name,
        url: meta.canonical.clone().or_else(|| meta.og_url.clone()),
        text: content.text(),
        headings: content.headings(),
    }
}

/// "14 November 2025", "November 14, 2025", "2025-11-14", "14/11/2025" (day first), "2025-11-14T09:00:00Z" -> Some("2025-11-14"); anything else None. Used for Markdown front matter too.
///
/// Also accepted: abbreviated months ("14 Nov 2025", "Nov. 14, 2025"), ordinals ("14th"),
/// a leading weekday ("Friday, 14 November 2025"), "." or "-" between day-first numbers, and
/// "/" or "." between year-first numbers. The day must exist in that month.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    numeric_date(s).or_else(|| written_date(s))
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/// Elements dropped with everything inside them.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input",
    "select", "textarea", "nav", "dialog", "object", "embed", "canvas", "audio", "video",
];

/// ARIA roles that mark page furniture ("banner" only outside an article: see `drops`).
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
];

/// Words that mark furniture when they are a whole token of an id or class. A hyphenated entry
/// must match consecutive tokens ("comment-form" matches `comment_form` and `commentForm`).
const FURNITURE_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "menu",
    "navbar",
    "nav",
    "breadcrumb",
    "breadcrumbs",
    "skip",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "promo",
    "popup",
    "modal",
    "comment-form",
    "respond",
];

/// Elements whose text flows into the surrounding block. Every other element is a block
/// boundary. Table cells are inline too: a table row is one block, its cells joined by " | ".
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "meter", "nobr", "output", "picture",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike",
    "strong", "sub", "sup", "td", "th", "time", "tt", "u", "var", "wbr",
];

/// Meta names (or itemprops) that carry a publication date.
const DATE_META_NAMES: &[&str] = &[
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "datepublished",
    "pubdate",
    "publish-date",
    "publication_date",
];

/// Separators between a headline and a site name in `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " – ", " — ", " - "];

/// Between the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

/// How many of the first blocks are searched for a byline date, and how long a byline may be.
const BYLINE_BLOCKS: usize = 8;
const BYLINE_MAX_CHARS: usize = 120;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

// ---------------------------------------------------------------------------------------------
// Metadata from <head> (and the odd attribute in <body>)
// ---------------------------------------------------------------------------------------------

/// What the page says about itself in meta, link and title elements.
#[derive(Debug, Default)]
struct PageMeta {
    og_title: Option<String>,
    og_site_name: Option<String>,
    og_url: Option<String>,
    canonical: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    /// article:published_time, normalised.
    published_time: Option<String>,
    /// The first normalisable date among meta name=date, dc.date, itemprop=datePublished ...
    meta_date: Option<String>,
}

impl PageMeta {
    fn read(root: ElementRef<'_>) -> Self {
        let mut meta = PageMeta::default();
        for el in root.descendent_elements() {
            match el.value().name() {
                "meta" => meta.read_meta(el.value()),
                "link" => meta.read_link(el.value()),
                "title" if meta.title_tag.is_none() && !inside_foreign_content(el) => {
                    meta.title_tag = element_text(el);
                }
                "h1" if meta.first_h1.is_none() => meta.first_h1 = element_text(el),
                _ => {}
            }
            meta.read_itemprop_date(el);
        }
        meta
    }

    fn read_meta(&mut self, element: &Element) {
        let key = element
            .attr("property")
            .or_else(|| element.attr("name"))
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        let content = element.attr("content").and_then(clean);
        match key.as_str() {
            "og:title" => set_once(&mut self.og_title, content),
            "og:site_name" => set_once(&mut self.og_site_name, content),
            "og:url" => set_once(&mut self.og_url, content),
            "article:published_time" => {
                set_once(
                    &mut self.published_time,
                    content.and_then(|c| normalise_date(&c)),
                );
            }
            k if DATE_META_NAMES.contains(&k) => {
                set_once(
                    &mut self.meta_date,
                    content.and_then(|c| normalise_date(&c)),
                );
            }
            _ => {}
        }
    }

    fn read_link(&mut self, element: &Element) {
        let rel = element.attr("rel").unwrap_or_default();
        if rel
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            set_once(&mut self.canonical, element.attr("href").and_then(clean));
        }
    }

    /// `<time itemprop="datePublished" datetime="...">` and the like, anywhere in the page.
    fn read_itemprop_date(&mut self, el: ElementRef<'_>) {
        if self.meta_date.is_some() || el.value().name() == "meta" {
            return;
        }
        let element = el.value();
        let is_published = element
            .attr("itemprop")
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("datePublished"));
        if is_published {
            let value = element
                .attr("datetime")
                .or_else(|| element.attr("content"))
                .map(str::to_string)
                .or_else(|| element_text(el));
            self.meta_date = value.and_then(|v| normalise_date(&v));
        }
    }
}

/// The `<html>` element of a parsed document.
fn document_element(doc: &Html) -> Option<ElementRef<'_>> {
    doc.tree.root().children().find_map(ElementRef::wrap)
}

/// True for an element inside `<svg>` or `<math>` (whose `<title>` is not the page's).
fn inside_foreign_content(el: ElementRef<'_>) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| matches!(a.value().name(), "svg" | "math"))
}

/// All the text under an element, whitespace collapsed; None when empty.
fn element_text(el: ElementRef<'_>) -> Option<String> {
    clean(&el.text().collect::<String>())
}

/// Collapses whitespace; None when nothing is left.
fn clean(s: &str) -> Option<String> {
    non_empty(collapse_whitespace(s))
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Headline, site name and date
// ---------------------------------------------------------------------------------------------

/// The headline and the site name, from og: tags, `<title>` and the first h1.
fn headline_and_site(meta: &PageMeta, h1: Option<&str>) -> (Option<String>, Option<String>) {
    let references: Vec<&str> = [meta.og_title.as_deref(), h1]
        .into_iter()
        .flatten()
        .collect();
    let split = meta
        .title_tag
        .as_deref()
        .and_then(|t| split_title(t, &references));
    let site = meta
        .og_site_name
        .clone()
        .or_else(|| split.as_ref().map(|(_, site)| site.clone()));
    let title = meta
        .og_title
        .clone()
        .or_else(|| split.map(|(headline, _)| headline))
        .or_else(|| meta.title_tag.as_deref().map(strip_pipe_suffix))
        .or_else(|| h1.map(str::to_string));
    let title = match (title, site.as_deref()) {
        (Some(t), Some(s)) => Some(strip_site(&t, s)),
        (t, _) => t,
    };
    (title.and_then(non_empty), site.and_then(non_empty))
}

/// Splits `<title>` at a separator where one side matches a reference headline: gives
/// (headline, site). Tries " | " first, then the dashes, each at every place it occurs.
fn split_title(title: &str, references: &[&str]) -> Option<(String, String)> {
    let is_headline = |part: &str| references.iter().any(|r| same_words(part, r));
    for sep in TITLE_SEPARATORS {
        for (at, _) in title.match_indices(sep) {
            let head = title[..at].trim();
            let tail = title[at + sep.len()..].trim();
            if head.is_empty() || tail.is_empty() {
                continue;
            }
            if is_headline(head) {
                return Some((head.to_string(), tail.to_string()));
            }
            if is_headline(tail) {
                return Some((tail.to_string(), head.to_string()));
            }
        }
    }
    None
}

/// "Headline | Site" -> "Headline"; a title without " | " is kept whole.
fn strip_pipe_suffix(title: &str) -> String {
    let head = title.find(" | ").map_or(title, |at| &title[..at]).trim();
    if head.is_empty() {
        title.to_string()
    } else {
        head.to_string()
    }
}

/// Removes a known site name written before or after the headline with a title separator.
fn strip_site(title: &str, site: &str) -> String {
    for sep in TITLE_SEPARATORS {
        let rest = title
            .strip_suffix(site)
            .and_then(|r| r.strip_suffix(sep))
            .or_else(|| title.strip_prefix(site).and_then(|r| r.strip_prefix(sep)));
        if let Some(rest) = rest.map(str::trim).filter(|r| !r.is_empty()) {
            return rest.to_string();
        }
    }
    title.to_string()
}

/// True when two strings have the same letters and digits, ignoring case, spaces and punctuation.
fn same_words(a: &str, b: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let a = fold(a);
    !a.is_empty() && a == fold(b)
}

/// The publication date, from the most to the least trustworthy source.
fn publication_date(meta: &PageMeta, content: &Content) -> Option<String> {
    meta.published_time
        .clone()
        .or_else(|| meta.meta_date.clone())
        .or_else(|| content.first_time.clone())
        .or_else(|| content.byline_date())
}

/// The first date written in `text`, e.g. "By Ann Lee · 14 November 2025" -> "2025-11-14".
fn find_date_in_text(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (0..words.len()).find_map(|i| {
        [3, 1].iter().find_map(|&width| {
            let window = words.get(i..i + width)?.join(" ");
            normalise_date(window.trim_matches(|c: char| !c.is_alphanumeric()))
        })
    })
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// "2025-11-14", "2025-11-14T09:00:00Z", "2025/11/14", "14/11/2025", "14.11.2025".
fn numeric_date(s: &str) -> Option<String> {
    let (date, time) = match s.find(['T', 't', ' ']) {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    if let Some(time) = time {
        let time_like = time.starts_with(|c: char| c.is_ascii_digit())
            && time
                .chars()
                .all(|c| c.is_ascii_digit() || ":.+-Zz".contains(c));
        if !time_like {
            return None;
        }
    }
    let sep = date.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|ch| ch.is_ascii_digit()))
    {
        return None;
    }
    if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        ymd(a.parse().ok()?, b.parse().ok()?, c.parse().ok()?)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        ymd(c.parse().ok()?, b.parse().ok()?, a.parse().ok()?)
    } else {
        None
    }
}

/// "14 November 2025", "November 14, 2025", "Fri, 14th of Nov. 2025".
fn written_date(s: &str) -> Option<String> {
    let mut words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("of"))
        .collect();
    if words.first().is_some_and(|w| is_weekday(w)) {
        words.remove(0);
    }
    let [first, second, year] = words.as_slice() else {
        return None;
    };
    let year = parse_year(year)?;
    match (parse_day(first), month_number(second)) {
        (Some(day), Some(month)) => ymd(year, month, day),
        _ => ymd(year, month_number(first)?, parse_day(second)?),
    }
}

/// "14", "14th", "1st" -> the number.
fn parse_day(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// "November", "Nov", "Nov.", "Sept" -> 11, 11, 11, 9.
fn month_number(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    if word.chars().count() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| m.starts_with(&word))?;
    u32::try_from(index + 1).ok()
}

fn is_weekday(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    word.chars().count() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(&word))
}

fn parse_year(word: &str) -> Option<u32> {
    if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
        word.parse().ok()
    } else {
        None
    }
}

/// A valid calendar date as YYYY-MM-DD.
fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if (1000..=9999).contains(&year) && (1..=days).contains(&day) {
        Some(format!("{year:04}-{month:02}-{day:02}"))
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Which elements are furniture
// ---------------------------------------------------------------------------------------------

/// Decides which elements are dropped with everything inside them.
struct Filter {
    /// Elements holding a `<main>`, `<article>` or `<h1>`: never dropped for their class or id
    /// (a wrapper `<div class="page has-social-links">` must not take the article with it), nor
    /// for being a page-level `<header>` or a `<form>` (ASP.NET pages wrap all in one form).
    protected: HashSet<usize>,
}

impl Filter {
    fn new(root: ElementRef<'_>) -> Self {
        let mut protected = HashSet::new();
        let landmarks = root
            .descendent_elements()
            .filter(|el| matches!(el.value().name(), "main" | "article" | "h1"));
        for landmark in landmarks {
            for ancestor in landmark.ancestors().filter_map(ElementRef::wrap) {
                if !protected.insert(element_key(ancestor)) {
                    break;
                }
            }
        }
        Filter { protected }
    }

    fn is_protected(&self, el: ElementRef<'_>) -> bool {
        self.protected.contains(&element_key(el))
    }

    /// True when `el` is furniture. `in_article` tells whether it lies inside an article,
    /// main or aside, where a header, footer or banner belongs to the content.
    fn drops(&self, el: ElementRef<'_>, in_article: bool) -> bool {
        let element = el.value();
        let name = element.name();
        if DROPPED_TAGS.contains(&name) {
            return name != "form" || !self.is_protected(el);
        }
        if is_hidden(element) || has_furniture_role(element, in_article) {
            return true;
        }
        if matches!(name, "header" | "footer") && !in_article {
            return !self.is_protected(el);
        }
        !matches!(name, "html" | "body" | "main" | "article")
            && has_furniture_name(element)
            && !self.is_protected(el)
    }
}

/// Identifies an element for as long as the document is borrowed (elements never move then).
fn element_key(el: ElementRef<'_>) -> usize {
    std::ptr::from_ref(el.value()).addr()
}

/// The `hidden` attribute, except `hidden="until-found"` (collapsed but real content).
fn is_hidden(element: &Element) -> bool {
    element
        .attr("hidden")
        .is_some_and(|v| !v.trim().eq_ignore_ascii_case("until-found"))
}

fn has_furniture_role(element: &Element, in_article: bool) -> bool {
    element
        .attr("role")
        .unwrap_or_default()
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
        .any(|role| DROPPED_ROLES.contains(&role.as_str()) || (role == "banner" && !in_article))
}

fn has_furniture_name(element: &Element) -> bool {
    element.id().is_some_and(is_furniture_name) || element.classes().any(is_furniture_name)
}

/// True when a class or id has a furniture word as whole tokens: "share-buttons", "adSlot",
/// "comment_form" do; "shadow", "header-title", "add-to-cart", "related-posts" do not.
fn is_furniture_name(name: &str) -> bool {
    let tokens = name_tokens(name);
    FURNITURE_WORDS.iter().any(|word| {
        let parts: Vec<&str> = word.split('-').collect();
        tokens
            .windows(parts.len())
            .any(|window| window.iter().zip(&parts).all(|(t, p)| t == p))
    })
}

/// Splits a class or id into lowercase tokens at punctuation and camelCase humps:
/// "cookie-banner" -> [cookie, banner]; "shareButtons" -> [share, buttons];
/// "GDPRNotice" -> [gdpr, notice].
fn name_tokens(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut tokens = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            push_token(&mut tokens, &mut current);
            continue;
        }
        if c.is_uppercase() && !current.is_empty() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let next = chars.get(i + 1).copied();
            let hump = prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
                || (prev.is_some_and(char::is_uppercase) && next.is_some_and(char::is_lowercase));
            if hump {
                push_token(&mut tokens, &mut current);
            }
        }
        current.extend(c.to_lowercase());
    }
    push_token(&mut tokens, &mut current);
    tokens
}

fn push_token(tokens: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        tokens.push(std::mem::take(current));
    }
}

/// Article, main and aside hold their own header and footer.
fn is_sectioning(el: ElementRef<'_>) -> bool {
    matches!(el.value().name(), "article" | "main" | "aside")
}

fn is_named(el: ElementRef<'_>, name: &str) -> bool {
    el.value().name() == name
}

// ---------------------------------------------------------------------------------------------
// Where the article is
// ---------------------------------------------------------------------------------------------

/// The elements whose text is the article, in document order: the first `<main>` and every
/// `<aside>` outside it; else every outermost `<article>` and `<aside>`; else the `<body>`.
fn content_roots<'a>(root: ElementRef<'a>, filter: &Filter) -> Vec<ElementRef<'a>> {
    let main = find_elements(root, filter, |el| is_named(el, "main"))
        .into_iter()
        .next();
    if let Some(main) = main {
        return find_elements(root, filter, |el| el == main || is_named(el, "aside"));
    }
    let roots = find_elements(root, filter, |el| {
        is_named(el, "article") || is_named(el, "aside")
    });
    if roots.iter().any(|el| is_named(*el, "article")) {
        return roots;
    }
    vec![body_of(root)]
}

/// The outermost elements matching `wanted`, in document order, outside furniture.
fn find_elements<'a>(
    root: ElementRef<'a>,
    filter: &Filter,
    wanted: impl Fn(ElementRef<'a>) -> bool,
) -> Vec<ElementRef<'a>> {
    let mut found = Vec::new();
    let mut stack = vec![(root, false)];
    while let Some((el, in_article)) = stack.pop() {
        if filter.drops(el, in_article) {
            continue;
        }
        if wanted(el) {
            found.push(el);
            continue;
        }
        let in_article = in_article || is_sectioning(el);
        stack.extend(
            el.child_elements()
                .map(|c| (c, in_article))
                .collect::<Vec<_>>()
                .into_iter()
                .rev(),
        );
    }
    found
}

fn body_of(root: ElementRef<'_>) -> ElementRef<'_> {
    root.child_elements()
        .find(|el| is_named(*el, "body"))
        .unwrap_or(root)
}

// ---------------------------------------------------------------------------------------------
// Text blocks
// ---------------------------------------------------------------------------------------------

/// One paragraph-level piece of text.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    /// 1 to 6 for a heading.
    heading: Option<u8>,
    /// True when the block comes from an `<aside>` read beside the main content.
    aside: bool,
}

/// The article's text blocks and what was noticed while reading them.
#[derive(Debug, Default)]
struct Content {
    blocks: Vec<Block>,
    /// The first `<time datetime>` in the main content, normalised.
    first_time: Option<String>,
}

impl Content {
    fn extract(root: ElementRef<'_>) -> Self {
        let filter = Filter::new(root);
        let mut builder = TextBuilder::default();
        for el in content_roots(root, &filter) {
            builder.read(el, &filter);
        }
        if builder.blocks.iter().all(|b| b.aside) {
            // An empty <main> or <article>: read the whole body instead.
            builder = TextBuilder::default();
            builder.read(body_of(root), &filter);
        }
        Content {
            blocks: builder.blocks,
            first_time: builder.first_time,
        }
    }

    fn text(&self) -> String {
        let texts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        texts.join("\n\n")
    }

    /// Byte spans of the heading blocks in `text()`.
    fn headings(&self) -> Vec<(usize, usize, u8)> {
        let mut out = Vec::new();
        let mut offset = 0;
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                offset += 2;
            }
            if let Some(level) = b.heading {
                out.push((offset, offset + b.text.len(), level));
            }
            offset += b.text.len();
        }
        out
    }

    fn first_h1(&self) -> Option<String> {
        self.blocks
            .iter()
            .find(|b| b.heading == Some(1))
            .and_then(|b| clean(&b.text))
    }

    /// A date written in one of the first short blocks of the main content (the byline).
    fn byline_date(&self) -> Option<String> {
        self.blocks
            .iter()
            .filter(|b| !b.aside)
            .take(BYLINE_BLOCKS)
            .filter(|b| b.heading.is_none() && b.text.chars().count() <= BYLINE_MAX_CHARS)
            .find_map(|b| find_date_in_text(&b.text))
    }
}

/// One step of the walk over a content root.
enum Step<'a> {
    Open(ElementRef<'a>, bool),
    Close(ElementRef<'a>),
    Text(&'a str),
}

/// Turns a walk over elements and text into blocks.
#[derive(Debug, Default)]
struct TextBuilder {
    blocks: Vec<Block>,
    /// The text of the block being built; '\n' only from `<br>` and `<pre>`.
    buffer: String,
    /// The heading level of each open block element.
    open_blocks: Vec<Option<u8>>,
    pre_depth: usize,
    quote_depth: usize,
    /// A table cell began after text: put a separator before its first text.
    cell_pending: bool,
    reading_aside: bool,
    first_time: Option<String>,
}

impl TextBuilder {
    /// Reads one content root, dropping furniture inside it.
    fn read(&mut self, root: ElementRef<'_>, filter: &Filter) {
        self.reading_aside = is_named(root, "aside");
        let in_article = root
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(is_sectioning);
        let mut stack = vec![Step::Open(root, in_article)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Text(text) => self.push_text(text),
                Step::Close(el) => self.close(el),
                Step::Open(el, in_article) => {
                    if filter.drops(el, in_article) {
                        continue;
                    }
                    self.open(el);
                    stack.push(Step::Close(el));
                    let in_article = in_article || is_sectioning(el);
                    for child in el.children().rev() {
                        match child.value() {
                            Node::Text(text) => stack.push(Step::Text(text)),
                            Node::Element(_) => {
                                if let Some(child) = ElementRef::wrap(child) {
                                    stack.push(Step::Open(child, in_article));
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        self.flush();
    }

    fn open(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        match name {
            "br" => self.buffer.push('\n'),
            "td" | "th" => self.cell_pending = has_visible_text(&self.buffer),
            "time" => self.note_time(el),
            "pre" => self.pre_depth += 1,
            _ => {}
        }
        if is_block(name) {
            if self.quote_depth > 0 {
                self.buffer.push('\n');
            } else {
                self.flush();
                self.open_blocks.push(heading_level(name));
            }
        }
        if name == "blockquote" {
            self.quote_depth += 1;
        }
    }

    fn close(&mut self, el: ElementRef<'_>) {
        let name = el.value().name();
        match name {
            "pre" => self.pre_depth = self.pre_depth.saturating_sub(1),
            "blockquote" => self.quote_depth = self.quote_depth.saturating_sub(1),
            _ => {}
        }
        if is_block(name) {
            if self.quote_depth > 0 {
                self.buffer.push('\n');
            } else {
                self.flush();
                self.open_blocks.pop();
            }
        }
    }

    fn note_time(&mut self, el: ElementRef<'_>) {
        if self.first_time.is_none() && !self.reading_aside {
            self.first_time = el.value().attr("datetime").and_then(normalise_date);
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.cell_pending && has_visible_text(text) {
            self.buffer.push_str(CELL_SEPARATOR);
            self.cell_pending = false;
        }
        for c in text.chars() {
            match c {
                c if is_invisible(c) => {}
                '\n' if self.pre_depth > 0 => self.buffer.push('\n'),
                c if c.is_whitespace() => self.buffer.push(' '),
                c => self.buffer.push(c),
            }
        }
    }

    /// Ends the block being built, if it holds any text.
    fn flush(&mut self) {
        let text = tidy_block(&self.buffer);
        self.buffer.clear();
        self.cell_pending = false;
        if !text.is_empty() {
            self.blocks.push(Block {
                text,
                heading: self.open_blocks.last().copied().flatten(),
                aside: self.reading_aside,
            });
        }
    }
}

fn is_block(name: &str) -> bool {
    !INLINE_TAGS.contains(&name)
}

fn heading_level(name: &str) -> Option<u8> {
    match name {
        "h1" => Some(1),
        "h2" => Some(2),
        "h3" => Some(3),
        "h4" => Some(4),
        "h5" => Some(5),
        "h6" => Some(6),
        _ => None,
    }
}

/// Soft hyphens, zero-width spaces and byte-order marks: dropped from the text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}')
}

fn has_visible_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace() && !is_invisible(c))
}

/// Collapses whitespace on each line, trims, and drops empty lines.
fn tidy_block(raw: &str) -> String {
    let lines: Vec<String> = raw
        .split('\n')
        .map(collapse_whitespace)
        .filter(|line| !line.is_empty())
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(article: &HtmlArticle) -> Vec<&str> {
        article.text.split("\n\n").collect()
    }

    const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour festival draws record crowds | The Riverside Courier</title>
  <link rel="canonical" href="https://courier.example/news/harbour-festival">
  <script>var tracking = "should not appear";</script>
  <style>.x { color: red; }</style>
</head>
<body class="single-post has-social-links">
  <div id="cookie-banner" class="consent-box"><p>We use cookies to improve your visit.</p><button>Accept all</button></div>
  <header class="site-header">
    <a class="logo" href="/">The Riverside Courier</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
  </header>
  <div class="main-menu"><ul><li><a href="/sport">Sport</a></li></ul></div>
  <main>
    <article>
      <header class="entry-header">
        <h1 class="header-title">Harbour festival draws record crowds</h1>
        <p class="byline">By <a href="/authors/mq">Mara Quinlan</a> &middot; 14 November 2025</p>
      </header>
      <div class="share-buttons"><a href="#">Share on a network</a></div>
      <figure><img src="crowd.jpg" alt="A crowd"><figcaption>Visitors on the east quay. Photo: Tomas Ferrant</figcaption></figure>
      <p>The festival, organised by the <a href="/org">Quayside Trust</a>, ran for three days.
         Organisers say <em>more than</em> 40,000 people came &amp; stayed late.</p>
      <p>Readers can see our <a href="/guide">guide</a>.</p>
      <p>Programme:<br>Friday: music<br>
         Saturday: boats</p>
      <h2>Who spoke</h2>
      <ul>
        <li>Councillor Ines Barrow</li>
        <li><p>Harbour master Olu Benning</p><p>(retired)</p></li>
        <li>Guests
          <ul><li>Dr Petra Lind</li><li>Sam O&rsquo;Hare</li></ul>
        </li>
      </ul>
      <blockquote><p>It felt like the whole town came out.</p><p>&mdash; a stallholder</p></blockquote>
      <p>Tickets cost &pound;5 &middot; children free.</p>
      <footer class="entry-footer"><p>Filed under <a href="/tag/festivals">festivals</a></p></footer>
    </article>
    <div id="respond"><h3>Leave a reply</h3><form class="comment-form"><p><label>Comment</label><textarea></textarea></p></form></div>
  </main>
  <aside class="sidebar">
    <h2>Related posts</h2>
    <ul><li><a href="/a">Ferry timetable changes for winter</a></li><li><a href="/b">Quayside Trust names new chair</a></li></ul>
    <div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
  </aside>
  <footer class="site-footer"><p>&copy; 2025 The Riverside Courier</p></footer>
  <div class="modal" role="dialog"><p>Subscribe now!</p></div>
</body>
</html>"##;

    #[test]
    fn news_page_keeps_the_article_and_drops_furniture() {
        let article = extract_article(NEWS_PAGE);
        assert_eq!(
            blocks(&article),
            vec![
                "Harbour festival draws record crowds",
                "By Mara Quinlan · 14 November 2025",
                "Visitors on the east quay. Photo: Tomas Ferrant",
                "The festival, organised by the Quayside Trust, ran for three days. \
                 Organisers say more than 40,000 people came & stayed late.",
                "Readers can see our guide.",
                "Programme:\nFriday: music\nSaturday: boats",
                "Who spoke",
                "Councillor Ines Barrow",
                "Harbour master Olu Benning",
                "(retired)",
                "Guests",
                "Dr Petra Lind",
                "Sam O\u{2019}Hare",
                "It felt like the whole town came out.\n\u{2014} a stallholder",
                "Tickets cost £5 · children free.",
                "Filed under festivals",
                "Related posts",
                "Ferry timetable changes for winter",
                "Quayside Trust names new chair",
            ]
        );
    }

    #[test]
    fn news_page_metadata() {
        let article = extract_article(NEWS_PAGE);
        assert_eq!(
            article.title.as_deref(),
            Some("Harbour festival draws record crowds")
        );
        assert_eq!(article.site_name.as_deref(), Some("The Riverside Courier"));
        assert_eq!(article.date.as_deref(), Some("2025-11-14"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://courier.example/news/harbour-festival")
        );
    }

    #[test]
    fn og_tags_win() {
        let page = r##"<html><head>
            <meta property="og:title" content="Campaign launches river clean-up">
            <meta property="og:site_name" content="Clearwater Alliance">
            <meta property="og:url" content="https://clearwater.example/press/river-clean-up">
            <meta property="article:published_time" content="2025-03-02T08:30:00+00:00">
            <meta name="date" content="2024-01-01">
            <title>Press release – Clearwater Alliance</title>
            </head><body><article><h1>Campaign launches river clean-up</h1>
            <p>Volunteers met at <strong>Mill Bridge</strong>.</p></article></body></html>"##;
        assert_eq!(
            extract_article(page),
            HtmlArticle {
                title: Some("Campaign launches river clean-up".into()),
                date: Some("2025-03-02".into()),
                site_name: Some("Clearwater Alliance".into()),
                url: Some("https://clearwater.example/press/river-clean-up".into()),
                text: "Campaign launches river clean-up\n\nVolunteers met at Mill Bridge.".into(),
                headings: vec![(0, 32, 1)],
            }
        );
    }

    #[test]
    fn og_title_loses_a_known_site_suffix() {
        let page = r##"<head><meta property="og:title" content="Spring report | Orchard Network">
            <meta property="og:site_name" content="Orchard Network"></head><body><p>x</p></body>"##;
        let article = extract_article(page);
        assert_eq!(article.title.as_deref(), Some("Spring report"));
        assert_eq!(article.site_name.as_deref(), Some("Orchard Network"));
    }

    #[test]
    fn page_without_main_or_article_reads_the_body() {
        let page = r##"<html><head><title>Notes from the allotment - Green Fingers</title></head>
<body>
<header><div class="header-title">Green Fingers</div><div role="search"><p>Search</p></div></header>
<div role="navigation"><a href="/">Home</a></div>
<div class="breadcrumbs"><a href="/">Home</a> &gt; Notes</div>
<div class="content shadow-box">
  <h1>Notes from the allotment</h1>
  <div class="post-meta">Posted <time datetime="2024-06-09">9 June</time> by Ada</div>
  <div>Beans are <b>up</b>; the <i>leeks</i> are not.</div>
  <div class="ad-slot"><p>Buy seeds now</p></div>
  <div class="AdBanner">Advert text</div>
  <div hidden><p>Hidden text</p></div>
  <section><p>First section paragraph.</p>Loose text after it.</section>
  <table><tr><th>Crop</th><th>Sown</th><th></th></tr><tr><td>Beans</td><td>May</td><td> </td></tr></table>
  <pre>
line one
  line   two</pre>
  <dl><dt>Plot</dt><dd>Number 12</dd></dl>
</div>
<div class="skip-link"><a href="#c">Skip to content</a></div>
<footer><p>Footer text</p></footer>
</body></html>"##;
        let article = extract_article(page);
        assert_eq!(
            blocks(&article),
            vec![
                "Notes from the allotment",
                "Posted 9 June by Ada",
                "Beans are up; the leeks are not.",
                "First section paragraph.",
                "Loose text after it.",
                "Crop | Sown",
                "Beans | May",
                "line one\nline two",
                "Plot",
                "Number 12",
            ]
        );
        assert_eq!(article.title.as_deref(), Some("Notes from the allotment"));
        assert_eq!(article.site_name.as_deref(), Some("Green Fingers"));
        assert_eq!(article.date.as_deref(), Some("2024-06-09"));
        assert_eq!(article.url, None);
    }

    #[test]
    fn articles_without_main_plus_asides() {
        let page = r##"<body><div class="wrapper">
            <article><h1>First story</h1><p>One.</p><article><p>Nested comment.</p></article></article>
            <article><h2>Second story</h2><p>Two.</p></article>
            <aside><header><h3>Elsewhere</h3></header><p>Notes on Lyon.</p></aside>
            <div><p>Outside text</p></div></div></body>"##;
        let article = extract_article(page);
        assert_eq!(
            article.text,
            "First story\n\nOne.\n\nNested comment.\n\nSecond story\n\nTwo.\n\nElsewhere\n\nNotes on Lyon."
        );
        assert_eq!(article.title.as_deref(), Some("First story"));
        assert_eq!(article.site_name, None);
        assert_eq!(article.date, None);
    }

    #[test]
    fn page_wide_form_is_kept_but_search_form_dropped() {
        let page = r##"<body><form id="aspnetForm"><div id="content"><h1>Board meeting held</h1>
            <p class="byline">Posted on November 14, 2025 by the secretary</p>
            <p>The board met.</p></div></form>
            <form class="search"><p>Search our site</p></form></body>"##;
        let article = extract_article(page);
        assert_eq!(
            article.text,
            "Board meeting held\n\nPosted on November 14, 2025 by the secretary\n\nThe board met."
        );
        assert_eq!(article.date.as_deref(), Some("2025-11-14"));
    }

    #[test]
    fn empty_main_falls_back_to_the_body() {
        let page =
            "<body><main></main><div><p>Real text.</p></div><aside><p>Side.</p></aside></body>";
        assert_eq!(extract_article(page).text, "Real text.\n\nSide.");
    }

    #[test]
    fn inline_tags_add_no_spaces() {
        let page = "<p>see our <a href='/g'>guide</a>. It<em>al</em>ic, <abbr>UN</abbr>&nbsp;staff\n\n  said</p>";
        assert_eq!(
            extract_article(page).text,
            "see our guide. Italic, UN staff said"
        );
    }

    #[test]
    fn br_gives_one_newline_even_when_doubled() {
        let page = "<p>Line one<br><br>  Line two <br/></p>";
        assert_eq!(extract_article(page).text, "Line one\nLine two");
    }

    #[test]
    fn meta_dates_and_itemprop() {
        let dc = r##"<head><meta name="DC.date" content="14/11/2025"></head><p>x</p>"##;
        assert_eq!(extract_article(dc).date.as_deref(), Some("2025-11-14"));
        let itemprop =
            r##"<p>Out <time itemprop="datePublished" datetime="2023-05-07T10:00">May</time></p>"##;
        assert_eq!(
            extract_article(itemprop).date.as_deref(),
            Some("2023-05-07")
        );
    }

    #[test]
    fn title_fallbacks() {
        let piped = "<title>Spring report | Some Site</title><p>Nothing matches.</p>";
        let article = extract_article(piped);
        assert_eq!(article.title.as_deref(), Some("Spring report"));
        assert_eq!(article.site_name, None);

        let dashed = "<title>Strike \u{2013} day two</title><p>text</p>";
        let article = extract_article(dashed);
        assert_eq!(article.title.as_deref(), Some("Strike \u{2013} day two"));
        assert_eq!(article.site_name, None);

        let site_first =
            "<title>Harbour Post \u{2014} Ferry fares rise</title><h1>Ferry fares rise</h1>";
        let article = extract_article(site_first);
        assert_eq!(article.title.as_deref(), Some("Ferry fares rise"));
        assert_eq!(article.site_name.as_deref(), Some("Harbour Post"));

        let h1_only = "<body><svg><title>icon</title></svg><h1>Only a heading</h1></body>";
        assert_eq!(
            extract_article(h1_only).title.as_deref(),
            Some("Only a heading")
        );
    }

    #[test]
    fn garbage_never_panics() {
        for page in [
            "",
            "   ",
            "<<<>>>&&&;;",
            "\u{0}\u{FFFF}\u{FEFF}",
            "<p><b><i>unclosed",
            "</div></div></p>",
            "<title>",
            "<meta property='og:title'><link rel=canonical>",
            "<html><html><body><body><main><main>",
            "<table><td>cell<td><p>para",
            "<time datetime='2025-99-99'>x</time>",
        ] {
            let _ = extract_article(page);
        }
        assert_eq!(extract_article("<p><b><i>unclosed").text, "unclosed");
        assert_eq!(extract_article(""), HtmlArticle::default());
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        // The walk is iterative: 4,000 levels read fine on a thread with a 256 KiB stack.
        let depth = 4_000;
        let page = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let reader = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || extract_article(&page).text)
            .expect("spawn a thread");
        assert_eq!(reader.join().expect("no stack overflow"), "deep");
    }

    #[test]
    fn furniture_names_match_whole_tokens() {
        for name in [
            "share-buttons",
            "cookie_banner",
            "adSlot",
            "ad",
            "top-ads",
            "comment-form",
            "commentForm",
            "sign-up-box",
            "signup",
            "NavBar",
            "GDPRNotice",
            "skip-link",
        ] {
            assert!(is_furniture_name(name), "{name} should be furniture");
        }
        for name in [
            "shadow",
            "header-title",
            "add-to-cart",
            "related-posts",
            "comment",
            "form-comment",
            "sidebar",
            "loadMore",
            "advertiser-news-x",
        ] {
            assert!(!is_furniture_name(name), "{name} should be kept");
        }
    }

    #[test]
    fn name_tokens_split_at_punctuation_and_humps() {
        assert_eq!(name_tokens("shareButtons"), vec!["share", "buttons"]);
        assert_eq!(name_tokens("GDPRNotice"), vec!["gdpr", "notice"]);
        assert_eq!(name_tokens("--a__b c"), vec!["a", "b", "c"]);
    }

    #[test]
    fn normalise_date_forms() {
        for (input, expected) in [
            ("14 November 2025", "2025-11-14"),
            ("November 14, 2025", "2025-11-14"),
            ("2025-11-14", "2025-11-14"),
            ("14/11/2025", "2025-11-14"),
            ("2025-11-14T09:00:00Z", "2025-11-14"),
            ("2025-11-14T23:30:00+02:00", "2025-11-14"),
            ("2025-11-14 09:00", "2025-11-14"),
            ("  14 Nov 2025 ", "2025-11-14"),
            ("Nov. 14, 2025", "2025-11-14"),
            ("14th November 2025", "2025-11-14"),
            ("1st of March 2024", "2024-03-01"),
            ("Friday, 14 November 2025", "2025-11-14"),
            ("Sept 3, 2024", "2024-09-03"),
            ("3.9.2024", "2024-09-03"),
            ("2024/09/03", "2024-09-03"),
            ("2024-02-29", "2024-02-29"),
        ] {
            assert_eq!(normalise_date(input).as_deref(), Some(expected), "{input}");
        }
        for input in [
            "",
            "yesterday",
            "14 November",
            "November 2025",
            "2025-02-29",
            "31/04/2025",
            "2025-13-01",
            "2025-11-14 at noon",
            "11/14/2025",
            "14 Novembre 2025x",
            "32 May 2025",
            "May 14 25",
            "1.2.3",
        ] {
            assert_eq!(normalise_date(input), None, "{input}");
        }
    }

    #[test]
    fn dates_are_found_inside_bylines() {
        assert_eq!(
            find_date_in_text("By Ann Lee · Friday 14 November 2025, 09:00").as_deref(),
            Some("2025-11-14")
        );
        assert_eq!(
            find_date_in_text("Updated (2025-01-31) by staff").as_deref(),
            Some("2025-01-31")
        );
        assert_eq!(find_date_in_text("No date here at all"), None);
    }
}
