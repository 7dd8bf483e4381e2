#!/usr/bin/env bash
# Scale benchmark: generates N synthetic reports (examples/generate.rs), ingests them into a
# fresh store, then times every named query (narrowed to one entity with --bind, and up to
# BENCH_FULL_LIMIT reports also listing everything), two traces and a neighbourhood export to SVG.
# Writes the results as a Markdown table to OUT_DIR/bench-N.md and prints it.
#
#   scripts/bench_scale.sh [N] [OUT_DIR]     # N = 10000, OUT_DIR = bench-out/ (git-ignored)
#
# Every measured command runs under GNU time (/usr/bin/time -v) for its peak memory; wall times
# come from a small Python timer, which also takes the medians (5 runs for queries and traces,
# 3 for the export). A step whose runs pass BENCH_BUDGET_S seconds (default 300) stops repeating
# and says how many runs it made, so one slow query cannot hold the machine for an hour.
# The reports (OUT_DIR/reports-N, seed 42) are kept and reused; the store (OUT_DIR/store-N) is
# built afresh each time and kept for a look afterwards: about 0.16 GB of disk per 1,000 reports
# (16 GB for 100,000).
#
# BENCH_BIN=DIR times the ties binary in DIR (and its examples/generate, or the generator built
# here) instead of building: a build of an earlier commit, for before and after rows.
# The whole-archive people and organisations listings are timed at every N (issue 13 wants them
# fast on 100,000 reports), as is `ties candidates` (both kinds, the default --min-score).
#
# Needs what scripts/prereqs.sh installs, and python3; installs GNU time when it is missing.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
N=${1:-10000}
OUT=${2:-$REPO/bench-out}
SEED=42
QUERY_RUNS=5
TRACE_RUNS=5
EXPORT_RUNS=3
BUDGET_S=${BENCH_BUDGET_S:-300}
FULL_LIMIT=${BENCH_FULL_LIMIT:-20000}  # whole-archive listings only up to this many reports
BIN=${CARGO_TARGET_DIR:-$REPO/target}/release
GIVEN_BIN=${BENCH_BIN:-}

STEP="start"
ROWS=()   # the table's rows, in order

# Says which step failed whenever the script stops on an error (set -e included).
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "bench_scale.sh: failed during step: $STEP (exit code $rc)" >&2
  fi
}
trap on_exit EXIT

step() {  # NAME: what runs now, for the progress lines and the failure message
  STEP=$1
  echo "· $STEP" >&2
}

die() {
  echo "bench_scale.sh: $*" >&2
  exit 1
}

# The timer: runs a command RUNS times under /usr/bin/time -v and prints one line,
# "median_seconds median_peak_rss_MB runs_made". The first run's stdout goes to --stdout FILE
# (later runs' to /dev/null, so repeated output costs no disk); every run's stderr to --stderr
# FILE (the last run's remains). Exit codes other than --ok (default 0) stop it, with the
# command's stderr shown.
# shellcheck disable=SC2016
TIMER='
import argparse, statistics, subprocess, sys, tempfile, time
ap = argparse.ArgumentParser()
ap.add_argument("--runs", type=int, default=1)
ap.add_argument("--budget", type=float, default=float("inf"))
ap.add_argument("--stdout", default="/dev/null")
ap.add_argument("--stderr", default="/dev/null")
ap.add_argument("--ok", default="0")
ap.add_argument("cmd", nargs=argparse.REMAINDER)
a = ap.parse_args()
cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
ok = {int(c) for c in a.ok.split(",")}
walls, rss = [], []
spent = 0.0
for i in range(a.runs):
    with tempfile.NamedTemporaryFile("r") as t, \
         open(a.stdout if i == 0 else "/dev/null", "wb") as out, open(a.stderr, "wb") as err:
        start = time.perf_counter()
        code = subprocess.call(["/usr/bin/time", "-v", "-o", t.name] + cmd, stdout=out, stderr=err)
        wall = time.perf_counter() - start
        kb = [int(l.split(":")[1]) for l in t.read().splitlines() if "Maximum resident set size" in l]
    if code not in ok:
        sys.stderr.write(open(a.stderr, errors="replace").read()[-3000:])
        sys.stderr.write("command failed (exit code %d): %s\n" % (code, " ".join(cmd)))
        sys.exit(code or 1)
    walls.append(wall)
    rss.append(kb[0] * 1024 / 1e6 if kb else float("nan"))
    spent += wall
    if spent > a.budget:
        break
