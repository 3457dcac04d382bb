"""Errors on a page answer a page: the sign-in form, or an error page in the reader's
language with the same code and status as the API would give (api/errors.py maps them)."""

from __future__ import annotations

from litestar import Request, Response
from litestar.exceptions import HTTPException
from litestar.response import Redirect, Template

from api.error_log import log_refusal
from api.errors import PublicError, to_public
from api.rest.problems import from_http_exception
from api.web.access import SignInRequired, sign_in_url


def _page(request: Request, error: PublicError) -> Response:
    log_refusal(error, method=request.method, path=request.url.path)
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after is not None else {}
    return Template("error.html", context={"error": error}, status_code=error.status, headers=headers)


def sign_in_redirect(request: Request, exc: SignInRequired) -> Response:
    if request.headers.get("HX-Request"):  # htmx follows no 303 into a full page: tell it to navigate
        return Response(None, status_code=204, headers={"HX-Redirect": sign_in_url(exc.back_to)})
    return Redirect(sign_in_url(exc.back_to), status_code=303)


def http_error_page(request: Request, exc: HTTPException) -> Response:
    return _page(request, from_http_exception(exc))


def error_page(request: Request, exc: Exception) -> Response:
    return _page(request, to_public(exc))


PAGE_EXCEPTION_HANDLERS = {SignInRequired: sign_in_redirect, HTTPException: http_error_page, Exception: error_page}


def _wants_page(request: Request) -> bool:
    """A browser asking for a page (an unknown path, say), not an API client."""
    if request.url.path.startswith(("/api/", "/graphql", "/schema", "/static/", "/vendor/", "/health")):
        return False
    return "text/html" in request.headers.get("accept", "")


def pages_for_browsers(api_handlers: dict) -> dict:
    """The app-wide handlers: errors outside every route (404, 405) answer a browser with a
    page and an API client with problem details, as before."""
    def choose(api_handler, page_handler):
        return lambda request, exc: (page_handler if _wants_page(request) else api_handler)(request, exc)
    return {HTTPException: choose(api_handlers[HTTPException], http_error_page),
            Exception: choose(api_handlers[Exception], error_page)}
