//! Command-line tests for the `ties` binary: ingest (folders, re-ingest, bad files, encodings,
//! RDF files, missing paths), remove, query (formats, named queries, errors, missing store),
//! update, stats, extract and the help texts. Each test runs the real binary against its own
//! temporary store and checks exit codes, stdout and stderr.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

use assert_cmd::Command;
use oxigraph::io::{RdfFormat, RdfParser};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Every statement in every report graph.
/// Statements in the graphs of reports and files (the listing index, which the store keeps
/// from them, left out).
const COUNT: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:ties:listing>) }";

/// The named queries `ties query --list` is expected to offer.
const NAMED: [&str; 9] = [
    "affiliations",
    "claims",
    "co-members",
    "events",
    "organisations",
    "participation",
    "people",
    "quotes",
    "reports",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

fn reports() -> PathBuf {
    root().join("data/reports")
}

/// A temporary folder; the store lives in `store/` inside it, created by the first ingest.
fn tmp() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    (dir, store)
}

/// `ties --store STORE`, run from the crate root, untouched by a `TIES_STORE` in the environment.
fn ties(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ties").expect("the ties binary");
    cmd.current_dir(root())
        .env_remove("TIES_STORE")
        .arg("--store")
        .arg(store);
    cmd
}

/// Ingests `paths`, expecting success.
fn ingest(store: &Path, paths: &[&Path]) {
    ties(store).arg("ingest").args(paths).assert().success();
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs a query with `--format json` and parses the result.
fn query_json(store: &Path, query: &str) -> Value {
    let output = ties(store)
        .args(["query", "--format", "json", query])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "query {query:?} failed: {}",
        stderr(&output)
    );
    serde_json::from_slice(&output.stdout).expect("query --format json prints JSON")
}

/// The bindings of a SELECT run with `--format json`.
fn bindings(store: &Path, query: &str) -> Vec<Value> {
    query_json(store, query)["results"]["bindings"]
        .as_array()
        .expect("results.bindings is an array")
        .clone()
}

/// The number of statements in the store's report graphs.
fn count(store: &Path) -> u64 {
    let rows = bindings(store, COUNT);
    rows[0]["n"]["value"]
        .as_str()
        .expect("a count")
        .parse()
        .expect("a number")
}

/// Parses Turtle output, panicking on a syntax error, and returns how many triples it holds.
fn turtle_triples(text: &[u8]) -> usize {
    let quads: Vec<_> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(text)
        .collect::<Result<_, _>>()
        .expect("valid Turtle");
    quads.len()
}

// ---------------------------------------------------------------------------------------------
// ingest and remove

#[test]
fn ingesting_the_sample_reports_twice_gives_the_same_count() {
    let (_dir, store) = tmp();
    ingest(&store, &[&reports()]);
    let first = count(&store);
    assert!(first > 0, "the sample reports gave no statements");
    // Unchanged reports are skipped and said to be; --force reads them again.
    ties(&store)
        .arg("ingest")
        .arg(reports())
        .assert()
        .success()
        .stderr(predicate::str::contains("5 unchanged"));
    assert_eq!(count(&store), first, "re-ingesting must replace, not add");
    ties(&store)
        .args(["ingest", "--force"])
        .arg(reports())
        .assert()
        .success()
        .stderr(predicate::str::contains("ingested 5 reports"));
    assert_eq!(count(&store), first, "re-ingesting must replace, not add");
}

#[test]
fn a_changed_report_is_read_again() {
    let (dir, store) = tmp();
    let file = dir.path().join("note.txt");
    std::fs::write(
        &file,
        "Ana Ruiz is the president of the Harbour Workers Union.\n",
    )
    .unwrap();
    ingest(&store, &[&file]);
    std::fs::write(
        &file,
        "Bo Lind is the treasurer of the Harbour Workers Union.\n",
    )
    .unwrap();
    ties(&store)
        .arg("ingest")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("ingested 1 report "));
    let names = bindings(
        &store,
        "SELECT ?n WHERE { GRAPH ?g { ?p a schema:Person ; schema:name ?n } }",
    );
    assert_eq!(names.len(), 1);
    assert_eq!(names[0]["n"]["value"], "Bo Lind");
}

