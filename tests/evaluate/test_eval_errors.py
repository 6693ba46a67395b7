"""``newsgraph eval --errors DIR``: JSON lines per stage and an HTML index in which every
value from the gold sets is escaped. Records written here."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.evaluate.browse import write_errors
from newsgraph.evaluate.report import Miss, StageResult, as_json, render

HOSTILE = '<script>alert("x")</script> & “quotes”'


def stage() -> StageResult:
    result = StageResult("quotes", "quotations <b>", "textacy")
    result.add("direct_span_f1", "direct span F1", 0.5, 0.25)
    result.misses = [
        Miss("polnear", "article_1", HOSTILE, {"speaker": "<Ana>"}, None, "miss"),
        Miss("polnear", "article_2", "It rained.", None, {"speaker": "Li"}, "false_alarm"),
    ]
    return result


def test_each_stage_gets_json_lines_with_every_field(tmp_path: Path) -> None:
    written = write_errors([stage()], tmp_path / "errors")
    assert sorted(p.name for p in written) == ["index.html", "quotes.html", "quotes.jsonl"]
    lines = (tmp_path / "errors" / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records[0] == {
        "stage": "quotes", "set": "polnear", "id": "article_1", "text": HOSTILE,
        "gold": {"speaker": "<Ana>"}, "predicted": None, "kind": "miss",
    }  # fmt: skip
    assert [r["kind"] for r in records] == ["miss", "false_alarm"]


def test_the_html_escapes_everything(tmp_path: Path) -> None:
    write_errors([stage()], tmp_path)
    page = (tmp_path / "quotes.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in page
    assert "&lt;Ana&gt;" in page
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "quotations &lt;b&gt;" in index
    assert "1 misses, 1 false alarms" in index
    assert 'href="quotes.html"' in index


def test_json_and_table_carry_the_same_figures() -> None:
    result = stage()
    figure = as_json(result)["figures"][0]
    assert figure == {
        "key": "quotes.direct_span_f1", "label": "direct span F1", "newsgraph": 0.5,
        "baseline": 0.25, "difference": 0.25,
    }  # fmt: skip
    table = render(result)
    assert [c.header for c in table.columns] == ["figure", "newsgraph", "baseline", "difference"]
    assert list(table.columns[3].cells) == ["+0.250"]
