//! The library's error type: one enum, each variant saying what went wrong and what to do next.
//!
//! The command line maps these to exit codes (`Error::is_usage` → 2, everything else → 1); the
//! library itself never prints and never exits.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A report file that cannot be read or understood; the other files of a run still go in.
    #[error("{}: {reason}", path.display())]
    Input { path: PathBuf, reason: String },

    /// A path given on the command line that does not exist or holds no report.
    #[error("{}: {reason}", path.display())]
    Path { path: PathBuf, reason: String },

    /// SPARQL that does not parse; the message carries the parser's position.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),

    /// A query or update that parsed but failed while running.
    #[error("SPARQL evaluation failed: {0}")]
    Evaluation(String),

    /// A request that makes no sense as given (unknown report, unknown query name, bad format).
    #[error("{0}")]
    Usage(String),

    /// A client asked for a result format this kind of query cannot give.
    #[error("{0}")]
    NotAcceptable(String),

    /// The store could not be opened (wrong path, locked by another process, not a store).
    #[error("cannot open the store at {}: {reason}", path.display())]
    StoreOpen { path: PathBuf, reason: String },

    /// The store failed while reading or writing.
    #[error("store error: {0}")]
    Storage(#[from] oxigraph::store::StorageError),

    /// A lexicon under ontology/lexicons could not be read.
    #[error("lexicon {name}: {reason}")]
    Lexicon { name: String, reason: String },

    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
}

impl Error {
    /// True when the caller asked for something malformed (exit code 2 at the command line).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Syntax(_) | Error::Usage(_) | Error::Path { .. }
        )
    }

    pub(crate) fn input(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            reason: reason.into(),
        }
    }
}
