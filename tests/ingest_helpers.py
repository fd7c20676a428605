"""Shared paths and small helpers for the ingest tests (not a test module)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from passage.model import Failure, RawDocument

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
CORPUS = EXAMPLES / "corpus"
BAD = EXAMPLES / "bad"
SHARED = Path(__file__).resolve().parents[2] / "shared"
NOTE = "Invented example for Passage tests; not a real report"


def documents(items: Iterable[RawDocument | Failure]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def failures(items: Iterable[RawDocument | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def outline(items: Iterable[RawDocument | Failure]) -> list[tuple[str, int | None, str]]:
    """(file name, record, "doc" or failure kind) for each item, in order."""
    return [
        (
            Path(item.provenance.path).name,
            item.provenance.record,
            item.kind if isinstance(item, Failure) else "doc",
        )
        for item in items
    ]
