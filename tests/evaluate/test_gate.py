"""The evaluation gate (``newsgraph eval --gate``): it passes at or above every floor and
fails, with one line per figure, below one. Run as a real process on the real gold sets
(skipped when ``../shared/benchmarks`` is absent), on a tiny subset of the extraction
stage so it stays fast; the floors are set from what that same subset measures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.evaluate.gate import check, default_floors, load_floors
from newsgraph.evaluate.report import StageResult
from newsgraph.evaluate.runner import SETS, default_data

DATA = default_data()
needs_gold = pytest.mark.skipif(
    not (DATA / "zyte-article-extraction-benchmark").is_dir(), reason=f"no gold sets in {DATA}"
)
KEY = "extract.zyte.f1"


def write_floors(path: Path, floors: dict[str, float]) -> Path:
    subset = {"zyte": 2, "trafilatura": 2}
    path.write_text(json.dumps({"subset": subset, "floors": floors}), encoding="utf-8")
    return path


def gate(floors: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", "eval", "--gate", "--floors", str(floors),
         "--data", str(DATA), *extra],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.slow
@needs_gold
def test_the_gate_fails_below_a_floor_and_passes_at_it(tmp_path: Path) -> None:
    figures = tmp_path / "figures.json"
    errors = tmp_path / "errors"
    first = gate(
        write_floors(tmp_path / "zero.json", {KEY: 0.0}),
        *("--json", str(figures), "--errors", str(errors)),
    )
    assert first.returncode == 0, first.stderr
    assert "gate passed" in first.stderr
    assert (errors / "index.html").is_file()
    assert (errors / "extract.jsonl").is_file()
    stages = json.loads(figures.read_text(encoding="utf-8"))
    assert [s["stage"] for s in stages] == ["extract"]  # only stages with floors run
    measured = next(f["newsgraph"] for f in stages[0]["figures"] if f["key"] == KEY)

    above = gate(write_floors(tmp_path / "above.json", {KEY: measured + 0.001}))
    assert above.returncode == 1
    failing = [line for line in above.stderr.splitlines() if line.startswith("gate:")]
    assert failing == [f"gate: {KEY} = {measured:.3f} is below its floor {measured + 0.001:.3f}"]
    assert "gate failed" in above.stderr

    at = gate(write_floors(tmp_path / "at.json", {KEY: measured}))
    assert at.returncode == 0, at.stderr


@pytest.mark.slow
@needs_gold
def test_a_floor_for_a_figure_never_measured_fails(tmp_path: Path) -> None:
    result = gate(write_floors(tmp_path / "typo.json", {"extract.zyte.f2": 0.0}))
    assert result.returncode == 1
    assert "gate: extract.zyte.f2 was not measured" in result.stderr


def test_check_names_each_figure_below_its_floor(tmp_path: Path) -> None:
    result = StageResult("events", "t", "b")
    result.add("petrarch.root_f1", "root F1", 0.60, 0.40)
    result.add("plover_f1", "PLOVER F1", 0.80)
    floors = load_floors(
        write_floors(
            tmp_path / "f.json", {"events.petrarch.root_f1": 0.62, "events.plover_f1": 0.8}
        )
    )
    assert check([result], floors) == [
        "gate: events.petrarch.root_f1 = 0.600 is below its floor 0.620"
    ]
    assert floors.stages == ["events"]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"subset": {}, "floors": {}}),
        json.dumps({"subset": {"nosuchset": 3}, "floors": {"extract.zyte.f1": 0.5}}),
        json.dumps({"subset": {}, "floors": {"nostage.x": 0.5}}),
        json.dumps({"subset": {}, "floors": {"extract.zyte.f1": "high"}}),
    ],
)
def test_a_malformed_floors_file_is_a_config_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "floors.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=str(path)):
        load_floors(path)


def test_the_checked_in_floors_file_is_valid_and_names_known_sets() -> None:
    floors = load_floors(default_floors())
    assert set(floors.subset) <= {name for names in SETS.values() for name in names}
    assert floors.stages == ["extract", "quotes", "events", "counts"]
    assert all(0.0 <= value <= 1.0 for value in floors.floors.values())
