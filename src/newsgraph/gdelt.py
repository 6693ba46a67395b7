"""GDELT 2.0 exports from the store: the 61-column Events table (this module) and the
GKG 2.1 record (:mod:`newsgraph.gdelt_gkg`), so tools built for GDELT's files read ours.

Columns and field formats follow GDELT's published codebooks (the GDELT 2.0 Event
Database codebook of 2015-02-19, the Global Knowledge Graph codebook V2.1): one record a
line, tab-separated, no header, UTF-8, an empty field for an unknown value. Numbers are
written as GDELT writes them: GoldsteinScale with one decimal (``3.4``, ``-10.0``),
AvgTone with 15 significant digits, latitudes and longitudes with 6 (``38.8951``),
FractionDate as ``YYYY.FFFF`` with FFFF = ((month - 1) * 30 + day) / 365. No text field
holds a tab, a line break or another control character: each becomes a space.

Country codes: GDELT codes *geography* with FIPS 10-4 country codes (Kenya ``KE``,
Germany ``GM``) and *actors* with CAMEO codes, which for countries are ISO3-like. The
store holds ISO3 codes; geography is converted with the package table
``data/fips.v1.jsonl``, written by hand from the FIPS 10-4 list (the CIA World Factbook
appendix), whose ``uncertain`` entries say what is unsure. Actor country codes stay ISO3
(a few CAMEO codes differ from ISO3, e.g. CAMEO ``ROM`` for Romania; they are not
converted).

Where the export differs from GDELT's own files, on purpose:

- Only events with status "fact" are exported; negated, hypothetical, question and
  future events are flags in the store, not events.
- Each row is one event in one document: NumMentions, NumSources and NumArticles are 1
  (GDELT merges the mentions of an event across its 15-minute batch).
- GlobalEventID is a stable 60-bit integer hashed from (document id, event index), so a
  new export of the same store gives the same ids.
- Actor geography (Actor1Geo_*, Actor2Geo_*) is not resolved: Geo_Type 0 and empty
  fields, which is how GDELT writes "no location". ActionGeo is the event's place.
- Geo_FeatureID of a city or region is its GeoNames id (GDELT's are GNS/GNIS feature
  ids); of a country, its FIPS code, as in GDELT. ADM1 codes below country level and
  all ADM2 codes are unknown and left empty. Continents have no GDELT geography.
- Actor ethnic codes are never set: our actor codes carry no ethnic part.
- IsRootEvent is 1 for an event in the first sentence or the first paragraph.
- Day is the event's date, else the publication date, else the day it was stored;
  DATEADDED is when the document was annotated (else ingested), in UTC.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from typing import IO, Any

from sqlalchemy import Connection, func, select

from newsgraph.errors import NewsgraphError
from newsgraph.store.schema import actors, documents, events, places, tones

__all__ = ["EVENT_COLUMNS", "iter_gdelt_event_rows", "write_gdelt_events"]

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
    "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip

EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{name}" for name in _ACTOR_FIELDS),
    *(f"Actor2{name}" for name in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
"""The 61 columns of a GDELT 2.0 Events export row, in file order."""

FIPS_FILE = "fips.v1.jsonl"
LEAD_CHARS = 2000  # how much of a document is read to find its first paragraph

# CAMEO actor code parts (CAMEO manual, chapter 3), three letters each.
TYPE_CODES = frozenset(
    "COP GOV INS JUD MIL OPP PTY REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI "
    "LAB LEG MED REF MOD RAD UIS IGO IMG MNC NGM NGO".split()
)
RELIGION_CODES = frozenset(
    "ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS MRN NRM "
    "PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO".split()
)
REGION_CODES = frozenset(
    "AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MDE MEA NAF NMR PGS SAF SAM SAS SCN "
    "SEA WAF WEU WST".split()
)
_GAZA = (31.2, 31.6, 34.2, 34.6)  # lat min, lat max, lon min, lon max
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


# -- field formatting, shared with newsgraph.gdelt_gkg ----------------------------------


def clean(value: object, *, drop: str = "") -> str:
    """A value as one field: None is empty; control characters and line or paragraph
    separators become spaces, and so does every character in ``drop`` (the delimiters
    of the field it goes into)."""
    if value is None:
        return ""
    text = _CONTROL.sub(" ", str(value))
    for char in drop:
        text = text.replace(char, " ")
    return text


def fmt_float(value: float | None, *, digits: int = 15) -> str:
    """A float with ``digits`` significant digits, never in exponent notation."""
    if value is None:
        return ""
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt_coord(value: float | None) -> str:
    return fmt_float(value, digits=6)


def utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive datetime (as SQLite returns them) is taken as UTC."""
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def timestamp(value: datetime | None) -> str:
    """YYYYMMDDHHMMSS in UTC."""
    return "" if value is None else utc(value).strftime("%Y%m%d%H%M%S")


