"""Account administration: invite a user, change roles, disable and enable, renew an invitation.
A platform administrator acts in any tenant, a tenant administrator in its own."""

from __future__ import annotations

from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from api.rest.commanding import Body, CommandReply, command_context, reply
from domain.accounts import Grant
from services.accounts import administration, invitations
from services.accounts.invitations import Invitation
from services.auth.principal import Principal


class Roles(Body):
    roles: list[str]
    unit: UUID | None = None
    audit_tenants: list[str] = []

    def grant(self) -> Grant:
        return Grant(frozenset(self.roles), self.unit, frozenset(self.audit_tenants))


class InviteUser(Roles, kw_only=True):
    email: str
    tenant: str | None = None
    """Default: the caller's own tenant."""


class ChangeRoles(Roles):
    expected_version: int | None = None


class Disable(Body):
    reason: str = ""
    expected_version: int | None = None


class Enable(Body):
    expected_version: int | None = None


class InvitationReply(msgspec.Struct):
    id: UUID
    version: int
    email: str
    mailed: bool
    replayed: bool
    link: str | None = None
    """Present when no mail could be sent: hand it to the person invited."""


def _invitation(invited: Invitation) -> Response[InvitationReply]:
    r = invited.result
    return Response(InvitationReply(r.id, r.version, invited.email, invited.mailed, r.replayed, invited.link),
                    status_code=HTTP_200_OK if r.replayed else HTTP_201_CREATED)


class AccountRow(msgspec.Struct):
    id: UUID
    email: str
    roles: list[str]
    unit: UUID | None
    audit_tenants: list[str]
    state: str
    version: int


class AccountCommands(Controller):
    path = "/accounts"
    tags = ["accounts"]

    @get("/", summary="The accounts of a tenant (default: the caller's), with roles and state")
    async def accounts(self, state: State, principal: NamedDependency[Principal],
                       tenant: FromQuery[str | None] = None) -> list[AccountRow]:
        views = await administration.list_accounts(state.platform, principal, tenant or principal.tenant)
        return [AccountRow(v.id, v.email, v.roles, v.unit, v.audit_tenants, v.state, v.version) for v in views]

    @post("/", summary="Invite a user into a tenant with roles over a unit's subtree (mails a link)")
    async def invite(self, request: Request, state: State, principal: NamedDependency[Principal],
                     data: JSONBody[InviteUser]) -> Response[InvitationReply]:
        return _invitation(await invitations.invite_user(
            state.platform, command_context(request, principal), principal, tenant=data.tenant or principal.tenant,
            email=data.email, grant=data.grant()))

    @post("/{user_id:uuid}/roles", summary="Replace the roles an account holds")
    async def change_roles(self, request: Request, state: State, principal: NamedDependency[Principal],
                           user_id: FromPath[UUID], data: JSONBody[ChangeRoles]) -> Response[CommandReply]:
        return reply(await administration.change_roles(state.platform, command_context(request, principal),
                                                       principal, user_id, data.grant(), data.expected_version))

    @post("/{user_id:uuid}/disable", summary="Disable an account: its sessions and tokens stop at once")
    async def disable(self, request: Request, state: State, principal: NamedDependency[Principal],
                      user_id: FromPath[UUID], data: JSONBody[Disable]) -> Response[CommandReply]:
        return reply(await administration.disable_account(state.platform, command_context(request, principal),
                                                          principal, user_id, data.reason, data.expected_version))

    @post("/{user_id:uuid}/enable", summary="Enable a disabled account again")
    async def enable(self, request: Request, state: State, principal: NamedDependency[Principal],
                     user_id: FromPath[UUID], data: JSONBody[Enable]) -> Response[CommandReply]:
        return reply(await administration.enable_account(state.platform, command_context(request, principal),
                                                         principal, user_id, data.expected_version))

    @post("/{user_id:uuid}/invitation", summary="A new invitation link for an account not yet accepted")
    async def renew(self, request: Request, state: State, principal: NamedDependency[Principal],
                    user_id: FromPath[UUID]) -> Response[InvitationReply]:
        return _invitation(await administration.renew_invitation(
            state.platform, command_context(request, principal), principal, user_id))