#[test]
fn remove_by_path_or_iri_restores_the_count() {
    let (_dir, store) = tmp();
    let md = "data/reports/tenants-rally-2025.md";
    ingest(&store, &[&fixture("one-report.txt")]);
    let a = count(&store);
    ingest(&store, &[Path::new(md)]);
    let b = count(&store);
    assert!(b > a, "ingesting {md} added nothing ({a} → {b})");

    ties(&store).args(["remove", md]).assert().success();
    assert_eq!(count(&store), a, "remove by path");
    ties(&store)
        .args(["remove", md])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no report"));

    ingest(&store, &[Path::new(md)]);
    assert_eq!(count(&store), b);
    let iri = bindings(&store, "reports")
        .iter()
        .find(|row| {
            row["file"]["value"]
                .as_str()
                .is_some_and(|f| f.ends_with("tenants-rally-2025.md"))
        })
        .and_then(|row| row["report"]["value"].as_str().map(str::to_owned))
        .expect("the reports query lists the .md report with its IRI");
    ties(&store).args(["remove", &iri]).assert().success();
    assert_eq!(count(&store), a, "remove by IRI {iri}");
}

/// Statements per report graph.
fn per_graph(store: &Path) -> std::collections::BTreeMap<String, u64> {
    bindings(
        store,
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    )
    .iter()
    .map(|row| {
        let n = row["n"]["value"].as_str().unwrap().parse().unwrap();
        (row["g"]["value"].as_str().unwrap().to_owned(), n)
    })
    .collect()
}

#[test]
fn an_ingest_killed_halfway_leaves_each_report_whole_or_absent() {
    // 2,000 copies of the sample reports under their own names: several bulk commits' worth.
    let dir = TempDir::new().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let mut samples: Vec<PathBuf> = std::fs::read_dir(reports())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    samples.sort();
    for i in 0..2000 / samples.len() {
        for s in &samples {
            let name = format!(
                "{}-{i:04}.{}",
                s.file_stem().unwrap().to_str().unwrap(),
                s.extension().unwrap().to_str().unwrap()
            );
            std::fs::copy(s, corpus.join(name)).unwrap();
        }
    }

    // Kill the ingest as soon as a reader sees its first reports.
    let killed = dir.path().join("killed");
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ties"))
        .arg("--store")
        .arg(&killed)
        .arg("ingest")
        .arg(&corpus)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let mut seen = 0;
    while seen == 0 && started.elapsed().as_secs() < 120 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if let Ok(store) = ties::store::Store::open_read_only(&killed) {
            seen = store.graph_count().unwrap_or(0);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let _ = child.kill();
    child.wait().unwrap();
    assert!(seen > 0, "no report became visible while ingest ran");

    let whole = dir.path().join("whole");
    ingest(&whole, &[&corpus]);
    let expected = per_graph(&whole);
    let left = per_graph(&killed);
    eprintln!(
        "killed after {seen} reports were visible; {} in the store",
        left.len()
    );
    assert!(!left.is_empty() && left.len() <= expected.len());
    for (graph, n) in &left {
        assert_eq!(Some(n), expected.get(graph), "report {graph} is not whole");
    }

    // Running the ingest again completes the store.
    ingest(&killed, &[&corpus]);
    assert_eq!(per_graph(&killed), expected);
}

#[test]
fn unreadable_files_are_named_with_a_reason_and_change_nothing() {
    for (name, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("broken.ttl", "line 3"),
    ] {
        let (_dir, store) = tmp();
        ingest(&store, &[&fixture("one-report.txt")]);
        let before = count(&store);
        let output = ties(&store)
            .arg("ingest")
            .arg(fixture(name))
            .output()
            .unwrap();
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{name}: stderr {err}");
        let line = err
            .lines()
            .find(|l| l.starts_with("error: ") && l.contains(name))
            .unwrap_or_else(|| panic!("{name}: no `error: ` line naming the file in {err:?}"));
        assert!(
            line.contains(reason),
            "{name}: the reason should mention {reason:?}: {line}"
        );
        assert_eq!(count(&store), before, "{name} changed the store");
    }
}

#[test]
fn a_bad_file_does_not_keep_a_good_one_out() {
    let (_dir, store) = tmp();
    ties(&store)
        .arg("ingest")
        .arg(fixture("broken.ttl"))
        .arg(fixture("one-report.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.ttl"));
    assert!(count(&store) > 0, "the good file did not go in");
    let files: Vec<String> = bindings(&store, "reports")
        .iter()
        .filter_map(|row| row["file"]["value"].as_str().map(str::to_owned))
        .collect();
    assert!(
        files.iter().any(|f| f.ends_with("one-report.txt")),
        "one-report.txt missing from {files:?}"
    );
}

#[test]
fn windows_1252_reports_are_decoded_with_a_warning() {
    let (_dir, store) = tmp();
    let file = fixture("cp1252.txt");
    ties(&store)
        .arg("ingest")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::is_match(r"(?m)^warning: .*cp1252\.txt.*Windows-1252").unwrap());
    // 0x92 is U+2019 in Windows-1252 (a C1 control in Latin-1): the title must carry it.
    let titles = bindings(
        &store,
        "SELECT ?t WHERE { ?r a schema:Report ; schema:name ?t }",
    );
    assert!(
        titles.iter().any(|row| row["t"]["value"]
            .as_str()
            .unwrap()
            .contains("Dockers\u{2019} Guild")),
        "decoded title not in the store: {titles:?}"
    );

    let output = ties(&store).arg("extract").arg(&file).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let json: Value = serde_json::from_str(&text).expect("extract prints JSON");
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement characters in {text}"
    );
    assert!(
        json["title"]
            .as_str()
            .is_some_and(|t| t.contains("Dockers\u{2019} Guild")),
        "title not decoded: {}",
        json["title"]
    );
}