def iso_day(text: str | None) -> date | None:
    """A date from ``YYYY-MM-DD``; None for a partial or missing date."""
    if not text or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    return date.fromisoformat(text)


def stable_id(*parts: object) -> int:
    """A positive 60-bit integer from ``parts``, the same on every run."""
    key = "\x1f".join(str(p) for p in parts)
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def source_url(row: Mapping[str, Any]) -> str:
    return row.get("url") or row.get("canonical_url") or row.get("source_path") or ""


def write_lines(rows: Iterable[Mapping[str, str]], columns: tuple[str, ...], out: IO[bytes]) -> int:
    """Write each row's ``columns`` as one tab-separated line; return the row count."""
    count = 0
    for row in rows:
        missing = [name for name in columns if name not in row]
        if missing:
            raise NewsgraphError(
                f"GDELT row lacks columns {', '.join(missing)}; build rows with "
                "iter_gdelt_event_rows or iter_gkg_records"
            )
        line = "\t".join(clean(row[name]) for name in columns)
        out.write(line.encode("utf-8") + b"\n")
        count += 1
    return count


# -- geography ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    fips: str | None
    name: str


@cache
def countries() -> dict[str, Country]:
    """ISO3 -> FIPS 10-4 code and name, from ``data/fips.v1.jsonl``."""
    text = (files("newsgraph") / "data" / FIPS_FILE).read_text(encoding="utf-8")
    rows = (json.loads(line) for line in text.splitlines() if line.strip())
    return {r["iso3"]: Country(r["iso3"], r["fips"], r["name"]) for r in rows}


def fips_code(iso3: str | None, lat: float | None = None, lon: float | None = None) -> str:
    """The FIPS 10-4 code of a country given by ISO3; empty when unknown. A Palestinian
    point inside the Gaza Strip is GZ, any other Palestinian place WE."""
    country = countries().get((iso3 or "").upper())
    if country is None or country.fips is None:
        return ""
    if country.iso3 == "PSE" and lat is not None and lon is not None:
        south, north, west, east = _GAZA
        if south <= lat <= north and west <= lon <= east:
            return "GZ"
    return country.fips


