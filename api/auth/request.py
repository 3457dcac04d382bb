"""The caller of an HTTP request, as a Litestar dependency (REST) or on demand (GraphQL)."""

from __future__ import annotations

from litestar import Request

from services.auth.principal import Principal
from services.auth.tokens import bearer_token, verify_token


def authenticate(secret: str, authorization: str | None) -> Principal:
    return verify_token(secret, bearer_token(authorization))


async def provide_principal(request: Request) -> Principal:
    """Raises UNAUTHENTICATED (401) before the handler runs when the token is not valid."""
    return authenticate(request.app.state.settings.auth.jwt_secret, request.headers.get("authorization"))
