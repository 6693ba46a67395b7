"""A bounded load on a running ``newsgraph serve``: a mix of every read endpoint, sent by
a pool of threads until a number of requests or a number of seconds is reached, whichever
comes first. It runs as its own process (so the server is loaded from outside, as by real
clients) and prints one JSON summary line: requests sent, answers by status, transport
errors, a few samples of anything not 2xx, and the throughput (information only).

    python tests/server/loadgen.py http://127.0.0.1:8765 --requests 3000 --seconds 20

The token, if any, comes from NEWSGRAPH_TOKEN (never the command line, which ``ps`` shows).
Only loopback URLs are accepted: this is a test tool, not a way to load someone's server.
"""

from __future__ import annotations

import argparse
import ipaddress
import itertools
import json
import os
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import httpx

SAMPLES = 5


def endpoint_mix(client: httpx.Client) -> list[str]:
    """The paths to cycle through: lists, filters, searches, one record of each kind, a
    network, a timeline and a small export; ids are read from the server itself."""
    doc_ids = [d["id"] for d in _get(client, "/api/documents?limit=3")["items"]]
    actor_ids = [a["id"] for a in _get(client, "/api/actors?limit=3")["items"]]
    if not doc_ids or not actor_ids:
        raise SystemExit("loadgen: the served store has no documents or actors")
    return [
        "/api/health",
        "/api/search?q=aid",
        "/api/search?q=%22prime%20minister%22&limit=5",
        "/api/documents",
        "/api/documents?q=ceasefire&limit=10",
        "/api/documents?since=2026-01-01&offset=5&limit=5",
        *(f"/api/documents/{doc_id}" for doc_id in doc_ids),
        "/api/actors",
        "/api/actors?type=person&limit=20",
        *(f"/api/actors/{actor_id}" for actor_id in actor_ids),
        "/api/quotes",
        "/api/quotes?kind=direct&limit=10",
        "/api/events",
        "/api/events?status=all&root=19",
        "/api/network",
        f"/api/network?actor={actor_ids[0]}",
        "/api/timeline?" + "&".join(f"actor={actor_id}" for actor_id in actor_ids),
        "/api/export/dates?format=csv",
        "/api/export/counts?format=jsonl",
    ]


def _get(client: httpx.Client, path: str) -> dict:
    response = client.get(path)
    response.raise_for_status()
    return response.json()


@dataclass
class Tally:
    """What the threads saw; every update under one lock."""

    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    by_path: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, path: str, status: int | None, problem: str | None) -> None:
        with self.lock:
            self.by_path[path.split("?", 1)[0]] += 1
            if status is not None:
                self.statuses[str(status)] += 1
            if problem is not None:
                if status is None:
                    self.errors[problem.split(":", 1)[0]] += 1
                if len(self.samples) < SAMPLES:
                    self.samples.append(f"{path}: {problem}"[:500])


def run(url: str, *, requests: int, seconds: float, concurrency: int, token: str | None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    with httpx.Client(base_url=url, headers=headers, timeout=60.0, limits=limits) as client:
        paths = endpoint_mix(client)
        tally = Tally()
        numbers = itertools.count()
        numbers_lock = threading.Lock()
        started = time.monotonic()
        deadline = started + seconds

        def worker() -> None:
            while time.monotonic() < deadline:
                with numbers_lock:
                    number = next(numbers)
                if number >= requests:
                    return
                path = paths[number % len(paths)]
                try:
                    response = client.get(path)
                    response.read()
                except httpx.HTTPError as exc:
                    tally.record(path, None, f"{type(exc).__name__}: {exc}")
                    continue
                problem = None
                if not 200 <= response.status_code < 300:
                    problem = f"{response.status_code} {response.text[:300]}"
                tally.record(path, response.status_code, problem)

        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            for future in [pool.submit(worker) for _ in range(concurrency)]:
                future.result()
        elapsed = time.monotonic() - started
    answered = sum(tally.statuses.values())
    return {
        "sent": answered + sum(tally.errors.values()),
        "answered": answered,
        "ok": sum(n for status, n in tally.statuses.items() if status.startswith("2")),
        "statuses": dict(tally.statuses),
        "errors": dict(tally.errors),
        "samples": tally.samples,
        "by_path": dict(tally.by_path),
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "per_second": round(answered / elapsed, 1) if elapsed else None,
    }


def loopback_only(url: str) -> str:
    host = httpx.URL(url).host
    try:
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return url.rstrip("/")
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{url}: only loopback URLs (127.0.0.1, ::1, localhost)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", type=loopback_only, help="e.g. http://127.0.0.1:8765")
    parser.add_argument("--requests", type=int, default=3000, help="stop after this many")
    parser.add_argument("--seconds", type=float, default=20.0, help="or after this long")
    parser.add_argument("--concurrency", type=int, default=16, help="threads sending")
    args = parser.parse_args(argv)
    summary = run(
        args.url,
        requests=args.requests,
        seconds=args.seconds,
        concurrency=args.concurrency,
        token=os.environ.get("NEWSGRAPH_TOKEN") or None,
    )
    sys.stdout.write(json.dumps(summary) + "\n")
    return 0 if summary["errors"] == {} and summary["ok"] == summary["sent"] else 1


if __name__ == "__main__":
    sys.exit(main())
