//! Attacks on `ties serve` and on ingest, from issue 12: each test makes the hostile request a
//! web page, a DNS-rebinding site or a careless client could make, asserts it is refused, and
//! asserts every quad of the store is as it was before.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

mod common;

use common::*;

const DROP_ALL: &str = "DROP ALL";
const INSERT: &str = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }";
const TURTLE: &str = "<urn:test:s> <urn:test:p> \"o\" .";

/// The first report graph of the store.
fn a_report(server: &Server) -> String {
    let json = server
        .get_query(
            "SELECT ?r WHERE { ?r a ties:Report } ORDER BY ?r LIMIT 1",
            "application/sparql-results+json",
        )
        .ok_json();
    bindings(&json)[0]["r"]["value"]
        .as_str()
        .expect("a report IRI")
        .to_string()
}

/// `request` with `given` as its X-Ties-Token, or without the header.
fn with_given<B>(request: ureq::RequestBuilder<B>, given: Option<&str>) -> ureq::RequestBuilder<B> {
    match given {
        Some(t) => request.header("X-Ties-Token", t),
        None => request,
    }
}

#[test]
fn a_cross_site_form_post_of_drop_all_is_refused() {
    let server = Server::start(&[]);
    let before = server.quads();
    // What any web page can send without a preflight: a form, with its own Origin.
    let form = agent()
        .post(server.url("/sparql"))
        .header("Origin", "http://evil.example")
        .send_form([("update", DROP_ALL)]);
    let reply = Reply::of(form);
    assert_eq!(reply.status, 403, "{reply:?}");
    assert!(reply.body.contains("another origin"), "{reply:?}");
    // Even a foreign page that somehow had the token is refused.
    let form = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", "http://evil.example")
        .send_form([("update", DROP_ALL)]);
    assert_eq!(Reply::of(form).status, 403);
    assert_eq!(
        server.quads(),
        before,
        "a refused DROP ALL changed the store"
    );
}

#[test]
fn updates_and_graph_store_writes_with_a_foreign_origin_are_refused_whatever_they_carry() {
    let server = Server::start(&[]);
    let before = server.quads();
    let report = a_report(&server);
    let evil = "http://evil.example";
    let update = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", evil)
        .header("Content-Type", "application/sparql-update")
        .send(INSERT);
    assert_eq!(Reply::of(update).status, 403);
    let jsonld = r#"{"@id": "urn:test:s", "urn:test:p": "o"}"#;
    let put = server
        .with_token(agent().put(server.url("/store")))
        .query("graph", &report)
        .header("Origin", evil)
        .content_type("application/ld+json")
        .send(jsonld);
    assert_eq!(Reply::of(put).status, 403);
    let post = server
        .with_token(agent().post(server.url("/store")))
        .query("graph", &report)
        .header("Origin", evil)
        .content_type("text/turtle")
        .send(TURTLE);
    assert_eq!(Reply::of(post).status, 403);
    let delete = server
        .with_token(agent().delete(server.url("/store")))
        .query("graph", &report)
        .header("Origin", evil)
        .call();
    assert_eq!(Reply::of(delete).status, 403);
    // A sandboxed page sends `Origin: null`: not this server's origin either.
    let null = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", "null")
        .send_form([("update", DROP_ALL)]);
    assert_eq!(Reply::of(null).status, 403);
    assert_eq!(server.quads(), before, "a refused write changed the store");
}

#[test]
fn writes_without_the_token_or_with_a_wrong_one_are_refused() {
    let server = Server::start(&[]);
    let token = server
        .token
        .clone()
        .expect("a writable server prints a token");
    assert!(token.len() >= 32 && token.chars().all(|c| c.is_ascii_hexdigit()));
    let before = server.quads();
    let report = a_report(&server);
    // The token with its last digit changed (to another digit whatever it was).
    let last = if token.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &token[..token.len() - 1]);
    assert_ne!(wrong, token);
    for given in [None, Some(wrong.as_str()), Some("")] {
        let update = with_given(agent().post(server.url("/sparql")), given)
            .header("Content-Type", "application/sparql-update")
            .send(DROP_ALL);
        let update = Reply::of(update);
        assert_eq!(update.status, 403, "{given:?}: {update:?}");
        assert!(update.body.contains("X-Ties-Token"), "{update:?}");
        let form = with_given(agent().post(server.url("/sparql")), given)
            .send_form([("update", DROP_ALL)]);
        assert_eq!(Reply::of(form).status, 403, "{given:?}");
        let put = with_given(agent().put(server.url("/store")), given)
            .query("graph", &report)
            .content_type("text/turtle")
            .send(TURTLE);
        assert_eq!(Reply::of(put).status, 403, "{given:?}");
        let post = with_given(agent().post(server.url("/store")), given)
            .query("default", "")
            .content_type("text/turtle")
            .send(TURTLE);
        assert_eq!(Reply::of(post).status, 403, "{given:?}");
        let delete = with_given(agent().delete(server.url("/store")), given)
            .query("graph", &report)
            .call();
        assert_eq!(Reply::of(delete).status, 403, "{given:?}");
    }
    assert_eq!(server.quads(), before, "a refused write changed the store");

    // The same write with the token, from the server's own page (its Origin), goes in.
    let own = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", &server.base)
        .header("Content-Type", "application/sparql-update")
        .send(INSERT);
    assert_eq!(Reply::of(own).status, 204);
    assert!(server.ask("ASK { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }"));
}

