"""Two questions about a unit, answered on the tenant's org timeline: is it within a plan's
scope (a descendant of the issuing unit that day), and is it within the caller's reach (the
subtree the caller writes for)?"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.organisation import OrgError, OrgTimeline
from domain.plan import Plan
from infra.platform import Platform
from services.context import CommandContext
from services.errors import Forbidden
from tenants.org_reader import load_timeline


def in_scope(timeline: OrgTimeline, plan: Plan, unit_id: UUID, day: date) -> bool:
    """True when the plan's issuing unit is a proper ancestor of `unit_id` on `day`.
    An unknown unit, or one not active that day, is out of scope."""
    if unit_id not in timeline:
        return False
    try:
        return plan.issuing_unit_id in timeline.ancestors(unit_id, day)
    except OrgError:
        return False


async def check_reach(platform: Platform, tenant: str, ctx: CommandContext, *unit_ids: UUID,
                      day: date | None = None, timeline: OrgTimeline | None = None) -> None:
    """FORBIDDEN unless each unit is the caller's own or below it (on `day`, else at any time
    of the unit's life). An unknown unit, or one not active that day, passes: the command then
    refuses it with its own precise rule (NOT_FOUND, OUT_OF_SCOPE, ...)."""
    own = ctx.writes_under
    if own is None or all(u == own for u in unit_ids):
        return
    timeline = timeline or await load_timeline(platform, tenant)
    for unit_id in unit_ids:
        if _outside(timeline, own, unit_id, day):
            raise Forbidden(f"unit {unit_id} is outside the caller's subtree")


def _outside(timeline: OrgTimeline, own: UUID, unit_id: UUID, day: date | None) -> bool:
    if unit_id == own or unit_id not in timeline:
        return False
    try:
        ancestors = timeline.ancestors(unit_id, day) if day else timeline.ancestors(unit_id)
    except OrgError:
        return False  # not active that day: the command refuses it with its own rule
    return own not in ancestors
