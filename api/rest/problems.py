"""Exception handlers: every error leaving the app is rendered from a `PublicError`.

REST answers RFC 9457 problem details (`application/problem+json`). A request to the
GraphQL path that fails before execution (body too large, bad JSON, no token) answers in
GraphQL's shape instead, so GraphQL clients can read `errors[0].extensions.code`.
"""

from __future__ import annotations

from litestar import Request, Response
from litestar.exceptions import HTTPException

from api.error_log import log_refusal
from api.errors import CODES, PublicError, public, to_public
from api.rest.openapi import PROBLEM_JSON

GRAPHQL_PATH = "/graphql"
_CODE_BY_STATUS: dict[int, str] = {}
for _code, (_status, _, _) in CODES.items():
    _CODE_BY_STATUS.setdefault(_status, _code)  # the first code of a status is its general one
_CODE_BY_STATUS[422] = "BAD_INPUT"


def from_http_exception(exc: HTTPException) -> PublicError:
    """Litestar's own errors (validation, 404 route, 405, 413): status → code."""
    code = _CODE_BY_STATUS.get(exc.status_code, "BAD_INPUT" if exc.status_code < 500 else "INTERNAL")
    detail = exc.detail if code == "BAD_INPUT" and exc.detail else None
    return public(code, detail)


def render(request: Request, error: PublicError, extra: dict | None = None) -> Response:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after is not None else {}
    if request.url.path.rstrip("/") == GRAPHQL_PATH:
        body = {"data": None, "errors": [{"message": error.message_en, "extensions": error.extensions()}]}
        return Response(body, status_code=error.status, headers=headers, media_type="application/json")
    problem = {
        "type": f"urn:thidua:problem:{error.code.lower()}", "title": error.title, "status": error.status,
        "detail": error.message_en, "code": error.code, "message_vi": error.message_vi,
        "instance": request.url.path, **({"rule": error.rule} if error.rule else {}), **(extra or {}),
    }
    return Response(problem, status_code=error.status, headers=headers, media_type=PROBLEM_JSON)


def http_exception_handler(request: Request, exc: HTTPException) -> Response:
    extra = {"invalid_params": exc.extra} if exc.status_code == 400 and isinstance(exc.extra, list) else None
    error = from_http_exception(exc)
    log_refusal(error, method=request.method, path=request.url.path)
    response = render(request, error, extra)
    allow = {k.lower(): v for k, v in (exc.headers or {}).items()}.get("allow")
    if allow:  # a 405 names the methods the path does take (RFC 9110)
        response.headers["Allow"] = allow
    return response


def exception_handler(request: Request, exc: Exception) -> Response:
    error = to_public(exc)
    log_refusal(error, method=request.method, path=request.url.path)
    return render(request, error)


EXCEPTION_HANDLERS = {HTTPException: http_exception_handler, Exception: exception_handler}
