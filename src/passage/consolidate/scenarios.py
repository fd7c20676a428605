"""Multi-report scenarios: invented documents with their events written by hand.

A scenario file (``examples/scenarios/*.jsonl``) is JSON Lines that ``passage
ingest`` reads (``text``, ``url``, ``title``, ``published``). Two more fields,
ignored by ingest, say what consolidation should find:

- ``story``: documents with the same story are copies or versions of one text;
- ``events``: the events of the document in the GUIDELINES form, with
  ``evidence`` a quote of the text and ``fact`` a label: events with the same
  label report one fact and should merge; different labels never.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from passage.clean import clean
from passage.ingest import read_jsonl
from passage.model import DateRange, Document, Event, Failure, People, Span
from passage.store import Store, event_key

SCENARIO_EXTRACTOR = "scenario-hand-built"


class ScenarioError(ValueError):
    """A scenario line that cannot be used; the message names the file and line."""


@dataclass
class ScenarioEvent:
    event: Event
    fact: str


@dataclass
class ScenarioDocument:
    document: Document
    story: str
    events: list[ScenarioEvent] = field(default_factory=list)


def scenario_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def load_scenarios(paths: Iterable[Path]) -> list[ScenarioDocument]:
    """Every document of the scenario files, cleaned, with its hand-built events."""
    out: list[ScenarioDocument] = []
    for path in map(Path, paths):
        lines = [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        for record, raw in zip(lines, read_jsonl(path), strict=True):
            if isinstance(raw, Failure):
                raise ScenarioError(raw.describe())
            where = raw.provenance.describe()
            data = json.loads(record)
            doc = clean(raw)
            events = [
                ScenarioEvent(event_from_json(e, doc.text, where), str(e.get("fact", "")))
                for e in data.get("events", [])
            ]
            out.append(ScenarioDocument(doc, str(data.get("story") or doc.id), events))
    return out


def event_from_json(
    data: dict[str, Any], text: str, where: str = "", evidence: list[Span] | None = None
) -> Event:
    """An :class:`Event` from its GUIDELINES form.

    ``evidence`` quotes are found in ``text`` unless the spans are given.
    """
    if evidence is None:
        evidence = [_find(text, quote, where) for quote in _quotes(data)]
    p, d = data.get("people"), data.get("date")
    when = None
    if d is not None:
        when = DateRange(_day(d.get("start")), _day(d.get("end")), d.get("precision"))
    return Event(
        type=data["type"],
        status=data.get("status", "occurred"),
        evidence=evidence,
        policy_kind=data.get("policy_kind"),
        people=None if p is None else People(**p),
        origin=list(data.get("origin") or []),
        location=data.get("location"),
        destination=data.get("destination"),
        places=list(data.get("places") or []),
        actor=data.get("actor"),
        source=data.get("source"),
        date=when,
    )


def _quotes(data: dict[str, Any]) -> list[str]:
    quotes = data.get("evidence") or []
    return [quotes] if isinstance(quotes, str) else list(quotes)


def _find(text: str, quote: str, where: str) -> Span:
    start = text.find(quote)
    if start < 0:
        raise ScenarioError(f"{where}: evidence not found in the text: {quote[:60]!r}")
    return Span(start, start + len(quote))


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def store_scenarios(store: Store, documents: Sequence[ScenarioDocument]) -> dict[str, str]:
    """Add the documents and their hand-built events; return event id -> fact label."""
    facts: dict[str, str] = {}
    for item in documents:
        doc = item.document
        store.add_document(doc)
        events = [e.event for e in item.events]
        store.replace_events(doc.id, events, SCENARIO_EXTRACTOR)
        for idx, e in enumerate(item.events):
            facts[event_key(doc.id, idx, e.event)] = e.fact
    return facts
