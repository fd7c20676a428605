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

import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import cache
from importlib import resources
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

# Page clutter added around a generated copy: the examples of these clutter rules.
_CLUTTER_REASONS = ("navigation", "share", "advertisement", "newsletter", "cookie")
# Light edits: one word dropped from this many lines that hold no evidence.
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


@cache
def _clutter(language: str) -> list[str]:
    """Example lines of the clutter rules ``passage.clean`` drops anywhere, in ``language``."""
    path = resources.files("passage.resources") / "clutter.jsonl"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rule = json.loads(line) if line.strip() else {}
        if (
            rule.get("kind") == "dropped"
            and rule.get("lang") == language
            and rule.get("reason") in _CLUTTER_REASONS
            and rule.get("where", "any") in ("any", "edge")
            and not rule.get("then")
        ):
            out.append(rule["example"])
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
        words = lines[i].split(" ")
        if len(words) > 3:
            del words[rng.randrange(1, len(words) - 1)]
            lines[i] = " ".join(words)
    clutter = _clutter(raw.language or "en") or _clutter("en")
    half = len(clutter) // 2
    headline = f"Copy {n}: {' '.join(raw.text.split()[:6])}"
    text = "\n".join([*clutter[:half], headline, *lines, *clutter[half:]])
    published = raw.published
    if published is not None:
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
            moved.append(ScenarioEvent(replace(e.event, evidence=spans), e.fact))
    return ScenarioDocument(clean(copy_raw), story, moved)


def measure_gold(folder: Path = GOLD) -> Measurement | None:
    if not folder.is_dir() or not list(folder.glob("*.jsonl")):
        return None
    return measure_documents("gold + copies", gold_with_copies(folder))


def measure_cost(events: int = 10_000, seed: int = 0) -> Cost:
    """Time a full consolidation of ``events`` synthetic events, then a 10% batch on top."""
    corpus = synthetic_corpus(int(events * 1.1), seed)
    total = sum(len(d.events) for d in corpus)
    cut, seen = 0, 0
    while cut < len(corpus) and seen < events:
        seen += len(corpus[cut].events)
        cut += 1
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


def _share(merged: int, pairs: int) -> str:
    return "-" if not pairs else f"{merged / pairs:.2%} ({merged}/{pairs})"


def report_lines(measurements: Sequence[Measurement | None], cost: Cost | None) -> list[str]:
    """The measurement as plain lines, as ``main`` prints them."""
    lines = []
    for m in measurements:
        if m is None:
            continue
        d, e = m.document_pairs, m.event_pairs
        lines += [
            f"{m.name}: {m.documents} documents, {m.events} events",
            f"  duplicate document pairs merged   {_share(d.same_merged, d.same_pairs)}",
            f"  distinct document pairs merged    {_share(d.distinct_merged, d.distinct_pairs)}",
            f"  same-fact event pairs merged      {_share(e.same_merged, e.same_pairs)}",
            f"  distinct event pairs merged       {_share(e.distinct_merged, e.distinct_pairs)}",
        ]
    if cost is not None:
        lines += [
            f"cost: full consolidation of {cost.events} synthetic events ({cost.documents}"
            f" documents) {cost.full_seconds:.2f}s = {cost.full_per_10k:.2f}s per 10,000 events",
            f"      incremental batch of {cost.incremental_events} more events"
            f" {cost.incremental_seconds:.2f}s = {cost.incremental_per_10k:.2f}s per 10,000 events",
        ]
    return lines


def main() -> None:
    for line in report_lines([measure_scenarios(), measure_gold()], measure_cost()):
        print(line)


if __name__ == "__main__":
    main()
