//! ties against a real SPARQL 1.1 engine (issue 14): the sample reports ingested into the
//! embedded store and into the engine at `$VIRTUOSO_SPARQL` must give the same rows for every
//! named query (unbound and bound), the same paths from `trace`, the same network from
//! `export`; removing and re-ingesting must behave the same; a killed ingest must leave each
//! report whole or absent on the engine. `.ci/run` starts a throwaway Virtuoso and sets the
//! variable; without it these tests print why they are skipped and pass.
//!
//! The engine must be a throwaway one: the tests drop every `urn:ties:` graph it holds first.
//!
//! What the comparison normalises, because it is representation and not content: a literal
//! typed `xsd:string` is the simple literal it stands for (RDF 1.1 makes them one), Virtuoso's
//! `typed-literal` is a `literal` with a datatype (the old JSON form), and the values a
//! `GROUP_CONCAT` joins come in an order SPARQL leaves to the engine, so those columns are
//! compared as sets of their ` | `-separated parts. Nothing else: other datatypes, languages,
//! IRIs and values must match exactly.

#![allow(clippy::print_stdout)] // what was compared, and why a test was skipped, go to the log

mod common;

use common::root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::Duration;
use tempfile::TempDir;

/// The engine is one: these tests take turns on it.
static ENGINE: Mutex<()> = Mutex::new(());

fn endpoint() -> Option<String> {
    match std::env::var("VIRTUOSO_SPARQL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            println!(
                "skipped: VIRTUOSO_SPARQL is not set (.ci/run starts a throwaway Virtuoso and sets it: \
                 eval \"$(../shared/checks/virtuoso.sh start)\")"
            );
            None
        }
    }
}

fn bin() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("ties"));
    cmd.current_dir(root())
        .env_remove("TIES_STORE")
        .env_remove("TIES_ENDPOINT");
    cmd
}

/// `ties` on the engine writing reports by Graph Store PUT (`$VIRTUOSO_GSP`), or by Update
/// when that is not set.
fn ties_gsp(url: &str, args: &[&str]) -> Output {
    let mut cmd = bin();
    cmd.args(["--endpoint", url]);
    if let Ok(gsp) = std::env::var("VIRTUOSO_GSP") {
        cmd.args(["--graph-store", &gsp]);
    }
    cmd.args(args).output().expect("ties runs")
}

/// `ties` on the embedded store at `store`, or on the engine when `store` is None (writing
/// reports by SPARQL Update).
fn ties(at: Option<&Path>, url: &str, args: &[&str]) -> Output {
    let mut cmd = bin();
    match at {
        Some(store) => cmd.arg("--store").arg(store),
        None => cmd.args(["--endpoint", url]),
    };
    cmd.args(args).output().expect("ties runs")
}

fn ok(out: Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// Drops every graph of ties' on the engine, so a test starts from an empty store.
fn clear_engine(url: &str) {
    let listed = ok(
        ties(
            None,
            url,
            &[
                "query",
                "--format",
                "tsv",
                r#"SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:ties:")) }"#,
            ],
        ),
        "listing the engine's graphs",
    );
    let drops: Vec<String> = listed
        .lines()
        .skip(1)
        .map(|g| format!("DROP SILENT GRAPH {g}"))
        .collect();
    if !drops.is_empty() {
        ok(
            ties(None, url, &["update", &drops.join(" ;\n")]),
            "clearing the engine",
        );
    }
}

/// A copy of the sample reports in a folder of its own (the reports' IRIs follow their paths).
fn sample_reports(dir: &Path) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir_all(&reports).expect("a folder");
    for entry in std::fs::read_dir(root().join("data/reports")).expect("data/reports") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), reports.join(entry.file_name())).expect("copied");
    }
    reports
}

/// A term as compared: kind (uri, literal, bnode), value, datatype, language.
type Cell = (String, String, String, String);
type Row = BTreeMap<String, Cell>;