#[test]
fn a_foreign_host_header_is_refused_for_reads_and_writes() {
    let server = Server::start(&[]);
    let token = server
        .token
        .clone()
        .expect("a writable server prints a token");
    let before = server.quads();
    // A DNS-rebinding page: its name now resolves to 127.0.0.1, the browser sends its Host.
    let port = server.addr.rsplit(':').next().expect("a port");
    let read = format!(
        "GET /sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D HTTP/1.1\r\nHost: rebind.evil.example:{port}\r\nConnection: close\r\n\r\n"
    );
    let (status, _, body) = raw(&server.addr, &read);
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("Host"), "{body}");
    let page =
        format!("GET / HTTP/1.1\r\nHost: rebind.evil.example:{port}\r\nConnection: close\r\n\r\n");
    assert_eq!(raw(&server.addr, &page).0, 403);
    let form = "update=DROP+ALL";
    let write = format!(
        "POST /sparql HTTP/1.1\r\nHost: rebind.evil.example:{port}\r\nX-Ties-Token: {token}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    );
    assert_eq!(raw(&server.addr, &write).0, 403);
    // A loopback name with another port is not this server either.
    let other_port = "GET / HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n";
    assert_eq!(raw(&server.addr, other_port).0, 403);
    // localhost with the right port is.
    let local = format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n");
    assert_eq!(raw(&server.addr, &local).0, 200);
    assert_eq!(
        server.quads(),
        before,
        "a refused request changed the store"
    );
}

/// A CORS preflight from `origin` for `method` on `path`.
fn preflight(server: &Server, path: &str, origin: &str, method: &str) -> (u16, String) {
    let request = format!(
        "OPTIONS {path} HTTP/1.1\r\nHost: {}\r\nOrigin: {origin}\r\nAccess-Control-Request-Method: {method}\r\nAccess-Control-Request-Headers: content-type, x-ties-token\r\nConnection: close\r\n\r\n",
        server.addr
    );
    let (status, head, _) = raw(&server.addr, &request);
    (status, head)
}

/// The value of the `access-control-allow-origin` header of a read from `origin`, if any.
fn read_allowed_to(server: &Server, origin: &str) -> Option<String> {
    let reply = Reply::of(
        agent()
            .get(server.url("/sparql"))
            .query("query", "ASK { ?s ?p ?o }")
            .header("Origin", origin)
            .call(),
    );
    assert_eq!(reply.status, 200, "{reply:?}");
    reply
        .headers
        .get("access-control-allow-origin")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The methods a preflight answer allows, in lower case ("" when none).
fn allowed_methods(head: &str) -> String {
    head.lines()
        .find_map(|l| l.strip_prefix("access-control-allow-methods:"))
        .unwrap_or("")
        .to_string()
}

#[test]
fn no_cors_header_by_default_and_no_preflight_for_writes() {
    let server = Server::start(&[]);
    let before = server.quads();
    assert_eq!(read_allowed_to(&server, "http://evil.example"), None);
    let (_, head) = preflight(
        &server,
        "/store?graph=urn:x",
        "http://evil.example",
        "DELETE",
    );
    assert!(!head.contains("access-control-allow-"), "{head}");
    let (_, head) = preflight(&server, "/sparql", "http://evil.example", "POST");
    assert!(!head.contains("access-control-allow-"), "{head}");
    assert_eq!(server.quads(), before);
}

#[test]
fn cors_opens_reads_to_the_named_origins_only_and_never_writes() {
    let team = "http://team.example:8080";
    let server = Server::start(&["--cors", team]);
    let before = server.quads();
    assert_eq!(read_allowed_to(&server, team).as_deref(), Some(team));
    assert_eq!(read_allowed_to(&server, "http://evil.example"), None);
    for method in ["PUT", "DELETE"] {
        let (_, head) = preflight(&server, "/store?graph=urn:x", team, method);
        let methods = allowed_methods(&head);
        assert!(!methods.contains(&method.to_ascii_lowercase()), "{head}");
    }
    let (_, head) = preflight(&server, "/sparql", team, "POST");
    assert!(
        !head.contains("x-ties-token"),
        "the token header is never allowed: {head}"
    );
    // An update from the named origin is refused all the same, token or not.
    let form = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", team)
        .send_form([("update", DROP_ALL)]);
    assert_eq!(Reply::of(form).status, 403);
    let put = server
        .with_token(agent().put(server.url("/store")))
        .query("graph", "urn:test:g")
        .header("Origin", team)
        .content_type("text/turtle")
        .send(TURTLE);
    assert_eq!(Reply::of(put).status, 403);
    assert_eq!(server.quads(), before, "a refused write changed the store");
}

#[test]
fn cors_for_any_origin_still_grants_no_write() {
    let server = Server::start(&["--cors", "*"]);
    let before = server.quads();
    assert_eq!(
        read_allowed_to(&server, "http://evil.example").as_deref(),
        Some("*")
    );
    let (_, head) = preflight(
        &server,
        "/store?graph=urn:x",
        "http://evil.example",
        "DELETE",
    );
    assert!(!allowed_methods(&head).contains("delete"), "{head}");
    let form = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Origin", "http://evil.example")
        .send_form([("update", DROP_ALL)]);
    assert_eq!(Reply::of(form).status, 403);
    assert_eq!(server.quads(), before, "a refused write changed the store");
}

#[test]
fn a_cors_value_that_is_no_origin_is_refused_at_start() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let out = ties(&store)
        .args([
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--cors",
            "team.example/path",
        ])
        .output()
        .expect("ties serve runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not an origin"),
        "{out:?}"
    );
}

/// `ASK { FILTER(((…1…))) }` with `n` parentheses: the issue's request that overflowed the stack.
fn nested(n: usize) -> String {
    format!("ASK {{ FILTER({}1{}) }}", "(".repeat(n), ")".repeat(n))
}

#[test]
fn deeply_nested_queries_and_updates_are_refused_and_the_server_goes_on() {
    let server = Server::start(&[]);
    let before = server.quads();
    let reply = server.get_query(&nested(5000), "application/sparql-results+json");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.contains("5002 deep"), "{reply:?}");
    let reply = server.post("application/sparql-query", &nested(100_000));
    assert_eq!(reply.status, 400, "{reply:?}");
    let deep_update = format!(
        "INSERT DATA {{ <urn:test:s> <urn:test:p> {}1{} }}",
        "(".repeat(5000),
        ")".repeat(5000)
    );
    let reply = server.post("application/sparql-update", &deep_update);
    assert_eq!(reply.status, 400, "{reply:?}");
    let long_chain = format!("ASK {{ FILTER(1{} = 0) }}", "+1".repeat(100_000));
    let reply = server.post("application/sparql-query", &long_chain);
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.contains("at most 20000"), "{reply:?}");
    // Within the limits, deeper than the 2 MB of a default thread's stack took: answered.
    let chain = format!("ASK {{ FILTER(1{} = 0) }}", "+1".repeat(15_000));
    assert!(!server.ask_by_post(&chain));
    assert!(
        server.ask("ASK { ?p a schema:Person }"),
        "the server goes on"
    );
    assert_eq!(server.quads(), before, "a refused update changed the store");
}

