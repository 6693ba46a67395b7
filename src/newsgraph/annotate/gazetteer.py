"""Name lookups for actors: countries (names, demonyms, capitals and seats of power),
organisations and CAMEO role nouns.

The tables are package data (``newsgraph/data/*.v1.jsonl``), read once per process and
turned into plain dicts; every lookup is a dict access on a normalised key. Matching
ignores case, accents, a leading "the" and a trailing possessive, except for short
all-capital acronyms ("US", "WHO", "AP"), which match only in capitals so that the
pronoun "us" or the word "who" never becomes an actor.

    >>> country_code("the UK"), country_code("Kenyan"), metonym("the Kremlin")
    ('GBR', 'KEN', 'RUS')
    >>> org("the African Union").code, role_code("soldiers")
    ('IGOAFRAFU', 'MIL')
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "CountryEntry",
    "OrgEntry",
    "capital",
    "country",
    "country_code",
    "country_name",
    "demonym",
    "demonym_names",
    "fold_accents",
    "metonym",
    "metonym_names",
    "metonym_role",
    "is_role_phrase",
    "leader_country",
    "normalise",
    "org",
    "org_names",
    "role_code",
    "country_names",
]

COUNTRIES_FILE = "countries.v1.jsonl"
ACTORS_FILE = "actors.v1.jsonl"
ROLES_FILE = "roles.v1.jsonl"

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Z0-9&-]{1,7}$")
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[.,;:!?\"“”()\[\]]")


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One country as the gazetteer knows it."""

    iso3: str
    name: str
    capital: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    seats_of_power: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One organisation: ``code`` is CAMEO-style (``IGOUNO``, ``LBNREB``, ``MED``),
    ``country`` an ISO3 or None, ``role`` a CAMEO role (IGO, NGO, REB, MED, ...),
    ``type`` a broad kind (igo, ngo, armed_group, party, media, think_tank, company)."""

    name: str
    code: str | None
    country: str | None
    role: str | None
    type: str


@dataclass(frozen=True, slots=True)
class _Tables:
    countries: dict[str, CountryEntry]  # iso3 -> entry
    names: dict[str, str]  # folded country name or alias -> iso3
    demonyms: dict[str, str]  # folded demonym (and plural) -> iso3
    metonyms: dict[str, str]  # folded capital / seat of power -> iso3
    seat_roles: dict[str, str]  # folded seat of power -> role when not GOV ("pentagon": MIL)
    acronyms: dict[str, str]  # exact acronym without dots -> iso3 (country names)
    orgs: dict[str, OrgEntry]  # folded name or alias -> entry
    org_acronyms: dict[str, OrgEntry]  # exact acronym without dots -> entry
    roles: dict[str, str]  # folded noun or phrase -> CAMEO role
    leaders: dict[str, str]  # folded leader name or short form -> iso3


# --- public lookups -------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # pure: the tables never change once read
def country_code(text: str) -> str | None:
    """ISO3 for a country name, alias, demonym, capital or seat of power
    ("Britain", "the UK", "Congolese", "the Kremlin"); None when ``text`` is none of
    these."""
    tables = _tables()
    exact = _acronym_key(text)
    if exact and exact in tables.acronyms:
        return tables.acronyms[exact]
    key = normalise(text)
    for table in (tables.names, tables.demonyms, tables.metonyms):
        if key in table:
            return table[key]
    return None


def demonym(text: str) -> str | None:
    """ISO3 when ``text`` is a demonym or national adjective ("Kenyan", "Israelis",
    "the Chinese"), else None."""
    return _tables().demonyms.get(normalise(text))


def metonym(text: str) -> str | None:
    """ISO3 when ``text`` is a capital or seat of power that can stand for a
    government ("Beijing", "Zhongnanhai", "the White House", "Downing Street")."""
    return _tables().metonyms.get(normalise(text))


def metonym_role(text: str) -> str | None:
    """The CAMEO role a metonym stands for: GOV for capitals and most seats of power,
    MIL for "the Pentagon", LEG for "Capitol Hill"; None when ``text`` is no metonym."""
    key = normalise(text)
    tables = _tables()
    if key not in tables.metonyms:
        return None
    return tables.seat_roles.get(key, "GOV")


def country(iso3: str) -> CountryEntry | None:
    """The country entry for an ISO3 code."""
    return _tables().countries.get(iso3.upper())


def country_name(iso3: str) -> str | None:
    """The short English name for an ISO3 code ("KEN" -> "Kenya")."""
    entry = country(iso3)
    return entry.name if entry else None


def capital(iso3: str) -> str | None:
    """The capital city for an ISO3 code."""
    entry = country(iso3)
    return entry.capital if entry else None


@lru_cache(maxsize=1 << 16)  # pure: the tables never change once read
def org(text: str) -> OrgEntry | None:
    """The organisation named by ``text`` ("the African Union", "AU", "Hezbollah's"),
    or None."""
    tables = _tables()
    exact = _acronym_key(text)
    if exact and exact in tables.org_acronyms:
        return tables.org_acronyms[exact]
    return tables.orgs.get(normalise(text))


def role_code(noun: str) -> str | None:
    """CAMEO role code for an agent noun or phrase ("minister" -> GOV, "soldiers" ->
    MIL, "foreign ministry" -> GOV, "riot police" -> COP). Plural forms are reduced to
    the singular; a phrase not in the table falls back to its last word."""
    roles = _tables().roles
    key = normalise(noun)
    if not key:
        return None
    for candidate in _singular_forms(key):
        if candidate in roles:
            return roles[candidate]
    head = key.rsplit(" ", 1)[-1]
    if head != key:
        for candidate in _singular_forms(head):
            if candidate in roles:
                return roles[candidate]
    return None


def is_role_phrase(text: str) -> bool:
    """True when the whole of ``text`` is an agent noun or phrase in the roles table
    ("Foreign Ministry", "riot police", "soldiers"): a role, not a name."""
    roles = _tables().roles
    return any(form in roles for form in _singular_forms(normalise(text)))


def leader_country(name: str) -> str | None:
    """ISO3 of the country a current (2025) leader heads ("Xi", "Xi Jinping" -> CHN);
    used for "Xi's government" phrases only."""
    leaders = _tables().leaders
    return leaders.get(normalise(name))


def metonym_names() -> list[str]:
    """Every capital and seat-of-power surface form, for building matchers."""
    rows = _read_jsonl(COUNTRIES_FILE)
    forms = {row["capital"] for row in rows if row.get("capital_is_metonym")}
    forms.update(seat for row in rows for seat in row.get("seats_of_power", ()))
    return sorted(forms)


def country_names() -> list[str]:
    """Every country name and alias surface form, for building matchers."""
    return sorted(_surface_forms(COUNTRIES_FILE, ("name", "aliases")))


def demonym_names() -> list[str]:
    """Every demonym as written in the data (singular forms), for building matchers."""
    return sorted(_surface_forms(COUNTRIES_FILE, ("demonyms",)))


def org_names() -> list[str]:
    """Every organisation name and alias surface form, for building matchers."""
    return sorted(_surface_forms(ACTORS_FILE, ("name", "aliases")))


# --- normalisation --------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """The lookup key: accents folded, lower case, no leading "the", no trailing
    possessive, no dots or quotes, single spaces ("The Élysée's" -> "elysee").

    Annotators ask for the same few thousand words and names over and over, so keys are
    memoised (bounded, so memory stays flat over any corpus)."""
    text = fold_accents(text.replace("’", "'")).strip()
    text = _POSSESSIVE.sub("", text)
    text = _PUNCT.sub("", text)
    text = _SPACES.sub(" ", text).strip().lower()
    return _LEADING_THE.sub("", text)


def fold_accents(text: str) -> str:
    """``text`` without combining accents ("Élysée" -> "Elysee")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # pure: the tables never change once read
