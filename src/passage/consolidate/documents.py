"""Duplicate documents: syndicated copies, republished stories, updated versions.

Each document's clean body is signed once (MinHash over word 5-grams) and the
signature stored. A consolidation run rebuilds the LSH index from the stored
signatures, queries it with the new documents only, and links every pair whose
estimated similarity reaches ``DUPLICATE_THRESHOLD``. Clusters are the connected
groups of such links, so adding documents only ever joins clusters: the result
equals a rebuild from scratch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from passage.consolidate.records import ClusterRow, DocMeta, DocSignature
from passage.consolidate.signatures import (
    DUPLICATE_THRESHOLD,
    SCHEME_NAME,
    candidates,
    lsh_index,
    signature,
    similarity,
)
from passage.store import consolidation as sql


@dataclass
class ClusterUpdate:
    """What signing and clustering new documents changed."""

    new_documents: int = 0
    changed_docs: set[str] = field(default_factory=set)  # every document of a changed cluster
    changed_clusters: set[str] = field(default_factory=set)  # their cluster ids, after the change


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values()]


def sign_new_documents(conn: sqlite3.Connection) -> list[DocSignature]:
    """Sign (and store the signatures of) documents not signed yet."""
    new = sql.unsigned_documents(conn)
    bodies = sql.body_texts(conn, new)
    signatures = [signature(doc_id, bodies.get(doc_id, "")) for doc_id in new]
    sql.save_signatures(conn, signatures, SCHEME_NAME)
    return signatures


def update_clusters(conn: sqlite3.Connection, new: list[DocSignature]) -> ClusterUpdate:
    """Link new documents to their near-duplicates and store the changed clusters."""
    update = ClusterUpdate(new_documents=len(new))
    if not new:
        return update
    stored = sql.load_signatures(conn, SCHEME_NAME)
    by_id = {s.doc_id: s for s in stored}
    lsh = lsh_index(stored)
    old = sql.cluster_rows(conn)
    links = _UnionFind()
    touched: set[str] = set()  # old clusters a new document joins
    for sig in new:
        links.find(sig.doc_id)
        for other in candidates(lsh, sig):
            if other == sig.doc_id:
                continue
            if similarity(sig.hashvalues, by_id[other].hashvalues) >= DUPLICATE_THRESHOLD:
                links.union(sig.doc_id, other)
                if other in old:
                    touched.add(old[other].cluster_id)
    for row in sql.cluster_members(conn, touched):
        links.union(row.doc_id, row.cluster_id)
    groups = links.groups()
    metas = sql.documents_meta(conn, [d for g in groups for d in g])
    rows = [row for g in groups for row in cluster_rows(g, metas, by_id)]
    sql.save_clusters(conn, rows)
    update.changed_docs = {r.doc_id for r in rows}
    update.changed_clusters = {r.cluster_id for r in rows}
    return update


def representative(doc_ids: Iterable[str], metas: dict[str, DocMeta]) -> str:
    """The first published document of a cluster (undated ones last; then by id)."""
    return min(
        doc_ids, key=lambda d: (metas[d].published is None, metas[d].published or date.min, d)
    )


def cluster_rows(
    doc_ids: list[str], metas: dict[str, DocMeta], signatures: dict[str, DocSignature]
) -> list[ClusterRow]:
    """The rows of one cluster: each document's similarity and relation to the representative.

    ``same``: the same body text; ``version``: another text under the same url (or
    input record), an update of the article; ``copy``: a near-duplicate elsewhere.
    """
    rep = representative(doc_ids, metas)
    rows = []
    for doc_id in doc_ids:
        sig, rep_sig = signatures[doc_id], signatures[rep]
        if doc_id == rep or sig.body_hash == rep_sig.body_hash:
            relation, sim = "same", 1.0
        else:
            same_article = metas[doc_id].version_key == metas[rep].version_key
            relation = "version" if same_article else "copy"
            sim = similarity(sig.hashvalues, rep_sig.hashvalues)
        rows.append(ClusterRow(doc_id, rep, round(sim, 4), relation))
    return rows
