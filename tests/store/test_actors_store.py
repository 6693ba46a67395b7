"""Actors across documents: one row per person or organisation, with a surname guard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsgraph.model import ActorRecord, Annotations, Mention, Sentence
from newsgraph.store import Store
from newsgraph.store.actors import block_of, same_person
from newsgraph.store.schema import documents
from newsgraph.store.writes import write_annotations


@pytest.fixture
def db_url(backend_url: str) -> str:
    """Every store test here runs on SQLite and on PostgreSQL."""
    return backend_url


NOW = datetime(2025, 3, 5, tzinfo=UTC)


def person(name: str, **extra) -> ActorRecord:
    return ActorRecord(key=f"person:{name.lower()}", name=name, type="person", **extra)


def annotate(store: Store, doc_id: str, *records: ActorRecord) -> None:
    mentions = tuple(
        Mention(r.key, r.name, i * 20, i * 20 + len(r.name), 0, "name")
        for i, r in enumerate(records)
    )
    annotations = Annotations(sentences=(Sentence(0, 0, 200),), actors=records, mentions=mentions)
    with store.engine.begin() as connection:
        write_annotations(connection, doc_id, annotations, NOW)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Amara Okafor", "Amara N. Okafor", True),
        ("Mohammed al-Subaie", "Mohammad al-Subaie", True),
        ("A. Okafor", "Amara Okafor", True),
        ("Ali Hassan", "Omar Hassan", False),
        ("Chidi Okafor", "Amara Okafor", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_same_key_in_two_documents_is_one_actor(store: Store) -> None:
    annotate(store, "doc1", person("Amara Okafor", country="NGA"))
    annotate(store, "doc2", person("Amara Okafor", role="EDU"))
    [row] = store.actors()
    assert (row["mentions"], row["documents"]) == (2, 2)
    assert (row["country"], row["role"]) == ("NGA", "EDU")  # enriched by the second


def test_spelling_variant_merges_and_keeps_both_aliases(store: Store) -> None:
    annotate(store, "doc1", person("Mohammed al-Subaie"))
    annotate(store, "doc2", person("Mohammad al-Subaie"))
    [row] = store.actors()
    assert set(row["aliases"]) == {"Mohammed al-Subaie", "Mohammad al-Subaie"}


def test_shared_surname_never_merges_different_people(store: Store) -> None:
    annotate(store, "doc1", person("Ali Hassan"))
    annotate(store, "doc2", person("Omar Hassan"))
    assert sorted(r["name"] for r in store.actors()) == ["Ali Hassan", "Omar Hassan"]


def test_organisations_and_countries_match_by_key(store: Store) -> None:
    hezbollah = ActorRecord("org:hezbollah", "Hezbollah", "organisation", "LBN", "REB", "LBNREB")
    annotate(store, "doc1", hezbollah)
    annotate(store, "doc2", hezbollah)
    [row] = store.actors(type="organisation")
    assert row["code"] == "LBNREB" and row["documents"] == 2


def test_reannotating_a_document_replaces_its_rows(store: Store) -> None:
    annotate(store, "doc1", person("Amara Okafor"))
    annotate(store, "doc1", person("Amara Okafor"))
    assert store.actors()[0]["mentions"] == 1


def test_profile_lists_co_occurring_actors(store: Store) -> None:
    hamas = ActorRecord("org:hamas", "Hamas", "organisation", "PSE", "REB", "PSEREB")
    annotate(store, "doc1", person("Nasser al-Subaie"), hamas)
    with store.engine.begin() as connection:
        connection.execute(
            documents.insert().values(
                id="doc1",
                authors=[],
                text="Nasser al-Subaie said Hamas would answer." + " " * 200,
                source_path="x",
                source_format="html",
                content_sha256="h",
                ingested_at=NOW,
            )
        )
    profile = store.actor_profile("Hamas")
    assert [c["name"] for c in profile["co_occurring"]] == ["Nasser al-Subaie"]
    assert profile["mentions"][0]["sentence_text"].startswith("Nasser al-Subaie said Hamas")


def test_block_is_the_surname() -> None:
    assert block_of(person("Dr. Amara Okafor")) == "person:okafor"


@pytest.mark.parametrize("search", ["%", "_", "\\", "Ok%or", "Okaf_r"])
def test_search_text_is_literal_not_a_like_pattern(store: Store, search: str) -> None:
    annotate(store, "doc1", person("Amara Okafor"), person("Chidi_Eze"))
    found = [r["name"] for r in store.actors(search=search)]
    assert found == (["Chidi_Eze"] if search == "_" else [])
    assert [r["name"] for r in store.actors(search="okafor")] == ["Amara Okafor"]
