//! HTTP tests for `ties serve`, run against the real binary: each test ingests the sample
//! reports into its own temporary store, starts `ties serve --bind 127.0.0.1:0` on it, reads the
//! address the server prints on stderr, and talks to it with a real HTTP client (ureq). Covered:
//! the SPARQL 1.1 Protocol (GET, POST of a query and of a form, result formats by Accept, ASK,
//! CONSTRUCT formats, service description, syntax errors, the time limit), updates (with the
//! token the server printed; refused on a read-only server, which a server on an address other
//! than loopback is by default; visible once made), the Graph Store Protocol, the JSON APIs
//! of the page, and a read-only server picking up a concurrent `ties ingest`. The attacks of
//! issue 12 are in `attacks.rs`; the harness is in `common/`.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

mod common;

use common::*;
use std::net::{IpAddr, UdpSocket};
use std::time::{Duration, Instant};

/// Every statement in every report graph.
const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

/// People and their names, at most five.
const PEOPLE: &str =
    "SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?p ?name LIMIT 5";

/// Three people, one name each, as three triples with three different subjects.
const NAMES: &str = "CONSTRUCT { ?p schema:name ?n } WHERE { {
    SELECT ?p (MIN(?name) AS ?n) WHERE { ?p a schema:Person ; schema:name ?name }
    GROUP BY ?p ORDER BY ?p LIMIT 3 } }";

/// A cross product of the store with itself, three times over: far too slow to finish.
const SLOW: &str = "SELECT (COUNT(*) AS ?c) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

#[test]
fn select_by_get_and_by_post_of_a_query_and_of_a_form() {
    let server = Server::start(&[]);
    let by_get = server
        .get_query(PEOPLE, "application/sparql-results+json")
        .ok_json();
    assert_eq!(by_get["head"]["vars"], serde_json::json!(["p", "name"]));
    assert_eq!(bindings(&by_get).len(), 5, "{by_get}");

    let by_post = server.post("application/sparql-query", PEOPLE).ok_json();
    assert_eq!(by_post, by_get);

    let form = agent()
        .post(server.url("/sparql"))
        .header("Accept", "application/sparql-results+json")
        .send_form([("query", PEOPLE)]);
    assert_eq!(Reply::of(form).ok_json(), by_get);

    let other = server.post("text/plain", PEOPLE);
    assert_eq!(other.status, 415, "{other:?}");
}

#[test]
fn select_results_in_the_format_the_accept_header_asks_for() {
    let server = Server::start(&[]);
    let query = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name";

    let default = server.get_query(query, "*/*");
    assert_eq!(default.content_type, "application/sparql-results+json");
    let json = default.ok_json();
    let rows = bindings(&json).len();
    assert!(
        rows > 10,
        "the sample reports name more than ten people: {json}"
    );

    let xml = server.get_query(query, "application/sparql-results+xml");
    assert!(
        xml.content_type
            .starts_with("application/sparql-results+xml"),
        "{xml:?}"
    );
    let xml = xml.ok();
    assert!(xml.contains("<sparql"), "{xml}");
    assert_eq!(xml.matches("<result>").count(), rows, "{xml}");

    let csv = server.get_query(query, "text/csv");
    assert!(csv.content_type.starts_with("text/csv"), "{csv:?}");
    let csv = csv.ok();
    assert_eq!(csv.lines().next(), Some("name"), "{csv}");
    assert_eq!(csv.lines().count(), rows + 1, "{csv}");

    let tsv = server.get_query(query, "text/tab-separated-values");
    assert!(
        tsv.content_type.starts_with("text/tab-separated-values"),
        "{tsv:?}"
    );
    let tsv = tsv.ok();
    assert_eq!(tsv.lines().next(), Some("?name"), "{tsv}");
    assert_eq!(tsv.lines().count(), rows + 1, "{tsv}");
}