@dataclass(frozen=True, slots=True)
class Geo:
    """One GDELT location: Geo_Type 1 country, 2 US state, 3 US city or landmark, 4
    world city or landmark, 5 world state (ADM1); 0 is no location."""

    type: int
    full_name: str = ""
    country: str = ""  # FIPS 10-4
    adm1: str = ""
    lat: float | None = None
    lon: float | None = None
    feature_id: str = ""

    def event_fields(self) -> list[str]:
        """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        return [str(self.type), *self._named(), "", *self._rest()]

    def v1_fields(self) -> list[str]:
        """The GKG V1 order: Type, FullName, CountryCode, ADM1Code, Lat, Long, FeatureID."""
        return [str(self.type), *self._named(), *self._rest()]

    def _named(self) -> list[str]:
        return [clean(self.full_name, drop="#;"), self.country, self.adm1]

    def _rest(self) -> list[str]:
        return [fmt_coord(self.lat), fmt_coord(self.lon), self.feature_id]


NO_GEO = Geo(0)
_TYPES = {"country": (1, 1), "region": (2, 5), "city": (3, 4), "other": (3, 4)}


def place_geo(
    name: str | None,
    iso3: str | None,
    lat: float | None,
    lon: float | None,
    *,
    kind: str | None,
    geonameid: int | None = None,
) -> Geo:
    """The GDELT location of a stored place (``kind`` as the places table has it; None
    when unknown, then a name equal to its country's is a country, anything else a
    city). Continents and nameless places are no location."""
    country = countries().get((iso3 or "").upper())
    if not name or kind == "continent":
        return NO_GEO
    if kind is None:
        kind = "country" if country and name.casefold() == country.name.casefold() else "city"
    fips = fips_code(iso3, lat, lon)
    if kind == "country" and country:
        return Geo(1, country.name, fips, fips, lat, lon, fips)
    us, world = _TYPES.get(kind, _TYPES["city"])
    full_name = f"{name}, {country.name}" if country and country.name != name else name
    feature = str(geonameid) if geonameid is not None else ""
    return Geo(us if iso3 == "USA" else world, full_name, fips, "", lat, lon, feature)


# -- actors ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorCode:
    """A CAMEO actor code split as GDELT splits it into its ten Actor fields."""

    code: str
    country: str = ""
    known_group: str = ""
    religions: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


def split_actor_code(code: str) -> ActorCode:
    """``KENGOV`` -> country KEN, type GOV; ``IGOUNO`` -> type IGO, known group UNO;
    ``MNCUSA`` -> type MNC, country USA. Each three-letter part is a country (the first
    one only), a role type (up to three), a religion (up to two) or else a known group
    (the first one only)."""
    parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    country, group, religions, types = "", "", [], []
    for part in parts:
        if not country and (part in countries() or part in REGION_CODES):
            country = part
        elif part in TYPE_CODES:
            types.append(part)
        elif part in RELIGION_CODES:
            religions.append(part)
        elif not group:
            group = part
    return ActorCode(code, country, group, tuple(religions[:2]), tuple(types[:3]))


def actor_fields(actor: Mapping[str, Any] | None) -> list[str]:
    """The ten Actor fields (Code .. Type3Code) of a stored actor; all empty for none.
    An actor without a code is coded from its country and role (``KEN`` + ``GOV``); its
    name is written in capitals without our role suffix ("Russia (government)" ->
    ``RUSSIA``), as GDELT names actors."""
    if actor is None or actor.get("id") is None:
        return [""] * len(_ACTOR_FIELDS)
    code = actor.get("code") or f"{actor.get('country') or ''}{actor.get('role') or ''}"
    parts = split_actor_code(code.upper())
    name = re.sub(r"\s*\([^)]*\)\s*$", "", actor.get("name") or "").upper()
    religions = [*parts.religions, "", ""][:2]
    types = [*parts.types, "", "", ""][:3]
    return [parts.code, clean(name), parts.country, parts.known_group, "", *religions, *types]


# -- events ------------------------------------------------------------------------------


def event_codes(cameo: str, root: str) -> tuple[str, str, str]:
    """EventCode, EventBaseCode (the three-digit level) and EventRootCode."""
    return cameo, cameo[:3] if len(cameo) > 3 else cameo, root or cameo[:2]


def fraction_date(day: date) -> str:
    """GDELT's FractionDate: YYYY.FFFF, FFFF = ((month - 1) * 30 + day) / 365."""
    return f"{day.year + ((day.month - 1) * 30 + day.day) / 365:.4f}"


def is_root_event(row: Mapping[str, Any]) -> bool:
    """In the lead: the first sentence, or before the first line break."""
    if row["sentence"] == 0:
        return True
    lead = row.get("lead") or ""
    newline = lead.find("\n")
    return newline >= 0 and row["end"] <= newline


