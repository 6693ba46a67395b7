"""GDELT GKG 2.1 export: a real SQLite store in, one 27-column record per document out."""

from __future__ import annotations

import io
import re
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert

from newsgraph import gdelt_gkg
from newsgraph.gdelt import stable_id
from newsgraph.gdelt_gkg import (
    GKG_COLUMNS,
    DocumentParts,
    enhanced_dates,
    gkg_record,
    iter_gkg_records,
    write_gkg,
)
from newsgraph.store import Store
from newsgraph.store.schema import documents
from test_gdelt import BULLETIN, DOC, TEXT, URL, at, fill, parse


@pytest.fixture
def filled(store: Store) -> Store:
    fill(store)
    return store


def export_gkg(store: Store) -> bytes:
    sink = io.BytesIO()
    with store.engine.connect() as connection:
        written = write_gkg(iter_gkg_records(connection), sink)
    data = sink.getvalue()
    assert written == data.count(b"\n")
    return data


def records(store: Store) -> dict[str, dict[str, str]]:
    """Records by V2DOCUMENTIDENTIFIER."""
    rows = parse(export_gkg(store), GKG_COLUMNS)
    return {row["V2DOCUMENTIDENTIFIER"]: row for row in rows}


def blocks(field: str, sep: str = ";") -> list[str]:
    return field.split(sep) if field else []


# -- columns and formats -----------------------------------------------------------------


def test_the_gkg_record_has_the_27_codebook_columns() -> None:
    assert len(GKG_COLUMNS) == 27 == len(set(GKG_COLUMNS))
    assert GKG_COLUMNS[:5] == (
        "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
        "V2DOCUMENTIDENTIFIER",
    )  # fmt: skip
    assert GKG_COLUMNS[15:17] == ("V1.5TONE", "V2.1ENHANCEDDATES")
    assert GKG_COLUMNS[22] == "V2.1QUOTATIONS" and GKG_COLUMNS[-1] == "V2EXTRASXML"


FLOAT = r"-?\d+(\.\d+)?"
LOC_V1 = rf"[0-5]#[^#;]*#[A-Z]{{0,2}}#[A-Z0-9]*#({FLOAT})?#({FLOAT})?#[A-Z0-9-]*"
LOC_V2 = rf"[0-5]#[^#;]*#[A-Z]{{0,2}}#[A-Z0-9]*#[^#;]*#({FLOAT})?#({FLOAT})?#[A-Z0-9-]*#\d+"
COUNT_V1 = rf"[A-Z_]+#\d+#[^#;]*#{LOC_V1}"
NAME = r"[^,;#]+"


def listing(block: str, sep: str = ";") -> str:
    """A regex for zero or more ``block``s joined by ``sep``."""
    return rf"(|{block}({re.escape(sep)}{block})*)"


PATTERNS = {
    "GKGRECORDID": r"\d{14}-\d+",
    "V2.1DATE": r"\d{14}",
    "V2SOURCECOLLECTIONIDENTIFIER": r"[1-6]",
    "V2SOURCECOMMONNAME": r"[^\t\n]*",
    "V2DOCUMENTIDENTIFIER": r"\S+",
    "V1COUNTS": listing(COUNT_V1),
    "V2.1COUNTS": listing(rf"{COUNT_V1}#\d+"),
    "V1THEMES": "",
    "V2ENHANCEDTHEMES": "",
    "V1LOCATIONS": listing(LOC_V1),
    "V2ENHANCEDLOCATIONS": listing(LOC_V2),
    "V1PERSONS": listing(r"[^,;#A-Z]+"),
    "V2ENHANCEDPERSONS": listing(r"[^,;#A-Z]+,\d+"),
    "V1ORGANIZATIONS": listing(r"[^,;#A-Z]+"),
    "V2ENHANCEDORGANIZATIONS": listing(r"[^,;#A-Z]+,\d+"),
    "V1.5TONE": rf"(|({FLOAT},){{6}}\d+)",
    "V2.1ENHANCEDDATES": listing(r"[1-4]#\d{1,2}#\d{1,2}#\d{4}#\d+"),
    "V2GCAM": "",
    "V2.1SHARINGIMAGE": "",
    "V2.1RELATEDIMAGES": "",
    "V2.1SOCIALIMAGEEMBEDS": "",
    "V2.1SOCIALVIDEOEMBEDS": "",
    "V2.1QUOTATIONS": listing(r"\d+\|\d+\|[^|#]*\|[^|#]*", "#"),
    "V2.1ALLNAMES": listing(rf"{NAME},\d+"),
    "V2.1AMOUNTS": listing(r"\d+,[^,;#]*,\d+"),
    "V2.1TRANSLATIONINFO": "",
    "V2EXTRASXML": r"(|<PAGE_TITLE>[^<]*</PAGE_TITLE>)",
}