#[test]
fn ask_answers_true_and_false() {
    let server = Server::start(&[]);
    assert!(server.ask("ASK { ?p a schema:Person }"));
    assert!(!server.ask("ASK { ?p schema:name \"Nobody In These Reports\" }"));
}

#[test]
fn construct_as_turtle_n_triples_and_json_ld() {
    let server = Server::start(&[]);

    let nt = server.get_query(NAMES, "application/n-triples");
    assert!(
        nt.content_type.starts_with("application/n-triples"),
        "{nt:?}"
    );
    let nt = nt.ok();
    let mut subjects = Vec::new();
    for line in nt.lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.contains("> <https://schema.org/name> \""), "{line}");
        assert!(line.ends_with(" ."), "{line}");
        let subject = line.split(' ').next().unwrap_or("");
        subjects.push(subject.trim_matches(['<', '>']).to_string());
    }
    assert_eq!(subjects.len(), 3, "{nt}");
    assert!(
        subjects.iter().all(|s| s.starts_with("urn:ties:person/")),
        "{nt}"
    );

    let turtle = server.get_query(NAMES, "*/*");
    assert!(turtle.content_type.starts_with("text/turtle"), "{turtle:?}");
    let turtle = turtle.ok();
    assert!(
        turtle.contains("@prefix schema: <https://schema.org/>"),
        "{turtle}"
    );
    assert_eq!(turtle.matches(" schema:name ").count(), 3, "{turtle}");
    for subject in &subjects {
        assert!(
            turtle.contains(&format!("<{subject}> schema:name ")),
            "{turtle}"
        );
    }

    let jsonld = server.get_query(NAMES, "application/ld+json");
    assert!(
        jsonld.content_type.starts_with("application/ld+json"),
        "{jsonld:?}"
    );
    let jsonld = jsonld.ok_json();
    let nodes = jsonld.as_array().expect("a JSON-LD array of nodes");
    let mut ids: Vec<&str> = nodes.iter().filter_map(|n| n["@id"].as_str()).collect();
    ids.sort_unstable();
    subjects.sort_unstable();
    assert_eq!(ids, subjects, "{jsonld}");
    for node in nodes {
        assert!(
            node["https://schema.org/name"][0]["@value"].is_string(),
            "{node}"
        );
    }
}

#[test]
fn get_without_a_query_describes_the_service() {
    let server = Server::start(&[]);
    let reply = Reply::of(agent().get(server.url("/sparql")).call());
    assert!(reply.content_type.starts_with("text/turtle"), "{reply:?}");
    let body = reply.ok();
    assert!(body.contains("sd:Service"), "{body}");
    assert!(
        body.contains(&format!("sd:endpoint <{}/sparql>", server.base)),
        "{body}"
    );
}

#[test]
fn bad_sparql_is_400_with_the_parser_message() {
    let server = Server::start(&[]);
    let reply = server.get_query("SELECT ?x WHERE { ?x", "application/sparql-results+json");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.to_lowercase().contains("syntax"), "{reply:?}");

    let update = server.post("application/sparql-update", "INSERT NOTHING");
    assert_eq!(update.status, 400, "{update:?}");
    assert!(update.body.to_lowercase().contains("syntax"), "{update:?}");
}

#[test]
fn a_read_only_server_refuses_updates_with_403() {
    let server = Server::start(&["--read-only"]);
    let before = server.count(COUNT);
    let insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";

    let update = server.post("application/sparql-update", insert);
    assert_eq!(update.status, 403, "{update:?}");
    assert!(update.body.contains("read-only"), "{update:?}");

    let form = agent()
        .post(server.url("/sparql"))
        .send_form([("update", insert)]);
    assert_eq!(Reply::of(form).status, 403);

    let put = server.graph_store("PUT", "urn:test:g", "<urn:test:s> <urn:test:p> \"o\" .");
    assert_eq!(put.status, 403, "{put:?}");
    let report = "SELECT ?r WHERE { ?r a ties:Report } LIMIT 1";
    let json = server
        .get_query(report, "application/sparql-results+json")
        .ok_json();
    let report = bindings(&json)[0]["r"]["value"]
        .as_str()
        .expect("a report IRI")
        .to_string();
    let delete = server.graph_store("DELETE", &report, "");
    assert_eq!(delete.status, 403, "{delete:?}");

    assert_eq!(
        server.count(COUNT),
        before,
        "a refused update changed the store"
    );
}

