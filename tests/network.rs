//! Command-line tests for the network commands on the sample reports: `ties trace` (a path with
//! evidence between two people who share an organisation, ambiguous and unknown names), `ties
//! export` (every format; SVG with and without Graphviz names every person and organisation) and
//! `ties rank`.

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn ties(store: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ties").expect("the ties binary");
    cmd.current_dir(root())
        .env_remove("TIES_STORE")
        .arg("--store")
        .arg(store);
    cmd
}

/// A store holding the sample reports.
fn sample_store() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ties(&store)
        .args(["ingest", "--quiet", "data/reports"])
        .assert()
        .success();
    (dir, store)
}

fn query_json(store: &Path, q: &str) -> Vec<Value> {
    let out = ties(store)
        .args(["query", "--format", "json", q])
        .output()
        .expect("ties runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("SPARQL JSON");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .clone()
}

/// Two people the sample reports tie to the same organisation.
fn co_members(store: &Path) -> (String, String, String) {
    let rows = query_json(
        store,
        "SELECT ?a ?b ?o WHERE { ?m1 org:member ?p1 ; org:organization ?org . ?m2 org:member ?p2 ; org:organization ?org .
           ?p1 a schema:Person ; schema:name ?a . ?p2 a schema:Person ; schema:name ?b . ?org schema:name ?o .
           FILTER(STR(?a) < STR(?b)) } ORDER BY ?a ?b LIMIT 1",
    );
    let row = rows
        .first()
        .expect("the sample reports tie two people to one organisation");
    let v = |k: &str| row[k]["value"].as_str().unwrap().to_owned();
    (v("a"), v("b"), v("o"))
}

#[test]
fn trace_prints_a_path_with_evidence_between_co_members() {
    let (_dir, store) = sample_store();
    let (a, b, org) = co_members(&store);
    let out = ties(&store)
        .args(["trace", &a, &b])
        .output()
        .expect("ties runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&a) && text.contains(&b) && text.contains(&org),
        "{text}"
    );
    assert!(
        text.contains("“") && text.contains("urn:ties:report/"),
        "evidence and report: {text}"
    );
    let json = ties(&store)
        .args(["trace", &a, &b, "--format", "json"])
        .output()
        .unwrap();
    let paths: Value = serde_json::from_slice(&json.stdout).unwrap();
    let first = &paths[0];
    assert_eq!(first.as_array().unwrap().len(), 2, "{first}");
    assert!(first[0]["evidence"][0]["sentence"].as_str().unwrap().len() > 10);
}

#[test]
fn trace_names_unknown_and_ambiguous_entities() {
    let (_dir, store) = sample_store();
    ties(&store)
        .args(["trace", "Nobody Atall", "Somebody Else"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no person"));
}

fn export(store: &Path, args: &[&str], no_graphviz: bool) -> (Vec<u8>, String) {
    let mut cmd = ties(store);
    cmd.arg("export").args(args);
    if no_graphviz {
        cmd.env("PATH", "/nonexistent");
    }
    let out = cmd.output().expect("ties runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn names_of(store: &Path, class: &str) -> Vec<String> {
    query_json(
        store,
        &format!("SELECT DISTINCT ?n WHERE {{ ?e a schema:{class} ; schema:name ?n }}"),
    )
    .iter()
    .map(|r| r["n"]["value"].as_str().unwrap().to_owned())
    .collect()
}

fn xml_unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
}

#[test]
fn svg_names_every_person_and_organisation_without_graphviz() {
    let (_dir, store) = sample_store();
    let (svg, stderr) = export(&store, &["--format", "svg"], true);
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.trim_start().starts_with("<?xml") || svg.trim_start().starts_with("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(stderr.contains("built-in"), "{stderr}");
    // The text a reader sees: tags dropped, wrapped labels joined by spaces.
    let mut visible = String::new();
    let mut in_tag = false;
    for c in svg.chars() {
        match c {
            '<' => {
                in_tag = true;
                visible.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => visible.push(c),
            _ => {}
        }
    }
    let text = xml_unescape(&visible)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");

    for name in names_of(&store, "Person")
        .iter()
        .chain(&names_of(&store, "Organization"))
    {
        assert!(text.contains(name.as_str()), "{name} missing from the SVG");
    }
}

#[test]
fn every_format_writes_something_that_parses() {
    let (_dir, store) = sample_store();
    let (dot, _) = export(&store, &["--format", "dot"], true);
    let dot = String::from_utf8(dot).unwrap();
    assert!(dot.contains("digraph"), "{dot}");
    let (json, _) = export(&store, &["--format", "json"], true);
    let v: Value = serde_json::from_slice(&json).unwrap();
    assert!(!v["elements"]["nodes"].as_array().unwrap().is_empty());
    for f in ["graphml", "gexf"] {
        let (xml, _) = export(&store, &["--format", f], true);
        let xml = String::from_utf8(xml).unwrap();
        assert!(
            xml.contains(&format!("<{f}")),
            "{f}: {}",
            &xml[..xml.len().min(300)]
        );
    }
    let (png, _) = export(&store, &["--format", "png"], true);
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn focus_narrows_the_network() {
    let (_dir, store) = sample_store();
    let (a, _, _) = co_members(&store);
    let (all, _) = export(&store, &["--format", "json"], true);
    let (some, _) = export(
        &store,
        &["--format", "json", "--focus", &a, "--depth", "1"],
        true,
    );
    let count = |b: &[u8]| {
        let v: Value = serde_json::from_slice(b).unwrap();
        v["elements"]["nodes"].as_array().unwrap().len()
    };
    assert!(count(&some) >= 2 && count(&some) < count(&all));
}

#[test]
fn rank_lists_the_best_connected() {
    let (_dir, store) = sample_store();
    let out = ties(&store)
        .args(["rank", "--by", "betweenness", "--top", "5", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["top"].as_array().unwrap().len(), 5);
    assert!(!v["components"].as_array().unwrap().is_empty());
}
