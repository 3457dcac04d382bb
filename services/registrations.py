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
from infra.errors import ConcurrencyError
from infra.platform import Platform
from services.context import CommandContext, CommandResult
from services.scope import unit_in_scope
from services.unit_of_work import load, load_or_none, replayed, save


async def register_unit(platform: Platform, tenant: str, ctx: CommandContext, *, plan_id: UUID,
                        unit_id: UUID, phase: str, targets: Iterable[Target], on: date,
                        work_items: Iterable[str] = (), initiatives: Iterable[str] = ()) -> CommandResult:
    """Register `unit_id` for `phase` ("" for a plan without phases) on day `on`.

    Refusals: OUT_OF_SCOPE, DEADLINE_PASSED (policy 'refuse'), INVALID_TRANSITION (plan not
    running), DUPLICATE (already registered for that phase), BAD_INPUT.
    """
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    plan = await load(platform, tenant, plan_id, Plan)
    scoped = await unit_in_scope(platform, tenant, plan, unit_id, on)
    registration = register(plan, unit_id, scoped, phase, list(targets), work_items, initiatives, on=on)
    try:
        return await save(platform, tenant, ctx, "register_unit", registration)
    except ConcurrencyError:
        raise _duplicate(phase) from None


async def record_result(platform: Platform, tenant: str, ctx: CommandContext, registration_id: UUID, *,
                        indicator: str, achieved: int | Decimal, on: date,
                        expected_version: int | None = None) -> CommandResult:
    """The achieved amount for one registered target (from a report or the final tally)."""
    if (done := await replayed(platform, tenant, ctx)) is not None:
        return done
    registration = await load(platform, tenant, registration_id, Registration, expected_version)
    registration.record_result(indicator, achieved, on)
    return await save(platform, tenant, ctx, "record_result", registration)


async def get_registration(platform: Platform, tenant: str, *, plan_id: UUID, phase: str,
                           unit_id: UUID) -> Registration | None:
    return await load_or_none(platform, tenant, registration_id(tenant, plan_id, phase, unit_id), Registration)


def _duplicate(phase: str) -> Duplicate:
    return Duplicate(f"the unit is already registered for phase {phase!r}", rule="registration.once_per_phase",
                     message_vi="Đơn vị đã đăng ký thi đua cho đợt này")
