//! Curation end to end, with the real binary (issue 13's "must show"): two reports naming one
//! organisation by its long form and its acronym, and one person by full name and titled
//! surname. Merging makes one node the queries and trace see; re-ingesting (with --force) keeps
//! the judgements; rejecting a claim hides it; undoing everything restores the store quad for
//! quad. The names are invented.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests report on the console

mod common;

use assert_cmd::Command;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const ONE: &str = "Harbour Workers' Federation conference 2025

Amina Okafor, general secretary of the Harbour Workers' Federation, opened the conference. Tomas Berg, treasurer of the Harbour Workers' Federation, spoke at the rally.
";

const TWO: &str = "Dock strike rally

Okafor MP, president of the HWF, said the strike would go on. Lena Vos, treasurer of the HWF, spoke at the rally.
";

/// A folder with the two reports, and where the store goes.
fn setup() -> (TempDir, PathBuf, PathBuf) {
    common::reports_folder(&[("one.txt", ONE), ("two.txt", TWO)])
}

fn ties(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ties").expect("the ties binary");
    cmd.env_remove("TIES_STORE").arg("--store").arg(store);
    cmd
}

/// Runs `args`, expecting success; returns stdout and stderr.
fn run(store: &Path, args: &[&str]) -> (String, String) {
    let out = ties(store).args(args).output().expect("runs");
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{args:?} failed:\n{o}\n{e}");
    (o, e)
}

fn rows(store: &Path, query: &str) -> Vec<Value> {
    let (out, _) = run(store, &["query", "--format", "json", query]);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .clone()
}

/// The claim IRI of Lena Vos's membership (the one wrong claim the tests reject).
fn lena_vos_membership(store: &Path) -> String {
    rows(store, "claims")
        .into_iter()
        .find(|r| {
            r["evidence"]["value"]
                .as_str()
                .unwrap_or("")
                .starts_with("Lena Vos")
        })
        .and_then(|r| r["claim"]["value"].as_str().map(str::to_owned))
        .expect("Lena Vos's membership")
}

