//! Text → blocks (headings, paragraphs, list items) → sentences, all as byte offsets.
//!
//! Written by hand because the crates that split sentences either follow Unicode's rules (which
//! break "Dr. Asante" and "No. 4" in two and know nothing of headings or Markdown list markers) or
//! carry a model that must be downloaded. This module only finds boundaries: it never changes the
//! text, so every span it returns is a slice of the report exactly as written.

use crate::model::{Block, BlockKind, Format, Sentence};

/// Lines of at most this many words, with no closing punctuation, stand as headings.
const HEADING_MAX_WORDS: usize = 14;

/// The longest sentence handed on, in bytes: a longer run of text without a sentence boundary
/// (an unpunctuated line, a list of hundreds of names) is cut into pieces of at most this many
/// bytes at the last space before the limit. The extractor's rules compare the words of a
/// sentence with one another, so their work grows with the square of a sentence's length: a
/// 4 MB line with no full stop took minutes; pieces keep it linear in the text. Real sentences
/// are far shorter (in the evaluation texts and the sample reports, none reaches 1,500 bytes).
pub const MAX_SENTENCE_BYTES: usize = 3_000;

/// Words that a full stop follows without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "cllr", "rev", "revd", "fr", "jr", "sr", "snr",
    "jnr", "no", "nos", "vs", "v", "gen", "col", "capt", "lt", "sgt", "cpl", "hon", "gov", "sen",
    "rep", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    "est", "dept", "univ", "assn", "bros", "mme", "mlle", "cf", "al", "fig", "vol", "pp", "op",
    "rt", "ave", "rd", "sq", "ft", "ed", "eds", "ven", "maj", "brig", "adm", "cmdr", "cdr",
    "lieut", "insp", "supt", "det", "amb", "cdre", "messrs", "atty", "esq", "mx", "pres", "md",
    "mohd", "muhd",
];

/// Runs of text with no sentence boundary that were longer than [`MAX_SENTENCE_BYTES`], and so
/// cut into pieces: how many, and the longest, in bytes. The reader warns of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cuts {
    pub runs: usize,
    pub longest: usize,
}

/// Splits `text` into blocks and sentences.
pub fn segment(text: &str, format: Format) -> (Vec<Block>, Vec<Sentence>) {
    segment_with_headings(text, format, &[])
}

/// Like `segment`, with headings known from the source's markup (HTML's h1-h6): blocks
/// starting at one of these byte offsets are headings of that level.
pub fn segment_with_headings(
    text: &str,
    format: Format,
    headings: &[(usize, usize, u8)],
) -> (Vec<Block>, Vec<Sentence>) {
    let (blocks, sentences, _) = segment_counting_cuts(text, format, headings);
    (blocks, sentences)
}

/// Like `segment_with_headings`, also telling which over-long runs of text were cut.
pub fn segment_counting_cuts(
    text: &str,
    format: Format,
    headings: &[(usize, usize, u8)],
) -> (Vec<Block>, Vec<Sentence>, Cuts) {
    let mut blocks = blocks(text, format);
    if !headings.is_empty() {
        for b in blocks.iter_mut() {
            match headings.iter().find(|h| h.0 <= b.start && b.end <= h.1) {
                Some(&(_, _, level)) => {
                    b.kind = BlockKind::Heading;
                    b.level = level.min(2);
                }
                None if b.kind == BlockKind::Heading => b.kind = BlockKind::Paragraph,
                None => {}
            }
            if b.kind != BlockKind::Heading {
                b.level = 0;
            }
        }
    }
    let mut sentences = Vec::new();
    let mut cuts = Cuts::default();
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::Heading {
            sentences.push(Sentence {
                start: b.start,
                end: b.end,
                block: i,
            });
        } else {
            for (start, end) in split_counting_cuts(&text[b.start..b.end], &mut cuts) {
                sentences.push(Sentence {
                    start: b.start + start,
                    end: b.start + end,
                    block: i,
                });
            }
        }
    }
    (blocks, sentences, cuts)
}

