"""Helpers shared by the consolidation SQL: chunked IN lists, rows as dicts, the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def dict_rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(ids))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def placeholders(n: int) -> str:
    return ",".join("?" * n)


def fetch(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (whose ``{marks}`` takes the ids) over ``ids``, in chunks."""
    out: list[tuple[Any, ...]] = []
    for chunk in chunks(ids):
        out += [tuple(r) for r in conn.execute(sql.format(marks=placeholders(len(chunk))), chunk)]
    return out


def distinct(conn: sqlite3.Connection, sql: str, ids: Iterable[str]) -> set[str]:
    return {r[0] for r in fetch(conn, sql, ids)}


def insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        columns = list(rows[0])
        conn.executemany(
            f"INSERT INTO {table} ({', '.join(columns)})"
            f" VALUES ({', '.join(':' + c for c in columns)})",
            rows,
        )


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of a consolidation run is kept, or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def clear(conn: sqlite3.Connection) -> None:
    """Forget every consolidation result (``--rebuild``)."""
    for table in (
        "report_blocks",
        "consolidated_members",
        "consolidated_events",
        "doc_clusters",
        "doc_signatures",
    ):
        conn.execute(f"DELETE FROM {table}")
