"""Who is reading a page: the signed-in person, or a redirect to the sign-in page.

Pages use the same caller as the API (`api/auth/request.caller`: session cookie, and its
CSRF token on every post), so a disabled account is refused on its next click.
"""

from __future__ import annotations

from urllib.parse import quote

from litestar import Request

from api.auth.request import caller
from projections import queries
from services.auth.principal import Principal, Role
from services.errors import Unauthenticated

SIGN_IN_PATH = "/sign-in"


class SignInRequired(Exception):
    """Not signed in (or the session ended): send the reader to sign in, then back here."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


async def signed_in(request: Request) -> Principal:
    """The reader; an officer's unit level is kept on the request for the menu (navigation)."""
    try:
        reader = await caller(request)
    except Unauthenticated:
        raise SignInRequired(_here(request)) from None
    if reader.unit is not None and reader.has(Role.OFFICER):
        own = await queries.unit(request.app.state.platform.db, reader.unit, scope=reader.tenant)
        request.state.unit_level = own["level"] if own else None
    return reader


def unit_level(request: Request) -> int | None:
    return getattr(request.state, "unit_level", None)


def _here(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def sign_in_url(back_to: str) -> str:
    return f"{SIGN_IN_PATH}?next={quote(back_to, safe='/')}"


def local_path(candidate: str | None, default: str = "/") -> str:
    """Only a path on this site: a `next` of `//evil.example` or `https://...` is not followed."""
    if candidate and candidate.startswith("/") and not candidate.startswith(("//", "/\\")):
        return candidate
    return default
