//! The reader: a report file (or bytes, or text) → a `Document`: decoded (`decode`), its
//! article text found (`html`) or its front matter read (`markdown`), cut into blocks and
//! sentences with byte offsets (`segment`).
//!
//! It knows nothing of extraction, RDF or the store, and never walks folders: the driver that
//! finds files and runs read → extract → rdf → store is `ingest`.

pub mod decode;
pub mod html;
pub mod markdown;
pub mod segment;

use crate::error::{Error, Result};
use crate::model::{Block, BlockKind, Document, Format, Metadata};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Reads one report file into a document.
pub fn read_document(path: &Path, format: Format) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    document_from_bytes(&bytes, format, Some(path.to_path_buf()))
}

/// Decodes, cleans and segments a report given as bytes.
pub fn document_from_bytes(
    bytes: &[u8],
    format: Format,
    source: Option<PathBuf>,
) -> Result<Document> {
    let name = source.clone().unwrap_or_else(|| PathBuf::from("<input>"));
    let decoded = decode::decode(bytes).map_err(|e| Error::input(&name, e.to_string()))?;
    let content_hash = content_hash(bytes);
    let mut headings = Vec::new();
    let mut warnings = Vec::new();
    let (text, meta) = match format {
        Format::Text => (decoded.text, Metadata::default()),
        Format::Markdown => {
            let (meta, body, warning) = markdown::front_matter(&decoded.text);
            warnings.extend(warning);
            (decoded.text[body..].to_owned(), meta)
        }
        Format::Html => {
            let article = html::extract_article(&decoded.text);
            warnings.extend(flattening_warning(article.flattened));
            headings = article.headings;
            let meta = Metadata {
                title: article.title,
                date: article.date,
                url: article.url,
                publisher: article.site_name,
            };
            (article.text, meta)
        }
    };
    if text.trim().is_empty() {
        return Err(Error::input(&name, "no report text found in the file"));
    }
    let mut doc = document_with_headings(text, format, source, meta, &headings);
    if doc.meta.title.is_none() {
        // No title in the file: its name stands for one.
        doc.meta.title = doc
            .source
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned());
    }

    doc.content_hash = content_hash;
    doc.warnings.extend(decoded.warning);
    doc.warnings.extend(warnings);
    Ok(doc)
}

/// Segments text that is already clean.
///
/// ```
/// use ties::model::{BlockKind, Format, Metadata};
///
/// let doc = ties::read::document_from_text(
///     "# Spring conference\n\nDelegates met in Leeds. Ana Ruiz opened it.".into(),
///     Format::Markdown,
///     None,
///     Metadata::default(),
/// );
/// assert_eq!(doc.meta.title.as_deref(), Some("Spring conference"));
/// assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
/// assert_eq!(doc.sentence_text(2), "Ana Ruiz opened it.");
/// ```
pub fn document_from_text(
    text: String,
    format: Format,
    source: Option<PathBuf>,
    meta: Metadata,
) -> Document {
    document_with_headings(text, format, source, meta, &[])
}

fn document_with_headings(
    text: String,
    format: Format,
    source: Option<PathBuf>,
    mut meta: Metadata,
    headings: &[(usize, usize, u8)],
) -> Document {
    let (blocks, sentences, cuts) = segment::segment_counting_cuts(&text, format, headings);
    if meta.title.is_none() {
        meta.title = title_block(&text, &blocks).map(|b| clean_title(&text[b.start..b.end]));
    }
    let content_hash = format!("sha256:{:x}", Sha256::digest(text.as_bytes()));
    Document {
        source,
        format,
        meta,
        content_hash,
        text,
        blocks,
        sentences,
        warnings: cut_warning(cuts).into_iter().collect(),
    }
}

