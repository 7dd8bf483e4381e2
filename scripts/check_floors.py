#!/usr/bin/env python3
"""Fails when the dev-set scores (the JSON line score.py --json prints last) fall below the
floors issue 3 sets. Usage: check_floors.py SCORE_OUTPUT_FILE"""
import json, sys

FLOORS = {"Person": 0.90, "Organization": 0.80, "Place": 0.80, "Event": 0.50,
          "Affiliation": 0.70, "Participation": 0.60, "Quote": 0.70, "Evidence": 1.00}

last = [l for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.startswith("{")][-1]
scores = json.loads(last)
low = {k: (scores.get(k, 0.0), f) for k, f in FLOORS.items() if scores.get(k, 0.0) + 1e-9 < f}
for k, f in FLOORS.items():
    print(f"{k:14s} {scores.get(k, 0.0):.3f}  floor {f:.2f}  {'ok' if k not in low else 'BELOW'}")
if scores.get("failed"):
    print(f"{scores['failed']} report(s) failed to ingest")
    sys.exit(1)
sys.exit(1 if low else 0)
