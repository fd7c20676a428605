"""Gold annotations: documents, their events, and where each evidence quote stands."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from passage.model import EVENT_TYPES, Provenance, RawDocument, Span

_QUOTES = str.maketrans(dict.fromkeys("“”„«»″", '"') | dict.fromkeys("‘’‚′`", "'"))


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


@dataclass
class GoldEvent:
    type: str
    evidence: list[str]
    spans: list[Span]  # every place in the text where an evidence string was found
    annotation: dict[str, Any]  # the event exactly as the gold file writes it


@dataclass
class GoldDocument:
    id: str
    text: str
    published: date | None
    url: str | None
    language: str | None
    events: list[GoldEvent]
    provenance: Provenance
    warnings: list[str] = field(default_factory=list)

    def raw(self) -> RawDocument:
        """The document as a reader would yield it, for running the pipeline."""
        return RawDocument(
            text=self.text,
            provenance=self.provenance,
            format="text",
            url=self.url,
            published=self.published,
            language=self.language,
            external_id=self.id,
        )


def load_gold(paths: Sequence[Path]) -> list[GoldDocument]:
    """Every document of the gold files; ``text_file`` is read relative to its gold file."""
    documents: list[GoldDocument] = []
    seen: dict[str, str] = {}
    for path in map(Path, paths):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip():
                continue
            where = Provenance(str(path), number, "line")
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{where.describe()}: not JSON ({exc.msg}); fix the line") from exc
            doc = _gold_document(record, path, where)
            if doc.id in seen:
                raise GoldError(f"{where.describe()}: id {doc.id!r} already used at {seen[doc.id]}")
            seen[doc.id] = where.describe()
            documents.append(doc)
    return documents


def _gold_document(record: dict[str, Any], path: Path, where: Provenance) -> GoldDocument:
    if not isinstance(record, dict) or not record.get("id"):
        raise GoldError(f"{where.describe()}: a gold line needs an object with an 'id'")
    if "text" in record:
        text = record["text"]
    elif "text_file" in record:
        text_path = path.parent / record["text_file"]
        if not text_path.is_file():
            raise GoldError(f"{where.describe()}: text_file {text_path} does not exist")
        # Decoded as `passage ingest` decodes a text file (no newline translation, BOM
        # stripped) so that offsets in a `passage extract` output point into the same text.
        text = text_path.read_bytes().decode("utf-8-sig")
    else:
        raise GoldError(f"{where.describe()}: give the text inline ('text') or as 'text_file'")
    try:
        published = date.fromisoformat(record["published"]) if record.get("published") else None
    except (TypeError, ValueError) as exc:
        raise GoldError(f"{where.describe()}: published is not a YYYY-MM-DD date ({exc})") from exc
    doc = GoldDocument(
        id=str(record["id"]),
        text=text,
        published=published,
        url=record.get("url"),
        language=record.get("language"),
        events=[],
        provenance=where,
    )
    for number, annotation in enumerate(record.get("events") or [], 1):
        if annotation.get("type") not in EVENT_TYPES:
            raise GoldError(
                f"{where.describe()}: event {number} has unknown type {annotation.get('type')!r}"
            )
        evidence = list(annotation.get("evidence") or [])
        spans: list[Span] = []
        for quote in evidence:
            found = _locate_all(text, quote)
            if not found:
                doc.warnings.append(
                    f"{where.describe()} ({doc.id}): evidence not found: {quote[:80]!r}"
                )
            spans.extend(found)
        doc.events.append(GoldEvent(annotation["type"], evidence, spans, annotation))
    return doc


def locate_evidence(text: str, evidence: str) -> Span | None:
    """Where ``evidence`` stands in ``text``: exactly, else ignoring whitespace and quote styles."""
    found = _locate_all(text, evidence)
    return found[0] if found else None


def _locate_all(text: str, evidence: str) -> list[Span]:
    if not evidence:
        return []
    spans, start = [], text.find(evidence)
    while start >= 0:
        spans.append(Span(start, start + len(evidence)))
        start = text.find(evidence, start + 1)
    if spans:
        return spans
    norm_text, offsets = _normalise(text)
    norm_evidence = _normalise(evidence)[0].strip()
    at = norm_text.find(norm_evidence) if norm_evidence else -1
    if at < 0:
        return []
    return [Span(offsets[at], offsets[at + len(norm_evidence) - 1] + 1)]


def _normalise(text: str) -> tuple[str, list[int]]:
    """Text with straight quotes and single spaces, and each character's original offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if chars and chars[-1] == " ":
                continue
            ch = " "
        chars.append(ch)
        offsets.append(i)
    return "".join(chars), offsets


def gold_digest(paths: Sequence[Path], documents: Sequence[GoldDocument] | None = None) -> str:
    """SHA-256 over the gold files' bytes and their documents' texts, in any order or place.

    Pass the ``documents`` already loaded from ``paths`` to skip reading them again.
    """
    if documents is None:
        documents = load_gold(paths)
    parts = [hashlib.sha256(Path(p).read_bytes()).hexdigest() for p in paths]
    parts += [hashlib.sha256(f"{d.id}\0{d.text}".encode()).hexdigest() for d in documents]
    return hashlib.sha256("\n".join(sorted(parts)).encode()).hexdigest()


def load_predictions(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A ``passage extract`` output file: one ``{"id", "events"}`` object a line."""
    predicted: dict[str, list[dict[str, Any]]] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            predicted.setdefault(str(record["id"]), []).extend(record.get("events") or [])
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise GoldError(
                f"{path}:line {number}: expected {{'id', 'events'}} JSON ({exc})"
            ) from exc
    return predicted
