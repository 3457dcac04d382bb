"""The caller of an HTTP request, as a Litestar dependency (REST) or on demand (GraphQL).

Three ways in: `Authorization: Bearer <JWT>` (development tokens, `thidua token`),
`Authorization: Bearer tdp.…` (a personal API token), or the session cookie of a signed-in
user. A cookie is sent by the browser on its own, so a state-changing request made with it
must also carry the session's CSRF token (`X-CSRF-Token` header or `_csrf` form field).
"""

from __future__ import annotations

import hmac

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.datastructures import State

from api.auth.cookies import session_cookie_name
from services.accounts.personal_tokens import token_principal
from services.accounts.signin import session_principal
from services.auth.hashed_secrets import PERSONAL_TOKEN_PREFIX
from services.auth.principal import Principal
from services.auth.tokens import bearer_token, verify_token
from services.errors import Forbidden, Unauthenticated

CSRF_HEADER, CSRF_FIELD = "X-CSRF-Token", "_csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def caller(connection: ASGIConnection) -> Principal:
    """UNAUTHENTICATED without valid credentials; FORBIDDEN for a cookie post without CSRF token."""
    state = connection.app.state
    authorization = connection.headers.get("authorization")
    if authorization:
        return await authorized(state, authorization)
    cookie = connection.cookies.get(session_cookie_name(state.settings.accounts))
    if not cookie:
        raise Unauthenticated("missing bearer token or session cookie")
    principal, csrf = await session_principal(state.platform, cookie)
    if isinstance(connection, Request) and connection.method not in SAFE_METHODS:
        await _check_csrf(connection, csrf)
    return principal


async def authorized(state: State, authorization: str) -> Principal:
    """The caller of an `Authorization` value: a header, or a WebSocket's connection_init payload."""
    token = bearer_token(authorization)
    if token.startswith(PERSONAL_TOKEN_PREFIX + "."):
        return await token_principal(state.platform, token)
    return verify_token(state.settings.auth.jwt_secret, token)


async def _check_csrf(request: Request, expected: str) -> None:
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.content_type[0] in _FORMS:
        sent = (await request.form()).get(CSRF_FIELD)
    if not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise Forbidden(f"a form post with a session needs the session's CSRF token ({CSRF_HEADER})")


async def provide_principal(request: Request) -> Principal:
    """Raises before the handler runs when the caller is not authenticated."""
    return await caller(request)
