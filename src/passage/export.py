"""Export selected events as CSV, JSON Lines or Parquet, each with its evidence and a citation.

Every row is one report's event: every field, the evidence text and offsets, each
field's source spans, the report's url, title and date, a one-line citation, and
``consolidated_id``, the fact it reports (shared by every report of one fact; empty
until ``passage consolidate`` has run)::

    from passage.export import export
    from passage.api.filters import build_filters
    from passage.store import connect_readonly

    data = export(connect_readonly("passage.db"), build_filters(type="removal"), "csv")
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from typing import IO, Any, Literal
from urllib.parse import urlparse

from passage.store.queries import EventFilters, EventRecord, EventSort, iter_events

ExportFormat = Literal["csv", "jsonl", "parquet"]
FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}

# The columns, in order, with their Parquet types (lists stay lists in JSONL and Parquet;
# in CSV, origin and places are joined with ";" and the other lists are JSON).
COLUMNS: dict[str, str] = {
    "id": "string",
    "consolidated_id": "string",
    "doc_id": "string",
    "type": "string",
    "policy_kind": "string",
    "status": "string",
    "people_low": "int64",
    "people_high": "int64",
    "people_approx": "bool",
    "people_per": "string",
    "people_cumulative": "bool",
    "origin": "list<string>",
    "location": "string",
    "destination": "string",
    "places": "list<string>",
    "actor": "string",
    "source": "string",
    "date_start": "string",
    "date_end": "string",
    "date_precision": "string",
    "date_basis": "string",
    "change_factor": "double",
    "change_from": "int64",
    "change_baseline": "string",
    "evidence": "list<string>",
    "evidence_spans": "list<list<int64>>",
    "field_spans": "json",
    "document_url": "string",
    "document_title": "string",
    "document_published": "string",
    "publisher": "string",
    "citation": "string",
    "extractor": "string",
}


def publisher(url: str | None) -> str | None:
    """The host a report was published on, without ``www.``."""
    if not url:
        return None
    try:
        host = urlparse(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def citation(rec: EventRecord) -> str:
    """``Title, host, 2024-07-03, url — "evidence sentence"``; missing parts are left out."""
    doc = rec.document
    parts = [
        _one_line(doc.title) if doc.title else "Untitled report",
        publisher(doc.url),
        doc.published,
        doc.url,
    ]
    head = ", ".join(p for p in parts if p)
    quote = _one_line(rec.evidence_text[0]) if rec.evidence_text else ""
    return f'{head} — "{quote}"' if quote else head


def export_row(rec: EventRecord) -> dict[str, Any]:
    """One event as a flat record with the columns of :data:`COLUMNS`."""
    ev = rec.event
    p, d, c = ev.people, ev.date, ev.change
    field_spans: dict[str, list[dict[str, Any]]] = {}
    for s in rec.spans:
        if s.field != "event":
            field_spans.setdefault(s.field, []).append(
                {"start": s.start, "end": s.end, "text": s.text}
            )
    return {
        "id": rec.id,
        "consolidated_id": rec.consolidated_id,
        "doc_id": rec.document.id,
        "type": ev.type,
        "policy_kind": ev.policy_kind,
        "status": ev.status,
        "people_low": p.low if p else None,
        "people_high": p.high if p else None,
        "people_approx": p.approx if p else None,
        "people_per": p.per if p else None,
        "people_cumulative": p.cumulative if p else None,
        "origin": list(ev.origin),
        "location": ev.location,
        "destination": ev.destination,
        "places": list(ev.places),
        "actor": ev.actor,
        "source": ev.source,
        "date_start": d.start.isoformat() if d and d.start else None,
        "date_end": d.end.isoformat() if d and d.end else None,
        "date_precision": d.precision if d else None,
        "date_basis": rec.date_basis,
        "change_factor": c.factor if c else None,
        "change_from": c.from_ if c else None,
        "change_baseline": c.baseline if c else None,
        "evidence": rec.evidence_text,
        "evidence_spans": [s.to_list() for s in ev.evidence],
        "field_spans": field_spans,
        "document_url": rec.document.url,
        "document_title": rec.document.title,
        "document_published": rec.document.published,
        "publisher": publisher(rec.document.url),
        "citation": citation(rec),
        "extractor": rec.extractor,
    }


def _csv_cell(name: str, value: Any) -> Any:
    if value is None:
        return ""
    if name in ("origin", "places"):
        return ";".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def write_export(
    conn: sqlite3.Connection,
    filters: EventFilters,
    format: ExportFormat,
    dest: IO[bytes],
    *,
    sort: EventSort = "date",
) -> int:
    """Write the selected events to ``dest`` in ``format``; return how many were written."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    rows = (export_row(rec) for rec in iter_events(conn, filters, sort=sort))
    if format == "parquet":
        return _write_parquet(list(rows), dest)
    n = 0
    if format == "jsonl":
        for row in rows:
            dest.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
            n += 1
        return n
    text = io.TextIOWrapper(dest, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(COLUMNS))
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(k, v) for k, v in row.items()})
        n += 1
    text.flush()
    text.detach()  # leave dest open for the caller
    return n


def _write_parquet(rows: list[dict[str, Any]], dest: IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {
        "string": pa.string(),
        "json": pa.string(),
        "int64": pa.int64(),
        "double": pa.float64(),
        "bool": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
        "list<list<int64>>": pa.list_(pa.list_(pa.int64())),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS.items()])
    for row in rows:
        row["field_spans"] = json.dumps(row["field_spans"], ensure_ascii=False)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), dest)
    return len(rows)


def export(
    conn: sqlite3.Connection,
    filters: EventFilters,
    format: ExportFormat,
    *,
    sort: EventSort = "date",
) -> bytes:
    """The selected events in ``format`` (csv, jsonl or parquet), as bytes."""
    buffer = io.BytesIO()
    write_export(conn, filters, format, buffer, sort=sort)
    return buffer.getvalue()
