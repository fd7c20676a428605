"""Match predicted events to gold events and count what agrees.

The rule is GUIDELINES.md's "How output is scored": a predicted event matches a
gold event of the same ``type`` when their evidence touches a common sentence.
Matching is one-to-one and maximises the number of matched pairs; among maximum
matchings it prefers pairs whose fields agree, so that two events sharing one
sentence ("2,700 on Tuesday and 3,000 on Wednesday") pair up the way a reader
would before their fields are compared.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from passage.evaluate.gold import GoldDocument, gold_digest, load_gold
from passage.evaluate.report import SLOTS, Counts, DocumentErrors, EvalReport, Miss
from passage.model import Document, Event, RawDocument, Span, content_id

Extractor = Callable[[Document], list[Event]]
Cleaner = Callable[[RawDocument], Document]

# Any edge outweighs every tie-break sum, so the matching first maximises the number of pairs.
EDGE_WEIGHT = 1_000_000
# Tie-break: each agreeing field counts more than any number of shared sentences (capped below it).
FIELD_AGREEMENT_WEIGHT = 100
# A sentence ends at . ! ? (and any closing quote) before whitespace and a capital or quote,
# or at a line break.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*(\s+)(?=[\"'“‘(]?[A-Z])|(\s*\n\s*)")


def split_sentences(text: str) -> list[Span]:
    """Sentences (and lines) of ``text``, non-empty, in order."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(text):
        gap_start, gap_end = match.span(1) if match.group(1) is not None else match.span(2)
        if gap_start > start:
            spans.append(Span(start, gap_start))
        start = gap_end
    if len(text) > start:
        spans.append(Span(start, len(text)))
    return spans


class _SentenceIndex:
    def __init__(self, text: str) -> None:
        self.sentences = split_sentences(text)
        self.starts = [s.start for s in self.sentences]

    def touched(self, spans: Sequence[Span]) -> frozenset[int]:
        ids: set[int] = set()
        for span in spans:
            i = max(bisect_right(self.starts, span.start) - 1, 0)
            while i < len(self.sentences) and self.sentences[i].start < span.end:
                if self.sentences[i].end > span.start:
                    ids.add(i)
                i += 1
        return frozenset(ids)


@dataclass
class _Candidate:
    type: str
    record: dict[str, Any]
    sentences: frozenset[int]
    evidence: list[str]


def score(
    gold: Sequence[GoldDocument],
    predicted: Mapping[str, list[dict[str, Any]]],
    *,
    gold_sha256: str | None = None,
) -> EvalReport:
    """Score predicted events (``Event.to_json()`` dicts) against ``gold``.

    ``predicted`` is keyed by gold id, or by the document's content id (``passage
    extract`` names a plain-text input that way); a gold document with no entry
    has no predicted events.
    """
    report = EvalReport(documents=len(gold), gold_sha256=gold_sha256)
    used: set[str] = set()
    for doc in gold:
        report.warnings.extend(doc.warnings)
        key = doc.id if doc.id in predicted else content_id(doc.text)
        used.add(key)
        _score_document(doc, predicted.get(key, []), report)
    unknown = sorted(set(predicted) - used)
    if unknown:
        report.warnings.append(f"{len(unknown)} predicted ids are not in the gold: {unknown[:5]}")
    return report


def _score_document(doc: GoldDocument, records: list[dict[str, Any]], report: EvalReport) -> None:
    index = _SentenceIndex(doc.text)
    gold = [
        _Candidate(g.type, g.annotation, index.touched(g.spans), g.evidence) for g in doc.events
    ]
    pred = [_predicted(doc, record, index, report.warnings) for record in records]

    def event_weight(g: _Candidate, p: _Candidate) -> int | None:
        shared = g.sentences & p.sentences
        if g.type != p.type or not shared:
            return None
        agree = sum(_field_right(s, g.record, p.record) is True for s in SLOTS)
        return agree * FIELD_AGREEMENT_WEIGHT + min(len(shared), FIELD_AGREEMENT_WEIGHT - 1)

    pairs = _match(gold, pred, event_weight)
    errors = DocumentErrors(doc.id)
    for i, j in pairs:
        report.per_type[gold[i].type].tp += 1
        for slot, tally in report.slots.items():
            right = _field_right(slot, gold[i].record, pred[j].record)
            if right is not None:
                tally.pairs += 1
                tally.right += right
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    for g in (g for i, g in enumerate(gold) if i not in matched_gold):
        report.per_type[g.type].fn += 1
        errors.false_negatives.append(Miss(g.type, g.evidence))
    for p in (p for j, p in enumerate(pred) if j not in matched_pred):
        report.per_type.setdefault(p.type, Counts()).fp += 1
        errors.false_positives.append(Miss(p.type, p.evidence))
    report.overall.tp += len(pairs)
    report.overall.fn += len(gold) - len(pairs)
    report.overall.fp += len(pred) - len(pairs)
    if errors.false_positives or errors.false_negatives:
        report.errors.append(errors)

    _score_figures(gold, pred, report.figures)
    if not doc.events:
        report.empty_documents += 1
        report.false_alarm_events += len(pred)
        report.false_alarm_documents += bool(pred)


