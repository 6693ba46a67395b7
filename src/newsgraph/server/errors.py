"""The API's one error shape, ``{"error": {status, code, message, parameter}}``, and the
handlers that turn every failure (bad parameter, unknown record, unknown route, a bug)
into it, so a client parses one shape and a malformed request never becomes a 500."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from newsgraph.errors import NotFound

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_parameter",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    422: "bad_parameter",
}


class ApiError(Exception):
    """A failure the client should see as is."""

    def __init__(self, status: int, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def error_response(
    status: int,
    message: str,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    code = _CODES.get(status, "bad_request" if status < 500 else "internal_error")
    body = {"status": status, "code": code, "message": message, "parameter": parameter}
    return JSONResponse({"error": body}, status_code=status, headers=headers)


@contextmanager
def not_found_as(parameter: str) -> Iterator[None]:
    """Blame ``parameter`` when a filter names a record that does not exist."""
    try:
        yield
    except NotFound as exc:
        raise ApiError(404, f"{parameter}: {exc}", parameter) from None


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        location = [str(part) for part in first.get("loc", ())]
        parameter = location[1] if len(location) > 1 else None
        message = f"{parameter}: {first['msg']}" if parameter else str(first["msg"])
        return error_response(422, message, parameter)

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), None, exc.headers)

    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.parameter)

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, str(exc))

    @app.exception_handler(Exception)
    async def internal(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error", exc_info=exc)
        return error_response(500, "internal error; see the server log")
