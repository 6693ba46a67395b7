"""PolNeAR, the Political News Attribution Relations corpus (Newell, Margolin & Ruths,
LREC 2018), read at run time from a local copy such as ``../shared/benchmarks/polnear``.
Nothing of it is copied into this repository.

Layout: ``<root>/<split>/text/<article>.txt`` and
``<root>/<split>/attributions/<article>_<annotator>.ann`` (brat standoff); a split that
is not unpacked is read from ``<root>/<split>.tar.gz`` (members ``<split>/text/...``,
``<split>/attributions/...``) with :mod:`tarfile`, never extracted.

1. Standoff. Text-bound lines ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
   and event lines ``E<n>\\tAttribution:T<a> Content:T<c> Cue:T<q> Source:T<s>``
   (roles may carry a number, ``Content2``; ``Attribution-no-source`` events have no
   source). Other lines (``Discard``, ``Discuss`` spans, notes) are kept but unused.
2. Attributions. One per event with a content: its content, cue and source fragments
   (offsets into the article text; a content may be discontinuous).
3. Kind. ``direct`` when the content starts and ends at quotation marks (possibly
   followed by a full stop or comma); its fragments then lose the marks. Everything
   else, including mixed quotes ("said that ... 'under wraps'"), is ``indirect``.
4. Annotators. A few articles were annotated twice or more; only the first annotator
   (the lowest id) is read.
"""

from __future__ import annotations

import logging
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.quotes import QUOTE_CHARS, Fragments, Quote, make_quote

log = logging.getLogger(__name__)

_TRAILING = ".,;:"  # punctuation allowed after a closing mark


class PolnearFormatError(ValueError):
    """A PolNeAR standoff line that cannot be read."""


