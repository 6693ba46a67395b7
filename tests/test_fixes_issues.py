"""Fixes of problems found in review, each pinned by a test that failed before it:

1. a ``javascript:`` URL (canonical link, ``og:url``, feed ``url``) is not stored as the
   document's url or canonical URL, so it cannot merge unrelated pages either;
2. a JSONL ``author`` list of two names gives two authors;
3. a body longer than spaCy's default ``max_length`` parses when ``max_body_chars``
   allows it;
4. the API's document detail has ``words`` and an actor's events carry their
   document's ``title``;
5. a quote over several sentences has all of them as its ``sentence_text``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import spacy

from newsgraph import Newsgraph
from newsgraph.extract.html import web_url
from newsgraph.extract.page import extract
from newsgraph.model import Article, RawPage
from newsgraph.nlp import make_doc
from newsgraph.options import Options
from newsgraph.readers.jsonl import read_jsonl
from served_corpus import start_server, stop_server

OPTIONS = Options()
BODY = (
    "Ministers from eleven West African states met in Accra on Monday to discuss a joint "
    "customs union, the first such meeting since the bloc was founded. The talks were "
    "hosted by Ghana's trade ministry and ran for two days, officials said."
)
# Two pages naming the same javascript: URL; each has a quotation over two sentences.
FEED = [
    {
        "url": "javascript:alert(1)",
        "title": "Port strike ends",
        "published": "2025-05-14",
        "author": ["Ana Borg", "Josef Vella"],
        "text": "Dockworkers in Marsaxlokk ended a four-day strike on Wednesday after the "
        "Maltese government agreed to raise wages by 6 percent, union officials said. "
        '"We will not stop here. The deal is only the beginning of our campaign," said '
        "Josef Bugeja, the union's secretary-general. Malta accused Italy of blocking the "
        "talks. Italy condemned Malta on Thursday.",
    },
    {
        "url": "javascript:alert(1)",
        "title": "Cranes arrive",
        "published": "2025-05-15",
        "authors": ["Lina Camilleri", "Paul Zammit"],
        "text": "Italy sent three extra cranes from Catania to the port of Marsaxlokk on "
        "Friday, the port authority said. Malta thanked Italy for the cranes. "
        '"The cranes arrived early. We are grateful to our neighbours," said Josef '
        "Bugeja, the union's secretary-general, at the quay. Ships resumed loading in "
        "the afternoon.",
    },
]


def _html(head: str) -> str:
    return (
        f"<html lang='en'><head>{head}</head><body><article><p>{BODY}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("https://x.example/a", "https://x.example/a"),
        (" HTTP://x.example/a ", "HTTP://x.example/a"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("//x.example/a", None),
        ("https:///x", None),
        ("", None),
        (None, None),
    ],
)
def test_web_url_keeps_only_http_urls(value, kept):
    assert web_url(value) == kept


def test_javascript_canonical_link_falls_back_to_the_page_url():
    head = (
        "<link rel='canonical' href='javascript:alert(1)'>"
        "<meta property='og:url' content='javascript:alert(2)'>"
    )
    page = RawPage("a.warc#record-1", "warc", html=_html(head), url="https://x.example/a")
    article = extract(page, options=OPTIONS)
    assert isinstance(article, Article)
    assert article.url == article.canonical_url == "https://x.example/a"
    alone = extract(RawPage("a.html", "html", html=_html(head)), options=OPTIONS)
    assert isinstance(alone, Article)
    assert alone.url is None and alone.canonical_url is None and alone.site is None


def test_javascript_page_url_is_dropped_for_every_kind_of_page():
    pages = [
        RawPage("a.html", "html", html=_html("<title>T</title>"), url="javascript:alert(1)"),
        RawPage("f.jsonl#line-1", "jsonl", text=BODY, url="javascript:alert(1)"),
        RawPage("t.txt", "text", text=f"<!-- saved from url=(0019)javascript:alert(1) -->\n{BODY}"),
    ]
    for page in pages:
        article = extract(page, options=OPTIONS)
        assert isinstance(article, Article), page.source_path
        assert (article.url, article.canonical_url) == (None, None), page.source_path
        assert article.text.startswith("Ministers")


def test_jsonl_author_list_gives_one_author_per_name(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(line) for line in FEED) + "\n", encoding="utf-8")
    pages = list(read_jsonl(feed, options=OPTIONS))
    authors = [extract(page, options=OPTIONS).authors for page in pages]
    assert authors == [("Ana Borg", "Josef Vella"), ("Lina Camilleri", "Paul Zammit")]


def test_make_doc_raises_spacys_max_length_to_fit_the_body():
    nlp = spacy.blank("en")
    nlp.max_length = 100  # spaCy's default is 1,000,000: same check, a cheap text
    text = "Ships resumed loading in the afternoon. " * 5
    doc = make_doc(nlp, text, published="2025-05-15")
    assert doc.text == text and doc._.published == "2025-05-15"
    assert nlp.max_length == len(text) > 100
    make_doc(nlp, "Short.", published=None)
    assert nlp.max_length == len(text), "the shared pipeline's limit never shrinks"


@pytest.fixture(scope="module")
def fed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Newsgraph]:
    """:data:`FEED` ingested (extracted, annotated, stored) into a fresh SQLite store."""
    folder = tmp_path_factory.mktemp("fixes")
    feed = folder / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(line) for line in FEED) + "\n", encoding="utf-8")
    with Newsgraph(f"sqlite:///{folder / 'fixes.db'}") as graph:
        assert not graph.ingest(feed, workers=1).rejected
        yield graph


@pytest.fixture(scope="module")
def client(fed: Newsgraph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A real ``newsgraph serve`` over the :func:`fed` store."""
    log = tmp_path_factory.mktemp("fixes-server") / "serve.log"
    process, url = start_server(fed.options.db_url, log=log)
    try:
        with httpx.Client(base_url=url, timeout=30) as opened:
            yield opened
    finally:
        stop_server(process)


