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
    let wrong = format!("{}0", &token[..token.len() - 1]);
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
    let (status, body) = raw(&server.addr, &read);
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
