# The two commands of the README. Both install what a fresh machine lacks, then build once
# (release profile only: RocksDB is compiled once and shared by the build and the tests).

STORE ?= ties-store

.PHONY: demo test build

build:
	./scripts/prereqs.sh
	cargo build --release

# Reads the sample reports into the embedded store and shows what ties found.
demo: build
	./target/release/ties --store $(STORE) ingest data/reports
	./target/release/ties --store $(STORE) stats
	./target/release/ties --store $(STORE) query affiliations

# All tests: unit tests beside the code, command-line tests in tests/.
test:
	./scripts/prereqs.sh
	cargo test --release
