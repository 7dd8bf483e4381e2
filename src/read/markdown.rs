//! Markdown reports: the optional YAML front matter (title, date, url) is read and cut off; the
//! body is kept as written, markup included, so evidence quotes the file exactly. Headings, list
//! items and rules are recognised by `segment`; inline markup (`**`, `*`, `_`) is skipped by the
//! extractor's tokenizer.

use super::html::normalise_date;
use crate::model::Metadata;
use yaml_rust2::{Yaml, YamlLoader};

/// The front matter's metadata and the byte offset where the body starts.
pub fn front_matter(text: &str) -> (Metadata, usize) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (Metadata::default(), 0);
    };
    let header_len = text.len() - rest.len();
    // The closing fence: a line of exactly `---` (or `...`).
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &rest[..offset];
            let body_start = header_len + offset + line.len();
            return (parse_yaml(yaml), body_start);
        }
        offset += line.len();
    }
    (Metadata::default(), 0) // no closing fence: not front matter
}

fn parse_yaml(yaml: &str) -> Metadata {
    let Ok(docs) = YamlLoader::load_from_str(yaml) else {
        return Metadata::default();
    };
    let Some(doc) = docs.first() else {
        return Metadata::default();
    };
    let field = |key: &str| -> Option<String> {
        match &doc[key] {
            Yaml::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Yaml::Integer(i) => Some(i.to_string()),
            Yaml::Real(r) => Some(r.clone()),
            _ => None,
        }
    };
    Metadata {
        title: field("title"),
        date: field("date").and_then(|d| normalise_date(&d)),
        url: field("url").or_else(|| field("link")),
        publisher: field("publisher").or_else(|| field("site")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_cuts_front_matter() {
        let text = "---\ntitle: \"A day of talks\"\ndate: 2025-03-01\nurl: https://example.org/x\ntags: [a, b]\n---\n\n# A day of talks\n";
        let (meta, body) = front_matter(text);
        assert_eq!(meta.title.as_deref(), Some("A day of talks"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-01"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(&text[body..], "\n# A day of talks\n");
    }

    #[test]
    fn no_front_matter_means_the_whole_text() {
        assert_eq!(front_matter("# Title\n\nText.").1, 0);
        assert_eq!(front_matter("---\nnot closed\n").1, 0);
    }

    #[test]
    fn broken_yaml_gives_no_metadata_but_still_cuts() {
        let (meta, body) = front_matter("---\ntitle: [unclosed\n---\nBody.");
        assert_eq!(meta, Metadata::default());
        assert_eq!(body, 25);
    }
}
