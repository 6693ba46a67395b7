"""GDELT GKG 2.1 export: one 27-column record per stored document.

Columns and delimiters follow the GKG codebook V2.1: blocks are separated by ``;``
except in V2.1QUOTATIONS, whose blocks are separated by ``#`` with ``|`` between
Offset|Length|Verb|Quote; locations and counts keep their fields apart with ``#``;
V2ENHANCED* lists and V2.1ALLNAMES are ``Name,Offset``; V2.1AMOUNTS is
``Amount,Object,Offset``; V1.5TONE is seven comma-separated values; V2.1ENHANCEDDATES is
``Resolution#Month#Day#Year#Offset`` (resolution 4 a full date, 2 month and year, 1 a
year). A delimiter inside a name, object or quotation becomes a space, so it can never
split a block. Offsets are the store's character offsets into the article body.

What the store has, and what it leaves empty:

- V1COUNTS/V2.1COUNTS from the counts table; a count's location is the nearest place in
  its sentence (location type 0 when there is none). V2.1AMOUNTS lists the same counts.
- V1/V2ENHANCED LOCATIONS from the place mentions (geography as in
  :mod:`newsgraph.gdelt`: FIPS country codes, GeoNames ids as feature ids).
- V1/V2ENHANCED PERSONS and ORGANIZATIONS from actor mentions that name the actor (not
  pronouns or descriptions), written in lower case as GDELT writes them; countries and
  country roles ("Kenyan police") are not organisations. V2.1ALLNAMES has every
  mention by name as written.
- V2.1QUOTATIONS from direct and partial quotes (an indirect quote has no quoted words);
  Verb is the cue ("said").
- V1.5TONE from the tones table; V2.1ENHANCEDDATES from day, month and year dates.
- V2EXTRASXML holds ``<PAGE_TITLE>``.
- Empty: V1THEMES and V2ENHANCEDTHEMES (newsgraph has no GDELT theme taxonomy), V2GCAM
  (no GCAM dictionaries), the four image and video fields (pages are stored as text),
  V2.1TRANSLATIONINFO (nothing is translated).

V2.1DATE is the publication date (at 00:00:00), else when the document was stored.
GKGRECORDID is that date, ``-`` and a stable number hashed from the document id.
Every record is V2SOURCECOLLECTIONIDENTIFIER 1 (web).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from sqlalchemy import Connection, Select, select

from newsgraph.gdelt import (
    NO_GEO,
    Geo,
    clean,
    fmt_float,
    iso_day,
    place_geo,
    source_url,
    stable_id,
    timestamp,
    write_lines,
)
from newsgraph.store.schema import actors, counts, dates, documents, mentions, places, quotes, tones

__all__ = ["GKG_COLUMNS", "iter_gkg_records", "write_gkg"]

GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER", "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES",
    "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS", "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES",
    "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)  # fmt: skip
"""The 27 columns of a GDELT GKG 2.1 record, in file order."""
EMPTY_COLUMNS = frozenset(
    {"V1THEMES", "V2ENHANCEDTHEMES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES",
     "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1TRANSLATIONINFO"}
)  # fmt: skip
"""Columns newsgraph has nothing for (see the module docstring)."""

WEB = "1"
PAGE_SIZE = 200  # documents read per round of queries
NAME_KINDS = frozenset({"name", "surname", "title"})  # mentions that name their actor
QUOTED_KINDS = frozenset({"direct", "partial"})
RESOLUTIONS = {"day": 4, "month": 2, "year": 1}
TONE_FIELDS = (
    "tone", "positive", "negative", "polarity", "activity_density", "self_group_density",
)  # fmt: skip
_NAME_DROP = ",;#"

Row = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class DocumentParts:
    """A document's annotation rows, each list in text order. ``mentions`` rows carry
    their actor's ``actor_type``, ``actor_key`` and ``actor_name``."""

    mentions: Sequence[Row] = ()
    places: Sequence[Row] = ()
    counts: Sequence[Row] = ()
    dates: Sequence[Row] = ()
    quotes: Sequence[Row] = ()
    tone: Row | None = None


@dataclass(frozen=True, slots=True)
class _Located:
    sentence: int
    start: int
    geo: Geo


# -- fields -----------------------------------------------------------------------------


def record_date(doc: Row) -> str:
    day = iso_day(doc.get("published"))
    return day.strftime("%Y%m%d000000") if day else timestamp(doc["ingested_at"])


def common_name(doc: Row) -> str:
    """The site's domain, as GDELT names web sources ("www.x.example" -> "x.example"),
    else the stored site name."""
    url = doc.get("url") or doc.get("canonical_url")
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else clean(doc.get("site"))


