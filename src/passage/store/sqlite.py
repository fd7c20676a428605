"""The SQLite store: one file, WAL, named migrations, idempotent writes.

All SQL lives in this package. Writes go through one :class:`Store` object;
readers (the web application) open their own read-only connections with
:func:`connect_readonly`.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from passage.model import (
    Block,
    Change,
    DateRange,
    Document,
    Event,
    Failure,
    People,
    Provenance,
    RawDocument,
    Span,
    content_id,
)

BUSY_TIMEOUT_S = 30  # a second writer waits this long before "database is locked"


class StoreError(Exception):
    """A database that cannot be opened or migrated."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def migrations() -> list[tuple[str, str]]:
    """The named migrations shipped in the package, in order: (name, sql)."""
    folder = resources.files("passage.store") / "migrations"
    items = sorted(
        (entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".sql")
    )
    return [(name.removesuffix(".sql"), sql) for name, sql in items]


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to an existing database (for the web application)."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path}: no such database (run `passage ingest` first)")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    _configure(conn)
    return conn


@dataclass
class DocumentRow:
    """A stored document's metadata, as listed by ``passage documents``."""

    id: str
    format: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    chars: int
    source: str
    previous_id: str | None
    events: int | None


@dataclass
class StoredFailure:
    path: str
    record: int | None
    record_kind: str | None
    kind: str
    message: str

    def describe(self) -> str:
        return Failure(
            Provenance(self.path, self.record, self.record_kind), self.kind, self.message
        ).describe()  # type: ignore[arg-type]


