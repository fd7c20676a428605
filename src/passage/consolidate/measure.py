"""How well consolidation merges, and what it costs.

Run ``python -m passage.consolidate.measure`` (or ``passage consolidate --measure``).
It prints, on the invented scenarios (``examples/scenarios``) and on the gold
documents (``../shared/gold``, when present) each with a generated copy (a new
headline, page clutter, light edits), the share of duplicate pairs merged and the
share of distinct pairs wrongly merged, for documents and for events; then the
time a full and an incremental consolidation take per 10,000 synthetic events.

Events are built by hand (scenarios) or from the gold annotations, never by the
extractor: this measures consolidation alone.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from passage.clean import clean
from passage.consolidate.run import consolidate
from passage.consolidate.scenarios import (
    ScenarioDocument,
    ScenarioEvent,
    event_from_json,
    load_scenarios,
    scenario_files,
    store_scenarios,
)
from passage.consolidate.synthetic import synthetic_corpus
from passage.model import RawDocument, Span
from passage.store import Store
from passage.store import consolidation as sql

REPO = Path(__file__).resolve().parents[3]
SCENARIOS = REPO / "examples" / "scenarios"
GOLD = REPO.parent / "shared" / "gold"

# Page clutter added around a generated copy (lines `passage.clean` drops), invented.
_CLUTTER_TOP = ["Skip to main content", "Share this article"]
_CLUTTER_BOTTOM = ["Advertisement", "Sign up for our free morning newsletter"]
# Light edits made outside the evidence sentences of a generated copy.
_EDITS = ((" said ", " stated "), (" and ", " as well as "), (" the ", " the "))
_EDITED_LINES = 3


@dataclass
class PairShares:
    """Pairs that should merge and pairs that should not, and what happened to them."""

    same_pairs: int
    same_merged: int
    distinct_pairs: int
    distinct_merged: int

    @property
    def merged(self) -> float | None:
        return self.same_merged / self.same_pairs if self.same_pairs else None

    @property
    def wrongly_merged(self) -> float | None:
        return self.distinct_merged / self.distinct_pairs if self.distinct_pairs else None


@dataclass
class Measurement:
    name: str
    documents: int
    events: int
    document_pairs: PairShares
    event_pairs: PairShares


@dataclass
class Cost:
    events: int
    documents: int
    full_seconds: float
    incremental_events: int
    incremental_seconds: float

    @property
    def full_per_10k(self) -> float:
        return self.full_seconds * 10_000 / self.events

    @property
    def incremental_per_10k(self) -> float:
        return self.incremental_seconds * 10_000 / max(1, self.incremental_events)


def pair_shares(truth: dict[str, str], predicted: dict[str, str]) -> PairShares:
    """Pair counts of items labelled ``truth`` (same label: should merge) grouped as ``predicted``."""
    items = [i for i in truth if i in predicted]

    def pairs(counter: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counter.values())

    same = pairs(Counter(truth[i] for i in items))
    both = pairs(Counter((truth[i], predicted[i]) for i in items))
    merged = pairs(Counter(predicted[i] for i in items))
    total = len(items) * (len(items) - 1) // 2
    return PairShares(same, both, total - same, merged - both)


def measure_documents(name: str, documents: Sequence[ScenarioDocument]) -> Measurement:
    """Consolidate ``documents`` in a temporary database and compare with their labels."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "measure.db")
        facts = store_scenarios(store, documents)
        consolidate(store.conn, rebuild=True)
        clusters = {d: r.cluster_id for d, r in sql.cluster_rows(store.conn).items()}
        merged = sql.member_consolidated_ids(store.conn)
        store.close()
    stories = {d.document.id: d.story for d in documents}
    return Measurement(
        name=name,
        documents=len(stories),
        events=len(facts),
        document_pairs=pair_shares(stories, clusters),
        event_pairs=pair_shares(facts, merged),
    )


def measure_scenarios(folder: Path = SCENARIOS) -> Measurement | None:
    files = scenario_files(folder)
    return measure_documents("scenarios", load_scenarios(files)) if files else None


