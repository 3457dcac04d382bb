"""Award decisions as documents: one decision names many recipients and takes its number
from the issuer's register (gap-free per issuer and year, safe under concurrent deciders)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody

from api.auth.policy import Access, scope_tenant
from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from domain.decision import AwardDecision
from services import decisions
from services.auth.principal import Principal


class IssueDecision(Body):
    issuer_unit_id: UUID
    nomination_ids: list[UUID]
    symbol: str  # the document symbol after the number, e.g. "QĐ-LĐLĐ"
    decided_on: date
    signer: str
    authority: str
    title: str = ""
    enterprise_waiting: int = 0  # enterprise unions still waiting for a priority slot
    under_discipline: list[UUID] = []  # recipients under discipline or investigation


class RevokedRecipient(msgspec.Struct):
    nomination_id: UUID
    reason: str
    on: date


class DecisionView(msgspec.Struct):
    id: UUID
    number: str
    sequence: int
    issuer_unit_id: UUID
    decided_on: date
    signer: str
    authority: str
    title: str
    recipients: list[UUID]
    revoked: list[RevokedRecipient]


class DecisionCommands(Controller):
    path = "/decisions"
    tags = ["awards"]

    @post("/", summary="Issue an award decision for many nominations; its number comes from the "
                       "issuer's register (all recipients decided, or none)")
    async def issue(self, request: Request, state: State, principal: NamedDependency[Principal],
                    data: JSONBody[IssueDecision]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await decisions.issue_decision(
            state.platform, tenant, command_context(request, principal), **msgspec.structs.asdict(data)))

    @get("/{decision_id:uuid}", summary="An award decision: its number, recipients and revocations")
    async def show(self, state: State, principal: NamedDependency[Principal],
                   decision_id: FromPath[UUID]) -> DecisionView:
        tenant = scope_tenant(principal, Access.TENANT_DATA)
        return _view(await decisions.get_decision(state.platform, tenant, decision_id))

    @get("/", summary="The issuer's register for a year: its decisions in number order")
    async def register(self, state: State, principal: NamedDependency[Principal],
                       issuer_unit_id: FromQuery[UUID], year: FromQuery[int]) -> list[DecisionView]:
        tenant = scope_tenant(principal, Access.TENANT_DATA)
        return [_view(d) for d in await decisions.register_of(state.platform, tenant, issuer_unit_id, year)]


def _view(d: AwardDecision) -> DecisionView:
    revoked = [RevokedRecipient(UUID(hex=h), r["reason"], r["on"]) for h, r in d.revoked.items()]
    return DecisionView(d.id, d.number, d.sequence, d.issuer_unit_id, d.decided_on, d.signer,
                        d.authority, d.title, list(d.recipients), revoked)
