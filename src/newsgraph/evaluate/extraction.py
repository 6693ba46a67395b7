"""Main-text extraction measured on two public gold sets, newsgraph beside plain
trafilatura on the same pages (both read the HTML as newsgraph's reader decodes it).

newsgraph: :func:`newsgraph.extract.page.extract` on the :class:`RawPage` the HTML reader
builds (trafilatura plus newsgraph's furniture cleaner and metadata rules).
Baseline: ``trafilatura.bare_extraction(html, with_metadata=True)`` with its default
settings; its main text (comments are a separate field).

1. Zyte's article-extraction-benchmark (``zyte-article-extraction-benchmark``, 181
   pages, gold ``articleBody``), scored as its ``evaluate.py`` defines it: the text is
   cut into ``\\w+`` tokens, then into word 4-grams (shingles; a text of fewer than four
   tokens is one shingle); per page TP/FP/FN are the multiset overlaps of the gold's and
   the prediction's shingles, divided by their sum so that long pages weigh no more
   than short ones. Precision is the mean over pages with TP + FP > 0 of TP / (TP + FP)
   (1 when FP = FN = 0), recall likewise over pages with TP + FN > 0, and F1 is the
   harmonic mean of those two means (not a mean of per-page F1s). Accuracy is the share
   of pages whose token sequence equals the gold's.
2. trafilatura's English evaluation pages (``trafilatura-eval-en``, 195 pages), scored
   as upstream's ``tests/eval_common.py`` does: each ``with`` snippet found in the
   whitespace-normalised output is a TP (else FN), each ``without`` snippet found an FP
   (else TN); precision, recall, F1 and accuracy over all snippets. Metadata accuracy
   over the pages whose gold has a non-empty value: the title (casefolded, whitespace
   collapsed) equal; the date's day equal; the set of author names equal (casefolded).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.evaluate.prf import PRF, harmonic
from newsgraph.evaluate.report import Miss, StageResult
from newsgraph.extract.html import split_authors
from newsgraph.extract.page import extract
from newsgraph.model import Article, RawPage
from newsgraph.options import Options
from newsgraph.readers.html import html_page

log = logging.getLogger(__name__)

ZYTE = "zyte-article-extraction-benchmark"
TRAFILATURA_EVAL = "trafilatura-eval-en"
BASELINE = "trafilatura.bare_extraction(html, with_metadata=True), default settings"

_TOKEN = re.compile(r"\w+")


# -- 1. word 4-gram shingles (Zyte's definition) -----------------------------------------


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The word n-grams of ``text``; fewer than ``n`` tokens make one shorter shingle."""
    words = tokens(text)
    return Counter(
        tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words[i : i + n]
    )


def shingle_counts(gold: str, predicted: str, n: int = 4) -> tuple[float, float, float]:
    """(TP, FP, FN) of one page, divided by their sum (all 0 when both texts are empty)."""
    want, got = shingles(gold, n), shingles(predicted, n)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


@dataclass(frozen=True, slots=True)
class ShingleScores:
    precision: float
    recall: float
    f1: float
    accuracy: float


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> ShingleScores:
    """Zyte's precision, recall, F1 and accuracy over (gold, predicted) page pairs."""
    pairs = list(pairs)
    counts = [shingle_counts(gold, predicted) for gold, predicted in pairs]
    precisions = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = harmonic(precision, recall)
    exact = [tokens(gold) == tokens(predicted) for gold, predicted in pairs]
    return ShingleScores(precision, recall, f1, sum(exact) / len(exact) if exact else 0.0)


# -- 2. snippets and metadata (trafilatura's evaluation) ---------------------------------


