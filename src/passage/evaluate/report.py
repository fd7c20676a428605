"""The scores of one evaluation run, as JSON and as terminal tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table

from passage.model import EVENT_TYPES

WARNINGS_SHOWN = 10  # the terminal shows this many warnings; the JSON has all

SLOTS = ("people", "origin", "location", "destination", "date", "status", "policy_kind")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class SlotScore:
    right: int = 0
    pairs: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.pairs if self.pairs else None


@dataclass
class Miss:
    """A false positive or false negative, for debugging: its type and evidence text."""

    type: str
    evidence: list[str]


@dataclass
class DocumentErrors:
    id: str
    false_positives: list[Miss] = field(default_factory=list)
    false_negatives: list[Miss] = field(default_factory=list)


@dataclass
class EvalReport:
    documents: int = 0
    overall: Counts = field(default_factory=Counts)
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    figures: Counts = field(default_factory=Counts)
    slots: dict[str, SlotScore] = field(default_factory=lambda: {s: SlotScore() for s in SLOTS})
    empty_documents: int = 0  # gold documents with no events
    false_alarm_events: int = 0  # predicted events on those documents
    false_alarm_documents: int = 0  # how many of them got any
    warnings: list[str] = field(default_factory=list)
    errors: list[DocumentErrors] = field(default_factory=list)
    gold_sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_sha256": self.gold_sha256,
            "overall": self.overall.to_json(),
            "per_type": {t: c.to_json() for t, c in self.per_type.items()},
            "figures": self.figures.to_json(),
            "slots": {
                s: {"right": v.right, "pairs": v.pairs, "accuracy": v.accuracy}
                for s, v in self.slots.items()
            },
            "false_alarms": {
                "events": self.false_alarm_events,
                "documents": self.false_alarm_documents,
                "empty_documents": self.empty_documents,
            },
            "warnings": list(self.warnings),
            "errors": [
                {
                    "id": e.id,
                    "false_positives": [vars(m) for m in e.false_positives],
                    "false_negatives": [vars(m) for m in e.false_negatives],
                }
                for e in self.errors
            ],
        }

    def render(self, console: Console | None = None) -> None:
        console = console or Console()
        table = Table(
            title=f"Events on {self.documents} gold documents",
            caption="figures: events with a people count, matched on (low, high, per), any type",
        )
        table.add_column("type", no_wrap=True)
        for name in ("gold", "pred", "tp", "fp", "fn", "prec", "recall", "F1"):
            table.add_column(name, justify="right")
        rows = [*self.per_type.items(), ("figures", self.figures), ("all", self.overall)]
        for name, c in rows:
            table.add_row(
                name,
                str(c.tp + c.fn),
                str(c.tp + c.fp),
                str(c.tp),
                str(c.fp),
                str(c.fn),
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.f1:.3f}",
                style="bold" if name == "all" else None,
            )
        console.print(table)
        slots = Table(title="Fields on matched pairs")
        for name in ("field", "right", "pairs", "accuracy"):
            slots.add_column(name, justify="left" if name == "field" else "right")
        for name, s in self.slots.items():
            accuracy = "-" if s.accuracy is None else f"{s.accuracy:.3f}"
            slots.add_row(name, str(s.right), str(s.pairs), accuracy)
        console.print(slots)
        console.print(
            f"False alarms: {self.false_alarm_events} events on {self.false_alarm_documents} "
            f"of {self.empty_documents} documents with no gold event"
        )
        for warning in self.warnings[:WARNINGS_SHOWN]:
            console.print(f"[yellow]warning:[/] {warning}", markup=True, highlight=False)
        if len(self.warnings) > WARNINGS_SHOWN:
            console.print(
                f"... and {len(self.warnings) - WARNINGS_SHOWN} more warnings (see --json)"
            )
