"""Signatures, duplicate clusters and what consolidation reads of documents."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from passage.consolidate.records import (
    ClusterRow,
    DocMeta,
    DocSignature,
)
from passage.store.consolidation.common import (
    chunks,
    dict_rows,
    fetch,
    parse_date,
    placeholders,
)


def unsigned_documents(conn: sqlite3.Connection) -> list[str]:
    """Documents that have no signature yet (new since the last consolidation)."""
    cur = conn.execute(
        "SELECT id FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM doc_signatures s WHERE s.doc_id = d.id) ORDER BY rowid"
    )
    return [r[0] for r in cur.fetchall()]


def body_texts(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, str]:
    """Each document's body blocks (captions and clutter left out), one per line."""
    out: dict[str, str] = {}
    for chunk in chunks(doc_ids):
        texts = dict(
            conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({placeholders(len(chunk))})", chunk
            ).fetchall()
        )
        parts: dict[str, list[str]] = {doc_id: [] for doc_id in texts}
        for doc_id, start, end in conn.execute(
            "SELECT doc_id, start_char, end_char FROM blocks WHERE kind = 'body'"
            f" AND doc_id IN ({placeholders(len(chunk))}) ORDER BY doc_id, idx",
            chunk,
        ):
            parts[doc_id].append(texts[doc_id][start:end])
        out.update({doc_id: "\n".join(lines) for doc_id, lines in parts.items()})
    return out


def save_signatures(
    conn: sqlite3.Connection, signatures: Sequence[DocSignature], scheme: str
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO doc_signatures (doc_id, scheme, signature, body_hash, shingles)"
        " VALUES (?,?,?,?,?)",
        [(s.doc_id, scheme, s.hashvalues, s.body_hash, s.shingles) for s in signatures],
    )


def load_signatures(conn: sqlite3.Connection, scheme: str) -> list[DocSignature]:
    """Every stored signature made with ``scheme`` (others are ignored)."""
    cur = conn.execute(
        "SELECT doc_id, signature, body_hash, shingles FROM doc_signatures WHERE scheme = ?"
        " ORDER BY doc_id",
        (scheme,),
    )
    return [DocSignature(r[0], r[1], r[2], r[3]) for r in cur.fetchall()]


def signed_documents(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM doc_signatures").fetchone()[0]


def stale_signatures(conn: sqlite3.Connection, scheme: str) -> int:
    """Signatures made with another scheme (a rebuild is needed to compare them)."""
    return conn.execute(
        "SELECT COUNT(*) FROM doc_signatures WHERE scheme != ?", (scheme,)
    ).fetchone()[0]


def documents_meta(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, DocMeta]:
    out: dict[str, DocMeta] = {}
    for chunk in chunks(doc_ids):
        cur = conn.execute(
            "SELECT d.rowid AS n, d.id, d.published, d.url, d.title, d.version_key,"
            " (SELECT path FROM document_sources s WHERE s.doc_id = d.id"
            "  ORDER BY path, record LIMIT 1) AS path"
            f" FROM documents d WHERE d.id IN ({placeholders(len(chunk))})",
            chunk,
        )
        for r in dict_rows(cur):
            host = urlsplit(r["url"]).hostname if r["url"] else None
            out[r["id"]] = DocMeta(
                id=r["id"],
                published=parse_date(r["published"]),
                url=r["url"],
                title=r["title"],
                version_key=r["version_key"],
                order=r["n"],
                outlet=host.removeprefix("www.") if host else r["path"],
            )
    return out


_CLUSTER_ROW = "SELECT doc_id, cluster_id, similarity, relation FROM doc_clusters"


def cluster_rows(
    conn: sqlite3.Connection, doc_ids: Iterable[str] | None = None
) -> dict[str, ClusterRow]:
    """Documents' cluster rows (all when ``doc_ids`` is None), by document id."""
    if doc_ids is None:
        return {r[0]: ClusterRow(*r) for r in conn.execute(_CLUSTER_ROW)}
    rows = fetch(conn, _CLUSTER_ROW + " WHERE doc_id IN ({marks})", doc_ids)
    return {r[0]: ClusterRow(*r) for r in rows}


def cluster_members(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> list[ClusterRow]:
    rows = fetch(conn, _CLUSTER_ROW + " WHERE cluster_id IN ({marks})", cluster_ids)
    return sorted((ClusterRow(*r) for r in rows), key=lambda r: (r.cluster_id, r.doc_id))


def save_clusters(conn: sqlite3.Connection, rows: Sequence[ClusterRow]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO doc_clusters (doc_id, cluster_id, similarity, relation)"
        " VALUES (?,?,?,?)",
        [(r.doc_id, r.cluster_id, r.similarity, r.relation) for r in rows],
    )
