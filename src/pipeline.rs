//! What every report goes through before the store: find the files a user named (folders
//! walked recursively), read each into a `Document` (`read`) and extract it (`extract`).
//!
//! `ingest` runs this and then rdf → store; `ties extract` runs it alone. This module knows no
//! RDF and no store, and never prints.

use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::model::{Document, Extraction, Format};
use crate::read;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions of the RDF files ties loads as they are (the store parses them by the same
/// names).
pub const RDF_EXTENSIONS: &[&str] = &[
    "ttl", "nt", "nq", "trig", "n3", "rdf", "xml", "jsonld", "json",
];

/// One file to ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A report to read and extract (.txt, .md, .html).
    Report(PathBuf, Format),
    /// An RDF file loaded as it is.
    Rdf(PathBuf),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::Report(p, _) | Input::Rdf(p) => p,
        }
    }
}

/// The files named by `paths`: files as given, folders walked recursively (hidden entries,
/// files of other kinds, and anything but regular files skipped: FIFOs, devices, sockets, and
/// symlinks to them; a folder reached twice, as through a symlink loop, is walked once). Paths
/// that do not exist, that are not regular files or folders, and files given by name whose kind
/// ties does not read, come back as errors.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path);
        if let Some(meta) = meta.as_ref().ok().filter(|m| m.is_dir()) {
            let before = inputs.len();
            let mut seen = HashSet::from([dir_key(path, meta)]);
            walk(path, &mut inputs, &mut errors, &mut seen);
            if inputs.len() == before {
                errors.push(Error::Path {
                    path: path.clone(),
                    reason: "no .txt, .md, .html or RDF files in this folder".into(),
                });
            }
        } else if meta.as_ref().is_ok_and(|m| m.is_file()) {
            match classify(path) {
                Some(input) => inputs.push(input),
                None => errors.push(Error::input(
                    path,
                    "not a kind of file ties reads: give .txt, .md, .html, or RDF (.ttl .nt .nq .trig .rdf .jsonld)",
                )),
            }
        } else if meta.is_ok() {
            errors.push(Error::Path {
                path: path.clone(),
                reason: "not a regular file nor a folder (a FIFO, a device or a socket, or a symlink to one): ties reads files and folders".into(),
            });
        } else {
            errors.push(Error::Path {
                path: path.clone(),
                reason: "no such file or folder".into(),
            });
        }
    }
    (inputs, errors)
}

/// What tells a folder apart from every other, however it is reached: its device and inode.
#[cfg(unix)]
type DirKey = (u64, u64);
#[cfg(not(unix))]
type DirKey = PathBuf;

#[cfg(unix)]
fn dir_key(_path: &Path, meta: &std::fs::Metadata) -> DirKey {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn dir_key(path: &Path, _meta: &std::fs::Metadata) -> DirKey {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

fn classify(path: &Path) -> Option<Input> {
    let canonical = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    if let Some(format) = Format::of_path(path) {
        return Some(Input::Report(canonical, format));
    }
    is_rdf(path).then_some(Input::Rdf(canonical))
}

/// A `.json` file found in a folder is most likely not JSON-LD (a manifest, annotations): a
/// folder walk takes `.jsonld` only; a `.json` file named on the command line is still read.
fn plain_json(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<Error>, seen: &mut HashSet<DirKey>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(Error::read(dir, e));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // What the entry is, symlinks followed.
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                // A dangling symlink with a report's name is worth saying; others are not.
                if classify(&path).is_some() {
                    errors.push(Error::read(&path, e));
                }
                continue;
            }
        };
        if meta.is_dir() {
            // A folder already walked (a symlink loop, or two links to one folder) is not again.
            if seen.insert(dir_key(&path, &meta)) {
                walk(&path, inputs, errors, seen);
            }
        } else if !meta.is_file() {
            // A FIFO, a device or a socket: reading it could block or never end.
            continue;
        } else if let Some(input) = classify(&path).filter(|_| !plain_json(&path)) {
            inputs.push(input);
        }
    }
}

/// An RDF file, by its extension.
pub fn is_rdf(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| RDF_EXTENSIONS.iter().any(|r| r.eq_ignore_ascii_case(e)))
}

/// A report read and extracted.
#[derive(Debug, Clone)]
pub struct Analysed {
    pub document: Document,
    pub extraction: Extraction,
}

impl Analysed {
    /// The reader's warnings about the report, each prefixed with its path, as `ingest` and
    /// `extract --format nquads` report them.
    pub fn warnings_at(&self, path: &Path) -> Vec<String> {
        self.document
            .warnings
            .iter()
            .map(|w| format!("{}: {w}", path.display()))
            .collect()
    }
}

/// Reads a report's bytes into a document and extracts it: the one pipeline of `ingest` and
/// `ties extract`.
pub fn analyse(
    path: &Path,
    bytes: &[u8],
    format: Format,
    extractor: &Extractor,
) -> Result<Analysed> {
    let document = read::document_from_bytes(bytes, format, Some(path.to_path_buf()))?;
    let extraction = extractor.extract(&document);
    Ok(Analysed {
        document,
        extraction,
    })
}

/// Reads the bytes of a file, naming it in the error.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::read(path, e))
}

/// `analyse` of a file named by the user: its format from its extension.
pub fn analyse_file(path: &Path, extractor: &Extractor) -> Result<Analysed> {
    let format = Format::of_path(path).ok_or_else(|| Error::Path {
        path: path.to_path_buf(),
        reason: "ties extracts .txt, .md and .html reports".into(),
    })?;
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    analyse(&path, &read_bytes(&path)?, format, extractor)
}