def located_places(rows: Sequence[Row]) -> list[_Located]:
    found = []
    for row in rows:
        geo = place_geo(
            row["name"],
            row.get("country"),
            row.get("lat"),
            row.get("lon"),
            kind=row.get("kind"),
            geonameid=row.get("geonameid"),
        )
        if geo != NO_GEO:
            found.append(_Located(row["sentence"], row["start"], geo))
    return found


def locations(located: Sequence[_Located]) -> tuple[str, str]:
    """V1LOCATIONS (each place once) and V2ENHANCEDLOCATIONS (each mention, with ADM2
    and offset)."""
    v1 = _unique("#".join(p.geo.v1_fields()) for p in located)
    v2 = ["#".join([*p.geo.event_fields(), str(p.start)]) for p in located]
    return ";".join(v1), ";".join(v2)


def count_fields(rows: Sequence[Row], located: Sequence[_Located]) -> tuple[str, str]:
    """V1COUNTS and V2.1COUNTS: Type#Count#Object#<location>, V2.1 adding the offset."""
    v1, v2 = [], []
    for row in rows:
        geo = _nearest(row, located)
        fields = [clean(row["kind"], drop="#;"), str(row["number"]), _object(row)]
        block = "#".join([*fields, *geo.v1_fields()])
        v1.append(block)
        v2.append(f"{block}#{row['start']}")
    return ";".join(v1), ";".join(v2)


def _nearest(count: Row, located: Sequence[_Located]) -> Geo:
    same = [p for p in located if p.sentence == count["sentence"]]
    if not same:
        return NO_GEO
    return min(same, key=lambda p: abs(p.start - count["start"])).geo


def _object(count: Row) -> str:
    return _name(count.get("object") or "")


def names(rows: Sequence[Row], *, people: bool) -> tuple[str, str]:
    """V1 (each name once) and V2ENHANCED (Name,Offset per mention) persons, or
    organisations when ``people`` is false."""
    chosen = [
        (_lower_name(row["actor_name"]), row["start"])
        for row in rows
        if row["kind"] in NAME_KINDS and _is_person(row) == people and _is_named_actor(row)
    ]
    chosen = [(name, start) for name, start in chosen if name]
    v1 = _unique(name for name, _ in chosen)
    return ";".join(v1), ";".join(f"{name},{start}" for name, start in chosen)


def _is_person(row: Row) -> bool:
    return row["actor_type"] == "person"


def _is_named_actor(row: Row) -> bool:
    return row["actor_type"] != "country" and not row["actor_key"].startswith("country:")


def _name(text: str) -> str:
    """A name as one list item: no delimiters, single spaces."""
    return " ".join(clean(text, drop=_NAME_DROP).split())


def _lower_name(name: str) -> str:
    return _name(name).lower()


def all_names(rows: Sequence[Row]) -> str:
    chosen = ((_name(row["text"]), row["start"]) for row in rows if row["kind"] == "name")
    return ";".join(f"{name},{start}" for name, start in chosen if name)


def amounts(rows: Sequence[Row]) -> str:
    return ";".join(f"{row['number']},{_object(row)},{row['start']}" for row in rows)


def tone_field(tone: Row | None) -> str:
    """V1.5TONE: Tone, Positive, Negative, Polarity, Activity Reference Density,
    Self/Group Reference Density, Word Count."""
    if tone is None:
        return ""
    values = [fmt_float(tone[name]) for name in TONE_FIELDS]
    return ",".join([*values, str(tone["word_count"])])


def enhanced_dates(rows: Sequence[Row]) -> str:
    """Resolution#Month#Day#Year#Offset for day, month and year dates (a week or a
    span has no GDELT resolution and is left out)."""
    blocks = []
    for row in rows:
        resolution = RESOLUTIONS.get(row["granularity"])
        day = iso_day(row["date_start"])
        if resolution is None or day is None:
            continue
        month = day.month if resolution >= 2 else 0
        day_of_month = day.day if resolution == 4 else 0
        blocks.append(f"{resolution}#{month}#{day_of_month}#{day.year}#{row['start']}")
    return ";".join(blocks)


def quotations(rows: Sequence[Row]) -> str:
    """Offset|Length|Verb|Quote blocks joined by ``#``."""
    blocks = [
        "|".join(
            [
                str(row["start"]),
                str(row["end"] - row["start"]),
                clean(row.get("cue"), drop="#|"),
                clean(row["text"], drop="#|"),
            ]
        )
        for row in rows
        if row["kind"] in QUOTED_KINDS
    ]
    return "#".join(blocks)


def extras(doc: Row) -> str:
    title = doc.get("title")
    return f"<PAGE_TITLE>{escape(clean(title))}</PAGE_TITLE>" if title else ""


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