@dataclass(frozen=True, slots=True)
class TextBound:
    label: str
    fragments: Fragments
    text: str


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution relation: who (source) says (cue) what (content)."""

    content: Fragments
    kind: str  # direct | indirect
    cue: Fragments
    source: Fragments  # () when the annotator marked no source
    source_text: str | None


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    annotator: str
    text: str
    attributions: tuple[Attribution, ...]

    def gold_quotes(self) -> list[Quote]:
        """The attributions as gold quotes for :func:`newsgraph.evaluate.quotes.score`."""
        return [
            make_quote(
                self.text,
                a.content,
                kind=a.kind,
                speaker=a.source_text,
                speaker_text=a.source_text,
                speaker_fragments=a.source,
            )
            for a in self.attributions
        ]


# -- 1. standoff -----------------------------------------------------------------------


def _fragments(offsets: str, *, where: str) -> Fragments:
    fragments = []
    for part in offsets.split(";"):
        numbers = part.split()
        if len(numbers) != 2 or not all(n.isdigit() for n in numbers):
            raise PolnearFormatError(f"{where}: offsets {offsets!r} are not 'start end[;...]'")
        fragments.append((int(numbers[0]), int(numbers[1])))
    return tuple(fragments)


def _text_bound(line: str, *, where: str) -> tuple[str, TextBound]:
    parts = line.split("\t")
    if len(parts) < 2 or " " not in parts[1]:
        raise PolnearFormatError(f"{where}: {line!r} is not 'T<n>\\t<Label> <offsets>\\t<text>'")
    label, offsets = parts[1].split(" ", 1)
    text = parts[2] if len(parts) > 2 else ""
    return parts[0], TextBound(label, _fragments(offsets, where=where), text)


def _event(line: str, *, where: str) -> dict[str, list[str]]:
    """Role (without its number: Content2 -> Content) -> text-bound ids."""
    parts = line.split("\t")
    roles: dict[str, list[str]] = {}
    for argument in parts[1].split() if len(parts) > 1 else ():
        role, sep, target = argument.partition(":")
        if not sep or not target:
            raise PolnearFormatError(f"{where}: event argument {argument!r} is not Role:T<n>")
        roles.setdefault(role.rstrip("0123456789"), []).append(target)
    return roles


def parse_ann(ann: str, *, name: str = "<ann>") -> tuple[dict[str, TextBound], list[dict]]:
    """Text-bound annotations by id, and events as role -> ids."""
    bounds: dict[str, TextBound] = {}
    events = []
    for number, line in enumerate(ann.splitlines(), 1):
        where = f"{name} line {number}"
        if line.startswith("T"):
            key, bound = _text_bound(line, where=where)
            bounds[key] = bound
        elif line.startswith("E"):
            events.append(_event(line, where=where))
    return bounds, events


# -- 2. attributions and 3. kinds --------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def strip_marks(text: str, fragments: Fragments) -> Fragments | None:
    """``fragments`` without their outer quotation marks when the content starts and
    ends at a mark (a direct quote), else None."""
    first_start, _ = _trim(text, *fragments[0])
    _, last_end = _trim(text, *fragments[-1])
    while last_end > first_start and text[last_end - 1] in _TRAILING:
        last_end -= 1
    opens = first_start < last_end and text[first_start] in QUOTE_CHARS
    closes = last_end > first_start + 1 and text[last_end - 1] in QUOTE_CHARS
    if not (opens and closes):
        return None
    stripped = []
    for index, (start, end) in enumerate(fragments):
        start, end = _trim(text, start, end)
        if index == len(fragments) - 1:
            end = last_end
        while start < end and text[start] in QUOTE_CHARS:
            start += 1
        while end > start and text[end - 1] in QUOTE_CHARS:
            end -= 1
        stripped.append((start, end))
    return tuple(stripped)


def _joined(bounds: dict[str, TextBound], ids: list[str], *, where: str) -> Fragments:
    missing = [i for i in ids if i not in bounds]
    if missing:
        raise PolnearFormatError(f"{where}: event refers to unknown annotations {missing}")
    return tuple(sorted(f for i in ids for f in bounds[i].fragments))


def attributions(ann: str, text: str, *, name: str = "<ann>") -> tuple[Attribution, ...]:
    """The attribution relations of one ``.ann`` file over its article ``text``."""
    bounds, events = parse_ann(ann, name=name)
    found = []
    for roles in events:
        if not roles.get("Content"):
            continue
        content = _joined(bounds, roles["Content"], where=name)
        source_ids = roles.get("Source", [])
        source = _joined(bounds, source_ids, where=name)
        stripped = strip_marks(text, content)
        found.append(
            Attribution(
                content=stripped or content,
                kind="indirect" if stripped is None else "direct",
                cue=_joined(bounds, roles.get("Cue", []), where=name),
                source=source,
                source_text=" ".join(bounds[i].text for i in source_ids) or None,
            )
        )
    return tuple(found)


# -- 4. reading a split ------------------------------------------------------------------


def _article_and_annotator(filename: str) -> tuple[str, str]:
    stem = filename.removesuffix(".ann")
    article, _, annotator = stem.rpartition("_")
    return article, annotator


def _files_from_tree(split_dir: Path) -> Iterator[tuple[str, str, str]]:
    """(kind, filename, content) for text and attribution files of an unpacked split."""
    for kind in ("text", "attributions"):
        for path in sorted((split_dir / kind).iterdir()):
            yield kind, path.name, path.read_text(encoding="utf-8")


def _files_from_tar(archive: Path, split: str) -> Iterator[tuple[str, str, str]]:
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            parts = member.name.split("/")
            if member.isfile() and len(parts) == 3 and parts[0] == split:
                handle = tar.extractfile(member)
                yield parts[1], parts[2], handle.read().decode("utf-8")


def _split_files(root: Path, split: str) -> Iterator[tuple[str, str, str]]:
    unpacked, packed = root / split, root / f"{split}.tar.gz"
    if (unpacked / "text").is_dir():
        return _files_from_tree(unpacked)
    if packed.is_file():
        return _files_from_tar(packed, split)
    raise FileNotFoundError(
        f"PolNeAR split {split!r} not found: neither {unpacked}/text nor {packed} exists; "
        "pass the folder holding PolNeAR (e.g. --benchmarks ../shared/benchmarks)"
    )


def load_split(root: Path, split: str = "dev", *, limit: int | None = None) -> list[Article]:
    """The articles of ``split`` in name order (the first ``limit`` when given), each
    with its first annotator's attributions."""
    texts: dict[str, str] = {}
    anns: dict[str, dict[str, str]] = {}
    for kind, filename, content in _split_files(root, split):
        if kind == "text" and filename.endswith(".txt"):
            texts[filename.removesuffix(".txt")] = content
        elif kind == "attributions" and filename.endswith(".ann"):
            article, annotator = _article_and_annotator(filename)
            anns.setdefault(article, {})[annotator] = content
    names = sorted(name for name in texts if name in anns)
    if len(names) < len(texts):
        log.warning("%d PolNeAR %s texts have no annotations", len(texts) - len(names), split)
    articles = []
    for name in names[:limit]:
        annotator = min(anns[name])
        found = attributions(anns[name][annotator], texts[name], name=f"{name}_{annotator}.ann")
        articles.append(Article(name, annotator, texts[name], found))
    return articles
