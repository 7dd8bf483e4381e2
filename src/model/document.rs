//! The plain type a report becomes before extraction: its text, metadata, blocks and sentences.
//!
//! Offsets are byte offsets into `Document::text`, the text ties reads from the file (the whole
//! file for .txt, the body after the front matter for .md, the article's text for .html). Every
//! sentence's text is a slice of it, so evidence is always quoted exactly as in the report.

use std::path::PathBuf;

/// The kinds of file ties reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format of a report file, by its extension; None for anything ties does not read as text.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// The short name written as `ties:format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// What a block of text is: a heading names a section (and often a session); list items carry
/// panel line-ups; paragraphs carry the prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
}

/// A paragraph-level span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub kind: BlockKind,
    /// For headings: 1 for the document title, 2 and below for sections. 0 for other blocks.
    pub level: u8,
}

/// One sentence: a span of the text inside one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index into `Document::blocks`.
    pub block: usize,
}

/// Metadata found in the file (front matter, HTML head), before any extraction.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    /// YYYY-MM-DD.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The publishing site or outlet, when the page names one.
    pub publisher: Option<String>,
}

/// A report, read and segmented.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file it came from, canonicalised; None for text given directly.
    pub source: Option<PathBuf>,
    pub format: Format,
    pub meta: Metadata,
    /// `sha256:` and the hex digest of the file's bytes.
    pub content_hash: String,
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    /// Things a researcher should know about how the file was read (encoding guessed...).
    pub warnings: Vec<String>,
}

impl Document {
    pub fn sentence_text(&self, index: usize) -> &str {
        let s = &self.sentences[index];
        &self.text[s.start..s.end]
    }

    pub fn block_text(&self, index: usize) -> &str {
        let b = &self.blocks[index];
        &self.text[b.start..b.end]
    }

    /// The index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }

    /// The sentences of one block, as a range of sentence indices.
    pub fn sentences_of_block(&self, block: usize) -> std::ops::Range<usize> {
        let first = self.sentences.partition_point(|s| s.block < block);
        let last = self.sentences.partition_point(|s| s.block <= block);
        first..last
    }
}