#[test]
fn the_command_line_refuses_deep_nesting_without_aborting() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let count = |store: &std::path::Path| {
        let out = ties(store)
            .args([
                "query",
                "--format",
                "tsv",
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            ])
            .output()
            .expect("ties query runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let before = count(&store);
    let query = ties(&store)
        .args(["query", &nested(5000)])
        .output()
        .expect("ties query runs");
    assert_eq!(query.status.code(), Some(2), "{query:?}");
    assert!(
        String::from_utf8_lossy(&query.stderr).contains("deep"),
        "{query:?}"
    );
    let update = ties(&store)
        .args([
            "update",
            &format!(
                "DELETE WHERE {{ ?s ?p ?o FILTER({}1{}) }}",
                "(".repeat(5000),
                ")".repeat(5000)
            ),
        ])
        .output()
        .expect("ties update runs");
    assert_eq!(update.status.code(), Some(2), "{update:?}");
    assert_eq!(count(&store), before, "a refused update changed the store");
    // A chain within the limits runs, deeper than the main thread's 8 MB took.
    let chain = format!("ASK {{ FILTER(1{} = 0) }}", "+1".repeat(15_000));
    let file = dir.path().join("chain.rq");
    std::fs::write(&file, chain).expect("a query file");
    let ok = ties(&store)
        .args(["query", &format!("@{}", file.display())])
        .output()
        .expect("ties query runs");
    assert!(ok.status.success(), "{ok:?}");
}

/// Every quad of the store at `store`, sorted (read by `ties query`).
fn store_quads(store: &std::path::Path) -> Vec<String> {
    let out = ties(store)
        .args([
            "query",
            "--format",
            "tsv",
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        ])
        .output()
        .expect("ties query runs");
    assert!(out.status.success(), "{out:?}");
    let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect();
    lines.sort();
    lines
}

#[test]
fn an_rdf_file_may_not_write_into_a_report_graph() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let report = before
        .iter()
        .filter_map(|l| l.split('\t').nth(3))
        .find(|g| g.starts_with("<urn:ties:report/"))
        .expect("a report graph")
        .trim_matches(['<', '>'])
        .to_string();
    let in_report = |quads: &[String]| {
        quads
            .iter()
            .filter(|l| l.ends_with(&format!("<{report}>")))
            .count()
    };
    assert!(
        in_report(&before) > 10,
        "the report's graph holds its claims"
    );

    // The issue's file: one quad naming the report's graph (it replaced 280 quads by 1).
    let nq = dir.path().join("o.nq");
    std::fs::write(
        &nq,
        format!("<http://ex/e> <http://ex/p> \"x\" <{report}> .\n"),
    )
    .expect("an N-Quads file");
    let out = ties(&store)
        .arg("ingest")
        .arg(&nq)
        .output()
        .expect("ties ingest runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("report graph") && stderr.contains(&report),
        "{stderr}"
    );
    assert_eq!(
        store_quads(&store),
        before,
        "the refused file changed the store"
    );

    // A report graph no report has yet, in TriG, beside a graph of its own: refused whole.
    let trig = dir.path().join("o.trig");
    std::fs::write(
        &trig,
        "<http://ex/g> { <http://ex/a> <http://ex/p> \"kept out\" }\n\
         <urn:ties:report/made-up-00000000> { <http://ex/a> <http://ex/p> \"y\" }\n",
    )
    .expect("a TriG file");
    let out = ties(&store)
        .arg("ingest")
        .arg(&trig)
        .output()
        .expect("ties ingest runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert_eq!(
        store_quads(&store),
        before,
        "the refused file changed the store"
    );

    // Nor may it write into the graphs ties keeps itself: the judgements, the listing index.
    for graph in ["urn:ties:listing", "urn:ties:curation"] {
        let kept = dir.path().join("kept.nq");
        std::fs::write(
            &kept,
            format!("<http://ex/e> <http://ex/p> \"x\" <{graph}> .\n"),
        )
        .expect("an N-Quads file");
        let out = ties(&store)
            .arg("ingest")
            .arg(&kept)
            .output()
            .expect("ties ingest runs");
        assert_eq!(out.status.code(), Some(1), "{graph}: {out:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("a graph ties keeps itself"),
            "{out:?}"
        );
        assert_eq!(
            store_quads(&store),
            before,
            "{graph}: the refused file changed the store"
        );
    }

    // An RDF file of its own graphs goes in as before.
    let own = dir.path().join("own.trig");
    std::fs::write(
        &own,
        "<http://ex/g> { <http://ex/a> <http://ex/p> \"mine\" }\n",
    )
    .expect("a TriG file");
    ingest(&store, &own);
    assert_eq!(in_report(&store_quads(&store)), in_report(&before));

    // Asked for, the file replaces the report's graph.
    let out = ties(&store)
        .args(["ingest", "--allow-report-graphs"])
        .arg(&nq)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(in_report(&store_quads(&store)), 1);
}

