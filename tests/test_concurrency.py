"""Two ingests into one SQLite store at once, on overlapping inputs, while reader
processes query it in a loop: no error anywhere, and the store ends up holding what one
clean ingest stores (same documents, sources and rejections; same row count in every
table), consistent throughout.

All real processes: ``newsgraph ingest`` twice, two readers on the Python API (opening
the store anew now and then, so they race the writers' migrations too) and one running
``newsgraph docs`` / ``newsgraph actors``. They all start on a store that does not exist
yet.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import CORPUS
from newsgraph.extract.fingerprint import fingerprint
from newsgraph.model import ActorRecord, AnnotatedArticle, Annotations, Article, Mention, Sentence
from newsgraph.store import Store
from store_rows import assert_consistent, row_counts, stored_rows

READER = r"""
import json, subprocess, sys
from pathlib import Path

url, stop, report, mode = sys.argv[1:5]
errors, rounds, graph = [], 0, None
cli = [sys.executable, "-m", "newsgraph"]
while True:
    rounds += 1
    try:
        if mode == "cli":
            for args in (["docs", "--search", "talks"], ["actors", "--limit", "5"]):
                done = subprocess.run(cli + args + ["--db", url], capture_output=True, text=True)
                if done.returncode != 0 or done.stderr.strip():
                    errors.append(f"{args[0]}: exit {done.returncode}: {done.stderr.strip()}")
        else:
            from newsgraph.graph import Newsgraph
            if rounds % 5 == 1:
                graph = Newsgraph(url)
            rows = graph.documents(search="talks") + graph.documents(limit=500)
            graph.actors(limit=20)
            graph.quotes(limit=5)
            graph.events(limit=5)
            if rows:
                graph.document(rows[0]["id"])
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    if Path(stop).exists():
        break
Path(report).write_text(json.dumps({"rounds": rounds, "errors": errors}))
"""

# Tables keyed by what was read, not by the order it was written in: equal row for row.
KEYED = ("documents", "document_sources", "rejections", "ingested_files")


def ingest(url: str, paths: list[Path], workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "newsgraph", "ingest", *map(str, paths), "--db", url]
    return subprocess.Popen(
        [*command, "--workers", str(workers)],
        env={**os.environ, "NEWSGRAPH_BATCH_SIZE": "3"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def check_finished(running: subprocess.Popen) -> None:
    out, err = running.communicate()
    assert running.returncode in (0, 1), err  # 1: the corpus's broken files
    assert "ingest summary" in out
    assert "Traceback" not in err and "database is locked" not in err
    errors = {line for line in err.splitlines() if line.startswith("error: ")}
    assert all("/broken/" in line or "feed.jsonl#line-3" in line for line in errors), errors


@pytest.mark.slow
def test_two_ingests_and_readers_at_once(tmp_path: Path) -> None:
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    check_finished(ingest(clean_url, [CORPUS], 1))
    clean = stored_rows(clean_url)

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    stop = tmp_path / "stop"
    readers = [
        subprocess.Popen(
            [sys.executable, "-c", READER, url, str(stop), str(tmp_path / f"r{n}.json"), mode]
        )
        for n, mode in enumerate(["api", "api", "cli"])
    ]
    writers = [
        ingest(url, [CORPUS / "html", CORPUS / "mhtml", CORPUS / "text"], 1),
        ingest(url, [CORPUS], 2),
    ]
    for running in writers:
        check_finished(running)
    stop.touch()
    for n, reader in enumerate(readers):
        assert reader.wait() == 0
        report = json.loads((tmp_path / f"r{n}.json").read_text())
        assert report["rounds"] >= 1 and report["errors"] == []

    shared = stored_rows(url)
    assert {t: len(rows) for t, rows in shared.items()} == {
        t: len(rows) for t, rows in clean.items()
    }
    for table in KEYED:
        assert shared[table] == clean[table], table
    assert_consistent(url)


# -- the store alone, on both backends: writers racing on the very same rows -------------

ARTICLES = 12
WRITERS = 4


def copies(number: int) -> list[AnnotatedArticle]:
    """One article twice: with a canonical URL, and (another source) without one, which
    only its body fingerprint ties to the first. Each names one person two ways (a full
    name, and an initial the store merges into it) and one country."""
    body = f"Report {number}: Amina Wanjiru met officials in Nairobi. " * 4
    amina = "Amina Wanjiru" if number % 2 else "A. Wanjiru"
    actors = (
        ActorRecord(f"person:{amina.lower()}", amina, "person"),
        ActorRecord("country:KEN", "Kenya", "country", code="KEN"),
    )
    annotations = Annotations(
        sentences=(Sentence(0, 0, len(body)),),
        actors=actors,
        mentions=(Mention(actors[0].key, "Amina Wanjiru", 10, 23, 0, "name"),),
    )
    base = {"title": f"Report {number}", "text": body, "content_sha256": fingerprint(body)}
    return [
        AnnotatedArticle(
            Article(
                **base,
                source_path=f"html/{number}.html",
                source_format="html",
                canonical_url=f"https://news.example/{number}",
            ),
            annotations,
        ),
        AnnotatedArticle(
            Article(**base, source_path=f"text/{number}.txt", source_format="txt"), annotations
        ),
    ]


def write_all_shuffled(url: str, seed: int, start: multiprocessing.Event) -> None:
    """One writer process: every copy of every article, in its own order, two a batch."""
    items = [item for n in range(ARTICLES) for item in copies(n)]
    random.Random(seed).shuffle(items)
    with Store(url) as store:
        start.wait()
        for at in range(0, len(items), 2):
            store.write_batch(items[at : at + 2])


def test_racing_writers_store_each_article_and_actor_once(backend_url: str) -> None:
    Store(backend_url).close()
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    writers = [
        context.Process(target=write_all_shuffled, args=(backend_url, seed, start))
        for seed in range(WRITERS)
    ]
    for writer in writers:
        writer.start()
    start.set()
    for writer in writers:
        writer.join(timeout=300)
    assert [w.exitcode for w in writers] == [0] * WRITERS
    counts = row_counts(backend_url)
    assert counts["documents"] == ARTICLES
    assert counts["document_sources"] == 2 * ARTICLES
    assert counts["actors"] == 2  # Amina Wanjiru (however written) and Kenya
    assert counts["mentions"] == ARTICLES
    assert_consistent(backend_url)
