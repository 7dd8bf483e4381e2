#!/usr/bin/env python3
"""Fits the weights of the learned participation rule (src/extract/learned.rs) on the gold of
the FITTING half of the real corpus, and writes them into that file.

Each candidate is a person and an event that a report's sentences put together and no hand rule
claimed (`cargo run --release --example candidates -- REPORTS...` prints them with their
features). A candidate is positive when the gold has that person taking part in that event
(matched as ../shared/eval/score.py matches: same normalisation, fuzzy event names, an event's
parent counts). Two logistic models with L2 are fitted by gradient descent: "took part" on all
candidates, "as an attendee" on the positives. The threshold is the lowest whose precision on the
fitting candidates reaches 0.85. Only the fitting half is read for fitting; --check reports how the fitted
weights do on the checking half's candidates, and is never used to choose anything.

Usage:
  cargo run --release --example candidates -- /tmp/fit/*.txt > fit.jsonl
  cargo run --release --example candidates -- /tmp/chk/*.txt > chk.jsonl
  scripts/train_participation.py --fit fit.jsonl --fit-gold /tmp/fit \
      [--check chk.jsonl --check-gold /tmp/chk] [--write src/extract/learned.rs]
"""
import argparse, importlib.util, json, math, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gold_names import names_of, event_names_of  # noqa: E402


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def labelled(cands_path, gold_dir, sc):
    rows = []
    golds = {}
    for line in open(cands_path, encoding="utf-8"):
        c = json.loads(line)
        rep = c["report"]
        if rep not in golds:
            gp = os.path.join(gold_dir, re.sub(r"\.\w+$", ".gold.json", rep))
            golds[rep] = json.load(open(gp, encoding="utf-8")) if os.path.exists(gp) else {}
        g = golds[rep]
        expand = names_of(g, sc.norm)
        event_names = event_names_of(g, sc.norm)
        person = {sc.norm(n) for n in c["row"]["person"]}
        event = {sc.norm(n) for n in c["row"]["event"]}
        role = None
        for p in g.get("participation", []):
            en = event_names(p["event"])
            if person & expand(p["person"]) and any(sc.fuzzy_event(a, b) for a in event for b in en):
                role = p["role"]
                break
        rows.append((c["row"]["features"], role, rep))
    return rows


def fit(xs, ys, l2=0.05, steps=4000, lr=0.3):
    n = len(xs[0])
    w = [0.0] * n
    for _ in range(steps):
        grad = [0.0] * n
        for x, y in zip(xs, ys):
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in range(n):
                grad[i] += (p - y) * x[i]
        for i in range(n):
            reg = l2 * w[i] if i > 0 else 0.0
            w[i] -= lr * (grad[i] / len(xs) + reg)
    return w


def prob(w, x):
    z = sum(a * b for a, b in zip(w, x))
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def prf(w, t, rows):
    tp = sum(1 for x, r in rows if r and prob(w, x) >= t)
    pred = sum(1 for x, _ in rows if prob(w, x) >= t)
    gold = sum(1 for _, r in rows if r)
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, pred, gold


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fit", required=True)
    ap.add_argument("--fit-gold", required=True)
    ap.add_argument("--check")
    ap.add_argument("--check-gold")
    ap.add_argument("--score", default=os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
    ap.add_argument("--write", help="the learned.rs whose weights to replace")
    a = ap.parse_args()
    sc = load_scorer(a.score)
    rows3 = labelled(a.fit, a.fit_gold, sc)
    rows = [(x, r) for x, r, _ in rows3]
    # The strength of the L2 penalty, by leave-one-report-out log-loss on the fitting half.
    reports = sorted({rep for _, _, rep in rows3})
    def cv_loss(l2):
        loss = 0.0
        for held in reports:
            train = [(x, r) for x, r, rep in rows3 if rep != held]
            w = fit([x for x, _ in train], [1.0 if r else 0.0 for _, r in train], l2=l2, steps=600)
            for x, r, rep in rows3:
                if rep == held:
                    p = min(max(prob(w, x), 1e-6), 1 - 1e-6)
                    loss -= math.log(p if r else 1 - p)
        return loss / len(rows3)
    l2 = min((cv_loss(l2), l2) for l2 in (0.01, 0.1, 0.3, 1.0, 3.0))[1]
    print(f"L2 penalty by leave-one-report-out log-loss: {l2}")
    w = fit([x for x, _ in rows], [1.0 if r else 0.0 for _, r in rows], l2=l2)
    pos = [(x, r) for x, r in rows if r]
    wa = fit([x for x, _ in pos], [1.0 if r == "attendee" else 0.0 for _, r in pos], l2=l2)
    # The lowest threshold whose precision on the fitting candidates reaches 0.85: a claim
    # this rule adds should be right as often as the hand rules' are.
    t = next((t / 100 for t in range(20, 100) if prf(w, t / 100, rows)[0] >= 0.85), 0.99)
    print(f"fitting candidates: {len(rows)}, positive {len(pos)}; threshold {t:.2f}")
    print("fitting  P %.2f R %.2f F1 %.2f (tp %d pred %d gold %d)" % prf(w, t, rows))
    if a.check:
        crows = [(x, r) for x, r, _ in labelled(a.check, a.check_gold, sc)]
        print("checking P %.2f R %.2f F1 %.2f (tp %d pred %d gold %d)" % prf(w, t, crows))
    if a.write:
        src = open(a.write, encoding="utf-8").read()
        fmt = lambda v: "[" + ", ".join(f"{x:.4f}" for x in v) + "]"
        src = re.sub(r"const PARTICIPATES: \[f32; N\] = \[[^\]]*\];", f"const PARTICIPATES: [f32; N] = {fmt(w)};", src)
        src = re.sub(r"const ATTENDS: \[f32; N\] = \[[^\]]*\];", f"const ATTENDS: [f32; N] = {fmt(wa)};", src)
        src = re.sub(r"const THRESHOLD: f32 = .*;$", f"const THRESHOLD: f32 = {t:.2f};", src, flags=re.M)
        open(a.write, "w", encoding="utf-8").write(src)
        print("weights written to", a.write)


if __name__ == "__main__":
    main()
