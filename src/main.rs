//! The `ties` command line: a thin clap layer over the library. It parses arguments, draws
//! progress, prints what the library returns and maps errors to exit codes (1 for failures, 2
//! for bad usage). It holds no logic of its own.

#![allow(clippy::print_stdout, clippy::print_stderr)] // the command line is where output goes

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use ties::export::Format as ExportFormat;
use ties::extract::Extractor;
use ties::ingest::Progress;
use ties::network::{Filter, Network, NodeKind};
use ties::rank::Measure;
use ties::sparql::{Dataset, OutputFormat, QueryOptions};
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
    Ingest(IngestArgs),
    /// Drop a report's graph from the store.
    #[command(after_help = "Example:\n  ties remove data/reports/tenants-rally-2025.md")]
    Remove(RemoveArgs),
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
    Query(QueryArgs),
    /// Run a SPARQL Update, to curate the graph (delete a wrong claim, add an alias).
    #[command(after_help = "Example:
  ties update 'INSERT DATA { GRAPH <urn:ties:curation> { <urn:ties:person/ana-ruiz> schema:alternateName \"Ani\" } }'")]
    Update(UpdateArgs),
    /// Counts by type and per report.
    Stats(StatsArgs),
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
    Export(ExportArgs),
    /// How two entities are connected, hop by hop, with the evidence for each tie.
    #[command(after_help = "Examples:
  ties trace \"Ana Ruiz\" \"Bo Lind\"
  ties trace \"Ana Ruiz\" \"Harbour Union\" --all --max-hops 3
  ties trace \"Ana Ruiz\" \"Bo Lind\" --format svg > path.svg")]
    Trace(TraceArgs),
    /// The most connected people and organisations, brokers, components.
    #[command(after_help = "Examples:
  ties rank
  ties rank --by betweenness --top 10")]
    Rank(RankArgs),
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
    Serve(ServeArgs),
    /// Extract one report without a store, for debugging or piping into other tools.
    #[command(after_help = "Examples:
  ties extract report.txt
  ties extract page.html --format turtle > page.ttl")]
    Extract(ExtractArgs),
}

#[derive(Args)]
struct IngestArgs {
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
}

#[derive(Args)]
struct RemoveArgs {
    /// The report's path as ingested, or its IRI.
    report: String,
}

#[derive(Args)]
struct QueryArgs {
    /// SPARQL text, @file.rq, or a named query.
    #[arg(required_unless_present = "list")]
    query: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
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
}

#[derive(Args)]
struct UpdateArgs {
    /// SPARQL Update text or @file.ru.
    update: String,
}

#[derive(Args)]
struct StatsArgs {
    /// Print JSON instead of tables.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExportArgs {
    /// dot, svg, png, graphml, gexf or json (default: from -o's extension, else dot).
    #[arg(long, short, value_enum)]
    format: Option<ExportFormat>,
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
    #[arg(long, value_enum, value_delimiter = ',')]
    types: Vec<NodeKind>,
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
}

#[derive(Args)]
struct TraceArgs {
    from: String,
    to: String,
    #[arg(long, default_value_t = 6)]
    max_hops: usize,
    /// Every simple path up to --max-hops, not only the shortest.
    #[arg(long)]
    all: bool,
    #[arg(long, short, value_enum, default_value_t = TraceFmt::Text)]
    format: TraceFmt,
}

