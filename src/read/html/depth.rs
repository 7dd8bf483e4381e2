//! Bounds how deep a page's elements nest before html5ever sees it. html5ever's tree builder
//! looks through the whole stack of open elements at most tags ("is a `<p>` in button
//! scope?"), so 100,000 nested `<div>`s took over a minute, the time growing with the square of
//! the depth. No page nests its text this deep: tags below [`MAX_DEPTH`] open elements are
//! dropped (their text stays, in the element around them), with their end tags.
//!
//! The scan is a light tokenizer, linear in the page: comments, doctypes, quoted attribute
//! values, raw-text elements (`script`, `style`…), void and self-closing elements are passed
//! over; elements whose end tag may be left out (`p`, `li`, `td`…) do not count, so pages that
//! never close them are not flattened by mistake.

use std::borrow::Cow;
use std::collections::HashMap;

/// Open elements (that must be closed) kept; deeper start tags are dropped.
pub const MAX_DEPTH: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// `html` with start tags deeper than [`MAX_DEPTH`] open elements, and their end tags, taken
/// out (borrowed as it is when nothing nests that deep), and how many start tags were dropped.
pub fn flatten(html: &str) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut depth = 0usize;
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut flattened = 0;
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<').map(|p| i + p) {
        let rest = &html[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            i = comment.find("-->").map_or(b.len(), |e| lt + 4 + e + 3);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            i = rest.find('>').map_or(b.len(), |e| lt + e + 1);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(b, name_start + name_len);
        let self_closing = end >= 2 && b[end - 2] == b'/';
        let counted = !(VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()));
        let mut drop = false;
        if closing {
            if !counted {
                // Neither counted when opened nor dropped.
            } else if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                drop = true;
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            // Its text is no markup: go on after its end tag.
            let close = format!("</{name}");
            let after = html[end..].to_ascii_lowercase().find(&close);
            i = after.map_or(b.len(), |a| end + a);
            continue;
        } else if counted && !self_closing {
            if depth >= MAX_DEPTH {
                *dropped.entry(name).or_default() += 1;
                flattened += 1;
                drop = true;
            } else {
                depth += 1;
            }
        }
        if drop {
            out.push_str(&html[copied..lt]);
            copied = end;
        }
        i = end;
    }
    if copied == 0 {
        return (Cow::Borrowed(html), 0);
    }
    out.push_str(&html[copied..]);
    (Cow::Owned(out), flattened)
}

/// After the `>` that ends a tag whose attributes start at `i` (quoted values may hold `>`).
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_left_as_they_are() {
        let page = "<html><body><div class=\"a>b\"><p>One<p>Two<br/><script>if (a<b) {}</script></div></body></html>";
        assert!(matches!(flatten(page), (Cow::Borrowed(_), 0)));
        let many_unclosed = format!("<ul>{}</ul>", "<li>item".repeat(1000));
        assert!(matches!(flatten(&many_unclosed), (Cow::Borrowed(_), 0)));
    }

    #[test]
    fn tags_below_the_limit_are_dropped_with_their_end_tags_and_the_text_stays() {
        let n = MAX_DEPTH + 100;
        let page = format!(
            "{}<p>Deep text.</p>{}<p>After.</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (flat, dropped) = flatten(&page);
        assert_eq!(dropped, 100);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("<p>Deep text.</p>") && flat.ends_with("</div><p>After.</p>"));
    }
}
