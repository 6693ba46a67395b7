"""Actors across documents: the same person or organisation is one row.

Countries and organisations carry document-independent keys (``country:KEN``,
``org:hezbollah``), so an exact key match suffices. People are keyed by normalised full
name; a new name is also compared, with rapidfuzz, to the people who share its surname
(the ``block``), and merged only when the first names agree too, so that "Omar Hassan"
never becomes "Ali Hassan".
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, select, update

from newsgraph.model import ActorRecord
from newsgraph.store.schema import actors
from newsgraph.store.sql import dialect_insert

NAME_MATCH = 90  # token_set_ratio needed between the names after the first
FIRST_NAME_MATCH = 85  # ratio needed between first names (or one is the other's initial)


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: 'Dr. Amara  Okafor' -> 'dr. amara okafor'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def actor_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def block_of(record: ActorRecord) -> str:
    if record.type != "person":
        return record.key
    words = _words(record.name)
    return f"person:{words[-1]}" if words else record.key


def same_person(a: str, b: str) -> bool:
    """Two full names of one person? First names must agree (an initial agrees with a
    name it starts), and the rest must match, a middle initial allowed for."""
    words_a, words_b = _words(a), _words(b)
    first_a, first_b = words_a[0], words_b[0]
    if len(first_a) == 1 or len(first_b) == 1:
        firsts_agree = first_a[0] == first_b[0]
    else:
        firsts_agree = fuzz.ratio(first_a, first_b) >= FIRST_NAME_MATCH
    rest = fuzz.token_set_ratio(" ".join(words_a[1:]), " ".join(words_b[1:]))
    return firsts_agree and rest >= NAME_MATCH


def _words(name: str) -> list[str]:
    return fold(name).replace(".", " ").split()


def resolve_actor(connection: Connection, record: ActorRecord) -> str:
    """The global id of ``record``, creating or enriching the stored actor."""
    return ActorResolver(connection).resolve(record)


class ActorResolver:
    """Resolves actors within one write transaction, remembering the rows it has read
    or written by key: the same country or organisation recurs in most articles of a
    batch, and was read (and enriched) once per mention-holding article before. Valid
    only while the transaction holds the write lock (nobody else changes the actors)."""

    _CHUNK = 500  # keys per IN (...) lookup, well under SQLite's parameter limit

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._rows: dict[str, dict[str, Any]] = {}

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the stored actors with these keys in a few queries."""
        todo = sorted(set(keys) - self._rows.keys())
        for start in range(0, len(todo), self._CHUNK):
            chunk = todo[start : start + self._CHUNK]
            for row in self.connection.execute(select(actors).where(actors.c.key.in_(chunk))):
                self._rows[row.key] = row._asdict()

    def resolve(self, record: ActorRecord) -> str:
        row = self._rows.get(record.key)
        if row is None:
            found = self.connection.execute(
                select(actors).where(actors.c.key == record.key)
            ).first()
            if found is None and record.type == "person" and len(record.name.split()) > 1:
                found = _fuzzy_person(self.connection, record)
            if found is None:
                return _insert_actor(self.connection, record)
            row = found._asdict()
        values = _enrich(self.connection, row, record)
        self._rows[row["key"]] = {**row, **values}
        return row["id"]


def _fuzzy_person(connection: Connection, record: ActorRecord) -> Any:
    candidates = connection.execute(
        select(actors).where(actors.c.block == block_of(record), actors.c.type == "person")
    ).all()
    matches = [
        c for c in candidates if len(c.name.split()) > 1 and same_person(c.name, record.name)
    ]
    return max(
        matches, key=lambda c: fuzz.token_sort_ratio(fold(c.name), fold(record.name)), default=None
    )


def _insert_actor(connection: Connection, record: ActorRecord) -> str:
    new_id = actor_id(record.key)
    connection.execute(
        dialect_insert(connection, actors)
        .values(
            id=new_id,
            key=record.key,
            name=record.name,
            type=record.type,
            country=record.country,
            role=record.role,
            code=record.code,
            aliases=sorted(set(record.aliases) | {record.name}),
            affiliation=record.affiliation,
            block=block_of(record),
        )
        .on_conflict_do_nothing()
    )
    return new_id


def _enrich(connection: Connection, stored: dict[str, Any], record: ActorRecord) -> dict[str, Any]:
    """Fill what ``stored`` lacks from ``record``; return the values changed."""
    values: dict[str, Any] = {}
    aliases = sorted(set(stored["aliases"]) | set(record.aliases) | {record.name})
    if aliases != sorted(stored["aliases"]):
        values["aliases"] = aliases
    if len(record.name) > len(stored["name"]) and record.type == "person":
        values["name"] = record.name  # the fullest form seen
    for name in ("country", "role", "code", "affiliation"):
        if stored[name] is None and getattr(record, name) is not None:
            values[name] = getattr(record, name)
    if values:
        connection.execute(update(actors).where(actors.c.id == stored["id"]).values(**values))
    return values
