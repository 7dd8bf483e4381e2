//! Markdown reports: the optional YAML front matter (title, date, url) is read and cut off; the
//! body is kept as written, markup included, so evidence quotes the file exactly. Headings, list
//! items and rules are recognised by `segment`; inline markup (`**`, `*`, `_`) is skipped by the
//! extractor's tokenizer.

use super::html::normalise_date;
use crate::model::Metadata;
use yaml_rust2::{Yaml, YamlLoader};

/// The front matter's metadata, the byte offset where the body starts, and a warning when the
/// file opens front matter that is broken (no closing `---` line, or YAML that does not parse):
/// its metadata is then not read, and the user should know.
pub fn front_matter(text: &str) -> (Metadata, usize, Option<String>) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (Metadata::default(), 0, None);
    };
    let header_len = text.len() - rest.len();
    // The closing fence: a line of exactly `---` (or `...`).
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &rest[..offset];
            let body_start = header_len + offset + line.len();
            let (meta, warning) = match parse_yaml(yaml) {
                Ok(meta) => (meta, None),
                Err(e) => (
                    Metadata::default(),
                    Some(format!(
                        "the front matter is not valid YAML ({e}); its title, date and url were not read: fix the YAML between the --- lines"
                    )),
                ),
            };
            return (meta, body_start, warning);
        }
        offset += line.len();
    }
    // No closing fence: not front matter, and the text is read whole (the `---` included).
    (
        Metadata::default(),
        0,
        Some(
            "the file opens front matter with a --- line but no --- line closes it; it was read as text, its title, date and url not read: close it with a line of ---".into(),
        ),
    )
}

fn parse_yaml(yaml: &str) -> Result<Metadata, yaml_rust2::ScanError> {
    let docs = YamlLoader::load_from_str(yaml)?;
    let Some(doc) = docs.first() else {
        return Ok(Metadata::default());
    };
    let field = |key: &str| -> Option<String> {
        match &doc[key] {
            Yaml::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            Yaml::Integer(i) => Some(i.to_string()),
            Yaml::Real(r) => Some(r.clone()),
            _ => None,
        }
    };
    Ok(Metadata {
        title: field("title"),
        date: field("date").and_then(|d| normalise_date(&d)),
        url: field("url").or_else(|| field("link")),
        publisher: field("publisher").or_else(|| field("site")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_cuts_front_matter() {
        let text = "---\ntitle: \"A day of talks\"\ndate: 2025-03-01\nurl: https://example.org/x\ntags: [a, b]\n---\n\n# A day of talks\n";
        let (meta, body, warning) = front_matter(text);
        assert_eq!(warning, None);
        assert_eq!(meta.title.as_deref(), Some("A day of talks"));
        assert_eq!(meta.date.as_deref(), Some("2025-03-01"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(&text[body..], "\n# A day of talks\n");
    }

    #[test]
    fn no_front_matter_means_the_whole_text() {
        assert_eq!(
            front_matter("# Title\n\nText."),
            (Metadata::default(), 0, None)
        );
        let (_, body, warning) = front_matter("---\nnot closed\n");
        assert_eq!(body, 0);
        assert!(warning
            .expect("a warning")
            .contains("no --- line closes it"));
    }

    #[test]
    fn broken_yaml_gives_no_metadata_but_still_cuts() {
        let (meta, body, warning) = front_matter("---\ntitle: [unclosed\n---\nBody.");
        assert_eq!(meta, Metadata::default());
        assert_eq!(body, 25);
        assert!(warning.expect("a warning").contains("not valid YAML"));
    }
}