def _acronym_key(text: str) -> str | None:
    """``text`` as an exact acronym key ("U.N." -> "UN"), or None if it is not one."""
    stripped = _POSSESSIVE.sub("", text.replace("’", "'").strip())
    stripped = _LEADING_THE.sub("", stripped)
    if not _ACRONYM.match(stripped):
        return None
    return stripped.replace(".", "")


def _singular_forms(word: str) -> Iterator[str]:
    yield word
    if word.endswith("men"):
        yield word[:-3] + "man"
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        yield word[:-1]


def _plurals(word: str) -> Iterator[str]:
    """English plural forms of a demonym ("Kenyan" -> "Kenyans"); words that are their
    own plural ("Chinese", "Swiss", "French") yield nothing."""
    if word.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return
    if word.endswith("man"):
        yield word[:-3] + "men"
    elif word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        yield word[:-1] + "ies"
    else:
        yield word + "s"


# --- loading --------------------------------------------------------------------------


@cache
def _read_jsonl(filename: str) -> tuple[dict, ...]:
    """The rows of a package data file, read once per process (do not mutate them)."""
    text = resources.files("newsgraph.data").joinpath(filename).read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


def _surface_forms(filename: str, fields: Iterable[str]) -> set[str]:
    forms: set[str] = set()
    for row in _read_jsonl(filename):
        for name in fields:
            value = row.get(name)
            if isinstance(value, str):
                forms.add(value)
            elif value:
                forms.update(value)
    return forms


