"""End to end on the sample corpus: every format round-trips through ingest and export
with title, author, date, URL and body right; furniture goes; re-ingest adds nothing."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from corpus import CORPUS, load_expected
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


# -- stages 3-4 on the corpus: annotations, offsets, actors across documents --------------


def exported(graph: Newsgraph, table: str) -> list[dict]:
    sink = io.BytesIO()
    graph.export(table, fmt="jsonl", out=sink)
    return [json.loads(line) for line in sink.getvalue().splitlines()]


def test_every_english_article_is_annotated(ingested) -> None:
    graph, _report, by_source = ingested
    texts = {d["id"]: d for d in exported(graph, "documents")}
    assert all(d["annotated_at"] and d["language"] == "en" for d in texts.values())
    for table in ("mentions", "dates", "places"):
        docs_with_rows = {row["doc_id"] for row in exported(graph, table)}
        assert docs_with_rows == set(texts), f"{table}: some documents have none"


@pytest.mark.parametrize("table", ["mentions", "dates", "places"])
def test_offsets_point_at_the_mention_and_its_sentence(ingested, table: str) -> None:
    graph, _report, _ = ingested
    texts = {d["id"]: d["text"] for d in exported(graph, "documents")}
    for row in exported(graph, table):
        text = texts[row["doc_id"]]
        assert text[row["start"] : row["end"]] == row["text"]
        assert row["text"] in row["sentence_text"]


def test_actors_are_shared_across_documents(ingested) -> None:
    graph, _report, _ = ingested
    [un] = graph.actors(search="United Nations", type="org", limit=1)
    assert un["code"] == "IGOUNO" and un["documents"] >= 5
    countries = {a["code"] for a in graph.actors(type="country", limit=500)}
    assert {"CHN", "USA", "RUSGOV", "FRAGOV"} <= countries


def test_gaza_article_actors_dates_and_places(ingested) -> None:
    graph, _report, by_source = ingested
    doc_id = by_source["html/06-gaza-hostage-exchange-doha-cairo.html"]["id"]
    mentions = [m for m in exported(graph, "mentions") if m["doc_id"] == doc_id]
    actors = {a["id"]: a for a in exported(graph, "actors")}
    codes = {actors[m["actor_id"]]["code"] for m in mentions}
    assert {"PSEREB", "QAT", "EGY"} <= codes
    dates = {
        (d["text"], d["date_start"]) for d in exported(graph, "dates") if d["doc_id"] == doc_id
    }
    assert ("October 7, 2023", "2023-10-07") in dates
    assert ("Saturday", "2025-05-24") in dates  # published Sunday 2025-05-25
    places = {(p["name"], p["country"]) for p in exported(graph, "places") if p["doc_id"] == doc_id}
    assert ("Doha", "QAT") in places and ("Cairo", "EGY") in places


def test_both_tripolis_are_told_apart(ingested) -> None:
    graph, _report, by_source = ingested
    [source] = [p["source"] for p in PAGES if p["article"].startswith("07-tripoli")]
    doc_id = by_source[source]["id"]
    tripolis = {
        p["country"]
        for p in exported(graph, "places")
        if p["doc_id"] == doc_id and p["name"] == "Tripoli"
    }
    assert tripolis == {"LBY", "LBN"}


def test_reingest_adds_no_annotation_rows(ingested) -> None:
    graph, _report, _ = ingested
    before = graph.store.counts()
    graph.ingest(CORPUS)
    assert graph.store.counts() == before


FRENCH = """<html lang="fr"><head><title>Sommet à Dakar</title></head><body><article>
<p>Les chefs d'État de la CEDEAO se sont réunis samedi à Dakar pour discuter de la crise au
Sahel et de l'avenir de la coopération régionale, selon un communiqué publié dimanche.</p>
<p>Les ministres ont également évoqué la situation humanitaire dans le nord du Mali et la
nécessité d'un accès sans entrave pour les organisations d'aide internationale.</p>
</article></body></html>"""


def test_non_english_article_is_stored_without_nlp_and_says_why(tmp_path: Path) -> None:
    page = tmp_path / "dakar.html"
    page.write_text(FRENCH, encoding="utf-8")
    graph = Newsgraph(options=Options.from_env(environ={}, db_url=f"sqlite:///{tmp_path}/fr.db"))
    report = graph.ingest(page)
    [doc] = exported(graph, "documents")
    assert report.new == 1 and doc["language"] == "fr"
    assert doc["nlp_note"] == "language 'fr': NLP runs on English text only"
    assert graph.store.counts()["mentions"] == 0