/// A folder holding one report, a symlink loop two ways (a link to the parent, a link to
/// itself), a FIFO named `.txt` and a symlink to /dev/zero named `.txt`: the issue's hangs.
#[cfg(unix)]
#[test]
fn folder_walks_skip_fifos_and_devices_and_walk_each_folder_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    let folder = dir.path().join("L");
    std::fs::create_dir_all(folder.join("sub")).expect("folders");
    symlink("..", folder.join("sub/up")).expect("a link to the parent");
    symlink(".", folder.join("self")).expect("a link to itself");
    std::fs::copy(
        root().join("tests/fixtures/one-report.txt"),
        folder.join("r.txt"),
    )
    .expect("a report");
    let fifo = folder.join("fifo.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    symlink("/dev/zero", folder.join("zero.txt")).expect("a link to /dev/zero");

    ingest(&store, &folder.join("r.txt"));
    let before = store_quads(&store);
    // The walk ends, takes the one report (unchanged, so skipped) and reads neither the FIFO
    // nor /dev/zero.
    let out = ties(&store)
        .arg("ingest")
        .arg(&folder)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("0 reports"),
        "the report is unchanged: {stderr}"
    );
    assert_eq!(store_quads(&store), before);

    // Named on the command line, each is refused with what it is.
    for special in ["fifo.txt", "zero.txt"] {
        let out = ties(&store)
            .arg("ingest")
            .arg(folder.join(special))
            .output()
            .expect("ties ingest runs");
        assert_eq!(out.status.code(), Some(2), "{special}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("not a regular file"), "{special}: {stderr}");
    }
    assert_eq!(
        store_quads(&store),
        before,
        "a refused file changed the store"
    );

    // A fresh store takes the report once, through all the links.
    let fresh = dir.path().join("fresh");
    let out = ties(&fresh)
        .arg("ingest")
        .arg(&folder)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ingested 1 report "),
        "{out:?}"
    );
}

/// The issue's RDF/XML "billion laughs": 10 entities, each naming the one before 10 times
/// (under 1 KB; the parser expanded it to a 3 GB literal).
fn billion_laughs() -> String {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY lol0 \"lol\">\n");
    for i in 1..10 {
        let refs = format!("&lol{};", i - 1).repeat(10);
        doc.push_str(&format!("<!ENTITY lol{i} \"{refs}\">\n"));
    }
    doc.push_str(
        "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex.org/\">\n\
         <rdf:Description rdf:about=\"http://ex.org/a\"><ex:p>&lol9;</ex:p></rdf:Description>\n</rdf:RDF>\n",
    );
    doc
}

#[test]
fn an_xml_entity_bomb_is_refused_by_ingest_and_by_the_graph_store() {
    let bomb = billion_laughs();
    assert!(bomb.len() < 1100, "{} bytes", bomb.len());
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let file = dir.path().join("laughs.rdf");
    std::fs::write(&file, &bomb).expect("an RDF/XML file");
    let out = ties(&store)
        .arg("ingest")
        .arg(&file)
        .output()
        .expect("ties ingest runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("refused") && stderr.contains("entities") && stderr.contains("lol"),
        "{stderr}"
    );
    assert_eq!(
        store_quads(&store),
        before,
        "the refused file changed the store"
    );

    let server = Server::start(&[]);
    let before = server.quads();
    let put = server
        .with_token(agent().put(server.url("/store")))
        .query("graph", "urn:test:g")
        .content_type("application/rdf+xml")
        .send(bomb.as_str());
    let reply = Reply::of(put);
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.contains("entities"), "{reply:?}");
    assert!(
        server.ask("ASK { ?p a schema:Person }"),
        "the server goes on"
    );
    assert_eq!(server.quads(), before, "the refused body changed the store");
}

/// A listener on loopback that nobody should reach: its URL, and whether anyone connected.
struct Trap(std::net::TcpListener);

impl Trap {
    fn new() -> Trap {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
        listener.set_nonblocking(true).expect("non-blocking");
        Trap(listener)
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.0.local_addr().expect("an address"))
    }

    /// True when a connection came (the kernel completes it even if nobody accepts).
    fn reached(&self) -> bool {
        self.0.accept().is_ok()
    }
}

#[test]
fn load_and_service_fetch_nothing_and_change_nothing() {
    let server = Server::start(&[]);
    let before = server.quads();
    let trap = Trap::new();
    let load = format!("LOAD <{}> INTO GRAPH <urn:test:g>", trap.url("/data.ttl"));
    let reply = server.post("application/sparql-update", &load);
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.contains("LOAD"), "{reply:?}");
    assert!(
        !reply.body.contains("feature"),
        "no Cargo feature: {reply:?}"
    );
    let service = format!(
        "SELECT * WHERE {{ SERVICE <{}> {{ ?s ?p ?o }} }}",
        trap.url("/sparql")
    );
    let reply = server.get_query(&service, "application/sparql-results+json");
    assert_eq!(reply.status, 400, "{reply:?}");
    assert!(reply.body.contains("SERVICE"), "{reply:?}");
    assert!(!trap.reached(), "LOAD or SERVICE reached the network");
    assert_eq!(server.quads(), before, "a refused LOAD changed the store");

    // The command line the same.
    drop(server);
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let out = ties(&store)
        .args(["update", &load])
        .output()
        .expect("ties update runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("LOAD is refused"),
        "{out:?}"
    );
    let out = ties(&store)
        .args(["query", &service])
        .output()
        .expect("ties query runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("SERVICE is refused") && !stderr.contains("--format"),
        "{stderr}"
    );
    assert!(!trap.reached(), "LOAD or SERVICE reached the network");
    assert_eq!(
        store_quads(&store),
        before,
        "a refused LOAD changed the store"
    );
}

