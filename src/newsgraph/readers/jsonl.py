"""Read JSON Lines: one page per line.

Each line is an object with ``url``, ``title``, ``published``, optional ``author`` and
``site``, and the page as ``html`` or ``text`` (``html`` wins when both are present).
``author`` (or ``authors``) may also be a list of names: each is one author. A good
line becomes a :class:`RawPage` named ``path#line-N`` (1-based); a bad line becomes a
:class:`Rejected` of the same name and the other lines go on. Blank lines are not
records and are passed over.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsgraph.model import RawPage, Rejected
from newsgraph.options import Options

logger = logging.getLogger(__name__)

_HINT_FIELDS = ("url", "title", "published", "site")
_AUTHOR_FIELDS = ("author", "authors")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def read_jsonl(path: Path, *, options: Options) -> Iterator[RawPage | Rejected]:
    """A :class:`RawPage` or :class:`Rejected` per non-blank line of ``path``.
    ``options`` is unused: the file size was checked before reading."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if raw.strip():
                yield line_page(raw, source_path=f"{path}#line-{number}")
            else:
                logger.debug("%s#line-%d is blank", path, number)


def line_page(raw: bytes, *, source_path: str) -> RawPage | Rejected:
    """The page one JSON Lines line describes, or why it cannot be read."""
    record = _parse(raw.removeprefix(b"\xef\xbb\xbf").strip())
    if isinstance(record, str):
        return Rejected(source_path, record, "jsonl")
    problem = _field_problem(record)
    if problem is not None:
        return Rejected(source_path, problem, "jsonl")
    html, text = _body(record)
    return RawPage(
        source_path=source_path,
        source_format="jsonl",
        html=html,
        text=text,
        author=_author(_author_field(record)),
        **{name: _optional(record.get(name)) for name in _HINT_FIELDS},
    )


def _parse(raw: bytes) -> dict[str, Any] | str:
    """The JSON object on the line, or a one-line reason it is not one."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return f"line is not UTF-8 (byte {exc.start})"
    except json.JSONDecodeError as exc:
        return f"line is not JSON ({exc.msg}, column {exc.colno})"
    except RecursionError:
        return "line is JSON nested too deeply to read"
    if not isinstance(value, dict):
        return f"line is {_kind(value)}, not a JSON object"
    return value


def _field_problem(record: dict[str, Any]) -> str | None:
    """What is wrong with the fields of ``record``, or ``None`` when they are usable."""
    for name in ("html", "text", *_HINT_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f"field {name!r} is {_kind(value)}, not a string"
    for name in _AUTHOR_FIELDS:
        author = record.get(name)
        if author is not None and not _is_names(author):
            return f"field {name!r} is {_kind(author)}, not a string or a list of strings"
    if not any(_nonblank(record.get(key)) for key in ("html", "text")):
        return "record has neither an 'html' nor a 'text' field with content"
    return None


def _body(record: dict[str, Any]) -> tuple[str | None, str | None]:
    if _nonblank(record.get("html")):
        return record["html"], None
    return None, record["text"]


def _author_field(record: dict[str, Any]) -> str | list[str] | None:
    """``author``, else ``authors``: feeds use either name."""
    author = record.get("author")
    return record.get("authors") if author is None else author


def _author(value: str | list[str] | None) -> str | None:
    """A list of names joined with '; ', the separator extraction splits authors on
    (:func:`newsgraph.extract.html.split_authors`): two names stay two authors."""
    if isinstance(value, list):
        value = "; ".join(name.strip() for name in value if name.strip())
    return _optional(value)


def _optional(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _nonblank(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_names(value: Any) -> bool:
    return isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(name, str) for name in value)
    )


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return _JSON_TYPES.get(type(value), "a number")