print("%.3f %.1f %d" % (statistics.median(walls), statistics.median(rss), len(walls)))
'

# measure RUNS [timer options] -- COMMAND...: sets MED_S, RSS_MB and RUNS_MADE.
measure() {
  local runs=$1 line
  shift
  # "|| return": callers may test measure in an if, where set -e does not stop the function.
  line=$(python3 -c "$TIMER" --runs "$runs" --budget "$BUDGET_S" "$@") || return
  read -r MED_S RSS_MB RUNS_MADE <<<"$line"
}

# "(3 of 5 runs)" when the budget cut a step short; nothing otherwise.
runs_note() {
  if [ "$RUNS_MADE" -lt "$1" ]; then echo " ($RUNS_MADE of $1 runs: over the ${BUDGET_S} s budget)"; fi
}

row() {  # STEP MEDIAN_S RSS_MB FIGURES
  ROWS+=("| $1 | $2 | $3 | $4 |")
  printf '%-34s %9s s %9s MB   %s\n' "$1" "$2" "$3" "$4" >&2
}

# Numbers with thousands separators, for the figures column.
num() { python3 -c 'import sys; print(f"{float(sys.argv[1]):,.{int(sys.argv[2])}f}")' "$1" "${2:-0}"; }

# GNU time reports peak memory; python3 runs the timer. Installed the way .ci/run installs things.
check_tools() {
  step "tools"
  command -v python3 >/dev/null 2>&1 || die "python3 is needed (the timer and the figures)"
  command -v cargo >/dev/null 2>&1 || die "cargo is missing: run scripts/prereqs.sh first"
  if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (peak memory of each step)" >&2
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
    fi
    [ -x /usr/bin/time ] || die "GNU time is missing and could not be installed: apt-get install time"
  fi
}

build() {
  step "build"
  if [ -n "$GIVEN_BIN" ]; then
    TIES="$GIVEN_BIN/ties"
    if [ -x "$GIVEN_BIN/examples/generate" ]; then BIN=$GIVEN_BIN; fi
  else
    (cd "$REPO" && cargo build --release --bin ties --example generate)
    TIES="$BIN/ties"
  fi
  if [ ! -x "$TIES" ] || [ ! -x "$BIN/examples/generate" ]; then die "the build left no $TIES or generator"; fi
}

# Generates the reports unless OUT/reports-N already holds N of them from the same seed (the
# generator's hidden .manifest.json says), since generating 100,000 takes minutes.
generate() {
  step "generate $N reports"
  REPORTS="$OUT/reports-$N"
  local manifest="$REPORTS/.manifest.json"
  if [ -f "$manifest" ] && python3 - "$manifest" "$N" "$SEED" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
sys.exit(0 if (m.get("count"), m.get("seed")) == (int(sys.argv[2]), int(sys.argv[3])) else 1)
PY
  then
    REPORT_BYTES=$(text_bytes "$REPORTS")
    row "generate" "–" "–" "$(num "$N") reports, $(num "$(mb "$REPORT_BYTES")" 1) MB of text (reused from an earlier run)"
    return
  fi
  rm -rf "$REPORTS"
  measure 1 --stderr "$OUT/generate.err" -- \
    "$BIN/examples/generate" --out "$REPORTS" --count "$N" --seed "$SEED"
  grep -q "^wrote $N files" "$OUT/generate.err" || die "the generator did not say it wrote $N files"
  REPORT_BYTES=$(text_bytes "$REPORTS")
  row "generate" "$MED_S" "$RSS_MB" "$(num "$N") reports, $(num "$(mb "$REPORT_BYTES")" 1) MB of text"
}

text_bytes() {  # DIR: bytes of the reports in DIR (hidden files, like the manifest, left out)
  find "$1" -type f ! -name '.*' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}
