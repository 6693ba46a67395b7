"""Query latency on a synthetic store of a million events, SQLite and PostgreSQL.

    python bench/query_latency.py [--events 1000000] [--runs 11] [--backend sqlite|postgresql|both]
    python bench/query_latency.py --quick        # 100,000 events, 5 runs

The store is made by the package's own migrations, then filled in bulk with synthetic
rows (seeded, so every run builds the same store): ``--events`` events over documents
of 20 events each, 25 sentences, 30 actor mentions and 4 quotes a document, actors
drawn with a Zipf-like skew (a few are in most documents, as "United States" is in
real news) from ``events/50`` actors. SQLite rows go in with ``executemany``,
PostgreSQL rows with ``COPY``; PostgreSQL is then ANALYZEd (autovacuum would do it).
The PostgreSQL server is a private scratch one (``scripts/pg_test_server.py``).

Each query goes through the functions the CLI and the HTTP API call, and runs
``--runs`` times after one warm-up run; the median and 95th percentile are printed
beside the target (200 ms).
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import statistics
import string
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from end_to_end import machine  # bench/ is on the path: this file runs as a script
from sqlalchemy import Connection

from newsgraph.store import Store, doc_queries, timeline_queries
from newsgraph.store.edges import rebuild_edges
from newsgraph.store.schema import actors, documents, events, mentions, quotes, sentences, tones

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 200.0
EVENTS_PER_DOC, SENTENCES_PER_DOC, MENTIONS_PER_DOC, QUOTES_PER_DOC = 20, 25, 30, 4
NEWS_WORDS = (
    "ceasefire talks troops border protest election minister president rebels army aid "
    "sanctions summit refugees attack drone strike agreement negotiations government police "
    "parliament court ruling militia convoy port shipping tariffs inflation vote coalition"
).split()
CAMEO = ("010", "020", "036", "042", "043", "051", "057", "061", "071", "112", "120", "130",
         "141", "145", "173", "180", "190", "193", "195", "0874")  # fmt: skip
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 2, "06": 2, "07": 2, "08": 2, "11": 3,
        "12": 3, "13": 3, "14": 3, "17": 4, "18": 4, "19": 4}  # fmt: skip


# --- synthetic rows ------------------------------------------------------------------


class Synthetic:
    """The rows of every table, as tuples in the tables' column order."""

    def __init__(self, n_events: int, seed: int = 8) -> None:
        self.rng = random.Random(seed)
        self.n_docs = max(n_events // EVENTS_PER_DOC, 1)
        self.n_actors = max(n_events // 50, 50)
        syllables = [a + b for a in "bdfgklmnprstvz" for b in "aeiou"]
        self.vocabulary = [
            "".join(self.rng.choices(syllables, k=self.rng.randint(2, 4))) for _ in range(4000)
        ] + NEWS_WORDS * 20
        self.actor_rows = [self._actor(i) for i in range(self.n_actors)]
        self.actor_ids = [row[0] for row in self.actor_rows]
        # Zipf-like popularity: actor rank r is drawn with weight 1 / (r + 1).
        weights = [1.0 / (r + 1) for r in range(self.n_actors)]
        total, running, self.cum = sum(weights), 0.0, []
        for w in weights:
            running += w / total
            self.cum.append(running)
        self.people = [i for i, row in enumerate(self.actor_rows) if row[3] == "person"]

    def _actor(self, i: int) -> tuple:
        kind = ("country", "org", "person", "person", "person")[i % 5]
        name = " ".join(s.capitalize() for s in self.rng.sample(string.ascii_lowercase, 2))
        name = f"{name} {i}" if kind != "person" else f"Name{i} Surname{i % 997}"
        code = f"C{i:04d}"[:16] if kind == "country" else None
        key = f"{kind}:{name.lower()}"
        block = f"person:surname{i % 997}" if kind == "person" else key
        return (f"{i:016x}", key, name, kind, None, None, code, f'["{name}"]', None, block)

    def draw_actors(self, k: int) -> list[int]:
        return self.rng.choices(range(self.n_actors), cum_weights=self.cum, k=k)

    def documents(self) -> Any:
        """Yield (document, sentences, mentions, events, quotes, tone) rows per document."""
        rng, start = self.rng, date(2023, 1, 1)
        now = "2026-11-25 00:00:00.000000"
        for d in range(self.n_docs):
            doc_id = f"d{d:015x}"
            published = start + timedelta(days=rng.randrange(1000))
            words = rng.choices(self.vocabulary, k=150)
            body = " ".join(words)
            title = " ".join(rng.choices(NEWS_WORDS, k=6)).capitalize()
            doc = (doc_id, f"https://example.com/{d}", f"https://example.com/{d}", title, "[]",
                   "Synthetic Times", published.isoformat(), "en", body, f"synthetic/{d}.html",
                   "html", f"{d:064x}", now, now, None)  # fmt: skip
            step = len(body) // SENTENCES_PER_DOC
            sents = [(doc_id, i, i * step, (i + 1) * step, None) for i in range(SENTENCES_PER_DOC)]
            cast = self.draw_actors(MENTIONS_PER_DOC)
            ments = [
                (doc_id, i * 20, i * 20 + 8, self.actor_ids[a], "name", "name",
                 (i * 20) // step % SENTENCES_PER_DOC)
                for i, a in enumerate(cast)
            ]  # fmt: skip
            evts = []
            for i in range(EVENTS_PER_DOC):
                src, tgt = rng.choice(cast), rng.choice(cast)
                cameo = rng.choice(CAMEO)
                root = cameo[:2]
                status = "fact" if rng.random() < 0.85 else rng.choice(("negated", "hypothetical"))
                day = (published - timedelta(days=rng.randrange(3))).isoformat()
                evts.append(
                    (doc_id, i, i % SENTENCES_PER_DOC, i * 30, i * 30 + 6,
                     self.actor_ids[src] if rng.random() < 0.9 else None,
                     self.actor_ids[tgt] if rng.random() < 0.8 else None,
                     "source", "target", cameo, root, QUAD[root], round(rng.uniform(-10, 10), 1),
                     status, day, None, None, None, None, None, "synthetic")
                )  # fmt: skip
            quos = [
                (doc_id, 600 + i * 40, 630 + i * 40, "a quoted line", i, "direct",
                 self.actor_ids[self.people[rng.randrange(len(self.people))]]
                 if rng.random() < 0.8 else None, "speaker", "said", None, None)
                for i in range(QUOTES_PER_DOC)
            ]  # fmt: skip
            tone = (doc_id, 0.0, 1.0, 1.0, 2.0, 10.0, 0.0, 150)
            yield doc, sents, ments, evts, quos, tone


TABLES = (documents, sentences, mentions, events, quotes, tones)


def _columns(table: Any) -> list[str]:
    return [c.name for c in table.columns]


def fill(store: Store, data: Synthetic, chunk: int = 2000) -> None:
    """Insert every synthetic row: the actors, then documents in chunks."""
    postgres = store.url.get_backend_name() == "postgresql"
    put = _copy if postgres else _executemany
    # Secondary indexes are dropped for the load and built again after it, as a bulk
    # load would: the same final store, built in a fraction of the time.
    indexes = [index for table in (actors, *TABLES) for index in table.indexes]
    with store.engine.begin() as connection:
        for index in indexes:
            index.drop(connection)
        put(connection, actors, data.actor_rows)
    buffers: list[list[tuple]] = [[] for _ in TABLES]
    for n, parts in enumerate(data.documents(), 1):
        buffers[0].append(parts[0])
        for buffer, rows in zip(buffers[1:5], parts[1:5], strict=True):
            buffer.extend(rows)
        buffers[5].append(parts[5])
        if n % chunk == 0 or n == data.n_docs:
            with store.engine.begin() as connection:
                for table, buffer in zip(TABLES, buffers, strict=True):
                    put(connection, table, buffer)
                    buffer.clear()
    with store.engine.begin() as connection:
        for index in indexes:
            index.create(connection)
        rebuild_edges(connection)  # the writes keep the network's edges; a bulk load fills them
    if postgres:  # autovacuum would; SQLite stores are never ANALYZEd by newsgraph
        with store.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")


def _executemany(connection: Connection, table: Any, rows: list[tuple]) -> None:
    names = _columns(table)
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sql = f"INSERT INTO {table.name} ({columns}) VALUES ({marks})"
    connection.exec_driver_sql(sql, rows)


def _copy(connection: Connection, table: Any, rows: list[tuple]) -> None:
    names = [n for n in _columns(table) if not (table is documents and n == "search")]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow(["\\N" if v is None else v for v in row])
    raw = connection.connection.driver_connection
    columns = ", ".join(f'"{n}"' for n in names)
    with raw.cursor() as cursor:
        statement = f"COPY {table.name} ({columns}) FROM STDIN WITH (FORMAT csv, NULL '\\N')"
        with cursor.copy(statement) as copy:
            copy.write(buffer.getvalue())


# --- the queries ---------------------------------------------------------------------


def queries(store: Store, data: Synthetic) -> dict[str, Callable[[], Any]]:
    top, mid = data.actor_ids[0], data.actor_ids[data.n_actors // 20]
    top_person = data.actor_ids[data.people[0]]
    set_of_actors = [top, mid, data.actor_ids[data.n_actors // 2]]

    def on_connection(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def call() -> Any:
            with store.engine.connect() as connection:
                return function(connection, *args, **kwargs)

        return call

    return {
        "search 'ceasefire talks' (CLI, 50 newest)": lambda: store.documents(
            search="ceasefire talks"
        ),
        "search 'ceasefire talks' (API page + total)": on_connection(
            doc_queries.document_page, search="ceasefire talks", limit=50, offset=0
        ),
        "search rare word (CLI)": lambda: store.documents(search=data.vocabulary[7]),
        "actor profile, most mentioned (CLI)": lambda: store.actor_profile(top),
        "actor profile, most-mentioned person (CLI)": lambda: store.actor_profile(top_person),
        "actor profile, typical actor (CLI)": lambda: store.actor_profile(mid),
        "actor profile, most mentioned (API)": on_connection(timeline_queries.actor_view, top),
        "network, whole (top 200 edges)": lambda: store.network(),
        "network, one actor (most mentioned)": lambda: store.network(actor=top),
        "network, one actor (typical)": lambda: store.network(actor=mid),
        "timeline, 3 actors": on_connection(timeline_queries.actors_timeline, set_of_actors),
    }


def measure(function: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """Median and 95th percentile wall ms, and median CPU ms of this process (all of
    the work for SQLite, which runs in-process; the client's share for PostgreSQL)."""
    function()  # warm-up: caches, statement compilation
    times, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(cpu)


def bench(url: str, data: Synthetic, runs: int, label: str) -> list[tuple]:
    store = Store(url)
    started = time.perf_counter()
    fill(store, data)
    counts = store.counts()
    print(
        f"{label}: filled in {time.perf_counter() - started:.0f} s: "
        + ", ".join(
            f"{counts[t]:,} {t}"
            for t in ("documents", "sentences", "actors", "mentions", "events", "quotes")
        )  # fmt: skip
    )
    results = []
    for name, function in queries(store, data).items():
        results.append((label, name, *measure(function, runs)))
    store.close()
    return results


def _postgres(directory: Path) -> str:
    script = REPO / "scripts" / "pg_test_server.py"
    done = subprocess.run(
        [sys.executable, str(script), "start", str(directory)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise RuntimeError(done.stderr.strip() or "cannot start PostgreSQL")
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="100,000 events, 5 runs")
    args = parser.parse_args()
    n_events, runs = (100_000, 5) if args.quick else (args.events, args.runs)
    print(f"machine: {machine()}")
    results = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        if args.backend in ("sqlite", "both"):
            url = f"sqlite:///{tmp}/latency.db"
            results += bench(url, Synthetic(n_events), runs, "sqlite")
        if args.backend in ("postgresql", "both"):
            Path(tmp).chmod(0o755)  # the server may run as the postgres user
            server = Path(tmp) / "pg"
            try:
                url = _postgres(server)
            except RuntimeError as exc:
                print(f"postgresql: skipped ({exc})")
            else:
                try:
                    results += bench(url, Synthetic(n_events), runs, "postgresql")
                finally:
                    script = REPO / "scripts" / "pg_test_server.py"
                    subprocess.run([sys.executable, str(script), "stop", str(server)], check=False)
    print()
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    print(f"| backend | query | median ms | p95 ms | CPU ms | p95 < {TARGET_MS:.0f} ms |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for label, name, median, p95, cpu in results:
        verdict = "yes" if p95 < TARGET_MS else "NO"
        print(f"| {label} | {name} | {median:.1f} | {p95:.1f} | {cpu:.1f} | {verdict} |")


if __name__ == "__main__":
    main()
