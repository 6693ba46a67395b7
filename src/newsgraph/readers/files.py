"""Walk the paths given, and read each file with the reader its content calls for.

:func:`read_paths` is the readers stage: paths in, :class:`RawPage` and
:class:`Rejected` values out, in a deterministic order.

1. :func:`iter_files` expands the paths: a file is taken as given (any name); a
   directory is walked in sorted order, files of a directory before its
   subdirectories, taking the suffixes in :data:`SUFFIXES` and files with no suffix,
   passing over dot-names. Symlink loops and files reached twice (symlinks, hard links,
   overlapping paths) are read once.
2. :func:`read_file` checks the size, sniffs the first 64 KB with
   :func:`~newsgraph.readers.detect.detect_format` and hands the file to the reader for
   its format.

Every failure is a value: a missing path, an unreadable directory, a file too large,
empty or not a supported format each become one :class:`Rejected`, and the walk goes on.
So does a file whose next page takes longer than ``max_seconds_per_article`` to read (a
MIME archive of a million parts): the pages read before it are kept.
"""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from stat import S_ISDIR, S_ISREG

from newsgraph.extract.watchdog import TimeLimitExceeded, over_time_reason, time_limit
from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options
from newsgraph.readers.detect import HEAD_BYTES, detect_format, over_limit_reason
from newsgraph.readers.html import read_html
from newsgraph.readers.jsonl import read_jsonl
from newsgraph.readers.mhtml import read_mhtml
from newsgraph.readers.text import read_text
from newsgraph.readers.warc import read_warc

logger = logging.getLogger(__name__)

