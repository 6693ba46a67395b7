"""Files that spare every process rebuilding the same data at start-up: the places
gazetteer (:mod:`newsgraph.annotate.places_gazetteer`) and py3langid's decompressed model
(:mod:`newsgraph.extract.language`). They live in the ``cache_dir`` setting's directory.

A file's name carries a digest of everything its contents derive from, so a change of any
input makes a new file, never a stale read. A file is written under a temporary name and
renamed into place, so a process never reads half of one, however many start together.
Whoever reads one checks it, and any failure to read or write one is logged and answered
by building the data in memory, as without a cache: a cache never fails a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

KEEP = 3
"""Files kept per name stem: older ones (left by changed inputs) are removed on a write."""

STALE_SECONDS = 3600
"""Age past which a temporary file is a killed writer's: a write takes seconds."""

_DIGEST = hashlib.sha256
_DIGEST_SIZE = _DIGEST().digest_size


def keyed_path(directory: Path, stem: str, inputs: Iterable[bytes | str], suffix: str) -> Path:
    """``directory/STEM-DIGEST.SUFFIX``, the digest taken over ``inputs``."""
    digest = _DIGEST()
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))  # so ("ab", "c") != ("a", "bc")
        digest.update(data)
    return directory / f"{stem}-{digest.hexdigest()[:32]}{suffix}"


def file_stamp(path: Path) -> str:
    """A large file's identity without reading it: its path, size and modification time."""
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def read_checked(path: Path) -> bytes | None:
    """The payload written by :func:`write_checked`, or None when the file is missing or
    does not match its own checksum (truncated, damaged)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        log.debug("no cache file %s", path)
        return None
    except OSError as exc:
        log.info("cannot read cache file %s: %s", path, exc)
        return None
    payload = data[_DIGEST_SIZE:]
    if data[:_DIGEST_SIZE] != _DIGEST(payload).digest():
        log.info("cache file %s is damaged; rebuilding it", path)
        return None
    return payload


def write_checked(path: Path, payload: bytes) -> bool:
    """Write ``payload`` behind its checksum, atomically (see :func:`write_atomic`)."""
    digest = _DIGEST(payload).digest()
    return write_atomic(path, lambda file: file.writelines((digest, payload)))


def write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> bool:
    """Create ``path`` with what ``write`` writes to a temporary file beside it, then
    rename it into place. False, logged, when the directory cannot be written."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "wb") as file:
            write(file)
        os.chmod(temporary, 0o644)  # derived from public data: readable like any cache
        os.replace(temporary, path)
        temporary = None
    except OSError as exc:
        log.info("cannot write cache file %s (%s); building in memory each run", path, exc)
        return False
    finally:  # whatever went wrong, no temporary file is left behind
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    _prune(path)
    return True


def _prune(path: Path) -> None:
    """Remove all but the newest :data:`KEEP` files of ``path``'s stem, and temporary
    files a killed writer left over an hour ago. A process still reading a removed file
    keeps its open copy; one about to open it builds in memory."""
    stem = path.name.rsplit("-", 1)[0]
    try:
        siblings = sorted(
            path.parent.glob(f"{stem}-*{path.suffix}"),
            key=lambda p: p.stat().st_mtime_ns,
            reverse=True,
        )
        for old in siblings[KEEP:]:
            if old != path:
                old.unlink(missing_ok=True)
        for temporary in path.parent.glob(f".{stem}-*.tmp"):
            if time.time() - temporary.stat().st_mtime > STALE_SECONDS:
                temporary.unlink(missing_ok=True)
    except OSError as exc:  # a file removed meanwhile by another process
        log.debug("pruning cache files beside %s: %s", path, exc)
