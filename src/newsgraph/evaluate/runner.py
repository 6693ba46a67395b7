"""Run the stages of ``newsgraph eval`` over the gold sets in a benchmarks folder.

The gold sets are read at run time from ``--data`` (``NEWSGRAPH_BENCHMARKS``; by default
``../shared/benchmarks`` beside the repository) and never copied. ``limits`` caps each
set at its first N documents or sentences (None: all), which is how the gate runs a
small fixed subset.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language

from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.report import StageResult

STAGES = ("extract", "quotes", "events", "counts")
# The sets of each stage, as ``limits`` and the floors file name them.
SETS = {
    "extract": ("zyte", "trafilatura"),
    "quotes": ("polnear",),
    "events": ("petrarch", "plover", "conflibert_test", "conflibert_train"),
    "counts": ("india",),
}
FOLDERS = {
    "extract": ("zyte-article-extraction-benchmark", "trafilatura-eval-en"),
    "quotes": ("polnear",),
    "events": (
        "petrarch-validation",
        "plover-gsr-cameo",
        "conflibert-cameo",
        "petrarch2-dictionaries",
    ),
    "counts": ("india-police-events",),
}

Limits = dict[str, int | None]


class GoldMissing(NewsgraphError):
    """The benchmarks folder, or one gold set in it, is not there."""


def repo_root() -> Path:
    """The source checkout holding this package (src layout), else the working folder."""
    root = Path(__file__).resolve().parents[3]
    return root if (root / "pyproject.toml").is_file() else Path.cwd()


def default_data() -> Path:
    return repo_root().parent / "shared" / "benchmarks"


def check_data(data: Path, stages: Iterable[str]) -> None:
    """Raise :class:`GoldMissing` naming the first gold folder that is missing."""
    if not data.is_dir():
        raise GoldMissing(
            f"{data}: benchmarks folder not found (give --data DIR or NEWSGRAPH_BENCHMARKS)"
        )
    for stage in stages:
        for folder in FOLDERS[stage]:
            if not (data / folder).is_dir():
                raise GoldMissing(f"{data / folder}: gold set for stage {stage!r} not found")


def _annotators() -> Language:
    from newsgraph.nlp import annotator_pipeline

    return annotator_pipeline()


def _counts_only() -> Language:
    import newsgraph.annotate.counts  # noqa: F401  (registers the factory)
    from newsgraph.nlp import get_nlp

    return get_nlp(("newsgraph_counts",))


def _extract(data: Path, limits: Limits) -> StageResult:
    from newsgraph.evaluate.extraction import run_extraction

    return run_extraction(data, limits)


def _quotes(data: Path, limits: Limits) -> StageResult:
    from newsgraph.evaluate.quote_stage import run_quotes

    return run_quotes(_annotators(), data, limits)


def _events(data: Path, limits: Limits) -> StageResult:
    from newsgraph.evaluate.event_stage import run_events

    return run_events(_annotators(), data, limits)


def _counts(data: Path, limits: Limits) -> StageResult:
    from newsgraph.evaluate.counts import run_counts

    return run_counts(_counts_only(), data, limits)


RUNNERS: dict[str, Callable[[Path, Limits], StageResult]] = {
    "extract": _extract,
    "quotes": _quotes,
    "events": _events,
    "counts": _counts,
}


def evaluate(
    stages: Iterable[str],
    data: Path,
    limits: Limits | None = None,
    *,
    on_stage: Callable[[StageResult], None] | None = None,
) -> list[StageResult]:
    """Each stage in turn (timed); ``on_stage`` sees each result as soon as it is done."""
    stages = list(stages)
    check_data(data, stages)
    results = []
    for stage in stages:
        started = time.perf_counter()
        result = RUNNERS[stage](data, dict(limits or {}))
        result.seconds = time.perf_counter() - started
        results.append(result)
        if on_stage is not None:
            on_stage(result)
    return results
