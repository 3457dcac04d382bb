"""Per-request GraphQL context: the platform and the caller.

The caller is resolved before the resolvers run (a session or personal token needs the
database), but an unauthenticated request fails only when a resolver asks for `principal()`,
so that GraphiQL (dev mode) loads without a token.
"""

from __future__ import annotations

from typing import Any

import strawberry
from litestar.connection import ASGIConnection
from strawberry.litestar import BaseContext

from api.auth.request import caller
from infra.errors import CodedError
from services.auth.principal import Principal


class GraphQLContext(BaseContext, kw_only=True):
    platform: Any
    caller: Principal | None = None
    refusal: CodedError | None = None
    live: Any = None
    """The process's live rollups (api/graphql/subscriptions_hub.py), for subscriptions."""
    connection_params: dict[str, Any] | None = None
    """A WebSocket's connection_init payload (Strawberry sets it; may carry `Authorization`)."""

    def principal(self) -> Principal:
        if self.caller is None:
            raise self.refusal
        return self.caller


async def context_getter(request: ASGIConnection) -> GraphQLContext:
    # Strawberry runs this for HTTP requests and for WebSocket connections alike.
    try:
        principal, refusal = await caller(request), None
    except CodedError as exc:
        principal, refusal = None, exc
    return GraphQLContext(platform=request.app.state.platform, caller=principal, refusal=refusal,
                          live=request.app.state.get("live_rollups"))


Info = strawberry.Info[GraphQLContext, None]
