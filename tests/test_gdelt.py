"""GDELT 2.0 Events export: a real SQLite store in, 61-column rows out."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from newsgraph.errors import NewsgraphError
from newsgraph.gdelt import (
    EVENT_COLUMNS,
    countries,
    fips_code,
    fmt_float,
    fraction_date,
    iter_gdelt_event_rows,
    place_geo,
    split_actor_code,
    stable_id,
    write_gdelt_events,
)
from newsgraph.store import Store
from newsgraph.store.schema import (
    actors,
    counts,
    dates,
    documents,
    events,
    mentions,
    places,
    quotes,
    tones,
)

DATA = Path(__file__).resolve().parent / "data"
TEXT = (DATA / "gdelt_article.txt").read_text(encoding="utf-8")
URL = "https://www.lakeshore-herald.example/africa/2025/03/04/fuel-protests"
DOC = "a1b2c3d4e5f60718"
BULLETIN = "ffee000011112222"
SENTENCES = [
    "Kenyan police arrested",
    "President William Ruto",
    '"We will not',
    "Russia's Foreign Ministry",
    "Opposition leader",
    "The government may",
]

ACTORS = {
    "police": ("country:KEN:COP", "Kenya (police)", "organisation", "KEN", "COP", "KENCOP"),
    "ruto": ("person:william ruto", "William Ruto", "person", "KEN", "GOV", "KENGOV"),
    "uganda": ("country:UGA:GOV", "Uganda (government)", "organisation", "UGA", "GOV", None),
    "russia": ("country:RUS:GOV", "Russia (government)", "organisation", "RUS", "GOV", "RUSGOV"),
    "au": ("org:african union", "African Union", "organisation", None, "IGO", "IGOAFRAFU"),
    "odinga": ("person:raila odinga", "Raila Odinga", "person", "KEN", "OPP", None),
}
PLACES = {
    "Nairobi": ("KEN", -1.28333, 36.81667, "city", 184745),
    "Kampala": ("UGA", 0.31628, 32.58219, "city", 232422),
    "Mombasa": ("KEN", -4.05466, 39.66359, "city", 186301),
}


def at(phrase: str, occurrence: int = 1) -> tuple[int, int]:
    """Start and end of the ``occurrence``-th ``phrase`` in the article."""
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


def sentence_of(offset: int) -> int:
    starts = [TEXT.index(s) for s in SENTENCES]
    return max(i for i, s in enumerate(starts) if s <= offset)


def span(phrase: str, occurrence: int = 1) -> dict[str, int]:
    start, end = at(phrase, occurrence)
    return {"start": start, "end": end, "sentence": sentence_of(start)}


def _document_rows() -> list[dict[str, Any]]:
    base = {"authors": [], "source_format": "html", "content_sha256": "0" * 64}
    return [
        {
            **base,
            "id": DOC,
            "url": URL,
            "canonical_url": URL.replace("www.", ""),
            "title": 'Fuel protests & arrests:\n12 held in "Nairobi"',
            "site": "The Lakeshore Herald",
            "published": "2025-03-04",
            "language": "en",
            "text": TEXT,
            "source_path": "pages/fuel-protests.html",
            "ingested_at": datetime(2025, 3, 5, 8, 30, 0),
            "annotated_at": datetime(2025, 3, 5, 8, 31, 15),
        },
        {
            **base,
            "id": BULLETIN,
            "text": "Markets were quiet on Monday.\n\nNo further details were given.",
            "source_path": "texts/bulletin-17.txt",
            "source_format": "text",
            "ingested_at": datetime(2025, 3, 6, 17, 5, 9),
        },
    ]


def _actor_rows() -> list[dict[str, Any]]:
    rows = []
    for key, name, kind, country, role, code in ACTORS.values():
        rows.append(
            {
                "id": stable_id(key).to_bytes(8).hex(),
                "key": key,
                "name": name,
                "type": kind,
                "country": country,
                "role": role,
                "code": code,
                "aliases": [name],
                "block": key,
            }
        )
    return rows


def actor_id(short: str) -> str:
    return stable_id(ACTORS[short][0]).to_bytes(8).hex()


def _mention_rows() -> list[dict[str, Any]]:
    found = [
        ("Kenyan police", "police", "name"),
        ("William Ruto", "ruto", "name"),
        ("Ugandan officials", "uganda", "description"),
        ("Ruto", "ruto", "surname", 2),
        ("Russia's Foreign Ministry", "russia", "name"),
        ("African Union", "au", "name"),
        ("Raila Odinga", "odinga", "name"),
    ]
    rows = []
    for phrase, who, kind, *occurrence in found:
        where = span(phrase, *occurrence)
        rows.append(
            {"doc_id": DOC, **where, "actor_id": actor_id(who), "text": phrase, "kind": kind}
        )
    return rows


def _place_rows() -> list[dict[str, Any]]:
    rows = []
    for name, (country, lat, lon, kind, geonameid) in PLACES.items():
        rows.append(
            {
                "doc_id": DOC,
                **span(name),
                "text": name,
                "name": name,
                "country": country,
                "lat": lat,
                "lon": lon,
                "kind": kind,
                "geonameid": geonameid,
            }
        )
    return rows


def _event(idx: int, trigger: str, source: str | None, target: str | None, **values: Any):
    where = span(trigger)
    place = values.pop("place", None)
    row = {
        "doc_id": DOC,
        "idx": idx,
        **where,
        "source_actor": actor_id(source) if source else None,
        "target_actor": actor_id(target) if target else None,
        "source_text": None,
        "target_text": None,
        "status": "fact",
        "date": None,
        "tone": None,
        "place_name": None,
        "place_country": None,
        "place_lat": None,
        "place_lon": None,
        "pattern": None,
        **values,
    }
    if place:
        country, lat, lon, _kind, _geonameid = PLACES[place]
        row.update(place_name=place, place_country=country, place_lat=lat, place_lon=lon)
    return row


def _event_rows() -> list[dict[str, Any]]:
    conflict = {"root": "17", "quad_class": 4}
    return [
        _event(0, "arrested", "police", None, cameo="173", goldstein=-5.0, date="2025-03-04",
               place="Nairobi", tone=-4.2, target_text="12 protesters", **conflict),
        _event(1, "met", "ruto", "uganda", cameo="042", root="04", quad_class=1,
               goldstein=1.9, date="2025-03-03", place="Kampala", tone=0.8),
        _event(2, "condemned", "russia", "police", cameo="111", root="11", quad_class=3,
               goldstein=-2.0),
        _event(3, "urged", "au", None, cameo="025", root="02", quad_class=1, goldstein=-0.3,
               date="2025-03"),
        _event(4, "impose", None, None, cameo="1721", goldstein=-7.0, status="hypothetical",
               **conflict),
    ]  # fmt: skip


def _annotation_rows() -> dict[Any, list[dict[str, Any]]]:
    quote = span("We will not\tbow to\npressure from the streets,")
    wounded = span("at least 30 people")
    return {
        counts: [
            {"doc_id": DOC, **span("arrested 12 protesters"), "kind": "ARREST", "number": 12,
             "qualifier": None, "object": "protesters"},
            {"doc_id": DOC, **wounded, "kind": "WOUND", "number": 30, "qualifier": "at least",
             "object": "people;  wounded#"},
        ],
        dates: [
            {"doc_id": DOC, **span("Tuesday"), "text": "Tuesday", "date_start": "2025-03-04",
             "date_end": "2025-03-04", "confidence": 0.9, "granularity": "day"},
            {"doc_id": DOC, **span("3 March 2025"), "text": "3 March 2025",
             "date_start": "2025-03-03", "date_end": "2025-03-03", "confidence": 1.0,
             "granularity": "day"},
            {"doc_id": DOC, **span("next week"), "text": "next week",
             "date_start": "2025-03-10", "date_end": "2025-03-16", "confidence": 0.5,
             "granularity": "week"},
        ],
        quotes: [
            {"doc_id": DOC, **quote, "text": TEXT[quote["start"] : quote["end"]],
             "kind": "direct", "speaker_actor": actor_id("ruto"), "speaker_text": "Ruto",
             "cue": "said", "addressee": None, "addressee_actor": None},
            {"doc_id": DOC, **span("at least 30 people were wounded in Mombasa"),
             "text": "at least 30 people were wounded in Mombasa", "kind": "indirect",
             "speaker_actor": actor_id("odinga"), "speaker_text": "Raila Odinga",
             "cue": "said", "addressee": None, "addressee_actor": None},
        ],
        tones: [
            {"doc_id": DOC, "tone": -2.5, "positive": 1.8, "negative": 4.3, "polarity": 6.1,
             "activity_density": 21.4, "self_group_density": 0.6, "word_count": 88},
        ],
    }  # fmt: skip


def fill(store: Store) -> None:
    """The article and a bare bulletin, with actors, mentions, places, events, counts,
    dates, quotes and tone, inserted as the store's writers would leave them."""
    tables = {
        documents: _document_rows(),
        actors: _actor_rows(),
        mentions: _mention_rows(),
        places: _place_rows(),
        events: _event_rows(),
        **_annotation_rows(),
    }
    with store.engine.begin() as connection:
        for table, rows in tables.items():
            for row in rows:  # one by one: rows need not share their keys
                connection.execute(insert(table).values(**row))


