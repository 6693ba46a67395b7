"""What one evaluation stage measured, in the shape every output shares: the rich table
(figure | newsgraph | baseline | difference), the JSON for tooling, the gate's floors
and the error files all read :class:`StageResult`.

A figure's ``key`` (``"events.petrarch.root_f1"``) is stable: floors and JSON consumers
refer to it; its ``label`` is for people and may be reworded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.table import Table


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure; ``baseline`` is None when the baseline cannot measure it."""

    key: str
    label: str
    ours: float | None
    baseline: float | None = None

    @property
    def difference(self) -> float | None:
        if self.ours is None or self.baseline is None:
            return None
        return self.ours - self.baseline


@dataclass(frozen=True, slots=True)
class Miss:
    """One error for ``--errors``: a gold item not found (``miss``) or a prediction the
    gold does not have (``false_alarm``)."""

    set: str
    id: str
    text: str
    gold: Any
    predicted: Any
    kind: str  # miss | false_alarm


@dataclass
class StageResult:
    """The figures of one stage, what its baseline is, and its errors."""

    stage: str
    title: str
    baseline: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # extra tables (confusions)
    extra: dict[str, Any] = field(default_factory=dict)  # extra JSON (confusions)
    seconds: float = 0.0

    def add(self, key: str, label: str, ours: float | None, baseline: float | None = None):
        self.figures.append(Figure(f"{self.stage}.{key}", label, ours, baseline))

    def add_prf(self, key: str, label: str, ours: Any, baseline: Any = None) -> None:
        """Precision, recall and F1 of ``ours`` (and of ``baseline`` unless None): any
        objects with those three attributes."""
        for attr, name in (("precision", "P"), ("recall", "R"), ("f1", "F1")):
            other = getattr(baseline, attr) if baseline is not None else None
            self.add(f"{key}_{attr}", f"{label} {name}", getattr(ours, attr), other)

    def value(self, key: str) -> float | None:
        """The newsgraph figure with this full key (None when not measured)."""
        for figure in self.figures:
            if figure.key == key:
                return figure.ours
        return None


def _cell(value: float | None, *, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def render(result: StageResult) -> Table:
    """The stage as one rich table."""
    table = Table(
        title=f"{result.stage}: {result.title}",
        caption="\n".join([f"baseline: {result.baseline}", *result.notes]),
        caption_justify="left",
        title_justify="left",
    )
    table.add_column("figure")
    for name in ("newsgraph", "baseline", "difference"):
        table.add_column(name, justify="right")
    for figure in result.figures:
        table.add_row(
            figure.label,
            _cell(figure.ours),
            _cell(figure.baseline),
            _cell(figure.difference, signed=True),
        )
    return table


def as_json(result: StageResult) -> dict[str, Any]:
    """The stage as plain JSON: the same figures as the table, by key."""
    return {
        "stage": result.stage,
        "title": result.title,
        "baseline": result.baseline,
        "seconds": round(result.seconds, 2),
        "figures": [
            {
                "key": f.key,
                "label": f.label,
                "newsgraph": f.ours,
                "baseline": f.baseline,
                "difference": f.difference,
            }
            for f in result.figures
        ],
        "notes": result.notes,
        **result.extra,
    }