/// A line of the text with its byte span (without the line break).
struct Line<'a> {
    start: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        out.push(Line { start, text: body });
        start += piece.len();
    }
    out
}

fn blocks(text: &str, format: Format) -> Vec<Block> {
    let markdown = format == Format::Markdown;
    let mut out: Vec<Block> = Vec::new();
    // The paragraph being built: (start, end, number of lines).
    let mut open: Option<(usize, usize, usize)> = None;
    let mut in_fence = false;
    let wrap_min = wrap_min_chars(text);

    let close = |open: &mut Option<(usize, usize, usize)>, out: &mut Vec<Block>| {
        if let Some((start, end, nlines)) = open.take() {
            let kind = if nlines == 1 && looks_like_heading(&text[start..end]) {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            };
            push(out, text, start, end, kind, 0);
        }
    };

    for line in lines(text) {
        let trimmed = line.text.trim();
        let lead = line.text.len() - line.text.trim_start().len();
        let content_start = line.start + lead;
        if markdown && trimmed.starts_with("```") {
            close(&mut open, &mut out);
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        if trimmed.is_empty() || is_rule(trimmed) {
            close(&mut open, &mut out);
            continue;
        }
        if markdown {
            if let Some((level, skip)) = markdown_heading(trimmed) {
                close(&mut open, &mut out);
                let start = content_start + skip;
                let end = line.start + line.text.trim_end().trim_end_matches('#').trim_end().len();
                push(
                    &mut out,
                    text,
                    start,
                    end.max(start),
                    BlockKind::Heading,
                    level,
                );
                continue;
            }
        }
        if let Some(skip) = list_marker(trimmed) {
            close(&mut open, &mut out);
            let start = content_start + skip;
            let end = line.start + line.text.trim_end().len();
            push(&mut out, text, start, end, BlockKind::ListItem, 0);
            continue;
        }
        let end = line.start + line.text.trim_end().len();
        match open.as_mut() {
            Some((_, prev_end, nlines)) if !ends_hard(&text[..*prev_end], wrap_min) => {
                // A soft-wrapped line continues the paragraph.
                *prev_end = end;
                *nlines += 1;
            }
            Some(_) => {
                close(&mut open, &mut out);
                open = Some((content_start, end, 1));
            }
            None => open = Some((content_start, end, 1)),
        }
    }
    close(&mut open, &mut out);

    // The first heading of a report, before any prose, is its title.
    if let Some(first) = out.first_mut() {
        if first.kind == BlockKind::Heading && first.level != 2 {
            first.level = 1;
        }
    }
    for b in out.iter_mut() {
        if b.kind == BlockKind::Heading && b.level == 0 {
            b.level = 2;
        }
    }
    out
}

fn push(out: &mut Vec<Block>, text: &str, start: usize, end: usize, kind: BlockKind, level: u8) {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (start, end) = (start + lead, end - trail);
    if start < end {
        out.push(Block {
            start,
            end,
            kind,
            level,
        });
    }
}

/// A horizontal rule, or press-release end marks such as `###` and `-30-`, separate blocks.
fn is_rule(line: &str) -> bool {
    // Asked of every line: the first mark decides, and most lines fail on it.
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks
        .next()
        .filter(|c| matches!(c, '-' | '*' | '_' | '=' | '#'))
    else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// `## Title` → (2, bytes to skip before the title).
fn markdown_heading(line: &str) -> Option<(u8, usize)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let skip = hashes + (rest.len() - rest.trim_start().len());
    Some((hashes as u8, skip))
}

/// `- item`, `* item`, `• item`, `1. item`, `2) item` → bytes to skip before the item's text.
fn list_marker(line: &str) -> Option<usize> {
    let mut chars = line.char_indices();
    let (_, first) = chars.next()?;
    let after_marker = if matches!(first, '-' | '*' | '+' | '•' | '‣' | '◦' | '–') {
        first.len_utf8()
    } else if first.is_ascii_digit() {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 3 || !matches!(line.as_bytes().get(digits), Some(b'.') | Some(b')')) {
            return None;
        }
        digits + 1
    } else {
        return None;
    };
    let rest = &line[after_marker..];
    if !rest.starts_with([' ', '\t']) || rest.trim().is_empty() {
        return None;
    }
    Some(after_marker + (rest.len() - rest.trim_start().len()))
}

/// Lines shorter than this that end without punctuation stand alone (headings, contact lines,
/// addresses); longer ones are taken as hard-wrapped prose that the next line continues.
const WRAP_MIN_CHARS: usize = 50;

/// How many short wrapped lines make a text one set in narrow columns.
const NARROW_WRAPS_MIN: usize = 5;

/// The shortest line, in characters, that the next line may continue in this text: usually
/// [`WRAP_MIN_CHARS`]. A text set in narrow columns (a newspaper page read by OCR, a
/// column-wide e-mail) wraps its prose at 30-45 characters, so that its sentences ran on over
/// lines the default takes for headings. Such a text shows itself by lines that end with no
/// punctuation and are followed by a line that begins in lower case, the sentence running on:
/// when at least [`NARROW_WRAPS_MIN`] short lines do so, the shortest line continued is two
/// thirds of their median length, so that the text's own short lines (its headings, of a few
/// words) still stand alone.
fn wrap_min_chars(text: &str) -> usize {
    let mut widths = Vec::new();
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        let line = line.trim();
        if let Some(p) = prev {
            let runs_on = line.chars().next().is_some_and(char::is_lowercase);
            let width = p.chars().count();
            if runs_on && width < WRAP_MIN_CHARS && !ends_with_mark(p) {
                widths.push(width);
            }
        }
        prev = Some(line).filter(|l| !l.is_empty());
    }
    if widths.len() < NARROW_WRAPS_MIN {
        return WRAP_MIN_CHARS;
    }
    widths.sort_unstable();
    (widths[widths.len() / 2] * 2 / 3).min(WRAP_MIN_CHARS)
}