class Store:
    """The one writer of a Passage database."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        _configure(self.conn)
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a Passage database: {exc}") from exc
        self.migrate()

    # ------------------------------------------------------------------ schema

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        done = {r["name"] for r in self.conn.execute("SELECT name FROM migrations")}
        applied = []
        for name, sql in migrations():
            if name in done:
                continue
            with self.transaction():
                for statement in _statements(sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now())
                )
            applied.append(name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r["name"] for r in self.conn.execute("SELECT name FROM migrations ORDER BY name")]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------------ runs

    def start_run(self, command: str, inputs: Sequence[str]) -> int:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET status = 'interrupted' WHERE status = 'running' AND command = ?",
                (command,),
            )
            cur = self.conn.execute(
                "INSERT INTO runs (command, inputs, started_at, status) VALUES (?, ?, ?, 'running')",
                (command, json.dumps(list(inputs)), _now()),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, *, seen: int, new: int, failures: int) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE runs SET finished_at = ?, status = ?, documents_seen = ?,"
                " documents_new = ?, failures = ? WHERE id = ?",
                (_now(), "failures" if failures else "ok", seen, new, failures, run_id),
            )

    # ------------------------------------------------------------------ documents

    def add_document(self, doc: Document, run_id: int | None = None) -> str:
        """Store one cleaned document; return ``new``, ``version`` or ``known``.

        The same text is stored once whatever its source (sources are listed);
        a different text under the same url (or external id, or file and record)
        is a new version linked to the one before.
        """
        raw = doc.raw
        prov = raw.provenance
        record = prov.record or 0
        with self.transaction():
            known = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
            status = "known"
            if not known:
                key = _version_key(raw)
                prev = self.conn.execute(
                    "SELECT id FROM documents d WHERE version_key = ? AND NOT EXISTS"
                    " (SELECT 1 FROM documents n WHERE n.previous_id = d.id)"
                    " ORDER BY ingested_at DESC LIMIT 1",
                    (key,),
                ).fetchone()
                self.conn.execute(
                    "INSERT INTO documents (id, text, raw, format, url, title, published,"
                    " language, external_id, version_key, previous_id, chars, first_run,"
                    " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        doc.id,
                        raw.text,
                        raw.raw,
                        raw.format,
                        raw.url,
                        raw.title,
                        raw.published.isoformat() if raw.published else None,
                        doc.language,
                        raw.external_id,
                        key,
                        prev["id"] if prev else None,
                        len(raw.text),
                        run_id,
                        _now(),
                    ),
                )
                self.conn.executemany(
                    "INSERT INTO blocks (doc_id, idx, start_char, end_char, kind, reason)"
                    " VALUES (?,?,?,?,?,?)",
                    [
                        (doc.id, i, b.start, b.end, b.kind, b.reason)
                        for i, b in enumerate(doc.blocks)
                    ],
                )
                status = "version" if prev else "new"
            self.conn.execute(
                "INSERT OR IGNORE INTO document_sources (doc_id, path, record, record_kind)"
                " VALUES (?,?,?,?)",
                (doc.id, prov.path, record, prov.record_kind),
            )
        return status

    def add_failure(self, failure: Failure, run_id: int | None = None) -> None:
        prov = failure.provenance
        with self.transaction():
            self.conn.execute(
                "INSERT INTO failures (path, record, record_kind, kind, message, first_run,"
                " last_run) VALUES (?,?,?,?,?,?,?) ON CONFLICT (path, record, kind) DO UPDATE"
                " SET message = excluded.message, last_run = excluded.last_run",
                (
                    prov.path,
                    prov.record or 0,
                    prov.record_kind,
                    failure.kind,
                    failure.message,
                    run_id,
                    run_id,
                ),
            )

    def clear_failures(self, path: str, record: int | None) -> None:
        """Forget failures of an input that has now been read successfully."""
        with self.transaction():
            self.conn.execute(
                "DELETE FROM failures WHERE path = ? AND record = ?", (path, record or 0)
            )

    def has_document(self, doc_id: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone())

    def get_document(self, doc_id: str) -> Document | None:
        """A stored document with its clean view; ``doc_id`` may be a unique prefix."""
        rows = self.conn.execute(
            "SELECT * FROM documents WHERE id LIKE ? LIMIT 2", (doc_id + "%",)
        ).fetchall()
        if len(rows) != 1:
            return None
        row = rows[0]
        source = self.conn.execute(
            "SELECT * FROM document_sources WHERE doc_id = ? ORDER BY path, record LIMIT 1",
            (row["id"],),
        ).fetchone()
        raw = RawDocument(
            text=row["text"],
            provenance=Provenance(source["path"], source["record"] or None, source["record_kind"]),
            format=row["format"],
            url=row["url"],
            title=row["title"],
            published=date.fromisoformat(row["published"]) if row["published"] else None,
            language=row["language"],
            external_id=row["external_id"],
            raw=row["raw"],
        )
        blocks = [
            Block(b["start_char"], b["end_char"], b["kind"], b["reason"])
            for b in self.conn.execute(
                "SELECT * FROM blocks WHERE doc_id = ? ORDER BY idx", (row["id"],)
            )
        ]
        return Document(raw=raw, blocks=blocks, language=row["language"])

    def iter_documents(self, ids: Sequence[str] | None = None) -> Iterator[Document]:
        """Every stored document (or those named), oldest first."""
        if ids is None:
            ids = [r["id"] for r in self.conn.execute("SELECT id FROM documents ORDER BY rowid")]
        for doc_id in ids:
            doc = self.get_document(doc_id)
            if doc is not None:
                yield doc

    def list_documents(
        self,
        *,
        search: str | None = None,
        language: str | None = None,
        fmt: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[DocumentRow]:
        where, args = [], []
        if search:
            where.append("(d.text LIKE ? OR d.title LIKE ? OR d.url LIKE ?)")
            args += [f"%{search}%"] * 3
        if language:
            where.append("d.language = ?")
            args.append(language)
        if fmt:
            where.append("d.format = ?")
            args.append(fmt)
        if since:
            where.append("d.published >= ?")
            args.append(since)
        if until:
            where.append("d.published <= ?")
            args.append(until)
        sql = (
            "SELECT d.*, (SELECT path || CASE WHEN record THEN ':' || record ELSE '' END"
            " FROM document_sources s WHERE s.doc_id = d.id ORDER BY path, record LIMIT 1)"
            " AS source, (SELECT events FROM extracted x WHERE x.doc_id = d.id) AS n_events"
            " FROM documents d"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.rowid LIMIT ? OFFSET ?"
        )
        rows = self.conn.execute(sql, [*args, limit, offset]).fetchall()
        return [
            DocumentRow(
                id=r["id"],
                format=r["format"],
                url=r["url"],
                title=r["title"],
                published=r["published"],
                language=r["language"],
                chars=r["chars"],
                source=r["source"],
                previous_id=r["previous_id"],
                events=r["n_events"],
            )
            for r in rows
        ]

    def failures(self) -> list[StoredFailure]:
        return [
            StoredFailure(r["path"], r["record"] or None, r["record_kind"], r["kind"], r["message"])
            for r in self.conn.execute("SELECT * FROM failures ORDER BY path, record, kind")
        ]

    def counts(self) -> dict[str, Any]:
        one = self.conn.execute
        out: dict[str, Any] = {
            "documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "versions": one(
                "SELECT COUNT(*) FROM documents WHERE previous_id IS NOT NULL"
            ).fetchone()[0],
            "characters": one("SELECT COALESCE(SUM(chars), 0) FROM documents").fetchone()[0],
            "failures": one("SELECT COUNT(*) FROM failures").fetchone()[0],
            "runs": one("SELECT COUNT(*) FROM runs").fetchone()[0],
            "events": one("SELECT COUNT(*) FROM events").fetchone()[0],
            "documents_extracted": one("SELECT COUNT(*) FROM extracted").fetchone()[0],
        }
        out["by_format"] = dict(
            one("SELECT format, COUNT(*) FROM documents GROUP BY format ORDER BY format").fetchall()
        )
        out["by_language"] = dict(
            one(
                "SELECT COALESCE(language, '?'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        )
        out["failures_by_kind"] = dict(
            one("SELECT kind, COUNT(*) FROM failures GROUP BY kind ORDER BY kind").fetchall()
        )
        out["events_by_type"] = dict(
            one("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC").fetchall()
        )
        return out

    # ------------------------------------------------------------------ events

    def replace_events(self, doc_id: str, events: Sequence[Event], extractor: str) -> None:
        """Store a document's events, replacing those of an earlier extraction."""
        text = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if text is None:
            raise StoreError(f"no document {doc_id} in {self.path}")
        text = text[0]
        now = _now()
        with self.transaction():
            self.conn.execute("DELETE FROM events WHERE doc_id = ?", (doc_id,))
            for idx, ev in enumerate(events):
                event_id = event_key(doc_id, idx, ev)
                self.conn.execute(
                    "INSERT INTO events (id, doc_id, idx, type, policy_kind, status, people_low,"
                    " people_high, people_approx, people_per, people_cumulative, origin, location,"
                    " destination, places, actor, source, date_start, date_end, date_precision,"
                    " change, extractor, created_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    _event_row(event_id, doc_id, idx, ev, extractor, now),
                )
                spans = [("event", s) for s in ev.evidence] + [
                    (name, s) for name, group in ev.spans.items() for s in group
                ]
                counters: dict[str, int] = {}
                rows = []
                for name, span in spans:
                    i = counters.get(name, 0)
                    counters[name] = i + 1
                    rows.append((event_id, name, i, span.start, span.end, span.of(text)))
                self.conn.executemany(
                    "INSERT INTO evidence (event_id, field, idx, start_char, end_char, text)"
                    " VALUES (?,?,?,?,?,?)",
                    rows,
                )
            self.conn.execute(
                "INSERT INTO extracted (doc_id, extractor, events, extracted_at) VALUES (?,?,?,?)"
                " ON CONFLICT (doc_id) DO UPDATE SET extractor = excluded.extractor,"
                " events = excluded.events, extracted_at = excluded.extracted_at",
                (doc_id, extractor, len(events), now),
            )

    def extracted_with(self, doc_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT extractor FROM extracted WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return row[0] if row else None

    def events_of(self, doc_id: str) -> list[Event]:
        """A document's stored events, rebuilt as :class:`Event` objects."""
        out = []
        for row in self.conn.execute(
            "SELECT * FROM events WHERE doc_id = ? ORDER BY idx", (doc_id,)
        ).fetchall():
            out.append(event_from_row(row, self._spans(row["id"])))
        return out

    def _spans(self, event_id: str) -> dict[str, list[Span]]:
        spans: dict[str, list[Span]] = {}
        for r in self.conn.execute(
            "SELECT field, start_char, end_char FROM evidence WHERE event_id = ?"
            " ORDER BY field, idx",
            (event_id,),
        ):
            spans.setdefault(r["field"], []).append(Span(r["start_char"], r["end_char"]))
        return spans


def event_key(doc_id: str, idx: int, ev: Event) -> str:
    """A stable event id from its document, position, type and evidence."""
    spans = ",".join(f"{s.start}-{s.end}" for s in ev.evidence)
    return content_id(f"{doc_id}:{idx}:{ev.type}:{spans}")


def _event_row(
    event_id: str, doc_id: str, idx: int, ev: Event, extractor: str, now: str
) -> tuple[Any, ...]:
    p = ev.people
    d = ev.date
    return (
        event_id,
        doc_id,
        idx,
        ev.type,
        ev.policy_kind,
        ev.status,
        p.low if p else None,
        p.high if p else None,
        int(p.approx) if p else None,
        p.per if p else None,
        int(p.cumulative) if p else None,
        json.dumps(ev.origin),
        ev.location,
        ev.destination,
        json.dumps(ev.places),
        ev.actor,
        ev.source,
        d.start.isoformat() if d and d.start else None,
        d.end.isoformat() if d and d.end else None,
        d.precision if d else None,
        json.dumps(ev.change.to_json()) if ev.change else None,
        extractor,
        now,
    )


def event_from_row(row: sqlite3.Row, spans: dict[str, list[Span]]) -> Event:
    """Rebuild an :class:`Event` from its ``events`` row and evidence spans."""
    people = None
    if row["people_low"] is not None or row["people_high"] is not None:
        people = People(
            row["people_low"],
            row["people_high"],
            bool(row["people_approx"]),
            row["people_per"],
            bool(row["people_cumulative"]),
        )
    when = None
    if row["date_start"] or row["date_precision"]:
        when = DateRange(
            date.fromisoformat(row["date_start"]) if row["date_start"] else None,
            date.fromisoformat(row["date_end"]) if row["date_end"] else None,
            row["date_precision"],
        )
    change = None
    if row["change"]:
        c = json.loads(row["change"])
        change = Change(c.get("factor"), c.get("from"), c.get("baseline"))
    evidence = spans.pop("event", [])
    return Event(
        type=row["type"],
        status=row["status"],
        evidence=evidence,
        policy_kind=row["policy_kind"],
        people=people,
        origin=json.loads(row["origin"]),
        location=row["location"],
        destination=row["destination"],
        places=json.loads(row["places"]),
        actor=row["actor"],
        source=row["source"],
        date=when,
        change=change,
        spans=spans,
    )


def _version_key(raw: RawDocument) -> str:
    if raw.url:
        return "url:" + raw.url
    if raw.external_id:
        return "id:" + raw.external_id
    prov = raw.provenance
    return f"source:{prov.path}#{prov.record or 0}"


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements (our SQL holds no "--" or ";" in strings)."""
    bare = re.sub(r"--[^\n]*", "", sql)
    return [s.strip() for s in bare.split(";") if s.strip()]
