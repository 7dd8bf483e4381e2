//! Which elements are page furniture (scripts, navigation, cookie banners, share buttons, the
//! site's own header and footer, hidden elements) and where the article is: the content roots
//! to read.
//!
//! What this file must not touch: it only decides which elements to skip or read; it builds no
//! text, reads no metadata, and knows nothing of extraction, RDF or the store.

use std::collections::HashSet;

use scraper::node::Element;
use scraper::ElementRef;

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

/// Decides which elements are dropped with everything inside them.
pub(super) struct Filter {
    /// Elements holding a `<main>`, `<article>` or `<h1>`: never dropped for their class or id
    /// (a wrapper `<div class="page has-social-links">` must not take the article with it), nor
    /// for being a page-level `<header>` or a `<form>` (pages of Microsoft's web forms framework wrap all in one form).
    protected: HashSet<usize>,
}

impl Filter {
    pub(super) fn new(root: ElementRef<'_>) -> Self {
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
    pub(super) fn drops(&self, el: ElementRef<'_>, in_article: bool) -> bool {
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
pub(super) fn is_sectioning(el: ElementRef<'_>) -> bool {
    matches!(el.value().name(), "article" | "main" | "aside")
}

pub(super) fn is_named(el: ElementRef<'_>, name: &str) -> bool {
    el.value().name() == name
}

// ---------------------------------------------------------------------------------------------
// Where the article is
// ---------------------------------------------------------------------------------------------

/// The elements whose text is the article, in document order: the first `<main>` and every
/// `<aside>` outside it; else every outermost `<article>` and `<aside>`; else the `<body>`.
pub(super) fn content_roots<'a>(root: ElementRef<'a>, filter: &Filter) -> Vec<ElementRef<'a>> {
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

pub(super) fn body_of(root: ElementRef<'_>) -> ElementRef<'_> {
    root.child_elements()
        .find(|el| is_named(*el, "body"))
        .unwrap_or(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::extract_article;

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
}