#[test]
fn a_json_ld_remote_context_is_not_fetched() {
    let trap = Trap::new();
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let file = dir.path().join("remote.jsonld");
    std::fs::write(
        &file,
        format!(
            r#"{{"@context": "{}", "@id": "http://ex.org/a", "name": "x"}}"#,
            trap.url("/context.jsonld")
        ),
    )
    .expect("a JSON-LD file");
    let out = ties(&store)
        .arg("ingest")
        .arg(&file)
        .output()
        .expect("ties ingest runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(!trap.reached(), "the remote context was fetched");
    assert_eq!(
        store_quads(&store),
        before,
        "the refused file changed the store"
    );
}

/// A query that runs for minutes on any store: a product of four patterns, counted.
const ENDLESS: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

/// An update whose WHERE is that product, filtered by a test that needs all four patterns and
/// never holds: it would delete nothing, after minutes.
const ENDLESS_UPDATE: &str = "DELETE { GRAPH ?w { ?a ?b ?c } } WHERE { GRAPH ?w { ?a ?b ?c } \
     GRAPH ?x { ?d ?e ?f } GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } \
     FILTER(CONCAT(STR(?c), STR(?f), STR(?i), STR(?l)) = \"never\") }";

#[test]
fn queries_and_updates_over_the_time_limit_are_stopped_and_the_server_goes_on() {
    let server = Server::start(&["--timeout-s", "1"]);
    let before = server.quads();
    let reply = server.get_query(ENDLESS, "application/sparql-results+json");
    assert_eq!(reply.status, 503, "{reply:?}");
    assert!(reply.body.contains("time limit"), "{reply:?}");
    let reply = server.post("application/sparql-update", ENDLESS_UPDATE);
    assert_eq!(reply.status, 503, "{reply:?}");
    assert!(
        reply.body.contains("time limit") && reply.body.contains("before it wrote anything"),
        "{reply:?}"
    );
    // Answered at once by a server whose threads are free again; the store as it was.
    assert!(
        server.ask("ASK { ?p a schema:Person }"),
        "the server goes on"
    );
    assert_eq!(server.quads(), before, "a stopped update changed the store");
}

/// A SELECT of `rows` rows of `bytes` bytes each, made up by the query itself.
fn rows_of(rows: usize, bytes: usize) -> String {
    let values: Vec<String> = (1..=rows).map(|i| i.to_string()).collect();
    format!(
        "SELECT ?x WHERE {{ VALUES ?i {{ {} }} BIND(CONCAT(STR(?i), \"{}\") AS ?x) }}",
        values.join(" "),
        "a".repeat(bytes)
    )
}

/// An answer past the server's limits on rows (of a SELECT), triples (of a CONSTRUCT or a Graph
/// Store GET) or bytes is refused whole with 413 and a message naming the limit and the flag
/// that raises it, never sent cut off under a 200; answers within the limits still come, and
/// the store is as it was.
#[test]
fn answers_past_the_result_limits_are_refused_whole_and_the_server_goes_on() {
    let server = Server::start(&["--max-result-rows", "10", "--max-result-bytes", "8K"]);
    let before = store_quads(&server.store);
    let json = "application/sparql-results+json";
    let reply = server.get_query("SELECT * WHERE { ?s ?p ?o }", json);
    assert_eq!(reply.status, 413, "{reply:?}");
    assert!(
        reply.body.contains("more than 10 rows") && reply.body.contains("--max-result-rows"),
        "{reply:?}"
    );
    let reply = server.post("application/sparql-query", "SELECT * WHERE { ?s ?p ?o }");
    assert_eq!(reply.status, 413, "by POST too: {reply:?}");
    let reply = server.get_query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle");
    assert_eq!(reply.status, 413, "{reply:?}");
    assert!(reply.body.contains("more than 10 triples"), "{reply:?}");
    let report = a_report(&server);
    let reply = server.graph_store("GET", &report, "");
    assert_eq!(reply.status, 413, "a report's graph: {reply:?}");
    // Five rows of 2,000 bytes: within the rows, past the bytes.
    let reply = server.get_query(&rows_of(5, 2000), "text/csv");
    assert_eq!(reply.status, 413, "{reply:?}");
    assert!(
        reply.body.contains("more than 8 KiB") && reply.body.contains("--max-result-bytes"),
        "{reply:?}"
    );
    // Within both: answered whole.
    let rows = server
        .get_query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", json)
        .ok_json();
    assert_eq!(bindings(&rows).len(), 10);
    let csv = server.get_query(&rows_of(5, 100), "text/csv").ok();
    assert_eq!(csv.lines().count(), 6, "{csv}");
    assert!(
        server.ask("ASK { ?p a schema:Person }"),
        "the server goes on"
    );
    assert_eq!(
        store_quads(&server.store),
        before,
        "a refused answer changed the store"
    );
}

/// A new connection to the server that waits at most 30 s for each read.
fn connect(server: &Server) -> std::net::TcpStream {
    let stream = std::net::TcpStream::connect(&server.addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .expect("a read timeout");
    stream
}

/// A GET of `path` as an HTTP/1.1 request on a connection kept open after it.
fn get_request(server: &Server, path: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr)
}

/// One answer read from `stream`, the connection left open: the status and the body (by its
/// Content-Length).
fn read_answer(stream: &mut std::net::TcpStream) -> (u16, String) {
    use std::io::Read;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("an answer");
        assert_eq!(
            n, 1,
            "the server closed before the end of its answer: {head:?}"
        );
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a content-length");
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the body");
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok());
    (
        status.expect("a status"),
        String::from_utf8_lossy(&body).into_owned(),
    )
}

/// All the server sends on `stream` until it closes it (panics if it does not within 30 s).
fn read_to_close(stream: &mut std::net::TcpStream) -> Vec<u8> {
    use std::io::Read;
    let mut all = Vec::new();
    stream
        .read_to_end(&mut all)
        .expect("the server closes the connection");
    all
}

/// A connection that was answered 200 and stays open, so that the server counts it. A
/// connection closed just before may not be counted off yet: a 503 is tried again.
fn kept_connection(server: &Server) -> std::net::TcpStream {
    use std::io::Write;
    for _ in 0..200 {
        let mut stream = connect(server);
        stream
            .write_all(get_request(server, "/api/queries").as_bytes())
            .expect("the request goes out");
        match read_answer(&mut stream) {
            (200, _) => return stream,
            (503, _) => std::thread::sleep(std::time::Duration::from_millis(25)),
            (status, body) => panic!("{status}: {body}"),
        }
    }
    panic!("no connection was kept");
}

