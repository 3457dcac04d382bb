"""Nomination commands (đề nghị khen thưởng): draft → documents → submit → receive →
appraise → council vote → forward up | reject; return for correction and resubmit.

Every step after the draft is authorised on the nomination's proposing unit: the caller's
subtree must hold it (the province officer above a district may process its dossiers).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from litestar import Controller, Request, Response, post
from litestar.datastructures import State

from api.auth.principal import Principal
from api.rest.commanding import Body, CommandReply, authorize_unit, command_context, reply, write_tenant
from domain.nomination import Nomination
from services import nominations
from services.unit_of_work import load


class DraftNomination(Body):
    plan_id: UUID
    nominee_kind: str
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
    async def draft(self, request: Request, state: State, principal: Principal,
                    data: DraftNomination) -> Response[CommandReply]:
        tenant = write_tenant(principal)
        await authorize_unit(state.platform, principal, data.proposing_unit_id)
        fields = {f: getattr(data, f) for f in data.__struct_fields__}
        return reply(await nominations.draft_nomination(
            state.platform, tenant, command_context(request, principal), **fields))

    @post("/{nomination_id:uuid}/documents", summary="Attach a dossier document")
    async def attach(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                     data: AttachDocument) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.attach_document(state.platform, tenant, ctx, nomination_id, kind=data.kind,
                                                       copies=data.copies, expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/submit", summary="Submit the dossier (DOSSIER_INCOMPLETE without its documents)")
    async def submit(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                     data: OnDay) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.submit(state.platform, tenant, ctx, nomination_id, on=data.on,
                                              expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/resubmit", summary="Resubmit a dossier returned for correction")
    async def resubmit(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                       data: OnDay) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.resubmit(state.platform, tenant, ctx, nomination_id, on=data.on,
                                                expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/return", summary="Return the dossier for correction")
    async def return_(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                      data: WithReason) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.return_for_correction(
            state.platform, tenant, ctx, nomination_id, reason=data.reason, on=data.on,
            expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/receive", summary="Receive a submitted dossier")
    async def receive(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                      data: OnDay) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.receive(state.platform, tenant, ctx, nomination_id, on=data.on,
                                               expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/appraise", summary="Appraise a received dossier")
    async def appraise(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                       data: Appraise) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.appraise(state.platform, tenant, ctx, nomination_id, on=data.on,
                                                note=data.note, expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/council-vote", summary="Record the emulation council's vote")
    async def council_vote(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                           data: CouncilVote) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.record_council_vote(
            state.platform, tenant, ctx, nomination_id, on=data.on, present=data.present,
            votes_for=data.votes_for, votes_against=data.votes_against, expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/forward", summary="Forward the nomination to a higher level")
    async def forward(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                      data: Forward) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.forward_up(state.platform, tenant, ctx, nomination_id, on=data.on,
                                                  to_unit_id=data.to_unit_id,
                                                  expected_version=data.expected_version))

    @post("/{nomination_id:uuid}/reject", summary="Reject the nomination")
    async def reject(self, request: Request, state: State, principal: Principal, nomination_id: UUID,
                     data: WithReason) -> Response[CommandReply]:
        tenant, ctx = await _authorize(request, state, principal, nomination_id)
        return reply(await nominations.reject(state.platform, tenant, ctx, nomination_id, reason=data.reason,
                                              on=data.on, expected_version=data.expected_version))


async def authorize_nomination(state: State, principal: Principal, nomination_id: UUID) -> str:
    """The caller's tenant, once its subtree holds the proposing unit (NOT_FOUND in another tenant)."""
    tenant = write_tenant(principal)
    nomination = await load(state.platform, tenant, nomination_id, Nomination)
    await authorize_unit(state.platform, principal, nomination.proposing_unit_id)
    return tenant


async def _authorize(request: Request, state: State, principal: Principal, nomination_id: UUID):
    tenant = await authorize_nomination(state, principal, nomination_id)
    return tenant, command_context(request, principal)
