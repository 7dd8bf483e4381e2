#!/usr/bin/env python3
"""Trains the learned models of the extractor from gold annotations: the affiliation pair model
(src/extract/pairs.rs, `--task pairs`) and the presence model of "spoke there"
(src/extract/presence.rs, `--task people`).

Reads every report `NN.txt` with its `NN.gold.json` in the folders given (the fitting half of
the real corpus, never the checking half), asks the `pair_features` example for every
person-organisation pair (or every person) ties reads in them, labels each from the gold
affiliations (or participation) with the scorer's name matching, and fits an L2-regularised
logistic regression by gradient descent.
The threshold is the one at which the model alone reads the folders best (F1 over every pair,
from out-of-fold probabilities, five folds by report). It is not chosen by what the model adds
to the rules on these folders: the rules were written from them, so they leave the model
almost nothing there, unlike on text nobody here has read. Writes the weights as
`name<TAB>weight` lines: pure Python, no dependencies, deterministic.

    cargo build --release --example pair_features
    python3 scripts/train_pair_model.py --out ontology/models/affiliation_pairs.tsv /tmp/fit
    python3 scripts/train_pair_model.py --task people --out ontology/models/participation_ /tmp/fit

Texts of third-party reports never enter the project; only feature names (word classes and
closed-class words) and their weights do.
"""
import argparse, json, math, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
try:
    from score import norm, fuzzy_event
except ImportError:  # the scorer's normalisation, if the eval folder is elsewhere
    import re, unicodedata

    def norm(s):
        s = unicodedata.normalize("NFKD", s or "")
        s = "".join(c for c in s if not unicodedata.combining(c))
        s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
        s = re.sub(r"'s\b", "", s)
        s = re.sub(r"[^a-z0-9]+", " ", s).strip()
        return re.sub(r"^the ", "", s)

    def fuzzy_event(a, b):
        return a == b


def expander(gold):
    """A function from a name to every name gold gives its entity (the scorer's matching)."""
    groups = [g for k in ("people", "organisations", "places", "events") for g in gold.get(k, [])]

    def expand(name):
        n = norm(name)
        for g in groups:
            names = {norm(g["name"])} | {norm(a) for a in g.get("aliases", [])}
            if n in names:
                return names
        return {n}

    return expand


def gold_pairs(gold):
    """The gold affiliations as (person names, organisation names) sets."""
    expand = expander(gold)
    return [(expand(a["person"]), expand(a["organisation"]))
            for a in gold.get("affiliations", []) if a.get("organisation")]


def dumps(folders, example, kind):
    """Every report of the folders with its gold and what `example` prints of `kind` ("pair"
    or "person") for it: (path, gold, candidates)."""
    for d in folders:
        for f in sorted(os.listdir(d)):
            if not f.endswith(".txt"):
                continue
            path = os.path.join(d, f)
            gold = json.load(open(path[:-4] + ".gold.json"))
            out = subprocess.run([example, path], capture_output=True, text=True, check=True).stdout
            lines = (json.loads(line).get(kind) for line in out.splitlines())
            yield path, gold, [c for c in lines if c is not None]


def load(folders, example):
    """Pairs of every report: a list of (report, person key, org key, features, label, claimed)."""
    rows, gold_counts = [], {}
    for path, gold, pairs in dumps(folders, example, "pair"):
        gp = gold_pairs(gold)
        gold_counts[path] = len(gp)
        for p in pairs:
            pn = {norm(n) for n in p["person"]}
            on = {norm(n) for n in p["organisation"]}
            label = any(pn & a and on & b for a, b in gp)
            key = (path, p["person"][0], p["organisation"][0])
            rows.append((path, key, p["features"], 1 if label else 0, p["claimed"]))
    return rows, gold_counts


def gold_parts(gold):
    """The gold participation as (person names, role, event names) sets; a part in a session
    also counts for the event it is part of, as the scorer counts it."""
    expand = expander(gold)
    parent = {norm(e["name"]): e.get("part_of") for e in gold.get("events", [])}
    out = []
    for p in gold.get("participation", []):
        events = expand(p["event"])
        up = parent.get(norm(p["event"]))
        if up:
            events |= expand(up)
        out.append((expand(p["person"]), p["role"], events))
    return out


def load_people(folders, example, role):
    """People of every report: (report, key, features, label, claimed), the label saying that
    gold gives them `role` at the event ties would place them at."""
    rows = []
    for path, gold, people in dumps(folders, example, "person"):
        gp = gold_parts(gold)
        for p in people:
            pn = {norm(n) for n in p["person"]}
            en = {norm(n) for n in p["event"]}
            label = any(pn & a and r == role and any(fuzzy_event(x, y) for x in en for y in b)
                        for a, r, b in gp)
            rows.append((path, (path, p["person"][0]), p["features"], 1 if label else 0, p["claimed"]))
    return rows