/// True when a text ends with a mark that may end a paragraph: terminal punctuation, a closing
/// quote or bracket, a colon.
fn ends_with_mark(text: &str) -> bool {
    let text = text.trim_end();
    matches!(
        text.chars().last(),
        Some('.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | ')' | ']' | '…' | '*' | '_')
    ) || text
        .strip_suffix('\'')
        .and_then(|rest| rest.chars().last())
        .is_some_and(|c| matches!(c, '.' | '!' | '?'))
}

/// True when a text ends where a paragraph may end: a mark that may end one, or a line shorter
/// than `wrap_min` characters.
fn ends_hard(text: &str, wrap_min: usize) -> bool {
    let trimmed = text.trim_end();
    let last_line = trimmed.rsplit('\n').next().unwrap_or(trimmed);
    ends_with_mark(trimmed) || last_line.trim().chars().count() < wrap_min
}

/// A short line that does not end as a sentence does: a heading, a dateline, a byline.
fn looks_like_heading(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    if words == 0 || words > HEADING_MAX_WORDS {
        return false;
    }
    // A quotation in single marks closes a sentence too: "… she said: 'We will win.'"
    let before_single = line
        .strip_suffix(['\'', '’'])
        .and_then(|rest| rest.chars().last());
    !matches!(
        line.chars().last(),
        Some('.' | '!' | '?' | ',' | ';' | ':' | '"' | '”')
    ) && !matches!(before_single, Some('.' | '!' | '?' | ','))
}

/// Splits one block into sentence spans (relative byte offsets, trimmed).
pub fn split_sentences(block: &str) -> Vec<(usize, usize)> {
    split_counting_cuts(block, &mut Cuts::default())
}