def _score_figures(gold: list[_Candidate], pred: list[_Candidate], figures: Counts) -> None:
    """Events with a people count match when in one sentence with equal (low, high, per)."""

    def figure_weight(g: _Candidate, p: _Candidate) -> int | None:
        same = _people(g.record) == _people(p.record) and g.sentences & p.sentences
        return (1 + (g.type == p.type)) if same else None

    gold_figures = [g for g in gold if g.record.get("people")]
    pred_figures = [p for p in pred if p.record.get("people")]
    matched = len(_match(gold_figures, pred_figures, figure_weight))
    figures.tp += matched
    figures.fn += len(gold_figures) - matched
    figures.fp += len(pred_figures) - matched


def _predicted(
    doc: GoldDocument, record: dict[str, Any], index: _SentenceIndex, warnings: list[str]
) -> _Candidate:
    spans: list[Span] = []
    for pair in record.get("evidence") or []:
        try:
            span = Span(int(pair[0]), int(pair[1]))
        except (TypeError, ValueError, IndexError):
            warnings.append(f"{doc.id}: predicted evidence {pair!r} is not [start, end]")
            continue
        if span.end > len(doc.text):
            warnings.append(f"{doc.id}: predicted evidence {pair!r} runs past the text's end")
        spans.append(span)
    quotes = [s.of(doc.text) for s in spans]
    return _Candidate(str(record.get("type")), record, index.touched(spans), quotes)


def _people(record: dict[str, Any]) -> tuple[Any, Any, Any] | None:
    people = record.get("people")
    return (people.get("low"), people.get("high"), people.get("per")) if people else None


def _field_right(slot: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    """Whether the predicted field equals the gold one; None where the field does not apply."""
    if slot == "people":
        return _people(gold) == _people(pred)
    if slot == "origin":
        return set(gold.get("origin") or []) == set(pred.get("origin") or [])
    if slot == "date":
        return _same_start(gold.get("date") or {}, pred.get("date") or {})
    if slot == "policy_kind" and gold.get("type") != "policy":
        return None
    return gold.get(slot) == pred.get(slot)


def _same_start(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    """``date.start`` to the gold's precision: same year, year-month, or day."""
    g, p = gold.get("start"), pred.get("start")
    if g is None or p is None:
        return g is None and p is None
    width = {"year": 4, "month": 7}.get(gold.get("precision") or "day", 10)
    return str(g)[:width] == str(p)[:width]


def _match(
    gold: Sequence[_Candidate],
    pred: Sequence[_Candidate],
    weight: Callable[[_Candidate, _Candidate], int | None],
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index): most pairs, then most weight."""
    if not gold or not pred:
        return []
    matrix = [[0] * len(pred) for _ in gold]
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            w = weight(g, p)
            if w is not None:
                matrix[i][j] = EDGE_WEIGHT + w
    if len(gold) <= len(pred):
        pairs = list(enumerate(_assign(matrix)))
    else:
        transposed = [list(column) for column in zip(*matrix, strict=True)]
        pairs = [(i, j) for j, i in enumerate(_assign(transposed))]
    return sorted((i, j) for i, j in pairs if matrix[i][j])


def _assign(weights: list[list[int]]) -> list[int]:
    """Maximum-weight assignment of every row to a distinct column (rows <= columns).

    The Hungarian algorithm with potentials, O(rows^2 * columns); the graphs are one
    document's events, so tiny.
    """
    rows, cols = len(weights), len(weights[0])
    u, v = [0] * (rows + 1), [0] * (cols + 1)
    owner, way = [0] * (cols + 1), [0] * (cols + 1)  # owner[j]: row (1-based) assigned to column j
    for row in range(1, rows + 1):
        owner[0], col = row, 0
        best = [math.inf] * (cols + 1)
        used = [False] * (cols + 1)
        while owner[col]:
            used[col] = True
            r, delta, nxt = owner[col], math.inf, 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cost = -weights[r - 1][j - 1] - u[r] - v[j]
                    if cost < best[j]:
                        best[j], way[j] = cost, col
                    if best[j] < delta:
                        delta, nxt = best[j], j
            for j in range(cols + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    best[j] -= delta
            col = nxt
        while col:
            owner[col] = owner[way[col]]
            col = way[col]
    assignment = [-1] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            assignment[owner[j] - 1] = j - 1
    return assignment


def evaluate(
    paths: Sequence[Path],
    *,
    extractor: Extractor | None = None,
    cleaner: Cleaner | None = None,
) -> EvalReport:
    """Run clean + extract on every gold text and score the events.

    ``extractor`` defaults to :func:`passage.extract.extract`, ``cleaner`` to
    :func:`passage.clean.clean`.
    """
    if extractor is None:
        from passage.extract import extract as extractor
    if cleaner is None:
        from passage.clean import clean as cleaner
    gold = load_gold(paths)
    predicted = {doc.id: [e.to_json() for e in extractor(cleaner(doc.raw()))] for doc in gold}
    return score(gold, predicted, gold_sha256=gold_digest(paths, gold))
