"""``newsgraph eval --errors DIR``: the misses and false alarms of each stage as JSON
lines (``<stage>.jsonl``: stage, set, id, text, gold, predicted, kind) plus a static
HTML page per stage and an ``index.html``, so a person can browse them. Every value is
escaped with :func:`html.escape`: the texts come from third-party pages.
"""

from __future__ import annotations

import json
from collections import Counter
from html import escape
from pathlib import Path

from newsgraph.evaluate.report import Miss, StageResult

COLUMNS = ("kind", "set", "id", "text", "gold", "predicted")
_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:left}"
    ".miss{background:#fff4f4}.false_alarm{background:#f4f4ff}"
)


def record(stage: str, miss: Miss) -> dict:
    return {
        "stage": stage,
        "set": miss.set,
        "id": miss.id,
        "text": miss.text,
        "gold": miss.gold,
        "predicted": miss.predicted,
        "kind": miss.kind,
    }


def _value(value: object) -> str:
    if value is None:
        return ""
    return escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _page(title: str, body: str) -> str:
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><h1>{escape(title)}</h1>\n{body}\n</body></html>\n"
    )


def stage_page(result: StageResult) -> str:
    rows = [
        f'<tr class="{escape(m.kind)}"><td>{escape(m.kind)}</td><td>{escape(m.set)}</td>'
        f"<td>{escape(m.id)}</td><td>{_value(m.text)}</td><td>{_value(m.gold)}</td>"
        f"<td>{_value(m.predicted)}</td></tr>"
        for m in result.misses
    ]
    head = "<tr>" + "".join(f"<th>{name}</th>" for name in COLUMNS) + "</tr>"
    back = '<p><a href="index.html">all stages</a></p>'
    return _page(
        f"newsgraph eval: {result.stage} errors", f"{back}<table>{head}{''.join(rows)}</table>"
    )


def index_page(results: list[StageResult]) -> str:
    items = []
    for result in results:
        kinds = Counter(m.kind for m in result.misses)
        items.append(
            f'<li><a href="{escape(result.stage)}.html">{escape(result.stage)}</a>: '
            f"{escape(result.title)} ({kinds['miss']} misses, {kinds['false_alarm']} false "
            f'alarms; <a href="{escape(result.stage)}.jsonl">JSON lines</a>)</li>'
        )
    return _page("newsgraph eval: errors", f"<ul>{''.join(items)}</ul>")


def write_errors(results: list[StageResult], folder: Path) -> list[Path]:
    """Write every stage's errors under ``folder`` (created); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for result in results:
        lines = (json.dumps(record(result.stage, m), ensure_ascii=False) for m in result.misses)
        jsonl = folder / f"{result.stage}.jsonl"
        jsonl.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        page = folder / f"{result.stage}.html"
        page.write_text(stage_page(result), encoding="utf-8")
        written += [jsonl, page]
    index = folder / "index.html"
    index.write_text(index_page(results), encoding="utf-8")
    return [*written, index]