#[test]
fn an_update_on_a_writable_server_is_204_and_then_visible() {
    let server = Server::start(&[]);
    let ask = "ASK { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"inserted\" } }";
    assert!(!server.ask(ask));

    let insert = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"inserted\" } }";
    let reply = server.post("application/sparql-update", insert);
    assert_eq!(reply.status, 204, "{reply:?}");
    assert!(server.ask(ask));

    let delete = "DELETE DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"inserted\" } }";
    let form = server
        .with_token(agent().post(server.url("/sparql")))
        .send_form([("update", delete)]);
    assert_eq!(Reply::of(form).status, 204);
    assert!(!server.ask(ask));
}

#[test]
fn a_server_on_another_address_than_loopback_is_read_only_unless_remote_updates_are_allowed() {
    // This machine's own non-loopback address (a UDP "connection" sends nothing).
    let Some(ip) = UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").and(s.local_addr()))
        .ok()
        .map(|a| a.ip())
        .filter(|ip: &IpAddr| !ip.is_loopback() && !ip.is_unspecified())
    else {
        eprintln!("skipped: this machine has no non-loopback IPv4 address to test from");
        return;
    };
    let server = Server::start_on(&ip.to_string(), &[]);
    assert_eq!(server.token, None, "a read-only server prints no token");
    let before = server.quads();
    let insert = "INSERT DATA { <urn:test:s> <urn:test:p> \"from afar\" }";
    let reply = server.post("application/sparql-update", insert);
    assert_eq!(reply.status, 403, "{reply:?}");
    assert!(reply.body.contains("read-only"), "{reply:?}");
    let put = server.graph_store("PUT", "urn:test:g", "<urn:test:s> <urn:test:p> \"o\" .");
    assert_eq!(put.status, 403, "{put:?}");
    // Queries from other hosts are still answered, and nothing changed.
    assert!(server.ask("ASK { ?p a schema:Person }"));
    assert_eq!(server.quads(), before);
    drop(server);

    // With remote updates allowed the server is writable, with its token.
    let server = Server::start_on(&ip.to_string(), &["--allow-remote-updates"]);
    assert!(server.token.is_some(), "a writable server prints its token");
    let reply = server.post("application/sparql-update", insert);
    assert_eq!(reply.status, 204, "{reply:?}");
    assert!(server.ask("ASK { ?s <urn:test:p> \"from afar\" }"));
}