mb() { python3 -c 'import sys; print(int(sys.argv[1]) / 1e6)' "$1"; }

# Ingests into a fresh store: the first numbers anyone asks for (reports/s, MB/s, disk).
ingest() {
  step "ingest $N reports"
  STORE="$OUT/store-$N"
  rm -rf "$STORE"
  measure 1 --stderr "$OUT/ingest.err" -- "$TIES" --store "$STORE" ingest "$REPORTS"
  # "ingested R reports (S statements) in T s; the store holds H statements"
  local line reports statements disk
  line=$(grep '^ingested ' "$OUT/ingest.err") || die "ties ingest printed no summary: see $OUT/ingest.err"
  reports=$(sed -E 's/^ingested ([0-9]+) reports?.*/\1/' <<<"$line")
  statements=$(sed -E 's/.*the store holds ([0-9]+) statements.*/\1/' <<<"$line")
  [ "$reports" = "$N" ] || die "ingested $reports reports, expected $N: see $OUT/ingest.err"
  disk=$(du -sb "$STORE" | cut -f1)
  row "ingest" "$MED_S" "$RSS_MB" "$(python3 - "$N" "$REPORT_BYTES" "$statements" "$disk" "$MED_S" <<'PY'
import sys
n, text, st, disk, s = (float(x) for x in sys.argv[1:])
print(f"{n / s:,.0f} reports/s, {text / 1e6 / s:,.2f} MB/s of text, {st:,.0f} statements, "
      f"store {disk / 1e6:,.0f} MB on disk, {disk / (st / 1e6) / 1e6:,.1f} MB per million statements")
PY
)"
}

# The named queries, as the command line runs them, in TSV to /dev/null.
# Every named query twice: narrowed with --bind to one entity (the way a researcher asks about
# someone; 5 runs) and, up to FULL_LIMIT reports, listing the whole archive (1 run: on 100,000
# reports some full listings take minutes and return millions of rows).
queries() {
  local names name rows var value
  step "list the named queries"
  names=$("$TIES" --store "$STORE" query --list | awk '{ print $1 }')
  [ -n "$names" ] || die "ties query --list printed no names"
  for name in $names; do
    case $name in
      affiliations | participation | co-members) var=person value=$PERSON_NAME ;;
      quotes) var=speaker value=$PERSON_NAME ;;
      people) var=name value=$PERSON_NAME ;;
      organisations) var=name value=$ORG_NAME ;;
      events) var=name value=$EVENT_ONE ;;
      reports) var=report value=$REPORT ;;
      *) var="" ;;
    esac
    if [ -n "$var" ]; then
      step "query $name --bind $var"
      measure "$QUERY_RUNS" --stdout "$OUT/query.tsv" --stderr "$OUT/query.err" -- \
        "$TIES" --store "$STORE" query --format tsv "$name" --bind "$var=$value"
      rows=$(($(wc -l <"$OUT/query.tsv") - 1))  # less the header line
      row "query $name --bind $var" "$MED_S" "$RSS_MB" "$(num "$rows") rows for $value$(runs_note "$QUERY_RUNS")"
    fi
    # A generic event name ("meeting") is shared by thousands of reports, each its own event:
    # binding it lists them all, so it is timed apart from the one-event row above.
    if [ "$name" = events ]; then
      step "query events --bind name (a shared name)"
      measure "$QUERY_RUNS" --stdout "$OUT/query.tsv" --stderr "$OUT/query.err" -- \
        "$TIES" --store "$STORE" query --format tsv events --bind "name=$EVENT_NAME"
      rows=$(($(wc -l <"$OUT/query.tsv") - 1))
      row "query events --bind name, a name many reports share" "$MED_S" "$RSS_MB" "$(num "$rows") rows for $EVENT_NAME$(runs_note "$QUERY_RUNS")"
    fi
    if [ "$N" -le "$FULL_LIMIT" ] || [ "$name" = people ] || [ "$name" = organisations ]; then
      step "query $name"
      measure 1 --stdout "$OUT/query.tsv" --stderr "$OUT/query.err" -- \
        "$TIES" --store "$STORE" query --format tsv "$name"
      rows=$(($(wc -l <"$OUT/query.tsv") - 1))
      row "query $name (whole archive)" "$MED_S" "$RSS_MB" "$(num "$rows") rows"
      # The listings' rows are kept, to compare one build's answer with another's.
      case $name in people | organisations) cp "$OUT/query.tsv" "$OUT/listing-$name-$N.tsv" ;; esac
    fi
    rm -f "$OUT/query.tsv"
  done
}

