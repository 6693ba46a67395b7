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
from sqlalchemy import Connection, bindparam, select, update

from newsgraph.model import ActorRecord
from newsgraph.store.bulk import in_chunks, insert_rows
from newsgraph.store.schema import actors

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
    resolver = ActorResolver(connection)
    found = resolver.resolve(record)
    resolver.flush()
    return found


# The columns a later record may enrich (see _enriched); the rest never change.
_ENRICHED = ("name", "aliases", "country", "role", "code", "affiliation")


class ActorResolver:
    """Resolves actors within one write transaction, in memory, then writes the new and
    enriched rows with :meth:`flush`: one INSERT and one UPDATE per batch, where every
    resolution was up to three queries and a write before.

    It reads the stored actors a batch can meet up front (:meth:`prefetch`: by key, and
    the people sharing a surname ``block`` with a new name) and keeps them by id, so each
    decision sees exactly the rows (and enrichments) the row-at-a-time writes would have
    read back from the table, in the same order. Valid only while the transaction holds
    the write lock (nobody else changes the actors)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._by_id: dict[str, dict[str, Any]] = {}
        self._by_key: dict[str, dict[str, Any]] = {}
        self._absent: set[str] = set()  # keys looked up and not stored
        self._blocks: dict[str, list[dict[str, Any]]] = {}  # people per block, table order
        self._new: dict[str, dict[str, Any]] = {}  # rows to insert, by id, in order
        self._changed: dict[str, dict[str, Any]] = {}  # stored rows enriched, by id

    def prefetch(self, records: Iterable[ActorRecord]) -> None:
        """Read the stored actors with these records' keys, and the people who share a
        surname with a person not stored yet, in a few queries."""
        records = list(records)
        self._read_keys({r.key for r in records})
        self._read_blocks(
            {block_of(r) for r in records if r.type == "person" and r.key in self._absent}
        )

    def resolve(self, record: ActorRecord) -> str:
        row = self._by_key.get(record.key)
        if row is None and record.key not in self._absent:
            self._read_keys({record.key})
            row = self._by_key.get(record.key)
        if row is None and record.type == "person" and len(record.name.split()) > 1:
            row = self._fuzzy_person(record)
        if row is None:
            return self._insert(record)
        values = _enriched(row, record)
        if values:
            row.update(values)
            if row["id"] not in self._new:
                self._changed[row["id"]] = row
        return row["id"]

    def flush(self) -> None:
        """Write the actors created and enriched since the last flush."""
        insert_rows(self.connection, actors, list(self._new.values()))
        if self._changed:
            self.connection.execute(
                update(actors).where(actors.c.id == bindparam("_id")),
                [
                    {"_id": id_, **{n: row[n] for n in _ENRICHED}}
                    for id_, row in self._changed.items()
                ],
            )
        self._new, self._changed = {}, {}

    def _remember(self, found: Any) -> dict[str, Any]:
        """The one row object kept for a stored actor (enrichments made here win over the
        table, which has not seen them yet)."""
        row = self._by_id.get(found.id)
        if row is None:
            row = self._by_id[found.id] = self._by_key[found.key] = found._asdict()
        return row

    def _read_keys(self, keys: set[str]) -> None:
        todo = sorted(keys - self._by_key.keys() - self._absent)
        for chunk in in_chunks(todo):
            for found in self.connection.execute(select(actors).where(actors.c.key.in_(chunk))):
                self._remember(found)
        self._absent.update(key for key in todo if key not in self._by_key)

    def _read_blocks(self, blocks: set[str]) -> None:
        todo = sorted(blocks - self._blocks.keys())
        for block in todo:
            self._blocks[block] = []
        for chunk in in_chunks(todo):
            statement = select(actors).where(actors.c.block.in_(chunk), actors.c.type == "person")
            for found in self.connection.execute(statement):
                self._blocks[found.block].append(self._remember(found))

    def _fuzzy_person(self, record: ActorRecord) -> dict[str, Any] | None:
        block = block_of(record)
        self._read_blocks({block})
        matches = [
            c
            for c in self._blocks[block]
            if len(c["name"].split()) > 1 and same_person(c["name"], record.name)
        ]
        return max(
            matches,
            key=lambda c: fuzz.token_sort_ratio(fold(c["name"]), fold(record.name)),
            default=None,
        )

    def _insert(self, record: ActorRecord) -> str:
        row = {
            "id": actor_id(record.key),
            "key": record.key,
            "name": record.name,
            "type": record.type,
            "country": record.country,
            "role": record.role,
            "code": record.code,
            "aliases": sorted(set(record.aliases) | {record.name}),
            "affiliation": record.affiliation,
            "block": block_of(record),
        }
        if record.type == "person":
            self._read_blocks({row["block"]})
            self._blocks[row["block"]].append(row)
        self._by_id[row["id"]] = self._by_key[row["key"]] = self._new[row["id"]] = row
        self._absent.discard(row["key"])
        return row["id"]


def _enriched(stored: dict[str, Any], record: ActorRecord) -> dict[str, Any]:
    """What ``record`` adds to ``stored``: the values to change."""
    values: dict[str, Any] = {}
    aliases = sorted(set(stored["aliases"]) | set(record.aliases) | {record.name})
    if aliases != sorted(stored["aliases"]):
        values["aliases"] = aliases
    if len(record.name) > len(stored["name"]) and record.type == "person":
        values["name"] = record.name  # the fullest form seen
    for name in ("country", "role", "code", "affiliation"):
        if stored[name] is None and getattr(record, name) is not None:
            values[name] = getattr(record, name)
    return values