#[test]
fn graph_store_put_get_post_delete_round_trip() {
    let server = Server::start(&[]);
    let graph = "urn:test:graph-store";
    assert_eq!(server.graph_store("GET", graph, "").status, 404);

    // A graph the PUT creates is "201 Created".
    let put = server.graph_store("PUT", graph, "<urn:test:a> <urn:test:b> \"first\" .");
    assert_eq!(put.status, 201, "{put:?}");
    let got = server.graph_store("GET", graph, "");
    assert!(got.content_type.starts_with("text/turtle"), "{got:?}");
    let got = got.ok();
    assert!(got.contains("<urn:test:a> <urn:test:b> \"first\""), "{got}");

    let post = server.graph_store("POST", graph, "<urn:test:a> <urn:test:b> \"second\" .");
    assert_eq!(post.status, 204, "{post:?}");
    let got = server.graph_store("GET", graph, "").ok();
    assert!(
        got.contains("\"first\"") && got.contains("\"second\""),
        "POST adds: {got}"
    );

    let put = server.graph_store("PUT", graph, "<urn:test:a> <urn:test:b> \"third\" .");
    assert_eq!(put.status, 204, "{put:?}");
    let got = server.graph_store("GET", graph, "").ok();
    assert!(
        got.contains("\"third\"") && !got.contains("\"first\""),
        "PUT replaces: {got}"
    );
    let in_union = "ASK { GRAPH <urn:test:graph-store> { <urn:test:a> <urn:test:b> \"third\" } }";
    assert!(
        server.ask(in_union),
        "SPARQL sees what the Graph Store wrote"
    );

    let bad = server.graph_store("PUT", graph, "<urn:test:a> <urn:test:b> .");
    assert_eq!(bad.status, 400, "{bad:?}");

    assert_eq!(server.graph_store("DELETE", graph, "").status, 204);
    assert_eq!(server.graph_store("GET", graph, "").status, 404);
    assert_eq!(server.graph_store("DELETE", graph, "").status, 404);
    assert!(!server.ask(in_union));
}

#[test]
fn a_query_over_the_time_limit_is_stopped_with_503() {
    let server = Server::start(&["--timeout-s", "1"]);
    // The 503 and its message say the limit stopped the query (no clock is asserted: these
    // machines are shared).
    let reply = server.get_query(SLOW, "application/sparql-results+json");
    assert_eq!(reply.status, 503, "{reply:?}");
    assert!(reply.body.contains("time limit"), "{reply:?}");
    // The server goes on answering.
    assert!(server.ask("ASK { ?p a schema:Person }"));
}

#[test]
fn api_queries_lists_the_named_queries() {
    let server = Server::start(&[]);
    let json = Reply::of(agent().get(server.url("/api/queries")).call()).ok_json();
    let list = json.as_array().expect("a list of queries");
    let affiliations = list
        .iter()
        .find(|q| q["name"] == "affiliations")
        .unwrap_or_else(|| panic!("no affiliations in {json}"));
    assert!(affiliations["query"]
        .as_str()
        .unwrap_or("")
        .contains("org:member"));
    assert!(!affiliations["description"]
        .as_str()
        .unwrap_or("")
        .is_empty());
    // The listed text runs as it is.
    let text = affiliations["query"].as_str().expect("query text");
    let rows = server.post("application/sparql-query", text).ok_json();
    assert!(
        !bindings(&rows).is_empty(),
        "affiliations found nothing: {rows}"
    );
}

#[test]
fn api_entities_finds_a_person() {
    let server = Server::start(&[]);
    let reply = agent()
        .get(server.url("/api/entities"))
        .query("q", "Li Wei")
        .call();
    let json = Reply::of(reply).ok_json();
    let found = json.as_array().expect("a list of entities");
    assert!(
        found
            .iter()
            .any(|e| e["label"] == "Li Wei" && e["kind"] == "person"),
        "{json}"
    );
}

#[test]
fn api_network_returns_the_elements_around_a_focus() {
    let server = Server::start(&[]);
    let reply = agent()
        .get(server.url("/api/network"))
        .query("focus", "Li Wei")
        .query("depth", "1")
        .call();
    let json = Reply::of(reply).ok_json();
    let nodes = json["elements"]["nodes"]
        .as_array()
        .expect("elements.nodes");
    let edges = json["elements"]["edges"]
        .as_array()
        .expect("elements.edges");
    assert!(
        nodes.iter().any(|n| n["data"]["label"] == "Li Wei"),
        "{json}"
    );
    assert!(
        nodes.len() > 1 && !edges.is_empty(),
        "Li Wei has ties: {json}"
    );

    let missing = Reply::of(agent().get(server.url("/api/network")).call());
    assert_eq!(missing.status, 400, "{missing:?}");
}

