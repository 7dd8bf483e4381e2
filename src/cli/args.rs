//! The command line's arguments: clap's derive of every command, its help and examples. The
//! enums of the library (`OutputFormat`, `export::Format`, `NodeKind`, `rank::Measure`) are used
//! as they are, with clap's `ValueEnum` derived on them behind the `cli` feature.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use ties::export::Format as ExportFormat;
use ties::network::NodeKind;
use ties::rank::Measure;
use ties::sparql::OutputFormat;

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
pub struct Cli {
    /// The store folder (created when missing).
    #[arg(long, global = true, env = "TIES_STORE", default_value = "ties-store")]
    pub store: PathBuf,

    /// A remote SPARQL 1.1 engine to use as the store instead of a folder: its query URL
    /// (Virtuoso: http://HOST:8890/sparql). Credentials come from TIES_ENDPOINT_USER and
    /// TIES_ENDPOINT_PASSWORD, or from a netrc file ($NETRC or ~/.netrc), never from here.
    #[arg(long, global = true, env = "TIES_ENDPOINT", value_name = "URL")]
    pub endpoint: Option<String>,

    /// The engine's update URL, when it is not the query URL.
    #[arg(long, global = true, requires = "endpoint", value_name = "URL")]
    pub update_endpoint: Option<String>,

    /// The engine's Graph Store Protocol URL, to read whole graphs from (Virtuoso:
    /// http://HOST:8890/sparql-graph-crud).
    #[arg(long, global = true, requires = "endpoint", value_name = "URL")]
    pub graph_store: Option<String>,

    /// Read the graph as the extractor wrote it, before the judgements of `ties merge`,
    /// `reject` and the rest: merged entities apart, rejected claims back. Read from a copy of
    /// the store made in memory (55 s and 2 GB for 10,000 reports), for the commands that only
    /// read (query, stats, export, trace, rank, candidates, curation list).
    #[arg(long, global = true)]
    pub raw: bool,

    /// The largest update request sent to the engine, in KiB: reports are batched up to it
    /// (a report larger than that goes alone). Not used for reports PUT to --graph-store.
    #[arg(
        long,
        global = true,
        requires = "endpoint",
        value_name = "KIB",
        default_value_t = 16
    )]
    pub batch_kib: usize,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
  ties update 'INSERT DATA { GRAPH <urn:ties:notes> { <urn:ties:person/ana-ruiz> schema:alternateName \"Ani\" } }'

Judgements that survive re-ingesting go through `ties merge`, `ties reject` and the like.")]
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
negotiation). A writable server prints a random token when it starts: every write (SPARQL \
Update, Graph Store PUT/POST/DELETE) must carry it in the X-Ties-Token header, and the page gets \
it from the address printed (/?token=...). Writes from pages of other origins are refused, and \
requests whose Host header names no address of the server are refused (--allow-host adds a \
name). No CORS header is sent unless --cors names the origins whose pages may read. A server on an address other than loopback is read-only unless --allow-remote-updates. A \
--read-only server lets `ties ingest` write meanwhile and picks up new reports within seconds.

Limits: a query or update runs at most --timeout-s (503 past it); a request body is at most \
256 MiB (413); an answer at most --max-result-rows rows and --max-result-bytes bytes (413, \
nothing sent); at most --max-connections connections at once (503 at once past it); a \
connection idle, or stalled sending its request or reading its answer, for --idle-timeout-s is \
closed.

Examples:
  ties serve                                  http://127.0.0.1:7878/
  ties serve --read-only --bind 0.0.0.0:8080 --timeout-s 10
  ties serve --max-result-rows 5000000 --max-result-bytes 1G --max-connections 16
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql"
    )]
    Serve(ServeArgs),
    /// Likely duplicates across reports, with a score and the reasons, for review.
    #[command(
        after_help = "Pairs come from blocks (a shared surname, word or acronym), never from \
all pairs, and are scored by Fellegi–Sunter match weights in bits (log2 of how much likelier the \
pair's agreements are for one entity than for two): accents and case, acronym and long form, \
surname or titled form and full name, initials, words of one name in the other, a shared \
organisation (people) or member (organisations). Pairs judged distinct are left out.

