"""The evaluation gate: a small fixed subset of every gold set, measured on each CI run
and compared with pinned floors (``evaluation/floors.json``; its README says how floors
move: raising one is a normal commit, lowering one needs a reason in the message).

The floors file is JSON::

    {"subset": {"zyte": 30, ...},            # first N items of each set (see runner.SETS)
     "floors": {"extract.zyte.f1": 0.93, ...}}  # figure key -> lowest accepted value

Only the stages that have floors are run. A figure below its floor, or not measured at
all (a renamed key, a set left out), fails the gate with one line each.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.evaluate.report import StageResult
from newsgraph.evaluate.runner import SETS, STAGES, repo_root


@dataclass(frozen=True, slots=True)
class Floors:
    path: Path
    subset: dict[str, int | None]
    floors: dict[str, float]

    @property
    def stages(self) -> list[str]:
        """The stages with at least one floor, in pipeline order."""
        named = {key.split(".", 1)[0] for key in self.floors}
        return [stage for stage in STAGES if stage in named]


def default_floors() -> Path:
    return repo_root() / "evaluation" / "floors.json"


def load_floors(path: Path) -> Floors:
    """Read and check a floors file; a malformed one is a :class:`ConfigError`."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the floors file: {exc}") from None
    subset, floors = raw.get("subset", {}), raw.get("floors")
    if not isinstance(floors, dict) or not floors:
        raise ConfigError(f"{path}: 'floors' must map figure keys to numbers")
    known_sets = {name for names in SETS.values() for name in names}
    for name, size in subset.items():
        if name not in known_sets or not (size is None or (isinstance(size, int) and size >= 0)):
            raise ConfigError(f"{path}: subset {name!r}: {size!r} (sets: {sorted(known_sets)})")
    for key, value in floors.items():
        if key.split(".", 1)[0] not in STAGES or not isinstance(value, int | float):
            raise ConfigError(f"{path}: floor {key!r}: {value!r} is not stage.figure: number")
    return Floors(path, dict(subset), {k: float(v) for k, v in floors.items()})


def check(results: list[StageResult], floors: Floors) -> list[str]:
    """One line per figure below its floor or not measured; empty when the gate passes."""
    measured = {f.key: f.ours for result in results for f in result.figures}
    failures = []
    for key, floor in sorted(floors.floors.items()):
        value = measured.get(key)
        if value is None:
            failures.append(f"gate: {key} was not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"gate: {key} = {value:.3f} is below its floor {floor:.3f}")
    return failures