/// The rows of a W3C JSON results document, each term normalised (see the module's comment),
/// sorted: rows compared as a multiset.
fn rows(json: &str) -> Vec<Row> {
    let doc: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let mut out: Vec<Row> = doc["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|row| {
            row.as_object()
                .expect("a row")
                .iter()
                .map(|(var, term)| (var.clone(), cell(term)))
                .collect()
        })
        .collect();
    out.sort();
    out
}

const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";

fn cell(term: &Value) -> Cell {
    let text = |key: &str| term[key].as_str().unwrap_or("").to_owned();
    let kind = match text("type").as_str() {
        "typed-literal" => "literal".to_owned(),
        other => other.to_owned(),
    };
    let mut value = text("value");
    if value.contains(" | ") {
        let mut parts: Vec<&str> = value.split(" | ").collect();
        parts.sort_unstable();
        value = parts.join(" | ");
    }
    let datatype = Some(text("datatype"))
        .filter(|d| d != XSD_STRING)
        .unwrap_or_default();
    (kind, value, datatype, text("xml:lang"))
}

fn query_rows(at: Option<&Path>, url: &str, name: &str, bind: Option<&str>) -> Vec<Row> {
    let mut args = vec!["query", name, "--format", "json"];
    if let Some(b) = bind {
        args.extend(["--bind", b]);
    }
    rows(&ok(ties(at, url, &args), &format!("query {name} {bind:?}")))
}

/// The named queries, each with a variable to bind and the column of its rows to take a value
/// from (the query's first lines name the variable).
const BOUND: &[(&str, &str, &str)] = &[
    ("affiliations", "person", "person"),
    ("claims", "name", "name"),
    ("co-members", "person", "person"),
    ("events", "name", "name"),
    ("organisations", "name", "name"),
    ("participation", "person", "person"),
    ("people", "name", "name"),
    ("quotes", "speaker", "speaker"),
    ("reports", "report", "report"),
];

/// The value of `column` in the middle row, as `--bind` takes it.
fn value_in(rows: &[Row], column: &str) -> Option<String> {
    let (kind, value, _, _) = rows.get(rows.len() / 2)?.get(column)?;
    Some(match kind.as_str() {
        "uri" => format!("<{value}>"),
        _ => value.clone(),
    })
}

struct Both {
    _dir: TempDir,
    store: PathBuf,
    reports: PathBuf,
    url: String,
}

fn ingest_both(url: &str) -> Both {
    clear_engine(url);
    let dir = TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    let reports = sample_reports(dir.path());
    let path = reports.to_str().expect("a UTF-8 path");
    ok(
        ties(Some(&store), url, &["ingest", "--quiet", path]),
        "embedded ingest",
    );
    ok(
        ties(None, url, &["ingest", "--quiet", path]),
        "remote ingest",
    );
    Both {
        _dir: dir,
        store,
        reports,
        url: url.to_owned(),
    }
}

#[test]
fn every_named_query_gives_the_same_rows_on_the_engine() {
    let Some(url) = endpoint() else { return };
    let _turn = ENGINE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let both = ingest_both(&url);
    for (name, variable, column) in BOUND {
        let embedded = query_rows(Some(&both.store), &url, name, None);
        let remote = query_rows(None, &url, name, None);
        assert!(
            !embedded.is_empty(),
            "{name}: no rows on the sample reports"
        );
        same(&embedded, &remote, name);
        let value = value_in(&embedded, column).expect("a value to bind");
        let bind = format!("{variable}={value}");
        let embedded = query_rows(Some(&both.store), &url, name, Some(&bind));
        let remote = query_rows(None, &url, name, Some(&bind));
        assert!(!embedded.is_empty(), "{name} --bind {bind}: no rows");
        same(&embedded, &remote, &format!("{name} --bind {bind}"));
        println!("{name}: same rows, unbound and with --bind {bind}");
    }
}