/// What a reader of the report should know when runs of text were cut into pieces of at most
/// `MAX_SENTENCE_BYTES` (the extractor reads each piece alone).
fn cut_warning(cuts: segment::Cuts) -> Option<String> {
    let max = segment::MAX_SENTENCE_BYTES;
    let what = match cuts.runs {
        0 => return None,
        1 => format!(
            "a run of text with no sentence boundary ({} bytes) was cut into pieces of at most {max} bytes",
            cuts.longest
        ),
        n => format!(
            "{n} runs of text with no sentence boundary (the longest {} bytes) were cut into pieces of at most {max} bytes",
            cuts.longest
        ),
    };
    Some(format!(
        "{what}: a name or a claim across a cut may be missed (punctuating the text avoids it)"
    ))
}

/// What a reader of the report should know when the page nested elements too deep to read
/// (`html::MAX_DEPTH`).
fn flattening_warning(flattened: usize) -> Option<String> {
    (flattened > 0).then(|| {
        format!(
            "HTML elements nested more than {} deep were flattened ({flattened} start tags dropped, their text kept in the element around them): headings and paragraphs below that depth are read as one",
            html::MAX_DEPTH
        )
    })
}

/// The report's title: its first heading, passing over a first line in capitals ("FOR
/// IMMEDIATE RELEASE", "PRESS RELEASE"), which is furniture.
fn title_block<'a>(text: &str, blocks: &'a [Block]) -> Option<&'a Block> {
    let shouted = |b: &Block| {
        let t = &text[b.start..b.end];
        t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase)
    };
    let mut headings = blocks
        .iter()
        .take(3)
        .filter(|b| b.kind == BlockKind::Heading);
    let first = blocks.first().filter(|b| b.kind == BlockKind::Heading)?;
    if shouted(first) {
        return headings.find(|b| !shouted(b));
    }
    (first.level == 1).then_some(first)
}

fn clean_title(s: &str) -> String {
    s.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
        .to_owned()
}

/// The hash ties records for a report file's bytes (`ties:contentHash`).
pub fn content_hash(bytes: &[u8]) -> String {
    format!("sha256:{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_becomes_metadata_and_the_body_the_text() {
        let md = b"---\ntitle: Hello\ndate: 2025-01-02\n---\n# Hello\n\nText here.\n";
        let doc = document_from_bytes(md, Format::Markdown, None).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Hello"));
        assert_eq!(doc.text, "# Hello\n\nText here.\n");
        assert_eq!(doc.sentences.len(), 2);
    }

    #[test]
    fn plain_text_title_is_its_first_heading() {
        let doc = document_from_bytes(b"Big Day Out\n\nIt went well.", Format::Text, None).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Big Day Out"));
    }

    #[test]
    fn empty_and_binary_files_are_input_errors() {
        for bytes in [&b""[..], b"\x00\x01\x02binary"] {
            let err = document_from_bytes(bytes, Format::Text, None).unwrap_err();
            assert!(matches!(err, Error::Input { .. }));
        }
    }

    #[test]
    fn cut_runs_and_flattened_pages_give_warnings() {
        let line = "word Ana Ruiz and ".repeat(600);
        let doc = document_from_bytes(line.as_bytes(), Format::Text, None).unwrap();
        assert_eq!(doc.warnings.len(), 1, "{:?}", doc.warnings);
        assert!(doc.warnings[0].contains("no sentence boundary"));
        let n = html::MAX_DEPTH + 10;
        let page = format!(
            "<html><body>{}<p>Ana Ruiz spoke.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let doc = document_from_bytes(page.as_bytes(), Format::Html, None).unwrap();
        assert!(
            doc.warnings.iter().any(|w| w.contains("flattened")),
            "{:?}",
            doc.warnings
        );
        let plain = document_from_bytes(b"One. Two three.", Format::Text, None).unwrap();
        assert!(plain.warnings.is_empty());
    }

    #[test]
    fn html_without_text_is_refused() {
        let err = document_from_bytes(
            b"<html><body><nav>Home</nav></body></html>",
            Format::Html,
            None,
        );
        assert!(err.is_err());
    }
}
