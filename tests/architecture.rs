//! The invariants of ARCHITECTURE.md, checked from the code: which top-level module may import
//! which (read from every `crate::` path outside test code), and who may touch Oxigraph's store.
//!
//! `cargo test --test architecture -- --nocapture` prints the module map it read.

#![allow(clippy::print_stdout, clippy::print_stderr)] // tests and tools report on the console

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// For each top-level module, the modules of the crate it may use. A module not named here may
/// use anything but what `FORBIDDEN_EVERYWHERE` rules out.
const ALLOWED: &[(&str, &[&str])] = &[
    // The leaf: plain types only.
    ("model", &[]),
    ("error", &[]),
    // The extractor knows no RDF, no store, no file.
    ("extract", &["model", "error"]),
    ("read", &["model", "error"]),
    ("pipeline", &["model", "error", "read", "extract"]),
    ("vocab", &[]),
    ("iri", &["model", "vocab"]),
    ("rdf", &["model", "vocab", "iri"]),
    ("store", &["error", "vocab"]),
    ("sparql", &["error", "store", "vocab"]),
    ("queries", &["error", "sparql"]),
    (
        "ingest",
        &[
            "error", "model", "pipeline", "read", "extract", "rdf", "store", "curation",
        ],
    ),
    // `ties extract --format nquads`: what ingest would write, written as N-Quads instead.
    (
        "bulk",
        &["error", "extract", "ingest", "pipeline", "rdf", "store"],
    ),
    // Judgements: read through `sparql`, written through `store` (report graphs rewritten and
    // their records kept in one transaction).
    (
        "curation",
        &["error", "model", "iri", "vocab", "store", "sparql"],
    ),
    // Everything that reads the graph reads it through `sparql`, never from `store`.
    ("stats", &["error", "sparql"]),
    ("network", &["error", "sparql", "model", "iri"]),
    ("trace", &["error", "sparql", "network"]),
    ("rank", &["network"]),
    ("export", &["error", "network"]),
    // The server opens the store and writes Graph Store requests into it; it reads through
    // `sparql` like everyone else. The page's judgements are `curation`'s to make.
    (
        "serve",
        &[
            "error", "sparql", "store", "network", "export", "queries", "vocab", "curation",
        ],
    ),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable src folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/network/explore.rs` → `network`.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_owned()
}

/// The code of a file without its tests (`#[cfg(test)]` to the end, as this crate writes them)
/// and without comments.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a readable source file");
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's modules named in `code` as `crate::NAME`.
fn uses(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            found.insert(name);
        }
    }
    found
}

fn module_map() -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let module = module_of(&file);
        if matches!(module.as_str(), "main" | "cli" | "lib") {
            continue; // the command line (main.rs and its cli/ folder) and the crate root
        }
        let used = uses(&code(&file));
        let entry = map.entry(module.clone()).or_default();
        entry.extend(used.into_iter().filter(|m| *m != module));
    }
    map
}

#[test]
fn no_module_imports_what_the_architecture_forbids() {
    let map = module_map();
    let mut listing = String::from("module imports (from the code):\n");
    for (module, used) in &map {
        let used: Vec<&str> = used.iter().map(String::as_str).collect();
        listing += &format!("  {module:9} → {}\n", used.join(", "));
    }
    eprintln!("{listing}");
    let mut wrong = Vec::new();
    for (module, allowed) in ALLOWED {
        let Some(used) = map.get(*module) else {
            wrong.push(format!("{module}: no such module in src/"));
            continue;
        };
        for u in used {
            if !allowed.contains(&u.as_str()) {
                wrong.push(format!("{module} → {u}"));
            }
        }
    }
    for module in map.keys() {
        if !ALLOWED.iter().any(|(m, _)| m == module) {
            wrong.push(format!(
                "{module}: a new module; say in ALLOWED what it may use"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the architecture forbids:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_store_and_sparql_touch_oxigraphs_store() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let offenders: Vec<String> = files
        .iter()
        .filter(|f| !matches!(module_of(f).as_str(), "store" | "sparql"))
        .filter(|f| {
            let code = code(f);
            code.contains(".oxigraph()") || code.contains("oxigraph::store::Store")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        offenders.is_empty(),
        "reach into Oxigraph's store: {offenders:?}"
    );
}

#[test]
fn the_library_names_no_command_line_flag() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut offenders = Vec::new();
    for file in files
        .iter()
        .filter(|f| !matches!(module_of(f).as_str(), "main" | "cli"))
    {
        for line in code(file).lines() {
            let in_string = line.split('"').skip(1).step_by(2);
            if in_string
                .into_iter()
                .any(|s| s.split_whitespace().any(is_flag))
            {
                offenders.push(format!("{}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "flags named in the library:\n{}",
        offenders.join("\n")
    );
}

/// `--store`, `--bind=…`: a long option as a user types it.
fn is_flag(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
    word.strip_prefix("--").is_some_and(|rest| {
        rest.len() > 1 && rest.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    })
}
