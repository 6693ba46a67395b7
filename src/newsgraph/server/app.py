"""The web app: the JSON API under /api, the single-page viewer at / and /static/, one
error shape, security headers and the optional bearer token on every response.

``create_app(db_url, token=None)`` builds it; ``newsgraph serve`` runs it with uvicorn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from newsgraph import __version__
from newsgraph.graph import Newsgraph
from newsgraph.server import api, errors
from newsgraph.server.auth import LOOPBACK_NAMES, Guard, is_loopback

STATIC = Path(__file__).resolve().parent / "static"


def _closing(graph: Newsgraph) -> Any:
    """A lifespan that closes the store when the server stops."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        graph.close()

    return lifespan


def create_app(
    db_url: str | Newsgraph | None = None,
    token: str | None = None,
    *,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """The app over the store at ``db_url`` (or an opened :class:`Newsgraph`). With a
    ``token``, every /api request needs ``Authorization: Bearer <token>``.
    ``allowed_hosts`` limits the Host header; by default, without a token, the app only
    answers to loopback names (a defence against DNS rebinding)."""
    graph = db_url if isinstance(db_url, Newsgraph) else Newsgraph(db_url)
    if allowed_hosts is None and token is None:
        allowed_hosts = LOOPBACK_NAMES
    app = FastAPI(
        title="newsgraph",
        version=__version__,
        description="Who did what to whom, who said what, when and where, read from "
        "saved news pages. Every string from an article is untrusted input.",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        lifespan=_closing(graph),
    )
    app.state.graph = graph
    errors.install(app)
    app.include_router(api.router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> Response:
        index = STATIC / "index.html"
        if not index.is_file():
            raise errors.ApiError(404, "the web page is not installed")
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.add_middleware(Guard, token=token, allowed_hosts=allowed_hosts)
    return app


def run(graph: Newsgraph, *, host: str, port: int, token: str | None) -> None:
    """Serve ``graph`` with uvicorn until interrupted. On a loopback address the app only
    answers to loopback host names; elsewhere the token guards it."""
    import uvicorn

    allowed = (LOOPBACK_NAMES | {host.strip("[]").lower()}) if is_loopback(host) else None
    app = create_app(graph, token, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False)
