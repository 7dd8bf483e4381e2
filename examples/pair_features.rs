//! Prints, as JSON lines, every person–organisation pair the pair model reads and every person
//! the presence models read in the reports named on the command line: what
//! `scripts/train_pair_model.py` learns from.
//!
//!     cargo run --release --example pair_features -- a.txt b.md

use std::io::Write;
use std::path::Path;
use ties::extract::Extractor;
use ties::model::Format;
use ties::read::read_document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let ex = Extractor::new();
    let mut out = std::io::stdout().lock();
    for arg in std::env::args().skip(1) {
        let path = Path::new(&arg);
        let format = Format::of_path(path).unwrap_or(Format::Text);
        let doc = read_document(path, format)?;
        for pair in ex.pair_candidates(&doc) {
            let text = doc.sentence_text(pair.sentence);
            let line = serde_json::json!({ "report": arg, "text": text, "pair": pair });
            writeln!(out, "{line}")?;
        }
        for person in ex.person_candidates(&doc) {
            let text = doc.sentence_text(person.sentence);
            let line = serde_json::json!({ "report": arg, "text": text, "person": person });
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