/// `send` again while the server answers 503 (every connection taken), until it answers
/// something else: what it answered then.
fn once_served(send: impl Fn() -> Reply) -> Reply {
    for _ in 0..1200 {
        let reply = send();
        if reply.status != 503 {
            return reply;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    panic!("the server answered 503 for 30 s");
}

/// Past `--max-connections`, a connection is answered 503 at once (reads and writes alike,
/// with Retry-After and the flag that raises the limit) rather than queued behind the open
/// ones; once one of those closes, the server serves again. The refused write changed nothing.
#[test]
fn connections_past_the_limit_are_answered_503_at_once_and_served_once_one_closes() {
    let server = Server::start(&["--max-connections", "2"]);
    let before = store_quads(&server.store);
    let first = kept_connection(&server);
    let _second = kept_connection(&server);
    let read = Reply::of(agent().get(server.url("/api/queries")).call());
    assert_eq!(read.status, 503, "{read:?}");
    assert!(
        read.body.contains("2 connections") && read.body.contains("--max-connections"),
        "{read:?}"
    );
    let retry = read
        .headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok());
    assert_eq!(retry, Some("1"), "{read:?}");
    let write = server
        .with_token(agent().post(server.url("/sparql")))
        .header("Content-Type", "application/sparql-update")
        .send(DROP_ALL);
    assert_eq!(Reply::of(write).status, 503);
    drop(first);
    let reply = once_served(|| Reply::of(agent().get(server.url("/api/queries")).call()));
    assert_eq!(reply.status, 200, "{reply:?}");
    assert_eq!(
        store_quads(&server.store),
        before,
        "a refused write changed the store"
    );
}

/// With one connection allowed, a client that takes it and then stops (sends nothing, half a
/// request head, half a body, or never reads a long answer) cannot keep it: the server closes
/// it after `--idle-timeout-s` and serves the next client. Each stalled connection is seen to
/// have held the slot (the server closed it, or answered it, but never with a 503).
#[test]
fn idle_and_stalled_connections_are_closed_and_cannot_hold_the_server() {
    use std::io::Write;
    let server = Server::start(&["--max-connections", "1", "--idle-timeout-s", "1"]);
    let before = store_quads(&server.store);
    let long_answer = format!(
        "GET /sparql?query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20.%20%3Fa%20%3Fb%20%3Fc%20%7D%20LIMIT%20200000 HTTP/1.1\r\nHost: {}\r\nAccept: text/tab-separated-values\r\n\r\n",
        server.addr
    );
    let stalls = [
        ("nothing sent", String::new()),
        (
            "half a request head",
            format!("GET / HTTP/1.1\r\nHost: {}\r\n", server.addr),
        ),
        (
            "half a body",
            format!(
                "POST /sparql HTTP/1.1\r\nHost: {}\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK",
                server.addr
            ),
        ),
        ("a long answer never read", long_answer),
    ];
    for (what, sent) in stalls {
        // The slot may still be counted for the last client's connection, and this one refused:
        // then it is tried again.
        let mut held = None;
        for _ in 0..20 {
            let mut stalled = connect(&server);
            stalled.write_all(sent.as_bytes()).expect("sent");
            let reply = once_served(|| Reply::of(agent().get(server.url("/api/queries")).call()));
            assert_eq!(reply.status, 200, "{what}: {reply:?}");
            let got = read_to_close(&mut stalled);
            if !got.starts_with(b"HTTP/1.1 503") {
                held = Some(got);
                break;
            }
        }
        let got = held.unwrap_or_else(|| panic!("{what}: never held the slot"));
        let text = String::from_utf8_lossy(&got[..got.len().min(300)]).into_owned();
        match what {
            "half a body" => assert!(text.starts_with("HTTP/1.1 400"), "{what}: {text}"),
            "a long answer never read" => {
                assert!(text.starts_with("HTTP/1.1 200"), "{what}: {text}");
                let length: usize = text
                    .to_ascii_lowercase()
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|n| n.trim().parse().ok())
                    .expect("a content-length");
                assert!(got.len() < length, "{what}: the whole answer came");
            }
            _ => assert!(got.is_empty(), "{what}: {text}"),
        }
    }
    assert_eq!(store_quads(&server.store), before);
}

#[test]
fn the_command_line_stops_queries_and_updates_at_timeout_s() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let query = ties(&store)
        .args(["query", "--timeout-s", "1", ENDLESS])
        .output()
        .expect("ties query runs");
    assert_eq!(query.status.code(), Some(1), "{query:?}");
    let stderr = String::from_utf8_lossy(&query.stderr);
    assert!(
        stderr.contains("--timeout-s") && stderr.contains("time limit"),
        "{stderr}"
    );
    let update = ties(&store)
        .args(["update", "--timeout-s", "1", ENDLESS_UPDATE])
        .output()
        .expect("ties update runs");
    assert_eq!(update.status.code(), Some(1), "{update:?}");
    assert!(
        String::from_utf8_lossy(&update.stderr).contains("writes nothing"),
        "{update:?}"
    );
    assert_eq!(
        store_quads(&store),
        before,
        "a stopped update changed the store"
    );
}

/// Ctrl-C (SIGINT) ends a running `ties query` or `ties update` at once; the store opens after
/// and holds what it held.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_command_line_and_leaves_the_store_whole() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    for args in [["query", ENDLESS], ["update", ENDLESS_UPDATE]] {
        let mut child = ties(&store)
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("ties starts");
        // Let it get into the work (it ends the same way if the signal comes first).
        std::thread::sleep(std::time::Duration::from_millis(500));
        let sent = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let status = child.wait().expect("ties ends");
        assert!(
            status.signal() == Some(2) || status.code() == Some(130),
            "{args:?}: {status:?}"
        );
        assert_eq!(store_quads(&store), before, "{args:?} changed the store");
    }
}

/// The report graphs of the store at `store`, sorted.
fn report_graphs(store: &std::path::Path) -> Vec<String> {
    let mut graphs: Vec<String> = store_quads(store)
        .iter()
        .filter_map(|l| l.split('\t').nth(3))
        .filter(|g| g.starts_with("<urn:ties:report/"))
        .map(str::to_string)
        .collect();
    graphs.sort();
    graphs.dedup();
    graphs
}

#[test]
fn reports_of_the_same_name_in_two_folders_get_two_graphs_with_full_width_tags() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    for (folder, fixture) in [("a", "one-report.txt"), ("b", "one-report.txt")] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("a folder");
        std::fs::copy(
            root().join("tests/fixtures").join(fixture),
            dir.path().join(folder).join("index.txt"),
        )
        .expect("a report");
    }
    ingest(&store, &dir.path().join("a"));
    let first = report_graphs(&store);
    ingest(&store, &dir.path().join("b"));
    let graphs = report_graphs(&store);
    assert_eq!(graphs.len(), 2, "{graphs:?}");
    assert!(first.iter().all(|g| graphs.contains(g)), "the first stays");
    for g in &graphs {
        let tag = g
            .trim_matches(['<', '>'])
            .rsplit('-')
            .next()
            .expect("a tag");
        assert_eq!(tag.len(), 32, "a 128-bit tag: {g}");
    }
}

