"""The JSON API against a real `newsgraph serve` on the sample corpus: every list
endpoint, its filters, stable pagination, documents with their annotations, actors,
the network and the timeline. Expected values come from the store itself."""

from __future__ import annotations

from collections import Counter

import httpx
import pytest
from api_helpers import fetch_all, get_json, store_rows

from newsgraph.store import Store
from served_corpus import Served

pytestmark = pytest.mark.slow

LISTS = [
    ("/api/documents", {}),
    ("/api/actors", {}),
    ("/api/quotes", {}),
    ("/api/events", {"status": "all"}),
]


def test_health_names_the_schema_and_counts_documents(client: httpx.Client, served: Served):
    health = get_json(client, "/api/health")
    with Store(served.db_url) as store:
        assert health == {
            "status": "ok",
            "schema": store.head_version(),
            "documents": store.counts()["documents"],
        }


@pytest.mark.parametrize(("path", "params"), LISTS)
def test_pages_concatenate_to_the_whole_ordered_list(client: httpx.Client, path, params):
    whole = fetch_all(client, path, **params)
    assert len(whole) > 7
    ids = [item["id"] for item in whole]
    assert len(set(ids)) == len(ids), "ids in a list are unique"
    pages, offset = [], 0
    while offset < len(whole):
        page = get_json(client, path, limit=7, offset=offset, **params)
        assert (page["limit"], page["offset"], page["total"]) == (7, offset, len(whole))
        pages += [item["id"] for item in page["items"]]
        offset += 7
    assert pages == ids
    past = get_json(client, path, limit=7, offset=len(whole), **params)
    assert past["items"] == [] and past["total"] == len(whole)
    assert get_json(client, path, **params)["limit"] == 50


def test_documents_are_every_stored_document_newest_first(client: httpx.Client, served: Served):
    items = fetch_all(client, "/api/documents")
    stored = {row["id"]: row for row in store_rows(served.db_url, "documents")}
    assert {item["id"] for item in items} == set(stored)
    for item in items:
        row = stored[item["id"]]
        for key in ("title", "authors", "site", "url", "published", "language"):
            assert item[key] == row[key]
        assert item["words"] is None or item["words"] > 0
    dated = [item["published"] for item in items if item["published"]]
    assert dated == sorted(dated, reverse=True)