def norm(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Snippets(PRF):
    """Snippet counts; precision, recall and F1 as :class:`PRF`, plus true negatives."""

    tn: int = 0

    def add(self, item: dict, text: str) -> tuple[list[str], list[str]]:
        """Count one page; returns its missed ``with`` and found ``without`` snippets."""
        found = norm(text)
        missed = [w for w in item["with"] if norm(w) not in found]
        alarms = [w for w in item["without"] if norm(w) in found]
        self.tp += len(item["with"]) - len(missed)
        self.fn += len(missed)
        self.fp += len(alarms)
        self.tn += len(item["without"]) - len(alarms)
        return missed, alarms

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def same_title(gold: str, predicted: str | None) -> bool:
    return norm(gold).casefold() == norm(predicted or "").casefold()


def same_date(gold: str, predicted: str | None) -> bool:
    return gold[:10] == (predicted or "")[:10]


def _names(authors: Iterable[str]) -> set[str]:
    return {norm(a).casefold() for a in authors if a.strip()}


def same_authors(gold: str | list[str], predicted: Iterable[str]) -> bool:
    wanted = split_authors(gold) if isinstance(gold, str) else tuple(gold)
    return _names(wanted) == _names(predicted)


METADATA: dict[str, Callable[[object, object], bool]] = {
    "title": same_title,
    "date": same_date,
    "author": same_authors,
}


# -- the two systems ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    title: str | None = None
    date: str | None = None
    authors: tuple[str, ...] = ()


def read_page(data: bytes, name: str) -> RawPage | None:
    page = html_page(data, source_path=name, source_format="html")
    return page if isinstance(page, RawPage) else None


def newsgraph_extract(page: RawPage, options: Options) -> Extracted:
    article = extract(page, options=options)
    if not isinstance(article, Article):
        return Extracted("")
    return Extracted(article.text, article.title, article.published, article.authors)


def trafilatura_extract(page: RawPage, options: Options) -> Extracted:
    import trafilatura

    document = trafilatura.bare_extraction(page.html or "", with_metadata=True)
    if document is None:
        return Extracted("")
    return Extracted(
        document.text or "", document.title, document.date, split_authors(document.author)
    )


SYSTEMS = {"newsgraph": newsgraph_extract, "baseline": trafilatura_extract}


def run_both(page: RawPage | None, options: Options, failures: Counter) -> dict[str, Extracted]:
    """Both systems' output on one page; a crash counts as an empty output (a full
    miss), as upstream's benchmarks treat it, and is counted in ``failures``."""
    found = {}
    for name, system in SYSTEMS.items():
        try:
            found[name] = system(page, options) if page else Extracted("")
        except Exception as exc:  # a crash is a miss, never a stopped evaluation
            log.warning("%s failed on %s: %s", name, page.source_path if page else "?", exc)
            failures[name] += 1
            found[name] = Extracted("")
    return found


# -- loaders -----------------------------------------------------------------------------


def zyte_pages(root: Path, limit: int | None = None) -> list[tuple[str, str, bytes]]:
    """(id, gold body, HTML bytes) in the ground truth's order."""
    folder = root / ZYTE
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    return [
        (
            key,
            item.get("articleBody") or "",
            gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()),
        )
        for key, item in list(truth.items())[:limit]
    ]


def trafilatura_pages(root: Path, limit: int | None = None) -> list[tuple[str, dict, bytes]]:
    """(URL, gold item, HTML bytes) in the gold file's order."""
    folder = root / TRAFILATURA_EVAL
    gold = json.loads((folder / "evaldata-en.json").read_text("utf-8"))
    return [
        (url, item, gzip.decompress((folder / item["html_file"]).read_bytes()))
        for url, item in list(gold.items())[:limit]
    ]


# -- the stage ---------------------------------------------------------------------------


def _clip(text: str, size: int = 600) -> str:
    return text if len(text) <= size else text[:size] + " ..."


