#!/usr/bin/env python3
"""Scores the dev set and both halves of the real corpus in one table.

The real corpus is split once, by number: odd-numbered reports are the FITTING half (rules are
written from them), even-numbered ones the CHECKING half (every change is judged on it). The
texts are third-party and live outside the repository (see ../shared/eval/real/README.md);
each folder given with --real holds NN.txt with NN.gold.json beside it.

Usage:
  scripts/score_corpus.py --ties target/release/ties --real /tmp/real --real /tmp/real-new \
      [--dev ../shared/eval/dev] [--json OUT.json]
"""
import argparse, json, os, re, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

CATEGORIES = ["Person", "Organization", "Place", "Event", "Affiliation", "AffiliationRole",
              "TitleRecall", "Participation", "Quote", "Evidence"]


def score(score_py, ties, folder):
    out = subprocess.run([sys.executable, score_py, "--ties", ties, "--json", folder],
                         capture_output=True, text=True, check=True).stdout
    return json.loads([l for l in out.splitlines() if l.startswith("{")][-1])


def halves(real_dirs, tmp):
    """Links every NN.txt (+ gold) of the real folders into tmp/fitting or tmp/checking."""
    counts = {"fitting": 0, "checking": 0}
    for d in real_dirs:
        for f in sorted(os.listdir(d)):
            m = re.fullmatch(r"(\d+)\.txt", f)
            gold = os.path.join(d, f"{m.group(1)}.gold.json") if m else None
            if not m or not os.path.exists(gold):
                continue
            half = "fitting" if int(m.group(1)) % 2 else "checking"
            os.makedirs(os.path.join(tmp, half), exist_ok=True)
            for src in (os.path.join(d, f), gold):
                dst = os.path.join(tmp, half, os.path.basename(src))
                if os.path.exists(dst):
                    sys.exit(f"report {m.group(1)} is in two --real folders")
                os.symlink(os.path.abspath(src), dst)
            counts[half] += 1
    return counts


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ties", default=os.path.join(here, "..", "target", "release", "ties"))
    ap.add_argument("--real", action="append", default=[], help="a folder of NN.txt + NN.gold.json")
    ap.add_argument("--dev", default=os.path.join(here, "..", "..", "shared", "eval", "dev"))
    ap.add_argument("--score", default=None, help="score.py (default: beside --dev)")
    ap.add_argument("--json", help="also write the scores as JSON here")
    a = ap.parse_args()
    score_py = a.score or os.path.join(os.path.dirname(os.path.abspath(a.dev)), "score.py")
    with tempfile.TemporaryDirectory() as tmp:
        counts = halves(a.real, tmp)
        jobs = {"dev": a.dev}
        jobs.update({h: os.path.join(tmp, h) for h in ("fitting", "checking") if counts[h]})
        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            futures = {k: pool.submit(score, score_py, a.ties, v) for k, v in jobs.items()}
            results = {k: f.result() for k, f in futures.items()}
    cols = list(results)
    print(f"{'category':16s}" + "".join(f"{c:>10s}" for c in cols))
    for cat in CATEGORIES:
        print(f"{cat:16s}" + "".join(f"{results[c].get(cat, 0.0):10.3f}" for c in cols))
    print(f"{'reports':16s}" + "".join(f"{results[c].get('reports', 0):10d}" for c in cols))
    failed = sum(results[c].get("failed", 0) for c in cols)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
