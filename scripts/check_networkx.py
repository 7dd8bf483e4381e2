#!/usr/bin/env python3
"""Checks that networkx reads the GraphML and GEXF exports with the expected counts.

Usage: check_networkx.py FILE.graphml FILE.gexf NODES EDGES

Reads FILE.graphml with networkx.read_graphml and FILE.gexf with networkx.read_gexf, prints
the node and edge counts of each, and exits 1 when either file cannot be read or a count
differs from NODES / EDGES (2 on bad usage). networkx builds a MultiDiGraph when the network
has parallel edges (two ties between the same pair, e.g. two roles) and a DiGraph otherwise;
number_of_edges() counts every edge of either, so both are counted the same way.
"""
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed: pip install networkx", file=sys.stderr)
    sys.exit(2)


def main(argv):
    if len(argv) != 5:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    graphml, gexf = argv[1], argv[2]
    try:
        want = (int(argv[3]), int(argv[4]))
    except ValueError:
        print("NODES and EDGES must be whole numbers", file=sys.stderr)
        return 2

    failed = False
    for fmt, path, read in (("GraphML", graphml, nx.read_graphml), ("GEXF", gexf, nx.read_gexf)):
        try:
            g = read(path)
        except Exception as e:  # a parse error from ElementTree or networkx
            print(f"{fmt:8s} {path}: cannot be read: {type(e).__name__}: {e}")
            failed = True
            continue
        got = (g.number_of_nodes(), g.number_of_edges())
        ok = got == want and g.is_directed()
        failed |= not ok
        print(
            f"{fmt:8s} {path}: {got[0]} nodes, {got[1]} edges ({type(g).__name__})"
            f"  expected {want[0]} nodes, {want[1]} edges  {'ok' if ok else 'MISMATCH'}"
            + ("" if g.is_directed() else "  (not directed)")
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
