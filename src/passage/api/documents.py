"""GET /documents and /documents/{id}: the stored reports, their text, blocks and events."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from passage.api.deps import ConnDep, PageDep
from passage.api.filters import MAX_TEXT
from passage.api.schemas import (
    DocumentDetailPublic,
    DocumentsPublic,
    document_detail_public,
    document_public,
)
from passage.store import queries

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentsPublic)
def list_documents(
    conn: ConnDep,
    page: PageDep,
    q: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="words in the text, title or url")
    ] = None,
    sort: Annotated[
        Literal["published", "-published", "events", "-events"],
        Query(description="published or events; a leading - sorts descending"),
    ] = "-published",
):
    """Stored documents, newest first, with text search and paging."""
    found = queries.list_documents(
        conn, search=(q or "").strip() or None, sort=sort, limit=page.limit, offset=page.offset
    )
    return DocumentsPublic(
        data=[document_public(d) for d in found.documents],
        count=found.count,
        limit=page.limit,
        offset=page.offset,
    )


@router.get("/{doc_id}", response_model=DocumentDetailPublic)
def get_document(doc_id: str, conn: ConnDep):
    """One document: its full text, its blocks and its events with every span."""
    doc = queries.get_document(conn, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return document_detail_public(doc)