#[test]
fn rdf_files_go_in_as_they_are() {
    let (_dir, store) = tmp();
    ingest(&store, &[&fixture("small.ttl")]);
    assert_eq!(count(&store), 6, "small.ttl holds 6 triples");
    let rows = bindings(
        &store,
        "SELECT ?n WHERE { <urn:ties:org/lantern-street-food-cooperative> schema:name ?n }",
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["n"]["value"], "Lantern Street Food Cooperative");
}

#[test]
fn ingesting_only_missing_paths_is_a_usage_error() {
    let (dir, store) = tmp();
    let missing = dir.path().join("no-such-folder");
    ties(&store)
        .arg("ingest")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no-such-folder"));
    // A missing path next to a good file: the good file goes in, the run still fails.
    ties(&store)
        .arg("ingest")
        .arg(&missing)
        .arg(fixture("one-report.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-folder"));
    assert!(count(&store) > 0);
}

// ---------------------------------------------------------------------------------------------
// query

/// A store holding the sample reports.
fn sample_store() -> (TempDir, PathBuf) {
    let (dir, store) = tmp();
    ingest(&store, &[&reports()]);
    (dir, store)
}

#[test]
fn a_syntax_error_exits_2_with_its_position() {
    let (_dir, store) = sample_store();
    ties(&store)
        .args(["query", "SELECT ?n WHERE { ?s schema:name ?n "])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::is_match(r"(\d+:\d+|line \d+)").unwrap());
}

#[test]
fn json_output_is_sparql_results_json() {
    let (_dir, store) = sample_store();
    let json = query_json(
        &store,
        "SELECT ?r ?t WHERE { ?r a schema:Report ; schema:name ?t }",
    );
    assert_eq!(json["head"]["vars"], serde_json::json!(["r", "t"]));
    let rows = json["results"]["bindings"].as_array().unwrap();
    assert_eq!(rows.len(), 5, "one row per sample report: {rows:?}");
    assert!(rows.iter().all(|row| row["r"]["type"] == "uri"));
}

#[test]
fn every_named_query_runs() {
    let (_dir, store) = sample_store();
    let output = ties(&store).args(["query", "--list"]).output().unwrap();
    assert!(output.status.success());
    let listed: Vec<String> = stdout(&output)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert_eq!(listed, NAMED, "query --list");
    for name in &listed {
        ties(&store).args(["query", name]).assert().success();
        let json = query_json(&store, name);
        assert!(json["head"]["vars"].is_array(), "{name}: {json}");
    }
}

