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
//!
//! The work is split: `meta` reads the page's metadata, `furniture` decides what is furniture
//! and where the article is, `text` builds the blocks, `dates` reads dates.

mod dates;
mod depth;
mod furniture;
mod meta;
mod text;

use scraper::{ElementRef, Html};

pub use dates::normalise_date;

use meta::{headline_and_site, publication_date, PageMeta};
use text::Content;

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
    /// Start tags nested deeper than [`MAX_DEPTH`] open elements, dropped before parsing (their
    /// text kept in the element around them); 0 for any ordinary page.
    pub flattened: usize,
}

pub use depth::MAX_DEPTH;

/// Reads an HTML page into its article text and metadata.
pub fn extract_article(html: &str) -> HtmlArticle {
    let (html, flattened) = depth::flatten(html);
    let doc = Html::parse_document(&html);
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
        flattened,
    }
}

/// The `<html>` element of a parsed document.
fn document_element(doc: &Html) -> Option<ElementRef<'_>> {
    doc.tree.root().children().find_map(ElementRef::wrap)
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
}
