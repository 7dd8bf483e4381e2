//! No person or organisation of any evaluation corpus is named in the code, the tests, the
//! lexicons or the sample data: rules must be general English, not the corpora's answers.
//!
//! The names come from the gold files: `tests/real/` (in this repository) and, when they are
//! beside the checkout, `../shared/eval/real/` and `../shared/eval/dev/`. A name of two or more
//! words, or an acronym of three or more capitals, found as a whole word in any file of `src/`,
//! `tests/` (but the gold itself), `examples/`, `benches/`, `ontology/`, `data/` or `queries/`
//! fails the test.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Tokens a corpus uses as a name that are general knowledge in their other sense: "HRH" (His
/// or Her Royal Highness, an honorific), "RSS" (the feed format, page furniture), "Eastern
/// Region" (a region of several countries, in the places lexicon), "Parish Council" (a kind of
/// body, an organisation head in the lexicon; a report's alias for its own council), "INTO"
/// (the preposition, as SQL and SPARQL write it: "INSERT INTO"), "WHO" (the pronoun in
/// capitals, the name finder's example of an acronym spelling a stopword), "City Council" (a
/// kind of body, an organisation head in the lexicon), "NRW" (a German state's abbreviation, in
/// the places lexicon), "St. Paul" (a city of the United States, in the places lexicon; a
/// report's name for the apostle), "NEC" (a National Executive Committee or Council, a kind
/// of body's own structure, as "City Council" is a kind of body; a report's alias for one),
/// "CIC" (a community interest company, a legal form in the organisation heads lexicon; a
/// report's acronym for a society), "MBA" (the Master of Business Administration, a degree in
/// the common acronyms lexicon and the post-nominals; a report's acronym for an association),
/// "Trades Council" (a kind of body, a town's council of trade unions, as "City Council" is; a
/// report's short form for its own).
const GENERAL: &[&str] = &[
    "HRH",
    "RSS",
    "Eastern Region",
    "Parish Council",
    "INTO",
    "WHO",
    "City Council",
    "NRW",
    "St. Paul",
    "NEC",
    "CIC",
    "MBA",
    "Trades Council",
];

fn gold_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/real", "../shared/eval/real", "../shared/eval/dev"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.to_string_lossy().ends_with(".gold.json") {
                out.push(p);
            }
        }
    }
    out
}

/// The names a gold file gives people and organisations that are specific enough to search.
fn corpus_names(gold: &Path) -> Vec<String> {
    let text = fs::read_to_string(gold).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    for key in ["people", "organisations"] {
        for e in json[key].as_array().into_iter().flatten() {
            let aliases = e["aliases"].as_array().into_iter().flatten();
            for n in std::iter::once(&e["name"]).chain(aliases) {
                let Some(n) = n.as_str() else { continue };
                let words = n.split_whitespace().count();
                let acronym = n.len() >= 3 && n.chars().all(|c| c.is_ascii_uppercase());
                if (words >= 2 || acronym) && !GENERAL.contains(&n) {
                    out.push(n.to_owned());
                }
            }
        }
    }
    out
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("tests/real") && !p.ends_with("node_modules") {
                files(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}

fn whole_word_at(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            && !after.is_some_and(|c| c.is_alphanumeric() || c == '-')
    })
}

#[test]
fn no_corpus_name_is_in_the_project() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golds = gold_files(root);
    assert!(!golds.is_empty(), "no gold files under tests/real");
    let names: BTreeSet<String> = golds.iter().flat_map(|g| corpus_names(g)).collect();
    let mut searched = Vec::new();
    for dir in [
        "src", "tests", "examples", "benches", "ontology", "data", "queries",
    ] {
        files(&root.join(dir), &mut searched);
    }
    let mut found = Vec::new();
    for file in &searched {
        let Ok(text) = fs::read_to_string(file) else {
            continue;
        };
        for name in &names {
            if whole_word_at(&text, name) {
                found.push(format!("{name:?} in {}", file.display()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "names of the evaluation corpora in the project:\n{}",
        found.join("\n")
    );
}
