//! The listing index (`store::listing`) against the report graphs, with the real binary: after
//! every kind of write (ingest, re-ingest of a changed report, removal, merge, rejection, undo,
//! a SPARQL Update), `ties query people`, `ties query organisations` and `ties query
//! co-members`, which read the index, give the same rows as their scanning forms in
//! `queries/scan/`, which read every report graph. Other names and titles are compared as sets (the scanning form lists them in the
//! order the store gives). The names are invented.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests report on the console

mod common;

use assert_cmd::Command;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const ONE: &str = "Harbour Workers' Federation conference 2025

Amina Okafor, general secretary of the Harbour Workers' Federation, opened the conference. Tomas Berg, treasurer of the Harbour Workers' Federation, spoke at the rally.
";

const TWO: &str = "Dock strike rally

Okafor MP, president of the HWF, said the strike would go on. Lena Vos, treasurer of the HWF, spoke at the rally. Dr Tomas Berg, the union's lawyer, was there too.
";

const TWO_CHANGED: &str = "Dock strike rally

Lena Vos, treasurer of the HWF, spoke at the rally. Marek Nowak, chair of the Quayside Tenants Association, also spoke.
";

fn ties(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ties").expect("the ties binary");
    cmd.env_remove("TIES_STORE").arg("--store").arg(store);
    cmd
}

fn run(store: &Path, args: &[&str]) -> String {
    let out = ties(store).args(args).output().expect("runs");
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    assert!(out.status.success(), "{args:?} failed:\n{o}\n{e}");
    o
}

/// One listing row: the other names and titles (or member count) as a set, and the count.
type Rows = BTreeMap<(String, String), (BTreeSet<String>, BTreeSet<String>, String)>;

/// The rows of a listing (`query` a name or `@file`), narrowed by `bind` when given.
fn listing(store: &Path, query: &str, bind: Option<&str>) -> Rows {
    let mut args = vec!["query", "--format", "tsv", query];
    if let Some(b) = bind {
        args.extend(["--bind", b]);
    }
    let out = run(store, &args);
    let set = |cell: &str| -> BTreeSet<String> {
        cell.trim_matches('"')
            .split(" | ")
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut rows = Rows::new();
    for line in out.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        assert_eq!(cells.len(), 5, "{line}");
        let key = (cells[0].to_owned(), cells[1].to_owned());
        let row = (set(cells[2]), set(cells[3]), cells[4].to_owned());
        assert!(
            rows.insert(key, row).is_none(),
            "one row per entity and name: {line}"
        );
    }
    rows
}

/// Both listings, from the index and from the report graphs, are the same; returns the people.
fn agree(store: &Path, step: &str) -> Rows {
    // The index is whole, so the named listings read it and not the report graphs.
    let complete = run(
        store,
        &[
            "query",
            "--format",
            "tsv",
            "ASK { GRAPH <urn:ties:listing> { <urn:ties:listing> ties:listingComplete true } }",
        ],
    );
    assert!(
        complete.contains("true"),
        "the index is whole after {step}: {complete}"
    );
    let scan = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/scan");
    for name in ["people", "organisations"] {
        let file = format!("@{}", scan.join(format!("{name}.rq")).display());
        let indexed = listing(store, name, None);
        assert_eq!(indexed, listing(store, &file, None), "{name} after {step}");
        assert!(!indexed.is_empty(), "{name} after {step}: nothing listed");
    }

    let file = format!("@{}", scan.join("co-members.rq").display());
    let indexed = co_members(store, "co-members", None);
    assert_eq!(
        indexed,
        co_members(store, &file, None),
        "co-members after {step}"
    );
    assert!(!indexed.is_empty(), "co-members after {step}: none");

    listing(store, "people", None)
}

/// The rows of co-members (`query` a name or `@file`), narrowed by `bind` when given, sorted
/// (a pair listed twice stays twice).
fn co_members(store: &Path, query: &str, bind: Option<&str>) -> Vec<String> {
    let mut args = vec!["query", "--format", "tsv", query];
    if let Some(b) = bind {
        args.extend(["--bind", b]);
    }
    let mut rows: Vec<String> = run(store, &args)
        .lines()
        .skip(1)
        .map(str::to_owned)
        .collect();
    rows.sort();
    rows
}