Examples:
  ties candidates
  ties candidates --kind organisation --min-score 8
  ties candidates --format csv > review.csv"
    )]
    Candidates(CandidatesArgs),
    /// Judge two entities the same: the second is merged into the first, in every report.
    #[command(
        after_help = "A or B is a name (schema:name or an alternate name) or an IRI; a name of \
several entities lists them and exits 2. The judgement goes into the curation graph \
(urn:ties:curation) with the time and --note; every report mentioning either is rewritten so \
queries, trace, export, rank, stats and the server see one entity (the first's IRI, the \
second's names as schema:alternateName). Re-ingesting a report applies it again; \
`ties unmerge A B` undoes it exactly.

Examples:
  ties merge \"Harbour Workers' Federation\" HWF --note \"HWF is the acronym (site, about page)\"
  ties merge urn:ties:person/amina-okafor \"Okafor MP\""
    )]
    Merge(JudgePairArgs),
    /// Undo the merge of two entities (as named when merged, or their IRIs).
    #[command(after_help = "Examples:
  ties unmerge \"Harbour Workers' Federation\" HWF")]
    Unmerge(PairArgs),
    /// Judge two entities different: they are never merged, and candidates never lists them.
    #[command(after_help = "Examples:
  ties distinguish \"Ana Ruiz\" \"Ana Ruíz\" --note \"two people: different unions\"")]
    Distinguish(JudgePairArgs),
    /// Judge a claim wrong: queries, trace and export no longer show it.
    #[command(
        after_help = "CLAIM is the claim's IRI (`ties query claims --bind name=\"Amina Okafor\"` \
lists claims with their IRIs). The claim stays in the report's raw graph; `ties accept CLAIM` or \
`ties curation undo` brings it back.

Examples:
  ties reject urn:ties:report/day-1-0a1b…/membership/3 --note \"she left the union in 2019\""
    )]
    Reject(ClaimArgs),
    /// Judge a claim right (reviewed); replaces a rejection of it.
    #[command(after_help = "Examples:
  ties accept urn:ties:report/day-1-0a1b…/membership/3")]
    Accept(ClaimArgs),
    /// The judgements: list them, undo one, move them to another store as a file.
    #[command(after_help = "Examples:
  ties curation list
  ties curation list --format json
  ties curation undo urn:ties:judgement/merge-…
  ties curation export judgements.trig
  ties --store other-store curation import judgements.trig")]
    Curation(CurationArgs),
    /// Extract one report without a store (or, as N-Quads, a whole folder for a bulk loader).
    #[command(after_help = "Examples:
  ties extract report.txt
  ties extract report.txt --explain
  ties extract page.html --format turtle > page.ttl
  ties extract data/reports --format nquads > all.nq   # every report, for an engine's bulk loader")]
    Extract(ExtractArgs),
}

#[derive(Args)]
pub struct IngestArgs {
    /// Files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// No progress bar, no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Read every report again, also those unchanged since they went in (after an update
    /// of ties, whose extraction may have improved).
    #[arg(long)]
    pub force: bool,
    /// Let RDF files write into report graphs (urn:ties:report/...), replacing what ties read
    /// from those reports; without it such a file is refused.
    #[arg(long)]
    pub allow_report_graphs: bool,
}

#[derive(Args)]
pub struct RemoveArgs {
    /// The report's path as ingested, or its IRI.
    pub report: String,
}

#[derive(Args)]
pub struct QueryArgs {
    /// SPARQL text, @file.rq, or a named query.
    #[arg(required_unless_present = "list")]
    pub query: Option<String>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
    /// Make this graph (a report's IRI) the default graph instead of the union.
    #[arg(long)]
    pub graph: Option<String>,
    /// List the named queries.
    #[arg(long)]
    pub list: bool,
    /// Fix a variable before the query runs, e.g. --bind person="Ana Ruiz" (a name) or
    /// --bind p=urn:ties:person/ana-ruiz (an IRI); repeatable. On a large archive a bound
    /// query reads only what it needs.
    #[arg(long, value_name = "VAR=VALUE")]
    pub bind: Vec<String>,
    /// Stop the query after this many seconds (exit 1). Ctrl-C stops it at any time.
    #[arg(long, value_name = "SECONDS")]
    pub timeout_s: Option<u64>,
}

