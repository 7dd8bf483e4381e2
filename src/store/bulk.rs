//! The embedded store's bulk writer: whole graphs new to the store sorted into files by
//! Oxigraph's bulk loader and handed to RocksDB at each commit, which ingests them in one atomic
//! step; and the sweep of bulk files a failed or killed load left in the store folder.

use super::{listing, Backend, Store};
use crate::error::{Error, Result};
use oxigraph::model::Quad;
use std::path::Path;

/// Quads a `BulkWriter` gathers before it commits them: about 150 MB of files on disk, and a
/// kill loses at most this much work (never part of a report).
const BULK_COMMIT_QUADS: usize = 250_000;

/// Quads handed to the bulk loader at once: it writes each hand-over as a set of sorted files
/// (one per index) on a thread of its own, so a hand-over per report would make thousands of
/// tiny files.
const BULK_BATCH_QUADS: usize = 250_000;

/// Writes whole graphs that are new to the store through Oxigraph's bulk loader, which sorts
/// quads into files and hands them to RocksDB instead of writing each through a transaction
/// (about twice as fast, and no write-ahead log). Graphs must not exist yet: the bulk loader
/// only adds. Everything added since the last commit becomes visible at once, at the next
/// commit (every `BULK_COMMIT_QUADS` quads and at `finish`); a writer dropped without `finish`
/// writes nothing of what it held since its last commit.
#[allow(missing_debug_implementations)] // Oxigraph's loader has no Debug
pub struct BulkWriter<'a> {
    store: &'a Store,
    loader: Option<oxigraph::store::BulkLoader<'a>>,
    /// Quads not yet handed to the loader.
    buffer: Vec<Quad>,
    /// Quads handed to the loader since its last commit.
    pending: usize,
    /// What the graphs written since the listing index was last brought up to date add to it
    /// (`super::listing`).
    delta: listing::Delta,
    /// Whether the listing index was whole when this writer first wrote: then adding `delta`
    /// makes it whole again; otherwise it is rebuilt.
    listing_was_complete: Option<bool>,
    /// Past this many counts, `delta` is written at the next intermediate commit.
    pub(super) delta_limit: usize,
}

impl<'a> BulkWriter<'a> {
    pub(super) fn new(store: &'a Store) -> BulkWriter<'a> {
        BulkWriter {
            store,
            loader: None,
            buffer: Vec::new(),
            pending: 0,
            delta: listing::Delta::default(),
            listing_was_complete: None,
            delta_limit: listing::DELTA_LIMIT,
        }
    }

    /// Adds the quads of whole graphs; they may be committed before this returns.
    pub fn add(&mut self, quads: Vec<Quad>) -> Result<()> {
        self.delta.count_quads(&quads, 1);
        self.buffer.extend(quads);
        if self.buffer.len() >= BULK_BATCH_QUADS {
            self.hand_over()?;
            if self.pending >= BULK_COMMIT_QUADS {
                self.commit_graphs()?;
            }
        }
        Ok(())
    }

    fn hand_over(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let batch = std::mem::take(&mut self.buffer);
        self.pending += batch.len();
        let Backend::Embedded(inner) = &self.store.backend else {
            return Err(Error::Usage(
                "the bulk loader writes into the embedded store only; a remote engine takes reports in batches of updates".into(),
            ));
        };
        if self.listing_was_complete.is_none() {
            // The graphs go in before they are counted: the index is not whole until they
            // are, and a kill in between must leave it marked so. An empty store's index is
            // whole too (there is nothing to list): its counts are all in this writer's.
            let complete = listing::is_complete(inner)?;
            if complete {
                listing::mark_incomplete(inner)?;
            }
            self.listing_was_complete = Some(complete || inner.is_empty()?);
        }
        let loader = self.loader.get_or_insert_with(|| {
            inner
                .bulk_loader()
                // Its unit is 1,000 quads per MB: each hand-over is split among its threads.
                .with_max_memory_size_in_megabytes(BULK_BATCH_QUADS / 1000)
        });
        loader.load_quads(batch)?;
        Ok(())
    }

    /// Commits what it holds now (before a transaction that must come after it), and brings
    /// the listing index up to date with it.
    pub fn commit(&mut self) -> Result<()> {
        self.commit_graphs()?;
        let (Some(was_complete), Backend::Embedded(inner)) =
            (self.listing_was_complete.take(), &self.store.backend)
        else {
            return Ok(());
        };
        let delta = std::mem::take(&mut self.delta);
        if was_complete {
            listing::apply_and_complete(inner, delta)
        } else {
            listing::rebuild(inner)
        }
    }

    /// Commits the graphs it holds, leaving their counts for `commit` (a bulk load's
    /// intermediate commits) unless there are more of them than `delta_limit`.
    pub(super) fn commit_graphs(&mut self) -> Result<()> {
        self.hand_over()?;
        if let Some(loader) = self.loader.take() {
            if let Err(e) = loader.commit() {
                // The loader is gone: sweep what its failure left.
                self.store.remove_orphan_bulk_files();
                return Err(e.into());
            }
        }
        self.pending = 0;
        // The counts are held until the final commit, within a bound: past it they go into
        // the index now (still without its marker), so memory stays bounded by a batch and
        // not by what a long load names. When the index is rebuilt at the end they are not
        // needed at all.
        if let Backend::Embedded(inner) = &self.store.backend {
            match self.listing_was_complete {
                Some(false) => self.delta = listing::Delta::default(),
                Some(true) if self.delta.size() > self.delta_limit => {
                    listing::apply(inner, std::mem::take(&mut self.delta))?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Commits what is left.
    pub fn finish(mut self) -> Result<()> {
        self.commit()
    }
}

impl Drop for BulkWriter<'_> {
    fn drop(&mut self) {
        // A loader dropped before its commit removes the files it finished but not one it was
        // writing when it failed (a full disk): sweep the folder once it is gone. Only this
        // process writes there, under the store's lock.
        if let Some(loader) = self.loader.take() {
            drop(loader);
            self.store.remove_orphan_bulk_files();
        }
    }
}

/// Removes the `bulk-*.sst` files Oxigraph's bulk loader writes into the store folder and
/// ingests at its commit; called only where no load is under way. Best effort: a file that
/// cannot be removed stays, and the next open tries again.
pub(super) fn remove_orphan_bulk_files(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