/// A network's nodes and edges as sorted lines, each node named by its IRI (export's JSON
/// numbers nodes and edges in the order it found them).
fn network(json: &str) -> (Vec<String>, Vec<String>) {
    let doc: Value = serde_json::from_str(json).expect("export JSON");
    let mut iris = BTreeMap::new();
    let mut nodes: Vec<String> = Vec::new();
    for n in doc["elements"]["nodes"].as_array().expect("nodes") {
        let mut data = n["data"].clone();
        let id = data["id"].as_str().expect("an id").to_owned();
        iris.insert(id, data["iri"].clone());
        data.as_object_mut().expect("data").remove("id");
        nodes.push(data.to_string());
    }
    let mut edges: Vec<String> = Vec::new();
    for e in doc["elements"]["edges"].as_array().expect("edges") {
        let mut data = e["data"].clone();
        let obj = data.as_object_mut().expect("data");
        obj.remove("id");
        for end in ["source", "target"] {
            let id = obj[end].as_str().expect("an end").to_owned();
            obj.insert(end.to_owned(), iris[&id].clone());
        }
        edges.push(data.to_string());
    }
    nodes.sort();
    edges.sort();
    (nodes, edges)
}

/// Fails naming what one side has and the other lacks (at most five of each), not the whole.
fn same<T: std::fmt::Debug + Ord>(embedded: &[T], remote: &[T], what: &str) {
    if embedded == remote {
        return;
    }
    let only = |a: &[T], b: &[T]| -> Vec<String> {
        a.iter()
            .filter(|x| b.binary_search(x).is_err())
            .take(5)
            .map(|x| format!("{x:?}"))
            .collect()
    };
    panic!(
        "{what}: {} rows embedded, {} on the engine\nonly embedded: {:#?}\nonly on the engine: {:#?}",
        embedded.len(),
        remote.len(),
        only(embedded, remote),
        only(remote, embedded)
    );
}

#[test]
fn trace_and_export_give_the_same_answers_on_the_engine() {
    let Some(url) = endpoint() else { return };
    let _turn = ENGINE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let both = ingest_both(&url);
    let embedded = network(&ok(
        ties(Some(&both.store), &url, &["export", "--format", "json"]),
        "export",
    ));
    let remote = network(&ok(
        ties(None, &url, &["export", "--format", "json"]),
        "remote export",
    ));
    assert!(!embedded.1.is_empty(), "the sample network has edges");
    same(&embedded.0, &remote.0, "export: nodes");
    same(&embedded.1, &remote.1, "export: edges");
    // People tied through an organisation or event: the ends of `co-members`' first row.
    let pairs = query_rows(Some(&both.store), &url, "co-members", None);
    let name = |col: &str| value_in(&pairs, col).expect("a name");
    let (a, b) = (name("person"), name("coMember"));
    for args in [
        vec!["trace", a.as_str(), b.as_str(), "--format", "json"],
        vec![
            "trace",
            a.as_str(),
            b.as_str(),
            "--all",
            "--max-hops",
            "3",
            "--format",
            "json",
        ],
        vec![
            "export",
            "--focus",
            a.as_str(),
            "--depth",
            "2",
            "--format",
            "json",
        ],
    ] {
        let embedded = ok(ties(Some(&both.store), &url, &args), "embedded");
        let remote = ok(ties(None, &url, &args), "remote");
        if args[0] == "export" {
            let (embedded, remote) = (network(&embedded), network(&remote));
            same(&embedded.0, &remote.0, &format!("{args:?}: nodes"));
            same(&embedded.1, &remote.1, &format!("{args:?}: edges"));
        } else {
            let parse = |t: &str| -> Vec<String> {
                let v: Value = serde_json::from_str(t).expect("trace JSON");
                let mut paths: Vec<String> = v
                    .as_array()
                    .expect("paths")
                    .iter()
                    .map(Value::to_string)
                    .collect();
                paths.sort();
                paths
            };
            assert!(!parse(&embedded).is_empty(), "{args:?}: no path");
            same(&parse(&embedded), &parse(&remote), &format!("{args:?}"));
        }
    }
    let stats = |at| {
        let text = ok(ties(at, &url, &["stats", "--json"]), "stats");
        let v: Value = serde_json::from_str(&text).expect("stats JSON");
        (v["quads"].clone(), v["graphs"].clone())
    };
    assert_eq!(
        stats(Some(&both.store)),
        stats(None),
        "stats: statements and graphs"
    );
}

