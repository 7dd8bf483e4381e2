#!/usr/bin/env python3
"""Ingest and query times of the embedded store beside a remote SPARQL engine (issue 14).

    scripts/bench_remote.py --reports DIR --endpoint URL [--out FILE] [--runs 5]

DIR holds generated reports (cargo run --release --example generate -- --out DIR --count N).
The engine should be a throwaway one (scripts: ../shared/checks/virtuoso.sh start): its ties
graphs are dropped first. Steps, each under GNU time for its peak memory:

- ingest DIR into a fresh embedded store, and into the engine (`--endpoint`);
- `ties extract DIR --format nquads` (the bulk-loader route), its time and output size;
- each named query narrowed with --bind to a value taken from the archive, median of RUNS
  runs on each side.

Writes a Markdown table to --out (default: stdout). Needs the release binary built and GNU time.
"""

import argparse
import csv
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BIN = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "ties")

# Each named query, the variable it binds and the query that finds a value for it.
BOUND = [
    ("affiliations", "person", "SELECT ?v WHERE { ?m org:member ?p . ?p schema:name ?v } LIMIT 1"),
    ("claims", "name", "SELECT ?v WHERE { ?m org:member ?p . ?p schema:name ?v } LIMIT 1"),
    ("co-members", "person", "SELECT ?v WHERE { ?p org:memberOf ?o ; schema:name ?v } LIMIT 1"),
    ("events", "name", "SELECT ?v WHERE { ?e a schema:Event ; schema:name ?v } LIMIT 1"),
    ("organisations", "name", "SELECT ?v WHERE { ?o a schema:Organization ; schema:name ?v } LIMIT 1"),
    ("participation", "person", "SELECT ?v WHERE { ?c ties:participant ?p . ?p schema:name ?v } LIMIT 1"),
    ("people", "name", "SELECT ?v WHERE { ?p a schema:Person ; schema:name ?v } LIMIT 1"),
    ("quotes", "speaker", "SELECT ?v WHERE { ?q schema:creator ?p . ?p schema:name ?v } LIMIT 1"),
    ("reports", "report", "SELECT ?v WHERE { GRAPH ?v { ?v a ties:Report } } LIMIT 1"),
]


def timed(cmd, env=None):
    """Runs cmd under GNU time: (seconds, peak MB, stdout, stderr)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        start = time.monotonic()
        p = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd,
                           capture_output=True, env=env)
        seconds = time.monotonic() - start
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", t.read())
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{p.stderr.decode(errors='replace')}")
    return seconds, int(rss.group(1)) / 1024 if rss else 0.0, p.stdout, p.stderr


def ties(at, *args):
    return [BIN] + at + list(args)


def clear(endpoint):
    listed = subprocess.run(
        [BIN, "--endpoint", endpoint, "query", "--format", "tsv",
         'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "urn:ties:")) }'],
        capture_output=True, text=True, check=True).stdout.splitlines()[1:]
    for i in range(0, len(listed), 500):
        drops = " ;\n".join(f"DROP SILENT GRAPH {g}" for g in listed[i:i + 500])
        subprocess.run([BIN, "--endpoint", endpoint, "update", drops], check=True,
                       capture_output=True)


def value_for(at, text):
    out = subprocess.run(ties(at, "query", "--format", "csv", text),
                         capture_output=True, text=True, check=True).stdout
    rows = list(csv.reader(io.StringIO(out)))
    return rows[1][0] if len(rows) > 1 else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", required=True)
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--out")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--graph-store", help="the engine's Graph Store URL: reports are PUT there")
    ap.add_argument("--engine-pid", type=int, help="the engine's process, for its peak memory")
    a = ap.parse_args()
    n = len([f for f in os.listdir(a.reports) if not f.startswith(".")])
    size = sum(os.path.getsize(os.path.join(a.reports, f)) for f in os.listdir(a.reports))
    work = tempfile.mkdtemp(prefix="bench-remote-")
    store = os.path.join(work, "store")
    embedded, remote = ["--store", store], ["--endpoint", a.endpoint]
    if a.graph_store:
        remote += ["--graph-store", a.graph_store]
    lines = [f"# Embedded store and remote engine, {n} generated reports ({size / 1e6:.1f} MB)", "",
             f"Engine: {a.endpoint}; reports written by "
             f"{'Graph Store PUT' if a.graph_store else 'SPARQL Update'}. "
             f"Medians of {a.runs} runs for queries.", "",
             "| step | embedded s | embedded peak MB | remote s | remote peak MB (ties) |",
             "|---|---|---|---|---|"]
    clear(a.endpoint)
    e = timed(ties(embedded, "ingest", "--quiet", a.reports))
    r = timed(ties(remote, "ingest", "--quiet", a.reports))
    lines.append(f"| ingest {n} reports | {e[0]:.1f} ({n / e[0]:.0f} reports/s) | {e[1]:.0f} | "
                 f"{r[0]:.1f} ({n / r[0]:.0f} reports/s) | {r[1]:.0f} |")
    if a.engine_pid:
        with open(f"/proc/{a.engine_pid}/status") as f:
            hwm = re.search(r"VmHWM:\s+(\d+)", f.read())
        lines.append(f"| the engine's own peak memory after ingest (VmHWM) | | | | {int(hwm.group(1)) / 1024:.0f} |")
    e = timed(ties(embedded, "ingest", "--quiet", a.reports))
    r = timed(ties(remote, "ingest", "--quiet", a.reports))
    lines.append(f"| ingest again, all unchanged | {e[0]:.1f} | {e[1]:.0f} | {r[0]:.1f} | {r[1]:.0f} |")
    nq = os.path.join(work, "all.nq")
    with open(nq, "wb") as f:
        x = timed([BIN, "extract", a.reports, "--format", "nquads"])
        f.write(x[2])
    lines.append(f"| extract --format nquads ({os.path.getsize(nq) / 1e6:.0f} MB) | {x[0]:.1f} | {x[1]:.0f} | | |")
    for name, var, finder in BOUND:
        value = value_for(embedded, finder)
        if value is None:
            lines.append(f"| query {name} | no value to bind | | | |")
            continue
        if name == "reports":
            value = f"<{value}>"
        times = {}
        for side, at in (("e", embedded), ("r", remote)):
            runs = [timed(ties(at, "query", name, "--bind", f"{var}={value}", "--format", "csv"))
                    for _ in range(a.runs)]
            times[side] = (statistics.median(t[0] for t in runs), max(t[1] for t in runs),
                           len(runs[0][2].decode().splitlines()) - 1)
        lines.append(f"| query {name} --bind {var}=… ({times['e'][2]} rows; {times['r'][2]} remote) | "
                     f"{times['e'][0]:.3f} | {times['e'][1]:.0f} | {times['r'][0]:.3f} | {times['r'][1]:.0f} |")
        print(lines[-1], file=sys.stderr)
    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    print(text)
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
