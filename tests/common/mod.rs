//! What the HTTP tests share: a `ties serve` on a fresh store of the sample reports (with the
//! token it printed), a client that reports 4xx/5xx as answers, raw requests for forged headers,
//! and a snapshot of every quad of the store to show a refused request changed nothing.

#![allow(dead_code)] // each test file uses part of it

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tempfile::TempDir;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `ties --store STORE`, run from the crate root, untouched by a `TIES_STORE` in the environment.
pub fn ties(store: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("ties"));
    cmd.current_dir(root())
        .env_remove("TIES_STORE")
        .env_remove("TIES_ENDPOINT")
        .arg("--store")
        .arg(store);
    cmd
}

/// A temporary folder holding `reports/` with the given files (name, text), and where a
/// store in it goes: (the folder, the reports' folder, the store's path).
pub fn reports_folder(files: &[(&str, &str)]) -> (TempDir, PathBuf, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let reports = dir.path().join("reports");
    std::fs::create_dir_all(&reports).expect("a folder");
    for (name, text) in files {
        std::fs::write(reports.join(name), text).expect("written");
    }
    let store = dir.path().join("store");
    (dir, reports, store)
}

/// Ingests `path` into `store`, expecting success.
pub fn ingest(store: &Path, path: &Path) {
    let out = ties(store)
        .arg("ingest")
        .arg(path)
        .output()
        .expect("ties ingest runs");
    assert!(
        out.status.success(),
        "ties ingest {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A running `ties serve` on a fresh store holding the sample reports; killed on drop.
pub struct Server {
    child: Child,
    /// `http://ADDR`, without a trailing slash.
    pub base: String,
    /// `ADDR`, as the server printed it (the Host header a client sends).
    pub addr: String,
    pub store: PathBuf,
    /// The token a writable server printed; None when it is read-only.
    pub token: Option<String>,
    _dir: TempDir,
}

impl Server {
    /// Ingests `data/reports` into a new store and serves it on `host:0` with `flags`.
    pub fn start_on(host: &str, flags: &[&str]) -> Server {
        let dir = TempDir::new().expect("a temporary folder");
        let store = dir.path().join("store");
        ingest(&store, &root().join("data/reports"));
        Server::serve(dir, store, host, flags)
    }

    /// Serves `store` (inside `dir`) on `host:0` with `flags`.
    pub fn serve(dir: TempDir, store: PathBuf, host: &str, flags: &[&str]) -> Server {
        let mut child = ties(&store)
            .args(["serve", "--bind", &format!("{host}:0")])
            .args(flags)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ties serve starts");
        // The first line of stderr, once listening: `ties serve: http://ADDR/ ...`.
        let mut stderr = BufReader::new(child.stderr.take().expect("piped stderr"));
        let mut line = String::new();
        stderr
            .read_line(&mut line)
            .expect("ties serve writes to stderr");
        // A writable server's second line: `ties serve: writes need the header X-Ties-Token: HEX; …`.
        let mut token = None;
        if !line.contains("read-only") {
            let mut second = String::new();
            stderr
                .read_line(&mut second)
                .expect("ties serve writes to stderr");
            token = second
                .split("X-Ties-Token: ")
                .nth(1)
                .and_then(|rest| rest.split(';').next())
                .map(str::to_string);
            if token.is_none() {
                let _ = child.kill();
                panic!("a writable ties serve printed no token; stderr: {line:?} {second:?}");
            }
        }
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        let Some(addr) = line
            .strip_prefix("ties serve: http://")
            .and_then(|rest| rest.split('/').next())
        else {
            let _ = child.kill();
            panic!("ties serve did not say where it listens; stderr: {line:?}");
        };
        Server {
            base: format!("http://{addr}"),
            addr: addr.to_string(),
            child,
            store,
            token,
            _dir: dir,
        }
    }

    pub fn start(flags: &[&str]) -> Server {
        Server::start_on("127.0.0.1", flags)
    }

    /// The server's process id (to send it a signal).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the server to end by itself.
    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().expect("the server's status")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET /sparql?query=QUERY with `accept`.
    pub fn get_query(&self, query: &str, accept: &str) -> Reply {
        Reply::of(
            agent()
                .get(self.url("/sparql"))
                .query("query", query)
                .header("Accept", accept)
                .call(),
        )
    }

    /// POST /sparql with a body of `content_type` (a query or an update), with the server's
    /// token as the user's own client sends it.
    pub fn post(&self, content_type: &str, body: &str) -> Reply {
        Reply::of(
            self.with_token(agent().post(self.url("/sparql")))
                .header("Content-Type", content_type)
                .header("Accept", "application/sparql-results+json")
                .send(body),
        )
    }

    /// A request with the server's token in X-Ties-Token (none on a read-only server).
    pub fn with_token<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.token {
            Some(token) => request.header("X-Ties-Token", token),
            None => request,
        }
    }

    /// Every quad of the store, as sorted N-Quads-like lines: the named graphs (read by SPARQL)
    /// and the default graph (read by the Graph Store Protocol). Equal before and after a
    /// refused request when the store is unchanged.
    pub fn quads(&self) -> Vec<String> {
        let named = Reply::of(
            agent()
                .get(self.url("/sparql"))
                .query(
                    "query",
                    "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                )
                .header("Accept", "text/tab-separated-values")
                .call(),
        )
        .ok();
        let default = Reply::of(agent().get(self.url("/store")).query("default", "").call());
        let mut lines: Vec<String> = named.lines().skip(1).map(str::to_string).collect();
        if default.status == 200 {
            lines.extend(default.body.lines().map(|l| format!("default\t{l}")));
        }
        lines.sort();
        assert!(
            lines.len() > 100,
            "the sample reports hold more: {}",
            lines.len()
        );
        lines
    }

    /// The single number a `SELECT (COUNT(*) AS ?n)` query returns.
    pub fn count(&self, query: &str) -> u64 {
        let json = self
            .get_query(query, "application/sparql-results+json")
            .ok_json();
        let value = &json["results"]["bindings"][0]["n"]["value"];
        value
            .as_str()
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("a count: {json}"))
    }

    /// The answer of an ASK query.
    pub fn ask(&self, query: &str) -> bool {
        let json = self
            .get_query(query, "application/sparql-results+json")
            .ok_json();
        json["boolean"]
            .as_bool()
            .unwrap_or_else(|| panic!("an ASK answer: {json}"))
    }

    /// The answer of an ASK query sent by POST (a body as long as needed).
    pub fn ask_by_post(&self, query: &str) -> bool {
        let json = self.post("application/sparql-query", query).ok_json();
        json["boolean"]
            .as_bool()
            .unwrap_or_else(|| panic!("an ASK answer: {json}"))
    }

    /// POST /api/curation/ACTION with a JSON body, with the server's token (none on a
    /// read-only server).
    pub fn curate(&self, action: &str, body: &Value) -> Reply {
        Reply::of(
            self.with_token(agent().post(self.url(&format!("/api/curation/{action}"))))
                .header("Content-Type", "application/json")
                .send(body.to_string()),
        )
    }

    /// GET /api/curation/entity?iri=IRI, expecting 200.
    pub fn review(&self, iri: &str) -> Value {
        Reply::of(
            agent()
                .get(self.url("/api/curation/entity"))
                .query("iri", iri)
                .call(),
        )
        .ok_json()
    }

    /// GET, PUT, POST or DELETE on /store?graph=GRAPH, with a Turtle body for PUT and POST.
    pub fn graph_store(&self, method: &str, graph: &str, turtle: &str) -> Reply {
        let url = self.url("/store");
        let a = agent();
        let sent = match method {
            "GET" => a.get(url).query("graph", graph).call(),
            "DELETE" => self.with_token(a.delete(url)).query("graph", graph).call(),
            "PUT" => self
                .with_token(a.put(url))
                .query("graph", graph)
                .content_type("text/turtle")
                .send(turtle),
            "POST" => self
                .with_token(a.post(url))
                .query("graph", graph)
                .content_type("text/turtle")
                .send(turtle),
            other => panic!("no Graph Store method {other}"),
        };
        Reply::of(sent)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP client that returns 4xx and 5xx answers instead of failing, ignores proxies set in the
/// environment, and gives up after 30 s.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// What the server answered.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub headers: ureq::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn of(sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        let mut response = sent.expect("the server answers");
        let body = response.body_mut().read_to_string().expect("a UTF-8 body");
        let headers = response.headers().clone();
        let content_type = headers
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        Reply {
            status: response.status().as_u16(),
            content_type,
            headers,
            body,
        }
    }

    /// The body, after checking the answer was 200.
    pub fn ok(self) -> String {
        assert_eq!(self.status, 200, "expected 200, got {self:?}");
        self.body
    }

    /// The body parsed as JSON, after checking the answer was 200.
    pub fn ok_json(self) -> Value {
        let body = self.ok();
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
    }
}

/// The rows of a SPARQL JSON result.
pub fn bindings(json: &Value) -> &Vec<Value> {
    json["results"]["bindings"]
        .as_array()
        .expect("results.bindings")
}

/// Sends `request` (the whole HTTP/1.1 request: head and body) to `addr` as it is, for headers an
/// HTTP client would not let a test forge (Host) and methods it lacks (OPTIONS); answers the
/// status, the head in lower case (to look for headers) and the body.
pub fn raw(addr: &str, request: &str) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("the server accepts a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a read timeout");
    stream
        .write_all(request.as_bytes())
        .expect("the request goes out");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("an answer");
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("an HTTP status line: {answer:?}"));
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    (status, head.to_ascii_lowercase(), body.to_string())
}
