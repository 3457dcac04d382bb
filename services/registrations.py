"""Registrations (đăng ký thi đua): one per unit and phase; a duplicate is refused even when
two requests race, because both write version 1 of the same deterministic stream."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Iterable
from uuid import UUID

from domain.errors import Duplicate
from domain.ids import registration_id
from domain.plan import Plan
from domain.registration import Registration, Target, register
from infra.platform import Platform
from services.commands import load, load_or_none, run_command, update
from services.context import CommandContext, CommandResult
from services.scope import check_reach, in_scope
from tenants.org_reader import load_timeline


async def register_unit(platform: Platform, tenant: str, ctx: CommandContext, *, plan_id: UUID,
                        unit_id: UUID, phase: str, targets: Iterable[Target], on: date,
                        work_items: Iterable[str] = (), initiatives: Iterable[str] = ()) -> CommandResult:
    """Register `unit_id` for `phase` ("" for a plan without phases) on day `on`.

    Refusals: FORBIDDEN (outside the caller's subtree), OUT_OF_SCOPE, DEADLINE_PASSED (policy
    'refuse'), INVALID_TRANSITION (plan not running), DUPLICATE (already registered for that
    phase, also when two race), BAD_INPUT.
    """
    async def decide() -> Registration:
        timeline = await load_timeline(platform, tenant)
        await check_reach(platform, tenant, ctx, unit_id, day=on, timeline=timeline)
        plan = await load(platform, tenant, plan_id, Plan)
        return register(plan, unit_id, in_scope(timeline, plan, unit_id, on), phase, list(targets),
                        work_items, initiatives, on=on)
    return await run_command(platform, tenant, ctx, "register_unit", decide, on_conflict=lambda: _duplicate(phase))


async def record_result(platform: Platform, tenant: str, ctx: CommandContext, registration_id: UUID, *,
                        indicator: str, achieved: int | Decimal, on: date,
                        expected_version: int | None = None) -> CommandResult:
    """The achieved amount for one registered target (from a report or the final tally)."""
    async def change(registration: Registration) -> None:
        registration.record_result(indicator, achieved, on)
    return await update(platform, tenant, ctx, "record_result", Registration, registration_id, expected_version,
                        change, unit_of=lambda registration: registration.unit_id)


async def get_registration(platform: Platform, tenant: str, *, plan_id: UUID, phase: str,
                           unit_id: UUID) -> Registration | None:
    return await load_or_none(platform, tenant, registration_id(tenant, plan_id, phase, unit_id), Registration)


def _duplicate(phase: str) -> Duplicate:
    return Duplicate(f"the unit is already registered for phase {phase!r}", rule="registration.once_per_phase",
                     message_vi="Đơn vị đã đăng ký thi đua cho đợt này")
