//! Where the store is: a folder (`--store`) or a remote SPARQL engine (`--endpoint`), and the
//! credentials for the latter, read from the environment or a netrc file. Opening either is the
//! library's; this only turns the command line into one or the other.

use super::args::Cli;
use anyhow::Context;
use std::path::{Path, PathBuf};
use ties::sparql::Dataset;
use ties::store::remote::{Credentials, Endpoint};
use ties::store::Store;

/// What the command line adds to a store error: where the store is named.
pub const STORE_FLAG: &str = "the store is named with --store (or TIES_STORE)";
const ENDPOINT_FLAG: &str = "the engine is named with --endpoint (or TIES_ENDPOINT)";

/// The store a command works on.
pub enum Location {
    Folder(PathBuf),
    Remote(Endpoint),
}

impl Location {
    /// The folder of `--store`, or the engine of `--endpoint` with its credentials.
    pub fn of(cli: &Cli) -> anyhow::Result<Location> {
        let Some(url) = &cli.endpoint else {
            return Ok(Location::Folder(cli.store.clone()));
        };
        let mut endpoint = Endpoint::new(url).context("--endpoint")?;
        endpoint.update = cli.update_endpoint.clone();
        endpoint.graph_store = cli.graph_store.clone();
        endpoint.batch_bytes = cli.batch_kib.max(1) << 10;
        endpoint.credentials = credentials(endpoint.host())?;
        Ok(Location::Remote(endpoint))
    }

    /// The folder, when the store is one.
    pub fn folder(&self) -> Option<&Path> {
        match self {
            Location::Folder(path) => Some(path),
            Location::Remote(_) => None,
        }
    }

    /// The store opened for writing (created when a folder is missing).
    pub fn open(&self) -> anyhow::Result<Store> {
        match self {
            Location::Folder(path) => Store::open(path).context(STORE_FLAG),
            Location::Remote(endpoint) => Store::connect(endpoint.clone()).context(ENDPOINT_FLAG),
        }
    }

    /// The store opened for a command that writes only into an existing store.
    pub fn open_existing(&self) -> anyhow::Result<Dataset> {
        if let Location::Folder(path) = self {
            if !path.exists() {
                anyhow::bail!(no_store(path));
            }
        }
        Ok(Dataset::new(self.open()?))
    }

    /// Queries read the store; a missing folder is said so instead of created. Read-only: it
    /// may run while an ingest writes, and it starts none of RocksDB's background compaction.
    pub fn read(&self) -> anyhow::Result<Dataset> {
        match self {
            Location::Folder(path) if !path.exists() => anyhow::bail!(no_store(path)),
            Location::Folder(path) => Dataset::open_read_only(path).context(STORE_FLAG),
            Location::Remote(_) => Ok(Dataset::new(self.open()?)),
        }
    }
}

pub fn no_store(path: &Path) -> ties::Error {
    ties::Error::StoreOpen {
        path: path.to_path_buf(),
        reason: "no store there yet; run `ties ingest PATH` first, or name it with --store".into(),
        source: None,
    }
}

/// TIES_ENDPOINT_USER and TIES_ENDPOINT_PASSWORD, else the netrc file's entry for `host`.
fn credentials(host: &str) -> anyhow::Result<Option<Credentials>> {
    let (user, password) = (
        std::env::var("TIES_ENDPOINT_USER").ok(),
        std::env::var("TIES_ENDPOINT_PASSWORD").ok(),
    );
    match (user, password) {
        (Some(user), Some(password)) => return Ok(Some(Credentials { user, password })),
        (Some(_), None) | (None, Some(_)) => anyhow::bail!(
            "set both TIES_ENDPOINT_USER and TIES_ENDPOINT_PASSWORD, or neither (a netrc file is read then)"
        ),
        (None, None) => {}
    }
    let netrc = std::env::var_os("NETRC")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".netrc")));
    let Some(file) = netrc.filter(|f| f.is_file()) else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read the netrc file {}", file.display()))?;
    Ok(Credentials::from_netrc(&text, host))
}
