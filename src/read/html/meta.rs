//! The page's metadata: what it says about itself in meta, link and title elements
//! ([`PageMeta`]), and from that the headline, site name and publication date.
//!
//! What this file must not touch: it reads the parsed page and never changes it; it does not
//! decide which elements are furniture or build the text (that is `furniture` and `text`), and
//! knows nothing of extraction, RDF or the store.

use scraper::node::Element;
use scraper::ElementRef;

use super::dates::normalise_date;
use super::text::{clean, non_empty, Content};

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

/// What the page says about itself in meta, link and title elements.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    og_title: Option<String>,
    og_site_name: Option<String>,
    pub(super) og_url: Option<String>,
    pub(super) canonical: Option<String>,
    title_tag: Option<String>,
    pub(super) first_h1: Option<String>,
    /// article:published_time, normalised.
    published_time: Option<String>,
    /// The first normalisable date among meta name=date, dc.date, itemprop=datePublished ...
    meta_date: Option<String>,
}

impl PageMeta {
    pub(super) fn read(root: ElementRef<'_>) -> Self {
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

fn set_once(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// The headline and the site name, from og: tags, `<title>` and the first h1.
pub(super) fn headline_and_site(
    meta: &PageMeta,
    h1: Option<&str>,
) -> (Option<String>, Option<String>) {
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
pub(super) fn publication_date(meta: &PageMeta, content: &Content) -> Option<String> {
    meta.published_time
        .clone()
        .or_else(|| meta.meta_date.clone())
        .or_else(|| content.first_time.clone())
        .or_else(|| content.byline_date())
}

#[cfg(test)]
mod tests {
    use super::super::{extract_article, HtmlArticle};

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
                flattened: 0,
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
}
