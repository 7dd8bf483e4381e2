#!/usr/bin/env python3
"""Writes ontology/lexicons/surnames.txt: family names, so that a name whose given name
no list knows ("Daviro Nguyen") can still be read as a person's by its last word.

Source: the US Census Bureau's 1990 surname frequencies (`dist.all.last`, public domain as a
work of the US government), as carried by the PyPI package `names` 0.3.0 (MIT). The census
counts the family names of a country of many origins, so the list holds Spanish, Chinese,
Vietnamese, Indian, Korean and African family names as well as English ones.

Kept: every name of the list (88,799; --top keeps only the most frequent). Left out, so that
the list never claims an ordinary word or another kind of name as a surname:
- a lowercase word of the dictionaries given with --dict (SCOWL's word lists: "Young",
  "Green", "King", "Hall");
- one or two letters ("Le", "Li"; too close to particles and initials);
- anything but letters;
- a word for a faith, a feast or a famous street (a short list below: "Islam", "Christmas");
- an entry of the project's place lists (countries, cities, regions, towns, demonyms), or an
  entry or a word of an entry of its organisation, event, place and thing heads, roles,
  occupations, honorifics, stopwords and topics (given names stay: many family names are
  also given names).

    pip download names==0.3.0 --no-deps; tar xzf names-0.3.0.tar.gz
    apt-get download wamerican wbritish; dpkg-deb -x <each>.deb x
    python3 scripts/build_surnames.py --surnames names-0.3.0/names/dist.all.last \
        --dict x/usr/share/dict/american-english --dict x/usr/share/dict/british-english \
        > ontology/lexicons/surnames.txt
"""
import argparse, os

HERE = os.path.dirname(os.path.abspath(__file__))
LEX = os.path.join(HERE, "..", "ontology", "lexicons")
# Words the census lists as family names that name a faith, a feast or a famous street far
# more often in English text ("Political Islam", "a Merry Christmas").
NOT_SURNAMES = {"islam", "christian", "christmas", "easter", "pentecost", "passover", "ramadan",
                "advent", "broadway", "trojan", "hoosier"}
OTHER_LISTS = ["org_heads.txt", "event_heads.txt", "place_heads.txt", "thing_heads.txt",
               "roles.txt", "honorifics.txt", "stopwords.txt", "topics.txt", "occupations.txt",
               "places/countries.txt", "places/cities.txt", "places/regions.txt",
               "places/towns.txt", "places/demonyms.txt"]


def entries(path, words_too):
    """A lexicon's entries, lowercase, and with `words_too` each word of them ("trade union"
    gives "trade", "union" and "trade union"); a demonym line "kenyan<TAB>Kenya" gives both
    sides. A place's words alone are not taken ("Thai Nguyen" leaves "Nguyen" a surname)."""
    out = set()
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        for part in line.split("\t"):
            part = part.strip().lower()
            out.add(part)
            if words_too:
                out.update(part.split())
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--surnames", required=True, help="dist.all.last (census surname frequencies)")
    ap.add_argument("--dict", action="append", default=[], help="a dictionary word list (SCOWL)")
    ap.add_argument("--top", type=int, default=None,
                    help="keep only this many of the most frequent names (default: the whole list)")
    args = ap.parse_args()
    words = set()
    for d in args.dict:
        for line in open(d, encoding="utf-8", errors="replace"):
            w = line.strip()
            if w and w[0].islower():
                words.add(w.lower())
    other = set()
    for name in OTHER_LISTS:
        other |= entries(os.path.join(LEX, name), not name.startswith("places/"))
    kept = []
    for line in open(args.surnames, encoding="ascii"):
        parts = line.split()
        if len(parts) < 4 or (args.top is not None and int(parts[3]) > args.top):
            continue
        name = parts[0].lower()
        if (len(name) <= 2 or name in words or name in other or name in NOT_SURNAMES
                or not name.isalpha()):
            continue
        kept.append(name)
    print("# surnames.txt: family names, lowercase, most frequent first. Written by")
    print("# scripts/build_surnames.py from the US Census Bureau's 1990 surname frequencies")
    print("# (public domain; via the PyPI package `names` 0.3.0, MIT), leaving out dictionary")
    print("# words, names of one or two letters and words of the other lexicons.")
    print("# General knowledge only: no specific people.")
    for name in kept:
        print(name)


if __name__ == "__main__":
    main()