def test_document_filters_by_site_and_dates(client: httpx.Client):
    items = fetch_all(client, "/api/documents")
    site = Counter(item["site"] for item in items if item["site"]).most_common(1)[0][0]
    by_site = fetch_all(client, "/api/documents", site=site.upper())
    assert by_site and [i["id"] for i in by_site] == [i["id"] for i in items if i["site"] == site]
    days = sorted({item["published"] for item in items if item["published"]})
    since, until = days[len(days) // 4], days[3 * len(days) // 4]
    window = fetch_all(client, "/api/documents", since=since, until=until)
    expected = [i["id"] for i in items if i["published"] and since <= i["published"] <= until]
    assert window and [i["id"] for i in window] == expected


def test_document_search_finds_words_of_the_text(client: httpx.Client):
    first = fetch_all(client, "/api/documents")[0]
    word = max(first["title"].split(), key=len).strip(".,:;\"'")
    found = fetch_all(client, "/api/documents", q=word)
    assert first["id"] in [item["id"] for item in found]
    for item in found:
        document = get_json(client, f"/api/documents/{item['id']}")
        assert word.lower() in (document["title"] + " " + document["text"]).lower()
    assert fetch_all(client, "/api/documents", search=word) == found


def test_document_filter_by_actor_keeps_documents_mentioning_it(
    client: httpx.Client, served: Served
):
    actor = fetch_all(client, "/api/actors")[0]
    expected = {
        m["doc_id"] for m in store_rows(served.db_url, "mentions") if m["actor_id"] == actor["id"]
    }
    assert len(expected) == actor["documents"] > 1
    for ref in (actor["id"], actor["name"]):
        found = fetch_all(client, "/api/documents", actor=ref)
        assert {item["id"] for item in found} == expected


def test_each_annotation_offset_slices_the_document_text(client: httpx.Client, served: Served):
    stored = {
        table: Counter(row["doc_id"] for row in store_rows(served.db_url, table))
        for table in ("mentions", "quotes", "events", "counts", "dates", "places")
    }
    spans = 0
    for item in fetch_all(client, "/api/documents"):
        document = get_json(client, f"/api/documents/{item['id']}")
        text = document["text"]
        assert document["words"] == item["words"]
        for table, per_doc in stored.items():
            assert len(document[table]) == per_doc[item["id"]], table
        for table in ("mentions", "quotes", "dates", "places"):
            for record in document[table]:
                assert text[record["start"] : record["end"]] == record["text"], (table, record)
                spans += 1
        for event in document["events"]:
            assert text[event["start"] : event["end"]] == event["trigger_text"] != ""
        for date in document["dates"]:
            assert date["value"] in (date["date_start"], f"{date['date_start']}/{date['date_end']}")
        for count in document["counts"]:
            assert 0 <= count["start"] < count["end"] <= len(text)
        bounds = [(s["start"], s["end"]) for s in document["sentences"]]
        assert bounds == sorted(bounds) and all(0 <= a < b <= len(text) for a, b in bounds)
        assert [s["index"] for s in document["sentences"]] == list(range(len(bounds)))
        for mention in document["mentions"]:
            start, end = bounds[mention["sentence"]]
            assert start <= mention["start"] < mention["end"] <= end
    assert spans > 500


def test_document_quotes_and_events_name_their_actors(client: httpx.Client):
    actors = {a["id"]: a for a in fetch_all(client, "/api/actors")}
    documents = fetch_all(client, "/api/documents")
    seen = 0
    for item in documents:
        document = get_json(client, f"/api/documents/{item['id']}")
        for quote in document["quotes"]:
            if quote["speaker_actor_id"]:
                assert quote["speaker"] == actors[quote["speaker_actor_id"]]["name"]
                seen += 1
        for event in document["events"]:
            if event["source_actor_id"]:
                assert event["source"] == actors[event["source_actor_id"]]["name"]
            assert event["id"].startswith(item["id"] + "-")
        for mention in document["mentions"]:
            assert mention["actor"] == actors[mention["actor_id"]]["name"]
    assert seen > 0


def test_actor_list_filters_by_type_and_search(client: httpx.Client):
    everyone = fetch_all(client, "/api/actors")
    mentions = [a["mentions"] for a in everyone]
    assert mentions == sorted(mentions, reverse=True)
    for flag, stored in (("person", "person"), ("org", "organisation"), ("country", "country")):
        some = fetch_all(client, "/api/actors", type=flag)
        assert some and [a["id"] for a in some] == [
            a["id"] for a in everyone if a["type"] == stored
        ]
    name = everyone[0]["name"]
    part = name[1:5].upper()
    found = fetch_all(client, "/api/actors", search=part)
    assert everyone[0]["id"] in [a["id"] for a in found]
    assert all(
        part.lower() in a["name"].lower() or part.lower() in (a["code"] or "").lower()
        for a in found
    )


def test_quotes_filter_by_speaker_kind_search_and_about(client: httpx.Client):
    every = fetch_all(client, "/api/quotes")
    direct = fetch_all(client, "/api/quotes", kind="direct")
    assert direct and [q["id"] for q in direct] == [q["id"] for q in every if q["kind"] == "direct"]
    speaker = Counter(q["speaker"] for q in every if q["speaker_actor_id"]).most_common(1)[0][0]
    surname = speaker.split()[-1]
    by_speaker = fetch_all(client, "/api/quotes", speaker=surname)
    assert by_speaker
    for quote in by_speaker:
        assert surname.lower() in f"{quote['speaker']} {quote['speaker_text']}".lower()
    word = max(every[0]["text"].split(), key=len)
    assert every[0]["id"] in [q["id"] for q in fetch_all(client, "/api/quotes", search=word)]
    actor = fetch_all(client, "/api/actors", type="country")[0]
    about = fetch_all(client, "/api/quotes", about=actor["id"])
    for quote in about:
        document = get_json(client, f"/api/documents/{quote['doc_id']}")
        assert any(
            m["actor_id"] == actor["id"] and quote["start"] <= m["start"] < m["end"] <= quote["end"]
            for m in document["mentions"]
        )


def test_events_filter_by_status_actor_code_root_and_dates(client: httpx.Client):
    every = fetch_all(client, "/api/events", status="all")
    facts = fetch_all(client, "/api/events")
    assert [e["id"] for e in facts] == [e["id"] for e in every if e["status"] == "fact"]
    negated = fetch_all(client, "/api/events", status="negated")
    assert [e["id"] for e in negated] == [e["id"] for e in every if e["status"] == "negated"]
    dates = [e["date"] for e in facts if e["date"]]
    assert dates == sorted(dates, reverse=True)
    root = Counter(e["root"] for e in facts).most_common(1)[0][0]
    assert [e["id"] for e in fetch_all(client, "/api/events", root=root.lstrip("0"))] == [
        e["id"] for e in facts if e["root"] == root
    ]
    code = facts[0]["code"][:3]
    assert [e["id"] for e in fetch_all(client, "/api/events", code=code)] == [
        e["id"] for e in facts if e["code"].startswith(code)
    ]
    actor = Counter(e["source_actor_id"] for e in facts if e["source_actor_id"]).most_common(1)[0][
        0
    ]
    with_actor = fetch_all(client, "/api/events", actor=actor)
    assert [e["id"] for e in with_actor] == [
        e["id"] for e in facts if actor in (e["source_actor_id"], e["target_actor_id"])
    ]
    since, until = dates[-1 - len(dates) // 3], dates[len(dates) // 3]
    assert [e["id"] for e in fetch_all(client, "/api/events", since=since, until=until)] == [
        e["id"] for e in facts if e["date"] and since <= e["date"] <= until
    ]


def test_actor_profile_gathers_quotes_events_and_co_actors(client: httpx.Client, served: Served):
    facts = fetch_all(client, "/api/events")
    quotes = fetch_all(client, "/api/quotes")
    speaker = Counter(q["speaker_actor_id"] for q in quotes if q["speaker_actor_id"])
    actor_id = speaker.most_common(1)[0][0]
    profile = get_json(client, f"/api/actors/{actor_id}")
    assert profile["id"] == actor_id and profile["name"] in profile["aliases"]
    mentions = [m for m in store_rows(served.db_url, "mentions") if m["actor_id"] == actor_id]
    assert profile["mentions"] == len(mentions)
    assert [q["id"] for q in profile["quotes"]] == [
        q["id"] for q in quotes if q["speaker_actor_id"] == actor_id
    ][:50]
    for side in ("source", "target"):
        assert [e["id"] for e in profile[f"events_as_{side}"]] == [
            e["id"] for e in facts if e[f"{side}_actor_id"] == actor_id
        ][:50]
    titles = {d["id"]: d["title"] for d in fetch_all(client, "/api/documents")}
    for row in profile["events_as_source"] + profile["events_as_target"] + profile["quotes"]:
        assert row["title"] == titles[row["doc_id"]]
    own_docs = {m["doc_id"] for m in mentions}
    shared = Counter()
    for doc_id, other in {
        (m["doc_id"], m["actor_id"]) for m in store_rows(served.db_url, "mentions")
    }:
        if doc_id in own_docs and other != actor_id:
            shared[other] += 1
    assert profile["co_occurring"]
    for co in profile["co_occurring"]:
        assert co["count"] == shared[co["id"]] > 0
    counts = [co["count"] for co in profile["co_occurring"]]
    assert counts == sorted(counts, reverse=True)
    days = profile["timeline"]
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert sum(d["quotes"] for d in days) == sum(
        1 for q in quotes if q["speaker_actor_id"] == actor_id and q["published"]
    )
    assert sum(d["events"] for d in days) == sum(
        1 for e in facts if actor_id in (e["source_actor_id"], e["target_actor_id"]) and e["date"]
    )


def test_network_edges_weigh_fact_events_between_actors(client: httpx.Client):
    facts = fetch_all(client, "/api/events")
    graph = get_json(client, "/api/network", limit=500)
    pairs = Counter(
        (e["source_actor_id"], e["target_actor_id"])
        for e in facts
        if e["source_actor_id"]
        and e["target_actor_id"]
        and e["source_actor_id"] != e["target_actor_id"]
    )
    assert {(e["source"], e["target"]): e["events"] for e in graph["edges"]} == dict(pairs)
    for edge in graph["edges"]:
        on_edge = [
            e
            for e in facts
            if (e["source_actor_id"], e["target_actor_id"]) == (edge["source"], edge["target"])
        ]
        assert edge["goldstein_mean"] == pytest.approx(
            sum(e["goldstein"] for e in on_edge) / len(on_edge)
        )
        assert edge["cooperation"] == sum(1 for e in on_edge if e["quad_class"] in (1, 2))
        assert edge["conflict"] == sum(1 for e in on_edge if e["quad_class"] in (3, 4))
    weight = Counter()
    for edge in graph["edges"]:
        weight[edge["source"]] += edge["events"]
        weight[edge["target"]] += edge["events"]
    assert {n["id"]: n["events"] for n in graph["nodes"]} == dict(weight)
    top = get_json(client, "/api/network", limit=3)["edges"]
    assert top == graph["edges"][:3]


def test_network_filter_by_actor_keeps_its_edges(client: httpx.Client):
    graph = get_json(client, "/api/network", limit=500)
    actor = Counter(e["source"] for e in graph["edges"]).most_common(1)[0][0]
    own = get_json(client, "/api/network", actor=actor, limit=500)
    assert own["edges"] == [e for e in graph["edges"] if actor in (e["source"], e["target"])]


def test_timeline_counts_events_and_quotes_per_day_for_several_actors(client: httpx.Client):
    facts = fetch_all(client, "/api/events")
    quotes = fetch_all(client, "/api/quotes")
    ids = [a["id"] for a in fetch_all(client, "/api/actors")[:3]]
    response = client.get("/api/timeline", params=[("actor", i) for i in ids])
    assert response.status_code == 200, response.text
    timeline = response.json()
    assert timeline["actors"] == ids
    events = Counter(
        e["date"]
        for e in facts
        if e["date"] and ({e["source_actor_id"], e["target_actor_id"]} & set(ids))
    )
    said = Counter(
        q["published"] for q in quotes if q["speaker_actor_id"] in ids and q["published"]
    )
    assert {d["date"]: (d["events"], d["quotes"]) for d in timeline["days"]} == {
        day: (events[day], said[day]) for day in set(events) | set(said)
    }
    first, last = timeline["days"][0]["date"], timeline["days"][-1]["date"]
    response = client.get(
        "/api/timeline", params=[("actor", i) for i in ids] + [("since", first), ("until", first)]
    )
    assert [d["date"] for d in response.json()["days"]] == [first]
    assert first <= last


def test_search_looks_in_documents_quotes_and_actors(client: httpx.Client):
    actor = fetch_all(client, "/api/actors", type="country")[0]
    results = get_json(client, "/api/search", q=actor["name"], limit=5)
    assert set(results) == {"documents", "quotes", "actors"}
    assert actor["id"] in [a["id"] for a in results["actors"]]
    assert results["documents"] and len(results["documents"]) <= 5
    for quote in results["quotes"]:
        assert actor["name"].lower() in quote["text"].lower()
