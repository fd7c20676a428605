"""The SQL of consolidation: signatures, duplicate clusters, consolidated events.

Functions take a connection (the store's, or a read-only one for the API) and
return the named types of :mod:`passage.consolidate.records`. Rows are read by
column name whatever the connection's ``row_factory``.
"""

from passage.store.consolidation.common import clear, write
from passage.store.consolidation.documents import (
    body_texts,
    cluster_members,
    cluster_rows,
    documents_meta,
    load_signatures,
    save_clusters,
    save_signatures,
    signed_documents,
    stale_signatures,
    unsigned_documents,
)
from passage.store.consolidation.events import (
    candidate_clusters,
    changed_event_docs,
    components_of_docs,
    components_of_events,
    delete_components,
    docs_of_components,
    event_docs,
    event_records,
    save_consolidated,
    save_report_blocks,
)
from passage.store.consolidation.reading import (
    ConsolidatedFilters,
    consolidated_event,
    consolidated_events,
    counts,
    member_consolidated_ids,
    members,
)

__all__ = [
    "ConsolidatedFilters",
    "body_texts",
    "candidate_clusters",
    "changed_event_docs",
    "clear",
    "cluster_members",
    "cluster_rows",
    "components_of_docs",
    "components_of_events",
    "consolidated_event",
    "consolidated_events",
    "counts",
    "delete_components",
    "docs_of_components",
    "documents_meta",
    "event_docs",
    "event_records",
    "load_signatures",
    "member_consolidated_ids",
    "members",
    "save_clusters",
    "save_consolidated",
    "save_report_blocks",
    "save_signatures",
    "signed_documents",
    "stale_signatures",
    "unsigned_documents",
    "write",
]
