"""The web application: the REST API under /api/v1, its schema, and the dashboard at /.

Everything is served from the package, so it works offline: the dashboard's
assets live in ``passage/web`` and /docs is a small built-in page that reads
/openapi.json (FastAPI's default /docs would load Swagger UI from a CDN).
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from passage import __version__
from passage.api import aggregates, consolidated, documents, events, exports
from passage.api.filters import FilterError
from passage.api.schemas import ErrorPublic
from passage.store import StoreError

API_PREFIX = "/api/v1"
WEB_DIR = Path(__file__).resolve().parent.parent / "web"

log = logging.getLogger(__name__)

ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorPublic, "description": "a filter value that cannot be used"},
    404: {"model": ErrorPublic, "description": "no such event, consolidated event or document"},
    422: {"model": ErrorPublic, "description": "a parameter of the wrong type or out of range"},
    503: {"model": ErrorPublic, "description": "the database is missing"},
}


def _error(status: int, error: str, message: str, param: str | None = None) -> JSONResponse:
    body = ErrorPublic(error=error, param=param, message=message)
    return JSONResponse(status_code=status, content=body.model_dump())


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError) -> JSONResponse:
        return _error(400, "bad_parameter", exc.message, exc.param)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path")]
        param = loc[-1] if loc else None
        message = str(first.get("msg", "invalid request"))
        return _error(422, "bad_parameter", message, param)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        kind = "not_found" if exc.status_code == 404 else "http_error"
        response = _error(exc.status_code, kind, str(exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(StoreError)
    async def no_database(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, "no_database", str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _error(500, "internal_error", f"{type(exc).__name__}: see the server log")


def create_app(db_path: str | Path) -> FastAPI:
    """The Passage web application over the SQLite database at ``db_path``."""
    app = FastAPI(
        title="Passage",
        version=__version__,
        description="Migration-enforcement events from news reports, each with its evidence.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = Path(db_path)
    _install_error_handlers(app)
    for module in (events, consolidated, documents, aggregates, exports):
        app.include_router(module.router, prefix=API_PREFIX, responses=ERROR_RESPONSES)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(WEB_DIR / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(WEB_DIR / "apidocs.html")

    return app