# Likely duplicates over the whole archive, as a researcher asks for them first (one run).
candidates() {
  step "candidates"
  measure 1 --stdout "$OUT/candidates.tsv" --stderr "$OUT/candidates.err" -- \
    "$TIES" --store "$STORE" candidates --format csv
  local pairs
  pairs=$(($(wc -l <"$OUT/candidates.tsv") - 1))  # less the header line
  row "candidates (whole archive)" "$MED_S" "$RSS_MB" "$(num "$pairs") pairs scored 8 bits or more"
  rm -f "$OUT/candidates.tsv"
}

# What the narrowed queries ask about: the first person picked for tracing, the organisation
# they share, the first event and the first report in IRI order, and the first event (by name)
# that one report alone names: one event, as a researcher asks about one.
pick_bindings() {
  step "pick an event and a report"
  PERSON_NAME=$(name_of "$SAME_A")
  EVENT_NAME=$(sparql 'SELECT ?n WHERE { GRAPH ?g { ?e a schema:Event ; schema:name ?n } } LIMIT 1' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])')
  EVENT_ONE=$(sparql 'SELECT ?n WHERE { GRAPH ?g { ?e a schema:Event ; schema:name ?n } }
                      GROUP BY ?n HAVING (COUNT(DISTINCT ?g) = 1) ORDER BY ?n LIMIT 1' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["n"]["value"])')
  REPORT=$(sparql 'SELECT ?r WHERE { GRAPH ?r { ?r a ties:Report } } LIMIT 1' |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["r"]["value"])')
}

sparql() {  # QUERY: its JSON results
  "$TIES" --store "$STORE" query --format json "$1"
}

# Two pairs of people, chosen by IRI order so every run on the same reports picks the same:
# the first two members of the first organisation with two members or more, and the first of
# them with the first member of the last organisation who is not in the first one. One query
# reads every (organisation, person) pair and Python picks: the patterns sit inside GRAPH ?g
# (one report at a time) because over the union of graphs each person's type repeats once per
# report and the join takes minutes instead of a second.
pick_people() {
  step "pick people to trace"
  local picked
  picked=$(sparql 'SELECT DISTINCT ?o ?p WHERE {
      GRAPH ?g { ?p org:memberOf ?o ; a schema:Person } }' | python3 -c '
import json, sys
from collections import defaultdict
members = defaultdict(set)
for b in json.load(sys.stdin)["results"]["bindings"]:
    members[b["o"]["value"]].add(b["p"]["value"])
orgs = sorted(members)
first = next((o for o in orgs if len(members[o]) >= 2), None)
if first is None:
    sys.exit("no organisation with two members or more")
a, b = sorted(members[first])[:2]
other = next((p for o in reversed(orgs) for p in sorted(members[o]) if p not in members[first]), None)
if other is None:
    sys.exit("nobody outside the first organisation")
print(first, a, b, other)')
  read -r ORG SAME_A SAME_B OTHER <<<"$picked"
  [ -n "${OTHER:-}" ] || die "could not pick people to trace"
  ORG_NAME=$(name_of "$ORG")
}

name_of() {  # IRI: its name (the smallest, when it has several)
  sparql "SELECT (MIN(STR(?n)) AS ?name) WHERE { <$1> schema:name ?n }" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["results"]["bindings"][0]["name"]["value"])'
}