/// Two names that differ only in a byte that is not UTF-8 (`r\xff.md`, `r\xfe.md`) were one
/// graph: the second ingest replaced the first.
#[cfg(target_os = "linux")]
#[test]
fn names_that_differ_only_in_bytes_that_are_not_utf8_get_two_graphs() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    let folder = dir.path().join("r");
    std::fs::create_dir_all(&folder).expect("a folder");
    for name in [&b"r\xff.md"[..], &b"r\xfe.md"[..]] {
        std::fs::copy(
            root().join("tests/fixtures/one-report.txt"),
            folder.join(OsStr::from_bytes(name)),
        )
        .expect("a report with a name that is not UTF-8");
    }
    let out = ties(&store)
        .arg("ingest")
        .arg(&folder)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ingested 2 reports"),
        "{out:?}"
    );
    assert_eq!(report_graphs(&store).len(), 2);
}

#[test]
fn a_report_under_an_old_iri_moves_to_its_new_one_when_ingested_again() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    let file = root().join("tests/fixtures/one-report.txt");
    ingest(&store, &file);
    let new = report_graphs(&store).pop().expect("a report graph");
    let count = store_quads(&store).len();
    // The store as the old scheme wrote it: the same graph under a slug and eight hex digits.
    let old = "<urn:ties:report/one-report-0a1b2c3d>";
    let rename = format!(
        "DELETE {{ GRAPH {new} {{ ?s ?p ?o }} }} INSERT {{ GRAPH {old} {{ ?t ?p ?o }} }} \
         WHERE {{ GRAPH {new} {{ ?s ?p ?o }} BIND(IF(?s = {new}, {old}, ?s) AS ?t) }}"
    );
    let out = ties(&store)
        .args(["update", &rename])
        .output()
        .expect("ties update runs");
    assert!(out.status.success(), "{out:?}");
    assert_eq!(report_graphs(&store), vec![old.to_string()]);
    ingest(&store, &file);
    assert_eq!(report_graphs(&store), vec![new], "the old graph is gone");
    assert_eq!(store_quads(&store).len(), count);
}

/// A page whose one paragraph (a person at a meeting) stands inside `depth` nested `<div>`s.
fn nested_page(depth: usize) -> String {
    format!(
        "<html><head><title>Deep</title></head><body>{}<p>Ana Ruiz spoke at the Union meeting.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

/// Words with names among them and no full stop anywhere: one sentence of `bytes` bytes.
fn unpunctuated_line(bytes: usize) -> String {
    let words = [
        "the",
        "Union",
        "meeting",
        "Ana",
        "Ruiz",
        "chair",
        "spoke",
        "at",
        "Workers",
        "Federation",
        "and",
        "of",
        "said",
        "that",
        "Bo",
        "Lind",
        "council",
        ",",
    ];
    let mut line = String::with_capacity(bytes + 16);
    let mut k = 7usize;
    while line.len() < bytes {
        // A fixed walk through the words, not a cycle of one length.
        k = (k * 31 + 11) % 1009;
        line.push_str(words[k % words.len()]);
        line.push(' ');
    }
    line.push('\n');
    line
}

/// The issue's quadratic inputs: a 4 MB line with no full stop (over 300 s before) and 100,000
/// nested `<div>`s (47 s): each is read, extracted and ingested, in linear time.
#[test]
fn a_4_mb_unpunctuated_line_and_100000_nested_divs_are_read_and_ingested() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let line = dir.path().join("line.txt");
    std::fs::write(&line, unpunctuated_line(4 << 20)).expect("a 4 MB line");
    let n = 100_000;
    let divs = dir.path().join("divs.html");
    std::fs::write(&divs, nested_page(n)).expect("a deep page");
    let store = dir.path().join("store");
    for file in [&line, &divs] {
        let out = ties(&store)
            .arg("extract")
            .arg(file)
            .output()
            .expect("ties extract runs");
        assert!(out.status.success(), "{}: {out:?}", file.display());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Ana Ruiz"),
            "{}: the person is found",
            file.display()
        );
    }
    let out = ties(&store)
        .arg("ingest")
        .arg(&line)
        .arg(&divs)
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("ingested 2 reports"),
        "{out:?}"
    );
}

/// What the reader does to such inputs is not silent: a report whose run of text was cut into
/// pieces (a 10 KB line with no full stop) or whose page was flattened (elements nested past 256)
/// is ingested with a warning that names it, since a name across a cut may be missed.
#[test]
fn a_10_kb_unpunctuated_line_and_a_page_nested_past_256_are_ingested_with_warnings() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let line = dir.path().join("line.txt");
    std::fs::write(&line, unpunctuated_line(10_000)).expect("a 10 KB line");
    let n = 300;
    let divs = dir.path().join("divs.html");
    std::fs::write(&divs, nested_page(n)).expect("a deep page");
    let punctuated = dir.path().join("plain.txt");
    std::fs::write(
        &punctuated,
        "Ana Ruiz spoke at the Union meeting. Bo Lind chaired it.\n",
    )
    .expect("a plain report");
    let store = dir.path().join("store");
    let out = ties(&store)
        .arg("ingest")
        .args([&line, &divs, &punctuated])
        .output()
        .expect("ties ingest runs");
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("ingested 3 reports"), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    let about = |file: &std::path::Path| {
        let name = file.file_name().expect("a name").to_string_lossy();
        warnings
            .iter()
            .filter(|w| w.contains(name.as_ref()))
            .copied()
            .collect::<Vec<_>>()
    };
    let cut = about(&line);
    assert!(
        cut.len() == 1 && cut[0].contains("no sentence boundary") && cut[0].contains("3000 bytes"),
        "{stderr}"
    );
    let flat = about(&divs);
    assert!(
        flat.len() == 1 && flat[0].contains("nested more than 256 deep"),
        "{stderr}"
    );
    assert!(about(&punctuated).is_empty(), "{stderr}");
    // `ties extract` warns the same way.
    let out = ties(&store)
        .arg("extract")
        .arg(&line)
        .output()
        .expect("ties extract runs");
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no sentence boundary"),
        "{out:?}"
    );
}

