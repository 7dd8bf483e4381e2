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

/// `println!` that hands a closed pipe back as an error (`ties query … | head` ends quietly)
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

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
        /// Read every report again, also those unchanged since they went in (after an update
        /// of ties, whose extraction may have improved).
        #[arg(long)]
        force: bool,
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
  ties query affiliations --bind person=\"Ana Ruiz\"     # one person's roles, fast on any archive
  ties query participation --bind event=\"opening plenary\"
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
        /// Fix a variable before the query runs, e.g. --bind person="Ana Ruiz" (a name) or
        /// --bind p=urn:ties:person/ana-ruiz (an IRI); repeatable. On a large archive a bound
        /// query reads only what it needs.
        #[arg(long, value_name = "VAR=VALUE")]
        bind: Vec<String>,
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
    /// Draw the network: people, organisations and events tied by roles and participation.
    #[command(
        after_help = "Formats: dot, svg, png (Graphviz when installed, else a built-in layout), \
graphml and gexf (Gephi, Cytoscape, networkx), json (Cytoscape.js elements). Without -o, text \
formats go to stdout; the format follows -o's extension when --format is not given.

Examples:
  ties export -o network.svg
  ties export --focus \"Ana Ruiz\" --depth 2 -o ana.png
  ties export --types person,organization --min-degree 2 --format graphml -o net.graphml
  ties export --query my-edges.rq --format dot   # a query returning ?source ?target [?label]"
    )]
    Export {
        #[arg(long, short)]
        format: Option<String>,
        /// Draw the neighbourhood of this entity (name, alias or IRI).
        #[arg(long)]
        focus: Option<String>,
        /// With --focus: how many ties away from it.
        #[arg(long, default_value_t = 2)]
        depth: usize,
        /// With --focus: at most this many nodes (the best-attested ties of a hub first).
        #[arg(long, default_value_t = 1000)]
        max_nodes: usize,
        /// Kinds of nodes: person, organization, event, place (comma-separated).
        #[arg(long, value_delimiter = ',')]
        types: Vec<String>,
        /// Only the ties read from this report (its IRI).
        #[arg(long)]
        report: Option<String>,
        /// Leave out nodes with fewer ties.
        #[arg(long, default_value_t = 0)]
        min_degree: usize,
        /// Draw a SPARQL query's ?source ?target [?label] rows instead (a file).
        #[arg(long)]
        query: Option<PathBuf>,
        /// Output file (stdout when absent).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// How two entities are connected, hop by hop, with the evidence for each tie.
    #[command(after_help = "Examples:
  ties trace \"Ana Ruiz\" \"Bo Lind\"
  ties trace \"Ana Ruiz\" \"Harbour Union\" --all --max-hops 3
  ties trace \"Ana Ruiz\" \"Bo Lind\" --format svg > path.svg")]
    Trace {
        from: String,
        to: String,
        #[arg(long, default_value_t = 6)]
        max_hops: usize,
        /// Every simple path up to --max-hops, not only the shortest.
        #[arg(long)]
        all: bool,
        #[arg(long, short, value_enum, default_value_t = TraceFmt::Text)]
        format: TraceFmt,
    },
    /// The most connected people and organisations, brokers, components.
    #[command(after_help = "Examples:
  ties rank
  ties rank --by betweenness --top 10")]
    Rank {
        #[arg(long, value_enum, default_value_t = RankBy::Degree)]
        by: RankBy,
        #[arg(long, default_value_t = 20)]
        top: usize,
        #[arg(long)]
        json: bool,
    },
    /// Serve the store: a SPARQL 1.1 endpoint at /sparql, the Graph Store Protocol at /store, and
    /// a page to explore the graph at /.
    #[command(
        after_help = "The endpoint speaks the SPARQL 1.1 Protocol (GET and POST, results by content \
negotiation); updates are refused on a --read-only server and accepted from loopback only \
unless --allow-remote-updates. A --read-only server lets `ties ingest` write meanwhile and picks \
up new reports within seconds.