# trace LABEL IRI_A IRI_B [NOTE]: by name, as a user types it; by IRI if a name is ambiguous.
trace() {
  local label=$1 note=${4:-} a b ties paths how="by name"
  step "trace $label"
  a=$(name_of "$2")
  b=$(name_of "$3")
  # Exit code 1 with no error is "no path within the hop limit", a result, not a failure.
  if ! measure "$TRACE_RUNS" --ok 0,1 --stdout "$OUT/trace.txt" --stderr "$OUT/trace.err" -- \
      "$TIES" --store "$STORE" trace "$a" "$b" 2>/dev/null; then
    grep -q ambiguous "$OUT/trace.err" || die "ties trace \"$a\" \"$b\" failed: $(tail -3 "$OUT/trace.err")"
    how="by IRI (a name is ambiguous)"
    measure "$TRACE_RUNS" --ok 0,1 --stdout "$OUT/trace.txt" --stderr "$OUT/trace.err" -- \
      "$TIES" --store "$STORE" trace "$2" "$3"
  fi
  if grep -q '^error' "$OUT/trace.err"; then die "ties trace failed: $(tail -3 "$OUT/trace.err")"; fi
  ties=$(sed -nE 's/^path 1 \(([0-9]+) ties?\):.*/\1/p' "$OUT/trace.txt")
  paths=$(grep -c '^path ' "$OUT/trace.txt" || true)
  if [ -n "$ties" ]; then
    row "trace ($label)" "$MED_S" "$RSS_MB" "$a → $b$note $how: $paths shortest path(s) of $ties ties$(runs_note "$TRACE_RUNS")"
  else
    row "trace ($label)" "$MED_S" "$RSS_MB" "$a → $b$note $how: no path within 6 ties$(runs_note "$TRACE_RUNS")"
  fi
}

# The neighbourhood of the first traced person to SVG; capped at 1,000 nodes when ties can.
export_svg() {
  step "export svg"
  local focus cap=() summary size
  focus=$(name_of "$SAME_A")
  if "$TIES" export --help | grep -q -- '--max-nodes'; then cap=(--max-nodes 1000); fi
  measure "$EXPORT_RUNS" --stderr "$OUT/export.err" -- \
    "$TIES" --store "$STORE" export --focus "$focus" --depth 2 --format svg ${cap[@]+"${cap[@]}"} -o "$OUT/export-$N.svg"
  # "N nodes, E edges; drawn by ..." on stderr
  summary=$(grep -E '^[0-9]+ nodes, [0-9]+ edges' "$OUT/export.err" | tail -1)
  [ -n "$summary" ] || summary="$(grep -c '<g class="node"' "$OUT/export-$N.svg" || true) nodes"
  size=$(stat -c %s "$OUT/export-$N.svg")
  row "export svg (depth 2)" "$MED_S" "$RSS_MB" \
    "around $focus: $summary; $(num "$((size / 1000))") kB of SVG${cap[*]:+; ${cap[*]}}$(runs_note "$EXPORT_RUNS")"
}

# The table, with what the numbers depend on: the commit, the cores and the memory.
report() {
  step "write the report"
  local md="$OUT/bench-$N.md" commit mem dirty=""
  commit=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "no git")
  if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ]; then dirty=" (uncommitted changes)"; fi
  mem=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 * 1024 / 1e9 }' /proc/meminfo)
  {
    echo "# ties at $(num "$N") reports"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit$dirty, $(nproc) cores, $mem memory." \
      "Medians of $QUERY_RUNS runs (queries, traces) and $EXPORT_RUNS (export); MB = 10^6 bytes."
    echo
    echo "| step | median s | peak RSS MB | figures |"
    echo "|---|---:|---:|---|"
    printf '%s\n' "${ROWS[@]}"
  } >"$md"
  echo
  cat "$md"
  echo
  echo "written to $md"
}

main() {
  [[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number of reports, not '$N'"
  mkdir -p "$OUT"
  OUT=$(cd "$OUT" && pwd)
  check_tools
  build
  generate
  ingest
  pick_people
  pick_bindings
  queries
  candidates
  trace "same organisation" "$SAME_A" "$SAME_B" " (both in $ORG_NAME)"
  trace "different organisations" "$SAME_A" "$OTHER"
  export_svg
  report
}

main
