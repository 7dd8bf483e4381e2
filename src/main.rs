//! The `ties` command line: a thin clap layer over the library. It parses arguments, draws
//! progress, prints what the library returns and maps errors to exit codes (1 for failures, 2
//! for bad usage). It holds no logic of its own.

#![allow(clippy::print_stdout, clippy::print_stderr)] // the command line is where output goes

mod cli;

use anyhow::Context;
use clap::Parser;
use cli::args::*;
use cli::location::{no_store, Location};
use cli::print::{extract_summary_line, print_stats, summary_line, Bar};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use ties::export::Format as ExportFormat;
use ties::extract::Extractor;
use ties::network::{Filter, Network};
use ties::sparql::{Dataset, QueryOptions};

/// The allocator: see the note on `mimalloc` in Cargo.toml (the extractor's many small
/// strings made glibc's malloc a sixth of its cost).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `println!` that hands a closed pipe back as an error (`ties query … | head` ends quietly)
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // SPARQL is parsed and run by recursion: the command runs on a thread with the stack the
    // library's nesting limits are measured for (a panic goes on as it would have).
    let outcome = std::thread::Builder::new()
        .stack_size(ties::sparql::limits::STACK_SIZE)
        .spawn(move || run(cli))
        .map(|command| command.join())
        .unwrap_or_else(|e| Ok(Err(e.into())));
    let outcome = outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    match outcome {
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
    let at = &Location::of(&cli)?;
    match cli.command {
        Command::Ingest(args) => ingest(at, args),
        Command::Remove(args) => remove(at, args),
        Command::Query(args) => query(at, args),
        Command::Update(args) => update(at, args),
        Command::Stats(args) => stats(at, args),
        Command::Export(args) => export(at, args),
        Command::Trace(args) => trace(at, args),
        Command::Rank(args) => rank(at, args),
        Command::Serve(args) => serve(at, args),
        Command::Candidates(args) => candidates(at, args),
        Command::Merge(args) => judge(at, Judge::Merge, args),
        Command::Distinguish(args) => judge(at, Judge::Distinguish, args),
        Command::Unmerge(args) => unmerge(at, args),
        Command::Reject(args) => verdict(at, false, args),
        Command::Accept(args) => verdict(at, true, args),
        Command::Curation(args) => curation(at, args),
        Command::Extract(args) => extract(args),
    }
}

fn ingest(at: &Location, args: IngestArgs) -> anyhow::Result<ExitCode> {
    let (inputs, path_errors) = ties::pipeline::collect_inputs(&args.paths);
    for e in &path_errors {
        eprintln!("error: {}", e.full_text());
    }
    if inputs.is_empty() {
        anyhow::bail!(ties::Error::Usage(
            "nothing to ingest: give .txt, .md, .html or RDF files, or folders holding them".into()
        ));
    }
    let store = at.open()?;
    let bar = Bar::new(!args.quiet && inputs.len() >= 20 && std::io::stderr().is_terminal());
    let options = ties::ingest::Options {
        force: args.force,
        allow_report_graphs: args.allow_report_graphs,
    };
    let summary = ties::ingest::ingest_with(&store, &Extractor::new(), &inputs, &bar, options)?;
    if !args.quiet {
        eprintln!("{}", summary_line(&summary, store.len()?));
    }
    Ok(exit_code(
        summary.failures.is_empty() && path_errors.is_empty(),
    ))
}

fn remove(at: &Location, args: RemoveArgs) -> anyhow::Result<ExitCode> {
    let store = at.open()?;
    let iri = ties::ingest::find_report(&store, &args.report)?;
    ties::ingest::remove_report(&store, &iri)?;
    eprintln!("removed {}", iri.as_str());
    Ok(ExitCode::SUCCESS)
}