def _zyte(result: StageResult, root: Path, limit: int | None, options: Options) -> None:
    pages = zyte_pages(root, limit)
    failures: Counter = Counter()
    outputs = []
    for key, gold, data in pages:
        found = run_both(read_page(data, key), options, failures)
        outputs.append(found)
        text, counts = found["newsgraph"].text, shingle_counts(gold, found["newsgraph"].text)
        low = {
            "miss": ("recall", page_recall(*counts) < 0.9),
            "false_alarm": (
                "precision",
                counts[0] + counts[1] > 0 and page_precision(*counts) < 0.9,
            ),
        }
        for kind, (what, below) in low.items():
            if below:
                result.misses.append(
                    Miss("zyte", key, f"page body: {what} < 0.9", _clip(gold), _clip(text), kind)
                )
    scores = {
        name: shingle_scores(
            (gold, out[name].text) for (_, gold, _), out in zip(pages, outputs, strict=True)
        )
        for name in SYSTEMS
    }
    ours, theirs = scores["newsgraph"], scores["baseline"]
    result.notes.append(f"Zyte: {len(pages)} pages")
    for attr, name in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
        result.add(
            f"zyte.{attr}", f"Zyte body 4-gram {name}", getattr(ours, attr), getattr(theirs, attr)
        )
    result.add("zyte.accuracy", "Zyte exact body", ours.accuracy, theirs.accuracy)
    if failures:
        result.notes.append(f"Zyte: crashes counted as empty output: {dict(failures)}")


def _trafilatura(result: StageResult, root: Path, limit: int | None, options: Options) -> None:
    pages = trafilatura_pages(root, limit)
    failures: Counter = Counter()
    snippets = {name: Snippets() for name in SYSTEMS}
    right = {name: Counter() for name in SYSTEMS}
    judged: Counter = Counter()
    for url, item, data in pages:
        found = run_both(read_page(data, url), options, failures)
        for name, out in found.items():
            missed, alarms = snippets[name].add(item, out.text)
            if name == "newsgraph":
                result.misses += [Miss("trafilatura", url, s, s, None, "miss") for s in missed]
                result.misses += [
                    Miss("trafilatura", url, s, None, s, "false_alarm") for s in alarms
                ]
        for field, same in METADATA.items():
            if not item.get(field):
                continue
            judged[field] += 1
            for name, out in found.items():
                value = out.authors if field == "author" else getattr(out, field)
                if same(item[field], value):
                    right[name][field] += 1
                elif name == "newsgraph":
                    result.misses.append(
                        Miss("trafilatura", url, field, item[field], value, "miss")
                    )
    ours, theirs = snippets["newsgraph"], snippets["baseline"]
    gold = ", ".join(f"{n} {field}" for field, n in judged.items()) or "none"
    result.notes.append(f"trafilatura-eval: {len(pages)} pages; metadata gold: {gold}")
    label = "trafilatura-eval snippets"
    for attr in ("precision", "recall", "f1", "accuracy"):
        name = {"precision": "P", "recall": "R", "f1": "F1"}.get(attr, attr)
        result.add(
            f"trafilatura.{attr}", f"{label} {name}", getattr(ours, attr), getattr(theirs, attr)
        )
    for field in METADATA:
        if judged[field]:
            result.add(
                f"trafilatura.{field}_accuracy",
                f"{field} accuracy",
                right["newsgraph"][field] / judged[field],
                right["baseline"][field] / judged[field],
            )
    if failures:
        result.notes.append(f"trafilatura-eval: crashes counted as empty output: {dict(failures)}")


def run_extraction(root: Path, limits: dict[str, int | None]) -> StageResult:
    """The extraction stage over the first ``limits[set]`` pages of each set."""
    result = StageResult("extract", "main text and metadata extraction", BASELINE)
    options = Options()
    _zyte(result, root, limits.get("zyte"), options)
    _trafilatura(result, root, limits.get("trafilatura"), options)
    result.notes.append(
        "Zyte: word 4-gram shingles as its evaluate.py defines them; trafilatura-eval: "
        "with/without snippets as upstream's eval_common.py counts them"
    )
    return result
