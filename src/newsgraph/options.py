"""Settings, declared once.

Every user-facing setting is one :class:`Setting` row in :data:`SETTINGS`; the CLI help,
``docs/settings.md`` and ``tests/test_docs.py`` all read this table. :class:`Options` is
the frozen object that carries the values through the stages.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError

DEFAULT_DB_URL = "sqlite:///newsgraph.db"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str
    env: str | None = None


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def default_cache_dir() -> str:
    """``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph`` (a temporary
    directory's ``newsgraph-cache`` when there is no home)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative value is ignored
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:
            return str(Path(tempfile.gettempdir()) / "newsgraph-cache")
    return str(Path(base) / "newsgraph")


def cache_directory(environ: Mapping[str, str] | None = None) -> Path:
    """The ``cache_dir`` setting as a process reads it when it first loads its data
    (the annotators are built without :class:`Options`, so from the environment)."""
    env = os.environ if environ is None else environ
    return Path(env.get(str(setting("cache_dir").env)) or default_cache_dir())


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db_url",
        DEFAULT_DB_URL,
        "Database URL: sqlite:///PATH (default, in the working directory) or "
        "postgresql://USER@HOST/DB.",
        env="NEWSGRAPH_DB",
    ),
    Setting(
        "max_file_bytes",
        100 * 1024 * 1024,
        "Largest input file read, in bytes; a larger file is rejected with a clear error.",
        env="NEWSGRAPH_MAX_FILE_BYTES",
    ),
    Setting(
        "max_decompressed_bytes",
        200 * 1024 * 1024,
        "Largest decompressed WARC record or gzip member read, in bytes.",
        env="NEWSGRAPH_MAX_DECOMPRESSED_BYTES",
    ),
    Setting(
        "max_body_chars",
        200_000,
        "Longest article body kept, in characters; a longer body (a book, a dump of a "
        "whole site) is rejected before NLP. Above 1,000,000 spaCy's own limit is raised "
        "to match; its parser needs about 1 GB of memory per 100,000 characters.",
        env="NEWSGRAPH_MAX_BODY_CHARS",
    ),
    Setting(
        "max_seconds_per_article",
        60,
        "Longest time spent reading or extracting one page, in seconds; a page that takes "
        "longer (pathological HTML, a MIME archive of a million parts) is rejected and the "
        "batch goes on.",
        env="NEWSGRAPH_MAX_SECONDS_PER_ARTICLE",
    ),
    Setting(
        "min_body_chars",
        200,
        "Shortest article body kept, in characters; a page with less is rejected.",
        env="NEWSGRAPH_MIN_BODY_CHARS",
    ),
    Setting(
        "batch_size",
        50,
        "Articles written to the store in one transaction.",
        env="NEWSGRAPH_BATCH_SIZE",
    ),
    Setting(
        "nlp_batch_size",
        32,
        "Texts spaCy parses together (nlp.pipe batch_size).",
        env="NEWSGRAPH_NLP_BATCH_SIZE",
    ),
    Setting(
        "workers",
        available_cores(),
        "Processes that extract and annotate in parallel (flag --workers on ingest); "
        "default: the CPU cores this process may use. 1 runs everything in-process.",
        env="NEWSGRAPH_WORKERS",
    ),
    Setting(
        "cache_dir",
        default_cache_dir(),
        "Directory of files that spare each process rebuilding the places gazetteer and "
        "the language model (a few seconds of CPU); named by a digest of their inputs, so "
        "never stale, and safe to delete. Unwritable: everything is built in memory.",
        env="NEWSGRAPH_CACHE_DIR",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Options:
    """Values of every setting, passed through the stages. Build with :meth:`from_env`."""

    db_url: str = DEFAULT_DB_URL
    max_file_bytes: int = 100 * 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024
    max_body_chars: int = 200_000
    max_seconds_per_article: int = 60
    min_body_chars: int = 200
    batch_size: int = 50
    nlp_batch_size: int = 32
    workers: int = field(default_factory=available_cores)
    cache_dir: str = field(default_factory=default_cache_dir)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> Options:
        """Defaults, then ``NEWSGRAPH_*`` environment variables, then ``overrides``
        (``None`` overrides are ignored, so CLI flags left unset fall through)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            if setting.env and env.get(setting.env):
                values[setting.name] = _coerce(setting, env[setting.env])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _coerce(setting: Setting, raw: str) -> Any:
    if isinstance(setting.default, int):
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(
                f"{setting.env}={raw!r} is not a whole number; set it to e.g. {setting.default}"
            ) from None
        if value <= 0:
            raise ConfigError(f"{setting.env}={raw!r} must be positive")
        return value
    return raw


def setting(name: str) -> Setting:
    return _BY_NAME[name]
