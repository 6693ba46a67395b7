"""Resuming: a re-run skips the files stored in full (unread), reads again the ones that
changed or had a bad page, and an interrupted ingest, run again, ends with exactly the
rows of an uninterrupted one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from corpus import CORPUS
from newsgraph.graph import Newsgraph
from newsgraph.options import Options
from newsgraph.store.schema import ingested_files, rejections
from store_rows import assert_consistent, stored_rows

HTML = ["01-kenya-somalia-ethiopia-border-talks.html", "08-eu-china-ev-minimum-price-offer.html"]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """Four clean files (two HTML, a text dump, a two-page feed) and a feed with a bad
    line: six pages, one rejection."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in HTML:
        shutil.copy(CORPUS / "html" / name, folder / name)
    shutil.copy(CORPUS / "text" / "04-sudan-kadugli-aid-convoy.txt", folder / "sudan.txt")
    feed = (CORPUS / "jsonl" / "feed.jsonl").read_text(encoding="utf-8").splitlines(True)
    (folder / "good.jsonl").write_text(feed[0] + feed[1], encoding="utf-8")
    (folder / "bad.jsonl").write_text(feed[2] + feed[3], encoding="utf-8")
    return folder


def open_graph(tmp_path: Path, name: str, batch_size: int = 2) -> Newsgraph:
    url = f"sqlite:///{tmp_path / name}"
    return Newsgraph(options=Options.from_env(environ={}, db_url=url, batch_size=batch_size))


def marked(graph: Newsgraph) -> set[str]:
    with graph.store.engine.connect() as connection:
        return {Path(p).name for p in connection.execute(select(ingested_files.c.path)).scalars()}


def test_rerun_skips_the_files_stored_in_full_without_reading_them(
    tmp_path: Path, inputs: Path
) -> None:
    graph = open_graph(tmp_path, "store.db")
    first = graph.ingest(inputs, workers=1)
    assert (first.pages, len(first.rejected), first.skipped_files) == (6, 1, 0)
    assert marked(graph) == {*HTML, "sudan.txt", "good.jsonl"}
    before = graph.store.counts()

    # Same size, same mtime, other bytes: only a file that is not read stays accepted.
    page = inputs / HTML[0]
    info = page.stat()
    page.write_bytes(b"\0" * info.st_size)
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))

    again = graph.ingest(inputs, workers=1)
    assert again.skipped_files == 4
    assert (again.new, again.new_sources, again.unchanged) == (0, 0, first.pages)
    assert [r.source_path for r in again.rejected] == [r.source_path for r in first.rejected]
    assert graph.store.counts() == before
    with graph.store.engine.connect() as connection:
        assert connection.execute(select(rejections.c.attempts)).scalars().all() == [2]
    graph.close()


def test_a_changed_file_is_read_again(tmp_path: Path, inputs: Path) -> None:
    graph = open_graph(tmp_path, "store.db")
    graph.ingest(inputs, workers=1)
    before = stored_rows(graph.options.db_url)
    page = inputs / "sudan.txt"
    info = page.stat()
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    again = graph.ingest(inputs, workers=1)
    assert again.skipped_files == 3
    assert again.new == 0 and again.unchanged == 6
    after = stored_rows(graph.options.db_url)
    assert after.pop("ingested_files") != before.pop("ingested_files")  # the new mtime
    assert after == before
    assert graph.ingest(inputs, workers=1).skipped_files == 4
    graph.close()


class Stop(Exception):
    """Stands in for Ctrl-C, raised after some batches are stored."""


# Input order: the two HTML pages, bad.jsonl (a bad line, then a page), good.jsonl (two
# pages), sudan.txt; one page a batch. A file is marked once its last page is written,
# unless one of its pages was rejected.
@pytest.mark.parametrize(
    ("stop_after", "marked_then"),
    [(1, {HTML[0]}), (3, set(HTML)), (5, set(HTML)), (6, {*HTML, "good.jsonl"})],
)
def test_an_interrupted_ingest_run_again_ends_as_one_clean_run(
    tmp_path: Path, inputs: Path, stop_after: int, marked_then: set[str]
) -> None:
    clean = open_graph(tmp_path, "clean.db", batch_size=1)
    clean.ingest(inputs, workers=1)
    clean.close()

    graph = open_graph(tmp_path, "stopped.db", batch_size=1)
    written: list[str] = []

    def stop(result) -> None:  # noqa: ANN001 - a WriteResult
        written.append(result.source_path)
        if len(written) == stop_after:
            raise Stop

    with pytest.raises(Stop):
        graph.ingest(inputs, on_result=stop, workers=1)
    assert_consistent(graph.options.db_url)
    assert marked(graph) == marked_then
    assert graph.store.counts()["documents"] < 6

    resumed = graph.ingest(inputs, workers=1)
    assert resumed.skipped_files == len(marked_then)
    assert resumed.pages == 6
    graph.close()
    assert stored_rows(graph.options.db_url) == stored_rows(clean.options.db_url)
    assert_consistent(graph.options.db_url)