@pytest.mark.slow
def test_pages_with_the_same_javascript_url_stay_two_documents(fed: Newsgraph):
    documents = fed.documents()
    assert sorted(d["title"] for d in documents) == ["Cranes arrive", "Port strike ends"]
    for document in documents:
        assert document["url"] is None and document["canonical_url"] is None
        stored = fed.document(document["id"])
        assert stored["content_sha256"] and stored["canonical_url"] is None
    assert {tuple(d["authors"]) for d in documents} == {
        ("Ana Borg", "Josef Vella"),
        ("Lina Camilleri", "Paul Zammit"),
    }


@pytest.mark.slow
def test_document_detail_has_its_word_count(client: httpx.Client):
    listing = client.get("/api/documents").json()["items"]
    assert len(listing) == 2
    for item in listing:
        detail = client.get(f"/api/documents/{item['id']}").json()
        assert detail["url"] is None
        assert detail["words"] == item["words"]
        assert detail["words"] >= len(detail["text"].split()) // 2 > 0
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "words" in schema["Document"]["properties"]
    assert "title" in schema["Event"]["properties"]


@pytest.mark.slow
def test_actor_profile_rows_name_their_document(client: httpx.Client):
    titles = {d["id"]: d["title"] for d in client.get("/api/documents").json()["items"]}
    actors = client.get("/api/actors", params={"limit": 500}).json()["items"]
    rows = 0
    for actor in actors:
        profile = client.get(f"/api/actors/{actor['id']}").json()
        for row in profile["events_as_source"] + profile["events_as_target"] + profile["quotes"]:
            assert row["title"] == titles[row["doc_id"]]
            rows += 1
    assert rows > 0
    for event in client.get("/api/events").json()["items"]:
        assert event["title"] == titles[event["doc_id"]]


def _sentences_over(document: dict, start: int, end: int) -> str:
    """The text from the first to the last sentence overlapping ``start:end``."""
    bounds = [(s["start"], s["end"]) for s in document["sentences"] if s["start"] < end]
    bounds = [b for b in bounds if b[1] > start]
    return document["text"][bounds[0][0] : bounds[-1][1]]


@pytest.mark.slow
def test_quote_sentence_text_covers_every_sentence_of_the_quote(
    fed: Newsgraph, client: httpx.Client
):
    documents = {
        d["id"]: client.get(f"/api/documents/{d['id']}").json()
        for d in client.get("/api/documents").json()["items"]
    }
    listed = client.get("/api/quotes").json()["items"]
    out = io.BytesIO()
    fed.export("quotes", fmt="jsonl", out=out)
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    from_python = fed.quotes()
    assert len(listed) == len(exported) == len(from_python) > 0
    for rows in (listed, exported, from_python):
        for quote in rows:
            expected = _sentences_over(documents[quote["doc_id"]], quote["start"], quote["end"])
            assert quote["sentence_text"] == expected
            assert quote["text"] in quote["sentence_text"]
    spanning = [q for q in listed if ". " in q["text"]]
    assert len(spanning) == 2, "each page has a quotation over two sentences"
    for quote in spanning:
        assert (
            quote["sentence_text"].startswith('"') and "said Josef Bugeja" in quote["sentence_text"]
        )