/// `split_sentences`, adding the over-long runs it cut to `cuts`.
fn split_counting_cuts(block: &str, cuts: &mut Cuts) -> Vec<(usize, usize)> {
    let bytes = block.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = block.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Take in further terminal marks and closing quotes or brackets: `.”`, `?)`, `...`.
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if matches!(
                d,
                '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ')' | ']' | '*' | '_'
            ) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &block[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue; // no space after the mark (e.g. "3.5", "U.S.A"), or end of block
        }
        let next = after_space.chars().next().unwrap_or(' ');
        let starts_sentence = next.is_uppercase()
            || next.is_ascii_digit()
            || matches!(
                next,
                '"' | '“' | '‘' | '\'' | '(' | '[' | '*' | '_' | '—' | '–'
            );
        if !starts_sentence {
            continue;
        }
        if c == '.' && end == i + 1 && is_abbreviation(&block[..i]) {
            continue;
        }
        if c == '.' && end == i + 1 && excellency_before_a_title(&block[..i], after_space) {
            continue;
        }
        push_span(&mut out, cuts, block, start, end);
        start = bytes.len() - after_space.len();
    }
    push_span(&mut out, cuts, block, start, block.len());
    out
}

/// Pushes the span `start..end` of `block`, trimmed, cut into pieces of at most
/// [`MAX_SENTENCE_BYTES`] (at the last whitespace before the limit, else at a character
/// boundary); a span that had to be cut is counted in `cuts`.
fn push_span(
    out: &mut Vec<(usize, usize)>,
    cuts: &mut Cuts,
    block: &str,
    mut start: usize,
    end: usize,
) {
    if end - start > MAX_SENTENCE_BYTES {
        cuts.runs += 1;
        cuts.longest = cuts.longest.max(end - start);
    }
    while end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !block.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = block[start..limit]
            .rfind(char::is_whitespace)
            .map(|i| start + i)
            .filter(|&i| i > start)
            .unwrap_or(limit);
        push_trimmed(out, block, start, cut);
        start = cut;
    }
    push_trimmed(out, block, start, end);
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, block: &str, start: usize, end: usize) {
    let slice = &block[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// "HE." for His or Her Excellency, in capitals before another title ("HE. Amb. A B", "HE. Dr
/// A B"): no sentence ends there. Elsewhere "HE." ends one ("… in FE and HE. Ana Ruiz said").
fn excellency_before_a_title(before: &str, after: &str) -> bool {
    let he = before.strip_suffix("HE").is_some_and(|rest| {
        rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric() && c != '.')
    });
    let next = after.split_whitespace().next().unwrap_or("");
    he && matches!(
        next.trim_end_matches('.'),
        "Amb" | "Dr" | "Mr" | "Mrs" | "Ms" | "Prof" | "Hon" | "Sheikh" | "Sen" | "Gen" | "Sir"
    )
}

/// Is the word just before a full stop an abbreviation or an initial?
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let mut letters = word.chars();
    // A single capital letter is an initial ("J. Smith"); "U.S", "e.g", "a.m" are abbreviations.
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    if word.contains('.') {
        return true;
    }
    ABBREVIATIONS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn splits_at_full_stops_followed_by_capitals() {
        assert_eq!(
            sentences("The rally began at noon. Speakers followed. It rained!"),
            [
                "The rally began at noon.",
                "Speakers followed.",
                "It rained!"
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        assert_eq!(
            sentences("Dr. Okafor met Mr. J. R. Tolkien at No. 4 Elm Row. They talked."),
            [
                "Dr. Okafor met Mr. J. R. Tolkien at No. 4 Elm Row.",
                "They talked."
            ]
        );
        assert_eq!(
            sentences("The envoy, HE. Amb. Ana Ruiz, spoke. Then he left. He came back."),
            [
                "The envoy, HE. Amb. Ana Ruiz, spoke.",
                "Then he left.",
                "He came back."
            ]
        );
        assert_eq!(
            sentences("Cuts hit staff in FE and HE. Ana Ruiz said so. Cdre. Tom Hale agreed."),
            [
                "Cuts hit staff in FE and HE.",
                "Ana Ruiz said so.",
                "Cdre. Tom Hale agreed."
            ]
        );
        assert_eq!(
            sentences("Costs rose 3.5 per cent in the U.S. economy."),
            ["Costs rose 3.5 per cent in the U.S. economy."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We are ready. We will win.” Lena Park, a steward, spoke next."),
            [
                "“We are ready.",
                "We will win.”",
                "Lena Park, a steward, spoke next."
            ]
        );
        assert_eq!(
            sentences("\"It works,\" she said. \"Try it.\""),
            ["\"It works,\" she said.", "\"Try it.\""]
        );
    }

    #[test]
    fn lowercase_after_a_stop_does_not_split() {
        assert_eq!(
            sentences("They met at 10 a.m. and left at noon."),
            ["They met at 10 a.m. and left at noon."]
        );
    }

    fn block_texts(text: &str, format: Format) -> Vec<(BlockKind, &str)> {
        blocks(text, format)
            .into_iter()
            .map(|b| (b.kind, &text[b.start..b.end]))
            .collect()
    }

    #[test]
    fn plain_text_headings_paragraphs_and_soft_wraps() {
        let text = "Annual Meeting 2025\n\nMorning session\n\nThe chair opened the meeting of the regional council\nand welcomed guests from the three neighbouring towns. Then\nthe vote.\nA new paragraph starts here.\nMedia contact:\nAna Ruiz, Press Officer\nTel: 0123\n";
        assert_eq!(
            block_texts(text, Format::Text),
            [
                (BlockKind::Heading, "Annual Meeting 2025"),
                (BlockKind::Heading, "Morning session"),
                (
                    BlockKind::Paragraph,
                    "The chair opened the meeting of the regional council\nand welcomed guests from the three neighbouring towns. Then\nthe vote."
                ),
                (BlockKind::Paragraph, "A new paragraph starts here."),
                (BlockKind::Paragraph, "Media contact:"),
                (BlockKind::Heading, "Ana Ruiz, Press Officer"),
                (BlockKind::Heading, "Tel: 0123"),
            ]
        );
    }

    #[test]
    fn a_line_that_closes_a_quotation_in_single_marks_is_no_heading() {
        let text =
            "Rents\n\nShe said: ‘We will win.’\n\nHe said: 'We will win.'\n\nThe members' union\n";
        assert_eq!(
            block_texts(text, Format::Text),
            [
                (BlockKind::Heading, "Rents"),
                (BlockKind::Paragraph, "She said: ‘We will win.’"),
                (BlockKind::Paragraph, "He said: 'We will win.'"),
                (BlockKind::Heading, "The members' union"),
            ]
        );
    }

    #[test]
    fn narrow_columns_run_on_over_short_lines() {
        // Set as an OCR'd newspaper column is: about 35 characters a line.
        let text = "ANGLERS MEET\nThe annual meeting of the Tolvik\nAngling Society was held in the\nTown Hall last night, and was\nwell attended by members and\nfriends. Mr. Tom Hale was in the\nchair.\nPRIZES AWARDED\nThe secretary read the report of\nthe year, which showed that the\nsociety had grown in numbers and\nin funds.\n";
        assert_eq!(
            block_texts(text, Format::Text),
            [
                (BlockKind::Heading, "ANGLERS MEET"),
                (
                    BlockKind::Paragraph,
                    "The annual meeting of the Tolvik\nAngling Society was held in the\nTown Hall last night, and was\nwell attended by members and\nfriends. Mr. Tom Hale was in the\nchair."
                ),
                (BlockKind::Heading, "PRIZES AWARDED"),
                (
                    BlockKind::Paragraph,
                    "The secretary read the report of\nthe year, which showed that the\nsociety had grown in numbers and\nin funds."
                ),
            ]
        );
        // Fewer short lines running on than a narrow column has: the usual width holds.
        let contact = "Media contact:\nAna Ruiz, Press Officer\nana.ruiz@example.org\n";
        assert_eq!(wrap_min_chars(contact), WRAP_MIN_CHARS);
    }

    #[test]
    fn rules_are_one_mark_repeated() {
        for (line, rule) in [
            ("---", true),
            ("* * *", true),
            ("###", true),
            ("===== ", true),
            ("--", false),
            ("-*-", false),
            ("-- 30 --", false),
            ("Tom Hale spoke.", false),
            ("", false),
        ] {
            assert_eq!(is_rule(line), rule, "{line:?}");
        }
    }

    #[test]
    fn markdown_headings_lists_and_rules() {
        let text = "# Title\n\n## Panel: Water\n\n- Ana Ruiz (Chair, River Trust)\n* Bo Li, Clean Rivers\n1. *Workshop one*, led by Sam\n\n---\n\nProse **bold** here.\n";
        assert_eq!(
            block_texts(text, Format::Markdown),
            [
                (BlockKind::Heading, "Title"),
                (BlockKind::Heading, "Panel: Water"),
                (BlockKind::ListItem, "Ana Ruiz (Chair, River Trust)"),
                (BlockKind::ListItem, "Bo Li, Clean Rivers"),
                (BlockKind::ListItem, "*Workshop one*, led by Sam"),
                (BlockKind::Paragraph, "Prose **bold** here."),
            ]
        );
        let b = blocks(text, Format::Markdown);
        assert_eq!((b[0].level, b[1].level), (1, 2));
    }

    #[test]
    fn over_long_sentences_are_cut_at_spaces_into_slices_of_the_text() {
        let line = "word Ana Ruiz and ".repeat(1000);
        let spans = split_sentences(&line);
        assert!(
            spans.len() >= line.len() / MAX_SENTENCE_BYTES,
            "{}",
            spans.len()
        );
        for &(s, e) in &spans {
            assert!(e - s <= MAX_SENTENCE_BYTES);
            assert!(!line[s..e].starts_with(' ') && !line[s..e].ends_with(' '));
        }
        // Every word is in one piece, none cut.
        let words: usize = spans
            .iter()
            .map(|&(s, e)| line[s..e].split_whitespace().count())
            .sum();
        assert_eq!(words, line.split_whitespace().count());
        // With no space at all, the cut falls on a character boundary.
        let solid = "é".repeat(MAX_SENTENCE_BYTES);
        let spans = split_sentences(&solid);
        assert_eq!(spans.len(), 2);
        assert!(spans
            .iter()
            .all(|&(s, e)| solid.is_char_boundary(s) && solid.is_char_boundary(e)));
    }

    #[test]
    fn cut_runs_are_counted_and_ordinary_text_is_not() {
        let line = "word Ana Ruiz and ".repeat(1000);
        let text = format!("Heading here\n\nOne. Two three.\n\n{line}\n\n{line}. Short.\n");
        let (_, _, cuts) = segment_counting_cuts(&text, Format::Text, &[]);
        assert_eq!(cuts.runs, 2);
        assert!(cuts.longest > line.len() - 2, "{cuts:?}");
        let (_, _, none) = segment_counting_cuts("One. Two three.\n", Format::Text, &[]);
        assert_eq!(none, Cuts::default());
    }

    #[test]
    fn sentences_point_into_the_text() {
        let text = "Heading here\n\nOne. Two three.\n";
        let (blocks, sentences) = segment(text, Format::Text);
        assert_eq!(blocks.len(), 2);
        let got: Vec<&str> = sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["Heading here", "One.", "Two three."]);
        assert_eq!(sentences[2].block, 1);
    }
}
