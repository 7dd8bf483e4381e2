#!/usr/bin/env python3
"""A bounded load test of a `ties serve` running on this machine.

Usage: load_test.py URL [--clients 50] [--requests 200] [--timeout-s 30]

URL is the server (e.g. http://127.0.0.1:7878/); its host must be 127.0.0.1, localhost or [::1]:
this sends thousands of requests and is not to be pointed at anyone else's server. CLIENTS
threads start together and each sends REQUESTS queries, one after the other: the named queries
from URL/api/queries in turn, POSTed to URL/sparql as application/sparql-query with
Accept: application/sparql-results+json. A request counts as an error when it fails, takes
longer than the per-request timeout, answers anything but 200, or its body is not SPARQL JSON
results. Prints the total, the errors, requests/s and the latency percentiles, and exits 1 on
any error (2 on bad usage). Needs nothing beyond the Python standard library.
"""
import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

LOOPBACK = ("127.0.0.1", "localhost", "::1")
MAX_CLIENTS = 200
MAX_REQUESTS = 1000  # per client

# Requests go straight to the server, whatever proxy the environment names.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def named_queries(base, timeout):
    with OPENER.open(base + "/api/queries", timeout=timeout) as reply:
        return [(q["name"], q["query"]) for q in json.load(reply)]


def one_request(endpoint, query, timeout):
    """Sends one query; returns None when it went well, else what went wrong."""
    request = urllib.request.Request(
        endpoint,
        data=query.encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
    )
    try:
        with OPENER.open(request, timeout=timeout) as reply:
            body = reply.read()
            if reply.status != 200:
                return f"HTTP {reply.status}"
    except urllib.error.HTTPError as e:
        return f"HTTP {e.code}: {e.read(200).decode('utf-8', 'replace')}"
    except Exception as e:  # refused, reset, timed out
        return f"{type(e).__name__}: {e}"
    try:
        results = json.loads(body)
        if "head" not in results or "results" not in results:
            return "not SPARQL JSON results"
    except ValueError:
        return "not JSON"
    return None


def client(number, endpoint, queries, count, timeout, start, latencies, errors, lock):
    """One client: `count` queries in turn, starting at a different one for each client."""
    mine, wrong = [], []
    start.wait()
    for i in range(count):
        name, text = queries[(number + i) % len(queries)]
        began = time.perf_counter()
        problem = one_request(endpoint, text, timeout)
        mine.append(time.perf_counter() - began)
        if problem:
            wrong.append(f"client {number}, {name}: {problem}")
    with lock:
        latencies.extend(mine)
        errors.extend(wrong)


def percentile(sorted_values, p):
    """The nearest-rank percentile `p` (0-100) of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))  # ceil
    return sorted_values[int(rank) - 1]


def main():
    parser = argparse.ArgumentParser(description="A bounded load test of a local `ties serve`.")
    parser.add_argument("url", help="the server, e.g. http://127.0.0.1:7878/")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (50)")
    parser.add_argument("--requests", type=int, default=200, help="queries per client (200)")
    parser.add_argument("--timeout-s", type=float, default=30, help="per-request timeout (30)")
    args = parser.parse_args()

    base = args.url.rstrip("/")
    if base.endswith("/sparql"):
        base = base[: -len("/sparql")]
    parts = urllib.parse.urlsplit(base)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK:
        parser.error(f"{args.url}: only a server on this machine (http://127.0.0.1, localhost "
                     "or [::1]) may be load-tested")
    if not 1 <= args.clients <= MAX_CLIENTS:
        parser.error(f"--clients must be between 1 and {MAX_CLIENTS}")
    if not 1 <= args.requests <= MAX_REQUESTS:
        parser.error(f"--requests must be between 1 and {MAX_REQUESTS}")
    if args.timeout_s <= 0:
        parser.error("--timeout-s must be positive")

    try:
        queries = named_queries(base, args.timeout_s)
    except Exception as e:
        print(f"cannot read the named queries from {base}/api/queries: {e}")
        return 1
    if not queries:
        print(f"{base}/api/queries lists no queries")
        return 1

    latencies, errors, lock = [], [], threading.Lock()
    start = threading.Barrier(args.clients + 1)
    threads = [
        threading.Thread(
            target=client,
            args=(n, base + "/sparql", queries, args.requests, args.timeout_s, start,
                  latencies, errors, lock),
            daemon=True,
        )
        for n in range(args.clients)
    ]
    for t in threads:
        t.start()
    start.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began

    total = len(latencies)
    latencies.sort()
    print(f"{args.clients} clients x {args.requests} queries ({len(queries)} named queries "
          f"in turn) against {base}/sparql")
    print(f"requests: {total}   errors: {len(errors)}   time: {elapsed:.2f} s   "
          f"requests/s: {total / elapsed:.1f}")
    print(f"latency ms: p50 {percentile(latencies, 50) * 1000:.1f}   "
          f"p99 {percentile(latencies, 99) * 1000:.1f}   max {latencies[-1] * 1000:.1f}")
    for e in errors[:10]:
        print(f"  error: {e}")
    if len(errors) > 10:
        print(f"  ... and {len(errors) - 10} more errors")
    return 1 if errors or total != args.clients * args.requests else 0


if __name__ == "__main__":
    sys.exit(main())
