"""Per-request GraphQL context: the platform and the caller, authenticated on first use.

Authentication is lazy so that GraphiQL (dev mode) loads without a token; every resolver
that touches data calls `principal()`, which raises UNAUTHENTICATED (HTTP 401).
"""

from __future__ import annotations

from typing import Any

import strawberry
from litestar.connection import ASGIConnection
from strawberry.litestar import BaseContext

from api.auth.request import authenticate
from services.auth.principal import Principal


class GraphQLContext(BaseContext, kw_only=True):
    platform: Any
    jwt_secret: str
    authorization: str | None = None

    def principal(self) -> Principal:
        return authenticate(self.jwt_secret, self.authorization)


async def context_getter(request: ASGIConnection) -> GraphQLContext:
    # Strawberry runs this for HTTP requests and for WebSocket connections alike.
    state = request.app.state
    return GraphQLContext(platform=state.platform, jwt_secret=state.settings.auth.jwt_secret,
                          authorization=request.headers.get("authorization"))


Info = strawberry.Info[GraphQLContext, None]
