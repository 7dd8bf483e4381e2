#!/usr/bin/env python3
"""Checks that common SPARQL clients work against a running `ties serve`.

Usage: check_sparql_clients.py URL        (URL: the server, e.g. http://127.0.0.1:7878/)

1. SPARQLWrapper runs the named "affiliations" query (its text fetched from URL/api/queries)
   by GET and by POST (a form), with JSON results; both must return the same rows, and some.
2. SPARQLWrapper runs a CONSTRUCT query asking for Turtle, and rdflib parses the Turtle; the
   triple count must equal what a SELECT of the same pattern counts.
3. rdflib's SPARQLStore runs a simple SELECT (SPARQL XML results, parsed by rdflib); it must
   return the same number of rows as SPARQLWrapper does for the same query with JSON results.

Prints what each client got and exits 1 when anything fails or a check does not hold (2 on bad
usage or missing packages: pip install SPARQLWrapper rdflib).
"""
import json
import socket
import sys
import urllib.parse
import urllib.request

try:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
except ImportError as e:
    print(f"{e}: pip install SPARQLWrapper rdflib", file=sys.stderr)
    sys.exit(2)

TIMEOUT_S = 60

# People and their names, as triples, and how many such pairs there are.
PEOPLE_GRAPH = (
    "CONSTRUCT { ?p schema:name ?name } WHERE { ?p a schema:Person ; schema:name ?name }"
)
PEOPLE_COUNT = (
    "SELECT (COUNT(*) AS ?n) WHERE "
    "{ SELECT DISTINCT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name } }"
)
# The same rows with the prefix spelled out, for a client that sends the query as it is.
PEOPLE_FULL = (
    "PREFIX schema: <https://schema.org/> "
    "SELECT ?p ?name WHERE { ?p a schema:Person ; schema:name ?name }"
)


def wrapper(endpoint, query, fmt, method=None):
    """A SPARQLWrapper for `query` asking for `fmt`."""
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setTimeout(TIMEOUT_S)
    if method:
        sw.setMethod(method)
    return sw


def rows_of(endpoint, query, method=None):
    """The bindings SPARQLWrapper gets for a SELECT with JSON results."""
    result = wrapper(endpoint, query, JSON, method).queryAndConvert()
    return result["results"]["bindings"]


def named_query(base, name):
    """The text of the named query `name`, from URL/api/queries."""
    with urllib.request.urlopen(base + "/api/queries", timeout=TIMEOUT_S) as reply:
        queries = json.load(reply)
    for q in queries:
        if q["name"] == name:
            return q["query"]
    raise LookupError(f"/api/queries has no query named {name!r}: {[q['name'] for q in queries]}")


def check(base):
    endpoint = base + "/sparql"
    failures = []

    # 1. The affiliations query through SPARQLWrapper, by GET and by POST, JSON results.
    text = named_query(base, "affiliations")
    by_get = rows_of(endpoint, text)
    by_post = rows_of(endpoint, text, POST)
    print(f"SPARQLWrapper  affiliations, JSON by GET: {len(by_get)} rows; by POST: {len(by_post)} rows")
    if not by_get:
        failures.append("the affiliations query returned no rows")
    if by_get != by_post:
        failures.append("the affiliations query returned different rows by GET and by POST")
    if by_get and not {"person", "organisation", "evidence"} <= by_get[0].keys():
        failures.append(f"an affiliations row lacks person/organisation/evidence: {by_get[0]}")

    # 2. A CONSTRUCT query's Turtle, fetched by SPARQLWrapper and parsed by rdflib.
    turtle = wrapper(endpoint, PEOPLE_GRAPH, TURTLE).queryAndConvert()
    if isinstance(turtle, bytes):
        turtle = turtle.decode("utf-8")
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    counted = rows_of(endpoint, PEOPLE_COUNT)
    want = int(counted[0]["n"]["value"])
    print(f"rdflib         CONSTRUCT as Turtle: {len(graph)} triples parsed (a COUNT says {want})")
    if len(graph) == 0 or len(graph) != want:
        failures.append(f"the CONSTRUCT gave {len(graph)} triples, the COUNT {want}")
    name = rdflib.URIRef("https://schema.org/name")
    if any(p != name for p in graph.predicates()):
        failures.append("the CONSTRUCT gave triples with other predicates than schema:name")

    # 3. rdflib's SPARQLStore (SPARQL XML results) against the endpoint; SPARQLWrapper (JSON).
    store = SPARQLStore(endpoint)
    xml_rows = list(store.query(PEOPLE_FULL))
    json_rows = rows_of(endpoint, PEOPLE_FULL)
    print(f"rdflib         SPARQLStore SELECT, XML results: {len(xml_rows)} rows "
          f"(SPARQLWrapper, JSON: {len(json_rows)} rows)")
    if not xml_rows or len(xml_rows) != len(json_rows):
        failures.append(f"SPARQLStore got {len(xml_rows)} rows, SPARQLWrapper {len(json_rows)}")
    names = {str(r["name"]) for r in xml_rows}
    if names != {r["name"]["value"] for r in json_rows}:
        failures.append("SPARQLStore (XML) and SPARQLWrapper (JSON) got different names")

    return failures


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    base = argv[1].rstrip("/")
    if base.endswith("/sparql"):
        base = base[: -len("/sparql")]
    host = urllib.parse.urlsplit(base).hostname
    if host in ("127.0.0.1", "localhost", "::1"):
        # A proxy set in the environment must not carry loopback requests away.
        urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))
    socket.setdefaulttimeout(TIMEOUT_S)  # rdflib's SPARQLStore sets none of its own

    try:
        failures = check(base)
    except Exception as e:  # a client error, an HTTP error, a parse error
        print(f"FAILED: {type(e).__name__}: {e}")
        return 1
    for f in failures:
        print(f"FAILED: {f}")
    if failures:
        return 1
    print("SPARQL clients: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