def gold_with_copies(folder: Path = GOLD, seed: int = 0) -> list[ScenarioDocument]:
    """Each gold document with its annotated events, and a generated copy of it."""
    from passage.evaluate.gold import load_gold

    paths = sorted(folder.glob("*.jsonl"))
    rng = random.Random(seed)
    out: list[ScenarioDocument] = []
    for n, gold in enumerate(load_gold(paths)):
        original = clean(gold.raw())
        events = [
            ScenarioEvent(
                event_from_json(g.annotation, gold.text, evidence=g.spans), f"{gold.id}#{i}"
            )
            for i, g in enumerate(gold.events)
            if g.spans
        ]
        out.append(ScenarioDocument(original, gold.id, events))
        out.append(_copy(gold.raw(), events, gold.id, n, rng))
    return out


def _copy(
    raw: RawDocument, events: list[ScenarioEvent], story: str, n: int, rng: random.Random
) -> ScenarioDocument:
    """A republished copy: new headline, clutter lines, a few words changed, a day later."""
    quotes = [raw.text[s.start : s.end] for e in events for s in e.event.evidence]
    lines = raw.text.split("\n")
    editable = [
        i
        for i, line in enumerate(lines)
        if line.strip() and not any(q in line or line in q for q in quotes)
    ]
    for i in rng.sample(editable, min(_EDITED_LINES, len(editable))):
        old, new = rng.choice(_EDITS)
        lines[i] = lines[i].replace(old, new, 1)
    headline = f"Copy {n}: the story our readers are following"
    text = "\n".join([*_CLUTTER_TOP, headline, *lines, *_CLUTTER_BOTTOM])
    published = raw.published
    if published is not None:
        from datetime import timedelta

        published += timedelta(days=1)
    copy_raw = RawDocument(
        text=text,
        provenance=raw.provenance,
        format="text",
        url=f"https://copies.example/{n}",
        published=published,
        language=raw.language,
    )
    moved = []
    for e in events:
        spans = []
        for s in e.event.evidence:
            at = text.find(raw.text[s.start : s.end])
            if at >= 0:
                spans.append(Span(at, at + s.end - s.start))
        if spans:
            ev = _with_evidence(e, spans)
            moved.append(ev)
    return ScenarioDocument(clean(copy_raw), story, moved)


def _with_evidence(e: ScenarioEvent, spans: list[Span]) -> ScenarioEvent:
    import copy

    event = copy.copy(e.event)
    event.evidence = spans
    return ScenarioEvent(event, e.fact)


def measure_gold(folder: Path = GOLD) -> Measurement | None:
    if not folder.is_dir() or not list(folder.glob("*.jsonl")):
        return None
    return measure_documents("gold + copies", gold_with_copies(folder))


def measure_cost(events: int = 10_000, seed: int = 0) -> Cost:
    """Time a full consolidation of ``events`` synthetic events, then a 10% batch on top."""
    corpus = synthetic_corpus(int(events * 1.1), seed)
    total = sum(len(d.events) for d in corpus)
    cut = next(i for i in range(len(corpus)) if sum(len(d.events) for d in corpus[:i]) >= events)
    first, second = corpus[:cut], corpus[cut:]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "cost.db")
        store_scenarios(store, first)
        started = time.perf_counter()
        consolidate(store.conn, rebuild=True)
        full = time.perf_counter() - started
        store_scenarios(store, second)
        started = time.perf_counter()
        consolidate(store.conn)
        incremental = time.perf_counter() - started
        store.close()
    n_first = sum(len(d.events) for d in first)
    return Cost(n_first, len(first), full, total - n_first, incremental)


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def main() -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(
        "data",
        "documents",
        "events",
        "dup docs merged",
        "distinct docs merged",
        "same-fact events merged",
        "distinct events merged",
    )
    for m in (measure_scenarios(), measure_gold()):
        if m is None:
            continue
        table.add_row(
            m.name,
            str(m.documents),
            str(m.events),
            _share(m.document_pairs.merged),
            _share(m.document_pairs.wrongly_merged),
            _share(m.event_pairs.merged),
            _share(m.event_pairs.wrongly_merged),
        )
    console.print(table)
    cost = measure_cost()
    console.print(
        f"cost: full consolidation of {cost.events} events in {cost.documents} documents"
        f" {cost.full_seconds:.2f}s ({cost.full_per_10k:.2f}s per 10,000 events);"
        f" incremental batch of {cost.incremental_events} events {cost.incremental_seconds:.2f}s"
        f" ({cost.incremental_per_10k:.2f}s per 10,000 events)"
    )


if __name__ == "__main__":
    main()
