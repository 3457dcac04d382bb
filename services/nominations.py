"""Nominations (đề nghị khen thưởng): draft → documents → submit → return/receive →
appraise → council vote → forward up | reject. Decisions are in services.awards."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.nomination import Nomination
from domain.nomination import draft_nomination as domain_draft
from domain.plan import Plan
from infra.platform import Platform
from services.commands import load, run_command, update
from services.context import CommandContext, CommandResult
from services.scope import check_reach
from tenants.org_reader import load_timeline


async def draft_nomination(platform: Platform, tenant: str, ctx: CommandContext, *, plan_id: UUID,
                           nominee_kind: str, nominee_id: UUID, award_form: str, phase: str,
                           proposing_unit_id: UUID, nominee_name: str | None = None,
                           nominee_enterprise: bool | None = None) -> CommandResult:
    """For a collective that is a unit of this tenant, the name and enterprise flag default
    to the unit's own. Refusals: FORBIDDEN (proposing unit outside the caller's subtree),
    NOMINEE_KIND_NOT_ALLOWED (seed 001: collectives only), BAD_INPUT."""
    async def decide() -> Nomination:
        timeline = await load_timeline(platform, tenant)
        await check_reach(platform, tenant, ctx, proposing_unit_id, timeline=timeline)
        plan = await load(platform, tenant, plan_id, Plan)
        name, enterprise = nominee_name, nominee_enterprise
        if nominee_kind == "collective" and nominee_id in timeline:
            unit = timeline.history(nominee_id)
            name = name or unit.names.on(unit.last_day())
            enterprise = unit.enterprise if enterprise is None else enterprise
        return domain_draft(plan, nominee_kind=nominee_kind, nominee_id=nominee_id, nominee_name=name or "",
                            award_form=award_form, phase=phase, proposing_unit_id=proposing_unit_id,
                            nominee_enterprise=bool(enterprise))
    return await run_command(platform, tenant, ctx, "draft_nomination", decide)


async def attach_document(platform, tenant, ctx, nomination_id: UUID, *, kind: str, copies: int = 1,
                          expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "attach_document",
                       lambda n, _: n.attach_document(kind, copies))


async def submit(platform, tenant, ctx, nomination_id: UUID, *, on: date,
                 expected_version: int | None = None) -> CommandResult:
    """DOSSIER_INCOMPLETE without the plan's documents; marked late after the dossier deadline."""
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "submit_nomination",
                       lambda n, plan: n.submit(plan, on), needs_plan=True)


async def resubmit(platform, tenant, ctx, nomination_id: UUID, *, on: date,
                   expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "resubmit_nomination",
                       lambda n, plan: n.resubmit(plan, on), needs_plan=True)


async def return_for_correction(platform, tenant, ctx, nomination_id: UUID, *, reason: str, on: date,
                                expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "return_nomination",
                       lambda n, _: n.return_for_correction(reason, on))


async def receive(platform, tenant, ctx, nomination_id: UUID, *, on: date,
                  expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "receive_nomination",
                       lambda n, _: n.receive(on))


async def appraise(platform, tenant, ctx, nomination_id: UUID, *, on: date, note: str = "",
                   expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "appraise_nomination",
                       lambda n, _: n.appraise(on, note))


async def record_council_vote(platform, tenant, ctx, nomination_id: UUID, *, on: date, present: int,
                              votes_for: int, votes_against: int,
                              expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "record_council_vote",
                       lambda n, _: n.record_council_vote(on, present, votes_for, votes_against))


async def forward_up(platform, tenant, ctx, nomination_id: UUID, *, on: date, to_unit_id: UUID,
                     expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "forward_nomination",
                       lambda n, _: n.forward_up(on, to_unit_id))


async def reject(platform, tenant, ctx, nomination_id: UUID, *, reason: str, on: date,
                 expected_version: int | None = None) -> CommandResult:
    return await _step(platform, tenant, ctx, nomination_id, expected_version, "reject_nomination",
                       lambda n, _: n.reject(reason, on))


async def _step(platform: Platform, tenant: str, ctx: CommandContext, nomination_id: UUID,
                expected_version: int | None, name: str, action, needs_plan: bool = False) -> CommandResult:
    """A step of an existing nomination, by a caller whose subtree holds the proposing unit."""
    async def change(nomination: Nomination) -> None:
        plan = await load(platform, tenant, nomination.plan_id, Plan) if needs_plan else None
        action(nomination, plan)
    return await update(platform, tenant, ctx, name, Nomination, nomination_id, expected_version, change,
                        unit_of=lambda nomination: nomination.proposing_unit_id)
