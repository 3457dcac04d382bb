"""Is a unit within a plan's scope? A descendant of the issuing unit on the given day."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.organisation import OrgError, OrgTimeline
from domain.plan import Plan
from infra.platform import Platform
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


async def unit_in_scope(platform: Platform, tenant: str, plan: Plan, unit_id: UUID, day: date) -> bool:
    return in_scope(await load_timeline(platform, tenant), plan, unit_id, day)
