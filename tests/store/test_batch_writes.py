"""A batch is written with its decisions made in memory (store/writes.py): the rows must be
those of writing its items one at a time, however the items of one batch depend on each
other: a copy stored earlier in the batch, gaps it fills, a rejection cleared and made
again, a document annotated after a plain copy, a person merged with one stored a few
items before, an actor enriched twice. On SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text

from newsgraph.extract.fingerprint import fingerprint
from newsgraph.model import (
    ActorRecord,
    AnnotatedArticle,
    Annotations,
    Article,
    EventRecord,
    Mention,
    QuoteRecord,
    Rejected,
    Sentence,
)
from newsgraph.store import Store, WriteResult
from newsgraph.store.edges import edge_mismatches
from newsgraph.store.schema import metadata
from newsgraph.store.writes import Item
from store_rows import assert_consistent, stored_rows


@pytest.fixture
def db_url(backend_url: str) -> str:
    return backend_url


BODY_A = "Amara Okafor met Hezbollah envoys in Beirut on Monday. Omar Hassan said talks went on."
BODY_B = "Ali Hassan condemned the strike. Amara N. Okafor urged calm as Hezbollah fired rockets."


def person(name: str, **extra) -> ActorRecord:
    return ActorRecord(key=f"person:{name.lower()}", name=name, type="person", **extra)


HEZBOLLAH = ActorRecord("org:hezbollah", "Hezbollah", "organisation", None, "REB")


def event(index: int, source: ActorRecord, target: ActorRecord, cameo: str) -> EventRecord:
    root, quad, goldstein = cameo[:2], 1 if cameo < "06" else 4, 3.0 if cameo < "06" else -9.5
    return EventRecord(
        index, 0, index * 3, index * 3 + 2, source.key, target.key, source.name,
        target.name, cameo, root, quad, goldstein, "fact", "2025-03-03", None, -1.5,
    )  # fmt: skip


def annotated(article: Article, *actors: ActorRecord, events=()) -> AnnotatedArticle:
    mentions = tuple(
        Mention(a.key, a.name, i * 10, i * 10 + 5, 0, "name") for i, a in enumerate(actors)
    )
    quotes = (QuoteRecord("talks went on", 60, 73, 1, "indirect", actors[0].key, actors[0].name),)
    annotations = Annotations(
        sentences=(Sentence(0, 0, 55), Sentence(1, 56, 90)),
        actors=actors,
        mentions=mentions,
        quotes=quotes,
        events=tuple(events),
    )
    return AnnotatedArticle(article, annotations)


def article(body: str, path: str, **metadata) -> Article:
    return Article(
        metadata.pop("title", None),
        body,
        path,
        "html",
        content_sha256=fingerprint(body),
        **metadata,
    )


def items() -> list[Item]:
    full_a = article(
        BODY_A, "html/a.html", title="Beirut talks", canonical_url="https://x.example/a",
        authors=("Lina Haddad",), published="2025-03-03", language="en",
    )  # fmt: skip
    bare_a = replace(full_a, title=None, canonical_url=None, authors=(), published=None,
                     source_path="text/a.txt", source_format="text")  # fmt: skip
    other_a = article(BODY_B, "html/a-other.html", canonical_url="https://x.example/a")
    plain_b = article(BODY_B, "html/b.html", title="Rockets")
    okafor, hassan, ali = person("Amara Okafor"), person("Omar Hassan"), person("Ali Hassan")
    return [
        Rejected("html/a.html", "empty file", "html"),
        annotated(bare_a, okafor, HEZBOLLAH, hassan, events=[event(0, okafor, HEZBOLLAH, "042")]),
        AnnotatedArticle(full_a, Annotations()),  # fills the gaps, clears the rejection
        Rejected("html/a.html", "tried again", "html"),
        other_a,  # its canonical URL was filled in two items before
        plain_b,
        annotated(
            replace(plain_b, source_path="mhtml/b.mhtml"),
            ali,
            person("Amara N. Okafor", country="NGA"),  # the Amara Okafor of item 2
            replace(HEZBOLLAH, country="LBN", code="LBNREB"),
            events=[event(0, ali, HEZBOLLAH, "190"), event(1, okafor, HEZBOLLAH, "042")],
        ),
        annotated(plain_b, person("A. Okafor", role="GOV"), hassan),  # already annotated
        Rejected("broken.warc.gz", "truncated", "warc"),
        Rejected("broken.warc.gz", "still truncated", "warc"),
        full_a,  # stored after all: its rejection goes again
    ]


def write(store: Store, batches: list[list[Item]]) -> tuple[list[WriteResult], list, dict]:
    results = [result for batch in batches for result in store.write_batch(batch)]
    tries = [(r["source_path"], r["reason"], r["attempts"]) for r in store.rejections()]
    return results, tries, stored_rows(str(store.url.render_as_string(hide_password=False)))


def empty(store: Store) -> None:
    with store.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            connection.execute(table.delete())


def test_one_batch_stores_what_one_item_at_a_time_stores(store: Store) -> None:
    batch = items()
    together = write(store, [batch])
    assert_consistent(str(store.url.render_as_string(hide_password=False)))
    empty(store)
    one_by_one = write(store, [[item] for item in batch])
    assert together == one_by_one
    statuses = [r.status for r in together[0]]
    assert statuses == [
        "rejected", "new", "new-source", "rejected", "new-source", "new", "new-source",
        "unchanged", "rejected", "rejected", "unchanged",
    ]  # fmt: skip
    assert together[1] == [("broken.warc.gz", "still truncated", 2)]
    with store.engine.connect() as connection:
        assert edge_mismatches(connection) == 0
        # the plain copy of b was annotated by its annotated copy, two items later
        unannotated = "SELECT count(*) FROM documents WHERE annotated_at IS NULL"
        assert connection.execute(text(unannotated)).scalar_one() == 0


def test_reannotating_in_one_batch_matches_one_item_at_a_time(store: Store) -> None:
    batch = items()
    again = [
        replace(item, annotations=replace(item.annotations, events=item.annotations.events[1:]))
        for item in batch
        if isinstance(item, AnnotatedArticle)
    ]

    def run(batches: list[list[Item]]) -> tuple[list[WriteResult], list, dict]:
        empty(store)
        store.write_batch(batch)
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE documents SET annotated_at = NULL"))
        return write(store, batches)

    assert run([again]) == run([[item] for item in again])
    with store.engine.connect() as connection:
        assert edge_mismatches(connection) == 0