#[test]
fn remove_and_reingest_behave_the_same_on_the_engine() {
    let Some(url) = endpoint() else { return };
    let _turn = ENGINE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let both = ingest_both(&url);
    let report = std::fs::read_dir(&both.reports)
        .expect("reports")
        .map(|e| e.expect("entry").path())
        .min()
        .expect("a report");
    let report = report.to_str().expect("UTF-8");
    let path = both.reports.to_str().expect("UTF-8");
    let same = |what: &str| {
        for name in ["reports", "people", "affiliations"] {
            let embedded = query_rows(Some(&both.store), &both.url, name, None);
            let remote = query_rows(None, &both.url, name, None);
            same(&embedded, &remote, &format!("{what}: {name}"));
        }
    };
    for at in [Some(both.store.as_path()), None] {
        ok(ties(at, &url, &["remove", report]), "remove");
    }
    same("after remove");
    for at in [Some(both.store.as_path()), None] {
        let out = match at {
            Some(_) => ties(at, &url, &["ingest", path]),
            None => ties_gsp(&url, &["ingest", path]),
        };
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{said}");
        assert!(
            said.contains("ingested 1 report ") && said.contains("4 unchanged"),
            "{at:?}: {said}"
        );
    }
    same("after re-ingest");
    // A changed report replaces its graph whole.
    let mut text = std::fs::read_to_string(report).expect("the report");
    text.push_str(
        "\n\nLena Vos, treasurer of the Harbour Workers' Federation, closed the meeting.\n",
    );
    std::fs::write(report, text).expect("written");
    for at in [Some(both.store.as_path()), None] {
        let out = match at {
            Some(_) => ties(at, &url, &["ingest", path]),
            None => ties_gsp(&url, &["ingest", path]),
        };
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(said.contains("ingested 1 report "), "{at:?}: {said}");
    }
    same("after a changed report");
}

/// Quads of each report graph: IRI → count.
fn graph_sizes(at: Option<&Path>, url: &str) -> BTreeMap<String, u64> {
    let text = ok(
        ties(
            at,
            url,
            &[
                "query",
                "--format",
                "csv",
                r#"SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:ties:report/")) } GROUP BY ?g"#,
            ],
        ),
        "graph sizes",
    );
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let (g, n) = l.trim_end().rsplit_once(',')?;
            Some((g.to_owned(), n.parse().ok()?))
        })
        .collect()
}

/// The engine's report graphs once it has finished what it was sent: the engine goes on
/// with a request whose client was killed after sending it, and Virtuoso's Graph Store load is
/// seen by readers while it runs (241 of a report's 311 quads, read the moment after the kill).
/// Whole or absent is a claim about what stays, so the sizes are read until two reads a second
/// apart agree.
fn settled_sizes(url: &str) -> BTreeMap<String, u64> {
    let mut last = graph_sizes(None, url);
    for _ in 0..30 {
        std::thread::sleep(Duration::from_secs(1));
        let now = graph_sizes(None, url);
        if now == last {
            break;
        }
        last = now;
    }
    last
}

