"""Storage: the SQLite store (the only place SQL is written)."""

from passage.store.sqlite import (
    DocumentRow,
    Store,
    StoredFailure,
    StoreError,
    connect_readonly,
    event_from_row,
    event_key,
)

__all__ = [
    "DocumentRow",
    "Store",
    "StoreError",
    "StoredFailure",
    "connect_readonly",
    "event_from_row",
    "event_key",
]
