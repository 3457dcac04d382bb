"""Nomination commands (đề nghị khen thưởng): draft → documents → submit → receive →
appraise → council vote → forward up | reject; return for correction and resubmit.

Every step after the draft is authorised (in the service) on the nomination's proposing unit:
the caller's subtree must hold it (the province officer above a district may process its dossiers).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

import msgspec
from litestar import Controller, Request, Response, post
from litestar.datastructures import State
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from api.rest.commanding import Body, CommandReply, command_context, reply, write_tenant
from api.rest.vocabulary import Subject
from services import nominations
from services.auth.principal import Principal


class DraftNomination(Body):
    plan_id: UUID
    nominee_kind: Subject
    nominee_id: UUID
    award_form: str
    proposing_unit_id: UUID
    phase: str = ""
    nominee_name: str | None = None  # a collective of the tenant: defaults to the unit's name
    nominee_enterprise: bool | None = None


class AttachDocument(Body):
    kind: str
    copies: int = 1
    expected_version: int | None = None


class OnDay(Body):
    on: date
    expected_version: int | None = None


class Appraise(OnDay, kw_only=True):
    note: str = ""


class WithReason(OnDay, kw_only=True):
    reason: str


class CouncilVote(OnDay, kw_only=True):
    present: int
    votes_for: int
    votes_against: int


class Forward(OnDay, kw_only=True):
    to_unit_id: UUID


class NominationCommands(Controller):
    path = "/nominations"
    tags = ["nominations"]

    @post("/", summary="Draft a nomination (Idempotency-Key header honoured)")
    async def draft(self, request: Request, state: State, principal: NamedDependency[Principal],
                    data: JSONBody[DraftNomination]) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        return reply(await nominations.draft_nomination(
            state.platform, tenant, command_context(request, principal), **msgspec.structs.asdict(data)))

    @post("/{nomination_id:uuid}/documents", summary="Attach a dossier document")
    async def attach(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: JSONBody[AttachDocument]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.attach_document, data)

    @post("/{nomination_id:uuid}/submit", summary="Submit the dossier (DOSSIER_INCOMPLETE without its documents)")
    async def submit(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.submit, data)

    @post("/{nomination_id:uuid}/resubmit", summary="Resubmit a dossier returned for correction")
    async def resubmit(self, request: Request, state: State, principal: NamedDependency[Principal],
                       nomination_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.resubmit, data)

    @post("/{nomination_id:uuid}/return", summary="Return the dossier for correction")
    async def return_(self, request: Request, state: State, principal: NamedDependency[Principal],
                      nomination_id: FromPath[UUID], data: JSONBody[WithReason]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.return_for_correction, data)

    @post("/{nomination_id:uuid}/receive", summary="Receive a submitted dossier")
    async def receive(self, request: Request, state: State, principal: NamedDependency[Principal],
                      nomination_id: FromPath[UUID], data: JSONBody[OnDay]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.receive, data)

    @post("/{nomination_id:uuid}/appraise", summary="Appraise a received dossier")
    async def appraise(self, request: Request, state: State, principal: NamedDependency[Principal],
                       nomination_id: FromPath[UUID], data: JSONBody[Appraise]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.appraise, data)

    @post("/{nomination_id:uuid}/council-vote", summary="Record the emulation council's vote")
    async def council_vote(self, request: Request, state: State, principal: NamedDependency[Principal],
                           nomination_id: FromPath[UUID], data: JSONBody[CouncilVote]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.record_council_vote, data)

    @post("/{nomination_id:uuid}/forward", summary="Forward the nomination to a higher level")
    async def forward(self, request: Request, state: State, principal: NamedDependency[Principal],
                      nomination_id: FromPath[UUID], data: JSONBody[Forward]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.forward_up, data)

    @post("/{nomination_id:uuid}/reject", summary="Reject the nomination")
    async def reject(self, request: Request, state: State, principal: NamedDependency[Principal],
                     nomination_id: FromPath[UUID], data: JSONBody[WithReason]) -> Response[CommandReply]:
        return await _step(request, state, principal, nomination_id, nominations.reject, data)


async def _step(request: Request, state: State, principal: Principal, nomination_id: UUID,
                command, data: Body) -> Response[CommandReply]:
    """Run the service step with the body's fields as keywords (it checks the caller's reach)."""
    return reply(await command(state.platform, write_tenant(principal), command_context(request, principal),
                               nomination_id,
                               **msgspec.structs.asdict(data)))
