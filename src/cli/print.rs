//! What the command line prints besides results: the progress bar of an ingest, its summary
//! line, and the tables of `ties stats`.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::Write;
use std::path::Path;
use ties::ingest::Progress;

/// `println!` that hands a closed pipe back as an error (`ties query … | head` ends quietly)
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

/// The last line of an ingest.
pub fn summary_line(summary: &ties::ingest::Summary, statements_in_store: usize) -> String {
    let mut line = read_line("ingested", summary);
    if summary.unchanged > 0 {
        line += &format!(
            "; {} unchanged since they went in, left as they are (--force reads them again)",
            summary.unchanged
        );
    }
    line += &format!("; the store holds {statements_in_store} statements");
    line + &failures(summary)
}

/// The last line of `extract --format nquads`.
pub fn extract_summary_line(summary: &ties::ingest::Summary) -> String {
    read_line("extracted", summary) + &failures(summary)
}

/// "ingested 3 reports and 1 RDF file(s) (420 statements) in 0.12 s".
fn read_line(verb: &str, summary: &ties::ingest::Summary) -> String {
    let plural = if summary.reports == 1 { "" } else { "s" };
    format!(
        "{verb} {} report{plural}{} ({} statements) in {:.2} s",
        summary.reports,
        if summary.rdf_files > 0 {
            format!(" and {} RDF file(s)", summary.rdf_files)
        } else {
            String::new()
        },
        summary.statements,
        summary.seconds,
    )
}

fn failures(summary: &ties::ingest::Summary) -> String {
    if summary.failures.is_empty() {
        String::new()
    } else {
        format!("; {} file(s) failed", summary.failures.len())
    }
}

/// Draws a progress bar on stderr when it is a terminal and there are enough files to wait for.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub fn new(show: bool) -> Bar {
        Bar {
            bar: show.then(|| {
                ProgressBar::new(0).with_style(
                    ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} reports {per_sec} eta {eta}",
                    )
                    .expect("a valid progress template"),
                )
            }),
        }
    }
}

impl Progress for Bar {
    fn start(&self, files: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(files as u64);
        }
    }
    fn done(&self, _path: &Path) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }
    fn warn(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("warning: {message}")),
            None => eprintln!("warning: {message}"),
        }
    }
    fn fail(&self, error: &ties::Error) {
        match &self.bar {
            Some(bar) => bar.println(format!("error: {}", error.full_text())),
            None => eprintln!("error: {}", error.full_text()),
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

pub fn print_stats(stats: &ties::stats::Stats) -> std::io::Result<()> {
    outln!(
        "{} statements in {} report graphs\n",
        stats.quads,
        stats.graphs
    );
    outln!("{:<28} {:>8}", "type", "nodes");
    for (t, n) in &stats.by_type {
        outln!("{t:<28} {n:>8}");
    }
    outln!(
        "\n{:<60} {:>10} {:>7} {:>7} {:>7}",
        "report",
        "statements",
        "people",
        "orgs",
        "claims"
    );
    for r in &stats.reports {
        let name = if r.title.is_empty() {
            &r.report
        } else {
            &r.title
        };
        let name: String = name.chars().take(60).collect();
        outln!(
            "{:<60} {:>10} {:>7} {:>7} {:>7}",
            name,
            r.statements,
            r.people,
            r.organisations,
            r.claims
        );
    }
    Ok(())
}

/// One judgement on a line: kind, what it judges (names when known), when, its note, its IRI.
pub fn judgement_line(j: &ties::curation::Judgement) -> String {
    let what: Vec<String> = j
        .targets
        .iter()
        .enumerate()
        .map(|(i, t)| match j.names.get(i).filter(|n| !n.is_empty()) {
            Some(name) => format!("{name:?}"),
            None => t.clone(),
        })
        .collect();
    let joined = match j.kind {
        ties::curation::Kind::Merge => format!("{} ← {}", what[0], what[1..].join(", ")),
        _ => what.join(" ≠ "),
    };
    let note = j
        .note
        .as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    format!(
        "{} {joined} ({}){note}  {}",
        j.kind.name(),
        j.created,
        j.iri
    )
}

/// A candidate pair as a CSV line (fields quoted where they hold commas or quotes).
pub fn candidate_csv(c: &ties::curation::candidates::Candidate) -> String {
    let field = |t: &str| {
        if t.contains([',', '"', '\n']) {
            format!("\"{}\"", t.replace('"', "\"\""))
        } else {
            t.to_owned()
        }
    };
    format!(
        "{:.2},{},{},{},{},{}",
        c.score,
        field(&c.a),
        field(&c.a_name),
        field(&c.b),
        field(&c.b_name),
        field(&c.reasons.join("; "))
    )
}
