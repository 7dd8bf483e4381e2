#!/usr/bin/env python3
"""Precision of each extraction rule on a folder of reports with gold beside them (the checking
half of the real corpus, by default the even-numbered reports of the --real folders).

Each report is ingested into a fresh store; every affiliation, participation and quotation claim
is read back with its `ties:rule`, and counted right when some gold item of its kind matches it
the way ../shared/eval/score.py matches them (same normalisation, same event and role tests).
Titles held with no organisation are left out (the scorer counts only their recall), and so are
an organisation's own ties (the scorer neither rewards nor penalises them).

Usage:
  scripts/rule_precision.py --ties target/release/ties --real /tmp/real --real /tmp/real-new \
      [--half checking|fitting|all] [--score ../shared/eval/score.py]
"""
import argparse, collections, importlib.util, os, re, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gold_names import names_of, event_names_of  # noqa: E402

Q_CLAIMS = """PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX ties: <urn:ties:vocab#>
SELECT ?kind ?rule ?p ?o ?role ?text WHERE {
  { ?c a org:Membership ; org:member ?p ; org:organization ?o ; ties:rule ?rule .
    OPTIONAL { ?c org:role/rdfs:label ?role } BIND("affiliation" AS ?kind) }
  UNION
  { ?c a ties:Participation ; ties:participant ?p ; ties:event ?o ; ties:participationRole ?role ;
       ties:rule ?rule . BIND("participation" AS ?kind) }
  UNION
  { ?c a schema:Quotation ; schema:creator ?p ; schema:text ?text ; ties:rule ?rule .
    BIND("quote" AS ?kind) }
  # Only ties of people, as the scorer counts them: an organisation's are neither right nor wrong.
  ?p a schema:Person .
}"""


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reports(real_dirs, half):
    for d in real_dirs:
        for f in sorted(os.listdir(d)):
            m = re.fullmatch(r"(\d+)\.txt", f)
            if not m or not os.path.exists(os.path.join(d, f"{m.group(1)}.gold.json")):
                continue
            odd = int(m.group(1)) % 2 == 1
            if half == "all" or (half == "fitting") == odd:
                yield os.path.join(d, f)


def judge(sc, ties, path, counts):
    import json
    gold = json.load(open(path[:-4] + ".gold.json", encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "store")
        sc.run([ties, "--store", store, "ingest", path])
        names = {}
        for r in sc.query(ties, store, sc.Q_ENTITIES):
            names.setdefault(r["e"], set()).add(sc.norm(r["name"]))
        claims = sc.query(ties, store, Q_CLAIMS)
    expand = names_of(gold, sc.norm)
    event_names = event_names_of(gold, sc.norm)
    for c in claims:
        p, kind = names.get(c["p"], set()), c["kind"]
        if kind == "affiliation":
            o = names.get(c["o"], set())
            ok = any(p & expand(a["person"]) and o & expand(a["organisation"])
                     for a in gold.get("affiliations", []) if a.get("organisation"))
        elif kind == "participation":
            events = names.get(c["o"], set())
            ok = False
            for g in gold.get("participation", []):
                gev = event_names(g["event"])
                if p & expand(g["person"]) and g["role"] == c.get("role") and \
                        any(sc.fuzzy_event(a, b) for a in events for b in gev):
                    ok = True
        else:
            text = sc.norm(c.get("text", ""))
            ok = any(p & expand(q["person"]) and sc.norm(q["text_start"]) in text
                     for q in gold.get("quotes", []))
        counts[(kind, c["rule"])][0] += 1
        counts[(kind, c["rule"])][1] += int(ok)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ties", default=os.path.join(here, "..", "target", "release", "ties"))
    ap.add_argument("--real", action="append", default=[])
    ap.add_argument("--half", choices=["checking", "fitting", "all"], default="checking")
    ap.add_argument("--score", default=os.path.join(here, "..", "..", "shared", "eval", "score.py"))
    a = ap.parse_args()
    sc = load_score(a.score)
    counts = collections.defaultdict(lambda: [0, 0])
    n = 0
    for path in reports(a.real, a.half):
        judge(sc, a.ties, path, counts)
        n += 1
    print(f"{n} reports ({a.half} half)\n")
    print(f"{'claim':14s} {'rule':40s} {'claims':>7s} {'right':>6s} {'precision':>9s}")
    for (kind, rule), (total, right) in sorted(counts.items(), key=lambda x: (x[0][0], -x[1][0])):
        print(f"{kind:14s} {rule:40s} {total:7d} {right:6d} {right / total:9.2f}")


if __name__ == "__main__":
    sys.exit(main())