#[test]
fn a_read_only_server_sees_what_ties_ingest_writes_meanwhile() {
    let server = Server::start(&["--read-only"]);
    let before = server.count(COUNT);
    let new_report = "ASK { ?r a ties:Report ; ties:sourceFile ?f \
                      FILTER(STRENDS(STR(?f), \"one-report.txt\")) }";
    assert!(!server.ask(new_report));

    ingest(&server.store, &root().join("tests/fixtures/one-report.txt"));

    let deadline = Instant::now() + Duration::from_secs(12);
    while server.count(COUNT) == before {
        assert!(Instant::now() < deadline, "the server never saw the ingest");
        std::thread::sleep(Duration::from_millis(250));
    }
    assert!(server.count(COUNT) > before);
    assert!(server.ask(new_report));
}

/// Two organisations of the sample reports, merged and unmerged by the curation tests.
const KEPT: &str = "urn:ties:org/northern-transport-workers-federation";
const MERGED: &str = "urn:ties:org/pennine-transport-workers-association";

/// True when some report graph names `iri`, as subject or object.
fn in_reports(server: &Server, iri: &str) -> bool {
    server.ask(&format!(
        "ASK {{ GRAPH ?g {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}
          FILTER(STRSTARTS(STR(?g), \"urn:ties:report/\")) }}"
    ))
}

#[test]
fn the_curation_api_reviews_an_entity_merges_two_into_one_and_undoes_it() {
    let server = Server::start(&[]);
    let before = server.quads();
    let review = server.review(KEPT);
    assert_eq!(review["entity"]["kind"], "schema:Organization", "{review}");
    assert!(review["names"]
        .as_array()
        .expect("names")
        .contains(&serde_json::json!("Northern Transport Workers' Federation")));
    assert!(!review["reports"].as_array().expect("reports").is_empty());
    let claims = review["claims"].as_array().expect("claims");
    assert!(!claims.is_empty(), "{review}");
    for c in claims {
        for field in ["iri", "sentence", "rule", "confidence", "report"] {
            assert!(
                c[field].as_str().is_some_and(|v| !v.is_empty()),
                "{field}: {c}"
            );
        }
    }
    let candidates = review["candidates"].as_array().expect("candidates");
    assert!(
        candidates
            .iter()
            .any(|c| c["a"] == MERGED || c["b"] == MERGED),
        "{review}"
    );

    let done = server.curate(
        "merge",
        &serde_json::json!({"a": KEPT, "b": MERGED, "note": "one union"}),
    );
    assert_eq!(done.status, 200, "{done:?}");
    assert!(
        done.content_type.starts_with("application/json"),
        "{done:?}"
    );
    let done: serde_json::Value = serde_json::from_str(&done.body).expect("JSON");
    assert!(done["reports"].as_u64() >= Some(1), "{done}");
    let judgement = done["judgement"]["iri"]
        .as_str()
        .expect("an IRI")
        .to_owned();
    assert!(!in_reports(&server, MERGED), "the merged IRI is gone");
    assert!(server.ask(&format!(
        "ASK {{ <{KEPT}> schema:alternateName \"Pennine Transport Workers' Association\" }}"
    )));
    let review = server.review(KEPT);
    assert_eq!(
        review["judgements"][0]["iri"],
        judgement.as_str(),
        "{review}"
    );
    assert_eq!(review["judgements"][0]["note"], "one union");

    // Merging again is a 400 that says why (the merged IRI is gone); undo restores every quad.
    let again = server.curate("merge", &serde_json::json!({"a": KEPT, "b": MERGED}));
    assert_eq!(again.status, 400, "{again:?}");
    assert!(again.body.contains("merged into"), "{again:?}");
    let undone = server.curate("undo", &serde_json::json!({"judgement": judgement}));
    assert_eq!(undone.status, 200, "{undone:?}");
    assert!(in_reports(&server, MERGED));
    assert_eq!(server.quads(), before, "every quad as before the merge");
}