fn names(rows: &Rows) -> BTreeSet<&str> {
    rows.keys().map(|(_, n)| n.trim_matches('"')).collect()
}

#[test]
fn the_listing_index_gives_the_rows_of_the_report_graphs_after_every_write() {
    let (_dir, reports, store) = common::reports_folder(&[("one.txt", ONE), ("two.txt", TWO)]);
    let folder = reports.to_str().expect("UTF-8");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reports");
    run(
        &store,
        &["ingest", folder, samples.to_str().expect("UTF-8")],
    );
    let people = agree(&store, "ingest");
    assert!(names(&people).contains("Lena Vos"), "{people:?}");

    // Narrowed to one name, as a researcher asks: the same row both ways.
    let scan = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/scan/people.rq");
    let scan = format!("@{}", scan.display());
    let one = listing(&store, "people", Some("name=Tomas Berg"));
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!(one, listing(&store, &scan, Some("name=Tomas Berg")));
    let scan = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/scan/co-members.rq");
    let scan = format!("@{}", scan.display());
    for bind in [
        "person=Tomas Berg",
        "organisation=Harbour Workers' Federation",
    ] {
        let rows = co_members(&store, "co-members", Some(bind));
        assert!(
            rows.iter().any(|r| r.contains("Amina Okafor")),
            "{bind}: {rows:?}"
        );
        assert_eq!(rows, co_members(&store, &scan, Some(bind)), "{bind}");
    }

    // A changed report read again replaces its graph: who left it is listed no more.
    let two = reports.join("two.txt");
    std::fs::write(&two, TWO_CHANGED).expect("written");
    run(&store, &["ingest", folder]);
    let people = agree(&store, "a changed report read again");
    assert!(names(&people).contains("Marek Nowak"), "{people:?}");
    assert!(!names(&people).contains("Okafor"), "{people:?}");

    run(&store, &["merge", "Harbour Workers' Federation", "HWF"]);
    agree(&store, "a merge");
    run(&store, &["remove", two.to_str().expect("UTF-8")]);
    let people = agree(&store, "a removal");
    assert!(!names(&people).contains("Lena Vos"), "{people:?}");
    run(&store, &["ingest", "--force", folder]);
    agree(&store, "a forced re-ingest");
    run(&store, &["unmerge", "HWF", "Harbour Workers' Federation"]);
    agree(&store, "an unmerge");

    // Kept up to date through all of that, the index is the one a rebuild makes, quad for quad
    // (an Update rebuilds it whole).
    let index = |store: &Path| {
        let out = run(
            store,
            &[
                "query",
                "--format",
                "csv",
                "SELECT * WHERE { GRAPH <urn:ties:listing> { ?s ?p ?o } }",
            ],
        );
        out.lines()
            .skip(1)
            .map(str::to_owned)
            .collect::<BTreeSet<String>>()
    };
    let kept = index(&store);
    // A template writing into GRAPH ?g may touch any graph: the index is rebuilt whole.
    run(
        &store,
        &[
            "update",
            "DELETE { GRAPH ?g { <urn:x:none> ?p ?o } } WHERE { GRAPH ?g { <urn:x:none> ?p ?o } }",
        ],
    );
    assert_eq!(
        index(&store),
        kept,
        "the index kept up to date is the index rebuilt"
    );

    run(
        &store,
        &[
            "update",
            "INSERT DATA { GRAPH <urn:ties:report/by-hand> { <urn:ties:person/ada-quill> a schema:Person ; schema:name \"Ada Quill\" ; schema:jobTitle \"archivist\" } }",
        ],
    );
    let people = agree(&store, "a SPARQL Update naming its graph");
    assert!(names(&people).contains("Ada Quill"), "{people:?}");
    run(
        &store,
        &[
            "update",
            "DELETE WHERE { GRAPH ?g { <urn:ties:person/ada-quill> schema:jobTitle ?t } }",
        ],
    );
    agree(&store, "a SPARQL Update over every graph");
}