def test_every_column_has_a_format_check() -> None:
    assert set(PATTERNS) == set(GKG_COLUMNS)


def test_every_field_has_its_codebook_format(filled: Store) -> None:
    rows = parse(export_gkg(filled), GKG_COLUMNS)
    assert len(rows) == 2
    for row in rows:
        for column, value in row.items():
            assert re.fullmatch(PATTERNS[column], value), f"{column}={value!r}"


# -- round trip --------------------------------------------------------------------------


def test_record_identity_and_source(filled: Store) -> None:
    row = records(filled)[URL]
    assert row["GKGRECORDID"] == f"20250304000000-{stable_id('gkg', DOC)}"
    assert row["V2.1DATE"] == "20250304000000"  # the publication date
    assert row["V2SOURCECOLLECTIONIDENTIFIER"] == "1"
    assert row["V2SOURCECOMMONNAME"] == "lakeshore-herald.example"
    assert row["V2EXTRASXML"] == (
        '<PAGE_TITLE>Fuel protests &amp; arrests: 12 held in "Nairobi"</PAGE_TITLE>'
    )


def test_persons_and_organisations_with_offsets(filled: Store) -> None:
    row = records(filled)[URL]
    assert row["V1PERSONS"] == "william ruto;raila odinga"
    ruto, surname, odinga = at("William Ruto")[0], at("Ruto", 2)[0], at("Raila Odinga")[0]
    assert row["V2ENHANCEDPERSONS"] == (
        f"william ruto,{ruto};william ruto,{surname};raila odinga,{odinga}"
    )
    # "Kenyan police" and "Russia's Foreign Ministry" are country roles, not organisations
    assert row["V1ORGANIZATIONS"] == "african union"
    assert row["V2ENHANCEDORGANIZATIONS"] == f"african union,{at('African Union')[0]}"
    names = blocks(row["V2.1ALLNAMES"])
    assert f"Kenyan police,{at('Kenyan police')[0]}" in names
    assert f"Russia's Foreign Ministry,{at('Russia')[0]}" in names
    assert not any(name.startswith("Ugandan officials") for name in names)  # a description


def test_locations_are_fips_coded_with_offsets(filled: Store) -> None:
    row = records(filled)[URL]
    assert blocks(row["V1LOCATIONS"]) == [
        "4#Nairobi, Kenya#KE##-1.28333#36.8167#184745",
        "4#Kampala, Uganda#UG##0.31628#32.5822#232422",
        "4#Mombasa, Kenya#KE##-4.05466#39.6636#186301",
    ]
    enhanced = [block.split("#") for block in blocks(row["V2ENHANCEDLOCATIONS"])]
    assert all(len(fields) == 9 for fields in enhanced)
    assert [(f[1], int(f[-1])) for f in enhanced] == [
        ("Nairobi, Kenya", at("Nairobi")[0]),
        ("Kampala, Uganda", at("Kampala")[0]),
        ("Mombasa, Kenya", at("Mombasa")[0]),
    ]


def test_counts_take_the_nearest_place_in_their_sentence(filled: Store) -> None:
    row = records(filled)[URL]
    arrest, wound = blocks(row["V2.1COUNTS"])
    assert arrest == (
        f"ARREST#12#protesters#4#Nairobi, Kenya#KE##-1.28333#36.8167#184745"
        f"#{at('arrested 12 protesters')[0]}"
    )
    fields = wound.split("#")
    assert len(fields) == 11 and fields[:5] == [
        "WOUND",
        "30",
        "people wounded",
        "4",
        "Mombasa, Kenya",
    ]
    assert blocks(row["V1COUNTS"]) == [b.rsplit("#", 1)[0] for b in (arrest, wound)]
    assert row["V2.1AMOUNTS"] == (
        f"12,protesters,{at('arrested 12 protesters')[0]};"
        f"30,people wounded,{at('at least 30 people')[0]}"
    )


