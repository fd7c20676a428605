"""GET /export: the filtered events as a CSV, JSON Lines or Parquet download."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from passage.api.deps import ConnDep, FiltersDep
from passage.api.events import SortParam
from passage.export import MEDIA_TYPES, export

router = APIRouter(tags=["export"])


@router.get(
    "/export",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
def export_events(
    conn: ConnDep,
    filters: FiltersDep,
    format: Annotated[Literal["csv", "jsonl", "parquet"], Query()] = "csv",
    sort: SortParam = "date",
) -> Response:
    """Every event matching the filters, with evidence, document url and a citation."""
    data = export(conn, filters, format, sort=sort)
    return Response(
        content=data,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="passage-events.{format}"'},
    )