Reader = Callable[..., Iterator[RawPage | Rejected]]
READERS: dict[str, Reader] = {
    "html": read_html,
    "mhtml": read_mhtml,
    "warc": read_warc,
    "txt": read_text,
    "jsonl": read_jsonl,
}
SUFFIXES = (
    ".html",
    ".htm",
    ".xhtml",
    ".shtml",
    ".mhtml",
    ".mht",
    ".warc",
    ".warc.gz",
    ".arc.gz",
    ".txt",
    ".text",
    ".jsonl",
    ".ndjson",
)
_DOUBLE_SUFFIXES = (".warc.gz", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b"

FileKey = tuple[int, int]  # (st_dev, st_ino): one file however it is reached


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, options: Options
) -> Iterator[RawPage | Rejected]:
    """Every page in ``paths`` (files or directories), or why it could not be read."""
    for item in iter_files(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from read_file(item, options=options)


def _in_time(
    pages: Iterator[RawPage | Rejected], path: Path, seconds: int
) -> Iterator[RawPage | Rejected]:
    """``pages``, each of which must come within ``seconds`` (the caller's work between
    two pages does not count); past that, one :class:`Rejected` ends the file."""
    while True:
        try:
            with time_limit(seconds):
                page = next(pages, None)
        except TimeLimitExceeded:
            pages.close()
            yield Rejected(str(path), over_time_reason("reading", seconds))
            return
        if page is None:
            return
        yield page


def read_file(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """The pages in one file, or one :class:`Rejected` saying why there are none.

    Nothing raises out of here: an OS error becomes a :class:`Rejected`, and so does any
    unexpected error in a reader (logged with its traceback) and a page that takes too
    long to read, so one bad file never stops the rest.
    """
    pages = _read_file_safely(path, options=options)
    yield from _in_time(pages, path, options.max_seconds_per_article)


def _read_file_safely(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    try:
        yield from _read_file(path, options=options)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read file: {exc.strerror or exc}")
    except RecursionError:  # MIME parts or markup nested thousands deep
        yield Rejected(str(path), "file is nested too deeply to read")
    except Exception as exc:  # the stage boundary: one file, one value
        logger.exception("reader failed on %s", path)
        yield Rejected(str(path), f"reader failed: {type(exc).__name__}: {exc}")


def _read_file(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    size = path.stat().st_size
    if size > options.max_file_bytes:
        reason = over_limit_reason(
            "file", size, options.max_file_bytes, env="NEWSGRAPH_MAX_FILE_BYTES"
        )
        yield Rejected(str(path), reason)
        return
    if size == 0:
        yield Rejected(str(path), "empty file")
        return
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    file_format = detect_format(head, suffix=suffix_of(path.name))
    if file_format is None:
        yield Rejected(str(path), _unsupported_reason(head))
        return
    logger.debug("reading %s as %s", path, file_format)
    yield from READERS[file_format](path, options=options)


def _unsupported_reason(head: bytes) -> str:
    if head.startswith(_GZIP_MAGIC):
        return "not a supported format (gzip data that does not hold a WARC)"
    return "not a supported format (binary data)"


def suffix_of(name: str) -> str:
    """The lower-case suffix of a file name, ``".warc.gz"`` and ``".arc.gz"`` whole."""
    lower = name.lower()
    for double in _DOUBLE_SUFFIXES:
        if lower.endswith(double):
            return double
    return Path(lower).suffix


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Rejected]:
    """The files to read under ``paths``, each once, in a deterministic order; a
    :class:`Rejected` for a path that is missing or cannot be listed."""
    seen_files: set[FileKey] = set()
    seen_dirs: set[FileKey] = set()
    for given in paths:
        path = Path(given)
        info = _stat(path)
        if isinstance(info, Rejected):
            yield info
        elif S_ISDIR(info.st_mode):
            yield from _walk(path, seen_files=seen_files, seen_dirs=seen_dirs)
        elif not S_ISREG(info.st_mode):
            yield Rejected(str(path), "not a regular file or directory")
        elif _first_visit(info, seen_files):
            yield path
        else:
            logger.debug("%s was already read", path)


def _walk(
    root: Path, *, seen_files: set[FileKey], seen_dirs: set[FileKey]
) -> Iterator[Path | Rejected]:
    """Depth-first, sorted: a directory's files, then its subdirectories in turn."""
    pending = [root]
    while pending:
        directory = pending.pop()
        info = _stat(directory)
        if isinstance(info, Rejected):
            yield info
            continue
        if not _first_visit(info, seen_dirs):
            logger.debug("%s was already walked (symlink loop or repeat)", directory)
            continue
        entries = _list_dir(directory)
        if isinstance(entries, Rejected):
            yield entries
            continue
        subdirs: list[Path] = []
        for entry in entries:
            yield from _take_entry(entry, subdirs=subdirs, seen_files=seen_files)
        pending.extend(reversed(subdirs))


def _take_entry(
    entry: os.DirEntry[str], *, subdirs: list[Path], seen_files: set[FileKey]
) -> Iterator[Path | Rejected]:
    """Yield ``entry`` when it is a file to read (or a :class:`Rejected` when it should
    be one but cannot be opened); note it in ``subdirs`` when it is a directory."""
    path = Path(entry.path)
    if entry.name.startswith("."):
        logger.debug("passing over hidden %s", path)
        return
    wanted = _wanted_name(entry.name)
    info = _stat(path)
    if isinstance(info, Rejected):
        if wanted:
            yield info
        else:
            logger.debug("passing over %s: %s", path, info.reason)
    elif S_ISDIR(info.st_mode):
        subdirs.append(path)
    elif not wanted:
        logger.debug("passing over %s: suffix not read", path)
    elif not S_ISREG(info.st_mode):
        yield Rejected(str(path), "not a regular file")
    elif _first_visit(info, seen_files):
        yield path
    else:
        logger.debug("%s was already read", path)


def _wanted_name(name: str) -> bool:
    lower = name.lower()
    return "." not in lower or lower.endswith(SUFFIXES)


def _list_dir(directory: Path) -> list[os.DirEntry[str]] | Rejected:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return Rejected(str(directory), f"cannot list directory: {exc.strerror or exc}")


def _stat(path: Path) -> os.stat_result | Rejected:
    try:
        return path.stat()
    except FileNotFoundError:
        reason = "broken symbolic link" if path.is_symlink() else "no such file or directory"
        return Rejected(str(path), reason)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Rejected(str(path), "symbolic link loop")
        return Rejected(str(path), f"cannot open: {exc.strerror or exc}")


def _first_visit(info: os.stat_result, seen: set[FileKey]) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True