@pytest.fixture
def filled(store: Store) -> Store:
    fill(store)
    return store


def export_events(store: Store) -> bytes:
    sink = io.BytesIO()
    with store.engine.connect() as connection:
        written = write_gdelt_events(iter_gdelt_event_rows(connection), sink)
    data = sink.getvalue()
    assert written == data.count(b"\n")
    return data


def parse(data: bytes, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Split an export exactly as a GDELT reader would: lines on \\n, fields on tabs."""
    text = data.decode("utf-8")
    assert text == "" or text.endswith("\n")
    rows = []
    for line in text.split("\n")[:-1]:
        fields = line.split("\t")
        assert len(fields) == len(columns), f"{len(fields)} fields in {line!r}"
        rows.append(dict(zip(columns, fields, strict=True)))
    return rows


# -- columns -----------------------------------------------------------------------------


def test_the_events_table_has_the_61_codebook_columns() -> None:
    assert len(EVENT_COLUMNS) == 61 == len(set(EVENT_COLUMNS))
    assert EVENT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[5:15] == tuple(
        f"Actor1{n}"
        for n in "Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
        "Type1Code Type2Code Type3Code".split()
    )
    assert EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert EVENT_COLUMNS[35:43] == tuple(
        f"Actor1Geo_{n}"
        for n in "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()
    )
    assert EVENT_COLUMNS[51] == "ActionGeo_Type" and EVENT_COLUMNS[-2:] == (
        "DATEADDED",
        "SOURCEURL",
    )


CODE = r"(|[A-Z]{3})"
FLOAT = r"-?\d+(\.\d+)?"
GEO = {
    "Type": r"[0-5]",
    "FullName": r"[^\t\n]*",
    "CountryCode": r"(|[A-Z]{2})",
    "ADM1Code": r"(|[A-Z]{2}[A-Z0-9]{0,3})",
    "ADM2Code": r"[^\t\n]*",
    "Lat": rf"(|{FLOAT})",
    "Long": rf"(|{FLOAT})",
    "FeatureID": r"(|-?\d+|[A-Z]{2}[A-Z0-9]*)",
}
PATTERNS = {
    "GlobalEventID": r"\d+",
    "Day": r"\d{8}",
    "MonthYear": r"\d{6}",
    "Year": r"\d{4}",
    "FractionDate": r"\d{4}\.\d{4}",
    "IsRootEvent": r"[01]",
    "EventCode": r"\d{2,4}",
    "EventBaseCode": r"\d{2,3}",
    "EventRootCode": r"\d{2}",
    "QuadClass": r"[1-4]",
    "GoldsteinScale": r"-?\d{1,2}\.\d",
    "NumMentions": r"[1-9]\d*",
    "NumSources": r"[1-9]\d*",
    "NumArticles": r"[1-9]\d*",
    "AvgTone": rf"(|{FLOAT})",
    "DATEADDED": r"\d{14}",
    "SOURCEURL": r"\S+",
    **{
        f"{who}{name}": r"(|[A-Z]{3}([A-Z]{3})*)" if name == "Code" else r"[^\t\na-z]*"
        for who in ("Actor1", "Actor2")
        for name in ("Code", "Name")
    },
    **{
        f"{who}{name}": CODE
        for who in ("Actor1", "Actor2")
        for name in "CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code "
        "Type1Code Type2Code Type3Code".split()
    },
    **{f"{who}Geo_{name}": p for who in ("Actor1", "Actor2", "Action") for name, p in GEO.items()},
}


def test_every_column_has_a_format_check() -> None:
    assert set(PATTERNS) == set(EVENT_COLUMNS)


def test_every_field_has_its_codebook_format(filled: Store) -> None:
    rows = parse(export_events(filled), EVENT_COLUMNS)
    assert rows
    for row in rows:
        for column, value in row.items():
            assert re.fullmatch(PATTERNS[column], value), f"{column}={value!r}"


# -- round trip --------------------------------------------------------------------------


def exported(store: Store) -> dict[str, dict[str, str]]:
    """Rows by EventCode (each code occurs once in the fixture)."""
    return {row["EventCode"]: row for row in parse(export_events(store), EVENT_COLUMNS)}


def test_only_fact_events_are_exported(filled: Store) -> None:
    rows = exported(filled)
    assert sorted(rows) == ["025", "042", "111", "173"]  # 1721 is hypothetical
    assert "1721" not in export_events(filled).decode()


def test_an_event_row_carries_actors_codes_and_place(filled: Store) -> None:
    row = exported(filled)["173"]
    assert row["GlobalEventID"] == str(stable_id(DOC, 0))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20250304", "202503", "2025")
    assert row["FractionDate"] == "2025.1753"  # 2025 + (2 * 30 + 4) / 365
    assert row["Actor1Code"] == "KENCOP" and row["Actor1Name"] == "KENYA"
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("KEN", "COP")
    assert row["Actor2Code"] == row["Actor2Name"] == ""
    assert row["IsRootEvent"] == "1"
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("173",) * 2 + ("17",)
    assert (row["QuadClass"], row["GoldsteinScale"], row["AvgTone"]) == ("4", "-5.0", "-4.2")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    action = [row[f"ActionGeo_{n}"] for n in GEO]
    assert action == ["4", "Nairobi, Kenya", "KE", "", "", "-1.28333", "36.8167", "184745"]
    assert [row[f"Actor1Geo_{n}"] for n in GEO] == ["0"] + [""] * 7
    assert row["DATEADDED"] == "20250305083115"
    assert row["SOURCEURL"] == URL


def test_two_actor_event_outside_the_lead(filled: Store) -> None:
    row = exported(filled)["042"]
    assert (row["Actor1Code"], row["Actor1Name"]) == ("KENGOV", "WILLIAM RUTO")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2CountryCode"]) == (
        "UGAGOV",  # no stored code: country + role
        "UGANDA",
        "UGA",
    )
    assert row["IsRootEvent"] == "0"
    assert row["Day"] == "20250303" and row["GoldsteinScale"] == "1.9"
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Kampala, Uganda", "UG")


def test_event_without_place_date_or_tone_falls_back(filled: Store) -> None:
    row = exported(filled)["111"]
    assert row["Day"] == "20250304"  # publication date
    assert row["AvgTone"] == "-2.5"  # the document's tone
    assert [row[f"ActionGeo_{n}"] for n in GEO] == ["0"] + [""] * 7
    assert (row["Actor1Code"], row["Actor2Code"]) == ("RUSGOV", "KENCOP")
    partial = exported(filled)["025"]  # a month-only date is no GDELT Day
    assert partial["Day"] == "20250304"


def test_an_igo_actor_is_split_into_gdelt_fields(filled: Store) -> None:
    row = exported(filled)["025"]
    assert row["Actor1Code"] == "IGOAFRAFU" and row["Actor1Name"] == "AFRICAN UNION"
    fields = [row[f"Actor1{n}"] for n in ("CountryCode", "KnownGroupCode", "Type1Code")]
    assert fields == ["AFR", "AFU", "IGO"]
    assert row["EventRootCode"] == "02" and row["EventBaseCode"] == "025"


def test_ids_are_stable_across_exports(filled: Store) -> None:
    assert export_events(filled) == export_events(filled)


def test_empty_store_gives_empty_output(store: Store) -> None:
    assert export_events(store) == b""


def test_a_document_without_url_or_publication_date(store: Store) -> None:
    fill(store)
    with store.engine.begin() as connection:
        connection.execute(
            insert(events),
            [
                {
                    **_event(0, "arrested", "police", None, cameo="190", root="19",
                             quad_class=4, goldstein=-10.0),
                    "doc_id": BULLETIN,
                }
            ],
        )  # fmt: skip
    row = exported(store)["190"]
    assert row["SOURCEURL"] == "texts/bulletin-17.txt"
    assert row["Day"] == "20250306" and row["DATEADDED"] == "20250306170509"
    assert row["GoldsteinScale"] == "-10.0" and row["AvgTone"] == ""


# -- writer ------------------------------------------------------------------------------


def blank_row(**values: str) -> dict[str, str]:
    return {**dict.fromkeys(EVENT_COLUMNS, ""), **values}


def test_tabs_and_line_breaks_never_break_a_row() -> None:
    sink = io.BytesIO()
    row = blank_row(Actor1Name="A\tB\nC\r\nD\u2028E\x85F", SOURCEURL="x\ty")
    assert write_gdelt_events([row], sink) == 1
    [parsed] = parse(sink.getvalue(), EVENT_COLUMNS)
    assert parsed["Actor1Name"] == "A B C  D E F" and parsed["SOURCEURL"] == "x y"


@settings(max_examples=60, deadline=None)
@given(name=st.text(), url=st.text())
def test_any_text_keeps_61_fields_on_one_line(name: str, url: str) -> None:
    sink = io.BytesIO()
    write_gdelt_events([blank_row(Actor1Name=name, SOURCEURL=url)], sink)
    [line] = sink.getvalue().decode("utf-8").splitlines()
    assert len(line.split("\t")) == 61


def test_a_row_missing_columns_is_refused() -> None:
    row = blank_row()
    del row["SOURCEURL"]
    with pytest.raises(NewsgraphError, match="lacks columns SOURCEURL"):
        write_gdelt_events([row], io.BytesIO())


# -- codes and formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "country", "group", "religions", "types"),
    [
        ("KENGOV", "KEN", "", (), ("GOV",)),
        ("IGOUNO", "", "UNO", (), ("IGO",)),
        ("MNCUSA", "USA", "", (), ("MNC",)),
        ("IGOUNOREFHCR", "", "UNO", (), ("IGO", "REF")),
        ("PSEREBMOSSUN", "PSE", "", ("MOS", "SUN"), ("REB",)),
        ("CHRCTH", "", "", ("CHR", "CTH"), ()),
        ("MED", "", "", (), ("MED",)),
    ],
)
def test_actor_codes_split_like_gdelt(code, country, group, religions, types) -> None:
    parts = split_actor_code(code)
    assert (parts.country, parts.known_group, parts.religions, parts.types) == (
        country,
        group,
        religions,
        types,
    )


def test_fraction_date_matches_gdelt_published_rows() -> None:
    # Values copied from GDELT rows for these days.
    assert fraction_date(date(2004, 11, 26)) == "2004.8932"
    assert fraction_date(date(2013, 11, 24)) == "2013.8877"


def test_floats_are_written_as_gdelt_writes_them() -> None:
    assert fmt_float(2.607709750566893) == "2.60770975056689"
    assert fmt_float(0.00001234) == "0.00001234" and fmt_float(-0.0) == "0"
    assert fmt_float(None) == ""


# -- geography ---------------------------------------------------------------------------


def test_fips_table_covers_every_gazetteer_country() -> None:
    gazetteer = (files("newsgraph") / "data" / "countries.v1.jsonl").read_text(encoding="utf-8")
    known = {json.loads(line)["iso3"] for line in gazetteer.splitlines() if line}
    assert known <= set(countries())


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [("KEN", "KE"), ("DEU", "GM"), ("GBR", "UK"), ("USA", "US"), ("NGA", "NI"),
     ("NER", "NG"), ("UKR", "UP"), ("IRQ", "IZ"), ("CHN", "CH"), ("SSD", "OD"),
     ("UMI", ""), ("ZZZ", ""), (None, "")],
)  # fmt: skip
def test_iso3_becomes_fips(iso3, fips) -> None:
    assert fips_code(iso3) == fips


def test_fips_codes_are_unique_apart_from_documented_merges() -> None:
    codes = [c.fips for c in countries().values() if c.fips]
    shared = {code for code in codes if codes.count(code) > 1}
    assert shared == {"FI"}  # Åland is coded as Finland (marked uncertain)


def test_a_palestinian_point_in_gaza_is_gz() -> None:
    assert fips_code("PSE", 31.5, 34.45) == "GZ"
    assert fips_code("PSE", 31.9, 35.2) == "WE"


def test_geo_types_follow_the_codebook() -> None:
    country = place_geo("Kenya", "KEN", 0.1, 37.9, kind="country")
    assert country.event_fields() == ["1", "Kenya", "KE", "KE", "", "0.1", "37.9", "KE"]
    assert place_geo("Austin", "USA", 30.27, -97.74, kind="city", geonameid=4671654).type == 3
    assert place_geo("Texas", "USA", 31.0, -99.0, kind="region").type == 2
    assert place_geo("Darfur", "SDN", 13.5, 24.0, kind="region").type == 5
    assert place_geo("Africa", None, 2.0, 16.0, kind="continent").type == 0
    assert place_geo("Kenya", "KEN", None, None, kind=None).type == 1
