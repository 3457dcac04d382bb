"""Award commands: decide (takes a quota slot), revoke (gives it back), open a quota ledger.

A decision is authorised like the nomination's other steps (the caller's subtree holds the
proposing unit); whether that level may sign this form is the domain's AUTHORITY_NOT_ALLOWED.
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.vocabulary import Authority
from services import awards
from services.auth.principal import Principal


class DecideAward(Body):
    decision_number: str
    decided_on: date
    signer: str
    authority: Authority
    enterprise_waiting: int = 0  # enterprise unions still waiting for a priority slot
    under_discipline: bool = False
    expected_version: int | None = None


class RevokeAward(Body):
    reason: str
    on: date
    expected_version: int | None = None


class OpenQuota(Body):
    plan_id: UUID
    pool: str
    nominating_unit_id: UUID
    registered_collectives: int | None = None  # default: the units registered for the plan
    cap: int | None = None


class AwardCommands(Controller):
    path = "/nominations"
    tags = ["awards"]

    @post("/{nomination_id:uuid}/award",
          summary="Decide the award (QUOTA_EXCEEDED when the pool is used up; quota-safe under concurrency)")
    async def decide(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: JSONBody[DecideAward]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await awards.decide_award(
            state.platform, tenant, command_context(request, principal), nomination_id,
            decision_number=data.decision_number, decided_on=data.decided_on, signer=data.signer,
            authority=data.authority, enterprise_waiting=data.enterprise_waiting,
            under_discipline=data.under_discipline, expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/revoke", summary="Revoke a decided award; its quota slot is freed")
    async def revoke(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: JSONBody[RevokeAward]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await awards.revoke_award(state.platform, tenant, command_context(request, principal),
                                               nomination_id, reason=data.reason, on=data.on,
                                               expected_version=data.expected_version))


class QuotaCommands(Controller):
    path = "/quotas"
    tags = ["awards"]

    @post("/", summary="Open a quota ledger of a plan's pool for a nominating unit (DUPLICATE if open)")
    async def open_quota(self, request: Request, state: State, principal: NamedDependency[Principal],
                         data: JSONBody[OpenQuota]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await awards.open_quota(
            state.platform, tenant, command_context(request, principal), plan_id=data.plan_id, pool=data.pool,
            nominating_unit_id=data.nominating_unit_id, registered_collectives=data.registered_collectives,
            cap=data.cap))