fn query(at: &Location, args: QueryArgs) -> anyhow::Result<ExitCode> {
    if args.list {
        for (name, text) in ties::queries::NAMED {
            let about = text.lines().next().unwrap_or("").trim_start_matches("# ");
            outln!("{name:15} {about}");
        }
        return Ok(ExitCode::SUCCESS);
    }
    let bindings = args
        .bind
        .iter()
        .map(|b| ties::sparql::parse_binding(b).context("--bind"))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let dataset = at.read()?;
    let bound: Vec<&str> = bindings.iter().map(|(v, _)| v.as_str()).collect();
    let text =
        ties::queries::resolve_on(&dataset, args.query.as_deref().unwrap_or_default(), &bound)?;
    let options = QueryOptions {
        graph: args.graph.as_deref(),
        bindings: &bindings,
        cancel: args.timeout_s.map(time_limit),
    };
    let results = dataset.query(&text, &options).map_err(with_time_limit)?;
    let mut out = std::io::stdout().lock();
    // A format the query cannot give is a --format error; anything else is the query's own.
    ties::sparql::write_results(results, args.format, &mut out).map_err(|e| match e {
        ties::Error::Usage(_) => anyhow::Error::from(e).context("--format"),
        other => with_time_limit(other),
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn update(at: &Location, args: UpdateArgs) -> anyhow::Result<ExitCode> {
    let text = match args.update.strip_prefix('@') {
        Some(file) => std::fs::read_to_string(file)
            .with_context(|| format!("cannot read update file {file}"))?,
        None => args.update,
    };
    let dataset = at.open_existing()?;
    let before = dataset.len()?;
    dataset
        .update_with(&text, args.timeout_s.map(time_limit))
        .map_err(with_time_limit)?;
    eprintln!("update done: {before} → {} statements", dataset.len()?);
    Ok(ExitCode::SUCCESS)
}

/// The token that stops a query or update after `--timeout-s` seconds.
fn time_limit(seconds: u64) -> ties::sparql::CancellationToken {
    ties::sparql::cancel_after(std::time::Duration::from_secs(seconds))
}

/// A stop at the time limit names the flag that set it.
fn with_time_limit(e: ties::Error) -> anyhow::Error {
    match e {
        ties::Error::TimeLimit => anyhow::Error::from(e).context("--timeout-s"),
        other => other.into(),
    }
}

fn stats(at: &Location, args: StatsArgs) -> anyhow::Result<ExitCode> {
    let stats = ties::stats::stats(&at.read()?)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print_stats(&stats)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export(at: &Location, args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(ExportFormat::of_file))
        .unwrap_or(ExportFormat::Dot);
    let dataset = at.read()?;
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

fn trace(at: &Location, args: TraceArgs) -> anyhow::Result<ExitCode> {
    let dataset = at.read()?;
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

fn rank(at: &Location, args: RankArgs) -> anyhow::Result<ExitCode> {
    let net = Network::from_dataset(&at.read()?, &Filter::default())?;
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

fn serve(at: &Location, args: ServeArgs) -> anyhow::Result<ExitCode> {
    at.writes()?;
    if let Some(folder) = at.folder().filter(|f| !f.exists()) {
        anyhow::bail!(no_store(folder));
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
    ties::serve::check_cors(&args.cors).context("--cors")?;
    let opts = ties::serve::Options {
        store: at.folder().map(Path::to_path_buf).unwrap_or_default(),
        endpoint: at.endpoint().cloned(),
        bind: args.bind,
        read_only: args.read_only,
        timeout: std::time::Duration::from_secs(args.timeout_s.max(1)),
        allow_remote_updates: args.allow_remote_updates,
        allow_hosts: args.allow_host.clone(),
        cors: args.cors.clone(),
        max_result_rows: (args.max_result_rows > 0).then_some(args.max_result_rows),
        max_result_bytes: (args.max_result_bytes > 0).then_some(args.max_result_bytes),
        max_connections: args.max_connections as usize,
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout_s),
        raise_with: Some(serve_flag),
    };
    ties::serve::run(opts, |started| {
        let addr = started.addr;
        eprintln!(
            "ties serve: http://{addr}/ (SPARQL endpoint http://{addr}/sparql){}; Ctrl-C stops",
            if started.read_only { ", read-only" } else { "" }
        );
        if let Some(token) = &started.token {
            eprintln!(
                "ties serve: writes need the header X-Ties-Token: {token}; open the page at {} to write from it",
                started.page_url()
            );
        }
    })
    .with_context(|| format!("--bind {}", args.bind))?;
    Ok(ExitCode::SUCCESS)
}

/// How the owner of a `ties serve` raises one of its limits: said in the answers refused there.
fn serve_flag(limit: ties::serve::Limit) -> &'static str {
    match limit {
        ties::serve::Limit::ResultRows => "ties serve --max-result-rows N; 0 for none",
        ties::serve::Limit::ResultBytes => "ties serve --max-result-bytes SIZE; 0 for none",
        ties::serve::Limit::Connections => "ties serve --max-connections N",
    }
}

fn candidates(at: &Location, args: CandidatesArgs) -> anyhow::Result<ExitCode> {
    let dataset = at.read()?;
    let mut found = Vec::new();
    for (kind, person) in [
        (CandidateKind::Person, true),
        (CandidateKind::Organisation, false),
    ] {
        if args.kind.is_none_or(|k| k == kind) {
            found.extend(ties::curation::candidates::candidates(
                &dataset,
                person,
                args.min_score,
            )?);
        }
    }
    match args.format {
        CandidateFmt::Json => outln!("{}", serde_json::to_string_pretty(&found)?),
        CandidateFmt::Csv => {
            outln!("score,a,a_name,b,b_name,reasons");
            for c in &found {
                outln!("{}", cli::print::candidate_csv(c));
            }
        }
        CandidateFmt::Table => {
            for c in &found {
                outln!(
                    "{:6.1}  {:?} ~ {:?}  ({}; {} / {})",
                    c.score,
                    c.a_name,
                    c.b_name,
                    c.reasons.join(", "),
                    c.a,
                    c.b
                );
            }
            outln!("({} candidate pairs)", found.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}

enum Judge {
    Merge,
    Distinguish,
}

fn judge(at: &Location, how: Judge, args: JudgePairArgs) -> anyhow::Result<ExitCode> {
    let dataset = at.open_existing()?;
    let (a, b, note) = (&args.pair.a, &args.pair.b, args.note.as_deref());
    let outcome = match how {
        Judge::Merge => ties::curation::merge(&dataset, a, b, note)?,
        Judge::Distinguish => ties::curation::distinguish(&dataset, a, b, note)?,
    };
    report_outcome("recorded", &outcome);
    Ok(ExitCode::SUCCESS)
}

fn unmerge(at: &Location, args: PairArgs) -> anyhow::Result<ExitCode> {
    let outcome = ties::curation::unmerge(&at.open_existing()?, &args.a, &args.b)?;
    report_outcome("undone", &outcome);
    Ok(ExitCode::SUCCESS)
}

fn verdict(at: &Location, accept: bool, args: ClaimArgs) -> anyhow::Result<ExitCode> {
    let dataset = at.open_existing()?;
    let outcome = ties::curation::verdict(&dataset, &args.claim, accept, args.note.as_deref())?;
    report_outcome("recorded", &outcome);
    Ok(ExitCode::SUCCESS)
}

fn curation(at: &Location, args: CurationArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        CurationCommand::List { format } => {
            let judgements = ties::curation::judgements(&at.read()?)?;
            match format {
                ListFmt::Json => outln!("{}", serde_json::to_string_pretty(&judgements)?),
                ListFmt::Table => {
                    for j in &judgements {
                        outln!("{}", cli::print::judgement_line(j));
                    }
                    outln!("({} judgements)", judgements.len());
                }
            }
        }
        CurationCommand::Undo { judgement } => {
            let outcome = ties::curation::undo(&at.open_existing()?, &judgement)?;
            report_outcome("undone", &outcome);
        }
        CurationCommand::Export { file, format } => curation_export(at, &file, format)?,
        CurationCommand::Import { file, format } => curation_import(at, &file, format)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn curation_export(
    at: &Location,
    file: &Path,
    format: Option<ties::curation::transfer::FileFormat>,
) -> anyhow::Result<()> {
    use ties::curation::transfer::{export, FileFormat};
    let dataset = at.read()?;
    let format = format.unwrap_or_else(|| FileFormat::of_path(file));
    let written = if file == Path::new("-") {
        export(&dataset, format, std::io::stdout().lock())?
    } else {
        let out = std::fs::File::create(file)
            .with_context(|| format!("cannot write {}", file.display()))?;
        export(&dataset, format, std::io::BufWriter::new(out))?
    };
    eprintln!("{written} judgement{} exported", plural(written));
    Ok(())
}

fn curation_import(at: &Location, file: &Path, format: ListFmt) -> anyhow::Result<()> {
    use ties::curation::transfer::{import, parse, Fate};
    let (source, bytes) = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        (Path::new("standard input"), bytes)
    } else {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        (file, bytes)
    };
    let judgements = parse(source, &bytes)?;
    let done = import(&Dataset::new(at.open()?), judgements)?;
    if let ListFmt::Json = format {
        outln!("{}", serde_json::to_string_pretty(&done)?);
        return Ok(());
    }
    let applied = done
        .iter()
        .filter(|d| matches!(d.fate, Fate::Applied { .. }))
        .count();
    for d in &done {
        let line = cli::print::judgement_line(&d.judgement);
        match &d.fate {
            Fate::Applied { reports } => outln!(
                "applied: {line}; {reports} report graph{} rewritten",
                plural(*reports)
            ),
            Fate::Skipped { reason } => outln!("skipped: {line}: {reason}"),
        }
    }
    outln!("({applied} applied, {} skipped)", done.len() - applied);
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn report_outcome(done: &str, outcome: &ties::curation::Outcome) {
    eprintln!(
        "{done}: {}; {} report graph{} rewritten",
        cli::print::judgement_line(&outcome.judgement),
        outcome.reports,
        if outcome.reports == 1 { "" } else { "s" }
    );
}

fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.format == ExtractFmt::Nquads && !args.explain {
        return extract_nquads(args);
    }
    let [file] = &args.file[..] else {
        anyhow::bail!(ties::Error::Usage(
            "give one report (--format nquads takes several files and folders)".into()
        ));
    };
    let found = ties::pipeline::analyse_file(file, &Extractor::new())?;
    for warning in &found.document.warnings {
        eprintln!("warning: {}: {warning}", file.display());
    }
    let mut out = std::io::stdout().lock();
    if args.explain {
        let view = ties::extract::view::ExtractionView::new(&found.document, &found.extraction);
        write!(out, "{}", view.explain())?;
        return Ok(ExitCode::SUCCESS);
    }
    match args.format {
        ExtractFmt::Json => {
            let view = ties::extract::view::ExtractionView::new(&found.document, &found.extraction);
            serde_json::to_writer_pretty(&mut out, &view)?;
            writeln!(out)?;
        }
        ExtractFmt::Turtle | ExtractFmt::Nquads => {
            let source = found.document.source.clone().unwrap_or(file.clone());
            let report = ties::rdf::report_iri(&source);
            let quads = ties::rdf::report_quads(&report, &found.document, &found.extraction);
            ties::rdf::write_turtle(&quads, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Every report and RDF file named, as N-Quads on stdout, for an engine's bulk loader.
fn extract_nquads(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let (inputs, path_errors) = ties::pipeline::collect_inputs(&args.file);
    for e in &path_errors {
        eprintln!("error: {}", e.full_text());
    }
    let out = std::io::stdout().lock();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    let bar = Bar::new(inputs.len() >= 20 && std::io::stderr().is_terminal());
    let summary = ties::bulk::write_nquads(&inputs, &Extractor::new(), &mut out, &bar)?;
    out.flush()?;
    eprintln!("{}", extract_summary_line(&summary));
    Ok(exit_code(
        summary.failures.is_empty() && path_errors.is_empty(),
    ))
}

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