/// Every quad of the store, named graphs included, as text.
fn all_quads(store: &Path) -> BTreeSet<String> {
    quads(store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
}

/// The rows of a SELECT of quads, as text (the CSV header left out).
fn quads(store: &Path, select: &str) -> BTreeSet<String> {
    let (out, _) = run(store, &["query", "--format", "csv", select]);
    out.lines().skip(1).map(str::to_owned).collect()
}

fn graphs(store: &Path) -> u64 {
    let (out, _) = run(store, &["stats", "--json"]);
    let json: Value = serde_json::from_str(&out).expect("JSON");
    json["graphs"].as_u64().expect("a count")
}

/// The distinct values of `var` in the affiliations query.
fn affiliations(store: &Path, var: &str) -> BTreeSet<String> {
    rows(store, "affiliations")
        .iter()
        .map(|r| r[var]["value"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn merge_trace_reingest_reject_and_undo_restore_every_quad() {
    let (_dir, reports, store) = setup();
    let reports = reports.to_str().expect("UTF-8");
    run(&store, &["ingest", reports]);
    let before = all_quads(&store);
    // Both pairs are candidates, with their reasons (a two-report archive gives little evidence
    // of what agrees by chance, so the weights are lower than the default threshold).
    let (found, _) = run(
        &store,
        &["candidates", "--min-score", "2", "--format", "csv"],
    );
    assert!(
        found.contains("HWF") && found.contains("acronym of the long form"),
        "{found}"
    );
    assert!(
        found.contains("Okafor") && found.contains("surname or titled form"),
        "{found}"
    );
    let graphs_before = graphs(&store);
    assert_eq!(
        affiliations(&store, "organisation"),
        BTreeSet::from(["HWF".to_owned(), "Harbour Workers' Federation".to_owned()])
    );
    let trace = ties(&store)
        .args(["trace", "Tomas Berg", "Lena Vos"])
        .output()
        .expect("runs");
    assert_eq!(trace.status.code(), Some(1), "no path before the merge");

    run(
        &store,
        &[
            "merge",
            "Harbour Workers' Federation",
            "HWF",
            "--note",
            "acronym",
        ],
    );
    run(&store, &["merge", "Amina Okafor", "Okafor"]);
    let merged = || {
        assert_eq!(
            affiliations(&store, "organisation"),
            BTreeSet::from(["Harbour Workers' Federation".to_owned()])
        );
        assert!(!affiliations(&store, "person").contains("Okafor"));
        let (path, _) = run(&store, &["trace", "Tomas Berg", "Lena Vos"]);
        assert!(path.contains("Harbour Workers' Federation"), "{path}");
        let (orgs, _) = run(&store, &["query", "organisations"]);
        assert!(orgs.contains("HWF") && orgs.contains("(1 row)"), "{orgs}");
    };
    merged();
    run(&store, &["ingest", "--force", reports]);
    merged();

    // A rejected claim goes from the view, through re-ingest and removal of its report.
    let claim = lena_vos_membership(&store);
    run(&store, &["reject", &claim, "--note", "wrong union"]);
    assert!(!affiliations(&store, "person").contains("Lena Vos"));
    let two = Path::new(reports).join("two.txt");
    run(&store, &["remove", two.to_str().expect("UTF-8")]);
    run(&store, &["ingest", "--force", reports]);
    assert!(!affiliations(&store, "person").contains("Lena Vos"));
    merged_but_rejected(&store);
    // --raw reads the store as the extractor wrote it: every quad as before any judgement,
    // besides the judgements themselves.
    let (raw, _) = run(
        &store,
        &[
            "--raw",
            "query",
            "--format",
            "csv",
            "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <urn:ties:curation>) }",
        ],
    );
    let raw: BTreeSet<String> = raw.lines().skip(1).map(str::to_owned).collect();
    assert_eq!(
        raw, before,
        "--raw gives the graph as it was before the judgements"
    );
    let (list, _) = run(&store, &["curation", "list"]);
    assert!(list.contains("(3 judgements)"), "{list}");

    run(&store, &["accept", &claim]);
    assert!(affiliations(&store, "person").contains("Lena Vos"));
    run(&store, &["unmerge", "HWF", "Harbour Workers' Federation"]);
    run(&store, &["unmerge", "Amina Okafor", "Okafor"]);
    let (list, _) = run(&store, &["curation", "list", "--format", "json"]);
    let accepted: Value = serde_json::from_str(&list).expect("JSON");
    let iri = accepted[0]["iri"]
        .as_str()
        .expect("the acceptance")
        .to_owned();
    run(&store, &["curation", "undo", &iri]);
    assert_eq!(all_quads(&store), before, "every quad as before the merge");
    assert_eq!(graphs(&store), graphs_before, "no graph left behind");
}

/// With the merges and the rejection: one organisation, and Lena Vos only as a speaker.
fn merged_but_rejected(store: &Path) {
    let (orgs, _) = run(store, &["query", "organisations"]);
    assert!(orgs.contains("(1 row)"), "{orgs}");
    let (parts, _) = run(store, &["query", "participation"]);
    assert!(parts.contains("Lena Vos"), "{parts}");
}

#[test]
fn an_ambiguous_name_lists_the_candidates_and_exits_2() {
    let (_dir, reports, store) = setup();
    run(&store, &["ingest", reports.to_str().expect("UTF-8")]);
    let out = ties(&store)
        .args(["merge", "rally", "HWF"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("names 2 entities"), "{err}");
    assert_eq!(err.matches("/event/rally").count(), 2, "{err}");
    let out = ties(&store)
        .args(["merge", "Lena Vos", "HWF"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "a person and an organisation");
    run(&store, &["distinguish", "Lena Vos", "Tomas Berg"]);
    let out = ties(&store)
        .args(["merge", "Lena Vos", "Tomas Berg"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "judged distinct");
}

/// Every quad of the report graphs, as text (the curation graphs left out).
fn report_quads(store: &Path) -> BTreeSet<String> {
    quads(
        store,
        "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"urn:ties:report/\")) }",
    )
}

/// The judgements as `curation list --format json` gives them.
fn judgement_list(store: &Path) -> Value {
    let (list, _) = run(store, &["curation", "list", "--format", "json"]);
    serde_json::from_str(&list).expect("JSON")
}

/// Store A after two merges, a distinction and a rejection, and the file it exports.
fn curated_store(dir: &Path, reports: &str, file: &Path) -> PathBuf {
    let a = dir.join("a");
    run(&a, &["ingest", reports]);
    run(
        &a,
        &[
            "merge",
            "Harbour Workers' Federation",
            "HWF",
            "--note",
            "acronym",
        ],
    );
    run(&a, &["merge", "Amina Okafor", "Okafor"]);
    run(&a, &["distinguish", "Lena Vos", "Tomas Berg"]);
    let claim = lena_vos_membership(&a);
    run(&a, &["reject", &claim, "--note", "wrong union"]);
    let (_, said) = run(&a, &["curation", "export", file.to_str().expect("UTF-8")]);
    assert!(said.contains("4 judgements exported"), "{said}");
    a
}

#[test]
fn exported_judgements_imported_into_another_store_give_the_same_graphs() {
    let (dir, reports, _) = setup();
    let reports = reports.to_str().expect("UTF-8");
    let file = dir.path().join("judgements.trig");
    let a = curated_store(dir.path(), reports, &file);
    let text = std::fs::read_to_string(&file).expect("the file");
    assert!(
        text.contains("ties:Merge") && text.contains("wrong union"),
        "{text}"
    );

    let b = dir.path().join("b");
    run(&b, &["ingest", reports]);
    assert_ne!(report_quads(&b), report_quads(&a));
    let (said, _) = run(&b, &["curation", "import", file.to_str().expect("UTF-8")]);
    assert!(said.contains("(4 applied, 0 skipped)"), "{said}");
    assert_eq!(report_quads(&b), report_quads(&a), "B's reports as A's");
    assert_eq!(
        judgement_list(&b),
        judgement_list(&a),
        "the same judgements"
    );

    // Twice: nothing applied, nothing changed.
    let everything = all_quads(&b);
    let (said, _) = run(&b, &["curation", "import", file.to_str().expect("UTF-8")]);
    assert!(said.contains("(0 applied, 4 skipped)"), "{said}");
    assert!(said.contains("holds it already"), "{said}");
    assert_eq!(all_quads(&b), everything);

    // N-Quads through a pipe, into a store that ingests the reports only afterwards: the
    // judgements are recorded first and applied as each report is ingested.
    let (nquads, _) = run(&a, &["curation", "export", "--format", "nquads", "-"]);
    assert_eq!(
        nquads.lines().filter(|l| l.ends_with(" .")).count(),
        nquads.lines().count()
    );
    let c = dir.path().join("c");
    let out = ties(&c)
        .args(["curation", "import", "-"])
        .write_stdin(nquads)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    run(&c, &["ingest", reports]);
    assert_eq!(report_quads(&c), report_quads(&a), "C's reports as A's");
}

#[test]
fn a_malformed_curation_file_is_refused_and_nothing_is_written() {
    let (dir, reports, store) = setup();
    let reports = reports.to_str().expect("UTF-8");
    let file = dir.path().join("judgements.trig");
    curated_store(dir.path(), reports, &file);
    run(&store, &["ingest", reports]);
    let before = all_quads(&store);
    let good = std::fs::read_to_string(&file).expect("the file");
    // The whole file, with one judgement broken at its end: refused whole.
    let cut = good.replacen("ties:merged ", "ties:kept ", 1);
    let bad = [
        (
            "broken.trig",
            "this is not RDF {".to_owned(),
            "TriG or N-Quads",
        ),
        ("cut.trig", cut, "<urn:ties:vocab#kept>"),
        (
            "outside.nq",
            "<urn:a> <urn:b> <urn:c> .\n".to_owned(),
            "outside the graph",
        ),
    ];
    for (name, text, says) in bad {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("written");
        let out = ties(&store)
            .args(["curation", "import", path.to_str().expect("UTF-8")])
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} was imported");
        assert!(err.contains(name) && err.contains(says), "{name}: {err}");
        assert_eq!(all_quads(&store), before, "{name} changed the store");
    }
}