/// Bulk files a failed or killed load left in the store folder (10.5 MB of a full 30 MB disk in
/// the issue) are removed when the store is next opened for writing.
#[test]
fn orphaned_bulk_files_are_removed_when_the_store_is_opened() {
    let dir = tempfile::TempDir::new().expect("a temporary folder");
    let store = dir.path().join("store");
    ingest(&store, &root().join("tests/fixtures/one-report.txt"));
    let before = store_quads(&store);
    let orphan = store.join("bulk-123456789.sst");
    std::fs::write(&orphan, vec![0u8; 4096]).expect("an orphan bulk file");
    let out = ties(&store)
        .args([
            "update",
            "INSERT DATA { GRAPH <urn:test:g> { <urn:test:s> <urn:test:p> \"o\" } }",
        ])
        .output()
        .expect("ties update runs");
    assert!(out.status.success(), "{out:?}");
    assert!(!orphan.exists(), "the orphan bulk file is still there");
    let after = store_quads(&store);
    assert_eq!(after.len(), before.len() + 1, "the store works on");
    assert!(before.iter().all(|q| after.contains(q)));
}

/// Ctrl-C stops a server whose query would run for minutes (its time limit is 10 minutes here):
/// the process ends, rather than waiting for the query or spinning on after it (the issue: 100%
/// CPU after SIGINT).
#[cfg(unix)]
#[test]
fn ctrl_c_stops_a_server_in_the_middle_of_a_long_query() {
    let mut server = Server::start(&["--read-only", "--timeout-s", "600"]);
    let url = server.url("/sparql");
    let client = std::thread::spawn(move || {
        // The answer never comes: the server stops first.
        let _ = agent().get(url).query("query", ENDLESS).call();
    });
    // Let the query start (the server ends the same way if the signal comes first).
    std::thread::sleep(std::time::Duration::from_millis(500));
    let sent = std::process::Command::new("kill")
        .args(["-INT", &server.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(sent.success());
    let status = server.wait();
    assert!(status.success(), "ties serve ended with {status:?}");
    client.join().expect("the client ends");
}

/// Every curation write of the page, with a body that would change the store were it let in.
fn curation_writes(server: &Server) -> Vec<(&'static str, serde_json::Value)> {
    let claim = server
        .get_query(
            "SELECT ?c WHERE { ?c a org:Membership } ORDER BY ?c LIMIT 1",
            "application/sparql-results+json",
        )
        .ok_json();
    let claim = bindings(&claim)[0]["c"]["value"].clone();
    let (a, b) = (
        "urn:ties:org/northern-transport-workers-federation",
        "urn:ties:org/pennine-transport-workers-association",
    );
    vec![
        ("merge", serde_json::json!({"a": a, "b": b})),
        ("distinguish", serde_json::json!({"a": a, "b": b})),
        ("reject", serde_json::json!({"claim": claim})),
        ("accept", serde_json::json!({"claim": claim})),
        (
            "undo",
            serde_json::json!({"judgement": "urn:ties:judgement/merge-0"}),
        ),
    ]
}

#[test]
fn curation_writes_without_the_token_from_another_origin_or_as_a_form_are_refused() {
    let server = Server::start(&[]);
    let before = server.quads();
    let token = server
        .token
        .clone()
        .expect("a writable server prints a token");
    let last = if token.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &token[..token.len() - 1]);
    for (action, body) in curation_writes(&server) {
        let url = server.url(&format!("/api/curation/{action}"));
        for given in [None, Some(wrong.as_str())] {
            let sent = with_given(agent().post(&url), given)
                .header("Content-Type", "application/json")
                .send(body.to_string());
            let reply = Reply::of(sent);
            assert_eq!(reply.status, 403, "{action} {given:?}: {reply:?}");
            assert!(reply.body.contains("X-Ties-Token"), "{reply:?}");
        }
        let foreign = server
            .with_token(agent().post(&url))
            .header("Origin", "http://evil.example")
            .header("Content-Type", "application/json")
            .send(body.to_string());
        let reply = Reply::of(foreign);
        assert_eq!(reply.status, 403, "{action} from another origin: {reply:?}");
        assert!(reply.body.contains("another origin"), "{reply:?}");
        // What a cross-site form can send: refused without the token, and not JSON with it.
        let form = agent()
            .post(&url)
            .header("Origin", "http://evil.example")
            .send_form([("a", "x")]);
        assert_eq!(Reply::of(form).status, 403, "{action} as a form");
        let plain = server
            .with_token(agent().post(&url))
            .header("Content-Type", "text/plain")
            .send(body.to_string());
        assert_eq!(Reply::of(plain).status, 415, "{action} as text/plain");
    }
    assert_eq!(
        server.quads(),
        before,
        "a refused curation write changed the store"
    );
}

#[test]
fn a_read_only_server_refuses_curation_writes_and_still_reviews() {
    let server = Server::start(&["--read-only"]);
    let before = server.quads();
    for (action, body) in curation_writes(&server) {
        let reply = Reply::of(
            agent()
                .post(server.url(&format!("/api/curation/{action}")))
                .header("Content-Type", "application/json")
                .header(
                    "X-Ties-Token",
                    "0123456789abcdef0123456789abcdef0123456789abcdef",
                )
                .send(body.to_string()),
        );
        assert_eq!(reply.status, 403, "{action}: {reply:?}");
        assert!(reply.body.contains("read-only"), "{reply:?}");
    }
    let review = server.review("urn:ties:org/northern-transport-workers-federation");
    assert!(
        review["claims"].as_array().is_some_and(|c| !c.is_empty()),
        "{review}"
    );
    assert_eq!(server.quads(), before, "a read-only server's store changed");
}