def event_day(row: Mapping[str, Any]) -> date:
    added = row.get("annotated_at") or row["ingested_at"]
    return iso_day(row.get("date")) or iso_day(row.get("published")) or utc(added).date()


def event_row(row: Mapping[str, Any]) -> dict[str, str]:
    """One GDELT Events row (column -> field) from a joined store row."""
    day = event_day(row)
    tone = row["tone"] if row.get("tone") is not None else row.get("doc_tone")
    action = place_geo(
        row.get("place_name"),
        row.get("place_country"),
        row.get("place_lat"),
        row.get("place_lon"),
        kind=row.get("place_kind"),
        geonameid=row.get("place_geonameid"),
    )
    values = [
        str(stable_id(row["doc_id"], row["idx"])),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        fraction_date(day),
        *actor_fields(_prefixed(row, "actor1_")),
        *actor_fields(_prefixed(row, "actor2_")),
        "1" if is_root_event(row) else "0",
        *event_codes(row["cameo"], row["root"]),
        str(row["quad_class"]),
        f"{row['goldstein']:.1f}",
        "1",
        "1",
        "1",
        fmt_float(tone),
        *NO_GEO.event_fields(),
        *NO_GEO.event_fields(),
        *action.event_fields(),
        timestamp(row.get("annotated_at") or row["ingested_at"]),
        clean(source_url(row)),
    ]
    return dict(zip(EVENT_COLUMNS, values, strict=True))


def _prefixed(row: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    return {k.removeprefix(prefix): v for k, v in row.items() if k.startswith(prefix)}


def _actor_columns(alias: Any, prefix: str) -> list[Any]:
    names = ("id", "code", "name", "country", "role")
    return [alias.c[name].label(f"{prefix}{name}") for name in names]


def events_select() -> Any:
    """Fact events joined with their actors, document, tone and place kind."""
    source, target = actors.alias("source"), actors.alias("target")
    place = (
        select(places.c.kind, places.c.geonameid)
        .where(places.c.doc_id == events.c.doc_id, places.c.name == events.c.place_name)
        .order_by(places.c.start)
        .limit(1)
    )
    return (
        select(
            events,
            documents.c.url,
            documents.c.canonical_url,
            documents.c.source_path,
            documents.c.published,
            documents.c.ingested_at,
            documents.c.annotated_at,
            func.substr(documents.c.text, 1, LEAD_CHARS).label("lead"),
            tones.c.tone.label("doc_tone"),
            place.with_only_columns(places.c.kind).scalar_subquery().label("place_kind"),
            place.with_only_columns(places.c.geonameid).scalar_subquery().label("place_geonameid"),
            *_actor_columns(source, "actor1_"),
            *_actor_columns(target, "actor2_"),
        )
        .join(documents, documents.c.id == events.c.doc_id)
        .outerjoin(source, source.c.id == events.c.source_actor)
        .outerjoin(target, target.c.id == events.c.target_actor)
        .outerjoin(tones, tones.c.doc_id == events.c.doc_id)
        .where(events.c.status == "fact")
        .order_by(events.c.doc_id, events.c.idx)
    )


def iter_gdelt_event_rows(connection: Connection) -> Iterator[dict[str, str]]:
    """Every fact event in the store as a GDELT Events row (column name -> field), in
    document and event order, streamed."""
    result = connection.execution_options(stream_results=True, yield_per=500).execute(
        events_select()
    )
    for row in result:
        yield event_row(row._asdict())


def write_gdelt_events(rows: Iterable[Mapping[str, str]], out: IO[bytes]) -> int:
    """Write GDELT 2.0 Events rows to ``out`` (61 tab-separated fields a line, no
    header); return how many were written.

    >>> with store.engine.connect() as connection:  # doctest: +SKIP
    ...     write_gdelt_events(iter_gdelt_event_rows(connection), sys.stdout.buffer)
    """
    return write_lines(rows, EVENT_COLUMNS, out)
