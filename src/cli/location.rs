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

/// The store a command works on, and whether it is read raw (`--raw`).
pub struct Location {
    place: Place,
    raw: bool,
}

enum Place {
    Folder(PathBuf),
    Remote(Endpoint),
}

impl Location {
    /// The folder of `--store`, or the engine of `--endpoint` with its credentials.
    pub fn of(cli: &Cli) -> anyhow::Result<Location> {
        Ok(Location {
            place: Place::of(cli)?,
            raw: cli.raw,
        })
    }

    /// The folder, when the store is one.
    pub fn folder(&self) -> Option<&Path> {
        match &self.place {
            Place::Folder(path) => Some(path),
            Place::Remote(_) => None,
        }
    }

    /// The store opened for writing (created when a folder is missing).
    pub fn open(&self) -> anyhow::Result<Store> {
        self.writes()?;
        match &self.place {
            Place::Folder(path) => Store::open(path).context(STORE_FLAG),
            Place::Remote(endpoint) => Store::connect(endpoint.clone()).context(ENDPOINT_FLAG),
        }
    }

    /// The engine, when the store is a remote one.
    pub fn endpoint(&self) -> Option<&Endpoint> {
        match &self.place {
            Place::Remote(endpoint) => Some(endpoint),
            Place::Folder(_) => None,
        }
    }

    /// `--raw` reads a copy: a command that writes, or serves the store, says so.
    pub fn writes(&self) -> anyhow::Result<()> {
        if self.raw {
            anyhow::bail!(
                "--raw: this command works on the store itself, and --raw reads a copy of it as the extractor wrote it; leave --raw out"
            );
        }
        Ok(())
    }

    /// The store opened for a command that writes only into an existing store.
    pub fn open_existing(&self) -> anyhow::Result<Dataset> {
        if let Place::Folder(path) = &self.place {
            if !path.exists() {
                anyhow::bail!(no_store(path));
            }
        }
        Ok(Dataset::new(self.open()?))
    }

    /// Queries read the store; a missing folder is said so instead of created. Read-only: it
    /// may run while an ingest writes, and it starts none of RocksDB's background compaction.
    /// With `--raw`, a copy in memory as the extractor wrote it.
    pub fn read(&self) -> anyhow::Result<Dataset> {
        let dataset = match &self.place {
            Place::Folder(path) if !path.exists() => anyhow::bail!(no_store(path)),
            Place::Folder(path) => Dataset::open_read_only(path).context(STORE_FLAG)?,
            Place::Remote(endpoint) => {
                Dataset::new(Store::connect(endpoint.clone()).context(ENDPOINT_FLAG)?)
            }
        };
        if self.raw {
            return ties::curation::raw_view(&dataset).context("--raw");
        }
        Ok(dataset)
    }
}

impl Place {
    fn of(cli: &Cli) -> anyhow::Result<Place> {
        let Some(url) = &cli.endpoint else {
            return Ok(Place::Folder(cli.store.clone()));
        };
        let mut endpoint = Endpoint::new(url).context("--endpoint")?;
        endpoint.update = cli.update_endpoint.clone();
        endpoint.graph_store = cli.graph_store.clone();
        endpoint.batch_bytes = cli.batch_kib.max(1) << 10;
        endpoint.credentials = credentials(endpoint.host())?;
        Ok(Place::Remote(endpoint))
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
