//! The library's error type: one enum, each variant saying what went wrong and what to do next,
//! keeping the error that caused it as its `source()`.
//!
//! The command line maps these to exit codes (`Error::is_usage` → 2, everything else → 1) and
//! prints the whole chain of causes; the library itself never prints, never exits, and names no
//! command-line flag in its messages (the command line adds that context).

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Any error from a library ties calls, kept whole as a cause.
pub type Cause = Box<dyn std::error::Error + Send + Sync + 'static>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A report file that cannot be understood; the other files of a run still go in.
    #[error("{}: {reason}", path.display())]
    Input { path: PathBuf, reason: String },

    /// A file or folder that cannot be read at all.
    #[error("{}: cannot read it", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A path given by the user that does not exist or holds no report.
    #[error("{}: {reason}", path.display())]
    Path { path: PathBuf, reason: String },

    /// SPARQL that does not parse; the cause carries the parser's position.
    #[error("SPARQL syntax error")]
    Syntax(#[source] Cause),

    /// A query or update that parsed but failed while running.
    #[error("SPARQL evaluation failed")]
    Evaluation(#[source] Cause),

    /// A request that makes no sense as given (unknown report, unknown query name, bad format).
    #[error("{0}")]
    Usage(String),

    /// A name the researcher typed names several entities: each candidate on a line of its own,
    /// to be named by its IRI instead.
    #[error("{name:?} names {} entities; name the one you mean by its IRI:\n{}", candidates.len(), candidates.join("\n"))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },

    /// Something ties never does on a query's behalf (fetching a URL for LOAD, asking another
    /// endpoint for SERVICE): the message says what was refused and what to do instead.
    #[error("{0}")]
    Refused(String),

    /// A query or update stopped at its time limit (its cancellation token was cancelled).
    #[error("stopped at the time limit: the SPARQL query or update ran too long (an update stopped before it finished writes nothing); narrow it, or give it more time")]
    TimeLimit,

    /// An answer over the size limit set on it (a server's limit on rows, triples or bytes):
    /// the answer was stopped there and nothing of it should be used.
    #[error("the answer holds more than {0}, the limit set on answers: narrow the query (LIMIT and OFFSET page through a long answer), or raise the limit")]
    TooLarge(Size),

    /// A client asked for a result format this kind of query cannot give.
    #[error("{0}")]
    NotAcceptable(String),

    /// The store could not be opened (wrong path, locked by another process, not a store).
    #[error("cannot open the store at {}: {reason}", path.display())]
    StoreOpen {
        path: PathBuf,
        reason: String,
        #[source]
        source: Option<Cause>,
    },

    /// The store failed while reading or writing.
    #[cfg(feature = "store")]
    #[error("the store failed")]
    Storage(#[from] oxigraph::store::StorageError),

    /// A remote SPARQL engine that did not answer, refused a request or answered something
    /// that does not parse; the reason says which and what to do.
    #[error("the SPARQL engine at {url}: {reason}")]
    Remote {
        url: String,
        reason: String,
        #[source]
        source: Option<Cause>,
    },

    /// A report read and extracted whose write a remote engine refused, after retries; the
    /// other reports went in.
    #[error("{}: not written to the store (the other reports were); ingest it again to retry", path.display())]
    NotWritten {
        path: PathBuf,
        #[source]
        source: Box<Error>,
    },

    /// A lexicon under ontology/lexicons could not be read.
    #[error("lexicon {name}: {reason}")]
    Lexicon { name: String, reason: String },

    #[error("I/O error")]
    Io(#[from] std::io::Error),
}

/// A limit an answer went over (`Error::TooLarge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Rows of a SELECT answer.
    Rows(usize),
    /// Triples of a CONSTRUCT or DESCRIBE answer, or of a graph.
    Triples(usize),
    /// Bytes of the answer as written.
    Bytes(usize),
}

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const MIB: usize = 1 << 20;
        match *self {
            Size::Rows(n) => write!(f, "{n} rows"),
            Size::Triples(n) => write!(f, "{n} triples"),
            Size::Bytes(n) if n >= MIB && n % MIB == 0 => write!(f, "{} MiB", n / MIB),
            Size::Bytes(n) if n >= 1024 && n % 1024 == 0 => write!(f, "{} KiB", n / 1024),
            Size::Bytes(n) => write!(f, "{n} bytes"),
        }
    }
}

impl Error {
    /// True when the caller asked for something malformed (exit code 2 at the command line).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::Syntax(_)
                | Error::Usage(_)
                | Error::Ambiguous { .. }
                | Error::Refused(_)
                | Error::Path { .. }
        )
    }

    /// The message and every cause below it, joined by ": " (for a reader who sees no chain,
    /// such as an HTTP client).
    pub fn full_text(&self) -> String {
        let mut text = self.to_string();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            text.push_str(": ");
            text.push_str(&c.to_string());
            cause = c.source();
        }
        text
    }

    pub(crate) fn input(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        Error::Input {
            path: path.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn read(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Read {
            path: path.into(),
            source,
        }
    }

    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(crate) fn syntax(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        Error::Syntax(Box::new(e))
    }

    #[cfg_attr(not(feature = "store"), allow(dead_code))]
    pub(crate) fn evaluation(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        // ties is built without Oxigraph's HTTP client: LOAD and SERVICE reach no network.
        // Say so in ties' words rather than the Cargo feature Oxigraph names.
        let text = e.to_string();
        if text.contains("HTTP client is not available") {
            return Error::Refused(
                "LOAD is refused: ties fetches no URL from SPARQL; download the file and ingest it instead".into(),
            );
        }
        if text.starts_with("The service ") && text.ends_with(" is not supported") {
            return Error::Refused(format!(
                "SERVICE is refused: ties queries no other endpoint ({}); query that endpoint yourself",
                text.trim_start_matches("The service ")
                    .trim_end_matches(" is not supported")
            ));
        }
        if text.contains("has been cancelled") {
            return Error::TimeLimit;
        }
        Error::Evaluation(Box::new(e))
    }
}