#[derive(Args)]
pub struct UpdateArgs {
    /// SPARQL Update text or @file.ru.
    pub update: String,
    /// Stop the update after this many seconds (exit 1); stopped, it writes nothing. Ctrl-C
    /// stops it at any time, also writing nothing.
    #[arg(long, value_name = "SECONDS")]
    pub timeout_s: Option<u64>,
}

#[derive(Args)]
pub struct StatsArgs {
    /// Print JSON instead of tables.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ExportArgs {
    /// dot, svg, png, graphml, gexf or json (default: from -o's extension, else dot).
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,
    /// Draw the neighbourhood of this entity (name, alias or IRI).
    #[arg(long)]
    pub focus: Option<String>,
    /// With --focus: how many ties away from it.
    #[arg(long, default_value_t = 2)]
    pub depth: usize,
    /// With --focus: at most this many nodes (the best-attested ties of a hub first).
    #[arg(long, default_value_t = 1000)]
    pub max_nodes: usize,
    /// Kinds of nodes: person, organization, event, place (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub types: Vec<NodeKind>,
    /// Only the ties read from this report (its IRI).
    #[arg(long)]
    pub report: Option<String>,
    /// Leave out nodes with fewer ties.
    #[arg(long, default_value_t = 0)]
    pub min_degree: usize,
    /// Draw a SPARQL query's ?source ?target [?label] rows instead (a file).
    #[arg(long)]
    pub query: Option<PathBuf>,
    /// Output file (stdout when absent).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
pub struct TraceArgs {
    pub from: String,
    pub to: String,
    #[arg(long, default_value_t = 6)]
    pub max_hops: usize,
    /// Every simple path up to --max-hops, not only the shortest.
    #[arg(long)]
    pub all: bool,
    #[arg(long, short, value_enum, default_value_t = TraceFmt::Text)]
    pub format: TraceFmt,
}

#[derive(Args)]
pub struct RankArgs {
    #[arg(long, value_enum, default_value_t = Measure::Degree)]
    pub by: Measure,
    #[arg(long, default_value_t = 20)]
    pub top: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ServeArgs {
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: std::net::SocketAddr,
    /// Refuse updates and open the store without its write lock (the default when --bind is not
    /// a loopback address).
    #[arg(long, conflicts_with = "allow_remote_updates")]
    pub read_only: bool,
    /// Stop queries and updates that run longer than this (answered 503).
    #[arg(long, default_value_t = 30)]
    pub timeout_s: u64,
    /// Accept updates (with the token) from hosts other than loopback; makes a server on a
    /// non-loopback --bind writable.
    #[arg(long)]
    pub allow_remote_updates: bool,
    /// Accept requests whose Host header gives this name (a reverse proxy's public name), besides
    /// localhost, 127.0.0.1, [::1] and the bound address; repeatable.
    #[arg(long, value_name = "NAME")]
    pub allow_host: Vec<String>,
    /// Let pages of this origin (http://host:port) read the endpoint from the browser, never
    /// write; * for any origin; repeatable. Without it no CORS header is sent.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Vec<String>,
    /// Refuse (413, nothing sent) an answer of more rows than this: a SELECT's rows, or the
    /// triples of a CONSTRUCT, a DESCRIBE or a Graph Store GET. 0 for no limit.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub max_result_rows: usize,
    /// Refuse (413) an answer larger than this. Answers are built in memory before they are
    /// sent, so this bounds what one request makes the server hold. Bytes, or with K, M or G
    /// (binary: 128M is 128 MiB); 0 for no limit.
    #[arg(long, value_name = "SIZE", default_value = "128M", value_parser = parse_size)]
    pub max_result_bytes: usize,
    /// Serve at most this many connections at once; one more is answered 503 at once and
    /// closed.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
    /// Close a connection that sends nothing of its request, or reads nothing of its answer,
    /// for this many seconds (idle clients cannot hold every connection).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout_s: u64,
}

/// A size in bytes: `1000`, `64K`, `256M`, `1G` (binary multiples; `MiB`, `MB` and `M` alike).
pub fn parse_size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "{text:?}: give bytes, or a number with K, M or G (256M)"
            ))
        }
    };
    let n: usize = digits
        .parse()
        .map_err(|_| format!("{text:?}: give bytes, or a number with K, M or G (256M)"))?;
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("{text:?} is more than this machine can count"))
}

