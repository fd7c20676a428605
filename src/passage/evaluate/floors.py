"""Quality floors: the scores a change may not drop below, next to a hash of the gold.

The floors file is test data (``tests/quality/floors.json``), not part of the package::

    {"gold_sha256": "...", "floors": {"event_f1": 0.41, "per_type_f1": {"removal": 0.5, ...},
                                      "false_alarms_max": 3, ...}}

Every floor is a minimum except ``false_alarms_max``, a maximum.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from passage.evaluate.report import EvalReport

FLOOR_DECIMALS = 3  # floors are written rounded down to this many decimals
FALSE_ALARMS_KEY = "false_alarms_max"  # the one floor that is a maximum, not a minimum


class FloorsError(ValueError):
    """A floors file that cannot be read; the message names the file."""


@dataclass
class Floors:
    """Floors by flat metric name (``event_f1``, ``per_type_f1.removal``, ...)."""

    gold_sha256: str | None
    values: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Floors | None:
        """The floors in ``path``, or None when the file does not exist."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            values: dict[str, float] = {}
            for name, value in data["floors"].items():
                if isinstance(value, dict):
                    values.update({f"{name}.{key}": float(v) for key, v in value.items()})
                else:
                    values[name] = float(value)
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as exc:
            raise FloorsError(
                f"{path}: not a floors file ({exc}); re-create it with --update-floors"
            ) from exc
        return cls(data.get("gold_sha256"), values)

    def save(self, path: Path) -> None:
        nested: dict[str, object] = {}
        for name, value in sorted(self.values.items()):
            group, _, key = name.partition(".")
            if key:
                nested.setdefault(group, {})[key] = value  # type: ignore[index]
            else:
                nested[name] = int(value) if name == FALSE_ALARMS_KEY else value
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"gold_sha256": self.gold_sha256, "floors": nested}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


@dataclass
class FloorsUpdate:
    """New floors from a report, and which old floors they would lower (or drop)."""

    floors: Floors
    lowered: list[str]
    gold_changed: bool


def floor_metrics(report: EvalReport) -> dict[str, float]:
    """The report's gated metrics by flat name; an undefined slot accuracy counts as 0."""
    metrics = {
        "event_precision": report.overall.precision,
        "event_recall": report.overall.recall,
        "event_f1": report.overall.f1,
        "figure_f1": report.figures.f1,
        FALSE_ALARMS_KEY: float(report.false_alarm_events),
    }
    metrics |= {f"per_type_f1.{name}": c.f1 for name, c in report.per_type.items()}
    metrics |= {f"slot_accuracy.{name}": s.accuracy or 0.0 for name, s in report.slots.items()}
    return metrics


FLOAT_SLACK = 1e-9  # floors are rounded from floats: 0.56 stands for 0.5599999999


def _worse(name: str, value: float, floor: float) -> bool:
    if name == FALSE_ALARMS_KEY:
        return value > floor
    return value < floor - FLOAT_SLACK


def check_floors(report: EvalReport, floors: Floors) -> list[str]:
    """Every way ``report`` falls short of ``floors`` (empty when all hold)."""
    problems: list[str] = []
    if floors.gold_sha256 != report.gold_sha256:
        problems.append(
            f"the gold changed (its hash is {str(report.gold_sha256)[:12]}, the floors were set "
            f"on {str(floors.gold_sha256)[:12]}): re-baseline with `passage eval ... --update-floors`"
        )
    current = floor_metrics(report)
    for name, floor in sorted(floors.values.items()):
        value = current.get(name)
        if value is None:
            problems.append(f"{name}: the report has no such metric (floor {floor:g})")
        elif _worse(name, value, floor):
            bound = "above its maximum" if name == FALSE_ALARMS_KEY else "below its floor"
            problems.append(f"{name}: {value:.4g} is {bound} {floor:g}")
    return problems


def update_floors(report: EvalReport, old: Floors | None) -> FloorsUpdate:
    """Floors at the report's scores (rounded down); ``lowered`` names any old floor they undercut."""
    scale = 10**FLOOR_DECIMALS
    values = {
        name: value if name == FALSE_ALARMS_KEY else math.floor(value * scale + 1e-9) / scale
        for name, value in floor_metrics(report).items()
    }
    lowered: list[str] = []
    for name, floor in sorted((old.values if old else {}).items()):
        if name not in values:
            lowered.append(f"{name}: {floor:g} -> (dropped)")
        elif _worse(name, values[name], floor):
            lowered.append(f"{name}: {floor:g} -> {values[name]:g}")
    gold_changed = old is not None and old.gold_sha256 != report.gold_sha256
    return FloorsUpdate(Floors(report.gold_sha256, values), lowered, gold_changed)