#[derive(Args)]
struct RankArgs {
    #[arg(long, value_enum, default_value_t = Measure::Degree)]
    by: Measure,
    #[arg(long, default_value_t = 20)]
    top: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ServeArgs {
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
}

#[derive(Args)]
struct ExtractArgs {
    file: PathBuf,
    #[arg(long, short, value_enum, default_value_t = ExtractFmt::Json)]
    format: ExtractFmt,
}

#[derive(Clone, Copy, ValueEnum)]
enum TraceFmt {
    Text,
    Json,
    Dot,
    Svg,
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

/// One function per command.
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let store = cli.store.as_path();
    match cli.command {
        Command::Ingest(args) => ingest(store, args),
        Command::Remove(args) => remove(store, args),
        Command::Query(args) => query(store, args),
        Command::Update(args) => update(store, args),
        Command::Stats(args) => stats(store, args),
        Command::Export(args) => export(store, args),
        Command::Trace(args) => trace(store, args),
        Command::Rank(args) => rank(store, args),
        Command::Serve(args) => serve(store, args),
        Command::Extract(args) => extract(args),
    }
}

fn ingest(store: &Path, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let (inputs, path_errors) = ties::pipeline::collect_inputs(&args.paths);
    for e in &path_errors {
        eprintln!("error: {}", e.full_text());
    }
    if inputs.is_empty() {
        anyhow::bail!(ties::Error::Usage(
            "nothing to ingest: give .txt, .md, .html or RDF files, or folders holding them".into()
        ));
    }
    let store = Store::open(store).context(STORE_FLAG)?;
    let bar = Bar::new(!args.quiet && inputs.len() >= 20 && std::io::stderr().is_terminal());
    let summary = ties::ingest::ingest(&store, &Extractor::new(), &inputs, &bar, args.force)?;
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, store.len()?));
    }
    Ok(exit_code(
        summary.failures.is_empty() && path_errors.is_empty(),
    ))
}

fn remove(store: &Path, args: RemoveArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open(store).context(STORE_FLAG)?;
    let iri = ties::ingest::find_report(&store, &args.report)?;
    store.remove_graph(iri.as_ref())?;
    eprintln!("removed {}", iri.as_str());
    Ok(ExitCode::SUCCESS)
}