def fit(rows, l2, epochs=300, rate=0.5):
    """Logistic regression by full-batch gradient descent; returns (bias, weights)."""
    w, b = {}, 0.0
    n = len(rows)
    for _ in range(epochs):
        gw, gb = {}, 0.0
        for _, _, feats, y, _ in rows:
            z = b + sum(w.get(x, 0.0) for x in feats)
            err = 1 / (1 + math.exp(-z)) - y
            gb += err
            for x in feats:
                gw[x] = gw.get(x, 0.0) + err
        b -= rate * gb / n
        for x in set(gw) | set(w):
            wx = w.get(x, 0.0)
            w[x] = wx - rate * (gw.get(x, 0.0) / n + l2 * wx)
    return b, w


def prob(b, w, feats):
    return 1 / (1 + math.exp(-(b + sum(w.get(x, 0.0) for x in feats))))


def combined_f1(rows, scores, gold_counts, threshold):
    """Affiliation F1 of rules plus model: claimed pairs as the rules stand, unclaimed pairs
    tied when their best score reaches the threshold (once per pair, as the extractor does)."""
    pairs = {}
    for (path, key, feats, y, claimed), s in zip(rows, scores):
        old = pairs.get(key, (y, claimed, 0.0))
        pairs[key] = (y or old[0], claimed or old[1], max(s, old[2]))
    tp = fp = 0
    for y, claimed, s in pairs.values():
        if claimed or s >= threshold:
            tp += y
            fp += 1 - y
    gold = sum(gold_counts.values())
    return 2 * tp / (2 * tp + fp + (gold - tp)) if gold else 0.0


def model_f1(rows, scores, threshold):
    """F1 of the model alone over every pair, counting each pair once at its best score."""
    pairs = {}
    for (_, key, _, y, _), s in zip(rows, scores):
        old = pairs.get(key, (0, 0.0))
        pairs[key] = (y or old[0], max(s, old[1]))
    tp = sum(1 for y, s in pairs.values() if y and s >= threshold)
    fp = sum(1 for y, s in pairs.values() if not y and s >= threshold)
    fn = sum(1 for y, s in pairs.values() if y and s < threshold)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--example", default=os.path.join(HERE, "..", "target", "release", "examples", "pair_features"))
    ap.add_argument("--out", required=True, help="the weights file; with --task people, the prefix "
                    "of the two (ROLE.tsv is appended)")
    ap.add_argument("--task", choices=["pairs", "people"], default="pairs")
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--only-unclaimed", action="store_true", help="learn from the pairs no rule tied")
    a = ap.parse_args()
    if a.task == "people":
        for role in ("speaker",):
            rows = load_people(a.folders, a.example, role)
            train_and_write(rows, None, a, f"{a.out}{role}.tsv",
                            f"the presence model for '{role}' (src/extract/presence.rs)")
        return
    rows, gold_counts = load(a.folders, a.example)
    train_and_write(rows, gold_counts, a, a.out, "the affiliation pair model (src/extract/pairs.rs)")


def train_and_write(rows, gold_counts, a, out_path, what):
    """Fits on `rows`, picks the threshold out of fold, writes the weights to `out_path`."""
    train = [r for r in rows if not (a.only_unclaimed and r[4])]
    reports = sorted({r[0] for r in rows})
    # Out-of-fold probabilities: each report scored by a model that never saw it.
    scores = [0.0] * len(rows)
    for k in range(5):
        held = set(reports[k::5])
        b, w = fit([r for r in train if r[0] not in held], a.l2)
        for i, r in enumerate(rows):
            if r[0] in held:
                scores[i] = prob(b, w, r[2])
    # A tie the model claims must be likelier right than wrong: thresholds from 0.5 up.
    grid = [t / 100 for t in range(50, 100)]
    best = max(grid, key=lambda t: (model_f1(rows, scores, t), t))
    b, w = fit(train, a.l2)
    pos = sum(r[3] for r in train)
    summary = (f"{len(train)} examples ({pos} positive in gold) from {len(reports)} reports; "
               f"threshold {best:.2f}: out-of-fold F1 of the model alone {model_f1(rows, scores, best):.3f}")
    if gold_counts is not None:
        summary += (f"; of rules {combined_f1(rows, scores, gold_counts, 2.0):.3f}, "
                    f"rules+model {combined_f1(rows, scores, gold_counts, best):.3f}")
    print(f"{out_path}: {summary}", file=sys.stderr)
    with open(out_path, "w") as out:
        out.write(f"# The weights of {what}: logistic regression\n")
        out.write("# over word-class features, written by scripts/train_pair_model.py from the gold\n")
        out.write(f"# of the fitting half of the real corpus ({len(reports)} reports, {len(train)} examples,\n")
        out.write(f"# {pos} positive in gold), L2 {a.l2}{', unclaimed only' if a.only_unclaimed else ''}. "
                  "No names: features are word classes.\n")
        out.write(f"bias\t{b:.4f}\nthreshold\t{best:.2f}\n")
        for x in sorted(w, key=lambda x: (-abs(w[x]), x)):
            if abs(w[x]) >= 0.005:
                out.write(f"{x}\t{w[x]:.4f}\n")


if __name__ == "__main__":
    main()
