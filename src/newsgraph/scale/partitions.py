"""Split the input files into partitions: the unit of work a Dask task reads.

Partitions are contiguous runs of the files in :func:`~newsgraph.readers.iter_files`
order, so loading them in partition order writes the store in exactly the order a local
ingest would, and cross-document actor resolution (which depends on what was stored
first) gives the same actors. Each partition is bounded in files and bytes: the loader
writes one partition in one transaction and the worker holds one partition's records.
A file the store holds fully as it is now is left out, as the local pipeline skips it.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.model import Rejected
from newsgraph.readers import iter_files
from newsgraph.store import Store
from newsgraph.store.progress import FileMark

MAX_PARTITION_BYTES = 64 * 1024 * 1024
MAX_PARTITION_FILES = 1000
FILE_WEIGHT = 8 * 1024  # a file costs at least a small page's worth of work

Entry = str | Rejected  # a file to read, or a path the walk already rejected


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    entries: tuple[Entry, ...]
    nbytes: int


def plan(
    paths: Iterable[str | os.PathLike[str]],
    *,
    store: Store | None = None,
    on_skip: Callable[[FileMark], None] | None = None,
    min_parts: int = 1,
    max_bytes: int = MAX_PARTITION_BYTES,
    max_files: int = MAX_PARTITION_FILES,
) -> list[Partition]:
    """The files under ``paths`` as partitions: at least ``min_parts`` when there are
    that many files (so every worker gets some), none over ``max_files`` files, and none
    over ``max_bytes`` unless one file alone is larger. With a ``store``, files it holds
    fully are left out and ``on_skip`` hears of each."""
    entries: list[Entry] = []
    sizes: list[int] = []
    for item in iter_files(paths):
        taken = _take(item, store, on_skip)
        if taken is not None:
            entries.append(taken[0])
            sizes.append(taken[1])
    total = sum(sizes)
    parts = max(min_parts, math.ceil(total / max_bytes), math.ceil(len(entries) / max_files))
    parts = max(1, min(parts, len(entries)))
    return _split(entries, sizes, parts=parts, max_bytes=max_bytes, max_files=max_files)


def _take(
    item: Path | Rejected, store: Store | None, on_skip: Callable[[FileMark], None] | None
) -> tuple[Entry, int] | None:
    """``item`` as an entry with its size in bytes, or None when the store has it."""
    if isinstance(item, Rejected):
        return item, 0
    try:
        info = item.stat()
    except OSError:
        return str(item), 0  # the reader says why
    known = (
        None if store is None else store.finished_pages(str(item), info.st_size, info.st_mtime_ns)
    )
    if known is None:
        return str(item), info.st_size
    if on_skip is not None:
        on_skip(FileMark(str(item), info.st_size, info.st_mtime_ns, pages=known))
    return None


def _split(
    entries: list[Entry], sizes: list[int], *, parts: int, max_bytes: int, max_files: int
) -> list[Partition]:
    """``parts`` contiguous runs of about equal weight (bytes, plus :data:`FILE_WEIGHT` a
    file), each then cut further where it passes ``max_files`` or ``max_bytes``."""
    weights = [size + FILE_WEIGHT for size in sizes]
    total = sum(weights)
    bounds = [0]
    done = 0
    for end, weight in enumerate(weights, start=1):
        done += weight
        cuts_left = parts - len(bounds)
        if cuts_left > 0 and (
            done >= total * len(bounds) / parts or len(entries) - end == cuts_left
        ):
            bounds.append(end)
    bounds.append(len(entries))
    result: list[Partition] = []
    for start, stop in zip(bounds, bounds[1:], strict=False):
        for run in _capped(range(start, stop), sizes, max_bytes=max_bytes, max_files=max_files):
            chosen = tuple(entries[i] for i in run)
            result.append(Partition(len(result), chosen, sum(sizes[i] for i in run)))
    return result


def _capped(run: range, sizes: list[int], *, max_bytes: int, max_files: int) -> Iterator[list[int]]:
    """``run`` cut into pieces of at most ``max_files`` entries and ``max_bytes`` (a
    larger single file is a piece of its own)."""
    piece: list[int] = []
    piece_bytes = 0
    for i in run:
        if piece and (len(piece) >= max_files or piece_bytes + sizes[i] > max_bytes):
            yield piece
            piece, piece_bytes = [], 0
        piece.append(i)
        piece_bytes += sizes[i]
    if piece:
        yield piece
