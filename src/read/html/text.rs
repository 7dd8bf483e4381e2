//! The article's text: walks the content roots (see `furniture`) and turns elements and text
//! into paragraph-level blocks ([`Content`]), noting headings and the first `<time>`.
//!
//! What this file must not touch: it does not decide what is furniture (it asks the
//! [`Filter`]), does not read metadata, and knows nothing of extraction, RDF or the store. The
//! walk uses an explicit stack, never recursion.

use scraper::{ElementRef, Node};

use super::dates::{find_date_in_text, normalise_date};
use super::furniture::{body_of, content_roots, is_named, is_sectioning, Filter};

/// Elements whose text flows into the surrounding block. Every other element is a block
/// boundary. Table cells are inline too: a table row is one block, its cells joined by " | ".
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "meter", "nobr", "output", "picture",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike",
    "strong", "sub", "sup", "td", "th", "time", "tt", "u", "var", "wbr",
];

/// Between the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

/// How many of the first blocks are searched for a byline date, and how long a byline may be.
const BYLINE_BLOCKS: usize = 8;
const BYLINE_MAX_CHARS: usize = 120;

/// Collapses whitespace; None when nothing is left.
pub(super) fn clean(s: &str) -> Option<String> {
    non_empty(collapse_whitespace(s))
}

pub(super) fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

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
pub(super) struct Content {
    blocks: Vec<Block>,
    /// The first `<time datetime>` in the main content, normalised.
    pub(super) first_time: Option<String>,
}

impl Content {
    pub(super) fn extract(root: ElementRef<'_>) -> Self {
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

    pub(super) fn text(&self) -> String {
        let texts: Vec<&str> = self.blocks.iter().map(|b| b.text.as_str()).collect();
        texts.join("\n\n")
    }

    /// Byte spans of the heading blocks in `text()`.
    pub(super) fn headings(&self) -> Vec<(usize, usize, u8)> {
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

    pub(super) fn first_h1(&self) -> Option<String> {
        self.blocks
            .iter()
            .find(|b| b.heading == Some(1))
            .and_then(|b| clean(&b.text))
    }

    /// A date written in one of the first short blocks of the main content (the byline).
    pub(super) fn byline_date(&self) -> Option<String> {
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
    use super::super::extract_article;

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
}