# -- records ----------------------------------------------------------------------------


def gkg_record(doc: Row, parts: DocumentParts) -> dict[str, str]:
    """One GKG 2.1 record (column -> field) for a stored document and its annotations."""
    located = located_places(parts.places)
    v1_counts, v2_counts = count_fields(parts.counts, located)
    v1_locations, v2_locations = locations(located)
    v1_persons, v2_persons = names(parts.mentions, people=True)
    v1_orgs, v2_orgs = names(parts.mentions, people=False)
    day = record_date(doc)
    fields = {
        "GKGRECORDID": f"{day}-{stable_id('gkg', doc['id'])}",
        "V2.1DATE": day,
        "V2SOURCECOLLECTIONIDENTIFIER": WEB,
        "V2SOURCECOMMONNAME": common_name(doc),
        "V2DOCUMENTIDENTIFIER": clean(source_url(doc)),
        "V1COUNTS": v1_counts,
        "V2.1COUNTS": v2_counts,
        "V1LOCATIONS": v1_locations,
        "V2ENHANCEDLOCATIONS": v2_locations,
        "V1PERSONS": v1_persons,
        "V2ENHANCEDPERSONS": v2_persons,
        "V1ORGANIZATIONS": v1_orgs,
        "V2ENHANCEDORGANIZATIONS": v2_orgs,
        "V1.5TONE": tone_field(parts.tone),
        "V2.1ENHANCEDDATES": enhanced_dates(parts.dates),
        "V2.1QUOTATIONS": quotations(parts.quotes),
        "V2.1ALLNAMES": all_names(parts.mentions),
        "V2.1AMOUNTS": amounts(parts.counts),
        "V2EXTRASXML": extras(doc),
    }
    return {name: "" if name in EMPTY_COLUMNS else fields[name] for name in GKG_COLUMNS}


_DOC_COLUMNS = ("id", "url", "canonical_url", "site", "source_path", "title", "published")


def _document_page(connection: Connection, after: str | None) -> list[dict[str, Any]]:
    statement = select(
        *(documents.c[name] for name in _DOC_COLUMNS), documents.c.ingested_at
    ).order_by(documents.c.id)
    if after is not None:
        statement = statement.where(documents.c.id > after)
    return [row._asdict() for row in connection.execute(statement.limit(PAGE_SIZE))]


def _mentions_select() -> Select:
    return select(
        mentions,
        actors.c.type.label("actor_type"),
        actors.c.key.label("actor_key"),
        actors.c.name.label("actor_name"),
    ).join(actors, actors.c.id == mentions.c.actor_id)


def _grouped(
    connection: Connection, statement: Select, table: Any, ids: list[str]
) -> dict[str, list[dict[str, Any]]]:
    """Rows of ``statement`` for the documents ``ids``, by document, in text order."""
    rows: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
    ordered = statement.where(table.c.doc_id.in_(ids)).order_by(table.c.doc_id, table.c.start)
    for row in connection.execute(ordered):
        rows[row.doc_id].append(row._asdict())
    return rows


def _parts(connection: Connection, ids: list[str]) -> dict[str, DocumentParts]:
    found = {
        "mentions": _grouped(connection, _mentions_select(), mentions, ids),
        "places": _grouped(connection, select(places), places, ids),
        "counts": _grouped(connection, select(counts), counts, ids),
        "dates": _grouped(connection, select(dates), dates, ids),
        "quotes": _grouped(connection, select(quotes), quotes, ids),
    }
    tone_rows = connection.execute(select(tones).where(tones.c.doc_id.in_(ids)))
    by_doc = {row.doc_id: row._asdict() for row in tone_rows}
    return {
        doc_id: DocumentParts(
            **{name: tuple(rows.get(doc_id, ())) for name, rows in found.items()},
            tone=by_doc.get(doc_id),
        )
        for doc_id in ids
    }


def iter_gkg_records(connection: Connection) -> Iterator[dict[str, str]]:
    """Every stored document as a GKG 2.1 record (column name -> field), in document
    id order; documents are read a page at a time."""
    after = None
    while page := _document_page(connection, after):
        parts = _parts(connection, [doc["id"] for doc in page])
        for doc in page:
            yield gkg_record(doc, parts[doc["id"]])
        after = page[-1]["id"]


def write_gkg(rows: Iterable[Mapping[str, str]], out: IO[bytes]) -> int:
    """Write GKG 2.1 records to ``out`` (27 tab-separated fields a line, no header);
    return how many were written.

    >>> with store.engine.connect() as connection:  # doctest: +SKIP
    ...     write_gkg(iter_gkg_records(connection), sys.stdout.buffer)
    """
    return write_lines(rows, GKG_COLUMNS, out)