#[test]
fn bind_narrows_a_named_query_to_one_person() {
    let (_dir, store) = sample_store();
    let all = bindings(&store, "affiliations");
    let name = all[0]["person"]["value"].as_str().unwrap().to_owned();
    let expected = all
        .iter()
        .filter(|row| row["person"]["value"] == name.as_str())
        .count();
    let output = ties(&store)
        .args(["query", "--format", "json", "affiliations", "--bind"])
        .arg(format!("person={name}"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).unwrap();
    let rows = json["results"]["bindings"].as_array().unwrap();
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().all(|r| r["person"]["value"] == name.as_str()));
    // A variable the query does not have is an error, not a silent full listing.
    ties(&store)
        .args(["query", "affiliations", "--bind", "nobody=x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no variable ?nobody"));
}

#[test]
fn csv_starts_with_the_header() {
    let (_dir, store) = sample_store();
    let output = ties(&store)
        .args([
            "query",
            "--format",
            "csv",
            "SELECT ?r ?t WHERE { ?r a schema:Report ; schema:name ?t }",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    let mut lines = text.lines();
    assert_eq!(lines.next().map(str::trim_end), Some("r,t"));
    assert_eq!(lines.filter(|l| !l.is_empty()).count(), 5, "{text}");
}

#[test]
fn ask_answers_true_or_false() {
    let (_dir, store) = sample_store();
    ties(&store)
        .args(["query", "ASK { ?r a schema:Report }"])
        .assert()
        .success()
        .stdout(predicate::str::diff("true").trim());
    ties(&store)
        .args(["query", "ASK { ?r a schema:NoSuchType }"])
        .assert()
        .success()
        .stdout(predicate::str::diff("false").trim());
    let json = query_json(&store, "ASK { ?r a schema:Report }");
    assert_eq!(json["boolean"], true);
}

#[test]
fn construct_gives_turtle_and_select_refuses_it() {
    let (_dir, store) = sample_store();
    let output = ties(&store)
        .args([
            "query",
            "--format",
            "turtle",
            "CONSTRUCT { ?r schema:name ?t } WHERE { ?r a schema:Report ; schema:name ?t }",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("@prefix") || stdout(&output).contains("PREFIX"));
    assert_eq!(turtle_triples(&output.stdout), 5);

    ties(&store)
        .args(["query", "--format", "turtle", "SELECT * WHERE { ?s ?p ?o }"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("SELECT").and(predicate::str::contains("--format")));
}

#[test]
fn an_unknown_named_query_lists_the_names() {
    let (_dir, store) = sample_store();
    let assert = ties(&store).args(["query", "peeple"]).assert().code(2);
    let err = stderr(assert.get_output());
    assert!(err.contains("peeple"), "{err}");
    for name in NAMED {
        assert!(err.contains(name), "{name} not listed in {err}");
    }
}

#[test]
fn querying_a_missing_store_says_to_ingest_first() {
    let (_dir, store) = tmp();
    ties(&store)
        .args(["query", "people"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ties ingest"));
    assert!(!store.exists(), "a query must not create the store");
}

// ---------------------------------------------------------------------------------------------
// update, stats, extract, help

#[test]
fn update_inserts_and_deletes_in_a_named_graph() {
    let (_dir, store) = tmp();
    ingest(&store, &[&fixture("one-report.txt")]);
    let before = count(&store);
    let triple =
        r#"GRAPH <urn:ties:curation> { <urn:ties:person/ana-ruiz> schema:alternateName "Ani" }"#;
    ties(&store)
        .args(["update", &format!("INSERT DATA {{ {triple} }}")])
        .assert()
        .success();
    assert_eq!(count(&store), before + 1);
    let rows = bindings(
        &store,
        "SELECT ?a WHERE { <urn:ties:person/ana-ruiz> schema:alternateName ?a }",
    );
    assert_eq!(rows.len(), 1, "the inserted triple is in the union graph");
    ties(&store)
        .args(["update", &format!("DELETE DATA {{ {triple} }}")])
        .assert()
        .success();
    assert_eq!(count(&store), before);
}

#[test]
fn stats_json_counts_the_report_graphs() {
    let (_dir, store) = sample_store();
    let output = ties(&store).args(["stats", "--json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let stats: Value = serde_json::from_slice(&output.stdout).expect("stats --json prints JSON");
    assert_eq!(stats["graphs"], 5, "{stats}");
    assert_eq!(
        stats["reports"].as_array().map(Vec::len),
        Some(5),
        "{stats}"
    );
    assert_eq!(stats["quads"].as_u64(), Some(count(&store)));
}

#[test]
fn extract_prints_json_or_turtle() {
    let (_dir, store) = tmp();
    let file = fixture("one-report.txt");
    let output = ties(&store)
        .arg("extract")
        .arg(&file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let json: Value = serde_json::from_slice(&output.stdout).expect("extract prints JSON");
    for key in [
        "title",
        "main_event",
        "entities",
        "affiliations",
        "titles",
        "participation",
        "quotes",
    ] {
        assert!(json.get(key).is_some(), "no {key:?} in {json}");
    }

    let output = ties(&store)
        .arg("extract")
        .arg(&file)
        .args(["--format", "turtle"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("@prefix") || text.contains("PREFIX"),
        "{text}"
    );
    assert!(turtle_triples(&output.stdout) > 0, "{text}");
    assert!(!store.exists(), "extract must not create a store");
}

#[test]
fn help_texts_show_examples() {
    let (_dir, store) = tmp();
    for args in [
        vec!["--help"],
        vec!["ingest", "--help"],
        vec!["query", "--help"],
    ] {
        ties(&store)
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples"));
    }
}

#[test]
fn extract_explain_names_the_rule_of_each_claim() {
    let (dir, store) = tmp();
    let file = dir.path().join("report.txt");
    std::fs::write(
        &file,
        "The annual meeting of the Harbour Forum was held in Tolvik on Monday.\n\n\
         Ana Ruiz, treasurer of the Harbour Workers' Alliance, addressed the meeting.\n",
    )
    .unwrap();
    let output = ties(&store)
        .args(["extract", "--explain"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("affiliation: Ana Ruiz as treasurer of Harbour Workers' Alliance")
            && text.contains("rule name-then-role (0.85)"),
        "{text}"
    );
    assert!(
        text.contains("participation: Ana Ruiz was speaker at")
            && text.contains("rule subject-verb (0.80)"),
        "{text}"
    );
    assert!(text.contains("sentence ["), "{text}");
}

/// Front matter that is broken (YAML that does not parse, or no closing `---`) was dropped in
/// silence, the unclosed one becoming the title (issue 12, item 10): now the report still goes
/// in, with a warning that says what was not read and how to fix it.
#[test]
fn broken_front_matter_gives_a_warning_and_the_report_still_goes_in() {
    let (dir, store) = tmp();
    let bad_yaml = dir.path().join("bad-yaml.md");
    std::fs::write(
        &bad_yaml,
        "---\ntitle: [unclosed\n---\nAna Ruiz spoke at the Union meeting.\n",
    )
    .expect("a report");
    let unclosed = dir.path().join("unclosed.md");
    std::fs::write(
        &unclosed,
        "---\ntitle: A day\nAna Ruiz spoke at the Union meeting.\n",
    )
    .expect("a report");
    let out = ties(&store)
        .arg("ingest")
        .arg(&bad_yaml)
        .arg(&unclosed)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    let err = stderr(&out);
    assert!(err.contains("ingested 2 reports"), "{err}");
    assert!(
        err.contains("bad-yaml.md") && err.contains("not valid YAML"),
        "{err}"
    );
    assert!(
        err.contains("unclosed.md") && err.contains("no --- line closes it"),
        "{err}"
    );
    let out = ties(&store)
        .arg("extract")
        .arg(&unclosed)
        .output()
        .expect("ties extract runs");
    assert!(out.status.success(), "{out:?}");
    assert!(stderr(&out).contains("no --- line closes it"), "{out:?}");
}