@cache
def _tables() -> _Tables:
    countries, names, demonyms, metonyms, acronyms, seat_roles = _load_countries()
    orgs, org_acronyms = _load_orgs()
    roles = {normalise(row["noun"]): row["code"] for row in _read_jsonl(ROLES_FILE)}
    leaders = {
        normalise(name): row["iso3"]
        for row in _read_jsonl(COUNTRIES_FILE)
        for name in row.get("leaders", ())
    }
    return _Tables(
        countries,
        names,
        demonyms,
        metonyms,
        seat_roles,
        acronyms,
        orgs,
        org_acronyms,
        roles,
        leaders,
    )


def _load_countries() -> tuple[dict, dict, dict, dict, dict, dict]:
    countries: dict[str, CountryEntry] = {}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    metonyms: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    seat_roles: dict[str, str] = {}
    for row in _read_jsonl(COUNTRIES_FILE):
        entry = _country_entry(row)
        countries[entry.iso3] = entry
        for alias in (entry.name, *entry.aliases):
            _index(alias, entry.iso3, names, acronyms)
        for word in entry.demonyms:
            for form in (word, *_plurals(word)):
                demonyms.setdefault(normalise(form), entry.iso3)
        places = (entry.capital,) if row.get("capital_is_metonym") else ()
        for place in (*places, *entry.seats_of_power):
            metonyms.setdefault(normalise(place), entry.iso3)
        for place, role in row.get("seat_roles", {}).items():
            seat_roles.setdefault(normalise(place), role)
    for key in set(demonyms) & set(names):  # "Philippines" is a name, not a plural
        del demonyms[key]
    return countries, names, demonyms, metonyms, acronyms, seat_roles


def _country_entry(row: dict) -> CountryEntry:
    return CountryEntry(
        iso3=row["iso3"],
        name=row["name"],
        capital=row.get("capital"),
        aliases=tuple(row.get("aliases", ())),
        demonyms=tuple(row.get("demonyms", ())),
        seats_of_power=tuple(row.get("seats_of_power", ())),
    )


def _load_orgs() -> tuple[dict[str, OrgEntry], dict[str, OrgEntry]]:
    orgs: dict[str, OrgEntry] = {}
    acronyms: dict[str, OrgEntry] = {}
    for row in _read_jsonl(ACTORS_FILE):
        entry = OrgEntry(
            name=row["name"],
            code=row.get("code"),
            country=row.get("country"),
            role=row.get("role"),
            type=row["type"],
        )
        for alias in (entry.name, *row.get("aliases", ())):
            _index(alias, entry, orgs, acronyms)
    return orgs, acronyms


def _index(alias: str, value, folded: dict, exact: dict) -> None:
    """Put ``alias`` in the exact-acronym table if it is an acronym and in the folded
    table unless it is a short acronym; the first entry for a key wins."""
    key = _acronym_key(alias)
    if key is not None:
        exact.setdefault(key, value)
    if key is None or len(key) > 3:  # "Nato" as well as "NATO"; never "who" for "WHO"
        folded.setdefault(normalise(alias), value)
