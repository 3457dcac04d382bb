"""Personal API tokens of the signed-in user: issue (the token is shown once) and revoke."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, delete, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.rest.commanding import Body, CommandReply, command_context
from services.accounts import personal_tokens
from services.auth.principal import Principal


class IssueToken(Body):
    name: str
    scopes: list[str]
    days: int = 90


class TokenReply(msgspec.Struct):
    token_id: UUID
    token: str
    """Shown this once; send it as `Authorization: Bearer <token>`."""
    expires_at: datetime
    scopes: list[str]


class PersonalTokenCommands(Controller):
    path = "/account/tokens"
    tags = ["sign-in"]

    @post("/", summary="Issue a personal API token (from a signed-in session)")
    async def issue(self, request: Request, state: State, principal: NamedDependency[Principal],
                    data: JSONBody[IssueToken]) -> Response[TokenReply]:
        issued = await personal_tokens.issue_token(state.platform, command_context(request, principal), principal,
                                                   name=data.name, scopes=data.scopes, days=data.days)
        return Response(TokenReply(issued.token_id, issued.token, issued.expires_at, sorted(set(data.scopes))),
                        status_code=HTTP_201_CREATED)

    @delete("/{token_id:uuid}", summary="Revoke one of your personal tokens", status_code=HTTP_200_OK)
    async def revoke(self, request: Request, state: State, principal: NamedDependency[Principal],
                     token_id: FromPath[UUID]) -> Response[CommandReply]:
        done = await personal_tokens.revoke_token(state.platform, command_context(request, principal), principal,
                                                  token_id)
        return Response(CommandReply(done.id, done.version, done.position, done.replayed), status_code=HTTP_200_OK)
