"""End to end on the sample corpus: every format round-trips through ingest and export
with title, author, date, URL and body right; furniture goes; re-ingest adds nothing."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import CORPUS, load_expected
from newsgraph.graph import Newsgraph
from newsgraph.options import Options
from newsgraph.pipeline import IngestReport

EXPECTED = load_expected()
PAGES = [e for e in EXPECTED if not e.get("broken")]
BROKEN = [e for e in EXPECTED if e.get("broken")]


def relative(source_path: str) -> str:
    return Path(source_path).relative_to(CORPUS).as_posix()


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Newsgraph, IngestReport, dict]:
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    graph = Newsgraph(options=Options.from_env(environ={}, db_url=f"sqlite:///{db}"))
    report = graph.ingest(CORPUS)
    exported = io.BytesIO()
    graph.export("documents", fmt="jsonl", out=exported)
    records = {r["id"]: r for r in map(json.loads, exported.getvalue().splitlines())}
    by_source = {}
    for record in records.values():
        for source in graph.document(record["id"])["sources"]:
            by_source[relative(source["source_path"])] = record
    yield graph, report, by_source
    graph.close()


def test_corpus_covers_every_format() -> None:
    formats = Counter(e["format"] for e in PAGES)
    assert set(formats) == {"html", "mhtml", "warc", "txt", "jsonl"}
    assert len({e["article"] for e in PAGES}) >= 30


def test_broken_files_are_rejected_with_their_reason(ingested) -> None:
    _graph, report, _ = ingested
    reasons = {relative(r.source_path): r.reason for r in report.rejected}
    assert set(reasons) == {e["source"] for e in BROKEN}
    for item in BROKEN:
        assert item["reason_contains"].lower() in reasons[item["source"]].lower(), reasons[
            item["source"]
        ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p["source"])
def test_page_round_trips(ingested, page: dict) -> None:
    _graph, _report, by_source = ingested
    record = by_source[page["source"]]
    assert record["title"] == page["title"]
    assert record["authors"] == page["authors"]
    assert record["published"] == page["published"]
    if page["canonical_url"]:
        assert record["canonical_url"] == page["canonical_url"]
    if page.get("site"):
        assert record["site"] == page["site"]
    assert record["language"] == "en"
    text = record["text"]
    for snippet in page["with"]:
        assert snippet in text, f"missing body text: {snippet!r}"
    for snippet in page["without"]:
        assert snippet not in text, f"furniture kept: {snippet!r}"
    if page.get("pullquote"):
        core = re.sub(r"^\W+|\W+$", "", page["pullquote"])
        assert text.count(core) == 1, "pull-quote repeated or lost"


def test_same_article_in_two_formats_is_one_document(ingested) -> None:
    _graph, _report, by_source = ingested
    ids_by_article: dict[str, set[str]] = {}
    for page in PAGES:
        ids_by_article.setdefault(page["article"], set()).add(by_source[page["source"]]["id"])
    assert all(len(ids) == 1 for ids in ids_by_article.values()), ids_by_article
    assert len({i for ids in ids_by_article.values() for i in ids}) == len(ids_by_article)


def test_reingest_changes_no_row_counts(ingested) -> None:
    graph, report, _ = ingested
    before = graph.store.counts()
    again = graph.ingest(CORPUS)
    assert graph.store.counts() == {**before}
    assert again.new == 0 and again.new_sources == 0
    assert again.unchanged == report.pages
    assert len(again.rejected) == len(report.rejected)