def test_quotations_keep_offsets_and_lose_tabs_and_line_breaks(filled: Store) -> None:
    row = records(filled)[URL]
    [quote] = blocks(row["V2.1QUOTATIONS"], "#")  # the indirect quote is left out
    offset, length, verb, text = quote.split("|")
    assert verb == "said" and text == "We will not bow to pressure from the streets,"
    start, end = at("We will not\tbow to\npressure from the streets,")
    assert (int(offset), int(length)) == (start, end - start)
    assert TEXT[start : start + int(length)].replace("\t", " ").replace("\n", " ") == text


def test_tone_and_dates(filled: Store) -> None:
    row = records(filled)[URL]
    assert row["V1.5TONE"] == "-2.5,1.8,4.3,6.1,21.4,0.6,88"
    assert row["V2.1ENHANCEDDATES"] == (
        f"4#3#4#2025#{at('Tuesday')[0]};4#3#3#2025#{at('3 March 2025')[0]}"
    )  # "next week" has no GDELT resolution
    assert row["V1THEMES"] == row["V2GCAM"] == row["V2.1TRANSLATIONINFO"] == ""


def test_a_bare_document_still_has_27_fields(filled: Store) -> None:
    row = records(filled)["texts/bulletin-17.txt"]
    assert row["V2.1DATE"] == "20250306170509"  # no publication date: when it was stored
    assert row["GKGRECORDID"] == f"20250306170509-{stable_id('gkg', BULLETIN)}"
    assert row["V2SOURCECOMMONNAME"] == ""
    assert all(row[name] == "" for name in GKG_COLUMNS[5:])


def test_empty_store_gives_empty_output(store: Store) -> None:
    assert export_gkg(store) == b""


def test_documents_are_read_page_by_page(store: Store, monkeypatch) -> None:
    monkeypatch.setattr(gdelt_gkg, "PAGE_SIZE", 2)
    ids = [f"{n:016x}" for n in range(5)]
    with store.engine.begin() as connection:
        for doc_id in ids:
            connection.execute(
                insert(documents).values(
                    id=doc_id, url=f"https://news.example/{doc_id}", authors=[],
                    text="Short note.", source_path=f"{doc_id}.html", source_format="html",
                    content_sha256=doc_id * 4, ingested_at=datetime(2025, 1, 2, 3, 4, 5),
                )
            )  # fmt: skip
    exported = records(store)
    assert sorted(exported) == [f"https://news.example/{doc_id}" for doc_id in ids]


# -- record building ---------------------------------------------------------------------


DOC_ROW = {"id": "0" * 16, "url": URL, "title": "T", "published": "2025-03-04"}


def test_dates_keep_their_resolution() -> None:
    rows = [
        {"start": 5, "date_start": "2025-03-01", "granularity": "month"},
        {"start": 9, "date_start": "2024-01-01", "granularity": "year"},
        {"start": 12, "date_start": "2025-03-10", "granularity": "week"},
    ]
    assert enhanced_dates(rows) == "2#3#0#2025#5;1#0#0#2024#9"


text_with_delimiters = st.text(alphabet=st.sampled_from("ab \t\n\r|#;,<>&\u2028\x85\u00e9"))


@settings(max_examples=60, deadline=None)
@given(quote=text_with_delimiters, cue=text_with_delimiters, name=text_with_delimiters)
def test_delimiters_in_text_never_break_a_record(quote: str, cue: str, name: str) -> None:
    mention = {"start": 3, "end": 8, "kind": "name", "text": name, "actor_type": "person",
               "actor_key": "person:x", "actor_name": name}  # fmt: skip
    quote_row = {"start": 10, "end": 10 + len(quote), "kind": "direct", "text": quote, "cue": cue}
    parts = DocumentParts(mentions=[mention], quotes=[quote_row, quote_row])
    sink = io.BytesIO()
    write_gkg([gkg_record({**DOC_ROW, "title": f"t{name}"}, parts)], sink)
    [row] = parse(sink.getvalue(), GKG_COLUMNS)
    assert len(sink.getvalue().decode("utf-8").splitlines()) == 1
    quotes = row["V2.1QUOTATIONS"].split("#")
    assert len(quotes) == 2 and all(len(q.split("|")) == 4 for q in quotes)
    named = name.strip(" \t\n\r#;,\u2028\x85") != ""  # anything left once delimiters go
    for column in ("V2ENHANCEDPERSONS", "V2.1ALLNAMES"):
        assert [len(b.split(",")) for b in blocks(row[column])] == ([2] if named else [])
    assert row["V2EXTRASXML"].count("<") == 2