#[test]
fn a_killed_ingest_leaves_each_report_whole_or_absent_on_the_engine() {
    let Some(url) = endpoint() else { return };
    let _turn = ENGINE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    clear_engine(&url);
    let dir = TempDir::new().expect("a temporary folder");
    let samples = sample_reports(dir.path());
    let many = dir.path().join("many");
    std::fs::create_dir_all(&many).expect("a folder");
    for entry in std::fs::read_dir(&samples).expect("samples") {
        let path = entry.expect("an entry").path();
        let name = path
            .file_name()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        for i in 0..60 {
            std::fs::copy(&path, many.join(format!("{i:02}-{name}"))).expect("copied");
        }
    }
    let store = dir.path().join("store");
    ok(
        ties(
            Some(&store),
            &url,
            &["ingest", "--quiet", many.to_str().expect("UTF-8")],
        ),
        "embedded ingest",
    );
    let whole = graph_sizes(Some(&store), &url);
    // Both ways of writing: Update requests (small ones, so the ingest is still under way
    // when it is killed) and Graph Store PUTs.
    let gsp = std::env::var("VIRTUOSO_GSP").ok();
    let ways: Vec<Vec<&str>> = [
        Some(vec!["--batch-kib", "8"]),
        gsp.as_deref().map(|g| vec!["--graph-store", g]),
    ]
    .into_iter()
    .flatten()
    .collect();
    for way in ways {
        clear_engine(&url);
        let mut child = bin()
            .args(["--endpoint", &url])
            .args(&way)
            .args(["ingest", "--quiet"])
            .arg(&many)
            .spawn()
            .expect("ties ingest starts");
        let mut waited = 0;
        while graph_sizes(None, &url).is_empty() && waited < 600 {
            std::thread::sleep(Duration::from_millis(50));
            waited += 1;
        }
        child.kill().expect("killed");
        let _ = child.wait();
        let remote = settled_sizes(&url);
        assert!(
            !remote.is_empty(),
            "{way:?}: nothing was written before the kill"
        );
        for (graph, n) in &remote {
            assert_eq!(
                Some(n),
                whole.get(graph),
                "{way:?}: {graph}: {n} quads, not the whole report"
            );
        }
        println!(
            "{way:?}: killed with {} of {} reports in, each whole",
            remote.len(),
            whole.len()
        );
        // Run again, it finishes: every report whole.
        let out = bin()
            .args(["--endpoint", &url])
            .args(&way)
            .args(["ingest", "--quiet"])
            .arg(&many)
            .output();
        ok(out.expect("ties runs"), "ingest again");
        assert_eq!(
            graph_sizes(None, &url),
            whole,
            "{way:?}: after the second run"
        );
    }
}

#[test]
fn curation_and_serve_work_on_the_engine_as_on_the_embedded_store() {
    let Some(url) = endpoint() else { return };
    let _turn = ENGINE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let both = ingest_both(&url);
    let people = query_rows(Some(&both.store), &url, "people", None);
    let name = |i: usize| people[i].get("name").expect("a name").1.clone();
    let (a, b) = (name(0), name(1));
    let same_views = |what: &str| {
        for query in ["people", "affiliations", "claims"] {
            let embedded = query_rows(Some(&both.store), &url, query, None);
            let remote = query_rows(None, &url, query, None);
            same(&embedded, &remote, &format!("{what}: {query}"));
        }
    };
    for at in [Some(both.store.as_path()), None] {
        ok(
            ties(at, &url, &["merge", &a, &b, "--note", "a test"]),
            "merge",
        );
    }
    same_views("after a merge");
    for at in [Some(both.store.as_path()), None] {
        ok(ties(at, &url, &["unmerge", &a, &b]), "unmerge");
    }
    same_views("after the unmerge");
    // `ties serve` in front of the engine answers the SPARQL Protocol from it.
    let mut server = bin()
        .args([
            "--endpoint",
            &url,
            "serve",
            "--read-only",
            "--bind",
            "127.0.0.1:0",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ties serve starts");
    let mut line = String::new();
    // Kept open while the server runs: it logs each request there.
    let mut stderr = std::io::BufReader::new(server.stderr.take().expect("stderr"));
    std::io::BufRead::read_line(&mut stderr, &mut line).expect("a line");
    let base = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address")
        .trim_end_matches('/')
        .to_owned();
    let text = std::fs::read_to_string(root().join("queries/affiliations.rq")).expect("the query");
    let reply = common::agent()
        .post(format!("{base}/sparql"))
        .header("Accept", "application/sparql-results+json")
        .send_form([("query", text.as_str())]);
    let _ = server.kill();
    let _ = server.wait();
    drop(stderr);
    let served = rows(&common::Reply::of(reply).ok());
    same(
        &query_rows(Some(&both.store), &url, "affiliations", None),
        &served,
        "affiliations through ties serve --endpoint",
    );
}
