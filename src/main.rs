//! The `ties` command line: a thin clap layer over the library. It parses arguments, draws
//! progress, prints what the library returns and maps errors to exit codes (1 for failures, 2
//! for bad usage). It holds no logic of its own.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use ties::extract::Extractor;
use ties::ingest::{self, document::Format, Progress};
use ties::sparql::{self, OutputFormat};
use ties::store::Store;

#[derive(Parser)]
#[command(
    name = "ties",
    version,
    about = "Turn written reports into a knowledge graph of people, organisations, places and events",
    long_about = "ties reads reports (conference write-ups, union and campaign news, press releases, \
delegation diaries), finds who holds which role in which organisation, who spoke at or chaired \
which event and who said what, and keeps each claim with the sentence it came from, in an \
embedded RDF store you can query with SPARQL.",
    after_help = "Examples:
  ties ingest data/reports                 read every report in a folder
  ties query people                        run a named query (see `ties query --list`)
  ties query 'SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }'
  ties stats                               what the store holds
  ties extract report.txt --format json    one report's extraction, no store"
)]
struct Cli {
    /// The store folder (created when missing).
    #[arg(long, global = true, env = "TIES_STORE", default_value = "ties-store")]
    store: PathBuf,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read reports (.txt, .md, .html) and RDF files (.ttl .nt .nq .trig .rdf .jsonld) into the store.
    #[command(
        after_help = "Folders are read recursively. Ingesting a report again replaces what it said \
before. A file that cannot be read is named with the reason; the others still go in, and the exit \
code is 1.

Examples:
  ties ingest data/reports
  ties --store /tmp/s ingest notes.md page.html extra.ttl"
    )]
    Ingest {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// No progress bar, no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Drop a report's graph from the store.
    #[command(after_help = "Example:\n  ties remove data/reports/tenants-rally-2025.md")]
    Remove {
        /// The report's path as ingested, or its IRI.
        report: String,
    },
    /// Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over all reports.
    #[command(
        after_help = "QUERY is SPARQL text, @FILE.rq, or the name of a query in queries/.
The prefixes rdf rdfs xsd owl skos schema org prov dcterms foaf ties are predeclared.
The default graph is the union of all report graphs.

Examples:
  ties query affiliations
  ties query --format csv quotes > quotes.csv
  ties query @my-query.rq
  ties query 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'"
    )]
    Query {
        /// SPARQL text, @file.rq, or a named query.
        #[arg(required_unless_present = "list")]
        query: Option<String>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Fmt::Table)]
        format: Fmt,
        /// Make this graph (a report's IRI) the default graph instead of the union.
        #[arg(long)]
        graph: Option<String>,
        /// List the named queries.
        #[arg(long)]
        list: bool,
    },
    /// Run a SPARQL Update, to curate the graph (delete a wrong claim, add an alias).
    #[command(after_help = "Example:
  ties update 'INSERT DATA { GRAPH <urn:ties:curation> { <urn:ties:person/ana-ruiz> schema:alternateName \"Ani\" } }'")]
    Update {
        /// SPARQL Update text or @file.ru.
        update: String,
    },
    /// Counts by type and per report.
    Stats {
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
    },
    /// Extract one report without a store, for debugging or piping into other tools.
    #[command(after_help = "Examples:
  ties extract report.txt
  ties extract page.html --format turtle > page.ttl")]
    Extract {
        file: PathBuf,
        #[arg(long, short, value_enum, default_value_t = ExtractFmt::Json)]
        format: ExtractFmt,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Fmt {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
    Nquads,
}

impl Fmt {
    fn output(self) -> OutputFormat {
        match self {
            Fmt::Table => OutputFormat::Table,
            Fmt::Csv => OutputFormat::Csv,
            Fmt::Tsv => OutputFormat::Tsv,
            Fmt::Json => OutputFormat::Json,
            Fmt::Xml => OutputFormat::Xml,
            Fmt::Turtle => OutputFormat::Turtle,
            Fmt::Ntriples => OutputFormat::NTriples,
            Fmt::Nquads => OutputFormat::NQuads,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFmt {
    Json,
    Turtle,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            let usage = e
                .downcast_ref::<ties::Error>()
                .is_some_and(ties::Error::is_usage);
            eprintln!("error: {e:#}");
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest { paths, quiet } => ingest_cmd(&cli.store, &paths, quiet),
        Command::Remove { report } => {
            let store = Store::open(&cli.store)?;
            let iri = ingest::find_report(&store, &report)?;
            store.remove_graph(iri.as_ref())?;
            eprintln!("removed {}", iri.as_str());
            Ok(ExitCode::SUCCESS)
        }
        Command::Query {
            query,
            format,
            graph,
            list,
        } => {
            if list {
                for (name, text) in ties::queries::NAMED {
                    let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
                    println!("{name:15} {about}");
                }
                return Ok(ExitCode::SUCCESS);
            }
            let text = ties::queries::resolve(query.as_deref().unwrap_or_default())?;
            let store = open_for_reading(&cli.store)?;
            let results = sparql::query(&store, &text, graph.as_deref())?;
            let mut out = std::io::stdout().lock();
            sparql::write_results(results, format.output(), &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Update { update } => {
            let text = match update.strip_prefix('@') {
                Some(file) => std::fs::read_to_string(file)
                    .with_context(|| format!("cannot read update file {file}"))?,
                None => update,
            };
            let store = Store::open(&cli.store)?;
            let before = store.len()?;
            sparql::update(&store, &text)?;
            let after = store.len()?;
            eprintln!("update done: {before} → {after} statements");
            Ok(ExitCode::SUCCESS)
        }
        Command::Stats { json } => {
            let store = open_for_reading(&cli.store)?;
            let stats = ties::stats::stats(&store)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                print_stats(&stats);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { file, format } => {
            let fmt = Format::of_path(&file).ok_or_else(|| ties::Error::Path {
                path: file.clone(),
                reason: "ties extracts .txt, .md and .html reports".into(),
            })?;
            let doc = ingest::read_document(&file, fmt)?;
            let extraction = Extractor::new().extract(&doc);
            let mut out = std::io::stdout().lock();
            match format {
                ExtractFmt::Json => {
                    let view = ties::extract::view::ExtractionView::new(&doc, &extraction);
                    serde_json::to_writer_pretty(&mut out, &view)?;
                    writeln!(out)?;
                }
                ExtractFmt::Turtle => {
                    let canonical = file.canonicalize().unwrap_or(file.clone());
                    let report = ties::rdf::report_iri(&canonical);
                    let quads = ties::rdf::report_quads(&report, &doc, &extraction);
                    ties::rdf::write_turtle(&quads, &mut out)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Queries read the store; when it does not exist yet, say so instead of creating an empty one.
fn open_for_reading(path: &Path) -> anyhow::Result<Store> {
    if !path.exists() {
        return Err(ties::Error::StoreOpen {
            path: path.to_path_buf(),
            reason: "no store there yet; run `ties ingest PATH` first, or name it with --store"
                .into(),
        }
        .into());
    }
    Ok(Store::open(path)?)
}

/// Draws a progress bar on stderr when it is a terminal and there are enough files to wait for.
struct Bar {
    bar: Option<ProgressBar>,
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
            Some(bar) => bar.println(format!("error: {error}")),
            None => eprintln!("error: {error}"),
        }
    }
    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn ingest_cmd(store_path: &Path, paths: &[PathBuf], quiet: bool) -> anyhow::Result<ExitCode> {
    let (inputs, path_errors) = ingest::collect_inputs(paths);
    for e in &path_errors {
        eprintln!("error: {e}");
    }
    if inputs.is_empty() {
        anyhow::bail!(ties::Error::Usage(
            "nothing to ingest: give .txt, .md, .html or RDF files, or folders holding them".into()
        ));
    }
    let store = Store::open(store_path)?;
    let extractor = Extractor::new();
    let show_bar = !quiet && inputs.len() >= 20 && std::io::stderr().is_terminal();
    let bar = Bar {
        bar: show_bar.then(|| {
            ProgressBar::new(0).with_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} reports {per_sec} eta {eta}")
                    .expect("a valid progress template"),
            )
        }),
    };
    let summary = ingest::ingest(&store, &extractor, &inputs, &bar)?;
    if !quiet {
        eprintln!(
            "ingested {} report{}{} ({} statements) in {:.2} s; the store holds {} statements{}",
            summary.reports,
            if summary.reports == 1 { "" } else { "s" },
            if summary.rdf_files > 0 {
                format!(" and {} RDF file(s)", summary.rdf_files)
            } else {
                String::new()
            },
            summary.statements,
            summary.seconds,
            store.len()?,
            if summary.failures.is_empty() {
                String::new()
            } else {
                format!("; {} file(s) failed", summary.failures.len())
            }
        );
    }
    let failed = !summary.failures.is_empty() || !path_errors.is_empty();
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn print_stats(stats: &ties::stats::Stats) {
    println!(
        "{} statements in {} report graphs\n",
        stats.quads, stats.graphs
    );
    println!("{:<28} {:>8}", "type", "nodes");
    for (t, n) in &stats.by_type {
        println!("{t:<28} {n:>8}");
    }
    println!(
        "\n{:<60} {:>10} {:>7} {:>7} {:>7}",
        "report", "statements", "people", "orgs", "claims"
    );
    for r in &stats.reports {
        let name = if r.title.is_empty() {
            &r.report
        } else {
            &r.title
        };
        let name: String = name.chars().take(60).collect();
        println!(
            "{:<60} {:>10} {:>7} {:>7} {:>7}",
            name, r.statements, r.people, r.organisations, r.claims
        );
    }
}
