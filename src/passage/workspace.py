"""The Python API: one object over a Passage database, with the CLI's verbs.

Example::

    from passage import Passage

    p = Passage("passage.db")
    report = p.ingest(["examples/corpus"])
    for row in p.documents(search="deport"):
        print(row.id, row.title)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from passage.model import Document, Event, Failure, RawDocument
from passage.store import DocumentRow, Store, StoredFailure

EXTRACTOR_VERSION = "rules-v1"  # bump when extraction output changes, to re-extract stored docs

Progress = Callable[[str, int], None]  # (what happened, documents so far)


@dataclass
class IngestReport:
    """What one ingest run did."""

    run_id: int
    seen: int = 0
    new: int = 0
    versions: int = 0
    known: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class ExtractReport:
    documents: int = 0
    events: int = 0
    skipped: int = 0  # already extracted with this extractor version
    failures: list[Failure] = field(default_factory=list)


class Passage:
    """A Passage database and the verbs that work on it."""

    def __init__(self, db: str | Path = "passage.db") -> None:
        self.store = Store(db)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Passage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest

    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        stdin: TextIO | None = None,
        progress: Progress | None = None,
    ) -> IngestReport:
        """Read, clean and store documents; failures are recorded and the batch goes on.

        Idempotent: a document already stored is not stored again, so an
        interrupted run is resumed by running it again.
        """
        from passage.ingest import read

        run_id = self.store.start_run("ingest", [str(p) for p in paths])
        report = IngestReport(run_id=run_id)
        for item in read(paths, stdin=stdin):
            if isinstance(item, Failure):
                self.store.add_failure(item, run_id)
                report.failures.append(item)
                if progress:
                    progress("failure", report.seen)
                continue
            report.seen += 1
            doc = clean_or_failure(item)
            if isinstance(doc, Failure):
                self.store.add_failure(doc, run_id)
                report.failures.append(doc)
                continue
            status = self.store.add_document(doc, run_id)
            self.store.clear_failures(item.provenance.path, item.provenance.record)
            if status == "new":
                report.new += 1
            elif status == "version":
                report.versions += 1
            else:
                report.known += 1
            if progress:
                progress(status, report.seen)
        self.store.finish_run(
            run_id,
            seen=report.seen,
            new=report.new + report.versions,
            failures=len(report.failures),
        )
        return report

    # ------------------------------------------------------------------ extraction

    def extract(
        self,
        doc_ids: Sequence[str] | None = None,
        *,
        force: bool = False,
        progress: Progress | None = None,
    ) -> ExtractReport:
        """Extract events from stored documents (all, or those named) and store them."""
        from passage.extract import extract

        report = ExtractReport()
        for doc in self.store.iter_documents(doc_ids):
            if not force and self.store.extracted_with(doc.id) == EXTRACTOR_VERSION:
                report.skipped += 1
                continue
            try:
                events = extract(doc)
            except Exception as exc:  # one broken document never stops a batch
                failure = Failure(
                    doc.raw.provenance, "extract_error", f"{doc.id}: {type(exc).__name__}: {exc}"
                )
                self.store.add_failure(failure)
                report.failures.append(failure)
                continue
            self.store.replace_events(doc.id, events, EXTRACTOR_VERSION)
            report.documents += 1
            report.events += len(events)
            if progress:
                progress("extracted", report.documents)
        return report

    def events_of(self, doc_id: str) -> list[Event]:
        return self.store.events_of(doc_id)

    # ------------------------------------------------------------------ reading back

    def documents(self, **filters: Any) -> list[DocumentRow]:
        """List stored documents; filters: search, language, fmt, since, until, limit, offset."""
        return self.store.list_documents(**filters)

    def document(self, doc_id: str) -> Document | None:
        """One stored document with its clean view (``doc_id`` may be a unique prefix)."""
        return self.store.get_document(doc_id)

    def failures(self) -> list[StoredFailure]:
        return self.store.failures()

    def stats(self) -> dict[str, Any]:
        return self.store.counts()


def read_documents(
    paths: Iterable[str | Path], *, stdin: TextIO | None = None
) -> Iterator[Document | Failure]:
    """Read and clean documents without storing them (for ``extract`` without ``--db``)."""
    from passage.ingest import read

    for item in read(paths, stdin=stdin):
        yield item if isinstance(item, Failure) else clean_or_failure(item)


def clean_or_failure(raw: RawDocument) -> Document | Failure:
    """Clean one document; a document that breaks cleaning becomes a failure naming it."""
    from passage.clean import clean

    try:
        return clean(raw)
    except Exception as exc:  # one broken document never stops a batch
        return Failure(raw.provenance, "clean_error", f"{type(exc).__name__}: {exc}")
