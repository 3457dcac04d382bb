"""Who is subscribing: a browser cannot set headers on a WebSocket, so a client may send its
credentials in the connection_init payload (`{"Authorization": "Bearer <JWT or tdp.…>"}`, as
GraphiQL and graphql-ws clients do). They take the place of the handshake's own (a bearer
header or the session cookie; Strawberry refuses a handshake from another origin, so a
cookie cannot be used by another site's page). Bad credentials are not a refused connection:
each subscription then answers the coded error (UNAUTHENTICATED), as a query would.
"""

from __future__ import annotations

from api.auth.request import authorized
from api.graphql.context import GraphQLContext
from infra.errors import CodedError
from services.errors import Unauthenticated


async def authorize_connection(context: GraphQLContext) -> None:
    params = context.connection_params or {}
    authorization = params.get("Authorization", params.get("authorization"))
    if authorization is None:
        return  # the handshake's credentials, if any
    try:
        if not isinstance(authorization, str):
            raise Unauthenticated("the Authorization of connection_init is a string")
        context.caller, context.refusal = await authorized(context.websocket.app.state, authorization), None
    except CodedError as exc:
        context.caller, context.refusal = None, exc