#[derive(Args)]
pub struct CandidatesArgs {
    /// Only people, or only organisations (both when absent).
    #[arg(long, value_enum)]
    pub kind: Option<CandidateKind>,
    /// The least match weight listed, in bits.
    #[arg(long, allow_negative_numbers = true, default_value_t = ties::curation::candidates::DEFAULT_MIN_SCORE)]
    pub min_score: f64,
    #[arg(long, short, value_enum, default_value_t = CandidateFmt::Table)]
    pub format: CandidateFmt,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub enum CandidateKind {
    Person,
    #[value(alias = "organization", alias = "org")]
    Organisation,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CandidateFmt {
    Table,
    Json,
    Csv,
}

#[derive(Args)]
pub struct PairArgs {
    /// The first entity: a name or an IRI.
    pub a: String,
    /// The second entity: a name or an IRI.
    pub b: String,
}

#[derive(Args)]
pub struct JudgePairArgs {
    #[command(flatten)]
    pub pair: PairArgs,
    /// Why: kept with the judgement.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Args)]
pub struct ClaimArgs {
    /// The claim's IRI.
    pub claim: String,
    /// Why: kept with the judgement.
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Args)]
pub struct CurationArgs {
    #[command(subcommand)]
    pub command: CurationCommand,
}

#[derive(Subcommand)]
pub enum CurationCommand {
    /// Every judgement, oldest first.
    List {
        #[arg(long, short, value_enum, default_value_t = ListFmt::Table)]
        format: ListFmt,
    },
    /// Undo one judgement (its IRI, from `ties curation list`).
    Undo { judgement: String },
    /// Write every judgement (values, notes, times) as a file: TriG, or N-Quads.
    #[command(
        after_help = "The file holds the curation graph (urn:ties:curation) and nothing \
else: TriG with ties' prefixes by default, N-Quads with --format nquads or a FILE ending in .nq. \
`ties curation import` reads either into another store.

Examples:
  ties curation export judgements.trig
  ties curation export judgements.nq
  ties curation export --format nquads - | gzip > judgements.nq.gz
  ties --store a curation export - | ties --store b curation import -"
    )]
    Export {
        /// Where to write; `-` (the default) for standard output.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// TriG or N-Quads; when absent, N-Quads for a FILE ending in .nq or .nquads, else TriG.
        #[arg(long, short, value_enum)]
        format: Option<ties::curation::transfer::FileFormat>,
    },
    /// Apply the judgements of a file written by `ties curation export`.
    #[command(
        after_help = "FILE is TriG or N-Quads (`-` reads standard input). It is read and \
checked whole first: a file that does not parse, or holds anything but judgements of the \
curation graph, is refused and nothing is written. Then, in the file's order, each judgement \
the store does not hold yet is applied as `ties merge`, `distinguish`, `reject` or `accept` \
would apply it (every report it concerns rewritten, the change recorded); one the store holds \
already, or holds a later one of, or that contradicts the store's own (a merge of entities \
judged distinct) is skipped with the reason. A judgement naming an entity or a claim of a \
report not ingested yet is recorded, and applies when that report is ingested. Importing \
twice applies nothing the second time.

Examples:
  ties --store b curation import judgements.trig
  ties --store b curation import judgements.nq --format json"
    )]
    Import {
        file: PathBuf,
        /// What was applied and what skipped: a line each, or JSON.
        #[arg(long, short, value_enum, default_value_t = ListFmt::Table)]
        format: ListFmt,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFmt {
    Table,
    Json,
}

#[derive(Args)]
pub struct ExtractArgs {
    /// A report; with --format nquads, any number of files or folders.
    #[arg(required = true)]
    pub file: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value_t = ExtractFmt::Json)]
    pub format: ExtractFmt,
    /// Print each claim with the rule that made it, its confidence, what the rule reads and
    /// the sentence it was read from, instead of --format's output.
    #[arg(long)]
    pub explain: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TraceFmt {
    Text,
    Json,
    Dot,
    Svg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFmt {
    Json,
    Turtle,
    /// N-Quads of every report in the files or folders given, as ingest would store them, for
    /// an engine's bulk loader.
    Nquads,
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes_are_bytes_or_binary_multiples() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("256 MiB"), Ok(256 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("0"), Ok(0));
        for bad in ["", "M", "12T", "-1", "1.5G"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