fn query(store: &Path, args: QueryArgs) -> anyhow::Result<ExitCode> {
    if args.list {
        for (name, text) in ties::queries::NAMED {
            let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
            outln!("{name:15} {about}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text = ties::queries::resolve(args.query.as_deref().unwrap_or_default())?;
    let bindings = args
        .bind
        .iter()
        .map(|b| ties::sparql::parse_binding(b).context("--bind"))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let dataset = open_for_reading(store)?;
    let options = QueryOptions {
        graph: args.graph.as_deref(),
        bindings: &bindings,
        ..QueryOptions::default()
    };
    let results = dataset.query(&text, &options)?;
    let mut out = std::io::stdout().lock();
    ties::sparql::write_results(results, args.format, &mut out).context("--format")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn update(store: &Path, args: UpdateArgs) -> anyhow::Result<ExitCode> {
    let text = match args.update.strip_prefix('@') {
        Some(file) => std::fs::read_to_string(file)
            .with_context(|| format!("cannot read update file {file}"))?,
        None => args.update,
    };
    let dataset = Dataset::new(Store::open(store).context(STORE_FLAG)?);
    let before = dataset.len()?;
    dataset.update(&text)?;
    eprintln!("update done: {before} → {} statements", dataset.len()?);
    Ok(ExitCode::SUCCESS)
}

fn stats(store: &Path, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let stats = ties::stats::stats(&open_for_reading(store)?)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print_stats(&stats)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export(store: &Path, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ExportFormat::of_file))
        .unwrap_or(ExportFormat::Dot);
    let dataset = open_for_reading(store)?;
    let filter = Filter {
        kinds: args.types,
        report: args.report,
        min_degree: args.min_degree,
    };
    let net = match (&args.query, &args.focus) {
        (Some(file), _) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read {}", file.display()))?;
            Network::from_query(&dataset, &text)?
        }
        (None, Some(name)) => Network::around(&dataset, name, args.depth, args.max_nodes, &filter)?,
        (None, None) => Network::from_dataset(&dataset, &filter)?,
    };
    let mut buffer = Vec::new();
    let renderer = ties::export::export(&net, format, &mut buffer)?;
    match &args.output {
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

fn trace(store: &Path, args: TraceArgs) -> anyhow::Result<ExitCode> {
    let dataset = open_for_reading(store)?;
    let found = ties::trace::trace(&dataset, &args.from, &args.to, args.max_hops, args.all)?;
    if found.exhausted {
        eprintln!(
            "warning: the search stopped after reading the ties of {} entities; a longer path may exist (lower --max-hops or name less connected ends)",
            found.asked
        );
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        TraceFmt::Text => {
            let text = ties::trace::format_text(&args.from, &args.to, &found.paths, args.max_hops);
            write!(out, "{text}")?;
        }
        TraceFmt::Json => {
            serde_json::to_writer_pretty(&mut out, &found.paths)?;
            writeln!(out)?;
        }
        TraceFmt::Dot | TraceFmt::Svg => {
            let sub = ties::trace::path_network(&found.net, &found.paths);
            let format = match args.format {
                TraceFmt::Dot => ExportFormat::Dot,
                _ => ExportFormat::Svg,
            };
            ties::export::export(&sub, format, &mut out)?;
        }
    }
    Ok(exit_code(!found.paths.is_empty()))
}

fn rank(store: &Path, args: RankArgs) -> anyhow::Result<ExitCode> {
    let net = Network::from_dataset(&open_for_reading(store)?, &Filter::default())?;
    let ranking = ties::rank::rank(&net, args.by, args.top);
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&ranking)?);
        return Ok(ExitCode::SUCCESS);
    }
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
    Ok(ExitCode::SUCCESS)
}

fn serve(store: &Path, args: ServeArgs) -> anyhow::Result<ExitCode> {
    if !store.exists() {
        anyhow::bail!(no_store(store));
    }
    // One line per request on stderr (RUST_LOG=ties=debug for more, =warn for none).
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("ties=info")),
        )
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    let opts = ties::serve::Options {
        store: store.to_path_buf(),
        bind: args.bind,
        read_only: args.read_only,
        timeout: std::time::Duration::from_secs(args.timeout_s.max(1)),
        allow_remote_updates: args.allow_remote_updates,
    };
    ties::serve::run(opts, |addr| {
        eprintln!(
            "ties serve: http://{addr}/ (SPARQL endpoint http://{addr}/sparql){}; Ctrl-C stops",
            if args.read_only { ", read-only" } else { "" }
        )
    })
    .with_context(|| format!("--bind {}", args.bind))?;
    Ok(ExitCode::SUCCESS)
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let found = ties::pipeline::analyse_file(&args.file, &Extractor::new())?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ExtractFmt::Json => {
            let view = ties::extract::view::ExtractionView::new(&found.document, &found.extraction);
            serde_json::to_writer_pretty(&mut out, &view)?;
            writeln!(out)?;
        }
        ExtractFmt::Turtle => {
            let source = found.document.source.clone().unwrap_or(args.file);
            let report = ties::rdf::report_iri(&source);
            let quads = ties::rdf::report_quads(&report, &found.document, &found.extraction);
            ties::rdf::write_turtle(&quads, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The last line of an ingest.
fn summary_line(summary: &ties::ingest::Summary, statements_in_store: usize) -> String {
    let plural = if summary.reports == 1 { "" } else { "s" };
    let mut line = format!(
        "ingested {} report{plural}{} ({} statements) in {:.2} s",
        summary.reports,
        if summary.rdf_files > 0 {
            format!(" and {} RDF file(s)", summary.rdf_files)
        } else {
            String::new()
        },
        summary.statements,
        summary.seconds,
    );
    if summary.unchanged > 0 {
        line += &format!(
            "; {} unchanged since they went in, left as they are (--force reads them again)",
            summary.unchanged
        );
    }
    line += &format!("; the store holds {statements_in_store} statements");
    if !summary.failures.is_empty() {
        line += &format!("; {} file(s) failed", summary.failures.len());
    }
    line
}

/// What the command line adds to a store error: where the store is named.
const STORE_FLAG: &str = "the store is named with --store (or TIES_STORE)";

fn exit_code(success: bool) -> ExitCode {
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Output piped into a program that stopped reading (`ties query people | head`) is no error.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn no_store(path: &Path) -> ties::Error {
    ties::Error::StoreOpen {
        path: path.to_path_buf(),
        reason: "no store there yet; run `ties ingest PATH` first, or name it with --store".into(),
        source: None,
    }
}

/// Queries read the store; when it does not exist yet, say so instead of creating an empty one.
/// Read-only: it may run while an ingest writes, and it starts none of RocksDB's background
/// compaction, which would take a core from the query.
fn open_for_reading(path: &Path) -> anyhow::Result<Dataset> {
    if !path.exists() {
        anyhow::bail!(no_store(path));
    }
    Dataset::open_read_only(path).context(STORE_FLAG)
}

/// Draws a progress bar on stderr when it is a terminal and there are enough files to wait for.
struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    fn new(show: bool) -> Bar {
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
