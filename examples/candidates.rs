//! Prints, for each report named, the person–event pairs no hand rule claimed, with the names
//! each goes by and the features of the learned participation rule, one JSON object per line:
//! the input of `scripts/train_participation.py`.
//!
//!     cargo run --release --example candidates -- /tmp/fit/*.txt > candidates.jsonl

use std::io::Write;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let extractor = ties::extract::Extractor::new();
    let mut out = std::io::stdout().lock();
    for path in std::env::args_os().skip(1).map(PathBuf::from) {
        let found = ties::pipeline::analyse_file(&path, &extractor)?;
        let report = path.file_name().map(|n| n.to_string_lossy().into_owned());
        for row in extractor.participation_candidates(&found.document) {
            let line = serde_json::json!({ "report": report, "row": row });
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}
