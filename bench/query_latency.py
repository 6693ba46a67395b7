"""Query latency on a synthetic store of a million events, SQLite and PostgreSQL.

    python bench/query_latency.py [--events 1000000] [--runs 11] [--backend sqlite|postgresql|both]
    python bench/query_latency.py --quick        # 100,000 events, 5 runs
    python bench/query_latency.py --keep DIR     # build the stores in DIR once, reuse them

The store is made by the package's own migrations, then filled in bulk with synthetic
rows (seeded, so every run builds the same store): ``--events`` events over documents
of 20 events each, 25 sentences, 30 actor mentions and 4 quotes a document, actors
drawn with a Zipf-like skew (a few are in most documents, as "United States" is in
real news) from ``events/50`` actors. SQLite rows go in with ``executemany``,
PostgreSQL rows with ``COPY``; PostgreSQL is then VACUUMed and ANALYZEd (as autovacuum
would do within a minute).
The PostgreSQL server is a private scratch one (``scripts/pg_test_server.py``).

Each query goes through the functions the CLI and the HTTP API call, and runs
``--runs`` times after one warm-up run; the median and 95th percentile are printed
beside the target (200 ms), with the CPU time the query cost: this process's (all of
SQLite's work), and for PostgreSQL also the server's (its processes' user + system
time from /proc), as wall times swing on a shared machine and CPU times much less.

With ``--keep DIR`` the stores are built in DIR (``latency-N.db``; a PostgreSQL server
in ``DIR/pg`` with a database ``latency_N``) and left there; a later run with the same
DIR and ``--events`` migrates and reuses them instead of building them again (the
server is stopped after each run either way; delete DIR to throw them away). As root,
DIR must be where the ``postgres`` user can reach it, such as a folder under /tmp.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
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
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from newsgraph.store import Store, doc_queries, parse_db_url, timeline_queries
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
        vacuum_analyze(store)


def vacuum_analyze(store: Store) -> None:
    """What autovacuum does to freshly loaded tables within a minute: planner statistics,
    and the visibility map without which an index-only scan still visits the table
    (measured at once, a just-built store read its index-only plans from the heap)."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM (ANALYZE)")


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


def server_cpu(data_dir: Path | None) -> float:
    """CPU seconds (user + system) used so far by the PostgreSQL server whose cluster is
    in ``data_dir``: the postmaster and its children, running or ended (a query's
    parallel workers end with it), read from /proc (0 without a server)."""
    if data_dir is None:
        return 0.0
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    tick, total = os.sysconf("SC_CLK_TCK"), 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # Fields after the command's closing parenthesis: state, ppid, ... utime, stime.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if int(entry.name) == postmaster:  # with its ended children (parallel workers)
            total += sum(int(f) for f in fields[11:15])
        elif int(fields[1]) == postmaster:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def measure(
    function: Callable[[], Any], runs: int, server: Path | None = None
) -> tuple[float, float, float, float | None]:
    """Median and 95th percentile wall ms, median CPU ms of this process (all of the
    work for SQLite, which runs in-process; the client's share for PostgreSQL) and, for
    a server in the cluster folder ``server``, the server's mean CPU ms (a mean: the
    kernel counts CPU time in ticks of 10 ms, a median of which says little)."""
    function()  # warm-up: caches, statement compilation
    times, cpu, served = [], [], []
    for _ in range(runs):
        started_server = server_cpu(server)
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        served.append((server_cpu(server) - started_server) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    server_ms = statistics.mean(served) if server else None
    return statistics.median(times), p95, statistics.median(cpu), server_ms


def bench(
    url: str,
    data: Synthetic,
    runs: int,
    label: str,
    server: Path | None = None,
    built: Path | None = None,
) -> list[tuple]:
    """Build the store at ``url`` (unless the marker file ``built`` says it already
    holds these rows) and time every query on it."""
    started = time.perf_counter()
    store = Store(url)
    if built is not None and built.exists():
        if server is not None:  # a migration may have added indexes
            vacuum_analyze(store)
        print(f"{label}: reusing the store built before ({url})")
    elif store.counts()["documents"]:
        raise SystemExit(f"{label}: {url} holds rows of an unfinished build; delete its folder")
    else:
        fill(store, data)
        if built is not None:
            built.touch()
    counts = store.counts()
    print(
        f"{label}: ready in {time.perf_counter() - started:.0f} s: "
        + ", ".join(
            f"{counts[t]:,} {t}"
            for t in ("documents", "sentences", "actors", "mentions", "events", "quotes")
        )  # fmt: skip
    )
    results = []
    for name, function in queries(store, data).items():
        results.append((label, name, *measure(function, runs, server)))
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


def _database(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server, created when missing."""
    admin = create_engine(parse_db_url(server_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        found = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        ).first()
        if found is None:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def run(folder: Path, backend: str, n_events: int, runs: int, keep: bool) -> list[tuple]:
    """Every query on each backend asked for, the stores in ``folder``."""
    results = []
    built = (lambda name: folder / f"{name}-{n_events}.built") if keep else (lambda name: None)
    if backend in ("sqlite", "both"):
        url = f"sqlite:///{folder}/latency-{n_events}.db"
        results += bench(url, Synthetic(n_events), runs, "sqlite", built=built("sqlite"))
    if backend in ("postgresql", "both"):
        folder.chmod(0o755)  # the server may run as the postgres user
        server = folder / "pg"
        try:
            url = _database(_postgres(server), f"latency_{n_events}")
        except RuntimeError as exc:
            print(f"postgresql: skipped ({exc})")
        else:
            try:
                results += bench(
                    url, Synthetic(n_events), runs, "postgresql", server / "data",
                    built("postgresql"),
                )  # fmt: skip
            finally:
                script = REPO / "scripts" / "pg_test_server.py"
                subprocess.run([sys.executable, str(script), "stop", str(server)], check=False)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--quick", action="store_true", help="100,000 events, 5 runs")
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="build the stores in DIR once and reuse them"
    )
    args = parser.parse_args()
    n_events, runs = (100_000, 5) if args.quick else (args.events, args.runs)
    print(f"machine: {machine()}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = run(args.keep.resolve(), args.backend, n_events, runs, keep=True)
    else:
        with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
            results = run(Path(tmp), args.backend, n_events, runs, keep=False)
    print()
    print(f"load average: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    columns = "backend | query | median ms | p95 ms | CPU ms | server CPU ms"
    print(f"| {columns} | p95 < {TARGET_MS:.0f} ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for label, name, median, p95, cpu, server in results:
        verdict = "yes" if p95 < TARGET_MS else "NO"
        served = "" if server is None else f"{server:.1f}"
        print(f"| {label} | {name} | {median:.1f} | {p95:.1f} | {cpu:.1f} | {served} | {verdict} |")


if __name__ == "__main__":
    main()