Examples:
  ties serve                                  http://127.0.0.1:7878/
  ties serve --read-only --bind 0.0.0.0:8080 --timeout-s 10
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql"
    )]
    Serve {
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: std::net::SocketAddr,
        /// Refuse updates and open the store without its write lock.
        #[arg(long)]
        read_only: bool,
        /// Stop queries that run longer than this (answered 503).
        #[arg(long, default_value_t = 30)]
        timeout_s: u64,
        /// Accept updates from hosts other than loopback.
        #[arg(long)]
        allow_remote_updates: bool,
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
enum TraceFmt {
    Text,
    Json,
    Dot,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum RankBy {
    Degree,
    Betweenness,
    Eigenvector,
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
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
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
        Command::Ingest {
            paths,
            quiet,
            force,
        } => ingest_cmd(&cli.store, &paths, quiet, force),
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
            bind,
        } => {
            if list {
                for (name, text) in ties::queries::NAMED {
                    let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
                    outln!("{name:15} {about}");
                }
                return Ok(ExitCode::SUCCESS);
            }
            let text = ties::queries::resolve(query.as_deref().unwrap_or_default())?;
            let store = open_for_reading(&cli.store)?;
            let bindings = bind
                .iter()
                .map(|b| sparql::parse_binding(b))
                .collect::<Result<Vec<_>, _>>()?;
            let results = sparql::query_bound(&store, &text, graph.as_deref(), &bindings)?;
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
                outln!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                print_stats(&stats)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            format,
            focus,
            depth,
            max_nodes,
            types,
            report,
            min_degree,
            query,
            output,
        } => {
            let format = match (&format, &output) {
                (Some(f), _) => ties::export::Format::parse(f).ok_or_else(|| {
                    ties::Error::Usage(format!(
                        "unknown format {f:?}: use dot, svg, png, graphml, gexf or json"
                    ))
                })?,
                (None, Some(o)) => {
                    ties::export::Format::of_file(o).unwrap_or(ties::export::Format::Dot)
                }
                (None, None) => ties::export::Format::Dot,
            };
            let mut kinds = Vec::new();
            for t in &types {
                kinds.push(ties::network::NodeKind::parse(t).ok_or_else(|| {
                    ties::Error::Usage(format!(
                        "unknown type {t:?}: use person, organization, event, place"
                    ))
                })?);
            }
            let store = open_for_reading(&cli.store)?;
            let filter = ties::network::Filter {
                kinds,
                report,
                min_degree,
            };
            let net = match (&query, &focus) {
                (Some(file), _) => {
                    let text = std::fs::read_to_string(file)
                        .with_context(|| format!("cannot read {}", file.display()))?;
                    ties::network::Network::from_query(&store, &text)?
                }
                (None, Some(name)) => {
                    ties::network::Network::around(&store, name, depth, max_nodes, &filter)?
                }
                (None, None) => ties::network::Network::from_store(&store, &filter)?,
            };
            let mut buffer = Vec::new();
            let renderer = ties::export::export(&net, format, &mut buffer)?;
            match &output {
                Some(path) => std::fs::write(path, &buffer)
                    .with_context(|| format!("cannot write {}", path.display()))?,
                None => std::io::stdout().lock().write_all(&buffer)?,
            }
            eprintln!(
                "{} nodes, {} edges{}",
                net.graph.node_count(),
                net.graph.edge_count(),
                renderer.map(|r| format!("; {r}")).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Trace {
            from,
            to,
            max_hops,
            all,
            format,
        } => {
            let store = open_for_reading(&cli.store)?;
            let found = ties::trace::trace(&store, &from, &to, max_hops, all)?;
            if found.exhausted {
                eprintln!(
                    "warning: the search stopped after reading the ties of {} entities; a longer path may exist (lower --max-hops or name less connected ends)",
                    found.asked
                );
            }
            let (net, paths) = (found.net, found.paths);
            let mut out = std::io::stdout().lock();
            match format {
                TraceFmt::Text => write!(
                    out,
                    "{}",
                    ties::trace::format_text(&from, &to, &paths, max_hops)
                )?,
                TraceFmt::Json => {
                    serde_json::to_writer_pretty(&mut out, &paths)?;
                    writeln!(out)?;
                }
                TraceFmt::Dot | TraceFmt::Svg => {
                    let sub = ties::trace::path_network(&net, &paths);
                    let f = if matches!(format, TraceFmt::Dot) {
                        ties::export::Format::Dot
                    } else {
                        ties::export::Format::Svg
                    };
                    ties::export::export(&sub, f, &mut out)?;
                }
            }
            Ok(if paths.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Rank { by, top, json } => {
            let store = open_for_reading(&cli.store)?;
            let net =
                ties::network::Network::from_store(&store, &ties::network::Filter::default())?;
            let measure = match by {
                RankBy::Degree => ties::rank::Measure::Degree,
                RankBy::Betweenness => ties::rank::Measure::Betweenness,
                RankBy::Eigenvector => ties::rank::Measure::Eigenvector,
            };
            let ranking = ties::rank::rank(&net, measure, top);
            if json {
                outln!("{}", serde_json::to_string_pretty(&ranking)?);
            } else {
                outln!(
                    "{:<40} {:<13} {:>12} {:>6}",
                    "name",
                    "kind",
                    ranking.measure,
                    "ties"
                );
                for r in &ranking.top {
                    let name: String = r.label.chars().take(40).collect();
                    outln!(
                        "{:<40} {:<13} {:>12.4} {:>6}",
                        name,
                        r.kind.name(),
                        r.score,
                        r.degree
                    );
                }
                outln!(
                    "\n{} connected component(s); sizes: {:?}",
                    ranking.components.len(),
                    &ranking.components[..ranking.components.len().min(10)]
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            bind,
            read_only,
            timeout_s,
            allow_remote_updates,
        } => {
            if !cli.store.exists() {
                return Err(ties::Error::StoreOpen {
                    path: cli.store.clone(),
                    reason:
                        "no store there yet; run `ties ingest PATH` first, or name it with --store"
                            .into(),
                }
                .into());
            }
            let opts = ties::serve::Options {
                store: cli.store.clone(),
                bind,
                read_only,
                timeout: std::time::Duration::from_secs(timeout_s.max(1)),
                allow_remote_updates,
            };
            ties::serve::run(opts, |addr| {
                eprintln!(
                    "ties serve: http://{addr}/ (SPARQL endpoint http://{addr}/sparql){}; Ctrl-C stops",
                    if read_only { ", read-only" } else { "" }
                )
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { file, format } => {
            let fmt = Format::of_path(&file).ok_or_else(|| ties::Error::Path {
                path: file.clone(),
                reason: "ties extracts .txt, .md and .html reports".into(),
            })?;
            let file = file.canonicalize().unwrap_or(file);
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
                    let report = ties::rdf::report_iri(&file);

                    let quads = ties::rdf::report_quads(&report, &doc, &extraction);
                    ties::rdf::write_turtle(&quads, &mut out)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Output piped into a program that stopped reading (`ties query people | head`) is no error.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || matches!(cause.downcast_ref::<ties::Error>(), Some(ties::Error::Io(io)) if io.kind() == std::io::ErrorKind::BrokenPipe)
    })
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
    // Read-only: it may run while an ingest writes, and it starts none of RocksDB's background
    // compaction, which would take a core from the query.
    Ok(Store::open_read_only(path)?)
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

fn ingest_cmd(
    store_path: &Path,
    paths: &[PathBuf],
    quiet: bool,
    force: bool,
) -> anyhow::Result<ExitCode> {
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
    let summary = ingest::ingest(&store, &extractor, &inputs, &bar, force)?;
    if !quiet {
        eprintln!(
            "ingested {} report{}{} ({} statements) in {:.2} s{}; the store holds {} statements{}",
            summary.reports,
            if summary.reports == 1 { "" } else { "s" },
            if summary.rdf_files > 0 {
                format!(" and {} RDF file(s)", summary.rdf_files)
            } else {
                String::new()
            },
            summary.statements,
            summary.seconds,
            if summary.unchanged > 0 {
                format!(
                    "; {} unchanged since they went in, left as they are (--force reads them again)",
                    summary.unchanged
                )
            } else {
                String::new()
            },
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

fn print_stats(stats: &ties::stats::Stats) -> std::io::Result<()> {
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
